"""Issue 11, round 11: summaries shown without wire datelines, pronouns without antecedents, page
furniture or restatements; sizes of one thing in tons and tonnes and of a compound's head noun."""

from __future__ import annotations

import pytest

from compare_helpers import compare_one_story
from storyprism.compare.readability import display_text, readable
from storyprism.compare.restatement import shares_most_words as _restates

_PAD = "The harbour town held its summer fair on Saturday with music and food stalls. "


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("PORTO ALEGRE, Dec 30 (Reuters) - A ferry ran aground off the coast on Sunday.",
         "A ferry ran aground off the coast on Sunday."),
        ("MILLBROOK, Pa. — A local man says his water bill was $9 million.", "A local man says his water bill was $9 million."),
        ("ALDER BAY, Ont. -- Snow closed every school in the county.", "Snow closed every school in the county."),
        ("LOWER FALLS, North Shore (AP) - Police closed the bridge.", "Police closed the bridge."),
        ("(CNN) Two climbers were rescued from the ridge on Friday.", "Two climbers were rescued from the ridge on Friday."),
        ("Springfield (CNN) — The council voted to close the plant.", "The council voted to close the plant."),
        ("Ferry runs aground MILLBROOK (Reuters) - A ferry ran aground.", "A ferry ran aground."),  # headline glued before
        ("• The mayor said the festival would go ahead.", "The mayor said the festival would go ahead."),
        # no dateline: a body's acronym before a dash and an aside, a ticker in brackets
        ("NASA - the space agency - said it would launch.", "NASA - the space agency - said it would launch."),
        ("Apple (AAPL) shares rose 2 percent on Monday.", "Apple (AAPL) shares rose 2 percent on Monday."),
    ],
)
def test_a_wire_dateline_is_not_part_of_the_shown_sentence(printed: str, shown: str) -> None:
    assert display_text(printed) == shown


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier, he was handed a ten-year sentence for fraud.",
        "A chemist by training, she also led the protests against the dam.",
        "For small boats, that is not much.",
        "The crew was flown by helicopter to the capital, he revealed.",
        "“We expect the service to be back by Friday,” she tweeted.",
        "Jane Roe He has covered the league since 2001.",  # a byline glued to a bio line
        "Harbour turns 300 Old cranes show the way The twin cranes have long been landmarks.",
        "Villagers Will Ring in Spring With New Bells Image Volunteers hung the bells on Sunday.",
        "Residents hold up signs during a march in front of the town hall, Norway, January 5, 2016.",
        "Caption The club won its first title since 1908.",
        "Rovers: Host the Wanderers on Sunday.",
        "Comet Lens Two: The fabled telescope is real.",
        "Add Science as an interest to stay up to date on the latest science news.",
        "Radio transcripts are created on a rush deadline by a contractor.",
        "The ministry said the road was closed. (Reporting by Jane Roe; Editing by John Doe)",
        "In this Jan. 3, 2017 file photo, visitors stand in front of the stage.",
        "Broken windows of the hotel are seen early on Monday.",
        "LONDON (Reuters) - He said the talks had failed.",  # the pronoun opens the statement once the dateline goes
        "In his arms was a towel.",
        "When his injuries worsened, doctors decided to amputate the leg.",
        "Last year he gave a speech in defence of free healthcare.",
        "The lens galaxy, at center, and four lensed background quasars.",
        "Smith (left) greets Jones on Monday.",
        "Rovers forward Sam Green (10) reaches for the ball while being guarded by defender Joe Roe (21).",
    ],
)
def test_sentences_a_summary_cannot_show_alone(sentence: str) -> None:
    assert not readable(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "When Smith arrived, he found the door open.",  # the introduction names him
        "An aid group told The Courier that rescuers were close.",  # a title, not a glued boundary
        "In Lagos, the girls were met by the vice president.",
        "Dale, 65, said there were many reasons for the decision.",
        "The zoo said the boy fell on Dec. 26, 2017.",
        "The tower is seen as a symbol of the city.",
        "LONDON (Reuters) - The talks failed on Monday, officials said.",
        "In her speech, May said the talks had failed.",
        "Mary Murphy (45) was taken to hospital after the crash.",
        "Last year the council gave the festival a grant.",
        "The team at the top of the table won again on Saturday.",
    ],
)
def test_statements_that_stand_alone_stay_readable(sentence: str) -> None:
    assert readable(sentence)


def test_a_restatement_in_other_words_is_shown_once() -> None:
    a = "Researchers spotted rings of water that may carry small sea creatures at high speed over long distances across the ocean."
    b = "Scientists found swirling rings which may carry small sea creatures at high speed over long distances across the ocean."
    assert _restates(a, b)
    # a name, a place and a verb in common make no restatement
    assert not _restates("Burrell played two seasons at the University of Memphis.",
                         "Teague and Burrell, who both play for the Memphis Hustle, boarded the flight at Dallas.")


