"""Engine speed on news-sized pairs (target: under 30 ms per pair for `align`).

Run: /work/venv/bin/python benchmarks/bench_engine.py [--repeat 20]
Times `align` alone (documents analysed once) and the whole `compare` pipeline, for every
ordered pair of seeds, and prints medians, with the stage split of `align` for one pair.
"""

from __future__ import annotations

import argparse
import itertools
import time

from _common import machine_speed, median

from rafahdiff.core import read_source
from rafahdiff.core.align import _extend, _select, align
from rafahdiff.core.candidates import candidates
from rafahdiff.core.features import build_features
from rafahdiff.core.pipeline import analyse, compare
from rafahdiff.core.score import DEFAULT_THRESHOLD
from rafahdiff.core.seeds import list_seeds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    print(machine_speed())
    ids = [s.id for s in list_seeds()]
    src = {i: read_source(i) for i in ids}
    docs = {i: analyse(src[i]) for i in ids}
    print(f"{'pair':9} {'units':>7} {'pairs':>5} {'align ms':>9} {'compare ms':>10}")
    all_align, all_compare = [], []
    for x, y in itertools.permutations(ids, 2):
        ta, tc = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pairs = align(docs[x], docs[y])
            ta.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            compare(src[x], src[y])
            tc.append(time.perf_counter() - t0)
        all_align.append(median(ta))
        all_compare.append(median(tc))
        units = f"{len(docs[x].units)}/{len(docs[y].units)}"
        print(f"{x}-{y}   {units:>7} {len(pairs):5d} {median(ta) * 1000:9.2f} {median(tc) * 1000:10.2f}")
    print(f"median over pairs: align {median(all_align) * 1000:.2f} ms (max {max(all_align) * 1000:.2f}), "
          f"compare {median(all_compare) * 1000:.2f} ms (max {max(all_compare) * 1000:.2f})")
    a, b = docs["001"], docs["002"]
    stages: dict[str, list[float]] = {"features": [], "candidates": [], "select+extend": []}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        pf = build_features(a, b)
        t1 = time.perf_counter()
        cands = candidates(pf, DEFAULT_THRESHOLD * 0.7)
        t2 = time.perf_counter()
        _extend(_select(cands, lambda i, j: DEFAULT_THRESHOLD), pf)
        t3 = time.perf_counter()
        stages["features"].append(t1 - t0)
        stages["candidates"].append(t2 - t1)
        stages["select+extend"].append(t3 - t2)
    print("001-002 stages (median ms): " + ", ".join(f"{k} {median(v) * 1000:.2f}" for k, v in stages.items()))


if __name__ == "__main__":
    main()
