"""One story's page for the web app: what it shows, built from the stored records, and how it is
written to (and patched in) the view tables.

A page has three parts that change for different reasons (``store/view_inputs.py`` fingerprints them
apart): its core (the story, its articles and their records, claims, conflicts, summary, coverage),
its storyline block (the storyline's title and the titles of its stories: a new story joining the
storyline, or a sibling renamed, changes it) and its timeline (the compare stage redoes a story's
timeline when its storyline's events change). When only the last two changed, ``patch_story``
replaces them in the stored page with what ``story_page`` would put there (the same two functions,
``storyline_block`` and ``page_timeline``, build them in both), instead of re-reading every record.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from storyprism.records import Story, Storyline, from_dict, to_dict
from storyprism.store.sqlite import Store

UNKNOWN_OUTLET = "unknown outlet"
MAX_NAMES = 60  # names listed per story; the rest are counted
MAX_TIMELINE = 80  # dated timeline entries kept per story view
_CHUNK = 900  # ids per IN (...) query, well under SQLite's variable limit
EXTRA_KEYS = ("outlet_coverage", "timeline")  # per-story lists the compare stage keeps in meta

Extras = dict[str, dict[str, list[dict[str, Any]]]]  # story id -> extra key -> that story's entries


def pack(payload: Any) -> bytes:
    """A view as stored: zlib-compressed JSON (story views repeat long sentences; about 5x smaller).
    Level 1: every run rewrites the pages of the storylines that grew and every person's page, and
    on 435 story pages (30 MB of JSON) level 1 took a third of level 6's time for a fifth more bytes
    (6.2 against 5.1 MB); reading is as fast either way."""
    return pack_text(json.dumps(payload, ensure_ascii=False))


def pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(blob: bytes | str) -> Any:
    return json.loads(zlib.decompress(blob) if isinstance(blob, bytes) else blob)


def outlet_label(outlet: str | None, url: str | None = None) -> str:
    """An outlet's name: the stored one, else the URL's host, else "unknown outlet" (never an id)."""
    if outlet and outlet.strip():
        return outlet.strip()
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else UNKNOWN_OUTLET


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def payloads(store: Store, kind: str, column: str, values: Sequence[str]) -> list[dict[str, Any]]:
    """Derived records of ``kind`` whose ``column`` (article | story | key) is one of ``values``."""
    out: list[dict[str, Any]] = []
    for part in chunks(list(values)):
        rows = store.db.execute(
            f"SELECT payload FROM derived WHERE kind = ? AND {column} IN ({', '.join('?' * len(part))}) "
            "ORDER BY rowid",
            [kind, *part],
        )
        out.extend(json.loads(r[0]) for r in rows)
    return out


def mentioned_entities(store: Store, articles: Sequence[str]) -> list[Any]:
    """The ``entity`` of every mention in ``articles``, in stored order (None where unlinked)."""
    out: list[Any] = []
    for part in chunks(list(articles)):
        rows = store.db.execute(
            "SELECT payload ->> '$.entity' FROM derived WHERE kind = 'mention' "
            f"AND article IN ({', '.join('?' * len(part))}) ORDER BY rowid",
            list(part),
        )
        out.extend(r[0] for r in rows)
    return out


ARTICLE_FIELDS = ("id", "title", "outlet", "url", "published", "published_inferred", "duplicate_of", "words")


def article_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Article metadata without texts, keyed by id, with ``outlet_name`` resolved."""
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(list(ids)):
        rows = store.db.execute(
            f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id IN ({', '.join('?' * len(part))})",
            list(part),
        )
        for row in rows:
            d = dict(zip(ARTICLE_FIELDS, row, strict=True))
            d["published_inferred"] = bool(d["published_inferred"])
            d["outlet_name"] = outlet_label(d["outlet"], d["url"])
            found[d["id"]] = d
    return found


# ---------------------------------------------------------------------------- what a page reads


