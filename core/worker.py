"""The second process of a big comparison: it reads B while this process reads A, then computes
half of the word diffs while this process computes the other half.

Everything it returns travels as flat arrays and plain tuples (frozen dataclasses and tuples of
ints pickle ten times slower), and everything it computes equals what this process would have
computed (tests compare the two). It forks where that is safe (no other thread: the command
line) and spawns a fresh interpreter under the app's worker thread, where forking could copy a
lock another thread holds. A later stage split over a freshly forked copy was measured and does
not pay (both copies then pay copy-on-write faults on the shared heap); this process has its
own heap, holding B's objects from the first job to the second.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable
from typing import TYPE_CHECKING

from .features import DocWords, PackedWords, PairFeatures, UnitFeatures, doc_words, pack
from .gc_pause import gc_paused
from .model import Document, SourceText, Unit
from .pairs import Diff, Group, diffs, pack_diffs, unpack_diffs

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

#: In the worker: B's Document and words from the first job, for the second (and kept to the
#: end: freeing a book's objects before answering would only delay the answer).
_KEPT: list[tuple[Document, DocWords | None]] = []


def read_b(src: SourceText, words: bool) -> tuple[str | None, str, list[tuple], PackedWords | None]:
    """First job: `pipeline.analyse` of B (and, if `words`, its word ids); the text comes back
    only if it was unwrapped."""
    from .pipeline import analyse

    with gc_paused():
        doc = analyse(src)
        words_b = doc_words(doc) if words else None
        packed = pack(words_b) if words_b is not None else None
    _KEPT.append((doc, words_b))
    text = None if doc.text is src.text else doc.text
    return text, doc.title, [(u.start, u.end, u.kind, u.boilerplate, u.reason) for u in doc.units], packed


def _diff_job(a_text: str, a_units: tuple, b_key_map: array, key_names: list[str], groups: list[Group]):
    """Second job: the diffs of `groups`, with A's units as sent and B's from the first job
    (B's key ids renumbered into the first process's, so keys compare as they do there)."""
    doc_b, words_b = _KEPT[-1]
    assert words_b is not None
    xs, starts, ends, plain, kids, kids_end, lengths, lengths_end = a_units
    units_a: dict[int, Unit] = {}
    feats_a: dict[int, UnitFeatures] = {}
    k0 = n0 = 0
    for x, s, e, p, k1, n1 in zip(xs, starts, ends, plain, kids_end, lengths_end):
        units_a[x] = Unit(s, e, "sentence")
        feats_a[x] = UnitFeatures((), frozenset(), 0.0, bool(p), tuple(kids[k0:k1]), tuple(lengths[n0:n1]))
        k0, n0 = k1, n1
    kid = b_key_map.__getitem__
    feats_b = {}
    for _, gb, _ in groups:
        for y in gb:
            _, _, p, ks, ls = words_b.raw[y]
            feats_b[y] = UnitFeatures((), frozenset(), 0.0, p, tuple(map(kid, ks)), ls)
    doc_a = Document(source="", path="", text=a_text, title="", units=units_a)  # type: ignore[arg-type]
    pf = PairFeatures(feats_a, feats_b, [], [], [], key_names)
    with gc_paused():
        return pack_diffs(diffs(doc_a, doc_b, pf, groups))


def _a_units(doc_a: Document, pf: PairFeatures, groups: list[Group]) -> tuple:
    xs = sorted({x for ga, _, _ in groups for x in ga})
    feats = [pf.a[x] for x in xs]
    units = [doc_a.units[x] for x in xs]
    return (
        array("i", xs), array("i", [u.start for u in units]), array("i", [u.end for u in units]),
        bytes([f.plain for f in feats]),
        array("i", [k for f in feats for k in f.kids]), array("i", _running([len(f.kids) for f in feats])),
        array("i", [n for f in feats for n in f.lengths]), array("i", _running([len(f.lengths) for f in feats])),
    )


def _running(ns: list[int]) -> list[int]:
    out, total = [], 0
    for n in ns:
        total += n
        out.append(total)
    return out


def pool_context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # here, not at import: 15 ms the app's first paint does not need

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class Worker:
    """One second process for one comparison; `None` from `start` where there can be none."""

    def __init__(self, pool, job: Future) -> None:
        self._pool = pool
        self._job = job
        self._b_keys: list[str] = []

    @classmethod
    def start(cls, b: SourceText, words: bool, context: Callable[[], object] = pool_context) -> Worker | None:
        try:
            from concurrent.futures import ProcessPoolExecutor  # only big inputs pay for the import

            pool = ProcessPoolExecutor(1, mp_context=context())
            return cls(pool, pool.submit(read_b, b, words))
        except (ImportError, OSError, RuntimeError, ValueError):  # no processes (sandbox, no sem_open)
            return None

    def document_b(self, b: SourceText) -> tuple[Document, PackedWords | None] | None:
        """B's Document and packed words from the first job; None if the process failed."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            text, title, packed, words = self._job.result()
        except (BrokenProcessPool, OSError, RuntimeError, EOFError):
            return None
        if words is not None:
            self._b_keys = words.keys
        units = tuple(Unit(*t) for t in packed)
        doc = Document(source=b.source, path=b.path, text=b.text if text is None else text, title=title, units=units)
        return doc, words

    def offload(self, doc_a: Document, doc_b: Document, pf: PairFeatures) -> Callable[[list[Group]], Callable[[], list[Diff]]]:
        """A `pairs.Offload`: sends A's side of the groups, returns a function waiting for the
        diffs (computed here instead if the second process fails)."""
        index = {k: i for i, k in enumerate(pf.key_names)}
        b_key_map = array("i", map(index.__getitem__, self._b_keys))

        def send(groups: list[Group]) -> Callable[[], list[Diff]]:
            try:
                job = self._pool.submit(_diff_job, doc_a.text, _a_units(doc_a, pf, groups), b_key_map, pf.key_names, groups)
            except (OSError, RuntimeError):
                return lambda: diffs(doc_a, doc_b, pf, groups)

            def wait() -> list[Diff]:
                try:
                    return unpack_diffs(*job.result())
                except Exception:  # the second process failed: same diffs, computed here
                    return diffs(doc_a, doc_b, pf, groups)

            return wait

        return send

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
