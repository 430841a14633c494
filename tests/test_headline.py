"""The headline of a copied page: the heading-shaped line above the body whose words the body repeats."""

from __future__ import annotations

from rafahdiff.core import headline as hl
from rafahdiff.core.boilerplate_features import STOPWORDS
from rafahdiff.core.model import SourceText
from rafahdiff.core.pipeline import analyse

BODY = [
    "The city council approved the new harbour bridge budget on Tuesday after a long debate.",
    "Mayor Ana Ruiz said the harbour bridge would open to traffic in 2027 if the budget holds.",
    "Opponents of the bridge argued that the council should have waited for the traffic study.",
    "The budget includes funds for a cycle lane and a pedestrian walkway across the harbour.",
]


def _page(*header: str) -> str:
    return "\n".join([*header, *BODY])


def _title(text: str) -> str:
    return analyse(SourceText("page", "page", text)).title


def test_the_line_whose_words_the_body_repeats_is_the_title_not_the_nearest_teaser():
    text = _page(
        "Home",
        "News",
        "Council approves harbour bridge budget",
        "Celebrity chef opens seaside restaurant",  # a teaser for another story, nearer the body
    )
    assert _title(text) == "Council approves harbour bridge budget"


def test_a_caption_sentence_sharing_the_words_loses_to_the_headline():
    text = _page(
        "Council approves harbour bridge budget",
        "The harbour bridge budget was approved by the council on Tuesday, officials said.",
    )
    assert _title(text) == "Council approves harbour bridge budget"


def test_the_headline_line_is_content_of_kind_heading():
    text = _page("Menu", "Sports", "Council approves harbour bridge budget", "Share this article")
    doc = analyse(SourceText("page", "page", text))
    units = [u for u in doc.units if text[u.start:u.end] == "Council approves harbour bridge budget"]
    assert units and units[0].kind == "heading" and units[0].boilerplate is None


def test_a_repeated_headline_is_its_first_occurrence_and_the_copy_is_furniture():
    text = _page("Council approves harbour bridge budget", "Politics", "Council approves harbour bridge budget")
    doc = analyse(SourceText("page", "page", text))
    copies = [u for u in doc.units if text[u.start:u.end] == "Council approves harbour bridge budget"]
    assert [u.boilerplate for u in copies] == [None, "duplicate"]
    assert copies[0].kind == "heading"


def _pick(lines: list[str], body_lo: int, eligible=lambda i: True) -> int:
    tokens = [[w.strip(".,").casefold() for w in t.split()] for t in lines]
    words = [len(t.split()) for t in lines]
    terminal = [t.rstrip().rstrip("\"”").endswith((".", "!", "?")) for t in lines]
    return hl.pick_headline(lines, words, terminal, tokens, eligible, body_lo, len(lines) - 1, STOPWORDS)


def test_no_body_means_no_pick():
    lines = ["Council approves harbour bridge budget", "Politics"]
    assert _pick(lines, body_lo=len(lines)) == -1


def test_lines_the_caller_rules_out_are_never_picked():
    lines = ["Council approves harbour bridge budget", "Follow the harbour bridge budget live", *BODY]
    assert _pick(lines, 2, eligible=lambda i: i != 1) == 0
    assert _pick(lines, 2, eligible=lambda i: i != 0) == 1
    assert _pick(lines, 2, eligible=lambda i: i not in (0, 1)) not in (0, 1)


def test_a_line_beyond_the_window_is_not_searched():
    menu = [f"Section {k} link" for k in range(hl.WINDOW + 5)]
    lines = ["Council approves harbour bridge budget", *menu, *BODY]
    assert _pick(lines, 1 + len(menu)) != 0


def test_sharing_more_of_its_words_with_the_body_scores_higher():
    body = {"council", "harbour", "bridge", "budget"}
    on_topic = hl.headline_score(["council", "approves", "harbour", "bridge"], 4, body, STOPWORDS)
    off_topic = hl.headline_score(["celebrity", "chef", "opens", "restaurant"], 4, body, STOPWORDS)
    assert on_topic > off_topic


def test_a_copy_near_the_body_makes_its_far_first_occurrence_the_headline():
    menu = [f"Section {k} link" for k in range(hl.WINDOW + 5)]
    text = _page("Council approves harbour bridge budget", *menu, "Council approves harbour bridge budget")
    doc = analyse(SourceText("page", "page", text))
    copies = [u for u in doc.units if text[u.start:u.end] == "Council approves harbour bridge budget"]
    assert copies[0].kind == "heading" and copies[0].boilerplate is None
    assert copies[1].boilerplate == "duplicate"


def test_a_line_repeated_inside_the_body_does_not_vouch_for_itself():
    notice = "Harbour bridge budget vote full debate replay"
    body = [BODY[0], notice, BODY[1], BODY[2], notice, BODY[3]]
    text = "\n".join(["Council approves harbour bridge budget", notice, *body])
    doc = analyse(SourceText("page", "page", text))
    headline = [u for u in doc.units if u.kind == "heading" and u.boilerplate is None][0]
    assert text[headline.start:headline.end] == "Council approves harbour bridge budget"
    assert not any(u.reason == "repeats the headline" for u in doc.units)  # the notice was not taken for it


def test_an_article_without_a_headline_keeps_its_first_sentence_a_sentence():
    text = "\n\n".join(BODY) + "\n"
    doc = analyse(SourceText("page", "page", text))
    assert [u.kind for u in doc.units] == ["sentence"] * len(BODY)
    assert doc.title == BODY[0]  # the title falls back to the first content unit


