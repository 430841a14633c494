"""The summary every export shows, built once from `Alignment.stats`.

Text, Markdown and HTML render the same `Summary` rows, so a report can never show a figure the
JSON `stats` does not hold: each `Figure` names the `Stats` field it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Alignment, Stats


@dataclass(frozen=True, slots=True)
class Figure:
    """One number: `stat` is the `Stats` field, `text` its display form ("78.1%", "9 units")."""

    stat: str
    value: float | int
    text: str


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One measure. Side figures go in `a`/`b`; figures about pairs (both sides) in `both`."""

    key: str
    label: str
    a: tuple[Figure, ...] = ()
    b: tuple[Figure, ...] = ()
    both: tuple[Figure, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    """Titles and figures; strings are raw article text — each renderer escapes for its medium."""

    a_title: str
    a_source: str
    b_title: str | None
    b_source: str | None
    rows: tuple[SummaryRow, ...]

    @property
    def two_sided(self) -> bool:
        return self.b_source is not None


def _percent(value: float, places: int) -> str:
    """`value` as a percentage to `places` decimals, but a partial share never shown as 100 or 0:
    'reused 100%' beside 'omitted 1' read as a contradiction, and 'reused 0%' hid the one passage
    found in a long text. Those show as '>99.9%' / '<0.1%' (one decimal) or '>99%' / '<1%'."""
    text = f"{value * 100:.{places}f}%"
    step = 10.0 ** -places
    if value < 1 and text == f"{100:.{places}f}%":
        return f">{100 - step:.{places}f}%"
    if value > 0 and text == f"{0:.{places}f}%":
        return f"<{step:.{places}f}%"
    return text


def share_text(value: float) -> str:
    """A share as a percentage with one decimal: `stats` keeps four, so this is exact to 0.05%."""
    return _percent(value, 1)


def whole_share(value: float) -> str:
    """A share in whole percent, for a status line."""
    return _percent(value, 0)


def _share(s: Stats, stat: str) -> Figure:
    value = getattr(s, stat)
    return Figure(stat, value, share_text(value))


def _count(s: Stats, stat: str, noun: str, plural: str | None = None) -> Figure:
    value = getattr(s, stat)
    return Figure(stat, value, f"{value} {noun if value == 1 else (plural or noun + 's')}")


def build_summary(al: Alignment) -> Summary:
    """The summary rows for one alignment (one or two documents)."""
    s = al.stats
    if al.b is None:
        rows = (
            SummaryRow("units", "Units", a=(_count(s, "a_units", "unit"),)),
            SummaryRow("content", "Article content", a=(_count(s, "a_content_units", "unit"),)),
            SummaryRow("boilerplate", "Boilerplate", a=(_count(s, "a_boilerplate_units", "unit"),
                                                         _share(s, "a_boilerplate_share")),
                       note="share of all characters"),
        )
        return Summary(al.a.title, al.a.source, None, None, rows)
    rows = (
        SummaryRow("reused", "Reused", a=(_share(s, "a_reused_share"),), b=(_share(s, "b_reused_share"),),
                   note="share of each side's content found on the other side"),
        SummaryRow("added", "Added (only in B)", b=(_count(s, "added_units", "unit"), _share(s, "added_share")),
                   note="share of B's content"),
        SummaryRow("omitted", "Omitted (only in A)", a=(_count(s, "omitted_units", "unit"),
                                                      _share(s, "omitted_share")),
                   note="share of A's content"),
        SummaryRow("paraphrased", "Paraphrased", both=(_count(s, "paraphrase", "pair"),),
                   note="pairs that say the same thing in other words"),
        SummaryRow("moved", "Moved", both=(_count(s, "moved", "pair"),),
                   note="pairs out of the common order"),
        # The breakdown names every relation, so its parts add up to the total a reader sees first.
        SummaryRow("pairs", "All pairs", both=(_count(s, "pairs", "pair"), _count(s, "identical", "identical", "identical"),
                                               _count(s, "edited", "edited", "edited"),
                                               _count(s, "paraphrase", "paraphrase", "paraphrase"),
                                               _count(s, "related", "related", "related")),
                   note="identical, lightly edited, paraphrased and loosely related pairs"),
        SummaryRow("boilerplate", "Boilerplate",
                   a=(_count(s, "a_boilerplate_units", "unit"), _share(s, "a_boilerplate_share")),
                   b=(_count(s, "b_boilerplate_units", "unit"), _share(s, "b_boilerplate_share")),
                   note="page furniture; share of all characters"),
    )
    return Summary(al.a.title, al.a.source, al.b.title, al.b.source, rows)


def figures(summary: Summary) -> tuple[Figure, ...]:
    """Every figure of the summary, in display order (what tests compare with the JSON)."""
    return tuple(f for row in summary.rows for f in (*row.a, *row.b, *row.both))
