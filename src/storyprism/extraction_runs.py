"""The extract and link stages as ``analyze`` runs them over a workspace.

Extraction is per article and incremental: an article is extracted again only when its text, the
extraction options or the extraction code changed (``extraction_mark``). Linking runs over the whole
corpus on every analysis, always from what extraction read (``as_extracted``): a mention or quote that
linking changed keeps the extractor's reading in ``as_found``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import TypeVar

from storyprism import extract
from storyprism.code_version import LINK_ONLY, code_digest
from storyprism.executor import batched, make_executor
from storyprism.extract.options import ExtractOptions
from storyprism.intake import Progress
from storyprism.options import Options
from storyprism.records import (
    Article,
    DateMention,
    Entity,
    Extraction,
    Mention,
    NumberMention,
    Quote,
    SentenceFrame,
    to_dict,
)
from storyprism.store import DerivedRow, Store

T_rec = TypeVar("T_rec")


def extraction_mark(article: Article, options: ExtractOptions) -> str:
    """What an article's stored extraction was computed from: its text, the extraction options and
    the extraction code (``code_digest``). Another mark: extract the article again."""
    chosen = {k: v for k, v in to_dict(options).items() if k not in _SPEED_ONLY}
    return f"{article.content_hash}:{_code_and_options(json.dumps(chosen, sort_keys=True))}"


_SPEED_ONLY = ("batch_size", "n_process")  # options that change how fast extraction runs, not what it finds


@cache
def _code_and_options(options_json: str) -> str:
    # (the link step's own modules are left out: a linking change relinks, it never re-extracts;
    # records.py is in: a field added to a record, such as a quote's kind, is filled only by extracting)
    digest = code_digest("extract", "text", "models.py", "records.py", exclude=LINK_ONLY)
    return hashlib.sha1(f"{digest}\0{options_json}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class _BatchRows:
    """One batch's extraction as the store keeps it: its records already serialised into the rows
    ``Store.add_derived_rows`` writes, the failed articles and the dates read off the texts."""

    rows: list[DerivedRow]
    failed: dict[str, str]
    inferred_published: dict[str, str]


def _extract_batch(options: ExtractOptions, articles: list[Article]) -> _BatchRows:
    """Top-level, so that ``partial(_extract_batch, options)`` pickles into a process pool.

    The records are serialised here, in the worker, not in the process that stores them: the store
    keeps them as JSON anyway, and a batch's rows (plain strings) cross the process boundary for a
    fraction of what pickling tens of thousands of record objects costs on both sides (383 articles:
    0.64 CPU-s to pickle and unpickle the records, and 0.5 CPU-s to serialise them in the parent,
    while the workers' cores sat idle waiting for it)."""
    result = extract.extract_articles(articles, options)
    rows = [
        *Store.derived_rows("quote", [(_quote_key(q), q) for q in result.quotes], lambda q: q.article),
        *Store.derived_rows("mention", _per_article_keys(result.mentions, "m"), lambda m: m.article),
        *Store.derived_rows("number", _per_article_keys(result.numbers, "n"), lambda m: m.article),
        *Store.derived_rows("date", _per_article_keys(result.dates, "d"), lambda m: m.article),
        *Store.derived_rows("frame", _per_article_keys(result.frames, "f"), lambda m: m.article),
    ]
    return _BatchRows(rows, result.failed, result.inferred_published)


def _load_models(options: ExtractOptions) -> None:
    """Load what ``extract_articles`` needs (spaCy with the pipes it runs, the lazily built name
    tables) by analysing one short text; nothing when names are off (then no model runs)."""
    if options.enabled and options.names:
        from storyprism.extract.nlp import analyse

        # a failure here (a missing model among them) is left to ``extract_articles``, which meets
        # the same error and records it per article, as it did before models were loaded up front
        with suppress(ValueError, RuntimeError, MemoryError):
            analyse(["Warm-up."], batch_size=1, n_process=1, parse=options.quotes)


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
    """Extract quotes, mentions, numbers and dates for articles whose text (or the extraction options
    or code: ``extraction_mark``) changed since last time."""
    seen: dict[str, str] = store.get_meta("extracted", {}) or {}
    marks = {a.id: extraction_mark(a, options.extract) for a in articles}
    todo = [a for a in articles if seen.get(a.id) != marks[a.id]]
    if not todo:
        return 0
    # The models are loaded here, once, before any worker starts: forked workers share the loaded
    # model (copy-on-write) instead of each importing spaCy and loading it again (~1 CPU-s per
    # worker, a fixed cost that dominated a small batch), and the stages after this one, which
    # import spaCy too, find it loaded.
    _load_models(options.extract)
    # A worker then costs a fork and a few tenths of a CPU-s; below two batches (one per worker)
    # that is not worth it. Measured on 2 cores, 16 articles: one process 4.1 CPU-s, two workers
    # 4.4 (so ~1.2 s less wall time on idle cores); 50 articles: 6.3 against 6.6 CPU-s (~2.5 s less).
    workers = 1 if len(todo) < 2 * MIN_BATCH else options.workers
    executor = make_executor(options.executor, workers)
    # At least four batches per worker: the pool hands a batch to whichever worker is free, so the
    # last one to finish idles at most one small batch (with one batch per worker, 383 articles in
    # batches of 128 left a worker idle for a third of the stage).
    per_worker = -(-len(todo) // (4 * max(1, executor.workers)))
    size = max(MIN_BATCH, min(options.extract.batch_size * 4, per_worker))
    batches = list(batched(todo, size))
    inferred: dict[str, str] = store.get_meta("inferred_published", {}) or {}
    failed: dict[str, str] = store.get_meta(FAILED_KEY, {}) or {}
    done = 0
    for batch, result in zip(batches, executor.map(partial(_extract_batch, options.extract), batches), strict=True):
        ids = [a.id for a in batch]
        with store.transaction():
            for kind in EXTRACTED_KINDS:
                store.delete_derived(kind, ids)
            store.add_derived_rows(result.rows)
            for a in batch:
                inferred.pop(a.id, None)
                if a.id in result.failed:
                    # not marked extracted: the next run tries it again; `status` lists it meanwhile
                    seen.pop(a.id, None)
                    failed[a.id] = result.failed[a.id]
                else:
                    seen[a.id] = marks[a.id]
                    failed.pop(a.id, None)
            inferred.update(result.inferred_published)
            store.set_meta("extracted", seen)
            store.set_meta("inferred_published", inferred)
            store.set_meta(FAILED_KEY, failed)
        done += len(batch)
        progress("extract", done, len(todo))
    return len(todo)


# the kinds of records extraction keeps per article (``frame``: what each sentence asserts)
EXTRACTED_KINDS = ("quote", "mention", "number", "date", "frame")
MIN_BATCH = 8  # articles per batch at least: each batch costs a round trip to a worker
FAILED_KEY = "extraction_failed"  # meta record: article id -> why its extraction failed last time


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
        frames=store.derived(SentenceFrame, "frame"),
        inferred_published=store.get_meta("inferred_published", {}) or {},
    )


def _mention_as_found(m: Mention) -> Mention:
    if not m.as_found:
        return m
    text, kind, start, end = m.as_found
    return replace(m, text=str(text), type=str(kind), start=int(start), end=int(end), entity=None, as_found=None)


def as_extracted(extraction: Extraction) -> Extraction:
    """The extraction as extraction left it: stored mentions and quotes carry what linking made of
    them, with the extractor's reading in ``as_found``, which is put back here."""
    quotes = [
        replace(q, speaker=q.as_found[0], via=q.as_found[1], as_found=None) if q.as_found else q
        for q in extraction.quotes
    ]
    return replace(extraction, mentions=[_mention_as_found(m) for m in extraction.mentions], quotes=quotes)


def _keep_found(extracted: Extraction, linked: Extraction) -> None:
    """Record on each linked mention and quote what extraction had read where linking changed it
    (``as_found``). Linking returns its records in the order it was given them."""
    if len(extracted.mentions) != len(linked.mentions) or len(extracted.quotes) != len(linked.quotes):
        raise RuntimeError(
            "Linking returned a different number of mentions or quotes than it was given; it must "
            "keep them one for one, in order, so that the next run can link from what extraction read."
        )
    for before, after in zip(extracted.mentions, linked.mentions, strict=True):
        found: list[str | int] = [before.text, before.type, before.start, before.end]
        if found != [after.text, after.type, after.start, after.end]:
            after.as_found = found
    for q_before, q_after in zip(extracted.quotes, linked.quotes, strict=True):
        if (q_before.speaker, q_before.via) != (q_after.speaker, q_after.via):
            q_after.as_found = [q_before.speaker, q_before.via]


def run_linking(store: Store) -> Extraction:
    """Corpus-wide names and quote variants over everything extracted so far, always from what
    extraction read (never from the previous run's linked records: a type voted over yesterday's
    corpus must not become a vote in today's)."""
    stored = load_extraction(store)
    extracted = as_extracted(stored)
    linked = extract.link_corpus(extracted)
    _keep_found(extracted, linked)
    with store.transaction():
        # (the records as stored are at hand: only those linking changed are serialised and written)
        store.replace_derived_known(
            "quote", [(_quote_key(q), q) for q in linked.quotes], stored.quotes, lambda q: q.article
        )
        store.replace_derived_known(
            "mention", _per_article_keys(linked.mentions, "m"), stored.mentions, lambda m: m.article
        )
        store.replace_derived_known("entity", [(e.id, e) for e in linked.entities], stored.entities)
    return linked
