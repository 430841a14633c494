"""Per-unit matching features for one comparison: stem ids in order, and their weights.

Built once for both documents together, because a word's weight depends on how often it occurs
across both (see `idf`). Only content units get features: boilerplate is never paired.
The inner loops are C-level regex passes and list comprehensions over cached word → stem-id
maps, so a 4 MB text costs about a second. Folded keys (for `identical` and the word diff) are
recomputed from the text only for the units that end up paired (`unit_keys`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from array import array
from collections import deque
from itertools import accumulate, chain, count, filterfalse, repeat
from dataclasses import dataclass, fields
from functools import cached_property

from .idf import idf_weights
from .model import Document
from .normalise import COMPLEX, STOPWORDS, keys_of_words, learn, mid_capitals, split_text, stem, token_lengths
from .order import reading_order


@dataclass(frozen=True, slots=True)
class UnitFeatures:
    """What one unit offers as evidence: stem ids in reading order, as a bag, and its weight."""

    ids: tuple[int, ...]
    bag: frozenset[int]
    weight: float  # sum of the weights of `bag`
    plain: bool = True  # one stem per regex word (no hyphenated name, no "United States")
    #: Folded-key ids of the unit's diff tokens (`normalise.unit_tokens`: one per regex word,
    #: "United States" one, "US-Israel" two), and the lengths of its gaps and tokens alternately
    #: ([gap, token, gap, ..., gap], `split_words` parts for a plain unit): what a pair's word
    #: diff needs, without a second regex pass over the text. Empty for merged features.
    kids: tuple[int, ...] = ()
    lengths: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairFeatures:
    """Features of both documents' content units plus the shared vocabulary weights."""

    a: dict[int, UnitFeatures]
    b: dict[int, UnitFeatures]
    weights: list[float]
    df: list[int]
    stop: list[bool]

    @cached_property
    def reading(self) -> tuple[list[int], list[int], dict[int, int], dict[int, int]]:
        """`order.reading_order(a, b)`, made once: five stages of `align` walk the units by rank
        (a sort and two maps of every unit each time, a tenth of a second at book length)."""
        return reading_order(self.a, self.b)


class _Vocab:
    """raw word / key → stem id, with per-id counts of units containing it."""

    def __init__(self) -> None:
        self.of_word: dict[str, int] = {}
        #: Words read in another process (`_absorb`), for `_facts` only: not `learn`ed here.
        self.foreign: dict[str, int] = {}
        self.key_of_word: dict[str, int] = {}
        self.key_ids: dict[str, int] = {}
        self.of_key: dict[str, int] = {}
        self.of_stem: dict[str, int] = {}
        self.stems: list[str] = []
        self.df: list[int] = []

    def stem_id(self, st: str) -> int:
        """The id of a stem, given the next free one (with no units yet) if new."""
        t = self.of_stem.get(st)
        if t is None:
            t = self.of_stem[st] = len(self.stems)
            self.stems.append(st)
            self.df.append(0)
        return t

    def key_id(self, k: str) -> int:
        t = self.of_key.get(k)
        if t is None:
            t = self.of_key[k] = self.stem_id(stem(k))
        return t

    def add_stems(self, stems: Iterable[str]) -> None:
        """Give ids to the new stems among `stems`, in their order of first use."""
        of_stem = self.of_stem
        fresh = list(dict.fromkeys(filterfalse(of_stem.__contains__, stems)))
        if fresh:
            of_stem.update(zip(fresh, count(len(self.stems))))
            self.stems += fresh
            self.df += repeat(0, len(fresh))

    def add_words(self, words: Iterable[str]) -> None:
        """Give ids to the new words among `words`, in their order of first use (one loop with
        everything bound locally, `key_id` and `stem_id` inlined: a book brings tens of
        thousands of new words)."""
        of_word, key_of_word, key_ids = self.of_word, self.key_of_word, self.key_ids
        of_key, of_stem, stems, df = self.of_key, self.of_stem, self.stems, self.df
        # Only the new words reach the loop (filtered in C, lazily: a word repeated in `words`
        # is known by its second occurrence); most of a unit's words are known.
        for w in filterfalse(of_word.__contains__, words):
            k = learn(w)
            t = of_key.get(k)
            if t is None:
                st = stem(k)
                t = of_stem.get(st)
                if t is None:
                    t = of_stem[st] = len(stems)
                    stems.append(st)
                    df.append(0)
                of_key[k] = t
            of_word[w] = t
            key_of_word[w] = key_ids.setdefault(k, len(key_ids))


@dataclass(frozen=True, slots=True)
class _Columns:
    """One document's content units' raw features, a list per field, in unit order: built and
    read column by column (C-level maps over all units) rather than unit by unit."""

    units: list[int]
    ids: list[tuple[int, ...]]  # stem ids in reading order
    bags: list[frozenset[int]]  # the same as sets
    plain: list[bool]  # one stem per regex word (no hyphenated name, no "United States")
    kids: list[tuple[int, ...]]  # folded-key ids of the diff tokens (`normalise.unit_tokens`)
    lengths: list[tuple[int, ...]]  # lengths of the unit's gaps and tokens, alternately


