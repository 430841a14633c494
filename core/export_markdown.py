"""`--format markdown`: a readable report that renders on GitHub and other CommonMark viewers.

Layout: a title, the two documents, the summary (a table for each side's figures, a list for
the figures about pairs), a legend, then one two-column table row per display row (the same rows
as the app). Article text is untrusted and lands inside table cells, so `md` makes it inert while
keeping the raw file readable: controls/bidi → placeholders (`display_text`), newlines folded to
spaces (a newline would end the table row), `<` and entity-like `&` written as entities (no raw
HTML, no `<…>` autolinks), the colon of `http:`/`https:`/`ftp:` and the dot of `www.` escaped
(no GitHub extended autolinks), and the characters that start inline syntax backslash-escaped — emphasis and
strikethrough (`*_~`), code (`` ` ``), links (`[]`), pipes (cell borders), GitHub math (`$`) and
mentions (`@`), and the backslash itself. Block syntax (`#`, `>`, `-`, `1.`) cannot start inside
a cell or after our own line prefixes, so it needs no escape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .headline import shown_title
from .highlight import changed_spans, pieces
from .model import Alignment, Document
from .rows import LABELS, MARKERS, Row, build_rows, partner_quote, row_state
from .sanitize import display_text
from .summary import Figure, build_summary

_SYNTAX = re.compile(r"([\\`*_\[\]|~$@])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SPACE = re.compile(r"\s+")
#: What GitHub's extended autolinks start from in plain text (`https://`, `www.`): escaping
#: the colon or the dot (`https\://`, `www\.`) leaves the text as it reads and the link inert,
#: as in the HTML report (an article's URLs are text, not links a reader may click by mistake).
#: An e-mail address still becomes a mailto: link on GitHub: its autolink is found after the
#: escapes are resolved, and only raw HTML (never written here) could split it.
_AUTOLINK = re.compile(r"(?i)(?<![0-9a-z])(?:https?:|ftp:|www\.)")


def md(text: str) -> str:
    """Untrusted text → inert inline Markdown, safe inside a table cell."""
    return _escape(_SPACE.sub(" ", display_text(text)).strip())


def _escape(text: str) -> str:
    text = _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")
    text = _SYNTAX.sub(r"\\\1", text)
    return _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def _md_marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """One unit with its changed words in bold, as the app and HTML highlight them.

    Whitespace stays outside the `**` (CommonMark only closes emphasis next to a non-space).
    """
    out: list[str] = []
    for piece, changed in pieces(text, start, end, spans):
        piece = _SPACE.sub(" ", display_text(piece))
        core = piece.strip()
        if not changed or not core:
            out.append(_escape(piece))
            continue
        lead = " " if piece[:1] == " " else ""
        trail = " " if piece[-1:] == " " else ""
        out.append(f"{lead}**{_escape(core)}**{trail}")
    return "".join(out).strip()


def _figs(figs: tuple[Figure, ...]) -> str:
    return " · ".join(md(f.text) for f in figs) or "—"


def _side(al: Alignment, doc: Document, row: Row, side: str, state: str) -> str:
    idx = row.a if side == "a" else row.b
    if not idx:
        return " "
    parts = [f"`{MARKERS.get(state, ' ')}`" if MARKERS.get(state, " ").strip() else ""]
    spans = changed_spans(al.pairs[row.pair], side, doc.text) if row.pair is not None else []
    for k in idx:
        u = doc.units[k]
        if spans and not u.boilerplate:  # a headline in a pair too: bold is what differs
            text = _md_marked(doc.text, u.start, u.end, spans)
        elif u.kind == "heading" and not u.boilerplate:
            text = f"**{md(doc.text[u.start:u.end])}**"  # a headline with no partner
        else:
            text = md(doc.text[u.start:u.end])
        if u.boilerplate:
            text = f"*{text}* \\[{md(u.boilerplate)}\\]"
        parts.append(text)
    if row.kind == "moved" and row.pair is not None:
        pair = al.pairs[row.pair]
        partner = pair.b if side == "a" else pair.a
        quote = md(partner_quote(al, row, side))
        parts.append(f"*(moved: {'B' if side == 'a' else 'A'} #{partner[0] + 1} “{quote}”)*")
    return " ".join(p for p in parts if p)


def iter_markdown(al: Alignment) -> Iterator[str]:
    summary = build_summary(al)
    title = shown_title(al.a.title) if al.b is None else f"{shown_title(al.a.title)} ↔ {shown_title(al.b.title)}"
    yield f"# {'Article report' if al.b is None else 'Comparison report'}: {md(title)}\n\n"
    for side, doc in (("A", al.a), ("B", al.b)):
        if doc is not None:
            yield (f"- **{side}**: {md(shown_title(doc.title))} — {md(doc.source)} ({md(doc.path)}), "
                   f"{len(doc.units)} units\n")
    yield "\n## Summary\n\n"
    if summary.two_sided:
        yield f"| Measure | A: {md(summary.a_source)} | B: {md(summary.b_source or '')} |\n|---|---|---|\n"
    else:
        yield f"| Measure | A: {md(summary.a_source)} |\n|---|---|\n"
    for r in summary.rows:
        if r.both:
            continue
        label = f"{md(r.label)} — *{md(r.note)}*" if r.note else md(r.label)
        cells = [_figs(r.a)] + ([_figs(r.b)] if summary.two_sided else [])
        yield f"| {label} | {' | '.join(cells)} |\n"
    both = [r for r in summary.rows if r.both]
    if both:
        yield "\n" + "".join(f"- **{md(r.label)}**: {_figs(r.both)}" + (f" — *{md(r.note)}*" if r.note else "") + "\n"
                             for r in both)
    states = ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate")
    if al.b is None:
        states = ("boilerplate",)
    yield "\n## Side by side\n\n" + "Markers: " + ", ".join(f"`{MARKERS[s]}` {md(LABELS[s])}" for s in states)
    yield (".\n\n" if al.b is None else "; **bold**: the words that differ inside a pair.\n\n")
    if al.b is None:
        yield f"| A: {md(al.a.source)} |\n|---|\n"
    else:
        yield f"| A: {md(al.a.source)} | B: {md(al.b.source)} |\n|---|---|\n"
    for row in build_rows(al):
        state = row_state(al, row)
        cells = [_side(al, al.a, row, "a", state)]
        if al.b is not None:
            cells.append(_side(al, al.b, row, "b", state))
        yield f"| {' | '.join(cells)} |\n"


def render_markdown(al: Alignment) -> str:
    return "".join(iter_markdown(al))
