from __future__ import annotations

from pathlib import Path

import pytest

from rafahdiff.core import read_source
from rafahdiff.core.seeds import list_seeds

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_IDS = [s.id for s in list_seeds()]


@pytest.fixture(scope="session")
def seed_text():
    def load(seed_id: str):
        return read_source(seed_id)
    return load
