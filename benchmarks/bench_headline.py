"""Headline detection: how often `title` is the page's headline, on ../shared/bench-data/aeb_lines.jsonl.

Each page's lines are joined with newlines and read exactly as rafahdiff reads an article
(`pipeline.analyse`); the page counts as right when the Document's `title` is the text of the
first line labelled `headline` (whitespace and case aside). 178 of the 181 pages have one.

Figures printed:
- shipped: how often the shipped weights of `core/headline.py` pick the headline line (they
  were picked on these pages: a train-set figure), and how often `title` is right (the title is
  the first content heading: a headline line cut into several units is not one);
- cv: two-fold cross-validation of those weights (a small grid refitted on half the pages and
  scored on the other half; three shuffles) — the honest figure for pages never seen;

For reference, the rule this replaced (the nearest heading-like line above the body that the
line model did not call sure furniture; commit 9d9d16f) had the title right on 82/178 = 46 %.

    /work/venv/bin/python benchmarks/bench_headline.py [--no-cv]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "bench-data"

from rafahdiff.core import headline as hl  # noqa: E402
from rafahdiff.core.model import SourceText  # noqa: E402
from rafahdiff.core.pipeline import analyse  # noqa: E402

WEIGHTS = ("LENGTH_BONUS",)
GRID = [(w,) for w in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pages() -> list[tuple[str, str]]:
    """(page text, gold headline) for every page with a headline label."""
    out = []
    for line in (DATA / "aeb_lines.jsonl").open(encoding="utf-8"):
        page = json.loads(line)
        gold = [x["text"] for x in page["lines"] if x["label"] == "headline"]
        if gold:
            out.append(("\n".join(x["text"] for x in page["lines"]), _norm(gold[0])))
    return out


def _recorded(pages: list[tuple[str, str]]) -> list[tuple[tuple, dict, str]]:
    """Run analyse once per page, keeping pick_headline's arguments (with the candidate test
    evaluated on the window) so that other weights can be tried without re-reading the pages."""
    calls: list[tuple] = []
    original = hl.pick_headline

    def spy(texts, words, terminal, tokens, eligible, body_lo, body_hi, stopwords):
        lo = max(0, body_lo - hl.WINDOW)
        ok = {i for i in range(lo, min(body_lo + 1, len(texts))) if eligible(i)}
        calls.append((texts, words, terminal, tokens, ok.__contains__, body_lo, body_hi, stopwords))
        return original(texts, words, terminal, tokens, eligible, body_lo, body_hi, stopwords)

    hl.pick_headline = spy
    try:
        out = []
        for text, gold in pages:
            calls.clear()
            doc = analyse(SourceText("page", "page", text))
            out.append((calls[0] if calls else None, {"title": _norm(doc.title)}, gold))
        return out
    finally:
        hl.pick_headline = original


def _right(rec: list[tuple[tuple, dict, str]], weights: tuple[float, ...]) -> int:
    saved = [getattr(hl, w) for w in WEIGHTS]
    for name, value in zip(WEIGHTS, weights):
        setattr(hl, name, value)
    try:
        right = 0
        for call, _, gold in rec:
            if call is None:
                continue
            i = hl.pick_headline(*call)
            right += i >= 0 and _norm(call[0][i]) == gold
        return right
    finally:
        for name, value in zip(WEIGHTS, saved):
            setattr(hl, name, value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = ap.parse_args(argv)
    if not (DATA / "aeb_lines.jsonl").exists():
        print(f"benchmark data not found: {DATA}", file=sys.stderr)
        return 2
    pages = _pages()
    rec = _recorded(pages)
    n = len(rec)
    shipped = sum(r[1]["title"] == r[2] for r in rec)
    print(f"AEB pages with a headline label: {n}")
    picked = _right(rec, tuple(getattr(hl, w) for w in WEIGHTS))
    print(f"  shipped weights, headline line picked right: {picked}/{n} = {picked / n:.1%}   (train-set figure)")
    print(f"  shipped weights, Document.title right:       {shipped}/{n} = {shipped / n:.1%}")
    if not args.no_cv:
        for seed in range(3):
            order = list(range(n))
            random.Random(seed).shuffle(order)
            halves = [[rec[k] for k in order[: n // 2]], [rec[k] for k in order[n // 2:]]]
            right = 0
            for train, test in (halves, halves[::-1]):
                best = max(GRID, key=lambda w: _right(train, w))
                right += _right(test, best)
            print(f"  headline line picked right, two-fold cv (shuffle {seed}): {right}/{n} = {right / n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
