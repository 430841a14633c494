"""The summary every export shows: a breakdown must add up to the total it breaks down."""

from __future__ import annotations

import pytest

from rafahdiff.core import compare, read_source
from rafahdiff.core.summary import build_summary

from .app_support import synthetic_alignment

SEED_PAIRS = [("001", "002"), ("003", "004"), ("000", "003"), ("001", "004")]


def _pairs_row(al):
    return next(r for r in build_summary(al).rows if r.key == "pairs")


@pytest.mark.parametrize(("a", "b"), SEED_PAIRS)
def test_the_pair_breakdown_adds_up_to_all_pairs(a, b):
    al = compare(read_source(a), read_source(b))
    total, *parts = _pairs_row(al).both
    assert total.value == len(al.pairs)
    assert sum(f.value for f in parts) == total.value, [f.text for f in parts]
    for f in parts:
        assert f.value == sum(1 for p in al.pairs if p.relation == f.stat)


def test_the_breakdown_names_every_relation():
    stats = {f.stat for f in _pairs_row(synthetic_alignment()).both}
    assert {"identical", "edited", "paraphrase", "related"} <= stats
