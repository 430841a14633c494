"""Neighbourhood evidence: a weak pair right next to a confident in-order pair is believable.

Reused text comes in runs. When sentence i of A pairs confidently with sentence j of B, the
sentences just before (i-1, j-1) or just after (i+1, j+1) are likely to tell the same thing too,
even in words too different to clear the threshold alone (a paraphrase's first or last sentence,
a translated sentence, two outlets restating a fact). The classic alignment remedy: neighbours of
a confident pair on the common order pair at a lower bar (`score.CONTEXT_RELIEF` below the
threshold), walking outward while the run continues. Only direct neighbours are compared, so the
pass is linear in the number of pairs; sentences that merely share story names still need their
own overlap (`score.CONTEXT_MIN_DICE`) and stay apart unless they sit next to a confident run.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from .features import PairFeatures
from .order import heaviest_chain
from .score import CONTEXT_MIN_DICE, CONTEXT_RELIEF, score_units

Group = tuple[tuple[int, ...], tuple[int, ...], float]


def context_pairs(groups: list[Group], pf: PairFeatures, bar: Callable[[int, int], float]) -> list[Group]:
    """Extra one-to-one pairs next to the in-order runs of `groups`, each scoring at least
    `bar(i, j) - CONTEXT_RELIEF`; a run grows only from an in-order pair scoring at least
    `bar + CONTEXT_RELIEF` (a weak pair never vouches for its neighbours), and through the pairs
    it adds."""
    if not groups:
        return []
    order_a = sorted(pf.a)
    order_b = sorted(pf.b)
    used_a = {i for g in groups for i in g[0]}
    used_b = {j for g in groups for j in g[1]}
    # The diagonal tie-break of `align` (equally heavy chains), so B-vs-A mirrors A-vs-B.
    chain = heaviest_chain([(g[0][0], g[1][0], g[2] + 1e-7 / (1 + abs(g[0][0] - g[1][0]))) for g in groups])
    w = pf.weights
    out: list[Group] = []

    def walk(i: int, j: int, step: int) -> None:
        ka = bisect_left(order_a, i) + step
        kb = bisect_left(order_b, j) + step
        while 0 <= ka < len(order_a) and 0 <= kb < len(order_b):
            x, y = order_a[ka], order_b[kb]
            if x in used_a or y in used_b:
                return
            s = score_units(pf.a[x], pf.b[y], w, CONTEXT_MIN_DICE)
            if s <= 0.0 or s < bar(x, y) - CONTEXT_RELIEF:
                return
            used_a.add(x)
            used_b.add(y)
            out.append(((x,), (y,), s))
            ka += step
            kb += step

    for k in sorted(chain, key=lambda k: groups[k][0][0]):
        ga, gb, s = groups[k]
        if s < bar(ga[0], gb[0]) + CONTEXT_RELIEF:
            continue
        walk(ga[0], gb[0], -1)
        walk(ga[-1], gb[-1], 1)
    return out
