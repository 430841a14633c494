"""Segmenter behaviour: seed sentences, the tricky cases of issue 3, the Golden Rules, invariants.

SEED_SENTENCES lists every sentence-kind unit of the five seeds; each was read and checked by eye
against the article (abbreviations, quotes, glued periods, captions without final punctuation).
"""

from __future__ import annotations

import json
import string
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rafahdiff.core import read_source
from rafahdiff.core.model import KINDS
from rafahdiff.core.segment import segment
from rafahdiff.core.wrapping import looks_hard_wrapped, unwrap
from tests.conftest import SEED_IDS, SHARED

GOLDEN = SHARED / "bench-data" / "golden_rules_en.json"
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


def units(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in segment(text)]


def check_invariants(text: str) -> None:
    spans = segment(text)
    covered = bytearray(len(text))
    prev_end = 0
    for s in spans:
        assert s.kind in KINDS
        assert prev_end <= s.start < s.end <= len(text)
        piece = text[s.start:s.end]
        assert not piece[0].isspace() and not piece[-1].isspace(), "span not trimmed"
        assert not any(ch in LINE_BREAKS for ch in piece), "span crosses a line break"
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
        prev_end = s.end
    missed = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    assert not missed, f"uncovered characters at {missed[:5]}"


SEED_SENTENCES: dict[str, tuple[str, ...]] = {
    "000": (
        'Israeli (L) and U.S. flags are reflected on a conference table where Defense Secretary Lloyd Austin met with Israeli Defense Minister Yoav Gallant, at the Pentagon in Washington/Photo: AP',
        'TEL AVIV: In a reversal, Israel agreed to send its war strategists to Washington to discuss its intention to launch a ground assault on Hamas militants in the southern Gaza city of Rafah.',
        'On Monday, Israel had called off the trip in protest against the U.S. refusal to veto a U.N. Security Council resolution calling for an immediate cease-fire in the Israel-Hamas war.',
        'The United States, Israel’s staunchest ally in the nearly six-month war, abstained from this week’s U.N. vote after vetoing similar resolutions earlier.',
        'That drew a rebuke from Israeli Prime Minister Benjamin Netanyahu, evidence of a growing split with Washington over the Jewish state’s conduct of the war.',
        'But even as Netanyahu called off a trip by one set of his war strategists, Defense Minister Yoav Gallant was in Washington for talks this week with U.S. Defense Secretary Lloyd Austin and Secretary of State Antony Blinken.',
        'Netanyahu has said a Rafah attack is necessary to erase any Hamas control of Gaza, the narrow enclave along the Mediterranean Sea.',
        'But the U.S. has told Israel it is opposed to a Rafah invasion, especially since more than a million Palestinian civilians are sheltered there in makeshift tents and structures.',
        'Israel has said it will move the Palestinians to safety before any attack on four Hamas battalions based in Rafah, but it has not indicated where it will send them.',
        'While maintaining that the U.S. abstention was “very, very bad,” Netanyahu told visiting U.S. Republican Senator Rick Scott that his initial cancellation of the Israeli delegation’s trip “was a message first and foremost to Hamas: Don’t bet on this [United Nations] pressure [for a cease-fire].',
        'It’s not going to work.”',
        'Netanyahu said the Security Council vote “encouraged Hamas to take a hard line and to believe that international pressure will prevent Israel” from achieving its war aims.',
        'Israel has vowed to keep fighting until the Hamas military is destroyed and the remaining 100 or so hostages it is holding are freed.',
        'The White House said that it was “a good thing” to hold more talks with Israeli officials and that a date was being discussed.',
    ),
    "001": (
        'WASHINGTON —\xa0Israeli plans for a ground invasion of Rafah are on hold as Israeli and American officials work to reschedule a meeting to discuss the plan, the White House announced Thursday.',
        'The Biden administration expects that there will be no assault on Rafah at least until after the meeting, national security communications adviser John Kirby said in a briefing to reporters.',
        'No date for the talks has been set, he said.',
        'The meeting is back on after Israeli Prime Minister Benjamin Netanyahu reversed his decision to cancel sending a delegation of war strategists to Washington to discuss his government’s intentions to root out Hamas militants in the Gaza Strip’s southernmost city.',
        'Netanyahu canceled the delegation on Monday to protest a U.S. abstention at the United Nations Security Council that allowed passage of a resolution calling for an immediate cease-fire in the Israeli-Hamas war.',
        'The White House confirmed on Wednesday that Netanyahu agreed to reschedule the meeting.',
        'Top Biden officials have urged Israel to abandon plans to attack Rafah, where over 1.4 million Palestinian civilians seek safety, as bilateral tensions brew over Israel’s conduct in its nearly six-month war against Hamas.',
        'In two days of meetings in Washington earlier this week, Defense Secretary Lloyd Austin, Secretary of State Antony Blinken, White House national security adviser Jake Sullivan and CIA Director William Burns implored Israeli Defense Minister Yoav Gallant to find alternatives that would avoid more casualties in Gaza, where the death toll has topped 32,000, according to Palestinian figures.',
        'The discussions with Gallant “were not meant to replace what we hope to be able to do in a more comprehensive way with the Israeli delegation coming to D.C.,” Kirby said.',
        'Netanyahu insists that the goal of “total victory” against Hamas cannot be achieved without going into Rafah, where Israel says there are four Hamas battalions composed of thousands of fighters.',
        '“To win this war, we must destroy the remaining Hamas battalions in Rafah,” the prime minister said Tuesday via video conference to the pro-Israel lobbying group American Israel Public Affairs Committee.',
        '“If not, Hamas will regroup, rearm and reconquer Gaza, and then we’re back to square one.',
        'And that’s an intolerable threat that we cannot accept.”',
        'Meanwhile, despite an extensive diplomatic push by U.S. officials, together with Qatari and Egyptian mediators, talks in Qatar on a cease-fire in exchange for the release of hostages held by Hamas remain deadlocked.',
    ),
    "002": (
        'The White House announced Thursday that plans for an Israeli ground invasion of Rafah have been put on hold and that Israeli and U.S. officials are working to reschedule a meeting to discuss the plan.',
        'National security communications adviser John Kirby said in a briefing with reporters that the Biden administration does not expect to launch an attack on Rafah at least until the end of the meeting.',
        'He said a date for the talks has not yet been set.',
        'The meeting resumed after Israeli Prime Minister Benjamin Netanyahu reversed a decision to cancel a delegation of war strategists to Washington to discuss his government’s eradication of Hamas militants in the Gaza Strip’s southernmost city.',
        'Netanyahu canceled a delegation visit on Monday to protest the United States’ abstention in a U.N. Security Council vote that would have allowed a resolution calling for an immediate ceasefire in Israel’s war with Hamas.',
        'The White House confirmed on Wednesday that Netanyahu had agreed to reschedule the meeting.',
        'Top Biden officials have urged Israel to abandon plans to attack Rafah, where more than 1.4 million Palestinian civilians have sought safety, as bilateral tensions rise over Israel’s behavior in the nearly six-month war against Hamas.',
        'During a two-day meeting in Washington earlier this week, Defense Secretary Lloyd Austin, Secretary of State Antony Blinken, White House national security adviser Jake Sullivan and CIA Director William Burns pleaded with Israel Defense Minister Yoav Galante finds alternatives to avoid more casualties in Gaza According to Palestinian figures, the death toll has exceeded 32,000.',
        'Kirby said the discussions with Gallant “are not intended to replace what we hope to be able to do in a more comprehensive manner with the Israeli delegation coming to Washington.”',
        'Netanyahu insists the goal of “total victory” against Hamas cannot be achieved without access to Rafah, which Israel says is home to four Hamas battalions of thousands of fighters.',
        '“To win this war, we must destroy the remaining Hamas camps in Rafah,” the prime minister told a video conference on Tuesday with the pro-Israel lobby group the American Israel Public Affairs Committee.',
        '“If not, Hamas will regroup, rearm and reconquer Gaza, and we are back to square one.',
        'This is an intolerable threat that we cannot accept.”',
        'Meanwhile, Qatari talks over a ceasefire in exchange for the release of hostages by Hamas remain deadlocked despite a broad diplomatic push by U.S. officials along with Qatari and Egyptian mediators.',
        "Surja, a dedicated blog writer and explorer of diverse topics, holds a Bachelor's degree in Science.",
        'Her writing journey unfolds as a fascinating exploration of knowledge and creativity.',
        'With a background in B.Sc, Surja brings a unique perspective to the world of blogging.',
        'Hers articles delve into a wide array of subjects, showcasing her versatility and passion for learning.',
        "Whether she's decoding scientific phenomena or sharing insights from her explorations, Surja's blogs reflect a commitment to making complex ideas accessible.",
    ),
    "003": (
        '"The prime minister\'s office has agreed to reschedule the meeting dedicated to Rafah.',
        'So we\'re now working with them to set (a) convenient date," White House spokesperson Karine Jean-Pierre said on Wednesday',
        'Palestinians search for bodies at a house hit by an Israeli strike in Rafah, Gaza Strip on Wednesday.',
        "After Prime Minister Benjamin Netanyahu abruptly cancelled a planned meeting on military plans for Gaza's southern city of Rafah earlier this week, Israel has asked the White House to reschedule the high-level meeting in an apparent bid to ease tensions between the two allies.",
        '"The prime minister\'s office has agreed to reschedule the meeting dedicated to Rafah," Reuters quoted White House spokesperson Karine Jean-Pierre as saying on Wednesday.',
        '"So we\'re now working with them to set (a) convenient date," she added.',
        'Netanyahu called off a planned visit to Washington by a senior Israeli delegation after the US allowed passage of a Gaza ceasefire resolution at the United Nations on Monday, marking a new war-time low in his relations with President Joe Biden.',
        'The suspension of meeting had put a new obstacle in the way of efforts by the US, concerned about a deepening humanitarian crisis in Gaza, to get Netanyahu to consider alternatives to a ground invasion of Rafah, the last relatively safe haven for Palestinian civilians.',
        'According to a Reuters report, an Israeli official in Washington confirmed that the new meeting was being arranged and said Netanyahu was considering sending his delegation as early as next week.',
        "There was no immediate comment from Netanyahu's office, added the report.",
        'Israeli Defense Minister Yoav Gallant held wide-ranging discussions with senior US officials this week and sought to lower the temperature between the two governments.',
        "Gallant, though not part of Netanyahu's inner circle, is a key architect of the campaign against Hamas in retaliation for the militants' 7 October rampage that Israel says killed 1,200 people.",
        "Israel's military response has killed more than 32,000 Palestinians, according to the health authorities in the Hamas-run enclave.",
        "The Israeli team will still be led by Strategic Affairs Minister Ron Dermer and National Security Adviser Tzachi Hanegbi, two of Netanyahu's close confidants, according to a person familiar with the matter.",
        "The talks are expected to focus on Israel's threatened offensive in Rafah, where more than a million displaced Palestinians are sheltering.",
        'State Department spokesperson Matthew Miller said on Wednesday, "We do," when asked if the US believes a limited military campaign in Rafah can take out remaining commanders of the Palestinian militant group.',
        'The White House said last week it intended to share with Israeli officials alternatives for eliminating Hamas\' remaining battalions in Rafah without a full-scale ground invasion that Washington says would be a "disaster."',
        'The threat of such an offensive has increased differences between close allies the United States and Israel, and raised questions about whether the US might restrict military aid if Netanyahu defies Biden and presses ahead anyway.',
        "Biden, running for re-election in November, faces pressure not just from America's allies but from a growing number of fellow Democrats to rein in the Israeli military response in Gaza.",
        "Biden's decision to abstain at the UN, coming after months of mostly adhering to longtime US policy of shielding Israel at the world body, appeared to reflect growing US frustration with the Israeli leader.",
        'Netanyahu issued a stinging rebuke, calling the US move a "clear retreat" from its previous position and would hurt Israel\'s war efforts and negotiations to free more than 130 hostages still held in Gaza.',
        "US officials said at the time that the Biden administration was perplexed by Netanyahu's decision and considered it an overreaction, insisting there had been no change in policy.",
    ),
    "004": (
        "The US and Israel are expected to hold a virtual meeting on Monday to discuss the Biden administration's alternative proposals to an Israeli military invasion of Rafah, four Israeli and US officials told Axios.",
        'The meeting, which was supposed to to take place last week, has become a contentious issue between Israeli Prime Minister Benjamin Netanyahu and US President Biden.',
        "After the US last week didn't veto a UN Security Council resolution calling for a ceasefire in Gaza and the release of all hostages, Netanyahu announced he was cancelling the meeting in protest.",
        'A day later, he sent quiet messages to the White House asking to reschedule.',
        "After the White House made Netanyahu's request public, he denied such a delegation would be going to the White House.",
        'The Biden administration said an operation in Rafah, where more than 1 million Palestinians are sheltering, could lead to mass casualties and exacerbate the humanitarian disaster on Gaza.',
        "Netanyahu's closest confidant, Israeli Minister for Strategic Affairs Ron Dermer, told Netanyahu several times in recent days he needs to send the delegation to Washington as soon as possible to avoid further escalation of tensions with Biden.",
        'Senior Israeli officials said holding a virtual meeting is a way for Netanyahu to "save face" and have a discussion with the White House about Rafah without sending a delegation to Washington.',
        'The meeting will take place on a secure video conference call, Israeli and US officials told Axios.',
        'White House National Security adviser Jake Sullivan is expected to lead the US side in the meeting, with representatives from the Pentagon, State Department and the US intelligence agencies participating.',
        "Dermer and Netanyahu's national security adviser Tzachi Hanegbi are going to lead the talks from the Israeli side with senior Israeli defense and intelligence officials participating.",
        'A senior Israeli official said a second meeting, in person, is planned to take place as soon as next week.',
        '"I have approved the IDF operational plan for Rafah.',
        'The IDF is prepared for the evacuation of the civilian population and for the provision of humanitarian assistance," Netanyahu said in a press conference on Sunday.',
        'This was the fourth time in the past two months that Netanyahu said he had approved the plans.',
        'The prime minister added an invasion of Rafah is the right thing both operationally and internationally.',
        '"This will take time but it will be done.',
        'We will enter Rafah and we will eliminate the Hamas battalions there for one simple reason: There is no victory without entering Rafah and there is no victory without eliminating the Hamas battalions there," he said.',
        'Netanyahu said at the press conference he still hasn\'t approved the departure of an Israeli delegation to Washington to discuss the issue of Rafah and added that Israel "will find a way to discuss this" with the Biden administration.',
    ),
}