def _columns(doc: Document, vocab: _Vocab) -> _Columns:
    """The raw features of `doc`'s content units, new words given ids in `vocab` on the way
    (in order of first use: a unit's new words, then, for a unit that is not plain, the new
    keys of its hyphenated names and phrases); counts units per stem in `vocab.df`."""
    text = doc.text
    units = doc.units
    split = split_text
    of_word = vocab.of_word.__getitem__
    add_words = vocab.add_words
    kget = vocab.key_of_word.__getitem__
    kid_get = vocab.of_key.get
    key_ids = vocab.key_ids
    complex_free = COMPLEX.isdisjoint
    all_ids: list[tuple[int, ...]] = []
    plain: list[bool] = []
    kids: list[tuple[int, ...]] = []
    lengths: list[tuple[int, ...]] = []
    for i in doc.content_indices:
        u = units[i]
        parts = split(text[u.start:u.end])
        words = parts[1::2]
        symbols = not words
        if symbols:  # "* * *", "—", an emoji line: the symbols are its only evidence
            words = ["".join(text[u.start:u.end].split())]
        try:  # most units: every word known (a scan for None costs more than the odd KeyError)
            ids = tuple(map(of_word, words))
        except KeyError:
            add_words(words)
            ids = tuple(map(of_word, words))
        if not symbols and complex_free(words):
            all_ids.append(ids)
            plain.append(True)
            kids.append(tuple(map(kget, words)))
            lengths.append(tuple(map(len, parts)))
            continue
        keys = keys_of_words(words)[0]
        ids = tuple(map(kid_get, keys))
        if None in ids:
            ids = tuple(t if t is not None else vocab.key_id(x) for t, x in zip(ids, keys))
        all_ids.append(ids)
        plain.append(False)
        # Its diff tokens (a phrase is one, a hyphenated name several): their key ids and the
        # lengths of the gaps and tokens, as a plain unit's words give them.
        keys, lens = token_lengths(parts)
        t = tuple(map(key_ids.get, keys))
        if None in t:
            t = tuple([key_ids.setdefault(x, len(key_ids)) for x in keys])
        kids.append(t)
        lengths.append(tuple(lens))
    bags = list(map(frozenset, all_ids))
    _count(vocab.df, bags)
    return _Columns(
        units=list(doc.content_indices), ids=all_ids, bags=bags, plain=plain, kids=kids, lengths=lengths,
    )


def _count(df: list[int], bags: Iterable[Iterable[int]]) -> None:
    """Add to `df` the number of units (bags of distinct ids) holding each id."""
    for t, n in Counter(chain.from_iterable(bags)).items():
        df[t] += n


def _facts(vocab: _Vocab, caps: tuple[Counter[str], ...]) -> list[bool]:
    """Stems written capitalised inside sentences at least half as often as units hold them
    (names), and numbers. `caps`: each document's counts of mid-sentence capitalised words."""
    cap = [0] * len(vocab.stems)
    for counts in caps:
        for w, n in counts.items():
            t = vocab.of_word.get(w)
            if t is None:
                t = vocab.foreign.get(w)
            if t is not None:
                cap[t] += n
    return [st[:1].isdigit() or (c > 0 and 2 * c >= d) for st, c, d in zip(vocab.stems, cap, vocab.df)]


@dataclass(frozen=True)
class DocWords:
    """One document's share of the features, before weights: its units' ids in `vocab` (its own
    or shared) and its capitalised words. Made apart so that B's can be made in another process."""

    vocab: _Vocab
    raw: _Columns
    caps: Counter[str]


def doc_words(doc: Document, vocab: _Vocab | None = None) -> DocWords:
    vocab = vocab if vocab is not None else _Vocab()
    return DocWords(vocab, _columns(doc, vocab), Counter(mid_capitals(doc.text)))


@dataclass(frozen=True)
class PackedWords:
    """A DocWords made in another process, flattened for the trip back: its vocabulary as lists
    and its units' ids, key ids and part lengths as flat arrays (tuples of ints pickle and
    unpickle ten times slower than arrays of them). Only what `pair_features` reads."""

    stems: list[str]
    df: array
    keys: list[str]  # folded keys in key-id order
    words: list[str]  # raw words seen, with their stem ids in `word_ids`
    word_ids: array
    units: array
    plain: bytes
    ids: array
    ids_end: array
    kids: array
    kids_end: array
    lengths: array
    lengths_end: array
    caps: Counter[str]


