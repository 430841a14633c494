"""Shared helpers for the app tests: a hand-built Alignment and screen-reading utilities.

The hand-built alignment has every row state (identical, edited, moved, added, omitted,
boilerplate) at known places, so the key tests do not depend on what the engine — rewritten in
parallel — currently decides. Tests on the real seeds find rows by text and relation instead.
"""

from __future__ import annotations

from rafahdiff.core.model import Alignment, Document, Pair, Unit, WordOp
from rafahdiff.core.stats import compute_stats

A_LINES = [
    "Alpha sentence one.",
    "Beta sentence two.",
    "Gamma sentence three moved later.",
    "Delta sentence four.",
    "Epsilon only in A.",
    "Zeta sentence six.",
    "Eta sentence seven.",
]
B_LINES = [
    "Alpha sentence one changed.",
    "Beta sentence two.",
    "Delta sentence four.",
    "Follow us on Example for more news.",
    "Zeta sentence six.",
    "Eta sentence seven.",
    "Gamma sentence three moved later.",
    "Theta only in B.",
]


def _doc(source: str, lines: list[str], boiler: dict[int, tuple[str, str]]) -> Document:
    text = "\n\n".join(lines) + "\n"
    units = []
    pos = 0
    for i, line in enumerate(lines):
        start = text.index(line, pos)
        cat, reason = boiler.get(i, (None, None))
        units.append(Unit(start, start + len(line), "sentence", cat, reason))  # type: ignore[arg-type]
        pos = start + len(line)
    return Document(source=source, path=f"/tmp/{source}.txt", text=text, title=lines[0], units=tuple(units))


def synthetic_alignment() -> Alignment:
    a = _doc("left", A_LINES, {})
    b = _doc("right", B_LINES, {3: ("promo", "a Follow-us line")})
    a0, b0 = a.units[0], b.units[0]
    changed = WordOp("insert", a0.end - 1, a0.end - 1, b0.start + 19, b0.start + 26)
    equal = WordOp("equal", a0.start, a0.end - 1, b0.start, b0.start + 18)
    pairs = (
        Pair((0,), (0,), 0.9, "edited", False, (equal, changed)),
        Pair((1,), (1,), 1.0, "identical"),
        Pair((2,), (6,), 1.0, "identical", True),
        Pair((3,), (2,), 1.0, "identical"),
        Pair((5,), (4,), 1.0, "identical"),
        Pair((6,), (5,), 1.0, "identical"),
    )
    return Alignment(a=a, b=b, pairs=pairs, stats=compute_stats(a, b, pairs), threshold=0.5)


def hostile_alignment() -> Alignment:
    """Article text holding an OSC 52 clipboard write, CSI, a bidi override and a NUL."""
    evil = "Evil \x1b]52;c;aGVsbG8=\x07 text \x1b[2J with \u202e override and \x00 nul."
    a = _doc("evil", [evil, "Plain sentence."], {})
    b = _doc("other", ["Plain sentence.", evil], {})
    pairs = (Pair((1,), (0,), 1.0, "identical"), Pair((0,), (1,), 1.0, "identical", True))
    return Alignment(a=a, b=b, pairs=pairs, stats=compute_stats(a, b, pairs), threshold=0.5)


def screen_text(app) -> str:
    """The plain characters of every line currently drawn by the diff view."""
    view = app.view
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def row_texts(app, index: int) -> tuple[str, str]:
    """Plain shown text (A, B) of visible row `index`."""
    m = app.model
    v = m.visible[index]
    b = m.side_text(v.first, "b").plain if m.two_sided else ""
    return m.side_text(v.first, "a").plain, b


def whole_screen(app) -> str:
    """Every character on the terminal screen (all widgets, modal screens included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def loaded_by_app_start(modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh interpreter has loaded after importing what `rafahdiff A B`
    imports before its first frame (the CLI, the app and the start-up fork)."""
    import subprocess
    import sys

    code = (
        "import sys, rafahdiff.tui.cli, rafahdiff.tui.app, rafahdiff.tui.prefetch\n"
        f"print(' '.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


async def aligned(app, pilot, seconds: float = 60) -> None:
    """Wait until the app's aligning thread (big inputs) has finished and its result is shown
    (or the app has failed)."""
    import asyncio

    if app.aligner is not None:
        await asyncio.to_thread(app.aligner.join, seconds)
    for _ in range(100):
        if app.view is not None or app.error_message:
            break
        await pilot.pause(0.02)
    await pilot.pause()
