"""atheris target for the engine's entry point, `rafahdiff.core.compare`, over read bytes.

Not collected by pytest (the name does not start with test_) and not run in CI: run it by hand for
a bounded time with tests/fuzz/run_fuzz.sh. Crashing inputs land in tests/fuzz/regressions/, which
tests/test_fuzz_regressions.py replays in every normal test run.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["rafahdiff", "tests.invariant_checks", "tests.fuzz.harness"]):
    from tests.fuzz.harness import check_input


def test_one_input(data: bytes) -> None:
    check_input(data)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
