"""Issue 12 round 25, names: a person span the NER ran from a news outlet's possessive over a full name
("CNN’s Jake Tapper") is the journalist, not the outlet; a person's own possessive before what he owns
still keeps the owner ("Hemsworth’s Norse god", "Elon Musk’s SpaceX"); a role's abbreviation is no part
of a name ("GM Ryan Pace"); a surname typed a body in an article that calls the person by given name is
that person; a bare US body ("State Department") in a story that names a US state is the US body; a last
word joins the possessive full name of its article ("Miami Herald's" ... "Herald"). Sentences
and names are written for the tests (no spaCy model, no shared data)."""

from __future__ import annotations

import pytest

from storyprism.extract.ents import Ent
from storyprism.extract.linking import link_entities
from storyprism.extract.name_spans import grown_spans
from storyprism.records import Mention


def _grown(text: str, span: str) -> list[tuple[str, str]]:
    at = text.index(span)
    return [(e.text, e.label) for e in grown_spans(text, [Ent(at, at + len(span), "PERSON", span)])]


@pytest.mark.parametrize(
    ("text", "span", "person"),
    [
        ("CNN’s Jake Tapper asked the senator.", "CNN’s Jake Tapper", "Jake Tapper"),
        ("Fox News’ Sean Hannity said it.", "Fox News’ Sean Hannity", "Sean Hannity"),
        ("as The Daily Herald's Ann Marie Lee wrote", "Daily Herald's Ann Marie Lee", "Ann Marie Lee"),
    ],
)
def test_an_outlets_journalist_is_the_person(text: str, span: str, person: str) -> None:
    assert _grown(text, span) == [(person, "PERSON")]


@pytest.mark.parametrize(
    ("text", "span", "person"),
    [
        ("Mr. Hemsworth’s Norse god returns.", "Hemsworth’s Norse", "Hemsworth"),
        ("Elon Musk's SpaceX launched.", "Elon Musk's SpaceX", "Elon Musk"),
        ("Barack Obama's White House said no.", "Barack Obama's White House", "Barack Obama"),
    ],
)
def test_a_persons_possessive_keeps_the_owner(text: str, span: str, person: str) -> None:
    assert _grown(text, span) == [(person, "PERSON")]


@pytest.mark.parametrize(
    ("text", "span", "person"),
    [
        ("The Bears extended GM Ryan Pace's contract.", "GM Ryan Pace's", "Ryan Pace's"),
        ("GM CEO Mary Barra said", "GM CEO Mary Barra", "Mary Barra"),
        ("QB Tom Brady threw", "QB Tom Brady", "Tom Brady"),
        # a stage name keeps its first word, and one capitalised word after a role is left alone
        ("DJ Khaled Ali played", "DJ Khaled Ali", "DJ Khaled Ali"),
        ("PM Modi said", "PM Modi", "PM Modi"),
    ],
)
def test_a_role_abbreviation_is_no_part_of_a_name(text: str, span: str, person: str) -> None:
    assert _grown(text, span) == [(person, "PERSON")]


def _m(article: str, text: str, typ: str, start: int = 0) -> Mention:
    return Mention(article, text, typ, start, start + len(text), None)


def test_a_surname_typed_a_body_beside_the_given_name_is_that_person() -> None:
    # an interview calls him "Quentin" (PERSON) and "Tarantino" (typed ORG); the corpus knows the full name
    ms = [_m("a", "Quentin", "PERSON", 0), _m("a", "Tarantino", "ORG", 80), _m("a", "Tarantino", "ORG", 200)]
    ms += [_m("b", "Quentin Tarantino", "PERSON", 0), _m("c", "Quentin Tarantino", "PERSON", 0)]
    ents = {e.id: e for e in link_entities(ms)}
    assert (ents[ms[1].entity or ""].type, ents[ms[1].entity or ""].name) == ("PERSON", "Quentin Tarantino")
    assert ms[0].entity == ms[1].entity == ms[3].entity
    # without the given name in the article, the body reading stands
    ms = [_m("a", "Tarantino", "ORG", 80), _m("a", "Tarantino", "ORG", 200)]
    ms += [_m("b", "Quentin Tarantino", "PERSON", 0), _m("c", "Quentin Tarantino", "PERSON", 0)]
    link_entities(ms)
    assert ms[0].type == "ORG"


def test_a_bare_us_body_in_a_story_set_in_a_us_state_is_the_us_body() -> None:
    ms = [_m("a", "US State Department", "ORG", 0), _m("b", "U.S. State Department", "ORG", 0)]
    ms += [_m("c", "State Department", "ORG", 40), _m("c", "Florida", "GPE", 0)]
    ms += [_m("d", "State Department", "ORG", 40), _m("d", "Georgia", "GPE", 0)]  # a country's name too
    link_entities(ms)
    assert ms[0].entity == ms[1].entity == ms[2].entity
    assert ms[4].entity != ms[0].entity


def test_an_area_closed_by_its_kind_is_a_place() -> None:
    from storyprism.extract.name_works import works

    text = "the police chief of Balkh province said"
    at = text.index("Balkh")
    got = works(text, [Ent(at, at + 5, "PERSON", "Balkh")])
    assert [(e.text, e.label) for e in got] == [("Balkh province", "GPE")]
    # a place the NER typed so keeps its span; a possessive owner is no area's name
    got = works(text, [Ent(at, at + 5, "GPE", "Balkh")])
    assert [(e.text, e.label) for e in got] == [("Balkh", "GPE")]


def test_a_masthead_last_word_joins_the_possessive_full_name() -> None:
    # "read the Miami Herald's piece ... The Herald reports": one paper
    ms = [_m("a", "Miami Herald's", "ORG", 10), _m("a", "Herald", "ORG", 60)]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity
