"""First paint of `rafahdiff 001 002`: from process start to the first drawn diff line.

Each run starts a fresh interpreter and runs the real command, `rafahdiff.tui.cli.main(["001",
"002"])`, on a pseudo-terminal (so it takes the app path, with every import, the read, the
alignment and any helper process as a user pays them); only `App.run` is made headless at
120×40, and the time is taken when the diff view renders its first line. Prints medians, with
the compiled modules cached (as pip leaves an installed program) and with every module compiled
on every run (what this machine's PYTHONDONTWRITEBYTECODE=1 makes of the editable install).

    /work/venv/bin/python benchmarks/bench_first_paint.py [--runs 7] [--child auto|never] [A B]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Hooks run right after a module is first imported, so the program imports what it imports,
# when it imports it (patching before `main` would import Textual and the view up front).
CHILD = r"""
import os, resource, sys, time

# Marks go to their own file: while the app runs, its stderr is the terminal (tui/app.py).
_MARKS = open(os.environ["BENCH_FIRST_PAINT_MARKS"], "a", buffering=1)

def _cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return f"{s.ru_utime + s.ru_stime:.6f} {c.ru_utime + c.ru_stime:.6f}"

def _patch_view(mod):
    original = mod.DiffView.render_line
    state = {"done": False}
    def render_line(self, y):
        strip = original(self, y)
        if not state["done"] and self.model.visible:
            state["done"] = True
            print(f"PAINT {time.time():.6f} {_cpu()}", file=_MARKS, flush=True)
            self.app.call_later(self.app.exit, 0)
        return strip
    mod.DiffView.render_line = render_line

def _patch_app(mod):
    run = mod.App.run
    def headless_run(self, *args, **kwargs):
        print(f"RUN {time.time():.6f}", file=_MARKS, flush=True)
        kwargs.update(headless=True, size=(120, 40))
        return run(self, *args, **kwargs)
    mod.App.run = headless_run

_HOOKS = {"rafahdiff.tui.rowview": _patch_view, "textual.app": _patch_app}

class _AfterImport:
    def find_spec(self, name, path, target=None):
        if name not in _HOOKS:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        exec_module = spec.loader.exec_module
        def run_then_patch(module):
            exec_module(module)
            _HOOKS[name](module)
        spec.loader.exec_module = run_then_patch
        return spec

sys.meta_path.insert(0, _AfterImport())
_CHILD = sys.argv.pop(1)
if _CHILD == "never":
    from rafahdiff.tui import prefetch
    prefetch.start = lambda *args: None
from rafahdiff.tui.cli import main
code = main(sys.argv[1:])
print(f"EXIT {code} {_cpu().split()[1]}", file=_MARKS, flush=True)  # the child, reaped by now
"""


def child_env(bytecode_cache: str | None) -> dict[str, str]:
    """The child's environment: compiled modules read from (and, on the warm-up run, written to)
    `bytecode_cache`, as an installed program reads the .pyc files pip compiled at install; None:
    as this environment says (PYTHONDONTWRITEBYTECODE=1 makes every run compile every module)."""
    env = dict(os.environ)
    if bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode_cache
    return env


def one_run(a: str, b: str, prelude: str = "", env: dict[str, str] | None = None,
            child: str = "auto") -> tuple[float, float, float, float]:
    """(wall seconds from spawn to first paint, CPU seconds used until then by the process, that
    plus all the CPU of the child that aligned (reaped after the first frame), wall seconds from
    spawn to `App.run`). `prelude` is code run first (an A/B script uses it to import another
    source tree); `child`: "auto", the alignment made in a child where the command decides to,
    or "never"."""
    master, slave = os.openpty()  # stdin and stdout a terminal: the command starts the app
    with tempfile.NamedTemporaryFile("r", suffix=".marks", encoding="utf-8") as marks_file:
        env = dict(os.environ if env is None else env, BENCH_FIRST_PAINT_MARKS=marks_file.name)
        try:
            start = time.time()
            proc = subprocess.Popen([sys.executable, "-c", prelude + CHILD, child, a, b], stdin=slave, stdout=slave,
                                    stderr=subprocess.PIPE, text=True, close_fds=True, env=env)
            os.close(slave)
            slave = -1
            _, err = proc.communicate(timeout=60)
        finally:
            for fd in (master, slave):
                if fd >= 0:
                    os.close(fd)
        err = marks_file.read() + err
    marks = {w[0]: w[1:] for w in map(str.split, err.splitlines()) if w[:1] in (["PAINT"], ["RUN"], ["EXIT"])}
    if "PAINT" not in marks or marks.get("EXIT", [""])[0] != "0":
        raise RuntimeError(f"no paint reported: {err[-800:]}")
    wall, own, _ = (float(x) for x in marks["PAINT"])
    helper = float(marks["EXIT"][1]) if len(marks["EXIT"]) > 1 else 0.0
    run = float(marks["RUN"][0]) if "RUN" in marks else wall
    return wall - start, own, own + helper, run - start


def report(title: str, runs: list[tuple[float, float, float, float]]) -> None:
    def ms(k: int, f=statistics.median) -> str:
        return f"{f(r[k] for r in runs) * 1000:.0f} ms"

    print(f"{title} ({len(runs)} runs):")
    print(f"  wall time  median {ms(0)}   min {ms(0, min)}   max {ms(0, max)}")
    print(f"  to App.run median {ms(3)}   (interpreter, imports, read, alignment; the rest is the app's "
          f"start, layout and first frame)")
    print(f"  CPU time   median {ms(1)}   min {ms(1, min)}   (the command's process until then)")
    forked = sum(1 for r in runs if r[2] > r[1])
    print(f"  CPU, all   median {ms(2)}   (with the child, when one aligned meanwhile: {forked} of {len(runs)} "
          f"runs)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a", nargs="?", default="001")
    p.add_argument("b", nargs="?", default="002")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--child", choices=("auto", "never"), default="auto",
                   help="align in a child process where the command decides to (auto) or never (the "
                   "one-process path, for comparison)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="rafahdiff-pyc-") as cache:
        modes = {"compiled modules cached (an installed program)": child_env(cache),
                 "every module compiled (PYTHONDONTWRITEBYTECODE=1)": child_env(None)}
        for env in modes.values():
            one_run(args.a, args.b, env=env, child=args.child)  # warm the OS file cache, write the .pyc files
        runs: dict[str, list] = {m: [] for m in modes}
        for _ in range(args.runs):  # interleaved: a load that comes and goes hits both alike
            for m, env in modes.items():
                runs[m].append(one_run(args.a, args.b, env=env, child=args.child))
    for m in modes:
        report(f"first paint rafahdiff {args.a} {args.b} (120x40, headless, fresh process), {m}", runs[m])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"target: under 500 ms on 2 cores   (load average during the run: {load})")


if __name__ == "__main__":
    main()
