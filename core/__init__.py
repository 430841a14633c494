"""rafahdiff.core: the pure alignment library (no Textual, no terminal I/O).

Stages, each in its own module: reading → segment → boilerplate → score → align → stats → export_*.
"""

from .errors import InputError
from .model import Alignment, Document, Pair, SourceText, Stats, Unit, WordOp
from .pipeline import analyse, compare
from .reading import MAX_INPUT_BYTES, read_source
from .score import DEFAULT_THRESHOLD

__all__ = [
    "Alignment", "DEFAULT_THRESHOLD", "Document", "InputError", "MAX_INPUT_BYTES", "Pair",
    "SourceText", "Stats", "Unit", "WordOp", "analyse", "compare", "read_source",
]
