"""The last step of alignment: Pair records with score, relation, moved flag and word diff.

Kept apart from the choice of pairs (`align`) because at book length this step builds every
pair's word operations — hundreds of thousands of records — and its cost is all in how the
word keys and offsets are gathered: taken from `features` for plain units (one key per regex
word), re-read from the text only for the few units with hyphenated names or phrases.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import chain, repeat

from . import forked_helper
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


def build_pairs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], in_order: set[int] | list[int]
) -> tuple[Pair, ...]:
    """One Pair per group (A units, B units, score); groups not in `in_order` are `moved`.

    A pair is `identical` when both sides have the same word keys (or, without words, the same
    bare text); its score is then 1.0, otherwise the match score rounded, at most 0.99.
    At book length, with a forked helper running (`forked_helper.session`), the diffs come from
    both processes (`_shared_diffs`).
    """
    in_order = set(in_order)
    helper = forked_helper.helper_for(pf=pf, a=a, b=b) if len(groups) >= SPLIT_GROUPS else None
    diffs = _diffs(a, b, pf, groups) if helper is None else _shared_diffs(a, b, pf, groups, helper)
    pairs = []
    for k, ((ga, gb, s), (identical, ops)) in enumerate(zip(groups, diffs)):
        score = 1.0 if identical else min(round(s, 4), 0.99)
        pairs.append(Pair(
            a=ga, b=gb, score=score, relation=relation_for(score, identical),  # type: ignore[arg-type]
            moved=k not in in_order, ops=ops,
        ))
    return tuple(pairs)


#: Split the word diffs with a running helper from this many groups on.
SPLIT_GROUPS = 2000
#: The helper diffs ahead the candidate pairs scoring at least this that are each other's best.
LIKELY = 0.3


def diff_likely_pairs(helper: forked_helper.Helper, cands: list[tuple[float, int, int]]) -> None:
    """Let the helper diff the pairs most likely to be chosen (`_likely`) while this process
    chooses them: most pairs of a long text are one unit a side and each other's best candidate,
    and the helper has nothing else to do until the pairs are known."""
    if len(cands) >= SPLIT_GROUPS:
        helper.submit(_likely_diffs, array("d", [c[0] for c in cands]), array("q", chain.from_iterable(c[1:] for c in cands)))


def _likely(scores: array, units: array) -> list[tuple[int, int]]:
    """Candidate pairs scoring at least LIKELY whose units are each other's best candidate."""
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    it = iter(units.tolist())
    for s, i, j in zip(scores.tolist(), it, it):
        if s > best_a.get(i, (-1.0, 0))[0]:
            best_a[i] = (s, j)
        if s > best_b.get(j, (-1.0, 0))[0]:
            best_b[j] = (s, i)
    return [(i, j) for i, (s, j) in sorted(best_a.items()) if s >= LIKELY and best_b[j][1] == i]


def _likely_diffs(context: dict, scores: array, units: array) -> tuple[array, tuple[bytes, array, bytes, array]]:
    """In the helper: the likely pairs (flat) and `_far_diffs` of them as one-unit groups."""
    likely = _likely(scores, units)
    diffs = _diffs(context["a"], context["b"], context["pf"], [((i,), (j,), 0.0) for i, j in likely])
    return array("q", chain.from_iterable(likely)), _pack_diffs(diffs)


def _shared_diffs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], helper: forked_helper.Helper
) -> list[tuple[bool, tuple[WordOp, ...]]]:
    """`_diffs` of the groups with the helper: the ones it diffed ahead are taken from it, the
    rest split in two halves, the second made there while this process makes the first.
    Whatever the helper has not answered when this process is ready for it is made here
    meanwhile (`Helper.result_or_do`), so a slow helper is never waited for."""
    out: list[tuple[bool, tuple[WordOp, ...]] | None] = [None] * len(groups)
    if helper.pending == _likely_diffs.__name__:
        # Waiting for it, splits and merges first: never among the pairs diffed ahead.
        first = sorted(range(len(groups)), key=lambda k: len(groups[k][0]) + len(groups[k][1]) == 2)
        ok, answer = helper.result_or_do(_diffs_here(a, b, pf, groups, first, out))
        ahead = _unpack_likely(answer, groups) if ok else None
        for k, d in enumerate(ahead or ()):
            if d is not None and out[k] is None:
                out[k] = d
    rest = [k for k, d in enumerate(out) if d is None]
    cut = len(rest) // 2
    if cut and helper.submit(_far_diffs, *_pack_groups([groups[k] for k in rest[cut:]])):
        for _ in _diffs_here(a, b, pf, groups, rest[:cut], out):
            pass
        steps = _diffs_here(a, b, pf, groups, rest[cut:], out)
        ok, answer = helper.result_or_do(steps)
        far = _unpack_diffs(answer, len(rest) - cut) if ok else None
        if far is not None:
            for k, d in zip(rest[cut:], far):
                out[k] = d
        else:  # failed or slower: the rest of its half here
            for _ in steps:
                pass
    else:
        for _ in _diffs_here(a, b, pf, groups, rest, out):
            pass
    return out  # type: ignore[return-value]


#: Groups diffed here per step while the helper's answer is awaited.
SLICE = 500


