"""Plain-language descriptions of the selected row and of the summary figures.

Kept apart from the widgets so the same sentences can be tested without a terminal. All article
text goes through `display_text` and into Rich `Text` (never markup).
"""

from __future__ import annotations

from rich.text import Text

from rafahdiff.core.model import Alignment
from rafahdiff.core.rows import LABELS, MARKERS
from rafahdiff.core.sanitize import display_line
from rafahdiff.core.summary import whole_share

from .rowmodel import RowModel, Side
from .wrap import wrap_offsets


def _units(idx: tuple[int, ...]) -> str:
    if not idx:
        return "—"
    nums = [i + 1 for i in idx]
    return "#" + ",".join(str(n) for n in nums) if len(nums) < 4 else f"#{nums[0]}–{nums[-1]}"


def details_text(model: RowModel, index: int, active: Side) -> Text:
    """Relation, score, positions, moved partner and boilerplate category/reason of one row."""
    t = Text(no_wrap=False, overflow="fold")
    if not model.visible:
        if model.rows and model.hide_boilerplate:  # a page of nothing but furniture, hidden
            t.append(f"nothing to show: all {len(model.rows)} rows are boilerplate, hidden; press b to show them")
        else:
            t.append("nothing to show: the documents hold no units")
        return t
    v = model.visible[index]
    t.append(f"row {index + 1}/{len(model.visible)}  ", style="bold")
    if v.folded:
        t.append(f"{MARKERS['identical']} {v.last - v.first + 1} identical rows folded; press d to unfold")
        return t
    row = model.rows[v.first]
    state = model.state(index)
    al = model.al
    t.append(f"{MARKERS.get(state, ' ')} {LABELS.get(state, state)}", style="bold")
    if model.two_sided:
        t.append(f"   A {_units(row.a)} · B {_units(row.b)}")
    else:
        t.append(f"   unit {_units(row.a)}")
    if row.pair is not None:
        p = al.pairs[row.pair]
        # The marker's label already names the relation of an in-order pair ("~ edited   edited ·
        # score 0.84" said it twice); a moved pair's label is "moved", so its relation is added.
        t.append(f"   score {p.score:.2f}" if p.relation == state else f"   {p.relation} · score {p.score:.2f}")
        if p.moved:
            here: Side = "a" if row.a else "b"
            other: Side = "b" if here == "a" else "a"
            partner = p.b if here == "a" else p.a
            partner_row = model.partner(index)
            where = f" (row {partner_row + 1})" if partner_row is not None else ""
            t.append(f"\nmoved: {here.upper()} {_units(row.a or row.b)} pairs with "
                     f"{other.upper()} {_units(partner)}{where}; m jumps there", style="italic")
    order: tuple[Side, ...] = (active, "b" if active == "a" else "a") if model.two_sided else ("a",)
    for side in order:
        doc = model.doc(side)
        for k in (row.a if side == "a" else row.b):
            u = doc.units[k] if doc is not None else None
            if u is not None and u.boilerplate is not None:
                t.append(f"\nboilerplate ({side.upper()} #{k + 1}): {u.boilerplate}", style="bold")
                if u.reason:
                    t.append(f" — {display_line(u.reason)}")
                return t
    return t


def summary_text(al: Alignment, hidden: bool, diff_only: bool, hits: str = "", width: int = 0) -> Text:
    """The status line: figures straight from Alignment.stats plus the current toggles.

    Given the line's `width`, figures that would not fit its two lines are written with the row
    markers instead of words (`+3 -2 ≈4 ~10 ↕1 #1/9`, the help screen's legend): at 80 columns
    a search and the toggles pushed the boilerplate figures and the toggles themselves off the
    end."""
    full = _summary(al, hidden, diff_only, hits, short=False)
    if width <= 0 or len(wrap_offsets(full.plain, width)) <= 2:
        return full
    return _summary(al, hidden, diff_only, hits, short=True)


def _summary(al: Alignment, hidden: bool, diff_only: bool, hits: str, short: bool) -> Text:
    s = al.stats
    t = Text()
    if hits:
        t.append(hits + "  ", style="bold italic")
    if al.b is None:
        t.append(f"{s.a_units} units · boilerplate {s.a_boilerplate_units} ({whole_share(s.a_boilerplate_share)} of the text)")
    elif short:
        m = MARKERS
        t.append(f"A reused {whole_share(s.a_reused_share)}", style="bold")
        t.append(f" · {m['added']}{s.added_units} {m['omitted']}{s.omitted_units} {m['paraphrase']}{s.paraphrase}"
                 f" {m['edited']}{s.edited} {m['moved']}{s.moved}"
                 f" {m['boilerplate']}{s.a_boilerplate_units}/{s.b_boilerplate_units}")
    else:
        t.append(f"A reused {whole_share(s.a_reused_share)}", style="bold")
        t.append(f" · added {s.added_units} · omitted {s.omitted_units} · paraphrased {s.paraphrase}"
                 f" · edited {s.edited} · moved {s.moved} · boilerplate {s.a_boilerplate_units}/{s.b_boilerplate_units}")
    flags = []
    if hidden:
        flags.append("boilerplate hidden")
    if diff_only:
        flags.append("diffs only")
    if flags:
        t.append("  [" + ", ".join(flags) + "]", style="italic")
    return t