# --- the seeds -----------------------------------------------------------------------------------

@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_every_seed_sentence(seed_id):
    text = read_source(seed_id).text
    got = tuple(text[s.start:s.end] for s in segment(text) if s.kind == "sentence")
    assert got == SEED_SENTENCES[seed_id]


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seed_invariants(seed_id):
    check_invariants(read_source(seed_id).text)


def _line(seed_id: str, prefix: str) -> str:
    return next(ln for ln in read_source(seed_id).text.splitlines() if ln.startswith(prefix))


def test_quote_paragraph_of_001_is_three_sentences():
    assert sentences(_line("001", "“To win this war")) == [
        "“To win this war, we must destroy the remaining Hamas battalions in Rafah,” the prime minister"
        " said Tuesday via video conference to the pro-Israel lobbying group American Israel Public"
        " Affairs Committee.",
        "“If not, Hamas will regroup, rearm and reconquer Gaza, and then we’re back to square one.",
        "And that’s an intolerable threat that we cannot accept.”",
    ]


def test_dc_inside_quote_is_one_sentence():
    line = _line("001", "The discussions with Gallant")
    assert len(segment(line)) == 1
    assert line.endswith("coming to D.C.,” Kirby said.")


def test_glued_period_in_002_bio_splits():
    got = sentences(_line("002", "Surja, a dedicated"))
    assert "Her writing journey unfolds as a fascinating exploration of knowledge and creativity." in got
    assert "With a background in B.Sc, Surja brings a unique perspective to the world of blogging." in got
    assert len(got) == 5


