"""Incremental event clustering: place new articles into existing events or open new ones.

Single pass ("leader") clustering with average linkage against each event's mean vectors,
then a consolidation pass over the events this run opened, with one calibrated bar:

* candidates for an article come from an inverted index over each event's strongest terms,
  so an article is compared with a handful of events, never with the whole corpus;
* the similarity is a blend of the mean tf-idf cosine with the event's articles and the mean
  cosine of the headline(+lead) sentence embedding with theirs (dot products with the events'
  mean vectors, so an event keeps two sums, not its articles);
* dates, when known, raise the bar for an article far (in days) from the event's span:
  the same topic months later is usually another event; when two groups of coverage meet, a
  pause no longer than the earlier one has already run (up to ``running_days``) costs nothing
  (a developing story's fallout), unless the later group breaks as a burst of its own;
* identity keys (words of names, numbers, calendar days named in the text) tell happenings of
  one kind apart: too little in common lowers the similarity, and more so the closer the
  wording (a near retelling with other names is another happening of one template); texts
  dated to another day lower it further (this works without publication dates); and later
  coverage that names the day the event broke (or a day its articles name) is relieved of the
  time penalty: it refers back to that happening, unless it also dates itself to a new day;
* pairwise, an article in nearly the words of a member placed this run but with other names,
  numbers and days never joins that member's event (``copies.py``): one template, two happenings.

New articles of one call are taken in publication order (undated last), which makes a
batch's result independent of the order it was given in.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from storyprism.records import Article

from .copies import Copies, wording
from .features import DAY_KEY, ArticleFeatures, article_features, days_conflict, weigh, weigh_counts
from .options import StoryOptions
from .state import INDEX_TERMS, KEY_TERMS, Event, new_story_id

QUERY_TERMS = 24  # an article looks for events through this many of its strongest terms
POSTING_CAP = 1000  # a term among the strongest of more events than this says little about which one
MAX_CANDIDATES = 64  # events scored in full per article: those sharing the most query weight
# Two events of two or more articles each whose identity keys (names, numbers, days) barely meet
# (mean key cosine below this) are never merged, however alike their wording: each side's articles
# agree on who, where and when among themselves, and the two sides name different ones. One
# article alone is too noisy a sample (a digest, a junk page), so placement keeps the soft penalties.
# Measured on eval/stories_hard.py: 0.02-0.08 change no real variant and separate synthetic twins.
DISJOINT_KEYS = 0.05


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
    # No fallback: a missing model raises ModelMissing with its fix; stories.use_embeddings = false is
    # the explicit way to cluster without vectors.
    from storyprism.models import embed

    heads = embed([f.title or f.embed_text for f in feats])
    leads = embed([f.embed_text for f in feats])
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


def running(span: tuple[date, date] | None) -> int:
    """How many days an event's coverage has run (0 for one day's news or undated)."""
    return 0 if span is None else (span[1] - span[0]).days


# News that breaks arrives as a burst: several outlets within a day or two. A later group of coverage
# with this many articles within BURST_DAYS days reports a happening of its own (a launch after its
# payload's reveal), not a developing story's fallout, which trickles in (``Clusterer.developing``).
# Measured on giveme5w1h: 2-4 days score alike; 5 days also blocks a breach's trickle of follow-ups.
BURST_ARTICLES = 3
BURST_DAYS = 3


def burst(days: Iterable[date]) -> int:
    """The most articles published within ``BURST_DAYS`` days (from the first of them)."""
    ordered = sorted(days)
    best = start = 0
    for i, day in enumerate(ordered):
        while (day - ordered[start]).days > BURST_DAYS:
            start += 1
        best = max(best, i - start + 1)
    return best


def required(
    options: StoryOptions, gap: int, with_embeddings: bool, same_day: float = 0.0, run: int = 0
) -> float:
    """The similarity bar for an article ``gap`` days outside an event's span.

    ``time_penalty`` is stated on the blended scale; the tf-idf-only bar rises in proportion.
    ``same_day`` (0..1, ``follow_share``: how far the later side's texts date what they report to
    the earlier side's day, a day both name or the day the earlier event broke) lifts the time
    penalty in proportion, fully at ``identity_follow``: coverage weeks later that dates its subject
    to the day the event happened follows that happening; the same actors doing something new
    weeks later do not name that day. ``run`` (days a group of coverage has already run, see
    ``running_days``) widens the window: a developing story continues after a pause as long as it ran.
    """
    bar = options.threshold if with_embeddings else options.term_threshold
    window = max(options.window_days, 1, min(run, options.running_days))
    if gap > window and options.threshold > 0:
        relief = min(same_day / options.identity_follow, 1.0) if options.identity_follow > 0 else 0.0
        penalty = options.time_penalty * (1.0 - relief)
        bar *= 1.0 + penalty / options.threshold * math.log2(gap / window)
    return bar


def identity_shift(s_keys: float | None, options: StoryOptions, with_embeddings: bool) -> float:
    """How far the identity keys lower the similarity (0 when either side has none, or agrees).

    Stated on the blended scale; on the tf-idf-only scale it shrinks in proportion, like the bar.
    """
    if s_keys is None:
        return 0.0
    shift = options.identity_weight * min(s_keys - options.identity_pivot, 0.0)
    if not with_embeddings and options.threshold > 0:
        shift *= options.term_threshold / options.threshold
    return shift


def similarity(feat: ArticleFeatures, event: Event, options: StoryOptions) -> tuple[float, bool]:
    """Blended topic similarity of an article to an event, and whether embeddings took part.

    The identity keys are applied by the caller (``identity_shift``), and only to candidates that
    pass the bar without them: they can only lower a score, so the rest need not pay for them.
    """
    s_terms = event.term_cosine(feat.vector)
    s_emb = event.emb_cosine(feat.embedding) if options.use_embeddings else None
    if s_emb is None:
        return s_terms, False
    w = options.embedding_weight
    return w * s_emb + (1.0 - w) * s_terms, True


def key_similarity(a: Event, b: Event) -> float | None:
    """Cosine of two events' mean identity-key vectors (None when either has none)."""
    return _dot(a.key_vector(), b.key_vector()) if a.keys and b.keys else None


def event_similarity(
    a: Event, b: Event, options: StoryOptions, identity: bool = True
) -> tuple[float, bool]:
    """Mean pairwise similarity of two events' members (average linkage via their mean vectors).

    ``identity=False`` leaves the identity keys out: storylines link events of one topic whose
    participants or days differ.
    """
    # Over each event's strongest terms (what the store keeps): the tails add little but cost much.
    ta, tb = a.top_vector(options.state_terms), b.top_vector(options.state_terms)
    s_terms = _dot(ta, tb)
    s_keys = key_similarity(a, b) if identity else None
    if not options.use_embeddings or a.emb is None or b.emb is None:
        return s_terms + identity_shift(s_keys, options, False), False
    s_emb = sum(x * y for x, y in zip(a.emb, b.emb, strict=False))
    w = options.embedding_weight
    return w * s_emb + (1.0 - w) * s_terms + identity_shift(s_keys, options, True), True


def template_shift(
    score: float, s_keys: float | None, options: StoryOptions, with_embeddings: bool,
    offset: float | None = None,
) -> float:
    """How far a near retelling with other names lowers the similarity (0 or less).

    General signal: same-event texts agree on more of their names, numbers and days the closer
    their wording is; wording that matches while the identity keys do not (key cosine below
    ``score - template_offset``) is the same kind of news about another happening. On the blended
    scale only, so 0 without embeddings or without keys on either side. ``offset`` replaces
    ``template_offset`` (groups of articles use ``group_template_offset``).
    """
    if s_keys is None or not with_embeddings or options.template_weight <= 0:
        return 0.0
    start = options.template_offset if offset is None else offset
    return -options.template_weight * max(score - start - s_keys, 0.0)


def day_penalty(options: StoryOptions, with_embeddings: bool) -> float:
    """``day_conflict`` on the scale in use (shrunk like the bar when embeddings are off)."""
    if not with_embeddings and options.threshold > 0:
        return options.day_conflict * options.term_threshold / options.threshold
    return options.day_conflict


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large[t] for t, w in small.items() if t in large)


