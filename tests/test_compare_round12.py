"""Issue 11 round 12: summaries state each fact once; laps and pitches two reports disagree on."""

from __future__ import annotations

import pytest

from compare_helpers import compare_one_story
from storyprism.compare.restatement import fact_of, same_fact

# ------------------------------------------------------------------------------ one fact, once


def test_one_call_in_other_words_is_one_fact() -> None:
    a = "In a short post, the singer Mara Lind called for an end to gun violence."
    b = "Mara Lind is calling for an end to violence after her cousin was shot on Tuesday evening."
    assert same_fact(a, b, cosine=0.75)
    # without the encoder, most of the shorter one's predicate words must be shared
    assert same_fact("Mara Lind called for an end to gun violence.", b)


def test_a_firing_told_by_the_club_and_by_the_headline_is_one_fact() -> None:
    a = "Kestrel Ravens fire coach Tom Hale after 4-12 season."
    b = "The Ravens announced the firing of the veteran head coach on Monday."
    assert fact_of(a).predicate & fact_of(b).predicate >= {"fir", "coach"}  # "fire" and "firing" meet
    assert same_fact(a, b, cosine=0.65)
    assert not same_fact(a, b, cosine=0.3)  # the encoder says they are about other things


def test_one_distinctive_figure_joins_two_namings_of_one_person() -> None:
    a = "A Vermont man says he opened his electric bill and found an amount of more than $312 billion."
    b = "Tom Reyes of Burlington received an electric bill of more than $312 billion."
    assert same_fact(a, b, cosine=0.55)
    assert not same_fact(a, b, cosine=0.3)


@pytest.mark.parametrize(
    ("a", "b", "cosine"),
    [
        # other figures: two facts about one game
        ("The Hawks took a 10-0 lead when Ray Dunn threw a touchdown pass in the first quarter.",
         "The Hawks beat the Owls 34-6 with a touchdown in each quarter.", 0.7),
        # one actor, two predicates: the encoder alone would join them
        ("Dana Ortiz, who is in her fifties, is a popular figure among farmers and known for fiery speeches.",
         "Dana Ortiz is a senior member of the Farmers Union, a group opposed to the new law.", 0.79),
        # a year against the story's own day: two times
        ("Kestrel launched a new spy satellite on Friday as worries grow over missile tests.",
         "Kestrel started putting spy satellites into orbit in 2003 after missile tests.", 0.79),
        # other actors, one place in common
        ("Teague played a year at the University of Kentucky before the draft.",
         "Burrell played two seasons at the University of Memphis.", 0.7),
        # one subject, two happenings sharing a couple of words
        ("Norland said Monday it is ready to launch satellites aboard long-range rockets next month.",
         "Norland has spent decades trying to perfect a multistage long-range rocket.", 0.65),
    ],
)
def test_different_facts_are_not_restatements(a: str, b: str, cosine: float) -> None:
    assert not same_fact(a, b, cosine=cosine)


def test_summary_shows_a_firing_once_when_two_outlets_word_it_differently() -> None:
    r = compare_one_story(
        {
            "a": "Kestrel Ravens fire coach Tom Hale after 4-12 season. "
            "Hale went 14-34 in three seasons with the Ravens and finished last in the division each year. "
            "The team's owner said a search for a new coach would begin at once.",
            "b": "The Ravens announced the firing of the veteran head coach on Monday. "
            "Players said they were surprised by the timing of the decision after the final game. "
            "The team's owner said a search for a new coach would begin at once.",
        },
        padding="",
        title="Ravens fire coach Tom Hale",
        when="2018-01-01T20:00:00",
    )
    shown = [s.text for summary in r.summaries for s in summary.sentences]
    firing = [t for t in shown if "fire" in t or "firing" in t]
    assert shown and len(firing) == 1, shown


# ------------------------------------------------------------------------------ laps and pitches


def _ordinal_conflicts(texts: dict[str, str]) -> list[str]:
    r = compare_one_story(texts, padding="", title="Rain-hit Grand Prix stopped twice", when="2016-11-13T20:00:00")
    return [c.attribute for c in r.conflicts if c.attribute.endswith("on which it happened")]


def test_one_crash_placed_on_neighbouring_laps_is_a_conflict() -> None:
    found = _ordinal_conflicts(
        {
            "a": "The safety car came out for seven laps and Karl Lind then brought it back out on lap 13 "
            "when he smashed his car backwards into the barriers.",
            "b": "Lap 14 Karl Lind has a big smash in his car and the safety car is deployed.",
        }
    )
    assert found == ["lap on which it happened"]


@pytest.mark.parametrize(
    "texts",
    [
        # two happenings far apart in one race
        {"a": "Karl Lind spun off on lap 10 and ended up facing oncoming cars in the spray.",
         "b": "Lap 48 Karl Lind has a smash and the safety car is deployed."},
        # the lap belongs to the restart, not to the crash after "but"
        {"a": "Racing resumed at the end of lap 19 but Ivo Marsh spun and crashed into the wall moments later.",
         "b": "Lap 20 Ivo Marsh has a huge smash and the race is red flagged."},
        # rounds of a draft are stages many pass through
        {"a": "Ivo Marsh was drafted by the Hawks in the first round after two seasons at college.",
         "b": "Karl Lind was drafted by the Hawks in the second round after two seasons at college."},
        # one step, told alike
        {"a": "Ivo Marsh crashed out on lap 20 in the wet conditions at the circuit.",
         "b": "Lap 20 Ivo Marsh has a huge crash and the race is red flagged."},
    ],
)
def test_laps_of_different_happenings_or_alike_are_no_conflict(texts: dict[str, str]) -> None:
    assert _ordinal_conflicts(texts) == []


def test_a_pitch_counted_two_ways_is_a_conflict_and_one_article_is_never_opposed_to_itself() -> None:
    texts = {
        "a": "Their first batter, Dale Fowler, hit a home run just four pitches into the game.",
        "b": "When Dale Fowler hit the third pitch of the game over the fence, the crowd rose.",
    }
    r = compare_one_story(texts, padding="", title="Cubs open with a home run", when="2016-11-03T06:00:00")
    assert [c.attribute for c in r.conflicts if c.kind == "number"] == ["pitch on which it happened"]
    one = compare_one_story({"a": texts["a"] + " " + texts["b"]}, padding="", title="Cubs", when="2016-11-03T06:00:00")
    assert not [c for c in one.conflicts if c.attribute.endswith("on which it happened")]
