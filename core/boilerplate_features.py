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

import itertools
import math
import operator
import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import boilerplate_patterns as bp

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

# Words that page furniture is made of (menus, share bars, account links, credits), in a few
# languages: their share in a line is a soft signal, never a decision by itself.
FURNITURE_WORDS = frozenset(
    """login log sign register account subscribe subscription newsletter newsletters share shares
    tweet email print comments comment reply replies privacy cookie cookies terms policy rights
    reserved copyright advertise advertisement advertising sponsored menu search home homepage
    facebook twitter instagram youtube linkedin pinterest whatsapp telegram reddit tiktok rss
    follow related popular trending recommended more next previous prev click here tags topics
    categories category archive archives about contact careers jobs help faq support feedback
    sitemap events shop store premium view views video videos photos gallery podcast podcasts app
    download deals posted updated published ago min read author authors editor editors staff
    photo image images credit getty reuters afp ap contributors sections section latest top
    inicio buscar suscribirse compartir comentarios publicidad anzeige werbung teilen startseite
    accueil partager publicité commentaires реклама поделиться комментарии главная""".split()
)

_TERMINAL = re.compile(r"""[.!?…。！？]["'”’»)\]]*$""")
_SENT_BREAK = re.compile(r"""[.!?…]["'”’)\]]*\s+["'“‘(]?[A-ZА-Я0-9]""")
_SEPARATORS = re.compile(r"[|•›»]|\s[·/>–-]\s")
_HEAD = 120
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co|in|az|uk|de|ru|fr|es|it|io)\b|@\w")
_FIRST_CHARS = re.compile(r"(?<!\S)\S")
_STRIP = str.maketrans({ch: " " for ch in ".,;:!?\"'“”‘’()[]«»"})
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:reply|comment)|add a comment|"
    r"join the (?:discussion|conversation)|discussion|post a comment|show comments|reader comments|"
    r"kommentare|comentarios|commentaires|комментарии)\b",
    re.IGNORECASE,
)
# "Gary M on September 17, 2018 at 8:50 pm said:" — the head of a reader comment.
_COMMENT_HEAD = re.compile(r"\b(?:said|says|wrote|writes|replied)\s*:\s*$|^reply$", re.IGNORECASE)
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s*[\]\)\"'”’»]?$")
# The stamp a reader comment carries: a relative age, a date with a clock time, "… said:", or a
# bare Reply/Report link. One is a byline; several a few lines apart are a comment thread.
_COMMENT_STAMP = re.compile(
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\b(?:19|20)\d\d\b.{0,12}\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b.{0,12}\b(?:19|20)\d\d\b|"
    r"\b(?:said|says|wrote|writes|replied)\s*:\s*$|^(?:reply|report|report abuse|like|flag)$",
    re.IGNORECASE,
)
# Chinese and Japanese write words without spaces: a line of them splits into one "word".
# Kana and ideographs (not Hangul: Korean spaces its words) count half a word each, about a
# word per two characters, so a paragraph of them reads as long as it is.
_CJK_STOPS = frozenset("。！？!?.」』）)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# The list markers of an enumerated or bulleted item ("1)", "2.", "•", "-", "*").
_ENUMERATED = re.compile(r"^(?:\(?\d{1,3}[.)]|[-*•–·▪►✓]|\(?[a-z][.)])\s")
# Words that speak to the reader: a page's promo box, newsletter or comment invitation addresses
# "you"; an article reports on third parties (and quotes them, which the quote test discounts).
READER_WORDS = frozenset(
    """you your yours yourself yourselves you're you'll you've you'd ya vous votre vos sie ihr ihre
    dein deine usted ustedes tu tus você vocês seu sua""".split()
)
# A call to action opens with the verb: "Get the app", "Join our forums", "Sign up", "Keep an eye on
# your inbox". (An article's sentence opens with its subject.)
IMPERATIVES = frozenset(
    """get join follow subscribe sign stay keep tell click tap download share read watch listen check
    learn find discover see visit shop buy try register like email e-mail send let don't do explore
    book order save grab claim enter vote take support donate contact call browse start become
    meet view want need leave write reach go continue discover lesen folgen abonnieren leia siga
    lea sigue suivez abonnez inscrivez cliquez descarga regístrate suscríbete""".split()
)
# How a photo's caption reads: it shows someone doing something, somewhere, on a date, in a
# picture ("… pictured at the White House", "This March 28, 2017, file photo …", "An artist's
# illustration of …", "(L) and …", "poses with", "Tuesday, Nov. 19, 2019, in Grass Valley").
_CAPTION_CUES = re.compile(
    r"\b(?:pictured|file (?:photo|image|picture)|in this (?:photo|image|picture|undated|handout|file)|"
    r"(?:photo|image|picture|illustration|rendering|screenshot|graphic|still) (?:shows?|of|taken|from|courtesy)|"
    r"artist'?s (?:illustration|concept|impression|rendering|depiction)|(?:is|are) (?:seen|pictured|shown)|"
    r"poses?|posing|gestures|looks on|waves to|from (?:left|right)|\((?:left|right|center|centre|l|r|c)\))|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day, [A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d\b",
    re.IGNORECASE,
)
# A line that says who someone or something is: "Ascom is a global provider …", "Emiliano joined pv
# magazine in March 2017", "Eric Song is IGN's deal curator": the about-box or bio after an article.
_DEFINITION_OPEN = re.compile(
    r"(?:[A-Z][\w.&'’-]*\s+){1,4}(?:is|was) (?:a|an|the|\w+'s|our|one of)\b|"
    r"(?:[A-Z][\w.&'’-]*\s+){1,3}(?:joined|has (?:been|written|worked|covered)|covers|writes|founded)\b"
)
_DEFINITION_ANY = re.compile(
    r"\b(?:headquartered|is based in|employs (?:about |around |more than |over )?[\d,]+|founded in (?:19|20)\d\d)\b"
)
_DEFINITION_KEYS = ("headquartered", "is based in", "employs ", "founded in ")
_QUOTE_MARK = re.compile("[\"“”«»„]")
# Every caption cue holds one of these (lowercased): the cue regex runs only where one is found.
_CAPTION_KEYS = ("pictured", "file ", "in this ", "photo", "image", "picture", "illustration", "rendering",
                 "screenshot", "graphic", "still ", "artist", "seen", "shown", "pose", "posing", "gestures",
                 "looks on", "waves to", "from left", "from right", "(l", "(r", "(c", "day, ")
