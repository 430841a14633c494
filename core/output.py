"""`-o FILE`: write a report atomically, so a reader never sees half of one.

The report goes to a fresh temporary file in the target's own directory (same filesystem, so the
final `os.replace` is atomic), is flushed and fsynced, then renamed over the target. On any
failure the temporary file is removed and the target is left exactly as it was. A target that
exists and is not a regular file (`/dev/null`, a FIFO) is written to as it is, never replaced.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .sanitize import display_line


def _why(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file that will be replaced: symlinks are followed so the link keeps pointing at it."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise InputError(f"cannot write {display_line(str(path))}: is a directory")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"cannot write {display_line(str(path))}: directory {display_line(str(parent))} does not exist")
    return target


def _open_temp(target: Path) -> tuple[int, Path]:
    # O_EXCL with a random name instead of mkstemp: the mode then follows the umask (0o666 &
    # ~umask) like any file the user creates, since reports are meant to be shared.
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "could not create a temporary file")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not supported here (e.g. Windows); the rename itself already happened
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _special(target: Path) -> bool:
    """An existing target that is not a regular file: a device (`-o /dev/null`, `/dev/stdout`
    through its link), a FIFO, a socket. Replacing it by a renamed temporary file put a report
    where the device node was (as root, `-o /dev/full` turned /dev/full into an HTML file)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False  # absent (or unreadable): a new regular file, written atomically


def _write_through(target: Path, content: str | Iterable[str], shown: str, encoding: str) -> Path:
    """Stream to a device or FIFO as is: there is nothing to make atomic, and nothing to remove."""
    try:
        with open(target, "w", encoding=encoding, newline="") as fh:
            for chunk in ([content] if isinstance(content, str) else content):
                fh.write(chunk)
    except OSError as exc:
        raise InputError(f"cannot write {shown}: {_why(exc)}") from None
    return target


def write_atomic(path: str | os.PathLike[str], content: str | Iterable[str], encoding: str = "utf-8") -> Path:
    """Write `content` (a string or chunks produced while rendering) to `path`, all or nothing.

    OS failures become one-line `InputError`s; any other exception (a rendering bug) propagates
    after the cleanup. An existing target keeps its permission bits.
    """
    shown = display_line(str(path))
    if _special(Path(path)):  # stat follows the links: /dev/stdout → /proc/self/fd/1 → a pipe
        return _write_through(Path(path), content, shown, encoding)
    target = resolve_target(path)
    try:
        fd, tmp = _open_temp(target)
    except OSError as exc:
        raise InputError(f"cannot write {shown}: {_why(exc)}") from None
    try:
        try:
            with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
                for chunk in ([content] if isinstance(content, str) else content):
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.chmod(tmp, target.stat().st_mode & 0o7777)
            except FileNotFoundError:
                pass
            os.replace(tmp, target)
        except OSError as exc:
            raise InputError(f"cannot write {shown}: {_why(exc)}") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)
    return target
