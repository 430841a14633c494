"""Boilerplate detection: which units are page furniture, of what kind, and why.

Decisions are made per line (a copied page puts each block element on its own line) and then
given to every unit of that line. Three layers, each explained in the unit's `reason`:

1. Structure. The article body is the run of long, punctuated lines inside the stretch the line
   model is surest of (a teaser list further down does not join it); the header before it holds
   the headline (content, kind `heading`) and the bylines, the footer after it the credits and
   bios. A short unpunctuated line in the header or footer is furniture wherever it comes from.
2. Furniture families (boilerplate_patterns): they name the category and catch the furniture
   that reads like prose — captions, author bios, "See also …" lines. Some (a picture's
   labelled credit, caption or gallery counter, the author's contact line, a newsletter box)
   are applied here only, not read by the line model. A paragraph printed twice in a row is
   a caption and its gallery copy.
3. A small learned line model for everything else, on pages never seen: a logistic regression
   over the line's length, punctuation, capitalisation, function and furniture words, family
   hits, a learned lexicon's word log-odds (furniture vocabulary such as "subscribe" or
   "getty" against reporting words such as "said") and the same measures of its neighbours,
   then a small boosted tree ensemble over those probabilities smoothed over the neighbourhood
   and the line's place against the likely body (parameters and the rules' probability
   cut-offs in boilerplate_model.json, all learned by benchmarks/train_boilerplate.py,
   evaluated in pure Python). Its verdict is explained from the measurements in `reason`; it
   never removes a paragraph of prose inside the body on its own.

Two page-level structures override the line-by-line verdicts: a reader-comment thread (several
timestamped "… said:" / "2 days ago" / Reply stamps a few lines apart, after article prose) is
furniture however much it reads like prose, and a list numbered 1, 2, 3 … that starts within the
article is content however short and link-like its items are.

`refine_unpaired` adds the two-document signal: after alignment, a short line that found no
partner at the edge of the aligned body is furniture too.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from . import boilerplate_features as bf
from . import boilerplate_patterns as bp
from . import headline as hl
from .model import Span, Unit

# A body line must be this long (words) to open or close the article body.
_BODY_WORDS = 8
# ... and this likely content to open or close the page's article span, above which the
# headline is looked for (fixed: the headline's weights were fitted with it).
_PAGE_BODY_P = 0.3
# Prose of at least this many words inside the body is never dropped by the model alone.
_PROSE_WORDS = 12
# Lines this close to the body count as in it for that protection.
_NEAR = 3
# A paragraph of at least this many words printed twice in a row is a picture's caption shown
# twice (under the picture and in its gallery) or a teaser, not the article saying it twice.
_TWICE_WORDS = 8
# A comment thread is recognised only after this many prose lines of article.
_THREAD_PROSE = 3


@dataclass(frozen=True, slots=True)
class Rules:
    """The probability cut-offs the structure rules apply to the line model's output.

    Learned with the model (benchmarks/train_boilerplate.py picks them on out-of-fold
    probabilities) and shipped in boilerplate_model.json; the defaults are for a model file
    without them.
    """

    threshold: float = 0.5  # below this the model calls a line furniture
    body_p: float = 0.3  # a long line opens or closes the body from this probability
    sure_in: float = 0.1  # a sentence near the body is dropped only below this
    sure_out: float = 0.3  # ... and one far from it only below this
    sure_prose: float = 0.03  # prose next to the body only below this
    sure_body: float = 0.1  # any line strictly inside the body only below this


@dataclass(frozen=True, slots=True)
class _Model:
    w1: list[float]
    b1: float
    stage2: Callable[..., Sequence[float]]
    rules: Rules
    lexicon: dict[str, float] | None = None


@lru_cache(maxsize=1)
def _model() -> _Model:
    raw = json.loads(resources.files(__package__).joinpath("boilerplate_model.json").read_text(encoding="utf-8"))
    s1, s2 = raw["stage1"], raw["stage2"]
    if tuple(s1["features"]) != bf.STAGE1_FEATURES or tuple(s2["features"]) != bf.STAGE2_FEATURES:
        raise RuntimeError("boilerplate_model.json does not match boilerplate_features; retrain it")
    return _Model(s1["weights"], s1["bias"], bf.tree_scorer(s2["trees"], s2["base"]), Rules(**raw.get("rules", {})),
                  s1.get("lexicon"))


def content_probabilities(lines: list[bf.Line], model: _Model | None = None) -> tuple[Sequence[float], bf.Columns, bf.LineStats]:
    """The line model's probability that each logical line is article content (each worked
    out when first read, unless the page is recalibrated: _page_calibrated)."""
    m = model or _model()
    cols1, stats = bf.stage1(lines, m.lexicon)
    p1 = bf.linear(m.w1, m.b1, cols1)
    p2 = m.stage2(bf.stage2(p1, cols1, stats.tokens), lazy=True)
    return _page_calibrated(p2), cols1, stats


class _St(NamedTuple):
    """One line's raw measures, as the rules read them."""

    words: int
    terminal: bool
    cap_share: float
    stop_share: float


