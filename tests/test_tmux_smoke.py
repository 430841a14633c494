"""Smoke test of the real program in a real terminal: `rafahdiff 001 002` inside tmux.

Starts the installed console script on a private tmux server, sends keys like a person would
and reads the screen back with capture-pane. Skipped (with the reason) where tmux is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
RAFAHDIFF = Path(sys.executable).parent / "rafahdiff"

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux; .ci/run installs it)"),
    pytest.mark.skipif(not RAFAHDIFF.exists(), reason=f"console script not installed at {RAFAHDIFF}"),
]


class Term:
    """One tmux server of our own (its own socket), one session, one pane."""

    def __init__(self, tmp: Path, width: int = 100, height: int = 30, args: str = "001 002",
                 stdin: Path | None = None) -> None:
        self.socket = f"rafahdiff-smoke-{os.getpid()}-{tmp.name}"
        self.status = tmp / "status"
        feed = f"cat {stdin} | " if stdin is not None else ""
        env_cmd = f"{feed}{RAFAHDIFF} {args}; echo $? > {self.status}"
        self._tmux("new-session", "-d", "-s", "smoke", "-x", str(width), "-y", str(height), env_cmd)

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=20)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "smoke").stdout

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "smoke", *keys)

    def wait_for(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} never appeared; screen was:\n{screen}")

    def wait_gone(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while needle in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = self.screen()
        assert needle not in screen, f"{needle!r} still on screen:\n{screen}"
        return screen

    def quit(self, timeout: float = 20.0) -> str | None:
        """Press q; the program's exit status once it has ended, None if it has not."""
        self.keys("q")
        deadline = time.monotonic() + timeout
        while not self.status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.status.read_text().strip() if self.status.exists() else None

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture()
def term(tmp_path):
    t = Term(tmp_path)
    yield t
    t.close()


def test_real_program_in_tmux(term):
    screen = term.wait_for("row 1/")
    assert "A 001" in screen and "B 002" in screen
    assert "Rafah Assault on Hold" in screen  # 001's headline
    assert " │ " in screen  # two panes
    assert "Traceback" not in screen

    term.keys("G")
    screen = term.wait_for("Surja")  # the end of 002: its author bio
    total = screen.split("row ", 1)[1].split()[0]
    n, of = total.split("/")
    assert n == of

    term.keys("b")
    term.wait_for("boilerplate hidden")

    term.keys("?")
    term.wait_for("rafahdiff.next_change")
    term.keys("Escape")  # a lone ESC: the terminal needs a moment to tell it from a sequence
    term.wait_gone("rafahdiff.next_change")

    term.keys("g", "/")
    term.wait_for("search both panes")
    term.keys("Kirby", "Enter")
    term.wait_for("/Kirby:")

    assert term.quit() == "0"


def test_article_on_piped_stdin_still_takes_keys(tmp_path):
    """`cat a.txt | rafahdiff - 002`: the article comes from the pipe, the keys from the terminal."""
    from rafahdiff.core.seeds import list_seeds

    seed = next(s for s in list_seeds() if s.id == "001")
    term = Term(tmp_path, args="- 002", stdin=seed.path)
    try:
        screen = term.wait_for("row 1/")
        assert "A -" in screen and "Rafah Assault on Hold" in screen
        term.keys("j", "j")
        term.wait_for("row 3/")
        status = term.quit()
        assert status is not None, "q did not end the program:\n" + term.screen()
        assert status == "0"
    finally:
        term.close()


def test_the_app_is_drawn_with_stderr_redirected(tmp_path):
    """`rafahdiff 001 002 2>log`: Textual draws on stderr; the app must still be on the terminal
    (it drew into the log, leaving a blank screen) and the log get no screen output."""
    log = tmp_path / "err.log"
    term = Term(tmp_path, args=f"001 002 2>{log}")
    try:
        screen = term.wait_for("row 1/")
        assert "Rafah Assault on Hold" in screen
        assert term.quit() == "0"
        assert "\x1b" not in log.read_text()
    finally:
        term.close()
