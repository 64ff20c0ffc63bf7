"""Corroboration covers the figures a claim is worded with (compare/claims.py), real encoder."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.compare.claims import _figures, _states_figures
from storyprism.records import AnalysisData, Article, Extraction, Story, Storyline


def _compare(a_text: str, b_text: str) -> list:
    articles = [
        Article(id="a", ref="a", title="Bridge budget", text=a_text, outlet="Daily A", published="2024-03-04T18:00:00"),
        Article(id="b", ref="b", title="Bridge budget", text=b_text, outlet="Courier B", published="2024-03-04T20:00:00"),
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="s", title="Bridge budget", articles=["a", "b"], storyline="l")],
        storylines=[Storyline(id="l", title="Bridge", stories=["s"])],
        origins={"a": "a", "b": "b"},
        extraction=Extraction(),
    )
    return compare_stories(data, CompareOptions()).claims


def test_a_figure_or_day_only_one_origin_gives_is_not_corroborated():
    assert _states_figures(_figures("It cost $5 billion on Monday."), _figures("On Monday it cost about $5 billion."))
    assert not _states_figures(_figures("It cost $5 billion."), _figures("It cost a lot."))
    assert not _states_figures(_figures("Contact was lost on Wednesday."), _figures("Contact was restored on Friday."))
    # the figure-free wording both state is the one shown as corroborated
    claims = _compare(
        "The city council approved a budget of $148.9 million for the harbour bridge repair.\nFishermen are worried.",
        "The city council approved a budget for repairing the harbour bridge.\nCommuters are relieved.",
    )
    budget = [c for c in claims if "budget" in c.text]
    assert len(budget) == 1 and budget[0].independent_support == 2, [(c.text, c.independent_support) for c in claims]
    assert "$148.9" not in budget[0].text
    # two days for one statement: no wording both give, so nothing is corroborated
    claims = _compare(
        "The city council approved the harbour bridge budget on Monday.\nFishermen are worried.",
        "The city council approved the harbour bridge budget on Friday.\nCommuters are relieved.",
    )
    assert all(c.independent_support == 1 for c in claims), [(c.text, c.independent_support) for c in claims]
