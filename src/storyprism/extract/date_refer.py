"""Yearless dates whose year the text gives by referring back: "in September of that year".

``extract.dates`` gives a date without a year the year around the publication stamp. A date followed by
"of that year" or "that same year" says its year outright, and it is not the stamp's: the demonstrative
points back to a year the text has just written ("the team's 1969 season ... a black cat during a game
in September of that year" is September 1969).
"""

from __future__ import annotations

import re

# "in September of that year", "on May 4 that same year", "in June of the same year": a demonstrative
# (or "the same") before "year" refers to a year already named
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that(?:\s+same)?|the\s+same)\s+year\b", re.I)
# characters back to look for the year referred to: its own sentence or the one or two before
REFER_REACH = 600


def refers_back(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is followed by "of that year" (or "that same year", "of the
    same year"). Signal: anaphora, the demonstrative picks up a year the text wrote before."""
    return _THAT_YEAR.match(text, end) is not None


def year_before(years: list[tuple[int, int]], at: int) -> int | None:
    """The year written nearest before ``at`` (``years``: (position, year) in text order, as
    ``date_generic.stated_years`` gives them), within ``REFER_REACH`` characters; None when there is none:
    then "that year" cannot be known, and no year is better than the stamp's, which it is not."""
    found = None
    for p, y in years:
        if p >= at:
            break
        if at - p <= REFER_REACH:
            found = y
    return found
