"""Cost growth with size: two texts built from the PAN documents, the second heavily perturbed.

Run: /work/venv/bin/python benchmarks/bench_scale.py [--sizes 10k 100k 1m 4m 8m] [--repeat 3]
B is A with every sentence reworded (a third of its words replaced or dropped, neighbours
swapped), plus deleted, inserted and moved blocks, so the right pairs are known by construction.
Each size runs in a fresh process so the peak RSS (ru_maxrss) belongs to that size alone.
Prints time of the whole pipeline (segment + boilerplate + align + stats) and of align alone
(which at book length, with a free core, also reads B's words in a forked copy and shares its
loops with a forked helper: core.forked_helper), peak memory (of the process, and of the
second process that reads B for big inputs or the forked helper that takes half of the
candidates, the choice of pairs and half of the remaining word diffs, whichever peaked
higher), and pair precision/recall against the construction; `--stages` adds the pipeline's
CPU seconds per stage (medians; with a helper, its share is not in them), to see where the
time goes.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

from _common import PAN, machine_speed, median

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "4m": 4_000_000, "8m": 8_000_000}


def _sentences(limit: int) -> list[str]:
    """Real sentences of the PAN texts (whitespace collapsed), about `limit` characters in all."""
    from _common import plain_document

    files = sorted((PAN / "src").glob("*.txt")) + sorted((PAN / "susp").glob("*.txt"))
    out: list[str] = []
    total = 0
    rnd = random.Random(7)
    cycle = 0
    cipher: dict[str, str] = {}
    while total < limit:
        for f in files:
            text = f.read_text(encoding="utf-8")
            doc = plain_document(text)
            for u in doc.units:
                s = " ".join(text[u.start:u.end].split())
                if len(s) < 20:
                    continue
                if cycle:  # later cycles reuse texts: a word cipher makes them distinct text
                    s = " ".join(cipher.setdefault(w, f"{w}{cycle}x{rnd.randint(0, 99)}") for w in s.split())
                out.append(s)
                total += len(s) + 1
                if total >= limit:
                    return out
        cycle += 1
    return out


def _reword(s: str, vocab: list[str], rnd: random.Random) -> str:
    words = s.split()
    out = []
    for w in words:
        r = rnd.random()
        if r < 0.2:
            out.append(rnd.choice(vocab))
        elif r < 0.3:
            continue
        else:
            out.append(w)
    if out and out[-1] != words[-1]:
        out.append(words[-1])  # keep the final punctuation, so sentence ends survive
    for k in range(len(out) - 2):
        if rnd.random() < 0.1:
            out[k], out[k + 1] = out[k + 1], out[k]
    return " ".join(out) if out else s


def build(size: int, seed: int = 1) -> tuple[str, str, list[tuple[int, int]]]:
    """(text A, text B, truth) with truth = (start of the A sentence, start of its B sentence)."""
    rnd = random.Random(seed)
    sents = _sentences(size)
    vocab = [w for s in sents[:2000] for w in s.split()]
    n = len(sents)
    # B's order: blocks of 1-8 sentences; 5 % of blocks moved elsewhere.
    blocks = []
    k = 0
    while k < n:
        m = rnd.randint(1, 8)
        blocks.append(list(range(k, min(n, k + m))))
        k += m
    moved = [b for b in blocks if rnd.random() < 0.05]
    order = [b for b in blocks if b not in moved]
    for b in moved:
        order.insert(rnd.randrange(len(order) + 1), b)
    a_parts, a_starts, pos = [], [], 0
    for k, s in enumerate(sents):
        a_starts.append(pos)
        sep = "\n\n" if k % 5 == 4 else " "
        a_parts.append(s + sep)
        pos += len(s) + len(sep)
    b_parts, truth, pos, count = [], [], 0, 0
    for block in order:
        for k in block:
            if rnd.random() < 0.05:  # deleted in B
                continue
            if rnd.random() < 0.05:  # a foreign sentence inserted in B
                t = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(8, 25))) + "."
                b_parts.append(t + " ")
                pos += len(t) + 1
            t = _reword(sents[k], vocab, rnd)
            truth.append((a_starts[k], pos))
            count += 1
            sep = "\n\n" if count % 5 == 0 else " "
            b_parts.append(t + sep)
            pos += len(t) + len(sep)
    return "".join(a_parts), "".join(b_parts), truth


#: (module, function) pairs timed by --stages, in pipeline order; the module is where the caller
#: looks the name up (so wrapping it there is seen). Missing names are skipped.
STAGES = [
    ("pipeline", "segment"), ("pipeline", "classify"), ("pipeline", "doc_words"), ("pipeline", "pair_features"),
    ("align", "_features"), ("align", "candidates"),
    ("align", "_select"), ("align", "_fill_gaps"), ("align", "_extend"), ("align", "context_pairs"),
    ("align", "heaviest_chain"), ("align", "build_pairs"),
    ("pipeline", "refine_unpaired"), ("pipeline", "compute_stats"),
]


def _time_stages() -> dict[str, float]:
    """Wrap the stage functions so each call adds its CPU seconds to the returned dict (a
    wrapper costs about a microsecond a call: per-pair stages read slightly high)."""
    import importlib

    spent: dict[str, float] = {}
    for mod_name, name in STAGES:
        mod = importlib.import_module(f"rafahdiff.core.{mod_name}")
        fn = getattr(mod, name, None)
        if fn is None:
            continue

        def timed(*args, _fn=fn, _name=name, **kw):
            c0 = time.process_time()
            try:
                return _fn(*args, **kw)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.process_time() - c0

        setattr(mod, name, timed)
    return spent


def one(size: int, stages: bool = False) -> dict:
    from _common import plain_document

    from rafahdiff.core.align import align
    from rafahdiff.core.model import SourceText
    from rafahdiff.core.pipeline import compare

    text_a, text_b, truth = build(size)
    src_a = SourceText("A", "A", text_a)
    src_b = SourceText("B", "B", text_b)
    spent = _time_stages() if stages else {}
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        compare(src_a, src_b)
        t_pipe, c_pipe = time.perf_counter() - t0, time.process_time() - c0
    except Exception as e:  # colleagues' stages in flux: still measure the engine
        print(f"pipeline failed: {e!r}", file=sys.stderr)
        t_pipe = c_pipe = float("nan")
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the second process (B read there) and of the forked helper (core.forked_helper)
    c_kids = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
    stage_cpu = dict(spent)
    # The engine alone, on all-content documents (quality is judged on these).
    da, db = plain_document(text_a, "A"), plain_document(text_b, "B")
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = align(da, db)
    t_align, c_align = time.perf_counter() - t0, time.process_time() - c0

    class al:  # noqa: N801 - the few fields the quality figures need
        a, b = da, db

    al.pairs = pairs
    # Truth maps sentence starts; the segmenter may cut differently, so compare by unit start.
    a_of = {u.start: i for i, u in enumerate(al.a.units)}
    b_of = {u.start: j for j, u in enumerate(al.b.units)}
    true = {(a_of[x], b_of[y]) for x, y in truth if x in a_of and y in b_of}
    true_a = {i for i, _ in true}
    found = {(i, j) for p in al.pairs for i in p.a for j in p.b}
    hits = len(true & found)
    judged = sum(1 for p in al.pairs if any(i in true_a for i in p.a))
    ok_pairs = sum(1 for p in al.pairs if any((i, j) in true for i in p.a for j in p.b))
    return {
        "bytes": len(text_a.encode()) + len(text_b.encode()),
        "units": (len(al.a.units), len(al.b.units)),
        "pipeline_s": t_pipe,
        "align_s": t_align,
        "pipeline_cpu": c_pipe,
        "children_cpu": c_kids,
        "align_cpu": c_align,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # the second process that reads B for big inputs (core.pipeline._prepare), or the forked
        # helper (core.forked_helper), whichever peaked higher; its RSS counts the pages it
        # still shares with this process
        "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "precision": ok_pairs / judged if judged else 0.0,
        "recall": hits / len(true) if true else 0.0,
        "moved": sum(p.moved for p in al.pairs),
        "pairs": len(al.pairs),
        "stages": stage_cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", default=list(SIZES))
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--stages", action="store_true", help="also print the pipeline's CPU seconds per stage")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.stages)))
        return
    print(machine_speed())
    print("wall = elapsed seconds, cpu = process CPU seconds (less sensitive to a shared machine)")
    print("pipe cpu = this process; child cpu / +child MB = the second process and the forked helper")
    print(f"{'size':>5} {'units A/B':>13} {'pipe wall':>9} {'pipe cpu':>8} {'child cpu':>9} {'align wall':>10} {'align cpu':>9} {'peak MB':>8} {'+child':>6} {'prec':>6} {'recall':>6} {'pairs':>6} {'moved':>6}")
    for name in args.sizes:
        runs = []
        for _ in range(args.repeat):
            cmd = [sys.executable, __file__, "--one", str(SIZES[name])] + (["--stages"] if args.stages else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout))
        r = runs[0]
        print(
            f"{name:>5} {r['units'][0]:>6}/{r['units'][1]:<6} {median([x['pipeline_s'] for x in runs]):9.2f} "
            f"{median([x['pipeline_cpu'] for x in runs]):8.2f} {median([x['children_cpu'] for x in runs]):9.2f} "
            f"{median([x['align_s'] for x in runs]):10.2f} "
            f"{median([x['align_cpu'] for x in runs]):9.2f} {max(x['peak_mb'] for x in runs):8.0f} {max(x['child_peak_mb'] for x in runs):6.0f} "
            f"{r['precision']:6.3f} {r['recall']:6.3f} {r['pairs']:6d} {r['moved']:6d}",
            flush=True,
        )
        if args.stages:
            split = {k: median([x["stages"].get(k, 0.0) for x in runs]) for k in r["stages"]}
            print("       stage cpu s: " + ", ".join(f"{k.lstrip('_')} {v:.2f}" for k, v in split.items()), flush=True)


if __name__ == "__main__":
    main()
