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
    if a_keys == b_keys:
        return (WordOp("equal", a_starts[0], a_ends[-1], b_starts[0], b_ends[-1]),)
    # Word k starts at sa[k], where sa[n] is the tail (after the last word, or the anchor), and
    # word k-1 ends at ea[k].
    sa = [*a_starts, a_ends[-1] if a_ends else a_anchor]
    sb = [*b_starts, b_ends[-1] if b_ends else b_anchor]
    ea = [a_anchor, *a_ends]
    eb = [b_anchor, *b_ends]
    return _ops(_opcodes(a_keys, b_keys), sa, ea, sb, eb)


def _ops(opcodes: list, sa: list[int], ea: list[int], sb: list[int], eb: list[int]) -> tuple[WordOp, ...]:
    new = tuple.__new__  # WordOp(...) without the NamedTuple's Python-level __new__
    return tuple([
        new(WordOp, (tag, sa[s1], ea[e1] if e1 > s1 else sa[s1], sb[s2], eb[e2] if e2 > s2 else sb[s2]))
        for tag, s1, e1, s2, e2 in opcodes
    ])


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
    # Word k starts at sa[k] (sa[n]: the tail) and word k-1 ends at ea[k].
    sa, sb = pa[1::2], pb[1::2]
    sa[-1], sb[-1] = a_tail, b_tail
    return _ops(_opcodes(a_keys, b_keys), sa, pa[::2], sb, pb[::2])


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
