"""Per-unit matching features for one comparison: stem ids in order, and their weights.

Built once for both documents together, because a word's weight depends on how often it occurs
across both (see `idf`). Only content units get features: boilerplate is never paired.
The inner loops are C-level regex passes and list comprehensions over cached word → stem-id
maps, so a 4 MB text costs about a second. Folded keys (for `identical` and the word diff) are
recomputed from the text only for the units that end up paired (`unit_keys`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from array import array
from collections import deque
from itertools import chain, repeat
from dataclasses import dataclass, field, fields
from functools import cached_property

from .idf import idf_weights
from .model import Document
from .normalise import COMPLEX, STOPWORDS, keys_of_words, learn, mid_capitals, split_words, stem
from .order import reading_order


@dataclass(frozen=True, slots=True)
class UnitFeatures:
    """What one unit offers as evidence: stem ids in reading order, as a bag, and its weight."""

    ids: tuple[int, ...]
    bag: frozenset[int]
    weight: float  # sum of the weights of `bag`
    plain: bool = True  # one stem per regex word (no hyphenated name, no "United States")
    kids: tuple[int, ...] = ()  # folded-key ids, one per regex word (kept only when `plain`)
    # Lengths of the unit's gaps and words (`normalise.split_words`), kept only when `plain`: the
    # word offsets a pair's diff needs, without a second regex pass over the text.
    lengths: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairFeatures:
    """Features of both documents' content units plus the shared vocabulary weights."""

    a: dict[int, UnitFeatures]
    b: dict[int, UnitFeatures]
    weights: list[float]
    df: list[int]
    stop: list[bool]
    #: The folded key of each key id (`UnitFeatures.kids`), for word diffs that mix plain units
    #: with units whose keys must be re-read from the text.
    key_names: list[str] = field(default_factory=list)

    @cached_property
    def reading(self) -> tuple[list[int], list[int], dict[int, int], dict[int, int]]:
        """`order.reading_order(a, b)`, made once: five stages of `align` walk the units by rank
        (a sort and two maps of every unit each time, a tenth of a second at book length)."""
        return reading_order(self.a, self.b)


class _Vocab:
    """raw word / key → stem id, with per-id counts of units containing it."""

    def __init__(self) -> None:
        self.of_word: dict[str, int] = {}
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

    def add_words(self, words: Sequence[str]) -> None:
        """Give ids to the new words among `words`, in their order of first use (one loop with
        everything bound locally, `key_id` and `stem_id` inlined: a book brings tens of
        thousands of new words)."""
        of_word, key_of_word, key_ids = self.of_word, self.key_of_word, self.key_ids
        of_key, of_stem, stems, df = self.of_key, self.of_stem, self.stems, self.df
        for w in words:
            if w in of_word:
                continue
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


_Raw = tuple[tuple[int, ...], frozenset[int], bool, tuple[int, ...], tuple[int, ...]]


def _rows(doc: Document, vocab: _Vocab) -> Iterator[tuple[int, tuple[int, ...], bool, tuple[int, ...], tuple[int, ...]]]:
    """(unit index, stem ids, plain, key ids, part lengths) per content unit, new words given
    ids in `vocab` on the way."""
    text = doc.text
    units = doc.units
    of_word = vocab.of_word.__getitem__
    add_words = vocab.add_words
    kget = vocab.key_of_word.__getitem__
    kid_get = vocab.of_key.get
    for i in doc.content_indices:
        u = units[i]
        parts = split_words(text, u.start, u.end)
        words = parts[1::2]
        plain = True
        if not words:  # "* * *", "—", an emoji line: the symbols are its only evidence
            words = ["".join(text[u.start:u.end].split())]
            plain = False
        try:  # most units: every word known (a scan for None costs more than the odd KeyError)
            ids = tuple(map(of_word, words))
        except KeyError:
            add_words(words)
            ids = tuple(map(of_word, words))
        plain = plain and COMPLEX.isdisjoint(words)
        if plain:
            yield i, ids, True, tuple(map(kget, words)), tuple(map(len, parts))
            continue
        keys = keys_of_words(words)[0]
        ids = tuple(map(kid_get, keys))
        if None in ids:
            ids = tuple(t if t is not None else vocab.key_id(k) for t, k in zip(ids, keys))
        yield i, ids, False, (), ()


def _count(df: list[int], bags: Iterable[Iterable[int]]) -> None:
    """Add to `df` the number of units (bags of distinct ids) holding each id."""
    for t, n in Counter(chain.from_iterable(bags)).items():
        df[t] += n


def _raw(doc: Document, vocab: _Vocab) -> dict[int, _Raw]:
    """(stem ids, their set, plain, key ids, part lengths) per content unit; counts units per
    stem in `vocab.df`."""
    out = {i: (ids, frozenset(ids), plain, kids, lengths) for i, ids, plain, kids, lengths in _rows(doc, vocab)}
    _count(vocab.df, (v[1] for v in out.values()))
    return out


def _facts(vocab: _Vocab, caps: tuple[Counter[str], ...]) -> list[bool]:
    """Stems written capitalised inside sentences at least half as often as units hold them
    (names), and numbers. `caps`: each document's counts of mid-sentence capitalised words."""
    cap = [0] * len(vocab.stems)
    for counts in caps:
        for w, n in counts.items():
            t = vocab.of_word.get(w)
            if t is not None:
                cap[t] += n
    return [st[:1].isdigit() or (c > 0 and 2 * c >= d) for st, c, d in zip(vocab.stems, cap, vocab.df)]


