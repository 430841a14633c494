"""Issue 6: `--format text` gains the summary header every export shares (figures = JSON stats)."""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import render_html
from rafahdiff.core.export_text import render_text, summary_lines
from rafahdiff.core.summary import build_summary, figures
from tests.cli_helpers import run_cli
from tests.conftest import SEED_IDS
from tests.html_check import check_html
from tests.test_export_html import HOSTILE_A, HOSTILE_B

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _pair(a, b):
    return compare(read_source(a), read_source(b) if b else None)


def _numbers(line: str) -> list[tuple[str, str]]:
    return re.findall(r"(\d+(?:\.\d+)?)(%?)", line)


@pytest.mark.parametrize("a,b", list(combinations(SEED_IDS, 2)) + [(s, None) for s in SEED_IDS])
def test_summary_header_equals_json_stats(a, b, capsys):
    args = [a] + ([b] if b else [])
    stats = json.loads(run_cli([*args, "--json"], capsys).out)["stats"]
    out = run_cli([*args, "--format", "text", "--width", "200"], capsys).out
    al = _pair(a, b)
    summary = build_summary(al)
    lines = out.splitlines()
    assert lines[0].startswith("A: ") and (b is None or lines[1].startswith("B: "))
    header = lines[2 if b else 1:][:len(summary.rows)]
    for r, line in zip(summary.rows, header):
        assert line.startswith(r.label)
        value = line[len(r.label):].split("  (")[0]  # the note in parentheses may hold no digits
        figs = [*r.a, *r.b, *r.both]
        nums = _numbers(value)
        assert len(nums) == len(figs), (line, figs)
        for f, (num, pct) in zip(figs, nums):
            if pct:
                assert abs(float(num) / 100 - stats[f.stat]) <= 0.0005 + 1e-9, (f.stat, line)
            else:
                assert int(num) == stats[f.stat], (f.stat, line)
    # the summary comes before the side-by-side table
    assert out.index(summary.rows[-1].label) < out.index("A " + a)


@pytest.mark.parametrize("a,b", [("001", "002"), ("003", "000"), ("004", None)])
def test_text_and_html_show_the_same_figures(a, b):
    al = _pair(a, b)
    html_figs = [shown for _, _, shown in check_html(render_html(al)).stats]
    text = "\n".join(summary_lines(al))
    pos = 0
    for shown in html_figs:  # same figures, same order
        pos = text.index(shown, pos) + len(shown)
    assert [f.text for f in figures(build_summary(al))] == html_figs


def test_summary_wraps_within_width():
    al = _pair("003", "004")
    for width in (40, 72, 100):
        out = render_text(al, width=width)
        assert max(len(ln) for ln in out.splitlines()) <= width


def test_hostile_titles_never_reach_the_terminal_raw():
    al = compare(SourceText("\x1b]52;c;ZXZpbA==\x07a", "/tmp/a", "\u202eTitle\x1b[2J\nbody line.\n" + HOSTILE_A),
                 SourceText("b\u2066", "/tmp/b", HOSTILE_B))
    out = render_text(al, width=120)
    assert not UNSAFE.search(out)
    head = summary_lines(al)
    assert all("\n" not in ln for ln in head)
    assert not any(UNSAFE.search(ln) for ln in head)
