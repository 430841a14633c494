"""Word-level highlights inside a pair, from `Pair.ops`, shared by the HTML and text exports.

Changed words are the `replace`/`delete` ranges on A's side and the `replace`/`insert` ranges on
B's side (character offsets into each document's text). Runs separated only by whitespace are
merged so a changed phrase reads as one highlight instead of a row of islands.
"""

from __future__ import annotations

from .model import Pair

_CHANGED = {"a": ("replace", "delete"), "b": ("replace", "insert")}


def changed_spans(pair: Pair, side: str, text: str) -> list[tuple[int, int]]:
    """Sorted, merged [start, end) ranges of `text` (that side's document) the pair marks changed."""
    tags = _CHANGED[side]
    spans = sorted(
        (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        for op in pair.ops
        if op.tag in tags and ((op.a_end > op.a_start) if side == "a" else (op.b_end > op.b_start))
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1]:s].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def pieces(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text[start:end]` cut into (piece, changed) runs along `spans` (which may overrun the unit)."""
    out: list[tuple[str, bool]] = []
    pos = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    return out
