"""Issue 6: `--format text` gains the summary header every export shares (figures = JSON stats)."""

from __future__ import annotations

import json
import sys
import re
from itertools import combinations

import pytest

from rafahdiff.core import SourceText, compare, read_source
from rafahdiff.core.export_html import render_html
from rafahdiff.core.export_text import render_text, summary_lines
from rafahdiff.core.rows import LABELS, MARKERS
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


ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("a,b", [("001", "002"), ("003", "004"), ("000", None)])
def test_colour_and_plain_layouts_agree(a, b):
    al = _pair(a, b)
    for width in (50, 100):
        plain = render_text(al, width=width, marks=False)
        coloured = render_text(al, width=width, color=True)
        assert "\x1b[" in coloured and "\x1b[" not in plain
        assert [ln.rstrip() for ln in ANSI_SGR.sub("", coloured).splitlines()] == [
            ln.rstrip() for ln in plain.splitlines()]


def test_changed_words_underlined_in_colour():
    al = _pair("001", "002")
    coloured = render_text(al, width=120, color=True)
    assert re.search(r"\x1b\[(?:[0-9]+;)*4(?:;[0-9]+)*m", coloured)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from rich.cells import cell_len  # noqa: E402

from rafahdiff.core.export_text import wrap_ranges  # noqa: E402

_WORDS = st.lists(st.sampled_from(["a", "bb", "Rafah", "talks", "  ", " ", "\n", "超長い単語", "👍🏽", "x" * 30,
                                   "e\u0301", "—"]), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.integers(min_value=1, max_value=40))
def test_wrap_ranges_fit_and_keep_every_character(text, width):
    ranges = wrap_ranges(text, width)
    lines = [text[s:e] for s, e in ranges]
    for ln in lines:
        # a line only overflows when a single character is wider than the column (CJK in width 1)
        assert cell_len(ln) <= width or len(ln) == 1, (ln, width)
    assert "".join("".join(ln.split()) for ln in lines) == "".join(text.split())
    assert all(s <= e for s, e in ranges) and all(e1 <= s2 for (_, e1), (s2, _) in zip(ranges, ranges[1:]))
    assert len(lines) >= text.count("\n") + 1


def test_wrap_ranges_break_between_words():
    text = "one two three four five six"
    assert [text[s:e] for s, e in wrap_ranges(text, 9)] == ["one two", "three", "four five", "six"]
    long = "abcdefghij"
    assert [long[s:e] for s, e in wrap_ranges(long, 4)] == ["abcd", "efgh", "ij"]
    blank = "a\n\nb"
    assert [blank[s:e] for s, e in wrap_ranges(blank, 4)] == ["a", "", "b"]


_ASCII = st.lists(st.sampled_from(["a", "bb", "Rafah", "talks,", "  ", " ", "\n", "x" * 30, "U.S.", "(VOA)"]),
                  max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ASCII, st.integers(min_value=1, max_value=40))
def test_ascii_wrap_gives_the_lines_of_the_cell_wrap(text, width):
    """Printable ASCII is wrapped by one regex pass; it must cut exactly where the general,
    cell-measuring wrap does."""
    from rafahdiff.core.export_text import _wrap_cells

    general: list[tuple[int, int]] = []
    base = 0
    for para in text.split("\n"):
        _wrap_cells(text, para, base, width, general)
        base += len(para) + 1
    assert wrap_ranges(text, width) == general


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "bb ", " ", "Rafah talks", "x" * 12, ""]),
                          st.sampled_from(["", "cyan", "yellow underline"])), max_size=12),
       st.integers(min_value=1, max_value=15))
def test_coloured_runs_cut_along_the_wrap(runs, width):
    """Each wrapped line of a coloured cell holds exactly its characters, each in its run's style."""
    from rafahdiff.core.export_text import _cut

    plain = "".join(t for t, _ in runs)
    ranges = wrap_ranges(plain, width)
    styles = [s for t, s in runs for _ in t]
    for (s, e), line in zip(ranges, _cut(runs, ranges), strict=True):
        assert "".join(t for t, _ in line) == plain[s:e]
        assert [st_ for t, st_ in line for _ in t] == styles[s:e]
        assert all(t for t, _ in line)