def main_days(ev: Event) -> list[str]:
    """The calendar days that two or more and at least half of an event's articles name (its day,
    when the texts give one; a day one article names may be background)."""
    need = max(2.0, 0.5 * ev.n)
    return [k for k in ev.day_keys() if ev.keys[k][0] >= need]


# Coverage is published on the day of what it reports or up to a few days after, so a later text
# naming a day from this many days before an event's first article to one day after it names the day
# that event happened.
REFER_BEFORE = 3
REFER_AFTER = 1


def refer_share(
    days: Iterable[str], counts: Mapping[str, Sequence[float]], n: int, span: tuple[date, date] | None
) -> float:
    """Share of ``n`` articles naming a calendar day of the happening that opened ``span``.

    ``days`` are day keys, ``counts[key][0]`` how many of the articles name each. Later coverage
    that dates what it reports to the day an earlier event broke refers back to that happening
    ("the Oct. 1 shooting", "the Bastille Day attack on July 14"); the same actors doing something
    new weeks later name their new day, or none. Only the opening days count: a day inside a
    long event's span may be a later, different happening of its topic.
    """
    if span is None or n <= 0:
        return 0.0
    first = span[0].toordinal()
    start, end = first - REFER_BEFORE, min(span[1].toordinal(), first + REFER_AFTER)
    best = 0.0
    for key in days:
        if len(key) != len(DAY_KEY) + 10:
            continue  # "@MM-DD": the text gave no year and the article no date to take it from
        try:
            day = date.fromisoformat(key[len(DAY_KEY) :]).toordinal()
        except ValueError:
            continue
        entry = counts.get(key)
        if entry and start <= day <= end:
            best = max(best, float(entry[0]))
    return min(best / n, 1.0)


