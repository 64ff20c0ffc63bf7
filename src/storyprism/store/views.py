"""Precomputed per-story and per-person views for the web app.

Every web page reads one small row from here (plus indexed lookups), never the whole export document:
on a large workspace building the document takes seconds to minutes, a view row takes milliseconds.
Views are refreshed at the end of every analysis run (``refresh_views``) and, for the stories a manual
merge or split touched, right after the edit (``refresh_after_edit``). The story view is the report's
``StoryView`` (one definition of what a story shows) made JSON-ready and trimmed: article texts and
sentence alignments stay in the store and are read per page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import threading
import time
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

from storyprism.records import Story, Storyline, to_dict
from storyprism.store.sqlite import Store

UNKNOWN_OUTLET = "unknown outlet"
MAX_NAMES = 60  # names listed per story; the rest are counted
MAX_TIMELINE = 80  # dated timeline entries kept per story view
_CHUNK = 900  # ids per IN (...) query, well under SQLite's variable limit


def pack(payload: Any) -> bytes:
    """A view as stored: zlib-compressed JSON (story views repeat long sentences; about 5x smaller)."""
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)


def unpack(blob: bytes | str) -> Any:
    return json.loads(zlib.decompress(blob) if isinstance(blob, bytes) else blob)


def ensure_schema(store: Store) -> None:
    """The view tables come with migration 4 (store/sqlite.py), which every ``Store`` runs on open."""
    if not has_views(store):  # pragma: no cover - only a store opened mid-migration lacks them
        store.migrate()


def outlet_label(outlet: str | None, url: str | None = None) -> str:
    """An outlet's name: the stored one, else the URL's host, else "unknown outlet" (never an id)."""
    if outlet and outlet.strip():
        return outlet.strip()
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else UNKNOWN_OUTLET


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _payloads(store: Store, kind: str, column: str, values: Sequence[str]) -> list[dict[str, Any]]:
    """Derived records of ``kind`` whose ``column`` (article | story | key) is one of ``values``."""
    out: list[dict[str, Any]] = []
    for part in _chunks(list(values)):
        rows = store.db.execute(
            f"SELECT payload FROM derived WHERE kind = ? AND {column} IN ({', '.join('?' * len(part))}) "
            "ORDER BY rowid",
            [kind, *part],
        )
        out.extend(json.loads(r[0]) for r in rows)
    return out


_ARTICLE_FIELDS = ("id", "title", "outlet", "url", "published", "published_inferred", "duplicate_of", "words")


def article_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Article metadata without texts, keyed by id, with ``outlet_name`` resolved."""
    found: dict[str, dict[str, Any]] = {}
    for part in _chunks(list(ids)):
        rows = store.db.execute(
            f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM articles WHERE id IN ({', '.join('?' * len(part))})",
            list(part),
        )
        for row in rows:
            d = dict(zip(_ARTICLE_FIELDS, row, strict=True))
            d["published_inferred"] = bool(d["published_inferred"])
            d["outlet_name"] = outlet_label(d["outlet"], d["url"])
            found[d["id"]] = d
    return found


# ---------------------------------------------------------------------------- story views


