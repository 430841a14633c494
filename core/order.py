"""The documents' common order: the heaviest chain of pairs increasing on both sides.

Pairs on that chain read in the same order in A and B; every other pair is `moved`. Weighing the
chain by score (not just counting pairs) keeps a strong run in place when a weak spurious pair
would otherwise pull the chain aside. O(n log n) with a Fenwick tree of prefix maxima.
"""

from __future__ import annotations

from collections.abc import Sequence


def heaviest_chain(points: Sequence[tuple[int, int, float]]) -> set[int]:
    """Indices of `points` (a, b, weight) forming a max-weight chain strictly increasing in a and b."""
    n = len(points)
    if n == 0:
        return set()
    bs = sorted({p[1] for p in points})
    rank = {v: r + 1 for r, v in enumerate(bs)}
    size = len(bs)
    tree_val = [0.0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    best = [0.0] * n
    prev = [-1] * n
    # Same a: visit larger b first so two points of one a never chain together.
    order = sorted(range(n), key=lambda k: (points[k][0], -points[k][1]))
    for k in order:
        a, b, w = points[k]
        r = rank[b] - 1  # strictly smaller b
        val, idx = 0.0, -1
        while r > 0:
            if tree_val[r] > val:
                val, idx = tree_val[r], tree_idx[r]
            r -= r & -r
        best[k] = val + w
        prev[k] = idx
        r = rank[b]
        while r <= size:
            if best[k] > tree_val[r]:
                tree_val[r], tree_idx[r] = best[k], k
            r += r & -r
    k = max(range(n), key=lambda x: best[x])
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
