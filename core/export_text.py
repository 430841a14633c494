"""`--format text`: a side-by-side rendering with Rich for pipes and CI logs (colour on terminals)."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.style import Style

from .headline import shown_title
from .highlight import changed_spans, pieces
from .model import Alignment, Document
from .rows import LABELS, MARKERS, Row, build_rows, partner_quote, row_state
from .sanitize import display_line, display_text, terminal_line, terminal_text
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


def summary_lines(al: Alignment, terminal: bool = False) -> list[str]:
    """The summary header every export shares (rows from `summary.build_summary`, i.e. `stats`);
    `terminal`: titles as drawn on a terminal grid (`sanitize.terminal_line`)."""
    summary = build_summary(al)
    line = terminal_line if terminal else display_line
    lines = [f"A: {line(shown_title(al.a.title))}  [{line(al.a.source)}]"]
    if al.b is not None:
        lines.append(f"B: {line(shown_title(al.b.title))}  [{line(al.b.source)}]")
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


Run = tuple[str, str]  # (text, Rich style string; "" for none)


#: Changed words in plain text (no colour: a pipe, a CI log, NO_COLOR), as `wdiff` and
#: `git diff --word-diff=plain` write them: without them a pair's changes did not show at all.
PLAIN_MARKS = {"a": ("[-", "-]"), "b": ("{+", "+}")}


def _marked(text: str, side: str) -> str:
    """`text` between the side's plain marks, its outer spaces left outside them."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    opening, closing = PLAIN_MARKS[side]
    return f"{lead}{opening}{core}{closing}{trail}"


def _side(doc: Document, idx: tuple[int, ...], style: str, al: Alignment, row: Row, side: str, color: bool,
          marks: bool = False, terminal: bool = False) -> list[Run] | str:
    """One side of a row: its units' text with the pair's changed words marked, as styled runs
    for colour, else as a plain string (`marks`: changed words between `PLAIN_MARKS`;
    `terminal`: text as drawn on a terminal grid, `sanitize.terminal_text`)."""
    parts: list[Run] = []
    show = terminal_text if terminal else display_text
    if idx:
        pair = al.pairs[row.pair] if row.pair is not None else None
        spans = changed_spans(pair, side, doc.text) if pair is not None else []
        changed = f"{style} underline".strip()
        for n, k in enumerate(idx):
            if n:
                parts.append((" ", ""))
            u = doc.units[k]
            for piece, is_changed in pieces(doc.text, u.start, u.end, spans):
                shown = show(piece)
                if is_changed and marks:
                    shown = _marked(shown, side)
                parts.append((shown, changed if is_changed else style))
        if row.kind == "boilerplate":
            parts.append((f"  [{doc.units[idx[0]].boilerplate}]", "dim italic"))
        if row.kind == "moved" and pair is not None:
            partner = pair.b if side == "a" else pair.a
            quote = show(partner_quote(al, row, side))
            parts.append((f"  (moved: {'B' if side == 'a' else 'A'} #{partner[0] + 1} “{quote}”)", "blue italic"))
    return _cell(parts, color)


def _cell(runs: list[Run], color: bool) -> list[Run] | str:
    """A cell as styled runs (colour) or as its plain text."""
    return runs if color else "".join(t for t, _ in runs)


