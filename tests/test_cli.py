"""Issue 2: the command line — round trips on every seed pair, every error case, formats."""

from __future__ import annotations

import json
import os
import re
import sys
from itertools import permutations

import pytest

from rafahdiff.core import reading
from rafahdiff.core.seeds import list_seeds
from tests.cli_helpers import assert_one_line_error, run_cli, run_proc
from tests.conftest import SEED_IDS

ANSI = re.compile(r"\x1b\[")


@pytest.mark.parametrize("a,b", list(permutations(SEED_IDS, 2)))
def test_json_round_trip_every_seed_pair(a, b, capsys):
    res = run_cli([a, b, "--json"], capsys)
    assert res.code == 0 and res.err == ""
    data = json.loads(res.out)
    assert data["a"]["source"] == a and data["b"]["source"] == b
    seeds = {s.id: s for s in list_seeds()}
    assert data["a"]["path"] == str(seeds[a].path.resolve())
    text_a = seeds[a].path.read_bytes().decode("utf-8-sig")
    assert len(data["a"]["units"]) > 0
    assert data["a"]["units"][-1]["end"] <= len(text_a)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_single_document_json_and_text(seed, capsys):
    res = run_cli([seed, "--format", "json"], capsys)
    data = json.loads(res.out)
    assert res.code == 0 and data["b"] is None and data["pairs"] == []
    res = run_cli([seed, "--format", "text", "--width", "90"], capsys)
    assert res.code == 0 and data["a"]["title"][:20] in res.out


def test_seed_prefix_and_path_and_stdin_agree(capsys, monkeypatch, tmp_path):
    seed = next(s for s in list_seeds() if s.id == "001")
    by_id = json.loads(run_cli(["001", "--json"], capsys).out)
    by_prefix = json.loads(run_cli([seed.name[:8], "--json"], capsys).out)
    by_path = json.loads(run_cli([str(seed.path), "--json"], capsys).out)
    by_stdin = json.loads(run_cli(["-", "--json"], capsys, stdin=seed.path.read_bytes(), monkeypatch=monkeypatch).out)
    assert by_id["a"]["units"] == by_prefix["a"]["units"] == by_path["a"]["units"] == by_stdin["a"]["units"]
    assert by_stdin["a"]["path"] == "-" and by_stdin["a"]["source"] == "-"
    assert by_prefix["a"]["source"] == seed.name[:8]


def test_stdin_against_seed(capsys, monkeypatch):
    data = json.loads(run_cli(["-", "002", "--json"], capsys, stdin=b"No date for the talks has been set, he said.\n",
                              monkeypatch=monkeypatch).out)
    assert data["a"]["units"][0]["start"] == 0 and len(data["pairs"]) == 1


def test_list_version_help(capsys):
    res = run_cli(["--list"], capsys)
    assert res.code == 0
    lines = res.out.strip().splitlines()
    assert [ln.split()[0] for ln in lines] == SEED_IDS
    assert "Rafah Assault on Hold as US-Israel Talks Back On" in res.out
    with pytest.raises(SystemExit) as exc:
        run_cli(["--version"], capsys)
    assert exc.value.code == 0 and "rafahdiff" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        run_cli(["--help"], capsys)
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "examples:" in out and "rafahdiff 001 002" in out


def test_console_script_and_module_match():
    script = run_proc(["001", "002", "--json"])
    module = run_proc(["001", "002", "--json"], module=True)
    assert script.code == module.code == 0
    assert json.loads(script.out) == json.loads(module.out)


def test_text_respects_width_and_no_colour_in_pipes(capsys):
    for width in (60, 100, 160):
        out = run_cli(["003", "004", "--format", "text", "--width", str(width)], capsys).out
        assert max(len(line) for line in out.splitlines()) <= width
        assert not ANSI.search(out)


def test_text_width_from_columns_env():
    res = run_proc(["001", "002", "--format", "text"], env={"COLUMNS": "72"})
    assert res.code == 0
    assert max(len(line) for line in res.out.splitlines()) <= 72
    assert not ANSI.search(res.out)


