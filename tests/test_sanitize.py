"""Issue 7: display_text — nothing from an article may drive the terminal or hide, nothing is lost."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rafahdiff.core.sanitize import MAX_STACKED_MARKS, display_line, display_text, is_safe, placeholder

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# Cf characters that are visible marks (Arabic number signs, Egyptian hieroglyph joiners…).
VISIBLE_FORMAT = {*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
                  *range(0x13430, 0x13439)}
PLACEHOLDER = re.compile("\u27e8[^\u27e8\u27e9]*\u27e9|[\u2400-\u2421]")


def raw_controls(s: str) -> list[str]:
    """Characters that must never reach a terminal raw: C0 (but newline), DEL, C1, surrogates, bidi."""
    return [c for c in s if (unicodedata.category(c) in ("Cc", "Cs") and c != "\n") or c in BIDI_CONTROLS]


@pytest.mark.parametrize("cp", [*range(0x00, 0x20), *range(0x7F, 0xA0)])
def test_every_c0_c1_control_becomes_visible(cp):
    if cp == 0x0A:
        assert display_text("a\nb") == "a\nb" and display_line("a\nb") == "a\u240ab"
        return
    out = display_text(f"a{chr(cp)}b")
    assert not raw_controls(out)
    if cp == 0x09:
        assert out == "a b"
    else:
        assert out.startswith("a") and out.endswith("b") and len(out) >= 3


@pytest.mark.parametrize("cp", [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"])
def test_every_format_character_is_shown_unless_a_visible_mark(cp):
    """Walks the running Python's Unicode database, so a newer Unicode adding a Cf fails loudly."""
    out = display_text(f"x{chr(cp)}y")
    if cp in VISIBLE_FORMAT:
        assert out == f"x{chr(cp)}y"
    else:
        assert chr(cp) not in out, hex(cp)
        assert PLACEHOLDER.search(out), hex(cp)


