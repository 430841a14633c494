"""Reading input: bytes → text with exactly the steps the offsets refer to.

Steps, in order: strip a byte-order mark; decode UTF-8 — or, when that fails, cp1252 with a
one-line notice (a UTF-16/32 file with a byte-order mark is decoded as such, also with a notice);
turn CRLF and lone CR into LF. Every offset in a result indexes the string produced here.

Binary or text: a file is refused when it starts with the signature of a common binary format
(image, archive, PDF, executable, …), when its NUL bytes form the every-other/every-fourth
pattern of UTF-16/32 without a byte-order mark (refused with a hint to save it as UTF-8, since
guessing the byte order could silently garble it), when more than `MAX_NUL_SHARE` of its bytes
are NUL, or when more than `MAX_CONTROL_SHARE` of the decoded text is control characters. A few
stray NULs or other controls in an otherwise plain text (an old conversion, a copy from a
terminal) are read as text: they stay in the text, belong to a unit like any other character,
and are shown as placeholders (␀) by `sanitize.display_text`, never raw.

Reading is defensive because inputs come from anywhere: regular files are read in one bounded
read and re-read when their size or mtime moved meanwhile (a file still being written), FIFOs and
process substitution (`<(curl …)`) are read as streams, devices and sockets are refused, and every
failure is an `InputError` whose message is one line naming the input.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .model import SourceText
from .seeds import find_seed, matching_seeds

#: Largest input accepted, in bytes (per article). Far above any news article (≈5–50 KB) yet low
#: enough that the whole engine stays within the time and memory stated in the README
#: (benchmarks/bench_hostile.py measures both on the worst shapes of input).
MAX_INPUT_BYTES = 16 * 1024 * 1024

#: Most units (sentences, headings, short lines) one article may have. The engine's memory grows
#: with the number of units (≈2 KB each through boilerplate features and alignment), so this, not
#: the byte size, bounds the worst case: 100,000 one-word lines fit, while 16 MiB of one-character
#: lines (8 million units) would need ≈18 GB. Checked on lines here, on segments in `pipeline`.
MAX_UNITS = 200_000

#: How often a regular file that keeps changing under us is re-read before giving up.
READ_ATTEMPTS = 3

#: A decoded text whose share of control characters is above this is refused as binary.
MAX_CONTROL_SHARE = 0.10

#: Input whose share of NUL bytes is above this is refused as binary. Binary formats without a
#: known signature (databases, object files, raw data) hold NULs in well over 1 % of their bytes;
#: a text with a few stray NULs (a bad conversion, a padded record) holds a handful per file.
MAX_NUL_SHARE = 0.01

# Signatures (at offset 0) of binary formats a user might pass by mistake, with a name for the
# message. Only prefixes of four bytes or more that no plain-text article starts with.
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt/.epub)"), (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b\x08", "a gzip file"), (b"BZh", "a bzip2 file"), (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"(\xb5/\xfd", "a zstd file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"), (b"\x7fELF", "an executable"), (b"MZ\x90\x00", "an executable"),
    (b"\xcf\xfa\xed\xfe", "an executable"), (b"\xca\xfe\xba\xbe", "an executable"),
    (b"\x00asm", "a WebAssembly module"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"), (b"ID3", "an MP3 file"), (b"fLaC", "a FLAC file"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"),
)

_UTF8_BOM = codecs.BOM_UTF8
_WIDE_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Controls counted by the binary test: not tab/LF/VT/FF/CR, and not ESC, so a text full of ANSI
# colour codes is still read (and shown with placeholders) rather than refused.
_CONTROLS = frozenset(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20),
                                       *range(0x7F, 0xA0)))


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # The five bytes cp1252 leaves undefined map to the C1 control of the same value, as
    # browsers do, so no byte is lost and the display layer shows a placeholder.
    bad = err.object[err.start:err.end]
    return "".join(chr(b) for b in bad), err.end


codecs.register_error("rafahdiff-c1", _cp1252_fallback)


def shorten(name: str, limit: int = 120) -> str:
    """A file name or argument short enough to echo in a one-line message."""
    return name if len(name) <= limit else f"{name[:limit - 41]}…{name[-40:]}"


def _mib(n: int) -> str:
    return f"{n / 2**20:g} MiB"


def decode(data: bytes, label: str = "input") -> tuple[str, str | None]:
    """Decode bytes; return the text and a notice when anything but UTF-8 was used."""
    for bom, codec, name in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{label}: starts with a {name} byte-order mark but is not valid {name} "
                                 f"(byte {exc.start + len(bom)})") from None
            _check_not_binary(text, label)
            return normalise_newlines(text), f"{label}: read as {name} (byte-order mark); offsets index the decoded text"
    _check_not_binary_bytes(data, label)
    body = data[len(_UTF8_BOM):] if data.startswith(_UTF8_BOM) else data
    notice = None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = body.decode("cp1252", errors="rafahdiff-c1")
        byte = exc.start + len(data) - len(body)
        notice = f"{label}: not valid UTF-8 (byte {byte}); read as Windows-1252 (cp1252)"
    _check_not_binary(text, label)
    return normalise_newlines(text), notice


def _wide_without_bom(data: bytes) -> str | None:
    """"UTF-16"/"UTF-32" when NULs sit in the byte positions of BOM-less wide text of a Latin script."""
    head = data[:400]
    if len(head) < 8:
        return None
    lanes4 = [head[k::4] for k in range(4)]
    if sum(lane.count(0) > 0.9 * len(lane) for lane in lanes4) >= 2 and \
            (lanes4[1] + lanes4[2]).count(0) > 0.9 * (len(lanes4[1]) + len(lanes4[2])):
        return "UTF-32"
    odd, even = head[1::2], head[0::2]
    if odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even):
        return "UTF-16"
    return None


def _check_not_binary_bytes(data: bytes, label: str) -> None:
    """Refuse known binary formats and NUL-heavy input; a few stray NULs in a text pass."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"{label}: looks binary ({kind}), not a text article")
    nuls = data.count(0)
    if not nuls:
        return
    wide = _wide_without_bom(data)
    if wide:
        raise InputError(f"{label}: looks like {wide} without a byte-order mark; save it as UTF-8")
    if nuls > MAX_NUL_SHARE * len(data):
        raise InputError(f"{label}: looks binary ({nuls:,} NUL bytes in {len(data):,}), not a text article")


