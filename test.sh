#!/usr/bin/env bash
# Set up everything, then run the full test suite, lint and type checks, and (when ../shared is
# beside the repository) the evaluation gates on real labelled data.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check src tests eval benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest -q -n 2 tests
if [ -d ../shared/data ]; then
  .venv/bin/python eval/gates.py
else
  echo "../shared/data not found: evaluation gates skipped"
fi
