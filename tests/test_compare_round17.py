"""Round 17 of conflicts: one pair test and one report-once test for the detectors (compare/sides.py).

Every text here is made up for these tests.
"""

from __future__ import annotations

from compare_helpers import compare_one_story
from storyprism.compare.claims import StoryText
from storyprism.compare.sides import first_time, opposable
from storyprism.compare.text import SentenceSpan
from storyprism.records import Article, Story

_PAD = (
    "Crowds lined the river bank to watch the regatta on Saturday afternoon.\n"
    "Stewards in yellow jackets kept the towpath clear for the rowing crews.\n"
)


def _story(published: dict[str, str], origins: dict[str, str]) -> StoryText:
    """Three sentences, one per article ``a``, ``b``, ``c``, plus a second one of ``a``."""
    articles = {aid: Article(id=aid, ref=f"{aid}.txt", title=aid, text="x", published=when)
                for aid, when in published.items()}
    st = StoryText(story=Story(id="s1", title="Regatta", articles=list(articles)), articles=articles, origins=origins)
    texts = [("a", "The home crew won the final by a length."), ("b", "The home crew lost the final by a length."),
             ("c", "The visiting crew lost the final by a length."), ("a", "The final ended in the rain.")]
    for k, (aid, text) in enumerate(texts):
        st.sentences.append(SentenceSpan(aid, k, text, 0, len(text)))
        st.tokens.append(text.lower().split())
    return st


def test_opposable_needs_other_articles_other_origins_and_the_update_gap() -> None:
    st = _story(
        {"a": "2024-05-04T10:00:00", "b": "2024-05-04T18:00:00", "c": "2024-05-07T10:00:00"},
        {"a": "a", "b": "b", "c": "c"},
    )
    assert opposable(st, 0, 1)  # two newsrooms, eight hours apart
    assert not opposable(st, 0, 3)  # one article's two sentences
    assert not opposable(st, 0, 2)  # three days apart: the later may be an update
    copy = _story({"a": "2024-05-04T10:00:00", "b": "2024-05-04T12:00:00", "c": "2024-05-04T12:00:00"},
                  {"a": "a", "b": "a", "c": "c"})
    assert not opposable(copy, 0, 1)  # a copy of one origin disagreeing with it is a rewrite's change
    assert opposable(copy, 0, 2)


def test_first_time_records_and_reports_each_key_once() -> None:
    seen: set[tuple[str, str]] = set()
    assert first_time(seen, ("x", "y"))
    assert not first_time(seen, ("x", "y"))
    assert first_time(seen, ("y", "x"))  # the order is the caller's: a pair in either order is two keys
    assert seen == {("x", "y"), ("y", "x")}


def test_an_opposite_outcome_repeated_by_two_copies_is_reported_once() -> None:
    # the detectors now share the pair test and the report-once test: a won/lost pair from two
    # newsrooms is one conflict, whatever the second copy of one side adds
    r = compare_one_story(
        {
            "a": "The home crew won the final against the visiting crew on the river.",
            "b": "The home crew lost the final against the visiting crew on the river.",
            "c": "The home crew lost the final against the visiting crew on the river.",
        },
        padding=_PAD,
        title="Regatta final",
        when="2024-05-04T10:00:00",
        origins={"a": "a", "b": "b", "c": "b"},
    )
    polar = [c for c in r.conflicts if c.kind == "polarity"]
    assert len(polar) == 1
    assert sorted(len(s.articles) for s in polar[0].sides) in ([1, 1], [1, 2])
