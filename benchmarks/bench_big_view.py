"""Fluidity of the diff view on two 30,000-sentence documents (no engine involved).

A hand-built alignment of 30,000 sentences a side (identical, edited, moved, added, omitted and
boilerplate rows mixed) is opened in the app headless; the script times the layout (wrapping
every row), the first screen, full screens drawn after jumps (cache cold), repeated screens
(cache warm), a resize re-wrap, a boilerplate toggle and a search. Prints medians.

    /work/venv/bin/python benchmarks/bench_big_view.py [--sentences 30000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time

from rafahdiff.core.model import Alignment, Document, Pair, Unit, WordOp
from rafahdiff.core.stats import compute_stats
from rafahdiff.tui.app import RafahdiffApp
from rafahdiff.tui.rowmodel import RowModel

WORDS = ("officials said the talks on Rafah would resume next week after a delay over the "
         "vote at the council while mediators in Qatar pressed for a ceasefire deal").split()


def _doc(source: str, sentences: list[str], boiler: set[int]) -> Document:
    text = "\n".join(sentences)
    units, pos = [], 0
    for i, s in enumerate(sentences):
        units.append(Unit(pos, pos + len(s), "sentence", "promo" if i in boiler else None,
                          "a promo line" if i in boiler else None))
        pos += len(s) + 1
    return Document(source=source, path=f"/bench/{source}.txt", text=text, title=sentences[0], units=tuple(units))


def big_alignment(n: int, seed: int = 7) -> Alignment:
    rnd = random.Random(seed)
    a_s = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 45))).capitalize() + "." for _ in range(n)]
    b_s = list(a_s)
    for i in range(0, n, 10):  # every tenth sentence edited: last word changed
        b_s[i] = b_s[i][:-1] + " indeed."
    boiler = set(range(5, n, 97))
    a, b = _doc("big-a", a_s, set()), _doc("big-b", b_s, boiler)
    pairs = []
    for i in range(n):
        if i in boiler or i % 211 == 3:
            continue  # B side boilerplate / A-only omission and B-only addition
        ua, ub = a.units[i], b.units[i]
        if i % 10 == 0:
            ops = (WordOp("equal", ua.start, ua.end - 1, ub.start, ub.end - 8),
                   WordOp("insert", ua.end - 1, ua.end - 1, ub.end - 7, ub.end - 1))
            pairs.append(Pair((i,), (i,), 0.95, "edited", False, ops))
        else:
            pairs.append(Pair((i,), (i,), 1.0, "identical", i % 503 == 1))
    pairs_t = tuple(pairs)
    return Alignment(a=a, b=b, pairs=pairs_t, stats=compute_stats(a, b, pairs_t), threshold=0.5)


def ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:.1f} ms (min {min(xs) * 1000:.1f}, max {max(xs) * 1000:.1f}, n={len(xs)})"


async def run(n: int) -> None:
    t = time.perf_counter()
    al = big_alignment(n)
    print(f"{n:,} sentences a side; alignment built in {time.perf_counter() - t:.2f} s (not part of the view)")
    t = time.perf_counter()
    RowModel(al).layout(120)
    print(f"row model + wrap all rows at 120 columns: {(time.perf_counter() - t) * 1000:.0f} ms")
    app = RafahdiffApp(alignment=al)
    async with app.run_test(size=(120, 40)) as pilot:
        view, model = app.view, app.model
        height = view.size.height
        print(f"rows {len(model.visible):,}, virtual lines {model.total_lines:,}")

        def draw_screen() -> float:
            t0 = time.perf_counter()
            for y in range(height):
                view.render_line(y)
            return time.perf_counter() - t0

        rnd = random.Random(1)
        cold, warm = [], []
        for _ in range(15):
            view.select(rnd.randrange(len(model.visible)), center=True)
            await pilot.pause()
            view._clear_caches()
            cold.append(draw_screen())
            warm.append(draw_screen())
        print(f"screen after a jump, cache cold: {ms(cold)}")
        print(f"same screen again, cache warm:  {ms(warm)}")
        keys = []
        for _ in range(20):
            t0 = time.perf_counter()
            await pilot.press("j")
            keys.append(time.perf_counter() - t0)
        print(f"key j (select next row, redraw; includes Pilot's idle wait): {ms(keys)}")
        direct = []
        for _ in range(50):
            t0 = time.perf_counter()
            app.action_move(1)
            draw_screen()
            direct.append(time.perf_counter() - t0)
        print(f"select next row + draw the screen, called directly: {ms(direct)}")
        resize = []
        for w in (100, 140, 120):
            t0 = time.perf_counter()
            await pilot.resize_terminal(w, 40)
            await pilot.pause()
            resize.append(time.perf_counter() - t0)
        print(f"resize (re-wrap every row): {ms(resize)}")
        toggles = []
        for _ in range(4):
            t0 = time.perf_counter()
            await pilot.press("b")
            toggles.append(time.perf_counter() - t0)
        print(f"b toggle (rebuild rows + re-wrap): {ms(toggles)}")
        searches = []
        for q in ("ceasefire deal", "zzz-not-there", "indeed"):
            t0 = time.perf_counter()
            app._run_search(q, jump=True)
            searches.append(time.perf_counter() - t0)
        print(f"search both panes: {ms(searches)}")


async def small_keys() -> None:
    """The same key on a 20-sentence alignment: the per-key cost that does not depend on size."""
    app = RafahdiffApp(alignment=big_alignment(20))
    async with app.run_test(size=(120, 40)) as pilot:
        keys = []
        for _ in range(20):
            t0 = time.perf_counter()
            await pilot.press("j")
            keys.append(time.perf_counter() - t0)
        print(f"key j on 20 sentences, for comparison: {ms(keys)}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sentences", type=int, default=30000)
    args = p.parse_args()
    asyncio.run(run(args.sentences))
    asyncio.run(small_keys())


if __name__ == "__main__":
    main()