def _diffs_here(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], which: Sequence[int],
    out: list[tuple[bool, tuple[WordOp, ...]] | None],
) -> Iterator[None]:
    """`_diffs` of groups[k] into out[k] for k in `which` not done yet, SLICE groups a step."""
    for lo in range(0, len(which), SLICE):
        todo = [k for k in which[lo:lo + SLICE] if out[k] is None]
        for k, d in zip(todo, _diffs(a, b, pf, [groups[k] for k in todo])):
            out[k] = d
        yield


def _unpack_likely(
    answer: tuple[array, tuple[bytes, array, bytes, array]], groups: list[Group]
) -> list[tuple[bool, tuple[WordOp, ...]] | None] | None:
    """Per group, its diff from `_likely_diffs`'s answer if it is one of the likely pairs, else
    None; None for an answer that does not add up."""
    flat, packed = answer
    it = iter(flat.tolist())
    where = {p: k for k, p in enumerate(zip(it, it))}
    diffs = _unpack_diffs(packed, len(where))
    if diffs is None:
        return None
    return [
        diffs[where[ga[0], gb[0]]] if len(ga) == 1 and len(gb) == 1 and (ga[0], gb[0]) in where else None
        for ga, gb, _ in groups
    ]


def _diffs(a: Document, b: Document, pf: PairFeatures, groups: list[Group]) -> list[tuple[bool, tuple[WordOp, ...]]]:
    """(identical, word ops) of each group."""
    ua, ub = a.units, b.units
    fa_all, fb_all = pf.a, pf.b
    out = []
    add = out.append
    for ga, gb, _ in groups:
        if len(ga) == 1 and len(gb) == 1 and fa_all[ga[0]].plain and fb_all[gb[0]].plain:
            fa, fb = fa_all[ga[0]], fb_all[gb[0]]  # the common case: no lists built
            identical = fa.kids == fb.kids and (bool(fa.kids) or _bare(a, ga) == _bare(b, gb))
            add((identical, ops_from_lengths(fa.kids, fa.lengths, ua[ga[0]].start, fb.kids, fb.lengths, ub[gb[0]].start)))
        else:
            plain = all(fa_all[x].plain for x in ga) and all(fb_all[y].plain for y in gb)
            ak, as_, ae = _side_tokens(a, ga, fa_all, plain, pf.key_names)
            bk, bs, be = _side_tokens(b, gb, fb_all, plain, pf.key_names)
            identical = ak == bk and (bool(ak) or _bare(a, ga) == _bare(b, gb))
            add((identical, ops_from_tokens(ak, as_, ae, ua[ga[0]].start, bk, bs, be, ub[gb[0]].start)))
    return out


_TAGS = ("equal", "replace", "insert", "delete")
_TAG_CODE = {t: k for k, t in enumerate(_TAGS)}


def _pack_groups(groups: list[Group]) -> tuple[array, array]:
    """The groups' units as flat arrays for the trip to the helper: (len A, len B) per group,
    then the units (the score is not needed there)."""
    sizes = array("q", chain.from_iterable((len(ga), len(gb)) for ga, gb, _ in groups))
    units = array("q", chain.from_iterable(ga + gb for ga, gb, _ in groups))
    return sizes, units


def _far_diffs(context: dict, sizes: array, units: array) -> tuple[bytes, array, bytes, array]:
    """In the helper: `_diffs` of the packed groups, flattened: identical flags, ops per group,
    op tags (codes) and op offsets (four per op)."""
    flat = units.tolist()
    groups: list[Group] = []
    pos = 0
    it = iter(sizes.tolist())
    for na, nb in zip(it, it):
        groups.append((tuple(flat[pos:pos + na]), tuple(flat[pos + na:pos + na + nb]), 0.0))
        pos += na + nb
    return _pack_diffs(_diffs(context["a"], context["b"], context["pf"], groups))


def _pack_diffs(diffs: list[tuple[bool, tuple[WordOp, ...]]]) -> tuple[bytes, array, bytes, array]:
    ops = [op for _, group_ops in diffs for op in group_ops]
    return (
        bytes(identical for identical, _ in diffs),
        array("q", [len(group_ops) for _, group_ops in diffs]),
        bytes([_TAG_CODE[op[0]] for op in ops]),
        array("q", chain.from_iterable(op[1:] for op in ops)),
    )


def _ops(tags: bytes, offsets: array) -> list[WordOp]:
    """WordOps from tag codes and four offsets each, built without a Python-level loop."""
    it = iter(offsets.tolist())
    return list(map(tuple.__new__, repeat(WordOp), zip(map(_TAGS.__getitem__, tags), it, it, it, it)))


def _unpack_diffs(answer: tuple[bytes, array, bytes, array], n: int) -> list[tuple[bool, tuple[WordOp, ...]]] | None:
    """`_far_diffs`'s answer back as the (identical, ops) it was made from; None if it does not
    hold `n` groups."""
    flags, counts, tags, offsets = answer
    if len(flags) != n or len(counts) != n or 4 * len(tags) != len(offsets):
        return None
    ops = _ops(tags, offsets)
    out = []
    pos = 0
    for identical, c in zip(flags, counts.tolist()):
        out.append((identical == 1, tuple(ops[pos:pos + c])))
        pos += c
    return out
