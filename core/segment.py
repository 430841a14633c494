"""Segmentation: text → sentences, headings and short lines with exact character offsets.

Lines are segmented one at a time: a sentence never crosses a line break, because text copied
from a web page puts every block (headline, paragraph, caption, share bar) on its own line.

Inside a line, one regex finds candidate boundaries — a run of terminal punctuation, optional
closing quotes/brackets, then whitespace or a glued capital — and a few constant-time checks on
the word before and the word after decide each one (abbreviations, initials, dotted acronyms,
numbers, ellipses, list enumerators). Every look-around is bounded and the regex has no
backtracking, so the cost is linear in the input, even for one 10 MB line.

Kinds: a piece ending in terminal punctuation is a `sentence`; a lone unpunctuated line is a
`heading` when it reads like a headline (3-20 words, capitalised or long enough, few numbers,
no UI separators, not a byline) and a `line` otherwise ("3 MIN READ", "Posted Under", "(VOA)").
Hard-wrapped prose (PDF, e-mail) is the caller's choice: see `wrapping.unwrap`.
"""

from __future__ import annotations

import re

from .abbreviations import (
    BEFORE_NUMBER,
    MAYBE_FINAL,
    MAYBE_FINAL_CASED,
    NEVER_FINAL,
    SPEECH_VERBS,
    STARTERS,
)
from .model import Kind, Span
from .overlong import MAX_UNPUNCTUATED, is_overlong, split_overlong

_TERMINALS = ".!?…‼⁇⁈⁉。！？؟।"
_CJK_TERMINALS = "。！？"  # end a sentence even with no space after
_CLOSERS = "\"'”’»)]}」』）"
_OPENERS = "\"'“‘«([{"
_QUOTES_OPEN = "\"'“‘«"
_BULLETS = "•⁃‣◦▪▫·*-–—"
_SYMBOL_STARTS = "$£€¥#@¡¿"

