"""One story of made-up articles through the comparison stage, for the compare tests."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.records import AnalysisData, Article, Comparison, Story


def compare_one_story(
    texts: dict[str, str],
    *,
    padding: str,
    title: str,
    when: str,
    origins: dict[str, str] | None = None,
    published: dict[str, str] | None = None,
) -> Comparison:
    """Compare ``texts`` (article id -> body, each after ``padding``) as the one story ``title``;
    every article is its own origin unless ``origins`` says otherwise, and published at ``when``
    unless ``published`` gives its date."""
    published = published or {}
    articles = [
        Article(
            id=aid, ref=f"{aid}.txt", title=f"Report {aid}", text=padding + text, outlet=f"Paper {aid.upper()}",
            published=published.get(aid, when),
        )
        for aid, text in texts.items()
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="s1", title=title, articles=list(texts))],
        origins=origins or {aid: aid for aid in texts},
    )
    return compare_stories(data, CompareOptions())