def test_domains_do_not_split():
    assert units(_line("003", "< Back to 68k.news")) == [("line", "< Back to 68k.news IN front page")]
    assert units("www.anews.az") == [("line", "www.anews.az")]
    assert units("Join Whatsapp Group of thelocalreport.in") == [
        ("heading", "Join Whatsapp Group of thelocalreport.in")
    ]


def test_caption_with_credit_splits_off_the_credit():
    assert units(_line("003", "Palestinians search for bodies")) == [
        ("sentence", "Palestinians search for bodies at a house hit by an Israeli strike in Rafah, Gaza Strip on Wednesday."),
        ("line", "AP"),
    ]


def test_quote_split_inside_quotation_in_003():
    assert sentences(_line("003", "\"The prime minister's office has agreed to reschedule the meeting dedicated to Rafah. So")) == [
        "\"The prime minister's office has agreed to reschedule the meeting dedicated to Rafah.",
        "So we're now working with them to set (a) convenient date,\" White House spokesperson Karine"
        " Jean-Pierre said on Wednesday",
    ]


FURNITURE = [
    ("000", "0%", "line"),
    ("000", "Khabarhub", "line"),
    ("000", "March 28, 2024", "line"),
    ("000", "3 MIN READ", "line"),
    ("000", "(VOA)", "line"),
    ("000", "US, Israel set new talks on Israeli plan to invade Rafah", "heading"),
    ("001", "Rafah Assault on Hold as US-Israel Talks Back On", "heading"),
    ("001", "Posted Under", "line"),
    ("002", "US and Israel restart negotiations, Rafah attack shelved", "heading"),
    ("002", "Surja", "line"),
    ("002", "Related Articles", "line"),
    ("003", "Original source (on modern site) | Article images: [1] [2]", "line"),
    ("003", "US, Israel working to reschedule cancelled meeting on Rafah military plans", "heading"),
    ("003", "With inputs from agencies", "line"),
    ("004", "10:01 | 01.04.2024", "line"),
    ("004", "www.anews.az", "line"),
    ("004", "Follow us !", "line"),
    ("004", "REKLAM", "line"),
]


