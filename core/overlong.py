"""Overlong units: a 'sentence' too long to read or pair as one is cut into readable pieces.

Speech transcripts, auto-captions, social posts and text whose punctuation was stripped reach the
segmenter as one line with no sentence boundary: without this pass a whole article became one
unit, which can pair with at most one sentence of the other version. Real prose never comes near
the caps. Unit lengths measured: seeds max 390 characters, Golden Rules max 221; in the PAN
sample (37,738 units, p99 548) the longest legitimate sentences are ~1,260 characters ending in
punctuation (legal enumerations) and ~620 without; everything longer is junk (tag lexicons,
JSON, keyword spam, menus).

A unit is cut when it is longer than `MAX_UNPUNCTUATED` and does not end in sentence punctuation,
or longer than `MAX_PUNCTUATED` even though it does (a long legal sentence stays whole; 12,000
characters of transcript with one final period do not). Pieces are `PIECE_MIN`-`PIECE_MAX`
characters (seed sentences: median 133), cut at the best break in each window, in order of
preference: ; : dashes ellipses ! ? / a comma before a conjunction or a capital / any comma / a
space after a lower-case word and before a capital ('said The') / any space / between two CJK
or Thai characters (，、 count as commas, ；： as semicolons). A run with none of these (a URL,
base64) is never cut inside. Among breaks of the best rank the one whose surrounding words hash
lowest wins, so cuts are content-defined: two versions of one passage are cut in the same places
even when they start at different points. Each window is scanned a bounded number of times, so
the cost stays linear in the unit's length; the result depends only on the text.
"""

from __future__ import annotations

import re
from zlib import crc32

MAX_UNPUNCTUATED = 800
MAX_PUNCTUATED = 2000
PIECE_MIN = 60
PIECE_MAX = 250

_TERMINALS = ".!?…‼⁇⁈⁉。！？؟।"
_CLOSERS = "\"'”’»)]}」』）"
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"  # kana, Han, Thai
_CONJUNCTIONS = (
    "and|but|or|nor|so|yet|because|while|whereas|which|who|whom|whose|when|where|although"
    "|though|then|as|if|unless|until|since|after|before|that"
)

# One pattern per rank, best first; a match ends where the next piece starts. Every pattern
# opens with one character class, which the regex engine scans for at C speed (what follows
# it is checked by look-behinds only where that character occurs).
_Q = "[\"'”’»)\\]]*+"  # closing quotes and brackets stay with the piece before
_RANKED = tuple(
    re.compile(pattern)
    for pattern in (
        # ; : … ! ? "..." then a space; an em dash; a spaced en dash or hyphen; ；：
        rf"[;:…!?.—–\-；：](?:(?<=[;:…!?]){_Q}\s++|(?<=\.)\.\.{_Q}\s++|(?<=—){_Q}\s*+"
        r"|(?<=\s[–-])\s++|(?<=[；：])\s*+)",
        rf",\s++(?=(?:{_CONJUNCTIONS})\b|[\"'“‘]?[A-Z])",  # a comma before "and" or a capital
        r"[,，、](?:(?<=,)\s++|(?<=[，、])\s*+)",  # any comma (not 1,000)
        r"\s[a-z]++\s++(?=[A-Z])",  # after a lower-case word, before a capital: "said The"
        r"\s++",
        rf"[{_CJK}](?=[{_CJK}])",  # between two CJK or Thai characters
    )
)
_FALLBACK = re.compile(rf"\s++|[，、；：]\s*+|[{_CJK}](?=[{_CJK}])")
_LOOKAHEAD = 16  # characters read past a window so look-aheads see the next word
_MAX_KEYED = 64  # breaks weighed per window: prose has ~35 spaces in one; '. . . .' has 95
_KEY_LEN = 12  # characters each side of a cut that decide which break of a rank is taken


def is_overlong(piece: str) -> bool:
    """Too long to read or pair as one sentence (see the module docstring for the caps)."""
    n = len(piece)
    if n <= MAX_UNPUNCTUATED:
        return False
    if n > MAX_PUNCTUATED:
        return True
    body = piece.rstrip(_CLOSERS)
    return not body or body[-1] not in _TERMINALS


def split_overlong(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces (start, end) of text[start:end], in order, trimmed of surrounding whitespace.

    Together they hold every non-whitespace character of the range exactly once.
    """
    pieces: list[tuple[int, int]] = []
    p = start
    while end - p > PIECE_MAX:
        lo, hi = p + PIECE_MIN, min(p + PIECE_MAX, end - PIECE_MIN)
        cut = _best_cut(text, p, lo, hi, min(end, hi + _LOOKAHEAD))
        if cut < 0:  # no break in the window (a URL, base64): cut at the first one after it
            m = _FALLBACK.search(text, hi, end)
            if m is None or m.end() >= end:
                break
            cut = m.end()
        cut_end = cut
        while text[cut_end - 1].isspace():  # the break's punctuation ends the piece before
            cut_end -= 1
        pieces.append((p, cut_end))
        p = cut
    if end > p:
        pieces.append((p, end))
    return pieces


def _best_cut(text: str, p: int, lo: int, hi: int, limit: int) -> int:
    """Where the next piece starts: a break ending in [lo, hi] of the best rank, -1 if none.

    Among breaks of that rank the one whose surrounding words hash lowest wins (as in
    winnowing): the same passage is cut at the same places in two versions whatever precedes it,
    so two transcripts of one speech that start at different points still cut in step.
    """
    scan_from = max(p, lo - 16)
    for pattern in _RANKED:
        m = pattern.search(text, scan_from, limit)  # is there any break of this rank? (C speed)
        while m is not None and m.end() < lo:
            m = pattern.search(text, m.end(), limit)
        if m is None or m.end() > hi:
            continue
        cut = m.end()
        best = _key(text, cut)
        for k, m in enumerate(pattern.finditer(text, cut, limit)):
            nxt = m.end()
            if nxt > hi or k == _MAX_KEYED:
                break
            key = _key(text, nxt)
            if key <= best:  # ties (repetitive text): the latest, for full pieces
                cut, best = nxt, key
        return cut
    return -1


def _key(text: str, cut: int) -> int:
    """A hash of the words around a cut, blind to spacing and case: deterministic, and the same
    in two versions of a passage however each was spaced."""
    return crc32("".join(text[cut - _KEY_LEN:cut + _KEY_LEN].split()).lower().encode("utf-8", "replace"))
