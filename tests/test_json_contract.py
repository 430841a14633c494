"""Issue 2: the alignment JSON contract (schema rafahdiff/alignment/v1) on every seed pair."""

from __future__ import annotations

import json
from itertools import combinations

import jsonschema
import pytest

from rafahdiff.core import compare, read_source
from rafahdiff.core.export_json import SCHEMA, to_dict, to_json
from tests.conftest import ROOT, SEED_IDS

SCHEMA_DOC = json.loads((ROOT / "core" / "alignment_v1.schema.json").read_text())
PAIRS = list(combinations(SEED_IDS, 2)) + [(s, None) for s in SEED_IDS]


def _check_document(doc: dict, text: str) -> None:
    prev_end = 0
    covered = [False] * len(text)
    for u in doc["units"]:
        assert prev_end <= u["start"] < u["end"] <= len(text)
        assert not text[u["start"]].isspace() and not text[u["end"] - 1].isspace()
        for k in range(u["start"], u["end"]):
            covered[k] = True
        prev_end = u["end"]
        assert (u["boilerplate"] is None) == (u["reason"] is None)
    missing = [k for k, ch in enumerate(text) if not ch.isspace() and not covered[k]]
    assert not missing, f"characters in no unit: {[text[k] for k in missing[:10]]}"


@pytest.mark.parametrize("a,b", PAIRS)
def test_schema_and_invariants(a, b):
    src_a = read_source(a)
    src_b = read_source(b) if b else None
    al = compare(src_a, src_b)
    data = json.loads(to_json(al))
    jsonschema.validate(data, SCHEMA_DOC)
    assert data["schema"] == SCHEMA
    _check_document(data["a"], src_a.text)
    if b:
        _check_document(data["b"], src_b.text)
    seen_a, seen_b = set(), set()
    for p in data["pairs"]:
        assert not (set(p["a"]) & seen_a) and not (set(p["b"]) & seen_b)
        seen_a |= set(p["a"])
        seen_b |= set(p["b"])
        assert all(0 <= i < len(data["a"]["units"]) for i in p["a"])
        assert all(0 <= j < len(data["b"]["units"]) for j in p["b"])
        assert all(data["a"]["units"][i]["boilerplate"] is None for i in p["a"])
        assert all(data["b"]["units"][j]["boilerplate"] is None for j in p["b"])
        for tag, a0, a1, b0, b1 in p.get("ops", []):
            assert 0 <= a0 <= a1 <= len(src_a.text) and 0 <= b0 <= b1 <= len(src_b.text)
    stats = data["stats"]
    assert stats["pairs"] == len(data["pairs"])
    assert stats["moved"] == sum(p["moved"] for p in data["pairs"])
    if b:
        content_a = [i for i, u in enumerate(data["a"]["units"]) if u["boilerplate"] is None]
        assert stats["omitted_units"] == len([i for i in content_a if i not in seen_a])
        content_b = [j for j, u in enumerate(data["b"]["units"]) if u["boilerplate"] is None]
        assert stats["added_units"] == len([j for j in content_b if j not in seen_b])
    assert data == to_dict(al) | {}  # the serialised form is exactly the dict form


def test_title_is_first_heading_of_001():
    data = to_dict(compare(read_source("001")))
    assert data["a"]["title"] == "Rafah Assault on Hold as US-Israel Talks Back On"
    first = data["a"]["units"][0]
    assert first["kind"] == "heading" and first["boilerplate"] is None


def test_schema_rejects_a_broken_document():
    data = to_dict(compare(read_source("001"), read_source("002")))
    data["pairs"].append({"a": [0], "b": [0], "score": 1.5, "relation": "same", "moved": "no"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data)), SCHEMA_DOC)


def test_json_is_ascii_and_parseable_with_hostile_title(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text("Evil \x1b]52;c;aGk=\x07 \u202etitle here now\n\nA body sentence.\n", encoding="utf-8")
    out = to_json(compare(read_source(str(f))))
    assert out.isascii() and "\x1b" not in out
    assert json.loads(out)["a"]["title"].startswith("Evil \x1b]52")


def test_json_text_is_the_contract_one_record_a_line():
    """The written JSON parses back to exactly the contract's data; each unit and pair sits on
    its own line (readable, diffable); indent=None gives one compact line."""
    al = compare(read_source("003"), read_source("004"))
    text = to_json(al)
    assert json.loads(text) == to_dict(al)
    lines = text.splitlines()
    assert sum(line.strip().startswith('{"start": ') for line in lines) == len(al.a.units) + len(al.b.units)
    assert sum(line.strip().startswith('{"a": [') for line in lines) == len(al.pairs)
    compact = to_json(al, indent=None)
    assert compact.count("\n") == 1 and json.loads(compact) == to_dict(al)
    assert text.isascii() and compact.isascii()
