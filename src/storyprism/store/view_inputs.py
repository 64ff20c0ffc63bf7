"""What each story page was built from, fingerprinted part by part, so that an analysis run rebuilds
only the pages whose inputs changed, and of those only the part that changed.

A page (``store/view_pages.py``) has three parts with inputs of their own:

* core: the story as shown, its articles' metadata and their origin, reuse, quote, mention, number
  and date records, the named entities those mentions point to, its claims, conflicts, summary and
  outlet coverage, and storyprism's code;
* storyline: the storyline's id and title and the titles of its stories;
* timeline: the timeline the compare stage kept for the story.

Adding articles to a large workspace mostly grows storylines: every story of a storyline that gained
a story (or whose sibling was renamed) sees its storyline block and its timeline change while its
own records stand. Those pages are patched (``view_pages.patch_story``), not rebuilt.

The fingerprints read every record a page reads, but let SQLite do the reading: records are
concatenated per article (per story) in SQL and hashed as one string, stories are read without
their stage-private state (centroids: most of a story's bytes, which no page shows) and entities as
just the three fields a page shows. So the cost is a few hashes per article, not a parse per record.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from storyprism.store.sqlite import Store
from storyprism.store.view_pages import ARTICLE_FIELDS, Extras, comparison_extras, extras_of

VIEWS_INPUTS_KEY = "views_inputs"  # meta record: story id -> fingerprint of what its view was built from
ARTICLE_KINDS = ("origin", "reuse", "quote", "mention", "number", "date")
STORY_KINDS = ("claim", "conflict", "summary")
_ENTITY_ID = re.compile(rb'"entity": "((?:[^"\\]|\\.)*)"')
_SEP = ":"  # between the three parts' digests in a stored fingerprint


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _grouped(store: Store, column: str, kinds: tuple[str, ...]) -> dict[str, dict[str, bytes]]:
    """Per value of ``column`` (article | story), per kind: its records' stored text joined by NULs
    (JSON text never holds a raw NUL), as UTF-8 bytes (hashed as they come, never decoded). SQLite
    walks the (kind, column) index, so each group's records come in stored (rowid) order, the order
    pages read them in."""
    out: dict[str, dict[str, bytes]] = {}
    for kind in kinds:
        rows = store.db.execute(
            f"SELECT {column}, CAST(group_concat(payload, char(0)) AS BLOB) FROM derived "
            f"WHERE kind = ? AND {column} IS NOT NULL GROUP BY {column}",
            (kind,),
        )
        for owner, text in rows:
            out.setdefault(owner, {})[kind] = text
    return out


def story_fingerprints(store: Store, extras: Extras | None = None) -> dict[str, str]:
    """Per story, ``core:storyline:timeline``: a digest of each part's inputs (see the module)."""
    from storyprism.code_version import code_digest

    extras = comparison_extras(store) if extras is None else extras
    code = code_digest("")  # storyprism's code: an upgrade rebuilds every view
    records = _grouped(store, "article", ARTICLE_KINDS)
    per_article: dict[str, str] = {}
    entities_of: dict[str, set[str]] = {}
    for row in store.db.execute(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles"):
        kinds = records.get(row[0], {})
        h = hashlib.sha1(json.dumps(row).encode())
        for kind in ARTICLE_KINDS:
            h.update(f"\0{kind}\0".encode())
            h.update(kinds.get(kind, b""))
        per_article[row[0]] = h.hexdigest()
        entities_of[row[0]] = {e.decode("utf-8") for e in _ENTITY_ID.findall(kinds.get("mention", b""))}
    # of an entity the view shows its name, type and aliases; its list of articles grows with every
    # new article that names it and must not make every story that names it stale
    entity = dict(
        store.db.execute(
            "SELECT key, json_array(json_extract(payload, '$.name'), json_extract(payload, '$.type'), "
            "json_extract(payload, '$.aliases')) FROM derived WHERE kind = 'entity'"
        )
    )
    own = {
        sid: hashlib.sha1(
            b"".join(b"\0%s\0%s" % (kind.encode(), texts.get(kind, b"")) for kind in STORY_KINDS)
        ).hexdigest()
        for sid, texts in _grouped(store, "story", STORY_KINDS).items()
    }
    stories = [
        (str(story.get("id")), shown, story)
        for (shown,) in store.db.execute(
            "SELECT json_remove(payload, '$.state') FROM derived WHERE kind = 'story' ORDER BY rowid"
        )
        if isinstance(story := json.loads(shown), dict)
    ]
    titles = {sid: story.get("title") for sid, _, story in stories}
    lines: dict[str, Any] = {}
    for (payload,) in store.db.execute(
        "SELECT json_remove(payload, '$.state') FROM derived WHERE kind = 'storyline'"
    ):
        line = json.loads(payload)
        lines[line.get("id")] = [
            line.get("id"),
            line.get("title"),
            [(s, titles.get(s)) for s in line.get("stories") or []],
        ]
    out: dict[str, str] = {}
    for sid, shown, story in stories:
        members = [str(a) for a in story.get("articles") or []]
        core = hashlib.sha1(f"{code}\0{shown}".encode())
        for aid in members:
            core.update(f"\0{aid}\0{per_article.get(aid, '-')}".encode())
        for eid in sorted(set().union(*(entities_of.get(aid, set()) for aid in members))):
            core.update(f"\0{eid}\0{entity.get(eid, '-')}".encode())
        core.update(f"\0{own.get(sid, '-')}\0".encode())
        mine = extras_of(extras, sid)
        core.update(json.dumps(mine.get("outlet_coverage"), sort_keys=True).encode())
        line = lines.get(story.get("storyline") or "")
        storyline = _digest(json.dumps(line)) if line is not None else "-"
        timeline = _digest(json.dumps(mine.get("timeline"), sort_keys=True))
        out[sid] = _SEP.join((core.hexdigest(), storyline, timeline))
    return out


@dataclass(frozen=True, slots=True)
class Plan:
    """What a refresh does to each story page: rebuild it whole, patch its storyline and timeline."""

    rebuild: list[str]
    patch: list[str]


def plan(before: Mapping[str, Any], now: Mapping[str, str], patchable: Callable[[str], bool]) -> Plan:
    """Compare the fingerprints of the last refresh with today's: a page whose core inputs changed
    (or that is new, or was fingerprinted in an older format) is rebuilt; one whose storyline or
    timeline alone changed is patched when ``patchable`` says its timeline is the stored one."""
    rebuild, patch = [], []
    for sid, fp in now.items():
        old = before.get(sid)
        if old == fp:
            continue
        old_parts = old.split(_SEP) if isinstance(old, str) else []
        if len(old_parts) == 3 and old_parts[0] == fp.split(_SEP)[0] and patchable(sid):
            patch.append(sid)
        else:
            rebuild.append(sid)
    return Plan(rebuild, patch)