@pytest.mark.parametrize(("seed_id", "text", "kind"), FURNITURE)
def test_seed_furniture_kinds(seed_id, text, kind):
    doc = read_source(seed_id).text
    found = [s.kind for s in segment(doc) if doc[s.start:s.end] == text]
    assert found and set(found) == {kind}


@pytest.mark.parametrize(("text", "kind"), [
    ("Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?", "heading"),
    ("Is this the end of the war in Gaza?", "sentence"),
    ("Why Subscribe?", "sentence"),
    ("Read more:", "line"),
    ("By Matthew Lee and Josef Federman, Associated Press", "line"),
    ("Updated 10:01 AM EDT, March 28, 2024", "line"),
    ("Israel strikes 12 targets in 2 days", "heading"),
    ("Yes.", "line"),
])
def test_kind_of_a_lone_line(text, kind):
    assert units(text) == [(kind, text)]


# --- the tricky cases of issue 3 -----------------------------------------------------------------

TRICKY = [
    ("The U.S. abstained. The U.N. vote passed.", ["The U.S. abstained.", "The U.N. vote passed."]),
    ("He met U.S. Defense Secretary Lloyd Austin.", ["He met U.S. Defense Secretary Lloyd Austin."]),
    ("He lives in Washington, D.C. The city is calm.", ["He lives in Washington, D.C.", "The city is calm."]),
    ("Sen. Rick Scott and Gen. Mark Milley met on Jan. 6 with Mr. Smith.",
     ["Sen. Rick Scott and Gen. Mark Milley met on Jan. 6 with Mr. Smith."]),
    ("Over 1.4 million people fled. Aid is short.", ["Over 1.4 million people fled.", "Aid is short."]),
    ("John F. Kennedy and J. R. R. Tolkien wrote.", ["John F. Kennedy and J. R. R. Tolkien wrote."]),
    ("“It is over,” she said. “We are done.”", ["“It is over,” she said.", "“We are done.”"]),
    ("“We cannot accept.” Meanwhile, talks stalled.", ["“We cannot accept.”", "Meanwhile, talks stalled."]),
    ("“Is it over?” she asked. No one answered!", ["“Is it over?” she asked.", "No one answered!"]),
    ("knowledge and creativity.With a background", ["knowledge and creativity.", "With a background"]),
    ("Mail Jane.Doe@example.com today. Visit example.com or www.anews.az now.",
     ["Mail Jane.Doe@example.com today.", "Visit example.com or www.anews.az now."]),
    ("Apple Inc. Chief Executive Tim Cook spoke. Apple Inc. It grew.",
     ["Apple Inc. Chief Executive Tim Cook spoke.", "Apple Inc.", "It grew."]),
    ("See p. 55 and No. 1 in Fig. 3. Then stop.", ["See p. 55 and No. 1 in Fig. 3.", "Then stop."]),
    ("The death toll topped 32,000. Israel said so.", ["The death toll topped 32,000.", "Israel said so."]),
    ("Wait... What happened?", ["Wait...", "What happened?"]),
    ("Plan B. The committee voted, i.e. The Board agreed.",
     ["Plan B.", "The committee voted, i.e. The Board agreed."]),
    ("Rafah. غزة مدينة. 加沙。", ["Rafah.", "غزة مدينة.", "加沙。"]),
    ("加沙。你好！好的？ 结束。", ["加沙。", "你好！", "好的？", "结束。"]),
    ("“Why now?” Biden asked. He left.", ["“Why now?” Biden asked.", "He left."]),
    ("“Why now?” The president asked nothing.", ["“Why now?”", "The president asked nothing."]),
    ("He lives in Calif. The state is big. Gov. Newsom of Calif. Went home.",
     ["He lives in Calif.", "The state is big.", "Gov. Newsom of Calif. Went home."]),
    ("At 9 a.m. Tuesday he left. At 10 a.m. The talks began.",
     ["At 9 a.m. Tuesday he left.", "At 10 a.m.", "The talks began."]),
    ("Upgrade for $900 (Orig. $1,599). Apple is.", ["Upgrade for $900 (Orig. $1,599).", "Apple is."]),
    ("It took until 2020. (Watergate took two years.) Then", ["It took until 2020.", "(Watergate took two years.)", "Then"]),
    ("The ad campaign. (onmeth.com)", ["The ad campaign.", "(onmeth.com)"]),
    ("a knee sprain. ... Schröder got a foul.", ["a knee sprain. ...", "Schröder got a foul."]),
    ("made for everyday use. 5 minutes of charging", ["made for everyday use.", "5 minutes of charging"]),
    ("Trump ask, ‘So he’s going to do it?’” Holmes testified. Next.",
     ["Trump ask, ‘So he’s going to do it?’” Holmes testified.", "Next."]),
    ("she said. “ I love what I’m doing.”", ["she said.", "“ I love what I’m doing.”"]),
    ("she said. “‘Glasgow’ is a song.", ["she said.", "“‘Glasgow’ is a song."]),
    ("Speaker Rt. Hon. B. U. Nzeribe died.", ["Speaker Rt. Hon. B. U. Nzeribe died."]),
    ("Apple launched it. iPhone sales rose. It rained. it stopped.",
     ["Apple launched it.", "iPhone sales rose.", "It rained. it stopped."]),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY, ids=[t[:30] for t, _ in TRICKY])
