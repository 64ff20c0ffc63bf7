"""compare_stories: claims, conflicts, summaries, outlet coverage and timelines for every story."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from storyprism.compare import parallel, splits
from storyprism.compare.agents import agent_conflicts
from storyprism.compare.claims import StoryText, build_claims, copied_sentences, story_text
from storyprism.compare.claims_frames import story_frames
from storyprism.compare.conflicts import (
    date_conflicts,
    negation_conflicts,
    rewrite_conflicts,
    speaker_conflicts,
)
from storyprism.compare.deals import deal_conflicts
from storyprism.compare.denials import denial_conflicts
from storyprism.compare.durations import duration_conflicts
from storyprism.compare.omissions import omission_conflicts
from storyprism.compare.opposites import opposite_conflicts
from storyprism.compare.options import CompareOptions
from storyprism.compare.ordinals import ordinal_conflicts
from storyprism.compare.places import place_conflicts
from storyprism.compare.quantities import number_conflicts, polarity_conflicts
from storyprism.compare.schedule import schedule_conflicts
from storyprism.compare.sides import independent
from storyprism.compare.summary import outlet_coverage, summarise, timeline
from storyprism.records import (
    AnalysisData,
    Comparison,
    Conflict,
    DateMention,
    Quote,
    Reuse,
    SentenceFrame,
    Story,
)

T = TypeVar("T")

log = logging.getLogger(__name__)


def compare_stories(
    data: AnalysisData,
    options: CompareOptions,
    progress: Callable[[int, int], None] | None = None,
    only: Collection[str] | None = None,
    timelines_only: Collection[str] = (),
    workers: int | None = None,
) -> Comparison:
    """Compare the sources of every story in ``data`` (or only the stories named in ``only``), and
    give the stories named in ``timelines_only`` just their timeline (their storyline changed, their
    own articles did not: the claims, conflicts and summary they have stand).

    A story whose articles cannot be compared (no text, unknown ids) yields empty results, never an
    error: one odd story must not cost the others their comparison. A story whose comparison raises
    is named in ``failed`` with the reason, and none of its partial results are kept; when only its
    comparison with another story of its storyline raises, it keeps its own records (only that
    pair's conflicts go) and is named in ``failed`` too, so the next run compares it again.

    ``workers`` > 1 (None: ``compare.parallel.using``'s setting, else 1) lets the stories be compared
    in that many forked processes when there is enough text to pay for them (``compare.parallel``);
    the result is the same, in the same order.
    """
    result = Comparison()
    if not options.enabled:
        return result
    corpus = _Corpus(data)
    todo = [s for s in data.stories if only is None or s.id in only]
    partners = splits.candidates(data.stories, data.storylines, corpus.articles)
    # a story's work grows with its text and that of the stories it is compared with (splits)
    weights = [
        sum(len(corpus.articles[a].text or "") for sid in (s.id, *partners.get(s.id, []))
            if sid in corpus.stories for a in corpus.stories[sid].articles if a in corpus.articles)
        for s in todo
    ]
    n = parallel.parallel_workers(parallel.default_workers() if workers is None else workers, sum(weights), len(todo))

    def one(story: Story) -> tuple[Comparison, str | None]:
        return compare_one(data, options, story, corpus, partners.get(story.id, []))

    if n > 1:
        pieces = parallel.run_each(todo, one, weights, n, progress)
    else:
        pieces = []
        for done, story in enumerate(todo):
            if progress is not None:
                progress(done, len(todo))
            pieces.append(one(story))
        if progress is not None:
            progress(len(todo), len(todo))
    for story, (piece, failure) in zip(todo, pieces, strict=True):
        if failure is not None:
            result.failed[story.id] = failure
        for name in _LISTS:
            getattr(result, name).extend(getattr(piece, name))
    for story in data.stories:
        if story.id in timelines_only and only is not None and story.id not in only:
            _story_timeline(data, options, result, story, corpus)
    return result


def compare_one(
    data: AnalysisData, options: CompareOptions, story: Story, corpus: _Corpus, partners: Sequence[str]
) -> tuple[Comparison, str | None]:
    """One story's records, compared with the stories in ``partners`` (``compare.splits``), and why
    it failed (None when it did not). It reads only its own articles and writes only its own records,
    so stories may be compared in any order, in any process."""
    piece = Comparison()
    try:
        _compare_story(data, options, piece, story, corpus)
    except Exception as exc:  # recorded per story and retried next run, never silently skipped
        log.warning("comparison of story %s failed (%s: %s)", story.id, type(exc).__name__, exc)
        # nothing half-done is kept: the story's partial records go with it
        return Comparison(), f"{type(exc).__name__}: {exc}"[:300]
    failure = None
    for other in partners:
        kept = len(piece.conflicts)
        try:
            _compare_split(data, options, piece, story, corpus.stories[other], corpus)
        except Exception as exc:
            # A cross-story comparison reads two stories as one text: its failure says nothing about
            # the story's own comparison, which stands; only the pair's conflicts go, and the story
            # is named as failed so that the next run compares it (and the pair) again.
            log.warning("comparison of story %s with story %s failed (%s: %s)", story.id, other, type(exc).__name__, exc)
            del piece.conflicts[kept:]
            failure = failure or f"with story {other}: {type(exc).__name__}: {exc}"[:300]
    return piece, failure


_LISTS = ("claims", "conflicts", "summaries", "outlet_coverage", "timeline")


class _Corpus:
    """The analysis data indexed by article and story once, so that comparing one story reads only
    its own records (a scan of every number or date per story would grow with corpus x stories)."""

    def __init__(self, data: AnalysisData) -> None:
        self.articles = {a.id: a for a in data.articles}
        self.stories = {s.id: s for s in data.stories}
        self.storyline_of = {sid: line.stories for line in data.storylines for sid in line.stories}
        self.quotes: dict[str, list[Quote]] = {}
        for q in data.extraction.quotes:
            self.quotes.setdefault(q.article, []).append(q)
        self.dates: dict[str, list[DateMention]] = {}
        for d in data.extraction.dates:
            self.dates.setdefault(d.article, []).append(d)
        # what each sentence asserts (``claims_frames``), read off extraction's parse
        self.frames: dict[str, list[SentenceFrame]] = {}
        for f in data.extraction.frames:
            self.frames.setdefault(f.article, []).append(f)
        self.reuse_list = list(data.reuses)
        self.reuses: dict[str, list[int]] = {}  # article -> positions in reuse_list (copies only)
        for k, r in enumerate(self.reuse_list):
            self.reuses.setdefault(r.copy, []).append(k)

    def of(self, table: dict[str, list[T]], article_ids: Iterable[str]) -> list[T]:
        return [x for a in article_ids for x in table.get(a, [])]


def _attach_extraction(st: StoryText, data: AnalysisData, corpus: _Corpus) -> list[Reuse]:
    """Give the story's text what earlier stages found about its sentences: the sentences copied from
    elsewhere (``copied_sentences``) and what each asserts (``story_frames``); return the reuse relations
    among its articles, in the reuse stage's order, as when every relation was scanned."""
    reuses = [corpus.reuse_list[k] for k in sorted(set(corpus.of(corpus.reuses, st.articles)))]
    st.copied = copied_sentences(reuses, data.origins)
    st.frames = story_frames(st.sentences, corpus.of(corpus.frames, st.articles))
    return reuses


def _compare_story(
    data: AnalysisData, options: CompareOptions, result: Comparison, story: Story, corpus: _Corpus
) -> None:
    st = story_text(story, corpus.articles, data.origins, options)
    if not st.articles:
        return
    reuses = _attach_extraction(st, data, corpus)
    quotes: Sequence[Quote] = corpus.of(corpus.quotes, st.articles)
    claims = build_claims(st, quotes, options)
    result.claims.extend(claims)
    conflicts = _detect(st, quotes, corpus.of(corpus.dates, st.articles), reuses, options)
    result.conflicts.extend(conflicts)
    result.summaries.append(summarise(st, claims, options))
    result.outlet_coverage.extend(outlet_coverage(st, claims, options))
    _add_timeline(st, options, result, corpus)


def _compare_split(
    data: AnalysisData, options: CompareOptions, result: Comparison, story: Story, other: Story, corpus: _Corpus
) -> None:
    """Conflicts between ``story`` and ``other``, two stories of one storyline, when they tell one
    happening (``compare.splits``): the two are compared as one text and only the conflicts with one
    side wholly in each story are kept, under ``story`` (``splits.owner``: the first told). The pair
    is compared when the owner is: the pipeline hashes each concurrent sibling's inputs into a
    story's own, so a change to either compares the owner again and its stored conflicts go with it.
    """
    arts = corpus.articles
    if splits.owner(story, other, arts) is not story or not splits.shared_names(story, other, arts):
        return
    if not splits.same_day(splits.story_day(story, arts, corpus.dates), splits.story_day(other, arts, corpus.dates)):
        return
    mine = set(story.articles)
    theirs = set(other.articles) - mine
    merged = Story(id=story.id, title=story.title, articles=[*story.articles, *sorted(theirs, key=other.articles.index)])
    st = story_text(merged, arts, data.origins, options)
    if not (set(st.articles) & mine) or not (set(st.articles) & theirs):
        return
    _attach_extraction(st, data, corpus)
    quotes: Sequence[Quote] = corpus.of(corpus.quotes, st.articles)
    build_claims(st, quotes, options)
    # two tellings of one happening restate some of its facts from independent origins
    shared = sum(
        1
        for (i, j), sim in st.pair_sim.items()
        if sim >= options.claim_threshold
        and (st.sentences[i].article in mine) != (st.sentences[j].article in mine)
        and independent(st, i, j)
    )
    if shared < splits.SHARED_CLAIMS:
        return
    found = [c for c in _detect(st, quotes, corpus.of(corpus.dates, st.articles), [], options) if c.kind != "rewrite-change"]

    def across(c: Conflict) -> bool:
        homes = [{a in mine for a in side.articles} for side in c.sides]
        return len(c.sides) == 2 and all(len(h) == 1 for h in homes) and homes[0] != homes[1]

    # a sentence already on a side of a conflict inside either story: the same disagreement, told once
    told = {(c.kind, side.text) for c in found if not across(c) for side in c.sides}
    for c in found:
        if across(c) and not any((c.kind, side.text) in told for side in c.sides):
            c.about = f"{c.about} (across stories {story.id} and {other.id} of one storyline)"
            result.conflicts.append(c)


def _detect(
    st: StoryText, quotes: Sequence[Quote], dates: Sequence[DateMention], reuses: Sequence[Reuse],
    options: CompareOptions,
) -> list[Conflict]:
    """Every conflict detector over one compared text (a story, or two stories told as one)."""
    conflicts: list[Conflict] = []
    # Quantities are read from the story's sentences with the shared reader (storyprism.text.numbers)
    # rather than taken from the extraction: conflicts need the counted thing and the rounding step.
    conflicts += number_conflicts(st)
    conflicts += deal_conflicts(st)
    conflicts += duration_conflicts(st)
    conflicts += ordinal_conflicts(st)
    conflicts += polarity_conflicts(st)
    conflicts += date_conflicts(st, dates, options)
    conflicts += schedule_conflicts(st)
    conflicts += place_conflicts(st)
    conflicts += agent_conflicts(st)
    negations = negation_conflicts(st, options)
    conflicts += negations
    # a sentence and its plain negation is already a negation conflict: not reported twice
    told = {frozenset(side.text for side in c.sides) for c in negations}
    denials = [c for c in denial_conflicts(st) if frozenset(side.text for side in c.sides) not in told]
    conflicts += denials
    told |= {frozenset(side.text for side in c.sides) for c in denials}
    # "rejected" / "accepted" may already be a negation conflict (the negation list holds "rejected")
    conflicts += [c for c in opposite_conflicts(st) if frozenset(side.text for side in c.sides) not in told]
    conflicts += [c for c in omission_conflicts(st) if frozenset(side.text for side in c.sides) not in told]
    conflicts += speaker_conflicts(st, quotes)
    conflicts += rewrite_conflicts(st, reuses)
    return conflicts


def _add_timeline(st: StoryText, options: CompareOptions, result: Comparison, corpus: _Corpus) -> None:
    line = corpus.storyline_of.get(st.story.id) or [st.story.id]
    line_dates = corpus.of(corpus.dates, [a for sid in line if sid in corpus.stories for a in corpus.stories[sid].articles])
    result.timeline.extend(timeline(st, corpus.stories, line, line_dates, options))


def _story_timeline(
    data: AnalysisData, options: CompareOptions, result: Comparison, story: Story, corpus: _Corpus
) -> None:
    """The timeline alone: it reads the story's articles and dates and its storyline's events, not
    the sentences the rest of the comparison splits and scores."""
    members = {a: corpus.articles[a] for a in story.articles if a in corpus.articles}
    if members:
        st = StoryText(story=story, articles=members, origins={a: data.origins.get(a, a) or a for a in members})
        _add_timeline(st, options, result, corpus)
