"""Boilerplate detection: the seeds' furniture, unseen furniture, and clean articles left alone."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pytest

from rafahdiff.core.boilerplate import classify, refine_unpaired
from rafahdiff.core.model import CATEGORIES, SourceText, Span
from rafahdiff.core.pipeline import analyse, compare
from rafahdiff.core.segment import segment

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Gold furniture of the seeds, by the start of the line: every other non-empty line is content.
SEED_FURNITURE: dict[str, list[tuple[str, str]]] = {
    "000": [
        ("0%", "counter"),
        ("Khabarhub", "byline"),
        ("March 28, 2024", "byline"),
        ("3 MIN READ", "byline"),
        ("Israeli (L) and U.S. flags are reflected", "caption"),
        ("(VOA)", "credit"),
        ("0", "counter"),
    ],
    "001": [("Posted Under", "credit")],
    "002": [
        ("See also", "promo"),
        ("Follow us on Google news", "promo"),
        ("Surja", "bio"),
        ("Surja, a dedicated blog writer", "bio"),
        ("Related Articles", "promo"),
    ],
    "003": [
        ("< Back to 68k.news IN front page", "navigation"),
        ("Original source (on modern site)", "navigation"),
        ("Palestinians search for bodies", "caption"),
        ("With inputs from agencies", "credit"),
    ],
    "004": [
        ("10:01 | 01.04.2024", "byline"),
        ("www.anews.az", "credit"),
        ("0", "counter"),
        ("Follow us !", "promo"),
        ("REKLAM", "ad"),
    ],
}
SEED_TITLES = {
    "000": "US, Israel set new talks on Israeli plan to invade Rafah",
    "001": "Rafah Assault on Hold as US-Israel Talks Back On",
    "002": "US and Israel restart negotiations, Rafah attack shelved",
    "003": "US, Israel working to reschedule cancelled meeting on Rafah military plans",
    "004": "US, Israel set to hold a virtual meeting on Rafah Monday",
}


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def line_categories(text: str) -> list[tuple[str, set[str | None]]]:
    """Each non-empty line with the set of categories its units received."""
    units = classify(text, segment(text))
    out: list[tuple[str, set[str | None]]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        cats = {u.boilerplate for u in units if pos <= u.start < end}
        if line.strip():
            out.append((line.strip(), cats))
        pos = end + 1
    return out


def expected_category(line: str, furniture: list[tuple[str, str]], title: str, seen_title: bool) -> str | None:
    if line == title and seen_title:
        return "duplicate"
    for start, cat in furniture:
        if line == start or (len(start) > 3 and line.startswith(start)):
            return cat
    return None


@pytest.mark.parametrize("prefix", sorted(SEED_FURNITURE))
def test_seed_lines_get_their_gold_category(prefix: str) -> None:
    text = seed_text(prefix)
    seen_title = False
    wrong = []
    for line, cats in line_categories(text):
        want = expected_category(line, SEED_FURNITURE[prefix], SEED_TITLES[prefix], seen_title)
        if line == SEED_TITLES[prefix]:
            seen_title = True
        if cats != {want}:
            wrong.append((line[:60], want, cats))
    assert not wrong, wrong


@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_seed_headline_is_a_content_heading_and_the_title(prefix: str) -> None:
    text = seed_text(prefix)
    doc = analyse(SourceText(prefix, prefix, text))
    assert doc.title == SEED_TITLES[prefix]
    first = next(u for u in doc.units if text[u.start:u.end] == SEED_TITLES[prefix])
    assert first.kind == "heading" and first.boilerplate is None


@pytest.mark.parametrize("prefix", sorted(SEED_TITLES))
def test_every_boilerplate_unit_has_a_known_category_and_a_reason(prefix: str) -> None:
    text = seed_text(prefix)
    spans = segment(text)
    units = classify(text, spans)
    assert [(u.start, u.end) for u in units] == [(s.start, s.end) for s in spans]
    for u in units:
        if u.boilerplate is None:
            assert u.reason is None
        else:
            assert u.boilerplate in CATEGORIES
            assert u.reason and len(u.reason) < 160


# --- furniture the seeds never showed: other outlets, languages, bios -----------------------

UNSEEN_PAGE = textwrap.dedent("""\
    Menu
    Flood waters recede in Sindh as relief convoys reach stranded villages
    Dawn News
    Updated 14 April 2025
    5 min read
    By Ayesha Siddiqui
    Villagers wade through flood water in Dadu district on Monday. Reuters
    KARACHI: Relief convoys reached dozens of villages in Sindh on Tuesday after flood waters began to recede, officials said.
    The provincial disaster authority said more than 40,000 people had been moved to camps since the rains began last week.
    Anzeige
    Officials warned that the risk of disease would rise as stagnant water collected near the camps.
    Read also: Monsoon rains kill 12 across Punjab
    "We have reached the worst-hit areas, but many roads are still cut," a spokesman for the authority told reporters.
    The federal government has promised additional funds for reconstruction once the water has drained away.
    (AFP)
    Filed under: Pakistan, Floods
    12 Shares
    Join our Telegram channel for the latest updates
    Ahmed Raza
    Ahmed Raza is a senior correspondent who covers climate and disasters. He holds a Master's degree in journalism and has written for several international outlets.
    dawn.com
    Publicidad
    """)

UNSEEN_EXPECTED = {
    "Menu": "navigation",
    "Dawn News": "byline",
    "Updated 14 April 2025": "byline",
    "5 min read": "byline",
    "By Ayesha Siddiqui": "byline",
    "Villagers wade through flood water": "caption",
    "Anzeige": "ad",
    "Read also: Monsoon rains": "promo",
    "(AFP)": "credit",
    "Filed under: Pakistan": "credit",
    "12 Shares": "counter",
    "Join our Telegram channel": "promo",
    "Ahmed Raza": "bio",
    "Ahmed Raza is a senior correspondent": "bio",
    "dawn.com": "credit",
    "Publicidad": "ad",
}


def _expected(line: str, table: dict[str, str]) -> str | None:
    for start, cat in table.items():
        if line == start or (len(start) > 3 and line.startswith(start)):
            return cat
    return None


def _mislabelled(text: str, table: dict[str, str]) -> list[tuple[str, str | None, set]]:
    """Lines of `text` whose categories are not the one `table` expects (None: content)."""
    wrong = []
    for line, cats in line_categories(text):
        want = _expected(line, table)
        if cats != {want}:
            wrong.append((line[:50], want, cats))
    return wrong


def test_unseen_furniture_in_the_style_of_the_seeds() -> None:
    wrong = _mislabelled(UNSEEN_PAGE, UNSEEN_EXPECTED)
    assert not wrong, wrong
    doc = analyse(SourceText("x", "x", UNSEEN_PAGE))
    assert doc.title == "Flood waters recede in Sindh as relief convoys reach stranded villages"


@pytest.mark.parametrize("word", ["Advertisement", "ADVERTISEMENT", "Реклама", "Publicité", "Pubblicità", "Werbung", "إعلان", "광고"])
def test_ad_markers_in_other_languages(word: str) -> None:
    text = "Talks resume in Cairo\n\n" + "The delegations met on Sunday for a second round of talks. " * 3 + f"\n\n{word}\n\n" + "Mediators said progress had been made on the main points of the draft. " * 2
    cats = dict(line_categories(text))
    assert cats[word] == {"ad"}


@pytest.mark.parametrize("caption", [
    "Rescue workers search the rubble of a collapsed building in Antakya, Turkey, on Tuesday / Photo: AFP",
    "Protesters gather outside the parliament building in Tbilisi late on Sunday (Photo: Reuters)",
    "Prime Minister Kishida (C) speaks with reporters at his official residence in Tokyo. EPA",
])
def test_captions_of_unseen_outlets(caption: str) -> None:
    body = "The government announced new measures on Wednesday to contain the crisis, officials said. " * 2
    text = f"Crisis deepens as talks stall\n\n{body}\n\n{caption}\n\n{body}\n\nMore talks are planned for next week, the ministry said."
    cats = dict(line_categories(text))
    assert cats[caption] == {"caption"}


def test_bio_paragraph_of_full_sentences_is_boilerplate() -> None:
    bio = ("Maria Lopez, a freelance writer based in Madrid, studied political science at the Complutense "
           "University. Her articles cover migration and European politics. When she is not writing, she "
           "teaches journalism to high-school students.")
    body = "\n\n".join(
        f"Paragraph {i}: the council voted on the new housing plan after a long debate, and the mayor said the vote was a turning point for the city."
        for i in range(6)
    )
    text = f"City council approves housing plan\n\n{body}\n\n{bio}\n"
    cats = dict(line_categories(text))
    assert cats[bio] == {"bio"}


# --- clean articles: nothing flagged ------------------------------------------------------------

CLEAN_ARTICLE = textwrap.dedent("""\
    Wheat prices climb as drought hits the southern plains

    Wheat futures rose for a third day on Thursday as a drought across the southern plains threatened the winter crop.

    Traders said the market was also watching the weather in Argentina and Australia.

    "The crop is in trouble," said one analyst. "Nobody wants to be short right now."

    Prices are still well below last year's peak.

    Farmers in Kansas said they had seen almost no rain since October, and some have already given up on parts of their fields.

    Why does it matter? Bread and pasta makers buy months ahead, so a rise now shows up in shop prices next year.

    The agriculture department will publish its next crop report on Tuesday.
    """)


def test_clean_article_has_no_boilerplate() -> None:
    units = classify(CLEAN_ARTICLE, segment(CLEAN_ARTICLE))
    flagged = [(CLEAN_ARTICLE[u.start:u.end], u.reason) for u in units if u.boilerplate]
    assert not flagged
    assert units[0].kind == "heading"


def test_hard_wrapped_book_text_is_content() -> None:
    para = ("It was late in the autumn when the travellers reached the river, and the ferryman, who had "
            "waited for them since the morning, was already tired of the cold and of the long grey light "
            "that lay over the water. He said nothing as they climbed aboard, but he watched the youngest "
            "of them with a kind of worried patience, as if he expected some trouble from him.")
    text = "\n\n".join(textwrap.fill(para.replace("autumn", season), 72) for season in ["autumn", "spring", "winter", "summer"] * 3)
    units = classify(text, segment(text))
    assert units and not [u for u in units if u.boilerplate]


def test_repeated_quote_in_body_is_not_a_duplicate() -> None:
    quote = "\u201cWe will not accept this,\u201d the minister said on Monday."
    body = "The cabinet met for six hours to discuss the budget and the spending cuts proposed by the treasury."
    text = f"Budget talks collapse\n\n{quote}\n\n{body}\n\n{body.replace('six', 'four')}\n\n{quote}\n"
    assert not [u for u in classify(text, segment(text)) if u.boilerplate]


def test_a_paragraph_printed_twice_in_a_row_is_a_duplicate_but_a_repeat_further_on_is_not() -> None:
    # A picture's caption comes twice in a row when copied (under the picture and in its gallery);
    # the article saying something twice puts other text between the two.
    caption = "Aid trucks wait at the Rafah crossing on Monday, June 2, 2025, as talks continue in Cairo"
    paragraphs = CLEAN_ARTICLE.strip().split("\n\n")
    text = "\n\n".join(paragraphs[:3] + [caption, caption] + paragraphs[3:] + [paragraphs[1]]) + "\n"
    units = classify(text, segment(text))
    flagged = {text[u.start:u.end] for u in units if u.boilerplate == "duplicate"}
    assert caption in flagged and text.count(caption) == 2
    assert [u for u in units if text[u.start:u.end] == caption and u.boilerplate != "duplicate"] == []
    assert all(cats == {None} for line, cats in line_categories(text) if line != caption)


def test_an_article_sentence_about_a_newsletter_is_not_a_sign_up_box() -> None:
    # Two newsletter words, but said of someone else, not asked of the reader.
    sentence = "Regulators said the newsletter had been used to send spam to thousands of customers last year."
    paragraphs = CLEAN_ARTICLE.strip().split("\n\n")
    text = "\n\n".join(paragraphs[:3] + [sentence] + paragraphs[3:]) + "\n"
    assert dict(line_categories(text))[sentence] == {None}


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Hello", "0", "\u200b", "a\n" * 50])
def test_degenerate_inputs_give_one_unit_per_span(text: str) -> None:
    spans = segment(text)
    units = classify(text, spans)
    assert [(u.start, u.end) for u in units] == [(s.start, s.end) for s in spans]


def test_spans_not_from_the_segmenter_are_kept_as_given() -> None:
    text = "Title line here\nA sentence of the body that is long enough to count. Another one here.\n"
    spans = [Span(0, 15, "line"), Span(16, 70, "sentence"), Span(71, 88, "sentence")]
    units = classify(text, spans)
    assert [(u.start, u.end) for u in units] == [(s.start, s.end) for s in spans]


# --- two documents: short, unpaired and furniture-like -----------------------------------------

def test_refine_unpaired_marks_short_unpaired_lines_only() -> None:
    text = ("Ceasefire talks resume in Doha\n\nThe talks resumed on Sunday with mediators from Qatar and Egypt.\n\n"
            "Both sides sent senior negotiators to the capital for the meeting.\n\nLIVE 24/7\n\nA deal is not expected this week.\n\nWorld Desk\n")
    units = tuple(classify(text, segment(text)))
    texts = [text[u.start:u.end] for u in units]
    paired = {i for i, t in enumerate(texts) if t.startswith(("The talks", "Both sides", "A deal", "Ceasefire"))}
    refined = refine_unpaired(text, units, paired)
    by_text = {text[u.start:u.end]: u for u in refined}
    assert by_text["LIVE 24/7"].boilerplate is not None
    for t in ("The talks", "Both sides", "A deal", "Ceasefire"):
        u = next(v for k, v in by_text.items() if k.startswith(t))
        assert u.boilerplate is None
    assert refine_unpaired(text, units, set()) is units


def test_compare_keeps_pairs_on_content_and_counts_refined_boilerplate() -> None:
    a = seed_text("001")
    b = seed_text("002")
    al = compare(SourceText("001", "a", a), SourceText("002", "b", b))
    for p in al.pairs:
        assert all(al.a.units[i].boilerplate is None for i in p.a)
        assert all(al.b.units[j].boilerplate is None for j in p.b)
    assert al.stats.b_boilerplate_units == sum(1 for u in al.b.units if u.boilerplate)


WIRE_STORY = textwrap.dedent("""\
    Share

    Tech giant fined over data breach

    Reuters

    June 3, 2025

    By Maria Keller

    LONDON, June 3 (Reuters) - Britain's data regulator fined a US tech company 12 million pounds on Tuesday for failing to protect the personal data of millions of users.

    The Information Commissioner's Office said the breach, which happened in 2022, exposed names and addresses.

    The company said it would appeal.

    "We take our users' privacy seriously," a spokesperson said.

    What happened

    Hackers gained access to a database through a stolen password, the regulator said.

    The key findings were:

    - passwords were stored without encryption
    - staff were not trained
    - the breach was reported late

    He declined to comment further.

    The fine is one of the largest the regulator has imposed.

    (Reporting by Paul Sandle; Editing by Kate Holton)

    Related

    Advertisement
    """)
WIRE_FURNITURE = {
    "Share": "promo", "Reuters": "byline", "June 3, 2025": "byline", "By Maria Keller": "byline",
    "(Reporting by Paul Sandle": "credit", "Related": "promo", "Advertisement": "ad",
}


def test_subheadings_lists_and_short_sentences_inside_the_body_stay_content() -> None:
    wrong = _mislabelled(WIRE_STORY, WIRE_FURNITURE)
    assert not wrong, wrong


def test_short_article_of_short_sentences_has_no_boilerplate() -> None:
    text = ("Mayor unveils new bike lanes\n\nThe city will add 40 kilometres of protected bike lanes by next "
            "summer, the mayor announced on Friday.\n\nCyclists welcomed the plan.\n\nSome shop owners worry "
            "about losing parking spaces.\n\nWork starts in March.\n")
    assert not [u for u in classify(text, segment(text)) if u.boilerplate]


@pytest.mark.parametrize("ad, follow, body", [
    ("Publicidad", "Síguenos en Twitter",
     ["Los planes israelíes para una invasión terrestre de Rafah están en suspenso, anunció la Casa Blanca el jueves.",
      "La administración espera que no haya ningún asalto a Rafah al menos hasta después de la reunión, dijo Kirby.",
      "No se ha fijado una fecha para las conversaciones, dijo."]),
    ("REKLAM", "Bizi takip edin",
     ["Beyaz Saray perşembe günü yaptığı açıklamada, İsrail'in Refah planlarının askıya alındığını duyurdu.",
      "Sözcü John Kirby, toplantıdan önce herhangi bir saldırı beklenmediğini söyledi.",
      "Görüşmeler için henüz bir tarih belirlenmedi."]),
])
def test_other_language_articles(ad: str, follow: str, body: list[str]) -> None:
    text = "Rafah: " + body[0][:40] + "\n\n" + ad + "\n\n" + "\n\n".join(body) + "\n\n" + follow + "\n"
    cats = dict(line_categories(text))
    assert cats[ad] == {"ad"}
    assert cats[follow] == {"promo"}
    assert all(cats[b] == {None} for b in body)


@pytest.mark.parametrize("line, category", [
    ("Michael Conroy, AP", "credit"),
    ("Photograph: Tim Robberts/Getty Images", "credit"),
    ("Posted in World News", "credit"),
    ("Tags: Gaza, Israel, ceasefire", "credit"),
    ("By Jane Doe jane.doe@example.com", "byline"),
    ("2 days ago", "byline"),
    ("Updated: 14:05 GMT, 3 June 2025", "byline"),
    ("Rating: 4 Votes", "counter"),
    ("1.2k shares", "counter"),
    ("Werbung", "ad"),
    ("Lesen Sie auch: Neue Gespräche in Kairo", "promo"),
    ("Like this story? Share it with a friend!", "promo"),
    ("Most Read", "promo"),
    ("Skip to content", "navigation"),
    ("Image caption Officials met in Cairo on Sunday to discuss the truce", "caption"),
    ("Media caption Who is the new envoy?", "caption"),
    ("Image copyright Reuters", "credit"),
    ("Media playback is unsupported on your device", "other"),
    # Families only the rules apply (boilerplate_patterns.RULE_FAMILIES).
    ("Photo: Ringo H.W. Chiu, AP", "credit"),
    ("Getty Images", "credit"),
    ("Submitted photo", "credit"),
    ("Image 3 of 5", "counter"),
    ("Negotiators arrive for the talks in Cairo on Sunday. (AP Photo/Amr Nabil, File)", "caption"),
    ("A convoy waits at the border crossing in Rafah on Monday. Credit: Reuters", "caption"),
    ("Aid trucks line up at the crossing on Monday, June 2, 2025. (AP)", "caption"),
    ("Write to Jane Doe at jane.doe@example.com", "bio"),
    ("No spam, we promise. You can unsubscribe at any time.", "promo"),
])
def test_unseen_furniture_line_in_the_middle_of_an_article(line: str, category: str) -> None:
    paragraphs = CLEAN_ARTICLE.strip().split("\n\n")
    text = "\n\n".join(paragraphs[:4] + [line] + paragraphs[4:]) + "\n"
    cats = dict(line_categories(text))
    assert cats[line] == {category}
    assert all(cats[p] == {None} for p in paragraphs)


READER_COMMENTS = [
    "Jane R on June 4, 2025 at 9:12 am said:",
    "This is exactly what my grandfather warned about years ago, and nobody listened to him.",
    "Reply",
    "Tom Baker on June 4, 2025 at 10:40 am said:",
    "I doubt the report on Tuesday will change anything for the farmers in my county.",
    "Reply",
    "M. Ortiz on June 5, 2025 at 7:03 pm said:",
    "Prices at my local shop have already gone up, so the traders are late to this story.",
]


def test_reader_comment_thread_after_the_article_is_furniture() -> None:
    text = CLEAN_ARTICLE + "\n" + "\n\n".join(READER_COMMENTS) + "\n"
    cats = dict(line_categories(text))
    assert all(cats[c] != {None} for c in READER_COMMENTS), [(c, cats[c]) for c in READER_COMMENTS]
    assert all(cats[p] == {None} for p in CLEAN_ARTICLE.strip().split("\n\n"))


def test_timestamped_entries_from_the_start_are_not_a_comment_thread() -> None:
    # A live blog: its stamped entries begin with the article, before any prose.
    entries = []
    for k, para in enumerate(CLEAN_ARTICLE.strip().split("\n\n")[1:]):
        entries += [f"June 4, 2025 at {9 + k}:15 am", para]
    text = "Wheat prices: live updates\n\n" + "\n\n".join(entries) + "\n"
    cats = dict(line_categories(text))
    assert all(cats[e] == {None} for e in entries[1::2])


NUMBERED_PICKS = [
    "1) Lego Star Wars 75188 Resistance Bomber",
    "http://amzn.to/2iJFhRj",
    "2) Polistil 960574 Electric Racing Track",
    "http://amzn.to/2hZfWFJ",
    "3) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
    "http://amzn.to/2hWw372",
    "4) Ghostbusters Collection 1-2 (Steelbook)",
    "http://amzn.to/2B4BNPS",
]


def test_numbered_list_that_continues_the_article_stays_content() -> None:
    intro = ("Black Friday is here again, and the shops are full of offers for anyone who grew up in the "
             "eighties and still misses the toys and films of those years.")
    lead = "So here are our picks for the nostalgic among you, each with a link to the offer:"
    text = "Black Friday picks for the nostalgic\n\n" + intro + "\n\n" + intro.replace("eighties", "nineties") + "\n\n" \
        + lead + "\n\n" + "\n\n".join(NUMBERED_PICKS) + "\n\nShare\n\nTweet\n"
    cats = dict(line_categories(text))
    assert all(cats[p] == {None} for p in NUMBERED_PICKS), [(p, cats[p]) for p in NUMBERED_PICKS]
    assert cats["Share"] != {None}


def test_tree_scorer_walks_each_tree_to_its_leaf() -> None:
    from rafahdiff.core.boilerplate_features import sigmoid, tree_scorer
    # Tree 1 splits on column 0 at 0.5; tree 2 on column 1 at 2.0, then column 0 at -1.0.
    trees = [[0, 0.5, -1.0, 2.0], [1, 2.0, [0, -1.0, 0.25, -0.5], 3.0]]
    rows = [(0.0, 1.0), (0.5, 2.0), (0.6, 2.0), (-2.0, 5.0), (1.0, 2.5)]
    want = [-1.0 - 0.5, -1.0 - 0.5, 2.0 - 0.5, -1.0 + 3.0, 2.0 + 3.0]
    cols = [list(c) for c in zip(*rows)]
    got = tree_scorer(trees, 0.1)(cols)
    assert got == pytest.approx([sigmoid(0.1 + z) for z in want])


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_walked_and_compiled_trees_give_identical_probabilities(seed, monkeypatch) -> None:
    """Short texts walk the shipped trees as data, long ones compile them: same numbers, bit
    for bit (the same leaves are added in the same order)."""
    from rafahdiff.core import boilerplate, read_source
    from rafahdiff.core import boilerplate_features as bf

    lines = bf.logical_lines(boilerplate._physical_lines(read_source(seed).text)[0])
    model = boilerplate._model()
    cols1, stats = bf.stage1(lines, model.lexicon)
    cols2 = bf.stage2(bf.linear(model.w1, model.b1, cols1), cols1, stats.tokens)
    monkeypatch.setattr(bf, "COMPILE_AT", 10**9)
    walked = list(model.stage2(cols2))
    monkeypatch.setattr(bf, "COMPILE_AT", 0)
    compiled = list(model.stage2(cols2))
    assert walked == compiled and len(walked) == len(lines)


def test_shipped_model_file_matches_the_features_and_carries_its_rules() -> None:
    import json
    from importlib import resources

    from rafahdiff.core import boilerplate

    path = resources.files("rafahdiff.core").joinpath("boilerplate_model.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    model = boilerplate._model()  # raises when the model file and the features disagree
    assert {k: getattr(model.rules, k) for k in raw["rules"]} == raw["rules"]
    assert 0 < model.rules.threshold < 1 and raw["stage2"]["trees"]
    assert len(path.read_bytes()) < 300_000  # shipped with the package: keep it small


def test_lexical_columns_average_the_words_log_odds_and_keep_the_lowest() -> None:
    from rafahdiff.core import boilerplate_features as bf

    tokens = [["subscribe", "to", "our", "newsletter"], ["officials", "said", "on", "tuesday"], [], ["zyxwv"]]
    lexicon = {"subscribe": -2.0, "newsletter": -2.0, "said": 2.0}
    mean, low, mean_2 = bf.lexical_columns(tokens, lexicon)
    assert mean == [-1.0, 0.5, 0.0, 0.0]  # unknown words count as 0
    assert low == [-2.0, 0.0, 0.0, 0.0]  # a content word never raises the lowest above 0
    assert mean_2[0] == pytest.approx((-1.0 + 0.5 + 0.0) / 3)  # the line and its neighbours
    assert bf.lexical_columns(tokens, None) == [[0.0] * 4] * 3  # no lexicon: neutral columns
    cols, _ = bf.stage1([bf.Line("Subscribe to our newsletter", 0, 0)], lexicon)
    assert [c[0] for c in cols[-bf.LEXICAL_FEATURES:]] == [-1.0, -2.0, -1.0]


def test_shipped_lexicon_is_small_and_points_the_right_way() -> None:
    from rafahdiff.core import boilerplate

    lexicon = boilerplate._model().lexicon
    assert lexicon and len(lexicon) < 20_000
    # Learned, not listed: share-bar and account words lean furniture, reporting verbs content.
    assert lexicon["subscribe"] < -1 and lexicon["newsletter"] < -1 and lexicon["said"] > 1


def test_model_reason_names_the_furniture_words() -> None:
    from rafahdiff.core import boilerplate as bl
    from rafahdiff.core import boilerplate_features as bf

    cols, raw = bf.stage1([bf.Line("Subscribe to our newsletter today", 0, 0)], {"subscribe": -3.0, "newsletter": -3.0})
    st = bl._St(raw.words[0], False, raw.cap_share[0], raw.stop_share[0])
    reason = bl._model_reason(st, cols, 0, 0.1, ["subscribe", "newsletter"])
    assert "furniture vocabulary ('subscribe', 'newsletter')" in reason and "p=0.10" in reason
    cols, _ = bf.stage1([bf.Line("Subscribe to our newsletter today", 0, 0)], None)
    assert "vocabulary" not in bl._model_reason(st, cols, 0, 0.1)


def test_chinese_and_japanese_count_about_a_word_per_two_characters_for_the_rules() -> None:
    from rafahdiff.core import boilerplate_features as bf

    texts = ["これでようやく元の操作性を取り戻せました。", "商标法违反", "Kindle for PCの設定", "한국어 문장 입니다", "plain English line"]
    words = [len(t.split()) for t in texts]
    got = bf.spoken_words(texts, words)
    assert got[0] == 1 + 20 // 2  # 20 kana/kanji characters
    assert got[1] == 1 + 5 // 2 and got[2] == 3 + 3 // 2
    assert got[3:] == words[3:]  # Hangul is spaced into words already; Latin untouched
    plain = words[4:]
    assert bf.spoken_words(texts[4:], plain) is plain  # nothing to count: no copy


def test_a_japanese_article_opens_the_body_and_keeps_its_sentences() -> None:
    # Hand-set probabilities, all below the furniture cut-off but not sure furniture: only the
    # body's protection keeps the sentences, and a body needs lines long enough to open it.
    from rafahdiff.core import boilerplate as bl
    from rafahdiff.core import boilerplate_features as bf

    sentences = [
        "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されました。",
        "報道によると、今回販売されたのは、いわゆる改造された端末で、利用者の間で人気があったそうです。",
        "商標には、同じ商標が付された商品は同じ提供元のものであることを示す機能があるとされています。",
        "そのため、権利者の意思に基づくことなく改造した商品を販売すると、商標権の侵害になる場合があります。",
    ]
    texts = ["ホーム", "ブログ", *sentences, "関連記事", "お問い合わせ"]
    lines = [bf.Line(t, i, i) for i, t in enumerate(texts)]
    cols, stats = bf.stage1(lines)
    rules = bl.Rules(threshold=0.5, body_p=0.2, sure_body=0.1)
    verdicts = bl._decide(lines, rules, ([0.3] * len(lines), cols, stats))
    assert [v.category for v in verdicts[2:6]] == [None] * 4
    assert verdicts[0].category is not None and verdicts[-1].category is not None


def test_pattern_unions_are_compiled_on_first_use_not_at_import() -> None:
    import subprocess
    import sys

    code = ("import rafahdiff.core.boilerplate_patterns as bp; a = bp._unions.cache_info().currsize; "
            "bp.line_category('Related Articles'); print(a, bp._unions.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "1"]


def test_article_that_ends_where_the_copied_text_ends_keeps_its_last_paragraphs() -> None:
    # No footer at all: the last lines of a text are not furniture just for being last.
    paragraphs = CLEAN_ARTICLE.strip().split("\n\n")
    text = "Share\n\n" + CLEAN_ARTICLE
    cats = dict(line_categories(text))
    assert cats["Share"] == {"promo"}
    assert all(cats[p] == {None} for p in paragraphs[-3:]), [(p, cats[p]) for p in paragraphs[-3:]]


def test_bulleted_list_after_a_link_heading_is_not_kept_as_the_articles_own() -> None:
    # The WIRE_STORY list is introduced by an article sentence and stays; a list of links under
    # a "Read more about …:" heading after the article does not.
    links = ["- Wheat hits a record in Chicago", "- Drought spreads to Texas", "- Bakers raise prices"]
    text = CLEAN_ARTICLE + "\nRead more about the drought:\n" + "\n".join(links) + "\n"
    cats = dict(line_categories(text))
    assert cats["Read more about the drought:"] == {"promo"}
    assert all(cats[x] != {None} for x in links), [(x, cats[x]) for x in links]
    assert all(cats[p] == {None} for p in CLEAN_ARTICLE.strip().split("\n\n"))


def test_body_end_is_cut_before_a_weak_tail_but_not_before_a_confident_sentence() -> None:
    from rafahdiff.core.boilerplate import _St, _trim_body_end

    prose = _St(20, True, 0.1, 0.4)
    teaser = _St(7, False, 0.8, 0.1)
    stats = [prose] * 5 + [teaser] * 6 + [_St(15, False, 0.5, 0.2)]
    probs = [0.9] * 5 + [0.2] * 6 + [0.35]
    assert _trim_body_end(probs, stats, 0, 11) == 4  # teaser block after the article: cut
    probs_resumed = probs[:-1] + [0.9]
    stats_resumed = stats[:-1] + [prose]
    assert _trim_body_end(probs_resumed, stats_resumed, 0, 11) == 11  # the article resumes: kept


def test_core_columns_measure_a_line_against_the_core_body_not_the_page() -> None:
    import math

    from rafahdiff.core.boilerplate_features import STAGE1_FEATURES, _core_columns

    # Lines 2-4 are the core (long punctuated paragraphs); a 10-word teaser summary after them is
    # long for this page (menus drag the mean down) but short next to the core's paragraphs.
    words = [1, 2, 40, 50, 60, 10, 1]
    term = [0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0]
    cols1 = [[0.0] * len(words) for _ in STAGE1_FEATURES]
    cols1[STAGE1_FEATURES.index("log_words")] = [math.log1p(w) for w in words]
    cols1[STAGE1_FEATURES.index("terminal")] = term
    # Lexicon means: the core reads like reporting (1.5), the teaser like furniture (-1).
    cols1[STAGE1_FEATURES.index("lex_mean")] = [-2.0, -2.0, 1.0, 1.5, 2.0, -1.0, -2.0]
    rel, core_term, size, rel_lex, core_lex = _core_columns(cols1, 2, 4, len(words))
    assert rel[3] == pytest.approx(0.0)  # the core's median line
    assert rel[5] == pytest.approx(math.log1p(10) - math.log1p(50)) and rel[5] < -1
    assert core_term == [pytest.approx(2 / 3)] * len(words)
    assert size == [pytest.approx(math.log1p(3))] * len(words)
    assert core_lex == [1.5] * len(words) and rel_lex[5] == -2.5 and rel_lex[3] == 0.0


@pytest.mark.parametrize("furniture", ["Toggle dark mode", "Tweet on Twitter"])
def test_headline_is_not_a_sure_furniture_line_between_it_and_the_body(furniture: str) -> None:
    # A heading-like furniture line right above the body is not taken for the headline (and
    # so kept as content) while the real headline sits above it.
    title = "Flood waters recede in Sindh as relief convoys reach stranded villages"
    body = [
        "Relief convoys reached dozens of villages in Sindh on Tuesday after flood waters began to recede, officials said.",
        "The provincial disaster authority said more than 40,000 people had been moved to camps since the rains began last week.",
        "Officials warned that the risk of disease would rise as stagnant water collected near the camps.",
        "The federal government has promised additional funds for reconstruction once the water has drained away.",
    ]
    text = "\n".join(["Home", "World", "Pakistan", "Sports", "Opinion", title, furniture, "Share", *body,
                      "More from World", "Trending now", "Contact us"])
    assert analyse(SourceText("x", "x", text)).title == title
    cats = dict(line_categories(text))
    assert cats[furniture] != {None}
    assert all(cats[line] == {None} for line in body)


def test_a_teaser_list_after_a_short_menu_does_not_join_the_body() -> None:
    # Hand-set probabilities: the article is sure, three menu lines are sure furniture, and two
    # teaser summaries (long, punctuated prose) are doubted. The body is the stretch the model is
    # surest of, so the teasers are not inside it and nothing protects them.
    from rafahdiff.core import boilerplate as bl
    from rafahdiff.core import boilerplate_features as bf

    article = [f"The council voted on the plan for the {k} time on Tuesday, officials said in a statement." for k in
               ("first", "second", "third", "fourth", "fifth")]
    menu = ["More stories", "Sport", "Weather"]
    teasers = ["A local bakery has won a national prize for its bread, and its owner plans to open a second shop.",
               "Residents say the new bus timetable leaves them waiting for an hour in the rain every morning now."]
    texts = [*article, *menu, *teasers]
    lines = [bf.Line(t, i, i) for i, t in enumerate(texts)]
    cols, stats = bf.stage1(lines)
    probs = [0.9] * len(article) + [0.02] * len(menu) + [0.2] * len(teasers)
    rules = bl.Rules(threshold=0.5, body_p=0.1, sure_in=0.1, sure_out=0.3, sure_prose=0.03, sure_body=0.1)
    verdicts = bl._decide(lines, rules, (probs, cols, stats))
    assert [v.category for v in verdicts[: len(article)]] == [None] * len(article)
    assert all(v.category is not None for v in verdicts[-len(teasers):])


def _column(lines: list[str], name: str) -> list[float]:
    from rafahdiff.core import boilerplate_features as bf

    cols, _ = bf.stage1([bf.Line(t, i, i) for i, t in enumerate(lines)])
    return cols[bf.STAGE1_FEATURES.index(name)]


_PROSE = [
    "The council voted on Tuesday to close the old bridge to heavy traffic until repairs are done.",
    "Engineers found cracks in two of the supports during an inspection earlier this month.",
    "The closure is expected to last at least six weeks, the council said in a statement.",
    "Local businesses said they were worried about the effect on deliveries and customers.",
]


def test_a_comments_link_in_the_menu_above_the_article_does_not_start_the_comments() -> None:
    # "Comment" as a menu section above the article is not the comment section's header: only
    # one after some article prose marks what follows as readers' comments.
    lines = ["Home", "Comment", "Sport", "Bridge to close for repairs", *_PROSE, "Comments", "Great piece, thanks."]
    after = _column(lines, "after_comments")
    assert after[4:8] == [0.0] * 4
    assert after[-1] == 1.0


def test_chinese_and_japanese_lines_count_the_words_they_hold_for_the_line_model() -> None:
    # A Japanese paragraph has no spaces: counted as one word, the line model read every
    # paragraph of a Japanese article as a one-word menu item.
    from rafahdiff.core import boilerplate_features as bf

    para = "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されました。"
    cols, stats = bf.stage1([bf.Line("ホーム", 0, 0), bf.Line(para, 1, 1), bf.Line("Home page", 2, 2)])
    assert stats.words[1] >= 15
    # an unpunctuated line (a menu item, a link title) keeps its plain count; English is unchanged
    assert stats.words[0] == 1 and stats.words[2] == 2
    log_words = cols[bf.STAGE1_FEATURES.index("log_words")]
    assert log_words[1] > log_words[0]


_LONG = ("The council said the repairs would cost about two million pounds and that the work would be done "
         "in stages so that pedestrians could keep using the bridge.")


def test_short_lines_after_a_sentence_ending_in_a_colon_are_marked_as_its_list() -> None:
    lines = [*_PROSE[:2], "The inspectors listed three problems:", "cracked supports", "rusted railings",
             "loose deck plates", _LONG, "Most read", "Bridge reopens"]
    flags = _column(lines, "colon_list")
    assert flags[3:6] == [1.0, 1.0, 1.0]
    assert flags[:3] == [0.0, 0.0, 0.0]
    assert flags[6:] == [0.0, 0.0, 0.0]  # a long line ends the list; later short lines are not items
    # a furniture family's label ("Follow us:") introduces no list
    assert _column(["Share this story with your friends:", "Facebook", "Twitter"], "colon_list")[1:] == [0.0, 0.0]


def test_line_signals_for_promo_caption_bio_and_teaser_wording() -> None:
    lines = [
        "Keep an eye on your inbox for the latest sports news.",
        "\u201cYou will not win this,\u201d the mayor told the council on Tuesday night.",
        _PROSE[0],
        "Kristi Noem, governor of South Dakota, pictured at the White House in 2018.",
        "Ascom is a global solutions provider focused on healthcare software.",
        "Jane Doe is a staff writer who covers city hall for the paper.",
        "GET THE QUIZ: INSTANT DOWNLOAD!",
        "Who will make the Rock Hall in 2020?",
    ]
    reader, imperative = _column(lines, "reader_words"), _column(lines, "imperative_open")
    assert reader[0] > 0 and imperative[0] == 1.0  # a promo speaks to the reader, opening with a verb
    assert reader[1] == 0.0 and imperative[1] == 0.0  # ... a quoted speaker does not count
    assert reader[2] == 0.0 and imperative[2] == 0.0
    caption = _column(lines, "caption_cues")
    assert caption[3] >= 1.0 and caption[2] == 0.0
    definition = _column(lines, "definition_open")
    assert definition[4] == 1.0 and definition[2] == 0.0 and definition[3] == 0.0
    bio = _column(lines, "bio_cues")
    assert bio[5] > 0 and bio[2] == 0.0
    upper = _column(lines, "upper_letters")
    assert upper[6] > 0.9 and upper[2] < 0.1
    question = _column(lines, "question_end")
    assert question[7] == 1.0 and question[2] == 0.0


@pytest.mark.parametrize("marker", [
    "ADVERTISEMENT - Continue reading below",
    "Continue reading the main story",
    "Advertisement · Scroll to continue",
    "Story continues below advertisement",
])
def test_ad_markers_chained_or_newspaper_worded_inside_an_article_are_ads(marker):
    """Found by QA on edited pages: these stayed content when pasted between paragraphs."""
    text = seed_text("001")
    paras = text.split("\n\n")
    edited = "\n\n".join(paras[:5] + [marker] + paras[5:])
    cats = dict(line_categories(edited))
    assert cats[marker] == {"ad"}
    # and the article around it is untouched
    assert dict(line_categories(text)).keys() <= cats.keys()


def test_continue_reading_alone_is_not_an_ad_marker():
    from rafahdiff.core.boilerplate_patterns import line_category

    assert line_category("Continue reading", 2) is None or line_category("Continue reading", 2)[0] != "ad"
    assert line_category("Continue reading the main story to see why", 8) is None


def test_a_page_the_model_doubts_throughout_is_recalibrated_upwards_only():
    """_page_calibrated: the likeliest article run's median line is raised to p = 0.95 when the
    model doubts the whole page (a language its lexicon hardly knows), never lowered."""
    from rafahdiff.core.boilerplate import _CALIBRATE_AT, _page_calibrated

    doubted = [0.01] * 5 + [0.6, 0.7, 0.65, 0.8, 0.6] + [0.01] * 5
    raised = _page_calibrated(doubted)
    assert all(r > d for r, d in zip(raised, doubted))
    run = sorted(raised[5:10])
    assert abs(math.log(run[2] / (1 - run[2])) - _CALIBRATE_AT) < 1e-9
    assert max(raised[:5] + raised[10:]) < 0.5  # the furniture around it stays furniture
    sure = [0.01] * 5 + [0.99, 0.97, 0.98, 0.99, 0.96] + [0.2] * 5
    assert list(_page_calibrated(sure)) == sure
    assert list(_page_calibrated([])) == []


def test_the_model_reason_names_what_the_new_line_signals_saw():
    """The reason says why in words a reader knows: a promo line speaks to the reader, a caption
    is worded like one, an about box says who someone is."""
    body = seed_text("001").split("\n\n")
    extra = {
        "Get the best of our reporting delivered to your inbox every morning, for free, if you like": "speaks to the reader",
        "Palestinians walk past the rubble of a building pictured in Rafah on Tuesday, March 26, 2024": "photo caption",
        "Acme Corp is a global provider of widgets headquartered in Ohio": "about box",
    }
    text = "\n\n".join(body + list(extra))
    units = classify(text, segment(text))
    got = {text[u.start:u.end]: u for u in units}
    for line, words in extra.items():
        unit = got[line]
        assert unit.boilerplate is not None and "line model" in unit.reason
        assert words in unit.reason, (line, unit.reason)
