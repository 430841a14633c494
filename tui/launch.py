"""The `rafahdiff` console script and `python -m rafahdiff`: ctrl+c at any moment ends the
command quietly, with one line and status 130.

`cli.main` turns an interrupt into that line once its `try` runs, but the imports before it (the
engine's modules, argparse) take tens of milliseconds, and an interrupt there printed a
traceback from deep inside importlib. So this entry point, which imports nothing but the
built-in `_signal`, makes SIGINT leave at once while `cli` is imported (nothing to clean up yet),
restores Python's own handler while `cli.main` runs (a KeyboardInterrupt there kills the
aligning child, removes a half-written `-o` file and lets Textual restore the terminal), and
leaves at once again once `cli.main` has returned. Code that merely imports `rafahdiff.tui.cli`
(tests, scripts) keeps its SIGINT handling: only this function changes it.
"""

from __future__ import annotations

import os

try:
    import _signal as signals  # built in: no import time during which ctrl+c goes unhandled
except ImportError:  # pragma: no cover - other interpreters
    import signal as signals  # type: ignore[no-redef]

#: The exit status of a command ended by SIGINT, as shells report it (128 + 2).
INTERRUPTED = 130
INTERRUPTED_LINE = "rafahdiff: interrupted\n"

_main_pid = 0


def _leave_now(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    """SIGINT outside `cli.main`: one line (from this process, not a forked child), status 130."""
    if _main_pid in (0, os.getpid()):
        try:
            os.write(2, INTERRUPTED_LINE.encode())
        except OSError:
            pass
    os._exit(INTERRUPTED)


def main(argv: list[str] | None = None) -> int:
    global _main_pid
    _main_pid = os.getpid()
    # Started with SIGINT ignored (`nohup`, `&` in a script): it stays ignored throughout.
    handled = signals.getsignal(signals.SIGINT) is not signals.SIG_IGN
    if handled:
        signals.signal(signals.SIGINT, _leave_now)
    from rafahdiff.tui import cli

    try:
        if handled:
            signals.signal(signals.SIGINT, signals.default_int_handler)
        code = cli.main(argv)
    except KeyboardInterrupt:  # raised past cli.main's own handler (e.g. while it printed)
        signals.signal(signals.SIGINT, _leave_now)
        return cli.interrupted()
    if handled:
        signals.signal(signals.SIGINT, _leave_now)  # the interpreter's exit: nothing to clean up
    return code
