"""Display safety: article text is untrusted, so nothing it holds may drive the terminal or hide.

`display_text` returns what a view may show: every character that could act on a terminal
(C0/C1 controls, so ESC/CSI/OSC sequences incl. OSC 8 links and OSC 52 clipboard writes lose their
introducer), reorder it (bidi embeddings, overrides, isolates, marks) or hide text (zero-width
characters, tag characters, variation-selector runs, fillers, surrogates) becomes a *visible*
placeholder: control pictures (␛ ␀ ␇ …) for C0, ⟨NAME⟩ or ⟨U+XXXX⟩ otherwise. The rest of an escape
sequence stays as plain, inert text (``␛]52;c;…``), so nothing is lost and nothing is injected.

Legitimate invisible characters are kept only where their context makes them harmless:
- ZWJ between two pictographs (after an optional VS16 / skin tone): emoji ZWJ sequences such as
  👩🏽‍🚒 or ❤️‍🔥 render as one glyph and cannot hide text, since both neighbours are visible emoji;
- ZWJ/ZWNJ between two letters of scripts that need them (Arabic, Persian, Syriac, Indic, Sinhala,
  Myanmar, Khmer, Mongolian…) — one joiner per gap; a run of joiners is shown;
- one VS15/VS16 (U+FE0E/FE0F) after a visible character; FE00–FE0D and ideographic variation
  selectors only after a CJK ideograph;
- the tag sequences of the three RGI subdivision flags (England, Scotland, Wales) after 🏴; any other
  tag character (the "ASCII smuggling" trick) is shown.
Runs of more than `MAX_STACKED_MARKS` generic combining marks ("Zalgo" text, which paints over
neighbouring rows) keep the first few and show the rest as ⟨+N marks⟩.

Offsets are unaffected: the JSON keeps offsets into the original text; only what is *shown* goes
through here. Everything is linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata

#: Generic combining marks kept on one base character before the rest is summarised.
MAX_STACKED_MARKS = 4

_C1_NAMES = (
    "PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 "
    "DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC"
).split()
_NAMES = {
    0x00AD: "SHY", 0x061C: "ALM", 0x115F: "HCF", 0x1160: "HJF", 0x180E: "MVS",
    0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x200E: "LRM", 0x200F: "RLM",
    0x2028: "LS", 0x2029: "PS",
    0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
    0x2060: "WJ", 0x2061: "FA", 0x2062: "IT", 0x2063: "IS", 0x2064: "IP",
    0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    0x206A: "ISS", 0x206B: "ASS", 0x206C: "IAFS", 0x206D: "AAFS", 0x206E: "NADS", 0x206F: "NODS",
    0x3164: "HF", 0xFEFF: "BOM", 0xFFA0: "HWHF", 0xFFF9: "IAA", 0xFFFA: "IAS", 0xFFFB: "IAT",
}

# Every character that is never shown raw, or only in one of the contexts above.
_SUSPECT_CLASS = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_MARKS_CLASS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SUSPECT_CHAR = re.compile(f"[{_SUSPECT_CLASS}]")
_ANY = re.compile(f"[{_SUSPECT_CLASS}{_MARKS_CLASS}]")  # fast path: most text has none of these
_UNSAFE = re.compile(
    # the tags of 🏴󠁧󠁢󠁥󠁮󠁧󠁿 🏴󠁧󠁢󠁳󠁣󠁴󠁿 🏴󠁧󠁢󠁷󠁬󠁳󠁿 (RGI subdivision flags) — matched whole, kept whole
    "(?<=\U0001F3F4)(?P<flag>\U000E0067\U000E0062(?:\U000E0065\U000E006E\U000E0067|"
    "\U000E0073\U000E0063\U000E0074|\U000E0077\U000E006C\U000E0073)\U000E007F)"
    f"|(?P<marks>[{_MARKS_CLASS}]{{{MAX_STACKED_MARKS + 1},}})"
    f"|[{_SUSPECT_CLASS}]"
)

_SKIN_TONES = range(0x1F3FB, 0x1F400)
_PICTOGRAPHIC = (
    (0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2300, 0x23FF), (0x2B00, 0x2BFF), (0x2190, 0x21FF),
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
)
# Scripts whose orthography uses ZWJ/ZWNJ between letters.
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF),
    (0x1800, 0x18AF), (0xA8E0, 0xA8FF), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F), (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFE), (0x10A00, 0x10A5F), (0x11000, 0x11FFF), (0x1E900, 0x1E95F),
)
_CJK = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
_HANGUL_JAMO = ((0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ranges)


def _plain(ch: str) -> bool:
    """A visible, non-space character that is not itself suspect."""
    return not ch.isspace() and _SUSPECT_CHAR.match(ch) is None


def _emoji_base_before(text: str, i: int) -> bool:
    """Is there a pictograph before position `i`, skipping one VS16 and one skin tone?"""
    j = i - 1
    if j >= 0 and text[j] == "\ufe0f":
        j -= 1
    if j >= 0 and ord(text[j]) in _SKIN_TONES:
        j -= 1
    return j >= 0 and _in(text[j], _PICTOGRAPHIC) and _plain(text[j])


def _keep(text: str, i: int) -> bool:
    """Whether the suspect character at `i` is legitimate in its context."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch == "\u200d":
        if nxt and _in(nxt, _PICTOGRAPHIC) and _plain(nxt) and _emoji_base_before(text, i):
            return True
    if ch in "\u200c\u200d":
        return bool(prev and nxt) and _plain(prev) and _plain(nxt) and _in(prev, _JOINING_SCRIPTS) \
            and _in(nxt, _JOINING_SCRIPTS)
    if ch in "\ufe0e\ufe0f":
        return bool(prev) and _plain(prev)
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0D or 0xE0100 <= cp <= 0xE01EF:
        return bool(prev) and _in(prev, _CJK)
    if cp in (0x115F, 0x1160):
        return bool(nxt) and _in(nxt, _HANGUL_JAMO)
    return False


