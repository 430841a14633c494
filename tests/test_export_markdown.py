"""Issue 6: the Markdown report — structure, escaping (parsed back with a CommonMark+GFM-tables
parser), summary = JSON stats, every sentence present."""

from __future__ import annotations

import re
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_json import to_dict
from rafahdiff.core.export_markdown import md, render_markdown
from rafahdiff.core.rows import build_rows
from rafahdiff.core.sanitize import display_text
from rafahdiff.core.summary import build_summary
from tests.cli_helpers import run_cli
from tests.conftest import SEED_IDS
from tests.html_check import check_html, squash
from tests.test_export_html import HOSTILE_A, HOSTILE_B

#: What GitHub renders: CommonMark plus tables and strikethrough, raw HTML allowed (GitHub then
#: sanitises it; we must not rely on that, so HTML stays enabled here).
PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _pair(a: str, b: str | None):
    return compare(read_source(a), read_source(b) if b else None)


def _rendered(doc: str):
    html_doc = PARSER.render(doc)
    return html_doc, check_html(html_doc)


def _table_rows(html_doc: str) -> list[list[str]]:
    """Cells of every body row of the last table (the side-by-side one), as text."""
    last = html_doc[html_doc.rindex("<table>"):]
    body = last[last.index("<tbody>"):] if "<tbody>" in last else ""
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, flags=re.S)
        rows.append([check_html(c).text for c in cells])
    return rows


def full_check(al) -> None:
    doc = render_markdown(al)
    html_doc, rep = _rendered(doc)
    # inert: no HTML element other than what Markdown itself makes, no links at all
    assert rep.problems == [], rep.problems[:5]
    assert set(rep.tags) <= {"h1", "h2", "ul", "li", "strong", "em", "code", "p", "table", "thead", "tbody",
                             "tr", "th", "td"}, set(rep.tags)
    assert "<" not in doc  # article '<' is always an entity: no raw HTML, no autolinks
    # the side-by-side table: one row per display row, one cell per document, every unit present
    rows = build_rows(al)
    cells = _table_rows(html_doc)
    ncols = 1 if al.b is None else 2
    assert len(cells) == len(rows)
    assert all(len(c) == ncols for c in cells)
    for row, row_cells in zip(rows, cells):
        for side, doc_, idx, cell in (("a", al.a, row.a, row_cells[0]),
                                      ("b", al.b, row.b, row_cells[-1] if al.b else "")):
            for k in idx:
                u = doc_.units[k]
                assert squash(display_text(doc_.text[u.start:u.end])) in squash(cell), (side, k)
            if not idx:
                assert cell.strip() == ""
    # every raw table line has exactly ncols+1 unescaped pipes (a pipe in an article never splits a cell)
    table_lines = [ln for ln in doc.splitlines() if ln.startswith("| ")]
    body_start = doc.index("## Side by side")
    for ln in doc[body_start:].splitlines():
        if ln.startswith("|"):
            assert len(CELL_SPLIT.findall(ln)) == ncols + 1, ln
    assert table_lines
    assert_summary_equals_json(al, doc)


def assert_summary_equals_json(al, doc: str) -> None:
    stats = to_dict(al)["stats"]
    summary = build_summary(al)
    section = doc[doc.index("## Summary"):doc.index("## Side by side")]
    for r in summary.rows:
        line = next(ln for ln in section.splitlines() if md(r.label) in ln)
        groups = (r.both,) if r.both else ((r.a, r.b) if summary.two_sided else (r.a,))
        shown = line.split(" | ")[1:] if not r.both else [line.split("**: ", 1)[1]]
        for figs, cell in zip(groups, shown):
            numbers = re.findall(r"(\d+(?:\.\d+)?)(%?)", cell.split(" — ")[0])
            assert len(numbers) == len(figs), (r.key, cell)
            for f, (num, pct) in zip(figs, numbers):
                if pct:
                    assert abs(float(num) / 100 - stats[f.stat]) <= 0.0005 + 1e-9, (f.stat, cell)
                else:
                    assert int(num) == stats[f.stat], (f.stat, cell)


@pytest.mark.parametrize("a,b", list(permutations(SEED_IDS, 2)))
def test_every_seed_pair(a, b):
    full_check(_pair(a, b))


@pytest.mark.parametrize("seed", SEED_IDS)
def test_single_document(seed):
    full_check(_pair(seed, None))


def test_hostile_articles_render_as_text():
    al = compare(SourceText("a|b*c", "/tmp/a|b*c", HOSTILE_A), SourceText("[x](javascript:y)", "/tmp/x", HOSTILE_B))
    full_check(al)
    html_doc, rep = _rendered(render_markdown(al))
    for needle in ("<script>alert(1)</script>", '<a href="javascript:alert(1)">here</a>',
                   '"><img src=x onerror=alert(1)>', "&amp; &lt;b&gt;", "<iframe src=//evil></iframe>"):
        assert needle in rep.text, needle
    assert "\u202e" not in html_doc and "\x1b" not in html_doc
    assert rep.hrefs == []


