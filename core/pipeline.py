"""The engine's stages wired together: segment → classify → score/align → refine → stats.

Each stage lives in its own module and can be run alone; this module only orders them. The
refine step is the one signal only a comparison has: after alignment, a short content line that
found no counterpart in the other text and looks like furniture is marked boilerplate (it only
touches unpaired units, so the pairs stay valid).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .align import align
from .gc_pause import gc_paused
from .boilerplate import classify, refine_unpaired
from .model import Alignment, Document, SourceText, Unit
from .reading import MAX_UNITS, shorten, too_many_units
from .score import DEFAULT_THRESHOLD
from .segment import segment
from .stats import compute_stats
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


#: Above this many characters in both texts together, B is segmented and classified in a second
#: process while this one does A. The two are independent and at book length each takes about
#: half a second; below this size starting a process costs more than it saves.
PARALLEL_CHARS = 1_000_000


def _analyse_packed(src: SourceText) -> tuple[str | None, str, list[tuple]]:
    """`analyse` in the worker process; units travel as plain tuples (a frozen dataclass
    pickles twenty times slower than a tuple), the text only if it was unwrapped."""
    with gc_paused():
        doc = analyse(src)
    text = None if doc.text is src.text else doc.text
    return text, doc.title, [(u.start, u.end, u.kind, u.boilerplate, u.reason) for u in doc.units]


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (no other thread: the CLI), else spawn (the app's worker thread:
    forking a threaded process can copy a lock another thread holds)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def analyse_pair(a: SourceText, b: SourceText, parallel: bool | None = None) -> tuple[Document, Document]:
    """`analyse` of both texts: B in a second process when `parallel` (default: when the texts
    are big and the machine has a second core). Same Documents either way; if the second process
    cannot be used (no fork/spawn, a broken pool), B is analysed here."""
    if parallel is None:
        parallel = len(a.text) + len(b.text) >= PARALLEL_CHARS and (os.cpu_count() or 1) > 1
    if not parallel:
        return analyse(a), analyse(b)
    try:
        pool = ProcessPoolExecutor(1, mp_context=_pool_context())
        job = pool.submit(_analyse_packed, b)
    except (OSError, RuntimeError, ValueError):  # no processes here (sandbox, limits)
        return analyse(a), analyse(b)
    try:
        doc_a = analyse(a)
        try:
            text, title, packed = job.result()
        except (BrokenProcessPool, OSError, RuntimeError, EOFError):
            return doc_a, analyse(b)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    units = tuple(Unit(*t) for t in packed)
    return doc_a, Document(source=b.source, path=b.path, text=b.text if text is None else text, title=title, units=units)


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
    `parallel` is passed to `analyse_pair` (None: decided by size).
    """
    with gc_paused():
        return _compare(a, b, threshold, parallel)


def _compare(a: SourceText, b: SourceText | None, threshold: float, parallel: bool | None) -> Alignment:
    if b is None:
        doc_a, doc_b = analyse(a), None
    else:
        doc_a, doc_b = analyse_pair(a, b, parallel)
    pairs = align(doc_a, doc_b, threshold) if doc_b is not None else ()
    if doc_b is not None:
        doc_a = _refined(doc_a, {i for p in pairs for i in p.a})
        doc_b = _refined(doc_b, {j for p in pairs for j in p.b})
    return Alignment(a=doc_a, b=doc_b, pairs=pairs, stats=compute_stats(doc_a, doc_b, pairs), threshold=threshold)
