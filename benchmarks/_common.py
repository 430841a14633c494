"""Shared helpers for the engine benchmarks: plain-text Documents, passages, PAN's plagdet."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rafahdiff.core.model import Document, Pair, Unit
from rafahdiff.core.segment import segment
from rafahdiff.core.wrapping import looks_hard_wrapped, unwrap

ROOT = Path(__file__).resolve().parents[1]
BENCH_DATA = ROOT.parent / "shared" / "bench-data"
PAN = BENCH_DATA / "pan13-train-sample"


def plain_document(text: str, name: str = "") -> Document:
    """A Document of plain prose: every unit is content (no web-page furniture to detect).

    Read as `pipeline.analyse` reads it: hard-wrapped prose is unwrapped for segmentation
    (`core.wrapping`; same length, so offsets stay those of the original text).
    """
    seg_text = unwrap(text) if looks_hard_wrapped(text) else text
    units = tuple(Unit(s.start, s.end, s.kind) for s in segment(seg_text))
    return Document(source=name, path=name, text=seg_text, title=name, units=units)


@dataclass(frozen=True, slots=True)
class Passage:
    """A reused passage: character ranges [a0, a1) in A and [b0, b1) in B."""

    a0: int
    a1: int
    b0: int
    b1: int


def passages(a: Document, b: Document, pairs: Sequence[Pair], gap: int = 400, min_chars: int = 0) -> list[Passage]:
    """Runs of aligned units → passages, merging detections that are close in both documents."""
    spans = []
    for p in pairs:
        # From the first to the last shared word: a unit that runs past a passage boundary
        # (a heading glued to the next sentence) does not drag the passage along.
        eq = [op for op in p.ops if op.tag == "equal"]
        if eq:
            spans.append((eq[0].a_start, max(op.a_end for op in eq), min(op.b_start for op in eq), max(op.b_end for op in eq)))
        else:
            spans.append((
                min(a.units[i].start for i in p.a), max(a.units[i].end for i in p.a),
                min(b.units[j].start for j in p.b), max(b.units[j].end for j in p.b),
            ))
    spans.sort()
    out: list[list[int]] = []
    for a0, a1, b0, b1 in spans:
        for cur in reversed(out[-3:]):
            if a0 - cur[1] <= gap and b0 <= cur[3] + gap and b1 >= cur[2] - gap:
                cur[1] = max(cur[1], a1)
                cur[2] = min(cur[2], b0)
                cur[3] = max(cur[3], b1)
                break
        else:
            out.append([a0, a1, b0, b1])
    return [Passage(*c) for c in out if c[1] - c[0] >= min_chars or c[3] - c[2] >= min_chars]


@dataclass(frozen=True)
class Case:
    """A passage in one document pair (the pair's id keeps cases of different pairs apart)."""

    doc: str
    p: Passage


def _overlap(x0: int, x1: int, y0: int, y1: int) -> tuple[int, int] | None:
    lo, hi = max(x0, y0), min(x1, y1)
    return (lo, hi) if lo < hi else None


def _union_len(ranges: Iterable[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(ranges):
        if s > end:
            total += e - s
            end = e
        elif e > end:
            total += e - end
            end = e
    return total


def _detects(s: Passage, r: Passage) -> bool:
    return _overlap(s.a0, s.a1, r.a0, r.a1) is not None and _overlap(s.b0, s.b1, r.b0, r.b1) is not None


def _covered(x: Passage, others: list[Passage]) -> float:
    a_parts, b_parts = [], []
    for o in others:
        if _detects(x, o):
            a_parts.append(_overlap(x.a0, x.a1, o.a0, o.a1))
            b_parts.append(_overlap(x.b0, x.b1, o.b0, o.b1))
    return (_union_len(a_parts) + _union_len(b_parts)) / ((x.a1 - x.a0) + (x.b1 - x.b0))


@dataclass(frozen=True)
class PlagDet:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int


def plagdet(gold: Sequence[Case], found: Sequence[Case]) -> PlagDet:
    """PAN's measure (Potthast et al. 2010): char-level macro precision/recall, granularity."""
    by_doc_g: dict[str, list[Passage]] = {}
    by_doc_f: dict[str, list[Passage]] = {}
    for c in gold:
        by_doc_g.setdefault(c.doc, []).append(c.p)
    for c in found:
        by_doc_f.setdefault(c.doc, []).append(c.p)
    rec = sum(_covered(c.p, by_doc_f.get(c.doc, [])) for c in gold) / len(gold) if gold else 0.0
    prec = sum(_covered(c.p, by_doc_g.get(c.doc, [])) for c in found) / len(found) if found else 0.0
    detected = [sum(_detects(c.p, r) for r in by_doc_f.get(c.doc, [])) for c in gold]
    detected = [d for d in detected if d]
    gran = sum(detected) / len(detected) if detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return PlagDet(prec, rec, gran, f1 / math.log2(1 + gran), len(gold), len(found))


def machine_speed() -> str:
    """A fixed pure-Python loop, timed, so figures from a loaded shared machine can be scaled
    (an idle recent x86 core runs it in about 0.4 s)."""
    import time

    t0, c0 = time.perf_counter(), time.process_time()
    x = 0
    for i in range(10_000_000):
        x += i
    return f"calibration: 10M-step Python loop {time.perf_counter() - t0:.2f} s wall, {time.process_time() - c0:.2f} s cpu"


def median(xs: Sequence[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return (s[n // 2] + s[(n - 1) // 2]) / 2 if n else float("nan")