_CAPTION_KEY = re.compile("|".join(map(re.escape, _CAPTION_KEYS)))
_NO_UPPER = str.maketrans("", "", string.ascii_uppercase)
_NO_LETTERS = str.maketrans("", "", string.ascii_letters)


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
    """Raw per-line measurements (one list per measure), reused by the rules and explanations."""

    words: list[int]
    chars: list[int]
    terminal: list[float]
    cap_share: list[float]
    stop_share: list[float]
    tokens: list[list[str]]
    pattern: list[tuple[str, str] | None]


def _prefix(values: list[float]) -> list[float]:
    acc = [0.0]
    s = 0.0
    for v in values:
        s += v
        acc.append(s)
    return acc


def window_means(prefix: list[float], n: int, k: int) -> list[float]:
    """Mean of each value and its k neighbours on each side (clipped at the ends)."""
    if n <= 2 * k + 1:
        return [(prefix[min(i + k + 1, n)] - prefix[max(i - k, 0)]) / (min(i + k + 1, n) - max(i - k, 0)) for i in range(n)]
    width = 2 * k + 1
    head = [(prefix[i + k + 1] - prefix[0]) / (i + k + 1) for i in range(k)]
    body = [(a - b) / width for a, b in zip(prefix[width:], prefix[: n - width + 1])]
    tail = [(prefix[n] - prefix[i - k]) / (n - i + k) for i in range(n - k, n)]
    return head + body + tail


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


def region_columns(n: int, lo: int, hi: int) -> tuple[list[float], list[float]]:
    """Inside-the-region flags and log distance to the region, for every line."""
    if hi < lo:
        return [0.0] * n, [5.0] * n
    inside = [0.0] * lo + [1.0] * (hi - lo + 1) + [0.0] * (n - hi - 1)
    log1p = math.log1p
    dist = [log1p(lo - i) for i in range(lo)] + [0.0] * (hi - lo + 1) + [log1p(i - hi) for i in range(hi + 1, n)]
    return inside, dist


