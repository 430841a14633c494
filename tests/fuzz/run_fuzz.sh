#!/usr/bin/env bash
# Coverage-guided fuzzing of rafahdiff.core.compare for a bounded time (not part of CI).
#   tests/fuzz/run_fuzz.sh [SECONDS] [extra libFuzzer flags…]      default 600 s
# Needs atheris in the environment (pip install atheris). New crashing, hanging (>30 s) or
# memory-hungry (>2 GiB) inputs are written to tests/fuzz/regressions/ (crash-*, timeout-*,
# oom-*); fix the bug, keep the file: tests/test_fuzz_regressions.py replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS="${1:-600}"
shift || true
PY="${PYTHON:-/work/venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -c "from pathlib import Path; from tests.fuzz.harness import write_corpus; print('corpus:', write_corpus(Path('$WORK/corpus')), 'inputs')"
mkdir -p tests/fuzz/regressions
"$PY" tests/fuzz/fuzz_compare.py "$WORK/corpus" \
  -max_total_time="$SECS" -max_len=16384 -timeout=30 -rss_limit_mb=2048 \
  -artifact_prefix=tests/fuzz/regressions/ -print_final_stats=1 "$@"
