"""Perturbations whose right answer is known by construction: moves, splits, merges, repeats,
light edits, additions and omissions, boilerplate (built from real seed sentences)."""

from __future__ import annotations

import pytest

from rafahdiff.core.align import align
from rafahdiff.core.model import Document, Unit
from tests.align_helpers import aligned, check_structure, pair_of, plain_doc, unit_with

S = [
    "Israeli plans for a ground invasion of Rafah are on hold as officials work to reschedule a meeting.",
    "The Biden administration expects that there will be no assault on Rafah until after the meeting.",
    "No date for the talks has been set, national security spokesman John Kirby said.",
    "Netanyahu reversed his decision to cancel sending a delegation of war strategists to Washington.",
    "Top Biden officials have urged Israel to abandon plans to attack Rafah, where 1.4 million civilians seek safety.",
    "Defense Secretary Lloyd Austin implored Yoav Gallant to find alternatives that would avoid more casualties.",
    "The death toll in Gaza has topped 32,000, according to Palestinian figures.",
    "Talks in Qatar on a truce in exchange for the release of hostages remain deadlocked.",
]


def text(sents: list[str]) -> str:
    return "\n\n".join(sents) + "\n"


def test_identical_order_pairs_everything_in_place():
    a, b, pairs = aligned(text(S), text(S))
    assert len(pairs) == len(S)
    assert all(p.relation == "identical" and not p.moved for p in pairs)


def test_moved_block_is_marked_moved_and_the_rest_is_not():
    moved = S[1:3]
    b_sents = [S[0]] + S[3:6] + moved + S[6:]
    a, b, pairs = aligned(text(S), text(b_sents))
    assert len(pairs) == len(S) and all(p.relation == "identical" for p in pairs)
    moved_units = {unit_with(a, s[:40]) for s in moved}
    for p in pairs:
        assert p.moved == (p.a[0] in moved_units), a.unit_text(p.a[0])


def test_a_moved_edited_sentence_is_still_found():
    edited = "Talks in Qatar on a ceasefire in exchange for the freeing of hostages are still deadlocked."
    b_sents = [edited] + S[:7]
    a, b, pairs = aligned(text(S), text(b_sents))
    p = pair_of(pairs, "a", unit_with(a, "Talks in Qatar"))
    assert p is not None and p.b == (unit_with(b, "Talks in Qatar"),)
    assert p.moved and p.relation in ("edited", "paraphrase")
    assert sum(q.moved for q in pairs) == 1


def test_deleted_and_inserted_sentences_stay_unpaired():
    extra = "Egyptian mediators met with Qatari officials in Cairo on Sunday evening."
    b_sents = S[:2] + [extra] + S[3:]
    a, b, pairs = aligned(text(S), text(b_sents))
    assert pair_of(pairs, "a", unit_with(a, S[2][:30])) is None
    assert pair_of(pairs, "b", unit_with(b, extra[:30])) is None
    assert len(pairs) == len(S) - 1 and not any(p.moved for p in pairs)


LONG = ("Netanyahu canceled the delegation on Monday to protest a U.S. abstention at the United Nations "
        "Security Council that allowed passage of a resolution calling for an immediate cease-fire in the "
        "Israeli-Hamas war.")
HALF_1 = "Netanyahu canceled the delegation on Monday to protest a U.S. abstention at the United Nations Security Council."
HALF_2 = "The vote allowed passage of a resolution calling for an immediate cease-fire in the Israeli-Hamas war."


def test_split_is_one_pair_with_two_units_on_b():
    a, b, pairs = aligned(text(S[:3] + [LONG] + S[3:]), text(S[:3] + [HALF_1, HALF_2] + S[3:]))
    p = pair_of(pairs, "a", unit_with(a, "Netanyahu canceled"))
    assert p is not None
    assert p.b == (unit_with(b, "Netanyahu canceled"), unit_with(b, "The vote allowed"))
    assert not p.moved and p.relation in ("edited", "paraphrase")
    # The word diff reads both halves as one sequence: both halves' words appear in `equal` ops.
    equal_b = [b.text[op.b_start:op.b_end] for op in p.ops if op.tag == "equal"]
    assert any("Security Council" in t for t in equal_b) and any("Israeli-Hamas war" in t for t in equal_b)


def test_merge_is_one_pair_with_two_units_on_a():
    a, b, pairs = aligned(text(S[:3] + [HALF_1, HALF_2] + S[3:]), text(S[:3] + [LONG] + S[3:]))
    p = pair_of(pairs, "b", unit_with(b, "Netanyahu canceled"))
    assert p is not None
    assert p.a == (unit_with(a, "Netanyahu canceled"), unit_with(a, "The vote allowed"))
    assert len(pairs) == len(S) + 1  # the merged sentence plus every other one


QUOTE = "“We will enter Rafah and we will eliminate the Hamas battalions there,” he said."


@pytest.mark.parametrize("where", [1, 6])
def test_repeated_sentence_pairs_the_occurrence_that_fits_the_order(where):
    a_sents = S[:1] + [QUOTE] + S[1:6] + [QUOTE] + S[6:]
    b_sents = S[:where] + [QUOTE] + S[where:]
    a, b, pairs = aligned(text(a_sents), text(b_sents))
    occurrences = [i for i in range(len(a.units)) if a.unit_text(i) == QUOTE]
    assert len(occurrences) == 2
    expected = occurrences[0] if where == 1 else occurrences[1]
    q = pair_of(pairs, "b", unit_with(b, "We will enter Rafah"))
    assert q is not None and q.a == (expected,) and not q.moved
    assert not any(p.moved for p in pairs)


