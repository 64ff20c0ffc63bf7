"""Issue 11, round 15: where a thing came down named as a sea against an ocean ("the Sea of Japan" /
"the Pacific Ocean"), who did a thing (one act credited to two different doers), and opposite outcomes
("survived" / "was killed", "won" / "lost") without a negation word."""

from __future__ import annotations

import pytest

from compare_helpers import compare_one_story
from storyprism.compare.places import _places

_PAD = (
    "The launch drew crowds to the coast and the harbour on the morning of the test. "
    "Local schools stayed open and the ferry service ran to its usual timetable all day. "
)


def test_sea_of_names_and_a_leading_capital_are_read_as_places() -> None:
    assert dict(_places("It smashed down in the Sea of Japan east of the island.")) == {
        "open water": [("Sea of Japan", "Japan", 23)]
    }
    # a sentence-opening "The" is no part of the name: "The Pacific Ocean" is the Pacific Ocean
    assert [p[0] for p in _places("The Pacific Ocean was calm.")["open water"]] == ["Pacific Ocean"]
    assert set(_places("A boat sank in Tokyo Bay.")) == {"bay"}


def test_a_sea_against_an_ocean_for_where_one_missile_came_down_is_a_place_conflict() -> None:
    # two days apart: beyond the update gap, but where a thing fell on one named day does not move
    # between reports
    r = compare_one_story(
        {
            "a": "On Friday the missile flew over northern Japan and smashed down in the Sea of Japan far to the east.",
            "b": "Officials said the missile had flown over northern Japan on Friday and fallen into the Pacific Ocean.",
        },
        padding=_PAD,
        title="Missile test",
        when="2017-09-15T08:00:00",
        published={"a": "2017-09-17T10:00:00"},
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "place"]
    assert sorted(s.value for s in conflict.sides) == ["Pacific Ocean", "Sea of Japan"]
    assert conflict.attribute.startswith("open water")


@pytest.mark.parametrize(
    ("texts", "published"),
    [
        # a plan two days apart: where it is to land may have changed (an update, not a dispute)
        ({"a": "The booster will fly over the northern coast and land in the Sea of Okhotsk on Friday.",
          "b": "The booster will fly over the northern coast and land in the Pacific Ocean on Friday."},
         {"a": "2017-09-17T10:00:00"}),
        # a bay lies inside a sea: not the same kind of place
        ({"a": "The missile flew over northern Japan and fell into Volcano Bay near the port.",
          "b": "The missile flew over northern Japan and fell into the Pacific Ocean near the port."},
         {}),
        # one sea by its two names, as a third report of the story gives them
        ({"a": "The missile flew over northern Japan and fell into the East Sea, the military said.",
          "b": "The missile flew over northern Japan and fell into the Sea of Japan, officials said.",
          "c": "Seoul calls the Sea of Japan the East Sea, and both names appear on its maps."},
         {}),
        # the same ocean, one report opening its sentence on it
        ({"a": "The Pacific Ocean is where the missile flew over northern Japan and fell, officials said.",
          "b": "The missile flew over northern Japan and fell into the Pacific Ocean, officials said."},
         {}),
    ],
)
def test_plans_moved_bays_and_one_ocean_twice_are_no_place_conflict(
    texts: dict[str, str], published: dict[str, str]
) -> None:
    r = compare_one_story(texts, padding=_PAD, title="Missile test", when="2017-09-15T08:00:00", published=published)
    assert not [c for c in r.conflicts if c.kind == "place"]


_FAIR = (
    "Thousands gathered at the gate for the New Year party on the main avenue of the city. "
    "The party ran past midnight with music, fireworks and food stalls along the avenue. "
)


