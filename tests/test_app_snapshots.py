"""Snapshot tests of the app on real seed pairs (pytest-textual-snapshot).

The engine is being rewritten in parallel, so these snapshots are regenerated with
`pytest tests/test_app_snapshots.py --snapshot-update` whenever its output legitimately changes.
"""

from __future__ import annotations

import pytest

from rafahdiff.core import DEFAULT_THRESHOLD, read_source
from rafahdiff.tui.app import RafahdiffApp

PAIRS = [("001", "002"), ("003", "004")]
SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("hidden", [False, True], ids=["boilerplate-shown", "boilerplate-hidden"])
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "-".join(p))
def test_app_snapshot(snap_compare, pair, hidden, size):
    a, b = pair
    app = RafahdiffApp(read_source(a), read_source(b), DEFAULT_THRESHOLD)
    # Move past the first rows so boilerplate near the top is on screen in both states.
    assert snap_compare(app, terminal_size=size, press=(["b"] if hidden else []) + ["G", "g"])
