"""The engine's stages wired together: segment → classify → score/align → refine → stats.

Each stage lives in its own module and can be run alone; this module only orders them. The
refine step is the one signal only a comparison has: after alignment, a short content line that
found no counterpart in the other text and looks like furniture is marked boilerplate (it only
touches unpaired units, so the pairs stay valid).
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from . import forked_helper
from .align import align
from .features import PackedWords, PairFeatures, doc_words, pair_features, packed_words
from .gc_pause import gc_paused
from .boilerplate import classify, refine_unpaired
from .model import Alignment, Document, SourceText, Unit
from .normalise import mid_capitals
from .reading import MAX_UNITS, shorten, too_many_units
from .score import DEFAULT_THRESHOLD
from .segment import segment
from .stats import compute_stats
from .wrapping import looks_hard_wrapped, unwrap

if TYPE_CHECKING:
    import multiprocessing.context


def _title(text: str, units) -> str:
    """The first content heading, with the headings that follow it on its line (a headline the
    segmenter cut into sentences is one title), else the start of the first content unit."""
    for k, u in enumerate(units):
        if u.boilerplate is None and u.kind == "heading":
            end = u.end
            for v in islice(units, k + 1, None):
                if v.boilerplate is not None or v.kind != "heading" or "\n" in text[end:v.start]:
                    break
                end = v.end
            return text[u.start:end]
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


#: Above this many characters in both texts together, B is segmented, classified and read into
#: word ids in a second process while this one does the same for A. The two are independent and
#: at book length each takes over a second; below this size a process costs more than it saves.
PARALLEL_CHARS = 1_000_000


def _analyse_packed(src: SourceText, words: bool) -> tuple[str | None, str, list[tuple], PackedWords | None]:
    """`analyse` (and, if `words`, `features.packed_words`) in the worker process. Units travel as
    plain tuples (a frozen dataclass pickles twenty times slower), the text only if unwrapped.
    The capitalised words are counted by the caller, which has the text and waits meanwhile."""
    with gc_paused():
        doc = analyse(src)
        dw = packed_words(doc) if words else None
    # The worker exits after this one job: freeing a book's objects first would only delay the
    # answer (by about 40 ms), so they are kept until the process ends.
    _KEPT.append(doc)
    text = None if doc.text is src.text else doc.text
    return text, doc.title, [(u.start, u.end, u.kind, u.boilerplate, u.reason) for u in doc.units], dw


_KEPT: list[object] = []


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (no other thread: the CLI), else spawn (the app's worker thread:
    forking a threaded process can copy a lock another thread holds)."""
    import multiprocessing  # here, not at import: 15 ms the app's first paint does not need

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_memory_capped = forked_helper.memory_capped  # B's second process is refused under a cap too


def _stop(pool) -> None:
    """Ends the worker now: a pool left to finish (or to die of the same memory shortage) makes
    shutdown, and the interpreter's exit, wait for it."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except (OSError, AttributeError, ValueError):
            pass
    try:
        pool.shutdown(wait=False, cancel_futures=True)
    except (OSError, RuntimeError):
        pass


def analyse_pair(a: SourceText, b: SourceText, parallel: bool | None = None) -> tuple[Document, Document]:
    """`analyse` of both texts: B in a second process when `parallel` (default: when the texts
    are big and the machine has a second core). Same Documents either way; if the second process
    cannot be used (no fork/spawn, a broken pool), B is analysed here."""
    doc_a, doc_b, _ = _prepare(a, b, parallel, words=False)
    return doc_a, doc_b


def _prepare(
    a: SourceText, b: SourceText, parallel: bool | None, words: bool
) -> tuple[Document, Document, PairFeatures | None]:
    """Both Documents, and (if `words` and run in parallel) the matching features, B's half made
    in the second process. Without a second process the features are left to `align`."""
    if parallel is None:
        parallel = (len(a.text) + len(b.text) >= PARALLEL_CHARS and (os.cpu_count() or 1) > 1
                    and not _memory_capped())
    if not parallel:
        return analyse(a), analyse(b), None
    try:
        from concurrent.futures import ProcessPoolExecutor  # only big inputs pay for the import
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(1, mp_context=_pool_context())
        job = pool.submit(_analyse_packed, b, words)
    except (ImportError, OSError, RuntimeError, ValueError):  # no processes here (sandbox, no sem_open)
        return analyse(a), analyse(b), None
    try:
        doc_a = analyse(a)
        wa = doc_words(doc_a) if words else None
        caps_b = Counter(mid_capitals(b.text)) if words else None
        try:
            text, title, packed, wb = job.result()
        except (BrokenProcessPool, OSError, RuntimeError, EOFError):
            _stop(pool)
            return doc_a, analyse(b), None
    except BaseException:
        _stop(pool)  # out of memory, interrupted, refused input: nothing may wait for the worker
        raise
    pool.shutdown(wait=True)
    units = tuple(Unit(*t) for t in packed)
    doc_b = Document(source=b.source, path=b.path, text=b.text if text is None else text, title=title, units=units)
    if wa is None or wb is None:
        return doc_a, doc_b, None
    if text is not None:  # unwrapped: line breaks became spaces, which mid_capitals reads
        caps_b = Counter(mid_capitals(text))
    return doc_a, doc_b, pair_features(wa, replace(wb, caps=caps_b))


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
    `parallel`: whether B is read in a second process (None: decided by size, `PARALLEL_CHARS`);
    False also keeps `align` from forking a helper (`align.align`).
    """
    with gc_paused():
        return _compare(a, b, threshold, parallel)


def _compare(a: SourceText, b: SourceText | None, threshold: float, parallel: bool | None) -> Alignment:
    if b is None:
        doc_a, doc_b, pf = analyse(a), None, None
    else:
        doc_a, doc_b, pf = _prepare(a, b, parallel, words=True)
    # At book length `align` shares its loops with a forked helper (none if `parallel` is False).
    pairs = () if doc_b is None else align(doc_a, doc_b, threshold, features=pf, parallel=parallel)
    if doc_b is not None:
        doc_a = _refined(doc_a, {i for p in pairs for i in p.a})
        doc_b = _refined(doc_b, {j for p in pairs for j in p.b})
    return Alignment(a=doc_a, b=doc_b, pairs=pairs, stats=compute_stats(doc_a, doc_b, pairs), threshold=threshold)
