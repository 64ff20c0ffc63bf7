"""Runs storyprism's stages in order over a workspace.

This is the only module that knows every stage. Each stage is called through its public entry
point with typed records; results are written to the store in transactions, so an interrupted run
loses at most one batch and a re-run continues from what is stored.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import BinaryIO, TypeVar

from storyprism import clean, compare, extract, ingest, reuse, stories
from storyprism.executor import batched, make_executor
from storyprism.extract.options import ExtractOptions
from storyprism.options import Options
from storyprism.records import (
    AnalysisData,
    Article,
    DateMention,
    Entity,
    Extraction,
    Mention,
    NumberMention,
    Origin,
    Quote,
    Rejected,
    Reuse,
    Source,
    Story,
    Storyline,
    StoryState,
    to_dict,
)
from storyprism.store import Store, content_hash

T_rec = TypeVar("T_rec")
Progress = Callable[[str, int, int | None], None]  # (stage, done, total or None)


def _no_progress(stage: str, done: int, total: int | None) -> None:
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


@dataclass(slots=True)
class AnalysisReport:
    articles: int = 0
    extracted: int = 0  # articles (re-)extracted this run
    quotes: int = 0
    entities: int = 0
    reuse: Counter[str] = field(default_factory=Counter)
    origins: int = 0
    stories: int = 0
    storylines: int = 0
    claims: int = 0
    conflicts: int = 0
    inferred_dates: int = 0


# ---------------------------------------------------------------------------- ingestion


def ingest_inputs(
    store: Store,
    inputs: Sequence[str],
    options: Options,
    stdin: BinaryIO | None = None,
    progress: Progress = _no_progress,
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


# ---------------------------------------------------------------------------- analysis


def _extract_batch(options: ExtractOptions, articles: list[Article]) -> Extraction:
    """Top-level, so that ``partial(_extract_batch, options)`` pickles into a process pool."""
    return extract.extract_articles(articles, options)


def _per_article_keys(records: Iterable[T_rec], prefix: str) -> list[tuple[str, T_rec]]:
    """Stable keys ``article:prefixN`` for records that have no id of their own."""
    counters: Counter[str] = Counter()
    keyed = []
    for record in records:
        article = record.article  # type: ignore[attr-defined]
        keyed.append((f"{article}:{prefix}{counters[article]}", record))
        counters[article] += 1
    return keyed


def run_extraction(store: Store, articles: Sequence[Article], options: Options, progress: Progress) -> int:
    """Extract quotes, mentions, numbers and dates for articles whose text changed since last time."""
    seen: dict[str, str] = store.get_meta("extracted", {}) or {}
    todo = [a for a in articles if seen.get(a.id) != a.content_hash]
    if not todo:
        return 0
    # Process start-up and model loading cost about a second: not worth it for a handful of articles.
    workers = 1 if len(todo) < 40 else options.workers
    executor = make_executor(options.executor, workers)
    per_worker = -(-len(todo) // max(1, executor.workers))
    size = max(8, min(options.extract.batch_size * 4, per_worker))
    batches = list(batched(todo, size))
    inferred: dict[str, str] = store.get_meta("inferred_published", {}) or {}
    done = 0
    for batch, result in zip(batches, executor.map(partial(_extract_batch, options.extract), batches), strict=True):
        ids = [a.id for a in batch]
        with store.transaction():
            for kind in ("quote", "mention", "number", "date"):
                store.delete_derived(kind, ids)
            store.add_derived("quote", [(_quote_key(q), q) for q in result.quotes], lambda q: q.article)
            store.add_derived("mention", _per_article_keys(result.mentions, "m"), lambda m: m.article)
            store.add_derived("number", _per_article_keys(result.numbers, "n"), lambda m: m.article)
            store.add_derived("date", _per_article_keys(result.dates, "d"), lambda m: m.article)
            for a in batch:
                seen[a.id] = a.content_hash
                inferred.pop(a.id, None)
            inferred.update(result.inferred_published)
            store.set_meta("extracted", seen)
            store.set_meta("inferred_published", inferred)
        done += len(batch)
        progress("extract", done, len(todo))
    return len(todo)


def _quote_key(q: Quote) -> str:
    return q.id or f"{q.article}:{q.start}:{q.end}"


def apply_inferred_dates(store: Store, articles: list[Article]) -> int:
    """Give articles without a publication date the one read off their text, marked as inferred."""
    inferred: dict[str, str] = store.get_meta("inferred_published", {}) or {}
    updates = []
    for a in articles:
        if (a.published is None or a.published_inferred) and a.id in inferred:
            if a.published != inferred[a.id] or not a.published_inferred:
                updates.append((a.id, inferred[a.id], True))
            a.published, a.published_inferred = inferred[a.id], True
    with store.transaction():
        store.set_published(updates)
    return sum(1 for a in articles if a.published_inferred)


def load_extraction(store: Store) -> Extraction:
    return Extraction(
        quotes=store.derived(Quote, "quote"),
        mentions=store.derived(Mention, "mention"),
        entities=store.derived(Entity, "entity"),
        numbers=store.derived(NumberMention, "number"),
        dates=store.derived(DateMention, "date"),
        inferred_published=store.get_meta("inferred_published", {}) or {},
    )


def run_linking(store: Store) -> Extraction:
    """Corpus-wide names and quote variants over everything extracted so far."""
    linked = extract.link_corpus(load_extraction(store))
    with store.transaction():
        store.replace_derived("quote", [(_quote_key(q), q) for q in linked.quotes], lambda q: q.article)
        store.replace_derived("mention", _per_article_keys(linked.mentions, "m"), lambda m: m.article)
        store.replace_derived("entity", [(e.id, e) for e in linked.entities])
    return linked


def run_reuse(store: Store, articles: list[Article], options: Options) -> tuple[list[Reuse], dict[str, str]]:
    found = reuse.detect_reuse(articles, options.reuse) if options.reuse.enabled else []
    origin_of = reuse.origins([a.id for a in articles], found)
    with store.transaction():
        store.replace_derived("reuse", [(f"{r.source}>{r.copy}", r) for r in found], lambda r: r.copy)
        store.replace_derived(
            "origin", [(a, Origin(a, o)) for a, o in origin_of.items()], lambda o: o.article
        )
    return found, origin_of


def load_story_state(store: Store) -> StoryState:
    return StoryState(stories=store.derived(Story, "story"), storylines=store.derived(Storyline, "storyline"))


def run_stories(
    store: Store, articles: list[Article], origin_of: dict[str, str], options: Options, dates: bool = True
) -> StoryState:
    """Place this run's new articles into events, then date undated ones from their story context.

    When context dating gives a new article a date, its placement is redone from the same previous
    state with the date known: a follow-up event is easily merged with the event it continues while
    its date is unknown.
    """
    previous = load_story_state(store)
    placed = {aid for s in previous.stories for aid in s.articles}
    known = {a.id for a in articles}
    # Articles removed from the workspace leave their stories; new ones are placed incrementally.
    for s in previous.stories:
        s.articles = [a for a in s.articles if a in known]
    previous.stories = [s for s in previous.stories if s.articles]
    new_articles = [a for a in articles if a.id not in placed]
    edits = store.story_edits()
    state = stories.update_stories(new_articles, previous, edits, options.stories, origin_of)
    if dates and apply_context_dates(store, articles, state) & {a.id for a in new_articles}:
        state = stories.update_stories(new_articles, previous, edits, options.stories, origin_of)
    save_story_state(store, state)
    return state


def apply_context_dates(store: Store, articles: list[Article], state: StoryState) -> set[str]:
    """Date articles whose own text gave no date from their story and storyline; returns the ids
    whose date changed."""
    from storyprism.extract.context_dates import infer_dates_from_context

    previous: dict[str, str] = store.get_meta("context_published", {}) or {}
    # Dates found this way last time are recomputed, never used as anchors for themselves.
    view = [
        replace(a, published=None) if a.published_inferred and previous.get(a.id) == a.published else a
        for a in articles
    ]
    found = infer_dates_from_context(view, state.stories, store.derived(DateMention, "date"))
    changed = set()
    updates = []
    for a in articles:
        if a.id in found and a.published != found[a.id]:
            a.published, a.published_inferred = found[a.id], True
            updates.append((a.id, found[a.id], True))
            changed.add(a.id)
    with store.transaction():
        store.set_published(updates)
        store.set_meta("context_published", {**previous, **found})
    return changed


def save_story_state(store: Store, state: StoryState) -> None:
    with store.transaction():
        store.replace_derived("story", [(s.id, s) for s in state.stories], story=lambda s: s.id)
        store.replace_derived("storyline", [(line.id, line) for line in state.storylines])


def run_compare(store: Store, data: AnalysisData, options: Options) -> tuple[int, int]:
    result = compare.compare_stories(data, options.compare)
    with store.transaction():
        store.replace_derived("claim", [(c.id, c) for c in result.claims], story=lambda c: c.story)
        store.replace_derived(
            "conflict",
            [(f"{c.story}:x{i}", c) for i, c in enumerate(result.conflicts)],
            story=lambda c: c.story,
        )
        store.replace_derived("summary", [(s.story, s) for s in result.summaries], story=lambda s: s.story)
        store.set_meta("comparison_extra", _comparison_extra(result))
    return len(result.claims), len(result.conflicts)


def _comparison_extra(result: object) -> dict[str, object]:
    """Fields the compare stage adds beyond claims/conflicts/summaries, kept for the export."""
    data = to_dict(result)
    for key in ("claims", "conflicts", "summaries"):
        data.pop(key, None)
    return data


def analyze(store: Store, options: Options, progress: Progress = _no_progress) -> AnalysisReport:
    """Every analysis stage over the whole workspace, incremental where the stage allows."""
    report = AnalysisReport()
    articles = store.articles()
    report.articles = len(articles)
    if not articles:
        return report
    if options.extract.enabled:
        report.extracted = run_extraction(store, articles, options, progress)
        progress("names and quote variants", 0, None)
        linked = run_linking(store)
        report.quotes, report.entities = len(linked.quotes), len(linked.entities)
        report.inferred_dates = apply_inferred_dates(store, articles)
    progress("copies and rewrites", 0, None)
    found, origin_of = run_reuse(store, articles, options)
    report.reuse = Counter(r.kind for r in found)
    report.origins = len(set(origin_of.values()))
    if options.stories.enabled:
        progress("stories", 0, None)
        state = run_stories(store, articles, origin_of, options, dates=options.extract.enabled)
        report.inferred_dates = sum(1 for a in articles if a.published_inferred)
        report.stories, report.storylines = len(state.stories), len(state.storylines)
        if options.compare.enabled:
            progress("comparison", 0, None)
            data = AnalysisData(
                articles=articles,
                stories=state.stories,
                storylines=state.storylines,
                reuses=found,
                origins=origin_of,
                extraction=load_extraction(store),
            )
            report.claims, report.conflicts = run_compare(store, data, options)
    with store.transaction():
        store.set_meta("analysis", {"articles": report.articles, "options": options.to_dict()})
    return report
