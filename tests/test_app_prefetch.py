"""`rafahdiff A B` aligns in a forked child while it imports Textual (tui/prefetch.py): the app
must get exactly the in-process Alignment whatever happens to the child, errors must read as
they do without a child, and no child may be left running or as a zombie, nor a pipe open."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from rafahdiff.core import SourceText, forked_helper, pipeline, read_source
from rafahdiff.core.errors import InputError
from rafahdiff.core.score import DEFAULT_THRESHOLD
from rafahdiff.tui import app as app_module
from rafahdiff.tui import cli, prefetch, terminal

from .app_support import loaded_by_app_start
from .cli_helpers import Result, assert_one_line_error


@pytest.fixture
def forking(monkeypatch):
    """Records every child started."""
    started: list[tuple[prefetch.Ahead, int]] = []
    start = prefetch.start

    def spy(*args):
        ahead = start(*args)
        if ahead is not None:
            started.append((ahead, ahead.helper.pid))
        return ahead

    monkeypatch.setattr(prefetch, "start", spy)
    return started


def _gone(pid: int) -> bool:
    """The child was killed and reaped (by `Ahead.close`): no zombie left. Read from /proc, not
    by reaping it here, which would hide a missing reap."""
    deadline = time.monotonic() + 10
    while os.path.exists(f"/proc/{pid}"):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _killed(pid: int) -> bool:
    """The child has ended (a zombie until reaped, or gone)."""
    deadline = time.monotonic() + 10
    while True:
        try:
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)


def _open_fds() -> set[int]:
    return {int(fd) for fd in os.listdir("/proc/self/fd")} if os.path.isdir("/proc/self/fd") else set()


def _pair() -> tuple[SourceText, SourceText]:
    return read_source("001"), read_source("002")


pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc (Linux)")


def test_the_childs_alignment_is_the_one_made_here(forking):
    a, b = _pair()
    before = _open_fds()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None and ahead.helper.pid > 0
    pid = ahead.helper.pid
    al = ahead.alignment()
    assert ahead.from_child is True
    assert al == pipeline.compare(a, b, threshold=DEFAULT_THRESHOLD)
    ahead.close()  # run_app: after the first frame
    assert _gone(pid)
    assert _open_fds() == before  # both pipes closed
    ahead.close()  # a second close is harmless


def test_a_threshold_given_reaches_the_child(forking):
    a, b = _pair()
    ahead = prefetch.start(a, b, 0.9)
    assert ahead is not None
    al = ahead.alignment()
    ahead.close()
    assert al.threshold == 0.9 and al == pipeline.compare(a, b, threshold=0.9)


def test_one_document_is_prefetched_too(forking):
    a = read_source("003")
    ahead = prefetch.start(a, None, None)
    assert ahead is not None
    assert ahead.alignment() == pipeline.compare(a)
    ahead.close()


def test_a_child_that_dies_is_replaced_here(forking):
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    pid = ahead.helper.pid
    os.kill(pid, signal.SIGKILL)
    al = ahead.alignment()
    ahead.close()
    assert ahead.from_child is False
    assert al == pipeline.compare(a, b, threshold=DEFAULT_THRESHOLD)
    assert _gone(pid)


def test_a_child_that_sends_no_alignment_is_not_trusted(forking, monkeypatch):
    """Whatever the child answers, only an Alignment is used (else it is made here)."""
    parent = os.getpid()
    real = pipeline.compare

    def odd(*args, **kwargs):
        return "not an alignment" if os.getpid() != parent else real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "compare", odd)
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    al = ahead.alignment()
    ahead.close()
    assert ahead.from_child is False and al == real(a, b, threshold=DEFAULT_THRESHOLD)


def test_a_stuck_child_is_raced_and_killed(forking, monkeypatch):
    """A child that never answers costs at most the grace: the alignment is made here."""
    parent = os.getpid()
    real = pipeline.compare

    def stuck(*args, **kwargs):
        if os.getpid() != parent:
            time.sleep(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "compare", stuck)
    monkeypatch.setattr(prefetch, "GRACE_SECONDS", 0.01)
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    pid = ahead.helper.pid
    al = ahead.alignment()
    assert ahead.from_child is False and al == real(a, b, threshold=DEFAULT_THRESHOLD)
    assert _killed(pid)  # the one the race left behind, at once
    ahead.close()
    assert _gone(pid)


def test_a_child_stopped_half_way_through_a_big_answer_does_not_block_this_process(forking, monkeypatch):
    """The child sends more than a pipe holds and is stopped (SIGSTOP) half-way: this process
    read the first part and waited for the rest for good. Now the child is killed after
    STALL_SECONDS and the alignment is made here."""
    import threading

    parent = os.getpid()
    real_send = forked_helper._send

    def send_then_stop(fd, data):
        if os.getpid() == parent:
            return real_send(fd, data)
        big = forked_helper._HEADER.pack(len(data) + 1_000_000) + data  # a promise of more
        os.write(fd, big[:4096])
        os.kill(os.getpid(), signal.SIGSTOP)  # stopped mid-answer
        real_send(fd, big[4096:])

    monkeypatch.setattr(forked_helper, "_send", send_then_stop)
    monkeypatch.setattr(prefetch, "STALL_SECONDS", 0.5)
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    pid = ahead.helper.pid
    got: list = []
    worker = threading.Thread(target=lambda: got.append(ahead.alignment()), daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():  # the bug: unblock the read before failing
        os.kill(pid, signal.SIGKILL)
        worker.join(10)
        pytest.fail("alignment() stayed blocked on a stopped child")
    assert ahead.from_child is False
    assert got == [pipeline.compare(a, b, threshold=DEFAULT_THRESHOLD)]
    ahead.close()
    assert _gone(pid)


def test_no_child_is_forked_when_there_is_no_terminal_for_the_keys(forking, monkeypatch, capsys):
    """`cat a | rafahdiff - b` with no terminal: refused before anything is started for the app."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(terminal.os, "isatty", lambda fd: False)
    real = terminal.keyboard_from_terminal
    monkeypatch.setattr(terminal, "keyboard_from_terminal", lambda: real("/nonexistent/tty"))
    code = cli.main(["001", "002"])
    cap = capsys.readouterr()
    assert_one_line_error(Result(code, cap.out, cap.err), "no terminal")
    assert forking == []