def test_a_paragraph_ending_in_a_colon_is_not_the_headline():
    """A line that ends mid-sentence (`:`, `;`, `,`) introduces what follows: a first paragraph
    leading into a quote (no full stop, up to 30 words, the body's own words) was picked over the
    headline above it and became kind `heading`."""
    lead = ("The harbour authority said in a statement on Tuesday that the council had approved the "
            "new harbour bridge budget after a long debate, adding:")
    text = "\n".join(["Council approves harbour bridge budget", lead, *BODY])
    doc = analyse(SourceText("page", "page", text))
    kinds = {text[u.start:u.end]: u.kind for u in doc.units}
    assert kinds["Council approves harbour bridge budget"] == "heading"
    assert kinds[lead] != "heading"
    lines = ["Council approves harbour bridge budget", lead, *BODY]
    assert _pick(lines, 1) == 0
    for end in (";", ","):
        assert _pick(["Council approves harbour bridge budget", lead[:-1] + end, *BODY], 1) == 0


def test_a_headline_ending_in_a_quoted_exclamation_or_question_is_a_candidate():
    """Closing quotes are looked through: '… "We got her!"' is a headline, not a sentence."""
    for head in ('Council approves harbour bridge budget: "We did it!"',
                 "Will the harbour bridge budget hold?”"):
        lines = ["Home", "Sports", head, *BODY]
        assert _pick(lines, 3) == 2, head


def test_a_standfirst_without_a_full_stop_is_not_taken_for_the_short_headline_above_it():
    """headline, deck, byline, body: the deck retells the first paragraph and is longer, so it
    outscored the headline, which the line model then called furniture (hidden, not the title)."""
    head = "Harbour bridge budget approved"
    deck = "Council votes for the new harbour bridge after a long debate over the traffic study and its cost"
    text = "\n".join([head, deck, "By Ana Lopez", *BODY])
    doc = analyse(SourceText("page", "page", text))
    assert doc.title == head
    unit = next(u for u in doc.units if text[u.start:u.end] == head)
    assert unit.kind == "heading" and unit.boilerplate is None
    assert _pick([head, deck, *BODY], 2) == 0


def test_a_kicker_in_capitals_over_the_headline_is_not_the_headline():
    head = "Council approves harbour bridge budget after a long debate over the traffic study"
    assert _pick(["HARBOUR BRIDGE BUDGET", head, *BODY], 2) == 1
    assert _pick(["Home", head, *BODY], 2) == 1  # nor a line that shares nothing


def test_a_headline_the_segmenter_cuts_into_sentences_is_one_title():
    head = "Council says 'Bridge. We're on it,' and residents ask, when?"
    doc = analyse(SourceText("page", "page", _page(head)))
    assert doc.title == head
    pieces = [u for u in doc.units if u.end <= len(head)]
    assert len(pieces) > 1 and all(u.kind == "heading" and u.boilerplate is None for u in pieces)


def test_an_article_opening_on_a_lead_in_to_a_quote_has_no_headline():
    lead_in = "The harbour authority said in a statement on Tuesday that the council had approved the plan:"
    text = "\n\n".join([lead_in, *BODY]) + "\n"
    doc = analyse(SourceText("page", "page", text))
    assert not any(u.kind == "heading" for u in doc.units)


def test_a_menu_of_short_names_above_the_headline_is_navigation():
    menu = ["News", "World", "Business", "Sport", "Opinion"]
    text = _page(*menu, "Council approves harbour bridge budget")
    doc = analyse(SourceText("page", "page", text))
    cats = {text[u.start:u.end]: u.boilerplate for u in doc.units}
    assert all(cats[m] == "navigation" for m in menu), cats
    assert doc.title == "Council approves harbour bridge budget"


def test_a_two_word_headline_is_picked_when_no_longer_line_shares_the_story():
    """'Bill passes' was never a candidate (at least three words were needed)."""
    assert _pick(["Home", "Bridge approved", *BODY], 2) == 1
    assert _pick(["Bridge approved", "Share this story", *BODY], 2) == 0  # shares no word
    text = "\n".join(["Bridge approved", "By Ana Lopez", "March 28, 2024", *BODY])
    doc = analyse(SourceText("page", "page", text))
    assert doc.title == "Bridge approved"
    assert doc.units[0].kind == "heading" and doc.units[0].boilerplate is None


def test_a_two_word_label_is_not_a_headline():
    """A stopword or a word the story does not use: a menu or section label."""
    assert _pick(["Sign in", *BODY], 1) == -1
    assert _pick(["Latest News", *BODY], 1) == -1
    assert _pick(["Harbour news", *BODY], 1) == -1  # 'news' is not in the body


def test_a_two_word_tag_never_outranks_a_longer_headline():
    """Tags and names ('United States') repeat the story's words as fully as a headline does."""
    head = "Council approves harbour bridge budget"
    assert _pick([head, "Harbour bridge", *BODY], 2) == 0
    assert _pick(["Harbour bridge", head, *BODY], 2) == 1


def test_a_two_word_kicker_over_a_long_headline_is_not_the_headline():
    head = "Council approves harbour bridge budget after a long debate over the traffic study"
    assert _pick(["Harbour bridge", head, *BODY], 2) == 1


def test_a_headline_in_capitals_over_its_deck_is_the_headline():
    """Only a short line in capitals over a long pick is a kicker; a headline set in capitals
    was taken for one, and its deck became the title."""
    head = "COUNCIL APPROVES NEW HARBOUR BRIDGE BUDGET"
    deck = "Council votes for the new harbour bridge after a long debate over the traffic study and its cost"
    assert _pick([head, deck, *BODY], 2) == 0
    text = "\n".join([head, deck, "By Ana Lopez", *BODY])
    assert analyse(SourceText("page", "page", text)).title == head