class _Verdict:
    """One line's verdict, filled in by the rules. A plain class with class-level defaults: one
    is made per line, and this is several times cheaper to create than a dataclass."""

    category: str | None = None
    reason: str | None = None
    heading: bool = False


_F = {name: k for k, name in enumerate(bf.STAGE1_FEATURES)}
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts, one C-level scan


# A line whose words average this low in the learned lexicon reads as furniture vocabulary.
_LEX_FURNITURE = -1.0


def _model_reason(st: _St, cols: bf.Columns, i: int, p: float, words: list[str] | None = None) -> str:
    """Name the measurements that made the model call this line furniture (`words`: the line's
    most furniture-like words in the lexicon, when known)."""
    bits: list[str] = []
    # What the line says before how it looks: these name the kind of furniture.
    if cols[_F["reader_words"]][i] >= 0.1:
        bits.append("speaks to the reader (“you”)")
    if cols[_F["imperative_open"]][i]:
        bits.append("opens with a call to action")
    if cols[_F["caption_cues"]][i]:
        bits.append("worded like a photo caption")
    if cols[_F["bio_cues"]][i]:
        bits.append("worded like an author bio")
    if cols[_F["definition_open"]][i]:
        bits.append("says who someone or something is (an about box)")
    if cols[_F["question_end"]][i] and st.words <= 20:
        bits.append("a short question (a teaser)")
    if st.words <= 6:
        bits.append(f"short line ({st.words} word{'s' if st.words != 1 else ''})")
    around = math.expm1(cols[_F["mean_words_2"]][i])
    if around < 9:
        bits.append(f"among short lines (≈{around:.0f} words each)")
    if not st.terminal:
        bits.append("no final punctuation")
    if st.words >= 2 and st.cap_share >= 0.6:
        bits.append("mostly capitalised words")
    if st.words >= 4 and st.stop_share < 0.12:
        bits.append("few function words")
    if cols[_F["repeated"]][i]:
        bits.append("repeated in the page")
    if cols[_F["after_comments"]][i]:
        bits.append("after a comments header")
    if cols[_F["lex_mean"]][i] <= _LEX_FURNITURE:
        bits.append("furniture vocabulary" + (f" ({', '.join(repr(w) for w in words)})" if words else ""))
    if not cols[_F["in_body"]][i]:
        bits.append("outside the article body")
    if not bits:
        bits.append("unlike its neighbours")
    return f"{', '.join(bits)} (line model: content p={p:.2f})"


def _is_sentence(st: _St) -> bool:
    return st.terminal and st.words >= 3 and st.stop_share >= 0.12


