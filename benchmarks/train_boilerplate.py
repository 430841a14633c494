"""Train the boilerplate line model on ../shared/bench-data/aeb_lines.jsonl and ship it as JSON.

A small lexicon (word log-odds of content against furniture, words seen on several pages only)
feeds three stage-1 columns. Stage 1 is a logistic regression over one line's own and
neighbourhood features; stage 2 a small gradient-boosted tree ensemble over stage 1's
probabilities smoothed over the neighbourhood, the line's place against the likely body, and
every stage-1 column. The probability cut-offs of the structure rules (boilerplate.Rules) are
then picked on out-of-fold probabilities. Everything that is fitted is fitted inside the
training pages:

- `train(pages)`: lexicon out of fold (inner folds) → stage 1 out of fold → stage-2 features →
  stage 2 out of fold → rules picked on those probabilities; then the lexicon, stage 1 and
  stage 2 refitted on all those pages.
- the reported figure: `train` on 4/5 of the pages, scored on the other fifth (page-grouped),
  five times; the shipped model: `train` on all pages.

Deterministic (fixed folds, lbfgs, no early stopping, fixed random_state). sklearn/numpy are
needed here only, never at run time (rafahdiff.core.boilerplate walks the trees in pure Python).

    /work/venv/bin/python benchmarks/train_boilerplate.py [--write]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]

from rafahdiff.core import boilerplate as bl  # noqa: E402
from rafahdiff.core import boilerplate_features as bf  # noqa: E402

DATA = ROOT.parent / "shared" / "bench-data" / "aeb_lines.jsonl"
OUT = ROOT / "core" / "boilerplate_model.json"
FOLDS = 5
C = 0.5
# Stage-2 trees: small on purpose (walking them in pure Python must stay cheap next to the
# stage-1 features). With the core-body columns, more capacity paid (fixed-rule CV, mean of two
# page partitions, whole/window): 40x12 leaves 0.897/0.910, 60x16 0.901/0.913, 60x24
# 0.903/0.915, 60x32 0.902/0.915, 80x24 0.904/0.916 (a third more walking for +0.001);
# learning rate 0.1 or min_samples_leaf 40 lost ~0.003.
TREES = dict(max_iter=60, max_leaf_nodes=24, learning_rate=0.2, l2_regularization=1.0, min_samples_leaf=20)
# The rules' cut-offs are searched one at a time over these values (two rounds).
# The protective cut-offs (a sentence near the body, prose inside it) are not allowed above the
# hand-set values they replace: losing an article sentence costs a reader more than one stray
# furniture line, which F1 does not weigh.
RULE_GRID: dict[str, list[float]] = {
    "threshold": [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
    "body_p": [0.1, 0.15, 0.2, 0.25, 0.3],
    "sure_body": [0.02, 0.05, 0.1],
    "sure_in": [0.02, 0.05, 0.1],
    "sure_out": [0.1, 0.2, 0.3],
    "sure_prose": [0.01, 0.02, 0.03],
}


def load_pages(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def page_lines(page: dict) -> tuple[list[bf.Line], list[str]]:
    """Logical lines of a page and the gold label of each ('' when unscored or empty)."""
    physical = [ln["text"].replace("\n", " ") for ln in page["lines"]]
    lines = bf.logical_lines(physical)
    labels = [page["lines"][ln.first]["label"] for ln in lines]
    return lines, labels


@dataclass
class Page:
    """One page's lines, labels and cached stage-1 measurements."""

    lines: list[bf.Line]
    labels: list[str]
    cols1: bf.Columns
    stats: bf.LineStats
    x1: np.ndarray


def measured(lines: list[bf.Line], labels: list[str]) -> Page:
    cols1, stats = bf.stage1(lines)
    return Page(lines, labels, cols1, stats, np.array(cols1, dtype=float).T.reshape(-1, len(bf.STAGE1_FEATURES)))