@pytest.mark.parametrize("text", [
    "a | b", "**bold** and _em_ and ~~strike~~", "[link](javascript:alert(1)) ![img](x.png)",
    "`code` and ``double``", "line one\nline two\r\nthree", "<b>tag</b> <!-- c --> <https://x.y>",
    "&amp; &#60; &copy;", "$x^2$ and $$y$$", "@someone #123", "\\| escaped \\*", "trailing \\",
    "# not a heading", "> not a quote", "1. not a list", "- not a list", "www.example.com http://e.x",
])
def test_md_cell_is_literal_text(text):
    """Inside a table cell, `md(text)` renders back to exactly the text (whitespace folded)."""
    cell = md(text)
    assert "\n" not in cell and "<" not in cell
    assert len(CELL_SPLIT.findall(cell)) == 0
    # GitHub extras the CommonMark parser below does not know: math ($) and mentions (@)
    assert not re.search(r"(?<!\\)[$@]", cell.replace("\\\\", "")), cell
    html_doc = PARSER.render(f"| h |\n|---|\n| {cell} |\n")
    rep = check_html(html_doc)
    assert set(rep.tags) == {"table", "thead", "tbody", "tr", "th", "td"}, (text, html_doc)
    got = _table_rows(html_doc)
    assert [[squash(c) for c in r] for r in got] == [[squash(display_text(text))]]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(list("ab |\\*_~`[]()<>&;#!$@\n\u202e.") + ["&amp;", "<b>", "](", "http://"]),
                max_size=40).map("".join))
def test_md_generated_text_round_trips(text):
    if not text.strip():
        return
    html_doc = PARSER.render(f"| h |\n|---|\n| {md(text)} |\n")
    rep = check_html(html_doc)
    assert set(rep.tags) == {"table", "thead", "tbody", "tr", "th", "td"}, html_doc
    assert [[squash(c) for c in r] for r in _table_rows(html_doc)] == [[squash(display_text(text))]]


def test_cli_markdown_stdout_matches_renderer(capsys):
    res = run_cli(["002", "003", "--format", "markdown"], capsys)
    assert res.code == 0 and res.err == ""
    assert res.out == render_markdown(_pair("002", "003"))


@pytest.mark.parametrize("a,b", [("001", "002"), ("003", "004"), ("000", "004")])
def test_changed_words_inside_pairs_are_bold(a, b):
    """Like the app and the HTML report, the Markdown shows which words of a pair differ."""
    from rafahdiff.core.highlight import changed_spans, pieces

    al = _pair(a, b)
    html_doc = PARSER.render(render_markdown(al))
    last = html_doc[html_doc.rindex("<table>"):]
    trs = re.findall(r"<tr>(.*?)</tr>", last[last.index("<tbody>"):], flags=re.S)
    checked = 0
    for row, tr in zip(build_rows(al), trs):
        if row.pair is None:
            continue
        cells = re.findall(r"<td[^>]*>(.*?)</td>", tr, flags=re.S)
        for side, doc, idx, cell in (("a", al.a, row.a, cells[0]), ("b", al.b, row.b, cells[-1])):
            units = [doc.units[k] for k in idx]
            if not units or any(u.boilerplate for u in units):  # headlines too: all-bold hid their changes
                continue
            spans = changed_spans(al.pairs[row.pair], side, doc.text)
            want = [squash(display_text(p)) for u in units
                    for p, changed in pieces(doc.text, u.start, u.end, spans) if changed and p.strip()]
            got = [squash(check_html(s).text) for s in re.findall(r"<strong>(.*?)</strong>", cell, flags=re.S)]
            assert got == want, (side, row)
            checked += len(want)
    if any(p.relation in ("edited", "paraphrase") for p in al.pairs):
        assert checked > 0


def test_article_urls_are_not_links_on_github():
    """GitHub's extended autolinks turned an article's bare https:// and www. addresses into
    links in the report (the HTML report shows them as text). Rendered with GitHub's own cmark
    when it is installed (`pip install cmarkgfm`)."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    text = "Donate at https://evil.example/pay or www.evil.example, HTTP://X.Y and javascript:alert(1)."
    cell = md(text)
    html_doc = cmarkgfm.github_flavored_markdown_to_html(f"| h |\n|---|\n| {cell} |\n")
    assert "<a " not in html_doc, html_doc
    assert squash(check_html(html_doc).text) == squash("h " + text)


def test_a_headline_with_no_partner_is_bold():
    """543fb9a meant an unpaired headline to stay bold, but a second assignment overwrote it."""
    from rafahdiff.core import SourceText, compare, read_source
    from rafahdiff.core.export_markdown import render_markdown
    menu = SourceText("menu.txt", "menu.txt", "Home\nNews\nSubscribe\nSign in\nPrivacy Policy\n")
    al = compare(read_source("001"), menu)
    md = render_markdown(al)
    assert "| `-` **Rafah Assault on Hold as US-Israel Talks Back On** |" in md