STAGE1_FEATURES: tuple[str, ...] = (
    "log_words", "log_chars", "words_le1", "words_le3", "words_le6", "words_le10", "words_ge20",
    "terminal", "colon_end", "cap_share", "stop_share", "lower_start", "digit_share",
    "punct_share", "sentences", "separators", "urlish", "repeated", "comma_rate", "quoted",
    "mean_words_1", "mean_words_2", "mean_words_5", "mean_words_10", "terminal_2", "terminal_5",
    "stop_2", "prev_words", "next_words", "in_body",
    "body_dist", "after_comments", "short_run", "rel_words", "rel_mean_words_2", "page_terminal",
    "caps_unpunctuated", "short_unpunctuated", "digits_short", "stop_x_words", "lower_unpunctuated",
    "ellipsis_end", "comment_head", "family_hit", "family_near_2", "after_end_marker",
    "furniture_words", "furniture_words_2", "hit_byline", "hit_navigation", "hit_promo", "hit_credit",
    "hit_counter", "hit_caption", "title_prefix", "opening_repeated",
    "reader_words", "imperative_open", "caption_cues", "bio_cues", "definition_open", "upper_letters",
    "question_end", "colon_list",
    "lex_mean", "lex_min", "lex_mean_2",
)
# The lexical columns come last: the trainer swaps them for out-of-fold ones.
LEXICAL_FEATURES = 3

# Stage 2 reads these and then every stage-1 column (a tree ensemble: no need to pick).
STAGE2_OWN: tuple[str, ...] = (
    "logit", "p_1", "p_2", "p_5", "p_10", "p_in_region", "p_region_dist", "p_max_2", "p_min_2",
    "in_body_0", "body_dist_0", "in_body_1", "body_dist_1", "in_body_2", "topical", "topical_2",
    "p_prev", "p_next", "p_before_5", "p_after_5", "from_region_start", "to_region_end",
    "core_rel_words", "core_terminal", "core_lines", "core_rel_lex", "core_lex",
)
_LOG_WORDS = STAGE1_FEATURES.index("log_words")
_TERMINAL_COL = STAGE1_FEATURES.index("terminal")
_LEX_MEAN = STAGE1_FEATURES.index("lex_mean")
STAGE2_FEATURES: tuple[str, ...] = STAGE2_OWN + tuple("s1_" + name for name in STAGE1_FEATURES)


Columns = list[list[float]]


