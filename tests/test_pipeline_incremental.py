"""Re-running analyze after adding articles redoes only what they touch (real models, real SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyprism.pipeline import RUN_KEY
from storyprism.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"

pytestmark = pytest.mark.slow

UNRELATED = """Harbour town opens its first public library in a century

The council of the harbour town of Kellwick opened a public library on Saturday, the first new one
in the county since 1921. Librarian Moira Tully said the building holds 40,000 books and a reading
room for schoolchildren. "We waited a long time for this," Tully said. The library cost 3 million
pounds, paid for by a local lottery and a grant from the regional government.
"""


def _by_story(doc: dict, collection: str, stories: set[str]) -> list[dict]:
    return sorted((x for x in doc[collection] if x["story"] in stories), key=repr)


def test_adding_an_unrelated_article_recompares_only_its_story(tmp_path: Path, monkeypatch) -> None:
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        first = ws.analyze()
        assert first.sentences_encoded > 0
        before = ws.document()
        inputs_before = ws.store.get_meta("compare_inputs")
        seed_stories = {s["id"] for s in before["stories"]}

        (tmp_path / "library.txt").write_text(UNRELATED, encoding="utf-8")
        ws.add([tmp_path / "library.txt"])
        from storyprism import reuse

        tested: list[int] = []  # how many articles each off-topic test reads
        real_off_topic = reuse.off_topic_articles
        monkeypatch.setattr(
            reuse, "off_topic_articles", lambda arts, *a: tested.append(len(arts)) or real_off_topic(arts, *a)
        )
        second = ws.analyze()
        assert tested == [1]  # only the new article: the seeds' verdicts are kept in the workspace
        after = ws.document()
        inputs_after = ws.store.get_meta("compare_inputs")
        stored_vectors = ws.store.count("embeddings")

        # nothing new: no rewrite-candidate pair is aligned again, no sentence encoded again
        from storyprism.reuse import detect

        calls = []
        real = detect.compare_docs
        monkeypatch.setattr(detect, "compare_docs", lambda *a, **k: calls.append(1) or real(*a, **k))
        third = ws.analyze()
        assert calls == [] and third.sentences_encoded == 0 and tested == [1]
        assert third.up_to_date and third.stories == second.stories and third.claims == second.claims
        assert ws.document()["reuse"] == after["reuse"]

    new_stories = set(inputs_after) - set(inputs_before)
    assert len(new_stories) == 1
    assert {k: inputs_after[k] for k in inputs_before} == inputs_before  # the seeds' stories: untouched
    for collection in ("claims", "conflicts", "summaries"):
        assert _by_story(after, collection, seed_stories) == _by_story(before, collection, seed_stories)
    # the seed sentences came from the workspace's embedding table or memory, not the encoder
    assert second.sentences_encoded < first.sentences_encoded
    assert stored_vectors >= first.sentences_encoded + second.sentences_encoded
    assert any(c["story"] in new_stories for c in after["claims"])


def test_an_interrupted_analysis_is_recorded_and_finished_by_the_next(tmp_path: Path, monkeypatch) -> None:
    from storyprism import pipeline

    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt  # the user pressing Ctrl-C while claims are being compared

        with monkeypatch.context() as patch:
            patch.setattr(pipeline, "run_compare", interrupted)
            with pytest.raises(KeyboardInterrupt):
                ws.analyze()
        status = ws.status()["last_analysis"]
        assert status["interrupted"] is True
        assert status["completed"] == ["extract", "link", "reuse", "stories"]
        assert status["stale"] == ["compare", "views"]
        assert ws.document()["claims"] == []  # nothing says the stories have claims yet

        report = ws.analyze()
        assert report.interrupted_after == ["extract", "link", "reuse", "stories"]
        status = ws.status()["last_analysis"]
        assert status["interrupted"] is False and status["stale"] == []
        assert ws.document()["claims"]

    from typer.testing import CliRunner

    from storyprism.cli import app

    shown = CliRunner().invoke(app, ["status", "--workspace", str(tmp_path / "w.db")])
    assert shown.exit_code == 0, shown.output
    assert "finished" in shown.output and "compare" in shown.output


def test_an_article_whose_extraction_fails_is_recorded_and_retried(tmp_path: Path, monkeypatch) -> None:
    from storyprism.extract import stage

    real = stage._one

    def flaky(article, *args, **kwargs):  # a fault in one article, as a hostile text could cause
        real(article, *args, **kwargs)  # records are written first: none of them may be kept
        if article.id.startswith("002"):
            raise RuntimeError("simulated fault")

    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        with monkeypatch.context() as patch:
            patch.setattr(stage, "_one", flaky)
            ws.analyze()
        failed = ws.status()["extraction_failed"]
        assert list(failed) == [a.id for a in ws.articles() if a.id.startswith("002")]
        assert "simulated fault" in next(iter(failed.values()))
        assert not [q for q in ws.quotes() if q.article.startswith("002")]  # nothing half-done kept

        ws.analyze()  # the fault is gone: the article is extracted this time
        assert ws.status()["extraction_failed"] == {}
        assert [q for q in ws.quotes() if q.article.startswith("002")]


def test_a_story_whose_comparison_fails_is_recorded_and_retried(tmp_path: Path, monkeypatch) -> None:
    from storyprism.compare import stage

    real = stage.summarise
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        story = next(s for s in ws.stories() if len(s.articles) > 1)
        claims_before = [c for c in ws.document()["claims"] if c["story"] == story.id]
        assert claims_before

        def flaky(st, *args, **kwargs):  # a fault in one story, after its claims were built
            if story.articles[0] in st.articles:
                raise RuntimeError("simulated fault")
            return real(st, *args, **kwargs)

        with monkeypatch.context() as patch:
            patch.setattr(stage, "summarise", flaky)
            ws.store.set_meta(RUN_KEY, {})  # as if the last run had not happened: every stage runs
            ws.store.set_meta("compare_inputs", {})  # and every story is compared again
            ws.analyze()
        failed = ws.status()["comparison_failed"]
        assert list(failed) == [story.id] and "simulated fault" in failed[story.id]
        assert not [c for c in ws.document()["claims"] if c["story"] == story.id]  # nothing half-done kept

        ws.analyze()  # the fault is gone: the story is compared this time, though nothing else changed
        assert ws.status()["comparison_failed"] == {}
        assert [c for c in ws.document()["claims"] if c["story"] == story.id] == claims_before


def test_storylines_list_their_events_in_the_same_order_on_every_run(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        first = ws.document()["storylines"]
        ws.analyze()
        assert ws.document()["storylines"] == first
    stories = {s["id"]: s for s in ws_document_stories(tmp_path / "w.db")}
    for line in first:
        days = [stories[sid]["first_seen"] or "" for sid in line["stories"]]
        assert days == sorted(days)  # in the order the events happened


def ws_document_stories(path: Path) -> list[dict]:
    with Workspace(path) as ws:
        return ws.document()["stories"]


def test_a_rerun_with_nothing_changed_redoes_nothing_but_any_change_redoes_the_analysis(tmp_path: Path) -> None:
    from storyprism.records import StoryEdit

    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        first = ws.analyze()
        assert not first.up_to_date
        again = ws.analyze()
        assert again.up_to_date and not again.seconds  # no stage ran
        assert (again.stories, again.claims, again.quotes) == (first.stories, first.claims, first.quotes)
        # a manual edit is an input: the next run replays it
        story = ws.document()["stories"][0]
        ws.store.add_story_edit(StoryEdit(kind="split", articles=story["articles"][:1]))
        assert not ws.analyze().up_to_date
        assert ws.analyze().up_to_date
        # so is a changed option
        ws.options.compare.summary_sentences = 5
        assert not ws.analyze().up_to_date


def test_analyze_is_a_loop_over_declared_stages(tmp_path: Path) -> None:
    from storyprism import pipeline
    from storyprism.options import Options

    assert tuple(stage.name for stage in pipeline.PIPELINE) == pipeline.STAGES
    written: set[str] = set()
    for stage in pipeline.PIPELINE:  # every read is written by an earlier stage
        assert set(stage.reads) <= written, stage.name
        written |= set(stage.writes)

    options = Options()
    options.stories.enabled = False  # compare reads the stories, so it is skipped with them
    with Workspace(tmp_path / "w.db", options=options) as ws:
        ws.add([SEEDS])
        report = ws.analyze()
        assert report.completed == ["extract", "link", "reuse", "views"]
        assert not ws.document()["claims"]


def test_a_stage_that_does_not_write_what_it_declares_stops_the_run(tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace

    from storyprism import pipeline

    broken = tuple(replace(s, run=lambda run: None) if s.name == "reuse" else s for s in pipeline.PIPELINE)
    monkeypatch.setattr(pipeline, "PIPELINE", broken)
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        with pytest.raises(RuntimeError, match="reuse stage did not produce found, origin_records"):
            ws.analyze()
        assert ws.status()["last_analysis"]["interrupted"] is True


def test_a_variant_group_renamed_elsewhere_leaves_a_story_with_one_of_its_quotes_up_to_date() -> None:
    from storyprism.options import Options
    from storyprism.pipeline import _story_inputs
    from storyprism.records import AnalysisData, Article, Extraction, Quote, Story

    articles = [Article(id=x, ref=x, title="t", text=f"text {x}", content_hash=x) for x in ("a", "b", "c")]
    stories = [Story(id="s1", title="one", articles=["a"]), Story(id="s2", title="two", articles=["b", "c"])]

    def inputs(group_a: str, group_bc: str) -> dict[str, list[str]]:
        quotes = [
            Quote("a", "We will rebuild.", True, speaker="Ana Ruiz", speaker_id="e1", variant_group=group_a, id="a:q0"),
            Quote("b", "Costs will rise.", True, speaker="Bo Lind", speaker_id="e2", variant_group=group_bc, id="b:q0"),
            Quote("c", "Costs will rise.", True, speaker="Bo Lind", speaker_id="e2", variant_group=group_bc, id="c:q0"),
        ]
        data = AnalysisData(articles=articles, stories=stories, extraction=Extraction(quotes=quotes))
        return _story_inputs(data, Options())

    before = inputs("v-1", "v-2")
    after = inputs("v-9", "v-8")  # linking gave both groups new ids (new members in other stories)
    assert after["s1"] == before["s1"]  # one quote of its group in the story: nothing it pairs changed
    assert after["s2"][0] != before["s2"][0]  # two quotes of one group: conflicts name the group
