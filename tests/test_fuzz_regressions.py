"""Replay every input the fuzzer (tests/fuzz/run_fuzz.sh) ever found, plus the seed corpus.

Each file in tests/fuzz/regressions/ once crashed, hung or broke an invariant; it must now keep
every promise (tests/fuzz/harness.check_input). This module never imports atheris.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.harness import check_input, split, write_corpus

REGRESSIONS = sorted(p for p in (Path(__file__).parent / "fuzz" / "regressions").glob("*") if p.is_file()
                     and not p.name.startswith("."))


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzz_regression(path):
    check_input(path.read_bytes())


def test_seed_corpus_passes_the_harness(tmp_path):
    n = write_corpus(tmp_path)
    assert n >= 40
    for f in sorted(tmp_path.iterdir()):
        check_input(f.read_bytes(), render=False)


def test_split_modes():
    assert split(b"") == ("alone", b"", None)
    assert split(bytes([1, 0]) + b"abc") == ("self", b"abc", b"abc")
    assert split(bytes([2, 255]) + b"abcd") == ("pair", b"abcd", b"")
    assert split(bytes([5, 0]) + b"ab") == ("pair", b"", b"ab")
