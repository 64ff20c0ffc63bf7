"""Issue 11, round 19: a publication date without its time stands for its whole day; a conflict is
shown by the pair of sentences that states it most plainly; one table of units of measure. Its review:
a midnight read on the stamp's own clock, two dates without their times as far apart as their days."""

from __future__ import annotations

import re

import pytest

from compare_helpers import compare_one_story
from storyprism.compare.claims import StoryText
from storyprism.compare.sides import hours_apart, maybe_update
from storyprism.records import Article, Story
from storyprism.text.numbers import MEASURE_UNITS, is_measure_unit, measure_name

_PAD = (
    "The launch drew crowds to the coast and the harbour on the morning of the test. "
    "Local schools stayed open and the ferry service ran to its usual timetable all day. "
)


def _text(published: dict[str, str]) -> StoryText:
    articles = {aid: Article(id=aid, ref=f"{aid}.txt", title="t", text="x", published=p) for aid, p in published.items()}
    return StoryText(story=Story(id="s1", title="t", articles=list(articles)), articles=articles,
                     origins={a: a for a in articles})


@pytest.mark.parametrize(
    ("a", "b", "hours"),
    [
        ("2017-09-15T00:00:00", "2017-09-16T10:30:00", 10.5),  # a day only, then a time the next day
        ("2017-09-15", "2017-09-16T10:30:00", 10.5),  # the date printed alone
        ("2017-09-15T00:00:00", "2017-09-15T18:00:00", 0.0),  # within that day
        ("2017-09-15T06:00:00", "2017-09-16T00:00:00", 18.0),  # the later one's day runs later still
        ("2017-09-15T06:00:00", "2017-09-16T12:00:00", 30.0),  # two times: as printed
    ],
)
def test_a_date_without_its_time_stands_for_its_whole_day(a: str, b: str, hours: float) -> None:
    st = _text({"a": a, "b": b})
    assert hours_apart(st, "a", "b") == pytest.approx(hours)
    assert hours_apart(st, "b", "a") == pytest.approx(hours)


def test_where_a_missile_fell_conflicts_with_a_report_dated_the_day_before_without_a_time() -> None:
    # b's page gives only the date: it went out some time on the 15th, hours before a's report of
    # the 16th, not a day and a half (which would read as a possible update)
    r = compare_one_story(
        {
            "a": "The missile flew over northern Japan and smashed down in the Sea of Japan far to the east.",
            "b": "Officials said on Friday the missile had flown over northern Japan and fallen into the Pacific Ocean.",
        },
        padding=_PAD,
        title="Missile test",
        when="2017-09-15T00:00:00",
        published={"a": "2017-09-16T10:30:00"},
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "place"]
    assert sorted(s.value for s in conflict.sides) == ["Pacific Ocean", "Sea of Japan"]


def test_a_place_conflict_is_shown_by_two_sentences_that_tell_where_it_came_down() -> None:
    r = compare_one_story(
        {
            "a": "The missile flew over northern Japan and smashed down in the Sea of Japan far to the east.",
            # fired "into" the ocean: where it was aimed, said in passing
            "b": "The army fired the missile over northern Japan and into the Pacific Ocean, officials said.",
            "c": "Officials said the missile had flown over northern Japan and fallen into the Pacific Ocean.",
            "d": "Officials said the missile had flown over northern Japan and fallen into the Pacific Ocean.",
        },
        padding=_PAD,
        title="Missile test",
        when="2017-09-15T08:00:00",
        origins={"a": "a", "b": "b", "c": "c", "d": "c"},
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "place"]
    pacific = next(s for s in conflict.sides if s.value == "Pacific Ocean")
    assert "fallen into" in pacific.text
    assert pacific.articles == ["c", "d"]  # every article printing that sentence


_CAMP = (
    "Aid groups set up tents for the families who left the valley after the storm. "
    "The roads to the camp were cleared by the army on the second day. "
)


def test_a_number_conflict_is_shown_by_the_closest_pair_of_sentences_compared() -> None:
    r = compare_one_story(
        {
            # one report of the same value in passing, printed first
            "a": "Tens of thousands of troops were massed by May, the ministry said in its yearly report on the army.",
            "b": "More than 100,000 troops were massed along the eastern border near the river, officials said.",
            "c": "Tens of thousands of troops were massed along the eastern border near the river, officials said.",
        },
        padding=_CAMP,
        title="Troops at the border",
        when="2024-05-06T09:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "number"]
    vague = next(s for s in conflict.sides if s.text.startswith("Tens"))
    assert "eastern border" in vague.text  # c's sentence, as b words it, not a's passing one
    assert vague.articles == ["a", "c"]


def test_one_table_of_units_names_each_spelling_once() -> None:
    spellings = {"metres": ("m", "Meters", "metre"), "kilometres": ("km", "kms", "kilometer"),
                 "feet": ("ft", "foot", "feet"), "miles": ("mile", "mi")}
    for name, words in spellings.items():
        assert {measure_name(w) for w in words} == {name}
    assert measure_name("kg") == measure_name("kilos") == measure_name("kilograms") == "kilograms"
    assert measure_name("tonnes") == "tonnes" and measure_name("tons") == "tons"  # never converted
    assert measure_name("acres") is None and measure_name("viewers") is None
    # every unit the readers compare is one of the shared table's units
    for word in ("m", "km", "kms", "cm", "mm", "ft", "mi", "yds", "inches", "kg", "lbs", "tonne", "tons"):
        assert is_measure_unit(word) and re.fullmatch(MEASURE_UNITS, word, re.I)
    assert not is_measure_unit("troops")


def test_a_weight_in_tons_near_the_injured_is_no_toll() -> None:
    # "tons" is a unit of measure (the shared table): it counts no people, whatever the sentence
    # says about the hurt, so two weights of one truck are compared rather than read as a toll
    r = compare_one_story(
        {
            "a": "A truck weighing 19 tons ploughed into the crowd and injured dozens of people on the promenade.",
            "b": "A truck weighing 25 tons ploughed into the crowd and injured dozens of people on the promenade.",
        },
        padding=_PAD,
        title="Truck attack",
        when="2016-07-15T08:00:00",
    )
    assert [c for c in r.conflicts if c.kind == "number"]



@pytest.mark.parametrize(
    ("a", "b", "hours"),
    [
        # 05:00 at +05:00 is midnight UTC, but a real time where it was printed
        ("2017-09-15T05:00:00+05:00", "2017-09-16T10:00:00+00:00", 34.0),
        # a date printed at its own zone's midnight is a day: 04:00 UTC, and that day runs 24 hours
        ("2017-09-15T00:00:00-04:00", "2017-09-16T10:00:00+00:00", 6.0),
        # two dates without their times: as far apart as their days
        ("2017-09-15", "2017-09-17", 48.0),
        ("2017-09-15T00:00:00", "2017-09-16T00:00:00Z", 24.0),
    ],
)
def test_midnight_is_read_on_the_stamps_own_clock(a: str, b: str, hours: float) -> None:
    st = _text({"a": a, "b": b})
    assert hours_apart(st, "a", "b") == pytest.approx(hours)
    assert hours_apart(st, "b", "a") == pytest.approx(hours)


def test_two_dated_reports_two_days_apart_may_be_an_update() -> None:
    # a toll printed on the 15th and another on the 17th, neither with its time: the later one may
    # have updated the earlier, as with two timed reports two days apart
    st = _text({"a": "2017-09-15", "b": "2017-09-17"})
    assert maybe_update(st, "a", "b")
