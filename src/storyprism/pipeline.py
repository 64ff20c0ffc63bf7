"""Runs storyprism's stages in order over a workspace.

This is the only module that knows every stage. Each stage is called through its public entry
point with typed records; results are written to the store in transactions, so an interrupted run
loses at most one batch and a re-run continues from what is stored.
"""

from __future__ import annotations

import hashlib
import json
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from storyprism import compare, reuse, stories
from storyprism.code_version import code_digest
from storyprism.compare import splits
from storyprism.executor import make_executor
from storyprism.extraction_runs import (  # noqa: F401  (the Ray engine and the tests call these as pipeline.*)
    FAILED_KEY,
    _per_article_keys,
    _quote_key,
    apply_inferred_dates,
    as_extracted,
    extraction_mark,
    load_extraction,
    run_extraction,
    run_linking,
)
from storyprism.intake import Progress, no_progress
from storyprism.options import Options
from storyprism.records import (
    AnalysisData,
    Article,
    Conflict,
    DateMention,
    Extraction,
    Origin,
    Quote,
    Reuse,
    Story,
    Storyline,
    StoryState,
    to_dict,
)
from storyprism.reuse_runs import (  # noqa: F401  (the Ray engine and the tests call these as pipeline.*)
    SIGNALS_KEY,
    _off_topic,
    _reuse_code,
    _signals,
    reuse_memo_key,
    run_reuse,
    save_reuse,
    trace_records,
)
from storyprism.store import Store


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
    sentences_encoded: int = 0  # sentences sent through the encoder this run (the rest were stored)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage
    completed: list[str] = field(default_factory=list)  # stages that finished and stored their results
    peak_mb: dict[str, float] = field(default_factory=dict)  # this process's peak memory after each stage
    interrupted_after: list[str] | None = None  # the previous run stopped after these stages
    up_to_date: bool = False  # nothing changed since the last finished analysis: its results stand


# ---------------------------------------------------------------------------- analysis


def run_independence(
    store: Store, articles: list[Article], state: StoryState, origin_records: list[Origin]
) -> set[str]:
    """Counts that mean what they say, once stories exist: members published months away from their
    story are about another event (``reuse.off_event_articles``) and join the off-topic ones on their
    origin record; own pieces of one outlet on one story are one newsroom (``reuse.newsroom_pieces``)
    and share its origin (``origin_records`` are updated in place: callers re-read their origins);
    each story's independent sources are then the distinct ultimate origins of its on-topic
    members. Saves the story state (``run_stories`` leaves that to this step, its last: the state is
    written once per run, with its final counts). Returns the ids of the articles counted nowhere."""
    records = {o.article: o for o in origin_records}
    parents = {a: o.parent for a, o in records.items() if o.parent}
    suspect = {a for a, o in records.items() if o.published_suspect}
    changed: dict[str, Origin] = {}
    members = [s.articles for s in state.stories]
    for aid, reason in reuse.off_event_articles(members, articles, parents, suspect).items():
        record = records.get(aid)
        if record is not None and not record.off_topic:
            record.off_topic = reason
            changed[aid] = record
    off = {a for a, o in records.items() if o.off_topic}
    kinds = {a: o.kind for a, o in records.items()}
    by_origin: dict[str, list[Origin]] = {}
    for o in records.values():
        by_origin.setdefault(o.origin, []).append(o)
    for aid, first in reuse.newsroom_pieces(members, articles, kinds, off).items():
        record, lead = records.get(aid), records.get(first)
        if record is None or lead is None or record.origin == lead.origin:
            continue
        record.parent = first
        record.evidence.append(f"same newsroom as {first} (one story, its own pieces count once)")
        followers = by_origin.pop(record.origin, [])  # this piece and what derived from it
        for other in followers:
            other.origin = lead.origin
            changed[other.article] = other
        by_origin.setdefault(lead.origin, []).extend(followers)
    origin_of = {a: o.origin for a, o in records.items()}
    for story in state.stories:
        story.independent_sources = reuse.independent_count([a for a in story.articles if a not in off], origin_of)
    with store.transaction():  # the origins and the stories they count, together
        store.add_derived("origin", [(r.article, r) for r in changed.values()], lambda o: o.article)
        save_story_state(store, state)
    return off


