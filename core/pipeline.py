"""The engine's stages wired together: segment → classify → score/align → refine → stats.

Each stage lives in its own module and can be run alone; this module only orders them. The
refine step is the one signal only a comparison has: after alignment, a short content line that
found no counterpart in the other text and looks like furniture is marked boilerplate (it only
touches unpaired units, so the pairs stay valid).
"""

from __future__ import annotations


from .align import align
from .gc_pause import gc_paused
from .boilerplate import classify, refine_unpaired
from .model import Alignment, Document, SourceText
from .reading import MAX_UNITS, shorten, too_many_units
from .score import DEFAULT_THRESHOLD
from .segment import segment
from .stats import compute_stats


def _title(text: str, units) -> str:
    for u in units:
        if u.boilerplate is None and u.kind == "heading":
            return text[u.start:u.end]
    for u in units:
        if u.boilerplate is None:
            return text[u.start:u.end][:120]
    return ""


def analyse(src: SourceText) -> Document:
    """Segment and classify one article."""
    spans = segment(src.text)
    if len(spans) > MAX_UNITS:  # memory grows with units: refuse before classifying
        raise too_many_units(shorten(src.source), len(spans), MAX_UNITS)
    units = tuple(classify(src.text, spans))
    return Document(source=src.source, path=src.path, text=src.text, title=_title(src.text, units), units=units)


def _refined(doc: Document, paired: set[int]) -> Document:
    units = refine_unpaired(doc.text, doc.units, paired)
    if units is doc.units:
        return doc
    return Document(source=doc.source, path=doc.path, text=doc.text, title=doc.title, units=units)


def compare(a: SourceText, b: SourceText | None = None, threshold: float = DEFAULT_THRESHOLD) -> Alignment:
    """The whole engine: one immutable Alignment for one or two articles.

    The cyclic GC is paused meanwhile (as in `align`): segmenting and classifying a book builds
    hundreds of thousands of acyclic objects, and the collections they trigger find nothing.
    """
    with gc_paused():
        return _compare(a, b, threshold)


def _compare(a: SourceText, b: SourceText | None, threshold: float) -> Alignment:
    doc_a = analyse(a)
    doc_b = analyse(b) if b is not None else None
    pairs = align(doc_a, doc_b, threshold) if doc_b is not None else ()
    if doc_b is not None:
        doc_a = _refined(doc_a, {i for p in pairs for i in p.a})
        doc_b = _refined(doc_b, {j for p in pairs for j in p.b})
    return Alignment(a=doc_a, b=doc_b, pairs=pairs, stats=compute_stats(doc_a, doc_b, pairs), threshold=threshold)
