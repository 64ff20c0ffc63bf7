"""Issue 12 round 24, names: a doubled article ("the The Daily Courier") is dropped when names are keyed, a
joint institution's full name ("X Zoo & Botanical Garden") is its first part where the corpus writes that
alone, and a place-typed name written as a rocket's model ("a Zenit carrier rocket") is no place. Names
and sentences are written for the tests (no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.link_types import joined_institutions
from storyprism.extract.linking import link_entities
from storyprism.extract.name_context import vehicle_models
from storyprism.extract.name_signals import norm
from storyprism.records import Mention


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


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


def test_a_rocket_model_is_no_place() -> None:
    text = "The satellite went up with a Zenit carrier rocket. The Zenit failed. The Varna rocket was late."
    ents = [_ent(text, "Zenit", "GPE"), _ent(text, "Zenit", "GPE", 1), _ent(text, "Varna", "GPE")]
    assert vehicle_models(text, ents) == []


def test_places_before_a_rocket_stay_places() -> None:
    text = (
        "A Kazakhstan rocket, an ESA booster and the Korla missile went up. Troops in Korla waited. "
        "Velm missile attack feared."
    )
    ents = [
        _ent(text, "Kazakhstan", "GPE"),  # a country
        _ent(text, "ESA", "ORG"),
        _ent(text, "Korla", "GPE"),  # the text writes "in Korla"
        _ent(text, "Korla", "GPE", 1),
        _ent(text, "Velm", "GPE"),  # no article: a target
    ]
    assert vehicle_models(text, ents) == ents
