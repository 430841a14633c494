"""The documents' common order: the heaviest chain of pairs increasing on both sides.

Pairs on that chain read in the same order in A and B; every other pair is `moved`. Weighing the
chain by score (not just counting pairs) keeps a strong run in place when a weak spurious pair
would otherwise pull the chain aside. O(n log n) with a Fenwick tree of prefix maxima.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reading_order(a: Mapping[int, object], b: Mapping[int, object]) -> tuple[list[int], list[int], dict[int, int], dict[int, int]]:
    """The content units of each side in reading order and each unit's rank in it: the passes
    that walk the free units between or beside pairs step by rank, not by unit index (furniture
    units in between have no features)."""
    order_a, order_b = sorted(a), sorted(b)
    return order_a, order_b, {x: k for k, x in enumerate(order_a)}, {y: k for k, y in enumerate(order_b)}


def heaviest_chain(points: Sequence[tuple[int, int, float]]) -> set[int]:
    """Indices of `points` (a, b, weight) forming a max-weight chain strictly increasing in a and b."""
    n = len(points)
    if n == 0:
        return set()
    bs = [p[1] for p in points]
    distinct = sorted(set(bs))
    size = len(distinct)
    ranks = list(map(dict(zip(distinct, range(1, size + 1))).__getitem__, bs))
    # Fenwick tree of prefix maxima: node r holds the best chain ending in ranks (r - lowbit, r],
    # and the first point to reach it.
    tree_val = [0.0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    best = [0.0] * n
    prev = [-1] * n
    # Same a: visit larger b first so two points of one a never chain together. Sorting
    # (a, -rank, index) triples in C is the order of the (a, -b) key.
    order = [k for _, _, k in sorted(zip([p[0] for p in points], [-r for r in ranks], range(n)))]
    # The heaviest chain so far, if no other chain weighs exactly as much: a point above its end
    # (the common case, a run in order) extends it without a query, since every tree node that
    # holds its weight holds that one chain.
    top_val, top_idx, top_rank, top_unique = 0.0, -1, 0, False
    for k in order:
        rk = ranks[k]
        if top_unique and top_rank < rk:
            val = top_val
            idx = top_idx
        else:
            r = rk - 1  # strictly smaller b
            val = 0.0
            idx = -1
            while r:
                if tree_val[r] > val:
                    val = tree_val[r]
                    idx = tree_idx[r]
                r &= r - 1
        val += points[k][2]
        best[k] = val
        prev[k] = idx
        # An ancestor's range holds its child's, so maxima never decrease up the path: stop at
        # the first node that already holds as much.
        r = rk
        while r <= size and val > tree_val[r]:
            tree_val[r] = val
            tree_idx[r] = k
            r += r & -r
        if val > top_val:
            top_val, top_idx, top_rank, top_unique = val, k, rk, True
        elif val == top_val:
            top_unique = False
    k = best.index(max(best))
    chain = set()
    while k >= 0:
        chain.add(k)
        k = prev[k]
    return chain


def moved_flags(pairs: Sequence[tuple[int, int]], weights: Sequence[float] | None = None) -> list[bool]:
    """For (a, b) positions: True for pairs off the heaviest common-order chain."""
    w = weights if weights is not None else [1.0] * len(pairs)
    chain = heaviest_chain([(a, b, x) for (a, b), x in zip(pairs, w)])
    return [k not in chain for k in range(len(pairs))]
