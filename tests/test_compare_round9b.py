"""Round 9b of claims: a sentence is linked to another article only through that article's closest
sentence to it, so a related line about the same subject does not lend one article's key point the
other's support.

Every text here is made up for these tests.
"""

from __future__ import annotations

from storyprism.compare import CompareOptions
from storyprism.compare.claims import NEAR_VERBATIM, StoryText, cluster
from storyprism.compare.text import SentenceSpan
from storyprism.records import Article, Story


def _story(sentences: list[tuple[str, str]]) -> StoryText:
    ids = sorted({a for a, _ in sentences})
    story = Story(id="s", title="t", articles=ids)
    arts = {x: Article(id=x, ref=x, title="t", text="-") for x in ids}
    st = StoryText(story=story, articles=arts, origins={x: x for x in ids})
    index: dict[str, int] = {}
    for article, text in sentences:
        st.sentences.append(SentenceSpan(article, index.get(article, 0), text, 0, len(text)))
        index[article] = index.get(article, 0) + 1
    return st


def test_a_related_line_of_an_article_that_states_the_claim_elsewhere_is_not_linked():
    st = _story([
        ("a", "The harbour board says the new ferry will carry four hundred cars on each crossing."),
        ("b", "The new ferry will carry four hundred cars on each crossing, the harbour board said."),
        ("b", "The harbour board picked the new ferry after a tender that lasted most of the winter."),
    ])
    # "a" reads close enough to both lines of "b" to pass the claim threshold, but "b" states what
    # "a" says in its first line; its second line is about the same ferry, not the same statement.
    threshold = CompareOptions().claim_threshold
    st.pair_sim = {(0, 1): 0.8, (0, 2): threshold + 0.06}
    assert cluster(st, CompareOptions()) == [[0, 1], [2]]


def test_the_closest_line_of_each_article_is_still_linked():
    st = _story([
        ("a", "The harbour board says the new ferry will carry four hundred cars on each crossing."),
        ("b", "The harbour board picked the new ferry after a tender that lasted most of the winter."),
        ("c", "Each crossing of the new ferry will take four hundred cars, according to the board."),
    ])
    threshold = CompareOptions().claim_threshold
    # "b" has no closer line to "a" than this one: a paraphrase near the threshold is linked as before
    st.pair_sim = {(0, 1): threshold + 0.02, (0, 2): 0.7, (1, 2): threshold + 0.01}
    assert cluster(st, CompareOptions()) == [[0, 1, 2]]


def test_a_near_verbatim_pair_is_linked_whatever_else_its_article_says():
    st = _story([
        ("a", "The new ferry will carry four hundred cars on each crossing, the harbour board said."),
        ("b", "The new ferry will carry four hundred cars on each crossing, the harbour board said."),
        ("b", "The new ferry will carry four hundred cars on every crossing, the harbour board said."),
    ])
    st.pair_sim = {(0, 1): 1.0, (0, 2): NEAR_VERBATIM}
    assert cluster(st, CompareOptions()) == [[0, 1, 2]]
