"""Issue 12, round 17: numbers and dates a fresh blind draw read wrong. A mixed number ("2 2/3 innings") is
one amount; an approximator keeps its number across an opening quotation mark (some "750 employees);
days in a list of dates ("Jan. 12, 19 and 26") are no amount; "in September of that year" takes the year
the text wrote before; a quoted "today" closing a present-tense relative clause means nowadays.
Texts written for the tests."""

from __future__ import annotations

from storyprism.extract.date_generic import quoted_nowadays
from storyprism.extract.date_refer import refers_back, year_before
from storyprism.extract.dates import find_dates
from storyprism.extract.number_forms import in_day_list, mixed_fraction
from storyprism.extract.numbers import find_numbers
from storyprism.extract.text import paragraphs, sentences


def _numbers(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(n.text, n.low, n.high, n.unit) for n in find_numbers("a", text, [(0, len(text))])]


def _dates(text: str, published: str) -> list[tuple[str, str | None]]:
    spans = [s for p in paragraphs(text) for s in sentences(text, *p)]
    return [(d.text, d.value) for d in find_dates("a", text, spans, published)]


def test_mixed_number_is_one_amount() -> None:
    text = "The reliever had thrown 2 2/3 innings on Sunday and another 1 1/3 innings on Tuesday."
    assert _numbers(text) == [
        ("2 2/3", 2.666667, 2.666667, "innings"),
        ("1 1/3", 1.333333, 1.333333, "innings"),
    ]
    assert _numbers("The recipe needs 1 1/2 cups of flour.") == [("1 1/2", 1.5, 1.5, "cups")]


def test_mixed_number_needs_a_proper_fraction() -> None:
    assert mixed_fraction("was 2 4/3 then", 5) is None  # a fraction of one or more is no mixed number
    assert mixed_fraction("slide 3 1/22 of", 7) is None  # a denominator past sixteen: a counter
    assert mixed_fraction("on 3 1/2/2018", 4) is None  # a date written with slashes
    assert mixed_fraction("ran 5 3/4 miles", 5) == (0.75, 9)


def test_approximator_across_an_opening_quotation_mark() -> None:
    text = 'The college said that some "750 staff members had odd activity on their accounts.'
    assert _numbers(text) == [('some "750', 675.0, 825.0, "staff")]
    text = "The police said around “1,200 fans had no tickets,” and about 50 were held."
    found = _numbers(text)
    assert found[0] == ("around “1,200", 1080.0, 1320.0, "fans")
    assert found[1] == ("about 50", 45.0, 55.0, None)


def test_days_in_a_list_of_dates_are_no_amount() -> None:
    assert _numbers("The club opens its dome at 8 p.m. Other dates: Feb. 9, 16 and 23. Entry is free.") == []
    assert _numbers("Classes meet on March 3, 10, 17 and 24 at the library.") == []
    assert _numbers("Talks are held on 5, 12 and 19 October in the hall.") == []
    # a date, then a count: no "and" closes a list of days
    assert _numbers("On Jan. 12, 19 people died in the fire.") == [("19", 19.0, 19.0, "people")]
    text = "On Jan. 12, 19 and 26 people were hurt in two blasts."
    assert in_day_list(text, 12, 21) is False  # a counted noun after the list makes it a count


def test_in_september_of_that_year_takes_the_year_written_before() -> None:
    text = (
        "Fans still blame a goat for the club's 1945 season. Many believe the season was doomed after the "
        "goat was turned away from a game in September of that year. The club lost."
    )
    assert _dates(text, "2016-11-03") == [("in September", "1945-09")]
    text = "The club was founded in 1902. On May 4 of that year it played its first game."
    assert _dates(text, "2016-11-03") == [("May 4", "1902-05-04")]
    # no year written before: "that year" cannot be known, and it is not the stamp's
    assert _dates("The club played in September of that year, he said.", "2016-11-03") == [
        ("in September", None)
    ]
    # without the phrase, the stamp's year as before
    assert _dates("The club was founded in 1902. It played in September, he said.", "2016-11-03") == [
        ("in September", "2016-09")
    ]


def test_refers_back_and_year_before() -> None:
    assert refers_back("in June of the same year", 7)
    assert refers_back("on May 4 that same year", 8)
    assert not refers_back("in June of this year", 7)
    assert year_before([(10, 1969), (900, 1970), (2000, 2016)], 1200) == 1970
    assert year_before([(10, 1969)], 1200) is None  # too far back to be the year referred to


def test_quoted_today_closing_a_present_state_relative_clause_is_nowadays() -> None:
    pub = "2016-07-14"
    said = '"We will always be stronger than the bullies who want to hurt us today," the mayor said.'
    assert _dates(said, pub) == [("today", None)]
    said = "“Maybe that is why the banks are in trouble today,” the analyst said."
    assert _dates(said, pub) == [("today", None)]
    said = "“The town will not go without the grants it is getting today,” he said."
    assert _dates(said, pub) == [("today", None)]


def test_quoted_today_of_the_day_keeps_the_stamp() -> None:
    pub = "2016-07-14"
    for said in (
        '"I want to thank the people who are here today," she said.',  # presence on the day
        '"We honour the workers who are marching today," she said.',  # a progressive of an event
        '"The people that have died today were innocent," he said.',  # a perfect: an event
        '"We are announcing our separation today," she said.',  # no relative clause
    ):
        assert _dates(said, pub) == [("today", pub)], said
    # the reporter's own words: the day of the story
    text = "Investors who want shares today can buy them online."
    assert not quoted_nowadays(text, text.index("today"), text.index("today") + 5)
