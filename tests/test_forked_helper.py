"""The forked helper (core.forked_helper) takes half of candidates, the choice of pairs (while
this process diffs the likely ones) and half of the other word diffs at book length: the
Alignment must be exactly the one-process one, whatever happens to the helper."""

from __future__ import annotations

import os
import time

import pytest

from rafahdiff.core import SourceText, read_source
from rafahdiff.core import align, candidates, forked_helper, pairs, pipeline
from rafahdiff.core.align import FLOOR_FACTOR, HEADING_RELIEF
from rafahdiff.core.features import build_features
from rafahdiff.core.pipeline import analyse, compare
from rafahdiff.core.score import DEFAULT_THRESHOLD

SEEDS = ("000", "001", "002", "003", "004")


def _texts() -> list[tuple[SourceText, SourceText]]:
    """Seeds glued into longer texts (reordered, so there are moves, splits and repeats)."""
    text = {s: read_source(s).text for s in SEEDS}
    a1 = "\n\n".join(text[s] for s in SEEDS)
    b1 = "\n\n".join(text[s] for s in ("004", "002", "003", "001", "000"))
    b1 = b1.replace(", who ", ". He ", 3).replace(" and ", ". And ", 6)  # split sentences
    a2 = text["001"] + "\n\n" + text["003"]
    b2 = text["002"] + "\n\n" + text["004"] + "\n\n" + text["002"]
    return [(SourceText("a", "a", a1), SourceText("b", "b", b1)), (SourceText("a", "a", a2), SourceText("b", "b", b2))]


@pytest.fixture
def forced(monkeypatch):
    """The helper used on seed-sized texts: the large-input candidate path, any size forks,
    any number of groups splits. Records each job the helper was given and how it ended."""
    monkeypatch.setattr(candidates, "SMALL", 0)
    monkeypatch.setattr(forked_helper, "MIN_UNITS", 0)
    monkeypatch.setattr(pairs, "SPLIT_GROUPS", 1)
    monkeypatch.setattr(forked_helper, "WAIT", True)  # seed-sized halves are quicker here than the trip
    monkeypatch.setattr(forked_helper, "spare_core", lambda: True)  # whatever else runs here
    log: list[tuple[str, object]] = []
    started: list[int] = []
    submit, result, start = forked_helper.Helper.submit, forked_helper.Helper.result, forked_helper.Helper.start

    def spy_start(self):
        ok = start(self)
        if ok:
            started.append(self.pid)
        return ok

    def spy_submit(self, job, *args):
        ok = submit(self, job, *args)
        log.append((job.__name__, "sent" if ok else "refused"))
        return ok

    def spy_result(self):
        ok, value = result(self)
        log.append(("result", ok))
        return ok, value

    monkeypatch.setattr(forked_helper.Helper, "start", spy_start)
    monkeypatch.setattr(forked_helper.Helper, "submit", spy_submit)
    monkeypatch.setattr(forked_helper.Helper, "result", spy_result)
    return log, started


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped: no zombie left
    return False


@pytest.mark.parametrize("case", [0, 1])
def test_helper_halves_equal_one_process(forced, case):
    log, started = forced
    a, b = _texts()[case]
    seq = compare(a, b, parallel=False)
    assert not started
    par = compare(a, b, parallel=True)
    assert started and all(_gone(pid) for pid in started)
    assert log[:6] == [("_far_half", "sent"), ("result", True), ("_first_far", "sent"), ("result", True), ("_last_far", "sent"), ("result", True)]
    # the groups of the second part of the choice not diffed here ahead: half there
    assert log[6:] in ([], [("_far_diffs", "sent"), ("result", True)])
    assert par == seq
    assert any(p.moved for p in seq.pairs)
    assert case or any(len(p.a) + len(p.b) > 2 for p in seq.pairs)  # splits/merges diffed there too


def _in_helper_only(fn, parent: int, action):
    def wrapped(*args, **kwargs):
        if os.getpid() != parent:
            action()
        return fn(*args, **kwargs)

    return wrapped


