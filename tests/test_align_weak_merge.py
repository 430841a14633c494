"""Merges whose parts are each too weak to pair alone (align._grow_weak): one long unit told as
several reworded sentences on the other side pairs with all of them."""

from __future__ import annotations

from rafahdiff.core.features import build_features
from rafahdiff.core.score import DEFAULT_THRESHOLD, score_units
from tests.align_helpers import aligned, check_structure, pair_of, unit_with

FILL_A = [
    "Snow closed the mountain pass for eleven days in January.",
    "Teachers at the primary school organised a concert for the parents.",
]
FILL_B = [
    "Fishermen from three villages carried the stones down the cliff path on their backs.",
    "The lighthouse was painted red and white in the spring of that year.",
]
# One unit: the clauses are joined by semicolons, as in a paragraph whose sentence breaks were lost.
LONG = (
    "The harbour board met on Tuesday evening to discuss the storm damage; engineers reported that the "
    "northern breakwater had cracked in two places; the board voted to borrow four million euros for "
    "repairs; work will begin in March and should last until the autumn."
)
PARTS = [
    "On Tuesday evening the harbour board gathered to talk about damage from the storm.",
    "Engineers told members the northern breakwater was cracked in two places.",
    "Members then voted to borrow four million euros to pay for repairs.",
    "The work starts in March and is expected to last until the autumn.",
]


def _texts() -> tuple[str, str]:
    return (
        "\n\n".join([FILL_A[0], LONG, FILL_A[1]]) + "\n",
        "\n\n".join([FILL_B[0], *PARTS, FILL_B[1]]) + "\n",
    )


def test_a_long_unit_pairs_with_the_weak_parts_that_tell_it():
    a_text, b_text = _texts()
    a, b, pairs = aligned(a_text, b_text)
    check_structure(a, b, pairs)
    i = unit_with(a, "harbour board met")
    js = tuple(unit_with(b, p[:25]) for p in PARTS)
    pf = build_features(a, b)
    assert all(score_units(pf.a[i], pf.b[j], pf.weights) < DEFAULT_THRESHOLD for j in js)  # each alone: no
    p = pair_of(pairs, "a", i)
    assert p is not None and p.b == js and p.score >= DEFAULT_THRESHOLD
    assert len(pairs) == 1  # the fillers stay apart


def test_the_weak_merge_mirrors_when_a_and_b_swap():
    a_text, b_text = _texts()
    a, b, pairs = aligned(b_text, a_text)
    j = unit_with(b, "harbour board met")
    p = pair_of(pairs, "b", j)
    assert p is not None and p.a == tuple(unit_with(a, x[:25]) for x in PARTS)
