"""The Ray engine's corpus-wide steps, run by the local engine's own functions.

``GlobalStep`` gets the per-article results the cluster computed (cleaned articles, extraction,
sentence vectors) and runs, on ONE node, what needs the whole corpus: article ids and duplicate
marks (``Store.upsert_article`` in input order), corpus-wide linking of names and quote variants,
origins, story placement, context dates and independence — each through the very function
``pipeline.analyze`` calls, over an in-memory store, so the results equal the local engine's.
Copies and rewrites run between ``begin`` and ``finish``: distributed over candidate pairs
(engine/reuse_step.py, equal to ``reuse.detect_reuse``; ``reuse_docs`` hands the articles out and
``reuse_found`` takes the relations back), or here (``reuse_here``). The honest limit of this
version: the rest holds the corpus in one process (see docs/scale.md). Comparison is cut into
independent units here — one per storyline, which is everything a story's comparison reads — and
run by ``compare_group`` on the cluster. Nothing here imports Ray.
"""

from __future__ import annotations

import json
import pickle
import resource
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pyarrow as pa

from storyprism import compare, pipeline
from storyprism.compare.options import CompareOptions
from storyprism.engine import parquet
from storyprism.engine.laps import Laps, memory_mb, release_memory
from storyprism.engine.rows import articles_of, loads, rejected_of
from storyprism.options import Options
from storyprism.records import (
    AnalysisData,
    DateMention,
    Entity,
    Extraction,
    Mention,
    NumberMention,
    Origin,
    Quote,
    Reuse,
    SentenceFrame,
    Story,
    Storyline,
    to_dict,
)
from storyprism.store import Store

GLOBAL_VECTOR_MEMORY = 20_000  # vectors the global step's embedding store keeps in process (~30 MB)
UNITS_PER_FILE = 2_000  # comparison units per Parquet file of COMPARE_WORK, at most
UNIT_BYTES_PER_FILE = 16 * 2**20  # and at most this many bytes of pickled units (~500 articles' worth)
COMPARE_WORK = "_work/compare"  # comparison units, written by run_global, read by the cluster
RUN_FILE = "_run.json"  # the run's report, written last: its presence marks a finished run
META_FILE = "_meta.json"  # the workspace meta records `storyprism import` restores


def extraction_table(rows: Sequence[tuple[int, int, Extraction]]) -> pa.Table:
    """One row per article: its place in the input and its extraction, each kind as JSON."""
    return pa.table(
        {
            "src": pa.array([r[0] for r in rows], pa.int64()),
            "item": pa.array([r[1] for r in rows], pa.int64()),
            "extraction": pa.array([json.dumps(to_dict(r[2]), ensure_ascii=False) for r in rows], pa.large_string()),
        }
    )


def embedding_rows(tables: Iterable[pa.Table]) -> Iterable[tuple[bytes, float, bytes]]:
    for t in tables:
        yield from zip(
            t.column("key").to_pylist(), t.column("scale").to_pylist(), t.column("codes").to_pylist(), strict=True
        )


def run_global(
    item_tables: Sequence[pa.Table],
    extraction_tables: Sequence[pa.Table],
    embedding_tables: Sequence[pa.Table],
    options: Options,
    output: str,
) -> dict[str, Any]:
    """Every corpus-wide stage on one node, reuse included (``reuse.detect_reuse`` in this process);
    writes every collection but the comparison's and the comparison units. Returns the run's report
    (counts, seconds per stage)."""
    step = GlobalStep(options, output)
    try:
        step.begin(item_tables, extraction_tables, embedding_tables)
        step.reuse_here()
        return step.finish()
    finally:
        step.close()