def test_a_job_failing_in_the_helper_is_done_here(forced, monkeypatch):
    log, started = forced

    def fail():
        raise RuntimeError("broken in the helper")

    monkeypatch.setattr(candidates, "_row_pairs", _in_helper_only(candidates._row_pairs, os.getpid(), fail))
    a, b = _texts()[0]
    par = compare(a, b, parallel=True)
    assert log == [("_far_half", "sent"), ("result", False)]  # then no more jobs for it
    assert par == compare(a, b, parallel=False)
    assert all(_gone(pid) for pid in started)


@pytest.mark.parametrize("call", [1, 2])
def test_a_helper_that_dies_is_replaced_here(forced, monkeypatch, call):
    """It dies in the first part of the choice of pairs (call 1) or in the second (call 2)."""
    log, started = forced
    parent = os.getpid()
    module, name = (align, "_select") if call == 1 else (align, "_grow_weak")
    fn = getattr(module, name)

    def dying(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)
        return fn(*args, **kwargs)

    monkeypatch.setattr(module, name, dying)
    a, b = _texts()[0]
    par = compare(a, b, parallel=True)
    assert log[:3] == [("_far_half", "sent"), ("result", True), ("_first_far", "sent")]
    if call == 1:  # then nothing more is asked of it
        assert log[3:] == [("result", False)]
    else:
        assert log[3:] == [("result", True), ("_last_far", "sent"), ("result", False)]
    assert par == compare(a, b, parallel=False)
    assert all(_gone(pid) for pid in started)


def test_a_failure_here_kills_the_helper(forced, monkeypatch):
    """Out of memory (or Ctrl-C) here while the helper works: the error comes up and the
    helper is killed and reaped, not left running or as a zombie."""
    _, started = forced
    parent = os.getpid()
    diffs = pairs._diffs

    def fail_here(*args, **kwargs):
        if os.getpid() == parent:
            raise MemoryError
        return diffs(*args, **kwargs)

    monkeypatch.setattr(pairs, "_diffs", fail_here)
    a, b = _texts()[0]
    with pytest.raises(MemoryError):
        compare(a, b, parallel=True)
    assert started and all(_gone(pid) for pid in started)
    assert forked_helper._current is None


def test_no_helper_with_threads_alive(forced, monkeypatch):
    """The app calls compare from a worker thread: forking then could copy a held lock."""
    log, started = forced
    monkeypatch.setattr(forked_helper.threading, "active_count", lambda: 2)
    a, b = _texts()[1]
    assert compare(a, b, parallel=True) == compare(a, b, parallel=False)
    assert not started and not log


def test_no_helper_under_a_memory_cap(forced, monkeypatch):
    import resource

    log, started = forced
    monkeypatch.setattr(resource, "getrlimit", lambda what: (2**32, resource.RLIM_INFINITY))
    assert not forked_helper.can_fork()
    a, b = _texts()[1]
    assert compare(a, b, parallel=True) == compare(a, b, parallel=False)
    assert not started and not log


def test_no_helper_without_fork(forced, monkeypatch):
    log, started = forced
    monkeypatch.setattr(forked_helper.os, "fork", lambda: (_ for _ in ()).throw(OSError("no fork")))
    monkeypatch.setattr(pipeline, "_pool_context", lambda: __import__("multiprocessing").get_context("spawn"))
    a, b = _texts()[1]
    assert compare(a, b, parallel=True) == compare(a, b, parallel=False)
    assert not started and not log


