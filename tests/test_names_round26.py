"""Issue 12 round 26 (blind read i26a), names: an ocean goes by its first word ("splashed into the
Pacific"), so the bare name and the full one are one place, named in full. Mentions written for the test."""

from __future__ import annotations

from storyprism.extract.linking import link_entities
from storyprism.records import Mention


def test_an_ocean_and_its_first_word_are_one_place() -> None:
    ms = [
        Mention(article="a", text="the Pacific Ocean", type="LOC", start=0, end=17),
        Mention(article="b", text="Pacific Ocean", type="LOC", start=0, end=13),
        Mention(article="c", text="Pacific", type="LOC", start=0, end=7),
        Mention(article="d", text="Atlantic", type="LOC", start=0, end=8),
    ]
    ents = {e.id: e for e in link_entities(ms)}
    assert ms[0].entity == ms[1].entity == ms[2].entity
    assert ents[ms[0].entity or ""].name == "Pacific Ocean"
    assert ms[3].entity != ms[0].entity  # another ocean stays apart
    # a body named like an ocean is no place
    org = [Mention(article="e", text="The Atlantic", type="ORG", start=0, end=12), ms[0]]
    link_entities(org)
    assert org[0].entity != org[1].entity


def test_a_company_name_the_ner_cut_in_two_is_one_body() -> None:
    from storyprism.extract.name_spans import split_bodies
    from storyprism.extract.speakers import Ent

    text = "He worked for a predecessor company to Lockheed Martin, the aerospace company."
    s = text.index("Lockheed")
    ents = [Ent(s, s + 8, "ORG", "Lockheed"), Ent(s + 9, s + 15, "PERSON", "Martin")]
    assert [(e.text, e.label) for e in split_bodies(text, ents)] == [("Lockheed Martin", "ORG")]
    # a credit line's agency and photographer run on with a second capitalised word: two names
    text = "Photo: Reuters Kevin Lamarque"
    s = text.index("Reuters")
    ents = [Ent(s, s + 7, "ORG", "Reuters"), Ent(s + 8, s + 13, "PERSON", "Kevin")]
    assert [e.label for e in split_bodies(text, ents)] == ["ORG", "PERSON"]


def test_the_moon_is_no_person() -> None:
    from storyprism.extract.name_spans import sky_bodies
    from storyprism.extract.speakers import Ent

    text = "The lander will be sent to the Moon in 2018, said President Moon."
    a, b = text.index("Moon"), text.rindex("Moon")
    ents = [Ent(a, a + 4, "PERSON", "Moon"), Ent(b, b + 4, "PERSON", "Moon")]
    assert [e.label for e in sky_bodies(text, ents)] == ["LOC", "PERSON"]
