"""eval/claims_read.py: the seeded draw of claims shown corroborated and the figures of each hand read.

Runs without ../shared: the export is invented here; the read files are the repository's own labels.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claims_read_eval", ROOT / "eval" / "claims_read.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


R = _load()


def test_eligible_claims_are_shown_corroborated_and_lie_in_one_event() -> None:
    event_of = {"a1": 1, "a2": 1, "b1": 2}
    doc = {"claims": [
        {"id": "c-2", "independent_support": 2, "articles": ["a1", "a2"]},
        {"id": "c-1", "independent_support": 3, "articles": ["a1", "unlabelled"]},
        {"id": "c-3", "independent_support": 1, "articles": ["a1", "a2"]},  # not shown corroborated
        {"id": "c-4", "independent_support": 2, "articles": ["a1", "b1"]},  # two events
        {"id": "c-5", "independent_support": 2, "articles": ["unlabelled"]},
    ]}
    assert [c["id"] for c in R.eligible(doc, event_of)] == ["c-1", "c-2"]


def test_draw_is_the_seeded_sample_of_the_sorted_claims() -> None:
    claims = [{"id": f"c-{i:03d}"} for i in range(100)]
    import random

    random.seed(62013)
    expected = random.sample(claims, 30)
    assert R.draw(claims, 62013) == expected
    assert R.draw(claims[:10], 1) and len(R.draw(claims[:10], 1)) == 10


def test_every_read_states_figures_that_agree_with_its_verdicts() -> None:
    paths = R.reads()
    assert [R.read_number(p) for p in paths] == sorted(R.read_number(p) for p in paths)
    assert R.read_number(paths[0]) == 1
    for path in paths:
        read = json.loads(path.read_text(encoding="utf-8"))
        f = R.figures(read)
        assert f["read"] == read["read"] and f["true"] == read["true"], path.name
        if "strict" in f:
            assert f["strict"] <= f["true"]
            assert sum(f["false_kinds"].values()) == f["read"] - f["true"], path.name
    latest = json.loads((R.LABELS / "trust_claims_read_13.json").read_text(encoding="utf-8"))
    assert latest["seed"] == 62013 and R.figures(latest)["true"] == 24


def test_overlap_lists_claims_read_before() -> None:
    lines = R.overlap("trust_claims_read_13.json")
    assert lines and all("agrees" in ln for ln in lines)
    assert any(ln.strip().startswith("c-3c910e06051f  read 12") for ln in lines)