@pytest.mark.parametrize("where", ["candidates", "choice", "last"])
def test_a_slow_helper_is_not_waited_for(forced, monkeypatch, where):
    """A helper slowed down (a busy machine) is raced: this process does its half too, takes
    whichever comes first, and stops the helper if it was slower."""
    log, started = forced
    monkeypatch.setattr(forked_helper, "WAIT", False)
    monkeypatch.setattr(candidates, "SLICE", 3)
    monkeypatch.setattr(pairs, "SLICE", 3)
    module, name = {"candidates": (candidates, "_row_pairs"), "choice": (align, "_select"), "last": (align, "_grow_weak")}[where]
    parent, fn = os.getpid(), getattr(module, name)

    def slow_in_helper(*args, **kwargs):
        if os.getpid() != parent:
            time.sleep(60)
        return fn(*args, **kwargs)

    monkeypatch.setattr(module, name, slow_in_helper)
    expected = [("_far_half", "sent"), ("result", True), ("_first_far", "sent"), ("result", True), ("_last_far", "sent")]
    expected = expected[:{"candidates": 1, "choice": 3, "last": 5}[where]]
    if where != "candidates":  # so the helper's candidate half surely comes first
        row_pairs = candidates._row_pairs

        def slow_here(*args, **kwargs):
            if os.getpid() == parent:
                time.sleep(0.2)
            return row_pairs(*args, **kwargs)

        monkeypatch.setattr(candidates, "_row_pairs", slow_here)
    a, b = _texts()[0]
    t0 = time.monotonic()
    par = compare(a, b, parallel=True)
    assert time.monotonic() - t0 < 50  # not waited for (a hang guard, not a timing test)
    assert log == expected  # and nothing more asked of it
    assert started and all(_gone(pid) for pid in started)
    assert par == compare(a, b, parallel=False)


def test_a_helper_that_keeps_running_is_waited_for(forced, monkeypatch):
    """A helper that runs all the time (nothing else holds it up) is waited for, not raced:
    started first, it finishes first; a slice of its job done here would be wasted."""
    log, started = forced
    monkeypatch.setattr(forked_helper, "WAIT", False)
    parent, select_pairs, done_here = os.getpid(), align._select, []

    def busy_in_helper(*args, **kwargs):
        if os.getpid() != parent:
            end = time.process_time() + 0.5
            while time.process_time() < end:  # running, not sleeping
                pass
        else:
            done_here.append(1)
        return select_pairs(*args, **kwargs)

    monkeypatch.setattr(align, "_select", busy_in_helper)
    monkeypatch.setattr(forked_helper, "MIN_SHARE", 0.05)  # however busy this machine is
    monkeypatch.setattr(forked_helper, "WINDOW", 0.2)
    monkeypatch.setattr(forked_helper, "PATIENCE", 1000.0)  # its head start here is a few ms
    a, b = _texts()[0]
    par = compare(a, b, parallel=True)
    assert ("_first_far", "sent") in log and log[log.index(("_first_far", "sent")) + 1] == ("result", True)
    assert not done_here
    assert par == compare(a, b, parallel=False)


def test_a_helper_stuck_running_is_raced_after_a_while(forced, monkeypatch):
    """A helper that runs but never answers (a job stuck in a loop) is waited for only a while
    (PATIENCE times its head start, at least MIN_PATIENCE), then raced and stopped: the answer
    is made here."""
    log, started = forced
    monkeypatch.setattr(forked_helper, "WAIT", False)
    monkeypatch.setattr(forked_helper, "MIN_SHARE", 0.0)  # counted as running, however busy
    parent, select_pairs = os.getpid(), align._select

    def stuck_in_helper(*args, **kwargs):
        while os.getpid() != parent:
            pass
        return select_pairs(*args, **kwargs)

    monkeypatch.setattr(align, "_select", stuck_in_helper)
    a, b = _texts()[0]
    t0 = time.monotonic()
    par = compare(a, b, parallel=True)
    assert time.monotonic() - t0 < 50  # not waited for forever (a hang guard, not a timing test)
    assert log[2:] == [("_first_far", "sent")]  # then stopped, nothing more asked of it
    assert started and all(_gone(pid) for pid in started)
    assert par == compare(a, b, parallel=False)


def test_no_helper_while_the_machine_is_busy(forced, monkeypatch):
    log, started = forced
    monkeypatch.setattr(forked_helper, "spare_core", lambda: False)
    a, b = _texts()[1]
    assert compare(a, b, parallel=True) == compare(a, b, parallel=False)
    assert not started and not log
    da, db = analyse(a), analyse(b)
    assert align.align(da, db) == align.align(da, db, parallel=False)  # nor a copy for B's words
    assert not started and not log