def test_text_colour_only_on_terminals_without_no_color():
    """Through a pseudo-terminal the text rendering is coloured, unless NO_COLOR is set."""
    import pty
    import subprocess
    import sys

    def through_pty(extra_env):
        master, slave = pty.openpty()
        env = {**os.environ, "COLUMNS": "100", **extra_env}
        env.pop("NO_COLOR", None) if "NO_COLOR" not in extra_env else None
        p = subprocess.Popen([os.path.join(os.path.dirname(sys.executable), "rafahdiff"), "001", "002",
                              "--format", "text"], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        p.wait(timeout=60)
        os.close(master)
        return b"".join(chunks).decode("utf-8", "replace")

    assert ANSI.search(through_pty({}))
    assert not ANSI.search(through_pty({"NO_COLOR": "1"}))


# ---- error cases: one line on stderr, exit 2, no traceback ----------------------------------

def test_unknown_seed_lists_candidates(capsys):
    res = run_cli(["999", "001"], capsys)
    assert_one_line_error(res, "999", "000", "004")


def test_ambiguous_seed_lists_candidates(capsys):
    res = run_cli(["00", "001"], capsys)
    assert_one_line_error(res, "ambiguous", "000_c27db2f82556f832.txt", "004_2e5cae598c6e2a32.txt")


def test_missing_file(capsys, tmp_path):
    assert_one_line_error(run_cli([str(tmp_path / "nope.txt"), "001"], capsys), "no such file")


def test_directory(capsys, tmp_path):
    assert_one_line_error(run_cli([str(tmp_path), "001"], capsys), "directory")


def test_unreadable_file(capsys, tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("A sentence.\n")
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    assert_one_line_error(run_cli([str(f), "001"], capsys), "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("A sentence.\n")
    f.chmod(0)
    assert_one_line_error(run_proc([str(f)]), "permission denied")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"])
def test_empty_input(capsys, tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    assert_one_line_error(run_cli([str(f), "001"], capsys), "empty")


def test_empty_stdin(capsys, monkeypatch):
    assert_one_line_error(run_cli(["-", "001"], capsys, stdin=b"", monkeypatch=monkeypatch), "standard input", "empty")


def test_binary_input(capsys, tmp_path):
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    assert_one_line_error(run_cli([str(f), "001"], capsys), "binary")


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_text_with_stray_nuls_is_compared_and_no_nul_reaches_the_output(capsys, tmp_path, fmt):
    """A long article with two stray NUL bytes (as pan13 source-document00848) is read, not
    refused as binary; the NULs show as placeholders (JSON escapes them) and never go out raw."""
    body = "".join(f"Sentence {i} says the talks on Rafah resumed on Monday, officials said.\n" for i in range(150))
    f = tmp_path / "stray.txt"
    f.write_bytes(body[:3000].encode() + b"U\x00p'(~(UD-" + body[3000:].encode() + b" (\x00 ) end.\n")
    res = run_cli([str(f), "001", "--format", fmt], capsys)
    assert res.code == 0 and res.err == ""
    assert "\x00" not in res.out
    if fmt != "json":  # the JSON holds offsets and escaped text, never the raw byte
        assert "\u2400" in res.out  # ␀


def test_a_pdf_is_refused_as_binary_even_when_mostly_ascii(capsys, tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" * 40)
    assert_one_line_error(run_cli([str(f), "001"], capsys), "binary", "PDF")


def test_input_over_real_size_limit(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"a" * (reading.MAX_INPUT_BYTES + 1))
    assert_one_line_error(run_proc([str(f), "001"]), "limit")


def test_stdin_twice(capsys):
    assert_one_line_error(run_cli(["-", "-"], capsys), "standard input")


def test_no_arguments(capsys):
    assert_one_line_error(run_cli([], capsys), "no article")


def test_bad_option_is_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        run_cli(["001", "--format", "pdf"], capsys)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and len(err.strip().splitlines()) == 1


def test_bad_threshold(capsys):
    assert_one_line_error(run_cli(["001", "002", "--threshold", "1.5"], capsys), "threshold")


def test_the_engines_default_threshold_is_used_and_stated(capsys):
    """--threshold defaults to None in the parser (the engine is not imported to parse the
    arguments): the result and the help still carry the engine's default."""
    from rafahdiff.core.score import DEFAULT_THRESHOLD

    res = run_cli(["001", "002", "--json"], capsys)
    assert res.code == 0 and json.loads(res.out)["threshold"] == DEFAULT_THRESHOLD
    res = run_cli(["001", "002", "--json", "--threshold", "0.9"], capsys)
    assert json.loads(res.out)["threshold"] == 0.9
    with pytest.raises(SystemExit):
        run_cli(["--help"], capsys)
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"minimum pair score in [0, 1] (default {DEFAULT_THRESHOLD})" in help_text


def test_cp1252_input_is_read_with_a_notice(capsys, tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("The caf\u00e9 \u201cwas closed,\u201d he said.\n".encode("cp1252"))
    res = run_cli([str(f), "--json"], capsys)
    assert res.code == 0
    assert len(res.err.strip().splitlines()) == 1 and "cp1252" in res.err
    data = json.loads(res.out)
    assert data["a"]["title"] == "The caf\u00e9 \u201cwas closed,\u201d he said."


def test_bom_and_crlf_offsets_refer_to_normalised_text(capsys, tmp_path):
    f = tmp_path / "win.txt"
    f.write_bytes("\ufeffFirst line here.\r\nSecond one.\rThird one.\r\n".encode("utf-8"))
    data = json.loads(run_cli([str(f), "--json"], capsys).out)
    text = "First line here.\nSecond one.\nThird one.\n"
    assert [text[u["start"]:u["end"]] for u in data["a"]["units"]] == ["First line here.", "Second one.", "Third one."]


def test_errors_never_traceback_in_subprocess(tmp_path):
    for args in (["nope-404"], [str(tmp_path)], ["-", "-"], []):
        assert_one_line_error(run_proc(args))


def test_stdin_typed_at_the_terminal_gets_a_hint(capsys, monkeypatch):
    """`rafahdiff - 001` without a pipe waited on a blank screen for the article to be typed."""
    import io

    class TypedIn(io.BytesIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(TypedIn(b"No date for the talks has been set, he said.\n")))
    res = run_cli(["-", "002", "--json"], capsys)
    assert res.code == 0 and json.loads(res.out)["a"]["path"] == "-"
    lines = res.err.splitlines()
    assert len(lines) == 1 and "reading A from the terminal" in lines[0] and "ctrl+d" in lines[0]
    res = run_cli(["-", "002", "--json"], capsys, stdin=b"Plain piped text.\n", monkeypatch=monkeypatch)
    assert res.err == ""  # a pipe: nothing to say