class GlobalStep:
    """The corpus-wide steps as one stateful object (a Ray actor in the engine), so that reuse can
    run between ``begin`` and ``finish`` either here (``reuse_here``: ``pipeline.run_reuse``) or as
    distributed steps over candidate pairs (``reuse_docs`` hands the articles out in blocks,
    ``reuse_found`` takes the relations back; see engine/reuse_step.py)."""

    def __init__(self, options: Options, output: str) -> None:
        from storyprism.models import embedding_store

        self.options = options
        self.output = output
        self.seconds: dict[str, float] = {}
        # this process's own heap and the shared pages it mapped after each step: what grows with
        # the corpus on the one node (docs/scale.md reads these)
        self.memory: dict[str, dict[str, float]] = {}
        self.lap = Laps(self.seconds, self._step_done)
        self.store = Store(":memory:")
        self.embeddings = embedding_store()
        self.embeddings.attach(self.store)
        self.encoded_before = self.embeddings.encoded
        # the embedding store keeps up to 300,000 float32 vectors in process beside its backend (1.5 kB
        # each, ~0.5 GB when full), to spare a workspace's SQLite file a read. Here the backend is this
        # process's own in-memory store, which hands out the very same dequantised vector, so a small
        # table changes no result and keeps ~40 vectors an article (~65 kB) from piling up until the cap
        self.memory_limit_before = self.embeddings.memory_limit
        self.embeddings.memory_limit = GLOBAL_VECTOR_MEMORY
        self.articles: list[Any] = []
        self.report: dict[str, Any] = {}
        self.found: list[Reuse] = []
        self.origin_records: list[Origin] = []

    def _step_done(self, stage: str) -> None:
        # The embedding store's in-process table holds the vectors the step just read as rows of the
        # float32 matrices they were dequantised into (a corpus-wide test such as the off-topic one
        # reads ~40 an article in one call: ~65 kB an article, kept whole while any row is kept). The
        # in-memory store below it holds every vector as int8 and hands out the same values, so the
        # table is emptied between steps: no result changes, and no step's vectors outlive it.
        self.embeddings.memory.clear()
        release_memory()
        self.memory[stage] = memory_mb()
        # the in-memory store's own size (articles, records, vectors, as SQLite pages in this heap)
        pages, size = (self.store.db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size"))
        self.memory[stage]["store"] = round(pages * size / 2**20, 1)
        self.memory[stage]["arrow"] = round(pa.total_allocated_bytes() / 2**20, 1)

    def close(self) -> None:
        self.embeddings.attach(None)
        self.embeddings.memory_limit = self.memory_limit_before
        self.store.close()

    def begin(
        self, item_tables: Sequence[pa.Table], extraction_tables: Sequence[pa.Table],
        embedding_tables: Sequence[pa.Table],
    ) -> int:
        """Articles (ids, duplicates), extraction, linking, inferred dates. Returns the article count."""
        store, options = self.store, self.options
        store.put_embeddings(embedding_rows(embedding_tables))
        owner = _store_inputs(store, item_tables)
        self.lap("store")
        self.articles = articles = store.articles()
        self.report.update(articles=len(articles), rejected=store.count("rejected"))
        if options.extract.enabled:
            _store_extraction(store, articles, owner, extraction_tables, options)
            linked = pipeline.run_linking(store)
            self.report["quotes"], self.report["entities"] = len(linked.quotes), len(linked.entities)
            pipeline.apply_inferred_dates(store, articles)
            self.lap("link")
        return len(articles)

    def reuse_here(self) -> None:
        """Copies, rewrites and origins in this process: ``pipeline.run_reuse`` itself."""
        self.found, self.origin_records = pipeline.run_reuse(self.store, self.articles, self.options)
        self.lap("reuse")

    def reuse_docs(self, block: int = 256) -> Iterator[pa.Table]:
        """The articles reuse compares (``reuse.detect.usable``, in its order: a row's ``idx`` is the
        article's place in ``detect_reuse``'s list), each with the int8 vectors of its sentences
        as reuse splits them: all a pair's verification reads, so a task needs only its two rows.
        A block at a time, so the caller can hand each on (``ray.put``) before the next is built."""
        from storyprism.reuse.detect import usable
        from storyprism.reuse.text import split_sentences
        from storyprism.text.embeddings import key_of

        model = self.embeddings.model
        docs = usable(self.articles)
        for start in range(0, len(docs), block):
            payloads = []
            for a in docs[start : start + block]:
                keys = list(dict.fromkeys(key_of(t, model) for t in split_sentences(a.text)))
                vectors = [(k, s, c) for k, (s, c) in self.store.get_embeddings(keys).items()]
                payloads.append(pickle.dumps((a, vectors), protocol=pickle.HIGHEST_PROTOCOL))
            yield pa.table({
                "idx": pa.array(range(start, start + len(payloads)), pa.int64()),
                "payload": pa.array(payloads, pa.large_binary()),
            })
        self.lap("reuse docs")

    def reuse_found(self, found: list[Reuse], seen: dict[str, str | None]) -> None:
        """Relations computed elsewhere (equal to ``detect_reuse``'s, in its order), then what
        ``pipeline.run_reuse`` does with them: origins, the stored relations, the pair memo."""
        self.lap("reuse (waited for the cluster)")  # this process was idle meanwhile
        records = pipeline.save_reuse(self.store, self.articles, self.options, found, seen)
        self.found, self.origin_records = found, records
        self.lap("origins")

    def finish(self) -> dict[str, Any]:
        """Stories, context dates, independence, comparison units, the collections; the report."""
        store, options, articles, report, found = self.store, self.options, self.articles, self.report, self.found
        report["reuse"] = dict(Counter(r.kind for r in found))
        report["origins"] = len(set({r.article: r.origin for r in self.origin_records}.values()))
        # in a method of its own, so the story state and the analysis data it builds over the whole
        # corpus are freed before the collections are written
        units = self._stories_and_units() if options.stories.enabled else 0
        report["compare_units"] = units
        report["inferred_dates"] = sum(1 for a in articles if a.published_inferred)
        report["sentences_encoded_global"] = self.embeddings.encoded - self.encoded_before
        _write_collections(store, self.output)
        self.lap("write")
        # this process's memory (the global actor's worker process under Ray): what grows with the
        # corpus on the one node that holds it. The peak may include what an earlier task of a
        # reused worker process held; the resident size now is this step's own
        report["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        report["rss_mb"] = _resident_mb()
        report["seconds"] = self.seconds
        report["memory_mb"] = self.memory
        # the workspace meta records `storyprism import` restores; they grow with the corpus, so
        # they are written here, never handed back to the driver
        parquet.write_json(self.output, META_FILE, {
            key: store.get_meta(key)
            for key in ("extracted", pipeline.FAILED_KEY, "inferred_published", "context_published", "reuse_pairs")
        })
        return report

    def _stories_and_units(self) -> int:
        """Stories, context dates, independence; then the comparison units (their count)."""
        store, options, articles, report = self.store, self.options, self.articles, self.report
        origin_records = self.origin_records
        origin_of = {r.article: r.origin for r in origin_records}
        state = pipeline.run_stories(store, articles, origin_of, options, dates=options.extract.enabled)
        off_topic = pipeline.run_independence(store, articles, state, origin_records)
        origin_of = {r.article: r.origin for r in origin_records}  # newsroom pieces were joined
        report["stories"], report["storylines"] = len(state.stories), len(state.storylines)
        self.lap("stories")
        if not options.compare.enabled:
            return 0
        data = AnalysisData(
            articles=articles,
            stories=pipeline.on_topic(state, off_topic),
            storylines=state.storylines,
            reuses=self.found,
            origins=origin_of,
            # no corpus-wide extraction here: each unit reads its members' records from the store
            extraction=Extraction(),
        )
        units = _write_compare_units(store, data, self.output)
        self.lap("compare units")
        return units


def _resident_mb() -> float | None:
    """Resident memory of this process now (Linux /proc; None elsewhere)."""
    import os

    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def _store_inputs(store: Store, item_tables: Sequence[pa.Table]) -> dict[str, tuple[int, int]]:
    """Rejected items and articles into the store in input order, as the local engine stores them
    (ids and ``duplicate_of`` depend on that order). Returns, per article id, the input item that
    holds it (the last one, when one identity was read twice: the later read replaces the earlier)."""
    owner: dict[str, tuple[int, int]] = {}
    with store.transaction():
        for _, _, item in rejected_of(item_tables):
            store.add_rejected(item)
        for src, idx, article in articles_of(item_tables):
            result = store.upsert_article(article)
            owner[result.article_id] = (src, idx)
    return owner


def _store_extraction(
    store: Store, articles: Sequence[Any], owner: dict[str, tuple[int, int]], tables: Sequence[pa.Table],
    options: Options,
) -> None:
    """The cluster's per-article extraction into the store, keyed as ``pipeline.run_extraction``
    keys it, in the store's article order (linking reads records in that order)."""
    by_item: dict[tuple[int, int], str] = {}
    for t in tables:
        for src, idx, payload in zip(
            t.column("src").to_pylist(), t.column("item").to_pylist(), t.column("extraction").to_pylist(), strict=True
        ):
            by_item[(src, idx)] = payload
    seen: dict[str, str] = {}
    failed: dict[str, str] = {}
    inferred: dict[str, str] = {}
    quotes: list[Quote] = []
    mentions: list[Mention] = []
    numbers: list[NumberMention] = []
    dates: list[DateMention] = []
    frames: list[SentenceFrame] = []
    for a in articles:
        payload = by_item.get(owner.get(a.id, (-1, -1)))
        if payload is None:
            failed[a.id] = "no extraction result came back from the cluster"
            continue
        ex = loads(Extraction, payload)
        # the cluster extracted the article under the id its input gave it; the store may have
        # given it another (a clash with an earlier article): every record follows the store's id
        if ex.failed:
            failed[a.id] = next(iter(ex.failed.values()))
            continue
        quotes += [replace(q, article=a.id) for q in ex.quotes]
        mentions += [replace(m, article=a.id) for m in ex.mentions]
        numbers += [replace(n, article=a.id) for n in ex.numbers]
        dates += [replace(d, article=a.id) for d in ex.dates]
        frames += [replace(f, article=a.id) for f in ex.frames]
        if ex.inferred_published:
            inferred[a.id] = next(iter(ex.inferred_published.values()))
        seen[a.id] = pipeline.extraction_mark(a, options.extract)
    with store.transaction():
        store.add_derived("quote", [(pipeline._quote_key(q), q) for q in quotes], lambda q: q.article)
        store.add_derived("mention", pipeline._per_article_keys(mentions, "m"), lambda m: m.article)
        store.add_derived("number", pipeline._per_article_keys(numbers, "n"), lambda m: m.article)
        store.add_derived("date", pipeline._per_article_keys(dates, "d"), lambda m: m.article)
        store.add_derived("frame", pipeline._per_article_keys(frames, "f"), lambda m: m.article)
        store.set_meta("extracted", seen)
        store.set_meta("inferred_published", inferred)
        store.set_meta(pipeline.FAILED_KEY, failed)


def sentence_keys(text: str, model: str) -> list[bytes]:
    """Store keys of every sentence of ``text`` as the stages split it (reuse's splitter and the
    shared one compare reads)."""
    from storyprism.reuse.text import split_sentences as reuse_split
    from storyprism.text.embeddings import key_of
    from storyprism.text.sentences import split_sentences

    texts = [text[s:e] for s, e in split_sentences(text)] + reuse_split(text)
    return list(dict.fromkeys(key_of(t, model) for t in texts if t.strip()))


def _write_compare_units(store: Store, data: AnalysisData, output: str, per_file: int = UNITS_PER_FILE) -> int:
    """One unit per storyline (a story outside any storyline is its own): the stories, their
    articles, the quotes, dates, numbers and sentence frames on them (read from ``store`` an article at a time), the
    reuse relations into them, their origins, and the sentence vectors already computed for them. Everything a story's comparison reads
    (its storyline's events, for the timeline) lies inside its unit, so comparing units apart
    gives what comparing the corpus at once gives."""
    from storyprism.models import embedding_store

    model = embedding_store().model
    rank = {s.id: k for k, s in enumerate(data.stories)}
    line_of = {sid: line.id for line in data.storylines for sid in line.stories}
    groups: dict[str, list[Story]] = {}
    for s in data.stories:
        groups.setdefault(line_of.get(s.id) or f"story:{s.id}", []).append(s)
    articles = {a.id: a for a in data.articles}
    reuse_into: dict[str, list[int]] = {}
    for k, relation in enumerate(data.reuses):
        reuse_into.setdefault(relation.copy, []).append(k)
    fs, base = parquet.filesystem(output)
    fs.create_dir(f"{base}/{COMPARE_WORK}", recursive=True)
    import pyarrow.parquet as pq

    payloads: list[bytes] = []
    ranks: list[int] = []
    written = files = pending = 0

    def flush() -> None:
        # units go to disk ``per_file`` or ``UNIT_BYTES_PER_FILE`` at a time, whichever comes first:
        # this process never holds more than that many pickled units (~35 kB an article: text,
        # records, sentence frames, vectors) beside the store, however large the corpus
        nonlocal written, files, pending
        table = pa.table({"rank": pa.array(ranks, pa.int64()), "unit": pa.array(payloads, pa.large_binary())})
        pq.write_table(table, f"{base}/{COMPARE_WORK}/part-{files:05d}.parquet", filesystem=fs)
        written += len(payloads)
        files += 1
        pending = 0
        payloads.clear()
        ranks.clear()

    for stories in groups.values():
        ids = list(dict.fromkeys(a for s in stories for a in s.articles))
        members = [articles[a] for a in ids if a in articles]
        # each member's quotes, dates, numbers and frames read from the store as the unit is built (in stored
        # order, as the whole lists would give them): this process never holds the corpus's records
        extra = [_unit_records(store, a) for a in ids]
        unit_reuses = [data.reuses[k] for k in sorted({k for a in ids for k in reuse_into.get(a, [])})]
        unit = AnalysisData(
            articles=members,
            stories=stories,
            storylines=[line for line in data.storylines if set(line.stories) & {s.id for s in stories}],
            reuses=unit_reuses,
            # the sources' origins too: a sentence a member pasted from them counts their origin (claims)
            origins={a: data.origins[a] for a in [*ids, *(r.source for r in unit_reuses)] if a in data.origins},
            extraction=Extraction(
                quotes=[q for e in extra for q in e.get("quotes", [])],
                dates=[d for e in extra for d in e.get("dates", [])],
                numbers=[n for e in extra for n in e.get("numbers", [])],
                frames=[f for e in extra for f in e.get("frames", [])],
            ),
        )
        keys = list(dict.fromkeys(k for a in members for k in sentence_keys(a.text, model)))
        vectors = [(k, s, c) for k, (s, c) in store.get_embeddings(keys).items()]
        payloads.append(pickle.dumps((unit, vectors), protocol=pickle.HIGHEST_PROTOCOL))
        ranks.append(min(rank[s.id] for s in stories))
        pending += len(payloads[-1])
        if len(payloads) == per_file or pending >= UNIT_BYTES_PER_FILE:
            flush()
    if payloads:
        flush()
    return written


def _unit_records(store: Store, article: str) -> dict[str, list[Any]]:
    """The records of one article that comparison reads: its quotes, dates, numbers and sentence frames."""
    return {
        "quotes": store.derived(Quote, "quote", article=article),
        "dates": store.derived(DateMention, "date", article=article),
        "numbers": store.derived(NumberMention, "number", article=article),
        "frames": store.derived(SentenceFrame, "frame", article=article),
    }


def compare_unit(unit_payload: bytes, rank: int, options: CompareOptions) -> dict[str, list[dict[str, Any]]]:
    """``compare.compare_stories`` on one unit, with the unit's sentence vectors at hand; rows per
    collection, each tagged with the unit's story rank so the import keeps the local order."""
    from storyprism.models import embedding_store

    # our own intermediate file, written by run_global of this same run
    unit, vectors = pickle.loads(unit_payload)
    store = Store(":memory:")
    embeddings = embedding_store()
    try:
        store.put_embeddings(vectors)
        embeddings.attach(store)
        result = compare.compare_stories(unit, options)
    finally:
        embeddings.attach(None)
        store.close()
    out: dict[str, list[dict[str, Any]]] = {}
    for name, records in (
        ("claims", result.claims), ("conflicts", result.conflicts), ("summaries", result.summaries),
        ("outlet_coverage", result.outlet_coverage), ("timeline", result.timeline),
    ):
        out[name] = [{**to_dict(r), "rank": rank, "seq": k} for k, r in enumerate(records)]
    return out


ARTICLE_ROWS = 500  # article rows built and written at a time (each carries the text twice, cleaned and raw)


def _write_collections(store: Store, output: str) -> None:
    """Every collection but the comparison's, with the export's fields (plus what import needs),
    one collection at a time and the articles ``ARTICLE_ROWS`` at a time: the rows are
    ``store.export.build_document``'s, but this process never holds more than one collection's
    rows (before, it built the whole export document at once and read every article twice more).
    The articles' rows are read back from the store, which is what was saved, in its order."""
    from storyprism.store.export import article_entry, reuse_entry

    stories = store.derived(Story, "story")
    story_of = {aid: s for s in stories for aid in s.articles}
    origin = {o.article: o for o in store.derived(Origin, "origin")}
    ids = store.article_ids()  # the order of ``Store.articles()``, the export's
    with parquet.RowWriter(output, "articles", per_file=2 * ARTICLE_ROWS) as out:
        for start in range(0, len(ids), ARTICLE_ROWS):
            for a in store.articles(ids=ids[start : start + ARTICLE_ROWS]):
                row = article_entry(a, origin, story_of)
                # beyond the export's fields: what a workspace keeps (removed lines with their position)
                row.update(raw_text=a.raw_text, identity=a.identity, fetched=a.fetched, description=a.description,
                           source_format=a.source_format,
                           content_hash=a.content_hash, removed=[to_dict(r) for r in a.removed])
                out.add(row)
    del origin, story_of
    # the stories' and storylines' records whole (a story's clustering state): the export's fields and more
    parquet.write_rows(output, "stories", [to_dict(s) for s in stories])
    del stories
    parquet.write_rows(output, "storylines", [to_dict(s) for s in store.derived(Storyline, "storyline")])
    parquet.write_rows(output, "rejected", [{"ref": r.ref, "reason": r.reason, "detail": r.detail}
                                            for r in store.rejected()])
    parquet.write_rows(output, "reuse", [reuse_entry(r) for r in store.derived(Reuse, "reuse")])
    record_kinds: tuple[tuple[str, type[Any], str], ...] = (
        ("quotes", Quote, "quote"),  # whole (with offsets): the export's fields and more
        ("entities", Entity, "entity"), ("numbers", NumberMention, "number"), ("dates", DateMention, "date"),
        ("mentions", Mention, "mention"), ("origins", Origin, "origin"),
        # beyond the export's collections: what a workspace keeps so that a later local run compares
        # an imported workspace as it was compared here (``compare.claims_frames``)
        ("frames", SentenceFrame, "frame"),
    )
    for name, cls, kind in record_kinds:
        parquet.write_rows(output, name, [to_dict(r) for r in store.derived(cls, kind)])


def vector_table(keys: Sequence[bytes], vectors: np.ndarray) -> pa.Table:
    """Sentence vectors as the store keeps them (int8 codes and one scale each)."""
    from storyprism.text.embeddings import quantise

    codes, scales = quantise(np.asarray(vectors, dtype=np.float32))
    return pa.table(
        {
            "key": pa.array(list(keys), pa.binary()),
            "scale": pa.array(scales.tolist(), pa.float32()),
            "codes": pa.array([c.tobytes() for c in codes], pa.binary()),
        }
    )