def test_a_core_is_free_when_fewer_tasks_run_than_there_are_cores(tmp_path, monkeypatch):
    monkeypatch.setattr(forked_helper.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("0.52 0.61 0.70 1/93 4242\n")
    assert forked_helper.spare_core(str(loadavg))
    loadavg.write_text("2.52 2.61 2.70 2/93 4242\n")  # this process and one other
    assert not forked_helper.spare_core(str(loadavg))
    loadavg.write_text("garbled\n")
    assert forked_helper.spare_core(str(loadavg))
    assert forked_helper.spare_core(str(tmp_path / "missing"))


def test_news_articles_never_fork(monkeypatch):
    started = []
    monkeypatch.setattr(forked_helper.Helper, "start", lambda self: started.append(1) or False)
    a, b = read_source("001"), read_source("002")
    compare(a, b)
    compare(a, b, parallel=True)  # B in a second process, but far too small for a helper
    assert not started


def test_packed_halves_round_trip():
    """What the helper sends back unpacks to exactly what this process would compute."""
    for a, b in _texts():
        da, db = analyse(a), analyse(b)
        pf = build_features(da, db)
        floor = min(DEFAULT_THRESHOLD * FLOOR_FACTOR, DEFAULT_THRESHOLD - HEADING_RELIEF)
        out, done_a, done_b = candidates._exact(pf)
        rows = [i for i in pf.a if i not in done_a]
        far, far_by_b = candidates._row_pairs(pf, candidates._postings(pf, False), rows[candidates._cut(rows):], done_b)
        kept = candidates._scored(pf, far, {(i, j) for _, i, j in out}, floor)
        answer = candidates._far_half({"pf": pf}, floor)
        assert answer[0] == rows[candidates._cut(rows)]
        unpacked = candidates._unpack_half(answer)
        assert unpacked == (far, dict(far_by_b), kept) and list(unpacked[1]) == list(far_by_b)

        al = compare(a, b, parallel=False)
        groups = [(p.a, p.b, p.score) for p in al.pairs]
        packed = pairs._far_diffs({"a": da, "b": db, "pf": pf}, *pairs.pack_groups(groups))
        assert pairs._unpack_diffs(packed, len(groups)) == pairs._diffs(da, db, pf, groups)
        assert pairs._unpack_diffs(packed, len(groups) + 1) is None


class _InProcess:
    """A helper that runs its job here (no fork) and answers after `late` slices were done by
    the caller (None: never), to test the merge alone."""

    def __init__(self, context, late=0):
        self.context, self.job, self.late = context, None, late

    def submit(self, job, *args):
        self.job = (job, args)
        return True

    def result_or_do(self, steps):
        if self.late is None:  # never answers: every step done by the caller
            for _ in steps:
                pass
            return False, None
        for _ in zip(range(self.late), steps):
            pass
        job, args = self.job
        return True, job(self.context, *args)


@pytest.mark.parametrize("late", [0, 1, None])
@pytest.mark.parametrize("case", [0, 1])
def test_merged_halves_are_the_one_pass_lists(case, late, monkeypatch):
    """The candidate pairs in the order found (it decides the order of the candidates list)
    and their scores: the far half merged after the near one gives the one-pass lists, whether
    the helper answers at once, after a slice was done here, or never (all done here)."""
    monkeypatch.setattr(candidates, "SLICE", 7)
    a, b = _texts()[case]
    pf = build_features(analyse(a), analyse(b))
    floor = min(DEFAULT_THRESHOLD * FLOOR_FACTOR, DEFAULT_THRESHOLD - HEADING_RELIEF)
    out, done_a, done_b = candidates._exact(pf)
    exact = {(i, j) for _, i, j in out}
    postings = candidates._postings(pf, False)
    helper = _InProcess({"pf": pf}, late)
    assert helper.submit(candidates._far_half, floor)
    split = candidates._large_scored(pf, postings, done_a, done_b, exact, floor, helper)
    one = candidates._large_scored(pf, postings, done_a, done_b, exact, floor, None)
    assert split[0] == one[0] and split[1] == one[1]
    assert len(split[0]) > len(set(split[0]))  # pairs found from both sides: the merge matters


def test_likely_pairs_diffed_ahead_are_the_ones_made_here():
    """The pairs diffed ahead are each other's best candidates; the groups with those units
    take those diffs, equal to the ones made for them, and only those groups take them."""
    a, b = _texts()[0]
    da, db = analyse(a), analyse(b)
    pf = build_features(da, db)
    cands = candidates.candidates(pf, 0.23)
    likely = pairs.likely_pairs(cands)
    best = {}
    for s, i, j in cands:
        best[i] = max(best.get(i, -1.0), s)
    assert likely and all(best[i] >= pairs.LIKELY for i, _ in likely)
    units = [((i,), (j,)) for i, j in likely]
    ahead: dict = {}
    for _ in pairs.diff_ahead(da, db, pf, units, ahead):
        pass
    assert list(ahead) == units
    al = compare(a, b, parallel=False)
    groups = [(p.a, p.b, p.score) for p in al.pairs]
    taken = pairs._taken(groups, ahead)
    picked = [k for k, d in enumerate(taken) if d is not None]
    assert len(taken) == len(groups) and picked
    assert {(groups[k][0], groups[k][1]) for k in picked} == set(units) & {g[:2] for g in groups}
    assert [taken[k] for k in picked] == pairs._diffs(da, db, pf, [groups[k] for k in picked])
    assert pairs.build_pairs(da, db, pf, groups, range(len(groups)), ahead) == pairs.build_pairs(da, db, pf, groups, range(len(groups)))


def test_chosen_pairs_round_trip():
    """The choice the helper sends back, in its two parts, unpacks to exactly the one made here."""
    from rafahdiff.core.score import DEFAULT_THRESHOLD as T

    for case, (a, b) in enumerate(_texts()):
        da, db = analyse(a), analyse(b)
        pf = build_features(da, db)
        cands = candidates.candidates(pf, min(T * FLOOR_FACTOR, T - HEADING_RELIEF))
        context = {"a": da, "b": db, "pf": pf}
        first = align._unpack_groups(align._first_far(context, T, *align._pack_cands(cands)))
        here: dict = {}
        for _ in align._first_groups(da, db, pf, cands, T, here):
            pass
        assert first == here["first"]
        last = align._unpack_last(align._last_far(context, T), first)
        assert last == align._choose(da, db, pf, cands, T)
        assert case or any(len(g[0]) + len(g[1]) > 2 for g in last[0])  # splits and merges too
        packed = align._pack_groups(first)
        assert align._unpack_groups((packed[0], packed[1], packed[2][:-1])) is None


def test_align_alone_reads_b_apart_and_shares_the_loops(forced):
    """`align` called without features (not through `compare`) at book length: B's words are
    read in a forked copy, then a helper shares the loops; the pairs are the one-process ones."""
    log, started = forced
    a, b = _texts()[0]
    da, db = analyse(a), analyse(b)
    seq = align.align(da, db, parallel=False)
    assert not started and not log
    par = align.align(da, db)
    assert log[:8] == [("_words_of_b", "sent"), ("result", True), ("_far_half", "sent"), ("result", True), ("_first_far", "sent"), ("result", True), ("_last_far", "sent"), ("result", True)]
    assert len(started) == 2 and all(_gone(pid) for pid in started)
    assert par == seq


def test_b_words_failing_apart_are_read_here(forced, monkeypatch):
    log, started = forced
    parent, packed = os.getpid(), align.packed_words

    def fail_apart(doc):
        if os.getpid() != parent:
            raise MemoryError
        return packed(doc)

    monkeypatch.setattr(align, "packed_words", fail_apart)
    a, b = _texts()[1]
    da, db = analyse(a), analyse(b)
    par = align.align(da, db)
    assert log[:2] == [("_words_of_b", "sent"), ("result", False)]
    assert par == align.align(da, db, parallel=False)
    assert all(_gone(pid) for pid in started)
