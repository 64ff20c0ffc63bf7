"""Issue 9, round 16: the per-story comparisons in forked worker processes give the serial run's
records, in the serial run's order; a story that fails there is recorded as in the serial run, an
error that escapes a worker is raised in the parent, and the vectors workers encode reach the
workspace through the parent's connection only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from storyprism.compare import CompareOptions, compare_stories, parallel, stage
from storyprism.models import embedding_store
from storyprism.records import AnalysisData, Article, Story, Storyline, to_dict
from storyprism.store import Store

# Made-up coverage: per story, three outlets restate two facts and disagree on a count.
_EVENTS = [
    ("bridge", "the old river bridge", "lorries", 40, 45),
    ("school", "the new primary school", "classrooms", 12, 18),
    ("market", "the covered market", "stalls", 150, 120),
    ("depot", "the bus depot", "buses", 30, 35),
    ("library", "the central library", "volunteers", 25, 60),
]


def _article(story: str, k: int, place: str, thing: str, count: int) -> Article:
    body = (
        f"Engineers inspected {place} on Monday after residents reported cracks near the entrance. "
        f"The council said {count} {thing} had been affected by the closure of {place}. "
        f"A spokesperson for the council said repairs to {place} would start next month. "
        f"Local traders said the closure of {place} had cost them customers this week. "
    )
    aid = f"{story}-{k}"
    return Article(id=aid, ref=f"{aid}.txt", title=f"Closure of {place}: report {k}", text=body,
                   outlet=f"Paper {k}", published=f"2021-05-0{k + 1}T09:00:00", content_hash=f"h-{aid}")


def _data() -> AnalysisData:
    articles, stories = [], []
    for name, place, thing, low, high in _EVENTS:
        members = [_article(name, k, place, thing, low if k != 2 else high) for k in range(3)]
        articles += members
        stories.append(Story(id=name, title=f"Closure of {place}", articles=[a.id for a in members]))
    return AnalysisData(
        articles=articles, stories=stories,
        storylines=[Storyline(id=f"l-{s.id}", title=s.title, stories=[s.id]) for s in stories],
        origins={a.id: a.id for a in articles},
    )


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The worker path on this small corpus (it is below the size that pays for a fork); the
    number of stories each ``run_each`` call sent to workers is recorded."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    calls: list[int] = []
    real = parallel.run_each

    def spy(items: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(items))
        return real(items, *args, **kwargs)

    monkeypatch.setattr(parallel, "run_each", spy)
    return calls


def test_workers_give_the_serial_records_in_the_serial_order(forced: list[int]) -> None:
    serial = compare_stories(_data(), CompareOptions(embeddings=False))
    assert not forced
    done: list[tuple[int, int]] = []
    parallel_run = compare_stories(_data(), CompareOptions(embeddings=False), workers=2,
                                   progress=lambda d, t: done.append((d, t)))
    assert forced == [len(_EVENTS)]  # the worker path ran
    assert serial.claims and serial.conflicts  # the corpus has something to compare
    assert to_dict(parallel_run) == to_dict(serial)
    assert [s.story for s in parallel_run.summaries] == [e[0] for e in _EVENTS]
    assert done[0] == (0, 5) and done[-1] == (5, 5) and len(done) == 6


def test_without_enough_text_the_stories_are_compared_in_this_process() -> None:
    assert parallel.parallel_workers(2, parallel.MIN_PARALLEL_CHARS - 1, 50) == 1
    assert parallel.parallel_workers(2, parallel.MIN_PARALLEL_CHARS, 1) == 1  # one story: nothing to share
    assert parallel.parallel_workers(1, 10**9, 50) == 1
    assert parallel.parallel_workers(4, 10**9, 3) == 3  # never more workers than stories


def test_run_each_runs_in_other_processes_heaviest_first_and_returns_in_order() -> None:
    items = list(range(6))
    out = parallel.run_each(items, lambda k: (k * k, os.getpid()), weights=[1, 9, 3, 7, 5, 2], workers=2)
    assert [v for v, _ in out] == [k * k for k in items]
    assert all(pid != os.getpid() for _, pid in out)


def test_an_error_escaping_a_worker_is_raised_in_the_parent() -> None:
    def boom(k: int) -> int:
        if k == 3:
            raise ValueError("story 3 could not be read")
        return k

    with pytest.raises(ValueError, match="story 3 could not be read"):
        parallel.run_each(list(range(5)), boom, weights=[1] * 5, workers=2)


def test_a_story_failing_in_a_worker_is_recorded_as_in_the_serial_run(
    forced: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = stage._compare_story

    def flaky(data: Any, options: Any, result: Any, story: Story, corpus: Any) -> None:
        real(data, options, result, story, corpus)  # its records are made, then dropped
        if story.id == "market":
            raise RuntimeError("tokeniser gave up")

    monkeypatch.setattr(stage, "_compare_story", flaky)  # inherited by the forked workers
    serial = compare_stories(_data(), CompareOptions(embeddings=False))
    parallel_run = compare_stories(_data(), CompareOptions(embeddings=False), workers=2)
    assert forced == [len(_EVENTS)]
    assert parallel_run.failed == serial.failed == {"market": "RuntimeError: tokeniser gave up"}
    assert "market" not in {c.story for c in parallel_run.claims}
    assert to_dict(parallel_run) == to_dict(serial)


def test_vectors_encoded_in_workers_are_stored_by_the_parent(forced: list[int], tmp_path: Path) -> None:
    store = embedding_store()
    runs = {}
    for workers in (2, 1):
        workspace = Store(tmp_path / f"w{workers}.db")
        store.attach(workspace)
        encoded = store.encoded
        try:
            runs[workers] = to_dict(compare_stories(_data(), CompareOptions(), workers=workers))
            stored = workspace.count("embeddings")
        finally:
            store.attach(None)
            workspace.close()
        assert stored > 0  # the sentences compared by embedding reached the workspace
        assert store.encoded - encoded == stored  # and the encoding done in workers is counted here
        runs[workers]["stored"] = stored
    assert forced == [len(_EVENTS)]
    assert runs[2] == runs[1]


def test_a_worker_reads_stored_vectors_through_its_own_connection(tmp_path: Path) -> None:
    workspace = Store(tmp_path / "w.db")
    workspace.put_embeddings([(b"k" * 16, 0.5, bytes(384))])
    try:
        reader = parallel._reader(workspace)
        assert reader is not None and reader is not workspace.get_embeddings
        got = parallel.run_each([b"k" * 16, b"x" * 16], lambda key: reader([key]), weights=[1, 1], workers=2)
    finally:
        workspace.close()
    assert got == [{b"k" * 16: (0.5, bytes(384))}, {}]


def test_the_pipeline_compares_on_the_cores_its_options_allow(forced: list[int]) -> None:
    from storyprism import pipeline
    from storyprism.options import Options
    from storyprism.records import Claim, Summary

    stored = {}
    for workers in (2, 1):
        options = Options(workers=workers)
        options.compare.embeddings = False
        store = Store(":memory:")
        pipeline.run_compare(store, _data(), options)
        stored[workers] = ([to_dict(c) for c in store.derived(Claim, "claim")],
                           [to_dict(s) for s in store.derived(Summary, "summary")],
                           store.get_meta("comparison_extra"))
        store.close()
    assert forced == [len(_EVENTS)]  # only the run allowed two workers used them
    assert stored[2] == stored[1] and stored[1][0]
    assert parallel.default_workers() == 1  # the setting ends with the run


def test_a_worker_that_dies_stops_the_run_loudly() -> None:
    from concurrent.futures.process import BrokenProcessPool

    def dies(k: int) -> int:
        if k == 2:
            os._exit(3)  # killed mid-story (out of memory, a crash in native code)
        return k

    with pytest.raises(BrokenProcessPool):
        parallel.run_each(list(range(4)), dies, weights=[1] * 4, workers=2)
    assert parallel._JOB is None  # nothing of the run is left for the next one
