"""The PAN benchmark's passage extents (benchmarks/bench_pan.py): rules checked on sentences whose
right passage is known by construction."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.align_helpers import aligned

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_pan  # noqa: E402

SOURCE = (
    "The old harbour wall was rebuilt in granite after the winter storms destroyed the wooden pier.\n\n"
    "Fishermen from three villages carried the stones down the cliff path on their backs.\n"
)


def test_a_shuffled_sentence_passage_reaches_its_replaced_edge_words():
    # Random obfuscation: the first and last words replaced, the middle shuffled. The equal words
    # of the in-order diff stop inside the sentence; the passage covers the whole of it.
    spun = (
        "Yesterday old harbour wall in granite was rebuilt after the wooden pier destroyed the winter storms meanwhile.\n\n"
        "Fishermen from three villages carried the stones down the cliff path on their backs.\n"
    )
    a, b, pairs = aligned(spun, SOURCE)
    first = min(pairs, key=lambda p: p.a[0])
    a0, a1, b0, b1, _ = bench_pan._spans(a, b, (first,))[0]
    unit = a.units[first.a[0]]
    assert (a0, a1) == (unit.start, unit.end)
    eq = [op for op in first.ops if op.tag == "equal"]
    assert eq[0].a_start > unit.start or max(op.a_end for op in eq) < unit.end  # the old rule fell short


def test_a_glued_heading_stays_outside_the_passage():
    # A heading with no sentence break before the copied sentence: not part of the passage.
    glued = (
        "Regional Travel Notes And Seasonal Guides Index The old harbour wall was rebuilt in granite after "
        "the winter storms destroyed the wooden pier.\n\n"
        "Fishermen from three villages carried the stones down the cliff path on their backs.\n"
    )
    a, b, pairs = aligned(glued, SOURCE)
    first = min(pairs, key=lambda p: p.a[0])
    a0, a1, _, _, _ = bench_pan._spans(a, b, (first,))[0]
    assert a.text[a0:].startswith("The old harbour wall")
    assert a1 == a.units[first.a[0]].end


def test_shared_run_needs_more_than_edge_slack_to_cut():
    words = [(k, n * 10, n * 10 + 5) for n, k in enumerate("x y a b c d e z".split())]
    other = set("abcde")
    # Two unshared words before and one after the run: within EDGE_SLACK, the unit edge is kept.
    assert bench_pan._shared_run(words, other, 0, 80) == (0, 80)
    far = [(k, n * 10, n * 10 + 5) for n, k in enumerate("p q r s x y a b c d e".split())]
    assert bench_pan._shared_run(far, other, 0, 110) == (60, 110)
    assert bench_pan._shared_run(words, set(), 0, 80) is None


def test_a_scatter_of_short_weak_pairs_is_no_passage():
    # Two pairs of a few words each, 300 characters apart on both sides: the merged extent is long
    # enough, but the pairs cover too little of it (MIN_MASS).
    spans = [(1000, 1015, 5000, 5015, 0.45), (1300, 1320, 5300, 5322, 0.4)]
    assert bench_pan._passages(spans, 400, 200, summaries=True) == []
    # The same extent covered by real pairs is a passage.
    dense = [(1000, 1150, 5000, 5150, 0.45), (1170, 1320, 5170, 5322, 0.4)]
    assert len(bench_pan._passages(dense, 400, 200, summaries=True)) == 1
