"""Issue 12 round 21: one name per thing. A person named as the speaker of quoted words typed a body, and a
city named for its club by the club's run, possessions and positions in a game story. Entity spans are
built by hand in the shape the NER gives them (sentences and names written for the tests; no spaCy model,
no shared data)."""

from __future__ import annotations

from storyprism.extract.ents import Ent
from storyprism.extract.name_places import city_teams
from storyprism.extract.name_votes import quoted_speakers


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


def test_the_inverted_speaker_of_quoted_words_is_a_person_with_its_surname() -> None:
    text = (
        '"We ran and ran," said Talia Brenwick. "It was dark," Brenwick said. '
        "Olan Verity, a witness, said the truck sped up."
    )
    ents = [
        _ent(text, "Talia Brenwick", "ORG"),
        _ent(text, "Brenwick", "ORG", 1),
        _ent(text, "Olan Verity", "ORG"),
    ]
    assert [e.label for e in quoted_speakers(text, ents)] == ["PERSON", "PERSON", "PERSON"]


def test_bodies_written_as_speakers_stay_bodies() -> None:
    # a body's head word, a place-led name, a possessive after the name, and no quote before "said"
    text = (
        '"It is grave," said Veldish Watch. "We coped," said Elmbrook Methodist. Elmbrook is calm. '
        '"Soon," said Nordia Labs\' Ana Ruiz. Officials said Nordia Labs had left.'
    )
    ents = [
        _ent(text, "Veldish Watch", "ORG"),
        _ent(text, "Elmbrook Methodist", "ORG"),
        _ent(text, "Elmbrook", "GPE", 1),
        _ent(text, "Nordia Labs", "ORG"),
        _ent(text, "Nordia Labs", "ORG", 1),
    ]
    assert [e.label for e in quoted_speakers(text, ents)] == ["ORG", "ORG", "GPE", "ORG", "ORG"]


def test_a_city_owning_a_skid_a_possession_or_a_position_in_a_game_story_is_its_club() -> None:
    text = (
        "The Hawks won 34-6 over the Elmbrook Owls. \u201cIt's brutal,\u201d the coach said of Elmbrook\u2019s skid. "
        "Yates was sacked on Elmbrook's next possession. Elmbrook cornerback Kev Jones was hurt. "
        "Fans in Elmbrook wept, and Elmbrook's mayor spoke."
    )
    ents = [_ent(text, "Elmbrook Owls", "ORG")] + [_ent(text, "Elmbrook", "GPE", n) for n in range(1, 6)]
    out = [(e.label, e.text) for e in city_teams(text, ents)][1:]
    assert out == [("ORG", "Elmbrook Owls")] * 3 + [("GPE", "Elmbrook")] * 2


def test_a_nickname_joins_its_club_where_the_story_names_no_bare_place() -> None:
    from storyprism.extract.linking import link_entities
    from storyprism.records import Mention

    def m(article: str, text: str, typ: str, start: int) -> Mention:
        return Mention(article, text, typ, start, start + len(text), None)

    # the city's only mention was read as the club (ORG "Elmbrook Owls" on "Elmbrook's"): "Owls" is still it
    ms = [m("a", "the Elmbrook Owls", "ORG", 0), m("a", "Elmbrook Owls", "ORG", 40), m("a", "Owls", "ORG", 90)]
    # another game story calls the club by its nickname alone, many times, beside its city
    ms += [m("b", "Elmbrook", "GPE", 0)] + [m("b", "Owls", "ORG", 20 * i) for i in range(1, 8)]
    ents = {e.id: e.name for e in link_entities(ms)}
    assert ents[ms[2].entity] == "Elmbrook Owls"


def test_a_person_typed_name_before_games_or_owners_is_a_device() -> None:
    from storyprism.extract.name_context import products

    text = "New Zentro X games, out on Zentro X in May. Kai Marlow's games sold well."
    ents = [_ent(text, "Zentro X", "PERSON"), _ent(text, "Zentro X", "PERSON", 1), _ent(text, "Kai Marlow's", "PERSON")]
    assert [e.text for e in products(text, ents)] == ["Kai Marlow's"]