def test_one_act_credited_to_two_doers_is_an_agent_conflict() -> None:
    r = compare_one_story(
        {
            "a": "Critics spoke up, even though the safety zone has been set up by the city's own police force.",
            "b": "\"The organisers have set up a safety zone for women who feel harassed,\" a police statement said.",
        },
        padding=_FAIR,
        title="New Year party",
        when="2017-12-30T08:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "agent"]
    assert [s.value for s in conflict.sides] == ["city force police", "organiser"]
    assert "set up" in conflict.attribute and "zone" in conflict.attribute


@pytest.mark.parametrize(
    "texts",
    [
        # a report naming both doers credits them jointly or in turn
        {"a": "The safety zone has been set up by the police at the organisers' request.",
         "b": "The organisers have set up a safety zone for women near the main stage."},
        # a means, not a doer
        {"a": "The safety zone was set up by phone within an hour of the request.",
         "b": "The organisers have set up a safety zone for women near the main stage."},
        # a pronoun doer names nobody
        {"a": "The safety zone has been set up by the city's police force near the stage.",
         "b": "They have set up a safety zone for women near the main stage."},
        # a denial is no credit
        {"a": "The safety zone has been set up by the city's police force near the stage.",
         "b": "The organisers have not set up a safety zone for women near the main stage."},
        # an endorsement is given in turn by several bodies: two steps, not two doers of one act
        {"a": "The budget bill was passed by the Senate late on Friday evening.",
         "b": "The House passed the budget bill on Friday after a long debate."},
    ],
)
def test_joint_credit_means_pronouns_and_denials_are_no_agent_conflict(texts: dict[str, str]) -> None:
    r = compare_one_story(texts, padding=_FAIR, title="New Year party", when="2017-12-30T08:00:00")
    assert not [c for c in r.conflicts if c.kind == "agent"]


_CRASH = (
    "A small plane came down in a field near the airfield on Sunday afternoon in light rain. "
    "Emergency crews reached the field within minutes and closed the road to traffic for hours. "
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The pilot survived the crash and was taken to hospital, officials said.",
         "The pilot was killed in the crash, the fire service said."),
        ("Moreau won the final against Stein in straight sets on Sunday.",
         "Moreau lost the final to Stein in three sets on Sunday."),
        ("The board rejected the offer from Halden on Friday, the company said.",
         "The board accepted the offer from Halden on Friday, two people said."),
    ],
)
def test_opposite_outcomes_for_one_participant_are_a_polarity_conflict(a: str, b: str) -> None:
    r = compare_one_story({"a": a, "b": b}, padding=_CRASH, title="Plane crash", when="2018-01-07T18:00:00")
    (conflict,) = [c for c in r.conflicts if c.about.startswith("opposite outcomes")]
    assert {s.articles[0] for s in conflict.sides} == {"a", "b"}


@pytest.mark.parametrize(
    ("a", "b", "origins"),
    [
        # a count names no one in particular: two passengers
        ("One passenger survived the crash, officials said.", "One passenger was killed in the crash.", None),
        # two participants of one contest: both true
        ("Moreau won the final against Stein on Sunday.", "Stein lost the final to Moreau on Sunday.", None),
        # the doer of a killing is no one who died
        ("The gunman killed two guards in the attack on the bank.", "The gunman survived the attack on the bank.",
         None),
        # one sentence giving both poles sets two happenings side by side
        ("Moreau won the first set but lost the final to Stein.", "Moreau won the final against Stein.", None),
        # a hedge or a modal asserts nothing plainly
        ("The pilot may have survived the crash, officials said.", "The pilot was killed in the crash.", None),
        # one origin printed two ways is a copy's change
        ("The pilot survived the crash, officials said.", "The pilot was killed in the crash.", {"a": "a", "b": "a"}),
    ],
)
def test_other_participants_both_poles_hedges_and_one_origin_are_no_opposite_conflict(
    a: str, b: str, origins: dict[str, str] | None
) -> None:
    r = compare_one_story({"a": a, "b": b}, padding=_CRASH, title="Plane crash", when="2018-01-07T18:00:00",
                          origins=origins)
    assert not [c for c in r.conflicts if c.about.startswith("opposite outcomes")]


# ---------------------------------------------------------------- round 15 mends (review H1, M5-M7)

_MARKETS = (
    "Trading was busy across the region, with heavy volumes in several sectors of the market. "
    "Analysts said the week had brought a run of company news and earnings reports to investors. "
)


@pytest.mark.parametrize(
    ("a", "b", "published"),
    [
        # two measures of one company: the head nouns differ
        ("Norvik's sales rose 4 percent in the quarter, the company said.",
         "Norvik's earnings fell 2 percent in the quarter, the company said.", {}),
        # two months
        ("Inflation in the region fell to 3 percent in June.", "Inflation in the region rose to 4 percent in July.", {}),
        # no named period: the second report may be of the next trading day
        ("Norvik's shares rose 3 percent on the news.", "Norvik's shares fell 2 percent on the news.",
         {"a": "2024-05-06T09:00:00", "b": "2024-05-07T11:00:00"}),
        # an intraday move that may have reversed by the close
        ("Norvik's shares rose 3 percent in early trading on Tuesday.",
         "Norvik's shares fell 2 percent on Tuesday after the results.",
         {"a": "2024-05-07T10:00:00", "b": "2024-05-07T17:00:00"}),
    ],
)
def test_two_measures_periods_or_moments_are_no_direction_conflict(
    a: str, b: str, published: dict[str, str]
) -> None:
    r = compare_one_story({"a": a, "b": b}, padding=_MARKETS, title="Norvik results", when="2024-05-07T18:00:00",
                          published=published)
    assert not [c for c in r.conflicts if c.about.startswith("opposite outcomes")]