def _story_payload(
    store: Store,
    story: Story,
    storylines: dict[str, Storyline],
    titles: dict[str, str],
    extra: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    from storyprism.report import view as report_view

    members = story.articles
    meta = article_rows(store, members)
    origin = {o["article"]: o["origin"] for o in _payloads(store, "origin", "article", members)}
    articles = [
        {**m, "origin": origin.get(aid, aid), "story": story.id, "storyline": story.storyline}
        for aid, m in ((a, meta[a]) for a in members if a in meta)
    ]
    reuse = [
        {k: r.get(k) for k in ("source", "copy", "kind", "coverage", "evidence")}
        | {
            "changes": sorted(
                {c.get("kind") for al in r.get("alignments") or [] for c in al.get("changes") or []}
            )
        }
        for r in _payloads(store, "reuse", "article", members)
    ]
    quotes = _payloads(store, "quote", "article", members)
    mentions = _payloads(store, "mention", "article", members)
    numbers = _payloads(store, "number", "article", members)
    dates = _payloads(store, "date", "article", members)
    line = storylines.get(story.storyline or "")
    mini = {
        "articles": [{**a, "outlet": a["outlet_name"]} for a in articles],
        "stories": [{k: v for k, v in to_dict(story).items() if k != "state"}],
        "storylines": [{"id": line.id, "title": line.title, "stories": line.stories}] if line else [],
        "reuse": reuse,
        "quotes": quotes,
        "dates": dates,
        "claims": _payloads(store, "claim", "story", [story.id]),
        "conflicts": _payloads(store, "conflict", "story", [story.id]),
        "summaries": _payloads(store, "summary", "story", [story.id]),
        **{key: [v for v in values if v.get("story") == story.id] for key, values in extra.items()},
    }
    built = report_view.build(mini, story=story.id)
    sv = built.stories[0]
    # Names: the linked entities mentioned in the story, most mentioned first.
    counts = Counter(m["entity"] for m in mentions if m.get("entity"))
    entities = {e["id"]: e for e in _payloads(store, "entity", "key", list(counts))}
    names = [
        {
            "id": eid,
            "name": entities[eid]["name"],
            "type": entities[eid]["type"],
            "aliases": entities[eid].get("aliases") or [],
            "mentions": n,
        }
        for eid, n in counts.most_common()
        if eid in entities
    ]
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for n in numbers:
        by_unit.setdefault(n.get("unit") or "", []).append(
            {"text": n.get("text"), "article": n.get("article"), "sentence": n.get("sentence")}
        )
    speaker_ids = {q.get("speaker"): q.get("speaker_id") for q in quotes if q.get("speaker_id")}
    return {
        "story": {
            "id": story.id,
            "title": story.title,
            "first_seen": story.first_seen,
            "last_seen": story.last_seen,
            "keywords": story.keywords,
            "independent_sources": story.independent_sources,
            "storyline": {
                "id": line.id,
                "title": line.title,
                "stories": [{"id": s, "title": titles.get(s, s)} for s in line.stories],
            }
            if line
            else None,
        },
        "articles": sv.articles,
        "cite": sv.cite,
        "independent": [[a["id"] for a in group] for group in sv.independent],
        "summary": sv.summary,
        "corroborated": sv.corroborated,
        "single_source": sv.single_source,
        "single_source_total": sv.single_source_total,
        # per outlet: what only it reports and what it leaves out (claim texts; the claims are listed above)
        "coverage": [
            {
                "outlet": c["outlet"],
                "articles": c["articles"],
                "adds": [a.get("text") for a in c["adds"]],
                "omits": [o.get("text") for o in c["omits"]],
            }
            for c in sv.coverage
        ],
        "conflicts": sv.conflicts,
        "quotes_by_speaker": [
            {
                "speaker": speaker,
                "speaker_id": speaker_ids.get(speaker),
                "groups": [to_dict(report_view.quote_group_view(g)) for g in groups],
            }
            for speaker, groups in sv.quotes_by_speaker
        ],
        "names": names[:MAX_NAMES],
        "names_total": len(names),
        "numbers": [
            {"unit": u, "mentions": ms} for u, ms in sorted(by_unit.items(), key=lambda kv: -len(kv[1]))
        ],
        "reuse": reuse,
        "timeline": [e for e in sv.timeline if e.get("kind") != "article"][:MAX_TIMELINE],
        "notes": sv.notes,
    }


def _write_story(store: Store, payload: dict[str, Any]) -> None:
    s = payload["story"]
    outlets = sorted({a["outlet_name"] for a in payload["articles"]})
    store.db.execute(
        "INSERT OR REPLACE INTO view_stories (id, title, size, independent, conflicts, first_seen, last_seen, "
        "storyline, outlets, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            s["id"],
            s["title"],
            len(payload["articles"]),
            s["independent_sources"] if s["independent_sources"] is not None else len(payload["independent"]),
            len(payload["conflicts"]),
            s["first_seen"],
            s["last_seen"],
            (s["storyline"] or {}).get("id"),
            json.dumps(outlets, ensure_ascii=False),
            pack(payload),
        ),
    )
    store.db.executemany(
        "INSERT OR REPLACE INTO view_story_outlets (outlet, story) VALUES (?, ?)",
        [(o, s["id"]) for o in outlets],
    )
    store.db.executemany(
        "INSERT OR REPLACE INTO view_members (article, story) VALUES (?, ?)",
        [(a["id"], s["id"]) for a in payload["articles"]],
    )
    for part in _chunks([a["id"] for a in payload["articles"]]):
        store.db.execute(
            "INSERT OR REPLACE INTO view_article_rowids (rowid, story) "
            f"SELECT rowid, ? FROM articles WHERE id IN ({', '.join('?' * len(part))})",
            [s["id"], *part],
        )


