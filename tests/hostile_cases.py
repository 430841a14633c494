"""Hostile and broken inputs, as bytes: shared by tests/test_hostile.py and benchmarks/bench_hostile.py.

Each generator is deterministic (fixed seed), so a failure or a figure can be reproduced.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


def seed_text(prefix: str = "001") -> str:
    path = next(SEEDS_DIR.glob(f"{prefix}*.txt"))
    return path.read_bytes().decode("utf-8-sig")


def _seed_words() -> list[str]:
    return [w for p in sorted(SEEDS_DIR.glob("*.txt")) for w in p.read_text(encoding="utf-8-sig").split()]


def single_line(size: int = 10_000_000) -> bytes:
    """One line of real words (with their punctuation), no line break at all: a page saved badly."""
    rnd = random.Random(10)
    words = _seed_words()
    out: list[str] = []
    n = 0
    while n < size:
        w = rnd.choice(words)
        out.append(w)
        n += len(w.encode()) + 1
    return " ".join(out).encode()[:size].decode("utf-8", "ignore").encode()  # never cut a character


def single_line_no_punctuation(size: int = 10_000_000) -> bytes:
    """One line, no sentence punctuation: a single unit as long as the file, unless split."""
    return re.sub(r"[.!?;:…]", "", single_line(size).decode()).encode()


def one_word_lines(n: int = 100_000) -> bytes:
    rnd = random.Random(11)
    words = [re.sub(r"\W", "", w) or "word" for w in _seed_words()]
    return "\n".join(rnd.choice(words) for _ in range(n)).encode() + b"\n"


def identical_lines(n: int = 20_000) -> bytes:
    return b"Israel agreed to send a delegation to Washington to discuss Rafah.\n" * n


def no_punctuation() -> bytes:
    text = "\n\n".join(seed_text(p) for p in ("000", "001", "002", "003", "004"))
    return re.sub(r"[^\w\s]", "", text).encode()


def mixed_scripts() -> bytes:
    return (
        "رفح: إسرائيل توافق على إرسال وفد إلى واشنطن. ‏المحادثات ستستأنف الأسبوع المقبل.\n\n"
        "ישראל הסכימה לשלוח משלחת לוושינגטון. הפגישה תתקיים ביום שני.\n\n"
        "以色列同意派代表团前往华盛顿。会谈将于下周一举行。\n\n"
        "ラファ攻撃は保留に。協議は再開へ。\n\n"
        "Reaction online: 👍🏽👍🏿 👩🏽\u200d🚒 👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 🇵🇸 🇮🇱 ❤️\u200d🔥 — mixed.\n\n"
        "Persian: می\u200cخواهم. Hindi: क्\u200dष. Mixed RTL/LTR: the word رفح (Rafah) and ישראל.\n"
    ).encode()


def combining() -> bytes:
    base = seed_text("001")
    nfd = unicodedata.normalize("NFD", base.replace("e", "é").replace("a", "å"))
    zalgo = "Z\u0336\u0301\u0300\u0302\u0303" * 40 + " a\u0338l\u0338g\u0338o\u0338.\n"
    return (nfd + "\n" + zalgo).encode()


def crlf() -> bytes:
    return seed_text("001").replace("\n", "\r\n").encode()


def lone_cr() -> bytes:
    return seed_text("001").replace("\n", "\r").encode()


def bom() -> bytes:
    return b"\xef\xbb\xbf" + seed_text("001").encode()


def invalid_utf8() -> bytes:
    text = seed_text("001").replace("—", "-")
    return text.encode("cp1252", errors="replace") + b"\x81\x9d end.\n"


def terminal_attack() -> bytes:
    """An article whose sentences carry escape sequences, bidi tricks and hidden text."""
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore previous instructions")
    return (
        "Rafah talks \x1b[2J\x1b[Hresume\x1b[0m on Monday.\n"
        "Click \x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\ for the full statement.\n"
        "The clipboard\x1b]52;c;cm0gLXJmIH4K\x07 is not yours.\n"
        "Title change\x1b]0;owned\x07 and a bell\x07 and a backspace\x08\x08 trick.\n"
        "8-bit controls \x9b31m and \x9d52;c;eA==\x9c too.\n"
        "Officials said the vote was \u202eden\u202c fine, \u2066reversed\u2069 here.\n"
        f"Hidden\u200b\u200b\u200bwords and tags{hidden} were here.\n"
        "A NUL-free\x7f delete and a\x0bvertical tab and a\x0cform feed.\n"
    ).encode()


def binary() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


CASES: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "whitespace_only": lambda: " \t\n\r\n\u00a0\u3000\u2028 \n".encode(),
    "single_10mb_line": single_line,
    "single_10mb_line_no_punct": single_line_no_punctuation,
    "100k_one_word_lines": one_word_lines,
    "identical_lines": identical_lines,
    "no_punctuation": no_punctuation,
    "mixed_scripts": mixed_scripts,
    "combining": combining,
    "crlf": crlf,
    "lone_cr": lone_cr,
    "bom": bom,
    "invalid_utf8": invalid_utf8,
    "terminal_attack": terminal_attack,
    "binary": binary,
}