def test_one_measure_over_one_named_period_is_still_a_direction_conflict() -> None:
    r = compare_one_story(
        {"a": "Norvik's shares rose 3 percent on Tuesday, the exchange said.",
         "b": "Norvik's shares fell 2 percent on Tuesday, traders said."},
        padding=_MARKETS, title="Norvik results", when="2024-05-07T18:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.about.startswith("opposite outcomes")]
    assert conflict.about.endswith("direction of the change")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two people sharing a family name
        ("Maria Costa won her quarterfinal at the championships on Friday.",
         "Lena Costa lost her quarterfinal at the championships on Friday."),
        # two teams of one club
        ("Rovers' juniors won the county final on Saturday.", "Rovers' seniors lost the county final on Saturday."),
        # the plan against a part of it
        ("The board approved the school budget on Monday.",
         "The board rejected the school budget's transport costs on Monday."),
    ],
)
def test_participants_sharing_a_name_and_a_part_of_the_thing_are_no_opposite_conflict(a: str, b: str) -> None:
    r = compare_one_story({"a": a, "b": b}, padding=_CRASH, title="Results", when="2018-01-07T18:00:00")
    assert not [c for c in r.conflicts if c.about.startswith("opposite outcomes")]


def test_two_people_named_for_one_founding_are_no_agent_conflict() -> None:
    # co-founders: each report names one of them
    r = compare_one_story(
        {"a": "The design studio was founded by Maya Ortiz in 2011, the studio said.",
         "b": "Leo Brandt founded the design studio in a shared flat in 2011."},
        padding=_FAIR, title="Studio", when="2017-12-30T08:00:00",
    )
    assert not [c for c in r.conflicts if c.kind == "agent"]
    # a body against a body stays a disagreement about who did it
    r = compare_one_story(
        {"a": "The design studio was founded by the city council in 2011, the studio said.",
         "b": "The arts foundation founded the design studio in a shared flat in 2011."},
        padding=_FAIR, title="Studio", when="2017-12-30T08:00:00",
    )
    assert [c.kind for c in r.conflicts if c.kind == "agent"] == ["agent"]


@pytest.mark.parametrize(
    ("texts", "published"),
    [
        # one of several things, each in its own place
        ({"a": "The first rocket stage fell into the Sea of Okhotsk on Sunday.",
          "b": "The second rocket stage fell into the Pacific Ocean on Sunday."}, {}),
        # the same wording ten days apart and no shared date: two launches of one story
        ({"a": "The rocket stage flew over the northern coast and fell into the Sea of Okhotsk, officials said.",
          "b": "The rocket stage flew over the northern coast and fell into the Pacific Ocean, officials said."},
         {"a": "2017-09-01T08:00:00", "b": "2017-09-11T08:00:00"}),
    ],
)
def test_one_of_several_things_or_a_later_launch_is_no_place_conflict(
    texts: dict[str, str], published: dict[str, str]
) -> None:
    r = compare_one_story(texts, padding=_PAD, title="Rocket test", when="2017-09-11T08:00:00", published=published)
    assert not [c for c in r.conflicts if c.kind == "place"]


def test_clause_helpers_are_shared_by_the_clause_readers() -> None:
    from storyprism.compare import agents, denials, opposites
    from storyprism.compare.text import cased_words, clause_pattern, clauses, words

    cut = clause_pattern("and")
    assert clauses("The pilot survived, and the plane burned after it landed", cut, 2) == [
        "The pilot survived", "the plane burned", "it landed"]
    assert [agents._clauses, denials._clauses, opposites._clauses] and len(cased_words("Ann Berg's firm")) == len(
        words("Ann Berg's firm"))
    assert opposites._NOT_PLAIN.search("it will rise") and denials._MODAL.search("they can't say")
    assert not agents._MODAL.search("the firm said")
