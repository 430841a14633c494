"""Export cost: HTML, Markdown, text (plain and coloured) and JSON reports of a seed pair and of a
large synthetic pair.

Run: /work/venv/bin/python benchmarks/bench_export.py [--repeat 5] [--sentences 2000]
The alignment is computed once per input; only the rendering is timed (median of --repeat runs),
plus the report size. The large pair is the five seeds' sentences repeated with numbered
variations, B a lightly edited, partly shuffled copy, so every row kind occurs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import render_html
from rafahdiff.core.export_json import to_json
from rafahdiff.core.export_markdown import render_markdown
from rafahdiff.core.export_text import render_text
from rafahdiff.core.seeds import list_seeds


def _synthetic(n: int) -> tuple[SourceText, SourceText]:
    rnd = random.Random(6)
    pool = []
    for seed in list_seeds():
        text = read_source(seed.id).text
        pool += [s.strip() for s in text.replace("\n", " ").split(". ") if len(s.split()) > 5]
    a = [f"{pool[i % len(pool)]} (item {i})." for i in range(n)]
    b = []
    for s in a:
        r = rnd.random()
        if r < 0.1:
            continue  # omitted
        words = s.split()
        if r < 0.5:
            k = rnd.randrange(len(words))
            words[k] = "reportedly"
        b.append(" ".join(words))
        if r > 0.95:
            b.append(f"An added sentence number {rnd.randrange(10**6)} about the talks.")
    for _ in range(n // 50):  # a few moves
        i, j = rnd.randrange(len(b)), rnd.randrange(len(b))
        b[i], b[j] = b[j], b[i]
    return SourceText("synthA", "synthA", "\n\n".join(a) + "\n"), SourceText("synthB", "synthB", "\n\n".join(b) + "\n")


def _median_time(fn, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        size = len(out.encode("utf-8"))
    return statistics.median(times), size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sentences", type=int, default=2000)
    args = ap.parse_args()
    cases = [("001-002", read_source("001"), read_source("002")), (f"synthetic {args.sentences}", *_synthetic(args.sentences))]
    print(f"{'input':<18} {'units A/B':>11} {'format':<9} {'median ms':>10} {'size KB':>9}")
    for name, a, b in cases:
        al = compare(a, b)
        units = f"{len(al.a.units)}/{len(al.b.units) if al.b else 0}"
        for fmt, fn in (("html", lambda: render_html(al)), ("markdown", lambda: render_markdown(al)),
                        ("text", lambda: render_text(al, width=120)),
                        ("text+ansi", lambda: render_text(al, width=120, color=True)),
                        ("json", lambda: to_json(al))):
            t, size = _median_time(fn, args.repeat)
            print(f"{name:<18} {units:>11} {fmt:<9} {t * 1000:>10.1f} {size / 1024:>9.1f}")


if __name__ == "__main__":
    main()