def packed_words(doc: Document) -> PackedWords:
    """`doc_words(doc)` flattened for the trip from another process, without its capitalised
    words (`caps` is empty: the caller, who has the text, counts them while it waits)."""
    vocab = _Vocab()
    cols = _columns(doc, vocab)

    def flat(column: list[tuple[int, ...]]) -> tuple[array, array]:
        return array("i", chain.from_iterable(column)), array("i", accumulate(map(len, column)))

    ids, ids_end = flat(cols.ids)
    kids, kids_end = flat(cols.kids)
    lengths, lengths_end = flat(cols.lengths)
    return PackedWords(
        stems=vocab.stems, df=array("i", vocab.df), keys=list(vocab.key_ids), words=list(vocab.of_word),
        word_ids=array("i", vocab.of_word.values()), units=array("i", cols.units), plain=bytes(cols.plain),
        ids=ids, ids_end=ids_end, kids=kids, kids_end=kids_end, lengths=lengths, lengths_end=lengths_end,
        caps=Counter(),
    )


def _absorb(vocab: _Vocab, other: PackedWords) -> _Columns:
    """Move `other`'s words into `vocab` and return its units' raw features in `vocab`'s ids.

    Ids new to `vocab` are given in `other`'s order of first use, which is the order a shared
    vocabulary would have given them: the features are exactly those of one shared pass.
    """
    vocab.add_stems(other.stems)
    ids = list(map(vocab.of_stem.__getitem__, other.stems))
    df = vocab.df
    for t, n in zip(ids, other.df):
        df[t] += n
    key_ids = vocab.key_ids
    kids = [key_ids.setdefault(k, len(key_ids)) for k in other.keys]
    vocab.foreign.update(zip(other.words, map(ids.__getitem__, other.word_ids)))  # for `_facts`

    def cut(flat: list[int], ends: array) -> list[tuple[int, ...]]:
        ends_list = ends.tolist()
        return [tuple(flat[lo:hi]) for lo, hi in zip(chain((0,), ends_list), ends_list)]

    unit_ids = cut(list(map(ids.__getitem__, other.ids)), other.ids_end)
    return _Columns(
        units=other.units.tolist(), ids=unit_ids, bags=list(map(frozenset, unit_ids)),
        plain=list(map(bool, other.plain)), kids=cut(list(map(kids.__getitem__, other.kids)), other.kids_end),
        lengths=cut(other.lengths.tolist(), other.lengths_end),
    )


def build_features(a: Document, b: Document) -> PairFeatures:
    """Features of both documents, read in one shared vocabulary."""
    wa = doc_words(a)
    return pair_features(wa, doc_words(b, wa.vocab))


def pair_features(wa: DocWords, wb: DocWords | PackedWords) -> PairFeatures:
    """Weights and per-unit features from both documents' shares (B's in A's vocabulary, or
    packed from another process)."""
    vocab = wa.vocab
    raw_a = wa.raw
    if isinstance(wb, PackedWords):
        raw_b = _absorb(vocab, wb)
    else:
        assert wb.vocab is vocab, "B's words must share A's vocabulary (or come packed)"
        raw_b = wb.raw
    is_stop = [w in STOPWORDS for w in vocab.stems]
    weights = idf_weights(vocab.df, len(raw_a.units) + len(raw_b.units), is_stop, _facts(vocab, (wa.caps, wb.caps)))

    return PairFeatures(_feats(raw_a, weights), _feats(raw_b, weights), weights, vocab.df, is_stop)


#: UnitFeatures' fields in order, and the slot descriptors that set them.
_FIELDS = ("ids", "bag", "weight", "plain", "kids", "lengths")
_SETTERS = tuple(UnitFeatures.__dict__[name].__set__ for name in _FIELDS)


def _feats(cols: _Columns, weights: list[float]) -> dict[int, UnitFeatures]:
    """UnitFeatures of each unit of `cols`, filled field by field through the slot descriptors
    (C-level maps over all units; a book has tens of thousands, and a frozen dataclass's
    `__init__` costs a Python call and an `object.__setattr__` per field each). The same
    objects: that `__init__` sets the same slots the same way."""
    weigh = weights.__getitem__
    columns = (cols.ids, cols.bags, [sum(map(weigh, bag)) for bag in cols.bags], cols.plain, cols.kids, cols.lengths)
    if not cols.units or tuple(f.name for f in fields(UnitFeatures)) != _FIELDS:
        return dict(zip(cols.units, map(UnitFeatures, *columns)))
    objs = list(map(object.__new__, repeat(UnitFeatures, len(cols.units))))
    for set_field, column in zip(_SETTERS, columns):
        deque(map(set_field, objs, column), maxlen=0)
    return dict(zip(cols.units, objs))


def merged(parts: list[UnitFeatures], weights: list[float]) -> UnitFeatures:
    """Features of several consecutive units read as one (a split or merged sentence)."""
    if len(parts) == 1:
        return parts[0]
    ids = tuple(chain.from_iterable([p.ids for p in parts]))
    bag = frozenset(ids)
    return UnitFeatures(ids, bag, sum(map(weights.__getitem__, bag)), all(p.plain for p in parts))