def _delete_stories(store: Store, ids: Iterable[str]) -> None:
    for part in _chunks(list(ids)):
        marks = ", ".join("?" * len(part))
        for table, column in (
            ("view_stories", "id"),
            ("view_story_outlets", "story"),
            ("view_members", "story"),
        ):
            store.db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", list(part))


def _extra(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Per-story lists the compare stage keeps beyond claims/conflicts/summaries (coverage, timeline)."""
    extra = store.get_meta("comparison_extra", {}) or {}
    return {
        k: [v for v in vs if isinstance(v, dict)]
        for k, vs in extra.items()
        if isinstance(vs, list) and k in ("outlet_coverage", "timeline")
    }


def refresh_views(store: Store, stories: Collection[str] | None = None) -> int:
    """Rebuild the views of ``stories`` (None: every story, every person, the search index).

    Returns the number of story views written. Runs in one transaction: pages never see half a refresh.
    """
    ensure_schema(store)
    all_stories = store.derived(Story, "story")
    lines_by_id = {line.id: line for line in store.derived(Storyline, "storyline")}
    titles = {s.id: s.title for s in all_stories}
    extra = _extra(store)
    chosen = all_stories if stories is None else [s for s in all_stories if s.id in set(stories)]
    with store.transaction():
        if stories is None:
            for table in ("view_stories", "view_story_outlets", "view_members", "view_article_rowids"):
                store.db.execute(f"DELETE FROM {table}")
            _refresh_people_and_search(store)
        else:
            _delete_stories(store, stories)
        for story in chosen:
            _write_story(store, _story_payload(store, story, lines_by_id, titles, extra))
        # the filter menus, a GROUP BY over every story: computed here once, not per page
        store.set_meta("views_facets", {"outlets": outlets(store), "storylines": storylines(store)})
        store.set_meta("views_version", time.time())  # pages cache per version (outlet and storyline lists)
        store.set_meta("views_edits", store.count("story_edits"))
    return len(chosen)


VIEWS_INPUTS_KEY = "views_inputs"  # meta record: story id -> fingerprint of what its view was built from
_ARTICLE_KINDS = ("origin", "reuse", "quote", "mention", "number", "date")
_STORY_KINDS = ("claim", "conflict", "summary")
_ENTITY_ID = re.compile(r'"entity": "((?:[^"\\]|\\.)*)"')


def story_fingerprints(store: Store) -> dict[str, str]:
    """Per story, a hash of every stored record its view reads (``_story_payload``): the story and
    its storyline, the titles of that storyline's stories, its articles' metadata and their origin,
    reuse, quote, mention, number and date records, the named entities those mentions point to, its
    claims, conflicts, summary and per-story extras, and storyprism's version. The article records
    are read as stored text, never parsed (mentions are the bulk), so this costs a fraction of
    building the views."""
    from storyprism.code_version import code_digest

    code = code_digest("")  # storyprism's code: an upgrade rebuilds every view
    entities_of: dict[str, set[str]] = {}

    def named(article: str, kind: str, payload: str) -> None:
        if kind == "mention":
            entities_of.setdefault(article, set()).update(_ENTITY_ID.findall(payload))

    per_article = _hashes_by(store, "article", _ARTICLE_KINDS, named)
    for row in store.db.execute(f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM articles"):
        per_article.setdefault(row[0], hashlib.sha1()).update(json.dumps(row).encode())
    # of an entity the view shows its name, type and aliases; its list of articles grows with every
    # new article that names it and must not make every story that names it stale
    entity = {
        key: json.dumps([(e := json.loads(payload)).get("name"), e.get("type"), e.get("aliases")])
        for key, payload in store.db.execute("SELECT key, payload FROM derived WHERE kind = 'entity'")
    }
    per_story = _hashes_by(store, "story", _STORY_KINDS)
    extra: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, values in sorted(_extra(store).items()):
        for v in values:
            extra.setdefault(str(v.get("story")), []).append((key, v))
    stories = store.derived(Story, "story")
    titles = {s.id: s.title for s in stories}
    lines = {line.id: line for line in store.derived(Storyline, "storyline")}
    out: dict[str, str] = {}
    for story in stories:
        # the view leaves out the stage's private state (centroids: most of a story's bytes)
        shown = to_dict(dataclasses.replace(story, state={}))
        h = hashlib.sha1(f"{code}\0{json.dumps(shown, sort_keys=True, default=str)}".encode())
        line = lines.get(story.storyline or "")
        if line is not None:
            h.update(json.dumps([line.id, line.title, [(s, titles.get(s)) for s in line.stories]]).encode())
        for aid in story.articles:
            part = per_article.get(aid)
            h.update(f"\0{aid}\0{part.hexdigest() if part is not None else '-'}".encode())
        for eid in sorted(set().union(*(entities_of.get(aid, set()) for aid in story.articles))):
            h.update(f"\0{eid}\0{entity.get(eid, '-')}".encode())
        own = per_story.get(story.id)
        h.update(f"\0{own.hexdigest() if own is not None else '-'}".encode())
        h.update(json.dumps(extra.get(story.id, []), sort_keys=True).encode())
        out[story.id] = h.hexdigest()
    return out


def _hashes_by(
    store: Store, column: str, kinds: Sequence[str], each: Callable[[str, str, str], None] | None = None
) -> dict[str, Any]:
    """A running SHA-1 per value of ``column`` (article | story) over the stored text of its records
    of ``kinds``, in stored order; ``each(owner, kind, payload)`` sees every row on the way."""
    out: dict[str, Any] = {}
    rows = store.db.execute(
        f"SELECT {column}, kind, payload FROM derived WHERE kind IN ({', '.join('?' * len(kinds))}) "
        f"AND {column} IS NOT NULL ORDER BY rowid",
        list(kinds),
    )
    for owner, kind, payload in rows:
        out.setdefault(owner, hashlib.sha1()).update(f"{kind}\0{payload}\0".encode())
        if each is not None:
            each(owner, kind, payload)
    return out


def refresh_changed_views(store: Store) -> int:
    """After an analysis: rebuild the views of the stories whose inputs changed since the last
    refresh (``story_fingerprints``), drop those of stories that are gone, and redo what every run
    can change (the people pages, the search index, the filter menus). Without a record of the last
    refresh, everything is rebuilt. Returns the number of story views written."""
    ensure_schema(store)
    prints = story_fingerprints(store)
    before = store.get_meta(VIEWS_INPUTS_KEY, {}) or {}
    with store.transaction():
        if not before:
            written = refresh_views(store)
        else:
            _delete_stories(store, [sid for sid in before if sid not in prints])
            _refresh_people_and_search(store)
            written = refresh_views(store, [sid for sid, h in prints.items() if before.get(sid) != h])
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
        _delete_stories(store, set(members) - {s.id for s in now})
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
        _delete_stories(store, gone)
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


def _refresh_people(store: Store) -> None:
    """Per person (any entity that speaks): their quotes grouped by utterance, with the articles."""
    store.db.execute("DELETE FROM view_people")
    by_speaker: dict[str, dict[str, list[dict[str, Any]]]] = {}
    rows = store.db.execute("SELECT payload FROM derived WHERE kind = 'quote' ORDER BY rowid")
    for n, (payload,) in enumerate(rows):
        q = json.loads(payload)
        if not q.get("speaker_id"):
            continue
        group = q.get("variant_group") or f"_single{n}"
        by_speaker.setdefault(q["speaker_id"], {}).setdefault(group, []).append(
            {k: q.get(k) for k in ("article", "text", "direct", "cue", "speaker", "via")}
        )
    store.db.executemany(
        "INSERT INTO view_people (id, payload) VALUES (?, ?)",
        [(pid, pack(sorted(groups.values(), key=lambda g: -len(g)))) for pid, groups in by_speaker.items()],
    )


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
    for part in _chunks(list(article_ids)):
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
    for part in _chunks(list(ids)):
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
    return _payloads(store, kind, "article", [article_id])
