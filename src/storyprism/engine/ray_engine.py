"""``storyprism analyze --engine ray``: the whole analysis as a Ray Data pipeline.

Steps (each a Ray Data operator; the driver holds only the list of input names, object refs and
small reports, never the articles):

1. read: one task per input file, ``ingest.read_source`` on it (``engine.sources``) -> rows of
   articles and rejected items, keyed by their place in the input order;
2. clean: per-block line counts per outlet (``clean.count_outlet_lines``), summed by one task into
   the corpus-wide table, then ``clean.clean_articles`` over blocks with that table;
3. extract: ``extract.extract_articles`` over an actor pool (spaCy loaded once per actor);
4. embed: the vector of every text a later stage encodes (``engine.texts``: sentences, titles,
   the story stage's headline+lead texts, the quotes linking may group) over an actor pool (the
   encoder loaded once per actor), as the int8 rows the embedding store keeps, so no later step,
   least of all the global one, encodes them again;
5. global (``engine.global_step.GlobalStep`` as an actor on one node): ids, linking, origins,
   stories, context dates, independence — the local engine's functions; copies and rewrites in
   between as distributed steps over candidate pairs (``engine.reuse_step``), equal to
   ``reuse.detect_reuse``;
6. compare: ``compare.compare_stories`` per storyline unit, as tasks over the units;
7. write: a Parquet dataset, one folder per collection (``engine.parquet``).

Faults: Ray retries a task whose worker died and restarts a dead actor, re-running only the lost
blocks; every output file is written under a fixed name by the step that owns it, so a re-run
step replaces its file and never adds duplicate rows.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from storyprism import clean, extract
from storyprism.engine import parquet
from storyprism.engine.global_step import (
    COMPARE_WORK,
    RUN_FILE,
    GlobalStep,
    compare_unit,
    extraction_table,
    run_global,
    vector_table,
)
from storyprism.engine.laps import Laps
from storyprism.engine.remote import LazyRemote
from storyprism.engine.rows import ORDER, article_rows, dumps, item_table, loads
from storyprism.engine.sources import list_inputs, read_input
from storyprism.engine.texts import article_texts, quote_texts
from storyprism.options import Options
from storyprism.records import Article, Rejected
from storyprism.store import content_hash

Progress = Callable[[str], None]


@dataclass(slots=True)
class EngineReport:
    output: str
    articles: int = 0
    rejected: int = 0
    report: dict[str, Any] = field(default_factory=dict)  # what the global step reported
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per step, driver's view
    # bytes each step handed to the next through the object store (what a cluster moves between nodes)
    bytes: dict[str, int] = field(default_factory=dict)
    driver_peak_mb: float = 0.0


class RayNotInstalled(RuntimeError):
    pass


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise RayNotInstalled(
            "--engine ray needs Ray. Fix: `pip install 'storyprism[ray]'` (or run ./setup.sh), "
            "or use --engine local."
        ) from exc
    return ray


def analyze(
    inputs: Sequence[str],
    output: str,
    options: Options,
    address: str | None = None,
    progress: Progress | None = None,
) -> EngineReport:
    """Analyse ``inputs`` on Ray and write the Parquet dataset to ``output`` (a path or URL).

    Connects to ``address`` (``auto``, ``ray://HOST:PORT``) or, with None, uses the Ray already
    initialised in this process, else starts a local one (shut down again at the end)."""
    ray = _ray()
    say = progress or (lambda _stage: None)
    started_here = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"address": address, "include_dashboard": False, "log_to_driver": False}
        if address is None and options.workers:
            kwargs["num_cpus"] = options.workers
        ray.init(**kwargs)
        started_here = True
    try:
        return _run(ray, inputs, output, options, say)
    finally:
        if started_here:
            ray.shutdown()


def _cpus(ray: Any, options: Options) -> int:
    return max(1, options.workers or int(ray.cluster_resources().get("CPU", 1)))


def _run(ray: Any, inputs: Sequence[str], output: str, options: Options, say: Progress) -> EngineReport:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.verbose_stats_logs = False
    result = EngineReport(output=output)
    lap = Laps(result.seconds, say)

    # a previous run's files would mix with this run's: the output is this run's alone, and it
    # counts as finished only once _run.json is written again, last
    parquet.remove_file(output, RUN_FILE)
    for folder in ("_work", *parquet.ALL_COLLECTIONS):
        parquet.remove(output, folder)
    cpus = _cpus(ray, options)
    listed: list[dict[str, Any]] = []
    early: list[tuple[int, int, str, str]] = []
    for n, item in enumerate(list_inputs(list(inputs), options.ingest)):
        if isinstance(item, Rejected):
            early.append((n, 0, "rejected", dumps(item)))
        else:
            listed.append({**item, "src": n})
    # 1. read: a task per input file
    blocks = []
    if listed:
        ds = ray.data.from_items(listed, override_num_blocks=min(len(listed), 4 * cpus * 8))
        ds = ds.map_batches(
            _read_block, batch_format="pyarrow", batch_size=1, fn_kwargs={"options": options}, num_cpus=1
        )
        blocks = ds.to_arrow_refs()
    if early:
        blocks.append(ray.put(item_table(early)))
    lap("read")
    # 2. clean: corpus-wide line counts per outlet, then cleaning against them
    count_refs = [_count_lines.options(num_cpus=1).remote(b) for b in blocks]
    counts = _sum_counts.options(num_cpus=1).remote(*count_refs)
    items = ray.data.from_arrow_refs(blocks).map_batches(
        _clean_block, batch_format="pyarrow", batch_size=None,
        fn_kwargs={"options": options, "counts": [counts]}, num_cpus=1,
    ).materialize()
    result.bytes["read"] = _size(ray, blocks)
    result.bytes["clean"] = items.size_bytes()
    lap("clean")
    from ray.data.expressions import col

    # blocks of about a hundred articles, at least two per CPU, so the pools below all have work
    # (one large JSON Lines or WARC input arrives as one block)
    n_items = items.count()
    articles = items.filter(expr=col("kind") == "article").repartition(max(2 * cpus, -(-n_items // 100)))
    articles = articles.materialize()
    pool = max(1, cpus)
    extraction_refs = []
    if options.extract.enabled and articles.count():
        extraction_refs = articles.map_batches(
            _Extractor, batch_format="pyarrow", batch_size=max(8, options.extract.batch_size),
            compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=1, fn_constructor_kwargs={"options": options},
        ).to_arrow_refs()
    result.bytes["extract"] = _size(ray, extraction_refs)
    lap("extract")
    embedding_refs = []
    if articles.count():
        # one pool for both: the articles' texts, and the quotes linking may group (from the
        # extraction rows); a batch is one block, so a batch is all articles or all extraction rows
        to_embed = articles.union(ray.data.from_arrow_refs(extraction_refs)) if extraction_refs else articles
        embedding_refs = to_embed.map_batches(
            _Embedder, batch_format="pyarrow", batch_size=None, compute=ray.data.ActorPoolStrategy(size=pool),
            num_cpus=1,
        ).to_arrow_refs()
    result.bytes["embed"] = _size(ray, embedding_refs)
    lap("embed")
    # 5. the corpus-wide steps: an actor on one node holds the store (the driver never holds the
    # corpus); reuse runs between its begin and finish as distributed steps (engine/reuse_step.py)
    item_refs = items.to_arrow_refs()
    try:
        report = _global_steps(ray, item_refs, extraction_refs, embedding_refs, options, output, cpus, result, lap)
    except ray.exceptions.ActorDiedError:
        # the actor's process died (it holds the store, so it cannot resume): the whole global step
        # again, as one task Ray retries, with reuse inside it
        report = ray.get(
            _global.options(num_cpus=1).remote(item_refs, extraction_refs, embedding_refs, options, output)
        )
        report["reuse_ran"] = "one process (the global actor died; rerun as a task)"
    result.report = report
    result.articles, result.rejected = report["articles"], report["rejected"]
    lap("global")
    # 6. comparison per storyline unit
    if report.get("compare_units"):
        for name in ("claims", "conflicts", "summaries", "outlet_coverage", "timeline"):
            parquet.remove(output, name)
        ray.data.read_parquet(_uri(output, COMPARE_WORK)).map_batches(
            _compare_block, batch_format="pyarrow", batch_size=8, num_cpus=1,
            fn_kwargs={"options": options, "output": output},
        ).materialize()
        result.bytes["compare units"] = _folder_bytes(output, COMPARE_WORK)
        lap("compare")
    parquet.remove(output, "_work")
    result.driver_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parquet.write_json(
        output, RUN_FILE,
        {"engine": "ray", "articles": result.articles, "rejected": result.rejected,
         "seconds": result.seconds, "bytes": result.bytes, "global": report, "options": options.to_dict(),
         "finished": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())},
    )
    return result


def _global_steps(
    ray: Any, item_refs: list[Any], extraction_refs: list[Any], embedding_refs: list[Any], options: Options,
    output: str, cpus: int, result: EngineReport, lap: Laps,
) -> dict[str, Any]:
    """The global step's actor: begin (ids, linking, dates), reuse, finish (stories, units,
    collections). Reuse is distributed unless ``options.reuse`` is off or its ``max_pairs`` cap
    could bind (then ``detect_reuse`` runs inside the actor, as before; the report says which)."""
    from storyprism.engine import reuse_step

    # num_cpus=0: the actor works only while no other step runs (begin, finish), and it must not
    # hold a CPU the distributed reuse steps between them need
    actor = _GlobalActor.actor(num_cpus=0, max_restarts=0).remote(options, output)
    try:
        n = ray.get(actor.begin.remote(item_refs, extraction_refs, embedding_refs))
        lap("global: begin")
        how = "one process"
        docs = 0
        if options.reuse.enabled and n >= 2:
            # the articles reuse compares (non-empty, first of each id): detect_reuse's n, which the
            # rare-term weights and limits depend on
            doc_refs, docs = ray.get(actor.reuse_docs.remote())
        if docs >= 2:
            outcome = reuse_step.run(ray, doc_refs, docs, options.reuse, result.bytes, cpus, result.seconds)
            if outcome is None:
                how = "one process (max_pairs could bind)"
                ray.get(actor.reuse_here.remote())
            else:
                how = "distributed"
                ray.get(actor.reuse_found.remote(*outcome))
        else:
            ray.get(actor.reuse_here.remote())
        lap("global: reuse")
        report: dict[str, Any] = ray.get(actor.finish.remote())
        report["reuse_ran"] = how
        return report
    finally:
        ray.kill(actor)


def _size(ray: Any, refs: list[Any]) -> int:
    """Bytes of the Arrow blocks behind ``refs`` (read from their metadata, not fetched here)."""
    import ray.data

    return int(ray.data.from_arrow_refs(refs).size_bytes()) if refs else 0


def _folder_bytes(output: str, sub: str) -> int:
    import pyarrow.fs as pafs

    fs, base = parquet.filesystem(output)
    infos = fs.get_file_info(pafs.FileSelector(f"{base}/{sub}", allow_not_found=True))
    return sum(int(i.size or 0) for i in infos if i.type == pafs.FileType.File)


def _uri(output: str, sub: str) -> str:
    return f"{output.rstrip('/')}/{sub}" if "://" in output else os.path.join(os.path.abspath(output), sub)


# ------------------------------------------------------------------------- per-block functions


def _read_block(batch: pa.Table, options: Options) -> pa.Table:
    rows: list[tuple[int, int, str, str]] = []
    for row in batch.to_pylist():
        for k, out in enumerate(read_input(row, options.ingest)):
            kind = "rejected" if isinstance(out, Rejected) else "article"
            rows.append((row["src"], k, kind, dumps(out)))
    return item_table(rows)


def _articles(table: pa.Table) -> list[tuple[int, int, Article]]:
    import pyarrow.compute as pc

    return list(article_rows(table.filter(pc.equal(table.column("kind"), "article"))))


def _count_lines_impl(table: pa.Table) -> dict[str, dict[str, int]]:
    return clean.count_outlet_lines(a for _, _, a in _articles(table))


_COUNTS: dict[str, Any] = {}


def _clean_block(batch: pa.Table, options: Options, counts: list[Any]) -> pa.Table:
    """``clean.clean_articles`` with the corpus-wide counts; an article left empty is rejected as
    ``no-text``, as the local engine rejects it."""
    import ray

    key = counts[0].hex()
    if key not in _COUNTS:
        _COUNTS.clear()
        _COUNTS[key] = ray.get(counts[0])
    rows: list[tuple[int, int, str, str]] = []
    for src, item, kind, payload in zip(
        batch.column("src").to_pylist(), batch.column("item").to_pylist(),
        batch.column("kind").to_pylist(), batch.column("payload").to_pylist(), strict=True,
    ):
        if kind != "article":
            rows.append((src, item, kind, payload))
            continue
        (article,) = clean.clean_articles([loads(Article, payload)], options.clean, _COUNTS[key])
        if not article.text.strip():
            gone = Rejected(article.ref, "no-text", "Nothing but page junk was left after cleaning.")
            rows.append((src, item, "rejected", dumps(gone)))
            continue
        article.content_hash = content_hash(article.text)
        rows.append((src, item, "article", dumps(article)))
    return item_table(rows)


class _Extractor:
    """An actor of the extraction pool: spaCy is loaded once, in the first batch, then kept."""

    def __init__(self, options: Options) -> None:
        self.options = options
        _note_worker("extract")

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = list(article_rows(batch))
        result = extract.extract_articles([a for _, _, a in rows], self.options.extract)
        per = _split_extraction(result, [a.id for _, _, a in rows])
        _note_worker("extract", len(rows))
        return extraction_table([(src, item, per[k]) for k, (src, item, _) in enumerate(rows)])


def _split_extraction(result: Any, ids: list[str]) -> list[Any]:
    """The batch's extraction cut per article (positions, so two articles with one id stay apart)."""
    from storyprism.records import Extraction

    first: dict[str, int] = {}
    for k, aid in enumerate(ids):
        first.setdefault(aid, k)
    out = [Extraction() for _ in ids]
    for kind in ("quotes", "mentions", "numbers", "dates", "frames"):
        for r in getattr(result, kind):
            getattr(out[first[r.article]], kind).append(r)
    for aid, value in result.inferred_published.items():
        out[first[aid]].inferred_published[aid] = value
    for aid, why in result.failed.items():
        out[first[aid]].failed[aid] = why
    return out


