"""Issues 2 and 7: the decode rules offsets refer to, and robust reading of files that misbehave."""

from __future__ import annotations

import io
import os
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rafahdiff.core import reading
from rafahdiff.core.errors import InputError
from rafahdiff.core.reading import decode, normalise_newlines, read_bytes_source, read_source, read_stdin


# ---- decode rules ------------------------------------------------------------------------

def test_utf8_with_and_without_bom_give_the_same_text():
    raw = "Gaza — “quoted” 中文 👩🏽‍🚒\n".encode()
    assert decode(raw) == decode(b"\xef\xbb\xbf" + raw) == ("Gaza — “quoted” 中文 👩🏽‍🚒\n", None)


def test_only_one_bom_is_stripped():
    text, _ = decode(b"\xef\xbb\xbf\xef\xbb\xbfHi.")
    assert text == "\ufeffHi."  # the second is content (display shows it as ⟨BOM⟩)


@pytest.mark.parametrize("raw,text", [
    (b"a\r\nb\r\n", "a\nb\n"), (b"a\rb\r", "a\nb\n"), (b"a\r\r\nb", "a\n\nb"), (b"\r\n\r\n", "\n\n"),
    (b"a\n\rb", "a\n\nb"),
])
def test_universal_newlines(raw, text):
    assert decode(raw)[0] == text


def test_other_line_separators_are_kept_as_is():
    text, _ = decode("a\u2028b\x85c\x0bd\x0ce".encode())
    assert text == "a\u2028b\x85c\x0bd\x0ce"


def test_cp1252_fallback_with_notice_and_offset():
    raw = "Caf\u00e9 \u201cclosed\u201d \u20ac5.".encode("cp1252")
    text, notice = decode(raw, "x.txt")
    assert text == "Caf\u00e9 \u201cclosed\u201d \u20ac5."
    assert notice is not None and "x.txt" in notice and "cp1252" in notice and "byte 3" in notice


def test_cp1252_after_a_utf8_bom_does_not_show_the_bom_as_mojibake():
    text, notice = decode(b"\xef\xbb\xbfCaf\xe9.")
    assert text == "Caf\u00e9." and notice and "byte 6" in notice


def test_cp1252_undefined_bytes_become_c1_controls_not_lost():
    text, notice = decode(b"a\x81b\x8dc\x8fd\x90e\x9df \xe9")
    assert text == "a\x81b\x8dc\x8fd\x90e\x9df \u00e9" and notice


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_wide_unicode_with_bom_is_decoded_with_a_notice(codec, bom):
    text, notice = decode(bom + "Rafah — رفح\r\nline two.".encode(codec), "win.txt")
    assert text == "Rafah — رفح\nline two."
    assert notice and "UTF-" in notice


def test_broken_utf16_is_one_clear_error():
    with pytest.raises(InputError, match="UTF-16"):
        decode(b"\xff\xfeA\x00\x00\xd8")  # lone high surrogate


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x06\x00", b"a\x00b"])
def test_nul_bytes_mean_binary(raw):
    with pytest.raises(InputError, match="binary"):
        decode(raw)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_gets_a_hint(codec):
    with pytest.raises(InputError, match="UTF-16 without a byte-order mark"):
        decode("Rafah talks resume on Monday.\n".encode(codec))


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_gets_its_own_hint(codec):
    with pytest.raises(InputError, match="UTF-32 without a byte-order mark"):
        decode("Rafah talks resume on Monday.\n".encode(codec))


_PLAIN = "".join(f"Paragraph {i}: the talks on Rafah resumed on Monday, officials said. " * 3 + "\n"
                 for i in range(120))


def test_a_long_text_with_a_few_stray_nuls_is_read_not_refused():
    """Issue 7: a real article with two stray NULs (pan13 source-document00848) was refused as binary."""
    raw = _PLAIN[:3000].encode() + b"U\x00p'(~(UD-" + _PLAIN[3000:6000].encode() + b" (\x00 ) " + _PLAIN[6000:].encode()
    text, notice = decode(raw, "stray.txt")
    assert text.count("\x00") == 2 and notice is None
    assert text.replace("\x00", "") == raw.replace(b"\x00", b"").decode()


def test_stray_nuls_belong_to_units_and_are_never_shown_raw():
    from rafahdiff.core.pipeline import analyse
    from rafahdiff.core.sanitize import display_text
    from tests.invariant_checks import check_units
    raw = _PLAIN[:2000].encode() + b"\x00" + _PLAIN[2000:4000].encode() + b"\x00\x01\x7f" + _PLAIN[4000:].encode()
    doc = analyse(read_bytes_source(raw, "stray.txt", "stray.txt"))
    check_units(doc.text, doc.units)
    holders = [u for u in doc.units if "\x00" in doc.text[u.start:u.end]]
    assert len(holders) == 2
    for u in holders:
        shown = display_text(doc.text[u.start:u.end])
        assert "\x00" not in shown and "\u2400" in shown  # ␀