def stage1(lines: list[Line], lexicon: dict[str, float] | None = None) -> tuple[Columns, LineStats]:
    """Feature columns (one list per name in STAGE1_FEATURES) and raw stats of each line.

    `lexicon`: the learned word log-odds (furniture < 0 < content) the lexical columns read.

    Column-wise on purpose: a list comprehension per feature runs several times faster in pure
    Python than building one row per line, and the model is a dot product either way.
    """
    n = len(lines)
    texts = [ln.text for ln in lines]
    heads = [t[:_HEAD] for t in texts]
    log1p = math.log1p
    # Long lines: count spaces instead of splitting (no list per paragraph); exact enough there.
    words = [len(t.split()) if len(t) < 300 else t.count(" ") + 1 for t in texts]
    # Chinese and Japanese sentences counted as the words they hold (as the rules count them);
    # an unpunctuated line in those scripts (a title, a menu item) keeps its plain count.
    words = spoken_words(texts, words, sentences=True)
    chars = [len(t) for t in texts]
    hsplit = [h.split() for h in heads]
    hwords = [len(hs) or 1 for hs in hsplit]
    toks = [h.lower().translate(_STRIP).split() for h in heads]
    is_stop = STOPWORDS.__contains__
    stop = [sum(map(is_stop, tk)) / (len(tk) or 1) for tk in toks]
    is_furn = FURNITURE_WORDS.__contains__
    furn = [sum(map(is_furn, tk)) / (len(tk) or 1) for tk in toks]
    caps = [sum(map(str.isupper, "".join(_FIRST_CHARS.findall(h)))) / hw for h, hw in zip(heads, hwords)]
    term = [1.0 if _TERMINAL.search(t[-12:]) else 0.0 for t in texts]
    lw = [log1p(w) for w in words]
    hlen = [len(h) or 1 for h in heads]
    keys = [t.lower() if len(t) <= _HEAD else t for t in texts]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    pattern = [bp.line_category(t, w) for t, w in zip(texts, words)]
    hit = [0.0 if pc is None else 1.0 for pc in pattern]
    # After the body has started (three long sentences), a link list, tags line or credit that
    # the body does not resume after marks the end of the article: what follows is furniture.
    after_end = [0.0] * n
    is_prose = [w >= 10 and t > 0.5 for w, t in zip(words, term)]
    prose = 0
    for i in range(n):
        if is_prose[i]:
            prose += 1
        elif (prose >= 3 and pattern[i] is not None and pattern[i][0] in ("promo", "credit")
              and sum(is_prose[i + 1:i + 6]) < 2):
            after_end[i + 1:] = [1.0] * (n - i - 1)
            break
    # A comments header counts only after some article prose: "Comment" in a menu above the
    # article is a section name.
    prose_acc = list(itertools.accumulate(is_prose, initial=0))
    comments_at = next(
        (i for i, (t, w) in enumerate(zip(texts, words))
         if ((w <= 6 and _COMMENTS.match(t)) or (w <= 20 and _COMMENT_HEAD.search(t))) and prose_acc[i] >= 3),
        -1,
    )
    short = [w <= 4 for w in words]
    run_len = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        if short[i]:
            run_len[i:j] = [log1p(j - i)] * (j - i)
        i = j
    plw, pterm, pstop = _prefix(lw), _prefix(term), _prefix(stop)
    body_in, body_dist = region_columns(
        n, *best_region([1.0 if (w >= 10 and t) or w >= 25 else -0.6 for w, t in zip(words, term)])
    )
    cols: Columns = [
        lw,
        [log1p(c) for c in chars],
        [1.0 if w <= 1 else 0.0 for w in words],
        [1.0 if w <= 3 else 0.0 for w in words],
        [1.0 if w <= 6 else 0.0 for w in words],
        [1.0 if w <= 10 else 0.0 for w in words],
        [1.0 if w >= 20 else 0.0 for w in words],
        term,
        [1.0 if t.endswith(":") else 0.0 for t in texts],
        caps,
        stop,
        [1.0 if t[:1].islower() else 0.0 for t in texts],
        [sum(map(str.isdigit, h)) / hl for h, hl in zip(heads, hlen)],
        [1.0 - (sum(map(str.isalnum, h)) + h.count(" ")) / hl for h, hl in zip(heads, hlen)],
        [log1p(len(_SENT_BREAK.findall(t, 0, 600))) if len(t) > 30 else 0.0 for t in texts],
        [1.0 if _SEPARATORS.search(h) else 0.0 for h in heads],
        [1.0 if _URLISH.search(h) else 0.0 for h in heads],
        [1.0 if counts[k] > 1 else 0.0 for k in keys],
        [h.count(",") / hw for h, hw in zip(heads, hwords)],
        [1.0 if t[:1] in "\"“‘«„'" else 0.0 for t in texts],
        window_means(plw, n, 1),
        window_means(plw, n, 2),
        window_means(plw, n, 5),
        window_means(plw, n, 10),
        window_means(pterm, n, 2),
        window_means(pterm, n, 5),
        window_means(pstop, n, 2),
        [0.0] + lw[:-1] if n else [],
        lw[1:] + [0.0] if n else [],
        body_in,
        body_dist,
        [0.0] * (comments_at + 1) + [1.0] * (n - comments_at - 1) if comments_at >= 0 else [0.0] * n,
        run_len,
    ]
    mean_lw = sum(lw) / n if n else 0.0
    mean_term = sum(term) / n if n else 0.0
    cols.extend((
        [v - mean_lw for v in lw],
        [v - mean_lw for v in cols[21]],
        [mean_term] * n,
        [c * (1.0 - t) for c, t in zip(caps, term)],
        [(1.0 - t) if w <= 6 else 0.0 for w, t in zip(words, term)],
        [d if w <= 6 else 0.0 for d, w in zip(cols[12], words)],
        [sp * v for sp, v in zip(stop, lw)],
        [(1.0 - c) * (1.0 - t) for c, t in zip(caps, term)],
        [1.0 if _ELLIPSIS_END.search(t[-6:]) else 0.0 for t in texts],
        [1.0 if w <= 20 and _COMMENT_HEAD.search(t) else 0.0 for t, w in zip(texts, words)],
        hit,
        window_means(_prefix(hit), n, 2),
        after_end,
        furn,
        window_means(_prefix(furn), n, 2),
    ))
    for cat in ("byline", "navigation", "promo", "credit", "counter", "caption"):
        cols.append([1.0 if pc is not None and pc[0] == cat else 0.0 for pc in pattern])
    cols.append([_title_prefix(hs, w) if 9 <= w <= 80 else 0.0 for hs, w in zip(hsplit, words)])
    cols.append(_opening_repeated(hsplit, words))
    cols.extend(_address_columns(texts, toks, words))
    cols.append(_colon_list(texts, words, stop, pattern))
    cols.extend(lexical_columns(toks, lexicon))
    return cols, LineStats(words, chars, term, caps, stop, toks, pattern)


