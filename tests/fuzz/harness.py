"""What one fuzz input must satisfy, without atheris: shared by the fuzz target and the replay test.

An input is raw bytes, as `reading` would get them from a file. Its first byte picks the mode
(the article alone, against itself, or two articles split at a position given by the second
byte), so the fuzzer can steer both documents. Any outcome but a result that keeps the
invariants (coverage, offsets, pairs; self-comparison all identical; B-vs-A mirrors A-vs-B; a
text rendering without raw controls), or an `InputError` with a one-line message, is a bug.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from rafahdiff.core import InputError, compare
from rafahdiff.core.export_json import to_dict
from rafahdiff.core.export_text import render_text
from rafahdiff.core.reading import read_bytes_source
from tests.invariant_checks import check_alignment, check_json, check_self_comparison, pair_key

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
MODES = ("alone", "self", "pair")


def split(data: bytes) -> tuple[str, bytes, bytes | None]:
    """(mode, bytes of A, bytes of B or None) for one fuzz input."""
    if len(data) < 2:
        return "alone", data, None
    mode = MODES[data[0] % 3]
    body = data[2:]
    if mode == "alone":
        return mode, body, None
    if mode == "self":
        return mode, body, body
    cut = data[1] * len(body) // 255
    return mode, body[:cut], body[cut:]


def check_input(data: bytes, render: bool = True) -> None:
    """Raise AssertionError (or whatever the engine raises) when `data` breaks a promise."""
    _, raw_a, raw_b = split(data)
    try:
        src_a = read_bytes_source(raw_a, "a", "a")
        src_b = read_bytes_source(raw_b, "b", "b") if raw_b is not None else None
    except InputError as exc:
        assert "\n" not in str(exc), str(exc)
        return
    try:
        al = compare(src_a, src_b)
    except InputError as exc:  # e.g. more than MAX_UNITS units
        assert "\n" not in str(exc), str(exc)
        return
    check_alignment(al)
    data_json = json.loads(json.dumps(to_dict(al), ensure_ascii=True))
    check_json(data_json, src_a.text, src_b.text if src_b is not None else None)
    if src_b is not None and src_a.text == src_b.text:
        assert al.a.units == al.b.units  # type: ignore[union-attr]
        check_self_comparison(al)
    elif src_b is not None:
        ba = compare(src_b, src_a)
        assert sorted(pair_key(p, moved=True) for p in al.pairs) == \
            sorted(pair_key(p, mirror=True, moved=True) for p in ba.pairs), "swapping A and B does not mirror"
    if render:
        out = render_text(al, width=100, color=False)
        bad = [c for c in out if (c != "\n" and unicodedata.category(c) in ("Cc", "Cs")) or c in _BIDI]
        assert not bad, f"raw control characters in the text rendering: {bad[:5]!r}"


def write_corpus(folder: Path) -> int:
    """Seed inputs for the fuzzer: the five seeds and the small hostile cases, in every mode."""
    from tests import hostile_cases as hc

    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_bytes() for p in sorted(hc.SEEDS_DIR.glob("*.txt"))]
    texts += [hc.CASES[k]() for k in ("no_punctuation", "mixed_scripts", "combining", "crlf", "lone_cr", "bom",
                                      "invalid_utf8", "terminal_attack", "whitespace_only")]
    n = 0
    for k, t in enumerate(texts):
        for mode in range(3):
            (folder / f"seed-{k:02d}-{mode}").write_bytes(bytes([mode, 128]) + t[:8000])
            n += 1
    for k in range(len(texts) - 1):  # pairs of two real articles
        (folder / f"pair-{k:02d}").write_bytes(bytes([2, 128]) + texts[k][:4000] + texts[k + 1][:4000])
        n += 1
    return n
