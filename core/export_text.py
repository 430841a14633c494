"""`--format text`: a side-by-side rendering with Rich for pipes and CI logs."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Alignment, Document
from .rows import LABELS, MARKERS, Row, build_rows, row_state
from .sanitize import display_line, display_text
from .summary import build_summary

STYLES: dict[str, str] = {
    "identical": "",
    "edited": "yellow",
    "paraphrase": "cyan",
    "related": "magenta",
    "omitted": "red",
    "added": "green",
    "moved": "blue",
    "boilerplate": "dim",
    "content": "",
}


def _figs(figs) -> str:
    return " · ".join(f.text for f in figs)


def summary_lines(al: Alignment) -> list[str]:
    """The summary header every export shares (rows from `summary.build_summary`, i.e. `stats`)."""
    summary = build_summary(al)
    lines = [f"A: {display_line(al.a.title)}  [{display_line(al.a.source)}]"]
    if al.b is not None:
        lines.append(f"B: {display_line(al.b.title)}  [{display_line(al.b.source)}]")
    width = max(len(r.label) for r in summary.rows)
    for r in summary.rows:
        if r.both:
            value = _figs(r.both)
        elif summary.two_sided:
            value = f"A {_figs(r.a) or '—'}  ·  B {_figs(r.b) or '—'}" if r.a and r.b else (
                f"A {_figs(r.a)}" if r.a else f"B {_figs(r.b)}")
        else:
            value = _figs(r.a)
        lines.append(f"{r.label:<{width}}  {value}  ({r.note})" if r.note else f"{r.label:<{width}}  {value}")
    return lines


def _side(doc: Document, idx: tuple[int, ...], style: str, al: Alignment, row: Row, side: str) -> Text:
    if not idx:
        return Text("")
    t = Text()
    for n, k in enumerate(idx):
        if n:
            t.append(" ")
        u = doc.units[k]
        t.append(display_text(doc.text[u.start:u.end]), style=style)
    if row.kind == "boilerplate":
        u = doc.units[idx[0]]
        t.append(f"  [{u.boilerplate}]", style="dim italic")
    if row.kind == "moved" and row.pair is not None:
        p = al.pairs[row.pair]
        partner = p.b if side == "a" else p.a
        t.append(f"  (moved: {'B' if side == 'a' else 'A'} #{partner[0] + 1})", style="blue italic")
    return t


def render_text(al: Alignment, width: int = 120, color: bool = False) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, color_system="standard" if color else None, no_color=not color,
        force_terminal=color, legacy_windows=False, highlight=False, markup=False, emoji=False,
    )
    for line in summary_lines(al):
        console.print(Text(line))
    legend = "  ".join(f"{MARKERS[k]} {LABELS[k]}" for k in
                       ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate"))
    console.print(Text(legend, style="dim"))
    table = Table(show_header=True, show_lines=False, box=None, pad_edge=False, expand=True)
    table.add_column("", width=1, no_wrap=True)
    table.add_column(Text(f"A {display_text(al.a.source)}"), ratio=1, overflow="fold")
    if al.b is not None:
        table.add_column("", width=1, no_wrap=True)
        table.add_column(Text(f"B {display_text(al.b.source)}"), ratio=1, overflow="fold")
    for row in build_rows(al):
        state = row_state(al, row)
        style = STYLES.get(state, "")
        mark = MARKERS.get(state, " ")
        cells = [Text(mark if row.a else " ", style=style), _side(al.a, row.a, style, al, row, "a")]
        if al.b is not None:
            cells += [Text(mark if row.b else " ", style=style), _side(al.b, row.b, style, al, row, "b")]
        table.add_row(*cells)
    console.print(table)
    return buf.getvalue()