def _address_columns(texts: list[str], toks: list[list[str]], words: list[int]) -> Columns:
    """Who a line speaks to and about: the share of reader words ("you", "your") and a
    call-to-action opening (both 0 when the line holds quotation marks: a quoted speaker may
    address anyone), caption wording, author-bio cues, a definition of someone or something
    ("X is a …", "X joined … in 2017", "headquartered in"), the share of capital letters (a
    shouted "GET THE QUIZ"), a closing question mark (a teaser's "Who will make the Rock Hall?").

    Each regex runs only where a cheap test (a keyword, the line's length) leaves it a chance.
    """
    is_reader = READER_WORDS.__contains__
    imperatives = IMPERATIVES
    reader, imperative, caption, bio, definition, upper, question = [], [], [], [], [], [], []
    log1p = math.log1p
    quote = _QUOTE_MARK.search
    cues = _CAPTION_CUES.findall
    caption_key = _CAPTION_KEY.search
    bio_cues = bp.bio_cues
    for t, tk, w in zip(texts, toks, words):
        if tk and quote(t, 0, 300) is None:
            reader.append(sum(map(is_reader, tk)) / len(tk))
            imperative.append(1.0 if tk[0] in imperatives and t[:1].isupper() else 0.0)
        else:
            reader.append(0.0)
            imperative.append(0.0)
        if 5 <= w <= 80:
            head = t[:300]
            caption.append(float(min(3, len(cues(head)))) if caption_key(head.lower()) else 0.0)
        else:
            caption.append(0.0)
        # Not on paragraphs of over 80 words: a bio box is shorter, and a book's paragraphs would
        # pay for the scan (the rules still look for bios at the body's edges at any length).
        bio.append(log1p(bio_cues(t)) if 4 <= w <= 80 else 0.0)
        if w >= 6:
            head = t[:300]
            found = _DEFINITION_OPEN.match(head) is not None or (
                any(k in head for k in _DEFINITION_KEYS) and _DEFINITION_ANY.search(head) is not None)
            definition.append(1.0 if found else 0.0)
        else:
            definition.append(0.0)
        h = t[:120]
        if h.isascii():  # letters and capitals counted by C-level deletions
            letters = len(h) - len(h.translate(_NO_LETTERS))
            upper.append((len(h) - len(h.translate(_NO_UPPER))) / letters if letters else 0.0)
        else:
            letters = sum(map(str.isalpha, h))
            upper.append(sum(map(str.isupper, h)) / letters if letters else 0.0)
        question.append(1.0 if t.rstrip("\"'”’»)] ").endswith("?") else 0.0)
    return [reader, imperative, caption, bio, definition, upper, question]


def _colon_list(texts: list[str], words: list[int], stop: list[float], pattern: list) -> list[float]:
    """1 for the short lines that follow a sentence ending in a colon ("The key findings were:",
    "Here are the highlights:"), up to the first long line: the article's own list, whose items
    (lost bullets, no punctuation) look like a menu."""
    out = [0.0] * len(texts)
    lead = -1
    for i, (t, w) in enumerate(zip(texts, words)):
        if w >= 3 and t.endswith(":") and stop[i] >= 0.12 and pattern[i] is None:
            lead = i
        elif lead >= 0 and w <= 20 and i - lead <= 15:
            out[i] = 1.0
        else:
            lead = -1
    return out


