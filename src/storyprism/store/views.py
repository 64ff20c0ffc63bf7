"""Precomputed per-story and per-person views for the web app.

Every web page reads one small row from here (plus indexed lookups), never the whole export document:
on a large workspace building the document takes seconds to minutes, a view row takes milliseconds.
Views are refreshed at the end of every analysis run (``refresh_views``) and, for the stories a manual
merge or split touched, right after the edit (``refresh_after_edit``). The story view is the report's
``StoryView`` (one definition of what a story shows) made JSON-ready and trimmed: article texts and
sentence alignments stay in the store and are read per page.

This module refreshes and reads the views; ``view_pages`` builds (and patches) one story's page,
``view_inputs`` fingerprints what each page was built from, so a run touches only the pages whose
inputs changed, and of those rebuilds only the ones whose own records changed.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Collection, Sequence
from typing import Any

from storyprism.records import Story, to_dict
from storyprism.store.sqlite import Store
from storyprism.store.view_inputs import VIEWS_INPUTS_KEY, plan, story_fingerprints
from storyprism.store.view_pages import (
    MAX_NAMES,
    MAX_TIMELINE,
    UNKNOWN_OUTLET,
    Extras,
    all_story_titles,
    article_rows,
    chunks,
    comparison_extras,
    delete_stories,
    load_stories,
    load_storylines,
    outlet_label,
    pack,
    pack_text,
    patch_story,
    patchable,
    payloads,
    story_page,
    unpack,
    write_story,
)

# the names other modules (the web app, the tests) read from here
__all__ = [
    "MAX_NAMES",
    "MAX_TIMELINE",
    "UNKNOWN_OUTLET",
    "VIEWS_INPUTS_KEY",
    "article_rows",
    "outlet_label",
    "pack",
    "story_fingerprints",
    "unpack",
]


def ensure_schema(store: Store) -> None:
    """The view tables come with migration 4 (store/sqlite.py), which every ``Store`` runs on open."""
    if not has_views(store):  # pragma: no cover - only a store opened mid-migration lacks them
        store.migrate()


def refresh_views(store: Store, stories: Collection[str] | None = None, extras: Extras | None = None) -> int:
    """Rebuild the views of ``stories`` (None: every story, every person, the search index).
    ``extras``: the compare stage's per-story lists, when the caller has read them already.

    Returns the number of story views written. Runs in one transaction: pages never see half a refresh.
    """
    ensure_schema(store)
    chosen = load_stories(store, stories)
    lines = load_storylines(store)
    titles = all_story_titles(store)
    extras = comparison_extras(store) if extras is None else extras
    with store.transaction():
        if stories is None:
            for table in ("view_stories", "view_story_outlets", "view_members", "view_article_rowids"):
                store.db.execute(f"DELETE FROM {table}")
            _refresh_people_and_search(store)
        else:
            delete_stories(store, stories)
        for story in chosen:
            write_story(store, story_page(store, story, lines, titles, extras))
        # the filter menus, a GROUP BY over every story: computed here once, not per page
        store.set_meta("views_facets", {"outlets": outlets(store), "storylines": storylines(store)})
        store.set_meta("views_version", time.time())  # pages cache per version (outlet and storyline lists)
        store.set_meta("views_edits", store.count("story_edits"))
    return len(chosen)


def patch_views(store: Store, stories: Sequence[str], extras: Extras) -> list[str]:
    """Give the pages of ``stories`` today's storyline block and timeline (their other inputs stand,
    see ``view_inputs.plan``). Returns the stories that had no page to patch (to be built whole)."""
    lines = load_storylines(store)
    titles = all_story_titles(store)
    missing = []
    with store.transaction():
        for story in load_stories(store, stories):
            if not patch_story(store, story, lines, titles, extras):
                missing.append(story.id)
    return missing


def refresh_changed_views(store: Store) -> int:
    """After an analysis: bring up to date the views of the stories whose inputs changed since the
    last refresh (``story_fingerprints``): patch those whose storyline or timeline alone changed,
    rebuild the others; drop those of stories that are gone, and redo what every run can change (the
    people pages, the search index, the filter menus). Without a record of the last refresh,
    everything is rebuilt. Returns the number of story views rebuilt whole."""
    ensure_schema(store)
    extras = comparison_extras(store)
    prints = story_fingerprints(store, extras)
    before = store.get_meta(VIEWS_INPUTS_KEY, {}) or {}
    with store.transaction():
        if not before:
            written = refresh_views(store, extras=extras)
        else:
            delete_stories(store, [sid for sid in before if sid not in prints])
            _refresh_people_and_search(store)
            todo = plan(before, prints, lambda sid: patchable(extras, sid))
            # patched first: the rebuild below recomputes the storyline menu from every page
            missing = patch_views(store, todo.patch, extras)
            written = refresh_views(store, [*todo.rebuild, *missing], extras=extras)
        store.set_meta(VIEWS_INPUTS_KEY, prints)
    return written


def sync_edits(store: Store) -> bool:
    """Bring the views up to date after story edits made elsewhere (``storyprism stories merge`` while
    the app runs): one count per call when nothing changed. Returns True when views were refreshed."""
    if not has_views(store) or store.get_meta("views_edits", 0) == store.count("story_edits"):
        return False
    members: dict[str, set[str]] = {}
    for article, story in store.db.execute("SELECT article, story FROM view_members"):
        members.setdefault(story, set()).add(article)
    now = store.derived(Story, "story")
    changed = [s.id for s in now if members.get(s.id) != set(s.articles)]
    with store.transaction():
        delete_stories(store, set(members) - {s.id for s in now})
        refresh_views(store, changed)
    return True


def version(store: Store) -> float:
    return float(store.get_meta("views_version", 0.0) or 0.0)


def refresh_after_edit(store: Store, before: Sequence[Story]) -> None:
    """After a manual merge/split: refresh the stories that changed, drop the ones that are gone."""
    old = {s.id: to_dict(s) for s in before}
    now = store.derived(Story, "story")
    changed = [s.id for s in now if old.get(s.id) != to_dict(s)]
    gone = set(old) - {s.id for s in now}
    ensure_schema(store)
    with store.transaction():
        delete_stories(store, gone)
        refresh_views(store, changed)


def _refresh_people_and_search(store: Store) -> None:
    """What any analysis can change everywhere: the people pages and the search index."""
    _refresh_people(store)
    _refresh_search(store)


SEARCH_KEY = "search_index"  # meta record: what the search index holds (see ``_refresh_search``)


def _refresh_search(store: Store) -> None:
    """Bring the search index (external-content FTS5 over the articles table) up to date.

    A 'rebuild' re-reads every title and text (seconds on a large workspace), yet the common run only
    adds articles. So the index records the highest article rowid it holds and a digest of every
    indexed row's (rowid, title, content hash): when that digest still holds, only the rows added
    since are indexed; any other change (an article re-read with new text gets a new rowid, so the
    old row's terms must go) rebuilds the whole index, which needs the old values no one kept.
    """
    rows = store.db.execute("SELECT rowid, title, content_hash FROM articles ORDER BY rowid").fetchall()
    last = rows[-1][0] if rows else 0
    before = store.get_meta(SEARCH_KEY, {}) or {}
    indexed = int(before.get("last_rowid", -1)) if isinstance(before, dict) else -1
    digest = hashlib.sha1()
    held: str | None = None  # the digest of the rows the index already holds
    for rowid, title, text_hash in rows:
        if held is None and rowid > indexed:
            held = digest.hexdigest()
        digest.update(f"{rowid}\0{title}\0{text_hash}\0".encode())
    held = digest.hexdigest() if held is None else held
    if indexed >= 0 and before.get("digest") == held:
        store.db.execute(
            "INSERT INTO article_fts(rowid, title, text) SELECT rowid, title, text FROM articles WHERE rowid > ?",
            (indexed,),
        )
    else:
        store.db.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    store.set_meta(SEARCH_KEY, {"last_rowid": last, "digest": digest.hexdigest()})


# what a person's page lists; "kind" splits stances on a topic from words (null: stored before kinds, words)
_QUOTE_FIELDS = ("article", "text", "direct", "cue", "speaker", "via", "kind")


def _refresh_people(store: Store) -> None:
    """Per person (any entity that speaks): their quotes grouped by utterance, with the articles.

    Every run can move any quote, so every person's page is recomputed, but SQLite picks out the
    few fields a page lists from the quotes that have a speaker, and only the pages whose text
    changed are compressed and written (a run that adds a few articles changes a few people)."""
    by_speaker: dict[str, dict[str, list[dict[str, Any]]]] = {}
    rows = store.db.execute(
        "SELECT rowid, payload ->> '$.speaker_id', payload ->> '$.variant_group', json_array("
        + ", ".join(f"payload -> '$.{k}'" for k in _QUOTE_FIELDS)
        + ") FROM derived WHERE kind = 'quote' AND payload ->> '$.speaker_id' != '' ORDER BY rowid"
    )
    for rowid, speaker, variant_group, fields in rows:
        group = variant_group or f"_single{rowid}"  # a quote in no variant group is its own group
        by_speaker.setdefault(speaker, {}).setdefault(group, []).append(
            dict(zip(_QUOTE_FIELDS, json.loads(fields), strict=True))
        )
    stored = dict(store.db.execute("SELECT id, payload FROM view_people").fetchall())
    changed = []
    for pid, groups in by_speaker.items():
        text = json.dumps(sorted(groups.values(), key=lambda g: -len(g)), ensure_ascii=False)
        old = stored.pop(pid, None)
        if old is None or (old if isinstance(old, str) else zlib.decompress(old).decode("utf-8")) != text:
            changed.append((pid, pack_text(text)))
    for part in chunks(list(stored)):  # people no quote names any more
        store.db.execute(f"DELETE FROM view_people WHERE id IN ({', '.join('?' * len(part))})", list(part))
    store.db.executemany("INSERT OR REPLACE INTO view_people (id, payload) VALUES (?, ?)", changed)


# ---------------------------------------------------------------------------- reading


# Each order is exactly one of view_stories' indexes (ties by id), so a page is an index range scan.
# Undated stories sort last under "recent": SQLite orders NULL below every value.
SORTS = {
    "size": "size DESC, id",
    "recent": "last_seen DESC, id",
    "independent": "independent DESC, id",
    "conflicts": "conflicts DESC, id",
}


def has_views(store: Store) -> bool:
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'view_stories'").fetchone() is not None


_COLS = ("id", "title", "size", "independent", "conflicts", "first_seen", "last_seen", "storyline", "outlets")
SMALL_MATCH = 900  # matching stories passed to SQL as a list; more are ordered once and cached
_SEARCH_CACHE: OrderedDict[tuple[Any, ...], list[str]] = OrderedDict()
_MATCH_CACHE: OrderedDict[tuple[Any, ...], set[str]] = OrderedDict()
_SEARCH_CACHE_SIZE = 16
_SEARCH_LOCK = threading.Lock()


def list_stories(
    store: Store,
    sort: str = "size",
    query: str = "",
    outlet: str = "",
    date_from: str = "",
    date_to: str = "",
    storyline: str = "",
    limit: int = 25,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of rows) from the story index; ``query`` is full-text over articles."""
    if not has_views(store):
        return 0, []
    where, args = [], []  # type: ignore[var-annotated]
    if outlet:
        where.append("id IN (SELECT story FROM view_story_outlets WHERE outlet = ?)")
        args.append(outlet)
    if date_from:
        where.append("COALESCE(last_seen, first_seen) >= ?")
        args.append(date_from)
    if date_to:
        # "2021-12-15" must include "2021-12-15T10:00": compare against the day's end
        where.append("COALESCE(first_seen, last_seen) <= ?")
        args.append(date_to + "\uffff")
    if storyline:
        where.append("storyline = ?")
        args.append(storyline)
    order = SORTS.get(sort, SORTS["size"])
    if query:
        fts = fts_query(query)
        matched = _matching_stories(store, fts)
        if len(matched) > SMALL_MATCH:
            # A common word matches much of the corpus: order the matches once per (query, filters, sort,
            # views version) and page through that list; paging and re-sorting cost one lookup then.
            ids = _ordered_matches(store, fts, matched, where, args, order)
            return len(ids), _rows_by_id(store, ids[offset : offset + limit])
        where.append(f"id IN ({', '.join('?' * len(matched))})" if matched else "0")
        args.extend(sorted(matched))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(store.db.execute(f"SELECT COUNT(*) FROM view_stories{clause}", args).fetchone()[0])
    rows = store.db.execute(
        f"SELECT {', '.join(_COLS)} FROM view_stories{clause} ORDER BY {order} LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return total, [_row(r) for r in rows]


def _row(row: Sequence[Any]) -> dict[str, Any]:
    d = dict(zip(_COLS, row, strict=True))
    d["outlets"] = json.loads(d["outlets"])
    return d


def _rows_by_id(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = store.db.execute(
        f"SELECT {', '.join(_COLS)} FROM view_stories WHERE id IN ({', '.join('?' * len(ids))})", list(ids)
    )
    found = {r[0]: _row(r) for r in rows}
    return [found[i] for i in ids if i in found]


def _matching_stories(store: Store, fts: str) -> set[str]:
    """Stories with an article matching ``fts``: the match's article rowids map straight to stories.
    Large sets are kept per views version (paging through a common word's results asks again)."""
    key = (store.path, version(store), fts)
    with _SEARCH_LOCK:
        if key in _MATCH_CACHE:
            _MATCH_CACHE.move_to_end(key)
            return _MATCH_CACHE[key]
    rows = store.db.execute(
        "SELECT DISTINCT m.story FROM article_fts f JOIN view_article_rowids m ON m.rowid = f.rowid "
        "WHERE article_fts MATCH ?",
        (fts,),
    )
    matched = {r[0] for r in rows}
    if len(matched) > SMALL_MATCH:
        with _SEARCH_LOCK:
            _MATCH_CACHE[key] = matched
            while len(_MATCH_CACHE) > _SEARCH_CACHE_SIZE // 2:
                _MATCH_CACHE.popitem(last=False)
    return matched


def _ordered_matches(
    store: Store, fts: str, matched: set[str], where: list[str], args: list[Any], order: str
) -> list[str]:
    key = (store.path, version(store), fts, tuple(where), tuple(args), order)
    with _SEARCH_LOCK:
        if key in _SEARCH_CACHE:
            _SEARCH_CACHE.move_to_end(key)
            return _SEARCH_CACHE[key]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = store.db.execute(f"SELECT id FROM view_stories{clause} ORDER BY {order}", args)
    ids = [r[0] for r in rows if r[0] in matched]
    with _SEARCH_LOCK:
        _SEARCH_CACHE[key] = ids
        while len(_SEARCH_CACHE) > _SEARCH_CACHE_SIZE:
            _SEARCH_CACHE.popitem(last=False)
    return ids


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (no operators, no syntax errors), all required."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"' for w in words[:12]) or '""'


def facets(store: Store) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """(outlets, storylines) for the list's filter menus, as the last refresh stored them."""
    stored = store.get_meta("views_facets")
    if not isinstance(stored, dict):
        return outlets(store), storylines(store)
    return (
        [(str(o), int(n)) for o, n in stored.get("outlets", [])],
        [(str(i), str(t), int(n)) for i, t, n in stored.get("storylines", [])],
    )


def outlets(store: Store) -> list[tuple[str, int]]:
    if not has_views(store):
        return []
    rows = store.db.execute(
        "SELECT outlet, COUNT(*) FROM view_story_outlets GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT 500"
    )
    return [(r[0], int(r[1])) for r in rows]


def storylines(store: Store) -> list[tuple[str, str, int]]:
    """(id, title, stories) of storylines with more than one story, for the filter."""
    if not has_views(store):
        return []
    rows = store.db.execute(
        "SELECT storyline, MIN(title), COUNT(*) FROM view_stories WHERE storyline IS NOT NULL "
        "GROUP BY storyline HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT 200"
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def story_view(store: Store, story_id: str) -> dict[str, Any] | None:
    if not has_views(store):
        return None
    row = store.db.execute("SELECT payload FROM view_stories WHERE id = ?", (story_id,)).fetchone()
    return unpack(row[0]) if row else None


def story_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    if not has_views(store):
        return {}
    out: dict[str, str] = {}
    for part in chunks(list(article_ids)):
        rows = store.db.execute(
            f"SELECT article, story FROM view_members WHERE article IN ({', '.join('?' * len(part))})",
            list(part),
        )
        out.update({r[0]: r[1] for r in rows})
    return out


def story_titles(store: Store, ids: Sequence[str]) -> dict[str, str]:
    if not has_views(store):
        return {}
    out: dict[str, str] = {}
    for part in chunks(list(ids)):
        rows = store.db.execute(
            f"SELECT id, title FROM view_stories WHERE id IN ({', '.join('?' * len(part))})", list(part)
        )
        out.update({r[0]: r[1] for r in rows})
    return out


def person_quotes(store: Store, entity_id: str) -> list[list[dict[str, Any]]]:
    if not has_views(store):
        return []
    row = store.db.execute("SELECT payload FROM view_people WHERE id = ?", (entity_id,)).fetchone()
    return unpack(row[0]) if row else []


def derived_by_key(store: Store, kind: str, key: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT payload FROM derived WHERE kind = ? AND key = ?", (kind, key)).fetchone()
    return json.loads(row[0]) if row else None


def derived_for_article(store: Store, kind: str, article_id: str) -> list[dict[str, Any]]:
    return payloads(store, kind, "article", [article_id])
