"""Issue 11 round 13: a happening asserted by one origin and denied by another; a timeline entry
without a full stop is a statement."""

from __future__ import annotations

import pytest

from compare_helpers import compare_one_story
from storyprism.compare.text import is_statement

# ------------------------------------------------------------------------------ asserted vs denied

_SWAP = "The captives were exchanged for three Red Hand rebels in Torvik, a town near the northern border, said local sources."
_NO_SWAP = (
    "Terms of the deal were not immediately announced, but no jailed Red Hand rebels were released in exchange "
    "for the captives, a source close to the talks said."
)


def _polarity(texts: dict[str, str], published: dict[str, str] | None = None,
              origins: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    r = compare_one_story(texts, padding="", title="Captives freed in Torvik", when="2017-05-07T10:00:00",
                          published=published, origins=origins)
    return [tuple(s.text for s in c.sides) for c in r.conflicts if c.about == "a happening asserted and denied"]


def test_an_exchange_asserted_and_denied_is_a_conflict() -> None:
    found = _polarity({"a": _SWAP, "b": _NO_SWAP})
    assert found == [(_SWAP, _NO_SWAP)]


def test_one_origin_printed_two_ways_is_no_conflict() -> None:
    assert _polarity({"a": _SWAP, "b": _NO_SWAP}, origins={"a": "wire", "b": "wire"}) == []


def test_a_denial_days_later_may_be_an_update() -> None:
    later = {"a": "2017-05-07T10:00:00", "b": "2017-05-10T10:00:00"}
    assert _polarity({"a": _SWAP, "b": _NO_SWAP}, published=later) == []


@pytest.mark.parametrize(
    ("asserted", "negated"),
    [
        # the negation governs another verb: "never made it to the grid", the crash is in both
        ("Ivo Marsh also crashed his car on his way to the grid in heavy rain.",
         "Ivo Marsh never even made it to the grid in heavy rain after crashing on the formation lap."),
        # an omission of information, not a denial
        ("The Red Hand rebels released the captives in Torvik near the northern border.",
         "The Red Hand rebels did not say why they released the captives in Torvik near the northern border."),
        # a record, not this event
        ("A Red Hand commander landed a helicopter on the far side of Torvik ridge.",
         "Nobody has landed a helicopter on the far side of Torvik ridge before."),
        # a condition
        ("The Red Hand rebels released the captives in Torvik on Sunday morning.",
         "The Red Hand rebels would not have released the captives in Torvik without a ransom."),
        # a contracted negation governs the verb after it: "didn't deliver" is not "paid"
        ("The Torvik council paid the ransom to the Red Hand rebels on Sunday.",
         "The Torvik council didn't deliver the ransom to the Red Hand rebels on Sunday."),
        # both sides refuse: "refused to pay" asserts nothing plainly
        ("The Torvik council refused to pay the ransom to the Red Hand rebels.",
         "The Torvik council did not pay the ransom to the Red Hand rebels."),
        # a denial verb's predicate is its complement's verb, and a weekday is no participant
        ("Karl Lind was released by police in Torvik on Sunday.",
         "Police denied Karl Lind was arrested in Torvik on Sunday."),
        # the same words, another thing asserted ("remain captives", not "released")
        ("Some 190 captives remain held by the Red Hand rebels in Torvik camps.",
         "No held Red Hand rebels were released in exchange for the captives in Torvik camps."),
    ],
)
def test_what_is_no_denial_of_the_other_report(asserted: str, negated: str) -> None:
    assert _polarity({"a": asserted, "b": negated}) == []


def test_a_sentence_and_its_plain_negation_is_reported_once() -> None:
    r = compare_one_story(
        {"a": "Karl Lind was arrested by police in Torvik on Sunday morning after the raid.",
         "b": "Karl Lind was not arrested by police in Torvik on Sunday morning after the raid."},
        padding="", title="Raid in Torvik", when="2017-05-07T10:00:00")
    pairs = [frozenset(s.text for s in c.sides) for c in r.conflicts]
    assert len(pairs) == len(set(pairs)) >= 1


# ------------------------------------------------------------------------------ timeline entries


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a race timeline's entry opens on its lap and, by that convention, has no full stop
        ("Lap 14 Karl Lind has a big smash in his car and the safety car is deployed", True),
        ("12:05 Police have closed the road near the station and diverted traffic", True),
        # a caption without a full stop stays out, and so does a shouted heading
        ("Karl Lind smiles as he fields questions after the race for the team", False),
        ("LAP 14 RESULTS AND STANDINGS FOR THE RACE TODAY", False),
        # a round number opens headings, not timeline entries
        ("Round 3 Results from the weekend races at the track", False),
    ],
)
def test_a_timeline_entry_is_a_statement(text: str, kept: bool) -> None:
    assert is_statement(text, 6, 80) is kept


def test_a_crash_placed_on_another_lap_by_a_timeline_entry_is_a_conflict() -> None:
    r = compare_one_story(
        {
            "a": "The safety car came out for seven laps and Karl Lind then brought it back out on lap 13 "
            "when he smashed his car backwards into the barriers.",
            "b": "Lap 14 Karl Lind has a big smash in his car and the safety car is deployed",
        },
        padding="",
        title="Rain-hit Grand Prix stopped twice",
        when="2016-11-13T20:00:00",
    )
    assert [c.attribute for c in r.conflicts if c.kind == "number"] == ["lap on which it happened"]