def test_the_pan13_document_with_stray_nuls_is_read():
    path = Path(__file__).resolve().parents[1] / "../shared/bench-data/pan13-train-sample/src/source-document00848.txt"
    if not path.exists():
        pytest.skip("bench data not present")
    src = read_source(str(path))
    assert src.text.count("\x00") == 2 and src.notice is None


def test_nul_heavy_input_without_a_known_signature_is_binary():
    import struct
    raw = b"".join(struct.pack("<IIH", i, i * 7, i % 300) + b"row" for i in range(500))
    with pytest.raises(InputError, match="binary.*NUL bytes"):
        decode(raw, "data.bin")


@pytest.mark.parametrize("raw,kind", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "PDF"),
    (b"\x1f\x8b\x08\x00" + b"x" * 300, "gzip"),
    (b"PK\x03\x04word/document.xml" + b"y" * 300, "ZIP"),
    (b"GIF89a" + b"z" * 300, "GIF"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 9, "executable"),
], ids=["pdf", "gzip", "zip", "gif", "elf"])
def test_known_binary_formats_are_refused_by_signature(raw, kind):
    """Even when mostly ASCII (an uncompressed PDF), a binary format is never read as an article."""
    with pytest.raises(InputError, match=f"binary \\(.*{kind}") as info:
        decode(raw, "doc")
    assert "\n" not in str(info.value) and str(info.value).startswith("doc:")


def test_random_bytes_without_nul_are_binary():
    import random
    rnd = random.Random(7)
    raw = bytes(rnd.choice([b for b in range(1, 256)]) for _ in range(4096))
    with pytest.raises(InputError, match="binary"):
        decode(raw)


def test_text_full_of_ansi_escapes_is_read_not_refused():
    raw = b"".join(b"\x1b[1;31mRed\x1b[0m word %d. " % i for i in range(200))
    text, notice = decode(raw)
    assert text.count("\x1b") == 400 and notice is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_cleanly(raw):
    try:
        text, notice = decode(raw, "fuzz")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz")
        return
    assert "\r" not in text
    assert notice is None or notice.startswith("fuzz")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=200),
       st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_offsets_refer_to_the_text_after_exactly_these_steps(text, newline, bom):
    """Whatever the line endings and BOM, decoding gives back the LF text the offsets index."""
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8")
    try:
        got, notice = decode(raw)
    except InputError:  # a generated text can be control-heavy enough to count as binary
        return
    assert got == text and notice is None


def test_normalise_newlines_is_identity_without_cr():
    s = "x\ny"
    assert normalise_newlines(s) is s


# ---- files that misbehave ------------------------------------------------------------------

def _err(arg: str, **kw) -> str:
    with pytest.raises(InputError) as exc:
        read_source(arg, **kw)
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def test_missing_directory_broken_link_and_loop(tmp_path):
    assert "no such file" in _err(str(tmp_path / "nope.txt"))
    assert "directory" in _err(str(tmp_path))
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    assert "no such file" in _err(str(tmp_path / "dangling"))
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert "cannot read" in _err(str(tmp_path / "loop"))


def test_devices_and_sockets_are_refused_without_reading(tmp_path):
    assert "device" in _err("/dev/zero")  # would otherwise read MAX_INPUT_BYTES of NULs
    assert "device" in _err("/dev/null")
    sock_path = tmp_path / "s.sock"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(sock_path))
        assert "socket" in _err(str(sock_path))
    finally:
        s.close()


