"""The alignment JSON contract, schema `rafahdiff/alignment/v1` (documented in the README).

Fields may be added; the documented ones never change meaning.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .model import Alignment, Document

SCHEMA = "rafahdiff/alignment/v1"


def _doc(doc: Document | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {
        "source": doc.source,
        "path": doc.path,
        "title": doc.title,
        "units": [
            {"start": u.start, "end": u.end, "kind": u.kind, "boilerplate": u.boilerplate, "reason": u.reason}
            for u in doc.units
        ],
    }


def to_dict(al: Alignment) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "a": _doc(al.a),
        "b": _doc(al.b),
        "threshold": al.threshold,
        "pairs": [
            {
                "a": list(p.a),
                "b": list(p.b),
                "score": p.score,
                "relation": p.relation,
                "moved": p.moved,
                "ops": [[o.tag, o.a_start, o.a_end, o.b_start, o.b_end] for o in p.ops],
            }
            for p in al.pairs
        ],
        "stats": dataclasses.asdict(al.stats),
    }


def to_json(al: Alignment, indent: int | None = 1) -> str:
    """The contract as text. `indent=None`: one compact line. Otherwise objects are laid out one
    key a line and every unit, pair or figure of a list on its own compact line: readable, and
    written by the C encoder (json's indented mode is pure Python: seconds on a book)."""
    # ensure_ascii keeps control and bidi characters of titles as \u escapes: inert in any terminal.
    if indent is None:
        return json.dumps(to_dict(al), ensure_ascii=True) + "\n"
    return _layout(to_dict(al), " " * indent, "") + "\n"


_compact = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": ")).encode


def _layout(value: Any, step: str, pad: str) -> str:
    if isinstance(value, dict) and value:
        inner = pad + step
        items = [f"{inner}{_compact(k)}: {_layout(v, step, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value:
        inner = pad + step
        return "[\n" + ",\n".join([inner + _compact(v) for v in value]) + "\n" + pad + "]"
    return _compact(value)
