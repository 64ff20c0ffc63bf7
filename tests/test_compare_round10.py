"""Round 10 of conflicts: one length printed in two unit wordings ("14ft" / "9 to 11 feet"), a printed
range read whole, and the sides naming every article that prints the sentence.

Every text here is made up for these tests.
"""

from __future__ import annotations

from compare_helpers import compare_one_story
from storyprism.records import Comparison

_PADDING = (
    "Keepers closed the reptile house for the rest of the week.\n"
    "The park's director thanked visitors who had called for help.\n"
)


def _compare(texts: dict[str, str], origins: dict[str, str] | None = None,
             published: dict[str, str] | None = None) -> Comparison:
    return compare_one_story(texts, padding=_PADDING, title="Fall into an enclosure", when="2024-05-06T09:00:00", origins=origins,
                             published=published)


def _numbers(result: Comparison) -> list:
    return [c for c in result.conflicts if c.kind == "number"]


_RANGE_SPELLED = "Officials said the girl, who fell 9 to 11 feet, is expected to recover after keepers reached Bruno."
_ABBREVIATED = "Little Maya Torres fell 14ft into the tortoise Bruno's pit after slipping under a rail at the park."
_ABBREVIATED_AGREES = "Little Maya Torres fell 10ft into the tortoise Bruno's pit after slipping under a rail at the park."


def test_an_abbreviated_and_a_spelled_out_length_of_one_fall_disagree():
    result = _compare({"a": _RANGE_SPELLED, "b": _ABBREVIATED})
    (conflict,) = _numbers(result)
    assert "fell" in conflict.attribute and "feet" in conflict.attribute
    values = {s.value for s in conflict.sides}
    assert values == {"9 to 11 feet", "14ft"}  # the printed range is read whole, not just its upper end
    assert {a for s in conflict.sides for a in s.articles} == {"a", "b"}


def test_a_length_inside_the_printed_range_is_no_conflict():
    assert not _numbers(_compare({"a": _RANGE_SPELLED, "b": _ABBREVIATED_AGREES}))


def test_one_origin_printing_both_wordings_is_no_conflict():
    assert not _numbers(_compare({"a": _RANGE_SPELLED, "b": _ABBREVIATED}, origins={"a": "a", "b": "a"}))


def test_a_distance_worked_days_apart_may_be_progress():
    # Digging goes on between reports: 4 feet on Monday and 14ft by Friday can both be true.
    dug_spelled = "Volunteers dug 4 feet into the collapsed bank behind the reptile house near Bruno's pit."
    dug_abbreviated = "Volunteers dug 14ft into the collapsed bank behind the reptile house near Bruno's pit."
    late = {"a": "2024-05-06T09:00:00", "b": "2024-05-10T18:00:00"}
    assert not _numbers(_compare({"a": dug_spelled, "b": dug_abbreviated}, published=late))
    # the same two reports on one morning do disagree
    assert len(_numbers(_compare({"a": dug_spelled, "b": dug_abbreviated}))) == 1


def test_two_spelled_out_lengths_are_left_to_the_number_reader():
    # Both figures spelled out: the size detector does not add a second conflict for them.
    a = "Officials said the girl fell 9 feet into the pit beside the tortoise Bruno at the park."
    b = "Officials said the girl fell 14 feet into the pit beside the tortoise Bruno at the park."
    result = _compare({"a": a, "b": b})
    fell = [c for c in _numbers(result) if "fell" in c.attribute]
    assert len(fell) <= 1


def test_a_speed_is_no_length():
    a = "The keeper's cart was doing 9 miles per hour when it reached Bruno's pit at the park."
    b = "The keeper's cart was doing 14mph when it reached Bruno's pit at the park."
    assert not _numbers(_compare({"a": a, "b": b}))


def test_a_side_names_every_article_printing_its_sentence():
    # "c" carries "a"'s sentence word for word (one origin): the side lists both papers.
    result = _compare({"a": _RANGE_SPELLED, "b": _ABBREVIATED, "c": _RANGE_SPELLED},
                      origins={"a": "a", "b": "b", "c": "a"})
    (conflict,) = _numbers(result)
    by_value = {s.value: s.articles for s in conflict.sides}
    assert by_value["9 to 11 feet"] == ["a", "c"]
    assert by_value["14ft"] == ["b"]
    assert {o for s in conflict.sides for o in s.origins} == {"a", "b"}
