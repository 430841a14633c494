"""Analysing B in a second process (big inputs) gives exactly the sequential result."""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import time

import pytest

from rafahdiff.core import InputError, SourceText, read_source
from rafahdiff.core import pipeline
from rafahdiff.core.pipeline import analyse_pair, compare


@pytest.mark.parametrize("pair", [("001", "002"), ("003", "004"), ("000", "003")])
def test_parallel_compare_equals_sequential(pair):
    a, b = (read_source(s) for s in pair)
    assert compare(a, b, parallel=True) == compare(a, b, parallel=False)


def test_parallel_analysis_keeps_every_unit_field():
    a, b = read_source("001"), read_source("002")
    seq = analyse_pair(a, b, parallel=False)
    par = analyse_pair(a, b, parallel=True)
    assert par == seq
    assert any(u.boilerplate for u in par[1].units) and par[1].title == seq[1].title


def test_spawned_process_gives_the_same_documents(monkeypatch):
    """The app's worker thread uses spawn (a fresh interpreter), not fork."""
    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    a, b = read_source("003"), read_source("001")
    assert analyse_pair(a, b, parallel=True) == analyse_pair(a, b, parallel=False)


def test_threads_choose_spawn(monkeypatch):
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)
    assert pipeline._pool_context().get_start_method() == "fork"
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 2)
    assert pipeline._pool_context().get_start_method() == "spawn"


def test_input_error_in_the_second_process_reaches_the_caller(monkeypatch):
    # fork: the child sees the lowered limit
    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(pipeline, "MAX_UNITS", 3)
    a = SourceText("a", "a", "One sentence here.")
    b = SourceText("b", "b", "One. Two here. Three there. Four now. Five then.")
    with pytest.raises(InputError, match="MAX_UNITS"):
        analyse_pair(a, b, parallel=True)


def test_no_second_process_falls_back_to_sequential(monkeypatch):
    tried = []

    class NoPool:
        def __init__(self, *args, **kwargs):
            tried.append(1)
            raise OSError("no processes in this sandbox")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
    a, b = read_source("003"), read_source("004")
    assert analyse_pair(a, b, parallel=True) == analyse_pair(a, b, parallel=False)
    assert tried


def test_size_decides_by_default(monkeypatch):
    seen = []
    monkeypatch.setattr(pipeline, "_memory_capped", lambda: False)
    monkeypatch.setattr(pipeline, "_pool_context", lambda: seen.append(1) or multiprocessing.get_context("fork"))
    a, b = read_source("001"), read_source("002")
    analyse_pair(a, b)  # news articles: far below PARALLEL_CHARS
    assert not seen
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 10)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    analyse_pair(a, b)
    assert seen


def test_features_made_apart_equal_features_made_together():
    """B's word ids made in their own vocabulary and absorbed give the shared pass's features,
    down to the iteration order of every bag (candidate ties are broken in that order)."""
    from collections import Counter
    from dataclasses import replace

    from rafahdiff.core.features import build_features, doc_words, packed_words, pair_features
    from rafahdiff.core.normalise import mid_capitals
    from rafahdiff.core.pipeline import analyse

    text = {s: read_source(s).text for s in ("000", "001", "002", "003", "004")}
    cases = [
        (text["001"], text["002"]),
        (text["003"], text["004"]),
        (text["000"] + "\n\n" + text["001"], text["004"] + "\n\n" + text["003"] + "\n\n" + text["002"]),
    ]
    for a, b in cases:
        da, db = analyse(SourceText("a", "a", a)), analyse(SourceText("b", "b", b))
        together = build_features(da, db)
        apart = pair_features(doc_words(da), replace(packed_words(db), caps=Counter(mid_capitals(db.text))))
        assert apart == together
        for side in ("a", "b"):
            fa, fb = getattr(apart, side), getattr(together, side)
            assert [list(f.bag) for f in fa.values()] == [list(f.bag) for f in fb.values()]


def test_no_second_process_under_a_memory_cap(monkeypatch):
    """Under an address-space limit a second interpreter would spend the same budget twice."""
    seen = []
    monkeypatch.setattr(pipeline, "_pool_context", lambda: seen.append(1) or multiprocessing.get_context("fork"))
    monkeypatch.setattr(pipeline, "PARALLEL_CHARS", 10)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(pipeline, "_memory_capped", lambda: True)
    a, b = read_source("001"), read_source("002")
    assert analyse_pair(a, b) == analyse_pair(a, b, parallel=False)
    assert not seen


def test_memory_cap_is_read_from_the_process_limit():
    import subprocess
    import sys

    code = (
        "import resource\n"
        "from rafahdiff.core.pipeline import _memory_capped\n"
        "before = _memory_capped()\n"
        "resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, resource.RLIM_INFINITY))\n"
        "print(before, _memory_capped())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[1] == "True"


def _slow_b_failing_a(src):
    if src.source == "b":
        import time

        time.sleep(120)
    raise MemoryError


def test_a_failure_here_kills_the_worker(monkeypatch):
    """Out of memory (or Ctrl-C) while B is read elsewhere: the error comes up at once and no
    worker is left for shutdown or the interpreter's exit to wait on."""
    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(pipeline, "analyse", _slow_b_failing_a)
    a = SourceText("a", "a", "One sentence here.")
    b = SourceText("b", "b", "Another sentence there.")
    started = time.monotonic()
    with pytest.raises(MemoryError):
        analyse_pair(a, b, parallel=True)
    assert time.monotonic() - started < 60  # a hang guard (it takes milliseconds), not a timing test
    assert not _live_children(10)


def _live_children(within: float) -> list:
    """Children still running after `within` seconds. Polled, not joined once: the pool's own
    thread may reap a killed worker at the same moment, and a Process whose status was taken by
    that thread reads as alive until the thread records it."""
    deadline = time.monotonic() + within
    while True:
        alive = [c for c in multiprocessing.active_children() if c.is_alive()]
        if not alive or time.monotonic() > deadline:
            return alive
        for child in alive:
            child.join(0.05)


def test_wrapped_b_in_a_second_process_equals_one_process(monkeypatch):
    """B unwrapped in the worker: its capitalised words are counted on the unwrapped text
    (a line break before a name becomes the space that marks it as a name)."""
    import textwrap

    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("fork"))
    a = read_source("001")
    flowing = read_source("002").text
    paras = [p for p in flowing.split("\n") if p.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in paras) + "\n"
    b = SourceText("b", "b", wrapped)
    par, seq = compare(a, b, parallel=True), compare(a, b, parallel=False)
    assert par.b.text != wrapped  # it was unwrapped
    assert par == seq
