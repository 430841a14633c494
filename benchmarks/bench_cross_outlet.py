"""Cross-outlet pairing quality: the same story told by different outlets (seeds 000, 001, 003, 004).

Run: /work/venv/bin/python benchmarks/bench_cross_outlet.py [--verbose]

The gold pairs (tests/fixtures/cross_outlet_gold.json) were labelled by hand by helper-29 BEFORE
any tuning, from the texts alone: `must` pairs tell the same statement, quote or fact (a
fact-checker wants them side by side), `ok` pairs are partial links (pairing them is no error,
leaving them no miss), and any other pair the engine makes is a false pair. Prints, per seed
pair, precision (pairs made that are must/ok) and recall (must pairs made), then the totals;
--verbose lists the misses (with their score) and the false pairs; --curve adds the totals at
other thresholds (the one documented pair/no-pair setting, `rafahdiff --threshold`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rafahdiff.core import read_source
from rafahdiff.core.features import build_features
from rafahdiff.core.model import Document
from rafahdiff.core.pipeline import compare
from rafahdiff.core.score import DEFAULT_THRESHOLD, score_units

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cross_outlet_gold.json"


def load_gold() -> dict[str, dict[str, list]]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]


def unit_of(doc: Document, needle: str) -> int:
    """The one content unit of `doc` whose text contains `needle`."""
    hits = [k for k, u in enumerate(doc.units) if u.boilerplate is None and needle in doc.unit_text(k)]
    if len(hits) != 1:
        raise ValueError(f"{needle!r} names {len(hits)} content units of {doc.source}")
    return hits[0]


def evaluate(
    key: str, gold: dict[str, list], verbose: bool = False, threshold: float = DEFAULT_THRESHOLD,
) -> tuple[int, int, int, int, int]:
    """(pairs made, of them right, must pairs, of them made, must_not pairs made) for one seed pair."""
    x, y = key.split("-")
    al = compare(read_source(x), read_source(y), threshold)
    a, b = al.a, al.b
    must = [(unit_of(a, ta), {unit_of(b, t) for t in tbs}) for ta, tbs in gold["must"]]
    right = {(i, j) for i, js in must for j in js}
    right |= {(unit_of(a, ta), unit_of(b, tb)) for ta, tb in gold["ok"]}
    bad = {(unit_of(a, ta), unit_of(b, tb)) for ta, tb in gold["must_not"]}
    links = [{(i, j) for i in p.a for j in p.b} for p in al.pairs]
    good = [p for p, ln in zip(al.pairs, links) if ln & right]
    found = [any(i in p.a and set(p.b) & js for p in al.pairs) for i, js in must]
    wrong = sum(bool(ln & bad) for ln in links)
    if verbose:
        pf = build_features(a, b)

        def score(i: int, j: int) -> float:
            return score_units(pf.a[i], pf.b[j], pf.weights) if i in pf.a and j in pf.b else float("nan")

        for (i, js), ok in zip(must, found):
            if not ok:
                best = max(js, key=lambda j: score(i, j))
                print(f"  miss  A{i} B{best} score {score(i, best):.3f}: {a.unit_text(i)[:60]!r} ~ {b.unit_text(best)[:60]!r}")
        for p, ln in zip(al.pairs, links):
            if not ln & right:
                print(f"  false A{p.a} B{p.b} {p.score:.3f} {p.relation}: "
                      f"{a.unit_text(p.a[0])[:60]!r} ~ {b.unit_text(p.b[0])[:60]!r}")
    return len(al.pairs), len(good), len(must), sum(found), wrong


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--curve", action="store_true")
    args = ap.parse_args()
    print(f"{'seeds':8} {'pairs':>5} {'right':>5} {'prec':>6} {'must':>5} {'found':>5} {'recall':>6} {'must_not':>8}")
    tot = [0, 0, 0, 0, 0]
    for key, gold in load_gold().items():
        made, good, need, found, wrong = evaluate(key, gold, args.verbose)
        tot = [t + v for t, v in zip(tot, (made, good, need, found, wrong))]
        print(f"{key:8} {made:5d} {good:5d} {good / max(made, 1):6.3f} {need:5d} {found:5d} {found / need:6.3f} {wrong:8d}")
    made, good, need, found, wrong = tot
    print(f"{'all':8} {made:5d} {good:5d} {good / max(made, 1):6.3f} {need:5d} {found:5d} {found / need:6.3f} {wrong:8d}")
    if args.curve:
        print("threshold  pairs right   prec  found recall must_not")
        for th in (0.22, 0.25, 0.28, 0.30, DEFAULT_THRESHOLD, 0.40, 0.50):
            made, good, need, found, wrong = (sum(v) for v in zip(*(evaluate(k, g, threshold=th) for k, g in load_gold().items())))
            print(f"{th:9.2f} {made:6d} {good:5d} {good / max(made, 1):6.3f} {found:6d} {found / need:6.3f} {wrong:8d}")


if __name__ == "__main__":
    main()
