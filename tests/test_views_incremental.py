"""Views after an analysis rebuild only the stories whose inputs changed, and end up exactly as a
full rebuild would leave them."""

from __future__ import annotations

import json
from pathlib import Path

from storyprism import pipeline
from storyprism.records import Mention, Story, Storyline
from storyprism.store import view_inputs, views
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


def _from_scratch(ws: Workspace) -> None:
    """Every view rebuilt from nothing (people pages are otherwise rewritten only where they changed)."""
    with ws.store.transaction():
        ws.store.db.execute("DELETE FROM view_people")
        views.refresh_views(ws.store)


def test_views_after_adding_an_article_equal_a_full_rebuild(tmp_path: Path, monkeypatch) -> None:
    seeds = sorted(SEEDS.iterdir())
    with Workspace(tmp_path / "w.db") as ws:
        ws.add(seeds[:3])
        ws.analyze()
        first = views.story_fingerprints(ws.store)
        assert ws.store.get_meta(views.VIEWS_INPUTS_KEY) == first

        written: list[int] = []
        patched: list[str] = []
        real, real_patch = views.refresh_views, views.patch_views

        def counting(store, stories=None, **kw):
            n = real(store, stories, **kw)
            written.append(n)
            return n

        def counting_patches(store, stories, extras):
            patched.extend(stories)
            return real_patch(store, stories, extras)

        monkeypatch.setattr(views, "refresh_views", counting)
        monkeypatch.setattr(views, "patch_views", counting_patches)
        ws.add(seeds[3:])
        ws.analyze()
        after = views.story_fingerprints(ws.store)
        changed = [sid for sid, h in after.items() if first.get(sid) != h]
        core = [sid for sid in changed if first.get(sid, "").split(":")[0] != after[sid].split(":")[0]]
        # only the stories whose inputs changed were touched: those whose own records changed rebuilt
        # whole, those whose storyline or timeline alone changed patched (or rebuilt, without a timeline)
        assert written == [len(changed) - len(patched)] and len(core) <= written[0]
        assert set(patched) <= set(changed) - set(core)
        assert 0 < len(changed) <= len(after)
        incremental = _snapshot(ws)
        monkeypatch.setattr(views, "refresh_views", real)
        monkeypatch.setattr(views, "patch_views", real_patch)

        _from_scratch(ws)
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


def _rename_story(ws: Workspace, story_id: str, title: str) -> None:
    """What a later run that renames a story leaves in the store (the stories stage rewrites it)."""
    with ws.store.transaction():
        (payload,) = ws.store.db.execute(
            "SELECT payload FROM derived WHERE kind = 'story' AND key = ?", (story_id,)).fetchone()
        story = json.loads(payload)
        story["title"] = title
        ws.store.db.execute("UPDATE derived SET payload = ? WHERE kind = 'story' AND key = ?",
                            (json.dumps(story), story_id))


def test_a_renamed_sibling_patches_the_storyline_and_timeline_of_the_others(tmp_path: Path, monkeypatch) -> None:
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        (line,) = [ln for ln in ws.store.derived(Storyline, "storyline") if len(ln.stories) > 1]
        renamed, sibling = line.stories[0], line.stories[1]
        _rename_story(ws, renamed, "A harbour wall gave way")
        # the compare stage redoes the timelines of the storyline's stories: their event entries
        # name the renamed story now
        extra = ws.store.get_meta("comparison_extra")
        for entry in extra["timeline"]:
            if entry.get("kind") == "event":
                entry["text"] = entry["text"] + " (renamed)"
        with ws.store.transaction():
            ws.store.set_meta("comparison_extra", extra)

        patched: list[str] = []
        rebuilt: list[list[str]] = []
        real, real_patch = views.refresh_views, views.patch_views

        def counting(store, stories=None, **kw):
            rebuilt.append(sorted(stories or []))
            return real(store, stories, **kw)

        def counting_patches(store, stories, extras):
            patched.extend(stories)
            return real_patch(store, stories, extras)

        monkeypatch.setattr(views, "refresh_views", counting)
        monkeypatch.setattr(views, "patch_views", counting_patches)
        views.refresh_changed_views(ws.store)
        assert patched == [sibling] and rebuilt == [[renamed]]  # the sibling's own inputs stand
        incremental = _snapshot(ws)
        page = incremental["stories"][sibling][1]
        assert "A harbour wall gave way" in [s["title"] for s in page["story"]["storyline"]["stories"]]
        assert any(e["text"].endswith("(renamed)") for e in page["timeline"])
        _from_scratch(ws)
        assert _snapshot(ws) == incremental

        # the storyline renamed, and the sibling's kept timeline gone: its page derives a timeline
        # from its articles and storyline, so it is rebuilt whole; the other story is patched
        with ws.store.transaction():
            (payload,) = ws.store.db.execute(
                "SELECT payload FROM derived WHERE kind = 'storyline' AND key = ?", (line.id,)).fetchone()
            ws.store.db.execute("UPDATE derived SET payload = ? WHERE kind = 'storyline' AND key = ?",
                                (json.dumps({**json.loads(payload), "title": "Harbour works"}), line.id))
            extra["timeline"] = [e for e in extra["timeline"] if e.get("story") != sibling]
            ws.store.set_meta("comparison_extra", extra)
        patched.clear()
        rebuilt.clear()
        views.refresh_changed_views(ws.store)
        assert patched == [renamed] and rebuilt == [[sibling]]
        incremental = _snapshot(ws)
        assert incremental["stories"][renamed][1]["story"]["storyline"]["title"] == "Harbour works"
        monkeypatch.setattr(views, "refresh_views", real)
        _from_scratch(ws)
        assert _snapshot(ws) == incremental


def test_fingerprints_of_an_older_format_rebuild_every_page(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        now = views.story_fingerprints(ws.store)
        old = {sid: fp.split(":")[0] for sid, fp in now.items()}  # one digest per story, as before
        todo = view_inputs.plan(old, now, lambda sid: True)
        assert sorted(todo.rebuild) == sorted(now) and todo.patch == []
        assert view_inputs.plan(now, now, lambda sid: True) == view_inputs.Plan([], [])


def test_an_analysis_saves_the_story_state_once_with_its_final_counts(tmp_path: Path, monkeypatch) -> None:
    saved: list[list[int | None]] = []
    real = pipeline.save_story_state

    def counting(store, state):
        saved.append([s.independent_sources for s in state.stories])
        real(store, state)

    monkeypatch.setattr(pipeline, "save_story_state", counting)
    seeds = sorted(SEEDS.iterdir())
    with Workspace(tmp_path / "w.db") as ws:
        ws.add(seeds[:3])
        ws.analyze()
        assert len(saved) == 1
        ws.add(seeds[3:])
        ws.analyze()
        assert len(saved) == 2  # once per run, after the independence counts
        stored = ws.store.derived(Story, "story")
        assert [s.independent_sources for s in stored] == saved[-1]
        assert stored and all(s.independent_sources is not None for s in stored)