def on_topic(state: StoryState, off: set[str]) -> list[Story]:
    """The stories as comparison sees them: off-topic members support and contradict nothing."""
    return [replace(s, articles=[a for a in s.articles if a not in off]) for s in state.stories]


def load_story_state(store: Store) -> StoryState:
    return StoryState(stories=store.derived(Story, "story"), storylines=store.derived(Storyline, "storyline"))


def run_stories(
    store: Store, articles: list[Article], origin_of: dict[str, str], options: Options, dates: bool = True
) -> StoryState:
    """Place this run's new articles into events, then date undated ones from their story context.

    When context dating gives a new article a date, its placement is redone from the same previous
    state with the date known: a follow-up event is easily merged with the event it continues while
    its date is unknown.

    The state is returned, not saved: ``run_independence``, which every caller runs next, sets the
    stories' independent-source counts and saves it once (it used to be saved here and again there
    whenever a count moved: every story serialised twice, centroids and all).
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


def run_compare(
    store: Store, data: AnalysisData, options: Options, progress: Progress = no_progress
) -> tuple[int, int]:
    """Claims, conflicts and summaries of the stories whose inputs changed since the last run.

    A story is compared again when anything it reads changed (see ``_story_inputs``); the others
    keep their stored results, so adding a few articles to a large workspace re-compares only the
    stories they joined.
    """
    previous: dict[str, list[str]] = store.get_meta("compare_inputs", {}) or {}
    current = _story_inputs(data, options)
    todo = {sid for sid, keys in current.items() if not _same_inputs(previous.get(sid), keys, 0)}
    # a story whose own inputs stand but whose storyline changed needs only its timeline again
    retimed = {sid for sid, keys in current.items() if sid not in todo and not _same_inputs(previous.get(sid), keys, 1)}
    gone = set(previous) - set(current)
    # the stories on every core the options allow (one per core by default), as extraction does
    with compare.parallel.using(make_executor(options.executor, options.workers).workers):
        result = compare.compare_stories(
            data, options.compare, lambda done, total: progress("comparison", done, total), only=todo,
            timelines_only=retimed,
        )
    conflicts_of: dict[str, list[Conflict]] = {}
    for c in result.conflicts:
        conflicts_of.setdefault(c.story, []).append(c)
    stale = todo | gone
    with store.transaction():
        for kind in ("claim", "conflict", "summary"):
            store.delete_derived_of_stories(kind, stale)
        store.add_derived("claim", [(c.id, c) for c in result.claims], story=lambda c: c.story)
        store.add_derived(
            "conflict",
            [(f"{sid}:x{i}", c) for sid, cs in conflicts_of.items() for i, c in enumerate(cs)],
            story=lambda c: c.story,
        )
        store.add_derived("summary", [(s.story, s) for s in result.summaries], story=lambda s: s.story)
        store.set_meta(
            "comparison_extra",
            _merge_extra(store.get_meta("comparison_extra", {}) or {}, result, stale, stale | retimed),
        )
        # a story whose comparison failed keeps no input hash, so the next run compares it again
        store.set_meta("compare_inputs", {sid: keys for sid, keys in current.items() if sid not in result.failed})
        failed: dict[str, str] = store.get_meta(COMPARE_FAILED_KEY, {}) or {}
        failed = {sid: why for sid, why in failed.items() if sid in current and sid not in todo}
        failed.update(result.failed)
        store.set_meta(COMPARE_FAILED_KEY, failed)
    return store.count_derived("claim"), store.count_derived("conflict")


COMPARE_FAILED_KEY = "comparison_failed"  # meta record: story id -> why its comparison failed last time


def _same_inputs(before: object, now: list[str], part: int) -> bool:
    return isinstance(before, list) and len(before) == len(now) and before[part] == now[part]


def _story_inputs(data: AnalysisData, options: Options) -> dict[str, list[str]]:
    """Per story, two hashes of what its comparison reads: [its own inputs: its articles (text,
    date, outlet, origin), the quotes on them as linked corpus-wide (a new article can rename a
    speaker), the reuse relations into them, the date mentions in them and the options, and the own inputs of the concurrent
    stories of its storyline it is compared with (``compare.splits``); its storyline's events,
    which only its timeline reads]."""
    articles = {a.id: a for a in data.articles}
    quotes: dict[str, list[Quote]] = {}
    for q in data.extraction.quotes:
        quotes.setdefault(q.article, []).append(q)
    reuses: dict[str, list[Reuse]] = {}
    for r in data.reuses:
        reuses.setdefault(r.copy, []).append(r)
    # the date mentions: the date detectors read them, and the split-story test reads the day a
    # story's ledes give (compare.splits.story_day); a date rule that moves one must compare again
    dates: dict[str, list[list[object]]] = {}
    for d in data.extraction.dates:
        dates.setdefault(d.article, []).append([d.start, d.end, d.text, d.value, d.granularity, d.relative])
    # what each sentence asserts (``compare.claims_frames``): a change to how extraction reads it
    # (re-extracted articles) changes the claims' support, so it compares the story again
    frames: dict[str, list[list[object]]] = {}
    for f in data.extraction.frames:
        frames.setdefault(f.article, []).append([f.start, f.end, f.predicates, f.embedded, f.words])
    stories = {s.id: s for s in data.stories}
    line_of = {sid: line.stories for line in data.storylines for sid in line.stories}
    # the options and the comparison code: an upgrade compares every story again
    options_key = json.dumps([code_digest("compare", "text", "models.py"), to_dict(options.compare)], sort_keys=True)
    out = {}
    for story in data.stories:
        parts: list[object] = [options_key]
        groups = _story_variant_groups(q for aid in story.articles for q in quotes.get(aid, []))
        for aid in story.articles:
            a = articles.get(aid)
            if a is None:
                continue
            parts.append([aid, a.content_hash, a.published, a.title, a.outlet, data.origins.get(aid)])
            parts.append([_quote_input(q, q.variant_group in groups) for q in quotes.get(aid, [])])
            parts.append([[r.source, r.kind, len(r.alignments)] for r in reuses.get(aid, [])])
            parts.append(sorted(dates.get(aid, []), key=str))
            parts.append(frames.get(aid, []))
        line: list[object] = [options_key]
        for sid in line_of.get(story.id, []):
            other = stories.get(sid)
            if other is not None:
                line.append([sid, other.title, other.first_seen, other.articles])
        out[story.id] = [hashlib.sha1(json.dumps(p, default=str).encode()).hexdigest() for p in (parts, line)]
    # A story is compared with the concurrent stories of its storyline (compare/splits.py: one
    # happening split in two), and a conflict between them is stored under one of the two: each
    # story's own inputs therefore hold its candidates' own inputs, so a change to either compares
    # both again and the stored cross-story conflicts are deleted and rebuilt with them.
    partners = splits.candidates(data.stories, data.storylines, articles)
    own = {sid: keys[0] for sid, keys in out.items()}
    for sid, others in partners.items():
        if sid in out and others:
            joined = [own[sid], sorted((o, own.get(o)) for o in others)]
            out[sid][0] = hashlib.sha1(json.dumps(joined, default=str).encode()).hexdigest()
    return out


def _story_variant_groups(quotes: Iterable[Quote]) -> set[str]:
    """The variant groups with two or more of the story's quotes: only those pair anything in its
    comparison (``compare.claims``, ``compare.conflicts.speaker_conflicts``). A group with one quote
    in the story changes nothing there, yet corpus-wide linking gives it a new id whenever an
    article elsewhere joins it, which alone would make every story quoting it stale."""
    size = Counter(q.variant_group for q in quotes if q.variant_group)
    return {g for g, k in size.items() if k >= 2}


def _quote_input(q: Quote, grouped: bool) -> dict[str, object]:
    """What the comparison reads of a quote: its fields, its variant group only when the group holds
    another quote of the story (``grouped``, see ``_story_variant_groups``). Its speaker's entity id
    matters only to those (``compare.conflicts.speaker_conflicts``); elsewhere it is left out, since
    corpus-wide linking gives an id to a speaker once enough articles name them, and that alone
    would make every story quoting them stale."""
    d = to_dict(q)
    if not grouped:
        d.pop("variant_group", None)
        d.pop("speaker_id", None)
    return d


def _merge_extra(
    previous: dict[str, object], result: object, stale: set[str], stale_timelines: set[str]
) -> dict[str, object]:
    """The stored per-story extras (outlet coverage, timelines) with the stale stories' replaced
    (the timelines of ``stale_timelines``, which holds ``stale``)."""
    merged = _comparison_extra(result)
    for key, fresh in merged.items():
        old = previous.get(key)
        replaced = stale_timelines if key == "timeline" else stale
        kept = [x for x in old if isinstance(x, dict) and x.get("story") not in replaced] if isinstance(old, list) else []
        merged[key] = kept + (fresh if isinstance(fresh, list) else [])
    return merged


def _comparison_extra(result: object) -> dict[str, object]:
    """Fields the compare stage adds beyond claims/conflicts/summaries, kept for the export."""
    data = to_dict(result)
    for key in ("claims", "conflicts", "summaries", "failed"):
        data.pop(key, None)
    return data


def analyze(store: Store, options: Options, progress: Progress = no_progress) -> AnalysisReport:
    """Every analysis stage over the whole workspace, incremental where the stage allows.

    Sentence vectors go through the workspace's embedding table for the whole run: a sentence any
    stage (or any earlier run) encoded is never encoded again.
    """
    from storyprism.models import embedding_store

    report = AnalysisReport()
    articles = store.articles()
    report.articles = len(articles)
    if not articles:
        return report
    last = store.get_meta(RUN_KEY) or {}
    inputs = _inputs_fingerprint(store, articles, options)
    failures = store.get_meta(FAILED_KEY) or store.get_meta(COMPARE_FAILED_KEY)
    if last.get("finished") and last.get("inputs") == inputs and not failures:
        return _unchanged_report(store)
    if last and not last.get("finished"):
        # The previous run stopped part-way: every stage runs again below, and the ones it had not
        # finished (whose stored results are stale) are named in the report and in `status`.
        report.interrupted_after = list(last.get("completed", []))
    run: dict[str, object] = {"started": _now(), "finished": None, "completed": [], "articles": report.articles}
    with store.transaction():
        store.set_meta(RUN_KEY, run)
    embeddings = embedding_store()
    embeddings.attach(store)
    encoded_before = embeddings.encoded
    try:
        with _one_blas_thread():
            _analyze(store, articles, options, progress, report)
    finally:
        embeddings.attach(None)
    report.sentences_encoded = embeddings.encoded - encoded_before
    with store.transaction():
        store.set_meta(
            "analysis",
            {
                "articles": report.articles,
                "options": options.to_dict(),
                "seconds": {k: round(v, 3) for k, v in report.seconds.items()},
                "sentences_encoded": report.sentences_encoded,
                "peak_mb": {k: round(v) for k, v in report.peak_mb.items()},
            },
        )
        store.set_meta(RUN_KEY, {**run, "completed": report.completed, "finished": _now(), "inputs": inputs})
        store.set_meta("analysis_report", _report_counts(report))
    return report


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while the analysis runs. Its matrix products are small (the
    sentences of two articles, a story's claims), far below the size where splitting one across
    threads pays, and the sentence encoder already keeps every core busy with its own threads; with
    OpenBLAS's default of one thread a core, each small product woke and spun the other threads
    (2,000 products of 40x384 by 384x45: 2.9 CPU-s on two cores, 0.04 on one thread). OpenBLAS's
    threaded kernel sums in another order, so products differ in float32's last bits (cosines by
    about 1e-7); they already differed between machines with other core counts, and on one thread
    they are the same on every machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, user_api="blas"):
        yield


def _inputs_fingerprint(store: Store, articles: Sequence[Article], options: Options) -> str:
    """What a finished analysis depends on: storyprism's code (``code_digest``), the options, every article's text
    (cleaned and as ingested: wire lines are read on the raw text) and metadata (a publication date
    read off the text by analysis itself aside) and the manual story edits. Equal fingerprints: the
    stored results are what a new run would compute."""
    h = hashlib.sha1(json.dumps([code_digest(""), options.to_dict()], sort_keys=True, default=str).encode())
    for a in sorted(articles, key=lambda a: a.id):
        published = None if a.published_inferred else a.published
        fields = [a.id, a.content_hash, published, a.title, a.outlet, a.url, a.description, a.language, a.author]
        h.update(json.dumps(fields).encode())
        h.update(a.raw_text.encode("utf-8", "surrogatepass"))
    h.update(json.dumps([to_dict(e) for e in store.story_edits()], sort_keys=True).encode())
    return h.hexdigest()


_COUNTS = ("articles", "quotes", "entities", "origins", "stories", "storylines", "claims", "conflicts", "inferred_dates")


def _report_counts(report: AnalysisReport) -> dict[str, object]:
    return {**{k: getattr(report, k) for k in _COUNTS}, "reuse": dict(report.reuse)}


def _unchanged_report(store: Store) -> AnalysisReport:
    """The last finished analysis's figures, for a run that found nothing to redo."""
    counts = store.get_meta("analysis_report", {}) or {}
    report = AnalysisReport(up_to_date=True, completed=list(STAGES))
    for key in _COUNTS:
        setattr(report, key, int(counts.get(key, 0) or 0))
    report.reuse = Counter({str(k): int(v) for k, v in (counts.get("reuse") or {}).items()})
    return report


