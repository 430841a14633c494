"""Hard-wrapped prose (e-mail, PDF copies, Gutenberg) is read with its soft line breaks as spaces."""

from __future__ import annotations

import textwrap

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.pipeline import analyse

PARAS = [
    "Israeli Prime Minister Benjamin Netanyahu canceled the delegation on Monday to protest a U.S. "
    "abstention on a United Nations Security Council resolution that demanded a ceasefire in Gaza. "
    "The White House said it was perplexed by the decision and that the vote did not mark a change "
    "in policy.",
    "Israeli officials had been scheduled to travel to Washington this week to discuss alternatives "
    "to a ground offensive in the southern city of Rafah, where more than a million displaced "
    "Palestinians are sheltering. Strategic Affairs Minister Ron Dermer and National Security "
    "Adviser Tzachi Hanegbi were to lead the talks, which could now take place later.",
    "The resolution passed with fourteen votes in favour after the United States chose not to use "
    "its veto, a decision that angered the Israeli government and its allies in the region.",
]
WRAPPED = "Netanyahu cancels Washington visit\n\n" + "\n\n".join(textwrap.fill(p, 64) for p in PARAS) + "\n"
FLOWING = "Netanyahu cancels Washington visit\n\n" + "\n\n".join(PARAS) + "\n"


def test_a_sentence_broken_over_lines_is_one_unit():
    doc = analyse(SourceText("w", "w", WRAPPED))
    texts = [" ".join(doc.unit_text(i).split()) for i in range(len(doc.units))]
    assert texts[0] == "Netanyahu cancels Washington visit"
    assert doc.units[0].kind == "heading"
    assert [u.kind for u in doc.units[1:]] == ["sentence"] * (len(doc.units) - 1)
    assert texts[1].startswith("Israeli Prime Minister") and texts[1].endswith("ceasefire in Gaza.")
    flowing = analyse(SourceText("f", "f", FLOWING))
    assert [(u.start, u.end, u.kind) for u in doc.units] == [(u.start, u.end, u.kind) for u in flowing.units]
    assert len(doc.units) == 6  # the headline and five sentences


def test_unwrapped_text_keeps_every_offset():
    doc = analyse(SourceText("w", "w", WRAPPED))
    assert len(doc.text) == len(WRAPPED)
    assert [c for c in doc.text if not c.isspace()] == [c for c in WRAPPED if not c.isspace()]
    assert all(x == y or (x == "\n" and y == " ") for x, y in zip(WRAPPED, doc.text))
    covered = sorted(k for u in doc.units for k in range(u.start, u.end) if not WRAPPED[k].isspace())
    assert covered == [k for k, c in enumerate(WRAPPED) if not c.isspace()]
    assert "\n\n" in doc.text  # paragraph breaks stay


def test_wrapped_and_flowing_copies_pair_sentence_for_sentence():
    al = compare(SourceText("a", "a", WRAPPED), SourceText("b", "b", FLOWING))
    assert len(al.a.units) == len(al.b.units)
    assert [(p.a, p.b, p.relation) for p in al.pairs] == [((k,), (k,), "identical") for k in range(len(al.a.units))]


def test_web_pages_are_read_line_by_line():
    for seed in ("000", "001", "002", "003", "004"):
        src = read_source(seed)
        assert analyse(src).text is src.text
