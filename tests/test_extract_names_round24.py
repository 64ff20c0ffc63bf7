"""Issue 12 round 24, names: a doubled article ("the The Daily Courier") is dropped when names are keyed.
Names are written for the tests (no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.linking import link_entities
from storyprism.extract.name_signals import norm
from storyprism.records import Mention


def _m(article: str, text: str, typ: str) -> Mention:
    return Mention(article, text, typ, 0, len(text), None)


def test_a_doubled_article_is_dropped() -> None:
    assert norm("the The Daily Courier") == norm("The Daily Courier") == "daily courier"
    assert norm("Theodore Hall") == "theodore hall"  # "The" only as a word


def test_a_doubled_article_joins_the_paper() -> None:
    ms = [
        _m("a", "Daily Courier", "ORG"),
        _m("b", "The Daily Courier", "ORG"),
        _m("c", "the The Daily Courier", "ORG"),
    ]
    ents = link_entities(ms)
    assert ms[0].entity == ms[1].entity == ms[2].entity
    assert next(e for e in ents if e.id == ms[0].entity).name == "Daily Courier"
