"""The last step of alignment: Pair records with score, relation, moved flag and word diff.

Kept apart from the choice of pairs (`align`) because at book length this step builds every
pair's word operations — hundreds of thousands of records — and its cost is all in how the
word keys and offsets are gathered: taken from `features` for plain units (one key per regex
word), re-read from the text only for the few units with hyphenated names or phrases.
"""

from __future__ import annotations

from .features import PairFeatures, UnitFeatures
from .model import Document, Pair
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


def build_pairs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], in_order: set[int] | list[int]
) -> tuple[Pair, ...]:
    """One Pair per group (A units, B units, score); groups not in `in_order` are `moved`.

    A pair is `identical` when both sides have the same word keys (or, without words, the same
    bare text); its score is then 1.0, otherwise the match score rounded, at most 0.99.
    """
    in_order = set(in_order)
    ua, ub = a.units, b.units
    fa_all, fb_all = pf.a, pf.b
    pairs = []
    for k, (ga, gb, s) in enumerate(groups):
        if len(ga) == 1 and len(gb) == 1 and fa_all[ga[0]].plain and fb_all[gb[0]].plain:
            fa, fb = fa_all[ga[0]], fb_all[gb[0]]  # the common case: no lists built
            identical = fa.kids == fb.kids and (bool(fa.kids) or _bare(a, ga) == _bare(b, gb))
            ops = ops_from_lengths(fa.kids, fa.lengths, ua[ga[0]].start, fb.kids, fb.lengths, ub[gb[0]].start)
        else:
            plain = all(fa_all[x].plain for x in ga) and all(fb_all[y].plain for y in gb)
            ak, as_, ae = _side_tokens(a, ga, fa_all, plain, pf.key_names)
            bk, bs, be = _side_tokens(b, gb, fb_all, plain, pf.key_names)
            identical = ak == bk and (bool(ak) or _bare(a, ga) == _bare(b, gb))
            ops = ops_from_tokens(ak, as_, ae, ua[ga[0]].start, bk, bs, be, ub[gb[0]].start)
        score = 1.0 if identical else min(round(s, 4), 0.99)
        pairs.append(Pair(
            a=ga, b=gb, score=score, relation=relation_for(score, identical),  # type: ignore[arg-type]
            moved=k not in in_order, ops=ops,
        ))
    return tuple(pairs)
