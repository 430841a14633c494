"""Containment evidence: a sentence quoted whole inside a longer one of the other document.

The score is a Dice overlap, so it reads a short sentence copied into a long one (the long one
adds a clause, a list, a date) as weak: most of the long one's words are unmatched. Yet when
nearly all of the short unit's words (`score.CONTAIN_SHARE` of its weight), and several of them
(`score.CONTAIN_MIN_WORDS` distinct content words), lie inside one unit of the other side, the
short unit is told there. Only units left unpaired by the earlier stages are considered; the
long unit may take several adjacent short ones (a list pasted as one line, or one long sentence
told as a few short ones) as one pair, and such a run needs CONTAIN_MIN_WORDS in all (each item
at least ITEM_MIN_WORDS). Candidates come from an inverted index of the free units'
heaviest stems, so the pass is linear in the free units.
"""

from __future__ import annotations

from collections import defaultdict

from .features import PairFeatures, UnitFeatures, merged
from .pairs import Group
from .score import CONTAIN_MIN_WORDS, CONTAIN_SHARE, score_units

#: Each short unit looks up its containers through this many of its heaviest content stems...
PROBES = 2
#: ...skipping a stem found in more free units than this (a common word finds no one sentence).
PROBE_CAP = 64
#: A short unit with fewer content words than this is never taken (with fewer than
#: `score.CONTAIN_MIN_WORDS`, only with adjacent ones that share enough more: a list's items).
ITEM_MIN_WORDS = 2
#: Most units taken by one container (as `align.MAX_PARTS`).
MAX_PARTS = 4


def _contained(
    small: dict[int, UnitFeatures], big: dict[int, UnitFeatures], free_small: set[int], free_big: set[int],
    weights: list[float], stop: list[bool],
) -> dict[int, list[tuple[float, int, frozenset[int]]]]:
    """container → [(share, short unit, content stems shared)] for every free short unit (of at
    least ITEM_MIN_WORDS content words) held by a free container."""
    probes_of: dict[int, list[int]] = {}
    weigh = weights.__getitem__
    is_stop = stop.__getitem__
    # A unit can only be contained if that much of its weight occurs on the free side at all:
    # most units of two unrelated texts fail this set test and cost no sort or lookup.
    present = frozenset().union(*(big[y].bag for y in free_big))
    for x in free_small:
        fx = small[x]
        bag = fx.bag
        if len(bag) < ITEM_MIN_WORDS or len(bag) - sum(map(is_stop, bag)) < ITEM_MIN_WORDS:
            continue
        found = bag & present
        if sum(map(weigh, found)) < CONTAIN_SHARE * fx.weight:
            continue
        ranked = sorted(found)  # a probe elsewhere would find no one
        ranked.sort(key=weigh)  # stable: the heaviest last, ties by id
        probes = []
        for t in reversed(ranked):
            if not stop[t]:
                probes.append(t)
                if len(probes) == PROBES:
                    break
        probes_of[x] = probes
    wanted = {t for ts in probes_of.values() for t in ts}
    postings: dict[int, list[int]] = defaultdict(list)
    for y in free_big:
        for t in big[y].bag & wanted:
            postings[t].append(y)
    out: dict[int, list[tuple[float, int, frozenset[int]]]] = defaultdict(list)
    for x, probes in probes_of.items():
        fx = small[x]
        seen: set[int] = set()
        best: tuple[float, int, frozenset[int]] | None = None
        for t in probes:
            ys = postings.get(t, ())
            if len(ys) > PROBE_CAP:
                continue
            for y in ys:
                if y in seen:
                    continue
                seen.add(y)
                fy = big[y]
                if fy.weight < fx.weight:  # x must be the shorter side
                    continue
                shared = fx.bag & fy.bag
                share = sum(map(weigh, shared)) / fx.weight
                if share < CONTAIN_SHARE or (best is not None and (share, -y) <= (best[0], -best[1])):
                    continue
                best = (share, y, frozenset(t for t in shared if not stop[t]))
        if best is not None:
            out[best[1]].append((best[0], x, best[2]))
    return out


def containment_pairs(pf: PairFeatures, used_a: set[int], used_b: set[int]) -> list[Group]:
    """Extra pairs of a unit not in `used_a`/`used_b` with the free adjacent units of the other
    side that it contains (each at least CONTAIN_SHARE of its weight, sharing CONTAIN_MIN_WORDS
    content words); each scored as the merged pair is. A container holding more takes its
    heaviest run of up to MAX_PARTS adjacent ones. The units paired are added to the used sets."""
    w = pf.weights
    free_a = set(pf.a).difference(used_a)
    free_b = set(pf.b).difference(used_b)
    if not free_a or not free_b:
        return []
    out: list[Group] = []
    # Both directions are found before any is taken, then taken surest first (a unit is used
    # once), so B-vs-A mirrors A-vs-B.
    held = {
        "a": _contained(pf.a, pf.b, free_a, free_b, w, pf.stop),
        "b": _contained(pf.b, pf.a, free_b, free_a, w, pf.stop),
    }
    todo = sorted(
        ((-max(h[y])[0], y, min(x for _, x, _ in h[y]), side) for side, h in held.items() for y in h)
    )
    ranks: dict[str, dict[int, int]] = {}
    if todo:
        _, _, ranks["a"], ranks["b"] = pf.reading
    for _, y, _, side in todo:
        small, big = (pf.a, pf.b) if side == "a" else (pf.b, pf.a)
        fs, fbig = (free_a, free_b) if side == "a" else (free_b, free_a)
        if y not in fbig:
            continue
        rank = ranks[side]
        words = {x: c for _, x, c in held[side][y] if x in fs}
        xs = sorted(words, key=rank.__getitem__)
        # Runs of units adjacent on their side; the heaviest window of up to MAX_PARTS.
        runs: list[list[int]] = []
        for x in xs:
            if runs and rank[x] == rank[runs[-1][-1]] + 1:
                runs[-1].append(x)
            else:
                runs.append([x])
        # A run tells enough only with CONTAIN_MIN_WORDS content words shared in all.
        windows = [r[k:k + MAX_PARTS] for r in runs for k in range(max(1, len(r) - MAX_PARTS + 1))]
        windows = [win for win in windows if len(frozenset().union(*map(words.__getitem__, win))) >= CONTAIN_MIN_WORDS]
        if not windows:
            continue
        run = max(windows, key=lambda r: (sum(small[x].weight for x in r), -rank[r[0]]))
        m = merged([small[x] for x in run], w)
        s = score_units(m, big[y], w) if side == "a" else score_units(big[y], m, w)
        fs.difference_update(run)
        fbig.discard(y)
        (used_a if side == "a" else used_b).update(run)
        (used_b if side == "a" else used_a).add(y)
        out.append(((*run,), (y,), s) if side == "a" else ((y,), (*run,), s))
    return out
