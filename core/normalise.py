"""Matching keys: text → comparable word tokens, so trivial edits (quotes, dashes, U.S. vs
United States, cease-fire vs ceasefire, NBSP) do not count as differences."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+(?:[.'’\-]\w+)*", re.UNICODE)
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_PHRASES = [
    (re.compile(r"\bu\.?s\.?a\.?(?=\W|$)"), "us"),
    (re.compile(r"\bunited states(?: of america)?\b"), "us"),
    (re.compile(r"\bu\.s\.(?=\W|$)"), "us"),
    (re.compile(r"\bu\.n\.(?=\W|$)"), "un"),
    (re.compile(r"\bunited nations\b"), "un"),
    (re.compile(r"\bu\.k\.(?=\W|$)"), "uk"),
    (re.compile(r"\bunited kingdom\b"), "uk"),
    (re.compile(r"\bd\.c\.(?=\W|$)"), "dc"),
]


def fold(text: str) -> str:
    """Case-, quote-, dash- and space-folded text, NFKC-normalised."""
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).lower()
    for pattern, repl in _PHRASES:
        text = pattern.sub(repl, text)
    return text


def tokens(text: str) -> list[str]:
    """Folded word tokens; hyphens and inner apostrophes are dropped (cease-fire → ceasefire)."""
    out = []
    for m in _WORD.finditer(fold(text)):
        w = m.group(0).replace("-", "").replace("'", "").replace(".", "")
        if w.endswith("s") and m.group(0).endswith("'s"):
            w = w[:-1]
        out.append(w)
    return out


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the words in `text` (unfolded), shifted by `offset`."""
    return [(offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]
