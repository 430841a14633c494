"""A forked copy of this process that takes half of the engine's big loops at book length.

After B's words have been read in a second process (`pipeline._prepare`, or `align._features`
for `align` called alone), the rest of a comparison ran on one core: candidate generation and
scoring (`candidates`), the choice of pairs (`align._choose`) and the pairs' word diffs
(`pairs.build_pairs`). A fork made right there shares every feature and document with this
process (copy-on-write, a few milliseconds for a 300 MB process), so a job needs only a few
numbers to start and sends back flat arrays. The helper finds half of the candidates while the
caller finds the other half; it chooses the pairs while the caller diffs the likeliest ones
(only the chosen pairs come back, a few numbers each); it diffs half of the remaining pairs.
Every answer is merged into exactly the one-process result.

Only where a fork is safe: no other thread alive (the app calls `compare` from a worker thread;
forking then can copy a lock another thread holds), no address-space cap, a second core. Any
failure of the helper (it died, a job raised, the pipe broke) makes the caller do that job
itself; any failure of the caller kills the helper at once (`session` always kills and reaps).
None is forked while the machine is busy with other work (`spare_core`: it would take turns
with that work and slow the caller down). A helper that keeps running is waited for; one slowed
by work that starts later is not: the caller goes on with the helper's job itself, slice by
slice, and takes the answer if it comes first (`Helper.result_or_do`)."""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: Fork a helper only when the two texts have at least this many content units together: below
#: it the loops take less than the fork and the messages cost (news articles never pay).
MIN_UNITS = 8000

#: Wait for the helper's answers instead of racing it (tests: the helper's path, every time).
WAIT = False
#: A helper running at least this share of the time is waited for; one held up more by other
#: work is raced. Its share is measured over each slice done here, or WINDOW seconds of waiting.
MIN_SHARE = 0.5
WINDOW = 0.02
#: ...for at most this many times the head start it had, or MIN_PATIENCE seconds if more (a
#: helper stuck in its job is raced).
PATIENCE = 2.0
MIN_PATIENCE = 0.25

_HEADER = struct.Struct("<Q")
_DONE = object()


