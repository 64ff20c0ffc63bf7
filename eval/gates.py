"""Run every evaluation gate: each eval/<name>.py with a pinned floor file eval/floors/<name>.json.

Exits non-zero if any gate fails (a figure below its floor, or the script crashed). Floors only go up.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Gates that check fixed facts (no floor file): they fail on any fact that no longer holds.
FACT_GATES = ("extract_seeds",)


def main() -> int:
    failed = []
    names = sorted({f.stem for f in (HERE / "floors").glob("*.json")} | set(FACT_GATES))
    for name in names:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"[gate] {name}: no script {script.name}", flush=True)
            failed.append(name)
            continue
        start = time.time()
        print(f"[gate] {script.name} --gate", flush=True)
        proc = subprocess.run([sys.executable, str(script), "--gate"], cwd=HERE.parent)
        status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        print(f"[gate] {script.name}: {status} in {time.time() - start:.0f}s", flush=True)
        if proc.returncode != 0:
            failed.append(name)
    if failed:
        print(f"[gate] failed: {', '.join(failed)}")
        return 1
    print("[gate] all gates passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