def load_stories(store: Store, ids: Collection[str] | None = None) -> list[Story]:
    """Stories in stored order (all, or those in ``ids``) without their stage-private ``state``: a page
    never shows it, and the centroids in it are most of a story's bytes (SQLite drops them unparsed)."""
    rows = store.db.execute(
        "SELECT json_remove(payload, '$.state') FROM derived WHERE kind = 'story' ORDER BY rowid"
    )
    stories = [from_dict(Story, json.loads(p)) for (p,) in rows]
    wanted = None if ids is None else set(ids)
    return stories if wanted is None else [s for s in stories if s.id in wanted]


def all_story_titles(store: Store) -> dict[str, str]:
    """Every story's title (a storyline block names its sibling stories)."""
    rows = store.db.execute(
        "SELECT json_extract(payload, '$.id'), json_extract(payload, '$.title') FROM derived WHERE kind = 'story'"
    )
    return {sid: title for sid, title in rows}


def load_storylines(store: Store) -> dict[str, Storyline]:
    return {line.id: line for line in store.derived(Storyline, "storyline")}


def comparison_extras(store: Store) -> Extras:
    """The per-story lists the compare stage keeps beyond claims/conflicts/summaries (outlet coverage,
    timeline), grouped by story once (a page takes its story's entries, in stored order)."""
    extra = store.get_meta("comparison_extra", {}) or {}
    out: Extras = {}
    keys = [k for k in EXTRA_KEYS if isinstance(extra.get(k), list)]
    for key in keys:
        for v in extra[key]:
            if isinstance(v, dict) and isinstance(v.get("story"), str):
                out.setdefault(v["story"], {k: [] for k in keys})[key].append(v)
    out[""] = {k: [] for k in keys}  # a story with no entries: the keys the document has, empty
    return out


def extras_of(extras: Extras, story_id: str) -> dict[str, list[dict[str, Any]]]:
    return extras.get(story_id) or extras[""]


# ---------------------------------------------------------------------------- the page's parts


def storyline_block(line: Storyline | None, titles: Mapping[str, str]) -> dict[str, Any] | None:
    """The page's storyline: its title and its stories' titles (changes whenever a sibling does)."""
    if line is None:
        return None
    return {
        "id": line.id,
        "title": line.title,
        "stories": [{"id": s, "title": titles.get(s, s)} for s in line.stories],
    }


def page_timeline(timeline: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's timeline: the dated events and statements (the articles are listed on the page)."""
    return [e for e in timeline if e.get("kind") != "article"][:MAX_TIMELINE]


def story_page(
    store: Store,
    story: Story,
    lines: Mapping[str, Storyline],
    titles: Mapping[str, str],
    extras: Extras,
) -> dict[str, Any]:
    """A story's whole page: the report's ``StoryView`` made JSON-ready and trimmed."""
    from storyprism.report import view as report_view

    members = story.articles
    meta = article_rows(store, members)
    origin = {o["article"]: o["origin"] for o in payloads(store, "origin", "article", members)}
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
        for r in payloads(store, "reuse", "article", members)
    ]
    quotes = payloads(store, "quote", "article", members)
    numbers = payloads(store, "number", "article", members)
    dates = payloads(store, "date", "article", members)
    line = lines.get(story.storyline or "")
    mini = {
        "articles": [{**a, "outlet": a["outlet_name"]} for a in articles],
        "stories": [{k: v for k, v in to_dict(story).items() if k != "state"}],
        "storylines": [{"id": line.id, "title": line.title, "stories": line.stories}] if line else [],
        "reuse": reuse,
        "quotes": quotes,
        "dates": dates,
        "claims": payloads(store, "claim", "story", [story.id]),
        "conflicts": payloads(store, "conflict", "story", [story.id]),
        "summaries": payloads(store, "summary", "story", [story.id]),
        **extras_of(extras, story.id),
    }
    built = report_view.build(mini, story=story.id)
    sv = built.stories[0]
    # Names: the linked entities mentioned in the story, most mentioned first (of a mention only its
    # entity counts here: SQLite reads it out, mentions are most of a story's records).
    counts = Counter(e for e in mentioned_entities(store, members) if e)
    entities = {e["id"]: e for e in payloads(store, "entity", "key", list(counts))}
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
            "storyline": storyline_block(line, titles),
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
        "timeline": page_timeline(sv.timeline),
        "notes": sv.notes,
    }


