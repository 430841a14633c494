"""The engine's stages wired together: segment → classify → score/align → refine → stats.

Each stage lives in its own module and can be run alone; this module only orders them. The
refine step is the one signal only a comparison has: after alignment, a short content line that
found no counterpart in the other text and looks like furniture is marked boilerplate (it only
touches unpaired units, so the pairs stay valid).
"""

from __future__ import annotations

import os

from .align import align
from .features import PairFeatures, doc_words, pair_features
from .gc_pause import gc_paused
from .boilerplate import classify, refine_unpaired
from .model import Alignment, Document, SourceText
from .reading import MAX_UNITS, shorten, too_many_units
from .score import DEFAULT_THRESHOLD
from .segment import segment
from .stats import compute_stats
from .worker import Worker, pool_context
from .wrapping import looks_hard_wrapped, unwrap


def _title(text: str, units) -> str:
    for u in units:
        if u.boilerplate is None and u.kind == "heading":
            return text[u.start:u.end]
    for u in units:
        if u.boilerplate is None:
            return text[u.start:u.end][:120]
    return ""


def analyse(src: SourceText) -> Document:
    """Segment and classify one article.

    Hard-wrapped prose (e-mail, PDF copies, Project Gutenberg) is read with its soft line breaks
    as spaces (`wrapping.unwrap`: same length, so every offset still indexes the text as read),
    so a sentence broken over lines is one unit, a paragraph is one line for the boilerplate
    detector, and the views show reflowed sentences.
    """
    text = unwrap(src.text) if looks_hard_wrapped(src.text) else src.text
    spans = segment(text)
    if len(spans) > MAX_UNITS:  # memory grows with units: refuse before classifying
        raise too_many_units(shorten(src.source), len(spans), MAX_UNITS)
    units = tuple(classify(text, spans))
    return Document(source=src.source, path=src.path, text=text, title=_title(text, units), units=units)


#: Above this many characters in both texts together, a second process reads B while this one
#: reads A, then computes half of the word diffs (`worker`). At book length each half takes over
#: a second; below this size starting a process costs more than it saves.
PARALLEL_CHARS = 1_000_000


def analyse_pair(a: SourceText, b: SourceText, parallel: bool | None = None) -> tuple[Document, Document]:
    """`analyse` of both texts: B in a second process when `parallel` (default: when the texts
    are big and the machine has a second core). Same Documents either way; if the second process
    cannot be used (no fork/spawn, a broken pool), B is analysed here."""
    doc_a, doc_b, _, helper = _prepare(a, b, parallel, words=False)
    if helper is not None:
        helper.close()
    return doc_a, doc_b


def _prepare(
    a: SourceText, b: SourceText, parallel: bool | None, words: bool
) -> tuple[Document, Document, PairFeatures | None, Worker | None]:
    """Both Documents and, with a second process, the matching features (B's half made there)
    and the process itself, still open for the word diffs (the caller closes it)."""
    if parallel is None:
        parallel = len(a.text) + len(b.text) >= PARALLEL_CHARS and (os.cpu_count() or 1) > 1
    helper = Worker.start(b, words, _pool_context) if parallel else None
    if helper is None:
        return analyse(a), analyse(b), None, None
    try:
        doc_a = analyse(a)
        wa = doc_words(doc_a) if words else None
        got = helper.document_b(b)
    except BaseException:
        helper.close()
        raise
    if got is None:  # the second process failed: B is read here
        helper.close()
        return doc_a, analyse(b), None, None
    doc_b, wb = got
    pf = pair_features(wa, wb) if wa is not None and wb is not None else None
    return doc_a, doc_b, pf, helper


def _pool_context():
    return pool_context()


def _refined(doc: Document, paired: set[int]) -> Document:
    units = refine_unpaired(doc.text, doc.units, paired)
    if units is doc.units:
        return doc
    return Document(source=doc.source, path=doc.path, text=doc.text, title=doc.title, units=units)


def compare(
    a: SourceText, b: SourceText | None = None, threshold: float = DEFAULT_THRESHOLD, parallel: bool | None = None
) -> Alignment:
    """The whole engine: one immutable Alignment for one or two articles.

    The cyclic GC is paused meanwhile (as in `align`): segmenting and classifying a book builds
    hundreds of thousands of acyclic objects, and the collections they trigger find nothing.
    `parallel`: whether B is read in a second process (None: decided by size, `PARALLEL_CHARS`).
    """
    with gc_paused():
        return _compare(a, b, threshold, parallel)


def _compare(a: SourceText, b: SourceText | None, threshold: float, parallel: bool | None) -> Alignment:
    if b is None:
        doc_a, doc_b, pf, helper = analyse(a), None, None, None
    else:
        doc_a, doc_b, pf, helper = _prepare(a, b, parallel, words=True)
    try:
        offload = helper.offload(doc_a, doc_b, pf) if helper is not None and pf is not None else None
        pairs = align(doc_a, doc_b, threshold, features=pf, offload=offload) if doc_b is not None else ()
    finally:
        if helper is not None:
            helper.close()
    if doc_b is not None:
        doc_a = _refined(doc_a, {i for p in pairs for i in p.a})
        doc_b = _refined(doc_b, {j for p in pairs for j in p.b})
    return Alignment(a=doc_a, b=doc_b, pairs=pairs, stats=compute_stats(doc_a, doc_b, pairs), threshold=threshold)
