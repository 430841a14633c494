"""Train the boilerplate line model on ../shared/bench-data/aeb_lines.jsonl and ship it as JSON.

Two logistic regressions (stacked): stage 1 reads one line's own and neighbourhood features,
stage 2 reads stage 1's probabilities smoothed over the neighbourhood. Deterministic: fixed
page-grouped folds, lbfgs, no randomness. Reported figures are cross-validated by page (5 folds);
the shipped parameters are fitted on all pages. sklearn/numpy are needed here only, never at run
time (rafahdiff.core.boilerplate evaluates the weights in pure Python).

    /work/venv/bin/python benchmarks/train_boilerplate.py [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]


from rafahdiff.core import boilerplate_features as bf  # noqa: E402

DATA = ROOT.parent / "shared" / "bench-data" / "aeb_lines.jsonl"
OUT = ROOT / "core" / "boilerplate_model.json"
FOLDS = 5
C = 0.5


def load_pages(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def page_lines(page: dict) -> tuple[list[bf.Line], list[str]]:
    """Logical lines of a page and the gold label of each ('' when unscored or empty)."""
    physical = [ln["text"].replace("\n", " ") for ln in page["lines"]]
    lines = bf.logical_lines(physical)
    labels = [page["lines"][ln.first]["label"] for ln in lines]
    return lines, labels


def fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    """Fit on standardised features; return weights and bias on the raw feature scale."""
    sc = StandardScaler().fit(x)
    sd = np.where(sc.scale_ > 0, sc.scale_, 1.0)
    lr = LogisticRegression(C=C, max_iter=5000).fit((x - sc.mean_) / sd, y)
    w = lr.coef_[0] / sd
    b = float(lr.intercept_[0] - np.sum(lr.coef_[0] * sc.mean_ / sd))
    return [float(v) for v in w], b


def predict(w: list[float], b: float, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ np.array(w) + b)))


def f1(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def window_mask(labels: list[str], k: int = 10) -> list[bool]:
    idx = [i for i, lab in enumerate(labels) if lab == "content"]
    if not idx:
        return [False] * len(labels)
    lo, hi = idx[0] - k, idx[-1] + k
    return [lo <= i <= hi for i in range(len(labels))]


def scores(probs: list[list[float]], labels: list[list[str]], thr: float) -> dict[str, float]:
    pw, gw, pn, gn = [], [], [], []
    for p, lab in zip(probs, labels):
        win = window_mask(lab)
        for i, (q, g) in enumerate(zip(p, lab)):
            if g not in ("content", "boilerplate"):
                continue
            pw.append(q >= thr)
            gw.append(g == "content")
            if win[i]:
                pn.append(q >= thr)
                gn.append(g == "content")
    return {"whole": f1(pw, gw)[2], "window": f1(pn, gn)[2]}


def scored_rows(xs: list[np.ndarray], labels: list[list[str]], idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and content/boilerplate targets of the pages `idx` (mixed/headline lines are not scored)."""
    x, y = [], []
    for i in idx:
        keep = [j for j, lab in enumerate(labels[i]) if lab in ("content", "boilerplate")]
        x.append(xs[i][keep])
        y.extend(labels[i][j] == "content" for j in keep)
    return np.vstack(x), np.array(y, dtype=int)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help=f"write the fitted model to {OUT}")
    args = ap.parse_args()
    pages = load_pages()
    feats1, labels, toks = [], [], []
    for page in pages:
        lines, lab = page_lines(page)
        cols, st = bf.stage1(lines)
        toks.append(st.tokens)
        feats1.append(np.array(cols, dtype=float).T.reshape(-1, len(bf.STAGE1_FEATURES)))
        labels.append(lab)
    folds = [i % FOLDS for i in range(len(pages))]  # pages are in hashed-id order: a fixed split

    def train_rows(xs: list[np.ndarray], idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
        return scored_rows(xs, labels, idx)

    # Stage 1, out of fold.
    oof1: list[list[float]] = [[] for _ in pages]
    for k in range(FOLDS):
        w, b = fit(*train_rows(feats1, [i for i in range(len(pages)) if folds[i] != k]))
        for i in range(len(pages)):
            if folds[i] == k:
                oof1[i] = list(predict(w, b, feats1[i]))
    feats2 = [np.array(bf.stage2(oof1[i], feats1[i].T.tolist(), toks[i]), dtype=float).T for i in range(len(pages))]
    oof2: list[list[float]] = [[] for _ in pages]
    for k in range(FOLDS):
        w, b = fit(*train_rows(feats2, [i for i in range(len(pages)) if folds[i] != k]))
        for i in range(len(pages)):
            if folds[i] == k:
                oof2[i] = list(predict(w, b, feats2[i]))
    best_thr, best = 0.5, -1.0
    for t in [x / 100 for x in range(20, 81, 2)]:
        s = scores(oof2, labels, t)
        if s["whole"] + s["window"] > best:
            best, best_thr = s["whole"] + s["window"], t
    s1 = scores(oof1, labels, 0.5)
    s2 = scores(oof2, labels, best_thr)
    print(f"CV by page ({FOLDS} folds, {len(pages)} pages), content-line F1 (lines):")
    print(f"  stage 1 @0.50        whole {s1['whole']:.3f}  window {s1['window']:.3f}")
    print(f"  stage 2 @{best_thr:.2f}        whole {s2['whole']:.3f}  window {s2['window']:.3f}")

    w1, b1 = fit(*train_rows(feats1, list(range(len(pages)))))
    w2, b2 = fit(*train_rows(feats2, list(range(len(pages)))))
    model = {
        "about": "rafahdiff boilerplate line model; trained by benchmarks/train_boilerplate.py on aeb_lines.jsonl",
        "stage1": {"features": list(bf.STAGE1_FEATURES), "weights": [round(v, 6) for v in w1], "bias": round(b1, 6)},
        "stage2": {"features": list(bf.STAGE2_FEATURES), "weights": [round(v, 6) for v in w2], "bias": round(b2, 6)},
        "threshold": best_thr,
        "cv": {"folds": FOLDS, "pages": len(pages), "stage1_whole": round(s1["whole"], 4),
               "stage1_window": round(s1["window"], 4), "whole": round(s2["whole"], 4),
               "window": round(s2["window"], 4)},
    }
    for name, wt in sorted(zip(bf.STAGE1_FEATURES, w1), key=lambda t: -abs(t[1]))[:12]:
        print(f"    s1 {name:16s} {wt:+.3f}")
    if args.write:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
