"""Alignment: choose which units of A and B form pairs, and which pairs break the common order.

Stages (each testable alone): `features` (keys, stems, IDF weights) → `candidates` (exact
anchors + inverted index, scored) → `_select` (one-to-one, preferring pairs that fit the order of
confident anchors, so a repeated sentence pairs with the occurrence that fits its surroundings) →
`_fill_gaps` (units left over between two in-order pairs are compared with each other, the
near-linear pass around the anchors that finds reworded sentences the index missed) → `_extend`
(splits and merges: grow a pair by adjacent units, unpaired or weakly paired elsewhere, while the
score rises) → `_grow_weak` (the same growth from a candidate too weak to pair alone, kept if
the grown pair clears the threshold: one long unit told as several reworded sentences) →
`containment.containment_pairs` (a unit left over whose words lie almost wholly
inside one left-over unit of the other side: a sentence quoted whole in a longer one) →
`context.context_pairs` (weak neighbours of confident runs) → `order.heaviest_chain` (pairs off
the common order are `moved`).
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain as concat

from . import forked_helper, pairs
from .candidates import MIN_DICE, candidates
from .containment import containment_pairs
from .context import context_pairs
from .features import (
    PackedWords, PairFeatures, UnitFeatures, build_features, doc_words, merged, packed_words, pair_features,
)
from .gc_pause import gc_paused
from .model import Document, Pair
from .normalise import mid_capitals
from .order import heaviest_chain, moved_flags
from .pairs import Diff, Group, Units, build_pairs, diff_ahead, likely_pairs, pack_groups, unpack_groups
from .score import DEFAULT_THRESHOLD, score_pairs, score_units, shared_weight

__all__ = ["align", "moved_flags"]

#: Score bonus for a candidate that fits between the confident anchors around it.
ORDER_BONUS = 0.05
#: A split/merge grows a pair only if the score rises by at least this much...
MIN_GAIN = 0.02
#: ...and the added unit has at least this share of its weight in the other side.
MIN_CONTAINED = 0.5
#: Most units on one side of a pair.
MAX_PARTS = 4
#: A split/merge may take a neighbour from a one-to-one pair scoring below this (`related`)
#: when the neighbour shares more of its words with the growing pair.
WEAK_HOLD = 0.5
#: Candidates are generated down to this fraction of the threshold (splits start weak).
FLOOR_FACTOR = 0.8
#: Largest gap between in-order pairs (units of A × units of B) compared exhaustively.
GAP_PAIRS = 64
#: In longer gaps, each leftover unit is compared with this many units either side of the
#: same relative position on the other side.
GAP_BAND = 3
#: Headlines compress a story into few words, so two headings need less shared wording to pair.
HEADING_RELIEF = 0.1


def _anchor_chain(
    cands: list[tuple[float, int, int]], tie: Callable[[int, int], float] | None = None
) -> list[tuple[int, int]]:
    """Confident, unambiguous pairs on their heaviest common-order chain, sorted by A."""
    top_a: dict[int, float] = {}
    top_b: dict[int, float] = {}
    for s, i, j in cands:
        if s > top_a.get(i, -1.0):
            top_a[i] = s
        if s > top_b.get(j, -1.0):
            top_b[j] = s
    # Units with a runner-up within 0.05 of their best are ambiguous: no anchor there.
    near_a: dict[int, int] = {}
    near_b: dict[int, int] = {}
    for s, i, j in cands:
        if s >= top_a[i] - 0.05:
            near_a[i] = near_a.get(i, 0) + 1
        if s >= top_b[j] - 0.05:
            near_b[j] = near_b.get(j, 0) + 1
    anchors = [
        (i, j, s) for s, i, j in cands
        if s >= 0.5 and s == top_a[i] and s == top_b[j] and near_a[i] == 1 and near_b[j] == 1
    ]
    # Equally heavy chains (a block that B repeats): prefer anchors nearer the diagonal, then by
    # `tie` (a hash of the two texts). Both are unchanged when A and B swap, so B-vs-A picks the
    # mirror of A-vs-B's chain.
    chain = heaviest_chain([
        (i, j, s + 1e-7 / (1 + abs(i - j)) + (1e-9 * tie(i, j) if tie else 0.0)) for i, j, s in anchors
    ])
    return sorted((anchors[k][0], anchors[k][1]) for k in chain)


def _select(
    cands: list[tuple[float, int, int]], bar: Callable[[int, int], float],
    tie: Callable[[int, int], float] | None = None,
) -> list[tuple[int, int, float]]:
    chain = _anchor_chain(cands, tie)
    ca = [p[0] for p in chain]
    cb = [p[1] for p in chain]
    partner_a = dict(chain)
    partner_b = {j: i for i, j in chain}
    n = len(chain)
    far = 1 << 60

    def key(c: tuple[float, int, int]) -> tuple[float, int, int, int]:
        # Distance from the anchors' order measured from both sides, so B-vs-A mirrors A-vs-B
        # (a repeated block pairs with the same copy whichever document is A). An anchored unit
        # measures from its anchor's partner; any other from the anchors around it.
        s, i, j = c
        y = partner_a.get(i)
        if y is not None:
            fits = y == j
            dist = abs(y - j)
        else:
            k = bisect_left(ca, i)
            lo = cb[k - 1] if k else -1
            hi = cb[k] if k < n else far
            fits = lo < j < hi
            dist = 0 if fits else min(abs(j - lo), abs(hi - j))
        x = partner_b.get(j)
        if x is not None:
            dist += abs(x - i)
        else:
            k = bisect_left(cb, j)
            lo = ca[k - 1] if k else -1
            hi = ca[k] if k < n else far
            if not lo < i < hi:
                dist += min(abs(i - lo), abs(hi - i))
        return (-(s + ORDER_BONUS * fits), dist, i + j, i)

    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for s, i, j in sorted((c for c in cands if c[0] >= bar(c[1], c[2])), key=key):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        chosen.append((i, j, s))
    return chosen


def _fill_gaps(
    chosen: list[tuple[int, int, float]], pf: PairFeatures, bar: Callable[[int, int], float]
) -> list[tuple[int, int, float]]:
    """Between consecutive in-order pairs, compare the few units left over on both sides.

    The inverted index only proposes pairs sharing rare stems; a heavily reworded sentence (or a
    line among many near-duplicates) can miss that and still sit exactly where its partner is
    expected. Small gaps are compared exhaustively, long ones along a band around their diagonal,
    so this costs a few scores per unit: the near-linear pass around the anchors.
    """
    order_a, order_b, rank_a, rank_b = pf.reading
    chain_idx = heaviest_chain([(i, j, s + 1e-7 / (1 + abs(i - j))) for i, j, s in chosen])
    chain = sorted((chosen[k][0], chosen[k][1]) for k in chain_idx)
    used_a = {i for i, _, _ in chosen}
    used_b = {j for _, j, _ in chosen}
    w = pf.weights
    out = list(chosen)
    bounds = [(-1, -1)] + [(rank_a[i], rank_b[j]) for i, j in chain] + [(len(order_a), len(order_b))]
    for (ra0, rb0), (ra1, rb1) in zip(bounds, bounds[1:]):
        if ra1 - ra0 < 2 or rb1 - rb0 < 2:
            continue
        ga = [x for x in order_a[ra0 + 1:ra1] if x not in used_a]
        gb = [y for y in order_b[rb0 + 1:rb1] if y not in used_b]
        if not ga or not gb:
            continue
        if len(ga) * len(gb) <= GAP_PAIRS:
            todo = [(x, y) for x in ga for y in gb]
        else:  # a long gap: a band around its diagonal (same relative position on both sides)
            ratio = len(gb) / len(ga)
            todo = [
                (x, gb[k])
                for r, x in enumerate(ga)
                for k in range(max(0, int(r * ratio) - GAP_BAND), min(len(gb), int(r * ratio) + GAP_BAND + 1))
            ]
        scores = score_pairs(pf.a, pf.b, todo, w, MIN_DICE)
        scored = sorted([(sc, x, y) for sc, (x, y) in zip(scores, todo)], reverse=True)
        for sc, x, y in scored:
            if sc >= bar(x, y) and x not in used_a and y not in used_b:
                used_a.add(x)
                used_b.add(y)
                out.append((x, y, sc))
    return out


def _extend(
    chosen: list[tuple[int, int, float]], pf: PairFeatures
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Grow pairs by adjacent content units (split or merge) while the score rises.

    A neighbour may be free, or held by a weak one-to-one pair (below WEAK_HOLD) whose partner
    shares less of its words than this pair's other side does: a line of a list copied into
    one long sentence belongs with that sentence, not with a stray look-alike elsewhere. The
    pair it leaves is dropped (its other unit is free again).
    """
    w = pf.weights
    used_a = {i for i, _, _ in chosen}
    used_b = {j for _, j, _ in chosen}
    # The weak pairs a neighbour may be taken from: unit → (partner, score), per side.
    held_a = {i: (j, sc) for i, j, sc in chosen if sc < WEAK_HOLD}
    held_b = {j: (i, sc) for i, j, sc in chosen if sc < WEAK_HOLD}
    dropped: set[tuple[int, int]] = set()
    order_a, order_b, rank_a, rank_b = pf.reading
    groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []

    def free(order: list[int], used: set[int], lo: int, hi: int, side: str, out: list[tuple[str, int]]) -> None:
        """Append the unpaired (or weakly held) units just before rank `lo` and after rank `hi`."""
        held = held_a if side == "a" else held_b
        if lo and (order[lo - 1] not in used or order[lo - 1] in held):
            out.append((side, order[lo - 1]))
        if hi + 1 < len(order) and (order[hi + 1] not in used or order[hi + 1] in held):
            out.append((side, order[hi + 1]))

    # Near-identical pairs are complete; only imperfect pairs may be a split or merge. Strongest
    # first, so a pair is only ever taken from by a stronger one (and never after it has grown).
    for i, j, s in sorted(chosen, key=lambda c: -c[2]):
        if (i, j) in dropped:
            continue
        held_a.pop(i, None)
        held_b.pop(j, None)
        ga, gb = (i,), (j,)
        fa, fb = pf.a[i], pf.b[j]
        # Each group spans a run of ranks on its side: lo..hi.
        lo_a = hi_a = rank_a[i]
        lo_b = hi_b = rank_b[j]
        while s < 0.97 and len(ga) + len(gb) < MAX_PARTS + 1:
            options: list[tuple[str, int]] = []
            if len(ga) < MAX_PARTS:
                free(order_a, used_a, lo_a, hi_a, "a", options)
            if len(gb) < MAX_PARTS:
                free(order_b, used_b, lo_b, hi_b, "b", options)
            if not options:
                break
            # The best merge with a neighbour (A's first, then B's) that raises the score by
            # MIN_GAIN, among those mostly contained in the other side; A is scored first.
            best: tuple[float, str, int, UnitFeatures] | None = None
            floor = s + MIN_GAIN
            for side, n in options:
                feats, group, other = (pf.a, ga, fb) if side == "a" else (pf.b, gb, fa)
                fn = feats[n]
                shared = _contained_weight(fn, other, w)
                if shared is None:
                    continue
                holder = (held_a if side == "a" else held_b).get(n)
                if holder is not None:
                    partner = (pf.b if side == "a" else pf.a)[holder[0]]
                    if shared <= shared_weight(fn, partner, w):
                        continue
                ns, m = _merged_score(side, feats, (*group, n), other, w)
                if ns >= floor and (best is None or ns > best[0]):
                    best = (ns, side, n, m)
            if best is None:
                break
            s, side, n, m = best
            if side == "a":
                if n in held_a:
                    partner, _ = held_a.pop(n)
                    dropped.add((n, partner))
                    used_b.discard(partner)
                    held_b.pop(partner, None)
                ga = tuple(sorted(ga + (n,)))
                fa = m
                used_a.add(n)
                lo_a, hi_a = min(lo_a, rank_a[n]), max(hi_a, rank_a[n])
            else:
                if n in held_b:
                    partner, _ = held_b.pop(n)
                    dropped.add((partner, n))
                    used_a.discard(partner)
                    held_a.pop(partner, None)
                gb = tuple(sorted(gb + (n,)))
                fb = m
                used_b.add(n)
                lo_b, hi_b = min(lo_b, rank_b[n]), max(hi_b, rank_b[n])
        groups.append((ga, gb, s))
    return groups


