"""Word-level edit operations inside a pair, so views can highlight exactly the changed words."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .model import WordOp
from .normalise import tokens, word_spans


def _words(text: str, ranges: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[str]]:
    spans: list[tuple[int, int]] = []
    keys: list[str] = []
    for start, end in ranges:
        for s, e in word_spans(text[start:end], start):
            spans.append((s, e))
            toks = tokens(text[s:e])
            keys.append(toks[0] if toks else text[s:e].lower())
    return spans, keys


def word_ops(a_text: str, a_ranges: list[tuple[int, int]], b_text: str, b_ranges: list[tuple[int, int]]) -> tuple[WordOp, ...]:
    """difflib-compatible opcodes over the word tokens of the given character ranges.

    Words are compared by their folded key, so `U.S.`/`US` or curly/straight quotes are `equal`.
    """
    a_spans, a_keys = _words(a_text, a_ranges)
    b_spans, b_keys = _words(b_text, b_ranges)
    if not a_spans and not b_spans:
        return ()
    vocab: dict[str, int] = {}
    a_ids = [vocab.setdefault(k, len(vocab)) for k in a_keys]
    b_ids = [vocab.setdefault(k, len(vocab)) for k in b_keys]
    ops: list[WordOp] = []

    def a_at(i: int) -> int:
        if i < len(a_spans):
            return a_spans[i][0]
        return a_spans[-1][1] if a_spans else (a_ranges[0][0] if a_ranges else 0)

    def b_at(j: int) -> int:
        if j < len(b_spans):
            return b_spans[j][0]
        return b_spans[-1][1] if b_spans else (b_ranges[0][0] if b_ranges else 0)

    for op in Levenshtein.opcodes(a_ids, b_ids):
        a0 = a_at(op.src_start)
        a1 = a_spans[op.src_end - 1][1] if op.src_end > op.src_start else a0
        b0 = b_at(op.dest_start)
        b1 = b_spans[op.dest_end - 1][1] if op.dest_end > op.dest_start else b0
        ops.append(WordOp(op.tag, a0, a1, b0, b1))  # type: ignore[arg-type]
    return tuple(ops)
