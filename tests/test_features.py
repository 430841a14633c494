"""Feature extraction read column by column gives the ids a unit-by-unit reading defines."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from rafahdiff.core.features import build_features, doc_words, packed_words, pair_features
from rafahdiff.core.model import Document, Unit
from rafahdiff.core.normalise import COMPLEX, keys_of_words, learn, mid_capitals, split_words, stem

WORDS = [
    "United", "States", "Nations", "Kingdom", "united", "US-Israel", "Pro-Gun", "cease-fire", "talks",
    "talked", "Israel", "Rafah", "the", "of", "1.4", "million", "U.S.", "Hamas", "Netanyahu's", "delegation",
    "canceled", "cancelled", "A-1", "Kingdom-wide", "UNITED", "Britain", "***", "—",
]


def _document(units: list[str]) -> Document:
    text, spans, pos = "", [], 0
    for u in units:
        spans.append(Unit(pos, pos + len(u), "sentence"))
        text += u + " "
        pos += len(u) + 1
    return Document(source="t", path="t", text=text, title="t", units=tuple(spans))


def _reference_ids(doc: Document, stem_ids: dict[str, int]) -> dict[int, tuple[int, ...]]:
    """Stem ids as defined: unit by unit, each new word's stem numbered at its first use, then
    (for a unit with hyphenated names or phrases) the stems of its keys."""

    def sid(key: str) -> int:
        return stem_ids.setdefault(stem(key), len(stem_ids))

    out = {}
    for i in doc.content_indices:
        u = doc.units[i]
        words = split_words(doc.text, u.start, u.end)[1::2]
        symbols = not words
        if symbols:
            words = ["".join(doc.unit_text(i).split())]
        ids = tuple(sid(learn(w)) for w in words)
        if symbols or not COMPLEX.isdisjoint(words):
            ids = tuple(sid(k) for k in keys_of_words(words)[0])
        out[i] = ids
    return out


def _random_units(rnd: random.Random, n: int) -> list[str]:
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 9))) for _ in range(n)]


def test_ids_are_numbered_in_order_of_first_use_with_phrases_and_names_at_their_unit():
    rnd = random.Random(5)
    for _ in range(30):
        a, b = _document(_random_units(rnd, 12)), _document(_random_units(rnd, 12))
        wa = doc_words(a)
        wb = doc_words(b, wa.vocab)
        stem_ids: dict[str, int] = {}
        ref_a = _reference_ids(a, stem_ids)
        ref_b = _reference_ids(b, stem_ids)
        pf = pair_features(wa, wb)
        assert {i: f.ids for i, f in pf.a.items()} == ref_a
        assert {j: f.ids for j, f in pf.b.items()} == ref_b
        # df: units holding each stem, over both documents
        counts = Counter(t for ids in (*ref_a.values(), *ref_b.values()) for t in set(ids))
        assert [pf.df[t] for t in range(len(pf.df))] == [counts[t] for t in range(len(pf.df))]


def test_a_phrase_key_first_seen_in_a_unit_is_numbered_there():
    doc = _document(["US-Israel talks", "Israel talked"])
    pf = build_features(doc, _document(["talks"]))
    us_israel, talks = pf.a[0].ids, pf.a[1].ids
    # "US-Israel" is read as "us", "israel": both numbered in the first unit, before "talked"
    # would be if it were new (its stem is "talk", already there)
    assert us_israel[2] == talks[1] and us_israel[1] == talks[0]
    assert len(set(us_israel)) == 3


def test_packed_features_equal_shared_ones_on_random_units():
    rnd = random.Random(9)
    for _ in range(10):
        a, b = _document(_random_units(rnd, 15)), _document(_random_units(rnd, 15))
        apart = pair_features(doc_words(a), replace(packed_words(b), caps=Counter(mid_capitals(b.text))))
        assert apart == build_features(a, b)


def test_every_unit_keeps_its_diff_tokens_as_unit_tokens_reads_them():
    from rafahdiff.core.normalise import offsets_from_lengths, unit_tokens

    rnd = random.Random(11)
    for _ in range(20):
        a, b = _document(_random_units(rnd, 12)), _document(_random_units(rnd, 12))
        pf = build_features(a, b)
        name: dict[int, str] = {}
        for doc, feats in ((a, pf.a), (b, pf.b)):
            for i, f in feats.items():
                u = doc.units[i]
                keys, starts, ends = unit_tokens(doc.text, u.start, u.end)
                assert (starts, ends) == offsets_from_lengths(f.lengths, u.start)
                assert sum(f.lengths) == u.end - u.start
                assert len(f.kids) == len(keys)
                for kid, key in zip(f.kids, keys):
                    assert name.setdefault(kid, key) == key  # one key per id
        assert len(set(name.values())) == len(name)  # one id per key
