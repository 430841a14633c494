"""Helpers for the alignment tests: documents from plain sentences, units found by their text."""

from __future__ import annotations

from rafahdiff.core.align import align
from rafahdiff.core.model import Document, Pair, Unit
from rafahdiff.core.segment import segment


def plain_doc(text: str, name: str = "t") -> Document:
    """All units content: synthetic perturbations test the engine, not the boilerplate detector."""
    units = tuple(Unit(s.start, s.end, s.kind) for s in segment(text))
    return Document(source=name, path=name, text=text, title=name, units=units)


def unit_with(doc: Document, snippet: str) -> int:
    """Index of the one unit containing `snippet` (tests never rely on unit numbering)."""
    hits = [i for i in range(len(doc.units)) if snippet in doc.unit_text(i)]
    assert len(hits) == 1, (snippet, hits)
    return hits[0]


def pair_of(pairs: tuple[Pair, ...], side: str, unit: int) -> Pair | None:
    for p in pairs:
        if unit in (p.a if side == "a" else p.b):
            return p
    return None


def check_structure(a: Document, b: Document, pairs: tuple[Pair, ...]) -> None:
    """The promises every caller relies on, whatever the input."""
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for p in pairs:
        assert p.a and p.b
        for i in p.a:
            assert i not in seen_a and a.units[i].boilerplate is None
            seen_a.add(i)
        for j in p.b:
            assert j not in seen_b and b.units[j].boilerplate is None
            seen_b.add(j)
        assert 0.0 <= p.score <= 1.0
        assert p.relation in ("identical", "edited", "paraphrase", "related")
        assert (p.relation == "identical") == (p.score == 1.0)
        lo_a, hi_a = a.units[p.a[0]].start, a.units[p.a[-1]].end
        lo_b, hi_b = b.units[p.b[0]].start, b.units[p.b[-1]].end
        for op in p.ops:
            assert lo_a <= op.a_start <= op.a_end <= hi_a and lo_b <= op.b_start <= op.b_end <= hi_b
    # rows.py relies on this: the non-moved pairs read in the same order on both sides.
    kept = sorted((p for p in pairs if not p.moved), key=lambda p: p.a[0])
    for x, y in zip(kept, kept[1:]):
        assert x.a[-1] < y.a[0] and x.b[-1] < y.b[0], (x, y)


def aligned(text_a: str, text_b: str) -> tuple[Document, Document, tuple[Pair, ...]]:
    a, b = plain_doc(text_a, "a"), plain_doc(text_b, "b")
    pairs = align(a, b)
    check_structure(a, b, pairs)
    return a, b, pairs
