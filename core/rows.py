"""Presentation rows: the alignment laid out as side-by-side rows every view shares.

Each side stays in its own reading order. A pair in the common order puts both sides on one row;
an unpaired unit, a boilerplate unit or one half of a moved pair faces an empty filler, except
the same furniture met at the same point of both pages, which shares one boilerplate row.
The app, the text, HTML and Markdown exports all draw these rows, so they agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from .model import Alignment, Pair, WordOp

RowKind = Literal["pair", "omitted", "added", "moved", "boilerplate", "content"]

#: One marker per row state, shown beside the text so colour is never the only signal.
MARKERS: dict[str, str] = {
    "identical": "=",
    "edited": "~",
    "paraphrase": "≈",
    "related": "?",
    "omitted": "-",
    "added": "+",
    "moved": "↕",
    "boilerplate": "#",
    "content": " ",
}

#: Plain words for the same states, for legends and screen readers.
LABELS: dict[str, str] = {
    "identical": "identical",
    "edited": "edited",
    "paraphrase": "paraphrase",
    "related": "related",
    "omitted": "only in A (omitted)",
    "added": "only in B (added)",
    "moved": "moved",
    "boilerplate": "boilerplate",
    "content": "content",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One display row. `a`/`b` are unit indices (empty for a filler); `pair` indexes `pairs`."""

    kind: RowKind
    a: tuple[int, ...] = ()
    b: tuple[int, ...] = ()
    pair: int | None = None

    @property
    def state(self) -> str:
        """The marker key: the pair's relation for a pair row, else the row kind."""
        return self.kind

    def is_boilerplate(self) -> bool:
        return self.kind == "boilerplate"


def row_state(al: Alignment, row: Row) -> str:
    """MARKERS key for a row: relation for aligned pairs, the row kind otherwise."""
    if row.kind == "pair" and row.pair is not None:
        return al.pairs[row.pair].relation
    return row.kind


def build_rows(al: Alignment) -> tuple[Row, ...]:
    """Lay out rows in both documents' reading order (linear in the number of units)."""
    a_units, b = al.a.units, al.b
    if b is None:
        return tuple(
            Row("boilerplate" if u.boilerplate else "content", a=(i,)) for i, u in enumerate(a_units)
        )
    b_units = b.units
    rows: list[Row] = []
    done_a = [False] * len(a_units)
    done_b = [False] * len(b_units)
    i = j = 0

    def side_row(side: str, k: int) -> Row:
        units = a_units if side == "a" else b_units
        find = al.pair_of_a if side == "a" else al.pair_of_b
        p = find(k)
        if p is None:
            if units[k].boilerplate is not None:
                kind: RowKind = "boilerplate"
            else:
                kind = "omitted" if side == "a" else "added"
            return Row(kind, a=(k,) if side == "a" else (), b=(k,) if side == "b" else ())
        pair = al.pairs[p]
        idx = pair.a if side == "a" else pair.b
        for x in idx:
            (done_a if side == "a" else done_b)[x] = True
        return Row("moved", a=idx if side == "a" else (), b=idx if side == "b" else (), pair=p)

    while i < len(a_units) or j < len(b_units):
        if i < len(a_units) and done_a[i]:
            i += 1
            continue
        if j < len(b_units) and done_b[j]:
            j += 1
            continue
        pa = al.pair_of_a(i) if i < len(a_units) else None
        pb = al.pair_of_b(j) if j < len(b_units) else None
        if i < len(a_units) and (pa is None or al.pairs[pa].moved):
            if pa is None and pb is None and j < len(b_units) and _same_furniture(al, i, j):
                rows.append(Row("boilerplate", a=(i,), b=(j,)))
                done_b[j] = True
            else:
                rows.append(side_row("a", i))
            done_a[i] = True
            continue
        if j < len(b_units) and (pb is None or al.pairs[pb].moved):
            rows.append(side_row("b", j))
            done_b[j] = True
            continue
        if pa is not None and pa == pb:
            pair = al.pairs[pa]
            for x in pair.a:
                done_a[x] = True
            for y in pair.b:
                done_b[y] = True
            rows.append(Row("pair", a=pair.a, b=pair.b, pair=pa))
            continue
        # The two sides sit at different in-order pairs (possible only if the aligner's
        # `moved` marks are not a consistent order): show the A side first, alone.
        if i < len(a_units):
            rows.append(side_row("a", i))
            done_a[i] = True
        else:
            rows.append(side_row("b", j))
            done_b[j] = True
    return tuple(rows)


