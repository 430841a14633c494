"""Regression tests for what a reader hit while using the app (one test per bug fixed).

Each test fails on the code before its fix: a headline cut mid-phrase without an ellipsis,
two-document keys offered (and silently doing nothing) in one-document mode, a help screen that
`j`/`k` could not scroll on a small terminal, and piped standard input leaving the app deaf.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from rafahdiff.tui import app as app_module
from rafahdiff.tui.app import RafahdiffApp
from rafahdiff.tui.help import HelpScreen

from .app_support import loaded_by_app_start, synthetic_alignment, whole_screen

LONG_TITLE = "Alpha headline that runs on far longer than any pane header could hold in one line of text"


def long_title_app() -> RafahdiffApp:
    al = synthetic_alignment()
    a = dataclasses.replace(al.a, title=LONG_TITLE)
    return RafahdiffApp(alignment=dataclasses.replace(al, a=a))


async def test_a_long_headline_ends_in_an_ellipsis_in_the_pane_header():
    app = long_title_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        head = app.query_one("#head-a")
        lines = [strip.text for strip in head.render_lines(head.region.reset_offset)]
        title_line = lines[1].rstrip()
        assert title_line.strip().startswith("Alpha headline")
        assert title_line.endswith("…"), f"title cut without an ellipsis: {title_line!r}"


async def test_one_document_mode_does_not_offer_two_document_keys():
    app = RafahdiffApp(alignment=dataclasses.replace(synthetic_alignment(), b=None, pairs=()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = whole_screen(app).splitlines()[-1]
        assert "Boiler" in footer  # still meaningful with one document
        for label in ("Swap", "Partner", "Diffs"):
            assert label not in footer, f"{label} offered in one-document mode: {footer!r}"
        await pilot.press("d", "s", "m")
        await pilot.pause()
        assert not app.model.diff_only
        assert not app.swapped
        assert "diffs only" not in str(app.query_one("#status").render())


async def test_one_document_palette_lists_no_two_document_actions():
    app = RafahdiffApp(alignment=dataclasses.replace(synthetic_alignment(), b=None, pairs=()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any("boilerplate" in t for t in titles)
        assert not any("swap" in t.lower() for t in titles)


async def test_j_and_k_scroll_the_help_screen_on_a_small_terminal():
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0  # the help is taller than the screen
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def test_piped_stdin_without_a_terminal_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setattr(app_module.os, "isatty", lambda fd: False)
    problem = app_module.keyboard_from_terminal(str(tmp_path / "no-such-tty"))
    assert problem is not None and "\n" not in problem
    assert "--format" in problem


def test_a_terminal_stdin_is_left_alone(monkeypatch):
    monkeypatch.setattr(app_module.os, "isatty", lambda fd: True)
    calls = []
    monkeypatch.setattr(app_module.os, "dup2", lambda *a: calls.append(a))
    assert app_module.keyboard_from_terminal("/nonexistent") is None
    assert calls == []


def test_piped_stdin_reads_keys_from_the_terminal(monkeypatch):
    """The pipe on fd 0 is replaced by the terminal (here a pseudo-terminal) before the app runs."""
    master, slave = os.openpty()
    saved = os.dup(0)
    r, w = os.pipe()
    try:
        os.dup2(r, 0)  # stdin is a pipe, as with `cat a.txt | rafahdiff - b`
        assert not os.isatty(0)
        assert app_module.keyboard_from_terminal(os.ttyname(slave)) is None
        assert os.isatty(0)
    finally:
        os.dup2(saved, 0)
        for fd in (saved, r, w, master, slave):
            os.close(fd)


def test_the_app_start_path_imports_no_exporter():
    """`rafahdiff 001 002` must not pay for HTML/Markdown/text/JSON exporters or importlib.metadata."""
    heavy = ("rafahdiff.core.export_html", "rafahdiff.core.export_markdown", "rafahdiff.core.export_text",
             "rafahdiff.core.export_json", "rafahdiff.core.output", "importlib.metadata")
    assert loaded_by_app_start(heavy) == []


def test_the_app_draws_on_the_terminal_when_stderr_is_redirected(monkeypatch, tmp_path):
    """Textual draws on stderr: `rafahdiff 001 002 2>log` showed a blank terminal (the screen
    went into the log) while the keys still drove the invisible app. While the app runs, fd 2
    is the terminal on stdout; afterwards it is the log again, which gets the final message."""
    from rafahdiff.core.model import SourceText

    master, slave = os.openpty()
    log = tmp_path / "err.log"
    log_fd = os.open(log, os.O_WRONLY | os.O_CREAT)
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    seen: list[bool] = []

    def fake_run(self):
        seen.append(os.isatty(2))
        self.error_message = "something went wrong"

    monkeypatch.setattr(app_module.RafahdiffApp, "run", fake_run)
    monkeypatch.setattr(app_module, "keyboard_from_terminal", lambda: None)
    src = SourceText("x", "x", "Council approves harbour bridge budget.\n")
    try:
        os.dup2(slave, 1)
        os.dup2(log_fd, 2)
        monkeypatch.setattr(sys, "stderr", open(2, "w", closefd=False))  # noqa: SIM115 - fd 2 itself, not pytest's capture
        code = app_module.run_app(src, None, None)
        sys.stderr.flush()
        after = os.isatty(2)
    finally:
        for fd, keep in saved.items():
            os.dup2(keep, fd)
            os.close(keep)
        for fd in (master, slave, log_fd):
            os.close(fd)
    assert seen == [True] and code == 2
    assert not after
    assert "rafahdiff: something went wrong" in log.read_text()


async def test_a_long_path_shows_its_file_name_in_the_pane_header():
    """`rafahdiff /data/…/susp/suspicious-document00091.txt /data/…/src/source-document00278.txt`
    at 120 columns showed `A /work/shared/bench-data/pan13-train-sample/susp/suspi…`: the names
    that tell the panes apart were cut off. The name comes first now, the directory after it."""
    al = synthetic_alignment()
    folder = "/work/shared/bench-data/pan13-train-sample/a-rather-long-folder-name/"
    a = dataclasses.replace(al.a, source=folder + "suspicious-document00091.txt", path=folder + "suspicious-document00091.txt")
    b = dataclasses.replace(al.b, source="-", path="-")
    app = RafahdiffApp(alignment=dataclasses.replace(al, a=a, b=b))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for head_id, name in (("#head-a", "suspicious-document00091.txt"), ("#head-b", "standard input")):
            head = app.query_one(head_id)
            first = [strip.text for strip in head.render_lines(head.region.reset_offset)][0]
            assert name in first, first


async def test_the_status_line_keeps_every_figure_and_toggle_on_a_narrow_terminal():
    """At 80x24 a search (with its hit number) and the toggles pushed 'boilerplate a/b' and the
    toggles off the status line's two lines; figures that do not fit take their row markers."""
    from rafahdiff.tui.wrap import wrap_offsets

    from .test_app import seed_app

    app = seed_app()
    async with app.run_test(size=(64, 24)) as pilot:
        await pilot.press("b", "d", "slash", *"Rafah", "enter")
        await pilot.pause()
        status = app.query_one("#status")
        s = app.model.al.stats
        text = str(status.render())
        assert "boilerplate hidden, diffs only" in text and "/Rafah" in text and "hit 1/" in text
        assert f"#{s.a_boilerplate_units}/{s.b_boilerplate_units}" in text
        assert f"+{s.added_units} -{s.omitted_units}" in text
        assert len(wrap_offsets(text, 64 - 2)) <= 2
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        assert f"boilerplate {s.a_boilerplate_units}/{s.b_boilerplate_units}" in str(status.render())


