"""Issue 12 round 20: one name per thing. A group's name cut at its people's word, a person's full name
typed a body, a surname typed a people, a nationality typed a body, a name written without its last word,
and a ship typed a body. Mentions and entity spans are built by hand in the shape the NER gives them
(sentences and names written for the tests; no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.linking import link_entities
from storyprism.extract.name_context import products
from storyprism.extract.name_spans import grown_spans
from storyprism.extract.name_types import known_countries
from storyprism.records import Mention


def _m(article: str, text: str, typ: str, start: int = 0) -> Mention:
    return Mention(article, text, typ, start, start + len(text), None)


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


def _linked(ms: list[Mention]) -> dict[str, tuple[str, str]]:
    ents = {e.id: (e.type, e.name) for e in link_entities(ms)}
    return {f"{m.article}:{m.start}": ents[m.entity] for m in ms if m.entity}


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


def test_a_full_name_the_corpus_reads_as_a_person_joins_the_person_typed_a_body() -> None:
    ms = [
        _m("a", "Dana Korver", "PERSON"),
        _m("b", "Dana Korver", "PERSON"),
        _m("b", "Korver", "PERSON", 40),
        _m("c", "Dana Korver", "ORG"),
        _m("c", "Korver", "PERSON", 40),
        _m("d", "Dana Korver", "ORG"),
        _m("e", "Mayor Dana Korver", "ORG"),
    ]
    got = _linked(ms)
    assert set(got.values()) == {("PERSON", "Dana Korver")}
    # a body the corpus types a body more often than not stays one ("Morwell Stanton" the bank)
    ms = [
        _m("a", "Morwell Stanton", "PERSON"),
        _m("b", "Morwell Stanton", "ORG"),
        _m("c", "Morwell Stanton", "ORG"),
        _m("d", "Morwell Stanton", "ORG"),
    ]
    assert set(_linked(ms).values()) == {("ORG", "Morwell Stanton")}


def test_a_surname_typed_a_people_in_a_story_that_names_the_person_is_the_person() -> None:
    ms = [
        _m("a", "Justin Brakemoor", "PERSON"),
        _m("a", "Brakemoor", "NORP", 30),
        _m("b", "Brakemoor", "ORG"),
        _m("c", "Brakemoor", "ORG"),
        _m("d", "Brakemoor", "ORG"),
    ]
    assert _linked(ms)["a:30"] == ("PERSON", "Justin Brakemoor")


def test_a_name_without_its_last_word_joins_the_one_longer_name_of_its_story() -> None:
    ms = [
        _m("a", "Halima Sani Odukoya", "PERSON"),
        _m("a", "Dorvale", "GPE", 40),
        _m("b", "Halima Sani", "PERSON"),
        _m("b", "Dorvale", "GPE", 40),
        _m("c", "Halima Sani", "PERSON"),
        _m("c", "Sani", "PERSON", 30),
    ]
    got = _linked(ms)
    assert got["b:0"] == got["a:0"] == got["c:0"] == got["c:30"]
    # two longer names fit, or a son's name, or no story in common: nothing is joined
    for longer, shared in (
        (["Halima Sani Odukoya", "Halima Sani Bello"], True),
        (["Halima Sani II"], True),
        (["Halima Sani Tavern"], True),
        (["Halima Sani Odukoya"], False),
    ):
        ms = [_m(f"x{i}", name, "PERSON") for i, name in enumerate(longer)]
        ms += [_m("y", "Halima Sani", "PERSON")]
        if shared:
            ms += [_m("x0", "Dorvale", "GPE", 40), _m("y", "Dorvale", "GPE", 40)]
        got = _linked(ms)
        assert all(got["y:0"] != got[f"x{i}:0"] for i in range(len(longer))), longer


def test_a_team_or_a_user_beside_a_vessels_words_stays_a_body() -> None:
    # a team "sailed past" a rival, "was docked" points or "anchored by" a player; the subject of a clause
    # after the kind noun is the vessel's user; a vessel's own move names the place it happens at
    for text, name in (
        ("On Sunday the Larkton Owls sailed past the Jets, 31-10.", "Larkton Owls"),
        ("Last year the Brisa Rams were docked a draft pick by the league.", "Brisa Rams"),
        ("In the last quarter the Vell Hawks were anchored by a stout defence.", "Vell Hawks"),
        ("Activists boarded the vessel Seawatch Norden chartered last spring.", "Seawatch Norden"),
    ):
        assert [e.text for e in products(text, [_ent(text, name, "ORG")])] == [name], text
    text = "Officials said the Orvane Star was anchored off Halvik for a week."
    assert products(text, [_ent(text, "Orvane Star", "ORG")]) == []


def test_a_peoples_word_in_the_plural_typed_a_body_stays_a_team() -> None:
    text = "The Kenyans beat the Royals at home; Kenyan runners watched."
    ents = [_ent(text, "Kenyans", "ORG"), _ent(text, "Kenyan", "ORG", 1)]
    assert [e.label for e in known_countries(ents)] == ["ORG", "NORP"]


def test_state_before_a_mouthpiece_is_no_bodys_name() -> None:
    text = "Veldish State media said the talks ended."
    assert [(e.text, e.label) for e in grown_spans(text, [_ent(text, "Veldish", "NORP")])] == [
        ("Veldish", "NORP")
    ]


def test_a_lone_surname_of_another_person_of_the_story_casts_no_vote() -> None:
    # "Varda Quell" the firm: its stories name its founder "Oren Quell", and "Quell" alone is his
    ms = [_m("a", "Varda Quell", "PERSON")]
    for art in "bcd":
        ms += [
            _m(art, "Varda Quell", "ORG"),
            _m(art, "Oren Quell", "PERSON", 30),
            _m(art, "Quell", "PERSON", 60),
            _m(art, "Quell", "PERSON", 90),
        ]
    got = _linked(ms)
    assert got["b:0"] == ("ORG", "Varda Quell")
    assert got["b:60"] == ("PERSON", "Oren Quell")


def test_a_longer_name_run_on_from_a_list_joins_no_short_name() -> None:
    # "Halima Sani Odukoya" where the list runs "Halima Sani" into "Odukoya Bello": two names, not one
    ms = [
        _m("a", "Halima Sani Odukoya", "PERSON"),
        _m("a", "Odukoya Bello", "PERSON", 30),
        _m("a", "Halima Sani", "PERSON", 60),
    ]
    got = _linked(ms)
    assert got["a:60"] == ("PERSON", "Halima Sani")


def test_a_list_items_bullet_is_no_part_of_the_name_after_it() -> None:
    text = "Witnesses:\n• Dana Quell, a nurse, said she ran.\n- Orvane Bank closed."
    out = grown_spans(text, [_ent(text, "• Dana Quell", "PERSON"), _ent(text, "- Orvane Bank", "ORG")])
    assert [(e.text, e.label, text[e.start : e.end]) for e in out] == [
        ("Dana Quell", "PERSON", "Dana Quell"),
        ("Orvane Bank", "ORG", "Orvane Bank"),
    ]


def test_a_state_body_with_and_without_its_countrys_name_is_one_body() -> None:
    ms = [
        _m("a", "US Tariff Department", "ORG"),
        _m("a", "the Tariff Department", "ORG", 40),
        _m("b", "U.S. Tariff Department", "ORG"),
        _m("c", "Tariff Department", "ORG"),
        _m("c", "United States", "GPE", 40),
        _m("d", "Tariff Department", "ORG"),  # a story that names no country: left alone
    ]
    got = _linked(ms)
    assert got["a:0"] == got["a:40"] == got["b:0"] == got["c:0"] != got["d:0"]
    # a bare name the corpus qualifies with two countries, or with a people's word, stays apart
    for other in ("UK Tariff Department", "Veldish Tariff Department"):
        ms = [
            _m("a", "US Tariff Department", "ORG"),
            _m("b", "Tariff Department", "ORG"),
            _m("b", "United States", "GPE", 40),
            _m("c", other, "ORG"),
        ]
        got = _linked(ms)
        assert got["a:0"] != got["b:0"], other
