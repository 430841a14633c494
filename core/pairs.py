"""The last step of alignment: Pair records with score, relation, moved flag and word diff.

Kept apart from the choice of pairs (`align`) because at book length this step builds every
pair's word operations — hundreds of thousands of records — and its cost is all in how the
word keys and offsets are gathered: every unit's token key ids and gap/token lengths come from
`features`, which read them with its words (no second pass over the text).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat

from . import forked_helper
from .features import PairFeatures, UnitFeatures
from .model import Document, Pair, WordOp
from .normalise import offsets_from_lengths
from .score import relation_for
from .wordiff import ops_from_lengths, ops_from_tokens

Group = tuple[tuple[int, ...], tuple[int, ...], float]


def _side_tokens(doc: Document, idx: tuple[int, ...], feats: dict[int, UnitFeatures]) -> tuple[list[int], list[int], list[int]]:
    """Token key ids and offsets of one side's units read as one (`features` keeps each unit's
    token key ids and gap/token lengths)."""
    keys: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for x in idx:
        f = feats[x]
        s, e = offsets_from_lengths(f.lengths, doc.units[x].start)
        keys += f.kids
        starts += s
        ends += e
    return keys, starts, ends


def _bare(doc: Document, idx: tuple[int, ...]) -> str:
    return " ".join(doc.unit_text(i).strip() for i in idx)


def build_pairs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], in_order: set[int] | list[int],
    ahead: dict[Units, Diff] | None = None,
) -> tuple[Pair, ...]:
    """One Pair per group (A units, B units, score); groups not in `in_order` are `moved`.

    A pair is `identical` when both sides have the same word keys (or, without words, the same
    bare text); its score is then 1.0, otherwise the match score rounded, at most 0.99.
    `ahead`: diffs already made (`diff_ahead`), per (A units, B units), taken for the groups
    with those units. At book length, with a forked helper running (`forked_helper.session`),
    the rest come from both processes (`_shared_diffs`).
    """
    in_order = set(in_order)
    out = _taken(groups, ahead) if ahead else [None] * len(groups)
    helper = forked_helper.helper_for(pf=pf, a=a, b=b) if len(groups) >= SPLIT_GROUPS else None
    if helper is None:
        for _ in _diffs_here(a, b, pf, groups, range(len(groups)), out):
            pass
    else:
        _shared_diffs(a, b, pf, groups, helper, out)
    pairs = []
    for k, ((ga, gb, s), (identical, ops)) in enumerate(zip(groups, out)):  # type: ignore[misc]
        score = 1.0 if identical else min(round(s, 4), 0.99)
        pairs.append(Pair(
            a=ga, b=gb, score=score, relation=relation_for(score, identical),  # type: ignore[arg-type]
            moved=k not in in_order, ops=ops,
        ))
    return tuple(pairs)


#: Split the word diffs with a running helper from this many groups on.
SPLIT_GROUPS = 2000
#: `likely_pairs`: candidate pairs scoring at least this that are each other's best.
LIKELY = 0.3

Diff = tuple[bool, tuple[WordOp, ...]]


def likely_pairs(cands: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Candidate pairs scoring at least LIKELY whose units are each other's best candidate:
    most pairs of a long text are such a pair, one unit a side."""
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for s, i, j in cands:
        if s > best_a.get(i, (-1.0, 0))[0]:
            best_a[i] = (s, j)
        if s > best_b.get(j, (-1.0, 0))[0]:
            best_b[j] = (s, i)
    return [(i, j) for i, (s, j) in sorted(best_a.items()) if s >= LIKELY and best_b[j][1] == i]


Units = tuple[tuple[int, ...], tuple[int, ...]]


def diff_ahead(
    a: Document, b: Document, pf: PairFeatures, todo: list[Units], out: dict[Units, Diff]
) -> Iterator[None]:
    """The diffs of the groups' units `todo` (A units, B units) into `out`, SLICE groups a
    step: made while the helper chooses the pairs (`align`), so they are ready when the pairs
    are. A group's diff depends on its units only."""
    for lo in range(0, len(todo), SLICE):
        part = todo[lo:lo + SLICE]
        out.update(zip(part, _diffs(a, b, pf, [(ga, gb, 0.0) for ga, gb in part])))
        yield


