"""The last step of alignment: Pair records with score, relation, moved flag and word diff.

Kept apart from the choice of pairs (`align`) because at book length this step builds every
pair's word operations — hundreds of thousands of records — and its cost is all in how the
word keys and offsets are gathered: taken from `features` for plain units (one key per regex
word), re-read from the text only for the few units with hyphenated names or phrases.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence

from .features import PairFeatures, UnitFeatures
from .model import Document, Pair, WordOp
from .normalise import offsets_from_lengths, unit_tokens
from .score import relation_for
from .wordiff import ops_from_lengths, ops_from_tokens

Group = tuple[tuple[int, ...], tuple[int, ...], float]


def _side_tokens(
    doc: Document, idx: tuple[int, ...], feats: dict[int, UnitFeatures], plain: bool, names: list[str]
) -> tuple[list, list[int], list[int]]:
    """Word keys and offsets of one side. Key ids from `features` when the whole pair is
    `plain` (one key per regex word on both sides); else folded keys as strings: named from the
    ids for plain units, re-read from the text for the others (hyphenated names, phrases)."""
    keys: list = []
    starts: list[int] = []
    ends: list[int] = []
    for x in idx:
        u = doc.units[x]
        f = feats[x]
        if f.plain:
            k: list | tuple = f.kids if plain else list(map(names.__getitem__, f.kids))
            s, e = offsets_from_lengths(f.lengths, u.start)
        else:
            k, s, e = unit_tokens(doc.text, u.start, u.end)
        keys += k
        starts += s
        ends += e
    return keys, starts, ends


def _bare(doc: Document, idx: tuple[int, ...]) -> str:
    return " ".join(doc.unit_text(i).strip() for i in idx)


Diff = tuple[bool, tuple[WordOp, ...]]  # identical?, word ops

#: A helper that computes the diffs of some groups elsewhere (another process) and returns a
#: function that waits for them (see `pipeline`); None where there is no second process.
Offload = Callable[[list[Group]], Callable[[], list[Diff]]]

#: From this many pairs up, an available second process computes half of the word diffs.
OFFLOAD_PAIRS = 4000


def diffs(a: Document, b: Document, pf: PairFeatures, groups: Sequence[Group]) -> list[Diff]:
    """Whether each group is identical, and its word ops."""
    ua, ub = a.units, b.units
    fa_all, fb_all = pf.a, pf.b
    names = pf.key_names
    out: list[Diff] = []
    for ga, gb, _ in groups:
        if len(ga) == 1 and len(gb) == 1 and fa_all[ga[0]].plain and fb_all[gb[0]].plain:
            fa, fb = fa_all[ga[0]], fb_all[gb[0]]  # the common case: no lists built
            identical = fa.kids == fb.kids and (bool(fa.kids) or _bare(a, ga) == _bare(b, gb))
            ops = ops_from_lengths(fa.kids, fa.lengths, ua[ga[0]].start, fb.kids, fb.lengths, ub[gb[0]].start)
        else:
            plain = all(fa_all[x].plain for x in ga) and all(fb_all[y].plain for y in gb)
            ak, as_, ae = _side_tokens(a, ga, fa_all, plain, names)
            bk, bs, be = _side_tokens(b, gb, fb_all, plain, names)
            identical = ak == bk and (bool(ak) or _bare(a, ga) == _bare(b, gb))
            ops = ops_from_tokens(ak, as_, ae, ua[ga[0]].start, bk, bs, be, ub[gb[0]].start)
        out.append((identical, ops))
    return out


_TAGS = ("equal", "replace", "insert", "delete")
_TAG_CODE = {t: k for k, t in enumerate(_TAGS)}


def pack_diffs(ds: list[Diff]) -> tuple[bytes, array, bytes, array]:
    """Diffs as flat arrays for the trip between processes (tuples pickle ten times slower)."""
    ops = [op for _, d in ds for op in d]
    return (
        bytes([i for i, _ in ds]),
        array("i", [len(d) for _, d in ds]),
        bytes(map(_TAG_CODE.__getitem__, [op[0] for op in ops])),
        array("i", [x for op in ops for x in op[1:]]),
    )


def unpack_diffs(identical: bytes, counts: array, tags: bytes, offsets: array) -> list[Diff]:
    new = tuple.__new__  # WordOp(...) without the NamedTuple's Python-level __new__
    names = [_TAGS[t] for t in tags]
    pos = offsets.tolist()
    out: list[Diff] = []
    k = 0
    for same, n in zip(identical, counts):
        out.append((bool(same), tuple([
            new(WordOp, (names[j], pos[4 * j], pos[4 * j + 1], pos[4 * j + 2], pos[4 * j + 3]))
            for j in range(k, k + n)
        ])))
        k += n
    return out


def build_pairs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], in_order: set[int] | list[int],
    offload: Offload | None = None,
) -> tuple[Pair, ...]:
    """One Pair per group (A units, B units, score); groups not in `in_order` are `moved`.

    A pair is `identical` when both sides have the same word keys (or, without words, the same
    bare text); its score is then 1.0, otherwise the match score rounded, at most 0.99. With
    `offload`, the second half of the diffs is computed by it meanwhile (same results).
    """
    if offload is not None and len(groups) >= OFFLOAD_PAIRS:
        half = len(groups) // 2
        rest = offload(groups[half:])
        ds = diffs(a, b, pf, groups[:half])
        ds += rest()
    else:
        ds = diffs(a, b, pf, groups)
    in_order = set(in_order)
    pairs = []
    for k, ((ga, gb, s), (identical, ops)) in enumerate(zip(groups, ds)):
        score = 1.0 if identical else min(round(s, 4), 0.99)
        pairs.append(Pair(
            a=ga, b=gb, score=score, relation=relation_for(score, identical),  # type: ignore[arg-type]
            moved=k not in in_order, ops=ops,
        ))
    return tuple(pairs)