def lexical_columns(tokens: list[list[str]], lexicon: dict[str, float] | None) -> Columns:
    """Each line's mean and lowest word log-odds in the learned lexicon (0 for an unknown word)
    and the mean over it and its two neighbours on each side.

    The lexicon (benchmarks/train_boilerplate.py) keeps only words seen on several pages, so it
    holds the vocabulary of furniture ("subscribe", "newsletter", "getty", "tickets") and of
    reporting ("said", "according"), not one story's topic.
    """
    n = len(tokens)
    if not lexicon:
        return [[0.0] * n, [0.0] * n, [0.0] * n]
    get = lexicon.get
    unknown = itertools.repeat(0.0)  # get's default for every word: map runs in C
    mean, low = [], []
    for tk in tokens:
        if tk:
            vals = list(map(get, tk, unknown))
            mean.append(sum(vals) / len(vals))
            m = min(vals)
            low.append(m if m < 0.0 else 0.0)
        else:
            mean.append(0.0)
            low.append(0.0)
    return [mean, low, window_means(_prefix(mean), n, 2)]


def spoken_words(texts: list[str], words: list[int], sentences: bool | None = None) -> list[int]:
    """Word counts with a run of Chinese or Japanese characters counted as the words it holds
    (about one per two characters), so that a paragraph in those scripts can open the body.

    `sentences`: None for every line (the structure rules' counts); True for the lines that end
    like a sentence only (。！？ …: the line model's counts — a Japanese paragraph read as one
    word made the model drop whole articles); False for the other lines only (what the rules add
    to the model's counts). The model keeps an unpunctuated line's plain count: counted in full,
    a Japanese sidebar of long link titles read as article paragraphs (fixed split: whole-page
    precision 0.916 -> 0.893)."""
    out = words
    for i, t in enumerate(texts):
        if (not t.isascii() and (sentences is None or (t[-1:] in _CJK_STOPS) == sentences)
                and (cjk := len(_CJK.findall(t))) > 1):
            if out is words:
                out = list(words)
            out[i] = words[i] + cjk // 2
    return out


def comment_thread(texts: list[str], words: list[int], gap: int = 12, least: int = 3) -> list[float]:
    """1 for lines inside a reader-comment thread: from the first to the last of at least `least`
    comment stamps (age, date with time, "… said:", Reply), each within `gap` lines of the last."""
    n = len(texts)
    out = [0.0] * n
    stamp = _COMMENT_STAMP.search
    # Every stamp has a colon, an "ago" or at most two words: test those lines only.
    stamps = [i for i, (t, w) in enumerate(zip(texts, words))
              if w <= 16 and (w <= 2 or ":" in t or "ago" in t or "AGO" in t or "Ago" in t) and stamp(t)]
    k = 0
    while k < len(stamps):
        j = k
        while j + 1 < len(stamps) and stamps[j + 1] - stamps[j] <= gap:
            j += 1
        if j - k + 1 >= least:
            end = min(n, stamps[j] + 4)
            out[stamps[k]:end] = [1.0] * (end - stamps[k])
        k = j + 1
    return out


_MINOR = frozenset("a an and at by for from in of on or the to vs with".split())


def _title_prefix(head_words: list[str], nwords: int) -> float:
    """Log length of a Title-Cased run that opens a longer line: a teaser's headline glued to its
    summary ("Customers Leave Without Paying Bill At Troy Steakhouse A party of six left …")."""
    if nwords < 9 or nwords > 80:
        return 0.0
    run = 0
    for w in head_words[:20]:
        if w[:1].isupper() or w[:1].isdigit() or w[:1] in "$'‘\"“" or w.lower() in _MINOR:
            run += 1
        else:
            break
    return math.log1p(run) if run >= 4 and nwords >= run + 4 else 0.0


