"""Issue 12, round 17: numbers and dates a fresh blind draw read wrong. A mixed number ("2 2/3 innings") is
one amount; an approximator keeps its number across an opening quotation mark (some "750 employees);
days in a list of dates ("Jan. 12, 19 and 26") are no amount; "in September of that year" takes the year
the text wrote before; a quoted "today" closing a present-tense relative clause means nowadays.
Texts written for the tests."""

from __future__ import annotations

from storyprism.extract.date_generic import quoted_nowadays, stated_years
from storyprism.extract.date_refer import is_year, refers_back, year_before
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
    text = "It began in 1969." + " " * 880 + "It grew in 1970." + " " * 300 + "In June of that year."
    years = stated_years(text)
    assert year_before(text, years, len(text) - 20) == 1970
    assert year_before(text, years[:1], len(text) - 20) is None  # too far back to be the year referred to


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


# Review 1 of round 17: the mends below each fail without their change.


def test_nine_eleven_after_a_count_is_no_fraction() -> None:
    # N1: "9/11" names a date; elevenths are no denominator prose writes in a mixed number
    assert _numbers("The charity helped 40 9/11 widows.") == [("40", 40.0, 40.0, "widows")]
    assert mixed_fraction("met 3 9/11 firefighters", 5) is None
    assert mixed_fraction("ran 2 7/8 miles", 5) == (0.875, 9)


def test_mixed_number_before_a_comma_or_full_stop() -> None:
    # N2: punctuation ending the clause does not cut the fraction off
    assert _numbers("She ran 4 1/4, then stopped.")[0][:3] == ("4 1/4", 4.25, 4.25)
    assert _numbers("The boy was 5 1/2.")[0][:3] == ("5 1/2", 5.5, 5.5)
    assert mixed_fraction("was 5 1/2.5 then", 5) is None  # a decimal after the slash: no mixed number


def test_partitive_after_a_date_is_a_count() -> None:
    # N3: "of them", "of the passengers" after the numbers counts a part of a group
    assert _numbers("On March 3, 14 and 15 of them were freed.") == [("14 and 15", 14.0, 15.0, "them")]
    assert not in_day_list("On May 2, 9 and 16 of the crew left.", 11, 19)
    assert in_day_list("Meetings: May 2, 9 and 16 of this month.", 17, 25)


def test_about_before_a_quoted_title_is_a_preposition() -> None:
    # N4: a quotation opening on a number and a capitalised word is a title
    assert _numbers("The essay is about “300 Spartans” and courage.")[0][:3] == ("300", 300.0, 300.0)
    assert _numbers("She said about “300 soldiers had fled.”")[0][:3] == ("about “300", 270.0, 330.0)


def test_mixed_number_after_a_currency_sign_with_a_scale_word() -> None:
    # N5: "$4 1/2 million" is one amount of money
    assert _numbers("The town paid $4 1/2 million for it.") == [
        ("$4 1/2 million", 4_500_000.0, 4_500_000.0, "USD")
    ]


def test_that_year_needs_a_number_written_as_a_year() -> None:
    # D1: a 4-digit amount, address or serial number is no year to refer back to
    pub = "2024-06-10T12:00:00Z"
    for first in (
        "About 2000 fans came.",
        "She lives at 1984 Oak Road.",
        "Bus 1999 was late.",
        "It cost 2015 euros.",
    ):
        assert _dates(first + " In October of that year she moved.", pub) == [("In October", None)], first
    assert _dates("He served from 1995 to 1998. In October of that year she moved.", pub) == [
        ("In October", "1998-10")
    ]
    assert _dates("The club's 1977 season ended. In October of that year she moved.", pub) == [
        ("In October", "1977-10")
    ]
    text = "In 1984 voters chose him, and a field of 2000 runners ran."
    assert is_year(text, 3, 7)  # a preposition of time before it
    assert not is_year(text, text.index("2000"), text.index("2000") + 4)  # a counted noun after it


def test_quoted_today_of_a_place_without_a_capital_keeps_the_day() -> None:
    # D2: be + in/at/on + a place says where someone is that day; a phrase of a state stays "nowadays"
    pub = "2024-06-10T12:00:00Z"
    for quote in (
        "the workers who are on strike today",
        "the men who are in court today",
        "those who are at sea today",
    ):
        assert _dates(f"“We stand with {quote},” she said.", pub) == [("today", "2024-06-10")], quote
    for text in (
        "“That is why the rebels who are in power today,” he said.",
        "“It is where I am in my life today.”",
    ):
        assert quoted_nowadays(text, text.index("today"), text.index("today") + 5), text


def test_that_years_possessive_opens_a_new_clause() -> None:
    # D3: "In May, that year's crop failed": the comma and possessive make "that year's" a subject
    assert not refers_back("In May, that year's crop failed.", 6)
    assert refers_back("In May, that same year, it failed.", 6)
