"""Summary figures, computed once from the alignment so every view shows the same numbers."""

from __future__ import annotations

from collections import Counter

from .model import Document, Pair, Stats


def _unit_chars(doc: Document) -> list[int]:
    """Non-whitespace characters of each unit, counted once (the shares below sum subsets)."""
    text = doc.text
    return [len("".join(text[u.start:u.end].split())) for u in doc.units]


def _sum(chars: list[int], idx) -> int:
    return sum(map(chars.__getitem__, idx))


def _share(part: int, whole: int) -> float:
    """Four decimals, but a partial share never becomes exactly 0 or 1: a 2 MB text with one
    sentence dropped must not report 'reused 1.0' beside 'omitted 1 unit'."""
    if not whole:
        return 0.0
    value = round(part / whole, 4)
    if 0 < part < whole:
        return min(max(value, 0.0001), 0.9999)
    return value


def compute_stats(a: Document, b: Document | None, pairs: tuple[Pair, ...]) -> Stats:
    a_content = a.content_indices
    b_content = b.content_indices if b else ()
    paired_a = {i for p in pairs for i in p.a}
    paired_b = {j for p in pairs for j in p.b}
    rel = Counter(p.relation for p in pairs)
    ca = _unit_chars(a)
    cb = _unit_chars(b) if b else []
    a_c = _sum(ca, a_content)
    b_c = _sum(cb, b_content)
    a_all = sum(ca)
    b_all = sum(cb)
    a_reused = _sum(ca, [i for i in a_content if i in paired_a])
    b_reused = _sum(cb, [j for j in b_content if j in paired_b])
    return Stats(
        a_units=len(a.units),
        b_units=len(b.units) if b else 0,
        a_content_units=len(a_content),
        b_content_units=len(b_content),
        a_boilerplate_units=len(a.units) - len(a_content),
        b_boilerplate_units=(len(b.units) - len(b_content)) if b else 0,
        pairs=len(pairs),
        identical=rel["identical"],
        edited=rel["edited"],
        paraphrase=rel["paraphrase"],
        related=rel["related"],
        moved=sum(p.moved for p in pairs),
        added_units=sum(1 for j in b_content if j not in paired_b) if b else 0,
        omitted_units=sum(1 for i in a_content if i not in paired_a) if b else 0,
        a_reused_share=_share(a_reused, a_c) if b else 0.0,
        b_reused_share=_share(b_reused, b_c) if b else 0.0,
        added_share=_share(b_c - b_reused, b_c) if b else 0.0,
        omitted_share=_share(a_c - a_reused, a_c) if b else 0.0,
        a_boilerplate_share=_share(a_all - a_c, a_all),
        b_boilerplate_share=_share(b_all - b_c, b_all) if b else 0.0,
    )