async def test_the_help_screen_stays_readable_on_a_narrow_terminal():
    """At 50 columns the binding-id column (ids never break) left the actions three letters a
    line ('sel…' / 'the' / 'next'); below 72 cells each id goes under its action instead."""
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = whole_screen(app)
        assert "select the next row" in text and "rafahdiff.down" in text
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        line = next(ln for ln in whole_screen(app).splitlines() if "select the next row" in ln)
        assert "rafahdiff.down" in line  # wide: the id in its own column again


async def test_toggles_keep_the_current_search_hit():
    """`b` or `d` after a search re-ran it and dropped the current hit: the status lost
    'hit 2/…' and `n` started over from the selected row."""
    from .test_app import seed_app

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"Rafah", "enter", "n")
        before = app.hits[app.current_hit]
        first = app.model.visible[before.row].first
        await pilot.press("b")
        assert app.current_hit is not None
        after = app.hits[app.current_hit]
        assert (app.model.visible[after.row].first, after.side, after.start) == (first, before.side, before.start)
        side_hits = [h for h in app.hits if h.side == after.side]
        assert f"hit {side_hits.index(after) + 1}/{len(side_hits)}" in str(app.query_one("#status").render())
        await pilot.press("b", "d")
        assert app.current_hit is not None


async def test_the_rule_and_the_selection_show_on_light_themes_too():
    """On catppuccin-latte (ctrl+p → theme) the rule was #F6FAFF on #EFF1F5: invisible; the
    selected row was hardly lighter than the others."""
    app = RafahdiffApp(alignment=synthetic_alignment())
    async with app.run_test(size=(100, 30)) as pilot:
        for theme in ("textual-dark", "textual-light", "catppuccin-latte"):
            app.theme = theme
            await pilot.pause()
            strip = app.view.render_line(0)
            rule = next(seg for seg in strip if "│" in seg.text)
            fg, bg = rule.style.color.get_truecolor(), rule.style.bgcolor.get_truecolor()
            luma = lambda c: 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue  # noqa: E731
            assert abs(luma(fg) - luma(bg)) >= 30, (theme, fg, bg)
            # the selected row (0) against another row (3): it differed by 7-13 of 255 there
            selected = [seg.style.bgcolor.get_truecolor() for seg in strip if seg.text.strip()][1]
            other = [seg.style.bgcolor.get_truecolor() for seg in app.view.render_line(3) if seg.text.strip()][0]
            assert abs(luma(selected) - luma(other)) >= 20, (theme, selected, other)