# Starts with a character class (the regex engine skips ahead fast); the look-behind rejects
# positions inside a run and the quantifiers are possessive, so each run is matched once.
_CANDIDATE = re.compile(
    r"(?P<p>[.!?…‼⁇⁈⁉。！？؟।](?<![.!?…‼⁇⁈⁉。！？؟।]{2})[.!?…‼⁇⁈⁉。！？؟।]*+)[\"'”’»)\]}」』）]*+"
    r"(?:(?=\s++(?:[^\sa-z]|[a-z]{1,3}[A-Z]))"  # whitespace, then no lower-case word ("iPhone" ok)
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"  # glued: "creativity.With"
    r"|(?<=[。！？」』）])(?=[^\s.!?…。！？]))"  # CJK: no space between sentences
)
_SPACES = re.compile(r"\s*+")
_SPACE = re.compile(r"\s")
_CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")  # "iPhone", "eBay", "iOS" may open a sentence
_DOT_RUN = re.compile(r"\.(?:[ \u00a0]\.(?![.…]))*+")  # ". . . ." (MLA ellipsis, spaced dots)
_CLOSER_RUN = re.compile(r"[\"'”’»)\]}]*+")
_NEXT_WORD = re.compile(r"[\"'“‘«(]*+([^\W\d_]+(?:['’][^\W\d_]+)?)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, D.C, U.N, e.g, a.m
_GLUED_RIGHT = re.compile(r"[A-Z][a-z]+(?=[\s,;:.!?\"'”’)]|\Z)")
_ENUM_TOKEN = re.compile(r"[\d]{1,3}|[A-Za-z]|[ivxIVX]{1,4}")
_LIST_START = re.compile(r"\s*+([•⁃‣◦▪*\-–]?)\s*+(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)\s")
_NON_HEADING_CHARS = frozenset("|<>»«[]©•·=#@")

_MAX_TOKEN = 64  # look-back bound; a longer "word" is a URL or junk, never an abbreviation
_HEADING_MAX_WORDS = 20
_HEADING_MAX_CHARS = 160


def _cap_start(line: str, k: int) -> bool:
    """Could a sentence start at line[k]? A capital or uncased letter, a digit or currency sign,
    possibly after opening quotes ('“‘Glasgow’ is', '“ I love'), or a parenthetical sentence."""
    n = len(line)
    c = line[k]
    if c == "(":
        return _paren_sentence(line, k)
    j = k
    while c in _QUOTES_OPEN and j - k < 3 and j + 1 < n:
        j += 1
        c = line[j]
    if j > k and c == " " and j + 1 < n:
        j += 1
        c = line[j]
    if c.isalpha():
        return not c.islower() or _CAMEL.match(line, j) is not None
    return c.isdigit() or c in _SYMBOL_STARTS


def _paren_sentence(line: str, k: int) -> bool:
    """'… into 2020. (Watergate took two years.)' or a trailing '(Photo: AP)' stands alone;
    a citation '(Smith 55).' belongs to the sentence before it."""
    close = line.find(")", k, k + 300)
    if close < 0:
        return False
    if _SPACES.match(line, close + 1).end() == len(line):
        return True
    j = k + 1
    while j < close and line[j] in _QUOTES_OPEN:
        j += 1
    return line[j].isupper() and line[close - 1] in ".!?\"”’"


def _next_word(line: str, k: int) -> str:
    m = _NEXT_WORD.match(line, k)
    return m.group(1) if m else ""


def _token_before(line: str, ps: int, seg_start: int) -> tuple[str, int]:
    """The whitespace-delimited token ending at ps (bounded look-back) and where it starts."""
    lo = max(seg_start, ps - _MAX_TOKEN)
    chunk = line[lo:ps]
    if not chunk or chunk[-1].isspace():
        return "", ps
    parts = chunk.rsplit(None, 1)
    tok = parts[-1]
    if len(parts) == 1 and lo > seg_start and not line[lo - 1].isspace():
        return tok, -1  # longer than the bound: not an abbreviation, not at segment start
    return tok, ps - len(tok)


def _at_segment_start(line: str, tok_start: int, seg_start: int) -> bool:
    if tok_start < 0 or tok_start - seg_start > 6:
        return False
    return not line[seg_start:tok_start].strip(_BULLETS + " \t\u00a0")


def _glued_boundary(line: str, ps: int, pe: int, seg_start: int) -> bool:
    """'creativity.With' splits; '68k.news', 'B.Sc', 'Jane.Doe@example.com', 'Mr.Smith' do not."""
    word, _ = _token_before(line, ps, seg_start)
    word = word.lstrip(_OPENERS)
    if len(word) < 2 or not word.isalpha() or word.lower() in NEVER_FINAL or word.isupper():
        return False
    m = _GLUED_RIGHT.match(line, pe)
    return m is not None and m.end() - pe <= _MAX_TOKEN


def _period_boundary(line: str, ps: int, k: int, seg_start: int) -> bool:
    """A single '.' followed by whitespace and a possible sentence start at k."""
    tok, tok_start = _token_before(line, ps, seg_start)
    word = tok.lstrip(_OPENERS + _BULLETS)
    if not word:
        return True
    if tok[0] == "(" and ")" not in tok:
        return False  # "(Orig. $1,599)": inside a parenthesis opened by this very word
    if _at_segment_start(line, tok_start, seg_start) and _ENUM_TOKEN.fullmatch(word):
        return False  # "1. The first item", "a. The first item"
    lower = word.lower()
    if lower in NEVER_FINAL:
        return False
    ambiguous = (
        lower in MAYBE_FINAL
        or word in MAYBE_FINAL_CASED
        or (len(word) == 1 and word.isupper())
        or _DOTTED.fullmatch(word) is not None
    )
    c = line[k]
    if c.isdigit():
        return not (ambiguous or lower in BEFORE_NUMBER or len(word) == 1)
    if not ambiguous:
        return True
    if word in ("A.M", "P.M"):
        return True
    return _next_word(line, k) in STARTERS


def _opens_bracket(line: str, ps: int) -> bool:
    """Punctuation right after an opening bracket or quote: '[...]', '(!)', '“… Dan'."""
    if ps == 0:
        return True
    before = line[ps - 1]
    if before in "[(“‘«":
        return True
    return before in "\"'" and (ps == 1 or line[ps - 2].isspace())


def _attribution(line: str, pe: int, k: int) -> bool:
    """'“Why now?” Biden asked.': a quote closed after ?/! and followed by 'Name said'."""
    if line[pe - 1] not in "\"”»'’":
        return False
    words = line[k:k + _MAX_TOKEN].split(None, 3)[:3]
    if not words or words[0].strip(_OPENERS) in STARTERS:  # "He asked" would be lower-case
        return False
    return any(w.rstrip(",.;:") in SPEECH_VERBS for w in words[1:])


def _dot_run_cut(line: str, ps: int, seg_start: int) -> tuple[int, tuple[int, int] | None]:
    """Spaced dots ('. . .'): where the run ends and the cut it implies, if any.

    'compounds. . . . The' ends after the first dot (the next sentence opens with the ellipsis);
    'a period . . . . Next' ends after the fourth; a three-dot ellipsis never ends a sentence.
    """
    run = _DOT_RUN.match(line, ps)
    assert run is not None
    end = _CLOSER_RUN.match(line, run.end()).end()
    k = _SPACES.match(line, end).end()
    if k == end or k >= len(line) or not _cap_start(line, k):
        return end, None
    dots = (run.end() - ps + 1) // 2
    attached = ps > seg_start and not line[ps - 1].isspace()
    if attached and dots == 4:
        return end, (ps + 1, _SPACES.match(line, ps + 1).end())
    if not attached and dots >= 4:
        return end, (end, k)
    return end, None


def _list_cuts(line: str) -> list[int]:
    """Starts of inline list items when the line opens a list: '1.) a 2.) b', '• 9. a • 10. b'."""
    m = _LIST_START.match(line)
    if m is None:
        return []
    bullet, label, style = m.groups()
    if label.isalpha() and label not in "aA":
        return []
    cuts: list[int] = []
    pos = m.end()
    n = len(line)
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        needle = label + style
        while True:
            i = line.find(needle, pos)
            if i < 0:
                return cuts
            j = i + len(needle)
            start = i
            if bullet:
                b = line.rfind(bullet, max(pos, i - 3), i)
                if b >= 0 and not line[b + 1:i].strip():
                    start = b
                else:
                    start = -1
            ok = (
                start > 0
                and line[start - 1].isspace()
                and j < n
                and line[j].isspace()
                and j + 1 < n
                and not line[j + 1].islower()
            )
            pos = i + 1
            if ok:
                cuts.append(start)
                pos = j
                break


def _cuts(line: str, first: int, scan_from: int) -> list[tuple[int, int]]:
    """(end of one piece, start of the next) for every boundary inside one line.

    `first` is where the line's text starts, `scan_from` where the first candidate is.
    """
    cuts: list[tuple[int, int]] = []
    forced = _list_cuts(line)
    fi = 0
    seg_start = first
    skip_until = 0
    n = len(line)
    for m in _CANDIDATE.finditer(line, scan_from):
        ps = m.start()
        if ps < skip_until:
            continue
        while fi < len(forced) and forced[fi] <= ps:
            f = forced[fi]
            fi += 1
            if f > seg_start:
                cuts.append((f, f))
                seg_start = f
        pe = m.end()
        k = _SPACES.match(line, pe).end()
        if k >= n:
            break
        punct = m.group("p")
        if k == pe:  # glued: "creativity.With", "加沙。你好"
            if _CJK_TERMINALS.find(punct[-1]) >= 0 or _glued_boundary(line, ps, pe, seg_start):
                cuts.append((pe, pe))
                seg_start = pe
            continue
        if punct == "." and pe == ps + 1 and line[k] == ".":
            skip_until, cut = _dot_run_cut(line, ps, seg_start)
            if cut is not None:
                cuts.append(cut)
                seg_start = cut[1]
            continue
        if not _cap_start(line, k):
            continue
        if punct == ".":
            ok = _period_boundary(line, ps, k, seg_start)
        else:  # ?, !, …, "...", "?!": a boundary unless inside brackets ("[...]", "(!)")
            ok = not _opens_bracket(line, ps) and not _attribution(line, pe, k)
        if ok:
            cuts.append((pe, k))
            seg_start = k
    for f in forced[fi:]:
        if f > seg_start:
            cuts.append((f, f))
            seg_start = f
    return cuts


def _ends_terminal(piece: str) -> bool:
    body = piece.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _TERMINALS


def _words(piece: str) -> list[str]:
    return [w for w in piece.split() if any(ch.isalnum() for ch in w)]


def _kind_alone(piece: str) -> Kind:
    """Kind of a line that holds one piece: headline-like, short furniture, or a sentence."""
    if _ends_terminal(piece):
        body = piece.rstrip(_CLOSERS).rstrip(_TERMINALS)
        attached = bool(body) and not body[-1].isspace()  # "Follow us !" is a button, not prose
        if not (attached and _SPACE.search(body)):
            return "line"
        if piece.rstrip(_CLOSERS)[-1] == "." or len(piece) > _HEADING_MAX_CHARS:
            return "sentence"
        # "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air?" is a title-case headline
        words = _words(body)
        return "heading" if _heading_like(body, words) and _title_case(words) else "sentence"
    if len(piece) > _HEADING_MAX_CHARS:
        return "sentence"
    if _SPACE.search(piece) is None:
        return "line"
    words = _words(piece)
    if len(words) > _HEADING_MAX_WORDS:
        return "sentence"
    return "heading" if _heading_like(piece, words) else "line"


def _heading_like(piece: str, words: list[str]) -> bool:
    """Three or more words (two capitalised, or five), mostly not numbers, no UI separators
    ('|', '<', '[1]'), no final colon, not a byline."""
    alpha = [w.lstrip(_QUOTES_OPEN) for w in words]
    alpha = [w for w in alpha if w[:1].isalpha()]
    capitalised = sum(1 for w in alpha if not w[0].islower())
    numeric = sum(1 for w in words if any(ch.isdigit() for ch in w))
    return (
        len(words) <= _HEADING_MAX_WORDS
        and len(alpha) >= 3
        and (capitalised >= 2 or len(alpha) >= 5)  # "Rafah attack shelved after new talks"
        and len(alpha) >= 2 * numeric  # "Updated 10:01 AM EDT, March 28, 2024" is a dateline
        and words[0].lower() != "by"  # "By Matthew Lee and Josef Federman" is a byline
        and (piece[0].isalnum() or piece[0] in _QUOTES_OPEN)
        and not piece.endswith(":")
        and not _NON_HEADING_CHARS.intersection(piece)
    )


def _title_case(words: list[str]) -> bool:
    long_words = [w.lstrip(_QUOTES_OPEN) for w in words if len(w) > 3]
    long_words = [w for w in long_words if w[:1].isalpha()]
    return len(long_words) >= 3 and sum(1 for w in long_words if w[0].isupper()) >= 0.8 * len(long_words)


def _kind_piece(piece: str) -> Kind:
    """Kind of one of several pieces of a line: a sentence, or a short unpunctuated tail ("AP")."""
    if len(piece) > 40 or _ends_terminal(piece):
        return "sentence"
    return "sentence" if len(_words(piece)) > 3 else "line"


def segment_line(line: str, offset: int) -> list[Span]:
    """Split one line (no line break inside) that starts at `offset` in the document.

    A unit too long to be one sentence (a transcript, text stripped of its punctuation) is then
    cut into readable pieces: see `overlong`.
    """
    spans = _segment_line(line, offset)
    if len(line) <= MAX_UNPUNCTUATED:
        return spans
    out: list[Span] = []
    for sp in spans:
        if sp.end - sp.start > MAX_UNPUNCTUATED and is_overlong(line[sp.start - offset:sp.end - offset]):
            out.extend(
                Span(s + offset, e + offset, sp.kind)
                for s, e in split_overlong(line, sp.start - offset, sp.end - offset)
            )
        else:
            out.append(sp)
    return out


def _segment_line(line: str, offset: int) -> list[Span]:
    stripped = line.strip()
    if not stripped:
        return []
    first = line.find(stripped[0])  # everything before it is whitespace
    candidate = _CANDIDATE.search(line, first)
    listed = _LIST_START.match(line) is not None
    if candidate is None and not listed:
        return [Span(offset + first, offset + first + len(stripped), _kind_alone(stripped))]
    cuts = _cuts(line, first, first if listed or candidate is None else candidate.start())
    last = first + len(stripped)
    if not cuts:
        return [Span(offset + first, offset + last, _kind_alone(stripped))]
    spans: list[Span] = []
    start = first
    for end, nxt in cuts:
        s, e = start, end
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(offset + s, offset + e, _kind_piece(line[s:e])))
        start = nxt
    if last > start:
        spans.append(Span(offset + start, offset + last, _kind_piece(line[start:last])))
    return spans


def segment(text: str) -> list[Span]:
    """All units of `text` in order; together they cover every non-whitespace character."""
    spans: list[Span] = []
    pos = 0
    extend = spans.extend
    for line in text.splitlines(keepends=True):
        if not line.isspace():
            extend(segment_line(line, pos))
        pos += len(line)
    return spans
