"""The reuse stage as ``analyze`` runs it over a workspace: copies and rewrites detected with the
pair decisions, MinHash signatures, off-topic verdicts and tracing signals of earlier runs kept in the
workspace, then origins traced and everything stored.

Each kept result is keyed by what it was computed from (texts, metadata, the reuse options and the
reuse code), so a re-run after adding articles computes only what the new articles bring, and gets
what a fresh run over every article would.
"""

from __future__ import annotations

import hashlib
import json

from storyprism import reuse
from storyprism.code_version import code_digest
from storyprism.intake import Progress, no_progress
from storyprism.options import Options
from storyprism.records import Article, Origin, Reuse, to_dict
from storyprism.reuse.detect import DocFactsCache
from storyprism.reuse.headline_memo import KeptHeadlineReads
from storyprism.reuse.minhash import SignatureCache
from storyprism.reuse.signal_store import ArticleReads
from storyprism.store import Store


def run_reuse(
    store: Store, articles: list[Article], options: Options, progress: Progress = no_progress
) -> tuple[list[Reuse], list[Origin]]:
    def phase(name: str, done: int, total: int) -> None:
        progress(f"copies and rewrites: {name}", done, total)

    key = reuse_memo_key(options)
    stored = store.get_meta("reuse_pairs", {}) or {}
    memo = reuse.PairMemo()
    if stored.get("options") == key:
        memo.pairs = stored.get("pairs", {})
        memo.relations = {reuse.relation_key(r): r for r in store.derived(Reuse, "reuse")}
    kept = store.get_meta(SIGNATURES_KEY, {}) or {}
    valid = kept.get("options") == key
    signatures = SignatureCache(kept.get("docs", {}) if valid else {}, bands=kept.get("bands", {}) if valid else {})
    stored_facts = store.get_meta(FACTS_KEY, {}) or {}
    facts = DocFactsCache(stored_facts.get("texts", {}) if stored_facts.get("options") == key else {})
    found = (reuse.detect_reuse(articles, options.reuse, phase, memo, signatures, facts)
             if options.reuse.enabled else [])
    with store.transaction():
        if signatures.changed:
            store.set_meta(SIGNATURES_KEY, {"options": key, "docs": signatures.kept, "bands": signatures.bands})
        if facts.changed:
            store.set_meta(FACTS_KEY, {"options": key, "texts": facts.kept})
    return found, save_reuse(store, articles, options, found, memo.seen)


# meta record: the reuse options' key (``reuse_memo_key``) and token digest -> MinHash signature
SIGNATURES_KEY = "reuse_signatures"
# meta record: the reuse options' key and text hash -> what the candidate steps read of it (``DocFacts``)
FACTS_KEY = "reuse_doc_facts"


def reuse_memo_key(options: Options) -> str:
    """Pair decisions of earlier runs are valid while the reuse options and the reuse code are the
    same."""
    return hashlib.sha1(json.dumps([_reuse_code(), to_dict(options.reuse)], sort_keys=True).encode()).hexdigest()[:12]


def _reuse_code() -> str:
    """The code behind reuse decisions and off-topic verdicts, which the workspace keeps between runs."""
    return code_digest("reuse", "text", "models.py")


def save_reuse(
    store: Store, articles: list[Article], options: Options, found: list[Reuse], seen: dict[str, str | None]
) -> list[Origin]:
    """What follows detection, wherever it ran (here or on Ray): origins traced, relations and origins
    stored, the pair decisions (``seen``) kept for the next run."""
    off_topic = _off_topic(store, articles, options)
    signals, marks = _signals(store, articles)
    stored = store.get_meta(READS_KEY, {}) or {}
    version = _reuse_code()  # the code that reads them: the tracer's passes and what they call
    reads = ArticleReads(stored.get("articles") if stored.get("version") == version else None, marks)
    records = trace_records(articles, found, options, off_topic=off_topic, signals=signals, reads=reads)
    with store.transaction():
        if options.reuse.enabled and reads.changed:
            store.set_meta(READS_KEY, {"version": version, "articles": reads.kept()})
        store.replace_derived("reuse", [(reuse.relation_key(r), r) for r in found], lambda r: r.copy)
        store.replace_derived("origin", [(r.article, r) for r in records], lambda o: o.article)
        store.set_meta("reuse_pairs", {"options": reuse_memo_key(options), "pairs": seen})
    return records