class _Embedder:
    """An actor of the embedding pool: every text a stage encodes (``engine.texts``), once per
    distinct text, as the store's int8 rows. A batch is a block of articles, or a block of extraction
    rows (the quote texts ``group_variants`` may embed), so the global step, which runs on one node,
    has nothing left to encode."""

    def __init__(self) -> None:
        from storyprism.models import embedding_store

        self.model = embedding_store().model
        _note_worker("embed")

    def __call__(self, batch: pa.Table) -> pa.Table:
        from storyprism.models import encode_sentences
        from storyprism.records import Extraction
        from storyprism.text.embeddings import key_of

        texts: dict[bytes, str] = {}
        if "extraction" in batch.column_names:
            found = (text for payload in batch.column("extraction").to_pylist()
                     for text in quote_texts(loads(Extraction, payload)))
        else:
            found = (text for _, _, a in article_rows(batch) for text in article_texts(a))
        for t in found:
            texts.setdefault(key_of(t, self.model), t)
        keys = list(texts)
        return vector_table(keys, encode_sentences([texts[k] for k in keys]))


def _note_worker(step: str, done: int = 0) -> None:
    """With STORYPRISM_RAY_WORKER_LOG set (the fault tests), each pool worker appends its pid and
    progress, so a test can kill one mid-run. Costs nothing otherwise."""
    folder = os.environ.get("STORYPRISM_RAY_WORKER_LOG")
    if folder:
        with open(os.path.join(folder, f"{step}-{os.getpid()}"), "a") as f:
            f.write(f"{done}\n")


