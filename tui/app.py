"""The Textual app: two synchronised panes over one immutable Alignment.

The app computes no alignment of its own: it is given the engine's result (`prefetch`: made in a
child while Textual was imported) or calls `rafahdiff.core.compare` once (in a worker thread when
the inputs are big, with a progress indicator), and only lays out, folds, hides, mirrors and
searches the result for display. The engine and the help screen are imported when first used,
not before the first frame.
"""

from __future__ import annotations

import inspect
import os
import sys
import threading
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, LoadingIndicator, Static

from rafahdiff.core.errors import InputError
from rafahdiff.core.headline import shown_title
from rafahdiff.core.model import Alignment, Document, SourceText
from rafahdiff.core.rows import mirror
from rafahdiff.core.sanitize import display_line, terminal_line

from .details import details_text, summary_text
from .keymap import KEYS, bindings, display_keys, effective_keys, keymap_from_env, palette_title, with_help_close
from .launch import INTERRUPTED, INTERRUPTED_LINE
from .prefetch import BACKGROUND_CHARS, Ahead, align_here
from .rowmodel import Hit, RowModel, Side
from .rowview import DiffView
from .searchbox import SearchBox
from .terminal import draw_on_terminal, keyboard_from_terminal, restore_stderr

#: Actions that move or change the rows (disabled while a modal screen covers them).
_VIEW_ACTIONS = frozenset(spec.action.split("(")[0] for spec in KEYS) - {"help", "quit", "interrupt"}

#: Actions that only mean something with two documents: hidden from the footer and inert in
#: one-document mode (`rafahdiff 002`) rather than offered and silently doing nothing.
_TWO_SIDED_ACTIONS = frozenset({"swap", "switch_pane", "set_pane", "partner", "toggle_diff_only"})


def compare(a: SourceText, b: SourceText | None, threshold: float | None = None) -> Alignment:
    """The engine's `compare` (None: its default threshold), the one call the app makes to it."""
    return align_here(a, b, threshold)


def _source_label(t: Text, source: str, path: str) -> None:
    """The source as given, its file name first: a long path (`/data/…/susp/doc-0091.txt`)
    was cut at its end, so the name — the part that tells the two panes apart — never showed."""
    if source == "-":
        t.append("-", style="bold")
        t.append("  standard input", style="dim")
        return
    head, sep, name = source.rpartition(os.sep)
    if sep and name:
        t.append(terminal_line(name), style="bold")
        t.append(f"  {terminal_line(head + sep)}", style="dim")
        return
    t.append(terminal_line(source), style="bold")
    name = os.path.basename(path)
    if name and not source.endswith(name):
        t.append(f"  {terminal_line(name)}", style="dim")


def _head_text(label: str, doc: Document, active: bool) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis")
    t.append("▶ " if active else "  ")
    t.append(f"{label} ", style="bold")
    _source_label(t, doc.source, doc.path)
    t.append("\n  ")
    t.append(terminal_line(shown_title(doc.title)), style="bold" if active else "")
    return t


def _source_text(label: str, src: SourceText | None) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis")
    if src is not None:
        t.append(f"  {label} ", style="bold")
        _source_label(t, src.source, src.path)
        t.append("\n  (aligning…)", style="dim")
    return t


