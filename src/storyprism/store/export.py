"""The export document (the JSON contract in schema/export.schema.json) and its file formats.

``build_document`` assembles one dict from the store; ``write_export`` writes it as JSON, JSON Lines
(one record a line, tagged with its collection), or a table (CSV / Parquet) of one collection.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from storyprism.records import (
    Claim,
    Conflict,
    DateMention,
    Entity,
    NumberMention,
    Origin,
    Quote,
    Reuse,
    Story,
    Storyline,
    Summary,
    to_dict,
)
from storyprism.store.sqlite import Store

FORMATS = ("json", "jsonl", "csv", "parquet")
COLLECTIONS = (
    "articles",
    "rejected",
    "reuse",
    "stories",
    "storylines",
    "quotes",
    "entities",
    "numbers",
    "dates",
    "claims",
    "conflicts",
    "summaries",
)


class ExportError(ValueError):
    """An export cannot be written as asked; the message says what to ask instead."""


def article_entry(a: Any, origin: dict[str, Origin], story_of: dict[str, Story]) -> dict[str, Any]:
    story = story_of.get(a.id)
    o = origin.get(a.id) or Origin(a.id, a.id, parent=a.id)
    return {
        "id": a.id,
        "ref": a.ref,
        "outlet": a.outlet,
        "url": a.url,
        "title": a.title,
        "published": a.published,
        "published_inferred": a.published_inferred,
        "language": a.language,
        "author": a.author,
        "text": a.text,
        "removed": [{"line": r.line, "reason": r.reason} for r in a.removed],
        "words": a.words,
        "duplicate_of": a.duplicate_of,
        "origin": o.origin or a.id,
        "origin_parent": o.parent or o.origin or a.id,
        "origin_kind": o.kind or "self",
        "origin_evidence": list(o.evidence),
        "adds_own_reporting": list(o.adds_own_reporting),
        "off_topic": o.off_topic,
        "published_suspect": o.published_suspect,
        "origin_problems": list(o.problems),
        "story": story.id if story else None,
        "storyline": story.storyline if story else None,
    }


def reuse_entry(r: Reuse) -> dict[str, Any]:
    return {
        "source": r.source,
        "copy": r.copy,
        "kind": r.kind,
        "coverage": round(r.coverage, 4),
        "score": round(r.score, 4),
        "evidence": list(r.evidence),
        "alignments": [
            {
                "source_sentence": al.source_sentence,
                "copy_sentence": al.copy_sentence,
                "similarity": round(al.similarity, 4),
                "changes": [to_dict(c) for c in al.changes],
            }
            for al in r.alignments
        ],
    }


def _story_entry(s: Story) -> dict[str, Any]:
    d = to_dict(s)
    d.pop("state", None)
    return d


def build_document(store: Store, story: str | None = None) -> dict[str, Any]:
    """Everything in the workspace as one JSON-ready dict (optionally limited to one story)."""
    stories = store.derived(Story, "story")
    story_of = {aid: s for s in stories for aid in s.articles}
    origin = {o.article: o for o in store.derived(Origin, "origin")}
    articles = store.articles()
    if story is not None:
        chosen = next((s for s in stories if s.id == story), None)
        if chosen is None:
            raise ExportError(
                f"No story {story!r} in this workspace. Fix: list stories with `storyprism stories`."
            )
        members = set(chosen.articles)
        articles = [a for a in articles if a.id in members]
        stories = [chosen]
    ids = {a.id for a in articles}

    def keep(article_id: str | None) -> bool:
        return story is None or article_id in ids

    doc: dict[str, Any] = {
        "articles": [article_entry(a, origin, story_of) for a in articles],
        "rejected": [{"ref": r.ref, "reason": r.reason, "detail": r.detail} for r in store.rejected()]
        if story is None
        else [],
        "reuse": [reuse_entry(r) for r in store.derived(Reuse, "reuse") if keep(r.copy) and keep(r.source)],
        "stories": [_story_entry(s) for s in stories],
        "storylines": [
            {k: v for k, v in to_dict(line).items() if k != "state"}
            for line in store.derived(Storyline, "storyline")
            if story is None or stories[0].storyline == line.id
        ],
        "quotes": [
            _without(to_dict(q), "start", "end") for q in store.derived(Quote, "quote") if keep(q.article)
        ],
        "entities": [
            to_dict(e) for e in store.derived(Entity, "entity") if story is None or ids & set(e.articles)
        ],
        "numbers": [to_dict(n) for n in store.derived(NumberMention, "number") if keep(n.article)],
        "dates": [to_dict(d) for d in store.derived(DateMention, "date") if keep(d.article)],
        "claims": [to_dict(c) for c in store.derived(Claim, "claim", story=story)],
        "conflicts": [to_dict(c) for c in store.derived(Conflict, "conflict", story=story)],
        "summaries": [to_dict(s) for s in store.derived(Summary, "summary", story=story)],
    }
    extra = store.get_meta("comparison_extra", {}) or {}
    for key, value in extra.items():
        if key in doc:
            continue
        if story is not None and isinstance(value, list):
            value = [v for v in value if not isinstance(v, dict) or v.get("story") in (None, story)]
        doc[key] = value
    return doc


def _without(d: dict[str, Any], *keys: str) -> dict[str, Any]:
    for k in keys:
        d.pop(k, None)
    return d


def _flat(value: Any) -> Any:
    """A table cell: nested values JSON-encoded, scalars as they are."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_export(
    document: dict[str, Any],
    fmt: str,
    out: str | Path | IO[str] | None,
    collection: str = "articles",
) -> str | None:
    """Write ``document``; returns the text when ``out`` is None (for stdout)."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format {fmt!r}. Fix: use one of {', '.join(FORMATS)}.")
    if collection not in COLLECTIONS:
        raise ExportError(f"Unknown collection {collection!r}. Fix: use one of {', '.join(COLLECTIONS)}.")
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path):
            raise ExportError("Parquet is binary. Fix: give --output FILE.parquet.")
        rows = document.get(collection, [])
        atomic_write(Path(out), lambda tmp: _write_parquet(rows, tmp))
        return None
    if fmt == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        lines = [
            json.dumps({"collection": name, **row}, ensure_ascii=False)
            for name in COLLECTIONS
            for row in document.get(name, [])
        ]
        text = "\n".join(lines) + ("\n" if lines else "")
    else:
        text = _csv_text(document.get(collection, []))
    if out is None:
        return text
    if isinstance(out, str | Path):
        atomic_write(Path(out), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    else:
        out.write(text)
    return None


def atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it over ``path``.

    A rename within one folder is atomic: a reader sees the old file or the new one, never half of
    one, and a failed write (a full disk, an error while building the output) leaves the previous
    file exactly as it was. The temporary file is removed on failure.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())  # on disk before the rename, so a crash cannot leave an empty file
        # mkstemp's 0600 would surprise: keep the previous file's mode, else the usual 0644.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    return cols


def _csv_text(rows: Sequence[dict[str, Any]]) -> str:
    import io

    buf = io.StringIO()
    cols = _columns(rows)
    writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(row.get(k)) for k in cols})
    return buf.getvalue()


def _write_parquet(rows: Sequence[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = _columns(rows)
    table = pa.table({c: [_flat(r.get(c)) for r in rows] for c in cols}) if cols else pa.table({})
    pq.write_table(table, path)
