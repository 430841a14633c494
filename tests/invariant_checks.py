"""The engine's structural promises as reusable checks (issues 2 and 7), on objects and on JSON.

Used by the property tests, the hostile-input CLI tests and the fuzz-regression replay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from rafahdiff.core.model import KINDS, RELATIONS, Alignment, Pair


def _start_end(u: Any) -> tuple[int, int]:
    return (u["start"], u["end"]) if isinstance(u, dict) else (u.start, u.end)


def check_units(text: str, units: Sequence[Any]) -> None:
    """Offsets in bounds and increasing, no overlap, every non-whitespace character in exactly one unit."""
    n = len(text)
    prev_end = 0
    for k, u in enumerate(units):
        s, e = _start_end(u)
        assert isinstance(s, int) and isinstance(e, int), (k, s, e)
        assert 0 <= s < e <= n, f"unit {k} [{s}:{e}] out of bounds (len {n})"
        assert s >= prev_end, f"unit {k} [{s}:{e}] overlaps or precedes the previous (ends {prev_end})"
        gap = text[prev_end:s]
        assert not gap.strip(), f"non-whitespace {gap.strip()[:20]!r} before unit {k} is in no unit"
        prev_end = e
    tail = text[prev_end:]
    assert not tail.strip(), f"non-whitespace {tail.strip()[:20]!r} after the last unit is in no unit"
    for u in units:
        kind = u["kind"] if isinstance(u, dict) else u.kind
        assert kind in KINDS, kind


def check_pairs(n_a: int, n_b: int, pairs: Iterable[Any]) -> None:
    """Each unit index valid and in at most one pair; scores in [0, 1]; known relations."""
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for p in pairs:
        a, b, score, rel = ((p["a"], p["b"], p["score"], p["relation"]) if isinstance(p, dict)
                            else (p.a, p.b, p.score, p.relation))
        assert a and b, p
        for i in a:
            assert 0 <= i < n_a and i not in seen_a, ("a", i, p)
            seen_a.add(i)
        for j in b:
            assert 0 <= j < n_b and j not in seen_b, ("b", j, p)
            seen_b.add(j)
        assert 0.0 <= score <= 1.0, score
        assert rel in RELATIONS, rel


def check_alignment(al: Alignment) -> None:
    check_units(al.a.text, al.a.units)
    if al.b is None:
        assert al.pairs == ()
        return
    check_units(al.b.text, al.b.units)
    check_pairs(len(al.a.units), len(al.b.units), al.pairs)


def check_json(data: dict, text_a: str, text_b: str | None) -> None:
    assert data["schema"] == "rafahdiff/alignment/v1"
    check_units(text_a, data["a"]["units"])
    if text_b is None:
        assert data["b"] is None and data["pairs"] == []
        return
    check_units(text_b, data["b"]["units"])
    check_pairs(len(data["a"]["units"]), len(data["b"]["units"]), data["pairs"])


def pair_key(p: Pair, mirror: bool = False, moved: bool = False) -> tuple:
    """A pair as comparable data; `mirror` swaps the sides (for B-vs-A against A-vs-B).

    `moved` is left out unless asked for (the moved flag is checked separately where wanted).
    """
    a, b = (p.b, p.a) if mirror else (p.a, p.b)
    key = (tuple(a), tuple(b), p.relation, round(p.score, 6))
    return (*key, p.moved) if moved else key


def in_order_weight(pairs: Iterable[Pair]) -> float:
    """Total score of the pairs on the common order (the heaviest chain: symmetric in A and B)."""
    return sum(p.score for p in pairs if not p.moved)


_WORDY = re.compile(r"\w")


def wordless(doc: Any) -> set[int]:
    """Units without a single word character (`* * *`, `—`, a lone emoji)."""
    return {k for k, u in enumerate(doc.units) if not _WORDY.search(doc.text[u.start:u.end])}


def check_self_comparison(al: Alignment, skip_wordless: bool = False) -> None:
    """A document compared with itself: every content unit paired, every pair `identical`.

    `skip_wordless` exempts units without any word character (`* * *`, `! !`), for engines that
    have no evidence to pair them.
    """
    assert al.b is not None
    content_a = set(al.a.content_indices) - (wordless(al.a) if skip_wordless else set())
    content_b = set(al.b.content_indices) - (wordless(al.b) if skip_wordless else set())
    paired_a = {i for p in al.pairs for i in p.a}
    paired_b = {j for p in al.pairs for j in p.b}
    assert content_a <= paired_a, f"content units of A left unpaired: {sorted(content_a - paired_a)[:10]}"
    assert content_b <= paired_b, f"content units of B left unpaired: {sorted(content_b - paired_b)[:10]}"
    bad = [p for p in al.pairs if p.relation != "identical"]
    assert not bad, f"self-comparison pairs that are not identical: {bad[:3]}"
