"""Issue 12 round 19, review of the round's place rules: a state in a list of towns' addresses, a state
that opens a longer name, an address-like key that is no shared name, and the law of a jurisdiction.
Entity spans are built by hand in the shape the NER gives them (sentences written for the tests)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.link_types import undouble
from storyprism.extract.name_places import makes, state_or_city
from storyprism.extract.name_works import works
from storyprism.records import Mention


def _ents(text: str, *specs: tuple[str, str]) -> list[Ent]:
    out, at = [], 0
    for name, label in specs:
        at = text.index(name, at)
        out.append(Ent(at, at + len(name), label, name))
        at += len(name)
    return out


def _names(text: str, *specs: tuple[str, str]) -> list[str]:
    return [e.text for e in state_or_city(text, _ents(text, *specs))]


def test_a_state_closing_a_towns_address_makes_no_list_of_states() -> None:
    # "Town, State, and X": a list of towns, so the shared name stays the city
    text = "The firm has offices in Elmbrook, Texas, and New York."
    assert _names(text, ("Elmbrook", "GPE"), ("Texas", "GPE"), ("New York", "GPE"))[-1] == "New York"
    # a list of states still marks the state, and so does a state with no comma after it
    text = "Storms hit Maine, Vermont, New York and Ohio."
    specs = [("Maine", "GPE"), ("Vermont", "GPE"), ("New York", "GPE"), ("Ohio", "GPE")]
    assert _names(text, *specs)[2] == "New York state"
    text = "Yesterday, Texas and New York sued the agency."
    assert _names(text, ("Texas", "GPE"), ("New York", "GPE"))[-1] == "New York state"


def test_a_state_word_that_opens_a_longer_name_is_no_state_in_the_list() -> None:
    text = "Fans flew in from New York and Kansas City for the final."
    assert _names(text, ("New York", "GPE"), ("Kansas City", "GPE"))[0] == "New York"
    text = "Scouts from Washington, Ohio State and Boston College came."
    assert _names(text, ("Washington", "GPE"), ("Ohio State", "ORG"), ("Boston College", "ORG"))[0] == "Washington"
    text = "Families from New York and Florida came."
    assert _names(text, ("New York", "GPE"), ("Florida", "GPE"))[0] == "New York state"


def test_a_town_the_ner_typed_a_body_is_a_place_in_every_mention_once_its_address_shows_it() -> None:
    # the town keeps its own span and text, so the corpus vote counts it with its bare mentions (a grown
    # "Elmbrook, New York" was a name of its own and left the bare "Elmbrook" a body: one town split)
    text = "A family from Elmbrook, New York, died. In Elmbrook, neighbours held a vigil. The Acme Corp, a firm."
    ents = _ents(text, ("Elmbrook", "ORG"), ("New York", "GPE"), ("Elmbrook", "ORG"), ("Acme Corp", "ORG"))
    out = [(e.text, e.label, text[e.start : e.end]) for e in state_or_city(text, ents)]
    assert out == [
        ("Elmbrook", "GPE", "Elmbrook"),
        ("New York state", "GPE", "New York"),
        ("Elmbrook", "GPE", "Elmbrook"),
        ("Acme Corp", "ORG", "Acme Corp"),
    ]


def test_a_place_after_the_laws_of_is_whose_law_it_is() -> None:
    text = "The fund is set up under the laws of Delaware and follows the law of Islam, unlike the theory of Flux."
    ents = _ents(text, ("Delaware", "GPE"), ("Islam", "NORP"), ("Flux", "ORG"))
    assert [(e.text, e.label) for e in works(text, ents)] == [("Delaware", "GPE"), ("Islam", "NORP")]


def test_a_name_after_an_honorific_is_a_persons_though_a_car_follows_it() -> None:
    text = "Police found the Brandt car by the river. Mr Brandt said his son had borrowed it."
    ents = _ents(text, ("Brandt", "PERSON"), ("Brandt", "PERSON"))
    assert [e.label for e in makes(text, ents)] == ["PERSON", "PERSON"]
    text = "The Brandt driver retired on lap 40. Rossi joined Brandt in 2014."
    ents = _ents(text, ("Brandt", "PERSON"), ("Brandt", "PERSON"))
    assert [e.label for e in makes(text, ents)] == ["ORG", "ORG"]


def test_a_text_written_as_what_its_span_stands_for_keeps_its_offsets() -> None:
    # a name whose text says more than its span (name_places writes a city as its club) is never cut by
    # its text's length; a text that is its span's still is
    club = Mention("a", "Owls Owls", "ORG", 40, 44)
    page = Mention("a", "Acme Acme", "ORG", 0, 9)
    assert undouble([club, page]) == 1
    assert (club.text, club.start, club.end) == ("Owls Owls", 40, 44)
    assert (page.text, page.start, page.end) == ("Acme", 0, 4)