def test_formulaic_line_repeated_many_times_pairs_in_order():
    line = "Chapter notes follow below."
    a_sents, b_sents = [], []
    for k, s in enumerate(S * 3):
        a_sents += [line, f"{s[:-1]} in part {k}."]
        b_sents += [line, f"{s[:-1]} in part {k}."]
    a, b, pairs = aligned(text(a_sents), text(b_sents))
    assert len(pairs) == len(a.units) and not any(p.moved for p in pairs)
    assert all(p.a == p.b for p in pairs)


@pytest.mark.parametrize("edit", [
    ("“", '"'),           # curly → straight quotes
    (" ", "\u00a0"),      # non-breaking spaces
    ("cease-fire", "ceasefire"),
    ("U.S.", "United States"),
])
def test_trivial_edits_count_as_identical(edit):
    old, new = edit
    sent = "“We urge a cease-fire now,” U.S. officials told Qatari and Egyptian mediators in Doha."
    a, b, pairs = aligned(text(S[:2] + [sent]), text(S[:2] + [sent.replace(old, new)]))
    p = pair_of(pairs, "a", unit_with(a, "mediators in Doha"))
    assert p is not None and p.relation == "identical"


def test_a_changed_word_is_edited_and_the_diff_points_at_it():
    sent = S[4]
    a, b, pairs = aligned(text(S[:4] + [sent]), text(S[:4] + [sent.replace("abandon", "drop")]))
    p = pair_of(pairs, "a", unit_with(a, "Top Biden officials"))
    assert p is not None and p.relation == "edited" and 0.8 <= p.score < 1.0
    changed = [(a.text[op.a_start:op.a_end], b.text[op.b_start:op.b_end]) for op in p.ops if op.tag != "equal"]
    assert changed == [("abandon", "drop")]


def test_boilerplate_is_never_paired_with_content():
    t = text(S)
    a = plain_doc(t, "a")
    units = list(a.units)
    k = unit_with(a, "Netanyahu reversed")
    units[k] = Unit(units[k].start, units[k].end, units[k].kind, "promo", "test")
    b = Document(source="b", path="b", text=t, title="b", units=tuple(units))
    pairs = align(a, b)
    check_structure(a, b, pairs)
    assert pair_of(pairs, "a", k) is None and pair_of(pairs, "b", k) is None
    assert len(pairs) == len(S) - 1


def test_unrelated_texts_share_no_pairs():
    other = [
        "The orchestra opened its winter season with a programme of Brahms and Sibelius.",
        "Critics praised the new conductor for her restraint in the slow movements.",
        "Tickets for the spring concerts go on sale next Monday at the box office.",
    ]
    a, b, pairs = aligned(text(S), text(other))
    assert pairs == ()


def test_empty_and_wordless_documents():
    a, b, pairs = aligned("", text(S))
    assert pairs == ()
    a, b, pairs = aligned("* * *\n\n---\n", "* * *\n\n---\n")
    assert all(p.relation == "identical" for p in pairs)


def test_swapped_paragraphs_mark_the_same_pair_moved_both_ways():
    b_sents = [S[0], S[2], S[1]] + S[3:]
    _, _, ab = aligned(text(S), text(b_sents))
    _, _, ba = aligned(text(b_sents), text(S))
    assert sorted((p.a, p.b, p.moved) for p in ab) == sorted((p.b, p.a, p.moved) for p in ba)
    assert sum(p.moved for p in ab) == 1


def test_wordless_units_pair_with_identical_copies():
    t = "Rafah talks resume after a pause.\n* * *\nThe meeting is set for Monday.\n🕊️\n"
    a, b, pairs = aligned(t, t)
    assert len(pairs) == len(a.units) == 4
    assert all(p.relation == "identical" and not p.moved for p in pairs)


def test_many_near_duplicate_lines_pair_in_order():
    # Every stem is in every line, so the inverted index has nothing rare to go on: the pass
    # along the order between anchors must still pair line k with line k.
    a_lines = [f"The warehouse in Rafah ships crates of flour to the northern depot on day {k % 10}." for k in range(300)]
    b_lines = [line.replace("flour", "rice") for line in a_lines]
    a, b, pairs = aligned("\n".join(a_lines) + "\n", "\n".join(b_lines) + "\n")
    assert len(pairs) == 300
    assert all(p.a == p.b and not p.moved and p.relation == "edited" for p in pairs)


def test_a_list_run_into_one_sentence_takes_its_lines_back_from_a_look_alike():
    """B lists four lines that A runs together in one sentence; one line also looks a little
    like another sentence of A. The line belongs with the sentence that contains it word for
    word, and the look-alike stays unpaired."""
    lines = ["Defense Secretary Lloyd Austin met Yoav Gallant at the Pentagon",
             "the two discussed alternatives to a ground assault on Rafah",
             "humanitarian aid deliveries through the Kerem Shalom crossing",
             "and the release of hostages held in Gaza since October"]
    long = "At the meeting " + ", ".join(lines) + " were all on the agenda."
    look_alike = ("Deliveries through the crossing at Kerem Shalom stopped on Tuesday when settlers "
                  "blocked the only road in, officials said.")
    a, b, pairs = aligned(text([S[0], long, S[1], S[2], S[3], look_alike, S[4]]),
                          text([S[0], "At the meeting:"] + lines + [S[1], S[2], S[3], S[4]]))
    p = pair_of(pairs, "a", unit_with(a, "were all on the agenda"))
    assert p is not None and set(p.b) == {unit_with(b, line[:30]) for line in lines}
    assert pair_of(pairs, "a", unit_with(a, "settlers blocked")) is None
    assert all(pair_of(pairs, "a", unit_with(a, s[:40])).relation == "identical" for s in (S[0], *S[1:5]))