def _taken(groups: list[Group], ahead: dict[Units, Diff]) -> list[Diff | None]:
    """Per group, its diff from `ahead` if its units were diffed there, else None."""
    get = ahead.get
    return [get((ga, gb)) for ga, gb, _ in groups]


def _shared_diffs(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], helper: forked_helper.Helper,
    out: list[Diff | None],
) -> None:
    """`_diffs` of the groups not in `out` yet, with the helper: split in two halves, the second
    made there while this process makes the first. Whatever the helper has not answered when
    this process is ready for it is made here meanwhile (`Helper.result_or_do`), so a slow
    helper is never waited for."""
    rest = [k for k, d in enumerate(out) if d is None]
    cut = len(rest) // 2
    if cut and helper.submit(_far_diffs, *pack_groups([groups[k] for k in rest[cut:]])):
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


#: Groups diffed here per step while the helper's answer is awaited.
SLICE = 500


def _diffs_here(
    a: Document, b: Document, pf: PairFeatures, groups: list[Group], which: Sequence[int],
    out: list[Diff | None],
) -> Iterator[None]:
    """`_diffs` of groups[k] into out[k] for k in `which` not done yet, SLICE groups a step."""
    for lo in range(0, len(which), SLICE):
        todo = [k for k in which[lo:lo + SLICE] if out[k] is None]
        for k, d in zip(todo, _diffs(a, b, pf, [groups[k] for k in todo])):
            out[k] = d
        yield


def _diffs(a: Document, b: Document, pf: PairFeatures, groups: list[Group]) -> list[tuple[bool, tuple[WordOp, ...]]]:
    """(identical, word ops) of each group."""
    ua, ub = a.units, b.units
    fa_all, fb_all = pf.a, pf.b
    out = []
    add = out.append
    for ga, gb, _ in groups:
        if len(ga) == 1 and len(gb) == 1:
            fa, fb = fa_all[ga[0]], fb_all[gb[0]]  # the common case: no lists built
            identical = fa.kids == fb.kids and (bool(fa.kids) or _bare(a, ga) == _bare(b, gb))
            add((identical, ops_from_lengths(fa.kids, fa.lengths, ua[ga[0]].start, fb.kids, fb.lengths, ub[gb[0]].start)))
        else:
            ak, as_, ae = _side_tokens(a, ga, fa_all)
            bk, bs, be = _side_tokens(b, gb, fb_all)
            identical = ak == bk and (bool(ak) or _bare(a, ga) == _bare(b, gb))
            add((identical, ops_from_tokens(ak, as_, ae, ua[ga[0]].start, bk, bs, be, ub[gb[0]].start)))
    return out


_TAGS = ("equal", "replace", "insert", "delete")
_TAG_CODE = {t: k for k, t in enumerate(_TAGS)}


def pack_groups(groups: list[Group]) -> tuple[array, array]:
    """The groups' units as flat arrays for a trip between processes: (len A, len B) per group,
    then the units (scores, where needed, travel apart: `align._pack_groups`)."""
    sizes = array("q", chain.from_iterable((len(ga), len(gb)) for ga, gb, _ in groups))
    units = array("q", chain.from_iterable(ga + gb for ga, gb, _ in groups))
    return sizes, units


def unpack_groups(sizes: array, units: array, scores: Iterable[float] | None = None) -> list[Group]:
    """`pack_groups`'s arrays back as the groups they were (with `scores`, else 0.0 each)."""
    flat = units.tolist()
    groups: list[Group] = []
    pos = 0
    it = iter(sizes.tolist())
    for (na, nb), s in zip(zip(it, it), repeat(0.0) if scores is None else scores):
        groups.append((tuple(flat[pos:pos + na]), tuple(flat[pos + na:pos + na + nb]), s))
        pos += na + nb
    return groups


def _far_diffs(context: dict, sizes: array, units: array) -> tuple[bytes, array, bytes, array]:
    """In the helper: `_diffs` of the packed groups, flattened: identical flags, ops per group,
    op tags (codes) and op offsets (four per op)."""
    return _pack_diffs(_diffs(context["a"], context["b"], context["pf"], unpack_groups(sizes, units)))


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
