"""Candidate pairs: which (A unit, B unit) are worth scoring, without an N×M comparison.

1. Exact anchors: units with the same stems in the same order meet through a hash table
   (a text repeated many times meets only its occurrences nearest in relative rank).
2. Everything else meets through an inverted index of B's stems.
   - Small inputs (news; up to SMALL units a side): each A unit probes every stem but the
     stopwords and the very frequent ones, accumulating the weight it shares with each B unit; an
     upper bound of the final score (unprobed weight included) prunes hopeless pairs, so nothing
     that could reach the floor is lost.
   - Large inputs (books): each unit probes only its PROBES rarest stems with postings of at most
     POSTING_CAP units, and keeps the PER_UNIT units sharing most of them, from both sides.
     Sentences the index misses are found later by the pass along the order (`align._fill_gaps`).
3. The survivors are scored with `score.score_pairs` (`score_units` for many pairs at once).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import compress, filterfalse, islice
from operator import eq

from .features import PairFeatures
from .score import OVERLAP_SHARE, score_pairs

#: Up to this many units per side, the exhaustive (small-input) path.
SMALL = 2000
#: Small inputs: stems in more units of B than this (and a tenth of them) are not probed.
SMALL_CAP = 64
#: Small inputs: at most this many candidates per A unit (many near-duplicate lines).
SMALL_PER_UNIT = 64
#: For large inputs: probe this many rarest stems per unit, postings longer than the cap skipped.
PROBES = 10
POSTING_CAP = 40
#: For large inputs: keep this many best candidates per unit (from each side).
PER_UNIT = 4
#: Candidates must share at least this weighted Dice overlap, whatever their word order.
MIN_DICE = 0.2
#: Repeated identical text: pair each occurrence with at most this many occurrences on the other
#: side, those nearest in relative rank.
REPEAT_SPREAD = 2


def _exact(pf: PairFeatures) -> tuple[list[tuple[float, int, int]], set[int], set[int]]:
    by_key_a: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for i, f in pf.a.items():
        if f.ids:
            by_key_a[f.ids].append(i)
    by_key_b: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for j, f in pf.b.items():
        if f.ids and f.ids in by_key_a:
            by_key_b[f.ids].append(j)
    out: list[tuple[float, int, int]] = []
    done_a: set[int] = set()
    done_b: set[int] = set()
    for key, js in by_key_b.items():
        is_ = by_key_a[key]
        na, nb = len(is_), len(js)
        for r, i in enumerate(is_):
            centre = (r + 0.5) * nb / na
            lo = max(0, int(centre) - REPEAT_SPREAD)
            for j in js[lo:int(centre) + REPEAT_SPREAD + 1]:
                out.append((1.0, i, j))
        for r, j in enumerate(js):
            centre = (r + 0.5) * na / nb
            lo = max(0, int(centre) - REPEAT_SPREAD)
            for i in is_[lo:int(centre) + REPEAT_SPREAD + 1]:
                out.append((1.0, i, j))
        done_a.update(is_)
        done_b.update(js)
    return list(set(out)), done_a, done_b


def _small_pairs(pf: PairFeatures, postings: dict[int, list[int]], floor: float) -> set[tuple[int, int]]:
    """Every pair sharing a non-stopword stem whose score could reach the floor."""
    w = pf.weights
    # Minimal Dice for the floor; word order alone is never evidence, so at least MIN_DICE.
    need = max(MIN_DICE, (floor - (1.0 - OVERLAP_SHARE)) / OVERLAP_SHARE)
    pairs: set[tuple[int, int]] = set()
    for i, fa in pf.a.items():
        probe = [t for t in fa.bag if t in postings]
        acc: dict[int, float] = defaultdict(float)
        for t in probe:
            wt = w[t]
            for j in postings[t]:
                acc[j] += wt
        unprobed = fa.weight - sum(w[t] for t in probe)
        hits = [j for j, shared in acc.items() if 2.0 * (shared + unprobed) >= need * (fa.weight + pf.b[j].weight)]
        if len(hits) > SMALL_PER_UNIT:  # near-duplicate lines: keep the most overlapping
            hits = sorted(hits, key=acc.__getitem__, reverse=True)[:SMALL_PER_UNIT]
        pairs.update((i, j) for j in hits)
    return pairs


def _large_pairs(
    pf: PairFeatures, postings: dict[int, list[int]], done_a: set[int], done_b: set[int]
) -> list[tuple[int, int]]:
    """The PER_UNIT units of B sharing most of each A unit's rarest stems, and vice versa.

    A unit's hits are its probed stems' postings laid end to end; a unit of B counts as often
    as it occurs there. Most occur once, so only the repeated ones are counted (found in C by
    sorting the hits and comparing neighbours): ranking is by count, then by first occurrence.
    Returns the pairs in the order found (a pair may come twice): one A unit's, then one B
    unit's, together.
    """
    key = pf.weights.__getitem__
    probeable = postings.__contains__
    get_posting = postings.__getitem__
    by_b: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    add = pairs.append
    for i, fa in pf.a.items():
        if i in done_a:
            continue
        probe = list(filter(probeable, fa.bag))
        if len(probe) > PROBES:
            probe = sorted(probe, key=key, reverse=True)[:PROBES]
        hits: list[int] = []
        for t in probe:
            hits += get_posting(t)
        if not hits:
            continue
        ordered = sorted(hits)
        repeats = list(compress(ordered, map(eq, ordered, islice(ordered, 1, None))))
        if not repeats:  # every hit once: the first PER_UNIT, in order
            for j in hits[:PER_UNIT]:
                add((i, j))
            continue
        # Repeated units in order of first occurrence, with their counts less one (a unit hit
        # c times is listed c - 1 times in `repeats`; ranking by c - 1 ranks by c).
        rep = sorted(set(repeats), key=hits.index)
        extra = dict(zip(rep, map(repeats.count, rep)))
        if len(hits) - len(repeats) <= PER_UNIT:  # every unit hit: all of them, in order
            top: list[int] = list(dict.fromkeys(hits))
        else:
            top = sorted(rep, key=extra.__getitem__, reverse=True)[:PER_UNIT]
            if len(top) < PER_UNIT:
                top += islice(filterfalse(extra.__contains__, hits), PER_UNIT - len(top))
        for j in top:
            add((i, j))
        for j, c in extra.items():
            if j not in done_b:
                by_b[j].append((c, i))
    for j, lst in by_b.items():
        if len(lst) > PER_UNIT:
            lst = sorted(lst, reverse=True)[:PER_UNIT]
        pairs += [(i, j) for _, i in lst]
    return pairs


def candidates(pf: PairFeatures, floor: float) -> list[tuple[float, int, int]]:
    """(score, i, j) for candidate pairs scoring at least `floor`, exact matches included."""
    out, done_a, done_b = _exact(pf)
    small = len(pf.a) <= SMALL and len(pf.b) <= SMALL
    # Small inputs: only the very frequent stems (in over a tenth of B's units) go unprobed; their
    # weight still counts in the upper bound, so no pair that could reach the floor is lost.
    cap = max(SMALL_CAP, len(pf.b) // 10) if small else POSTING_CAP
    postings: dict[int, list[int]] = defaultdict(list)
    for j, f in pf.b.items():
        for t in f.bag:
            postings[t].append(j)
    stop = pf.stop
    # Only what is probed: stopwords never are.
    postings = {t: js for t, js in postings.items() if len(js) <= cap and not stop[t]}
    if small:
        pairs = _small_pairs(pf, postings, floor)
        found: Iterable[tuple[int, int]] = pairs
    else:
        found = _large_pairs(pf, postings, done_a, done_b)
        pairs = set(found)
    exact = {(i, j) for _, i, j in out}
    kept = _scored(pf, found, exact, floor)
    # Listed in the order of the set of pairs, as they always were.
    out += [(kept[p], p[0], p[1]) for p in filter(kept.__contains__, pairs)]
    return out


def _scored(
    pf: PairFeatures, pairs: Iterable[tuple[int, int]], skip: set[tuple[int, int]], floor: float
) -> dict[tuple[int, int], float]:
    """`score.score_units(..., MIN_DICE)` of each pair not in `skip`, kept at `floor` or above;
    scored in the order given (`score_pairs`: one unit's pairs together are faster)."""
    todo = dict.fromkeys(pairs)
    for p in skip:
        todo.pop(p, None)
    return {p: s for p, s in zip(todo, score_pairs(pf.a, pf.b, todo, pf.weights, MIN_DICE)) if s >= floor}