def test_tricky_cases(text, expected):
    assert sentences(text) == expected


def test_sentence_never_crosses_a_newline():
    assert sentences("He said\nthat it rained. Then\r\nit stopped") == [
        "He said", "that it rained.", "Then", "it stopped"
    ]


# --- Golden Rules (pySBD's English set): every case we pass is pinned ---------------------------

def _golden_cases():
    if not GOLDEN.exists():
        return []
    return json.loads(GOLDEN.read_text(encoding="utf-8"))["cases"]


@pytest.mark.skipif(not GOLDEN.exists(), reason="bench data not present")
@pytest.mark.parametrize("case", _golden_cases(), ids=lambda c: c["text"][:30])
def test_golden_rule(case):
    assert [s.strip() for s in sentences(case["text"])] == case["sentences"]


# --- robustness and invariants -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t \u00a0\n", ".", "...", ". . . .", "?!", "\u200b", "word\n" * 1000,
    "a." * 5000, "U.S. " * 2000, "x" * 100_000, "“" * 50 + "." * 50, "1. 2. 3. 4.", "• • •",
    "a\rb\u2028c\x85d\ve", "Hi.\u00a0There.", "👍🏽 Great. 👨‍👩‍👧 Family!", "e\u0301te\u0301. Cafe\u0301 ouvert.",
])
def test_edge_inputs_keep_invariants(text):
    check_invariants(text)


