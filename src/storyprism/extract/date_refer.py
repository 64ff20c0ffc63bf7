"""Yearless dates whose year the text gives by referring back: "in September of that year".

``extract.dates`` gives a date without a year the year around the publication stamp. A date followed by
"of that year" or "that same year" says its year outright, and it is not the stamp's: the demonstrative
points back to a year the text has just written ("the team's 1969 season ... a black cat during a game
in September of that year" is September 1969). A weekday written with the date ("Friday, December 1")
says its year too: the one year around the stamp where that day falls on that weekday.
"""

from __future__ import annotations

import re
from datetime import date

from storyprism.text.calendar import WRITTEN_MONTHS

# "in September of that year", "on May 4 that same year", "in June of the same year": a demonstrative
# (or "the same") before "year" refers to a year already named; not "In September, that year's harvest
# failed", where a possessive "that year's" opens a new clause's subject
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that(?:\s+same)?|the\s+same)\s+year\b(?!['’]s)", re.I)
# characters back to look for the year referred to: its own sentence or the one or two before
REFER_REACH = 600


def refers_back(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` is followed by "of that year" (or "that same year", "of the
    same year"). Signal: anaphora, the demonstrative picks up a year the text wrote before."""
    return _THAT_YEAR.match(text, end) is not None


_MONTH = rf"(?:{WRITTEN_MONTHS})\.?"
# what makes a written 4-digit number a year: a preposition that takes only a time before it ("in 1969",
# "since 1995", "early 2001"), a month (and day) before it ("September 12, 1969"), another year in the same
# coordination ("in 1995 and 1999"), ...
_TIME_CUE_BEFORE = re.compile(
    rf"(?:\b(?:in|since|during|until|till|before|after|early|late|mid|circa)|\b{_MONTH}"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?|\b(?:1[89]|20)\d\d\s*(?:,|and|or|-|–)|-)\s*$",
    re.I,
)
# ... or a possessive or a season after it ("the team's 1969 season", "1969's draft"); ...
_YEAR_CUE_AFTER = re.compile(r"(?:['’]s\b|\s+(?:season|campaign|election|census|budget)\b)")
# ... or a preposition that takes a time as well as an amount ("from 1995 to 1999", "of 1969"), when no
# counted noun follows ("a field of 2000 runners", "by 2015 votes": an amount)
_SHARED_CUE_BEFORE = re.compile(r"\b(?:of|by|from|to|through|between)\s*$", re.I)
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|when|while|as|the|his|her|its|their|was|were|is|are|had|has)\b)[a-z]{3,}s\b"
)


def is_year(text: str, pos: int, end: int) -> bool:
    """Whether the 4-digit number at ``pos``-``end`` is written as a year. Signal: a year in prose comes
    with a cue of time (a preposition of time or a month before it, a possessive or "season" after it);
    a bare 19xx/20xx is as often an amount ("2000 runners"), an address ("1984 Elm Street") or a serial
    number ("HR 2019", "Flight 1989"), and "that year" must not be read off one of those."""
    before = text[max(0, pos - 40) : pos]
    if _YEAR_CUE_AFTER.match(text, end) or _TIME_CUE_BEFORE.search(before):
        return True
    return _SHARED_CUE_BEFORE.search(before) is not None and not _COUNTED_AFTER.match(text, end)


def year_before(text: str, years: list[tuple[int, int]], at: int) -> int | None:
    """The year written nearest before ``at`` (``years``: (position, year) in text order, as
    ``date_generic.stated_years`` gives them; only those ``is_year`` reads as years), within
    ``REFER_REACH`` characters; None when there is none: then "that year" cannot be known, and no year is
    better than the stamp's, which it is not."""
    found = None
    for p, y in years:
        if p >= at:
            break
        if at - p <= REFER_REACH and is_year(text, p, p + 4):
            found = y
    return found


# a season named by its year as the topic ("the team's 1969 season", "the 2003 season"): a sports season
# lies within its year (or runs just past it), so the next sentence's fronted yearless date is in it
_SEASON_YEAR = re.compile(r"\b((?:19|20)\d\d)\s+season\b")
# a date fronting its sentence ("On September 9, Chicago faced ..."): the narrative goes on from the
# sentence before, not a fresh report dated by the stamp
_FRONTED = re.compile(r"\s*(?:[Oo]n|[Bb]y|[Ii]n)?\s*$")


def season_year(text: str, sentence_start: int, at: int, spans: list[tuple[int, int]]) -> int | None:
    """The year of "the team's 1969 season" when the sentence before names it as its only year and the
    yearless date at ``at`` fronts the next sentence ("... doomed the team's 1969 season. On September 9,
    Chicago faced off"): the date is in that season, not in the stamp's year. Signal: a fronted date
    continues the narrative of the sentence before, whose topic is one past season. None otherwise."""
    if not _FRONTED.fullmatch(text, sentence_start, at):
        return None
    before = next(((a, b) for a, b in spans if b <= sentence_start and sentence_start - b <= 3), None)
    if before is None:
        return None
    prior = text[before[0] : before[1]]
    if len(re.findall(r"\b(?:19|20)\d\d\b", prior)) != 1:
        return None
    m = _SEASON_YEAR.search(prior)
    return int(m.group(1)) if m else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_fits(cands: list[date], weekday: str | None) -> list[date]:
    """The candidate years' dates (the stamp's year and one either side) on which a yearless date written
    with its weekday ("Friday, December 1") falls on that weekday; all of them when none does or no
    weekday is written. Signal: a day of the month moves on by one weekday a year (two past a leap day), so
    of the three years around the stamp only one puts it on the weekday the writer gives (a page's
    sidebar dated the year after the stamp)."""
    if not weekday or weekday.lower() not in _WEEKDAYS:
        return cands
    wd = _WEEKDAYS.index(weekday.lower())
    return [c for c in cands if c.weekday() == wd] or cands
