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
    # a count above one takes a plural noun: a singular word after the adjective is no counted noun, so the
    # figure keeps the reading it had before adjectives were read past (review 1: a figure is not dropped)
    assert _read("Scientists named 12 tropical species and 3 rare plant.") == [
        ("12 tropical species", 12.0, "species"),
        ("3 rare", 3.0, "rare"),
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
    # a mission clock's reading is a moment, no amount (round 19; tests/test_extract_round8.py)
    assert _numbers("The core lands at T-plus 8 minutes, 19 seconds.") == []
    assert _numbers("Landing is at T+plus 8 minutes.") == []


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


# Round 18, review 1: sentences written for the tests in the shapes the review found.


def test_a_count_reads_past_names_and_attributive_nouns_to_its_plural() -> None:
    assert _read("Two senior White House officials quit.") == [
        ("Two senior White House officials", 2.0, "officials")
    ]
    assert _read("The 3 major U.S. banks failed.") == [("3 major U.S. banks", 3.0, "banks")]
    assert _read("Three former Soviet republics joined.") == [("Three former Soviet republics", 3.0, "republics")]
    assert _read("4 key swing states voted.") == [("4 key swing states", 4.0, "states")]
    assert _read("Two senior Trump administration officials left.")[0][2] == "officials"


def test_irregular_plurals_are_counted_nouns() -> None:
    assert _read("Police arrested 12 young men.") == [("12 young men", 12.0, "men")]
    assert _read("3 young children were hurt.") == [("3 young children", 3.0, "children")]
    assert _read("They saw 5 young gunmen.") == [("5 young gunmen", 5.0, "gunmen")]
    assert _read("It held 2 rare specimen jars.") == [("2 rare specimen jars", 2.0, "jars")]


def test_no_head_found_keeps_the_adjective_reading() -> None:
    # an elided noun: the count still counts, as it always read
    assert _read("The team won 4 straight.") == [("4 straight", 4.0, "straight")]
    # a capitalised plural may be the counted noun itself, and is not read as a unit
    assert _read("Two young Americans died.") == [("Two young", 2.0, "young")]
    assert _read("Three key Democrats oppose cuts.") == [("Three key", 3.0, "key")]


def test_a_count_of_one_takes_the_singular_right_after_its_adjective() -> None:
    assert _read("One senior official resigned.") == [("One senior official", 1.0, "official")]
    assert _read("Only one local family stayed.") == [("one local family", 1.0, "family")]
    # a past form is the verb, a plain adjective no head: the old reading stays
    assert _read("One senior resigned.") == [("One senior", 1.0, "senior")]
    assert _read("They lost one big red balloon.") == [("one big", 1.0, "big")]
    # an irregular plural never agrees with one
    assert _read("One young men said.") == [("One young", 1.0, "young")]


def test_an_attributive_noun_in_s_is_read_past_to_the_plural_after_it() -> None:
    assert _read("It holds 20 natural gas fields.") == [("20 natural gas fields", 20.0, "fields")]
    assert _read("4 local sports clubs met.") == [("4 local sports clubs", 4.0, "clubs")]
    # an adverb in -s after the plural is no noun
    assert _read("3 big firms overseas agreed.") == [("3 big firms", 3.0, "firms")]


def test_extracted_numbers_share_the_head_rules() -> None:
    from storyprism.extract.numbers import find_numbers

    def units(text: str) -> list[str | None]:
        return [n.unit for n in find_numbers("a", text, [(0, len(text))])]

    assert units("Two senior White House officials quit.") == ["officials"]
    assert units("Police arrested 12 young men.") == ["men"]
    assert units("Only 1 local family stayed.") == ["family"]
    assert units("Only 1 senior official resigned.") == ["official"]
    assert units("It holds 20 natural gas fields.") == ["fields"]


def test_about_after_a_verb_of_talking_is_the_preposition_across_a_mark() -> None:
    assert _numbers("They talked about “two worlds” colliding.") == [("two", 2.0, 2.0, None)]
    assert _numbers("She asked us about “two decades” of work.") == [("two", 2.0, 2.0, None)]
    # a verb that reports a statement opens it with the quotation: "about" there is still "roughly"
    assert _numbers("He said about “40 people had left.”")[0][3] == "about"
    # the approximator still reaches across the mark elsewhere, and "about" without a mark is unchanged
    assert _numbers("He took only about “ten per cent” of the blame.")[0][3] == "about"
    assert _numbers("They talked for about two hours.") == [("about two", 1.8, 2.2, "about")]


def test_a_conversion_bracket_closes_right_after_its_unit() -> None:
    # a part or a detail in brackets keeps its own reading
    assert _numbers("More than 100 km (20 km of it unpaved) was built.")[1] == ("20", 20.0, 20.0, None)
    assert _numbers("Up to 40 miles (20 in the city) were paved.")[1] == ("20", 20.0, 20.0, None)
    # a conversion to inches, and one written onto its figure, take the bound
    assert _numbers("The board was less than 10 cm (4 in) thick.")[1] == ("4", None, 4.0, "less-than")
    assert _numbers("It rose more than 100 km (62mi) high.")[1] == ("62mi", 62.0, None, "more-than")


def test_units_of_measure_have_one_table() -> None:
    import re

    from storyprism.extract import numbers as extract_numbers
    from storyprism.text.numbers import MEASURE_UNITS

    assert extract_numbers._MEASURE_UNITS is MEASURE_UNITS
    assert re.fullmatch(MEASURE_UNITS, "kilometres") and re.fullmatch(MEASURE_UNITS, "acres")
    # "about one" before any unit the table names is an amount ("about one acre", once missing)
    assert _numbers("The plot is about one acre.") == [("about one", 0.9, 1.1, "about")]