def _opening_repeated(head_words: list[list[str]], words: list[int]) -> list[float]:
    """Log count of the page's lines that open with the same two words: a teaser or link list
    repeats its template ("Opening Bell 10.29.19", "Opening Bell 6.7.19", …)."""
    keys = [" ".join(hs[:2]).lower() if w >= 2 else "" for hs, w in zip(head_words, words)]
    counts: dict[str, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    log1p = math.log1p
    return [log1p(counts[k] - 1) if k else 0.0 for k in keys]


def _topicality(probs: list[float], tokens: list[list[str]]) -> list[float]:
    """Share of a line's longer words that the likely-content lines (other than itself) also use.

    Article lines talk about the same things; menus, teasers and share bars do not.
    """
    keyed = [{t for t in tk if len(t) >= 4} for tk in tokens]
    df: Counter[str] = Counter()
    for p, ks in zip(probs, keyed):
        if p >= 0.5:
            df.update(ks)
    seen = set(df)  # used by some likely-content line
    twice = {t for t, c in df.items() if c >= 2}  # ... by one other than itself, for a content line
    return [len(ks & (twice if p >= 0.5 else seen)) / len(ks) if ks else 0.0 for p, ks in zip(probs, keyed)]


def stage2(probs: list[float], cols1: Columns, tokens: list[list[str]]) -> Columns:
    """Second-pass columns: the first pass's probabilities smoothed over the neighbourhood, where
    the line sits against the likely body, and then every first-pass column."""
    n = len(probs)
    pp = _prefix(probs)
    log = math.log
    logits = [log(q / (1 - q)) for q in (min(max(p, 1e-6), 1 - 1e-6) for p in probs)]
    half_in, half_dist = region_columns(n, *best_region([p - 0.5 for p in probs]))
    r0 = region_columns(n, *best_region(logits))
    lo, hi = best_region([z + 1.0 for z in logits])
    r1 = region_columns(n, lo, hi)
    core_lo, core_hi = best_region([z + 2.0 for z in logits])
    r2 = region_columns(n, core_lo, core_hi)
    pmax = [max(probs[i - 2 if i >= 2 else 0: i + 3]) for i in range(n)]
    pmin = [min(probs[i - 2 if i >= 2 else 0: i + 3]) for i in range(n)]
    topical = _topicality(probs, tokens)
    log1p = math.log1p
    before = [(pp[i] - pp[max(0, i - 5)]) / (i - max(0, i - 5)) if i else 0.0 for i in range(n)]
    after = [(pp[min(n, i + 6)] - pp[i + 1]) / (min(n, i + 6) - i - 1) if i < n - 1 else 0.0 for i in range(n)]
    own = [
        logits, window_means(pp, n, 1), window_means(pp, n, 2), window_means(pp, n, 5),
        window_means(pp, n, 10), half_in, half_dist, pmax, pmin,
        r0[0], r0[1], r1[0], r1[1], r2[0], topical, window_means(_prefix(topical), n, 2),
        [0.0] + probs[:-1] if n else [], probs[1:] + [0.0] if n else [], before, after,
        [math.copysign(log1p(abs(i - lo)), i - lo) for i in range(n)],
        [math.copysign(log1p(abs(hi - i)), hi - i) for i in range(n)],
        *_core_columns(cols1, core_lo, core_hi, n),
    ]
    return own + cols1


def _core_columns(cols1: Columns, lo: int, hi: int, n: int) -> Columns:
    """A line measured against the page's core body (the run the first pass is surest of).

    Pages differ in how long their paragraphs are; a teaser's one-sentence summary or a caption
    is short next to the article it sits by, though long by the page's own average (which menus
    drag down). Also the core's share of punctuated lines and its size: a core of short or
    unpunctuated lines is probably a link list, not an article. And its words against the
    core's in the lexicon: in a language the lexicon hardly knows the core sits near 0, and the
    page's lines are read against that, not against English prose.
    """
    lw, term, lex = cols1[_LOG_WORDS], cols1[_TERMINAL_COL], cols1[_LEX_MEAN]
    mid = _upper_median(lw[lo:hi + 1])
    size = max(1, hi - lo + 1)
    lex_mid = _upper_median(lex[lo:hi + 1])
    return [[v - mid for v in lw], [sum(term[lo:hi + 1]) / size] * n, [math.log1p(size)] * n,
            [v - lex_mid for v in lex], [lex_mid] * n]


def _upper_median(values: list[float]) -> float:
    """The upper of the middle values, 0 for none (statistics.median_high without importing
    statistics, which costs a few milliseconds at start-up)."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def linear(weights: list[float], bias: float, cols: Columns) -> list[float]:
    """Logistic-regression probabilities, one per line (rows via zip: the products run in C)."""
    mul = operator.mul
    exp = math.exp
    out = []
    for row in zip(*cols):
        z = bias + sum(map(mul, weights, row))
        out.append(1.0 / (1.0 + exp(-z)) if z >= 0 else exp(z) / (1.0 + exp(z)))
    return out




def _tree_source(node: object) -> str:
    if not isinstance(node, list):
        return repr(float(node))  # type: ignore[arg-type]
    f, t, left, right = node
    return f"({_tree_source(left)} if c{int(f)}[i] <= {float(t)!r} else {_tree_source(right)})"


def _tree_features(node: object, into: set[int]) -> set[int]:
    if isinstance(node, list):
        into.add(int(node[0]))
        _tree_features(node[2], into)
        _tree_features(node[3], into)
    return into


class LazyProbabilities(Sequence[float]):
    """Stage-2 probabilities worked out on first read: the rules decide many lines (families,
    header and footer structure) before the model is asked, so those rows are never scored."""

    __slots__ = ("_score", "_cache")

    def __init__(self, score: Callable[[int], float], n: int) -> None:
        self._score = score
        self._cache: list[float | None] = [None] * n

    def __len__(self) -> int:
        return len(self._cache)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        v = self._cache[i]
        if v is None:
            # A sum of leaf values stays far inside exp's range: no overflow guard needed.
            v = self._cache[i] = 1.0 / (1.0 + math.exp(-self._score(i)))
        return v


#: Up to this many lines, the trees are walked as data; above, they are compiled once into one
#: function (`_compiled`). Compiling costs tens of milliseconds, most of an article's whole
#: classification and a visible share of the app's first paint; walking costs ~25 µs a line.
COMPILE_AT = 2000


def tree_scorer(trees: list, base: float) -> Callable[..., Sequence[float]]:
    """Probabilities from a boosted tree ensemble (as shipped in boilerplate_model.json).

    Short texts walk the trees node by node; long ones use the trees turned into one Python
    function of nested conditionals over the feature columns it reads (the fastest way to walk
    them in pure Python: no per-node lookups, no row built per line), generated from the model
    file's numbers and feature indices only. Both add the same leaves in the same order, so the
    probabilities are identical. `predict(cols)` scores every line, `predict(cols, lazy=True)`
    each when first read.
    """
    nodes = [_as_floats(t) for t in trees]
    start = float(base)
    compiled: list[Callable[[Columns], Callable[[int], float]]] = []
    exp = math.exp

    def walked(cols: Columns) -> Callable[[int], float]:
        def score(i: int) -> float:
            total = start
            for node in nodes:
                while node.__class__ is list:
                    node = node[2] if cols[node[0]][i] <= node[1] else node[3]
                total += node
            return total
        return score

    def predict(cols: Columns, lazy: bool = False) -> Sequence[float]:
        n = len(cols[0]) if cols else 0
        if n <= COMPILE_AT:
            score = walked(cols)
        else:
            if not compiled:
                compiled.append(_compiled(trees, start))
            score = compiled[0](cols)
        if lazy:
            return LazyProbabilities(score, n)
        return [1.0 / (1.0 + exp(-score(i))) for i in range(n)]

    return predict


def _as_floats(node: object) -> object:
    """A tree with int feature indices and float thresholds and leaves (as compiled)."""
    if not isinstance(node, list):
        return float(node)  # type: ignore[arg-type]
    f, t, left, right = node
    return [int(f), float(t), _as_floats(left), _as_floats(right)]


def _compiled(trees: list, base: float) -> Callable[[Columns], Callable[[int], float]]:
    used = sorted(set().union(*(_tree_features(t, set()) for t in trees)))
    bind = "".join(f"    c{f} = cols[{f}]\n" for f in used)
    body = " + ".join(_tree_source(t) for t in trees) or "0.0"
    source = f"def bind(cols):\n{bind}    def score(i):\n        return {base!r} + {body}\n    return score\n"
    namespace: dict[str, object] = {}
    exec(compile(source, "<boilerplate trees>", "exec"), namespace)
    return namespace["bind"]  # type: ignore[return-value]
