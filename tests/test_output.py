"""Issue 6: `-o FILE` is atomic — all of the report or none of it, never a temp file left behind."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import rafahdiff.core.export_html as export_html
from rafahdiff.core import InputError
from rafahdiff.core.output import write_atomic
from tests.cli_helpers import assert_one_line_error, run_cli, run_proc

OLD = "the previous report\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    t = tmp_path / "report.html"
    t.write_text(OLD)
    return t


def _listing(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir())


def test_writes_and_replaces(tmp_path, target):
    write_atomic(target, ["<p>", "new", "</p>\n"])
    assert target.read_text() == "<p>new</p>\n"
    fresh = tmp_path / "fresh.md"
    write_atomic(str(fresh), "x ✓ ⟨RLO⟩\n")
    assert fresh.read_text(encoding="utf-8") == "x ✓ ⟨RLO⟩\n"
    assert _listing(tmp_path) == ["fresh.md", "report.html"]


def test_keeps_mode_of_existing_file_and_umask_for_new(tmp_path, target):
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644  # shareable, not mkstemp's 0600


def test_symlink_target_is_written_through(tmp_path, target):
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_atomic(link, "via link\n")
    assert link.is_symlink() and target.read_text() == "via link\n"


def test_failure_mid_render_leaves_target_and_no_temp(tmp_path, target):
    def chunks():
        yield "<html>half of a report"
        raise RuntimeError("renderer crashed")

    before = _listing(tmp_path)
    with pytest.raises(RuntimeError):
        write_atomic(target, chunks())
    assert target.read_text() == OLD
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_os_failures_become_one_line_input_errors(tmp_path, target, monkeypatch, failing):
    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(*args, **kwargs):
            fh = real_fdopen(*args, **kwargs)

            class Full:
                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    fh.close()

                def write(self, s):
                    boom()

                def __getattr__(self, name):
                    return getattr(fh, name)
            return Full()

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, failing, boom)
    before = _listing(tmp_path)
    with pytest.raises(InputError) as exc:
        write_atomic(target, "new report\n")
    assert "no space left on device" in str(exc.value) and "\n" not in str(exc.value)
    assert target.read_text() == OLD
    assert _listing(tmp_path) == before


def test_bad_targets(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path, "x")
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "no" / "such" / "dir.html", "x")


# ---- through the CLI -------------------------------------------------------------------------

@pytest.mark.parametrize("name,check", [
    ("r.html", lambda s: s.startswith("<!DOCTYPE html>")),
    ("r.HTM", lambda s: s.startswith("<!DOCTYPE html>")),
    ("r.md", lambda s: s.startswith("# Comparison report")),
    ("r.json", lambda s: json.loads(s)["schema"] == "rafahdiff/alignment/v1"),
    ("r.txt", lambda s: s.startswith("A: ") and "Reused" in s),
    ("report", lambda s: s.startswith("A: ")),
])
def test_cli_output_format_from_suffix(tmp_path, capsys, name, check):
    res = run_cli(["001", "002", "-o", str(tmp_path / name)], capsys)
    assert res.code == 0 and res.out == "" and res.err == ""
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_cli_explicit_format_wins_and_dash_is_stdout(tmp_path, capsys):
    res = run_cli(["001", "002", "--format", "markdown", "-o", str(tmp_path / "r.html")], capsys)
    assert res.code == 0 and (tmp_path / "r.html").read_text().startswith("# Comparison report")
    res = run_cli(["001", "002", "--format", "html", "-o", "-"], capsys)
    assert res.code == 0 and res.out.startswith("<!DOCTYPE html>")
    text = run_cli(["001", "002", "-o", "-"], capsys)
    assert text.code == 0 and text.out.startswith("A: ")


def test_cli_text_to_file_has_no_colour(tmp_path, capsys):
    run_cli(["003", "004", "--format", "text", "-o", str(tmp_path / "r.txt")], capsys)
    assert "\x1b" not in (tmp_path / "r.txt").read_text()


def test_cli_failure_mid_render_keeps_target(tmp_path, target, capsys, monkeypatch):
    real_row = export_html._row
    calls = []

    def crash_on_fifth(al, row):
        calls.append(row)
        if len(calls) == 5:
            raise RuntimeError("simulated crash mid-render")
        return real_row(al, row)

    monkeypatch.setattr(export_html, "_row", crash_on_fifth)
    before = _listing(tmp_path)
    res = run_cli(["001", "002", "-o", str(target)], capsys)
    assert_one_line_error(res, "simulated crash")
    assert len(calls) == 5
    assert target.read_text() == OLD and _listing(tmp_path) == before


def test_cli_disk_full_keeps_target(tmp_path, target, capsys, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    before = _listing(tmp_path)
    assert_one_line_error(run_cli(["001", "002", "-o", str(target)], capsys), "no space left", "report.html")
    assert target.read_text() == OLD and _listing(tmp_path) == before


def test_cli_unwritable_directory_in_process(tmp_path, capsys, monkeypatch):
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert_one_line_error(run_cli(["001", "002", "-o", str(tmp_path / "r.html")], capsys), "permission denied")
    assert _listing(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any directory whatever its mode")
def test_cli_unwritable_directory_by_mode(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert_one_line_error(run_proc(["001", "002", "-o", str(locked / "r.html")]), "permission denied")
        assert _listing(locked) == []
    finally:
        locked.chmod(0o755)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc (a directory no one can create files in)")
def test_cli_uncreatable_file_subprocess():
    assert_one_line_error(run_proc(["001", "002", "-o", "/proc/rafahdiff-report.html"]), "cannot write")


@pytest.mark.parametrize("args", [["-o", "{d}"], ["-o", "{d}/missing/r.html"]])
def test_cli_bad_output_paths(tmp_path, capsys, args):
    argv = ["001", "002"] + [a.format(d=tmp_path) for a in args]
    assert_one_line_error(run_cli(argv, capsys), "cannot write")


def test_cli_refuses_to_overwrite_an_input(tmp_path, capsys):
    src = tmp_path / "article.txt"
    src.write_text("A sentence about Rafah.\n\nAnother sentence here.\n")
    assert_one_line_error(run_cli([str(src), "001", "-o", str(src)], capsys), "overwrite", "input")
    assert src.read_text() == "A sentence about Rafah.\n\nAnother sentence here.\n"


def test_a_fifo_target_is_written_to_not_replaced(tmp_path):
    """`-o` naming a device or FIFO replaced it with a regular file (the temporary file renamed
    over it): as root, `-o /dev/full` put an HTML report where /dev/full was. A FIFO stands in
    for the device here (replacing a real device in a test would break the machine)."""
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, ["<p>one</p>", "<p>two</p>"])
    reader.join(10)
    assert got == [b"<p>one</p><p>two</p>"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]  # no temporary file


def test_dev_stdout_on_a_pipe_is_written_through(tmp_path):
    """`-o /dev/stdout | less`: the link leads to a pipe, which was taken for a missing file in
    /proc ('cannot write /dev/stdout: no such file or directory')."""
    res = run_proc(["001", "002", "--format", "text", "-o", "/dev/stdout"])
    assert res.code == 0 and res.err == ""
    assert res.out.startswith("A: ")
