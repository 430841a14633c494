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
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress, count

# A number keeps its inner separators (1.4 million, 32,000); a word keeps inner apostrophes,
# hyphens and dots (don't, cease-fire); a word whose last dot is followed by one letter keeps a
# final dot too (U.S., D.C., a.m.), so a changed-word highlight covers all of it (a sentence's own
# full stop after "war" stays out). Checked once at a word's end: a lookbehind, not an alternative
# tried at every word start (that cost a quarter more on the regex pass).
# Combining marks are part of a word (\w alone splits "pre\u0301sident" and every Hindi or Thai
# vowel sign), so decomposed (NFD) text gives the same keys as composed text.
_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
          "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0900-\u0963"
          "\u0966-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u102b-\u103e\u17b4-\u17d3\u1ab0-\u1aff"
          "\u1dc0-\u1dff\u20d0-\u20f0\u3099\u309a\ufe20-\ufe2f")
_W = rf"[\w{_MARKS}]"
# Possessive quantifiers (nothing follows them in the pattern, so they match exactly what greedy
# ones would) spare the engine its backtracking bookkeeping: a third faster on book-length text.
# A figure with a scale suffix ("1.4m", "$5bn") is one regex word, read as two keys (`_pieces`).
_SUFFIXED = rf"(?:(?:[mM]|[bBmMtT][nN])(?!{_W}))?+"
_PLAIN_WORD = rf"{_W}++(?:['’‘\-‐‑.]{_W}++)*+(?:(?<=\.[^\W\d_])\.(?!{_W}))?+"
_WORD = re.compile(rf"\d++(?:[.,]\d+)*+{_SUFFIXED}|{_PLAIN_WORD}", re.UNICODE)
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_HYPHEN = re.compile(r"[\-‐‑]")
_NO_HYPHEN = frozenset("-‐‑").isdisjoint  # a set test: faster than a regex call per new word
_DROP = str.maketrans("", "", "'-.")
_ALIASES = {"usa": "us", "america": "us", "britain": "uk"}
# Numbers written in words from ten up meet the same numbers in digits ("fifteen" = "15",
# "twenty-five" = "25": its key has no hyphen). One to nine stay words: prose spells them out
# for any count ("two allies", "the one who"), so as digits they would weigh as checked figures;
# measured: folding them too lost 4 of 4,735 pairs on bench_scale 1m (random number words
# inserted by its rewording gained a figure's weight) and gained nothing on the seeds or PAN.
_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS = {
    **{w: str(10 + n) for n, w in enumerate(_TEENS)},
    **{t: str(10 * (n + 2)) for n, t in enumerate(_TENS)},
    **{t + u: str(10 * (n + 2) + m) for n, t in enumerate(_TENS) for m, u in enumerate(_UNITS) if m},
}
_ALIASES.update(_NUMBER_WORDS)
_NUMBER_KEYS = frozenset(_NUMBER_WORDS.values())
_COUNT_WORDS = frozenset(_UNITS + _TEENS + _TENS)
#: Scale words: "a million" and "one million" are "1 million" (the "a"/"one" before one is "1").
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_ONE = frozenset({"a", "one"})
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
    if w.isalpha():  # the common case: nothing to strip (no digit, apostrophe, hyphen or dot)
        return _ALIASES.get(w, w)
    if w[0].isdigit():
        return w.replace(",", "")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    w = w.replace("’", "'").translate(_DROP)
    return _ALIASES.get(w, w) or word.lower()


