"""Issue 12 round 24, dates: a yearless date written with its weekday ("Friday, December 1") takes the
year, of the stamp's and one either side, where that day is that weekday. Sentences are written for the
tests (no shared data)."""

from __future__ import annotations

from datetime import date

from storyprism.extract.date_refer import weekday_fits
from storyprism.extract.dates import find_dates


def _values(text: str, stamp: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates("a", text, [(0, len(text))], stamp)]


def test_the_weekday_picks_the_year() -> None:
    # December 1 is a Thursday in 2016 and a Friday in 2017
    got = _values("More stories. Friday, December 1: the club signs a striker.", "2016-12-05")
    assert got == [("Friday, December 1", "2017-12-01")]


def test_a_fitting_stamp_year_stays() -> None:
    got = _values("The vote came on Thursday, December 1, after a long debate.", "2016-12-05")
    assert got == [("Thursday, December 1", "2016-12-01")]


def test_without_a_weekday_the_nearest_year_stays() -> None:
    assert _values("The vote came on December 1, after a long debate.", "2016-12-05") == [
        ("December 1", "2016-12-01")
    ]


def test_no_fitting_year_keeps_every_candidate() -> None:
    cands = [date(2015, 12, 1), date(2016, 12, 1), date(2017, 12, 1)]
    assert weekday_fits(cands, "Friday") == [date(2017, 12, 1)]
    assert weekday_fits(cands, "Sunday") == cands  # Dec 1: Tue 2015, Thu 2016, Fri 2017
    assert weekday_fits(cands, None) == cands
