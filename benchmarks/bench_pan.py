"""PAN 2013 text alignment on the training sample: plagdet overall and per obfuscation type.

Run: /work/venv/bin/python benchmarks/bench_pan.py [--threshold T] [--limit N]
The suspicious document is A, the source B; every unit is content (Gutenberg prose, no page
furniture). Runs of pairs become passages (`pan_passages`, PAN's extension step: merge pairs close
in both documents; a summary, whose few sentences draw on a long source passage, is merged when
its pairs are close in A and in order in B). Reference (PAN 2013 test corpus 2): best system
0.878, 2013 winner 0.822, PAN baseline 0.422 (verbatim 0.934, random 0.071, translation 0.106,
summary 0.045). `--legacy` scores the plain merging rule (_common.passages) for comparison.
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET

from _common import PAN, Case, Passage, median, passages, plain_document, plagdet

from rafahdiff.core.model import Document, Pair

from rafahdiff.core.align import align
from rafahdiff.core.score import DEFAULT_THRESHOLD


#: Summary merging: consecutive detections close in A merge when in order in B and the B gap is
#: at most this many times the A extent (a summary compresses its source several-fold)...
SUMMARY_RATIO = 20
#: ...and such a merged passage is kept only if at least this many pairs support it.
SUMMARY_MIN_PAIRS = 3
#: A passage made of one pair scoring below this (a merely `related` sentence pair)...
LONE_MIN_SCORE = 0.4
#: ...is kept only if it spans at least this many characters on one side.
LONE_MIN_CHARS = 300


def _spans(a: Document, b: Document, pairs: tuple[Pair, ...]) -> list[tuple[int, int, int, int, float]]:
    """(a0, a1, b0, b1, score) per pair, from the first to the last shared word when there is one
    (as in _common.passages), sorted by A."""
    out = []
    for p in pairs:
        eq = [op for op in p.ops if op.tag == "equal"]
        if eq:
            out.append((eq[0].a_start, max(op.a_end for op in eq), min(op.b_start for op in eq), max(op.b_end for op in eq), p.score))
        else:
            out.append((
                min(a.units[i].start for i in p.a), max(a.units[i].end for i in p.a),
                min(b.units[j].start for j in p.b), max(b.units[j].end for j in p.b), p.score,
            ))
    return sorted(out)


def pan_passages(a: Document, b: Document, pairs: tuple[Pair, ...], gap: int = 400, min_chars: int = 200) -> list[Passage]:
    """Pairs → passages: merge detections close in both documents (or, for a summary, close in A
    and in order in B within SUMMARY_RATIO × the A extent); drop short ones and weak lone pairs.
    A summary merge that too few pairs support is undone: its parts are judged without it."""
    return _passages(_spans(a, b, pairs), gap, min_chars, summaries=True)


def _passages(spans: list[tuple[int, int, int, int, float]], gap: int, min_chars: int, summaries: bool) -> list[Passage]:
    out: list[list] = []  # a0, a1, b0, b1, pairs, best score, merged as a summary, spans
    for a0, a1, b0, b1, s in spans:
        for cur in reversed(out[-3:]):
            if a0 - cur[1] > gap:
                continue
            near_b = b0 <= cur[3] + gap and b1 >= cur[2] - gap
            summary = summaries and b0 >= cur[3] - gap and b0 - cur[3] <= SUMMARY_RATIO * (a1 - cur[0])
            if near_b or summary:
                cur[1], cur[2], cur[3] = max(cur[1], a1), min(cur[2], b0), max(cur[3], b1)
                cur[4] += 1
                cur[5] = max(cur[5], s)
                cur[6] = cur[6] or not near_b
                cur[7].append((a0, a1, b0, b1, s))
                break
        else:
            out.append([a0, a1, b0, b1, 1, s, False, [(a0, a1, b0, b1, s)]])
    keep = []
    for a0, a1, b0, b1, n, best, summary, parts in out:
        if summary and n < SUMMARY_MIN_PAIRS:
            keep += _passages(parts, gap, min_chars, summaries=False)
            continue
        size = max(a1 - a0, b1 - b0)
        if size < min_chars:
            continue
        if n == 1 and best < LONE_MIN_SCORE and size < LONE_MIN_CHARS:
            continue
        keep.append(Passage(a0, a1, b0, b1))
    return keep


def load(limit: int | None) -> list[tuple[str, str, list[Case], object, object]]:
    """(folder, pair id, gold cases, susp Document, src Document) for every pair."""
    out = []
    for folder in sorted(p for p in PAN.iterdir() if p.is_dir() and p.name[:2].isdigit()):
        for x in sorted(folder.glob("*.xml"))[:limit]:
            root = ET.parse(x).getroot()
            susp = root.get("reference")
            src = x.stem[x.stem.index("source"):] + ".txt"
            doc_id = f"{folder.name}/{x.stem}"
            gold = []
            for f in root.iter("feature"):
                if f.get("name") != "plagiarism":
                    continue
                to, tl = int(f.get("this_offset")), int(f.get("this_length"))
                so, sl = int(f.get("source_offset")), int(f.get("source_length"))
                gold.append(Case(doc_id, Passage(to, to + tl, so, so + sl)))
            a = plain_document((PAN / "susp" / susp).read_text(encoding="utf-8"), susp)
            b = plain_document((PAN / "src" / src).read_text(encoding="utf-8"), src)
            out.append((folder.name, doc_id, gold, a, b))
    return out


def run(data, threshold: float, gap: int, min_chars: int, legacy: bool = False) -> float:
    gold_by: dict[str, list[Case]] = {}
    found_by: dict[str, list[Case]] = {}
    times: list[float] = []
    for folder, doc_id, gold, a, b in data:
        t0 = time.perf_counter()
        pairs = align(a, b, threshold)
        times.append(time.perf_counter() - t0)
        gold_by.setdefault(folder, []).extend(gold)
        found = passages(a, b, pairs, gap, min_chars) if legacy else pan_passages(a, b, pairs, gap, min_chars)
        found_by.setdefault(folder, []).extend(Case(doc_id, p) for p in found)
    print(f"threshold={threshold} gap={gap} min_chars={min_chars} passages={'legacy' if legacy else 'pan'}")
    print(f"{'folder':28} {'plagdet':>7} {'prec':>6} {'recall':>6} {'gran':>6} {'cases':>5} {'found':>5}")
    for folder in sorted(gold_by):
        gold, found = gold_by[folder], found_by[folder]
        r = plagdet(gold, found)
        if gold:
            print(f"{folder:28} {r.plagdet:7.3f} {r.precision:6.3f} {r.recall:6.3f} {r.granularity:6.3f} {r.cases:5d} {r.detections:5d}")
        else:
            print(f"{folder:28} {'-':>7} {'-':>6} {'-':>6} {'-':>6} {0:5d} {len(found):5d}  (false passages)")
    r = plagdet([c for g in gold_by.values() for c in g], [c for f in found_by.values() for c in f])
    print(f"{'overall':28} {r.plagdet:7.3f} {r.precision:6.3f} {r.recall:6.3f} {r.granularity:6.3f} {r.cases:5d} {r.detections:5d}")
    print(f"engine time per pair: median {median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms\n")
    return r.plagdet


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, nargs="+", default=[DEFAULT_THRESHOLD])
    ap.add_argument("--limit", type=int, default=None, help="pairs per folder")
    ap.add_argument("--gap", type=int, default=400, help="max chars between merged detections")
    ap.add_argument("--min-chars", type=int, nargs="+", default=[200], help="drop passages shorter than this")
    ap.add_argument("--legacy", action="store_true", help="plain merging rule (_common.passages)")
    args = ap.parse_args()
    data = load(args.limit)
    for t in args.threshold:
        for m in args.min_chars:
            run(data, t, args.gap, m, args.legacy)
