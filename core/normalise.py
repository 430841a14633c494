"""Matching keys: text → comparable word tokens, so trivial edits (quotes, dashes, U.S. vs
United States, cease-fire vs ceasefire, NBSP, case) do not count as differences.

Two levels of key, because they answer different questions:
- `key` (folded word): equal keys mean "the same word as written" — used for `identical` and for
  the word-level diff inside a pair;
- `stem` (key with light suffix stripping): equal stems mean "the same word, maybe inflected"
  (cancelled/canceled/cancels) — used only as evidence that two sentences say the same thing.

Tokenising runs one regex over the text and folds each distinct word once (cached), so it is
linear in the text and cheap at book length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A number keeps its inner separators (1.4 million, 32,000); a word keeps inner apostrophes,
# hyphens and dots (don't, cease-fire, U.S).
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’‘\-‐‑.]\w+)*", re.UNICODE)
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_HYPHEN = re.compile(r"[\-‐‑]")
_DROP = str.maketrans("", "", "'-.")
_ALIASES = {"usa": "us", "america": "us", "britain": "uk"}
# Two-word names that one side may write as an acronym.
_PHRASES = {("united", "states"): "us", ("united", "nations"): "un", ("united", "kingdom"): "uk"}


def fold(text: str) -> str:
    """Case-, quote-, dash- and space-folded text, NFKC-normalised (for display-free comparisons)."""
    return unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).lower()


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The folded key of one regex word: lower case, no inner punctuation, no possessive 's."""
    w = word if word.isascii() else unicodedata.normalize("NFKC", word.translate(_TRANSLATE))
    w = w.lower()
    if w[0].isdigit():
        return w.replace(",", "")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    w = w.replace("’", "'").translate(_DROP)
    return _ALIASES.get(w, w) or word.lower()


def tokens_with_spans(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """(key, start, end) for each word of `text`; "United States" becomes one `us` token."""
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        if _HYPHEN.search(word) and any(part[:1].isupper() or part[:1].isdigit() for part in _HYPHEN.split(word)):
            # "US-Israel", "pro-Israel", "COVID-19": separate names; "cease-fire" stays one word.
            pos = m.start()
            for part in _HYPHEN.split(word):
                if part:
                    out.append((word_key(part), offset + pos, offset + pos + len(part)))
                pos += len(part) + 1
            continue
        k = word_key(word)
        if out and (out[-1][0], k) in _PHRASES:
            prev = out.pop()
            out.append((_PHRASES[(prev[0], k)], prev[1], offset + m.end()))
            continue
        out.append((k, offset + m.start(), offset + m.end()))
    return out


def tokens(text: str) -> list[str]:
    """Folded word keys of `text` (cease-fire → ceasefire, U.S./United States → us)."""
    return [k for k, _, _ in tokens_with_spans(text)]


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the words in `text` (unfolded), shifted by `offset`."""
    return [(s, e) for _, s, e in tokens_with_spans(text, offset)]


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s")


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """A light, conservative stem: enough to meet inflections, never a dictionary lookup."""
    if len(key) <= 4 or not key.isalpha():
        return key
    for suf in _SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            base = key[: -len(suf)]
            if suf in ("ies", "ied"):
                base += "y"
            elif suf == "s" and base.endswith(("s", "u", "i")):
                return key  # "class", "status", "analysis"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiousl":
                base = base[:-1]  # "stopped" → "stop"
            if base.endswith("ll"):
                base = base[:-1]  # "cancelled"/"canceled" → "cancel"
            return base
    return key


#: Very frequent English words: weak evidence even when rare in the two documents compared.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves said says say one two also
    may might must shall upon would s t mr mrs ms like well even still yet however""".split()
)