def placeholder(ch: str) -> str:
    """The visible stand-in for one hidden or controlling character."""
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)  # ␀ ␁ … ␛ …: Unicode control pictures
    if cp == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= cp <= 0x9F:
        return f"\u27e8{_C1_NAMES[cp - 0x80]}\u27e9"
    name = _NAMES.get(cp)
    if name:
        return f"\u27e8{name}\u27e9"
    if 0xE0020 <= cp <= 0xE007E:  # tag characters spell hidden ASCII: show what they spell
        return f"\u27e8TAG {chr(cp - 0xE0000)}\u27e9"
    if 0xFE00 <= cp <= 0xFE0F:
        return f"\u27e8VS{cp - 0xFE00 + 1}\u27e9"
    if 0xE0100 <= cp <= 0xE01EF:
        return f"\u27e8VS{cp - 0xE0100 + 17}\u27e9"
    return f"\u27e8U+{cp:04X}\u27e9"


def _replace(m: re.Match[str]) -> str:
    if m.group("flag"):
        return m.group(0)
    marks = m.group("marks")
    if marks:
        return f"{marks[:MAX_STACKED_MARKS]}\u27e8+{len(marks) - MAX_STACKED_MARKS} marks\u27e9"
    i = m.start()
    if _keep(m.string, i):
        return m.group(0)
    return placeholder(m.group(0))


def display_text(text: str) -> str:
    """Text safe to show in a terminal or page: controls and hiding characters become placeholders.

    Newlines are kept (a caller showing several lines needs them); a tab becomes a space. Use
    `display_line` for anything that must stay on one line (messages, file names, table cells).
    """
    if not _ANY.search(text):
        return text
    text = text.replace("\t", " ")
    return _UNSAFE.sub(_replace, text)


def display_line(text: str) -> str:
    """Like `display_text`, but a newline shows as ␊ so the result is exactly one line."""
    return display_text(text).replace("\n", "\u240a")


# Characters of emoji sequences whose width terminals disagree on (see `terminal_text`).
_CELL_UNSTABLE = re.compile("[\u200d\ufe0f\U0001F3FB-\U0001F3FF]")


def _cell_part(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in "\u200d\ufe0f":
        return ""
    i = m.start()  # a skin-tone modifier: part of its emoji, or a character of its own
    return "" if i and _in(m.string[i - 1], _PICTOGRAPHIC) else placeholder(ch)


def terminal_text(text: str) -> str:
    """`display_text` for a terminal grid, where every character must take a known number of cells.

    Terminals disagree on the width of emoji sequences: a ZWJ sequence (👨‍👩‍👧) is one 2-cell glyph
    in tmux 3.3 and kitty but three in xterm; a VS16 presentation (❤️) is 1 cell in tmux, 2 for
    Rich; a skin-tone modifier is 2 cells in tmux, 0 for Rich. A row measured by Rich then pushed
    the next pane out of line. So the joiners, VS16 and modifiers are left out and the sequence
    shows as its parts (👨👩👧, ❤, 👩🚒), whose widths Rich and every terminal agree on; a ZWJ
    between letters (Indic, Arabic) goes too (Rich counted the letter after it as zero cells), and
    a skin-tone modifier standing alone shows as a placeholder. Only for drawing: offsets, JSON
    and HTML keep the text whole.
    """
    out = display_text(text)
    if not _CELL_UNSTABLE.search(out):
        return out
    return _CELL_UNSTABLE.sub(_cell_part, out)


def terminal_line(text: str) -> str:
    """`terminal_text` on exactly one line (a newline shows as ␊), as `display_line`."""
    return terminal_text(text).replace("\n", "\u240a")


def is_safe(text: str) -> bool:
    """True when `text` holds nothing `display_text` would change (tabs aside)."""
    text = text.replace("\t", " ")
    return display_text(text) == text


def category_of(ch: str) -> str:
    return unicodedata.category(ch)
