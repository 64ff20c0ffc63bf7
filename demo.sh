#!/usr/bin/env bash
# Set up everything, then run storyprism's main job on the bundled seed articles:
# ingest + analyze into out/seeds.db, export out/seeds.json, and write the story report.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
mkdir -p out
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/storyprism analyze examples/seeds --workspace out/seeds.db
.venv/bin/storyprism export --workspace out/seeds.db --format json --output out/seeds.json
.venv/bin/storyprism report --workspace out/seeds.db --output out/seeds-report.html --markdown out/seeds-report.md
# Screenshots of the web app's pages, when Debian's Chromium is installed (never downloads a browser).
if [ -x /usr/bin/chromium ] && .venv/bin/python -c "import playwright" 2>/dev/null; then
  .venv/bin/python -m storyprism.web.screens --workspace out/seeds.db --out out/screens
else
  echo "web app screenshots skipped: install Chromium (apt-get install -y chromium) to get out/screens/*.png"
fi
echo "workspace: out/seeds.db · export: out/seeds.json · report: out/seeds-report.html"
echo "web app: .venv/bin/storyprism serve --workspace out/seeds.db  (then open http://127.0.0.1:8000/)"
