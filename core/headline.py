"""Which line of a copied page is the article's headline.

A headline announces the story, so most of its words come back in the article body; the lines
around it on a page do not share that: a section label, a breadcrumb, a byline, a share bar, a
teaser for another story, a caption of the lead picture (which does share words, but reads as a
sentence). So the headline is the heading-shaped line (no full stop) just above the body, or
opening it, whose content words the body repeats most, with some weight for length.

Measured on the 178 titled pages of the article-extraction benchmark
(benchmarks/bench_headline.py): the headline line is picked right on 71-73 % of pages in
two-fold cross-validation of the length weight below (three shuffles), and `title` is right on
73 % with the shipped weight, against 46 % for the rule this replaced (the nearest
heading-like line above the body). More than a dozen of those pages label a site name,
"Sign in" or "Guides" as the headline, which no reading of the text would pick.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

#: Lines above the body searched for the headline (a page's menu can sit between the two).
WINDOW = 40
#: Body lines whose words a headline is checked against (the top of the story is what it announces).
BODY_LINES = 60
#: A headline has between this many and `MOST_WORDS` words.
FEWEST_WORDS = 2
MOST_WORDS = 30
#: A headline this short ("Bill passes", "Ceasefire collapses") is picked only where no longer
#: candidate shares a word with the body, and only when every one of its words is a topic word the body repeats:
#: two-word labels hold a stopword or a word the story does not use ("Sign in", "Latest News"),
#: and two-word tags and names ("United States", "Earnings Report") repeat the story's words as
#: fully as a headline does, so they must not outrank a longer candidate (on the benchmark's
#: pages that cost as many headlines as it found).
SHORT_WORDS = 2
#: Weight of length against shared words (learned on the benchmark's pages, see the module
#: docstring), for up to `FULL_LENGTH` words: a three-word label shares its words by chance.
LENGTH_BONUS = 0.75
FULL_LENGTH = 12
#: Tokens this short or in the stopword list carry no topic.
MIN_TOKEN = 3
#: A pick this long (`DECK_WORDS` words, `DECK_RATIO` times the line above) may be the deck under
#: the headline, which then is the candidate just above it if at least `DECK_SHARED` of its
#: topic words come back in the body.
DECK_WORDS = 10
DECK_RATIO = 1.5
DECK_SHARED = 0.5
#: A line in capitals of at most this many words over the pick is a kicker ("EXCLUSIVE", "WORLD
#: NEWS", "ISRAEL-GAZA WAR"), not its headline; a longer one is a headline set in capitals.
KICKER_WORDS = 4
#: A line ending in one of these stops mid-sentence ("…, the minister said:"), so it is prose
#: leading into the next line, never a headline (none of the benchmark's picks changed).
_MID_SENTENCE = frozenset(":;,")
#: Closing quotes and brackets, looked through for the line's last punctuation ('… "We got her!"').
_CLOSERS = "\"'”’»)]"


def shared_share(tokens: Sequence[str], body: set[str] | frozenset[str], stopwords: frozenset[str]) -> float:
    """The share of the line's topic words (not stopwords, not short) that the body repeats."""
    topic = {t for t in tokens if len(t) >= MIN_TOKEN and t not in stopwords}
    return sum(1 for t in topic if t in body) / len(topic) if topic else 0.0


def length_bonus(words: int) -> float:
    """The score a candidate gets for its length (up to `FULL_LENGTH` words)."""
    return LENGTH_BONUS * min(words, FULL_LENGTH) / FULL_LENGTH


def _short_but_whole(tokens: Sequence[str], body: set[str] | frozenset[str], stopwords: frozenset[str]) -> bool:
    """A `SHORT_WORDS` line is a candidate when all its words are topic words the body repeats."""
    return len(tokens) >= SHORT_WORDS and all(
        len(t) >= MIN_TOKEN and t not in stopwords and t in body for t in tokens)


def headline_score(tokens: Sequence[str], words: int, body: set[str] | frozenset[str], stopwords: frozenset[str]) -> float:
    """How headline-like one candidate line is (higher is likelier)."""
    return shared_share(tokens, body, stopwords) + length_bonus(words)


def pick_headline(
    texts: Sequence[str],
    words: Sequence[int],
    terminal: Sequence[bool],
    tokens: Sequence[Sequence[str]],
    eligible: Callable[[int], bool],
    body_lo: int,
    body_hi: int,
    stopwords: frozenset[str],
) -> int:
    """Index of the headline line, or -1 when the page has no body or no candidate.

    `eligible(i)` is False for lines the caller already knows are furniture (a family pattern,
    a bio). Ties go to the line nearest the body, so of a repeated headline the copy nearest the
    body is returned: the caller maps it to the first occurrence, which is the page's headline.
    """
    n = len(texts)
    if not 0 <= body_lo < n:
        return -1
    # In how many body lines each word occurs, and which body lines are copies of one text: a
    # line repeated inside the body (a video player's notice) must not vouch for itself.
    in_lines: Counter[str] = Counter()
    copies: Counter[str] = Counter()
    for i in range(body_lo, min(max(body_hi, body_lo) + 1, body_lo + BODY_LINES, n)):
        in_lines.update(set(tokens[i]))
        copies[texts[i]] += 1
    best, best_score = -1, float("-inf")
    short = -1  # the two-word candidate nearest the body
    shares: dict[int, float] = {}  # the candidates' shared words
    for i in range(body_lo, max(0, body_lo - WINDOW) - 1, -1):
        t = texts[i]
        if not FEWEST_WORDS <= words[i] <= MOST_WORDS or not eligible(i):
            continue
        if not any(c.isalpha() for c in t):
            continue
        end = t.rstrip().rstrip(_CLOSERS)[-1:]
        if terminal[i] and end not in ("?", "!"):
            continue  # a sentence: a caption, a standfirst, the first paragraph
        if end in _MID_SENTENCE:
            continue  # leads into what follows: a paragraph before a quote, a broken line
        body = {w for w in tokens[i] if in_lines[w] > copies[t]}  # seen beyond the line's own copies
        if words[i] <= SHORT_WORDS:
            if short < 0 and _short_but_whole(tokens[i], body, stopwords):
                short = i  # never heads a deck (below): "Middle East" over a headline is a kicker
            continue
        shares[i] = shared_share(tokens[i], body, stopwords)
        s = shares[i] + length_bonus(words[i])
        if s > best_score:
            best, best_score = i, s
    if short >= 0 and (best < 0 or shares[best] == 0.0):
        return short  # over lines that share nothing with the body ("By Ana Lopez", "Home page")
    if best < 0:
        return -1
    # A standfirst (deck) without a full stop under a short headline scores higher (longer, it
    # retells the first paragraph): the candidate right above a long pick is its headline when
    # the body repeats its words too. Not a short line in capitals: that is a kicker over a
    # headline (a longer one is the headline, set in capitals).
    up = best - 1
    if (up in shares and shares[up] >= DECK_SHARED and words[best] >= max(DECK_WORDS, DECK_RATIO * words[up])
            and not (texts[up].isupper() and words[up] <= KICKER_WORDS)):
        return up
    return best


#: What every view shows for an article with no title (every line is page furniture, or the
#: article is a single heading-less fragment): the app, the exports' headers and their lists.
NO_TITLE = "(no title)"


def shown_title(title: str) -> str:
    """`title` as a header shows it: outer spaces dropped (a title cut at 120 characters could
    end in one), `NO_TITLE` for an empty one, so no view prints 'B:   [page.txt]' or '… ↔ '."""
    return title.strip() or NO_TITLE