def tokens_with_spans(text: str, offset: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(key, start, end) for each word of `text` (from `offset` to `end` when `end` is given,
    offsets then into `text`; else `text` is the unit and offsets are shifted by `offset`).
    "United States" becomes one `us` token, "US-Israel" two."""
    if end is None:
        it, shift = _WORD.finditer(text), offset
    else:
        it, shift = _WORD.finditer(text, offset, end), 0
    keys = _KEYS
    out: list[tuple[str, int, int]] = []
    for m in it:
        word = m.group(0)
        k = keys.get(word) or learn(word)
        pieces = _PIECES.get(word)
        if pieces is not None:
            # "US-Israel", "pro-Israel", "COVID-19": separate names; "cease-fire" stays one word.
            pos = shift + m.start()
            out += [(pk, pos + ps, pos + pe) for ps, pe, pk in pieces]
            continue
        if out and (out[-1][0], k) in _PHRASES:
            prev = out.pop()
            out.append((_PHRASES[(prev[0], k)], prev[1], shift + m.end()))
            continue
        if k in _SCALES and out and out[-1][0] in _ONE:
            out[-1] = ("1", *out[-1][1:])
        out.append((k, shift + m.start(), shift + m.end()))
    return out


# Raw words whose key is not one plain key: hyphenated names split in parts, and words that may
# start a two-word phrase. Units containing them leave the one-key-per-word fast path.
_SPLIT: dict[str, tuple[str, ...]] = {}
#: The same words' tokens: (start, end, key) within the word.
_PIECES: dict[str, tuple[tuple[int, int, str], ...]] = {}
#: Scale suffixes of a figure ("1.4m", "5bn") and the scale words they stand for.
_SUFFIX_SCALES = {"m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
_FIGURE_SUFFIX = re.compile(r"\d+(?:[.,]\d+)*([mM]|[bBmMtT][nN])").fullmatch
_PHRASE_WORDS: set[str] = set()
#: Raw words whose key is a scale word ("million"): the word before may be "a"/"one" for "1".
_SCALE_WORDS: set[str] = set()
_KEYS: dict[str, str] = {}
#: Union of the two above: a unit whose words avoid it has exactly one key per regex word.
COMPLEX: set[str] = set()
_PHRASE_HEADS = frozenset(h for h, _ in _PHRASES)


def learn(word: str) -> str:
    """Cache the key of a raw word (and whether it is complex); returns its plain key."""
    k = _KEYS.get(word)
    if k is not None:
        return k
    k = word_key(word)
    pieces = _pieces(word, k)
    if pieces is not None:
        _PIECES[word] = pieces
        _SPLIT[word] = tuple(pk for _, _, pk in pieces)
        COMPLEX.add(word)
    _KEYS[word] = k
    if k in _PHRASE_HEADS:
        _PHRASE_WORDS.add(word)
        COMPLEX.add(word)
    elif k in _SCALES:
        _SCALE_WORDS.add(word)
        COMPLEX.add(word)
    return k


def _pieces(word: str, key: str) -> tuple[tuple[int, int, str], ...] | None:
    """The tokens (start, end, key within the word) of a word read as several, else None: a
    hyphenated name ("US-Israel", "COVID-19"; not "cease-fire", nor "Twenty-five", one number
    capitalised to open a sentence), a compound opened by a count ("two-day", "ten-year-old")
    and a figure with a scale suffix ("1.4m" = "1.4 million")."""
    m = _FIGURE_SUFFIX(word)
    if m is not None:
        n = m.start(1)
        return ((0, n, word_key(word[:n])), (n, len(word), _SUFFIX_SCALES[m.group(1).lower()]))
    if _NO_HYPHEN(word) or key in _NUMBER_KEYS:
        return None
    parts = _HYPHEN.split(word)
    if not any(p[:1].isupper() or p[:1].isdigit() for p in parts):
        # A count in words opens a compound as a figure does: "two-day" is "two" "day" as
        # "10-day" is "10" "day" (and meets "two days"), "ten-year-old" "10" "yearold".
        n = len(parts[0])
        if parts[0].lower() not in _COUNT_WORDS or n + 1 >= len(word):
            return None
        return ((0, n, word_key(parts[0])), (n + 1, len(word), word_key(word[n + 1:])))
    out = []
    pos = 0
    for part in parts:
        if part:
            out.append((pos, pos + len(part), word_key(part)))
        pos += len(part) + 1
    return tuple(out)


def _fold_one(keys: list[str]) -> list[str]:
    """`keys` with each "a"/"one" right before a scale word read as "1" (in place): "more than a
    million" and "more than 1 million" state the same figure."""
    for k in range(1, len(keys)):
        if keys[k] in _SCALES and keys[k - 1] in _ONE:
            keys[k - 1] = "1"
    return keys


# A word written with a capital after a lower-case word: a name, wherever the sentence starts.
# The pattern starts with the literal space (then looks back past it), so the regex engine jumps
# from space to space instead of trying the lookbehind at every character: twice as fast.
_MID_CAPITAL = re.compile(r" (?<=[a-z0-9,;] )(?=[A-Z])(" + _PLAIN_WORD + ")")


def mid_capitals(text: str) -> list[str]:
    """Raw words of `text` written capitalised inside a sentence (one C-level regex pass)."""
    return _MID_CAPITAL.findall(text)


def unit_words(text: str, start: int, end: int) -> list[str]:
    """The raw words of text[start:end] (one C-level regex pass)."""
    return _WORD.findall(text, start, end)


def keys_of_words(words: list[str]) -> tuple[list[str], bool]:
    """Keys for the raw words of a unit, and whether they align one-to-one with the words.

    Same keys as `tokens`, but the common case (every word one plain key) is a list
    comprehension over cached keys.
    """
    try:
        out = list(map(_KEYS.__getitem__, words))
    except KeyError:
        out = [learn(w) for w in words]
    plain = True
    # Only the complex words are visited (found in C), the runs between them copied whole.
    if not _SPLIT.keys().isdisjoint(words):
        plain = False
        flat: list[str] = []
        prev = 0
        for k in compress(count(), map(_SPLIT.__contains__, words)):
            flat += out[prev:k]
            flat += _SPLIT[words[k]]
            prev = k + 1
        flat += out[prev:]
        out = flat
    if not _PHRASE_WORDS.isdisjoint(words):
        plain = False
        # A phrase's second word is never a first one, so phrases found left to right never
        # overlap: the same merges as one left-to-right pass.
        heads = [
            p for p in compress(count(), map(_PHRASE_HEADS.__contains__, out))
            if p + 1 < len(out) and (out[p], out[p + 1]) in _PHRASES
        ]
        if heads:
            merged: list[str] = []
            prev = 0
            for p in heads:
                merged += out[prev:p]
                merged.append(_PHRASES[(out[p], out[p + 1])])
                prev = p + 2
            merged += out[prev:]
            out = merged
    if not _SCALE_WORDS.isdisjoint(words):
        _fold_one(out)
    return out, plain


# The word pattern as one group: `split` returns gaps and words alternately in one regex pass.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})", re.UNICODE).split


#: `split_words` of a whole string (a unit's text already cut out).
split_text = _WORD_SPLIT


def split_words(text: str, start: int, end: int) -> list[str]:
    """text[start:end] as [gap, word, gap, word, ..., gap]: the words (`[1::2]`, the same as
    `unit_words`) and, through the lengths of all parts, their offsets, from one regex pass."""
    return _WORD_SPLIT(text[start:end])


def offsets_from_lengths(lengths: Sequence[int], start: int) -> tuple[list[int], list[int]]:
    """Word starts and ends from the part lengths of `split_words` (C-level running sums)."""
    pos = list(accumulate(lengths, initial=start))
    return pos[1:-1:2], pos[2:-1:2]


def unit_tokens(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """(keys, word starts, word ends) of text[start:end], offsets into `text`.

    Same tokens as `tokens_with_spans`; only the complex words (hyphenated names, phrase heads)
    are handled one by one, the rest go through list comprehensions.
    """
    return tokens_of_parts(split_words(text, start, end), start)


def _keys_and_complex(words: list[str]) -> tuple[list[str], list[int]]:
    """The plain keys of a unit's words and the indices of its complex words (the only ones
    the callers must visit one by one)."""
    try:
        keys = list(map(_KEYS.__getitem__, words))
    except KeyError:
        keys = [_KEYS.get(w) or learn(w) for w in words]
    return keys, list(compress(count(), map(COMPLEX.__contains__, words)))


def tokens_of_parts(parts: list[str], start: int) -> tuple[list[str], list[int], list[int]]:
    """`unit_tokens` of a unit's `split_words` parts, offsets from `start`."""
    words = parts[1::2]
    starts, ends = offsets_from_lengths(list(map(len, parts)), start)
    keys, special = _keys_and_complex(words)
    if not special:
        return keys, starts, ends
    out_k: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    prev = 0
    for k in special:
        if k < prev:  # already consumed as a phrase tail
            continue
        out_k += keys[prev:k]
        out_s += starts[prev:k]
        out_e += ends[prev:k]
        w = words[k]
        pieces = _PIECES.get(w)
        prev = k + 1
        if pieces is not None:
            pos = starts[k]
            for ps, pe, pk in pieces:
                out_k.append(pk)
                out_s.append(pos + ps)
                out_e.append(pos + pe)
        elif k + 1 < len(words) and words[k + 1] not in _SPLIT and (keys[k], keys[k + 1]) in _PHRASES:
            out_k.append(_PHRASES[(keys[k], keys[k + 1])])
            out_s.append(starts[k])
            out_e.append(ends[k + 1])
            prev = k + 2
        else:
            if keys[k] in _SCALES and out_k and out_k[-1] in _ONE:
                out_k[-1] = "1"
            out_k.append(keys[k])
            out_s.append(starts[k])
            out_e.append(ends[k])
    out_k += keys[prev:]
    out_s += starts[prev:]
    out_e += ends[prev:]
    return out_k, out_s, out_e


def token_lengths(parts: list[str]) -> tuple[list[str], list[int]]:
    """`unit_tokens` of a unit's `split_words` parts as keys and the lengths of the unit's gaps
    and tokens alternately ([gap, token, gap, ..., gap], offsets by running sums): the parts'
    lengths, edited only at the complex words (a hyphenated name's parts, a phrase)."""
    words = parts[1::2]
    lens = list(map(len, parts))
    keys, special = _keys_and_complex(words)
    if not special:
        return keys, lens
    out_k: list[str] = []
    out = lens[:1]  # ends with a gap, which the next token's lead may lengthen
    prev = 0
    for k in special:
        if k < prev:  # already consumed as a phrase tail
            continue
        out_k += keys[prev:k]
        out += lens[2 * prev + 1:2 * k + 1]
        w = words[k]
        prev = k + 1
        if w in _PIECES:
            done = 0  # within the word: where the last token ended
            for ps, pe, pk in _PIECES[w]:
                out_k.append(pk)
                out[-1] += ps - done
                out += (pe - ps, 0)
                done = pe
            out[-1] += lens[2 * k + 1] - done + lens[2 * k + 2]
        elif k + 1 < len(words) and words[k + 1] not in _SPLIT and (keys[k], keys[k + 1]) in _PHRASES:
            out_k.append(_PHRASES[(keys[k], keys[k + 1])])
            out += (lens[2 * k + 1] + lens[2 * k + 2] + lens[2 * k + 3], lens[2 * k + 4])
            prev = k + 2
        else:
            if keys[k] in _SCALES and out_k and out_k[-1] in _ONE:
                out_k[-1] = "1"
            out_k.append(keys[k])
            out += (lens[2 * k + 1], lens[2 * k + 2])
    out_k += keys[prev:]
    out += lens[2 * prev + 1:]
    return out_k, out


def tokens(text: str) -> list[str]:
    """Folded word keys of `text` (cease-fire → ceasefire, U.S./United States → us)."""
    return [k for k, _, _ in tokens_with_spans(text)]


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the words in `text` (unfolded), shifted by `offset`."""
    return [(s, e) for _, s, e in tokens_with_spans(text, offset)]


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s")


#: The suffixes by their last letter, in the order they are tried.
_SUFFIXES_ENDING = {c: tuple(s for s in _SUFFIXES if s[-1] == c) for c in {s[-1] for s in _SUFFIXES}}


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """A light, conservative stem: enough to meet inflections, never a dictionary lookup."""
    if len(key) <= 4 or not key.isalpha() or not key.endswith(_SUFFIXES):
        return key
    for suf in _SUFFIXES_ENDING[key[-1]]:  # only those that can match, in `_SUFFIXES` order
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
