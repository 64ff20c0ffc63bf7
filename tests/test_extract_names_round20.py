"""Issue 12 round 20: one name per thing. A group's name cut at its people's word, a person's full name
typed a body, a surname typed a people, a nationality typed a body, a name written without its last word,
and a ship typed a body. Mentions and entity spans are built by hand in the shape the NER gives them
(sentences and names written for the tests; no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.name_context import products
from storyprism.extract.name_spans import grown_spans
from storyprism.extract.name_types import known_countries


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


def test_a_peoples_word_before_a_capitalised_body_noun_is_the_bodys_name() -> None:
    text = "Channels close to the Islamic State cheered, and the Veldish Army’s units moved north."
    out = grown_spans(text, [_ent(text, "Islamic", "NORP"), _ent(text, "Veldish", "NORP")])
    assert [(e.text, e.label) for e in out] == [("Islamic State", "ORG"), ("Veldish Army", "ORG")]
    # a lowercase noun is a kind ("an Islamic state"); a title leads a person; a longer capitalised name is
    # not guessed; a noun another entity holds is left to it
    for text, extra in (
        ("They dreamt of an Islamic state in the north.", None),
        ("The Islamic President Omar Dunne spoke.", None),
        ("The Veldish State Council met.", None),
        ("The Veldish State group spoke.", ("State", "ORG")),
    ):
        ents = [_ent(text, text.split()[1] if text.startswith("The") else "Islamic", "NORP")]
        if extra:
            ents.append(_ent(text, *extra))
        assert grown_spans(text, ents)[0].label == "NORP", text


def test_a_nationality_typed_a_body_is_a_people() -> None:
    text = "One member, Uruguayan lawyer Tomas Perelli, and the Kenyan federation left; Brazilian Motors won."
    ents = [
        _ent(text, "Uruguayan", "ORG"),
        _ent(text, "Kenyan", "ORG"),
        _ent(text, "Brazilian Motors", "ORG"),
    ]
    assert [e.label for e in known_countries(ents)] == ["NORP", "NORP", "ORG"]


def test_a_ship_is_no_body() -> None:
    text = "The report said the KOLAR docked at Portvale twice. Later the KOLAR left port."
    ents = [_ent(text, "KOLAR", "ORG"), _ent(text, "KOLAR", "ORG", 1), _ent(text, "Portvale", "GPE")]
    assert [e.text for e in products(text, ents)] == ["Portvale"]
    text = "Officials held the Panama-flagged tanker Vesta Rune at the port."
    assert products(text, [_ent(text, "Vesta Rune", "ORG")]) == []
    # a company that sails nothing stays; "ship" as a verb names no vessel
    text = "The firm said Maersk docked nothing; it will ship Orvane phones and the Orvane said so."
    ents = [_ent(text, "Maersk", "ORG"), _ent(text, "Orvane", "ORG")]
    assert [e.text for e in products(text, ents)] == ["Maersk", "Orvane"]
