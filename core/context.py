"""Neighbourhood evidence: a weak pair right next to a confident in-order pair is believable.

Reused text comes in runs. When sentence i of A pairs confidently with sentence j of B, the
sentences just before (i-1, j-1) or just after (i+1, j+1) are likely to tell the same thing too,
even in words too different to clear the threshold alone (a paraphrase's first or last sentence,
a translated sentence, two outlets restating a fact). The classic alignment remedy: neighbours of
a confident pair on the common order pair at a lower bar (`score.CONTEXT_RELIEF` below the
threshold), walking outward while the run continues. A moved block is a run too: a pair off the
common order vouches for its neighbours when the pair next to it on both sides is also a pair.
Only direct neighbours are compared, so the pass is linear in the number of pairs; sentences
that merely share story names still need their own overlap (`score.CONTEXT_MIN_DICE`) and stay
apart unless they sit next to a confident run.
"""

from __future__ import annotations

from collections.abc import Callable

from .features import PairFeatures
from .order import heaviest_chain
from .pairs import Group
from .score import CONTEXT_MIN_DICE, CONTEXT_RELIEF, score_units


def context_pairs(groups: list[Group], pf: PairFeatures, bar: Callable[[int, int], float]) -> list[Group]:
    """Extra one-to-one pairs next to the in-order runs of `groups`, each scoring at least
    `bar(i, j) - CONTEXT_RELIEF`; a run grows only from an in-order pair scoring at least
    `bar + CONTEXT_RELIEF` (a weak pair never vouches for its neighbours), and through the pairs
    it adds."""
    if not groups:
        return []
    order_a, order_b, rank_a, rank_b = pf.reading
    used_a = {i for g in groups for i in g[0]}
    used_b = {j for g in groups for j in g[1]}
    # The diagonal tie-break of `align` (equally heavy chains), so B-vs-A mirrors A-vs-B.
    chain = heaviest_chain([(g[0][0], g[1][0], g[2] + 1e-7 / (1 + abs(g[0][0] - g[1][0]))) for g in groups])
    w = pf.weights
    out: list[Group] = []

    def walk(ka: int, kb: int, step: int) -> None:
        """From ranks (ka, kb), pair free neighbours outward while they score well enough."""
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

    last_a = len(order_a) - 1
    last_b = len(order_b) - 1
    firsts = [g[0][0] for g in groups]
    # Pairs off the common order (a moved paragraph) vouch too, when they sit in a run of their
    # own: the pair right before or after them on both sides is also a pair. A lone moved pair
    # does not (it may be a look-alike far from its context).
    moved = [k for k in range(len(groups)) if k not in chain]
    runs = []
    if moved:
        group_of_a = {i: k for k, g in enumerate(groups) for i in g[0]}
        for k in moved:
            ga, gb, _ = groups[k]
            ka, kb = rank_a[ga[0]] - 1, rank_b[gb[0]] - 1
            h = group_of_a.get(order_a[ka]) if ka >= 0 and kb >= 0 else None
            if h is not None and groups[h][0][-1] == order_a[ka] and groups[h][1][-1] == order_b[kb]:
                runs.append(k)
                continue
            ka, kb = rank_a[ga[-1]] + 1, rank_b[gb[-1]] + 1
            h = group_of_a.get(order_a[ka]) if ka < len(order_a) and kb < len(order_b) else None
            if h is not None and groups[h][0][0] == order_a[ka] and groups[h][1][0] == order_b[kb]:
                runs.append(k)
    for k in sorted(chain, key=firsts.__getitem__) + sorted(runs, key=firsts.__getitem__):
        ga, gb, s = groups[k]
        # Most pairs sit inside a run: both neighbours taken, nothing to walk.
        ka, kb = rank_a[ga[0]] - 1, rank_b[gb[0]] - 1
        before = ka >= 0 and kb >= 0 and order_a[ka] not in used_a and order_b[kb] not in used_b
        ka2, kb2 = rank_a[ga[-1]] + 1, rank_b[gb[-1]] + 1
        after = ka2 <= last_a and kb2 <= last_b and order_a[ka2] not in used_a and order_b[kb2] not in used_b
        if not (before or after) or s < bar(ga[0], gb[0]) + CONTEXT_RELIEF:
            continue
        walk(ka, kb, -1)
        walk(ka2, kb2, 1)
    return out
