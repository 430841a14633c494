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
from rafahdiff.core.normalise import tokens_with_spans
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
#: A passage whose pairs themselves cover fewer characters than this on each side is dropped: a
#: few short weak look-alikes scattered a few hundred characters apart, not a reused passage.
MIN_MASS = 100
#: A pair's passage reaches its unit's edge when at most this many words beyond its shared run
#: (a word or two replaced at a reworded sentence's edge, not a glued heading).
EDGE_SLACK = 3


def _shared_run(words: list[tuple[str, int, int]], other: set[str], lo: int, hi: int) -> tuple[int, int] | None:
    """Character extent of the densest run of `words` found in the other side of the pair (each
    shared word +1, each other word -1: the maximum-sum run), widened to the unit edge (`lo`,
    `hi`) when at most EDGE_SLACK words lie beyond it. None when no word is shared."""
    best, run, cur, start = 0, None, 0, 0
    for n, (k, _, _) in enumerate(words):
        if cur <= 0:
            cur, start = 0, n
        cur += 1 if k in other else -1
        if cur > best:
            best, run = cur, (start, n)
    if run is None:
        return None
    s, e = run
    return (lo if s <= EDGE_SLACK else words[s][1], hi if len(words) - 1 - e <= EDGE_SLACK else words[e][2])


def _spans(a: Document, b: Document, pairs: tuple[Pair, ...]) -> list[tuple[int, int, int, int, float]]:
    """(a0, a1, b0, b1, score) per pair, sorted by A: the reused part of the pair's units.

    That is the span of its equal words (as in _common.passages: a heading or caption glued to
    the passage's first sentence, with no sentence break between, is left out), united with the
    densest run of words shared with the other side in any order (`_shared_run`): reworded text
    shuffles and replaces words, so the in-order equal words alone miss its edges."""
    out = []
    for p in pairs:
        a_lo, a_hi = min(a.units[i].start for i in p.a), max(a.units[i].end for i in p.a)
        b_lo, b_hi = min(b.units[j].start for j in p.b), max(b.units[j].end for j in p.b)
        wa = [t for i in p.a for t in tokens_with_spans(a.text, a.units[i].start, a.units[i].end)]
        wb = [t for j in p.b for t in tokens_with_spans(b.text, b.units[j].start, b.units[j].end)]
        ra = _shared_run(wa, {k for k, _, _ in wb}, a_lo, a_hi)
        rb = _shared_run(wb, {k for k, _, _ in wa}, b_lo, b_hi)
        if ra is None or rb is None:
            ra, rb = (a_lo, a_hi), (b_lo, b_hi)
        eq = [op for op in p.ops if op.tag == "equal"]
        if eq:
            ra = (min(ra[0], eq[0].a_start), max(ra[1], max(op.a_end for op in eq)))
            rb = (min(rb[0], min(op.b_start for op in eq)), max(rb[1], max(op.b_end for op in eq)))
        out.append((ra[0], ra[1], rb[0], rb[1], p.score))
    return sorted(out)


def pan_passages(a: Document, b: Document, pairs: tuple[Pair, ...], gap: int = 400, min_chars: int = 200) -> list[Passage]:
    """Pairs → passages: merge detections close in both documents (or, for a summary, close in A
    and in order in B within SUMMARY_RATIO × the A extent); drop short ones, weak lone pairs and
    scatters of short pairs (MIN_MASS).
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
        if max(sum(p[1] - p[0] for p in parts), sum(p[3] - p[2] for p in parts)) < MIN_MASS:
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