def _contained_weight(fn: UnitFeatures, other: UnitFeatures, w: list[float]) -> float | None:
    """The weight `fn` shares with `other` if that is at least MIN_CONTAINED of its own (a unit
    a split or merge may take), else None."""
    if not fn.weight:
        return None
    shared = shared_weight(fn, other, w)
    return shared if shared >= MIN_CONTAINED * fn.weight else None


def _merged_score(
    side: str, feats: dict[int, UnitFeatures], group: tuple[int, ...], other: UnitFeatures, w: list[float]
) -> tuple[float, UnitFeatures]:
    """The score of `group`'s units (of `side`) merged against `other`, A scored first, and the
    merged features."""
    m = merged([feats[x] for x in sorted(group)], w)
    return (score_units(m, other, w) if side == "a" else score_units(other, m, w)), m


def _grow_weak(
    cands: list[tuple[float, int, int]], pf: PairFeatures, bar: Callable[[int, int], float],
    used_a: set[int], used_b: set[int],
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Splits and merges whose parts are each too weak to pair alone: a candidate below the bar
    between two unpaired units grows by free adjacent units as `_extend` grows a pair (each added
    unit mostly contained in the other side, the score rising by MIN_GAIN a step) and is kept if
    the grown pair clears the bar. One long unit (a paragraph whose sentence breaks were lost)
    against the several sentences of the other side that tell it. `used_a`/`used_b`: units
    already paired (the units paired here are added)."""
    w = pf.weights
    seeds = sorted(
        ((s, i, j) for s, i, j in cands if i not in used_a and j not in used_b and s < bar(i, j)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    if not seeds:
        return []
    order_a, order_b, rank_a, rank_b = pf.reading
    out = []
    for s, i, j in seeds:
        if i in used_a or j in used_b:
            continue
        ga, gb = [i], [j]
        fa, fb = pf.a[i], pf.b[j]
        while len(ga) + len(gb) < MAX_PARTS + 1:
            best = None
            for side, group, order, rank, used, feats, other in (
                ("a", ga, order_a, rank_a, used_a, pf.a, fb), ("b", gb, order_b, rank_b, used_b, pf.b, fa)
            ):
                if len(group) >= MAX_PARTS:
                    continue
                for k in (rank[group[0]] - 1, rank[group[-1]] + 1):
                    if not 0 <= k < len(order) or order[k] in used or order[k] in group:
                        continue
                    n = order[k]
                    if _contained_weight(feats[n], other, w) is None:
                        continue
                    ns, m = _merged_score(side, feats, (*group, n), other, w)
                    if ns >= s + MIN_GAIN and (best is None or ns > best[0]):
                        best = (ns, side, n, m)
            if best is None:
                break
            s, side, n, m = best
            if side == "a":
                ga = sorted(ga + [n])
                fa = m
            else:
                gb = sorted(gb + [n])
                fb = m
        if len(ga) + len(gb) > 2 and s >= bar(ga[0], gb[0]):
            used_a.update(ga)
            used_b.update(gb)
            out.append((tuple(ga), tuple(gb), s))
    return out


def align(
    a: Document, b: Document, threshold: float = DEFAULT_THRESHOLD, features: PairFeatures | None = None,
    parallel: bool | None = None,
) -> tuple[Pair, ...]:
    """Pairs of content units, sorted by A position; see the module docstring for the stages.

    The cyclic garbage collector is paused meanwhile: the engine builds millions of small acyclic
    objects at book length, and repeated full collections cost a quarter of the run time.
    `features`: `build_features(a, b)` if already made (the pipeline makes B's half in a second
    process for big inputs). At book length (`forked_helper.MIN_UNITS`) the work is shared
    with forked copies of this process where that is safe (`forked_helper.can_fork`): B's
    words are read in one while A's are read here (`_features`), then a helper takes half of
    the loops (`forked_helper.session`); the pairs are the same. `parallel=False`: no fork.
    """
    with gc_paused():
        pf = features if features is not None else _features(a, b, parallel is not False)
        if parallel is False:
            return _align(a, b, threshold, pf)
        with forked_helper.session(len(pf.a) + len(pf.b), pf=pf, a=a, b=b):
            return _align(a, b, threshold, pf)


def _features(a: Document, b: Document, fork: bool) -> PairFeatures:
    """`build_features(a, b)`; at book length, if `fork`, a fork is safe and a core is free,
    with B's words read in a forked copy of this process meanwhile (as `pipeline.compare` reads
    B in a second process; on a machine busy with other work the copy would only take turns
    with it). If that copy fails, B's words are read here: the features are the same."""
    if not fork or len(a.units) + len(b.units) < forked_helper.MIN_UNITS or not forked_helper.can_fork():
        return build_features(a, b)
    if not forked_helper.spare_core():
        return build_features(a, b)
    helper = forked_helper.Helper({"b": b})
    if not helper.start():
        return build_features(a, b)
    try:
        ok = helper.submit(_words_of_b)
        wa = doc_words(a)
        caps_b = Counter(mid_capitals(b.text))  # the copy's are not counted: this side has time
        ok, wb = helper.result() if ok else (False, None)
    finally:
        helper.stop()
    if not ok or not isinstance(wb, PackedWords):
        return pair_features(wa, doc_words(b, wa.vocab))
    return pair_features(wa, replace(wb, caps=caps_b))