@pytest.mark.parametrize("seq,payload", [
    ("\x1b[31;1mRED\x1b[0m", "[31;1mRED"),
    ("\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\", "https://evil.example/"),
    ("\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07", "click"),
    ("\x1b]52;c;cm0gLXJmIH4=\x07", "52;c;cm0gLXJmIH4="),
    ("\x1b]0;pwned title\x07", "pwned title"),
    ("\x1bP+q544e\x1b\\", "+q544e"),
    ("\x9b2J\x9d52;c;eA==\x9c", "52;c;eA=="),
    ("\x1b[2J\x1b[H\x1b[?1049h", "[?1049h"),
    ("line\rOVERWRITE\x08\x08", "OVERWRITE"),
])
def test_terminal_sequences_are_inert_and_their_text_kept(seq, payload):
    out = display_text(seq)
    assert "\x1b" not in out and not raw_controls(out)
    assert payload in out  # nothing lost: the parameters stay readable
    assert "\u241b" in out or "\u27e8CSI\u27e9" in out or "\u240d" in out


def test_trojan_source_bidi_is_named():
    out = display_text("access = 'user\u202e \u2066// admin\u2069 \u2066'")
    assert "\u27e8RLO\u27e9" in out and "\u27e8LRI\u27e9" in out and "\u27e8PDI\u27e9" in out
    assert not raw_controls(out)
    for name, ch in (("LRM", "\u200e"), ("RLM", "\u200f"), ("ALM", "\u061c"), ("FSI", "\u2068")):
        assert display_text(f"a{ch}b") == f"a\u27e8{name}\u27e9b"


@pytest.mark.parametrize("emoji", [
    "👨\u200d👩\u200d👧\u200d👦",           # family
    "👩🏽\u200d🚒",                          # firefighter, skin tone
    "❤\ufe0f\u200d🔥",                       # heart on fire (VS16 before ZWJ)
    "🏳\ufe0f\u200d🌈",                       # rainbow flag
    "🧑🏿\u200d🤝\u200d🧑🏻",                 # people holding hands, two tones
    "👁\ufe0f\u200d🗨\ufe0f",                 # eye in speech bubble
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
    "1\ufe0f\u20e3",                          # keycap
    "🇵🇸🇮🇱",                                  # regional indicators
])
def test_emoji_sequences_stay_intact(emoji):
    assert display_text(f"Flag {emoji} here.") == f"Flag {emoji} here."
    assert is_safe(emoji)


@pytest.mark.parametrize("text,hidden", [
    ("pass\u200dword", "\u200d"),             # ZWJ between Latin letters: hiding
    ("\u200d👩", "\u200d"),                   # ZWJ with nothing before it
    ("👩\u200d", "\u200d"),                   # ZWJ with nothing after it
    ("👩\u200d\u200d👩", "\u200d"),           # a run of joiners carries data
    ("👩\u200dX", "\u200d"),                  # ZWJ before a letter
    ("a\u200cb", "\u200c"),                   # ZWNJ between Latin letters
    ("a\u200bb", "\u200b"),
    ("a\u2060b", "\u2060"),
    ("a\ufeffb", "\ufeff"),
    ("a\u00adb", "\u00ad"),
    ("a\u3164b", "\u3164"),                   # Hangul filler: an "invisible letter"
])
def test_hiding_joiners_are_shown(text, hidden):
    out = display_text(text)
    assert hidden not in out and PLACEHOLDER.search(out)


@pytest.mark.parametrize("text", [
    "می\u200cخواهم",                          # Persian ZWNJ
    "क्\u200dष",                              # Devanagari ZWJ after virama
    "ක්\u200dය",                              # Sinhala yansaya
])
def test_script_joiners_stay(text):
    assert display_text(text) == text


def test_tag_smuggling_spells_out_the_hidden_text():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore all")
    out = display_text(f"Nice article{hidden}.")
    assert out.startswith("Nice article") and out.endswith(".")
    assert "".join(re.findall("\u27e8TAG (.)\u27e9", out)) == "ignore all"
    fake_flag = "🏴\U000e0067\U000e0062\U000e0078\U000e0078\U000e0078\U000e007f"
    assert display_text(fake_flag) != fake_flag


def test_variation_selector_smuggling_is_shown():
    payload = "".join(chr(0xE0100 + b) for b in b"secret")
    out = display_text(f"😀{payload} ok")
    assert out.count("\u27e8VS") == 6 and not any(0xE0100 <= ord(c) <= 0xE01EF for c in out)
    assert display_text("葛\U000e0100") == "葛\U000e0100"  # a real ideographic variation sequence
    assert display_text("a\ufe0f\ufe0f") == "a\ufe0f\u27e8VS16\u27e9"


def test_zalgo_is_capped_but_counted():
    out = display_text("Z" + "\u0301\u0336" * 20 + "!")
    assert out.startswith("Z" + "\u0301\u0336" * (MAX_STACKED_MARKS // 2))
    assert f"\u27e8+{40 - MAX_STACKED_MARKS} marks\u27e9" in out and out.endswith("!")
    assert display_text("Tiếng Việt") == "Tiếng Việt"  # stacked diacritics of real text stay


def test_surrogates_from_undecodable_file_names_are_shown():
    out = display_line("/tmp/caf\udce9.txt")
    assert "\udce9" not in out and "\u27e8U+DCE9\u27e9" in out
    out.encode("utf-8")  # printable on a strict UTF-8 stream


def test_display_line_is_one_line():
    assert "\n" not in display_line("evil\nrafahdiff: all good\r\n")


def test_placeholders_are_safe_themselves():
    for cp in (0x00, 0x1B, 0x7F, 0x9B, 0x200D, 0x202E, 0xE0041, 0xFE0F, 0xD800):
        assert is_safe(placeholder(chr(cp)))


# ---- properties --------------------------------------------------------------------------

HOSTILE = st.sampled_from(
    ["\x1b", "\x07", "\x00", "\x9b", "\x9d", "\r", "\t", "\x0b", "\u2028", "\u202e", "\u2066", "\u2069",
     "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufe0f", "\U000e0041", "\U000e0100", "\ud800",
     "\u0301", "\u00ad"]
)
SAFE = st.sampled_from(list("ab .,[]\n") + ["é", "ش", "א", "中", "👩", "🏽", "🚒", "❤", "क", "्"])
TEXTS = st.lists(st.one_of(HOSTILE, SAFE), max_size=60).map("".join)
HOSTILE_CHARS = ["\x1b", "\x07", "\x00", "\x9b", "\x9d", "\r", "\x0b", "\u2028", "\u202e", "\u2066", "\u2069",
                 "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufe0f", "\U000e0041", "\U000e0100", "\ud800",
                 "\u00ad"]
HOSTILE_RE = re.compile("[" + "".join(HOSTILE_CHARS) + "]")
KEEPABLE = re.compile("[\u200c\u200d\ufe0e\ufe0f\U000e0000-\U000e0fff\u0301]")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_no_raw_controls_and_idempotent(text):
    out = display_text(text)
    assert not raw_controls(out)
    assert display_text(out) == out
    assert "\n" not in display_line(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_nothing_lost_nothing_injected(text):
    """Removing the placeholders from the output gives the input minus what they replaced."""
    out = display_text(text)
    visible_in = HOSTILE_RE.sub("", text.replace("\t", " "))
    visible_out = KEEPABLE.sub("", PLACEHOLDER.sub("", out))
    assert visible_out == KEEPABLE.sub("", visible_in)



@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_property_any_unicode_is_made_safe(text):
    out = display_text(text)
    assert not raw_controls(out)
    assert not any(unicodedata.category(c) == "Cf" and c not in "\u200c\u200d" and ord(c) not in VISIBLE_FORMAT
                   and not 0xE0020 <= ord(c) <= 0xE007F for c in out)
    assert display_text(out) == out


# ---- terminal_text: emoji sequences as parts whose width every terminal agrees on --------------

_SEQUENCES = ["👨\u200d👩\u200d👧", "👩🏽\u200d🚒", "❤\ufe0f", "❤\ufe0f\u200d🔥", "👍🏿", "#\ufe0f\u20e3",
              "🏳\ufe0f\u200d🌈", "🇺🇸", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
              "क्\u200dष", "ل\u200dا"]


def _codepoint_cells(text: str) -> int:
    from rich.cells import get_character_cell_size
    return sum(get_character_cell_size(ch) for ch in text)


@pytest.mark.parametrize("seq", _SEQUENCES)
def test_terminal_text_gives_rich_and_per_code_point_terminals_the_same_width(seq):
    from rich.cells import cell_len

    from rafahdiff.core.sanitize import terminal_text
    out = terminal_text(f"a {seq} b")
    assert "\u200d" not in out and "\ufe0f" not in out
    assert cell_len(out) == _codepoint_cells(out)
    assert out.startswith("a ") and out.endswith(" b") and len(out) > 4  # the emoji is still shown


def test_terminal_text_shows_sequences_as_their_parts():
    from rafahdiff.core.sanitize import terminal_text
    assert terminal_text("a 👨\u200d👩\u200d👧 b") == "a 👨👩👧 b"
    assert terminal_text("❤\ufe0f and 👍🏽") == "❤ and 👍"
    assert terminal_text("a lone \U0001F3FD tone") == f"a lone {placeholder(chr(0x1F3FD))} tone"
    assert terminal_text("flag 🇺🇸") == "flag 🇺🇸"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\u200d", "\ufe0f", "👨", "❤", "🇺", "🏽", "中", "\u0301",
                                          "\x1b", "\u202e", "क", "्"]), max_size=40))
def test_property_terminal_text_is_safe_and_width_stable(text):
    from rich.cells import cell_len

    from rafahdiff.core.sanitize import terminal_text
    out = terminal_text(text)
    assert not raw_controls(out)
    assert cell_len(out) == _codepoint_cells(out)
    assert terminal_text(out) == out
