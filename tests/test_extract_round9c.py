"""Issue 12, names round 9c: places the NER typed as bodies ("X, south east London,", "X, Region's
capital", "from X to Place"), descriptions opened by a demonstrative, place words inside a body's longer
name, occupations that are never surnames before a lone first name, and venues written with and without
"Resort". Texts and names written for the tests; no spaCy run (the rules read the entity list)."""

from __future__ import annotations

import re

from storyprism.extract.linking import link_entities, person_parts
from storyprism.extract.name_signals import venue_key
from storyprism.extract.name_types import drop_non_names, place_appositions
from storyprism.extract.speakers import Ent
from storyprism.records import Mention


def ents_of(text: str, spans: list[tuple[str, str]]) -> list[Ent]:
    """Ents for the given (surface, label) pairs at their first place in the text."""
    out = []
    for surface, label in spans:
        m = re.search(re.escape(surface), text)
        assert m is not None, surface
        out.append(Ent(m.start(), m.end(), label, surface))
    return out


def label_of(ents: list[Ent], surface: str) -> str:
    return next(e.label for e in ents if e.text == surface)


# --- places typed as bodies ------------------------------------------------------------------------


def test_name_before_a_comma_and_a_larger_place_is_a_place() -> None:
    text = "A nurse from Brackenhurst, north west Dorrington, told us what she saw. Brackenhurst was quiet."
    ents = ents_of(text, [("Brackenhurst", "ORG"), ("Dorrington", "GPE")])
    ents.append(Ent(text.rindex("Brackenhurst"), text.rindex("Brackenhurst") + 12, "ORG", "Brackenhurst"))
    out = place_appositions(text, ents)
    assert [e.label for e in out if e.text == "Brackenhurst"] == ["GPE", "GPE"]
    assert label_of(out, "Dorrington") == "GPE"


def test_name_given_as_a_regions_capital_is_a_place_even_if_the_region_is_mistyped() -> None:
    text = "Young people leave for cities such as Velmora, Ostland's capital, every year."
    out = place_appositions(text, ents_of(text, [("Velmora", "ORG"), ("Ostland", "ORG")]))
    assert label_of(out, "Velmora") == "GPE"


def test_company_described_after_a_comma_stays_a_body() -> None:
    # a body's name takes a description ("Ostland's largest carmaker"), not a bare place
    text = "Kestrel Motors, Ostland's largest carmaker, said sales fell. Kestrel Motors, Velmora-based, grew."
    out = place_appositions(text, ents_of(text, [("Kestrel Motors", "ORG"), ("Ostland", "GPE")]))
    assert label_of(out, "Kestrel Motors") == "ORG"


def test_route_end_is_a_place() -> None:
    text = "The tram ran from Brackenhurst to Dorrington when it tipped over."
    out = place_appositions(text, ents_of(text, [("Brackenhurst", "ORG"), ("Dorrington", "GPE")]))
    assert label_of(out, "Brackenhurst") == "GPE"
    # a move between bodies is no route between places
    text2 = "She moved from Kestrel Motors to Pelham Bank last year."
    out2 = place_appositions(text2, ents_of(text2, [("Kestrel Motors", "ORG"), ("Pelham Bank", "ORG")]))
    assert label_of(out2, "Kestrel Motors") == "ORG"


# --- non-names -------------------------------------------------------------------------------------


def test_demonstrative_description_and_place_inside_a_body_name_are_dropped() -> None:
    text = "Even this North Sider smiled. She studied at the Theological Seminary of Ostland and in Ostland."
    ents = ents_of(text, [("this North Sider", "LOC"), ("Ostland", "GPE")])
    last = text.rindex("Ostland")
    ents.append(Ent(last, last + 7, "GPE", "Ostland"))
    out = drop_non_names(text, ents)
    assert [(e.text, e.start) for e in out] == [("Ostland", last)]


# --- persons ---------------------------------------------------------------------------------------


def test_occupation_never_a_surname_is_cut_before_a_lone_first_name() -> None:
    assert person_parts("Comedienne Marla") == ["marla"]
    assert person_parts("Rapper Dax") == ["dax"]
    # a word that is a surname as well stays where only one name word follows
    assert person_parts("Singer Marla") == ["singer", "marla"]


def test_lone_first_name_after_an_occupation_joins_the_full_name_of_its_article() -> None:
    ms = [
        Mention("a", "Marla Quint", "PERSON", 0, 11),
        Mention("a", "Marla", "PERSON", 40, 45),
        Mention("a", "Comedienne Marla", "PERSON", 80, 96),
        Mention("b", "Marla Fenwick", "PERSON", 0, 13),
    ]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity == ms[2].entity
    assert ms[3].entity != ms[0].entity


# --- venues ----------------------------------------------------------------------------------------


def test_resort_tail_is_dropped_from_a_venue_key_but_not_from_a_generic_head() -> None:
    assert venue_key("harlow bay resort") == "harlow bay"
    assert venue_key("harlow bay resort and casino") == "harlow bay"
    assert venue_key("grand casino") == "grand casino"
    assert venue_key("wembley stadium") == "wembley stadium"
    ms = [Mention("a", "Harlow Bay Resort", "LOC", 0, 17), Mention("b", "Harlow Bay", "LOC", 0, 10)]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity
