"""Hard-wrapped text: lines broken inside sentences (PDF copies, e-mail, Project Gutenberg).

The segmenter never lets a sentence cross a line break, which is right for text copied from a
web page (one block per line) and wrong for hard-wrapped prose, where it would cut sentences into
line fragments. `looks_hard_wrapped` tells the two apart from how lines continue; `unwrap` turns
the soft breaks into spaces without moving a single offset, so `segment(unwrap(text))` gives
spans that index the original text (a span may then contain a newline of the original).
In text wrapped at one width, a line that left room for the next line's first word was ended by
its writer (a headline, a byline, a paragraph's last line): that break stays a line break.
"""

from __future__ import annotations

_TERMINAL = ".!?…:;\"'”’)]»"

MIN_PAIRS = 8  # fewer adjacent line pairs than this: too little evidence, keep lines
MIN_CONTINUED = 0.3  # share of pairs where the next line continues a sentence in lower case
MIN_LINE = 30  # only lines of prose length count as evidence
MIN_WIDTH_EVIDENCE = 4  # continued lines needed to estimate the wrap width
MAX_WIDTH = 200  # wider "lines" are paragraphs, not a wrap width
MIN_SPREAD = 0.75  # short continued lines (10th percentile) / long ones (90th): one fixed width


def looks_hard_wrapped(text: str) -> bool:
    """True when many lines end mid-sentence and the next line goes on in lower case.

    Copied web pages almost never do this (every block starts with a capital or a symbol);
    hard-wrapped prose does it on a large share of its lines.
    """
    pairs = continued = 0
    prev = ""
    for line in text.split("\n"):
        cur = line.strip()
        if cur and len(prev) >= MIN_LINE and prev.count(" ") >= 4:  # menus and labels are short
            pairs += 1
            continued += _continues(prev, cur)
        prev = cur
    return pairs >= MIN_PAIRS and continued >= MIN_CONTINUED * pairs


def _continues(prev: str, cur: str) -> bool:
    """`cur` goes on with `prev`'s sentence: no closing mark before, a lower-case word after
    (a word, not "http://…" or "www.…")."""
    if not prev or not cur or prev[-1] in _TERMINAL or not cur[0].islower():
        return False
    return cur.split(None, 1)[0].rstrip(",;:").isalpha()


def wrap_width(lines: list[str]) -> int | None:
    """The line length up to which a break was the writer's, or None when the text was not
    wrapped at one width (Gutenberg-style ragged lines, pasted paragraphs of any length).

    A greedy wrapper breaks only when the next word does not fit, so every line it broke, plus a
    space and the next word, is wider than the width; a line that still had room was ended on
    purpose. The width is read from the lines known to be broken mid-sentence (the next goes on in
    lower case): when they all behave greedily it is their 90th percentile, else (a justified or
    hand wrap that breaks early) their 10th, so an early soft break is still read as soft.
    """
    seen = []
    for a, b in zip(lines, lines[1:]):
        a, b = a.strip(), b.strip()
        if len(a) >= MIN_LINE and _continues(a, b):
            seen.append((len(a), len(a) + 1 + len(b.split(None, 1)[0])))
    if len(seen) < MIN_WIDTH_EVIDENCE:
        return None
    widths = sorted(n for n, _ in seen)
    low, high = widths[len(widths) // 10], widths[(len(widths) - 1) * 9 // 10]
    if high > MAX_WIDTH or low < MIN_SPREAD * high:
        return None
    greedy = all(needed > high for _, needed in seen)
    return high if greedy else low


def _kept_break(prev: str, cur: str, width: int | None) -> bool:
    """The break after `prev` ends a headline, byline or paragraph: `prev` had room for the next
    word, which does not go on in lower case. Without it, a headline on the line above the first
    paragraph (wire copy, e-mail) became the first sentence's opening words."""
    if width is None:
        return False
    a, b = prev.strip(), cur.strip()
    if not a or not b or b[0].islower():
        return False
    return len(a) + 1 + len(b.split(None, 1)[0]) <= width


def unwrap(text: str) -> str:
    """A soft newline between two non-blank lines → a space; blank lines and the breaks a line
    with room left ended on purpose (`wrap_width`) stay. Same length as `text`."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    width = wrap_width(lines)
    blank = [not ln.strip() for ln in lines]
    parts: list[str] = []
    for i in range(len(lines) - 1):
        parts.append(lines[i])
        hard = blank[i] or blank[i + 1] or _kept_break(lines[i], lines[i + 1], width)
        parts.append("\n" if hard else " ")
    parts.append(lines[-1])
    return "".join(parts)