def _off_topic(store: Store, articles: list[Article], options: Options) -> dict[str, str]:
    """``reuse.off_topic_articles`` verdicts, kept per article between runs: the test reads only an
    article's own headline and body, so a re-run tests just the articles that are new or changed
    (it embeds up to 41 texts per article, which a re-run would otherwise fetch again for all)."""
    if not options.reuse.enabled:
        return {}
    salt = f"{_reuse_code()}:{options.reuse.use_embeddings}"
    stored = store.get_meta("off_topic", {}) or {}
    known: dict[str, list[str | None]] = stored.get("articles", {}) if stored.get("salt") == salt else {}

    def fingerprint(a: Article) -> str:
        return hashlib.sha1(f"{a.title}\0{a.text}".encode()).hexdigest()[:16]

    prints = {a.id: fingerprint(a) for a in articles}
    todo = [a for a in articles if (known.get(a.id) or [None])[0] != prints[a.id]]
    fresh = reuse.off_topic_articles(todo, options.reuse.use_embeddings) if todo else {}
    verdicts: dict[str, list[str | None]] = {a.id: known[a.id] for a in articles if a.id in known}
    verdicts.update({a.id: [prints[a.id], fresh.get(a.id)] for a in todo})
    if todo or len(verdicts) != len(known):
        with store.transaction():
            store.set_meta("off_topic", {"salt": salt, "articles": verdicts})
    flagged = {aid: str(v[1]) for aid, v in verdicts.items() if v[1]}
    # the headline-name test reads what is a name off the whole corpus, so its verdicts are taken
    # over all articles on every run, from per-article reads and corpus counts kept between runs
    # (``headline_memo``): only the new or changed articles' texts are read
    rest = [a for a in articles if a.id not in flagged]
    kept = store.get_meta(HEADLINE_KEY, {}) or {}
    reads = KeptHeadlineReads(kept.get("reads") if kept.get("salt") == salt else None)
    flagged.update(reuse.headline_names_unreported(rest, options.reuse.use_embeddings, reads))
    fresh_reads = reads.kept()
    if kept.get("salt") != salt or fresh_reads != kept.get("reads"):
        with store.transaction():
            store.set_meta(HEADLINE_KEY, {"salt": salt, "reads": fresh_reads})
    return flagged


HEADLINE_KEY = "headline_reads"  # meta record: the off-topic salt and ``KeptHeadlineReads.kept``


def _signals(store: Store, articles: list[Article]) -> tuple[dict[str, reuse.Signals], dict[str, str]]:
    """The tracer's per-article signals (wire lines, credits), kept in the workspace between runs:
    they read an article's own text and metadata only, so a re-run reads just the new or changed
    articles (``reuse.signal_store``); and each article's fingerprint, taken on the way."""
    stored = store.get_meta(SIGNALS_KEY, {}) or {}
    version = code_digest("reuse/credits.py", "reuse/text.py", "text")  # the code that reads them
    known = stored.get("articles", {}) if stored.get("version") == version else {}
    signals, keep = reuse.signals_for(articles, known)
    if keep != known:
        with store.transaction():
            store.set_meta(SIGNALS_KEY, {"version": version, "articles": keep})
    return signals, {aid: entry[0] for aid, entry in keep.items()}


SIGNALS_KEY = "trace_signals"  # meta record: reader code digest, article id -> [fingerprint, signals]
READS_KEY = "trace_reads"  # meta record: reuse code digest, article id -> [fingerprint, {value name: value}]


def trace_records(
    articles: list[Article], found: list[Reuse], options: Options, off_topic: dict[str, str],
    signals: dict[str, reuse.Signals] | None = None, reads: ArticleReads | None = None,
) -> list[Origin]:
    """Origins from reuse relations, wire signals and credits (reuse/trace.py), as Origin records
    (``off_topic``: the articles whose body does not report their headline, from ``_off_topic``;
    ``signals``: the articles' stored signals, from ``_signals``; ``reads``: their other kept values,
    ``signal_store.ArticleReads``)."""
    if not options.reuse.enabled:
        return [Origin(a.id, a.id, parent=a.id) for a in articles]
    traces = reuse.trace_origins(articles, found, off_topic, signals, reads)
    return [
        Origin(
            t.article, t.origin, parent=t.parent, kind=t.kind, evidence=t.evidence,
            adds_own_reporting=t.adds_own_reporting, off_topic=t.off_topic,
            published_suspect=t.published_suspect, problems=t.problems,
        )
        for t in traces.values()
    ]