def _column_widths(width: int, two_sided: bool) -> tuple[int, int]:
    """Text column widths: `m  A…  m  B…` (marker, two spaces, text; two spaces between sides)."""
    if not two_sided:
        return max(1, width - 3), 0
    w = max(1, (width - 8) // 2)
    return w, max(1, width - 8 - w)


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells: [start, end) ranges of `text`, one per line.

    Spaces between words on a line are kept, spaces at a break are dropped, a newline always
    breaks, and a word wider than the column is folded. Pure string work, so a 100,000-unit
    article wraps in a second where Rich's `Text.wrap` takes tens. A paragraph of printable
    ASCII (one cell a character) is wrapped by one regex pass (`_ascii_lines`), the same lines.
    """
    out: list[tuple[int, int]] = []
    base = 0
    lines = _ascii_lines(width) if width >= 2 else None
    for para in text.split("\n"):
        if lines is not None and para.isascii() and para.isprintable():
            n = len(out)
            out += [(m.start() + base, m.end() + base) for m in lines.finditer(para)]
            if len(out) == n:
                out.append((base, base))
        else:
            _wrap_cells(text, para, base, width, out)
        base += len(para) + 1
    return out


@lru_cache(maxsize=16)
def _ascii_lines(width: int) -> re.Pattern[str]:
    """Each match is one line of the greedy wrap of a paragraph of printable ASCII: the longest
    run of at most `width` characters from a word's start to a word's end, else (a word wider
    than the column) the next `width` characters of it."""
    return re.compile(rf"\S(?:[^\n]{{0,{width - 2}}}\S)?(?= |$)|\S{{{width}}}")


def _wrap_cells(text: str, para: str, base: int, width: int, out: list[tuple[int, int]]) -> None:
    """`wrap_ranges` of one paragraph (at `base` in `text`), measured in terminal cells."""
    start = end = -1
    used = 0
    for m in _WORD.finditer(para):
        ws, we = m.start() + base, m.end() + base
        w = cell_len(m.group())
        if start >= 0 and used + cell_len(text[end:ws]) + w <= width:
            used += cell_len(text[end:ws]) + w
            end = we
            continue
        if start >= 0:
            out.append((start, end))
        if w <= width:
            start, end, used = ws, we, w
            continue
        # fold a word wider than the column
        start, used = ws, 0
        for i in range(ws, we):
            cw = cell_len(text[i])
            if used + cw > width and i > start:
                out.append((start, i))
                start, used = i, 0
            used += cw
        end = we
    out.append((start, end) if start >= 0 else (base, base))


_WORD = re.compile(r"\S+")


def _cut(runs: list[Run], ranges: list[tuple[int, int]]) -> list[list[Run]]:
    """The runs of each [start, end) range of their joined text (ranges in order)."""
    out: list[list[Run]] = []
    k, pos = 0, 0  # run k starts at offset pos
    for s, e in ranges:
        while k < len(runs) and pos + len(runs[k][0]) <= s:
            pos += len(runs[k][0])
            k += 1
        line: list[Run] = []
        j, p = k, pos
        while j < len(runs) and p < e:
            t, st = runs[j]
            piece = t[max(0, s - p):e - p]
            if piece:
                line.append((piece, st))
            p += len(t)
            j += 1
        out.append(line)
    return out


@lru_cache(maxsize=64)
def _sgr(style: str) -> str:
    """The ANSI select-graphic-rendition codes Rich writes for `style` (standard colours)."""
    if not style:
        return ""
    probe = Style.parse(style).render("\x00", color_system=ColorSystem.STANDARD)  # ESC[codes m NUL ESC[0m
    return probe[2:probe.index("m\x00")] if probe.startswith("\x1b[") else ""


def _ansi(runs: list[Run]) -> str:
    """A laid-out line as terminal text, trailing blanks dropped: each styled run wrapped in its
    codes, as Rich renders it (Rich's Text slicing and rendering cost half a minute a book)."""
    while runs and not runs[-1][0].rstrip():
        runs.pop()
    if runs:
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    out = []
    for t, st in runs:
        codes = _sgr(st)
        out.append(f"\x1b[{codes}m{t}\x1b[0m" if codes and t else t)
    return "".join(out)


def render_text(al: Alignment, width: int = 120, color: bool = False, marks: bool | None = None,
                terminal: bool = False) -> str:
    """Summary header, legend, then the side-by-side rows wrapped to `width` columns. A pair's
    changed words are underlined in colour and written between `PLAIN_MARKS` without it
    (`marks`; by default, exactly when there is no colour).

    `terminal`: the report goes straight to a terminal, which may draw an emoji sequence wider
    or narrower than Rich measures it (👨‍👩‍👧, ❤️, 👍🏽), pushing B's column out of line; the text
    is then drawn as the app draws it (`sanitize.terminal_text`: the sequence as its parts).
    A file or a pipe keeps the text whole.

    The columns are laid out here rather than by a Rich Table, and wrapped by `wrap_ranges`:
    the rows are independent, and Rich's table and wrapping cost seconds on long articles
    (see benchmarks/bench_export.py). The rows are built as plain strings, with colour as
    runs of (text, style) turned into ANSI codes here; the summary's long lines hang under
    their values.
    """
    out: list[str] = []
    head = summary_lines(al, terminal)
    titles = 2 if al.b is not None else 1
    label_width = max((len(r.label) for r in build_summary(al).rows), default=0) + 2
    for n, line in enumerate(head):
        out += _hanging(line, width, 3 if n < titles else label_width)
    if marks is None:
        marks = not color
    states = ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate")
    legend = [f"{MARKERS[k]} {LABELS[k]}" for k in (states if al.b is not None else ("boilerplate",))]
    if marks and al.b is not None:
        legend.append("{}words{} / {}words{} changed inside a pair".format(*PLAIN_MARKS["a"], *PLAIN_MARKS["b"]))
    for line in _packed(legend, width):
        out.append(_ansi([(line, "dim")]) if color else line)
    two = al.b is not None
    wa, wb = _column_widths(width, two)

    def lines_of(cell: list[Run] | str, w: int) -> list[list[Run]] | list[str]:
        plain = cell if isinstance(cell, str) else "".join(t for t, _ in cell)
        if not plain:
            return [[]] if color else [""]
        ranges = wrap_ranges(plain, w)
        if isinstance(cell, str):
            return [cell[s:e] for s, e in ranges]
        return _cut(cell, ranges)

    def emit(mark_a: Run, cell_a: list[Run] | str, mark_b: Run | None, cell_b: list[Run] | str | None) -> None:
        lines_a = lines_of(cell_a, wa)
        lines_b = lines_of(cell_b, wb) if cell_b is not None else []
        blank: list[Run] | str = [] if color else ""
        for i in range(max(len(lines_a), len(lines_b))):
            la = lines_a[i] if i < len(lines_a) else blank
            runs: list[Run] = [mark_a if i == 0 else (" ", ""), ("  ", "")]
            runs += la if color else [(la, "")]  # type: ignore[list-item]
            if mark_b is not None and (i < len(lines_b) or (i == 0 and mark_b[0].strip())):
                runs.append((" " * (wa - sum(cell_len(t) for t, _ in runs[2:])) + "  ", ""))  # A padded to its column
                if i < len(lines_b):
                    lb = lines_b[i]
                    runs += [mark_b if i == 0 else (" ", ""), ("  ", "")]
                    runs += lb if color else [(lb, "")]  # type: ignore[list-item]
                else:
                    runs.append(mark_b)
            out.append(_ansi(runs) if color else "".join(t for t, _ in runs).rstrip())

    line_of = terminal_line if terminal else display_line
    head_a = _cell([(f"A {line_of(al.a.source)}", "bold")], color)
    head_b = _cell([(f"B {line_of(al.b.source)}", "bold")], color) if al.b is not None else None
    emit((" ", ""), head_a, (" ", "") if two else None, head_b)
    for row in build_rows(al):
        state = row_state(al, row)
        style = STYLES.get(state, "")
        mark = MARKERS.get(state, " ")
        cell_a = _side(al.a, row.a, style, al, row, "a", color, marks, terminal)
        mark_a = (mark if row.a else " ", style)
        if two:
            assert al.b is not None
            emit(mark_a, cell_a, (mark if row.b else " ", style), _side(al.b, row.b, style, al, row, "b", color, marks, terminal))
        else:
            emit(mark_a, cell_a, None, None)
    return "\n".join(out) + "\n"


def _hanging(line: str, width: int, indent: int) -> list[str]:
    """`line` wrapped to `width` with its continuation lines indented under its value (a label
    column's width): Rich's wrap put '…found' and 'on the other side)' at the left margin."""
    ranges = wrap_ranges(line, width)
    s, e = ranges[0]
    lines = [line[s:e]]
    rest = line[e:].strip()
    if rest:
        w = max(1, width - indent) if width - indent >= 12 else width
        pad = " " * (width - w)
        lines += [pad + rest[a:b] for a, b in wrap_ranges(rest, w)]
    return lines


def _packed(entries: list[str], width: int) -> list[str]:
    """Legend entries two spaces apart, a line broken only between entries ('+ only in B
    (added)' is never cut in two) unless one entry is wider than the line."""
    lines: list[str] = []
    for entry in entries:
        if lines and cell_len(lines[-1]) + 2 + cell_len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return [piece for line in lines for piece in ([line] if cell_len(line) <= width else
            [line[a:b] for a, b in wrap_ranges(line, width)])]