def test_the_details_name_a_pairs_relation_once():
    """'~ edited   A #1 · B #1   edited · score 0.90': the relation twice; a moved pair's label is
    'moved', so there the relation is still given."""
    from rafahdiff.tui.details import details_text
    from rafahdiff.tui.rowmodel import RowModel

    model = RowModel(synthetic_alignment())
    text = details_text(model, 0, "a").plain
    assert text.count("edited") == 1 and "score 0.90" in text
    moved = next(i for i in range(len(model.visible)) if model.state(i) == "moved")
    text = details_text(model, moved, "a").plain
    assert "moved" in text and "identical · score 1.00" in text


async def test_ctrl_c_quits_with_status_130_even_from_the_search_box_or_help():
    """Textual's ctrl+c only said 'press ctrl+q to quit'; in a terminal ctrl+c ends a command."""
    for keys in (("ctrl+c",), ("slash", "a", "ctrl+c"), ("question_mark", "ctrl+c")):
        app = RafahdiffApp(alignment=synthetic_alignment())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
        assert app.return_code == 130, keys


def test_run_app_says_interrupted_once_after_ctrl_c(monkeypatch, capsys):
    from rafahdiff.core.model import SourceText

    def fake_run(self):
        self.exit(return_code=130)
        self._return_code = 130

    monkeypatch.setattr(app_module.RafahdiffApp, "run", fake_run)
    monkeypatch.setattr(app_module, "keyboard_from_terminal", lambda: None)
    code = app_module.run_app(SourceText("x", "x", "Council approves harbour bridge budget.\n"), None, None)
    assert code == 130
    assert capsys.readouterr().err == "rafahdiff: interrupted\n"


async def test_remapped_help_and_quit_keys_close_the_help_screen(monkeypatch):
    """RAFAHDIFF_KEYMAP="rafahdiff.help=h;rafahdiff.quit=x": the help screen closed on ? and q
    only, so the chosen keys did nothing there."""
    monkeypatch.setenv("RAFAHDIFF_KEYMAP", "rafahdiff.help=h;rafahdiff.quit=x")
    for closer in ("h", "x", "escape"):
        app = RafahdiffApp(alignment=synthetic_alignment())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("h")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(closer)
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen), closer


async def test_the_hit_number_counts_the_hits_n_visits():
    """n visits the active pane's hits, but the status counted all hits: 'hit 1/12', 'hit 3/12',
    'hit 5/12'… Now 'hit 1/6 in A', 'hit 2/6 in A'."""
    from .test_app import seed_app

    app = seed_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("slash", *"Rafah", "enter")
        in_a = sum(1 for h in app.hits if h.side == "a")
        seen = []
        for _ in range(3):
            seen.append(app._hits_label().split(" · ")[-1])
            await pilot.press("n")
        assert seen == [f"hit {k}/{in_a} in A" for k in (1, 2, 3)]
