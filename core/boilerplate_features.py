"""Plain-text line features for boilerplate detection.

Copied web pages put each block element on its own line, so the line (not the sentence) is the
unit whose surroundings tell furniture from article: navigation and share bars come as runs of
short lines, the article body as a run of long, punctuated lines. Every feature here is computed
in one or two linear passes (prefix sums for the neighbourhood means) so a 4 MB text stays cheap.

Hard-wrapped texts (books, e-mails: every physical line about 70 characters) would look like a
page of medium-length unpunctuated lines; they are detected as a whole and read paragraph by
paragraph instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours out over own same
    she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself said says also which who since while though although
    de la le les des du et en un une est pour que qui dans sur pas par au aux il elle ce
    der die das und ist nicht mit von den dem zu ein eine im auf für sich auch es
    el los las y del por con una para se lo como más pero su al
    o os as do da dos das em um uma não com por mais
    и в на не что с по как это из за то он она к а но же от
    di il che è per non una sono si della con
    ve bir bu da de ile için olarak""".split()
)

_TERMINAL = re.compile(r"""[.!?…。！？]["'”’»)\]]*$""")
_SENT_BREAK = re.compile(r"""[.!?…]["'”’)\]]*\s+["'“‘(]?[A-ZА-Я0-9]""")
_SEPARATORS = re.compile(r"\s[|•›»·/>–-]\s|\s\|\s?|[|•›»]")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co|in|az|uk|de|ru|fr|es|it|io)\b|@\w")
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:reply|comment)|add a comment|"
    r"join the (?:discussion|conversation)|discussion|post a comment|show comments|reader comments|"
    r"kommentare|comentarios|commentaires|комментарии)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """A logical line: one physical line, or one paragraph of a hard-wrapped text."""

    text: str
    first: int  # index of its first physical line
    last: int  # index of its last physical line (inclusive)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines are cut at a fixed width (a book or e-mail, not a copied page)."""
    lengths = [len(s) for s in lines if s.strip()]
    if len(lengths) < 20:
        return False
    mid = sum(1 for n in lengths if 45 <= n <= 85)
    long = sum(1 for n in lengths if n > 100)
    return mid >= 0.6 * len(lengths) and long <= 0.05 * len(lengths)


def logical_lines(physical: list[str]) -> list[Line]:
    """Non-empty logical lines of a text given as physical lines (without newlines)."""
    out: list[Line] = []
    if _is_hard_wrapped(physical):
        start = -1
        buf: list[str] = []
        for i, s in enumerate(physical):
            if s.strip():
                if start < 0:
                    start = i
                buf.append(s.strip())
            elif buf:
                out.append(Line(" ".join(buf), start, i - 1))
                buf, start = [], -1
        if buf:
            out.append(Line(" ".join(buf), start, len(physical) - 1))
        return out
    for i, s in enumerate(physical):
        t = s.strip()
        if t:
            out.append(Line(t, i, i))
    return out


@dataclass(frozen=True, slots=True)
class LineStats:
    """Raw per-line measurements, reused by the pattern rules and the explanations."""

    words: int
    chars: int
    terminal: bool
    cap_share: float
    stop_share: float


def _prefix(values: list[float]) -> list[float]:
    acc = [0.0]
    s = 0.0
    for v in values:
        s += v
        acc.append(s)
    return acc


def window_mean(prefix: list[float], n: int, i: int, k: int) -> float:
    lo = i - k if i - k > 0 else 0
    hi = i + k + 1 if i + k + 1 < n else n
    return (prefix[hi] - prefix[lo]) / (hi - lo)