def patchable(extras: Extras, story_id: str) -> bool:
    """Whether a page's storyline block and timeline can be replaced alone: when the compare stage
    kept a timeline for the story, the page's timeline is exactly that list (``report.view`` derives
    one from the articles and the storyline only for a story without)."""
    return bool(extras_of(extras, story_id).get("timeline"))


def patch_story(
    store: Store, story: Story, lines: Mapping[str, Storyline], titles: Mapping[str, str], extras: Extras
) -> bool:
    """Replace the storyline block and the timeline of a stored page (see ``patchable``) with what
    ``story_page`` would build now. Returns False when there is no stored page to patch."""
    row = store.db.execute("SELECT payload FROM view_stories WHERE id = ?", (story.id,)).fetchone()
    if row is None:
        return False
    block = storyline_block(lines.get(story.storyline or ""), titles)
    timeline = page_timeline(extras_of(extras, story.id).get("timeline") or [])
    text = zlib.decompress(row[0]).decode("utf-8") if isinstance(row[0], bytes) else row[0]
    spliced = _splice(text, block, timeline)
    if spliced is None:  # not the layout ``story_page`` writes: through the parsed page
        page = json.loads(text)
        page["story"]["storyline"] = block
        page["timeline"] = timeline
        spliced = json.dumps(page, ensure_ascii=False)
    store.db.execute(
        "UPDATE view_stories SET storyline = ?, payload = ? WHERE id = ?",
        ((block or {}).get("id"), pack_text(spliced), story.id),
    )
    return True


_DECODER = json.JSONDecoder()
_HEAD, _TIMELINE, _NOTES = '{"story": ', ', "timeline": ', ', "notes": '


def _splice(text: str, block: dict[str, Any] | None, timeline: list[dict[str, Any]]) -> str | None:
    """The page's JSON text with a new storyline block and timeline, the rest of the text kept as it
    is: parsing and re-serialising a whole page (tens of kB of claims and quotes) to change two small
    parts cost most of a patch. ``json.dumps`` of a dict is the dumps of its keys and values joined
    by ", " and ": ", so splicing in the dumps of the new parts gives exactly the text ``story_page``
    and ``pack`` would write. The page opens with "story" and ends with "timeline" then "notes"
    (``story_page``); a quote inside a string is escaped in JSON, so ``, "timeline": `` is found only
    as a key. Any other layout returns None."""
    if not text.startswith(_HEAD):
        return None
    try:
        story, story_end = _DECODER.raw_decode(text, len(_HEAD))
        at = text.rfind(_TIMELINE)
        if not isinstance(story, dict) or at < story_end:
            return None
        _, timeline_end = _DECODER.raw_decode(text, at + len(_TIMELINE))
        if not text.startswith(_NOTES, timeline_end):
            return None
        _, notes_end = _DECODER.raw_decode(text, timeline_end + len(_NOTES))
    except json.JSONDecodeError:
        return None
    if notes_end != len(text) - 1 or text[-1] != "}":
        return None
    story["storyline"] = block
    return "".join(
        (
            _HEAD,
            json.dumps(story, ensure_ascii=False),
            text[story_end:at],
            _TIMELINE,
            json.dumps(timeline, ensure_ascii=False),
            text[timeline_end:],
        )
    )


def write_story(store: Store, payload: dict[str, Any]) -> None:
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
    for part in chunks([a["id"] for a in payload["articles"]]):
        store.db.execute(
            "INSERT OR REPLACE INTO view_article_rowids (rowid, story) "
            f"SELECT rowid, ? FROM articles WHERE id IN ({', '.join('?' * len(part))})",
            [s["id"], *part],
        )


def delete_stories(store: Store, ids: Iterable[str]) -> None:
    for part in chunks(list(ids)):
        marks = ", ".join("?" * len(part))
        for table, column in (
            ("view_stories", "id"),
            ("view_story_outlets", "story"),
            ("view_members", "story"),
        ):
            store.db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", list(part))
