"""Running the real CLI: in-process (fast) and as a subprocess (the installed console script)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from rafahdiff.tui.cli import main

BIN = Path(sys.executable).parent


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys, stdin: bytes | None = None, monkeypatch=None) -> Result:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(args)
    cap = capsys.readouterr()
    return Result(code, cap.out, cap.err)


def run_proc(args: list[str], stdin: bytes | None = None, env: dict | None = None, module: bool = False,
             cwd: str | None = None, timeout: float = 120) -> Result:
    cmd = [sys.executable, "-m", "rafahdiff", *args] if module else [str(BIN / "rafahdiff"), *args]
    full_env = dict(os.environ)
    for key, value in (env or {}).items():  # a None value removes the variable
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    p = subprocess.run(cmd, input=stdin if stdin is not None else b"", capture_output=True, env=full_env,
                       cwd=cwd, timeout=timeout)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def assert_one_line_error(res: Result, *needles: str) -> None:
    assert res.code == 2, res
    assert "Traceback" not in res.err
    lines = [ln for ln in res.err.splitlines() if ln.strip()]
    assert len(lines) == 1, res.err
    assert lines[0].startswith("rafahdiff: ")
    for n in needles:
        assert n.lower() in lines[0].lower(), (n, lines[0])