def _words_of_b(context: dict) -> PackedWords:
    """In the forked copy: B's words, packed for the trip back."""
    return packed_words(context["b"])


def _align(a: Document, b: Document, threshold: float, pf: PairFeatures) -> tuple[Pair, ...]:
    cands = candidates(pf, min(threshold * FLOOR_FACTOR, threshold - HEADING_RELIEF))
    helper = forked_helper.helper_for(pf=pf, a=a, b=b) if len(cands) >= pairs.SPLIT_GROUPS else None
    if helper is None or not helper.submit(_first_far, threshold, *_pack_cands(cands)):
        return build_pairs(a, b, pf, *_choose(a, b, pf, cands, threshold))
    # The helper chooses the pairs, in two parts, while this process diffs the likeliest ones,
    # then the pairs of the first part, so most diffs are ready when the pairs are (only the
    # pairs come back: a few numbers each).
    ahead: dict[Units, Diff] = {}
    helper.advance_until_ready(diff_ahead(a, b, pf, [((i,), (j,)) for i, j in likely_pairs(cands)], ahead))
    here: dict[str, list[Group]] = {}
    steps = _first_groups(a, b, pf, cands, threshold, here)
    ok, answer = helper.result_or_do(steps)
    first = _unpack_groups(answer) if ok else None
    if first is None:  # the helper failed or was slower: chosen here (what is left of it)
        for _ in steps:
            pass
        first = here["first"]
    done: dict[str, tuple[list[Group], set[int]]] = {}
    steps = _last_groups(a, b, pf, cands, threshold, first, done)
    if not helper.broken and helper.submit(_last_far, threshold):
        todo = [(ga, gb) for ga, gb, _ in first if (ga, gb) not in ahead]
        helper.advance_until_ready(diff_ahead(a, b, pf, todo, ahead))  # the rest: with the others
        ok, answer = helper.result_or_do(steps)
        last = _unpack_last(answer, first) if ok else None
        if last is not None:
            return build_pairs(a, b, pf, *last, ahead)
    for _ in steps:
        pass
    return build_pairs(a, b, pf, *done["chosen"], ahead)



