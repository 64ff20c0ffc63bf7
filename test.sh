#!/usr/bin/env bash
# Set up everything, then run lint and type checks, the evaluation gates on real labelled data (when
# ../shared is beside the repository), and the full test suite last, so that the run ends with the
# test runner's own closing line.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check src tests eval benchmarks
.venv/bin/mypy
if [ -d ../shared/data ]; then
  .venv/bin/python eval/gates.py
else
  echo "../shared/data not found: evaluation gates skipped"
fi
.venv/bin/python -m pytest -q -n 2 tests
