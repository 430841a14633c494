"""Scoring: how strongly two units say the same thing, calibrated to [0, 1].

Baseline scorer (to be replaced by the full engine): word-token similarity on folded tokens.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .normalise import tokens

#: Pairs scoring below this are not reported: the one documented pair/no-pair setting.
DEFAULT_THRESHOLD = 0.45


def similarity(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return max(fuzz.ratio(ta, tb), fuzz.token_sort_ratio(" ".join(ta), " ".join(tb))) / 100.0


def relation_for(score: float, a: str, b: str) -> str:
    if tokens(a) == tokens(b):
        return "identical"
    if score >= 0.8:
        return "edited"
    if score >= 0.6:
        return "paraphrase"
    return "related"
