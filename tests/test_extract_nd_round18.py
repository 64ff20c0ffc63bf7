"""Issue 12 (and 11), round 18: the shared quantity reader reads a count past one or two descriptive
adjectives to its noun ("998 horizontal miles"), never past a noun, and keeps a word that makes a compound
unit ("square", "nautical") as the unit. Texts written for the tests."""

from __future__ import annotations

from storyprism.text.numbers import compatible, read_quantities


def _read(text: str) -> list[tuple[str, float | None, str]]:
    return [(q.text, q.low, q.unit) for q in read_quantities(text)]


def test_a_count_reads_past_a_descriptive_adjective() -> None:
    assert _read("The missile can fly 998 horizontal miles.") == [("998 horizontal miles", 998.0, "miles")]
    assert _read("Inspectors counted 20 ballistic missiles.") == [("20 ballistic missiles", 20.0, "missiles")]
    assert _read("Ten homeless people slept there.") == [("Ten homeless people", 10.0, "people")]
    # a plain adjective, and a hyphenated compound modifier
    assert _read("The firm owns 4 large airports.") == [("4 large airports", 4.0, "airports")]
    assert _read("They fired 3 nuclear-capable missiles.") == [
        ("3 nuclear-capable missiles", 3.0, "missiles")
    ]


def test_two_adjectives_at_most_and_no_noun_between() -> None:
    assert _read("It runs 4 large international airports.") == [
        ("4 large international airports", 4.0, "airports")
    ]
    # a noun between the figure and the next noun is what is counted
    assert _read("There were 998 people miles away.") == [("998 people", 998.0, "people")]
    # a count above one takes a plural noun: a singular word after the adjective is no counted noun
    assert _read("Scientists named 12 tropical species and 3 rare plant.") == [
        ("12 tropical species", 12.0, "species")
    ]


def test_a_word_that_makes_a_compound_unit_stays_the_unit() -> None:
    # as the reader has always written an area: "square" stands for the compound unit
    assert _read("The fire burned 5 square miles.") == [("5 square", 5.0, "square")]
    # never read past to the plain noun: 12 nautical miles are not 12 miles
    assert _read("The ship stopped 12 nautical miles offshore.") == []
    assert _read("They shipped 40 metric tons of rice.") == []


def test_a_two_word_nationality_before_the_noun() -> None:
    assert _read("The crash killed two Costa Rican pilots.") == [("two Costa Rican pilots", 2.0, "pilots")]
    assert _read("It killed two local pilots.") == [("two local pilots", 2.0, "pilots")]


def test_an_adjective_figure_meets_a_plain_one_of_the_same_unit() -> None:
    near = read_quantities("a range of 998 horizontal miles")[0]
    far = read_quantities("a range of 1,500 miles")[0]
    round_ = read_quantities("a range of 1,000 miles")[0]
    assert near.unit == far.unit == round_.unit == "miles"
    assert not compatible(near, far)
    assert compatible(near, round_)  # "1,000" is a round figure: about a thousand


def test_unchanged_shapes() -> None:
    assert _read("some 5,000 Russian troops") == [("some 5,000 Russian troops", 4500.0, "troops")]
    assert _read("10 new jobs") == [("10 new jobs", 10.0, "jobs")]
    assert _read("30 percent of local voters") == [("30 percent", 30.0, "percent")]
    assert _read("the 12 original remain") == []


def test_extracted_numbers_name_the_noun_past_adjectives() -> None:
    from storyprism.extract.numbers import find_numbers

    def units(text: str) -> list[tuple[str, str | None]]:
        return [(n.text, n.unit) for n in find_numbers("a", text, [(0, len(text))])]

    assert units("The missile can fly 998 horizontal miles.") == [("998", "miles")]
    assert units("The fire burned 5 square miles.") == [("5", "square")]
    assert units("There were 998 people miles away.") == [("998", "people")]


def _numbers(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    from storyprism.extract.numbers import find_numbers

    return [(n.text, n.low, n.high, n.qualifier) for n in find_numbers("a", text, [(0, len(text))])]


def test_a_run_of_bare_numerals_is_a_list_of_labels() -> None:
    # a map's legend: numbered spots printed side by side
    assert _numbers("MAIN GATE 6 3 5 4 Fans ran this way.") == []
    assert _numbers("The winning numbers were 4 8 15 16 23 42 last night.") == []
    # two numbers side by side stay what they were (a year, then a count)
    assert _numbers("In 2017 2000 troops arrived.") == [("2000", 2000.0, 2000.0, None)]


def test_minutes_and_seconds_are_one_duration() -> None:
    [(text, low, high, qual)] = _numbers("The race lasted 8 minutes, 19 seconds in all.")
    assert text == "8 minutes, 19 seconds" and qual is None
    assert low == high and low is not None and abs(low - (8 + 19 / 60)) < 1e-9
    # a mission clock's reading keeps its minutes as before (tests/test_extract_round8.py)
    assert _numbers("The core lands at T-plus 8 minutes, 19 seconds.") == [("8", 8.0, 8.0, None)]


def test_an_approximator_reaches_a_number_in_words_across_a_quotation_mark() -> None:
    assert _numbers("He took only about “ten per cent” of the blame.") == [
        ("about “ten per cent", 9.0, 11.0, "about")
    ]
    # a quotation opening on "one" is a phrase, and a title keeps its preposition
    assert _numbers("She spoke about “one day” soon.") == []
    assert [n[3] for n in _numbers("A film about “Twelve Angry Men” ran.")] == [None]


def test_a_bracketed_conversion_keeps_the_bound_of_the_figure_it_converts() -> None:
    assert _numbers("The crew was less than 10 metres (33 feet) from the bottom.") == [
        ("less than 10", None, 10.0, "less-than"),
        ("33", None, 33.0, "less-than"),
    ]
    assert _numbers("It dropped 10 metres (33 feet).") == [("10", 10.0, 10.0, None), ("33", 33.0, 33.0, None)]
    # a part in brackets is no conversion: it keeps its own reading
    assert _numbers("About 100 people (20 children) were hurt.")[1] == ("20", 20.0, 20.0, None)
