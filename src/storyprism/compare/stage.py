"""compare_stories: claims, conflicts, summaries, outlet coverage and timelines for every story."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from storyprism.compare.claims import build_claims, story_text
from storyprism.compare.conflicts import (
    date_conflicts,
    negation_conflicts,
    number_conflicts,
    rewrite_conflicts,
    speaker_conflicts,
)
from storyprism.compare.numbers import read_numbers
from storyprism.compare.options import CompareOptions
from storyprism.compare.summary import outlet_coverage, summarise, timeline
from storyprism.records import AnalysisData, Comparison, Conflict, Quote, Story

log = logging.getLogger(__name__)


def compare_stories(data: AnalysisData, options: CompareOptions) -> Comparison:
    """Compare the sources of every story in ``data``.

    A story whose articles cannot be compared (no text, unknown ids) yields empty results, never an
    error: one odd story must not cost the others their comparison.
    """
    result = Comparison()
    if not options.enabled:
        return result
    articles = {a.id: a for a in data.articles}
    stories = {s.id: s for s in data.stories}
    storyline_of = {sid: line.stories for line in data.storylines for sid in line.stories}
    quotes_by_article: dict[str, list[Quote]] = {}
    for q in data.extraction.quotes:
        quotes_by_article.setdefault(q.article, []).append(q)
    for story in data.stories:
        try:
            _compare_story(data, options, result, story, articles, stories, storyline_of, quotes_by_article)
        except Exception:  # pragma: no cover - defensive: report and carry on with the next story
            log.exception("comparison of story %s failed; it is left without claims", story.id)
    return result


def _compare_story(
    data: AnalysisData,
    options: CompareOptions,
    result: Comparison,
    story: Story,
    articles: dict,
    stories: dict,
    storyline_of: dict,
    quotes_by_article: dict[str, list[Quote]],
) -> None:
    st = story_text(story, articles, data.origins, options)
    if not st.articles:
        return
    quotes: Sequence[Quote] = [q for a in st.articles for q in quotes_by_article.get(a, [])]
    claims = build_claims(st, quotes, options)
    result.claims.extend(claims)
    conflicts: list[Conflict] = []
    numbers = [n for n in data.extraction.numbers if n.article in st.articles]
    if not numbers and options.read_numbers:
        numbers = read_numbers(st.sentences)  # no extraction for this story: read counts ourselves
    conflicts += number_conflicts(st, numbers, options)
    conflicts += date_conflicts(st, data.extraction.dates, options)
    conflicts += negation_conflicts(st, options)
    conflicts += speaker_conflicts(st, quotes)
    conflicts += rewrite_conflicts(st, data.reuses)
    result.conflicts.extend(conflicts)
    result.summaries.append(summarise(st, claims, options))
    result.outlet_coverage.extend(outlet_coverage(st, claims, options))
    line = storyline_of.get(story.id) or [story.id]
    result.timeline.extend(timeline(st, stories, line, data.extraction.dates, options))
