"""Placeholder until the Textual app lands: prints the text rendering."""

from __future__ import annotations

import shutil
import sys

from rafahdiff.core import compare
from rafahdiff.core.export_text import render_text


def run_app(a, b, threshold: float) -> int:
    al = compare(a, b, threshold=threshold)
    sys.stdout.write(render_text(al, width=shutil.get_terminal_size().columns, color=True))
    return 0