def _choose(
    a: Document, b: Document, pf: PairFeatures, cands: list[tuple[float, int, int]], threshold: float
) -> tuple[list[Group], set[int]]:
    """The pairs (groups of units a side, with their scores, sorted by A) and the indices of
    those on the common order: every stage after the candidates but the word diffs."""
    first: dict[str, list[Group]] = {}
    for _ in _first_groups(a, b, pf, cands, threshold, first):
        pass
    out: dict[str, tuple[list[Group], set[int]]] = {}
    for _ in _last_groups(a, b, pf, cands, threshold, first["first"], out):
        pass
    return out["chosen"]


def _bar(a: Document, b: Document, threshold: float) -> Callable[[int, int], float]:
    """The score a pair of units needs: `threshold`, less HEADING_RELIEF for two headings."""

    def bar(i: int, j: int) -> float:
        both_headings = a.units[i].kind == "heading" and b.units[j].kind == "heading"
        return threshold - HEADING_RELIEF if both_headings else threshold

    return bar


def _first_groups(
    a: Document, b: Document, pf: PairFeatures, cands: list[tuple[float, int, int]], threshold: float,
    out: dict[str, list[Group]],
) -> Iterator[None]:
    """The first part of `_choose`, a stage per step (so a caller racing the helper for the
    same answer can look for it between two): one-to-one pairs, gaps filled, splits and merges
    grown, into out["first"]."""
    bar = _bar(a, b, threshold)

    def tie(i: int, j: int) -> float:
        """A mirror-symmetric number in [0, 1) from the two units' texts."""
        ta, tb = a.unit_text(i), b.unit_text(j)
        return zlib.crc32("\x00".join(sorted((ta, tb))).encode("utf-8", "surrogatepass")) / 2**32

    chosen = _select(cands, bar, tie)
    yield
    chosen = _fill_gaps(chosen, pf, bar)
    yield
    out["first"] = [g for g in _extend(chosen, pf) if g[2] >= bar(g[0][0], g[1][0])]
    yield


