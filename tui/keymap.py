"""Every key binding of the app, each with a stable id so a user can remap it.

Remap with the environment variable RAFAHDIFF_KEYMAP, e.g.
`RAFAHDIFF_KEYMAP="rafahdiff.down=ctrl+n,j;rafahdiff.up=ctrl+p"` (id=comma-separated keys,
entries separated by `;`). The help screen (`?`) and the command palette list the same table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import format_key


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One action: default keys (Textual key names), the action string, help text and id."""

    id: str
    keys: str
    action: str
    description: str
    help: str
    footer: bool = False
    priority: bool = False


KEYS: tuple[KeySpec, ...] = (
    KeySpec("rafahdiff.down", "j,down", "move(1)", "Down", "select the next row"),
    KeySpec("rafahdiff.up", "k,up", "move(-1)", "Up", "select the previous row"),
    KeySpec("rafahdiff.page_down", "pagedown,space", "page(1)", "Page down", "one screen down"),
    KeySpec("rafahdiff.page_up", "pageup", "page(-1)", "Page up", "one screen up"),
    KeySpec("rafahdiff.first", "g,home", "first", "First row", "jump to the first row"),
    KeySpec("rafahdiff.last", "G,end", "last", "Last row", "jump to the last row"),
    KeySpec("rafahdiff.next_change", "right_square_bracket", "change(1)", "Change",
            "next edit, addition, omission or move (furniture skipped)", footer=True),
    KeySpec("rafahdiff.prev_change", "left_square_bracket", "change(-1)", "Prev change",
            "previous edit, addition, omission or move"),
    # Priority: acted on while the app routes keys, so the keys typed right after `/` in one burst
    # go to the search box it opens, not to the rows (the app passes `/` on to the open box).
    KeySpec("rafahdiff.search", "slash", "search", "Search", "search the text of both panes", footer=True,
            priority=True),
    KeySpec("rafahdiff.next_hit", "n", "hit(1)", "Next hit", "next search hit (active pane first)"),
    KeySpec("rafahdiff.prev_hit", "N", "hit(-1)", "Prev hit", "previous search hit"),
    KeySpec("rafahdiff.partner", "m", "partner", "Partner", "jump to a moved sentence's partner and back",
            footer=True),
    KeySpec("rafahdiff.boilerplate", "b", "toggle_boilerplate", "Boiler",
            "hide boilerplate rows / show them dimmed with their category", footer=True),
    KeySpec("rafahdiff.diff_only", "d", "toggle_diff_only", "Diffs",
            "fold runs of identical rows into one summary row", footer=True),
    KeySpec("rafahdiff.swap", "s", "swap", "Swap", "swap the two sides", footer=True),
    KeySpec("rafahdiff.pane", "tab", "switch_pane", "Pane",
            "switch the pane that search hits and the details panel follow", priority=True),
    KeySpec("rafahdiff.help", "question_mark", "help", "Help", "show this help screen", footer=True),
    KeySpec("rafahdiff.quit", "q", "quit", "Quit", "quit rafahdiff", footer=True),
    # Textual's own ctrl+c only said "press ctrl+q to quit": in a terminal ctrl+c ends a command.
    KeySpec("rafahdiff.interrupt", "ctrl+c", "interrupt", "Interrupt",
            "quit at once with status 130, as ctrl+c ends any command", priority=True),
)


def bindings() -> list[Binding]:
    return [
        Binding(k.keys, k.action, k.description, show=k.footer, id=k.id, priority=k.priority,
                tooltip=k.help)
        for k in KEYS
    ]


def keymap_from_env(value: str | None = None) -> dict[str, str]:
    """Parse RAFAHDIFF_KEYMAP ("id=keys;id=keys"); unknown ids and malformed entries are ignored."""
    raw = os.environ.get("RAFAHDIFF_KEYMAP", "") if value is None else value
    known = {k.id for k in KEYS}
    out: dict[str, str] = {}
    for entry in raw.split(";"):
        ident, sep, keys = entry.partition("=")
        ident, keys = ident.strip(), keys.strip()
        if sep and ident in known and keys:
            out[ident] = ",".join(x.strip() for x in keys.split(",") if x.strip())
    return out


def palette_title(spec: KeySpec) -> str:
    """Command-palette title: the help sentence, capitalised (searchable by what it does)."""
    return spec.help[:1].upper() + spec.help[1:]


def display_keys(keys: str) -> str:
    """Keys as a person reads them: `right_square_bracket` → `]`."""
    return " ".join(format_key(k.strip()) for k in keys.split(",") if k.strip())


def effective_keys(spec: KeySpec, keymap: dict[str, str]) -> str:
    return keymap.get(spec.id, spec.keys)


def with_help_close(keymap: dict[str, str]) -> dict[str, str]:
    """The keymap with the help screen closed by the help and quit keys the user chose: it
    closed on `?` and `q` only, so with help remapped to `h` a second `h` did nothing there."""
    if "rafahdiff.help_close" in keymap or not {"rafahdiff.help", "rafahdiff.quit"} & keymap.keys():
        return keymap
    specs = {k.id: k for k in KEYS}
    keys = ["escape", *(effective_keys(specs[i], keymap) for i in ("rafahdiff.help", "rafahdiff.quit"))]
    return {**keymap, "rafahdiff.help_close": ",".join(keys)}