def _check_not_binary(text: str, label: str) -> None:
    # Random bytes decode as cp1252 into control soup (≈12.5% controls, NUL included), while real
    # text — even full of ANSI escapes or with a few stray NULs — has next to none.
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch in _CONTROLS)
    if controls >= 8 and controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError(f"{label}: looks binary ({controls} control characters in the first "
                         f"{len(sample)}), not a text article")


def normalise_newlines(text: str) -> str:
    """Universal newlines: CRLF and lone CR become LF (nothing else changes, offsets stay simple)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str, label: str) -> None:
    if not text.strip():
        raise InputError(f"{label}: is empty (no text to compare)")
    if text.count("\n") > MAX_UNITS:  # cheap bound first; count only non-blank lines if needed
        lines = sum(1 for _ in _NON_BLANK_LINE.finditer(text))
        if lines > MAX_UNITS:
            raise too_many_units(label, lines, MAX_UNITS, "lines")


_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)


def too_many_units(label: str, n: int, limit: int, what: str = "sentences and lines") -> InputError:
    return InputError(f"{label}: {n:,} {what}, more than the {limit:,} one article may have (MAX_UNITS)")


def _too_big(label: str, limit: int) -> InputError:
    return InputError(f"{label}: larger than the {_mib(limit)} input limit (MAX_INPUT_BYTES)")


def _read_limited(stream: BinaryIO, label: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if data is None:  # a non-blocking stream with nothing ready
        raise InputError(f"{label}: not ready for reading (non-blocking stream)")
    if len(data) > limit:
        raise _too_big(label, limit)
    return data


def read_bytes_source(data: bytes, source: str, path: str, limit: int = MAX_INPUT_BYTES) -> SourceText:
    label = "standard input" if source == "-" else shorten(source)
    if len(data) > limit:
        raise _too_big(label, limit)
    text, notice = decode(data, label)
    _check_text(text, label)
    return SourceText(source=source, path=path, text=text, notice=notice)


def _os_error(label: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{label}: no such file")
    if isinstance(exc, PermissionError):
        return InputError(f"{label}: permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{label}: is a directory, not a text file")
    return InputError(f"{label}: cannot read ({exc.strerror or type(exc).__name__})")


def _kind_error(label: str, mode: int) -> InputError | None:
    if stat.S_ISDIR(mode):
        return InputError(f"{label}: is a directory, not a text file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return InputError(f"{label}: is a device, not a text file")
    if stat.S_ISSOCK(mode):
        return InputError(f"{label}: is a socket, not a text file")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        return InputError(f"{label}: is not a regular file")
    return None


def _read_file_bytes(path: Path, label: str, limit: int) -> bytes:
    """The bytes of one consistent state of the file (re-read while it changes under us)."""
    for _ in range(READ_ATTEMPTS):
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below; fstat needs the descriptor
        except FileNotFoundError:
            raise InputError(f"{label}: no such file (it disappeared before it could be read)") from None
        except OSError as exc:
            raise _os_error(label, exc) from None
        with fh:
            try:
                before = os.fstat(fh.fileno())
                err = _kind_error(label, before.st_mode)
                if err is not None:
                    raise err
                if stat.S_ISREG(before.st_mode) and before.st_size > limit:
                    raise _too_big(label, limit)
                data = _read_limited(fh, label, limit)
                if not stat.S_ISREG(before.st_mode):
                    return data  # a pipe: a stream, nothing to compare
                after = os.fstat(fh.fileno())
            except OSError as exc:
                raise _os_error(label, exc) from None
        if (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns) \
                and len(data) == after.st_size:
            return data
    raise InputError(f"{label}: kept changing while being read ({READ_ATTEMPTS} attempts); "
                     "try again once it is complete")


def read_path(path: Path, source: str, limit: int = MAX_INPUT_BYTES) -> SourceText:
    label = shorten(source)
    try:
        st = path.stat()
    except OSError as exc:
        raise _os_error(label, exc) from None
    except ValueError:  # e.g. an embedded NUL in the name
        raise InputError(f"{label}: not a valid file name") from None
    err = _kind_error(label, st.st_mode)
    if err is not None:
        raise err
    data = _read_file_bytes(path, label, limit)
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):
        resolved = os.path.abspath(path)
    if not os.path.exists(resolved):  # /dev/fd/63 of `<(…)` resolves to "/proc/…/pipe:[…]"
        resolved = os.path.abspath(path)
    return read_bytes_source(data, source, resolved, limit)


def read_stdin(stream: BinaryIO | None = None, limit: int = MAX_INPUT_BYTES) -> SourceText:
    if stream is None:
        if sys.stdin is None:
            raise InputError("standard input: is closed")
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("standard input: cannot be read as bytes")
    try:
        data = _read_limited(stream, "standard input", limit)
    except OSError as exc:
        raise InputError(f"standard input: cannot read ({exc.strerror or type(exc).__name__})") from None
    except ValueError:  # a closed file object
        raise InputError("standard input: is closed") from None
    return read_bytes_source(data, "-", "-", limit)


def read_source(arg: str, stdin: BinaryIO | None = None, limit: int = MAX_INPUT_BYTES) -> SourceText:
    """Resolve a command-line argument: `-`, an existing path, or a seed id / file-name prefix."""
    if arg == "-":
        return read_stdin(stdin, limit)
    if not arg:
        raise InputError("an empty argument is neither a file nor a seed id")
    if "\x00" in arg:
        raise InputError(f"{shorten(arg)!r}: not a valid file name (contains NUL)")
    path = Path(arg)
    if os.path.lexists(path):
        return read_path(path, arg, limit)
    if os.sep in arg or (os.altsep and os.altsep in arg) or not matching_seeds(arg):
        if os.sep in arg or "." in Path(arg).name or len(arg) > 64:
            raise InputError(f"{shorten(arg)}: no such file")
        find_seed(arg)  # raises with the list of seeds
    return read_path(find_seed(arg).path, arg, limit)
