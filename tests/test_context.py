"""Neighbourhood evidence (core.context): a weakly reworded sentence next to a confident run pairs
below the threshold; the run may be a moved block, but a lone moved pair vouches for no one."""

from __future__ import annotations

from rafahdiff.core.features import build_features
from rafahdiff.core.score import CONTEXT_RELIEF, DEFAULT_THRESHOLD, score_units
from tests.align_helpers import aligned, check_structure, pair_of, unit_with
from tests.test_align_synthetic import S, text

# S[6] ("The death toll in Gaza has topped 32,000 ...") told in other words: below the threshold
# alone, above it less CONTEXT_RELIEF.
SPUN = "More than 32,000 people have died in Gaza, health officials there say."


def _weak_but_within_relief(a, b, i, j) -> None:
    pf = build_features(a, b)
    s = score_units(pf.a[i], pf.b[j], pf.weights)
    assert DEFAULT_THRESHOLD - CONTEXT_RELIEF <= s < DEFAULT_THRESHOLD


def test_the_reworded_end_of_a_moved_block_pairs_by_context():
    # B tells S[4:7] first (a moved block of three), the last one reworded.
    a, b, pairs = aligned(text(S), text([S[4], S[5], SPUN] + S[:4] + S[7:]))
    check_structure(a, b, pairs)
    i, j = unit_with(a, "death toll"), unit_with(b, SPUN[:20])
    _weak_but_within_relief(a, b, i, j)
    assert pair_of(pairs, "a", unit_with(a, "Lloyd Austin")).moved
    p = pair_of(pairs, "a", i)
    assert p is not None and p.b == (j,) and p.relation == "related" and p.moved


def test_a_lone_moved_pair_does_not_vouch_for_its_neighbour():
    # Only S[5] moved with the reworded S[6] after it: no run, so no context pair.
    a, b, pairs = aligned(text(S), text([S[5], SPUN] + S[:5] + S[7:]))
    i, j = unit_with(a, "death toll"), unit_with(b, SPUN[:20])
    _weak_but_within_relief(a, b, i, j)
    assert pair_of(pairs, "a", unit_with(a, "Lloyd Austin")).moved
    assert pair_of(pairs, "a", i) is None


def test_the_reworded_sentence_after_an_in_order_run_pairs_by_context():
    a, b, pairs = aligned(text(S), text(S[:6] + [SPUN] + S[7:]))
    i, j = unit_with(a, "death toll"), unit_with(b, SPUN[:20])
    _weak_but_within_relief(a, b, i, j)
    p = pair_of(pairs, "a", i)
    assert p is not None and p.b == (j,) and not p.moved
