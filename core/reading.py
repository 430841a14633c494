"""Reading input: bytes → text with exactly the steps the offsets refer to.

Steps: strip a UTF-8 BOM, decode UTF-8 (or cp1252 with a notice when that fails), turn CRLF and
lone CR into LF. Every offset in a result indexes the string produced here.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .model import SourceText
from .seeds import find_seed, matching_seeds

#: Largest input accepted, in bytes. Book-length texts (≈4 MB) fit with room to spare; beyond this
#: the engine's memory would no longer be bounded by what the README promises.
MAX_INPUT_BYTES = 32 * 1024 * 1024


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # The five bytes cp1252 leaves undefined map to the C1 control of the same value, as
    # browsers do, so no byte is lost and the display layer shows a placeholder.
    bad = err.object[err.start:err.end]
    return "".join(chr(b) for b in bad), err.end


codecs.register_error("rafahdiff-c1", _cp1252_fallback)


def decode(data: bytes, label: str = "input") -> tuple[str, str | None]:
    """Decode bytes; return the text and a notice when the cp1252 fallback was used."""
    if b"\x00" in data:
        raise InputError(f"{label}: looks binary (contains NUL bytes), not a text article")
    notice = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="rafahdiff-c1")
        notice = (f"{label}: not valid UTF-8 (byte {exc.start}); read as Windows-1252 (cp1252)")
    return normalise_newlines(text), notice


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(text: str, label: str) -> None:
    if not text.strip():
        raise InputError(f"{label}: is empty (no text to compare)")


def _read_limited(stream: BinaryIO, label: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{label}: larger than the {limit // (1024 * 1024)} MiB input limit")
    return data


def read_bytes_source(data: bytes, source: str, path: str, limit: int = MAX_INPUT_BYTES) -> SourceText:
    label = "standard input" if source == "-" else source
    if len(data) > limit:
        raise InputError(f"{label}: larger than the {limit // (1024 * 1024)} MiB input limit")
    text, notice = decode(data, label)
    _check_text(text, label)
    return SourceText(source=source, path=path, text=text, notice=notice)


def read_path(path: Path, source: str, limit: int = MAX_INPUT_BYTES) -> SourceText:
    label = source
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{label}: no such file") from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{label}: is a directory, not a text file")
    try:
        with open(path, "rb") as fh:
            data = _read_limited(fh, label, limit)
    except InputError:
        raise
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    return read_bytes_source(data, source, str(path.resolve()), limit)


def read_stdin(stream: BinaryIO | None = None, limit: int = MAX_INPUT_BYTES) -> SourceText:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = _read_limited(stream, "standard input", limit)
    except OSError as exc:
        raise InputError(f"standard input: cannot read ({exc.strerror or exc})") from None
    return read_bytes_source(data, "-", "-", limit)


def read_source(arg: str, stdin: BinaryIO | None = None, limit: int = MAX_INPUT_BYTES) -> SourceText:
    """Resolve a command-line argument: `-`, an existing path, or a seed id / file-name prefix."""
    if arg == "-":
        return read_stdin(stdin, limit)
    if not arg:
        raise InputError("an empty argument is neither a file nor a seed id")
    path = Path(arg)
    if os.path.lexists(path):
        return read_path(path, arg, limit)
    if os.sep in arg or (os.altsep and os.altsep in arg) or not matching_seeds(arg):
        if os.sep in arg or "." in Path(arg).name:
            raise InputError(f"{arg}: no such file")
        find_seed(arg)  # raises with the list of seeds
    seed = find_seed(arg)
    st = read_path(seed.path, arg, limit)
    return st
