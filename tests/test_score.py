"""The score scale and relation labels a journalist reads."""

from __future__ import annotations

from pathlib import Path

from rafahdiff.core.features import build_features
from rafahdiff.core.score import DEFAULT_THRESHOLD, EDITED, PARAPHRASE, relation_for, score_pairs, score_units
from tests.align_helpers import plain_doc, unit_with

CONTEXT = [
    "Netanyahu said Hamas must be defeated in Rafah before any truce.",
    "Hamas said Netanyahu was blocking a truce over Rafah.",
    "Officials in Rafah said Hamas fighters remain in the city, Netanyahu's office said.",
    "Netanyahu and Hamas traded blame for the stalled talks on Rafah.",
]


def scores(sentence: str, variants: list[str]) -> list[float]:
    a = plain_doc("\n\n".join(CONTEXT + [sentence]) + "\n")
    b = plain_doc("\n\n".join(CONTEXT + variants) + "\n")
    pf = build_features(a, b)
    i = unit_with(a, sentence[:30])
    return [score_units(pf.a[i], pf.b[unit_with(b, v[:30])], pf.weights) for v in variants]


def test_thresholds_are_ordered():
    assert 0.0 < DEFAULT_THRESHOLD < PARAPHRASE < EDITED < 1.0
    assert [relation_for(x) for x in (1.0, 0.9, 0.6, 0.35)] == ["identical", "edited", "paraphrase", "related"]


def test_more_change_means_lower_score():
    s = "Strategic Affairs Minister Ron Dermer will lead the delegation to Washington next week."
    variants = [
        "Strategic Affairs Minister Ron Dermer will head the delegation to Washington next week.",
        "Ron Dermer, the strategic affairs minister, is to head next week's delegation to Washington.",
        "Next week a delegation goes to Washington.",
    ]
    got = scores(s, variants)
    assert got[0] > got[1] > got[2]
    assert got[0] >= EDITED and got[2] < PARAPHRASE


def test_names_and_numbers_weigh_more_than_story_words():
    s = "Tzachi Hanegbi said 130 hostages remain, Netanyahu told Hamas in Rafah."
    shares_facts = "Hanegbi put the number of hostages still held at 130."
    shares_story = "Netanyahu told Hamas in Rafah that talks had failed."
    facts, story = scores(s, [shares_facts, shares_story])
    assert facts > story
    assert story < DEFAULT_THRESHOLD


def test_scores_are_symmetric():
    s = "Ron Dermer will lead the delegation to Washington next week."
    v = "Dermer is to head next week's delegation to Washington."
    a = plain_doc(s + "\n")
    b = plain_doc(v + "\n")
    pf = build_features(a, b)
    pg = build_features(b, a)
    assert score_units(pf.a[0], pf.b[0], pf.weights) == score_units(pg.a[0], pg.b[0], pg.weights)


def test_batch_scores_equal_one_by_one_scores():
    # score_pairs is score_units in a loop, with a shortcut for pairs too unequal in weight:
    # every float must be the same, with and without a minimum overlap.
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    a = plain_doc(seeds[0].read_text(encoding="utf-8"))
    b = plain_doc(seeds[3].read_text(encoding="utf-8") + "\n\n" + "\n\n".join(CONTEXT) + "\n")
    pf = build_features(a, b)
    pairs = [(i, j) for i in pf.a for j in pf.b]
    for min_dice in (0.0, 0.2, 0.5):
        one_by_one = [score_units(pf.a[i], pf.b[j], pf.weights, min_dice) for i, j in pairs]
        assert score_pairs(pf.a, pf.b, pairs, pf.weights, min_dice) == one_by_one
        if min_dice < 0.5:  # real work: scores between 0 and 1, and pairs cut by the minimum
            assert any(0.0 < s < 1.0 for s in one_by_one)
        if min_dice > 0.0:
            assert one_by_one.count(0.0) > len(pairs) // 2
