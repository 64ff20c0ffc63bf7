"""The Workspace API end to end over real ingestion and cleaning: idempotence, resume, exports."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storyprism.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SCHEMA = json.loads((ROOT / "schema" / "export.schema.json").read_text())


def _write_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"story-{i:03d}.txt"
        p.write_text(
            f"Council approves budget number {i}\n\n"
            f"The city council approved spending plan {i} on Tuesday after a long debate.\n\n"
            f"Officials said the plan {i} would fund {i + 3} new schools and repair roads.\n",
            encoding="utf-8",
        )
        paths.append(p)
    return paths


def test_seeds_ingest_once_and_reingest_changes_nothing(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        first = ws.add([SEEDS])
        assert first.added == 5 and not first.rejected
        ids = sorted(a.id for a in ws.articles())
        assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))
        second = ws.add([SEEDS])
        assert second.added == 0
        assert second.skipped_sources + second.unchanged == 5
        assert len(ws.articles()) == 5


def test_seed_junk_is_removed_with_reasons(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        by_id = {a.id: a for a in ws.articles()}
    ap = next(a for i, a in by_id.items() if i.startswith("001"))
    removed = {r.line.strip() for r in ap.removed}
    assert "Recommended Videos" in removed
    assert all(r.reason for r in ap.removed)
    assert "Recommended Videos" not in ap.text
    # journalism stays: the dateline paragraph and a quote
    assert "MOSCOW" in ap.text and "fully supports our initiative" in ap.text


def test_identical_text_under_second_url_is_kept(tmp_path):
    body = "The mayor resigned on Monday after a vote of no confidence, officials said. " * 3
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"url": "https://www.dailyplanet.com/news/mayor", "title": "Mayor resigns", "text": body},
        {"url": "https://news.gazette.co.uk/world/mayor", "title": "Mayor resigns", "text": body},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    with Workspace(tmp_path / "w.db") as ws:
        report = ws.add([feed])
        assert report.added == 1 and report.same_text == 1
        arts = ws.articles()
        assert len(arts) == 2
        dup = next(a for a in arts if a.duplicate_of)
        assert dup.duplicate_of == next(a.id for a in arts if not a.duplicate_of)
        assert {a.outlet for a in arts} == {"dailyplanet.com", "gazette.co.uk"}


def test_interrupted_run_resumes_without_duplicates(tmp_path):
    folder = tmp_path / "in"
    _write_articles(folder, 30)
    ws = Workspace(tmp_path / "w.db", batch_size=5)

    def interrupt(stage: str, done: int, total: int | None) -> None:
        if done >= 10:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ws.add([folder], progress=interrupt)
    assert len(ws.articles()) == 10
    report = ws.add([folder])
    assert report.skipped_sources == 10
    assert report.added == 20
    assert len(ws.articles()) == 30
    assert len({a.identity for a in ws.articles()}) == 30
    ws.close()


def test_every_item_is_an_article_or_rejected_with_reason(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("A headline\n\nA real paragraph of reporting, with a full sentence.\n")
    (folder / "empty.txt").write_text("   \n\n ")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "feed.jsonl").write_text('{"title": "T", "text": "Some reporting text here."}\n{not json\n')
    with Workspace(tmp_path / "w.db") as ws:
        report = ws.add([folder, tmp_path / "missing.txt"])
        assert report.added == 2
        assert report.rejected["empty"] == 1
        assert report.rejected["binary"] == 1
        assert report.rejected["malformed-json"] == 1
        assert report.rejected["not-found"] == 1
        refs = {r.ref for r in ws.rejected()}
        assert any(ref.endswith("feed.jsonl#2") for ref in refs)
        assert all(r.detail for r in ws.rejected())


def test_json_export_follows_the_schema(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS, tmp_path / "nope.txt"])
        doc = json.loads(ws.export("json"))
    jsonschema.validate(doc, SCHEMA)
    assert len(doc["articles"]) == 5
    assert doc["rejected"][0]["reason"] == "not-found"
    art = doc["articles"][0]
    assert art["origin"] == art["id"]
    assert isinstance(art["words"], int) and art["words"] > 50


def test_tabular_exports(tmp_path):
    import csv

    import pyarrow.parquet as pq

    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.export("csv", tmp_path / "a.csv")
        ws.export("parquet", tmp_path / "a.parquet")
        lines = ws.export("jsonl")
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert len(rows) == 5 and json.loads(rows[0]["removed"]) is not None
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == 5 and "title" in table.column_names
    records = [json.loads(line) for line in lines.splitlines()]
    assert sum(1 for r in records if r["collection"] == "articles") == 5


def test_extraction_in_two_processes_matches_one(tmp_path):
    """Enough articles to use the process pool; results must not depend on the executor."""
    folder = tmp_path / "many"
    _write_articles(folder, 42)
    results = []
    for workers in (1, 2):
        with Workspace(tmp_path / f"w{workers}.db", workers=workers, stories__enabled=False) as ws:
            ws.add([folder])
            report = ws.analyze()
            assert report.extracted == 42
            numbers = ws.document()["numbers"]
            results.append(sorted((n["article"], n["text"], n["low"]) for n in numbers))
    assert results[0] == results[1] and results[0]


def test_rerun_with_the_suggested_fix_reads_the_input_again_and_clears_its_rejection(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"headline": "Dam bursts", "body": {"content": "The dam burst at dawn, police said."}}) + "\n")
    with Workspace(tmp_path / "w.db") as ws:
        first = ws.add([feed])
        assert first.articles == 0 and first.rejected["no-text"] == 1
    with Workspace(tmp_path / "w.db", ingest__field_map={"text": "body.content"}) as ws:
        second = ws.add([feed])
        assert second.added == 1 and second.skipped_sources == 0
        assert ws.rejected() == []
