"""Scoring: how strongly two units say the same thing, on a scale a journalist can read.

score = 1.0          the same words once trivia are folded (case, quotes, dashes, NBSP,
                     U.S./United States, cease-fire/ceasefire): relation `identical`.
score >= EDITED      (0.80) nearly all the weighted words shared, mostly in the same order: a
                     light edit — a word or two changed, re-punctuated: relation `edited`.
score >= PARAPHRASE  (0.50) most of the facts and names shared, wording and order changed: a
                     rewrite or spin of the same sentence: relation `paraphrase`.
score >= threshold   (DEFAULT_THRESHOLD, 0.33) a real share of the rare words (names, figures,
                     unusual terms) in common, told differently or partly: relation `related` —
                     worth a look, not proof of reuse.
Below the threshold no pair is reported: the unit counts as added/omitted — with one exception,
neighbourhood evidence (`core.context`): the sentence right before or after a confident in-order
pair (score >= threshold + CONTEXT_RELIEF; or such a pair in a moved run of pairs), next to its
partner's neighbour on the other side, pairs down to threshold - CONTEXT_RELIEF (relation
`related`): reused text comes in runs.
A second exception, containment (`core.containment`): a unit left unpaired whose words lie almost
wholly (CONTAIN_SHARE of their weight, CONTAIN_MIN_WORDS distinct content words) inside one
unpaired unit of the other side pairs with it whatever the score: a sentence quoted whole inside
a longer one (the Dice overlap is low only because the longer one says more). Adjacent short
units inside the same one (a list's items pasted as one line) count their shared words together.

The score is 0.75 × weighted Dice overlap of word stems (each word weighed by `idf`, so shared
names and numbers dominate and story words shared by every sentence barely count) + 0.25 × the
word-order similarity (Indel ratio over the stem sequences).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz.distance import Indel

from .features import UnitFeatures

#: Pairs scoring below this are not reported: the one documented pair/no-pair setting.
#: Raise it (e.g. 0.5) to see only paraphrases and closer; lower it to see weaker links.
DEFAULT_THRESHOLD = 0.33
#: Lower bounds of the `edited` and `paraphrase` relations (see module docstring).
EDITED = 0.80
PARAPHRASE = 0.50
#: Above this many word pairs, the order term is not computed (bit-parallel, but still N×M).
MAX_ORDER_CELLS = 10**8
#: Weight of word overlap vs word order in the score.
OVERLAP_SHARE = 0.75
#: Context-supported pairs (`core.context`): next to an in-order pair scoring this much above the
#: threshold, the neighbouring units of both sides pair down to this much below it...
CONTEXT_RELIEF = 0.08
#: ...provided the two share at least this weighted Dice overlap of words.
CONTEXT_MIN_DICE = 0.2
#: Containment pairs (`core.containment`): a unit with at least this share of its weight inside
#: one unit of the other side...
CONTAIN_SHARE = 0.8
#: ...sharing at least this many distinct content words (not stopwords) with it.
CONTAIN_MIN_WORDS = 6


def shared_weight(fa: UnitFeatures, fb: UnitFeatures, weights: list[float]) -> float:
    return sum(map(weights.__getitem__, fa.bag & fb.bag))


def score_units(fa: UnitFeatures, fb: UnitFeatures, weights: list[float], min_dice: float = 0.0) -> float:
    """The calibrated score in [0, 1]; 1.0 for the same stems in the same order (`align` keeps
    1.0 only for identical folded words and gives a spelling variant 0.99).

    With `min_dice`, a pair whose weighted overlap is below it scores 0 without the order term.
    """
    if fa.ids == fb.ids:
        return 1.0 if fa.ids else 0.0
    total = fa.weight + fb.weight
    if total <= 0.0:
        return 0.0
    dice = 2.0 * shared_weight(fa, fb, weights) / total
    if dice < min_dice:
        return 0.0
    return _blend(dice, fa.ids, fb.ids)


def _blend(dice: float, a_ids: tuple[int, ...], b_ids: tuple[int, ...]) -> float:
    """The score of two different stem sequences from their overlap and their word order."""
    if len(a_ids) * len(b_ids) <= MAX_ORDER_CELLS:
        order = Indel.normalized_similarity(a_ids, b_ids)
    else:  # a runaway unit (a book on one line): word order would cost N×M; count overlap twice
        order = dice
    # Rounded so summation order (A/B swapped) cannot change a tie-break.
    return round(min(0.99, OVERLAP_SHARE * dice + (1.0 - OVERLAP_SHARE) * order), 9)


def score_pairs(
    a: Mapping[int, UnitFeatures], b: Mapping[int, UnitFeatures], pairs: Iterable[tuple[int, int]],
    weights: list[float], min_dice: float = 0.0,
) -> list[float]:
    """`score_units(a[i], b[j], weights, min_dice)` for each (i, j) of `pairs`: the same floats,
    computed in one loop (the engine scores a hundred thousand pairs at book length).

    A pair whose lighter side weighs too little to reach `min_dice` even if wholly shared is not
    intersected (its score is 0 either way). Give the pairs grouped by unit where possible: one
    unit's word sets then stay in the CPU cache (scored in the scattered order of a set, the same
    pairs take half as long again).
    """
    fa_of = a.__getitem__
    fb_of = b.__getitem__
    weigh = weights.__getitem__
    # A margin far above the summation error, so a pair skipped could not have reached min_dice.
    light = min_dice * (1.0 - 1e-9)
    out: list[float] = []
    add = out.append
    for i, j in pairs:
        fa = fa_of(i)
        fb = fb_of(j)
        wa = fa.weight
        wb = fb.weight
        total = wa + wb
        # Equal ids mean equal weights and a Dice of 1, so they pass both tests below.
        if total <= 0.0 or 2.0 * (wa if wa < wb else wb) < light * total:
            add(0.0)
            continue
        dice = 2.0 * sum(map(weigh, fa.bag & fb.bag)) / total
        if dice < min_dice:
            add(0.0)
        elif fa.ids == fb.ids:
            add(1.0)
        else:
            add(_blend(dice, fa.ids, fb.ids))
    return out


def relation_for(score: float, identical: bool = False) -> str:
    """The relation label for a pair's score (see the module docstring for what each means)."""
    if identical or score >= 1.0:
        return "identical"
    if score >= EDITED:
        return "edited"
    if score >= PARAPHRASE:
        return "paraphrase"
    return "related"
