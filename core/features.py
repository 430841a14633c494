"""Per-unit matching features for one comparison: folded keys, stem ids and their weights.

Built once for both documents together, because a word's weight depends on how often it occurs
across both (see `idf`). Only content units get features: boilerplate is never paired.
"""

from __future__ import annotations

from dataclasses import dataclass

from .idf import idf_weights
from .model import Document
from .normalise import STOPWORDS, stem, tokens_with_spans


@dataclass(frozen=True, slots=True)
class UnitFeatures:
    """What one unit offers as evidence: `keys` for identity, `ids` (stems, in order) for scoring."""

    keys: tuple[str, ...]
    ids: tuple[int, ...]
    bag: frozenset[int]
    weight: float  # sum of the weights of `bag`
    starts: tuple[int, ...] = ()  # character offsets of each key's word in the document
    ends: tuple[int, ...] = ()


@dataclass(frozen=True)
class PairFeatures:
    """Features of both documents' content units plus the shared vocabulary weights."""

    a: dict[int, UnitFeatures]
    b: dict[int, UnitFeatures]
    weights: list[float]
    df: list[int]
    stop: list[bool]


def _raw(doc: Document, vocab: dict[str, int], counts: list[list[int]]) -> dict[int, tuple]:
    """counts[id] = [units containing it, occurrences, capitalised non-initial occurrences]."""
    text = doc.text
    out: dict[int, tuple[tuple[str, ...], list[int]]] = {}
    for i in doc.content_indices:
        u = doc.units[i]
        toks = tokens_with_spans(text[u.start:u.end], u.start)
        keys = tuple(k for k, _, _ in toks)
        ids = []
        for pos, (k, s, _) in enumerate(toks):
            st = stem(k)
            t = vocab.get(st)
            if t is None:
                t = vocab[st] = len(vocab)
                counts.append([0, 0, 0])
            c = counts[t]
            c[1] += 1
            if pos and text[s].isupper():
                c[2] += 1
            ids.append(t)
        for t in set(ids):
            counts[t][0] += 1
        out[i] = (keys, ids, tuple(s for _, s, _ in toks), tuple(e for _, _, e in toks))
    return out


def build_features(a: Document, b: Document) -> PairFeatures:
    vocab: dict[str, int] = {}
    counts: list[list[int]] = []
    raw_a = _raw(a, vocab, counts)
    raw_b = _raw(b, vocab, counts)
    words = [""] * len(vocab)
    for w, t in vocab.items():
        words[t] = w
    is_stop = [w in STOPWORDS for w in words]
    is_fact = [w[:1].isdigit() or (c[2] * 2 >= c[1] and c[2] > 0) for w, c in zip(words, counts)]
    df = [c[0] for c in counts]
    weights = idf_weights(df, len(raw_a) + len(raw_b), is_stop, is_fact)

    def feats(raw):
        out = {}
        for i, (keys, ids, starts, ends) in raw.items():
            bag = frozenset(ids)
            out[i] = UnitFeatures(keys, tuple(ids), bag, sum(weights[t] for t in bag), starts, ends)
        return out

    return PairFeatures(feats(raw_a), feats(raw_b), weights, df, is_stop)


def merged(parts: list[UnitFeatures], weights: list[float]) -> UnitFeatures:
    """Features of several consecutive units read as one (a split or merged sentence)."""
    if len(parts) == 1:
        return parts[0]
    keys = tuple(k for p in parts for k in p.keys)
    ids = tuple(t for p in parts for t in p.ids)
    bag = frozenset(ids)
    return UnitFeatures(
        keys, ids, bag, sum(weights[t] for t in bag),
        tuple(x for p in parts for x in p.starts), tuple(x for p in parts for x in p.ends),
    )
