"""``storyprism import DIR --workspace FILE``: a Ray engine's Parquet dataset into a workspace.

The dataset (see ``engine.parquet``) holds every record the local engine would have stored, under
the same keys, so after the import ``report``, ``export``, ``status``, ``serve`` and the read-only
commands see exactly what ``storyprism analyze`` on the same inputs would have left. Only an empty
workspace is filled (article ids are the dataset's, and would clash with others). Needs no Ray.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from storyprism import pipeline, reuse
from storyprism.engine import parquet
from storyprism.engine.global_step import META_FILE, RUN_FILE
from storyprism.records import (
    Article,
    Claim,
    Conflict,
    DateMention,
    Entity,
    Mention,
    NumberMention,
    Origin,
    Quote,
    Rejected,
    RemovedLine,
    Reuse,
    SentenceFrame,
    Story,
    Storyline,
    Summary,
    from_dict,
)
from storyprism.store import Store


class DatasetImportError(ValueError):
    """The dataset cannot be imported as asked; the message says the fix."""


@dataclass(slots=True)
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # the Ray run's time per step


_ARTICLE_FIELDS = (
    "id", "ref", "title", "text", "raw_text", "outlet", "url", "published", "published_inferred", "language",
    "author", "fetched", "description", "source_format", "content_hash", "duplicate_of", "identity",
)
_COMPARE_TAGS = ("rank", "seq")


def check_dataset(directory: str) -> dict[str, Any]:
    """The run record of a finished Ray run in ``directory``, else the error with its fix."""
    try:
        run = parquet.read_json(directory, RUN_FILE)
    except (OSError, ValueError) as exc:  # an unreadable URL or file
        raise DatasetImportError(f"Cannot read {directory!r}: {exc}. Fix: check the path or URL.") from exc
    if not isinstance(run, dict) or run.get("engine") != "ray":
        raise DatasetImportError(
            f"{directory!r} is not a finished `storyprism analyze --engine ray` output (no {RUN_FILE}). "
            "Fix: give the --output folder of a run that finished, or run it again."
        )
    return run


def import_dataset(directory: str, store: Store) -> ImportReport:
    run = check_dataset(directory)
    if store.count("articles"):
        raise DatasetImportError(
            "The workspace already holds articles; an import fills an empty one (the dataset's article "
            "ids would clash). Fix: import into a new --workspace file."
        )
    report = ImportReport(seconds=dict(run.get("seconds", {})))
    counts = report.counts
    with store.transaction():
        for row in parquet.read_rows(directory, "rejected"):
            store.add_rejected(Rejected(row["ref"], row["reason"], row.get("detail") or ""))
        n = 0
        for row in parquet.read_rows(directory, "articles"):
            fields: dict[str, Any] = {k: row.get(k) for k in _ARTICLE_FIELDS if row.get(k) is not None}
            article = Article(**fields)
            article.published_inferred = bool(row.get("published_inferred"))
            article.removed = [from_dict(RemovedLine, r) for r in row.get("removed") or []]
            result = store.upsert_article(article)
            if result.article_id != row["id"]:
                raise DatasetImportError(
                    f"Article {row['id']!r} would be stored as {result.article_id!r}: the dataset holds one "
                    "identity twice. Fix: re-run `storyprism analyze --engine ray` into an empty --output folder."
                )
            n += 1
        counts["articles"] = n
        counts["rejected"] = store.count("rejected")

        def load(name: str, cls: type[Any], kind: str, key: Callable[[Any], str],
                 article: Callable[[Any], str | None] | None = None,
                 story: Callable[[Any], str | None] | None = None) -> list[Any]:
            records = [from_dict(cls, _untagged(r)) for r in _ranked(parquet.read_rows(directory, name))]
            store.replace_derived(kind, [(key(r), r) for r in records], article, story)
            counts[name] = len(records)
            return records

        load("quotes", Quote, "quote", pipeline._quote_key, lambda q: q.article)
        mentions = [from_dict(Mention, r) for r in parquet.read_rows(directory, "mentions")]
        store.replace_derived("mention", pipeline._per_article_keys(mentions, "m"), lambda m: m.article)
        counts["mentions"] = len(mentions)
        records: list[Any]
        # (frames: what each sentence asserts, which a later local comparison reads; a dataset written
        # by older code has none, but its extraction marks name that code, so a local run extracts again)
        for name, cls, kind, prefix in (("numbers", NumberMention, "number", "n"), ("dates", DateMention, "date", "d"),
                                        ("frames", SentenceFrame, "frame", "f")):
            records = [from_dict(cls, r) for r in parquet.read_rows(directory, name)]
            store.replace_derived(kind, pipeline._per_article_keys(records, prefix), lambda m: m.article)
            counts[name] = len(records)
        load("entities", Entity, "entity", lambda e: e.id)
        load("reuse", Reuse, "reuse", reuse.relation_key, lambda r: r.copy)
        load("origins", Origin, "origin", lambda o: o.article, lambda o: o.article)
        load("stories", Story, "story", lambda s: s.id, story=lambda s: s.id)
        load("storylines", Storyline, "storyline", lambda line: line.id)
        load("claims", Claim, "claim", lambda c: c.id, story=lambda c: c.story)
        conflicts = [from_dict(Conflict, _untagged(r)) for r in _ranked(parquet.read_rows(directory, "conflicts"))]
        seen: dict[str, int] = {}
        keyed = []
        for c in conflicts:  # keyed as pipeline.run_compare keys them: STORY:xN in the story's order
            keyed.append((f"{c.story}:x{seen.get(c.story, 0)}", c))
            seen[c.story] = seen.get(c.story, 0) + 1
        store.replace_derived("conflict", keyed, story=lambda c: c.story)
        counts["conflicts"] = len(conflicts)
        load("summaries", Summary, "summary", lambda s: s.story, story=lambda s: s.story)
        extra = {
            name: [_untagged(r) for r in _ranked(parquet.read_rows(directory, name))]
            for name in ("outlet_coverage", "timeline")
        }
        store.set_meta("comparison_extra", extra)
        for key, value in (parquet.read_json(directory, META_FILE) or {}).items():
            if value is not None:
                store.set_meta(key, value)
        finished = run.get("finished")
        store.set_meta(
            "analysis",
            {"articles": n, "options": run.get("options", {}), "seconds": run.get("seconds", {}),
             "sentences_encoded": 0, "peak_mb": {}, "engine": "ray"},
        )
        store.set_meta(
            pipeline.RUN_KEY,
            {"started": finished, "finished": finished, "completed": list(pipeline.STAGES[:-1]), "articles": n},
        )
    from storyprism.store.views import refresh_views  # the web app's per-story pages and search index

    refresh_views(store)
    with store.transaction():
        run_meta = store.get_meta(pipeline.RUN_KEY) or {}
        store.set_meta(pipeline.RUN_KEY, {**run_meta, "completed": list(pipeline.STAGES)})
    return report


def _ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comparison rows in the local engine's order (the story order, then each unit's own)."""
    return sorted(rows, key=lambda r: (r.get("rank", 0), r.get("seq", 0)))


def _untagged(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _COMPARE_TAGS}
