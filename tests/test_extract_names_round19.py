"""Issue 12 round 19: a state and a city sharing a name, a city standing for its club, a racing team typed
PERSON, document sets and ideas, and a mission clock's reading. Entity spans are built by hand in the
shape the NER gives them (sentences written for the tests; no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.link_types import shared_place_key
from storyprism.extract.linking import link_entities
from storyprism.extract.name_places import city_teams, makes, state_or_city
from storyprism.extract.name_works import works
from storyprism.records import Mention


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


def _m(article: str, text: str, typ: str, start: int = 0) -> Mention:
    return Mention(article, text, typ, start, start + len(text), None)


def test_the_state_is_marked_by_the_text_and_the_bare_name_is_the_city() -> None:
    text = "A town in New York state flooded, as did the state of Washington. Rain fell in Washington, D.C., too."
    ents = [
        _ent(text, "New York", "GPE"),
        _ent(text, "Washington", "GPE"),
        _ent(text, "Washington", "GPE", 1),
        _ent(text, "D.C.", "GPE"),
    ]
    assert [(e.text, e.label) for e in state_or_city(text, ents)] == [
        ("New York state", "GPE"),
        ("state of Washington", "GPE"),
        ("Washington, D.C.", "GPE"),
    ]
    # a town written with its state as an address: the town, a place, and the state (round 19's review:
    # a grown "Elmbrook, New York" split the town from its bare mentions); a list of states is not one
    text = "A family from Elmbrook, New York, was on board. Snow hit Maine, Vermont, New York, and Ohio."
    ents = [
        _ent(text, "Elmbrook", "ORG"),
        _ent(text, "New York", "GPE"),
        _ent(text, "Maine", "GPE"),
        _ent(text, "Vermont", "GPE"),
        _ent(text, "New York", "GPE", 1),
        _ent(text, "Ohio", "GPE"),
    ]
    assert [(e.text, e.label) for e in state_or_city(text, ents)][:2] == [
        ("Elmbrook", "GPE"),
        ("New York state", "GPE"),
    ]
    assert [e.text for e in state_or_city(text, ents)][2:] == [
        "Maine",
        "Vermont",
        "New York state",
        "Ohio",
    ]
    # coordinated with a state or before a state's officer, the name is the state's (its span unchanged)
    text = "Families from New York and Florida died. New York Gov. Ann Roe spoke. Flights left New York and Tokyo."
    ents = [_ent(text, "New York", "GPE", n) for n in range(3)]
    out = state_or_city(text, ents)
    assert [e.text for e in out] == ["New York state", "New York state", "New York"]
    assert [(e.start, e.end) for e in out] == [(e.start, e.end) for e in ents]


def test_link_keys_part_the_state_from_the_city_and_join_the_citys_spellings() -> None:
    assert shared_place_key("new york") == shared_place_key("new york city") == shared_place_key("nyc")
    assert (
        shared_place_key("new york state")
        == shared_place_key("state of new york")
        != shared_place_key("new york")
    )
    assert (
        shared_place_key("washington, d.c")
        == shared_place_key("washington")
        == shared_place_key("washington dc")
    )
    assert shared_place_key("dc") == "dc"  # alone, it may be the comics publisher
    assert shared_place_key("state of washington") == "washington state"
    assert shared_place_key("elmbrook, new york") == "elmbrook"
    assert shared_place_key("state of bavaria") == "state of bavaria"  # only names a city shares
    ms = [
        _m("a", "New York", "GPE"),
        _m("b", "New York City", "GPE"),
        _m("c", "New York state", "GPE"),
        _m("d", "Washington", "GPE"),
        _m("e", "Washington, D.C.", "GPE"),
        _m("f", "state of Washington", "GPE"),
    ]
    ents = {e.id: e.name for e in link_entities(ms)}
    names = [ents[m.entity] for m in ms if m.entity]
    assert names[0] == names[1] == "New York City" and names[2] == "New York state"
    assert names[3] == names[4] == "Washington" and names[5] == "state of Washington"


def test_a_city_that_scores_or_is_beaten_in_a_game_story_is_the_club_named_after_it() -> None:
    text = (
        "The Hawks won 8-7 in ten innings over the Elmbrook Owls. Elmbrook had led the series 3-1. The Hawks "
        "beat Elmbrook at home, and in Elmbrook, fans wept. The Elmbrook Bears and the Owls wept too."
    )
    ents = [
        _ent(text, "Elmbrook Owls", "ORG"),
        _ent(text, "Elmbrook Bears", "ORG"),
        _ent(text, "Owls", "NORP", 1),
    ]
    ents += [_ent(text, "Elmbrook", "GPE", n) for n in range(1, 4)]
    out = [(e.label, e.text) for e in city_teams(text, ents) if e.label != "NORP"][2:]
    assert out == [("ORG", "Elmbrook Owls"), ("ORG", "Elmbrook Owls"), ("GPE", "Elmbrook")]
    # no club named after the place, or no score or record in the text: the city stays
    text = "The Hawks won 8-7. Elmbrook had led the series 3-1."
    assert [e.label for e in city_teams(text, [_ent(text, "Elmbrook", "GPE")])] == ["GPE"]
    text = "Elmbrook had led the region in jobs. Rivals beat Elmbrook to the plant, said the Elmbrook Owls."
    ents = [_ent(text, "Elmbrook", "GPE", n) for n in range(2)] + [_ent(text, "Elmbrook Owls", "ORG")]
    assert [e.label for e in city_teams(text, ents)] == ["GPE", "GPE", "ORG"]


def test_a_name_before_driver_or_car_is_a_team_in_the_whole_article() -> None:
    text = "Rossi's Calder car crashed. Rossi joined Calder in 2014."
    ents = [_ent(text, "Calder", "PERSON", n) for n in range(2)] + [_ent(text, "Rossi", "PERSON")]
    assert [e.label for e in makes(text, ents)] == ["ORG", "ORG", "PERSON"]
    text = "Fans cheered their star Calder driver. Rossi joined Calder in 2014."
    ents = [_ent(text, "Calder", "PERSON", n) for n in range(2)]
    assert [e.label for e in makes(text, ents)] == ["ORG", "ORG"]
    # an owner's possessive names a person's car, not a team's
    text = "Calder's car was towed. Calder said he would appeal."
    ents = [_ent(text, "Calder", "PERSON"), _ent(text, "Calder", "PERSON", 1)]
    assert [e.label for e in makes(text, ents)] == ["PERSON", "PERSON"]


def test_document_sets_and_ideas_are_no_names_and_wild_places_keep_their_kind() -> None:
    text = (
        "More than Offshore Leaks and Lux Leaks, the Ardent Papers shook banks. The Ardent report named "
        "ministers. Ardent denied it. In his theory of General Relativity. Troops entered the Sambisa forest."
    )
    ents = [
        _ent(text, "Offshore Leaks", "ORG"),
        _ent(text, "Lux Leaks", "PERSON"),
        _ent(text, "the Ardent Papers", "LOC"),
        _ent(text, "Ardent", "GPE", 1),
        _ent(text, "Ardent", "GPE", 2),
        _ent(text, "General Relativity", "ORG"),
        _ent(text, "Sambisa", "ORG"),
    ]
    out = [(e.text, e.label) for e in works(text, ents)]
    assert out == [("Ardent", "GPE"), ("Sambisa forest", "LOC")]
    # a kin word's "law" is no law of nature; a city before a kind word is the city
    text = "The son-in-law of Zhang owns it. The plane fell into Sydney river."
    ents = [_ent(text, "Zhang", "PERSON"), _ent(text, "Sydney", "GPE")]
    assert [(e.text, e.label) for e in works(text, ents)] == [("Zhang", "PERSON"), ("Sydney", "GPE")]
