"""Display safety: article text is untrusted, so nothing it holds may drive the terminal.

`display_text` keeps the string's length-independent meaning but replaces every control,
escape introducer, bidi override/isolate and invisible joiner with a visible placeholder.
The JSON keeps offsets into the original text; only what is *shown* goes through here.
"""

from __future__ import annotations

import re
import unicodedata

# Bidi embeddings/overrides/isolates and marks, zero-width characters, word joiner, BOM, etc.
_INVISIBLE = {
    0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x200E: "LRM", 0x200F: "RLM",
    0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
    0x2060: "WJ", 0x2061: "FA", 0x2062: "IT", 0x2063: "IS", 0x2064: "IP",
    0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0xFEFF: "BOM", 0x061C: "ALM",
    0x00AD: "SHY", 0x180E: "MVS", 0xFFF9: "IAA", 0xFFFA: "IAS", 0xFFFB: "IAT",
}
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _placeholder(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)  # ␀ ␁ … ␛ …: Unicode control pictures
    if cp == 0x7F:
        return "\u2421"  # ␡
    name = _INVISIBLE.get(cp)
    if name:
        return f"\u27e8{name}\u27e9"
    return f"\u27e8U+{cp:04X}\u27e9"


def display_text(text: str) -> str:
    """Text safe to show in a terminal or page: controls and invisibles become placeholders.

    Tabs and newlines are kept as spaces/newlines only where layout needs them; callers pass
    single units, so a tab becomes a space.
    """
    text = text.replace("\t", " ")
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _placeholder(m.group(0)), text)


def is_safe(text: str) -> bool:
    """True when `text` holds nothing `display_text` would replace (tabs aside)."""
    return _UNSAFE.search(text.replace("\t", " ")) is None


def category_of(ch: str) -> str:
    return unicodedata.category(ch)
