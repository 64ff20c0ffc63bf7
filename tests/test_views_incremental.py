"""Views after an analysis rebuild only the stories whose inputs changed, and end up exactly as a
full rebuild would leave them."""

from __future__ import annotations

from pathlib import Path

from storyprism.records import Mention
from storyprism.store import views
from storyprism.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def _snapshot(ws: Workspace) -> dict[str, object]:
    db = ws.store.db
    return {
        "stories": {row[0]: (row[1:-1], views.unpack(row[-1])) for row in db.execute(
            "SELECT id, title, size, independent, conflicts, first_seen, last_seen, storyline, outlets, payload "
            "FROM view_stories")},
        "members": sorted(db.execute("SELECT article, story FROM view_members")),
        "outlets": sorted(db.execute("SELECT outlet, story FROM view_story_outlets")),
        "people": {pid: views.unpack(p) for pid, p in db.execute("SELECT id, payload FROM view_people")},
        "search": sorted(db.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'Putin'")),
    }


def test_views_after_adding_an_article_equal_a_full_rebuild(tmp_path: Path, monkeypatch) -> None:
    seeds = sorted(SEEDS.iterdir())
    with Workspace(tmp_path / "w.db") as ws:
        ws.add(seeds[:3])
        ws.analyze()
        first = views.story_fingerprints(ws.store)
        assert ws.store.get_meta(views.VIEWS_INPUTS_KEY) == first

        written: list[int] = []
        real = views.refresh_views

        def counting(store, stories=None):
            n = real(store, stories)
            written.append(n)
            return n

        monkeypatch.setattr(views, "refresh_views", counting)
        ws.add(seeds[3:])
        ws.analyze()
        after = views.story_fingerprints(ws.store)
        changed = [sid for sid, h in after.items() if first.get(sid) != h]
        assert written == [len(changed)]  # only the stories whose inputs changed were rebuilt
        assert 0 < len(changed) <= len(after)
        incremental = _snapshot(ws)
        monkeypatch.setattr(views, "refresh_views", real)

        views.refresh_views(ws.store)  # everything from scratch
        assert _snapshot(ws) == incremental


def test_renaming_an_entity_changes_the_fingerprints_of_the_stories_that_name_it_only(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        before = views.story_fingerprints(ws.store)
        mentions = ws.store.derived(Mention, "mention")
        entity = next(m.entity for m in mentions if m.entity)
        naming = {m.article for m in mentions if m.entity == entity}
        with ws.store.transaction():  # corpus-wide linking renamed it
            (payload,) = ws.store.db.execute(
                "SELECT payload FROM derived WHERE kind = 'entity' AND key = ?", (entity,)).fetchone()
            ws.store.db.execute("UPDATE derived SET payload = ? WHERE kind = 'entity' AND key = ?",
                                (payload.replace('"name": "', '"name": "X', 1), entity))
        after = views.story_fingerprints(ws.store)
        for story in ws.stories():
            assert (after[story.id] != before[story.id]) == bool(naming & set(story.articles))


def _search(ws: Workspace, words: str) -> set[str]:
    rows = ws.store.db.execute(
        "SELECT a.id FROM article_fts f JOIN articles a ON a.rowid = f.rowid WHERE article_fts MATCH ?", (words,))
    return {row[0] for row in rows}


def _integrity(ws: Workspace) -> None:
    # FTS5 compares its index with the articles table and raises on any stale or missing entry
    ws.store.db.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")


def test_search_index_takes_new_articles_and_drops_the_words_of_a_re_read_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour wall\n\nThe council voted to rebuild the harbour wall after the gale.\n")
    (folder / "b.txt").write_text("Orchard fire\n\nA fire spread through the orchard near the quarry on Monday.\n")
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([folder / "a.txt"])
        ws.analyze()
        assert _search(ws, "harbour") == {ws.articles()[0].id}
        ws.add([folder / "b.txt"])
        ws.analyze()  # only the new article is indexed
        assert len(_search(ws, "orchard")) == 1 and len(_search(ws, "harbour")) == 1
        _integrity(ws)
        (folder / "a.txt").write_text("Harbour wall\n\nThe council voted to repair the pier after the storm.\n")
        ws.add([folder / "a.txt"])
        ws.analyze()  # a re-read article's old words must leave the index
        assert _search(ws, "gale") == set() and len(_search(ws, "pier")) == 1
        _integrity(ws)