def prepare(pages: list[dict]) -> list[Page]:
    return [measured(*page_lines(page)) for page in pages]


# Crops of each training page: its article and this many lines either side (0: the article
# alone, so that a text may end on an article line). Full nested CV (fixed split / shuffle 1 /
# shuffle 2, whole/window): (10, 0) 0.9178/0.9329, 0.9084/0.9231, 0.9097/0.9206; (20, 10, 0)
# 0.9210/0.9335, 0.9122/0.9264, 0.9094/0.9209 (other sets: see the variance notes below).
CROPS = (20, 10, 0)


def cropped(page: Page, k: int) -> Page | None:
    """The page cut to its article and k lines either side: what a reader who copies just the
    article pastes. Training on these too keeps the model from learning that the first and last
    lines of a text are always furniture (true of whole pages, not of copied articles)."""
    idx = [i for i, lab in enumerate(page.labels) if lab == "content"]
    if not idx:
        return None
    lo, hi = max(0, idx[0] - k), min(len(page.lines), idx[-1] + k + 1)
    if lo == 0 and hi == len(page.lines):
        return None
    return measured(page.lines[lo:hi], page.labels[lo:hi])


# The lexicon: word log-odds of content against furniture lines, learned from the training
# pages. A word must appear on at least LEX_PAGES pages to enter (a story's own topic words
# would otherwise learn that page's labels); each page adds at most LEX_CAP lines per word and
# class (a menu repeated down one page counts once or twice, not forty times); the estimate is
# shrunk towards 0 by LEX_PRIOR pseudo-lines; entries within LEX_DROP of 0 are not shipped.
# Nested CV (fixed partition, whole/window): 4 pages, cap 2 0.911/0.925; 3 pages, cap 3
# 0.906/0.919; 6 pages 0.907/0.923. Word pairs as well as words: 0.903/0.922 (before the
# core-relative columns, against 0.906/0.923 for words alone). Prior 10 pseudo-lines: same
# on this partition (0.912/0.924), lower on a shuffled one (window 0.915 -> 0.913). Stage-2
# columns of the lexicon over five lines each side and of the lines before and after: 0.910/0.924.
LEX_PAGES = 4
LEX_CAP = 2
LEX_PRIOR = 4.0
LEX_CLIP = 4.0
LEX_DROP = 0.15


def fit_lexicon(pages: list[Page]) -> dict[str, float]:
    """Shrunk log-odds (content vs furniture) of each word seen on enough pages."""
    content: dict[str, float] = {}
    furniture: dict[str, float] = {}
    seen: dict[str, int] = {}
    n_c = n_f = 0
    for page in pages:
        per_page: dict[tuple[str, bool], int] = {}
        words_here: set[str] = set()
        for toks, lab in zip(page.stats.tokens, page.labels):
            if lab not in ("content", "boilerplate"):
                continue
            is_c = lab == "content"
            n_c += is_c
            n_f += not is_c
            for t in set(toks):
                key = (t, is_c)
                if per_page.get(key, 0) < LEX_CAP:
                    per_page[key] = per_page.get(key, 0) + 1
                words_here.add(t)
        for (t, is_c), c in per_page.items():
            into = content if is_c else furniture
            into[t] = into.get(t, 0) + c
        for t in words_here:
            seen[t] = seen.get(t, 0) + 1
    r = n_c / max(1, n_c + n_f)
    prior = float(np.log(r / (1 - r)))
    out: dict[str, float] = {}
    for t, k in seen.items():
        if k < LEX_PAGES:
            continue
        c, f = content.get(t, 0), furniture.get(t, 0)
        lo = float(np.log((c + LEX_PRIOR * r) / (f + LEX_PRIOR * (1 - r)))) - prior
        lo = max(-LEX_CLIP, min(LEX_CLIP, lo))
        if abs(lo) >= LEX_DROP:
            out[t] = round(lo, 2)
    return dict(sorted(out.items()))