@dataclass(frozen=True)
class DocWords:
    """One document's share of the features, before weights: its units' ids in `vocab` (its own
    or shared) and its capitalised words. Made apart so that B's can be made in another process."""

    vocab: _Vocab
    raw: dict[int, _Raw]
    caps: Counter[str]


def doc_words(doc: Document, vocab: _Vocab | None = None) -> DocWords:
    vocab = vocab if vocab is not None else _Vocab()
    return DocWords(vocab, _raw(doc, vocab), Counter(mid_capitals(doc.text)))


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
    words (`caps` is empty: the caller, who has the text, counts them while it waits). Written
    straight into the arrays: the second process is the side the other waits for."""
    vocab = _Vocab()
    units, plain_flags = array("i"), bytearray()
    ids_a, ids_end, kids_a, kids_end, lengths_a, lengths_end = (array("i") for _ in range(6))
    bags: list[set[int]] = []
    for i, ids, plain, kids, lengths in _rows(doc, vocab):
        units.append(i)
        plain_flags.append(plain)
        ids_a.extend(ids)
        ids_end.append(len(ids_a))
        kids_a.extend(kids)
        kids_end.append(len(kids_a))
        lengths_a.extend(lengths)
        lengths_end.append(len(lengths_a))
        bags.append(set(ids))
    _count(vocab.df, bags)
    return PackedWords(
        stems=vocab.stems, df=array("i", vocab.df), keys=list(vocab.key_ids), words=list(vocab.of_word),
        word_ids=array("i", vocab.of_word.values()), units=units, plain=bytes(plain_flags),
        ids=ids_a, ids_end=ids_end, kids=kids_a, kids_end=kids_end, lengths=lengths_a, lengths_end=lengths_end,
        caps=Counter(),
    )


def _absorb(vocab: _Vocab, other: PackedWords) -> dict[int, _Raw]:
    """Move `other`'s words into `vocab` and return its units' raw features in `vocab`'s ids.

    Ids new to `vocab` are given in `other`'s order of first use, which is the order a shared
    vocabulary would have given them: the features are exactly those of one shared pass.
    """
    ids = list(map(vocab.stem_id, other.stems))
    for t, n in zip(ids, other.df):
        vocab.df[t] += n
    kids = [vocab.key_ids.setdefault(k, len(vocab.key_ids)) for k in other.keys]
    for w, t in zip(other.words, other.word_ids):
        vocab.of_word.setdefault(w, ids[t])  # `_facts` looks capitalised words up here
    sid, kid = ids.__getitem__, kids.__getitem__
    out: dict[int, _Raw] = {}
    i0 = k0 = n0 = 0
    lengths = other.lengths.tolist()
    for i, plain, i1, k1, n1 in zip(other.units, other.plain, other.ids_end, other.kids_end, other.lengths_end):
        new_ids = tuple(map(sid, other.ids[i0:i1]))
        out[i] = (new_ids, frozenset(new_ids), bool(plain), tuple(map(kid, other.kids[k0:k1])), tuple(lengths[n0:n1]))
        i0, k0, n0 = i1, k1, n1
    return out


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
    weights = idf_weights(vocab.df, len(raw_a) + len(raw_b), is_stop, _facts(vocab, (wa.caps, wb.caps)))

    return PairFeatures(_feats(raw_a, weights), _feats(raw_b, weights), weights, vocab.df, is_stop, list(vocab.key_ids))


#: UnitFeatures' fields in order, and the slot descriptors that set them.
_FIELDS = ("ids", "bag", "weight", "plain", "kids", "lengths")
_SETTERS = tuple(UnitFeatures.__dict__[name].__set__ for name in _FIELDS)


def _feats(raw: dict[int, _Raw], weights: list[float]) -> dict[int, UnitFeatures]:
    """UnitFeatures of each unit of `raw`, filled field by field through the slot descriptors
    (C-level maps over all units; a book has tens of thousands, and a frozen dataclass's
    `__init__` costs a Python call and an `object.__setattr__` per field each). The same
    objects: that `__init__` sets the same slots the same way."""
    if not raw or tuple(f.name for f in fields(UnitFeatures)) != _FIELDS:
        weigh = weights.__getitem__
        return {
            i: UnitFeatures(ids, bag, sum(map(weigh, bag)), plain, kids, lengths)
            for i, (ids, bag, plain, kids, lengths) in raw.items()
        }
    ids, bags, plain, kids, lengths = zip(*raw.values())
    weigh = weights.__getitem__
    columns = (ids, bags, [sum(map(weigh, bag)) for bag in bags], plain, kids, lengths)
    objs = list(map(object.__new__, repeat(UnitFeatures, len(ids))))
    for set_field, column in zip(_SETTERS, columns):
        deque(map(set_field, objs, column), maxlen=0)
    return dict(zip(raw, objs))


def merged(parts: list[UnitFeatures], weights: list[float]) -> UnitFeatures:
    """Features of several consecutive units read as one (a split or merged sentence)."""
    if len(parts) == 1:
        return parts[0]
    ids = tuple(chain.from_iterable([p.ids for p in parts]))
    bag = frozenset(ids)
    plain = all(p.plain for p in parts)
    kids = tuple(chain.from_iterable([p.kids for p in parts])) if plain else ()
    return UnitFeatures(ids, bag, sum(map(weights.__getitem__, bag)), plain, kids)
