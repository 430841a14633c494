"""Boilerplate detection: which units are page furniture, of what kind, and why.

Baseline detector (to be replaced by the full detector): a few structural rules.
"""

from __future__ import annotations

import re

from .model import Span, Unit

_DATE = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s*\|\s*)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*$|^[A-Z][a-z]+ \d{1,2}, \d{4}$")


def classify(text: str, spans: list[Span]) -> list[Unit]:
    units: list[Unit] = []
    seen_lines: set[str] = set()
    for sp in spans:
        t = text[sp.start:sp.end].strip()
        cat = reason = None
        if re.fullmatch(r"[\d%.,\s]+", t):
            cat, reason = "counter", "a bare number or percentage"
        elif _DATE.search(t):
            cat, reason = "byline", "a date or time line"
        elif sp.kind != "sentence" and t.lower() in seen_lines:
            cat, reason = "duplicate", "repeats an earlier line"
        if sp.kind != "sentence":
            seen_lines.add(t.lower())
        units.append(Unit(sp.start, sp.end, sp.kind, cat, reason))  # type: ignore[arg-type]
    return units
