"""Issue 12 round 24, numbers: a duration written without "and" joins only a unit and its next smaller one
("4 hours 28 minutes"), so a round-the-clock phrase ("24 hours 7 days") keeps both numbers; a course
label ("Virtual reality 101:") is no amount. Sentences are written for the tests (no shared data)."""

from __future__ import annotations

from storyprism.extract.number_durations import duration_rest, mission_clock_reading
from storyprism.extract.number_forms import course_label
from storyprism.extract.numbers import find_numbers


def _nums(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(n.text, n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])]


def test_a_duration_without_and_is_one_amount() -> None:
    got = _nums("The match lasted 4 hours 28 minutes in the heat.")
    assert len(got) == 1 and got[0][0] == "4 hours 28 minutes"
    assert abs((got[0][1] or 0) - (4 + 28 / 60)) < 1e-9


def test_a_larger_unit_after_hours_keeps_both_numbers() -> None:
    got = _nums("The helpline is staffed 24 hours 7 days a week.")
    assert [g[1] for g in got] == [24.0, 7.0]


def test_the_rest_needs_the_next_smaller_unit_and_a_short_number() -> None:
    text = "after 3 hours 15 minutes, then 2 hours 150 minutes, then 2 minutes 9 seconds"
    assert duration_rest(text, text.index("15 minutes"), text.index("15 minutes") + 2, "15")
    assert not duration_rest(text, text.index("150"), text.index("150") + 3, "150")
    assert duration_rest(text, text.index("9 seconds"), text.index("9 seconds") + 1, "9")
    joined = "it took 8 hours and 20 minutes"
    assert duration_rest(joined, joined.index("20"), joined.index("20") + 2, "20")


def test_a_mission_clock_reading_is_no_amount() -> None:
    text = "at T-plus 3 minutes, 4 seconds the stage separated"
    assert mission_clock_reading(text, text.index("3"), text.index("3") + 1)
    assert _nums(text) == []


def test_a_course_label_is_no_amount() -> None:
    assert _nums("Read more: Virtual reality 101: what you need to know") == []
    assert _nums("Economics 101\nNext story") == []
    text = "Take Robotics 101 This fall"
    assert course_label(text, text.index("101"), text.index("101") + 3)


def test_101_of_something_stays_an_amount() -> None:
    assert [g[1] for g in _nums("She turned 101.")] == [101.0]
    assert [g[1] for g in _nums("There were 101 people at the hall.")] == [101.0]
    assert [g[1] for g in _nums("The count reached a total of 101.")] == [101.0]
    assert [g[1] for g in _nums("the 101 dogs")] == [101.0]
