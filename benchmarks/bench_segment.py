"""Segmenter benchmark: Golden Rules accuracy, seed sentences, speed (MB/s, medians), and the
pathological inputs of issue 7 — for rafahdiff and, when installed, pysbd, syntok and sentencex.

Run from the repository root:  /work/venv/bin/python benchmarks/bench_segment.py [--quick]
Speed is median CPU time (process_time) of several runs: the machine is shared, wall time is noisy.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rafahdiff.core import read_source  # noqa: E402
from rafahdiff.core.segment import segment  # noqa: E402
from rafahdiff.core.wrapping import looks_hard_wrapped, unwrap  # noqa: E402
from tests.test_segment import SEED_SENTENCES  # noqa: E402  (the eye-checked seed gold)

BENCH = ROOT.parent / "shared" / "bench-data"
GOLDEN = BENCH / "golden_rules_en.json"
PAN_SRC = BENCH / "pan13-train-sample" / "src"
PAN_SUSP = BENCH / "pan13-train-sample" / "susp"
AEB = BENCH / "aeb_lines.jsonl"

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


def _by_line(split: Splitter) -> Splitter:
    """Other libraries see one line at a time, as rafahdiff does (a sentence never crosses a line)."""
    def run(text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):
            if line.strip():
                out.extend(split(line))
        return out
    return run


def _others() -> dict[str, Splitter | str]:
    libs: dict[str, Splitter | str] = {}
    try:
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False)
        libs["pysbd"] = seg.segment
    except ImportError:
        libs["pysbd"] = "not installed"
    try:
        from syntok import segmenter as syn

        def syntok_split(text: str) -> list[str]:
            return ["".join(str(t) for t in s) for p in syn.analyze(text) for s in p]
        libs["syntok"] = syntok_split
    except ImportError:
        libs["syntok"] = "not installed"
    try:
        import sentencex

        def sentencex_split(text: str) -> list[str]:
            return list(sentencex.segment("en", text))
        libs["sentencex"] = sentencex_split
    except ImportError:
        libs["sentencex"] = "not installed"
    return libs


def golden_score(split: Splitter) -> tuple[int, int, list[int]]:
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))["cases"]
    failed = []
    for i, c in enumerate(cases):
        try:
            got = [s.strip() for s in split(c["text"]) if s.strip()]
        except Exception:  # a library crash counts as a failure
            got = None
        if got != c["sentences"]:
            failed.append(i)
    return len(cases) - len(failed), len(cases), failed


def seed_score(split: Splitter) -> tuple[int, int]:
    """How many gold seed sentences the splitter reproduces exactly (stripped)."""
    found = total = 0
    for seed_id, gold in SEED_SENTENCES.items():
        got = {s.strip() for s in split(read_source(seed_id).text)}
        total += len(gold)
        found += sum(1 for g in gold if g in got)
    return found, total


def mb_per_s(split: Splitter, text: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        split(text)
        times.append(time.process_time() - t0)
    med = statistics.median(times)
    return len(text.encode("utf-8")) / 1e6 / max(med, 1e-9), med


def _repeat(text: str, size: int) -> str:
    return (text * (size // max(len(text), 1) + 1))[:size]


def corpora() -> tuple[str, str]:
    news = "\n\n".join(read_source(s).text for s in SEED_SENTENCES)
    pan_parts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(PAN_SRC.glob("*.txt"))[:150]]
    pan = re.sub(r"(?<!\n)\n(?!\n)", " ", "\n\n".join(pan_parts))  # Gutenberg hard wraps joined
    return news, pan


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 3 if quick else 5
    news, pan = corpora()
    libs: dict[str, Splitter | str] = {"rafahdiff": ours, **_others()}

    print("== accuracy ==")
    print(f"{'splitter':10} {'golden rules':>14} {'seed sentences':>16}  failed golden cases")
    for name, split in libs.items():
        if isinstance(split, str):
            print(f"{name:10} {split}")
            continue
        line_split = split if name == "rafahdiff" else _by_line(split)
        ok, n, failed = golden_score(split)
        found, total = seed_score(line_split)
        print(f"{name:10} {ok:>6}/{n:<3} {100 * ok / n:4.1f}% {found:>9}/{total:<4}  {failed}")

    print("\n== speed (median CPU time) ==")
    small = 100_000 if quick else 200_000
    for name, split in libs.items():
        if isinstance(split, str):
            print(f"{name:10} {split}")
            continue
        if name == "rafahdiff":
            for label, base in (("news", news), ("pan", pan)):
                for size in (250_000, 1_000_000, 4_000_000):
                    rate, med = mb_per_s(ours, _repeat(base, size), runs)
                    print(f"{name:10} {label:5} {size / 1e6:5.2f} MB  {med:7.3f} s  {rate:7.1f} MB/s")
        else:
            split_lines = _by_line(split)
            for label, base in (("news", news), ("pan", pan)):
                rate, med = mb_per_s(split_lines, _repeat(base, small), 3)
                print(f"{name:10} {label:5} {small / 1e6:5.2f} MB  {med:7.3f} s  {rate:7.1f} MB/s")

    print("\n== pathological inputs (rafahdiff, median CPU time) ==")
    patho = {
        "10 MB single line (prose)": _repeat(pan.replace("\n", " "), 10_000_000),
        "100,000 one-word lines": "word\n" * 100_000,
        "10 MB of '.'": "." * 10_000_000,
        "4 MB of 'U.S. ' (a candidate every 5 chars)": "U.S. " * 800_000,
        "4 MB of spaced dots '. '": ". " * 2_000_000,
        "4 MB no whitespace": "x" * 4_000_000,
        "same line 30,000 times": "The same line again. And again.\n" * 30_000,
    }
    for label, text in patho.items():
        rate, med = mb_per_s(ours, text, 3 if not quick else 1)
        print(f"{label:42} {len(text) / 1e6:6.2f} MB {med:7.3f} s {rate:7.1f} MB/s")
    wrap_report(quick)


def wrap_report(quick: bool) -> None:
    print("\n== hard-wrap detection (core.wrapping, applied by pipeline.analyse) ==")
    pages = [json.loads(x) for x in AEB.read_text(encoding="utf-8").splitlines() if x.strip()]
    flagged = sum(looks_hard_wrapped("\n".join(ln["text"] for ln in p["lines"])) for p in pages)
    print(f"AEB web pages (one block per line) flagged as hard-wrapped: {flagged}/{len(pages)}")
    for label, folder in (("PAN src", PAN_SRC), ("PAN susp", PAN_SUSP)):
        files = sorted(folder.glob("*.txt"))
        n = sum(looks_hard_wrapped(f.read_text(encoding="utf-8", errors="replace")) for f in files)
        print(f"{label} documents flagged: {n}/{len(files)}")
    raw = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in sorted(PAN_SUSP.glob("*.txt")))
    text = _repeat(raw, 4_000_000)
    rate, med = mb_per_s(lambda t: segment(unwrap(t)) if looks_hard_wrapped(t) else segment(t), text, 1 if quick else 3)
    print(f"detect + unwrap + segment, PAN susp 4 MB: {med:.3f} s  {rate:.1f} MB/s")


if __name__ == "__main__":
    main()
