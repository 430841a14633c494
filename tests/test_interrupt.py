"""ctrl+c at any moment of `rafahdiff`: at most one line on stderr, status 130, never a traceback.

The interrupt is sent to the whole process group, as a terminal's ctrl+c is, at moments spread
over the start (the imports of the entry point and of the engine, the read, the fork of the
aligning child, Textual's import, the app's first frames). What happens before `launch.main`
runs is not the program's to handle (the interpreter's own start and site packages; then the
console script imports `re` and the small `rafahdiff.tui.launch` and edits `sys.argv`, under a
millisecond from compiled modules), so each run tells the test when `main` is about to start.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time

import pytest

from rafahdiff.tui import cli, launch

#: The console script pip writes for `rafahdiff = "rafahdiff.tui.launch:main"`, with a mark on a
#: pipe just before `main` runs. The mark comes after `main`'s own first step (its handler), so a
#: busy machine pausing this process between the mark and `main` cannot fail the test.
SCRIPT = """
import re
import sys
from rafahdiff.tui.launch import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    import os, signal
    from rafahdiff.tui import launch
    signal.signal(signal.SIGINT, launch._leave_now)
    os.write(int(os.environ["RAFAHDIFF_TEST_MARK_FD"]), b"up")
    sys.exit(main())
"""


def _interrupted_run(delay: float, args: list[str]) -> tuple[int | None, str]:
    """Start the command on a pseudo-terminal (the app's path), interrupt its process group
    `delay` seconds after its script starts; (status, stderr)."""
    master, slave = os.openpty()
    mark_r, mark_w = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *args], stdin=slave, stdout=slave, stderr=subprocess.PIPE,
        pass_fds=(mark_w,), start_new_session=True,
        env=dict(os.environ, RAFAHDIFF_TEST_MARK_FD=str(mark_w)),
    )
    os.close(slave)
    os.close(mark_w)
    try:
        select.select([mark_r], [], [], 30)
        time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:  # keep the terminal drained
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        if proc.poll() is None:
            proc.kill()
        code = proc.wait(timeout=10)
        err = proc.stderr.read().decode("utf-8", "replace")
    finally:
        proc.stderr.close()
        os.close(master)
        os.close(mark_r)
    return code, err


@pytest.mark.parametrize("delay", [0.002, 0.005, 0.01, 0.03, 0.08, 0.2])
def test_ctrl_c_during_start_up_is_one_line_and_status_130(delay):
    code, err = _interrupted_run(delay, ["001", "002"])
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) <= 1, err
    # 130: interrupted; 0: the app had started and Textual ended it as a quit.
    assert code in (launch.INTERRUPTED, 0), (code, err)
    if code == launch.INTERRUPTED:
        assert lines == ["rafahdiff: interrupted"]


def test_ctrl_c_during_an_export_is_status_130(tmp_path):
    """`--format` with a slow reader: the interrupt while the report is being made."""
    code, err = _interrupted_run(0.05, ["001", "002", "--format", "html", "-o", str(tmp_path / "r.html")])
    assert "Traceback" not in err, err
    assert code in (launch.INTERRUPTED, 0), (code, err)
    assert not [p for p in tmp_path.iterdir() if p.name != "r.html"]  # no temporary file left


def test_importing_the_cli_leaves_sigint_alone():
    probe = ("import signal; before = signal.getsignal(signal.SIGINT); "
             "import rafahdiff.tui.cli, rafahdiff.tui.launch; "
             "print(signal.getsignal(signal.SIGINT) is before)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "True", out.stderr


def test_cli_main_turns_an_interrupt_into_one_line_and_130(monkeypatch, capsys):
    def interrupt(argv=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupt)
    assert cli.main(["001", "002"]) == 130
    assert capsys.readouterr().err == "rafahdiff: interrupted\n"


def test_launch_main_restores_python_handling_while_the_cli_runs(monkeypatch, capsys):
    """While `cli.main` runs, SIGINT raises KeyboardInterrupt (cleanup in `finally` blocks runs);
    after it, the handler leaves at once."""
    seen = []

    def fake_main(argv=None):
        seen.append(signal.getsignal(signal.SIGINT))
        return 0

    monkeypatch.setattr(cli, "main", fake_main)
    before = signal.getsignal(signal.SIGINT)
    try:
        assert launch.main(["001"]) == 0
        after = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == [signal.default_int_handler]
    assert after is launch._leave_now