def dated_apart(a: Event, b: Event) -> bool:
    """Whether the texts of two events date them to different days."""
    da, db = main_days(a), main_days(b)
    return bool(da and db) and days_conflict(da, db)


def follow_share(
    shared: float,
    late_days: Iterable[str],
    late_counts: Mapping[str, Sequence[float]],
    late_n: int,
    early_span: tuple[date, date] | None,
    late_span: tuple[date, date] | None,
) -> float:
    """How far the later side's texts tie it to the earlier side's happening (0..1; relieves the
    time penalty, see ``required``): ``shared``, the share naming a day the earlier articles name,
    or the share naming the day the earlier event broke (``refer_share``), whichever is larger.

    0 when the later side dates itself at least as much to its own first days: what it reports
    happened then, and the earlier day is background ("after their Dec. 15 call, they met on Feb. 4").
    """
    tie = max(shared, refer_share(late_days, late_counts, late_n, early_span))
    if tie and refer_share(late_days, late_counts, late_n, late_span) >= tie:
        return 0.0
    return tie


class Clusterer:
    """Holds the events of one update and places articles one at a time."""

    def __init__(self, events: Mapping[str, Event], options: StoryOptions) -> None:
        self.options = options
        self.events: dict[str, Event] = dict(events)
        self.article_event: dict[str, str] = {
            a: ev.id for ev in self.events.values() for a in ev.members
        }
        self.index = Index()
        # This run's articles, for the pairwise test of retellings with other names (``copies.py``).
        self.copies = Copies(options.copy_wording)
        self._wording: tuple[str, dict[str, float]] = ("", {})  # the last article's, while it is placed
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
            for t, (c, _) in ev.keys.items():
                if t not in ev.terms:  # name words are terms too: count them once
                    self.df[t] += c

    def count(self, feats: Sequence[ArticleFeatures]) -> None:
        """Add a batch's terms to the document frequencies before any of it is placed."""
        for f in feats:
            self.n_docs += 1
            for t in f.tf:
                self.df[t] += 1
            for t in f.key_tf:
                if t not in f.tf:  # numbers and days (name words are counted with the terms)
                    self.df[t] += 1

    def place(self, feat: ArticleFeatures, origin: str | None = None, into: str | None = None) -> str:
        """Put one article into its event (``into`` forces one, e.g. an exact duplicate's)."""
        feat.vector = weigh(feat, self.df, self.n_docs)
        feat.keys = weigh_counts(feat.key_tf, self.df, self.n_docs, KEY_TERMS)
        target = self.events.get(into) if into else None
        if target is None:
            target = self.best(feat)
        if target is None:
            target = Event(id=new_story_id(feat.id, self.events))
            self.events[target.id] = target
        target.add(feat, origin)
        self.article_event[feat.id] = target.id
        self.copies.add(feat.id, self.wording_of(feat), feat.keys)
        self.index.add(target, [t for t, _ in sorted(feat.vector.items(), key=lambda kv: -kv[1])[:INDEX_TERMS]])
        span = self.spans.get(target.id)
        if feat.day is not None:
            span = (min(span[0], feat.day), max(span[1], feat.day)) if span else (feat.day, feat.day)
        self.spans[target.id] = span
        return target.id

    def wording_of(self, feat: ArticleFeatures) -> dict[str, float]:
        """The article's wording without its identity keys (``copies.wording``), kept while it is placed."""
        if self.copies.min_wording <= 0:
            return {}
        if self._wording[0] != feat.id:
            kept = self.copies.of.get(feat.id)  # placed before (a second look): its key counts are freed
            if kept is not None:
                word = dict(zip(kept.terms, kept.weights, strict=True))
            else:  # every name word and number it has, not only its strongest keys
                word = wording(feat.vector, feat.key_tf or feat.keys)
            self._wording = (feat.id, word)
        return self._wording[1]

    def best(self, feat: ArticleFeatures) -> Event | None:
        return self.best_margin(feat)[0]

    def best_margin(self, feat: ArticleFeatures, limit: int = MAX_CANDIDATES) -> tuple[Event | None, float]:
        """The candidate event the article fits best (of the ``limit`` that share the most of its
        strongest terms), and by how much it clears the bar."""
        best: Event | None = None
        best_margin = 0.0
        days = [k for k in feat.keys if k.startswith(DAY_KEY)]
        for eid in self.index.candidates(feat.vector, limit):
            ev = self.events.get(eid)
            if ev is None or not ev.members:
                continue
            margin = self.margin(feat, ev, days, best_margin if best is not None else None)
            if margin is not None and margin >= 0.0 and (best is None or margin > best_margin):
                best, best_margin = ev, margin
        return best, best_margin

    def margin(
        self, feat: ArticleFeatures, ev: Event, days: list[str], beat: float | None = None
    ) -> float | None:
        """How far the article clears the bar of an event (negative: it does not); None when it
        cannot pass, or cannot beat ``beat`` (the best margin so far), before the identity keys."""
        gap = gap_days(feat.day, self.spans.get(ev.id))
        same_day = self.follows(feat, days, ev) if gap else 0.0
        if gap and required(self.options, gap, True, same_day) > 1.0:
            return None  # too far apart in time for any similarity to pass the bar
        score, with_emb = similarity(feat, ev, self.options)
        margin = score - required(self.options, gap, with_emb, same_day)
        if margin < 0.0:
            return None
        # Near-identical words with other names: another happening told by one template. Asked of
        # every event whose bar the wording passes, not only of the best one: the pair it finds
        # also ties the two happenings into one storyline (``copies.kin_events``).
        if self.copies.retells(feat.id, self.wording_of(feat), feat.keys, ev.members):
            return None
        if beat is not None and margin <= beat:
            return None
        s_keys = ev.key_cosine(feat.keys)
        margin += identity_shift(s_keys, self.options, with_emb)
        margin += template_shift(score, s_keys, self.options, with_emb)
        if days and self.options.day_conflict:
            its_days = main_days(ev)
            if its_days and days_conflict(days, its_days):
                margin -= day_penalty(self.options, with_emb)  # the texts date it to another day
        return margin

    def follows(self, feat: ArticleFeatures, days: list[str], ev: Event) -> float:
        """``follow_share`` between an article (its ``days``) and an event, whichever came first."""
        span = self.spans.get(ev.id)
        if feat.day is None or span is None:
            return 0.0
        own = (feat.day, feat.day)
        if feat.day > span[1]:
            counts = {k: (1.0,) for k in days}
            return follow_share(ev.day_share(days), days, counts, 1, span, own) if days else 0.0
        return follow_share(ev.day_share(days), ev.day_keys(), ev.keys, ev.n, own, span)

    def follows_event(self, a: Event, b: Event) -> float:
        """``follow_share`` between two events, the later one's texts read against the earlier."""
        sa, sb = self.spans.get(a.id), self.spans.get(b.id)
        if sa is None or sb is None:
            return 0.0
        early, late = (a, b) if sa[0] <= sb[0] else (b, a)
        shared = min(a.day_share(b.day_keys()), b.day_share(a.day_keys()))
        return follow_share(
            shared, late.day_keys(), late.keys, late.n, self.spans.get(early.id), self.spans.get(late.id)
        )

    def developing(self, a: Event, b: Event) -> int:
        """Days the earlier event's coverage has run, for the later one to continue it after a pause
        (``running_days``); 0 when the later one opens a burst of its own (news breaking again), and
        when it is one article (too little to tell a trickle of follow-ups from a burst's first report)."""
        sa, sb = self.spans.get(a.id), self.spans.get(b.id)
        if sa is None or sb is None or self.options.running_days <= 0:
            return 0
        early, late = (a, b) if sa[0] <= sb[0] else (b, a)
        if late.n < 2 or burst(late.days()) >= BURST_ARTICLES:
            return 0
        return running(self.spans.get(early.id))

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
                same_day = self.follows_event(ev, other) if gap else 0.0
                # A developing story: the earlier side's own running span widens the window (only
                # here, where both sides are whole groups; see ``running_days``).
                run = self.developing(ev, other) if gap > self.options.window_days else 0
                if gap and required(self.options, gap, True, same_day, run) > 1.0:
                    continue
                score, with_emb = event_similarity(ev, other, self.options, identity=False)
                margin = score - required(self.options, gap, with_emb, same_day, run)
                if margin < 0.0:
                    continue
                if self.copies.retell_across(ev.members, other.members):
                    # One side retells the other's words with other names: two happenings. Asked of
                    # every event whose bar the wording passes (the pair ties their storylines).
                    continue
                if best is not None and margin <= best_margin:
                    continue
                s_keys = key_similarity(ev, other)
                if s_keys is not None and min(ev.n, other.n) >= 2 and s_keys < DISJOINT_KEYS:
                    continue  # two groups of coverage that share no name, number or day: two happenings
                margin += identity_shift(s_keys, self.options, with_emb)
                if min(ev.n, other.n) >= 2:  # one article's keys are too noisy a sample to judge by
                    # Two groups' mean keys are a surer sample than one article's: a lower start.
                    offset = self.options.group_template_offset
                    margin += template_shift(score, s_keys, self.options, with_emb, offset)
                if self.options.day_conflict and dated_apart(ev, other):
                    margin -= day_penalty(self.options, with_emb)
                if margin < 0.0 or (best is not None and margin <= best_margin):
                    continue
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