class Helper:
    """The forked process and its two pipes. `context` is what the jobs work on (the child's
    copy of it is the parent's, as it was at the fork)."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context
        self.pid = 0
        self._to_child = self._from_child = -1
        self.pending: str | None = None  # the name of the job sent and not yet answered
        self.sent_at = 0.0  # when it was sent (time.monotonic)
        self.broken = False

    def start(self) -> bool:
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (req_r, req_w, resp_r, resp_w):
                os.close(fd)
            return False
        if pid == 0:  # the helper: serve jobs until the caller closes the pipe, then vanish
            code = 0
            try:
                os.close(req_w)
                os.close(resp_r)
                _serve(self.context, req_r, resp_w)
            except BaseException:  # noqa: BLE001 - nothing may escape into the caller's code
                code = 1
            finally:
                os._exit(code)
        os.close(req_r)
        os.close(resp_w)
        self.pid, self._to_child, self._from_child = pid, req_w, resp_r
        return True

    def submit(self, job: Callable[..., Any], *args: Any) -> bool:
        """Start `job(context, *args)` in the helper; False if it cannot (then do it here)."""
        if self.broken or self.pending is not None:
            return False
        try:
            _send(self._to_child, pickle.dumps((job, args), protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, AttributeError, TypeError):
            self.broken = True
            return False
        self.pending = job.__name__
        self.sent_at = time.monotonic()
        return True

    def result(self) -> tuple[bool, Any]:
        """(True, the job's return value), or (False, None) if the helper failed: the caller
        then does the job itself."""
        self.pending = None
        try:
            data = _recv(self._from_child)
            ok, value = pickle.loads(data) if data is not None else (False, None)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            ok, value = False, None
        if not ok:
            self.broken = True
        return ok, value

    def ready(self) -> bool:
        """The pending job's answer (or the helper's end) can be read without waiting."""
        return self._poll(0)

    def advance_until_ready(self, steps: Iterator[object]) -> None:
        """Advance `steps` (work of this process's own, useful whatever the answer) until they
        run out or the pending job's answer is there (WAIT: all of them)."""
        for _ in steps:
            if not WAIT and self.ready():
                return

    def result_or_do(self, steps: Iterator[object]) -> tuple[bool, Any]:
        """The pending job's answer, taken as soon as it is there. Meanwhile, while the helper
        runs at least MIN_SHARE of the time (`_clock`), this process waits for it: started
        earlier, it is done sooner than the job done here. Held up by other work, or still not
        done after PATIENCE times its head start (the time from sending the job to now; at
        least MIN_PATIENCE seconds), it is raced: `steps` (the same job done here, a slice per
        step) advances; if it runs out first, the helper is stopped and (False, None) returned:
        the caller has the whole job done here. So a helper slowed by a busy machine (or stuck)
        never makes the caller wait much longer than doing the job itself."""
        mark = self._clock()
        patience = mark[0] + max(MIN_PATIENCE, PATIENCE * (mark[0] - self.sent_at)) if mark is not None else 0.0
        wait = mark is not None
        while not (WAIT or self.ready()):
            if wait:
                self._poll(WINDOW)
            elif next(steps, _DONE) is _DONE:
                if self.ready():
                    break
                self.stop()
                return False, None
            now = self._clock()
            wait = (
                mark is not None and now is not None and now[0] < patience
                and now[1] - mark[1] >= MIN_SHARE * (now[0] - mark[0])
            )
            mark = now
        return self.result()

    def _clock(self) -> tuple[float, float] | None:
        """(now, seconds the helper has run so far), or None where that cannot be read (the
        scheduler's exact count in /proc/PID/schedstat: Linux)."""
        try:
            with open(f"/proc/{self.pid}/schedstat", "rb") as f:
                return time.monotonic(), int(f.read().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            return None

    def _poll(self, seconds: float) -> bool:
        """Wait up to `seconds` for the pending job's answer (or the helper's end); whether it
        can be read now (True also when the pipe cannot be polled: result() then reads, and
        reports any failure)."""
        try:
            poll = select.poll()  # not select.select: no limit on the descriptor's number
            poll.register(self._from_child, select.POLLIN)
            return bool(poll.poll(seconds * 1000))
        except (OSError, ValueError, AttributeError):
            return True

    def stop(self) -> None:
        """Kill and reap the helper now (it holds nothing the caller needs)."""
        for fd in (self._to_child, self._from_child):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_child = self._from_child = -1
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0
        self.broken = True


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _recv(fd: int) -> bytes | None:
    head = _read_exact(fd, _HEADER.size)
    if head is None:
        return None
    return _read_exact(fd, _HEADER.unpack(head)[0])


def _serve(context: dict[str, Any], req: int, resp: int) -> None:
    while True:
        data = _recv(req)
        if data is None:
            return
        try:
            job, args = pickle.loads(data)
            answer = (True, job(context, *args))
        except Exception:  # noqa: BLE001 - reported as a failure; the caller does the job
            answer = (False, None)
        _send(resp, pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


_current: Helper | None = None


def helper_for(**objects: Any) -> Helper | None:
    """The running helper if its context holds exactly these objects (the same features and
    documents the caller works on), else None."""
    h = _current
    if h is None or h.broken:
        return None
    for name, obj in objects.items():
        if h.context.get(name) is not obj:
            return None
    return h


def memory_capped() -> bool:
    """True under an address-space limit (ulimit -v, a container's cap): a second process
    would hold a second interpreter and its objects in the same budget, so one is safer."""
    try:
        import resource
    except ImportError:  # not on POSIX
        return False
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return soft != resource.RLIM_INFINITY


def can_fork() -> bool:
    """fork exists, no other thread is alive, a second core, no address-space cap."""
    if not hasattr(os, "fork") or threading.active_count() != 1 or (os.cpu_count() or 1) < 2:
        return False
    return not memory_capped()


def spare_core(loadavg: str = "/proc/loadavg", samples: int = 5) -> bool:
    """Whether a core is free now: fewer runnable tasks (this one included, the fourth field of
    /proc/loadavg) than cores this process may use, at the least of a few readings a
    millisecond apart (a task that runs for an instant is not the machine being busy). On a
    machine busy with other work the helper would only take turns with it and slow this
    process down more than it saves; where this cannot be read, a core is taken to be free."""
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        running = []
        for k in range(samples):
            if k:
                time.sleep(0.001)
            with open(loadavg, "rb") as f:
                running.append(int(f.read().split()[3].split(b"/")[0]))
    except (OSError, ValueError, IndexError):
        return True
    return min(running) < cores


@contextmanager
def session(units: int, **context: Any) -> Iterator[Helper | None]:
    """A helper forked now over `context` for the block (None if too small, unsafe, or no core
    is free); killed and reaped when the block ends, however it ends."""
    global _current
    if units < MIN_UNITS or _current is not None or not can_fork() or not spare_core():
        yield None
        return
    helper = Helper(context)
    if not helper.start():
        yield None
        return
    _current = helper
    try:
        yield helper
    finally:
        _current = None
        helper.stop()