def _same_furniture(al: Alignment, i: int, j: int) -> bool:
    """A's unit `i` and B's unit `j` are the same piece of page furniture (both boilerplate, the
    same text): one row holds both. Boilerplate is never paired, so comparing a page with an
    update of itself showed every byline, share bar and 'Related' line twice, on two rows."""
    assert al.b is not None
    u, v = al.a.units[i], al.b.units[j]
    if u.boilerplate is None or v.boilerplate is None:
        return False
    return al.a.text[u.start:u.end].split() == al.b.text[v.start:v.end].split()


def partner_quote(al: Alignment, row: Row, side: str, words: int = 6) -> str:
    """The first words of a moved row's partner on the other side, raw (each view escapes them).

    '(moved: B #78)' alone sent a reader counting 78 units, furniture included, in a view that
    numbers none; the words say which sentence to look for.
    """
    if row.kind != "moved" or row.pair is None or al.b is None:
        return ""
    pair = al.pairs[row.pair]
    other, partner = (al.b, pair.b) if side == "a" else (al.a, pair.a)
    u = other.units[partner[0]]
    found = other.text[u.start:u.end].split()
    quote = " ".join(found[:words])
    if len(quote) > QUOTE_CHARS:  # Chinese, Japanese, Thai: a sentence is one "word"
        quote = quote[:QUOTE_CHARS].rstrip()
    if len(quote) < len(" ".join(found)):
        quote += " …"
    return quote.lstrip(_OPENING_QUOTES) or quote  # the views put it in quotes: no ““


#: At most this many characters of a partner's words are quoted.
QUOTE_CHARS = 40


_OPENING_QUOTES = "\"'“”‘’„«»‹›"


def _mirror_op(op: WordOp) -> WordOp:
    tag = {"insert": "delete", "delete": "insert"}.get(op.tag, op.tag)
    return WordOp(tag, op.b_start, op.b_end, op.a_start, op.a_end)  # type: ignore[arg-type]


def mirror(al: Alignment) -> Alignment:
    """The same alignment seen from the other side (B as A): a view transform, not a new alignment.

    Used by the app's "swap sides" so that added/omitted, word highlights and figures keep their
    meaning relative to whichever document is shown on the left.
    """
    if al.b is None:
        return al
    s = al.stats
    stats = replace(
        s,
        a_units=s.b_units, b_units=s.a_units,
        a_content_units=s.b_content_units, b_content_units=s.a_content_units,
        a_boilerplate_units=s.b_boilerplate_units, b_boilerplate_units=s.a_boilerplate_units,
        added_units=s.omitted_units, omitted_units=s.added_units,
        a_reused_share=s.b_reused_share, b_reused_share=s.a_reused_share,
        added_share=s.omitted_share, omitted_share=s.added_share,
        a_boilerplate_share=s.b_boilerplate_share, b_boilerplate_share=s.a_boilerplate_share,
    )
    pairs = tuple(
        Pair(a=p.b, b=p.a, score=p.score, relation=p.relation, moved=p.moved,
             ops=tuple(_mirror_op(o) for o in p.ops))
        for p in al.pairs
    )
    return Alignment(a=al.b, b=al.a, pairs=pairs, stats=stats, threshold=al.threshold)