def _last_groups(
    a: Document, b: Document, pf: PairFeatures, cands: list[tuple[float, int, int]], threshold: float,
    first: list[Group], out: dict[str, tuple[list[Group], set[int]]],
) -> Iterator[None]:
    """The rest of `_choose` after `first`, a stage per step: the groups `first` continued
    (sorted by A) and the indices of those on the common order, into out["chosen"]."""
    bar = _bar(a, b, threshold)
    groups = list(first)
    used_a = set(concat.from_iterable(g[0] for g in groups))
    used_b = set(concat.from_iterable(g[1] for g in groups))
    groups += _grow_weak(cands, pf, bar, used_a, used_b)  # splits and merges of weak parts
    groups += containment_pairs(pf, used_a, used_b)  # short units quoted whole in long ones
    yield
    groups += context_pairs(groups, pf, bar)  # weak neighbours of confident runs (core.context)
    groups.sort(key=lambda g: g[0][0])
    # Two equally heavy orders (two paragraphs swapped): keep the longer text in place, so the
    # same pair is called moved whichever document is A (the tie-break is mirror-symmetric).
    def size(g: Group) -> int:
        return sum(a.units[i].end - a.units[i].start for i in g[0]) + sum(b.units[j].end - b.units[j].start for j in g[1])

    chain = heaviest_chain([
        (g[0][0], g[1][0], g[2] + 1e-7 * min(size(g), 10**5) / 10**5 + 1e-9 / (1 + abs(g[0][0] - g[1][0])))
        for g in groups
    ])
    out["chosen"] = (groups, chain)
    yield