def _compare_block(batch: pa.Table, options: Options, output: str) -> pa.Table:
    """Compare the units of one batch and write their rows, per collection, to files named after the
    batch's first unit: a retried batch rewrites the same files, so no row is ever written twice."""
    ranks = batch.column("rank").to_pylist()
    collected: dict[str, list[dict[str, Any]]] = {}
    for rank, unit in zip(ranks, batch.column("unit").to_pylist(), strict=True):
        for name, rows in compare_unit(unit, rank, options.compare).items():
            collected.setdefault(name, []).extend(rows)
    part = f"unit-{min(ranks):09d}"
    for name, rows in collected.items():
        if rows:
            parquet.write_rows(output, name, rows, part=part)
    return pa.table({"rank": pa.array([min(ranks)], pa.int64()),
                     "rows": pa.array([sum(len(r) for r in collected.values())], pa.int64())})


# ------------------------------------------------------------------------- Ray remote wrappers
# Defined lazily so that importing this module never needs Ray (the CLI's --help stays light).


def _global_impl(item_refs: list[Any], extraction_refs: list[Any], embedding_refs: list[Any],
                 options: Options, output: str) -> dict[str, Any]:
    import ray

    return run_global(ray.get(item_refs), ray.get(extraction_refs), ray.get(embedding_refs), options, output)


