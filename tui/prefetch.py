"""The alignment of `rafahdiff A B` made in a forked child while this process imports Textual.

Before its first frame the command spent most of its time importing, one thing after the other
on one core: the engine (regexes, tables, rapidfuzz) and Textual. Forked right after the inputs
are read, a child (`forked_helper.Helper`: its pipes, its race, its kill-and-reap) imports the
engine and aligns while this process imports Textual and builds the app on the other core;
the Alignment (immutable, about 10 kB pickled for a news pair) comes back through a pipe.

Only where that is safe: a fork and a second core, no other thread, no address-space cap
(`forked_helper.can_fork`), and inputs small enough for the app to align before its first frame
(bigger ones go to the app's worker thread and its progress indicator, as before). Unlike the
engine's helper, the child is forked on a busy machine too (`forked_helper.spare_core` is not
asked): same code, interleaved runs at load 5.3-5.6 put first paint with the child at 0.81-0.87
of the time without it (0.87-0.96 when every module is compiled), the child faster in 10-14 of
15 paired runs, and reading the run queue would cost every start 5 ms. Any failure of the child
(it died, raised, sent what cannot be read, or is slow) makes this process align in-process,
through the same code as without a child, so a bad input still ends with the same one-line
message and status 2.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rafahdiff.core import forked_helper

if TYPE_CHECKING:
    from rafahdiff.core.model import Alignment, SourceText

#: Inputs above this many characters (both texts together) are aligned in the app's worker
#: thread behind a progress indicator; at most this many are aligned before the first frame.
BACKGROUND_CHARS = 150_000

#: How long the child is still waited for when `Helper.result_or_do` would race it (it waits as
#: long as the child runs at least half the time), before this process starts on the work itself
#: (the child's answer is taken if it comes first). The child starts first and needs less than
#: Textual's import, so it is nearly always done; one that is not (stopped, starved) costs at
#: most this much more than no child. Racing at once would only slow a child that is merely
#: sharing a busy machine, with an import of the engine here that it has nearly finished.
GRACE_SECONDS = 0.3
_TICK = 0.002

#: The child is killed if `alignment()` has not returned this long after it was asked: a child
#: stopped (SIGSTOP) half-way through an answer bigger than a pipe holds (64 KiB) left this
#: process blocked on the rest of it until ctrl+c. Killed, it closes the pipe: the read ends and
#: the alignment is made (or was made) here. Far above the child's own need (it was forked
#: before Textual's import and aligns at most BACKGROUND_CHARS), and harmless when this process
#: is aligning by itself meanwhile.
STALL_SECONDS = 3.0


def align_here(a: SourceText, b: SourceText | None, threshold: float | None) -> Alignment:
    """The engine's `compare` in this process (imported only now: it is the slow import)."""
    from rafahdiff.core.pipeline import compare
    from rafahdiff.core.score import DEFAULT_THRESHOLD

    return compare(a, b, threshold=DEFAULT_THRESHOLD if threshold is None else threshold)


def _align_job(context: dict[str, Any]) -> Alignment:
    """Run in the child: the same call as `align_here`."""
    return align_here(context["a"], context["b"], context["threshold"])


class Ahead:
    """A child aligning ahead. `alignment()` takes its answer (or makes it here); `close()` kills
    and reaps the child, which `run_app` does once the first frame is drawn: the child's end
    (waking it, the kernel freeing its memory, the reaping) cost the first frame 2-10 ms of a
    busy machine when they came before it. `close()` may be called more than once."""

    def __init__(self, helper: forked_helper.Helper, a: SourceText, b: SourceText | None,
                 threshold: float | None) -> None:
        self.helper = helper
        self._args = (a, b, threshold)
        self.from_child: bool | None = None  # for tests and benchmarks: whose answer was used

    def _here(self, out: list[Alignment]) -> Iterator[None]:
        """The job done here, a step at a time: first only waiting (`GRACE_SECONDS`), then the
        engine's import, then the alignment."""
        deadline = time.monotonic() + GRACE_SECONDS
        while time.monotonic() < deadline:
            time.sleep(_TICK)
            yield
        from rafahdiff.core import pipeline  # noqa: F401 - the slow part, a step of its own

        yield
        out.append(align_here(*self._args))
        yield

    def alignment(self) -> Alignment:
        """The child's Alignment, or one made here; raises as `align_here` does."""
        out: list[Alignment] = []
        steps = self._here(out)
        with _killed_if_stalled(self.helper.pid):
            ok, value = self.helper.result_or_do(steps)  # the child is left blocked on its pipe
        self.from_child = ok and _is_alignment(value)
        if self.from_child:
            return value
        # The child failed or lost the race: the alignment made here, or made now (without
        # waiting out the rest of the grace for a child that is gone).
        return out[0] if out else align_here(*self._args)

    def close(self) -> None:
        self.helper.stop()


@contextmanager
def _killed_if_stalled(pid: int) -> Iterator[None]:
    """Kill the child `pid` if the block takes more than STALL_SECONDS. Through a pidfd, which
    names that one process: the child may be reaped meanwhile, and its number reused."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):  # not Linux 5.3+: as before, no watchdog
        yield
        return

    def kill() -> None:
        try:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        except OSError:
            pass

    timer = threading.Timer(STALL_SECONDS, kill)
    timer.daemon = True
    try:
        timer.start()
    except RuntimeError:  # no thread to be had: as before, no watchdog
        os.close(pidfd)
        yield
        return
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        os.close(pidfd)


def _is_alignment(value: object) -> bool:
    from rafahdiff.core.model import Alignment

    return isinstance(value, Alignment)


def start(a: SourceText, b: SourceText | None, threshold: float | None) -> Ahead | None:
    """Fork a child aligning `a` and `b` now, or None where it would not pay or is not safe."""
    size = len(a.text) + (len(b.text) if b is not None else 0)
    if size > BACKGROUND_CHARS or not forked_helper.can_fork():
        return None
    helper = forked_helper.Helper({"a": a, "b": b, "threshold": threshold})
    if not helper.start():
        return None
    if not helper.submit(_align_job):
        helper.stop()
        return None
    return Ahead(helper, a, b, threshold)
