"""PAN 2013 text alignment on the training sample: plagdet overall and per obfuscation type.

Run: /work/venv/bin/python benchmarks/bench_pan.py [--threshold T] [--limit N]
The suspicious document is A, the source B; every unit is content (Gutenberg prose, no page
furniture). Runs of pairs become passages (benchmarks/_common.passages). Reference (PAN 2013
test corpus 2): best system 0.878, 2013 winner 0.822, PAN baseline 0.422.
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET

from _common import PAN, Case, Passage, median, passages, plain_document, plagdet

from rafahdiff.core.align import align
from rafahdiff.core.score import DEFAULT_THRESHOLD


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


def run(data, threshold: float, gap: int, min_chars: int) -> float:
    gold_by: dict[str, list[Case]] = {}
    found_by: dict[str, list[Case]] = {}
    times: list[float] = []
    for folder, doc_id, gold, a, b in data:
        t0 = time.perf_counter()
        pairs = align(a, b, threshold)
        times.append(time.perf_counter() - t0)
        gold_by.setdefault(folder, []).extend(gold)
        found_by.setdefault(folder, []).extend(Case(doc_id, p) for p in passages(a, b, pairs, gap, min_chars))
    print(f"threshold={threshold} gap={gap} min_chars={min_chars}")
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
    args = ap.parse_args()
    data = load(args.limit)
    for t in args.threshold:
        for m in args.min_chars:
            run(data, t, args.gap, m)
