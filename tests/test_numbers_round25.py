"""Issue 12 round 25, numbers: both number readers count a bare scale word after "a few", "several" or "a
couple" from one shared table ("a few thousand fans", "several dozen eggs"), and never a bare scale word
alone; a capitalised word set off by a comma does not make the number after it a model's ("In Paris, 40
people died"); a second time unit no smaller than the first starts a new amount ("24 hours a day, 7 days a
week"). Sentences are written for the tests (no shared data)."""

from __future__ import annotations

from storyprism.extract.number_durations import duration_rest
from storyprism.extract.numbers import find_numbers
from storyprism.text.numbers import few_times_before, read_quantities


def _nums(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(n.text, n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])]


def _quantities(text: str) -> list[tuple[float | None, float | None]]:
    return [(q.low, q.high) for q in read_quantities(text)]


def test_the_shared_table_reads_each_count_word() -> None:
    text = "a ‘couple of hundred"
    assert few_times_before(text, text.index("hundred")) == (0, 2.0, 2.0)
    text = "Several thousand"
    assert few_times_before(text, text.index("thousand")) == (0, 3.0, 9.0)
    assert few_times_before("the thousand", 4) is None


def test_a_few_thousand_is_read_by_both_readers_alike() -> None:
    text = "A few thousand fans marched and several million dollars were raised."
    assert _nums(text) == [("A few thousand", 2000.0, 5000.0), ("several million", 3e6, 9e6)]
    assert _quantities(text) == [(2000.0, 5000.0), (3e6, 9e6)]


def test_a_couple_of_thousand_is_about_two_thousand() -> None:
    got = _nums("a couple of thousand people came")
    assert got == [("a couple of thousand", 1800.0, 2200.0)]
    assert _quantities("a couple of thousand people came") == [(1800.0, 2200.0)]


def test_several_dozen_counts_the_dozen_several_times() -> None:
    assert _nums("several dozen eggs broke") == [("several dozen", 36.0, 108.0)]
    assert _quantities("several dozen eggs broke") == [(36.0, 108.0)]


def test_a_bare_scale_word_is_no_count() -> None:
    for text in ("the million-dollar question was asked", "Thousand Oaks police said", "a thousand years"):
        assert all(n[1] != 1e6 for n in _nums(text)), text
    assert _nums("Thousand Oaks police said") == []
    assert _quantities("the million-dollar question was asked") == []


def test_a_comma_ends_the_name_before_a_count() -> None:
    assert _nums("In Paris, 40 people died.") == [("40", 40.0, 40.0)]
    # still no amount: an age after a name, a model number with nothing counted
    assert _nums("Michael Neu, 67 of Slidell, was arrested.") == []
    assert _nums("Jane Roe, 46, said so.") == []


def test_a_count_of_people_is_never_a_model_number() -> None:
    assert _nums("On Sunday 12 people died") == [("12", 12.0, 12.0)]
    assert _nums("The new Pixel 2 camera is good.") == []


def test_a_second_unit_no_smaller_starts_a_new_amount() -> None:
    got = _nums("The line is open 24 hours a day, 7 days a week.")
    assert [g[1] for g in got] == [24.0, 7.0]
    text = "open 24 hours a day, seven days a week"
    at = text.index("seven")
    assert not duration_rest(text, at, at + 5, "seven")
    joined = "it took 5 days, 3 hours"
    assert duration_rest(joined, joined.index("3"), joined.index("3") + 1, "3")


def test_a_model_in_a_list_of_models_is_no_amount() -> None:
    assert _nums("Earlier models such as 5, 5S and 5C are not covered.") == []
    assert _nums("They sold 5, 6 and 7 units.") != []


def test_a_number_after_a_verb_of_naming_is_a_name() -> None:
    assert _nums("One user called 80 Hou Bu Huai wrote this.") == []
    assert _nums("He called 40 people.") == [("40", 40.0, 40.0)]
