"""Word wrapping to character offsets, fast enough to lay out 60,000 sentences on every resize.

The app needs each row's height before it renders anything (the scroll range is the sum of all
heights), so wrapping must be cheap and must give exactly the lines that are later drawn: both
come from `wrap_offsets`.
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size

#: Characters known to take exactly one cell (Latin, Greek, Cyrillic, general punctuation such as
#: curly quotes and dashes, currency, arrows, box drawing, the sanitiser's ⟨⟩ and control
#: pictures): text made only of these wraps by the fast path, where length equals width.
_SINGLE_CELL = re.compile(
    "[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u2027"
    "\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2200-\u22ff\u2400-\u2426"
    "\u2500-\u25fc\u27e8\u27e9]*"
)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` into `width` cells: a list of (start, end) offsets per line.

    Breaks at spaces (which are dropped at the break); a word wider than the line is cut.
    Always returns at least one line, so an empty side still occupies its row.
    """
    width = max(1, width)
    n = len(text)
    if text.isascii() or _SINGLE_CELL.fullmatch(text):
        if n <= width:
            return [(0, n)]
        lines: list[tuple[int, int]] = []
        pos = 0
        while n - pos > width:
            cut = text.rfind(" ", pos, pos + width + 1)
            if cut <= pos:
                lines.append((pos, pos + width))
                pos += width
            else:
                end = cut
                while end > pos and text[end - 1] == " ":
                    end -= 1
                lines.append((pos, end))
                pos = cut + 1
            while pos < n and text[pos] == " ":
                pos += 1
        if pos < n or not lines:
            lines.append((pos, n))
        return lines
    return _wrap_cells(text, width)


def _wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """The same greedy wrap measured in terminal cells (wide CJK, emoji, zero-width marks)."""
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    last_space = -1
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        w = get_character_cell_size(ch)
        if ch == " ":
            last_space = i
        if used + w > width and i > start:
            if ch == " ":
                lines.append((start, i))
                i += 1
                while i < n and text[i] == " ":
                    i += 1
                start, used, last_space = i, 0, -1
                continue
            if last_space > start:
                lines.append((start, last_space))
                start = last_space + 1
                i = start
                used, last_space = 0, -1
                continue
            lines.append((start, i))
            start, used, last_space = i, 0, -1
            continue
        used += w
        i += 1
    if start < n or not lines:
        lines.append((start, n))
    return lines