@pytest.mark.parametrize("width", [60, 80])
def test_a_long_summary_line_hangs_under_its_value(width):
    """At 80 columns Rich's wrap put '…content found' and 'on the other side)' at the left
    margin, under the labels; the continuation now starts under the value column, and the
    legend breaks only between its entries."""
    al = _pair("001", "002")
    out = render_text(al, width=width).splitlines()
    rows = build_summary(al).rows
    indent = max(len(r.label) for r in rows) + 2
    labels = tuple(r.label for r in rows)
    start = out.index(next(ln for ln in out if ln.startswith(rows[0].label)))
    legend = next(n for n, ln in enumerate(out) if ln.startswith("= identical"))
    continued = [ln for ln in out[start:legend] if not ln.startswith(labels)]
    assert continued, "no summary line needed a second line at this width"
    for ln in continued:
        assert ln[:indent].strip() == "" and ln[indent] != " ", ln
    legend_text = " ".join(out[legend:legend + 3])
    for key in ("omitted", "added", "boilerplate"):
        assert f"{MARKERS[key]} {LABELS[key]}" in legend_text
    assert max(len(ln) for ln in out) <= width


def test_changed_words_are_marked_without_colour():
    """Piped or NO_COLOR, a pair's changes did not show at all (colour was their only mark)."""
    al = _pair("001", "002")
    plain = render_text(al, width=120)
    assert "\x1b[" not in plain
    row = next(ln for ln in plain.splitlines() if "he said" in ln.lower() and "date for the talks" in ln)
    assert "[-" in row and "-]" in row and "{+" in row and "+}" in row
    assert "[-words-] / {+words+}" in plain  # explained in the legend
    coloured = render_text(al, width=120, color=True)
    assert "[-" not in ANSI_SGR.sub("", coloured).split("A 001", 1)[1]  # colour needs no marks
    one = render_text(_pair("001", None), width=120)
    assert "{+words+}" not in one  # nothing to compare with one document
    assert "≈ paraphrase" not in one and "# boilerplate" in one  # nor pair markers to explain


# ---- emoji sequences on a terminal: B's column must start where Rich measured it ------------

_EMOJI_TEXT = (
    "Family 👨‍👩‍👧 and flags 🇺🇸 at the crossing\n\n"
    "The family 👨‍👩‍👧 arrived in Rafah on Monday with many others from the north.\n\n"
    "A firefighter 👩🏽‍🚒 was seen near a heart ❤️ and fire ❤️‍🔥 drawn on a wall on Monday.\n\n"
    "Thumbs 👍🏽 up from the crowd, and a conjunct क्‍ष in Hindi on Monday.\n"
)


def _codepoint_cells(text: str) -> int:
    """Cells as a terminal without grapheme clustering draws them: one width per code point."""
    from rich.cells import get_character_cell_size
    return sum(get_character_cell_size(ch) for ch in text)


def _emoji_alignment():
    from rafahdiff.core.reading import read_bytes_source
    a = read_bytes_source(_EMOJI_TEXT.encode(), "emoji 👩🏽‍🚒 a.txt", "a.txt")
    b = read_bytes_source(_EMOJI_TEXT.replace("Monday", "Tuesday").encode(), "emoji-b.txt", "b.txt")
    return compare(a, b)


@pytest.mark.parametrize("color", [False, True])
def test_text_for_a_terminal_draws_emoji_sequences_as_parts(color):
    """A ZWJ sequence is 2 cells for Rich and 6 for a per-code-point terminal, ❤️ 2 and 1, 👍🏽 2
    and 4 in tmux: the B column of those rows moved. On a terminal the text is drawn as in the app."""
    out = render_text(_emoji_alignment(), width=90, color=color, terminal=True)
    plain = re.sub("\x1b\\[[0-9;]*m", "", out)
    assert "👨" in plain and "🚒" in plain and "❤" in plain and "👍" in plain
    assert not set(plain) & {"\u200d", "\ufe0f"}
    assert not any(0x1F3FB <= ord(c) <= 0x1F3FF for c in plain)
    columns = set()
    for line in plain.splitlines():
        from rich.cells import cell_len
        assert cell_len(line) == _codepoint_cells(line), line
        m = re.search(r"  [=~≈?+↕#-]  ", line[3:])
        if m and line[:1] in "=~≈?-↕#":
            columns.add(_codepoint_cells(line[:3 + m.start()]))
    assert len(columns) == 1


