"""Boilerplate detection: content-line F1 on ../shared/bench-data/aeb_lines.jsonl, and speed.

Each page's lines are joined with newlines, segmented and classified exactly as rafahdiff does
(segment → classify); a line counts as predicted content when all its units are content.
Scored lines: gold `content` and `boilerplate` (`headline` and `mixed` are not scored).
F1 of the content class is pooled over all scored lines ("whole" pages) and over the window from
10 lines before the first gold content line to 10 after the last ("window").

Figures printed:
- cv: the full classifier with everything learned (both stages and the rules' cut-offs)
  refitted on 4/5 of the pages and scored on the other fifth (page-grouped folds, as in
  train_boilerplate.py) — the honest figure; needs scikit-learn (training only). Printed for
  the fixed split and for the pages shuffled with each --shuffle seed (default 1): figures move
  by about 0.01 between splits, so a change is judged on both.
- shipped: the shipped model on all pages (it was fitted on them: a train-set figure).
- speed: classify() on ~4 MB texts (copied-page lines; PAN book paragraphs), median of 3 runs.

    /work/venv/bin/python benchmarks/bench_boilerplate.py [--no-cv] [--no-speed] [--shuffle SEED ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench-data"
sys.path.insert(0, str(ROOT / "benchmarks"))

from rafahdiff.core import boilerplate  # noqa: E402
from rafahdiff.core.segment import segment  # noqa: E402

REFERENCES = {
    "trafilatura (HTML)": (0.923, 0.930),
    "GBM on 17 plain-text features": (0.771, 0.815),
    "jusText fed plain lines": (0.511, None),
}


def load_pages() -> list[dict]:
    return [json.loads(line) for line in (DATA / "aeb_lines.jsonl").open(encoding="utf-8")]


def predict_page(page: dict) -> list[bool]:
    """Predicted content flag for each physical line of the page."""
    texts = [ln["text"].replace("\n", " ") for ln in page["lines"]]
    text = "\n".join(texts)
    units = boilerplate.classify(text, segment(text))
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    content = [True] * len(texts)
    li = 0
    for u in units:
        while li + 1 < len(starts) and starts[li + 1] <= u.start:
            li += 1
        if u.boilerplate is not None:
            content[li] = False
    return content


def f1(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def score(pages: list[dict], preds: list[list[bool]]) -> dict[str, tuple[float, float, float]]:
    whole: list[tuple[bool, bool]] = []
    window: list[tuple[bool, bool]] = []
    for page, pred in zip(pages, preds):
        labels = [ln["label"] for ln in page["lines"]]
        idx = [i for i, lab in enumerate(labels) if lab == "content"]
        lo, hi = (idx[0] - 10, idx[-1] + 10) if idx else (1, 0)
        for i, (lab, p) in enumerate(zip(labels, pred)):
            if lab not in ("content", "boilerplate"):
                continue
            whole.append((p, lab == "content"))
            if lo <= i <= hi:
                window.append((p, lab == "content"))
    return {"whole": f1(whole), "window": f1(window)}


def show(name: str, s: dict[str, tuple[float, float, float]]) -> None:
    w, n = s["whole"], s["window"]
    print(f"  {name:34s} whole F1 {w[2]:.3f} (P {w[0]:.3f} R {w[1]:.3f})   window F1 {n[2]:.3f} (P {n[0]:.3f} R {n[1]:.3f})")


def cross_validated(pages: list[dict], shuffle: int | None = None) -> dict[str, tuple[float, float, float]] | None:
    try:
        import train_boilerplate as tb
    except ImportError as exc:  # scikit-learn/numpy are training-only dependencies
        print(f"  (cv skipped: {exc})")
        return None
    # Everything is refitted per fold (stage 1, stage 2, the rules' cut-offs); each held-out page
    # then goes through segment → classify with its fold's model.
    models, _ = tb.cross_validate(tb.prepare(pages), log=False, shuffle=shuffle)
    folds = tb.page_folds(len(pages), shuffle)
    preds: list[list[bool]] = [[] for _ in pages]
    try:
        for k, trained in enumerate(models):
            model = trained.model()
            boilerplate._model = lambda m=model: m  # type: ignore[assignment]
            for i in range(len(pages)):
                if folds[i] == k:
                    preds[i] = predict_page(pages[i])
    finally:
        boilerplate._model = _shipped_loader
    return score(pages, preds)


_shipped_loader = boilerplate._model


def speed() -> None:
    pages = load_pages()
    page_text = "\n".join(ln["text"].replace("\n", " ") for p in pages for ln in p["lines"])
    book = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted((DATA / "pan13-train-sample" / "src").glob("*.txt")))
    for name, base in (("copied-page lines", page_text), ("PAN book paragraphs", book)):
        text = (base * (4_000_000 // len(base) + 1))[:4_000_000]
        text = text[: text.rfind("\n")]
        spans = segment(text)
        wall, cpu = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            boilerplate.classify(text, spans)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        lines = text.count("\n") + 1
        print(f"  {name:22s} {len(text) / 1e6:.1f} MB, {len(spans):,} units, {lines:,} lines: "
              f"classify median {statistics.median(wall):.3f} s wall, {statistics.median(cpu):.3f} s CPU")
    print(f"  (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-cv", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--shuffle", type=int, nargs="*", default=[1], metavar="SEED",
                    help="also cross-validate on pages shuffled with these seeds (default: 1; none: fixed split only)")
    args = ap.parse_args()
    pages = load_pages()
    print(f"AEB plain-text lines: {len(pages)} pages; content-line F1")
    for name, (w, n) in REFERENCES.items():
        print(f"  {'ref: ' + name:34s} whole F1 {w:.3f}" + (f"   window F1 {n:.3f}" if n else ""))
    if not args.no_cv:
        for shuffle in (None, *args.shuffle):
            s = cross_validated(pages, shuffle)
            if s:
                show("rafahdiff, 5-fold CV by page" + ("" if shuffle is None else f", shuffle {shuffle}"), s)
    show("rafahdiff, shipped model (train set)", score(pages, [predict_page(p) for p in pages]))
    if not args.no_speed:
        print("speed:")
        speed()


if __name__ == "__main__":
    main()