def with_lexicon(page: Page, lexicon: dict[str, float] | None) -> Page:
    """The page with its lexical columns read from `lexicon`."""
    k = bf.LEXICAL_FEATURES
    cols1 = page.cols1[:-k] + bf.lexical_columns(page.stats.tokens, lexicon)
    x1 = page.x1.copy()
    x1[:, -k:] = np.array(cols1[-k:], dtype=float).T
    return Page(page.lines, page.labels, cols1, page.stats, x1)


def fit_lr(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    """Fit on standardised features; return weights and bias on the raw feature scale."""
    sc = StandardScaler().fit(x)
    sd = np.where(sc.scale_ > 0, sc.scale_, 1.0)
    lr = LogisticRegression(C=C, max_iter=5000).fit((x - sc.mean_) / sd, y)
    w = lr.coef_[0] / sd
    b = float(lr.intercept_[0] - np.sum(lr.coef_[0] * sc.mean_ / sd))
    return [float(v) for v in w], b


def predict_lr(w: list[float], b: float, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ np.array(w) + b)))


def fit_trees(x: np.ndarray, y: np.ndarray) -> tuple[list, float]:
    """Boosted trees as nested lists [feature, threshold, left, right] (leaves: floats)."""
    m = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **TREES).fit(x, y)

    def tree(nodes: np.ndarray, k: int) -> object:
        nd = nodes[k]
        if nd["is_leaf"]:
            return round(float(nd["value"]), 6)
        return [int(nd["feature_idx"]), float(nd["num_threshold"]), tree(nodes, nd["left"]), tree(nodes, nd["right"])]

    trees = [tree(p[0].nodes, 0) for p in m._predictors]
    return trees, float(np.ravel(m._baseline_prediction)[0])