def best_region(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the largest total score (Kadane): where the article body is."""
    best, best_lo, best_hi = -math.inf, 0, -1
    cur, lo = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, lo = s, i
        else:
            cur += s
        if cur > best:
            best, best_lo, best_hi = cur, lo, i
    return best_lo, best_hi


def _dist(i: int, lo: int, hi: int) -> float:
    if hi < lo:
        return 5.0
    if i < lo:
        return math.log1p(lo - i)
    if i > hi:
        return math.log1p(i - hi)
    return 0.0


STAGE1_FEATURES: tuple[str, ...] = (
    "log_words", "log_chars", "words_le1", "words_le3", "words_le6", "words_le10", "words_ge20",
    "terminal", "colon_end", "cap_share", "stop_share", "lower_start", "digit_share",
    "punct_share", "sentences", "separators", "urlish", "repeated", "comma_rate", "quoted",
    "mean_words_1", "mean_words_2", "mean_words_5", "mean_words_10", "terminal_2", "terminal_5",
    "stop_2", "prev_words", "next_words", "in_body",
    "body_dist", "after_comments", "short_run",
)

STAGE2_FEATURES: tuple[str, ...] = (
    "logit", "p_1", "p_2", "p_5", "p_10", "p_in_region", "p_region_dist", "p_max_2", "p_min_2",
    "log_words", "terminal", "mean_words_2", "in_body_0", "body_dist_0", "in_body_1", "body_dist_1",
    "in_body_2", "logit_in_body_1", "logit_out_body_1",
)


def stage1(lines: list[Line]) -> tuple[list[list[float]], list[LineStats]]:
    """Feature rows (in STAGE1_FEATURES order) and raw stats for each logical line."""
    n = len(lines)
    stats: list[LineStats] = []
    base: list[list[float]] = []
    lw: list[float] = []
    term: list[float] = []
    stop: list[float] = []
    counts: dict[str, int] = {}
    keys: list[str] = []
    comments_at = -1
    for i, ln in enumerate(lines):
        t = ln.text
        words = t.split()
        w = len(words)
        c = len(t)
        caps = stops = 0
        for word in words:
            ch = word[0]
            if ch.isupper():
                caps += 1
            if word.lower().strip(".,;:!?\"'“”‘’()") in STOPWORDS:
                stops += 1
        digits = sum(ch.isdigit() for ch in t) if c < 400 else sum(ch.isdigit() for ch in t[:400]) * c / 400
        alnum_space = sum(ch.isalnum() or ch.isspace() for ch in t[:400])
        is_term = _TERMINAL.search(t) is not None
        key = t.lower()
        keys.append(key)
        counts[key] = counts.get(key, 0) + 1
        if comments_at < 0 and w <= 6 and _COMMENTS.match(t):
            comments_at = i
        stats.append(LineStats(w, c, is_term, caps / w if w else 0.0, stops / w if w else 0.0))
        l_w = math.log1p(w)
        lw.append(l_w)
        term.append(1.0 if is_term else 0.0)
        stop.append(stops / w if w else 0.0)
        base.append([
            l_w, math.log1p(c), float(w <= 1), float(w <= 3), float(w <= 6), float(w <= 10), float(w >= 20),
            1.0 if is_term else 0.0, 1.0 if t.endswith(":") else 0.0, caps / w if w else 0.0,
            stops / w if w else 0.0, 1.0 if t[:1].islower() else 0.0, digits / c if c else 0.0,
            1.0 - alnum_space / min(c, 400) if c else 0.0,
            math.log1p(len(_SENT_BREAK.findall(t))) if c > 30 else 0.0,
            1.0 if _SEPARATORS.search(t) else 0.0, 1.0 if _URLISH.search(t) else 0.0,
            0.0,  # repeated: filled below
            t.count(",") / w if w else 0.0, 1.0 if t[:1] in "\"“‘«„'" else 0.0,
        ])
    plw, pterm, pstop = _prefix(lw), _prefix(term), _prefix(stop)
    body_lo, body_hi = best_region([1.0 if (s.words >= 10 and s.terminal) or s.words >= 25 else -0.6 for s in stats])
    rows: list[list[float]] = []
    short = [s.words <= 4 for s in stats]
    run_len = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run_len[k] = j - i if short[i] else 0
        i = j
    for i in range(n):
        r = base[i]
        r[17] = 1.0 if counts[keys[i]] > 1 else 0.0
        r.extend((
            window_mean(plw, n, i, 1), window_mean(plw, n, i, 2), window_mean(plw, n, i, 5),
            window_mean(plw, n, i, 10), window_mean(pterm, n, i, 2), window_mean(pterm, n, i, 5),
            window_mean(pstop, n, i, 2),
            lw[i - 1] if i > 0 else 0.0, lw[i + 1] if i + 1 < n else 0.0,
            1.0 if body_lo <= i <= body_hi else 0.0, _dist(i, body_lo, body_hi),
            1.0 if 0 <= comments_at < i else 0.0, math.log1p(run_len[i]),
        ))
        rows.append(r)
    return rows, stats


def stage2(probs: list[float], rows1: list[list[float]]) -> list[list[float]]:
    """Second-pass rows: the first pass's probabilities smoothed over the neighbourhood."""
    n = len(probs)
    pp = _prefix(probs)
    lo, hi = best_region([p - 0.5 for p in probs])
    logits = []
    for p in probs:
        q = min(max(p, 1e-6), 1 - 1e-6)
        logits.append(math.log(q / (1 - q)))
    regions = [best_region([z + off for z in logits]) for off in (0.0, 1.0, 2.0)]
    out: list[list[float]] = []
    for i, p in enumerate(probs):
        z = logits[i]
        ins = [1.0 if a <= i <= b else 0.0 for a, b in regions]
        a = probs[i - 2 if i >= 2 else 0: i + 3]
        r1 = rows1[i]
        out.append([
            z, window_mean(pp, n, i, 1), window_mean(pp, n, i, 2),
            window_mean(pp, n, i, 5), window_mean(pp, n, i, 10),
            1.0 if lo <= i <= hi else 0.0, _dist(i, lo, hi), max(a), min(a),
            r1[0], r1[7], r1[21], ins[0], _dist(i, *regions[0]), ins[1], _dist(i, *regions[1]),
            ins[2], z * ins[1], z * (1.0 - ins[1]),
        ])
    return out


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def linear(weights: list[float], bias: float, rows: list[list[float]]) -> list[float]:
    """Logistic-regression probabilities for each row (pure Python, linear in rows)."""
    out = []
    for r in rows:
        z = bias
        for wgt, x in zip(weights, r):
            z += wgt * x
        out.append(sigmoid(z))
    return out
