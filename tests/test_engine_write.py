"""The Ray engine's collections, written one at a time (engine/global_step._write_collections), hold
the rows the export document holds (``store.export.build_document``), in its order, plus the fields a
workspace keeps; the articles are written a file's worth at a time. Built without Ray."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyprism.engine import global_step, parquet
from storyprism.records import (
    DateMention,
    Entity,
    Mention,
    NumberMention,
    Origin,
    Quote,
    Rejected,
    RemovedLine,
    Reuse,
    Story,
    Storyline,
    to_dict,
)
from storyprism.store import Store
from storyprism.store.export import build_document


def _store() -> Store:
    from storyprism.records import Article

    store = Store(":memory:")
    with store.transaction():
        # dated out of input order, one undated (the export lists those last), one raw text with a
        # removed line: the row order and the kept fields are what the test can catch going wrong
        for k, day in enumerate(["2024-03-05", None, "2024-01-02", "2024-03-05", "2023-12-30"]):
            store.upsert_article(Article(
                id=f"a{k}", ref=f"in.jsonl#{k}", title=f"Council vote {k}",
                text=f"The council voted on the budget on day {k}.",
                raw_text=f"Subscribe now\nThe council voted on the budget on day {k}.", published=day,
                outlet="Daily Example" if k % 2 else "Evening Example", url=f"https://example.org/{k}",
                removed=[RemovedLine(line="Subscribe now", reason="boilerplate", position=0)] if k == 1 else [],
            ))
        store.add_rejected(Rejected("in.jsonl#9", "no-text", "Nothing but page junk."))
        store.add_derived("story", [("s0", Story(id="s0", title="Vote", articles=["a0", "a2"], storyline="l0",
                                                state={"centroid": [1, 2]}))], story=lambda s: s.id)
        store.add_derived("storyline", [("l0", Storyline(id="l0", title="Budget", stories=["s0"],
                                                        state={"k": 1}))])
        store.add_derived("quote", [("q0", Quote(article="a0", text="We will vote.", direct=True, start=3, end=16,
                                                 speaker="Ann Lee"))], lambda q: q.article)
        store.add_derived("mention", [("m0", Mention(article="a0", text="Ann Lee", type="PERSON"))],
                          lambda m: m.article)
        store.add_derived("entity", [("e0", Entity(id="e0", name="Ann Lee", type="PERSON", articles=["a0"]))])
        store.add_derived("number", [("n0", NumberMention(article="a2", text="3", low=3.0, high=3.0))], lambda n: n.article)
        store.add_derived("date", [("d0", DateMention(article="a2", text="Monday", value="2024-01-01"))],
                          lambda d: d.article)
        store.add_derived("origin", [(f"a{k}", Origin(article=f"a{k}", origin="a0", parent="a0", kind="copy"))
                                     for k in (2, 3)], lambda o: o.article)
        store.add_derived("reuse", [("r0", Reuse(source="a0", copy="a2", kind="copy", coverage=0.91234567))],
                          lambda r: r.copy)
    return store


def test_collections_hold_the_export_documents_rows_in_its_order(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(global_step, "ARTICLE_ROWS", 2)  # 5 articles: chunks of 2, files of 4 rows
    store = _store()
    try:
        doc = build_document(store)
        articles = store.articles()
        global_step._write_collections(store, str(tmp_path))
        stories = [to_dict(s) for s in store.derived(Story, "story")]
        full = {a.id: a for a in articles}
    finally:
        store.close()
    assert len(list((tmp_path / "articles").glob("*.parquet"))) == 2  # 4 rows, then 1
    rows = parquet.read_rows(str(tmp_path), "articles")
    assert [r["id"] for r in rows] == [a["id"] for a in doc["articles"]] == ["a4", "a2", "a0", "a3", "a1"]
    for row, want in zip(rows, doc["articles"], strict=True):
        a = full[row["id"]]
        # every export field but ``removed``, which the dataset keeps whole (with each line's position)
        assert {k: row[k] for k in want if k != "removed"} == {k: v for k, v in want.items() if k != "removed"}
        assert row["raw_text"] == a.raw_text and row["identity"] == a.identity
        assert row["removed"] == [to_dict(r) for r in a.removed]
    for name in ("rejected", "reuse", "storylines", "entities", "numbers", "dates"):
        got = parquet.read_rows(str(tmp_path), name)
        if name == "storylines":  # the dataset keeps the state the export leaves out
            got = [{k: v for k, v in r.items() if k != "state"} for r in got]
        assert got == doc[name], name
        assert got, name  # each collection had a row: an empty one would pass the comparison
    # whole records where import needs more than the export's fields
    assert parquet.read_rows(str(tmp_path), "stories") == stories
    assert parquet.read_rows(str(tmp_path), "quotes")[0]["start"] == 3
    assert [r["article"] for r in parquet.read_rows(str(tmp_path), "origins")] == ["a2", "a3"]
    assert [r["text"] for r in parquet.read_rows(str(tmp_path), "mentions")] == ["Ann Lee"]
    # the comparison's collections are written by the compare step, never here
    assert not (tmp_path / "claims").exists()


def test_row_writer_writes_a_file_per_chunk_and_an_empty_folder(tmp_path: Path) -> None:
    with parquet.RowWriter(str(tmp_path), "things", per_file=2) as out:
        for k in range(5):
            out.add({"k": k, "tags": [k]})
    assert sorted(p.name for p in (tmp_path / "things").iterdir()) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert parquet.read_rows(str(tmp_path), "things") == [{"k": k, "tags": [k]} for k in range(5)]
    with parquet.RowWriter(str(tmp_path), "none"):
        pass
    assert (tmp_path / "none").is_dir() and parquet.read_rows(str(tmp_path), "none") == []
