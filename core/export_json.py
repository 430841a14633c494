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
    # ensure_ascii keeps control and bidi characters of titles as \u escapes: inert in any terminal.
    return json.dumps(to_dict(al), ensure_ascii=True, indent=indent) + "\n"
