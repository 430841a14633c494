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

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress, filterfalse, islice
from operator import eq

from . import forked_helper
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


def _row_pairs(
    pf: PairFeatures, postings: dict[int, list[int]], rows: list[int], done_b: set[int]
) -> tuple[list[tuple[int, int]], dict[int, list[tuple[int, int]]]]:
    """For each A unit of `rows` in turn: its best units of B, and (in `by_b`, per B unit in
    order of first hit) the (count, A unit) of each unit of B it hit more than once.

    A unit's hits are its probed stems' postings laid end to end; a unit of B counts as often
    as it occurs there. Most occur once, so only the repeated ones are counted (found in C by
    sorting the hits and comparing neighbours): ranking is by count, then by first occurrence.
    Rows split into consecutive runs give, run after run, the same pairs and `by_b` lists.
    """
    key = pf.weights.__getitem__
    probeable = postings.__contains__
    get_posting = postings.__getitem__
    feats = pf.a
    by_b: dict[int, list[tuple[int, int]]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    add = pairs.append
    for i in rows:
        probe = list(filter(probeable, feats[i].bag))
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
    return pairs, by_b


def _b_side(by_b: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The PER_UNIT A units hitting each B unit most often (ties: the later A unit first)."""
    pairs: list[tuple[int, int]] = []
    for j, lst in by_b.items():
        if len(lst) > PER_UNIT:
            lst = sorted(lst, reverse=True)[:PER_UNIT]
        pairs += [(i, j) for _, i in lst]
    return pairs


def candidates(pf: PairFeatures, floor: float) -> list[tuple[float, int, int]]:
    """(score, i, j) for candidate pairs scoring at least `floor`, exact matches included.

    At book length, with a forked helper running (`forked_helper.session`), the helper finds
    and scores the pairs of the second half of A's units while this process does the first.
    """
    small = len(pf.a) <= SMALL and len(pf.b) <= SMALL
    helper = None if small else forked_helper.helper_for(pf=pf)
    if helper is not None and not helper.submit(_far_half, floor):
        helper = None
    out, done_a, done_b = _exact(pf)
    exact = {(i, j) for _, i, j in out}
    postings = _postings(pf, small)
    if small:
        pairs = _small_pairs(pf, postings, floor)
        kept = _scored(pf, pairs, exact, floor)
    else:
        found, kept = _large_scored(pf, postings, done_a, done_b, exact, floor, helper)
        pairs = set(found)
    # Listed in the order of the set of pairs, as they always were.
    out += [(kept[p], p[0], p[1]) for p in filter(kept.__contains__, pairs)]
    return out


def _postings(pf: PairFeatures, small: bool) -> dict[int, list[int]]:
    """B's units per stem, for the stems that are probed: stopwords never are, nor stems in
    more units than the cap. Small inputs: only the very frequent stems (in over a tenth of B's
    units) go unprobed; their weight still counts in the upper bound, so no pair that could
    reach the floor is lost."""
    cap = max(SMALL_CAP, len(pf.b) // 10) if small else POSTING_CAP
    postings: dict[int, list[int]] = defaultdict(list)
    for j, f in pf.b.items():
        for t in f.bag:
            postings[t].append(j)
    stop = pf.stop
    return {t: js for t, js in postings.items() if len(js) <= cap and not stop[t]}


def _large_scored(
    pf: PairFeatures, postings: dict[int, list[int]], done_a: set[int], done_b: set[int],
    exact: set[tuple[int, int]], floor: float, helper: forked_helper.Helper | None,
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], float]]:
    """The PER_UNIT units of B sharing most of each A unit's rarest stems, and vice versa, in
    the order found (a pair may come twice: one A unit's, then one B unit's, together), and the
    `_scored` of those pairs. With a `helper`, the rows of A from `_cut` on are the helper's:
    its answer is merged so both are exactly the one-process ones."""
    rows = [i for i in pf.a if i not in done_a]
    if helper is None or len(rows) < 2:
        pairs, by_b = _row_pairs(pf, postings, rows, done_b)
        found = pairs + _b_side(by_b)
        return found, _scored(pf, found, exact, floor)
    cut = _cut(rows)
    pairs, by_b = _row_pairs(pf, postings, rows[:cut], done_b)
    kept = _scored(pf, pairs, exact, floor)
    here: dict[str, tuple] = {}
    steps = _far_here(pf, postings, rows[cut:], done_b, exact, floor, here)
    ok, answer = helper.result_or_do(steps)
    half = _unpack_half(answer) if ok and answer[0] == rows[cut] else None
    if half is None:  # the helper failed or was slower: its half is done here (what is left of it)
        for _ in steps:
            pass
        half = here["half"]
    far, far_by_b, far_kept = half
    # Runs of rows in order: the far half's lists continue the near half's, and B units first
    # hit there come after the others, as in one pass.
    for j, lst in far_by_b.items():
        by_b[j] += lst
    seen = set(pairs)
    seen.update(far)
    pairs += far
    kept.update(far_kept)
    side = _b_side(by_b)
    kept.update(_scored(pf, [p for p in side if p not in seen], exact, floor))
    return pairs + side, kept


#: The helper's half done here (`_far_here`) is done by slices of this many rows or pairs, the
#: helper's answer looked for between two.
SLICE = 500


def _far_here(
    pf: PairFeatures, postings: dict[int, list[int]], rows: list[int], done_b: set[int],
    exact: set[tuple[int, int]], floor: float, out: dict[str, tuple],
) -> Iterator[None]:
    """`_far_half`'s pairs, `by_b` and kept scores made here, a slice per step, into
    out["half"] at the end: consecutive runs of rows give the one-pass lists, and pairs are
    scored in the order `_scored` scores them."""
    pairs: list[tuple[int, int]] = []
    by_b: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for lo in range(0, len(rows), SLICE):
        part, part_by_b = _row_pairs(pf, postings, rows[lo:lo + SLICE], done_b)
        pairs += part
        for j, lst in part_by_b.items():
            by_b[j] += lst
        yield
    order = list(_unscored(pairs, exact))
    kept: dict[tuple[int, int], float] = {}
    for lo in range(0, len(order), SLICE):
        kept.update(_kept(pf, order[lo:lo + SLICE], floor))
        yield
    out["half"] = (pairs, by_b, kept)


def _cut(rows: list[int]) -> int:
    """Where the helper's half of the rows starts (at least one row each side)."""
    return max(1, len(rows) // 2) if len(rows) > 1 else len(rows)


def _far_half(context: dict, floor: float) -> tuple[int, array, array, array, array, array, array]:
    """In the helper: the pairs, `by_b` lists and kept scores of the rows from `_cut` on, as
    flat arrays (a list of tuples pickles ten times slower), led by the first row's index."""
    pf: PairFeatures = context["pf"]
    out, done_a, done_b = _exact(pf)
    exact = {(i, j) for _, i, j in out}
    rows = [i for i in pf.a if i not in done_a]
    if len(rows) < 2:
        raise ValueError("nothing to split")
    cut = _cut(rows)
    pairs, by_b = _row_pairs(pf, _postings(pf, False), rows[cut:], done_b)
    kept = _scored(pf, pairs, exact, floor)
    return (
        rows[cut],
        array("q", chain.from_iterable(pairs)),
        array("q", by_b),
        array("q", accumulate(map(len, by_b.values()))),
        array("q", chain.from_iterable(chain.from_iterable(by_b.values()))),
        array("q", chain.from_iterable(kept)),
        array("d", kept.values()),
    )


def _unpack_half(
    answer: tuple[int, array, array, array, array, array, array],
) -> tuple[list[tuple[int, int]], dict[int, list[tuple[int, int]]], dict[tuple[int, int], float]] | None:
    """`_far_half`'s arrays back as the pairs, `by_b` lists and kept scores they were."""
    if len(answer) != 7:
        return None
    _, flat, b_units, b_ends, b_hits, kept_pairs, kept_scores = answer
    it = iter(flat.tolist())
    pairs = list(zip(it, it))
    hits = iter(b_hits.tolist())
    hit_pairs = list(zip(hits, hits))
    by_b: dict[int, list[tuple[int, int]]] = {}
    start = 0
    for j, end in zip(b_units.tolist(), b_ends.tolist()):
        by_b[j] = hit_pairs[start:end]
        start = end
    it = iter(kept_pairs.tolist())
    kept = dict(zip(zip(it, it), kept_scores.tolist()))
    return pairs, by_b, kept


def _scored(
    pf: PairFeatures, pairs: Iterable[tuple[int, int]], skip: set[tuple[int, int]], floor: float
) -> dict[tuple[int, int], float]:
    """`score.score_units(..., MIN_DICE)` of each pair not in `skip`, kept at `floor` or above;
    scored in the order given (`score_pairs`: one unit's pairs together are faster)."""
    return _kept(pf, _unscored(pairs, skip), floor)


def _unscored(pairs: Iterable[tuple[int, int]], skip: set[tuple[int, int]]) -> dict[tuple[int, int], None]:
    """The pairs to score, each once, in the order first given, without those in `skip`."""
    todo = dict.fromkeys(pairs)
    for p in skip:
        todo.pop(p, None)
    return todo


def _kept(pf: PairFeatures, todo: Iterable[tuple[int, int]], floor: float) -> dict[tuple[int, int], float]:
    """The pairs of `todo` scoring at least `floor`, with their scores."""
    return {p: s for p, s in zip(todo, score_pairs(pf.a, pf.b, todo, pf.weights, MIN_DICE)) if s >= floor}
