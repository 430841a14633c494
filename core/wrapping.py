"""Hard-wrapped text: lines broken inside sentences (PDF copies, e-mail, Project Gutenberg).

The segmenter never lets a sentence cross a line break, which is right for text copied from a
web page (one block per line) and wrong for hard-wrapped prose, where it would cut sentences into
line fragments. `looks_hard_wrapped` tells the two apart from how lines continue; `unwrap` turns
the soft breaks into spaces without moving a single offset, so `segment(unwrap(text))` gives
spans that index the original text (a span may then contain a newline of the original).
"""

from __future__ import annotations

_TERMINAL = ".!?…:;\"'”’)]»"

MIN_PAIRS = 8  # fewer adjacent line pairs than this: too little evidence, keep lines
MIN_CONTINUED = 0.3  # share of pairs where the next line continues a sentence in lower case
MIN_LINE = 30  # only lines of prose length count as evidence


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
            if prev[-1] not in _TERMINAL and cur[0].islower():
                word = cur.split(None, 1)[0].rstrip(",;:")
                continued += word.isalpha()  # a lower-case word, not "http://…" or "www.…"
        prev = cur
    return pairs >= MIN_PAIRS and continued >= MIN_CONTINUED * pairs


def unwrap(text: str) -> str:
    """A newline between two non-blank lines → a space; blank lines stay. Same length as `text`."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    blank = [not ln.strip() for ln in lines]
    parts: list[str] = []
    for i in range(len(lines) - 1):
        parts.append(lines[i])
        parts.append("\n" if blank[i] or blank[i + 1] else " ")
    parts.append(lines[-1])
    return "".join(parts)
