"""Corroboration covers the figures a claim is worded with (compare/claims.py), real encoder."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.compare.claims import _figures, _states_figures
from storyprism.records import AnalysisData, Article, Extraction, Story, Storyline
from storyprism.text.numbers import read_quantities


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


def _of(text: str) -> tuple:
    return _figures(read_quantities(text), text)


def test_a_figure_or_day_only_one_origin_gives_is_not_corroborated():
    assert _states_figures(_of("It cost $5 billion on Monday."), _of("On Monday it cost about $5 billion."))
    assert not _states_figures(_of("It cost $5 billion."), _of("It cost a lot."))
    assert not _states_figures(_of("Contact was lost on Wednesday."), _of("Contact was restored on Friday."))
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


def test_a_rewrite_quoting_what_it_credits_to_a_report_in_the_story_relays_that_report():
    articles = [
        Article(id="a", ref="a", title="Crash", outlet="nytimes.com", url="https://www.nytimes.com/x",
                published="2024-03-04T10:00:00",
                text="\u201cThe director came into my trailer and did not like to hear no,\u201d the actress says.\n"
                     "She was hurt in the crash."),
        Article(id="b", ref="b", title="Crash", outlet="deadline.com", url="https://deadline.com/x",
                published="2024-03-05T10:00:00",
                text="The director called the crash the biggest regret of his life.\nHe said he was sorry."),
        Article(id="c", ref="c", title="Crash", outlet="indiewire.com", url="https://www.indiewire.com/x",
                published="2024-03-05T12:00:00",
                text="The director called the crash the biggest regret of his life.\n"
                     "\u201cThe director came into my trailer and did not like to hear no,\u201d the actress told The "
                     "New York Times."),
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="s", title="Crash", articles=["a", "b", "c"], storyline="l")],
        storylines=[Storyline(id="l", title="Crash", stories=["s"])],
        origins={"a": "a", "b": "b", "c": "b"},  # c rewrites b's interview
        extraction=Extraction(),
    )
    claims = compare_stories(data, CompareOptions()).claims
    trailer = [c for c in claims if "trailer" in c.text]
    assert len(trailer) == 1 and set(trailer[0].articles) == {"a", "c"}
    assert trailer[0].independent_support == 1, trailer[0].origins  # c relays the Times for this quote
