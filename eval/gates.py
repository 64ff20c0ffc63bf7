"""Run every evaluation gate: each eval/<name>.py with a pinned floor file eval/floors/<name>.json.

Exits non-zero if any gate fails (a figure below its floor, or the script crashed). Floors only go up.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    for floor in sorted((HERE / "floors").glob("*.json")):
        script = HERE / f"{floor.stem}.py"
        if not script.exists():
            print(f"[gate] {floor.name}: no script {script.name}", flush=True)
            failed.append(floor.stem)
            continue
        start = time.time()
        print(f"[gate] {script.name} --gate", flush=True)
        proc = subprocess.run([sys.executable, str(script), "--gate"], cwd=HERE.parent)
        status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        print(f"[gate] {script.name}: {status} in {time.time() - start:.0f}s", flush=True)
        if proc.returncode != 0:
            failed.append(floor.stem)
    if failed:
        print(f"[gate] failed: {', '.join(failed)}")
        return 1
    print("[gate] all gates passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
