"""The help screen (`?`): every key with its binding id, and the marker legend."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from rafahdiff.core.rows import LABELS, MARKERS

from .keymap import KEYS, display_keys, effective_keys

#: Below this many cells of help text the binding ids go under their actions.
NARROW = 72

LEGEND_STATES = ("identical", "edited", "paraphrase", "related", "omitted", "added", "moved", "boilerplate")


def help_table(keymap: dict[str, str], width: int = 0) -> Table:
    """Keys, actions and binding ids; below `NARROW` cells (`width`, 0: wide) each id goes under
    its action: the unbreakable ids squeezed the actions to three letters a line ("sel…")."""
    narrow = 0 < width < NARROW
    table = Table(box=None, expand=True, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("keys", no_wrap=True)
    table.add_column("action", ratio=1)
    if not narrow:
        table.add_column("binding id", no_wrap=True, style="dim")
    for spec in KEYS:
        keys = Text(display_keys(effective_keys(spec, keymap)))
        if narrow:
            table.add_row(keys, Text.assemble(spec.help, "\n", (spec.id, "dim")))
        else:
            table.add_row(keys, Text(spec.help), Text(spec.id))
    extra = (("ctrl+p", "command palette: every action by name"),
             ("mouse", "click selects a row (and its pane); the wheel scrolls both panes"))
    for keys_text, what in extra:
        table.add_row(Text(keys_text), Text(what), *(() if narrow else (Text(""),)))
    return table


def legend_text() -> Text:
    t = Text()
    for n, state in enumerate(LEGEND_STATES):
        if n:
            t.append("   ")
        t.append(f"{MARKERS[state]} {LABELS[state]}")
    return t


class HelpScreen(ModalScreen[None]):
    """Keys, ids and markers; remap ids with RAFAHDIFF_KEYMAP="id=keys;id=keys"."""

    AUTO_FOCUS = "#help-body"  # the app's own AUTO_FOCUS names the rows, absent here

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="rafahdiff.help_close"),
        # The same movement keys as the rows, so the table scrolls on a small terminal.
        Binding("j,down", "scroll_help(1)", "Scroll down", show=False, id="rafahdiff.help_down"),
        Binding("k,up", "scroll_help(-1)", "Scroll up", show=False, id="rafahdiff.help_up"),
        Binding("pagedown,space", "scroll_help(10)", "Page down", show=False, id="rafahdiff.help_page_down"),
        Binding("pageup", "scroll_help(-10)", "Page up", show=False, id="rafahdiff.help_page_up"),
        Binding("g,home", "scroll_help(-100000)", "Top", show=False, id="rafahdiff.help_top"),
        Binding("G,end", "scroll_help(100000)", "Bottom", show=False, id="rafahdiff.help_bottom"),
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("rafahdiff keys", style="bold"), classes="help-title")
            yield Static(help_table(self._keymap), id="help-table")
            yield Static(Text("\nmarkers (shown beside every row, so colour is never the only signal)", style="bold"))
            yield Static(legend_text())
            yield Static(Text(
                "\nRemap a key: RAFAHDIFF_KEYMAP=\"rafahdiff.down=ctrl+n,j;rafahdiff.quit=ctrl+q\" rafahdiff 001 002"
                "\nPress escape, q or ? to close.", style="dim"))

    def on_resize(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        self.query_one("#help-table", Static).update(help_table(self._keymap, body.scrollable_content_region.width))

    def action_scroll_help(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)
