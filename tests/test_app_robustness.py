"""Pilot tests for defects a demanding user hits: subclassing, burst typing after a search,
and emoji clusters whose width the terminal and Rich disagree on."""

from __future__ import annotations

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
