"""The terminal the app needs, arranged before anything is started for it.

Kept apart from the app so the command can check for a terminal before it forks the aligning
child (`prefetch`) and before Textual is imported.
"""

from __future__ import annotations

import os
import sys


def keyboard_from_terminal(tty_path: str = "/dev/tty") -> str | None:
    """Make file descriptor 0 the terminal when standard input carried an article.

    `cat a.txt | rafahdiff - b` leaves stdin at the end of a pipe, and Textual reads keys from
    fd 0: without this the app would draw but ignore every key, `q` included. Like `less`, read
    keys from the controlling terminal instead. Returns an error line when there is none.
    """
    try:
        if os.isatty(0):
            return None
    except (OSError, ValueError):
        pass
    try:
        fd = os.open(tty_path, os.O_RDWR)
    except OSError:
        return ("standard input held an article and there is no terminal to read keys from; "
                "use --format text, html, markdown or json")
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)
    return None


def draw_on_terminal() -> int | None:
    """Textual draws on stderr (fd 2). With stderr redirected (`rafahdiff A B 2>log`) the screen
    went into the log and the terminal stayed blank while keys drove the unseen app: for the
    app's run, fd 2 is the terminal on stdout. Returns the descriptor to put back, if moved."""
    try:
        if os.isatty(2) or not os.isatty(1):
            return None
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        return None
    try:
        os.dup2(1, 2)
    except OSError:
        os.close(saved)
        return None
    return saved


def restore_stderr(saved: int | None) -> None:
    if saved is None:
        return
    try:
        os.dup2(saved, 2)
    except OSError:
        pass
    finally:
        os.close(saved)
