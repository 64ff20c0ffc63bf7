"""The SQLite store: migrations, idempotent upserts, identical texts, derived records."""

from __future__ import annotations

import sqlite3

import pytest

from storyprism.records import Article, Quote, RemovedLine, Source, Story, StoryEdit
from storyprism.store import SCHEMA_VERSION, Store, WorkspaceError
from storyprism.store.sqlite import MIGRATIONS


def _article(identity: str, text: str = "Body text of the article.", **kw: object) -> Article:
    return Article(id=kw.pop("id", "a1"), ref=identity, title="T", text=text, identity=identity, **kw)  # type: ignore[arg-type]


def test_fresh_workspace_has_current_schema(tmp_path):
    store = Store(tmp_path / "w.db")
    assert store.version == SCHEMA_VERSION
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "rejected", "sources", "derived", "story_edits", "meta"} <= tables


def test_old_workspace_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO articles (id, identity, ref, title, text, raw_text, source_format, content_hash, words, added_at)"
        " VALUES ('x', 'i', 'r', 't', 'text', 'text', 'text', 'h', 1, 0)"
    )
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION
    assert [(a.id, a.description) for a in store.articles()] == [("x", None)]
    # the column migration 2 added keeps what it is given
    store.upsert_article(_article("/x/b.txt", id="b", description="HOUSTON (AP) — The lead."))
    assert {a.id: a.description for a in store.articles()}["b"] == "HOUSTON (AP) — The lead."
    store.set_meta("k", {"v": 1})
    assert store.get_meta("k") == {"v": 1}


def test_newer_schema_is_refused_with_a_fix(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(WorkspaceError, match="upgrade storyprism"):
        Store(path)


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(WorkspaceError, match="not a storyprism workspace"):
        Store(path)


def test_upsert_is_idempotent_and_detects_updates(tmp_path):
    store = Store(tmp_path / "w.db")
    assert store.upsert_article(_article("/x/a.txt")).status == "added"
    assert store.upsert_article(_article("/x/a.txt")).status == "unchanged"
    assert store.count("articles") == 1
    changed = _article("/x/a.txt", text="A corrected body text.", removed=[RemovedLine("Loading...", "ui-widget")])
    assert store.upsert_article(changed).status == "updated"
    (stored,) = store.articles()
    assert stored.text == "A corrected body text."
    assert stored.removed == [RemovedLine("Loading...", "ui-widget", -1)]


def test_identical_text_under_a_second_address_is_kept_and_marked(tmp_path):
    store = Store(tmp_path / "w.db")
    first = store.upsert_article(_article("https://a.example/story", id="story"))
    second = store.upsert_article(_article("https://b.example/story", id="story"))
    assert first.status == "added"
    assert second.status == "same-text" and second.duplicate_of == "story"
    ids = sorted(a.id for a in store.articles())
    assert len(ids) == 2 and ids[0] == "story" and ids[1].startswith("story-")
    dup = next(a for a in store.articles() if a.id != "story")
    assert dup.duplicate_of == "story"


def test_sources_mark_done_only_with_same_fingerprint(tmp_path):
    store = Store(tmp_path / "w.db")
    src = Source(ref="a.txt", path="/x/a.txt", size=10, mtime=1.0, fingerprint="10:1.0")
    assert not store.source_done(src)
    store.mark_source(src, "reading")
    assert not store.source_done(src)
    store.mark_source(src, "done", 1, 0)
    assert store.source_done(src)
    changed = Source(ref="a.txt", path="/x/a.txt", size=11, mtime=2.0, fingerprint="11:2.0")
    assert not store.source_done(changed)


def test_derived_records_round_trip_and_replace(tmp_path):
    store = Store(tmp_path / "w.db")
    q = Quote(article="a1", text="We will see.", direct=True, speaker="Jane Roe", id="a1:q0")
    with store.transaction():
        store.add_derived("quote", [(q.id, q)], lambda r: r.article)
    assert store.derived(Quote, "quote") == [q]
    assert store.derived(Quote, "quote", article="other") == []
    s = Story(id="s-1", title="T", articles=["a1"], state={"centroid": [0.1, 0.2]})
    with store.transaction():
        store.replace_derived("story", [(s.id, s)], story=lambda r: r.id)
        store.replace_derived("story", [(s.id, s)], story=lambda r: r.id)
    assert store.derived(Story, "story") == [s]


def test_transaction_rolls_back_on_error(tmp_path):
    store = Store(tmp_path / "w.db")
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_article(_article("/x/a.txt"))
        raise RuntimeError("interrupted")
    assert store.count("articles") == 0


def test_story_edits_are_kept_in_order(tmp_path):
    store = Store(tmp_path / "w.db")
    store.add_story_edit(StoryEdit("merge", stories=["s-1", "s-2"]))
    store.add_story_edit(StoryEdit("split", articles=["a3"]))
    assert [e.kind for e in store.story_edits()] == ["merge", "split"]


def test_update_keeps_twin_inferred_date_and_notices_every_field(tmp_path):
    store = Store(tmp_path / "w.db")
    store.upsert_article(_article("/x/a.txt", id="a"))
    store.upsert_article(_article("/x/b.txt", id="b"))
    retitled = _article("/x/b.txt", id="b")
    retitled.title = "A new headline"
    result = store.upsert_article(retitled)
    assert result.status == "updated" and result.duplicate_of == "a"
    store.set_published([("a", "2021-12-15", True)])
    assert store.upsert_article(_article("/x/a.txt", id="a")).status == "unchanged"
    a = next(x for x in store.articles() if x.id == "a")
    assert (a.published, a.published_inferred) == ("2021-12-15", True)
    assert store.upsert_article(_article("/x/a.txt", id="a", author="Jane Roe")).status == "updated"
    assert next(x for x in store.articles() if x.id == "a").author == "Jane Roe"


def test_replace_derived_rewrites_only_changed_rows_in_place_and_keeps_the_order(tmp_path):
    store = Store(tmp_path / "w.db")
    stories = [Story(id=sid, title=f"event {sid}", articles=[f"{sid}1"]) for sid in ("s1", "s2", "s3")]

    def rowids() -> dict[str, int]:
        return dict(store.db.execute("SELECT key, rowid FROM derived WHERE kind = 'story'"))

    with store.transaction():
        store.replace_derived("story", [(s.id, s) for s in stories], story=lambda r: r.id)
    before = rowids()
    stories[1].title = "event two, renamed"
    with store.transaction():  # the same keys in the same order: one row written, in place
        store.replace_derived("story", [(s.id, s) for s in stories], story=lambda r: r.id)
    assert rowids() == before
    assert [s.title for s in store.derived(Story, "story")] == ["event s1", "event two, renamed", "event s3"]
    with store.transaction():  # other keys or another order: the stored order follows the items
        store.replace_derived("story", [(s.id, s) for s in (stories[2], stories[0])], story=lambda r: r.id)
    assert [s.id for s in store.derived(Story, "story")] == ["s3", "s1"]
    assert store.count_derived("story") == 2