def scored_rows(xs: list[np.ndarray], labels: list[list[str]], idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and content/boilerplate targets of the pages `idx` (mixed/headline lines are not scored)."""
    x, y = [], []
    for i in idx:
        keep = [j for j, lab in enumerate(labels[i]) if lab in ("content", "boilerplate")]
        x.append(xs[i][keep])
        y.extend(labels[i][j] == "content" for j in keep)
    return np.vstack(x), np.array(y, dtype=int)


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


def verdict_scores(preds: list[list[bool]], labels: list[list[str]]) -> dict[str, tuple[float, float, float]]:
    """Content-line precision/recall/F1 over whole pages and over the window around the body."""
    pw, gw, pn, gn = [], [], [], []
    for pred, lab in zip(preds, labels):
        win = window_mask(lab)
        for i, (q, g) in enumerate(zip(pred, lab)):
            if g not in ("content", "boilerplate"):
                continue
            pw.append(q)
            gw.append(g == "content")
            if win[i]:
                pn.append(q)
                gn.append(g == "content")
    return {"whole": f1(pw, gw), "window": f1(pn, gn)}


def decide(page: Page, probs: list[float], rules: bl.Rules) -> list[bool]:
    """Content flag per logical line from the full rule layer given stage-2 probabilities
    (recalibrated per page as content_probabilities does)."""
    return [v.category is None for v in bl._decide(page.lines, rules, (bl._page_calibrated(probs), page.cols1, page.stats))]


def objective(pages: list[Page], probs: list[list[float]], rules: bl.Rules) -> float:
    s = verdict_scores([decide(p, q, rules) for p, q in zip(pages, probs)], [p.labels for p in pages])
    return s["whole"][2] + s["window"][2]


# Rule-layer ideas tried on the out-of-fold probabilities of both splits (fixed / shuffled
# seed 1, window F1 against 0.930 / 0.921 with boilerplate_patterns.RULE_FAMILIES in place):
# one threshold for every fold instead of each fold's pick, 0.30-0.60: flat (within 0.001);
# ending the body at its last confident long sentence (p >= 0.9, >= 12 words), before the
# rule families: 0.931 -> 0.928 / 0.920 -> 0.922 (recall -0.016 / -0.009); a short label
# repeated 3+ times on the page as furniture: 0.908 / 0.899 (list items and table heads repeat
# in articles); a paragraph repeated within two lines instead of next to itself: +0.0004 on
# both (not kept); lines of one shape ("June 9 – City, ST @ Venue") decided as a run: such
# runs are too rare to matter (12 -> 7 errors).
# Structured choice of the body (helper-25), screened on the out-of-fold stage-2 probabilities
# of the three splits (fixed / shuffle 1 / shuffle 2, whole and window F1, each fold's own
# rules; before: 0.914/0.930, 0.905/0.922, 0.906/0.918): the body's first and last long line
# taken inside the run with the largest sum of the model's log-odds clipped at ±3 (kept:
# boilerplate._body_region; screened 0.919/0.932, 0.908/0.923, 0.911/0.921, and in the full
# nested CV with the rules re-picked 0.917/0.932, 0.908/0.923, 0.910/0.921; the headline is
# still looked for above the page's first long line); the same run over long lines
# only (0 for the others) 0.916/0.931 on the fixed split; log-odds +1 (longer runs) 0.919/0.933,
# 0.911/0.925, 0.907/0.918, +0.5 0.917/0.931, 0.911/0.925, 0.909/0.920, +2 0.916/0.931,
# 0.906/0.922 (nested pick of the offset on the inner folds: 0.907/0.922, 0.908/0.920, picks
# swing between 0 and 2); centred on the cut-off's log-odds instead of 0: 0.918/0.932,
# 0.912/0.926, 0.911/0.922 (+0.001 on average: noise); with the run, a line outside the body
# (beyond 3 lines) kept only from p >= 0.7: whole +0.002, window -0.001; prose between the old
# and the new body ends still protected from p >= 0.05-0.2: -0.001. Before the run: a higher
# cut-off outside the body (0.6-0.9) flat (+0.002 whole, -0.001 window). A stage 3 (trees over
# stage2()'s columns recomputed from the stage-2 probabilities, fitted on the inner out-of-fold
# ones): 0.903/0.923 fixed split, 0.915/0.929 with the run (both lower). With the run: the body
# grown to a long line at most 1-4 lines past either end 0.918-0.919/0.932-0.933 (flat); the
# per-line cut-off replaced by a two-state Viterbi path over the log-odds (switch cost 0.5-3,
# centred on the cut-off) 0.919-0.921/0.932-0.933 (flat); a short unpunctuated line next to the
# body (3 or 10 lines) that the model gives >= 0.8-0.95 kept instead of taken for header/footer
# furniture: +0.0002-0.0004 on each split (noise). Stage-2 columns for the same run over the
# stage-1 log-odds (inside flag, log distance), full nested CV: 0.917/0.931, 0.910/0.924,
# 0.908/0.918 against 0.917/0.932, 0.908/0.923, 0.910/0.921 (no gain). Lines opening with the
# same five words as another line of the page (teaser copies): 84 content lines to 10 furniture
# lines among the window's kept lines (no signal).
# Variance and structure (helper-28), screened on each outer fold's stage-2 probabilities with
# that fold's rules fixed (fixed split / shuffle 1 / shuffle 2, whole/window; before:
# 0.918/0.933, 0.908/0.923, 0.910/0.921): stage 2 bagged (log-odds averaged, one ensemble of
# 5x60 trees): the five inner-fold ensembles 0.915/0.930, those and the full one 0.917/0.932,
# five page bootstraps 0.912/0.927 (fixed split; and 5x the walking: 250 -> 1150 ms of stage
# 2 on the 1 MB bench_scale text, whose classify takes 0.77 s); lines weighted 1/sqrt(lines
# of their page) 0.919/0.932 (fixed split). Stage 1 with C 0.1: 0.916/0.931, 0.911/0.926,
# 0.909/0.920; C 2: 0.917/0.932, 0.911/0.925, 0.908/0.920; balanced classes 0.916/0.931,
# 0.911/0.924, 0.908/0.918; 40x8 boosted trees instead of the regression 0.912/0.926,
# 0.913/0.925, 0.910/0.922. Crops (20, 0): 0.916/0.930, -, 0.906/0.918; (10, 0, 3) 0.908/0.922
# on shuffle 1; (20, 10, 5, 0) 0.907/0.920, (15, 5, 0) 0.908/0.919 on shuffle 2; (20, 10, 0)
# 0.921/0.933, 0.913/0.927, 0.908/0.920, in the full nested CV 0.9210/0.9335, 0.9122/0.9264,
# 0.9094/0.9209 (kept: CROPS). The rule layer against the plain cut-off (picked on the inner
# out-of-fold probabilities): 0.904/0.924, 0.895/0.917, 0.896/0.911; each rule switched off
# alone loses or is flat on the mean of the three splits (most: the numbered lists -0.005
# whole and window; short header/footer lines -0.003 whole, +0.000 window; sentences kept
# from sure_in/sure_out/sure_prose +0.001 whole, -0.001 window; the introduced lists +0.0002
# whole, 0 window). Per-page recalibration (boilerplate._page_calibrated, kept), full nested
# CV: 0.9195/0.9366, 0.9118/0.9280, 0.9095/0.9215 (before 0.9178/0.9329, 0.9084/0.9231,
# 0.9097/0.9206); with the (20, 10, 0) crops, screened: 0.921/0.935, 0.912/0.927, 0.904/0.922.

# New line signals (helper-27), full nested CV on the three splits (fixed / shuffle 1 /
# shuffle 2, whole/window F1; before: 0.917/0.933, 0.908/0.923, 0.910/0.921). Error classes
# read on the lead's out-of-fold verdicts (shuffle 1): in the window 363 content lines dropped
# (171 of them unpunctuated lines of <= 4 words, ~100 by the header/footer rules; two Japanese
# pages ~25; a comments header read from a menu's "Comment" ~10) and 323 furniture lines kept
# (teaser headlines, promo sentences, about-boxes and bios, captions).
# - stage-1 columns reader_words (share of "you/your", 0 when the line holds quotation marks),
#   imperative_open (a call-to-action verb opens the line), caption_cues ("pictured", "file
#   photo", "artist's illustration", "(L)", "Tuesday, Nov. 19, 2019"), bio_cues (the bio
#   families' count), definition_open ("X is a …", "X joined …", "headquartered"), upper_letters,
#   question_end, with after_comments counted only after three prose lines: 0.922/0.933,
#   0.908/0.923, 0.910/0.921 (window flat; not adopted alone).
# - the same plus the model's word counts with Chinese and Japanese counted as the words they
#   hold (every line) and colon_list (short lines after a sentence ending in ':'):
#   0.907/0.929, 0.904/0.930, 0.914/0.929 (the fixed split lost 0.004: on one Japanese page 98
#   sidebar link titles now read as paragraphs). Without the reader/caption/bio columns (shuffle
#   1 only): 0.897/0.921.
# - kept: as the previous, with only the Chinese or Japanese lines that end like a sentence
#   (。！？) counted by their characters for the model (titles and menu items keep their plain
#   count; the rules count every line as before): 0.921/0.933, 0.917/0.931, 0.916/0.928 (window
#   +0.000/+0.008/+0.008, whole +0.004/+0.009/+0.006). Seed verdicts identical. Costs:
#   bench_headline 130 -> 129/178 (two body-less pages whose title was right by luck lost — a
#   headline with "you" now reads as a promo line, a reader's question as a teaser —, one
#   gained); _decide on 1 MB of the seeds' long paragraphs 1.34 -> 1.84-1.94 s (interleaved,
#   load ~8), mostly bio_cues run on every line of 4+ words ("authorities" passes its keyword
#   test) and the caption regex.
# - shipped (lead): the same with bio_cues read on lines of 4-80 words only (a bio box is shorter;
#   a book's paragraphs skip the scan: _decide on the 4 MB scale text 0.95 -> 0.70 s CPU, the
#   code before these signals 0.64): 0.921/0.933, 0.917/0.930, 0.918/0.930; bench_headline
#   129/178.
# - shipped (lead), with helper-28's per-page recalibration (boilerplate._page_calibrated), the
#   crops (20, 10, 0) and the ad-marker family extended to chained and newspaper markers
#   ("ADVERTISEMENT - Continue reading below", "Continue reading the main story": 7 more bench
#   lines, all furniture): 0.919/0.935, 0.916/0.930, 0.920/0.931 (window mean +0.001 on the
#   previous, whole -0.0004; against the code before this session's signals +0.010 window).
# - looked at, not tried: separator lines ("___", no letters) defer to the model when it is
#   sure (in the window 13 furniture against 10 content lines at p >= 0.5: nothing to gain);
#   pattern families for "contributed reporting", affiliate disclosures, "if you enjoyed this
#   article" (3-12 lines each in the whole set).

# A higher cut-off is taken only when it wins by more than this (whole + window F1): between
# near-equal settings, the one that keeps more text.
TOLERANCE = 0.0


def pick_rules(pages: list[Page], probs: list[list[float]]) -> bl.Rules:
    """Coordinate search of the rules' cut-offs on out-of-fold probabilities (two rounds); a
    lower cut-off (it keeps more text) wins ties within TOLERANCE."""
    rules = bl.Rules()
    for _ in range(2):
        for name, grid in RULE_GRID.items():
            scored = [(objective(pages, probs, replace(rules, **{name: v})), v) for v in grid]
            top = max(s for s, _ in scored)
            rules = replace(rules, **{name: min(v for s, v in scored if s >= top - TOLERANCE)})
    return rules


def stage2_x(page: Page, p1: list[float]) -> np.ndarray:
    return np.array(bf.stage2(p1, page.cols1, page.stats.tokens), dtype=float).T


@dataclass
class Trained:
    w1: list[float]
    b1: float
    trees: list
    base: float
    rules: bl.Rules
    lexicon: dict[str, float]

    def model(self) -> bl._Model:
        return bl._Model(self.w1, self.b1, bf.tree_scorer(self.trees, self.base), self.rules, self.lexicon)


def train(originals: list[Page], inner: list[int]) -> Trained:
    """Fit everything on `originals` and their crops (inner: a fold label per page, for the
    out-of-fold steps; a crop goes with its page)."""
    pages, folds = list(originals), list(inner)
    for page, fold in zip(originals, inner):
        for k in CROPS:
            if (crop := cropped(page, k)) is not None:
                pages.append(crop)
                folds.append(fold)
    # Lexical columns out of fold too: each page's from a lexicon that did not see its labels.
    lexicons = {k: fit_lexicon([p for p, f in zip(originals, inner) if f != k]) for k in sorted(set(folds))}
    pages = [with_lexicon(p, lexicons[f]) for p, f in zip(pages, folds)]
    idx = list(range(len(pages)))
    labels = [p.labels for p in pages]
    x1 = [p.x1 for p in pages]
    kinds = sorted(set(folds))
    oof1: list[list[float]] = [[] for _ in pages]
    for k in kinds:
        w, b = fit_lr(*scored_rows(x1, labels, [i for i in idx if folds[i] != k]))
        for i in idx:
            if folds[i] == k:
                oof1[i] = list(predict_lr(w, b, x1[i]))
    x2 = [stage2_x(p, q) for p, q in zip(pages, oof1)]
    oof2: list[list[float]] = [[] for _ in pages]
    for k in kinds:
        scorer = bf.tree_scorer(*fit_trees(*scored_rows(x2, labels, [i for i in idx if folds[i] != k])))
        for i in idx:
            if folds[i] == k:
                oof2[i] = scorer(x2[i].T.tolist())
    rules = pick_rules(pages, oof2)
    w1, b1 = fit_lr(*scored_rows(x1, labels, idx))
    trees, base = fit_trees(*scored_rows(x2, labels, idx))
    return Trained(w1, b1, trees, base, rules, fit_lexicon(originals))


def page_folds(n: int, shuffle: int | None = None) -> list[int]:
    """A fold per page: the fixed split (pages are in hashed-id order, page i in fold i % FOLDS),
    or with `shuffle` a seeded shuffle of the pages dealt out the same way. Figures move by about
    0.01 between splits, so a change is judged on both."""
    if shuffle is None:
        return [i % FOLDS for i in range(n)]
    order = list(range(n))
    random.Random(shuffle).shuffle(order)
    folds = [0] * n
    for rank, i in enumerate(order):
        folds[i] = rank % FOLDS
    return folds


def cross_validate(pages: list[Page], log: bool = True, shuffle: int | None = None) -> tuple[list[Trained], list[list[bool]]]:
    """Page-grouped CV of the whole procedure: a model per fold and each page's verdicts from
    the model that did not see it (logical lines). `shuffle`: see page_folds."""
    folds = page_folds(len(pages), shuffle)
    models, preds = [], [[] for _ in pages]
    for k in range(FOLDS):
        t0 = time.perf_counter()
        tr = [i for i in range(len(pages)) if folds[i] != k]
        trained = train([pages[i] for i in tr], [folds[i] for i in tr])
        model = trained.model()
        for i in range(len(pages)):
            if folds[i] == k:
                pg = pages[i]
                preds[i] = [v.category is None for v in bl._decide(pg.lines, model.rules, bl.content_probabilities(pg.lines, model))]
        models.append(trained)
        if log:
            print(f"  fold {k}: {time.perf_counter() - t0:.0f} s, rules {trained.rules}", flush=True)
    return models, preds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help=f"write the fitted model to {OUT}")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validated figure")
    ap.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                    help="cross-validate on a seeded shuffle of the pages instead of the fixed split")
    args = ap.parse_args()
    pages = prepare(load_pages())
    cv = None
    if not args.no_cv:
        _, preds = cross_validate(pages, shuffle=args.shuffle)
        cv = verdict_scores(preds, [p.labels for p in pages])
        split = "fixed split" if args.shuffle is None else f"pages shuffled with seed {args.shuffle}"
        print(f"CV by page ({FOLDS} folds, {split}, {len(pages)} pages, everything refitted per fold), content-line F1:")
        for key in ("whole", "window"):
            pr, rc, f = cv[key]
            print(f"  {key:6s} F1 {f:.4f} (P {pr:.4f} R {rc:.4f})")
    shipped = train(pages, [i % FOLDS for i in range(len(pages))])
    print(f"shipped rules: {shipped.rules}; {len(shipped.trees)} trees")
    model = {
        "about": "rafahdiff boilerplate line model; trained by benchmarks/train_boilerplate.py on aeb_lines.jsonl",
        "stage1": {"features": list(bf.STAGE1_FEATURES), "weights": [round(v, 6) for v in shipped.w1],
                   "bias": round(shipped.b1, 6), "lexicon": shipped.lexicon},
        "stage2": {"features": list(bf.STAGE2_FEATURES), "base": shipped.base, "trees": shipped.trees},
        "rules": {k: getattr(shipped.rules, k) for k in RULE_GRID},
        "cv": None if cv is None else {"folds": FOLDS, "pages": len(pages), "whole": round(cv["whole"][2], 4),
                                       "window": round(cv["window"][2], 4)},
    }
    if args.write:
        OUT.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
