"""Segmentation: text → sentences, headings and short lines with exact character offsets.

Lines are segmented one at a time (a sentence never crosses a line break: copied web pages put
block elements on their own lines). Inside a line, a boundary is a run of terminal punctuation
(plus closing quotes/brackets) followed by space and a plausible sentence start, unless the word
before it is a known abbreviation, an initial, or a dotted acronym followed by a non-starter.
"""

from __future__ import annotations

import re

from .model import Span

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st sen rep gov gen lt col capt cpt sgt maj adm cmdr pres rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc corp ltd co llc plc dept univ assn bros vs etc no nos vol fig figs approx est ave blvd rd mt ft
    e.g i.e cf al op pp ed eds govt""".split()
)
# Words that usually open a sentence: after "U.S." or "D.C." they signal a real boundary.
_STARTERS = frozenset(
    """a an the he she it they we i you his her its their our my this that these those there here
    but and or so yet then however meanwhile in on at after before when while if as for from
    to with by during since although though what who why how where""".split()
)

_BOUNDARY = re.compile(
    r"""(?P<punct>[.!?…]+|[.!?]+["'”’)\]]+[.!?]*)   # terminal punctuation, maybe closing quotes
        ["'”’)\]]*                                   # trailing closers
        (?P<space>\s+|(?=[A-Z][a-z]))               # whitespace, or glued capitalised word
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_TERMINAL = re.compile(r"""[.!?…:;]["'”’)\]]*$""")


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    punct = m.group("punct")
    after = line[m.end():]
    if not after:
        return False
    nxt = after[0]
    glued = not m.group("space")
    if glued:
        # "creativity.With": only after a real lowercase word of 3+ letters.
        prev = _WORD_BEFORE.search(line[: m.start()])
        return punct == "." and prev is not None and re.fullmatch(r"[a-z]{3,}", prev.group(1)) is not None
    if nxt.islower():
        return False
    if nxt.isdigit() and punct.startswith(".") and re.search(r"\d$", line[: m.start()]):
        return False
    if not punct.startswith("."):
        return True
    prev_m = _WORD_BEFORE.search(line[: m.start()])
    if prev_m is None:
        return True
    word = prev_m.group(1)
    bare = word.strip("'’-").lower()
    if bare in _ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Z]", word):  # an initial: "John F. Kennedy"
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S, D.C, U.N
        next_word = re.match(r"[\"'“‘(]*([A-Za-z]+)", after)
        return next_word is not None and next_word.group(1).lower() in _STARTERS
    return True


def _line_kind(text: str) -> str:
    words = text.split()
    if _TERMINAL.search(text):
        return "sentence"
    if 4 <= len(words) <= 30 and sum(w[:1].isalpha() for w in words) >= 3:
        return "heading"
    return "line"


def segment_line(line: str, offset: int) -> list[Span]:
    """Split one line (no newline inside) that starts at `offset` in the document."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        if _is_boundary(line, m):
            end = m.start("space") if m.group("space") else m.end()
            spans.append((start, end))
            start = m.end()
    spans.append((start, len(line)))
    out: list[Span] = []
    for s, e in spans:
        piece = line[s:e]
        stripped_l = len(piece) - len(piece.lstrip())
        stripped_r = len(piece.rstrip())
        if stripped_r <= stripped_l:
            continue
        s2, e2 = s + stripped_l, s + stripped_r
        kind = "sentence" if len(spans) > 1 else _line_kind(line[s2:e2])
        out.append(Span(offset + s2, offset + e2, kind))  # type: ignore[arg-type]
    return out


def segment(text: str) -> list[Span]:
    """All units of `text` in order; together they cover every non-whitespace character."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend(segment_line(line, pos))
        pos += len(line) + 1
    return spans
