"""The common-order chain that decides `moved`."""

from __future__ import annotations

import random

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


def _best_weight(pts: list[tuple[int, int, float]]) -> float:
    """The heaviest chain's weight by the quadratic recurrence (the reference)."""
    best: list[float] = []
    for p in sorted(pts):
        below = [b for q, b in zip(sorted(pts), best) if q[0] < p[0] and q[1] < p[1]]
        best.append(p[2] + max(below, default=0.0))
    return max(best, default=0.0)


def test_chain_weight_is_the_maximum_on_random_runs_with_ties():
    # Mostly in-order runs with moves and equal weights: the fast path (a point extending the
    # one heaviest chain) and the tree queries (ties, moved points) must both be exact.
    rnd = random.Random(3)
    for _ in range(300):
        n = rnd.randint(1, 40)
        pts = [
            (i + rnd.randint(-2, 2) if rnd.random() < 0.9 else rnd.randint(0, n),
             i + rnd.randint(-2, 2) if rnd.random() < 0.9 else rnd.randint(0, n),
             rnd.choice([0.25, 0.5, 1.0, 1.0]))
            for i in range(n)
        ]
        chain = sorted(pts[k] for k in heaviest_chain(pts))
        assert all(x[0] < y[0] and x[1] < y[1] for x, y in zip(chain, chain[1:]))
        assert abs(sum(p[2] for p in chain) - _best_weight(pts)) < 1e-9