def test_summary_shows_the_statement_without_its_dateline_and_keeps_the_citation() -> None:
    lead = "A ferry carrying 200 passengers ran aground off the northern coast of the island on Sunday, the coast guard said."
    r = compare_one_story(
        {
            "a": f"PORTO ALEGRE, Dec 30 (Reuters) - {lead} All passengers were taken ashore by lifeboats.",
            "b": f"{lead} The ferry operator said the passengers were taken ashore by lifeboats.",
        },
        padding="",
        title="Ferry runs aground off island coast",
        when="2017-12-31T08:00:00",
    )
    shown = [s for summary in r.summaries for s in summary.sentences]
    assert shown and not any("(Reuters)" in s.text or s.text.startswith("PORTO") for s in shown)
    lead_shown = [s for s in shown if s.text.startswith("A ferry carrying 200 passengers")]
    assert lead_shown and "a" in lead_shown[0].articles and "Paper A" in lead_shown[0].outlets


def test_a_ton_and_a_tonne_far_apart_weigh_one_truck_differently() -> None:
    r = compare_one_story(
        {
            "a": "The attacker used a 19-ton delivery truck to approach the seafront promenade where crowds had gathered.",
            "b": "At least 80 people were killed by an attacker who drove a 25-tonne truck into crowds on the seafront promenade.",
        },
        padding=_PAD,
        title="Truck attack on seafront",
        when="2016-07-15T08:00:00",
    )
    weights = [c for c in r.conflicts if c.kind == "number"]
    assert len(weights) == 1 and "truck" in weights[0].attribute
    assert sorted(s.value for s in weights[0].sides) == ["19-ton", "25-tonne"]


def test_a_ton_and_a_tonne_within_the_units_own_difference_are_no_conflict() -> None:
    r = compare_one_story(
        {
            "a": "The harbour authority said a 20-ton crane had been brought to the quay on Monday.",
            "b": "A 19-tonne crane was brought to the quay on Monday, the harbour authority said.",
        },
        padding=_PAD,
        title="Crane at quay",
        when="2016-05-29T08:00:00",
    )
    assert not [c for c in r.conflicts if c.kind == "number"]


def test_a_place_word_after_the_measured_noun_is_no_compound_head() -> None:
    r = compare_one_story(
        {
            "a": "The boy slipped down the 40m dry well behind his family's farmhouse on Sunday.",
            "b": "The boy slipped into the 80m-deep well beside the farmhouse on Sunday, officials said.",
        },
        padding=_PAD,
        title="Boy in well",
        when="2024-05-06T08:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "number"]
    assert conflict.attribute == "size of the well (metres)"


_ROCKET = "The rocket company prepared its heaviest launch vehicle for a test flight this week. "


def test_one_landing_put_in_two_oceans_is_a_place_conflict() -> None:
    r = compare_one_story(
        {
            "a": "The central core will separate and begin its own descent, landing on the firm's drone ship in the Pacific Ocean.",
            "b": "The center core will head for touchdown on the company's drone ship positioned downrange in the Atlantic Ocean.",
        },
        padding=_ROCKET,
        title="Rocket test",
        when="2018-02-05T08:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "place"]
    assert sorted(s.value for s in conflict.sides) == ["Atlantic Ocean", "Pacific Ocean"]
    assert "drone ship" in conflict.attribute


@pytest.mark.parametrize(
    "texts",
    [
        # a sentence naming both oceans sets them side by side
        {"a": "The cargo ship sailed from the Atlantic Ocean to the Pacific Ocean through the canal.",
         "b": "The cargo ship sailed into the Pacific Ocean on Monday after the canal."},
        # two different things at sea: nothing in the words before the places is shared
        {"a": "The first stage booster splashed down in the Atlantic Ocean after the launch.",
         "b": "Debris from an old satellite fell into the Pacific Ocean last year."},
        # one origin printed two ways is a copy's change, not a conflict
        {"a": "The core landed on the drone ship in the Pacific Ocean.",
         "b": "The core landed on the drone ship in the Atlantic Ocean."},
    ],
)
def test_places_side_by_side_or_of_different_things_are_no_conflict(texts: dict[str, str]) -> None:
    origins = {"a": "a", "b": "a"} if texts["a"].startswith("The core") else None
    r = compare_one_story(texts, padding=_ROCKET, title="Rocket test", when="2018-02-05T08:00:00", origins=origins)
    assert not [c for c in r.conflicts if c.kind == "place"]


def test_a_gallery_title_repeated_before_each_caption_is_not_shown() -> None:
    gallery = (
        "Port of Kestrel turns 300 Old cranes show the way into the harbour for every ship. "
        "Port of Kestrel turns 300 Trading place of note for grain and timber since 1716. "
        "Port of Kestrel turns 300 Boat trips draw tourists to the docks every summer. "
    )
    lead = "A tourist boat struck a road bridge on the river on Tuesday and 20 passengers were hurt, police said."
    r = compare_one_story(
        {"a": lead + " " + gallery, "b": "A tourist boat hit a road bridge on the river on Tuesday, injuring 20 passengers."},
        padding="",
        title="Tourist boat hits bridge",
        when="2018-01-02T08:00:00",
    )
    shown = [s.text for summary in r.summaries for s in summary.sentences]
    assert shown and not any(t.startswith("Port of Kestrel") for t in shown)


def test_one_list_of_speech_verb_forms_serves_every_raw_text_reader() -> None:
    import re

    from storyprism.text.cues import SPEECH_FORMS, speech_forms

    pattern = re.compile(r"\b(?:" + speech_forms(("according to",)) + r")\b")
    assert "said" in SPEECH_FORMS and pattern.search("according to the filing")
    assert pattern.fullmatch("tweeted") and not pattern.fullmatch("twee")