def test_text_file_form_keeps_emoji_sequences_whole():
    out = render_text(_emoji_alignment(), width=90)
    assert "👨\u200d👩\u200d👧" in out and "👍🏽" in out and "❤️" in out


def test_cli_text_on_a_terminal_draws_emoji_as_parts_and_a_file_keeps_them(capsys, monkeypatch, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_EMOJI_TEXT, encoding="utf-8")
    b.write_text(_EMOJI_TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    shown = run_cli([str(a), str(b), "--format", "text", "--width", "90"], capsys).out
    assert "👨👩👧" in shown and "\u200d" not in shown
    report = tmp_path / "r.txt"
    assert run_cli([str(a), str(b), "--format", "text", "-o", str(report)], capsys).code == 0
    assert "👨\u200d👩\u200d👧" in report.read_text(encoding="utf-8")


# ---- a moved row says which sentence its partner is ------------------------------------------

def _moved_alignment():
    paragraphs = [p for p in read_source("001").text.split("\n\n") if p.strip()]
    moved = paragraphs[:2] + paragraphs[3:-1] + [paragraphs[2]] + paragraphs[-1:]
    return compare(read_source("001"), SourceText("moved.txt", "moved.txt", "\n\n".join(moved)))


def test_moved_rows_quote_the_partner_in_text_and_markdown():
    """'(moved: B #13)' alone could not be followed: the text export numbers no unit, and the
    number counts furniture too. The partner's first words now follow it, as in Markdown."""
    from rafahdiff.core.export_markdown import render_markdown
    al = _moved_alignment()
    assert al.stats.moved >= 1
    plain = " ".join(render_text(al, width=400).split())
    md = render_markdown(al)
    for p in (p for p in al.pairs if p.moved):
        for side, here, there, doc in (("a", p.a, p.b, al.b), ("b", p.b, p.a, al.a)):
            u = doc.units[there[0]]
            words = doc.text[u.start:u.end].split()[:3]  # the quote's opening words
            quote = " ".join(words).lstrip("\"“")
            label = f"(moved: {'B' if side == 'a' else 'A'} #{there[0] + 1} “{quote}"
            assert label in plain
            assert f"*(moved: {'B' if side == 'a' else 'A'} #{there[0] + 1} “" in md
            assert "““" not in plain and "““" not in md


def test_moved_quote_of_a_quoted_sentence_has_one_pair_of_quote_marks():
    from rafahdiff.core.export_markdown import render_markdown
    paragraphs = [p for p in read_source("001").text.split("\n\n") if p.strip()]
    quoted = "“We are not going to allow an assault on Rafah before the meeting,” the official said."
    a_text = "\n\n".join([quoted] + paragraphs[1:6])
    b_text = "\n\n".join(paragraphs[1:6] + [quoted])
    al = compare(SourceText("a.txt", "a.txt", a_text), SourceText("b.txt", "b.txt", b_text))
    assert al.stats.moved >= 1
    plain = " ".join(render_text(al, width=400).split())
    assert "“We are not going to allow …”" in plain and "““" not in plain
    assert "““" not in render_markdown(al)


def test_moved_quote_of_unspaced_text_is_short():
    """Six 'words' of Chinese are six sentences: the quote is cut by characters too."""
    from rafahdiff.core.rows import QUOTE_CHARS, build_rows, partner_quote
    lines = ["以色列和美国官员正在重新安排一次会议以讨论拉法的军事行动计划白宫周四宣布了这一消息。",
             "拜登政府预计至少在会议结束之前不会对拉法发动袭击国家安全通讯顾问柯比在简报会上说。",
             "会谈日期尚未确定他说会议恢复是因为内塔尼亚胡改变了取消派遣代表团的决定这是个好消息。",
             "内塔尼亚胡周一取消了代表团以抗议美国在联合国安理会投弃权票该决议呼吁立即停火并释放人质。"]
    al = compare(SourceText("a.txt", "a.txt", "\n\n".join(lines)),
                 SourceText("b.txt", "b.txt", "\n\n".join(lines[1:] + lines[:1])))
    moved = [r for r in build_rows(al) if r.kind == "moved"]
    assert moved
    for row in moved:
        side = "a" if row.a else "b"
        quote = partner_quote(al, row, side)
        assert quote.endswith(" …") and len(quote) <= QUOTE_CHARS + 2
