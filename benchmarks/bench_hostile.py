"""Bounded time and memory on hostile input: wall time and peak RSS of the real CLI per case.

Run: /work/venv/bin/python benchmarks/bench_hostile.py [--repeat 3] [--only NAME ...] [--timeout 600]

Every case of tests/hostile_cases.py (empty, whitespace-only, a single 10 MB line, 100,000
one-word lines, identical lines, no punctuation, mixed scripts, combining marks, CRLF, lone CR,
BOM, invalid UTF-8, terminal attacks, binary), plus an input of exactly MAX_INPUT_BYTES of
article text and two of exactly MAX_UNITS units (lines; sentences), each run as a fresh `rafahdiff` process in three modes: the document alone, against
seed 001, and against itself (the quadratic worst case an aligner can fall into). `--format json`
to /dev/null, plus `--format text` for the document alone. Peak RSS comes from wait4() of that one
process. The timeout is a hang guard: a case that reaches it prints TIMEOUT.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_cases import CASES, seed_text  # noqa: E402

BIN = Path(sys.executable).parent / "rafahdiff"


def max_size_article() -> bytes:
    from rafahdiff.core.reading import MAX_INPUT_BYTES

    seeds = "\n\n".join(seed_text(p) for p in ("000", "001", "002", "003", "004")).encode()
    return (seeds * (MAX_INPUT_BYTES // len(seeds) + 1))[:MAX_INPUT_BYTES].rsplit(b"\n", 1)[0] + b"\n"


def max_units_lines() -> bytes:
    """Exactly MAX_UNITS distinct one-word lines: the most units an input may have."""
    from rafahdiff.core.reading import MAX_UNITS

    return "".join(f"word{i}\n" for i in range(MAX_UNITS)).encode()


def max_units_sentences() -> bytes:
    """MAX_UNITS short sentences, fifty to a line."""
    from rafahdiff.core.reading import MAX_UNITS

    line = " ".join(f"Talks resume on day {k}." for k in range(50)) + "\n"
    return (line * (MAX_UNITS // 50)).encode()


def run_once(args: list[str], timeout: float) -> tuple[float, float, int, str]:
    """(seconds, peak RSS MiB, exit code, first stderr line) of one CLI process."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen([str(BIN), *args], stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                p.returncode = -9
                return timeout, usage.ru_maxrss / 1024, -9, "TIMEOUT"
            time.sleep(0.02)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        line = err.read().decode("utf-8", "replace").strip().splitlines()
        return dt, usage.ru_maxrss / 1024, p.returncode, (line[0] if line else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--modes", nargs="*", default=["alone", "text", "vs-001", "vs-self"])
    args = ap.parse_args()
    cases = dict(CASES)
    cases["max_input_bytes_article"] = max_size_article
    cases["max_units_lines"] = max_units_lines
    cases["max_units_sentences"] = max_units_sentences
    print(f"{'case':28} {'mode':8} {'MB':>6} {'median s':>9} {'peak MiB':>9} exit  stderr")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases.items():
            if args.only and name not in args.only:
                continue
            data = make()
            path = Path(tmp) / f"{name}.txt"
            path.write_bytes(data)
            modes = {
                "alone": [str(path), "--format", "json"],
                "text": [str(path), "--format", "text", "--width", "120"],
                "vs-001": [str(path), "001", "--format", "json"],
                "vs-self": [str(path), str(path), "--format", "json"],
            }
            for mode in args.modes:
                runs = [run_once(modes[mode], args.timeout) for _ in range(args.repeat)]
                secs = statistics.median(r[0] for r in runs)
                rss = max(r[1] for r in runs)
                code, line = runs[-1][2], runs[-1][3]
                print(f"{name:28} {mode:8} {len(data) / 1e6:6.2f} {secs:9.2f} {rss:9.0f} {code:4}  {line[:70]}",
                      flush=True)


if __name__ == "__main__":
    main()