class _GlobalStepActor:
    """``global_step.GlobalStep`` as an actor: it keeps the in-memory store between its calls."""

    def __init__(self, options: Options, output: str) -> None:
        self.step = GlobalStep(options, output)

    def begin(self, item_refs: list[Any], extraction_refs: list[Any], embedding_refs: list[Any]) -> int:
        import ray

        return self.step.begin(ray.get(item_refs), ray.get(extraction_refs), ray.get(embedding_refs))

    def reuse_docs(self) -> tuple[list[Any], int]:
        import ray

        # each block into the object store as soon as it is built: this process holds one at a time
        refs, rows = [], 0
        for table in self.step.reuse_docs():
            refs.append(ray.put(table))
            rows += table.num_rows
        return refs, rows

    def reuse_here(self) -> None:
        self.step.reuse_here()

    def reuse_found(self, near_refs: list[Any], rewrite_refs: list[Any]) -> None:
        import ray

        from storyprism.engine import reuse_step

        found, seen = reuse_step.gather(ray.get(near_refs), ray.get(rewrite_refs))
        self.step.reuse_found(found, seen)

    def finish(self) -> dict[str, Any]:
        try:
            return self.step.finish()
        finally:
            self.step.close()


class _LazyActor:
    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.remote_cls: Any = None

    def actor(self, **kwargs: Any) -> Any:
        if self.remote_cls is None:
            import ray

            self.remote_cls = ray.remote(self.cls)
        return self.remote_cls.options(**kwargs)


def _sum_counts_impl(*tables: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return clean.merge_counts(*tables)


_count_lines = LazyRemote(_count_lines_impl)
_sum_counts = LazyRemote(_sum_counts_impl)
_GlobalActor = _LazyActor(_GlobalStepActor)
_global = LazyRemote(_global_impl)

__all__ = ["ORDER", "EngineReport", "RayNotInstalled", "analyze"]
