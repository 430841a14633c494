"""Word-level edit operations inside a pair, so views can highlight exactly the changed words."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from rapidfuzz.distance import Levenshtein

from .model import WordOp
from .normalise import tokens_with_spans


#: Above this many word pairs (runaway units), only the common head and tail are diffed.
MAX_DIFF_CELLS = 10**8


def _opcodes(a: Sequence, b: Sequence) -> list[tuple[str, int, int, int, int]]:
    na, nb = len(a), len(b)
    if na * nb <= MAX_DIFF_CELLS:
        return Levenshtein.opcodes(a, b).as_list()
    p = 0
    while p < na and p < nb and a[p] == b[p]:
        p += 1
    q = 0
    while q < na - p and q < nb - p and a[na - 1 - q] == b[nb - 1 - q]:
        q += 1
    out = [("equal", 0, p, 0, p)] if p else []
    ma, mb = na - q, nb - q
    if ma > p or mb > p:
        tag = "replace" if ma > p and mb > p else ("delete" if ma > p else "insert")
        out.append((tag, p, ma, p, mb))
    if q:
        out.append(("equal", ma, na, mb, nb))
    return out


def ops_from_tokens(
    a_keys: Sequence[str], a_starts: Sequence[int], a_ends: Sequence[int], a_anchor: int,
    b_keys: Sequence[str], b_starts: Sequence[int], b_ends: Sequence[int], b_anchor: int,
) -> tuple[WordOp, ...]:
    """difflib-compatible opcodes over already tokenised words (keys compared, offsets reported).

    `*_anchor` is the offset used for an empty side (a unit without words).
    """
    if not a_keys and not b_keys:
        return ()
    na, nb = len(a_keys), len(b_keys)

    def at(starts: Sequence[int], ends: Sequence[int], n: int, k: int, anchor: int) -> int:
        if k < n:
            return starts[k]
        return ends[n - 1] if n else anchor

    if a_keys == b_keys:
        return (WordOp("equal", a_starts[0], a_ends[-1], b_starts[0], b_ends[-1]),)
    ops: list[WordOp] = []
    for tag, s1, e1, s2, e2 in _opcodes(a_keys, b_keys):
        a0 = a_starts[s1] if s1 < na else at(a_starts, a_ends, na, s1, a_anchor)
        a1 = a_ends[e1 - 1] if e1 > s1 else a0
        b0 = b_starts[s2] if s2 < nb else at(b_starts, b_ends, nb, s2, b_anchor)
        b1 = b_ends[e2 - 1] if e2 > s2 else b0
        ops.append(WordOp(tag, a0, a1, b0, b1))  # type: ignore[arg-type]
    return tuple(ops)


def ops_from_lengths(
    a_keys: Sequence[int], a_lengths: Sequence[int], a_start: int,
    b_keys: Sequence[int], b_lengths: Sequence[int], b_start: int,
) -> tuple[WordOp, ...]:
    """`ops_from_tokens` for one plain unit a side, from the part lengths of `split_words`
    ([gap, word, gap, …]): word k starts at running sum 2k+1 and ends at 2k+2. Offsets are read
    only at the ops' edges, so a long sentence costs one C-level running sum, not two lists."""
    na, nb = len(a_keys), len(b_keys)
    if not na and not nb:
        return ()
    pa = list(accumulate(a_lengths, initial=a_start))
    pb = list(accumulate(b_lengths, initial=b_start))
    a_tail = pa[2 * na] if na else a_start  # where an insertion after the last word goes
    b_tail = pb[2 * nb] if nb else b_start
    if a_keys == b_keys:
        return (WordOp("equal", pa[1], a_tail, pb[1], b_tail),)
    ops = []
    for tag, s1, e1, s2, e2 in _opcodes(a_keys, b_keys):
        a0 = pa[2 * s1 + 1] if s1 < na else a_tail
        b0 = pb[2 * s2 + 1] if s2 < nb else b_tail
        ops.append(WordOp(tag, a0, pa[2 * e1] if e1 > s1 else a0, b0, pb[2 * e2] if e2 > s2 else b0))  # type: ignore[arg-type]
    return tuple(ops)


def _tokenise(text: str, ranges: list[tuple[int, int]]) -> tuple[list[str], list[int], list[int]]:
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in ranges:
        for k, s, e in tokens_with_spans(text[start:end], start):
            keys.append(k)
            starts.append(s)
            ends.append(e)
    return keys, starts, ends


def word_ops(
    a_text: str, a_ranges: list[tuple[int, int]], b_text: str, b_ranges: list[tuple[int, int]]
) -> tuple[WordOp, ...]:
    """difflib-compatible opcodes over the word tokens of the given character ranges.

    Words are compared by their folded key, so `U.S.`/`United States` or curly/straight
    quotes are `equal`; the ranges of a split or merged pair are read as one word sequence.
    """
    ak, as_, ae = _tokenise(a_text, a_ranges)
    bk, bs, be = _tokenise(b_text, b_ranges)
    return ops_from_tokens(
        ak, as_, ae, a_ranges[0][0] if a_ranges else 0, bk, bs, be, b_ranges[0][0] if b_ranges else 0
    )