def _pack_cands(cands: list[tuple[float, int, int]]) -> tuple[array, array]:
    """The candidates as flat arrays for the trip to the helper (scores; A and B units)."""
    return array("d", [c[0] for c in cands]), array("q", concat.from_iterable(c[1:] for c in cands))


def _first_far(context: dict, threshold: float, scores: array, units: array) -> tuple[array, array, array]:
    """In the helper: `_first_groups` of the packed candidates, packed (`_pack_groups`); the
    candidates and the groups are kept for `_last_far`."""
    it = iter(units.tolist())
    cands = context["cands"] = list(zip(scores.tolist(), it, it))
    out: dict[str, list[Group]] = {}
    for _ in _first_groups(context["a"], context["b"], context["pf"], cands, threshold, out):
        pass
    context["first"] = out["first"]
    return _pack_groups(out["first"])


def _last_far(context: dict, threshold: float) -> tuple[tuple[array, array, array], array]:
    """In the helper: `_last_groups` after `_first_far`, packed: the groups added to the first
    ones (in the order added) and the indices on the common order of all, sorted by A."""
    first = context["first"]
    out: dict[str, tuple[list[Group], set[int]]] = {}
    for _ in _last_groups(context["a"], context["b"], context["pf"], context["cands"], threshold, first, out):
        pass
    groups, chain = out["chosen"]
    known = {(ga, gb) for ga, gb, _ in first}
    return _pack_groups([g for g in groups if (g[0], g[1]) not in known]), array("q", sorted(chain))


def _pack_groups(groups: list[Group]) -> tuple[array, array, array]:
    """Groups as flat arrays for the trip back: (len A, len B) per group, units, scores."""
    return (*pack_groups(groups), array("d", [g[2] for g in groups]))


def _unpack_groups(answer: tuple[array, array, array]) -> list[Group] | None:
    """`_pack_groups`'s arrays back as the groups they were; None if they do not add up."""
    sizes, units, scores = answer
    if len(sizes) != 2 * len(scores) or sum(sizes) != len(units):
        return None
    return unpack_groups(sizes, units, scores.tolist())


def _unpack_last(answer: tuple[tuple[array, array, array], array], first: list[Group]) -> tuple[list[Group], set[int]] | None:
    """`_last_far`'s answer as `_last_groups` makes it: `first` and the groups added, sorted
    by A as there (a stable sort of the same list), and the common-order indices."""
    packed, chain = answer
    added = _unpack_groups(packed)
    if added is None:
        return None
    groups = first + added
    groups.sort(key=lambda g: g[0][0])
    if any(k >= len(groups) for k in chain):
        return None
    return groups, set(chain.tolist())