def _heading_like(text: str, st: _St) -> bool:
    return 3 <= st.words <= 30 and (not st.terminal or text.endswith("?")) and any(c.isalpha() for c in text)


def _name_like(text: str, st: _St) -> bool:
    """One to four capitalised words and nothing else: an outlet or a person."""
    return 1 <= st.words <= 4 and not st.terminal and all(w[:1].isupper() or not w[:1].isalpha() for w in text.split())


def _decide(
    lines: list[bf.Line],
    rules: Rules | None = None,
    measured: tuple[Sequence[float], bf.Columns, bf.LineStats] | None = None,
) -> list[_Verdict]:
    """A verdict per logical line: structure first, then families, then the line model.

    `rules` and `measured` (content_probabilities' output) let the trainer tune the cut-offs.
    """
    n = len(lines)
    out = [_Verdict() for _ in range(n)]
    if n == 0:
        return out
    probs, cols, raw = measured or content_probabilities(lines)
    rules = rules or _model().rules
    lexicon = _model().lexicon if measured is None else None
    texts = [ln.text for ln in lines]
    # Every Chinese or Japanese line by the words it holds (stage 1 counted its sentences so already).
    words = bf.spoken_words(texts, raw.words, sentences=False)
    stats = list(map(_St, words, [t > 0.5 for t in raw.terminal], raw.cap_share, raw.stop_share))
    thr = rules.threshold
    # The families the line model reads, and where none matches, those only the rules apply
    # (a picture's labelled caption, credit or counter; contact lines; newsletter boxes).
    pattern = [pc if pc is not None else bp.rule_family(t, w) for pc, t, w in zip(raw.pattern, texts, raw.words)]

    # Body: from the first to the last long line that the model and the patterns leave as content.
    def body_line(i: int, least: float = rules.body_p) -> bool:
        st = stats[i]
        return pattern[i] is None and st.words >= _BODY_WORDS and (st.terminal or st.words >= 15) and probs[i] >= least

    # The page's first to last such line is where the headline is looked for above (`page_lo`,
    # `page_hi`); the body the rules protect lies inside the stretch the model is surest of: a
    # teaser list or another story's summary elsewhere on the page, though long and punctuated,
    # must not stretch the body over the furniture between.
    page_lo = next((i for i in range(n) if body_line(i, _PAGE_BODY_P)), n)
    page_hi = next((i for i in range(n - 1, -1, -1) if body_line(i, _PAGE_BODY_P)), -1)
    region_lo, region_hi = _body_region(probs, pattern)
    body_lo = next((i for i in range(region_lo, region_hi + 1) if body_line(i)), n)
    body_hi = next((i for i in range(region_hi, region_lo - 1, -1) if body_line(i)), -1)
    if body_hi < 0:  # that stretch holds no long line (the model doubts the whole page)
        body_lo = next((i for i in range(n) if body_line(i)), n)
        body_hi = next((i for i in range(n - 1, -1, -1) if body_line(i)), -1)
    body_hi = _trim_body_end(probs, stats, body_lo, body_hi)
    page_hi = _trim_body_end(probs, stats, page_lo, page_hi)

    # Headline: the heading-shaped line above the body whose words the body repeats (`headline`),
    # its first occurrence if repeated; on a page with no body, the first line if heading-like.
    folded = [t.casefold() for t in texts]
    first_seen: dict[str, int] = {}
    for i, t in enumerate(folded):
        first_seen.setdefault(t, i)
    def candidate(i: int) -> bool:
        return pattern[i] is None and bp.bio_cues(texts[i]) == 0

    terminal = [st.terminal for st in stats]
    headline = hl.pick_headline(texts, words, terminal, raw.tokens, candidate, page_lo, page_hi, bf.STOPWORDS)
    if headline >= 0:
        headline = first_seen[folded[headline]]  # a repeated headline is its first occurrence
    if headline < 0 and page_lo >= n and n and pattern[0] is None and _heading_like(texts[0], stats[0]):
        headline = 0
    if headline >= 0:
        out[headline].heading = True

    # Header lines that carry a date, read time or author byline make their name-like neighbours bylines.
    byline_at = {i for i, pc in enumerate(pattern) if pc is not None and pc[0] == "byline"}

    # Reader comments: a thread of timestamped posts that starts after some article prose (a live
    # blog's stamped entries start with the article, so they are left alone). Not tied to the
    # body found above: that body often runs on into the comments, which are prose too.
    thread = bf.comment_thread(texts, raw.words)
    thread_from = next((i for i in range(n) if thread[i]), n)
    prose_before = sum(1 for i in range(min(thread_from, n)) if stats[i].words >= _BODY_WORDS and stats[i].terminal)
    if prose_before < _THREAD_PROSE:
        thread = [0.0] * n

    # Short lines (<= 4 words) among each line and its two neighbours on each side: a menu's run.
    short_acc = [0]
    for w in words:
        short_acc.append(short_acc[-1] + (w <= 4))
    short_near = [short_acc[min(n, i + 3)] - short_acc[max(0, i - 2)] for i in range(n)]

    for i in range(n):
        v, t, st = out[i], texts[i], stats[i]
        if i == headline:
            continue
        if headline >= 0 and first_seen[folded[i]] == headline:
            v.category, v.reason = "duplicate", "repeats the headline"
            continue
        if pattern[i] is not None:
            v.category, v.reason = pattern[i]
            continue
        if not _ALNUM.search(t):
            v.category, v.reason = "other", "no letters or digits (a separator or icon)"
            continue
        if st.words >= _TWICE_WORDS and (i and folded[i - 1] == folded[i] or i + 1 < n and folded[i + 1] == folded[i]):
            v.category, v.reason = "duplicate", "the same paragraph twice in a row (a caption and its gallery copy)"
            continue
        if thread[i]:
            v.category, v.reason = "other", "a reader comment (among timestamped posts after the article)"
            continue
        # Bios sit at the edges of the article (or are short): long paragraphs deep inside the
        # body are not searched, which keeps book-length texts cheap.
        edge = i <= body_lo + 2 or i >= body_hi - 2 or st.words <= 60
        cues = bp.bio_cues(t) if edge and st.words >= 4 else 0
        in_footer = i > body_hi
        if cues >= 2 or (cues == 1 and in_footer and st.words >= 8):
            v.category, v.reason = "bio", f"an author bio ({cues} bio cue{'s' if cues > 1 else ''}: job, degree, writing)"
            continue
        first = first_seen[folded[i]]
        outside = i < body_lo or i > body_hi
        # A repeated label outside the body repeats the furniture it first was (inside the body,
        # recurring labels such as "Meal 1" or "Photo:" are the article's own structure).
        if first != i and outside and not _is_sentence(st):
            if out[first].category is not None:
                v.category, v.reason = out[first].category, f"repeats an earlier {out[first].category} line"
            else:
                v.category, v.reason = "duplicate", "repeats an earlier line"
            continue
        if outside:
            zone = "header" if i < body_lo else "footer"
            if _name_like(t, st) and any(i + d in byline_at for d in (-2, -1, 1, 2)):
                v.category, v.reason = "byline", f"a name next to the date/byline in the {zone} (outlet or author)"
                continue
            if _name_like(t, st) and zone == "header":
                if short_near[i] >= 3:  # one of a run of short lines: a menu ("News", "World", "Sport")
                    v.category, v.reason = "navigation", "a menu item in the header (among short name lines)"
                else:
                    v.category, v.reason = "byline", "a short name line in the header (outlet or author)"
                continue
            if not st.terminal and st.words <= 4:
                cat = "navigation" if short_near[i] >= 3 else "other"
                v.category, v.reason = cat, f"short line ({st.words} words) in the {zone}, outside the article body"
                continue
        in_body = body_lo <= i <= body_hi
        if in_body and st.words >= _PROSE_WORDS and _is_sentence(st):
            continue  # a paragraph of prose inside the body is never dropped on the model's word alone
        p = probs[i]  # (read only here: most lines never need the tree ensemble)
        if p < thr:
            if in_body and p >= rules.sure_body:
                continue  # inside the body (its first and last lines too) only a confident verdict removes a line
            near_body = body_lo - _NEAR <= i <= body_hi + _NEAR
            if _is_sentence(st):
                if p >= (rules.sure_prose if st.words >= _PROSE_WORDS and near_body else rules.sure_in if near_body else rules.sure_out):
                    continue
            cat = "navigation" if short_near[i] >= 3 and st.words <= 6 else "other"
            vocab = None
            if lexicon and cols[_F["lex_mean"]][i] <= _LEX_FURNITURE:
                scored = sorted((lexicon.get(w, 0.0), w) for w in dict.fromkeys(raw.tokens[i]))
                vocab = [w for s, w in scored[:3] if s <= _LEX_FURNITURE]
            v.category, v.reason = cat, _model_reason(st, cols, i, p, vocab)
    _keep_numbered_lists(texts, out, body_lo, body_hi)
    _keep_introduced_lists(texts, stats, pattern, out, body_lo, body_hi)
    # A name line right before a bio ("Surja" above "Surja, a dedicated blog writer…").
    for i in range(n - 1):
        v = out[i]
        if out[i + 1].category == "bio" and i != headline and _name_like(texts[i], stats[i]):
            first_word = texts[i].split()[0]
            if texts[i + 1].startswith(first_word) or v.category is not None:
                v.category, v.reason = "bio", "the author's name above the bio"
    return out


