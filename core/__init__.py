"""rafahdiff.core: the pure alignment library (no Textual, no terminal I/O).

Stages, each in its own module: reading → segment → boilerplate → score → align → stats → export_*.

The names below are loaded on first use (PEP 562): `import rafahdiff.core.model` or `.reading`
then costs only that module, not the whole engine (its regexes and tables take a few hundred
milliseconds to import), which lets the app start drawing while the engine loads elsewhere.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import InputError
    from .model import Alignment, Document, Pair, SourceText, Stats, Unit, WordOp
    from .pipeline import analyse, compare
    from .reading import MAX_INPUT_BYTES, read_source
    from .score import DEFAULT_THRESHOLD

#: Public name → the module of this package that defines it.
_HOME = {
    "InputError": "errors",
    "Alignment": "model", "Document": "model", "Pair": "model", "SourceText": "model", "Stats": "model",
    "Unit": "model", "WordOp": "model",
    "analyse": "pipeline", "compare": "pipeline",
    "MAX_INPUT_BYTES": "reading", "read_source": "reading",
    "DEFAULT_THRESHOLD": "score",
}

__all__ = [
    "Alignment", "DEFAULT_THRESHOLD", "Document", "InputError", "MAX_INPUT_BYTES", "Pair",
    "SourceText", "Stats", "Unit", "WordOp", "analyse", "compare", "read_source",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
