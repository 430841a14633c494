from rafahdiff.core import compare, read_source
from tests.conftest import SEED_IDS


def test_five_seeds_bundled():
    assert SEED_IDS == ["000", "001", "002", "003", "004"]


def test_compare_runs_on_001_002():
    al = compare(read_source("001"), read_source("002"))
    assert al.pairs
    assert al.a.title == "Rafah Assault on Hold as US-Israel Talks Back On"