# A page whose likeliest body the model doubts has its lines' log-odds raised until that run's
# median reaches this (p = 0.95).
_CALIBRATE_AT = 3.0


def _page_calibrated(probs: Sequence[float]) -> Sequence[float]:
    """The model's probabilities, raised on a page where even its likeliest body is doubted.

    Pages differ in how sure the model can be of them (a language the lexicon hardly knows, a
    site with unusual paragraphs): there every line, the article's too, sits low, and the
    fixed cut-offs drop the article. The run with the largest total log-odds (clipped at ±3)
    is the page's article whatever the level, so when the median line of that run is below
    _CALIBRATE_AT, every line's log-odds is raised by the shortfall (never lowered: a page the
    model is sure of is left as it is). Screened on out-of-fold probabilities with fixed rules
    (fixed split / shuffled with seeds 1, 2; whole and window F1): 0.918/0.933, 0.908/0.923,
    0.910/0.921 -> 0.919/0.936, 0.910/0.927, 0.908/0.922 (target 2: 0.918/0.934, 0.908/0.924,
    0.910/0.922; 4: 0.915/0.934 fixed, 0.905/0.922 seed 2; the shortfall made up half or one
    and a half times: lower on the mean). Full nested CV, rules re-picked: 0.920/0.937,
    0.912/0.928, 0.910/0.922. The seeds' verdicts are unchanged (the model is sure of them)."""
    n = len(probs)
    if n == 0:
        return probs
    log = math.log
    z = [log(q / (1.0 - q)) for q in (min(max(probs[i], 1e-6), 1.0 - 1e-6) for i in range(n))]
    lo, hi = bf.best_region([-_REGION_CLIP if v < -_REGION_CLIP else _REGION_CLIP if v > _REGION_CLIP else v for v in z])
    if hi < lo:
        return probs
    core = sorted(z[lo:hi + 1])
    shift = _CALIBRATE_AT - core[len(core) // 2]
    if shift <= 0:
        return probs
    return [bf.sigmoid(v + shift) for v in z]


# A line's log-odds count at most this much towards the body region: one line the model is
# very sure of must not outweigh a run of lines it doubts.
_REGION_CLIP = 3.0


def _body_region(probs: Sequence[float], pattern: list[tuple[str, str] | None]) -> tuple[int, int]:
    """The run of lines with the largest total of the model's log-odds (content > 0 >
    furniture, each clipped at ±_REGION_CLIP): the article is one contiguous block, and a run
    of doubted lines between two stretches of likely content splits them. A line a furniture
    family names counts as sure furniture (and is not scored: same figures, less work).
    Nested CV (fixed split / pages shuffled with seeds 1, 2; whole and window F1): 0.914/0.930,
    0.905/0.922, 0.906/0.918 with the body from the page's first to its last long line;
    0.917/0.932, 0.908/0.923, 0.910/0.921 inside this run."""
    log = math.log
    scores = []
    for i, pc in enumerate(pattern):
        if pc is not None:
            scores.append(-_REGION_CLIP)
            continue
        p = min(max(probs[i], 1e-6), 1.0 - 1e-6)
        z = log(p / (1.0 - p))
        scores.append(-_REGION_CLIP if z < -_REGION_CLIP else _REGION_CLIP if z > _REGION_CLIP else z)
    return bf.best_region(scores)


def _trim_body_end(probs: Sequence[float], stats: list[_St], body_lo: int, body_hi: int) -> int:
    """The body ends before a run of weak lines that no confident sentence follows.

    A teaser list or "Latest stories" block after the article often holds a long line or two
    that pass for body lines and stretch the body over it, where the rules then protect it. The
    tail after the last confident sentence is cut at its first run of _GAP lines the model calls
    furniture. Walks back from the end: on a plain text the last line is prose and it stops at once.
    """
    s = body_hi
    while s > body_lo and not (probs[s] >= _STRONG and _is_sentence(stats[s])):
        s -= 1
    run = 0
    for i in range(s + 1, body_hi + 1):
        st = stats[i]
        run = run + 1 if probs[i] < _WEAK and not (st.words >= _PROSE_WORDS and _is_sentence(st)) else 0
        if run >= _GAP:
            return i - _GAP
    return body_hi


# A body tail is cut at a run of this many weak lines after its last line above _STRONG.
_GAP = 4
_STRONG = 0.6
_WEAK = 0.4  # fixed, not the learned threshold: the cut must not move with it

_NUMBERED = re.compile(r"^\(?(\d{1,3})[.)]\s")
# Lines allowed between two items of a numbered list (an item's link, price or second line).
_ITEM_GAP = 3


def _keep_numbered_lists(texts: list[str], out: list[_Verdict], body_lo: int, body_hi: int) -> None:
    """A list numbered 1, 2, 3 … that starts within the article is the article's own (a listicle,
    ranked picks): its items and the lines between them stay content, whatever their shape."""
    n = len(texts)
    nums = [int(m.group(1)) if (m := _NUMBERED.match(t)) else 0 for t in texts]
    i = 0
    while i < n:
        if nums[i] != 1 or not body_lo <= i <= body_hi + _NEAR:
            i += 1
            continue
        items = [i]
        j = i + 1
        while j < n and j - items[-1] <= _ITEM_GAP + 1:
            if nums[j] == nums[items[-1]] + 1:
                items.append(j)
            j += 1
        if len(items) >= 3:
            # The last item runs on as far as the items before it did.
            tail = min(n - 1, items[-1] + min(items[k + 1] - items[k] for k in range(len(items) - 1)) - 1)
            for k in range(i, tail + 1):
                v = out[k]
                if v.category is not None and v.category not in ("ad", "promo"):
                    v.category = None
                    v.reason = None
        i = max(items[-1], i) + 1


_BULLET = re.compile(r"^([-*•–·▪])\s")


def _keep_introduced_lists(
    texts: list[str], stats: list[_St], pattern: list[tuple[str, str] | None], out: list[_Verdict],
    body_lo: int, body_hi: int,
) -> None:
    """A bulleted list that an article sentence introduces ("The key findings were:") within the
    article is the article's own: the lead-in and its items stay content, however short."""
    n = len(texts)
    for i in range(max(body_lo, 0), min(n - 2, body_hi + _NEAR + 1)):
        t, st = texts[i], stats[i]
        if not (t.endswith(":") and pattern[i] is None and st.words >= 3 and st.stop_share >= 0.12):
            continue
        m = _BULLET.match(texts[i + 1])
        if m is None:
            continue
        j = i + 1
        while j < n and texts[j].startswith(m.group(1) + " ") and pattern[j] is None:
            j += 1
        if j - i - 1 >= 2:
            for k in range(i, j):
                out[k].category = out[k].reason = None


def _physical_lines(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return lines, starts


def classify(text: str, spans: list[Span]) -> list[Unit]:
    """One Unit per span, with a boilerplate category and reason for page furniture."""
    physical, starts = _physical_lines(text)
    lines = bf.logical_lines(physical)
    verdicts = _decide(lines)
    line_verdict: list[int] = [-1] * len(physical)
    for k, ln in enumerate(lines):
        for j in range(ln.first, ln.last + 1):
            line_verdict[j] = k
    units: list[Unit] = []
    span_line = [bisect_right(starts, sp.start) - 1 for sp in spans]
    for sp, li in zip(spans, span_line):
        k = line_verdict[li]
        if k < 0:
            units.append(Unit(sp.start, sp.end, sp.kind))
            continue
        v = verdicts[k]
        kind = sp.kind
        if v.heading and lines[k].first == lines[k].last:
            # The headline is a heading whatever its punctuation, every piece of it when the
            # segmenter cut it ("South Dakota says, 'Meth. We're on it,' and Twitter asks…").
            kind = "heading"
        units.append(Unit(sp.start, sp.end, kind, v.category, v.reason))  # type: ignore[arg-type]
    return units


def _line_index(text: str, units: tuple[Unit, ...] | list[Unit]) -> list[int]:
    _, starts = _physical_lines(text)
    out: list[int] = []
    li = 0
    for u in units:
        while li + 1 < len(starts) and starts[li + 1] <= u.start:
            li += 1
        out.append(li)
    return out


def refine_unpaired(text: str, units: tuple[Unit, ...], paired: set[int]) -> tuple[Unit, ...]:
    """Two-document refinement: a short, unpaired, furniture-like content line is furniture.

    Runs after alignment. A line qualifies when none of its units found a partner, it is short
    (at most four words) and unpunctuated, and it either lies outside the aligned body (before
    the first or after the last paired unit) or looks like a label (digits, symbols, capitals).
    """
    if not paired:
        return units
    lo, hi = min(paired), max(paired)
    line_of = _line_index(text, units)
    by_line: dict[int, list[int]] = {}
    for i, li in enumerate(line_of):
        by_line.setdefault(li, []).append(i)
    out = list(units)
    changed = False
    for idxs in by_line.values():
        if any(i in paired for i in idxs) or any(units[i].boilerplate is not None for i in idxs):
            continue
        if any(units[i].kind == "heading" for i in idxs) and idxs[0] < lo:
            continue  # the headline (or a heading above the body) stays
        s, e = units[idxs[0]].start, units[idxs[-1]].end
        line = text[s:e].strip()
        words = line.split()
        if not words or len(words) > 4 or bf._TERMINAL.search(line):
            continue
        outside = idxs[-1] < lo or idxs[0] > hi
        label_like = any(c.isdigit() for c in line) or line.isupper() or not any(c.islower() for c in line)
        if not (outside or label_like):
            continue
        where = "outside the shared body" if outside else "label-like"
        for i in idxs:
            u = units[i]
            out[i] = Unit(u.start, u.end, u.kind, "other", f"short line with no counterpart in the other text, {where}")
            changed = True
    return tuple(out) if changed else units
