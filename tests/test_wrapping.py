"""Hard-wrapped text whose paragraphs are separated by a single newline (wire copy, e-mail).

`unwrap` used to turn every break between non-blank lines into a space, so the headline above the
first paragraph became that paragraph's opening words (the title, the first pair and the
boilerplate reading all changed). A break that left room for the next word stays a break.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rafahdiff.core import read_source
from rafahdiff.core.model import SourceText
from rafahdiff.core.pipeline import analyse
from rafahdiff.core.segment import segment
from rafahdiff.core.wrapping import looks_hard_wrapped, unwrap, wrap_width
from tests.conftest import SHARED


def _paragraphs(seed_id: str) -> list[str]:
    return [ln.strip() for ln in read_source(seed_id).text.splitlines() if ln.strip()]


def _wire(seed_id: str, width: int) -> str:
    """The seed as wire copy: each paragraph wrapped at `width`, one newline between them."""
    return "\n".join(_fill(p, width) for p in _paragraphs(seed_id))


def _fill(paragraph: str, width: int) -> str:
    return textwrap.fill(paragraph, width, break_on_hyphens=False)


def _units(text: str) -> list[str]:
    return [" ".join(text[s.start:s.end].split()) for s in segment(text)]


def _room(line: str, following: str) -> int:
    """Width a line needed to take the next line's first word too."""
    return len(line) + 1 + len(following.split(None, 1)[0])


@pytest.mark.parametrize("seed_id", ["001", "002", "003"])
@pytest.mark.parametrize("width", [64, 72, 80])
def test_wrap_width_is_read_from_the_soft_breaks(seed_id, width):
    got = wrap_width(_wire(seed_id, width).split("\n"))
    assert got is not None and width - 12 <= got <= width


@pytest.mark.parametrize("seed_id", ["001", "002", "003"])
@pytest.mark.parametrize("width", [64, 72, 80])
def test_headline_keeps_its_own_line_in_wire_copy(seed_id, width):
    wire = _wire(seed_id, width)
    assert looks_hard_wrapped(wire)
    paragraphs = _paragraphs(seed_id)
    headline = analyse(read_source(seed_id)).title
    following = paragraphs[paragraphs.index(headline) + 1]
    if _room(headline, following) > wrap_width(wire.split("\n")):
        pytest.skip("the headline fills the line: a wrapper could have broken there")
    assert analyse(SourceText(seed_id, seed_id, wire)).title == headline
    assert headline in _units(unwrap(wire))


@pytest.mark.parametrize("seed_id", ["001", "002", "003"])
@pytest.mark.parametrize("width", [64, 72, 80])
def test_no_sentence_is_cut_at_a_soft_break(seed_id, width):
    """Every break inside a wrapped paragraph still becomes a space, capitalised word or not;
    a paragraph's end stays a line break when its last line had room for the next word."""
    wire = _wire(seed_id, width)
    flat = unwrap(wire)
    assert len(flat) == len(wire)
    limit = wrap_width(wire.split("\n"))
    paragraphs = _paragraphs(seed_id)
    pos = 0
    for p, nxt in zip(paragraphs, paragraphs[1:] + [""]):
        wrapped = _fill(p, width)
        assert "\n" not in flat[pos:pos + len(wrapped)]
        last = wrapped.rsplit("\n", 1)[-1]
        if nxt and _room(last, nxt) <= limit:
            assert flat[pos + len(wrapped)] == "\n", last
        pos += len(wrapped) + 1


def test_byline_and_dateline_lines_stay_lines():
    body = _fill(" ".join(_paragraphs("001")[1:4]), 70)
    wire = "Rafah assault on hold\nBy Jane Doe, Staff Writer\nMarch 28, 2024\n" + body
    units = _units(unwrap(wire))
    assert units[:3] == ["Rafah assault on hold", "By Jane Doe, Staff Writer", "March 28, 2024"]


def test_ragged_lines_have_no_width_and_join_as_before():
    """Lines of every length (Project Gutenberg copies as in PAN): no width is read, so every
    break between non-blank lines is a space, as it always was."""
    susp = sorted((SHARED / "bench-data" / "pan13-train-sample" / "susp").glob("*.txt"))
    checked = 0
    for path in susp:
        text = path.read_text(encoding="utf-8", errors="replace")
        if not looks_hard_wrapped(text):
            continue
        lines = text.split("\n")
        assert wrap_width(lines) is None, path.name
        checked += 1
    if not checked:
        pytest.skip("no PAN data")
    ragged = "A short line\n" + "x" * 150 + " goes\non here and\nNext line\n"
    assert wrap_width(ragged.split("\n")) is None


def test_a_furniture_line_inside_wire_copy_stays_its_own_line():
    """'Advertisement' between two wrapped paragraphs was glued to the next sentence
    ('Advertisement The meeting is back on…'), so no furniture reading could see it."""
    paragraphs = _paragraphs("001")
    wire = "\n".join([_fill(p, 72) for p in paragraphs[:3]] + ["Advertisement"]
                     + [_fill(p, 72) for p in paragraphs[3:6]])
    assert "Advertisement" in _units(unwrap(wire))
