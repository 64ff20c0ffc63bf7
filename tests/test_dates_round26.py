"""Issue 12 round 26, dates: "next to" is a place, not a time ahead; a trailing month takes the tense of
the verb it follows, not of a later clause. Sentences are written for the tests (no shared data)."""

from __future__ import annotations

from storyprism.extract.dates import find_dates


def _values(text: str, stamp: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates("a", text, [(0, len(text))], stamp)]


def test_next_to_is_not_the_future() -> None:
    # stamped on a Friday: the caption's Thursday is the day before, not six days ahead
    got = _values("Police officers stand next to a truck on Thursday that ran into a crowd.", "2016-07-15")
    assert got == [("on Thursday", "2016-07-14")]


def test_next_week_is_still_ahead() -> None:
    got = _values("The council will meet next to decide on Thursday.", "2016-07-15")
    assert got == [("on Thursday", "2016-07-21")]


def test_a_trailing_month_takes_the_verb_before_it() -> None:
    # "filed ... in April" written in February: the April gone, though a later clause says "planned to"
    text = "The couple filed for divorce in April, almost two years after they announced they planned to."
    assert _values(text, "2018-02-06") == [("in April", "2017-04")]


def test_a_fronted_month_reads_the_clause_after_it() -> None:
    assert _values("In April, the agency will open its new office.", "2018-02-06") == [("In April", "2018-04")]
    assert _values("In April, the agency opened its new office.", "2018-02-06") == [("In April", "2017-04")]


def test_the_verb_nearest_the_date_governs_it() -> None:
    text = "That would represent a 50 percent premium over the price Qualcomm was trading at on Nov. 2, analysts said."
    assert _values(text, "2018-02-19") == [("Nov. 2", "2017-11-02")]
    # a participle after "be" or "remain" is no past tense
    text = "The motorway is expected to remain closed on Wednesday as engineers carry out checks."
    assert _values(text, "2017-12-28") == [("on Wednesday", "2018-01-03")]
