"""The common-order chain that decides `moved`."""

from __future__ import annotations

from rafahdiff.core.order import heaviest_chain, moved_flags


def test_in_order_pairs_are_not_moved():
    assert moved_flags([(0, 0), (1, 1), (2, 2)]) == [False, False, False]


def test_one_displaced_pair_is_moved():
    assert moved_flags([(0, 0), (1, 3), (2, 1), (3, 2)]) == [False, True, False, False]


def test_weights_keep_the_strong_run_in_place():
    # A weak pair alone cannot outweigh two strong ones: the weak pair is the moved one.
    pts = [(0, 5, 0.3), (1, 0, 0.9), (2, 1, 0.9)]
    assert heaviest_chain(pts) == {1, 2}


def test_chain_is_strictly_increasing_on_both_sides():
    pts = [(0, 0, 1.0), (0, 1, 1.0), (1, 1, 1.0), (2, 1, 1.0), (3, 2, 1.0)]
    chain = sorted(pts[k] for k in heaviest_chain(pts))
    assert all(x[0] < y[0] and x[1] < y[1] for x, y in zip(chain, chain[1:]))
    assert len(chain) == 3
