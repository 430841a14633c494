"""Alignment: choose which units of A and B form pairs, and which pairs break the common order.

Baseline aligner (to be replaced by the full engine): greedy best-score matching of content units.
"""

from __future__ import annotations

from bisect import bisect_left

from .model import Document, Pair
from .score import DEFAULT_THRESHOLD, relation_for, similarity
from .wordiff import word_ops


def moved_flags(pairs: list[tuple[int, int]]) -> list[bool]:
    """Mark pairs outside a longest increasing subsequence (by A position, then B position)."""
    order = sorted(range(len(pairs)), key=lambda k: pairs[k][0])
    seq = [pairs[k][1] for k in order]
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(seq)
    for i, v in enumerate(seq):
        pos = bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_idx.append(i)
        else:
            tails[pos] = v
            tails_idx[pos] = i
        prev[i] = tails_idx[pos - 1] if pos else -1
    keep = set()
    i = tails_idx[-1] if tails_idx else -1
    while i >= 0:
        keep.add(order[i])
        i = prev[i]
    return [k not in keep for k in range(len(pairs))]


def align(a: Document, b: Document, threshold: float = DEFAULT_THRESHOLD) -> tuple[Pair, ...]:
    ai = a.content_indices
    bi = b.content_indices
    cands = []
    for i in ai:
        ta = a.unit_text(i)
        for j in bi:
            s = similarity(ta, b.unit_text(j))
            if s >= threshold:
                cands.append((s, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for s, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        chosen.append((i, j, s))
    chosen.sort()
    moved = moved_flags([(i, j) for i, j, _ in chosen])
    pairs = []
    for (i, j, s), mv in zip(chosen, moved):
        ua, ub = a.units[i], b.units[j]
        pairs.append(Pair(
            a=(i,), b=(j,), score=round(s, 4), relation=relation_for(s, a.unit_text(i), b.unit_text(j)),  # type: ignore[arg-type]
            moved=mv, ops=word_ops(a.text, [(ua.start, ua.end)], b.text, [(ub.start, ub.end)]),
        ))
    return tuple(pairs)
