"""Parse an HTML report back (html.parser) and check it is well-formed and inert.

Shared by the export, Markdown (rendered to HTML) and browser tests; not a test module itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Elements a rafahdiff report is made of; anything else came from an article.
REPORT_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "h1", "h2", "ul", "li", "b", "i",
    "code", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "span", "del", "ins", "a",
    "input", "label", "bdi",
}
UNIT_ID = re.compile(r"^[ab]-\d+$")


@dataclass
class Report:
    tags: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    unit_text: dict[str, str] = field(default_factory=dict)   # id → text (without badges/links)
    unit_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    unit_row_class: dict[str, str] = field(default_factory=dict)
    marked: dict[str, list[str]] = field(default_factory=dict)  # id → texts of <del>/<ins> inside
    stats: list[tuple[str, str, str]] = field(default_factory=list)  # (stat, data-value, shown)
    metas: list[dict[str, str]] = field(default_factory=list)
    text: str = ""


class Checker(HTMLParser):
    """Collects what the tests assert on; records problems instead of raising."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.r = Report()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.unit: str | None = None
        self.unit_depth = 0
        self.skip_depth = 0  # inside a badge or link within a unit
        self.mark_depth = 0
        self.stat: tuple[str, str] | None = None
        self.stat_text: list[str] = []
        self.row_class = ""
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        self.r.tags.append(tag)
        for k, v in attrs.items():
            if k.startswith("on"):
                self.r.problems.append(f"event handler attribute {k} on <{tag}>")
            if "javascript:" in v.lower().replace(" ", "") and k in ("href", "src", "action", "formaction", "xlink:href"):
                self.r.problems.append(f"javascript: URL in {k}")
            if k in ("src", "srcset", "action", "formaction", "background", "poster"):
                self.r.problems.append(f"resource attribute {k} on <{tag}>")
        if tag == "script":
            self.r.problems.append("script element")
        if tag == "meta":
            self.r.metas.append(attrs)
        if tag == "a" and "href" in attrs:
            self.r.hrefs.append(attrs["href"])
        if "id" in attrs:
            if attrs["id"] in self.r.ids:
                self.r.problems.append(f"duplicate id {attrs['id']}")
            self.r.ids.add(attrs["id"])
        if tag == "tr":
            self.row_class = attrs.get("class", "")
        if self.unit is not None:
            if tag not in VOID:
                self.unit_depth += 1
                if self.skip_depth or "cat" in attrs.get("class", "").split() or tag == "a":
                    self.skip_depth += 1
                if self.mark_depth or tag in ("del", "ins"):
                    self.mark_depth += 1
                    if self.mark_depth == 1:
                        self.r.marked.setdefault(self.unit, []).append("")
        elif UNIT_ID.match(attrs.get("id", "")):
            self.unit = attrs["id"]
            self.unit_depth = 1
            self.r.unit_text[self.unit] = ""
            self.r.unit_attrs[self.unit] = attrs
            self.r.unit_row_class[self.unit] = self.row_class
        if "data-stat" in attrs:
            self.stat = (attrs["data-stat"], attrs.get("data-value", ""))
            self.stat_text = []
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1][0] if self.stack else None
            self.r.problems.append(f"unbalanced </{tag}> (open: {open_tag})")
            return
        _, attrs = self.stack.pop()
        if self.unit is not None:
            if self.mark_depth:
                self.mark_depth -= 1
            if self.skip_depth:
                self.skip_depth -= 1
            self.unit_depth -= 1
            if self.unit_depth == 0:
                self.unit = None
        if "data-stat" in attrs and self.stat is not None:
            self.r.stats.append((*self.stat, "".join(self.stat_text)))
            self.stat = None

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self.stat is not None:
            self.stat_text.append(data)
        if self.unit is not None and not self.skip_depth:
            self.r.unit_text[self.unit] += data
            if self.mark_depth:
                self.r.marked[self.unit][-1] += data

    def close(self) -> None:
        super().close()
        if self.stack:
            self.r.problems.append(f"unclosed elements: {[t for t, _ in self.stack]}")
        self.r.text = "".join(self.texts)


def check_html(doc: str) -> Report:
    c = Checker()
    c.feed(doc)
    c.close()
    return c.r


def squash(text: str) -> str:
    """Whitespace-insensitive form for comparing rendered text with the source."""
    return " ".join(text.split())