class RafahdiffApp(App[int]):
    """`rafahdiff A B`: side-by-side rows; `rafahdiff A`: one article with boilerplate marked."""

    #: Absolute: Textual resolves a relative CSS_PATH against the module of the class being run,
    #: so a subclass defined elsewhere (a plugin, a test, a wrapper script) looked for its own
    #: app.tcss and could not start.
    CSS_PATH = Path(__file__).resolve().with_name("app.tcss")
    TITLE = "rafahdiff"
    #: Only the rows take the focus by themselves: on the loading screen of a big input the
    #: first focusable widget was the hidden search box, which swallowed `q` and every key.
    AUTO_FOCUS = "DiffView"
    BINDINGS = bindings()

    def __init__(
        self,
        src_a: SourceText | None = None,
        src_b: SourceText | None = None,
        threshold: float | None = None,
        *,
        alignment: Alignment | None = None,
        background: bool | None = None,
        after_first_frame: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self._after_first_frame = after_first_frame  # run_app reaps the aligning child then
        self._src = (src_a, src_b, threshold)
        self.original: Alignment | None = alignment
        self.swapped = False
        self.model: RowModel | None = None
        self.active: Side = "a"
        self.query_text = ""
        self.hits: list[Hit] = []
        self.current_hit: int | None = None
        self.user_keymap = keymap_from_env()
        self.error_message: str | None = None
        self.aligner: threading.Thread | None = None  # aligning a big input (`_compute`)
        if alignment is None and src_a is not None:
            size = len(src_a.text) + (len(src_b.text) if src_b is not None else 0)
            if background is None:
                background = size > BACKGROUND_CHARS
            if not background:
                self.original = compare(src_a, src_b, threshold=threshold)
        if self.original is not None:
            self.model = RowModel(self.original)

    # -- composition ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="heads"):
            yield Static(id="head-a", classes="pane-head -active")
            yield Static(id="head-b", classes="pane-head")
        if self.model is not None:
            yield DiffView(self.model, id="diff")
        else:
            with Vertical(id="loading"):
                yield LoadingIndicator()
                yield Static(self._loading_label(), id="loading-label")
        yield Static(id="details")
        yield SearchBox(self._submit_search, self._close_search,
                        placeholder="search both panes (enter: find, escape: cancel)", id="search")
        yield Static(id="status")
        yield Footer(compact=True)

    def _loading_label(self) -> Text:
        a, b, _ = self._src
        chars = sum(len(s.text) for s in (a, b) if s is not None)
        return Text(f"aligning {chars:,} characters…")

    def on_mount(self) -> None:
        if self._after_first_frame is not None:
            self.call_after_refresh(self._after_first_frame)
        if self.user_keymap:
            self.set_keymap(with_help_close(self.user_keymap))
        if self.model is None:
            a, b, _ = self._src
            self.query_one("#head-a", Static).update(_source_text("A", a))
            head_b = self.query_one("#head-b", Static)
            if b is not None:
                head_b.update(_source_text("B", b))
            else:
                head_b.display = False
            self._compute()
        else:
            self._refresh_chrome()
            self.query_one(DiffView).focus()

    def _compute(self) -> None:
        """Align and lay out off the event loop; the loading indicator keeps animating meanwhile.

        A daemon thread, not a Textual thread worker: those run in asyncio's default executor,
        which the app's exit waits for, so `q` pressed while two long texts were aligned left
        the screen frozen until the alignment ended (4 s for two 1 MB texts). A daemon thread
        is abandoned when the command exits; its result, if the app is gone, goes nowhere."""
        self.aligner = threading.Thread(target=self._align_in_thread, name="rafahdiff-align", daemon=True)
        self.aligner.start()

    def _align_in_thread(self) -> None:
        a, b, threshold = self._src
        assert a is not None
        try:
            al = compare(a, b, threshold=threshold)
            model = RowModel(al)
            model.layout(max(1, self.size.width - 1))  # the view's width: screen minus the scrollbar
        except InputError as exc:
            outcome = partial(self._fail, display_line(str(exc)))
        except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
            outcome = partial(self._fail, f"internal error: {type(exc).__name__}: {display_line(str(exc))[:200]}")
        else:
            outcome = partial(self._install, al, model)
        try:
            # post_message is thread-safe and, unlike call_from_thread, leaves no coroutine
            # behind (and no "never awaited" warning on stderr) when the app has quit meanwhile.
            self.post_message(self.Aligned(outcome))
        except Exception:  # noqa: BLE001 - the app has quit meanwhile: nobody to tell
            pass

    class Aligned(Message):
        """The aligning thread is done: `outcome` installs the rows or fails with a message."""

        def __init__(self, outcome: Callable[[], object]) -> None:
            super().__init__()
            self.outcome = outcome

    async def on_rafahdiff_app_aligned(self, message: Aligned) -> None:
        result = message.outcome()
        if inspect.isawaitable(result):
            await result

    def _fail(self, message: str) -> None:
        """Leave the app; `run_app` prints the one-line message and returns status 2."""
        self.error_message = message
        self.exit(return_code=2)

    async def _install(self, al: Alignment, model: RowModel) -> None:
        self.original = al
        self.model = model
        await self.query_one("#loading").remove()
        view = DiffView(self.model, id="diff")
        await self.mount(view, after=self.query_one("#heads"))
        view.focus()
        self._refresh_chrome()

    # -- helpers -------------------------------------------------------------------------------

    @property
    def view(self) -> DiffView | None:
        found = self.query(DiffView)
        return found.first() if found else None

    @property
    def alignment(self) -> Alignment | None:
        return self.model.al if self.model is not None else None

    def _refresh_chrome(self) -> None:
        """Headers, details and status line from the current model and selection."""
        m = self.model
        if m is None:
            return
        al = m.al
        head_a = self.query_one("#head-a", Static)
        head_b = self.query_one("#head-b", Static)
        head_a.update(_head_text("A", al.a, self.active == "a" and al.b is not None))
        head_a.set_class(self.active == "a" and al.b is not None, "-active")
        if al.b is not None:
            head_b.display = True
            head_b.update(_head_text("B", al.b, self.active == "b"))
            head_b.set_class(self.active == "b", "-active")
        else:
            head_b.display = False
        self._refresh_details()

    def _refresh_details(self) -> None:
        m, view = self.model, self.view
        if m is None or view is None:
            return
        self.query_one("#details", Static).update(details_text(m, view.selected, self.active))
        self.query_one("#status", Static).update(
            summary_text(m.al, m.hide_boilerplate, m.diff_only, self._hits_label(), self._status_width())
        )

    def _status_width(self) -> int:
        """Cells of one status line (the screen less the line's padding)."""
        return max(1, self.size.width - 2)

    def _hits_label(self) -> str:
        if not self.query_text:
            return ""
        q = terminal_line(self.query_text)
        if not self.hits:
            return f"/{q}: no hits"
        na = sum(1 for h in self.hits if h.side == "a")
        nb = len(self.hits) - na
        pos = ""
        if self.current_hit is not None:
            # n/N visit the active pane's hits when it has any: count among those ("hit 3/12"
            # went 1, 3, 5… as n skipped the other pane's hits).
            side = self.hits[self.current_hit].side
            pool = [n for n, h in enumerate(self.hits) if h.side == side]
            if self.model is not None and self.model.two_sided and side == self.active:
                pos = f" · hit {pool.index(self.current_hit) + 1}/{len(pool)} in {side.upper()}"
            else:
                pos = f" · hit {self.current_hit + 1}/{len(self.hits)}"
        return f"/{q}: {na} in A, {nb} in B{pos}"

    def on_diff_view_selected(self, message: DiffView.Selected) -> None:
        self._refresh_details()

    def _selected_anchor(self) -> tuple[Side, int] | None:
        """A unit of the selected row (active side first) to find the row again after a rebuild."""
        m, view = self.model, self.view
        if m is None or view is None or not m.visible:
            return None
        v = m.visible[view.selected]
        row = m.rows[v.first]
        for side in (self.active, "b" if self.active == "a" else "a"):
            idx = row.a if side == "a" else row.b
            if idx:
                return side, idx[0]  # type: ignore[return-value]
        return None

    def _rebuild(self, base_row: int | None) -> None:
        m, view = self.model, self.view
        if m is None or view is None:
            return
        current = self._current_hit_place()
        m.rebuild()  # re-lays out the rows at the current width
        view.relayout()
        if self.query_text:
            self._run_search(self.query_text, jump=False)
            self._restore_current_hit(current)
        target = m.visible_index_of(base_row) if base_row is not None else 0
        view.select(target, center=True)
        self._refresh_details()

    def _current_hit_place(self) -> tuple[int, Side, int] | None:
        """(base row, side, start) of the current search hit, to find it again after a toggle."""
        m = self.model
        if m is None or self.current_hit is None or not self.hits:
            return None
        h = self.hits[self.current_hit]
        return m.visible[h.row].first, h.side, h.start

    def _restore_current_hit(self, place: tuple[int, Side, int] | None) -> None:
        """`b`/`d` re-ran the search and forgot which hit was current ('hit 3/12' vanished and
        `n` started over from the selection): the same hit is current again if still shown."""
        m, view = self.model, self.view
        if place is None or m is None or view is None:
            return
        first, side, start = place
        for n, h in enumerate(self.hits):
            if m.visible[h.row].first == first and h.side == side and h.start == start:
                self.current_hit = n
                view.set_hits(self.hits, n)
                return

    def _base_row(self) -> int | None:
        m, view = self.model, self.view
        if m is None or view is None or not m.visible:
            return None
        return m.visible[view.selected].first

    # -- actions -------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        view = self.view
        if view is None:
            return
        if not view.selected_on_screen():
            # After scrolling with the wheel, keys continue from what is on screen.
            view.select(view.first_visible_row() if delta > 0 else view.last_visible_row())
            return
        view.select(view.selected + delta)

    def action_page(self, direction: int) -> None:
        view = self.view
        if view is None or self.model is None or not self.model.visible:
            return
        if view.row_continues_off_screen(direction):
            # A row taller than the screen: page through it before leaving it.
            view.scroll_page(direction)
            return
        target = view.page_rows(view.selected, direction)
        if target == view.selected:
            target += direction
        view.select(target)

    def action_first(self) -> None:
        if self.view is not None:
            self.view.select(0)

    def action_last(self) -> None:
        if self.view is not None and self.model is not None:
            self.view.select(len(self.model.visible) - 1)

    def action_change(self, direction: int) -> None:
        m, view = self.model, self.view
        if m is None or view is None:
            return
        i = view.selected + direction
        while 0 <= i < len(m.visible):
            if m.is_change(i):
                view.select(i)
                return
            i += direction
        self.notify("no further change" if direction > 0 else "no earlier change", timeout=2)

    def action_partner(self) -> None:
        m, view = self.model, self.view
        if m is None or view is None or not m.visible:
            return
        target = m.partner(view.selected)
        if target is None:
            self.notify("not a moved sentence: m jumps between the two halves of a moved pair", timeout=3)
            return
        view.select(target, center=True)

    def action_toggle_boilerplate(self) -> None:
        if self.model is None:
            return
        base = self._base_row()
        self.model.hide_boilerplate = not self.model.hide_boilerplate
        self._rebuild(base)

    def action_toggle_diff_only(self) -> None:
        if self.model is None:
            return
        base = self._base_row()
        self.model.diff_only = not self.model.diff_only
        self._rebuild(base)

    def action_swap(self) -> None:
        m, view = self.model, self.view
        if m is None or view is None or self.original is None or self.original.b is None:
            return
        anchor = self._selected_anchor()
        self.swapped = not self.swapped
        new = RowModel(mirror(self.original) if self.swapped else self.original)
        new.hide_boilerplate, new.diff_only = m.hide_boilerplate, m.diff_only
        new.rebuild()
        self.model = new
        self.active = "b" if self.active == "a" else "a"
        view.set_model(new)
        view.set_active(self.active)
        base = None
        if anchor is not None:
            side, unit = anchor
            base = new.row_of_unit("b" if side == "a" else "a", unit)
        if self.query_text:
            self._run_search(self.query_text, jump=False)
        view.select(new.visible_index_of(base) if base is not None else 0, center=True)
        self._refresh_chrome()

    def action_switch_pane(self) -> None:
        if self.model is None or not self.model.two_sided:
            return
        self.action_set_pane("b" if self.active == "a" else "a")

    def action_set_pane(self, side: str) -> None:
        if side not in ("a", "b") or self.model is None or not self.model.two_sided:
            return
        self.active = side  # type: ignore[assignment]
        if self.view is not None:
            self.view.set_active(self.active)
        self._refresh_chrome()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("-visible")
        box.display = True
        box.value = self.query_text
        # Focus now, not on the next loop turn: keys typed right after `/` belong to the box.
        self.screen.set_focus(box)

    def _submit_search(self, query: str) -> None:
        """Enter in the search box (run while the key is routed: see `SearchBox`)."""
        self._close_search()
        self._run_search(query, jump=True)
        self._refresh_details()

    def _close_search(self) -> None:
        box = self.query_one("#search", Input)
        box.remove_class("-visible")
        box.display = False
        if self.view is not None:
            self.screen.set_focus(self.view)

    def _run_search(self, query: str, *, jump: bool) -> None:
        m, view = self.model, self.view
        if m is None or view is None:
            return
        self.query_text = query
        self.hits = m.search(query) if query else []
        self.current_hit = None
        if self.hits and jump:
            self.current_hit = self._next_hit_index(view.selected - 1, 1)
        view.set_hits(self.hits, self.current_hit)
        if self.current_hit is not None:
            view.select(self.hits[self.current_hit].row, center=True)
        elif query and jump:
            self.notify(f"not found: {display_line(query)}", timeout=2, markup=False)

    def _next_hit_index(self, after_row: int, direction: int) -> int | None:
        """Next hit past row `after_row` (wrapping), in the active pane when it has any."""
        if not self.hits:
            return None
        pool = [n for n, h in enumerate(self.hits) if h.side == self.active] or list(range(len(self.hits)))
        cur = self.current_hit
        if direction > 0:
            for n in pool:
                h = self.hits[n]
                if h.row > after_row or (cur is not None and h.row == after_row and n > cur):
                    return n
            return pool[0]
        for n in reversed(pool):
            h = self.hits[n]
            if h.row < after_row or (cur is not None and h.row == after_row and n < cur):
                return n
        return pool[-1]

    def action_hit(self, direction: int) -> None:
        view = self.view
        if view is None:
            return
        if not self.query_text:
            self.notify("no search yet: press / to search", timeout=2)
            return
        if not self.hits:
            self.notify(f"not found: {display_line(self.query_text)}", timeout=2, markup=False)
            return
        anchor = view.selected if self.current_hit is None else self.hits[self.current_hit].row
        if self.current_hit is None and direction > 0:
            anchor -= 1
        self.current_hit = self._next_hit_index(anchor, direction)
        view.set_hits(self.hits, self.current_hit)
        if self.current_hit is not None:
            view.select(self.hits[self.current_hit].row, center=True)
        self._refresh_details()

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.user_keymap))

    def action_quit(self) -> None:  # type: ignore[override]
        self.exit(0)

    def action_interrupt(self) -> None:
        """ctrl+c: leave with the status a shell gives an interrupted command (`run_app` says so)."""
        self.exit(return_code=INTERRUPTED)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys meant for the rows do nothing while the help screen (or another modal) is up."""
        if action in _VIEW_ACTIONS and len(self.screen_stack) > 1:
            return False
        if action == "search" and isinstance(self.focused, SearchBox):
            return False  # `/` is a character of the query (search is a priority binding)
        if action in _TWO_SIDED_ACTIONS and self._one_document():
            return False
        return True

    def _one_document(self) -> bool:
        if self.model is not None:
            return not self.model.two_sided
        return self._src[0] is not None and self._src[1] is None

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette lists every keyed action, with its keys and binding id."""
        for spec in KEYS:
            if spec.action.split("(")[0] in _TWO_SIDED_ACTIONS and self._one_document():
                continue
            keys = display_keys(effective_keys(spec, self.user_keymap))
            yield SystemCommand(palette_title(spec), f"keys: {keys}  ·  binding id: {spec.id}",
                                partial(self.run_action, spec.action))
        yield from super().get_system_commands(screen)


def run_app(
    src_a: SourceText, src_b: SourceText | None, threshold: float | None, ahead: Ahead | None = None
) -> int:
    """Run the app until the user quits; the CLI's exit status. `ahead`: the alignment being made
    in a child (`prefetch.start`), taken (or made here) when the app needs it."""
    problem = keyboard_from_terminal()
    if problem is not None:
        print(f"rafahdiff: {problem}", file=sys.stderr)
        return 2
    alignment = ahead.alignment() if ahead is not None else None
    app = RafahdiffApp(src_a, src_b, threshold, alignment=alignment,
                       after_first_frame=ahead.close if ahead is not None else None)
    saved_stderr = draw_on_terminal()
    try:
        app.run()
    finally:
        restore_stderr(saved_stderr)
    if app.error_message:
        print(f"rafahdiff: {app.error_message}", file=sys.stderr)
        return 2
    if app.return_code == INTERRUPTED:
        sys.stderr.write(INTERRUPTED_LINE)
    return app.return_code or 0
