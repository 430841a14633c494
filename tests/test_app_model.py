"""The app's pure layer: wrapping, row model (fold/hide/search) and the mirrored alignment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from rafahdiff.core import DEFAULT_THRESHOLD, compare, read_source
from rafahdiff.core.rows import build_rows, mirror
from rafahdiff.tui.rowmodel import RowModel
from rafahdiff.tui.wrap import wrap_offsets

from .app_support import synthetic_alignment

WORDS = st.text(alphabet=st.sampled_from("abcdefghij KLM.,é漢字🙂\u0301"), min_size=0, max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=WORDS, width=st.integers(min_value=1, max_value=60))
def test_wrap_keeps_every_visible_character_in_order_within_width(text, width):
    lines = wrap_offsets(text, width)
    assert lines
    prev = 0
    for s, e in lines:
        assert prev <= s <= e <= len(text)
        assert text[prev:s].strip(" ") == ""  # only spaces are dropped, at breaks
        piece = text[s:e]
        assert cell_len(piece) <= width or len(piece) == 1
        prev = e
    assert text[prev:].strip(" ") == ""


def test_wrap_breaks_at_spaces_when_it_can():
    lines = wrap_offsets("the quick brown fox", 10)
    assert ["the quick brown fox"[s:e] for s, e in lines] == ["the quick", "brown fox"]


def test_wrap_cuts_a_word_longer_than_the_line():
    lines = wrap_offsets("abcdefghijkl", 5)
    assert ["abcdefghijkl"[s:e] for s, e in lines] == ["abcde", "fghij", "kl"]


def test_wrap_measures_wide_characters_in_cells():
    text = "漢字漢字漢字"
    lines = wrap_offsets(text, 4)
    assert all(cell_len(text[s:e]) <= 4 for s, e in lines)
    assert len(lines) == 3


def test_mirror_twice_is_the_original_and_swaps_sides():
    al = compare(read_source("001"), read_source("002"), DEFAULT_THRESHOLD)
    m = mirror(al)
    assert m.a is al.b and m.b is al.a
    assert [(p.a, p.b) for p in m.pairs] == [(p.b, p.a) for p in al.pairs]
    assert m.stats.added_units == al.stats.omitted_units
    assert m.stats.a_reused_share == al.stats.b_reused_share
    back = mirror(m)
    assert back.pairs == al.pairs and back.stats == al.stats
    for p in m.pairs:  # word ops point into the right texts after mirroring
        for op in p.ops:
            assert op.a_end <= len(m.a.text) and op.b_end <= len(m.b.text)
    assert len(build_rows(m)) >= 1


def test_hiding_boilerplate_keeps_every_other_row_in_order():
    model = RowModel(synthetic_alignment())
    before = [v.first for v in model.visible]
    model.hide_boilerplate = True
    model.rebuild()
    after = [v.first for v in model.visible]
    assert after == [r for r in before if model.rows[r].kind != "boilerplate"]


def test_diff_only_folds_exactly_the_identical_runs():
    model = RowModel(synthetic_alignment())
    model.diff_only = True
    model.rebuild()
    covered = []
    for v in model.visible:
        covered.extend(range(v.first, v.last + 1))
        states = {model.states[r] for r in range(v.first, v.last + 1)}
        assert (states == {"identical"}) == v.folded
    assert covered == list(range(len(model.rows)))


def test_layout_heights_add_up_and_lines_map_back_to_rows():
    model = RowModel(synthetic_alignment())
    model.layout(50)
    assert model.total_lines == sum(model.heights)
    for i in range(len(model.visible)):
        assert model.row_at_line(model.starts[i]) == (i, 0)
        assert model.row_at_line(model.starts[i] + model.heights[i] - 1)[0] == i


def test_search_is_case_insensitive_and_reports_both_sides():
    model = RowModel(synthetic_alignment())
    hits = model.search("SENTENCE TWO")
    assert {h.side for h in hits} == {"a", "b"}
    for h in hits:
        plain = model.side_text(model.visible[h.row].first, h.side).plain
        assert plain[h.start:h.end].lower() == "sentence two"


def test_large_documents_lay_out_without_rendering():
    """30,000 sentences a side: the model wraps all rows but builds no Rich text."""
    sentences = [f"Sentence number {i} says something about item {i % 97}." for i in range(30000)]
    from .app_support import _doc  # noqa: PLC0415 - helper shared with the synthetic alignment

    a = _doc("big-a", sentences, {})
    b = _doc("big-b", sentences[::-1][:10] + sentences[10:], {})
    from rafahdiff.core.model import Alignment, Pair
    from rafahdiff.core.stats import compute_stats

    pairs = tuple(Pair((i,), (i,), 1.0, "identical") for i in range(10, 30000))
    al = Alignment(a=a, b=b, pairs=pairs, stats=compute_stats(a, b, pairs), threshold=0.5)
    model = RowModel(al)
    model.layout(120)
    assert len(model.visible) == len(model.rows) >= 30000
    assert model.total_lines >= 2 * 30000


@settings(max_examples=500, deadline=None)
@given(text=st.text(min_size=0, max_size=80))
def test_the_sanitiser_fast_path_never_skips_text_terminal_text_would_change(text):
    from rafahdiff.core.sanitize import terminal_text
    from rafahdiff.tui.rowmodel import shown, surely_safe

    if surely_safe(text):
        assert terminal_text(text) == text
    assert shown(text) == terminal_text(text).replace("\n", " ")


def test_the_sanitiser_fast_path_on_hostile_samples():
    from rafahdiff.core.sanitize import terminal_text
    from rafahdiff.tui.rowmodel import shown

    for sample in ("a\u0301\u0301\u0301\u0301\u0301\u0301b", "x\ufe0fy", "tag\U000e0041", "\u3164x",
                   "\x1b[31mred", "bidi\u202eevil", "nul\x00", "zw\u200bsp", "emoji 👩🏽\u200d🚒",
                   "thumbs 👍🏽 up", "lone 🏽 tone"):
        assert shown(sample) == terminal_text(sample).replace("\n", " ")


def test_single_cell_fast_path_agrees_with_rich_cell_widths():
    from rafahdiff.tui.wrap import _SINGLE_CELL

    for cp in range(0x20, 0x2800):
        ch = chr(cp)
        if _SINGLE_CELL.fullmatch(ch):
            assert cell_len(ch) == 1, hex(cp)


def test_search_finds_text_inside_folded_rows_on_their_summary_row():
    model = RowModel(synthetic_alignment())
    model.diff_only = True
    model.rebuild()
    hits = model.search("zeta")
    assert hits
    assert all(model.visible[h.row].folded for h in hits)


def test_the_same_furniture_on_both_pages_shares_one_row():
    """A page against an update of itself: boilerplate is never paired, so every byline and
    'Posted Under' line stood twice, on two rows (A's, then B's). The same furniture met at the
    same point of both pages is one boilerplate row; other furniture stays one-sided."""
    from rafahdiff.core import SourceText

    a_text = read_source("001").text
    b_text = a_text.replace("No date for the talks has been set, he said.",
                            "No date for the talks has been set yet, he said.")
    b_text = b_text.replace("Posted Under", "Posted Under\n\nFollow us on Twitter for more news")
    al = compare(SourceText("old", "old", a_text), SourceText("new", "new", b_text),
                 threshold=DEFAULT_THRESHOLD)
    rows = build_rows(al)
    seen_a = sorted(k for r in rows for k in r.a)
    seen_b = sorted(k for r in rows for k in r.b)
    assert seen_a == list(range(len(al.a.units))) and seen_b == list(range(len(al.b.units)))
    shared = [r for r in rows if r.kind == "boilerplate" and r.a and r.b]
    assert shared, "the shared furniture is still on two rows"
    for r in shared:
        ua, ub = al.a.units[r.a[0]], al.b.units[r.b[0]]
        assert al.a.text[ua.start:ua.end] == al.b.text[ub.start:ub.end]
    follow = [r for r in rows if r.b and "Follow us" in al.b.text[al.b.units[r.b[0]].start:al.b.units[r.b[0]].end]]
    assert len(follow) == 1 and follow[0].a == () and follow[0].kind == "boilerplate"
    model = RowModel(al)  # the view draws both halves with their category
    i = model.visible_index_of(rows.index(shared[0]))
    cat = f"[{al.a.units[shared[0].a[0]].boilerplate}]"
    assert cat in model.side_text(model.visible[i].first, "a").plain
    assert cat in model.side_text(model.visible[i].first, "b").plain


def test_changed_words_apart_by_a_space_are_one_highlight():
    """The app marked 'is' and 'back on' as two islands with an unmarked space between them,
    where the HTML and text reports mark the phrase 'is back on' (core/highlight.changed_spans)."""
    from rafahdiff.core.highlight import changed_spans, pieces
    from rafahdiff.core.sanitize import display_text

    al = compare(read_source("001"), read_source("002"), threshold=DEFAULT_THRESHOLD)
    model = RowModel(al)
    checked = 0
    for r, row in enumerate(model.rows):
        if row.pair is None or row.kind != "pair":
            continue
        for side, doc, idx in (("a", al.a, row.a), ("b", al.b, row.b)):
            st = model.side_text(r, side)
            got = [st.plain[s:e] for s, e, kind in st.marks if kind == "change"]
            spans = changed_spans(al.pairs[row.pair], side, doc.text)
            want = [display_text(p) for k in idx for p, ch in pieces(doc.text, doc.units[k].start, doc.units[k].end, spans) if ch]
            assert got == want, (side, got, want)
            checked += len(want)
    assert checked
    row = next(r for r in range(len(model.rows)) if "is back on" in model.side_text(r, "a").plain)
    st = model.side_text(row, "a")
    assert "is back on" in [st.plain[s:e] for s, e, _ in st.marks]


def test_a_page_of_only_hidden_furniture_says_so_not_that_it_holds_no_units():
    """With every row boilerplate and b pressed, the panel said 'the documents hold no units'."""
    from rafahdiff.core import SourceText, compare
    from rafahdiff.tui.details import details_text
    menu = "Home\nNews\nSports\nSubscribe\nSign in\nShare this article\nFollow us on Twitter\nPrivacy Policy\n"
    model = RowModel(compare(SourceText("menu.txt", "menu.txt", menu), None))
    assert model.rows and all(r.kind == "boilerplate" for r in model.rows)  # the premise
    model.hide_boilerplate = True
    model.rebuild()
    assert not model.visible
    text = details_text(model, 0, "a").plain
    assert "hold no units" not in text
    assert f"all {len(model.rows)} rows are boilerplate" in text and "press b" in text
