"""Recall without false pairs: neighbourhood evidence (core.context) lets a weakly worded sentence
pair when it sits between its run's confident pairs, and only then."""

from __future__ import annotations

from rafahdiff.core.align import align
from rafahdiff.core.features import build_features
from rafahdiff.core.score import CONTEXT_RELIEF, DEFAULT_THRESHOLD, score_units
from tests.align_helpers import aligned, check_structure, pair_of, plain_doc, unit_with

# A story told twice, sentence by sentence, in different words (every pair clears the threshold).
A_RUN = [
    "Israeli plans for a ground invasion of Rafah are on hold as officials work to reschedule a meeting.",
    "The Biden administration expects that there will be no assault on Rafah until after the meeting.",
    "No date for the talks has been set, national security spokesman John Kirby said.",
    "Defense Secretary Lloyd Austin implored Yoav Gallant to find alternatives that would avoid more casualties.",
    "The death toll in Gaza has topped 32,000, according to Palestinian figures.",
    "Talks in Qatar on a truce in exchange for the release of hostages remain deadlocked.",
]
B_RUN = [
    "Plans for an Israeli ground invasion of Rafah have been put on hold while officials reschedule a meeting.",
    "The Biden administration does not expect an assault on Rafah before the meeting takes place.",
    "A date for the talks has not yet been set, said national security spokesman John Kirby.",
    "Defense Secretary Lloyd Austin urged Yoav Gallant to find alternatives to avoid more casualties.",
    "According to Palestinian figures, the death toll in Gaza has topped 32,000.",
    "Talks in Qatar on a truce in exchange for hostages remain deadlocked.",
]
# The same fact told in few shared words (seed 001 vs a reworded 004-style sentence).
WEAK_A = "The White House confirmed on Wednesday that Netanyahu agreed to reschedule the meeting."
WEAK_B = "A day later, he sent messages to the White House asking for a new meeting date."
# Too little in common even with context: stays apart.
TOO_WEAK_B = "Netanyahu's office later sent messages to Washington asking to reschedule."


def text(sents: list[str]) -> str:
    return "\n\n".join(sents) + "\n"


def weak_score(text_a: str, text_b: str, wb: str) -> float:
    a, b = plain_doc(text_a), plain_doc(text_b)
    pf = build_features(a, b)
    return score_units(pf.a[unit_with(a, WEAK_A[:30])], pf.b[unit_with(b, wb[:30])], pf.weights)


def test_weak_sentence_inside_a_confident_run_pairs_as_related():
    ta = text(A_RUN[:3] + [WEAK_A] + A_RUN[3:])
    tb = text(B_RUN[:3] + [WEAK_B] + B_RUN[3:])
    s = weak_score(ta, tb, WEAK_B)
    # The premise: alone this pair would not clear the threshold, but it is within the relief.
    assert DEFAULT_THRESHOLD - CONTEXT_RELIEF <= s < DEFAULT_THRESHOLD
    a, b, pairs = aligned(ta, tb)
    p = pair_of(pairs, "a", unit_with(a, WEAK_A[:30]))
    assert p is not None and p.b == (unit_with(b, WEAK_B[:30]),)
    assert p.relation == "related" and not p.moved
    assert len(pairs) == len(A_RUN) + 1


def test_same_weak_pair_away_from_the_run_stays_apart():
    # Same sentences, same vocabulary, same score: but A's copy opens the article and B's closes it.
    ta = text([WEAK_A] + A_RUN)
    tb = text(B_RUN + [WEAK_B])
    s = weak_score(ta, tb, WEAK_B)
    assert DEFAULT_THRESHOLD - CONTEXT_RELIEF <= s < DEFAULT_THRESHOLD
    a, b, pairs = aligned(ta, tb)
    assert pair_of(pairs, "a", unit_with(a, WEAK_A[:30])) is None
    assert len(pairs) == len(A_RUN)


def test_context_does_not_lower_the_bar_without_limit():
    ta = text(A_RUN[:3] + [WEAK_A] + A_RUN[3:])
    tb = text(B_RUN[:3] + [TOO_WEAK_B] + B_RUN[3:])
    assert weak_score(ta, tb, TOO_WEAK_B) < DEFAULT_THRESHOLD - CONTEXT_RELIEF
    a, b, pairs = aligned(ta, tb)
    assert pair_of(pairs, "a", unit_with(a, WEAK_A[:30])) is None


def test_a_merely_related_pair_does_not_vouch_for_its_neighbour():
    # The weak sentence closes the story; the pair before it only just clears the threshold.
    ta = text(A_RUN[:3] + [WEAK_A])
    tb = text(B_RUN[:2] + ["No day has been fixed yet, John Kirby told reporters.", WEAK_B])
    a, b = plain_doc(ta), plain_doc(tb)
    pf = build_features(a, b)
    before = score_units(pf.a[unit_with(a, "No date")], pf.b[unit_with(b, "No day")], pf.weights)
    assert DEFAULT_THRESHOLD <= before < DEFAULT_THRESHOLD + CONTEXT_RELIEF
    assert weak_score(ta, tb, WEAK_B) >= DEFAULT_THRESHOLD - CONTEXT_RELIEF
    pairs = align(a, b)
    check_structure(a, b, pairs)
    assert pair_of(pairs, "a", unit_with(a, "No date")) is not None
    assert pair_of(pairs, "a", unit_with(a, WEAK_A[:30])) is None


def test_context_pairs_mirror_when_a_and_b_swap():
    ta = text(A_RUN[:3] + [WEAK_A] + A_RUN[3:])
    tb = text(B_RUN[:3] + [WEAK_B] + B_RUN[3:])
    a, b = plain_doc(ta), plain_doc(tb)
    fwd = align(a, b)
    back = align(b, a)
    assert {(p.a, p.b, p.score, p.relation) for p in fwd} == {(p.b, p.a, p.score, p.relation) for p in back}