RUN_KEY = "analysis_run"  # meta record of the latest analyze: started, finished (None while running), stages done


def analysis_status(store: Store) -> dict[str, object]:
    """Where the workspace stands: the latest analyze (finished or interrupted, and after which stage),
    its time per stage, and the articles that no completed analysis has seen yet."""
    run = store.get_meta(RUN_KEY) or {}
    timing = store.get_meta("analysis", {}) or {}
    extracted: dict[str, str] = store.get_meta("extracted", {}) or {}
    placed = {a for s in store.derived(Story, "story") for a in s.articles}
    articles = store.articles()
    completed = list(run.get("completed", []))
    return {
        "articles": len(articles),
        "rejected": store.count("rejected"),
        "sentence_vectors": store.count("embeddings"),
        "last_analysis": {
            "started": run.get("started"),
            "finished": run.get("finished"),
            "interrupted": bool(run) and not run.get("finished"),
            "completed": completed,
            "stale": [s for s in STAGES if s not in completed] if run and not run.get("finished") else [],
            "seconds": timing.get("seconds", {}),
        }
        if run
        else None,
        # (a mark opens with the content hash it was extracted from: ``extraction_mark``)
        "not_extracted": sum(1 for a in articles if extracted.get(a.id, "").split(":")[0] != a.content_hash),
        "extraction_failed": store.get_meta(FAILED_KEY, {}) or {},
        "comparison_failed": store.get_meta(COMPARE_FAILED_KEY, {}) or {},
        "not_in_a_story": sum(1 for a in articles if a.id not in placed),
    }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def _timed(store: Store, report: AnalysisReport, stage: str) -> Iterator[None]:
    """Time a stage and, once it has stored its results, record its completion in the workspace."""
    start = time.perf_counter()
    yield
    report.seconds[stage] = report.seconds.get(stage, 0.0) + time.perf_counter() - start
    report.peak_mb[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    report.completed.append(stage)
    with store.transaction():
        run = store.get_meta(RUN_KEY) or {}
        store.set_meta(RUN_KEY, {**run, "completed": report.completed})


@dataclass
class RunState:
    """What the stages of one ``analyze`` hand each other: each ``Stage`` declares the fields it reads
    and the ones it writes (its results are also stored in the workspace as it goes)."""

    store: Store
    articles: list[Article]
    options: Options
    progress: Progress
    report: AnalysisReport
    linked: Extraction | None = None  # the corpus-wide linked extraction, still in memory
    found: list[Reuse] | None = None  # reuse relations
    origin_records: list[Origin] | None = None
    state: StoryState | None = None  # stories and storylines
    off_topic: set[str] | None = None  # articles counted nowhere (body off its headline, another event)

    @property
    def origin_of(self) -> dict[str, str] | None:
        """The ULTIMATE origin per article (an article id or a virtual origin such as "wire:AP"): what
        the stories and compare stages count as independent sources. Read off ``origin_records``,
        which the stories stage's independence pass updates in place."""
        return None if self.origin_records is None else {r.article: r.origin for r in self.origin_records}


@dataclass(frozen=True)
class Stage:
    """One stage of ``analyze``, declared: its name (as recorded in the run and by ``status``), the
    options section whose ``enabled`` switches it (None: it always runs and reads its own options),
    the ``RunState`` fields it reads and writes, the kinds of records it keeps in the workspace, and
    the function that runs it. A stage whose reads no earlier stage wrote (that stage was switched
    off) is skipped; a stage that returns without writing what it declares is an error."""

    name: str
    section: str | None
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    stores: tuple[str, ...]
    run: Callable[[RunState], None]

    def runs(self, run: RunState) -> bool:
        if self.section is not None and not getattr(run.options, self.section).enabled:
            return False
        return all(getattr(run, name) is not None for name in self.reads)

    def check(self, run: RunState) -> None:
        missing = [name for name in self.writes if getattr(run, name) is None]
        if missing:
            raise RuntimeError(
                f"The {self.name} stage did not produce {', '.join(missing)}, which it declares. "
                "Fix: this is a bug in storyprism; please report it with the command you ran."
            )


def _extract_stage(run: RunState) -> None:
    run.report.extracted = run_extraction(run.store, run.articles, run.options, run.progress)


def _link_stage(run: RunState) -> None:
    run.progress("names and quote variants", 0, None)
    run.linked = run_linking(run.store)
    run.report.quotes, run.report.entities = len(run.linked.quotes), len(run.linked.entities)
    run.report.inferred_dates = apply_inferred_dates(run.store, run.articles)


def _reuse_stage(run: RunState) -> None:
    run.found, run.origin_records = run_reuse(run.store, run.articles, run.options, run.progress)
    run.report.reuse = Counter(r.kind for r in run.found)
    run.report.origins = len({r.origin for r in run.origin_records})


def _stories_stage(run: RunState) -> None:
    origin_of = run.origin_of
    assert origin_of is not None and run.origin_records is not None  # declared reads
    run.progress("stories", 0, None)
    run.state = run_stories(run.store, run.articles, origin_of, run.options, dates=run.options.extract.enabled)
    run.off_topic = run_independence(run.store, run.articles, run.state, run.origin_records)
    run.report.inferred_dates = sum(1 for a in run.articles if a.published_inferred)
    run.report.stories, run.report.storylines = len(run.state.stories), len(run.state.storylines)


def _compare_stage(run: RunState) -> None:
    assert run.state is not None and run.off_topic is not None and run.found is not None  # declared reads
    data = AnalysisData(
        articles=run.articles,
        stories=on_topic(run.state, run.off_topic),
        storylines=run.state.storylines,
        reuses=run.found,
        origins=run.origin_of or {},
        # what linking just wrote, still in memory (reading it back costs as much again)
        extraction=run.linked if run.linked is not None else load_extraction(run.store),
    )
    run.report.claims, run.report.conflicts = run_compare(run.store, data, run.options, run.progress)


def _views_stage(run: RunState) -> None:
    from storyprism.store.views import refresh_changed_views  # the web app's story pages and search index

    run.progress("web views", 0, None)
    refresh_changed_views(run.store)


# The stages of ``analyze``, in the order they run. ``linked`` is an optional read of compare (it
# reads the stored extraction when linking did not run), so it is not declared as required.
PIPELINE: tuple[Stage, ...] = (
    Stage("extract", "extract", (), (), ("quote", "mention", "number", "date", "frame"), _extract_stage),
    Stage("link", "extract", (), ("linked",), ("quote", "mention", "entity"), _link_stage),
    Stage("reuse", None, (), ("found", "origin_records"), ("reuse", "origin"), _reuse_stage),
    Stage("stories", "stories", ("origin_records",), ("state", "off_topic"),
          ("story", "storyline", "origin"), _stories_stage),
    Stage("compare", "compare", ("state", "off_topic", "found"), (), ("claim", "conflict", "summary"), _compare_stage),
    Stage("views", None, (), (), ("view_stories", "view_people", "article_fts"), _views_stage),
)
STAGES = tuple(stage.name for stage in PIPELINE)  # in the order analyze runs them


def _analyze(
    store: Store, articles: list[Article], options: Options, progress: Progress, report: AnalysisReport
) -> None:
    run = RunState(store, articles, options, progress, report)
    for stage in PIPELINE:
        if stage.runs(run):
            with _timed(store, report, stage.name):
                stage.run(run)
                stage.check(run)
