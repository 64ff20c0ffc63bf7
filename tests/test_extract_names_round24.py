"""Issue 12 round 24, names: a doubled article ("the The Daily Courier") is dropped when names are keyed, and a
joint institution's full name ("X Zoo & Botanical Garden") is its first part where the corpus writes that
alone. Names are written for the tests (no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.link_types import joined_institutions
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


def test_a_joint_institution_is_its_first_part() -> None:
    keys: list[str | None] = [
        "org|dunmore zoo & botanical garden",
        "org|dunmore zoo",
        "org|halden museum and sculpture garden",
        "org|halden museum",
        "org|university of brill and hale college",  # "of": other bodies
        "org|university of brill",
        "place|kell park and kell gardens",  # places stay apart
        "place|kell park",
        "org|ferro zoo and aquarium",  # the short part never written alone
    ]
    got = joined_institutions(keys)
    assert got[0] == got[1] == "org|dunmore zoo"
    assert got[2] == "org|halden museum"
    assert got[4] == "org|university of brill and hale college"
    assert got[6] == "place|kell park and kell gardens"
    assert got[8] == "org|ferro zoo and aquarium"


def test_a_joint_institution_joins_in_linking() -> None:
    ms = [
        _m("a", "Dunmore Zoo", "ORG"),
        _m("b", "Dunmore Zoo & Botanical Garden", "ORG"),
        _m("c", "Dunmore Zoo", "ORG"),
    ]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity
