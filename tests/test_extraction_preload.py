"""Extraction loads its models once, in the process that starts the workers, and a pool of workers
stores exactly what one process stores (real spaCy, real SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyprism import extraction_runs
from storyprism.executor import LocalExecutor
from storyprism.intake import no_progress
from storyprism.options import Options
from storyprism.records import DateMention, Mention, NumberMention, Quote
from storyprism.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"

pytestmark = pytest.mark.slow


def _stored(path: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    # force the pool even for a handful of articles (analyze uses one process below two batches, 16)
    real = extraction_runs.make_executor
    monkeypatch.setattr(extraction_runs, "make_executor", lambda kind, n: real(kind, workers))
    with Workspace(path) as ws:
        ws.add([SEEDS])
        extraction_runs.run_extraction(ws.store, ws.articles(), Options.build(), no_progress)
        return {
            kind: sorted(repr(r) for r in ws.store.derived(cls, kind))
            for kind, cls in (("quote", Quote), ("mention", Mention), ("number", NumberMention), ("date", DateMention))
        }


def test_a_pool_of_workers_stores_what_one_process_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _stored(tmp_path / "one.db", 1, monkeypatch)
    pool = _stored(tmp_path / "pool.db", 2, monkeypatch)
    assert one["quote"] and one["mention"]
    assert pool == one


def test_the_model_is_loaded_before_the_workers_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyprism.extract.nlp import PARSE_DISABLE
    from storyprism.models import spacy_model

    spacy_model.cache_clear()
    loaded_at_start: list[int] = []
    real_map = LocalExecutor.map

    def watching_map(self, fn, batches):  # type: ignore[no-untyped-def]
        # forked workers inherit what this process holds when the pool starts
        loaded_at_start.append(spacy_model.cache_info().currsize)
        return real_map(self, fn, batches)

    monkeypatch.setattr(LocalExecutor, "map", watching_map)
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        extraction_runs.run_extraction(ws.store, ws.articles(), Options.build(), no_progress)
    assert loaded_at_start and loaded_at_start[0] >= 1
    assert spacy_model(PARSE_DISABLE) is spacy_model(PARSE_DISABLE)


def test_a_missing_model_is_still_recorded_per_article_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyprism.extract import nlp
    from storyprism.models import ModelMissing

    def missing(disable: tuple[str, ...] = ()) -> None:
        raise ModelMissing("no spaCy model here")

    monkeypatch.setattr(nlp, "spacy_model", missing)
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        articles = ws.articles()
        extraction_runs.run_extraction(ws.store, articles, Options.build(), no_progress)
        failed = ws.store.get_meta(extraction_runs.FAILED_KEY, {})
    assert set(failed) == {a.id for a in articles if a.text.strip()}


def test_a_handful_of_articles_is_extracted_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = extraction_runs.make_executor

    def recording(kind: str, n: int) -> LocalExecutor:
        asked.append(n)
        return real(kind, n)

    monkeypatch.setattr(extraction_runs, "make_executor", recording)
    with Workspace(tmp_path / "w.db", workers=2) as ws:
        ws.add([SEEDS])
        assert len(ws.articles()) < 2 * extraction_runs.MIN_BATCH
        extraction_runs.run_extraction(ws.store, ws.articles(), ws.options, no_progress)
    assert asked == [1]
