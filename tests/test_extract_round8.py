"""Issue 12, eighth round: speakers behind "the company", surnames the NER missed, "quoting X as saying",
unnamed leads named in the next sentence, stance adjectives, teaser headlines, compound durations,
team nicknames and shared given names. Texts written for the tests; spaCy runs where a parse is needed."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of
from storyprism.extract.linking import MOODS, link_entities, person_parts, shouted_kicker
from storyprism.extract.numbers import find_numbers
from storyprism.extract.speakers import DocContext, Ent, norm_name
from storyprism.extract.surnames import with_missed_surnames
from storyprism.records import Mention


def _m(article: str, text: str, typ: str, start: int = 0) -> Mention:
    return Mention(article, text, typ, start, start + len(text))


def _nums(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(n.text, n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])]


# --- speakers ---------------------------------------------------------------------------------------


def test_the_company_is_the_body_the_article_keeps_naming_not_the_last_org_tag() -> None:
    text = (
        "Brightwell Bank said on Monday that hackers had reached its servers. Brightwell Bank has "
        "hired outside experts. The stolen files held names, addresses and Social Security numbers. "
        "The company said that about 40,000 customers were affected."
    )
    q = one(quotes_of(text), "customers were affected")
    assert q.speaker == "Brightwell Bank"


def test_restored_surname_is_added_after_the_full_name_only() -> None:
    text = "Mara Lindqvist opened the plant. Later Lindqvist said it works. Lindqvist Foundation paid."
    full = Ent(0, 14, "PERSON", "Mara Lindqvist")
    out = with_missed_surnames(text, [full], {"Lindqvist": "Mara Lindqvist"}, {"Mara Lindqvist": 0})
    added = [p for p in out if p is not full]
    # the lone surname is restored; the one opening "Lindqvist Foundation" is another name
    assert [(p.start, p.text) for p in added] == [(text.index("Later") + 6, "Lindqvist")]


def test_surname_that_is_also_a_common_word_is_not_restored() -> None:
    text = "Joan Young spoke first. Young said yes, and the young crowd cheered."
    full = Ent(0, 10, "PERSON", "Joan Young")
    out = with_missed_surnames(text, [full], {"Young": "Joan Young"}, {"Joan Young": 0})
    assert out == [full]


def test_quoting_him_as_saying_makes_the_source_a_relay() -> None:
    text = (
        "Pieter Van Aalst ran the depot for ten years. A lawsuit filed on Friday describes a tense "
        "meeting, quoting Van Aalst as saying, \u201cWork faster or find another job.\u201d"
    )
    q = one(quotes_of(text), "Work faster")
    assert q.speaker is not None and "Aalst" in q.speaker
    assert q.via is not None and "lawsuit" in q.via.lower()


def test_a_clause_opened_by_while_is_no_relay_of_the_quote_before_it() -> None:
    text = (
        "Marco Bellini was heard on the team radio saying \u201cwe have to stop now\u201d while Tomas Varga "
        "agreed, saying \u201cI think the track is too wet to race.\u201d"
    )
    q = one(quotes_of(text), "stop now")
    assert q.via is None


def test_continue_with_an_object_before_marks_is_no_speech() -> None:
    text = (
        "Once the side boosters fall away, the upper stage will continue its long climb into "
        "\u2018high orbit\u2019, with a burn planned for the evening."
    )
    assert not [q for q in quotes_of(text) if "high orbit" in q.text]


def test_an_unnamed_lead_speaker_is_the_person_named_saying_it_next() -> None:
    text = (
        "A Vermont man says he found a live snake curled inside his mailbox on Tuesday. The Rutland "
        "Herald reports that George Pellerin said he dropped his letters and ran."
    )
    q = one(quotes_of(text), "live snake")
    assert q.speaker == "George Pellerin"


def test_mood_word_before_a_name_is_not_part_of_it() -> None:
    assert "devastated" in MOODS
    assert norm_name("Devastated Hayley") == "Hayley"
    assert person_parts("Tearful Anna Moreau") == ["anna", "moreau"]
    assert norm_name("Proud") == "Proud"  # a lone word stays what it is


# --- attributions -----------------------------------------------------------------------------------


def test_stance_adjective_with_a_clause_is_the_subjects_view() -> None:
    text = "Union leaders are confident that the strike will end before the holidays."
    q = one(quotes_of(text), "strike will end")
    assert q.speaker is not None and "Union leaders" in q.speaker and not q.direct


@pytest.mark.parametrize(
    "text",
    [
        "It is clear that the bridge was built too low.",  # an expletive "it" holds no view
        "The council was concerned enough that it delayed the vote.",  # a clause of result
    ],
)
def test_stance_adjective_without_a_holder_attributes_nothing(text: str) -> None:
    assert not [q for q in quotes_of(text) if q.cue in ("clear", "concerned")]


def test_teaser_headline_with_a_noun_object_is_no_attribution() -> None:
    text = (
        "More from our site\nNovak Djokovic confirms wrist surgery\nTennis stars gather in Melbourne "
        "this week for the first major of the season."
    )
    assert not [q for q in quotes_of(text) if "wrist surgery" in q.text]


# --- numbers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A full moon comes every 29 and a half days.", [("29 and a half", 29.5, 29.5)]),
        # one duration: "8 hours and 20 minutes" is 8 1/3 hours, its text the whole phrase (round 15)
        ("The flight lasted 8 hours and 20 minutes.", [("8 hours and 20 minutes", 8 + 20 / 60, 8 + 20 / 60)]),
        # a moment on a launch's mission clock, no amount (as a clock time; round 19)
        ("The core burns until T-plus 3 minutes, 4 seconds.", []),
        ("She told the paper about one particular night.", []),
        ("A dose costs about one dollar there.", [("about one", 0.9, 1.1)]),
        ("Launches move to pad 40 next year.", []),
    ],
)
def test_compound_amounts_and_labels(text: str, expected: list[tuple[str, float, float]]) -> None:
    assert _nums(text) == expected


def test_amounts_after_a_duration_that_count_something_else_stay() -> None:
    assert ("20", 20.0, 20.0) in _nums("He served 3 years and 20 people visited him.")


# --- names ------------------------------------------------------------------------------------------


def test_team_nickname_joins_the_place_led_name_in_the_same_article() -> None:
    mentions = [_m("a", "Cleveland", "GPE"), _m("a", "Cleveland Indians", "ORG", 20)]
    mentions += [_m("a", "Indians", "NORP", 60), _m("b", "Indians", "NORP", 5)]
    link_entities(mentions)
    assert mentions[2].entity == mentions[1].entity
    assert mentions[3].type == "NORP"  # another article, no team named: the people stay


def test_lone_given_name_of_several_people_is_not_one_person_across_articles() -> None:
    mentions = [_m("a", "William Hart", "PERSON"), _m("b", "William Stone", "PERSON")]
    mentions += [_m("c", "William", "PERSON"), _m("d", "William", "PERSON")]
    link_entities(mentions)
    assert mentions[2].entity != mentions[3].entity
    assert mentions[0].entity != mentions[1].entity


def test_short_capital_word_inside_a_shouted_headline() -> None:
    text = "scientists say MOVE TO MARS? Agency finds ice"
    start = text.index("MOVE")
    assert shouted_kicker(text, start, start + 4)
    assert not shouted_kicker("The NASA TV feed showed it", 4, 8)


def test_a_verb_with_its_own_object_does_not_report_the_clause_before_it() -> None:
    text = (
        "What is also exciting is that these new tools work with any camera app; developers can find "
        "details on the project page."
    )
    assert not [q for q in quotes_of(text) if "new tools" in q.text]


def _ctx(text: str, ents: list[Ent]) -> DocContext:
    return DocContext.build(text, ents)


def test_the_airline_skips_a_name_the_ner_also_tags_as_a_person() -> None:
    text = (
        "Lund flew home. Lund was angry. Lund met Ava Lund. Sky Airways apologised. The airline said sorry."
    )
    ents = [
        Ent(0, 4, "ORG", "Lund"),
        Ent(16, 20, "ORG", "Lund"),
        Ent(32, 36, "ORG", "Lund"),
        Ent(41, 49, "PERSON", "Ava Lund"),
        Ent(51, 62, "ORG", "Sky Airways"),
    ]
    assert _ctx(text, ents).organisation("the airline", text.index("The airline")) == "Sky Airways"


def test_the_newspaper_is_the_paper_cited_last_not_the_most_named_body() -> None:
    text = "Acme Corp sued. Acme Corp lost. Acme Corp appealed. The Daily Ledger reported it. The newspaper said so."
    ents = [Ent(0, 9, "ORG", "Acme Corp"), Ent(16, 25, "ORG", "Acme Corp"), Ent(32, 41, "ORG", "Acme Corp")]
    ents.append(Ent(text.index("Daily"), text.index(" reported"), "ORG", "Daily Ledger"))
    ctx = _ctx(text, ents)
    assert ctx.organisation("the newspaper", text.index("The newspaper")) == "Daily Ledger"
    assert ctx.organisation("the company", text.index("The newspaper")) == "Acme Corp"


def test_no_surname_is_restored_from_a_heading_or_a_place() -> None:
    text = "Auckland v. Oakland. He flew to Oakland and said Oakland was sunny."
    heading = Ent(0, 19, "PERSON", "Auckland v. Oakland")
    out = with_missed_surnames(
        text, [heading], {"Oakland": "Auckland v. Oakland"}, {"Auckland v. Oakland": 0}
    )
    assert out == [heading]
    text = "Lee Sutton came home. He drove to Sutton, where Sutton greeted him."
    full = Ent(0, 10, "PERSON", "Lee Sutton")
    town = Ent(text.index("Sutton,"), text.index("Sutton,") + 6, "GPE", "Sutton")
    out = with_missed_surnames(text, [full], {"Sutton": "Lee Sutton"}, {"Lee Sutton": 0}, [full, town])
    assert out == [full]


def test_a_surname_in_use_before_a_relatives_full_name_is_not_restored_to_him() -> None:
    text = "Nora Vance spoke. Vance smiled. Her father Tom Vance came later. Then Vance left."
    ents = [Ent(0, 10, "PERSON", "Nora Vance"), Ent(18, 23, "PERSON", "Vance")]
    ents.append(Ent(text.index("Tom"), text.index(" came"), "PERSON", "Tom Vance"))
    first_seen = {"Nora Vance": 0, "Vance": 18, "Tom Vance": text.index("Tom")}
    # the last "Vance" is untagged: the document's lone "Vance" was in use before "Tom Vance" appeared
    out = with_missed_surnames(text, ents, {"Vance": "Tom Vance"}, first_seen)
    assert out == ents
