"""Pilot tests for defects a demanding user hits: subclassing, burst typing after a search,
and emoji clusters whose width the terminal and Rich disagree on."""

from __future__ import annotations

import pytest
from textual import events

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
