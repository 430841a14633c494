"""Matching keys: trivial differences fold away, real words stay distinct."""

from __future__ import annotations

from rafahdiff.core.normalise import keys_of_words, stem, tokens, tokens_with_spans, unit_words


def test_trivial_variants_fold_to_the_same_keys():
    assert tokens("U.S. cease-fire") == tokens("United States ceasefire") == tokens("US cease\u2011fire")
    assert tokens("Israel’s “total victory”") == tokens('Israel\'s "total victory"')
    assert tokens("1.4\u00a0million") == tokens("1.4 million") == ["1.4", "million"]


def test_numbers_keep_their_value():
    assert tokens("32,000") == ["32000"]
    assert tokens("1.4") != tokens("14")


def test_hyphenated_names_are_separate_words_but_compounds_are_one():
    assert tokens("US-Israel talks") == ["us", "israel", "talks"]
    assert tokens("pro-Israel lobby") == ["pro", "israel", "lobby"]
    assert tokens("full-scale war-time") == ["fullscale", "wartime"]


def test_spans_point_at_the_original_words():
    text = "The United States’ move, cease-fire."
    toks = tokens_with_spans(text)
    assert [(k, text[s:e]) for k, s, e in toks] == [
        ("the", "The"), ("us", "United States"), ("move", "move"), ("ceasefire", "cease-fire")]


def test_fast_path_agrees_with_tokens():
    for text in ["The U.S.-Israel cease-fire, United States’ move by Budd-Chiari",
                 "Plain words only, nothing special here.", "United Nations and U.N. agree",
                 "A million and one thousand, a United States billion"]:
        keys, _ = keys_of_words(unit_words(text, 0, len(text)))
        assert keys == tokens(text)


def test_stem_meets_inflections_not_different_words():
    assert stem("cancelled") == stem("canceled") == stem("cancels") == stem("cancel")
    assert stem("studies") == stem("study")
    assert stem("status") == "status" and stem("class") == "class"
    assert stem("hostage") != stem("host")


def test_unit_tokens_fast_path_matches_the_reference_tokeniser():
    import random

    from rafahdiff.core.normalise import unit_tokens

    rnd = random.Random(3)
    vocab = ["United", "States", "united", "states", "Nations", "US-Israel", "cease-fire", "pro-Israel",
             "the", "R-7", "Kingdom", "a", "U.S.", "1.4", "million", "one", "five", "Thousand", "1.4m", "10bn"]
    for _ in range(2000):
        text = "x " + " ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 8))) + " y"
        ref = tokens_with_spans(text)
        assert unit_tokens(text, 2, len(text) - 2) == (
            [k for k, _, _ in ref][1:-1], [s for _, s, _ in ref][1:-1], [e for _, _, e in ref][1:-1])


def test_token_lengths_give_unit_tokens_keys_and_offsets():
    import random

    from rafahdiff.core.normalise import offsets_from_lengths, split_words, token_lengths, unit_tokens

    rnd = random.Random(4)
    words = ["United", "States", "Nations", "united", "US-Israel", "Pro-Gun-Rights", "cease-fire", "A-1", "x", "1.4", "café",
             "a", "One", "million", "billion", "U.S.", "D.C.", "six", "1.4m", "$5bn", "COVID-19", "3Mn",
             "two-day", "ten-year-old", "Twenty-five"]
    seps = [" ", "  ", ", ", " — ", "\n", "...", " ("]
    for _ in range(3000):
        text = "".join(rnd.choice(seps) + rnd.choice(words) for _ in range(rnd.randint(0, 8))) + rnd.choice(seps)
        keys, lengths = token_lengths(split_words(text, 0, len(text)))
        ref_keys, starts, ends = unit_tokens(text, 0, len(text))
        assert keys == ref_keys
        assert sum(lengths) == len(text)
        assert offsets_from_lengths(lengths, 0) == (starts, ends)


def test_number_words_from_ten_meet_digits():
    assert tokens("fifteen battalions") == tokens("15 battalions") == ["15", "battalions"]
    assert tokens("twenty-five years") == tokens("25 years") == tokens("Twenty-five years")
    assert tokens("Nineteen") == ["19"]
    assert tokens("forty days") != tokens("fifty days")
    assert tokens("two allies") == ["two", "allies"]  # one to nine stay words (see normalise)


def test_a_or_one_before_a_scale_word_is_the_figure_one():
    assert tokens("more than a million") == tokens("more than 1 million") == tokens("more than one million")
    assert tokens("one thousand") == ["1", "thousand"]
    assert tokens("over 1.4 million") != tokens("over a million")


def test_one_and_a_elsewhere_keep_their_word():
    assert tokens("no one said a word") == ["no", "one", "said", "a", "word"]
    assert tokens("one of the millions") == ["one", "of", "the", "millions"]


def test_an_initialism_keeps_its_final_dot_a_sentence_its_full_stop():
    text = "Talks in the U.S. and D.C. ended in war."
    assert unit_words(text, 0, len(text)) == ["Talks", "in", "the", "U.S.", "and", "D.C.", "ended", "in", "war"]
    other = "e.g. U.S.A and U.N."
    assert [other[s:e] for _, s, e in tokens_with_spans(other)] == ["e.g.", "U.S.A", "and", "U.N."]
    assert tokens("U.S. aid") == tokens("U.S aid") == tokens("US aid")


def test_a_figure_with_a_scale_suffix_is_the_figure_and_the_scale():
    assert tokens("over 1.4m people") == tokens("over 1.4 million people") == ["over", "1.4", "million", "people"]
    assert tokens("$5bn") == tokens("5 billion") and tokens("2tn") == tokens("2 trillion")
    text = "a $1.4m deal"
    assert [text[s:e] for _, s, e in tokens_with_spans(text)] == ["a", "1.4", "m", "deal"]
    assert tokens("5mm and 1million") == ["5", "mm", "and", "1", "million"]  # no suffix: as before
    assert len(tokens("\u00b2m")) == 1  # a superscript two is no figure: one word, as before


def test_a_compound_opened_by_a_count_is_read_as_one_opened_by_a_figure():
    assert tokens("a two-day meeting")[:3] == ["a", "two", "day"]
    assert [stem(k) for k in tokens("six-month")] == [stem(k) for k in tokens("six months")]
    assert tokens("a ten-year-old") == tokens("a 10-year-old") == ["a", "10", "yearold"]
    assert tokens("twenty-five") == ["25"] and tokens("cease-fire") == ["ceasefire"]
