"""Adding inputs to a workspace: every item read, cleaned and stored as an article, or rejected with
its reason (``storyprism add``, and the first step of ``storyprism analyze INPUTS``)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from storyprism import clean, ingest
from storyprism.options import Options
from storyprism.records import Article, Rejected, Source, to_dict
from storyprism.store import Store, content_hash

Progress = Callable[[str, int, int | None], None]  # (stage, done, total or None)


def no_progress(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    same_text: int = 0  # identical text under a new identity (URL): stored, marked duplicate_of
    skipped_sources: int = 0  # sources already fully ingested by an earlier run
    rejected: Counter[str] = field(default_factory=Counter)
    rejected_items: list[Rejected] = field(default_factory=list)
    # WARC records that hold no article page (non-HTML payloads, non-2xx responses, request records):
    # counted, not errors
    skipped_records: int = 0
    formats: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        """Articles this run produced (new, updated, or already stored)."""
        return self.added + self.updated + self.unchanged + self.same_text

    @property
    def ok(self) -> bool:
        """False only when nothing at all could be ingested."""
        return self.articles > 0 or self.skipped_sources > 0


def ingest_inputs(
    store: Store,
    inputs: Sequence[str],
    options: Options,
    stdin: BinaryIO | None = None,
    progress: Progress = no_progress,
) -> IngestReport:
    """Read, clean and store every input; every item ends as an article or a rejected item."""
    report = IngestReport()
    stats = ingest.IngestStats()
    options_key = hashlib.sha1(
        json.dumps([to_dict(options.ingest), to_dict(options.clean)], sort_keys=True).encode()
    ).hexdigest()[:12]
    # Lines per outlet over this run: a line repeated across many articles of one outlet is boilerplate.
    outlet_lines: dict[str, dict[str, int]] = {}
    pending_articles: list[Article] = []
    pending_sources: list[tuple[Source, int, int]] = []
    run_ids: list[str] = []  # articles stored by this run: re-checked against its final line counts
    done = 0

    def flush() -> None:
        nonlocal done, outlet_lines
        if not pending_articles and not pending_sources:
            return
        outlet_lines = clean.merge_counts(outlet_lines, clean.count_outlet_lines(pending_articles))
        if sum(len(lines) for lines in outlet_lines.values()) > _MAX_LINE_COUNTS:
            outlet_lines = _prune_singletons(outlet_lines)
        cleaned = clean.clean_articles(pending_articles, options.clean, outlet_lines)
        with store.transaction():
            for article in cleaned:
                if not article.text.strip():
                    item = Rejected(article.ref, "no-text", "Nothing but page junk was left after cleaning.")
                    _reject(store, report, item)
                    continue
                article.content_hash = content_hash(article.text)
                result = store.upsert_article(article)
                run_ids.append(result.article_id)
                if result.status == "added":
                    report.added += 1
                elif result.status == "updated":
                    report.updated += 1
                elif result.status == "unchanged":
                    report.unchanged += 1
                else:
                    report.same_text += 1
            for source, n_articles, n_rejected in pending_sources:
                store.mark_source(source, "done", n_articles, n_rejected)
        done += len(pending_articles)
        progress("ingest", done, None)
        pending_articles.clear()
        pending_sources.clear()

    for item in ingest.list_sources(inputs, options.ingest, stdin):
        if isinstance(item, Rejected):
            with store.transaction():
                _reject(store, report, item)
            continue
        if item.fingerprint:
            # Options that change what a source yields are part of its fingerprint: re-running with the
            # fix a rejection suggested (--field, --max-bytes) reads the source again.
            item = replace(item, fingerprint=f"{item.fingerprint}:{options_key}")
        if store.source_done(item):
            report.skipped_sources += 1
            continue
        with store.transaction():
            store.clear_rejected(item.ref)
            store.mark_source(item, "reading")
        n_articles = n_rejected = 0
        for out in ingest.read_source(item, options.ingest, stats):
            if isinstance(out, Rejected):
                n_rejected += 1
                with store.transaction():
                    _reject(store, report, out)
                continue
            n_articles += 1
            pending_articles.append(out)
            # Strictly more than a batch: a source whose last article fills the batch is flushed
            # below, together with its "done" mark.
            if len(pending_articles) > options.batch_size:
                flush()
        pending_sources.append((item, n_articles, n_rejected))
        if len(pending_articles) >= options.batch_size:
            flush()
    flush()
    if done > options.batch_size:
        # earlier batches were cleaned before later ones were counted: a line that repeats only
        # across batches is boilerplate for them too
        for start in range(0, len(run_ids), options.batch_size):
            again = clean.reclean_with_counts(store.articles(run_ids[start : start + options.batch_size]),
                                              options.clean, outlet_lines)
            with store.transaction():
                for article in again:
                    article.content_hash = content_hash(article.text)
                    store.upsert_article(article)
    report.skipped_records = stats.skipped_non_html + stats.skipped_records + stats.skipped_status
    report.formats.update(stats.formats)
    return report


_MAX_LINE_COUNTS = 2_000_000


def _prune_singletons(table: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Bound memory on huge runs: forget lines seen once (they cannot be boilerplate yet)."""
    return {o: {line: n for line, n in lines.items() if n > 1 or line == ""} for o, lines in table.items()}


def _reject(store: Store, report: IngestReport, item: Rejected) -> None:
    store.add_rejected(item)
    report.rejected[item.reason] += 1
    report.rejected_items.append(item)
