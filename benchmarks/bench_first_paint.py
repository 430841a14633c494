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
import resource, sys, time
import rafahdiff.tui.cli  # what the console script imports before it decides to start the app
from rafahdiff.core import DEFAULT_THRESHOLD, read_source
from rafahdiff.tui import rowview
from rafahdiff.tui.app import RafahdiffApp

a, b = sys.argv[1], sys.argv[2]
original = rowview.DiffView.render_line
state = {"done": False}

def render_line(self, y):
    strip = original(self, y)
    if not state["done"] and self.model.visible:
        state["done"] = True
        ru = resource.getrusage(resource.RUSAGE_SELF)
        print(f"PAINT {time.time():.6f} {ru.ru_utime + ru.ru_stime:.6f}", flush=True)
        self.app.call_later(self.app.exit, 0)
    return strip

rowview.DiffView.render_line = render_line
print(f"IMPORTED {time.time():.6f}", flush=True)
app = RafahdiffApp(read_source(a), read_source(b) if b != "-" else None, DEFAULT_THRESHOLD)
app.run(headless=True, size=(120, 40))
"""


def one_run(a: str, b: str) -> tuple[float, float, float]:
    """(wall seconds from spawn to first paint, CPU seconds used until then, wall seconds of imports)."""
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, a, b], capture_output=True, text=True, timeout=60)
    imported = None
    for line in out.stdout.splitlines():
        if line.startswith("IMPORTED "):
            imported = float(line.split()[1]) - start
        if line.startswith("PAINT "):
            _, wall, cpu = line.split()
            return float(wall) - start, float(cpu), imported or 0.0
    raise RuntimeError(f"no paint reported: {out.stderr[-500:]}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("a", nargs="?", default="001")
    p.add_argument("b", nargs="?", default="002")
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    one_run(args.a, args.b)  # warm the OS file cache and .pyc files
    runs = [one_run(args.a, args.b) for _ in range(args.runs)]
    walls = [w for w, _, _ in runs]
    cpus = [c for _, c, _ in runs]
    imports = [i for _, _, i in runs]
    print(f"first paint rafahdiff {args.a} {args.b} (120x40, headless, fresh process, {len(runs)} runs):")
    print(f"  wall time  median {statistics.median(walls) * 1000:.0f} ms   min {min(walls) * 1000:.0f} ms   "
          f"max {max(walls) * 1000:.0f} ms")
    print(f"  imports    median {statistics.median(imports) * 1000:.0f} ms   (interpreter start + cli, engine, "
          f"Textual; the rest is alignment, layout and the first frame)")
    print(f"  CPU time   median {statistics.median(cpus) * 1000:.0f} ms   min {min(cpus) * 1000:.0f} ms   "
          f"(what the wall time is on an idle core)")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"  target: under 500 ms on 2 cores   (load average during the run: {load})")


if __name__ == "__main__":
    main()
