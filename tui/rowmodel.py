"""What the diff view shows, independent of Textual: visible rows, their texts, layout and search.

The view asks this model for row heights and for the marked-up text of the few rows on screen;
everything here is computed lazily and cached, so two 30,000-sentence documents stay fluid.
Only `rafahdiff.core.rows` decides how units become rows; this module folds, hides and wraps them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal, NamedTuple

from rafahdiff.core.highlight import changed_spans
from rafahdiff.core.model import Alignment, Document
from rafahdiff.core.rows import MARKERS, Row, build_rows, row_state
from rafahdiff.core.sanitize import terminal_text

from .wrap import wrap_offsets

Side = Literal["a", "b"]
MarkKind = Literal["change", "badge", "category"]

#: Printable characters `terminal_text` may still replace or trim (combining-mark runs, variation
#: selectors, Hangul fillers, tag characters, skin-tone modifiers), kept broad on purpose: text
#: holding none of them and no non-printable character is returned unchanged, so the view can skip the
#: (slower, per-character) sanitiser for it. tests/test_app_model.py checks the equivalence.
_PRINTABLE_SUSPECTS = frozenset(
    chr(c)
    for lo, hi in (
        (0x0300, 0x036F), (0x0483, 0x0489), (0x115F, 0x1160), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xFFA0, 0xFFA0),
        (0xE0000, 0xE0FFF), (0x1F3FB, 0x1F3FF),
    )
    for c in range(lo, hi + 1)
)


def surely_safe(raw: str) -> bool:
    """True only when `terminal_text(raw) == raw` is certain without running the sanitiser."""
    return raw.isprintable() and (raw.isascii() or _PRINTABLE_SUSPECTS.isdisjoint(raw))


def shown(raw: str) -> str:
    """What the screen shows for article text `raw`: `terminal_text` (sanitised, emoji sequences
    as their parts so every terminal draws the width Rich measured), one line."""
    out = raw if surely_safe(raw) else terminal_text(raw)
    return out.replace("\n", " ")


#: Cells around the text columns: selection bar, marker and space before each text column, and
#: " │ " between the columns; the B column has no selection bar, hence the -1 below.
GUTTER = 3
SEPARATOR = 3


@dataclass(frozen=True, slots=True)
class SideText:
    """One side of a row as shown: sanitised plain text plus marked ranges (display offsets)."""

    plain: str
    marks: tuple[tuple[int, int, MarkKind], ...] = ()


class ViewRow(NamedTuple):
    """A visible row: one base row, or a folded run of identical base rows `first..last`.

    A NamedTuple rather than a frozen dataclass: tens of thousands are made on every toggle.
    """

    first: int
    last: int
    folded: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A search hit: a visible row, a side and a range of that side's plain text."""

    row: int
    side: Side
    start: int
    end: int


def _side_units(row: Row, side: Side) -> tuple[int, ...]:
    return row.a if side == "a" else row.b


