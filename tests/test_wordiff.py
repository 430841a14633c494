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


def test_ops_from_lengths_matches_the_general_path():
    """The one-plain-unit-a-side fast path gives exactly the general path's ops, including
    insertions after the last word, deletions at the start and units with leading spaces."""
    import random

    from rafahdiff.core.normalise import split_words
    from rafahdiff.core.wordiff import ops_from_lengths

    rnd = random.Random(3)
    vocab = "the a delegation visit canceled on Monday talks Rafah 1.4 don't cease-fire".split()
    for _ in range(300):
        wa = [rnd.choice(vocab) for _ in range(rnd.randint(1, 9))]
        wb = [w for w in wa if rnd.random() > 0.3] + [rnd.choice(vocab) for _ in range(rnd.randint(0, 3))]
        rnd.shuffle(wb) if rnd.random() < 0.2 else None
        pre_a, pre_b = "x" * rnd.randint(0, 5) + "  ", "  " * rnd.randint(0, 2)
        a = pre_a + " ".join(wa) + "."
        b = pre_b + "  ".join(wb) + "!"
        sa, sb = len(pre_a), len(pre_b)
        parts_a, parts_b = split_words(a, sa, len(a)), split_words(b, sb, len(b))
        ka, kb = parts_a[1::2], parts_b[1::2]
        fast = ops_from_lengths(ka, [len(p) for p in parts_a], sa, kb, [len(p) for p in parts_b], sb)
        assert fast == word_ops(a, [(sa, len(a))], b, [(sb, len(b))]), (a, b)


def test_a_changed_initialism_is_marked_with_its_final_dot():
    a = "Officials met in Cairo."
    b = "U.S. officials met in Cairo."
    ops = word_ops(a, [(0, len(a))], b, [(0, len(b))])
    assert spans(a, b, ops)[0] == ("insert", "", "U.S.")


def test_a_figure_in_words_equals_it_in_digits():
    a = "more than a million people"
    b = "more than 1 million people"
    assert [op.tag for op in word_ops(a, [(0, len(a))], b, [(0, len(b))])] == ["equal"]
