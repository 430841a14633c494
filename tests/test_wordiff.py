"""Word-level opcodes inside a pair: difflib-compatible tags, offsets into the documents."""

from __future__ import annotations

from rafahdiff.core.wordiff import word_ops


def spans(a: str, b: str, ops):
    return [(op.tag, a[op.a_start:op.a_end], b[op.b_start:op.b_end]) for op in ops]


def test_equal_replace_insert_delete():
    a = "Netanyahu canceled the delegation on Monday."
    b = "Netanyahu canceled a delegation visit on Monday."
    ops = word_ops(a, [(0, len(a))], b, [(0, len(b))])
    assert spans(a, b, ops) == [
        ("equal", "Netanyahu canceled", "Netanyahu canceled"),
        ("replace", "the", "a"),
        ("equal", "delegation", "delegation"),
        ("insert", "", "visit"),
        ("equal", "on Monday", "on Monday"),
    ]
    ops = word_ops(b, [(0, len(b))], a, [(0, len(a))])
    assert [op.tag for op in ops] == ["equal", "replace", "equal", "delete", "equal"]


def test_folded_differences_are_equal():
    a = "“The U.S. wants a cease-fire,” he said."
    b = '"The United States wants a ceasefire," he said.'
    ops = word_ops(a, [(0, len(a))], b, [(0, len(b))])
    assert [op.tag for op in ops] == ["equal"]


def test_ranges_of_a_split_pair_read_as_one_sequence_with_document_offsets():
    a = "xx One long sentence, and a second clause."
    b = "yy One long sentence. And a second clause."
    ops = word_ops(a, [(3, len(a))], b, [(3, 21), (22, len(b))])
    assert spans(a, b, ops) == [("equal", "One long sentence, and a second clause", "One long sentence. And a second clause")]


def test_empty_side():
    a, b = "Hello world.", "..."
    ops = word_ops(a, [(0, len(a))], b, [(0, len(b))])
    assert [(op.tag, op.b_start, op.b_end) for op in ops] == [("delete", 0, 0)]


def test_runaway_units_fall_back_to_head_and_tail(monkeypatch):
    import rafahdiff.core.wordiff as wordiff
    monkeypatch.setattr(wordiff, "MAX_DIFF_CELLS", 1)
    a = "one two three four five six"
    b = "one two seven eight five six"
    ops = word_ops(a, [(0, len(a))], b, [(0, len(b))])
    assert spans(a, b, ops) == [("equal", "one two", "one two"), ("replace", "three four", "seven eight"),
                                ("equal", "five six", "five six")]