ALPHABET = string.ascii_letters[:8] + "ABU S.!?…\"'“”’()[] \n\t\r\u00a0,:;0123-•" + "غ加é。」"
WORDS = ["U.S.", "D.C.,”", "Mr.", "Sen.", "a.m.", "1.4", "said.", "“Yes.”", ". . .", "creativity.With",
         "68k.news", "Co.", "I.", "e.g.", "(VOA)", "1.)", "2)", "b.", "The", "he", "\n", "  ", "?!"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_coverage_property_random_text(text):
    check_invariants(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.randoms(use_true_random=False))
def test_coverage_property_word_soup(words, rnd):
    check_invariants("".join(w + rnd.choice(["", " ", " ", "\n"]) for w in words))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_IDS), st.integers(0, 4000), st.integers(0, 400),
       st.text(alphabet=". \n”“A", max_size=5))
def test_coverage_property_mutated_seed(seed_id, at, length, insert):
    text = read_source(seed_id).text
    at = at % (len(text) + 1)
    check_invariants(text[:at] + insert + text[at + length:])


# --- hard-wrapped text (core.wrapping; pipeline.analyse applies it) ------------------------------

def _wrapped(seed_id: str) -> tuple[str, list[str]]:
    paragraphs = [ln for ln in read_source(seed_id).text.splitlines() if len(ln) >= 60]
    return "\n\n".join(textwrap.fill(p, 60) for p in paragraphs), paragraphs


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seeds_are_not_hard_wrapped(seed_id):
    assert not looks_hard_wrapped(read_source(seed_id).text)


@pytest.mark.parametrize("seed_id", ["001", "002", "003"])
def test_unwrapped_text_segments_like_the_original(seed_id):
    wrapped, paragraphs = _wrapped(seed_id)
    assert looks_hard_wrapped(wrapped)
    flat = unwrap(wrapped)
    assert len(flat) == len(wrapped)
    assert [i for i, (x, y) in enumerate(zip(wrapped, flat)) if x != y and not (x == "\n" and y == " ")] == []
    got = [wrapped[s.start:s.end].replace("\n", " ") for s in segment(flat)]
    assert got == [s for p in paragraphs for s in sentences(p)]
    check_invariants(wrapped)


def test_menus_and_one_word_lines_are_not_hard_wrapped():
    assert not looks_hard_wrapped("word\n" * 1000)
    assert not looks_hard_wrapped("news\nhome page\nworld\nbusiness\ntech\n" * 50)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab .\n \t", max_size=200))
def test_unwrap_only_turns_soft_breaks_into_spaces(text):
    flat = unwrap(text)
    assert len(flat) == len(text)
    assert all(x == y or (x == "\n" and y == " ") for x, y in zip(text, flat))
    assert "\n\n" not in text or flat.count("\n") >= 1
    check_invariants(flat)