def test_fifo_is_read_as_a_stream(tmp_path):
    """`rafahdiff <(curl …) 001` passes a pipe: it must be read, not refused."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer():
        with open(fifo, "wb") as fh:
            fh.write(b"From a pipe.\r\nSecond line.\n")

    t = threading.Thread(target=writer)
    t.start()
    src = read_source(str(fifo))
    t.join(10)
    assert src.text == "From a pipe.\nSecond line.\n" and src.path == str(fifo.resolve())


def test_permission_denied(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("A sentence.\n")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    assert "permission denied" in _err(str(f))


def test_io_error_while_reading(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("A sentence.\n")

    def boom(stream, label, limit):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(reading, "_read_limited", boom)
    assert "Input/output error" in _err(str(f))


def test_file_growing_while_read_is_read_again(tmp_path, monkeypatch):
    f = tmp_path / "live.txt"
    f.write_bytes(b"First sentence.\n")
    real = reading._read_limited
    calls = []

    def read_then_append(stream, label, limit):
        data = real(stream, label, limit)
        calls.append(len(data))
        if len(calls) == 1:  # a writer appends after our read, before we check
            with open(f, "ab") as fh:
                fh.write(b"Second sentence, written meanwhile.\n")
        return data

    monkeypatch.setattr(reading, "_read_limited", read_then_append)
    src = read_source(str(f))
    assert len(calls) == 2
    assert src.text == "First sentence.\nSecond sentence, written meanwhile.\n"


def test_file_that_never_settles_is_one_clear_error(tmp_path, monkeypatch):
    f = tmp_path / "live.txt"
    f.write_bytes(b"First sentence.\n")
    real = reading._read_limited

    def read_then_append(stream, label, limit):
        data = real(stream, label, limit)
        with open(f, "ab") as fh:
            fh.write(b"more.\n")
        return data

    monkeypatch.setattr(reading, "_read_limited", read_then_append)
    assert "changing while being read" in _err(str(f))


def test_file_truncated_while_read_is_read_again(tmp_path, monkeypatch):
    f = tmp_path / "live.txt"
    f.write_bytes("Caf\u00e9 one.\n".encode() * 100)
    real = reading._read_limited
    calls = []

    def truncated_read(stream, label, limit):
        calls.append(1)
        if len(calls) == 1:  # we see a half-written state: cut in the middle of "é"
            data = stream.read(4)
            with open(f, "r+b") as fh:
                fh.truncate(11)
            return data
        return real(stream, label, limit)

    monkeypatch.setattr(reading, "_read_limited", truncated_read)
    src = read_source(str(f))
    assert src.text == "Caf\u00e9 one.\n" and src.notice is None


def test_file_disappearing_before_open(tmp_path, monkeypatch):
    f = tmp_path / "gone.txt"
    f.write_text("A sentence.\n")
    real_open = open

    def vanish_then_open(path, *a, **k):
        if str(path) == str(f):
            f.unlink()
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", vanish_then_open)
    assert "disappeared" in _err(str(f))


def test_file_deleted_after_open_is_still_read_whole(tmp_path, monkeypatch):
    f = tmp_path / "gone.txt"
    f.write_text("A sentence.\nAnother.\n")
    real = reading._read_limited

    def unlink_then_read(stream, label, limit):
        f.unlink()
        return real(stream, label, limit)

    monkeypatch.setattr(reading, "_read_limited", unlink_then_read)
    assert read_source(str(f)).text == "A sentence.\nAnother.\n"


def test_size_limit_from_stat_and_from_stream(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 300)
    assert "input limit" in _err(str(f), limit=1000)
    assert "input limit" in _err("-", stdin=io.BytesIO(b"word " * 300), limit=1000)
    assert read_source(str(f), limit=1500).text.startswith("word")
    with pytest.raises(InputError, match="input limit"):
        read_bytes_source(b"x" * 11, "s", "s", limit=10)


def test_too_many_lines_is_refused_before_any_work(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNITS", 50)
    text = "x\n\n" * 51
    with pytest.raises(InputError, match="51 lines, more than the 50"):
        read_bytes_source(text.encode(), "many.txt", "many.txt")
    assert read_bytes_source(("x\n\n" * 50).encode(), "ok.txt", "ok.txt").text.count("x") == 50


def test_too_many_sentences_is_refused_by_the_pipeline(monkeypatch):
    from rafahdiff.core import pipeline
    from rafahdiff.core.model import SourceText

    monkeypatch.setattr(pipeline, "MAX_UNITS", 50)
    with pytest.raises(InputError, match="sentences and lines, more than the 50"):
        pipeline.analyse(SourceText("s", "s", "Go now. " * 60))
    assert len(pipeline.analyse(SourceText("s", "s", "Go now. " * 20)).units) >= 1


def test_stdin_closed_or_missing(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError, match="closed"):
        read_stdin()
    closed = io.BytesIO(b"x")
    closed.close()
    with pytest.raises(InputError, match="closed"):
        read_stdin(closed)


def test_long_and_odd_arguments_are_echoed_shortened(tmp_path):
    long_name = "n" * 5000 + ".txt"
    msg = _err(long_name)
    assert len(msg) < 300 and "no such file" in msg
    assert "NUL" in _err("a\x00b")
    assert "empty argument" in _err("")


def test_seed_paths_are_absolute(tmp_path):
    src = read_source("001")
    assert Path(src.path).is_absolute() and src.source == "001"
