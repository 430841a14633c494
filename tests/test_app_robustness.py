"""Pilot tests for defects a demanding user hits: subclassing, burst typing after a search,
and emoji clusters whose width the terminal and Rich disagree on."""

from __future__ import annotations

import pytest
from rich.cells import get_character_cell_size
from textual import events

from rafahdiff.core import DEFAULT_THRESHOLD
from rafahdiff.core.reading import read_bytes_source
from rafahdiff.tui.app import RafahdiffApp

from .app_support import synthetic_alignment


class SubclassedApp(RafahdiffApp):
    """Defined in the test module: Textual resolves a relative CSS_PATH against *this* file."""


async def test_a_subclass_defined_elsewhere_mounts_with_the_app_stylesheet():
    app = SubclassedApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        heads = app.query_one("#heads")
        assert heads.styles.height is not None and heads.styles.height.value == 2  # from app.tcss
        assert app.view.selected == 0
        await pilot.press("j")
        assert app.view.selected == 1


# ---- a burst of keys (a terminal delivers fast typing in one read) --------------------------

_CHARS = {"slash": "/", "enter": "\r", "escape": "\x1b", "backspace": "\x7f"}


async def burst(pilot, *keys: str) -> None:
    """Post every key to the app at once, as the terminal driver does with one read; `pilot.press`
    instead waits for the app to settle after each key, which hid the defect."""
    app = pilot.app
    for key in keys:
        app.post_message(events.Key(key, _CHARS.get(key, key)))
    for _ in range(4):
        await pilot.pause()


def _search_state(app) -> tuple:
    box = app.query_one("#search")
    return (box.value, box.has_class("-visible"), app.focused is app.view, app.query_text,
            app.current_hit, app.view.selected)


async def _paced(*keys: str) -> tuple:
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        return _search_state(app)


@pytest.mark.parametrize("keys", [
    ("slash", *"sentence", "enter", "n"),
    ("slash", *"sentence", "enter", "n", "n", "j"),
    ("slash", *"sentx", "backspace", *"ence", "enter", "N"),
    ("slash", *"three", "escape", "j"),
], ids=["enter-n", "enter-n-n-j", "backspace", "escape-j"])
async def test_keys_of_one_burst_act_as_if_typed_slowly(keys):
    """`/word⏎n` in one burst: every key after `/` went to the rows (the box opened too late), and
    with the box open, the `n` after enter was typed into the query instead of finding the next hit."""
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, *keys)
        got = _search_state(app)
    expected = await _paced(*keys)
    assert got == expected
    value, visible, rows_focused, query, _hit, _selected = got
    assert not visible and rows_focused
    if "enter" in keys:
        assert query == value == "sentence"  # typed into the box, and nothing after enter


async def test_pilot_search_then_n_goes_to_the_next_hit():
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"sentence", "enter")
        first = app.current_hit
        await pilot.press("n")
        assert app.query_one("#search").value == "sentence" and app.query_text == "sentence"
        assert first is not None and app.current_hit not in (None, first)


async def test_a_slash_inside_the_query_is_a_character_not_a_new_search():
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        await burst(pilot, "slash", *"a", "slash", *"b", "enter")
        assert app.query_text == "a/b"
        await pilot.press("slash", "x", "slash", "enter")
        assert app.query_text == "x/"


# ---- emoji sequences: every terminal must draw the width Rich measured ----------------------

_EMOJI_LINES = (
    "Family 👨‍👩‍👧 and flags 🇺🇸 🏴󠁧󠁢󠁥󠁮󠁧󠁿 at the crossing",
    "The family 👨‍👩‍👧 arrived in Rafah on Monday with many others from the north.",
    "A flag 🇺🇸 was raised by the delegation at the border crossing on Monday.",
    "A firefighter 👩🏽‍🚒 was seen near a heart ❤️ and fire ❤️‍🔥 drawn on a wall.",
    "Thumbs 👍🏽 up from the keycap #️⃣ crowd, and a conjunct क्‍ष in Hindi.",
    "Plain sentence for reference only here.",
)


def _codepoint_cells(text: str) -> int:
    """Cells as a terminal without grapheme clustering draws them: one width per code point."""
    return sum(get_character_cell_size(ch) for ch in text)


async def test_emoji_sequences_take_the_cells_rich_measured_in_both_panes():
    """👨‍👩‍👧 is 2 cells for Rich (and tmux) but 6 for a per-code-point terminal; ❤️ is 2 for Rich
    and 1 for tmux; 👍🏽 2 for Rich and 4 for tmux: the pane rule │ of that row moved."""
    text_a = "\n\n".join(_EMOJI_LINES) + "\n"
    text_b = text_a.replace("Monday", "Tuesday")
    src_a = read_bytes_source(text_a.encode(), "emoji-a.txt", "emoji-a.txt")
    src_b = read_bytes_source(text_b.encode(), "emoji-b.txt", "emoji-b.txt")
    app = RafahdiffApp(src_a, src_b, DEFAULT_THRESHOLD)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        strips = list(app.screen._compositor.render_strips())
        lines = [s.text for s in strips]
        screen = "\n".join(lines)
        assert "👨" in screen and "🚒" in screen and "🇺🇸" in screen  # the emoji are shown, as parts
        for strip, line in zip(strips, lines):
            assert not set(line) & {"\u200d", "\ufe0f"} and not any(0x1F3FB <= ord(c) <= 0x1F3FF for c in line)
            assert strip.cell_length == _codepoint_cells(line) == 90, line
        view = app.view
        cols = {_codepoint_cells(t[:t.index("│")]) for y in range(view.size.height)
                if "│" in (t := view.render_line(y).text)}
        assert len(cols) == 1
