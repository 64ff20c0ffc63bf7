"""Helpers shared by the eval/reuse_*.py scripts: data location, figure printing, --gate floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FLOORS = REPO / "eval" / "floors"

sys.path.insert(0, str(REPO / "src"))


def need(path: Path) -> Path:
    if not path.exists():
        print(f"missing {path}: these evaluations need ../shared/data next to the repository")
        sys.exit(2)
    return path


def report(name: str, figures: dict[str, float], gate: bool) -> int:
    """Print figures; with ``gate`` compare them with eval/floors/<name>.json (all floors: higher is
    better) and return the exit status."""
    for key, value in figures.items():
        print(f"{key:45s} {value:.4f}")
    if not gate:
        return 0
    floors_path = FLOORS / f"{name}.json"
    if not floors_path.exists():
        print(f"no floors at {floors_path}: run without --gate, then pin floors a little below the figures")
        return 2
    floors = json.loads(floors_path.read_text())
    failed = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        got = figures.get(key)
        if got is None or got < floor:
            failed.append(f"{key}: {got} < floor {floor}")
    for f in failed:
        print(f"[gate] BELOW FLOOR {f}")
    print(f"[gate] {name}: {'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


def auc(scores_pos: list[float], scores_neg: list[float]) -> float:
    """Mann-Whitney AUC (ties count half)."""
    if not scores_pos or not scores_neg:
        return float("nan")
    wins = 0.0
    for p in scores_pos:
        for n in scores_neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(scores_pos) * len(scores_neg))