class RowModel:
    """Rows of one Alignment under the current toggles, with widths, heights and search."""

    def __init__(self, al: Alignment) -> None:
        self.al = al
        self.rows: tuple[Row, ...] = build_rows(al)
        self.states: tuple[str, ...] = tuple(row_state(al, r) for r in self.rows)
        self.two_sided = al.b is not None
        self.hide_boilerplate = False
        self.diff_only = False
        self._texts: dict[tuple[int, Side], SideText] = {}
        self._moved_rows: dict[int, list[int]] = {}
        self._row_of_unit: dict[tuple[Side, int], int] = {}
        for r, row in enumerate(self.rows):
            if row.kind == "moved" and row.pair is not None:
                self._moved_rows.setdefault(row.pair, []).append(r)
            for k in row.a:
                self._row_of_unit[("a", k)] = r
            for k in row.b:
                self._row_of_unit[("b", k)] = r
        self.visible: list[ViewRow] = []
        self._firsts: list[int] = []
        self.width = 0
        self._height_of: dict[int, int] = {}  # base row → height at self.width
        self._fold_height: dict[int, int] = {}
        self.heights: list[int] = []
        self.starts: list[int] = []
        self.rebuild()

    # -- documents and texts -------------------------------------------------------------------

    def doc(self, side: Side) -> Document | None:
        return self.al.a if side == "a" else self.al.b

    def side_text(self, r: int, side: Side) -> SideText:
        """The shown text of base row `r` on `side` (cached; width-independent)."""
        key = (r, side)
        got = self._texts.get(key)
        if got is None:
            got = self._texts[key] = self._make_side_text(r, side)
        return got

    def _make_side_text(self, r: int, side: Side) -> SideText:
        row = self.rows[r]
        doc = self.doc(side)
        idx = _side_units(row, side)
        if doc is None or not idx:
            return SideText("")
        # The same changed phrases as the exports (runs apart by only a space are one phrase:
        # "is back on" was two islands with an unmarked space between them).
        changed = changed_spans(self.al.pairs[row.pair], side, doc.text) if row.pair is not None else []
        parts: list[str] = []
        marks: list[tuple[int, int, MarkKind]] = []
        length = 0

        def put(raw: str, kind: MarkKind | None = None) -> None:
            nonlocal length
            out = shown(raw)
            if not out:
                return
            parts.append(out)
            if kind is not None:
                marks.append((length, length + len(out), kind))
            length += len(out)

        for n, k in enumerate(idx):
            if n:
                put(" ")
            u = doc.units[k]
            pos = u.start
            if not changed:
                put(doc.text[u.start:u.end])
                continue
            for s, e in changed:
                s, e = max(s, u.start), min(e, u.end)
                if s >= e or s < pos:
                    continue
                put(doc.text[pos:s])
                put(doc.text[s:e], "change")
                pos = e
            put(doc.text[pos:u.end])
        if row.kind == "boilerplate":
            u = doc.units[idx[0]]
            put(f"  [{u.boilerplate or 'boilerplate'}]", "category")
        elif row.kind == "moved" and row.pair is not None:
            other: Side = "b" if side == "a" else "a"
            partner = _side_units_of_pair(self.al, row.pair, other)
            if partner:
                put(f"  {MARKERS['moved']} {other.upper()} #{partner[0] + 1}", "badge")
        return SideText("".join(parts), tuple(marks))

    # -- toggles and the visible rows ----------------------------------------------------------

    def rebuild(self) -> None:
        """Recompute the visible rows after a toggle (heights are redone for the current width)."""
        vis: list[ViewRow] = []
        run_start = -1
        for r, state in enumerate(self.states):
            if self.hide_boilerplate and self.rows[r].kind == "boilerplate":
                continue
            if self.diff_only and state == "identical":
                if run_start < 0:
                    run_start = r
                continue
            if run_start >= 0:
                vis.append(ViewRow(run_start, r - 1, folded=True))
                run_start = -1
            vis.append(ViewRow(r, r))
        if run_start >= 0:
            vis.append(ViewRow(run_start, len(self.states) - 1, folded=True))
        self.visible = vis
        self._firsts = [v.first for v in vis]
        if self.width:
            self.layout(self.width, force=True)

    def visible_index_of(self, base_row: int) -> int:
        """The visible row holding base row `base_row`, or the nearest one when it is hidden."""
        if not self.visible:
            return 0
        i = bisect_right(self._firsts, base_row) - 1
        if i < 0:
            return 0
        if base_row <= self.visible[i].last:
            return i
        # Hidden (boilerplate): the next visible row keeps the reading position.
        return min(i + 1, len(self.visible) - 1)

    def row_of_unit(self, side: Side, unit: int) -> int | None:
        return self._row_of_unit.get((side, unit))

    # -- layout --------------------------------------------------------------------------------

    def column_widths(self, width: int) -> tuple[int, int]:
        if not self.two_sided:
            return max(1, width - GUTTER), 0
        text = max(2, width - 2 * GUTTER - SEPARATOR + 1)
        wa = text // 2
        return max(1, wa), max(1, text - wa)

    def wrapped(self, r: int, side: Side, width: int) -> list[tuple[int, int]]:
        return wrap_offsets(self.side_text(r, side).plain, width)

    def wrapped_plain(self, plain: str, width: int) -> list[tuple[int, int]]:
        return wrap_offsets(plain, width)

    def fold_text(self, v: ViewRow) -> str:
        n = v.last - v.first + 1
        return f"⋯ {n} identical row{'s' if n != 1 else ''} folded (d shows them)"

    def row_height(self, v: ViewRow, wa: int, wb: int) -> int:
        """Lines of a visible row: the taller wrapped side plus one blank separator line."""
        if not v.folded:
            h = self._height_of.get(v.first)
            if h is None:
                h = self._height_of[v.first] = self._measure(v, wa, wb)
            return h
        return self._measure(v, wa, wb)

    def _measure(self, v: ViewRow, wa: int, wb: int) -> int:
        if v.folded:
            fold = self.fold_text(v)
            h = len(wrap_offsets(fold, wa))
            if self.two_sided:
                h = max(h, len(wrap_offsets(fold, wb)))
            return h + 1
        h = len(self.wrapped(v.first, "a", wa))
        if self.two_sided:
            h = max(h, len(self.wrapped(v.first, "b", wb)))
        return h + 1

    def layout(self, width: int, force: bool = False) -> bool:
        """Wrap every visible row to `width` cells; True when anything changed."""
        if width == self.width and not force and self.heights:
            return False
        if width != self.width:
            self._height_of.clear()
        self.width = width
        wa, wb = self.column_widths(width)
        self.heights = [self.row_height(v, wa, wb) for v in self.visible]
        self.starts = [0, *accumulate(self.heights)]
        return True

    @property
    def total_lines(self) -> int:
        return self.starts[-1] if self.starts else 0

    def row_at_line(self, line: int) -> tuple[int, int]:
        """(visible row, line within it) for a virtual line number, clamped to the rows."""
        if not self.visible:
            return 0, 0
        i = bisect_right(self.starts, line) - 1
        i = max(0, min(i, len(self.visible) - 1))
        return i, line - self.starts[i]

    # -- row facts for navigation and details -------------------------------------------------

    def state(self, i: int) -> str:
        v = self.visible[i]
        return "identical" if v.folded else self.states[v.first]

    def is_change(self, i: int) -> bool:
        """Where `]`/`[` stop: an edit, paraphrase, addition, omission or move — page furniture
        is not a change of the story (with one article, furniture is all there is to visit)."""
        if not self.two_sided:
            return self.state(i) == "boilerplate"
        return self.state(i) not in ("identical", "boilerplate")

    def partner(self, i: int) -> int | None:
        """Visible row holding the other half of a moved pair (None when not a moved row)."""
        v = self.visible[i]
        if v.folded:
            return None
        row = self.rows[v.first]
        if row.kind != "moved" or row.pair is None:
            return None
        for r in self._moved_rows.get(row.pair, []):
            if r != v.first:
                return self.visible_index_of(r)
        return None

    def base_row(self, i: int) -> Row | None:
        v = self.visible[i]
        return None if v.folded else self.rows[v.first]

    # -- search ----------------------------------------------------------------------------------

    def search(self, query: str) -> list[Hit]:
        """Case-insensitive hits of `query` in the shown text of both sides, in row order (the query
        is read as shown too, so a pasted emoji sequence finds its parts)."""
        q = shown(query).casefold()
        if not q:
            return []
        hits: list[Hit] = []
        sides: tuple[Side, ...] = ("a", "b") if self.two_sided else ("a",)
        for i, v in enumerate(self.visible):
            if v.folded:
                # A hit inside a folded run lands on its summary row (d unfolds it).
                for side in sides:
                    if any(q in self.side_text(r, side).plain.casefold() for r in range(v.first, v.last + 1)):
                        hits.append(Hit(i, side, 0, 0))
                continue
            for side in sides:
                plain = self.side_text(v.first, side).plain
                if not plain:
                    continue
                low = plain.casefold()
                if len(low) != len(plain):  # casefold changed lengths (ß → ss): fall back to lower()
                    low = plain.lower()
                    if len(low) != len(plain):
                        continue
                start = low.find(q)
                while start >= 0:
                    hits.append(Hit(i, side, start, start + len(q)))
                    start = low.find(q, start + max(1, len(q)))
        return hits


def _side_units_of_pair(al: Alignment, pair: int, side: Side) -> tuple[int, ...]:
    p = al.pairs[pair]
    return p.a if side == "a" else p.b
