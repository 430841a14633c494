"""The side-by-side diff view: one Line-API ScrollView drawing both panes, so they share one
scroll position by construction.

Only the rows on screen are rendered (`render_line`), and rendered rows are kept in an LRU
cache, as Textualize/toolong does for big logs. Every character of article text reaches the
screen through `display_text` (in the row model) and Rich `Text` objects, never markup.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from rafahdiff.core.rows import MARKERS

from .rowmodel import Hit, RowModel, Side

class _RowLayout(NamedTuple):
    """One row ready to draw: marker style, height and per column (width, text, spans, lines, marker)."""

    mark_style: Style
    height: int
    cols: tuple[tuple[int, str, list[tuple[int, int, Style]], list[tuple[int, int]], str], ...]


STATES = ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate", "content")


class DiffView(ScrollView, can_focus=True, inherit_bindings=False):
    """Aligned rows of A and B (or of A alone); the app drives selection through its methods."""

    COMPONENT_CLASSES = {
        *(f"diffview--{s}" for s in STATES),
        *(f"diffview--mark-{s}" for s in STATES),
        "diffview--change-a",
        "diffview--change-b",
        "diffview--badge",
        "diffview--category",
        "diffview--selected",
        "diffview--selected-bar",
        "diffview--hit",
        "diffview--hit-current",
        "diffview--fold",
        "diffview--rule",
    }

    class Selected(Message):
        """The selected row changed (the app refreshes the details panel)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, model: RowModel, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.model = model
        self.selected = 0
        self.active: Side = "a"
        self.hits: list[Hit] = []
        self.current_hit: int | None = None
        self._hits_by_row: dict[int, list[Hit]] = {}
        self._line_cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(4096)
        self._layout_cache: LRUCache[int, _RowLayout] = LRUCache(512)

    def _clear_caches(self) -> None:
        self._line_cache.clear()
        self._layout_cache.clear()

    # -- model changes -------------------------------------------------------------------------

    def set_model(self, model: RowModel) -> None:
        self.model = model
        self.hits = []
        self._hits_by_row = {}
        self.current_hit = None
        self.relayout(force=True)

    def relayout(self, force: bool = False) -> None:
        """Re-wrap for the current width (after a resize or a toggle) and redraw."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        self.model.layout(width, force=force)
        self._clear_caches()
        self.virtual_size = Size(width, self.model.total_lines)
        self.selected = max(0, min(self.selected, len(self.model.visible) - 1))
        self.refresh()

    def set_hits(self, hits: list[Hit], current: int | None) -> None:
        self.hits = hits
        self.current_hit = current
        self._hits_by_row = {}
        for h in hits:
            self._hits_by_row.setdefault(h.row, []).append(h)
        self._clear_caches()
        self.refresh()

    def set_active(self, side: Side) -> None:
        """Which pane search and selection follow: the header and the selection bar show it."""
        self.active = side
        self._line_cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._clear_caches()

    def on_resize(self, event: Resize) -> None:
        self.relayout()
        self.scroll_to_selected(animate=False)
        self.post_message(self.Selected(self.selected))  # the app re-words its status line

    def on_mount(self) -> None:
        self.relayout()

    # -- selection -----------------------------------------------------------------------------

    def select(self, index: int, *, center: bool = False) -> None:
        n = len(self.model.visible)
        if n == 0:
            return
        index = max(0, min(index, n - 1))
        self.selected = index
        # Lines are cached with their selected flag, so the old and new rows redraw by key.
        self.refresh()
        self.scroll_to_selected(center=center)
        self.post_message(self.Selected(index))

    def scroll_to_selected(self, *, center: bool = False, animate: bool = False) -> None:
        m = self.model
        if not m.visible or not m.starts:
            return
        i = min(self.selected, len(m.visible) - 1)
        top, height = m.starts[i], m.heights[i]
        region = Region(0, top, max(1, self.size.width), max(1, min(height, self.scrollable_content_region.height)))
        self.scroll_to_region(region, animate=animate, center=center, immediate=True, force=True)

    def row_at_screen(self, y: int) -> int:
        return self.model.row_at_line(int(self.scroll_offset.y) + y)[0]

    def first_visible_row(self) -> int:
        """The first row whose top line is on screen (or the row filling the whole screen)."""
        m = self.model
        top = int(self.scroll_offset.y)
        i, ln = m.row_at_line(top)
        if ln and i + 1 < len(m.visible) and m.starts[i + 1] < top + self.scrollable_content_region.height:
            i += 1
        return i

    def last_visible_row(self) -> int:
        """The row drawn on the bottom line of the screen."""
        bottom = int(self.scroll_offset.y) + max(1, self.scrollable_content_region.height) - 1
        return self.model.row_at_line(bottom)[0]

    def selected_on_screen(self) -> bool:
        m = self.model
        if not m.visible or not m.starts:
            return True
        top = int(self.scroll_offset.y)
        bottom = top + max(1, self.scrollable_content_region.height)
        i = min(self.selected, len(m.visible) - 1)
        return m.starts[i] < bottom and m.starts[i] + m.heights[i] > top

    def page_rows(self, index: int, direction: int) -> int:
        """The row one screen height above/below row `index`."""
        m = self.model
        page = max(1, self.scrollable_content_region.height - 1)
        line = m.starts[index] + direction * page
        return m.row_at_line(max(0, min(line, m.total_lines - 1)))[0]

    def row_continues_off_screen(self, direction: int) -> bool:
        """Whether the selected row, on screen, goes on below (direction 1) or above (-1) it."""
        m = self.model
        if not m.visible or not self.selected_on_screen():
            return False
        top = int(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height)
        i = self.selected
        if direction > 0:
            return m.starts[i] + m.heights[i] > top + height
        return m.starts[i] < top

    def scroll_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + direction * page, animate=False)

    def on_click(self, event: Click) -> None:
        if not self.model.visible:
            return
        self.focus()
        x = event.x
        if self.model.two_sided:
            wa, _ = self.model.column_widths(self.scrollable_content_region.width)
            side: Side = "a" if x < 3 + wa + 1 else "b"
            if side != self.active:
                self.app.call_later(self.app.run_action, f"set_pane('{side}')")
        self.select(self.row_at_screen(event.y))

    # -- rendering -----------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"diffview--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        m = self.model
        if not m.visible or m.width != width:
            if m.visible and width > 0:
                m.layout(width)
                self._clear_caches()
                self.call_later(self.relayout)
            else:
                return Strip.blank(width, self.rich_style)
        line = int(self.scroll_offset.y) + y
        if line >= m.total_lines:
            return Strip.blank(width, self.rich_style)
        i, ln = m.row_at_line(line)
        sel = i == self.selected
        key = (i, ln, sel)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache[key] = self._render_line(i, ln, sel, width)
        return strip

    def _side_spans(self, i: int, side: Side, base: Style) -> tuple[str, list[tuple[int, int, Style]]]:
        """Plain text of one side of visible row `i` and its styled ranges, in drawing order."""
        m = self.model
        v = m.visible[i]
        if v.folded:
            fold = m.fold_text(v)
            return fold, [(0, len(fold), base + self._style("fold"))]
        st = m.side_text(v.first, side)
        spans = [(0, len(st.plain), base)]
        change = self._style("change-a" if side == "a" else "change-b")
        for s, e, kind in st.marks:
            spans.append((s, e, change if kind == "change" else self._style(kind)))
        for h in self._hits_by_row.get(i, ()):
            if h.side == side and h.end > h.start:
                current = self.current_hit is not None and self.hits[self.current_hit] is h
                spans.append((h.start, h.end, self._style("hit-current" if current else "hit")))
        return st.plain, spans

    def _row_layout(self, i: int, width: int) -> _RowLayout:
        """Everything needed to draw any line of row `i` (cached per row, not per line)."""
        got = self._layout_cache.get(i)
        if got is not None:
            return got
        m = self.model
        v = m.visible[i]
        state = m.state(i)
        base = self._style(state)
        wa, wb = m.column_widths(width)
        sides: tuple[Side, ...] = ("a", "b") if m.two_sided else ("a",)
        cols = []
        for side, w in zip(sides, (wa, wb)):
            plain, spans = self._side_spans(i, side, base)
            if not plain:
                cols.append((w, plain, spans, [], " "))
                continue
            offsets = m.wrapped_plain(plain, w) if v.folded else m.wrapped(v.first, side, w)
            cols.append((w, plain, spans, offsets, MARKERS.get(state, " ")))
        got = self._layout_cache[i] = _RowLayout(self._style(f"mark-{state}"), m.heights[i], tuple(cols))
        return got

    def _render_line(self, i: int, ln: int, selected: bool, width: int) -> Strip:
        row = self._row_layout(i, width)
        console = self.app.console
        segs: list[Segment] = []
        # The selection bar stands before the active pane's column.
        bar = selected and ln < row.height - 1
        bar_col = 1 if self.active == "b" and len(row.cols) > 1 else 0
        bar_seg = Segment("▌", self._style("selected-bar"))
        segs.append(bar_seg if bar and bar_col == 0 else Segment(" "))
        for c, (w, plain, spans, offsets, marker) in enumerate(row.cols):
            if c:
                segs.append(bar_seg if bar and bar_col == c else Segment(" "))
                segs.append(Segment("│ ", self._style("rule")))
            segs.append(Segment(marker if ln == 0 else " ", row.mark_style))
            segs.append(Segment(" "))
            if ln < len(offsets):
                s, e = offsets[ln]
                part = Text(plain[s:e], no_wrap=True, end="")
                for ss, se, style in spans:  # only the spans crossing this line, shifted
                    if ss < e and se > s:
                        part.stylize(style, max(ss, s) - s, min(se, e) - s)
                segs.extend(Strip(list(part.render(console))).adjust_cell_length(w))
            else:
                segs.append(Segment(" " * w))
        strip = Strip(segs).adjust_cell_length(width)
        if selected:
            strip = strip.apply_style(self._style("selected"))
        return strip.apply_style(self.rich_style)
