"""The engine's immutable results: what every stage hands to the next and to the views.

Offsets are Python `str` indices into the decoded text (see `reading`), so a view can always
go back to the exact characters of the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Kind = Literal["heading", "sentence", "line"]
Category = Literal[
    "ad", "navigation", "promo", "byline", "bio", "caption", "credit", "counter", "duplicate", "other"
]
Relation = Literal["identical", "edited", "paraphrase", "related"]
OpTag = Literal["equal", "replace", "insert", "delete"]

KINDS: tuple[str, ...] = ("heading", "sentence", "line")
CATEGORIES: tuple[str, ...] = (
    "ad", "navigation", "promo", "byline", "bio", "caption", "credit", "counter", "duplicate", "other",
)
RELATIONS: tuple[str, ...] = ("identical", "edited", "paraphrase", "related")


@dataclass(frozen=True, slots=True)
class Span:
    """A segment found by the segmenter, before boilerplate is decided."""

    start: int
    end: int
    kind: Kind


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence, heading or short line of a document; `boilerplate` is None for content."""

    start: int
    end: int
    kind: Kind
    boilerplate: Category | None = None
    reason: str | None = None

    @property
    def is_content(self) -> bool:
        return self.boilerplate is None


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded input text plus where it came from; `notice` is a one-line warning (e.g. cp1252)."""

    source: str
    path: str
    text: str
    notice: str | None = None


@dataclass(frozen=True)
class Document:
    """A segmented, classified article."""

    source: str
    path: str
    text: str
    title: str
    units: tuple[Unit, ...]

    def unit_text(self, index: int) -> str:
        u = self.units[index]
        return self.text[u.start:u.end]

    @property
    def content_indices(self) -> tuple[int, ...]:
        return tuple(i for i, u in enumerate(self.units) if u.boilerplate is None)


class WordOp(NamedTuple):
    """A difflib-style opcode over word tokens, with character offsets into each document's text.

    For `insert` the A range is empty (a_start == a_end) at the insertion point; for `delete`
    the B range is empty. An immutable typed record like the dataclasses here, but a tuple: a
    book-length comparison makes hundreds of thousands of them, and a tuple costs a fifth as
    much to build as a frozen dataclass.
    """

    tag: OpTag
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Pair:
    """Units of A and units of B that say the same thing (several on a side: split or merge)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    relation: Relation
    moved: bool = False
    ops: tuple[WordOp, ...] = ()


@dataclass(frozen=True)
class Stats:
    """Summary figures shown by every view; shares are of content characters (boilerplate excluded)."""

    a_units: int
    b_units: int
    a_content_units: int
    b_content_units: int
    a_boilerplate_units: int
    b_boilerplate_units: int
    pairs: int
    identical: int
    edited: int
    paraphrase: int
    related: int
    moved: int
    added_units: int
    omitted_units: int
    a_reused_share: float
    b_reused_share: float
    added_share: float
    omitted_share: float
    a_boilerplate_share: float
    b_boilerplate_share: float


@dataclass(frozen=True)
class Alignment:
    """The one result the views consume. `b` is None when a single document was analysed."""

    a: Document
    b: Document | None
    pairs: tuple[Pair, ...]
    stats: Stats
    threshold: float
    _pair_of_a: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _pair_of_b: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for p, pair in enumerate(self.pairs):
            for i in pair.a:
                self._pair_of_a[i] = p
            for j in pair.b:
                self._pair_of_b[j] = p

    def pair_of_a(self, unit: int) -> int | None:
        """Index into `pairs` of the pair holding unit `unit` of A, or None (an omission)."""
        return self._pair_of_a.get(unit)

    def pair_of_b(self, unit: int) -> int | None:
        """Index into `pairs` of the pair holding unit `unit` of B, or None (an addition)."""
        return self._pair_of_b.get(unit)