def test_an_error_in_the_child_is_raised_here_as_without_a_child(forking, monkeypatch):
    def refuse(*args, **kwargs):
        raise InputError("B has too many units")

    monkeypatch.setattr(pipeline, "compare", refuse)
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    pid = ahead.helper.pid
    with pytest.raises(InputError, match="too many units"):
        ahead.alignment()
    ahead.close()
    assert _gone(pid)


def test_the_cli_reports_an_error_of_the_childs_alignment_in_one_line(forking, monkeypatch, capsys):
    """The app path of the command (a terminal): bad input ends with one stderr line and status
    2, the same line as without a child, and the child is reaped."""
    calls: list[int] = []

    def refuse(*args, **kwargs):
        calls.append(os.getpid())
        raise InputError("B holds 300,000 units \x1b[2J, more than 200,000")

    monkeypatch.setattr(pipeline, "compare", refuse)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(terminal, "keyboard_from_terminal", lambda: None)
    monkeypatch.setattr(app_module, "keyboard_from_terminal", lambda: None)
    code = cli.main(["001", "002"])
    cap = capsys.readouterr()
    res = Result(code, cap.out, cap.err)
    assert_one_line_error(res, "300,000 units", "more than 200,000")
    assert "\x1b" not in res.err
    assert len(forking) == 1
    ahead, pid = forking[0]
    assert _gone(pid) and ahead.from_child is False
    assert calls == [os.getpid()]  # the one raised here (the child's own call is not counted here)


def test_a_busy_machine_still_has_a_child(forking, monkeypatch):
    """Unlike the engine's helper: measured faster at load 5 too (see prefetch's docstring)."""
    monkeypatch.setattr(forked_helper, "spare_core", lambda: False)
    ahead = prefetch.start(*_pair(), None)
    assert ahead is not None
    ahead.close()


def test_no_child_where_it_cannot_pay_or_is_unsafe(forking, monkeypatch):
    a, b = _pair()
    big = SourceText("big", "big", "A sentence of an article. " * (prefetch.BACKGROUND_CHARS // 26 + 1))
    assert prefetch.start(big, None, None) is None  # the app's worker and progress indicator
    with monkeypatch.context() as m:
        m.setattr(forked_helper.threading, "active_count", lambda: 2)
        assert prefetch.start(a, b, None) is None
    with monkeypatch.context() as m:
        m.setattr(forked_helper, "memory_capped", lambda: True)
        assert prefetch.start(a, b, None) is None
    with monkeypatch.context() as m:
        m.delattr(os, "fork")
        assert prefetch.start(a, b, None) is None
    assert forking == []


def test_a_failed_fork_means_no_child(forking, monkeypatch):
    def no_fork():
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    before = _open_fds()
    assert prefetch.start(*_pair(), None) is None
    assert _open_fds() == before


async def test_the_app_shows_the_childs_alignment_and_reaps_the_child_after_its_first_frame(forking):
    a, b = _pair()
    ahead = prefetch.start(a, b, None)
    assert ahead is not None
    pid = ahead.helper.pid
    al = ahead.alignment()
    app = app_module.RafahdiffApp(a, b, alignment=al, after_first_frame=ahead.close)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.alignment == al and app.view is not None and app.view.model.visible
        assert _gone(pid)


def test_the_app_start_imports_no_engine():
    """The app path imports the engine only in the child (or when the app needs it): the
    command's own imports before the first frame are Textual's and the view's."""
    engine = ("rafahdiff.core.pipeline", "rafahdiff.core.boilerplate", "rafahdiff.core.segment",
              "rafahdiff.core.align", "rafahdiff.core.score", "rapidfuzz")
    assert loaded_by_app_start(engine) == []
