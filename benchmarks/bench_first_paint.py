"""First paint of `rafahdiff 001 002`: from process start to the first drawn diff line.

Each run starts a fresh interpreter (imports included, as a user would pay them), runs the real
app headless at 120×40 and reports when the diff view renders its first line. Prints medians.

    /work/venv/bin/python benchmarks/bench_first_paint.py [--runs 7] [A B]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import sys, time
from rafahdiff.core import read_source
from rafahdiff.tui import rowview
from rafahdiff.tui.app import RafahdiffApp

a, b = sys.argv[1], sys.argv[2]
original = rowview.DiffView.render_line
state = {"done": False}

def render_line(self, y):
    strip = original(self, y)
    if not state["done"] and self.model.visible:
        state["done"] = True
        print(f"PAINT {time.time():.6f}", flush=True)
        self.app.call_later(self.app.exit, 0)
    return strip

rowview.DiffView.render_line = render_line
app = RafahdiffApp(read_source(a), read_source(b) if b != "-" else None, 0.5)
app.run(headless=True, size=(120, 40))
"""


def one_run(a: str, b: str) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, a, b], capture_output=True, text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("PAINT "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported: {out.stderr[-500:]}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("a", nargs="?", default="001")
    p.add_argument("b", nargs="?", default="002")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    one_run(args.a, args.b)  # warm the OS file cache and .pyc files
    times = [one_run(args.a, args.b) for _ in range(args.runs)]
    print(f"first paint rafahdiff {args.a} {args.b} (120x40, headless, fresh process):")
    print(f"  median {statistics.median(times) * 1000:.0f} ms   min {min(times) * 1000:.0f} ms   "
          f"max {max(times) * 1000:.0f} ms   runs {len(times)}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"  target: under 500 ms on 2 cores   (load average during the run: {load})")


if __name__ == "__main__":
    main()
