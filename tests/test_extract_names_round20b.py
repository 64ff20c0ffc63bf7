"""Names typed against what the text says of them: a one-word name the NER typed a place where the story
writes what only a person does or has (invented sentences)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.name_types import place_appositions
from storyprism.extract.name_votes import lone_persons


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Ent(start, start + len(name), label, name)


def test_a_one_word_name_with_a_persons_deed_is_a_person() -> None:
    text = "Zorvella is mourning her uncle. Later, Zorvella visited the island where Zorvella grew up."
    ents = [_ent(text, "Zorvella", "GPE", i) for i in range(3)]
    assert [e.label for e in lone_persons(text, ents)] == ["PERSON"] * 3


def test_a_captioned_clip_and_a_new_album_are_a_persons() -> None:
    text = "Kestra captioned a clip on Monday. Fans of Dalvio's new album queued overnight."
    ents = [_ent(text, "Kestra", "GPE"), _ent(text, "Dalvio", "LOC")]
    assert [e.label for e in lone_persons(text, ents)] == ["PERSON", "PERSON"]


def test_a_town_or_a_country_stays_a_place() -> None:
    # a town's fans and concert are a club's and a venue's; a country is a place whatever follows it
    text = "Brindleton's fans cheered at Brindleton's concert hall. France's son was born in Lyon."
    ents = [_ent(text, "Brindleton", "GPE"), _ent(text, "Brindleton", "GPE", 1), _ent(text, "France", "GPE")]
    assert [e.label for e in lone_persons(text, ents)] == ["GPE", "GPE", "GPE"]


def test_a_city_that_posted_a_score_stays_a_place() -> None:
    # a club goes by its city's name in a game story: "posted" a score or a record is no person's deed
    text = "Harlow posted a 24-7 win at home. Fans in Harlow celebrated."
    ents = [_ent(text, "Harlow", "GPE"), _ent(text, "Harlow", "GPE", 1)]
    assert [e.label for e in lone_persons(text, ents)] == ["GPE", "GPE"]


def test_a_name_after_suburb_of_is_a_place_in_every_mention() -> None:
    text = "A family from the Ohio suburb of Quillmere died. Neighbours in Quillmere held a vigil."
    ents = [_ent(text, "Quillmere", "ORG"), _ent(text, "Quillmere", "ORG", 1)]
    assert [e.label for e in place_appositions(text, ents)] == ["GPE", "GPE"]


def test_a_body_named_in_a_town_stays_a_body() -> None:
    text = "Tavrex, a firm in the town, said profits rose."
    assert place_appositions(text, [_ent(text, "Tavrex", "ORG")])[0].label == "ORG"
