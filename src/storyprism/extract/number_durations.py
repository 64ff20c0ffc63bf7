"""Durations and clock readings that ``extract.numbers`` reads as one amount or as no amount.

- a compound duration: "10 hours and 13 minutes", "4 hours 28 minutes" is one amount of the larger
  unit; the number of the smaller unit is its remainder, not an amount of its own;
- a mission clock: "T-plus 8 minutes, 19 seconds" is a moment on a launch's clock, no amount.
"""

from __future__ import annotations

import re

# "8 hours and", "3 minutes,": a larger time unit just written, then "and" or a comma, so the next number
# (when a time unit follows it) is its remainder
_REST_JOINED = re.compile(
    r"\b(?:\d+|[a-z]+)\s+(?P<unit>years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)\s*(?:,|and|,\s*and)\s*$",
    re.I,
)
# "after 4 hours 28 minutes": a clock-style duration written without "and" (sports copy's game times);
# only digits on both sides, so "two hours 30 people" is no duration
_REST_BARE = re.compile(r"\b\d+\s+(?P<unit>hours?|hrs?|minutes?|mins?)\s+$", re.I)
_SMALLER_UNIT = re.compile(r"\s+(?P<unit>months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b", re.I)
# time units from the largest down, by the letters that tell them apart ("mi" minutes, "mo" months)
_UNIT_RANK = {"y": 0, "mo": 1, "w": 2, "d": 3, "h": 4, "mi": 5, "s": 6}


def _rank(unit: str) -> int:
    u = unit.lower()
    return _UNIT_RANK[u[:2]] if u[:2] in _UNIT_RANK else _UNIT_RANK[u[:1]]

# the unit right below each unit the bare form writes (sixty to one)
_NEXT_SMALLER = {
    "h": re.compile(r"\s+(?:minutes?|mins?)\b", re.I),
    "m": re.compile(r"\s+(?:seconds?|secs?)\b", re.I),
}
# "10 hours and 13 minutes", "8 minutes, 19 seconds": a time unit and its next smaller one, sixty to one
_AND_MINUTES = re.compile(
    r"\s+(?:hours?\s*(?:,\s*and|,|and)\s*(\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+minutes?"
    r"|minutes?\s*(?:,\s*and|,|and)\s*(\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+seconds?"
    # "4 hours 28 minutes", "3 minutes 4 seconds": the same duration without "and" (digits only, as above)
    r"|hours?\s+(\d{1,2})\s+minutes?|minutes?\s+(\d{1,2})\s+seconds?)\b",
    re.I,
)
# "T-plus", "T+", "T-minus": a launch's mission clock; a reading of it is a moment on that clock, no amount
# (as a clock time is none: round 18's reading judged "T+plus 8 minutes, 19 seconds" read as 8 wrong)
_MISSION_CLOCK = re.compile(r"\bT\W{0,2}(?:plus|minus)?\s*$", re.I)


def duration_rest(text: str, start: int, end: int, raw: str) -> bool:
    """Whether the number ``raw`` at ``start``-``end`` is the remainder of a duration whose larger unit
    was just written ("20" in "8 hours and 20 minutes", "28" in "4 hours 28 minutes"). Signals: joined by
    "and" or a comma, a time unit after the number; written bare ("4 hours 28 minutes"), only the unit
    right below the first one (hours then minutes, minutes then seconds) with a number of one or two
    digits, as a clock writes it: "24 hours 7 days" (a round-the-clock phrase) is two amounts, and so is
    "24 hours a day, 7 days a week" (the second unit no smaller than the first)."""
    before = text[max(0, start - 30) : start]
    joined = _REST_JOINED.search(before)
    if joined:
        # the remainder's unit is smaller than the one before it: "24 hours a day, 7 days a week" lists
        # two amounts ("a day" then "days": no smaller unit)
        smaller = _SMALLER_UNIT.match(text, end)
        return bool(smaller and _rank(smaller.group("unit")) > _rank(joined.group("unit")))
    bare = _REST_BARE.search(before)
    if bare is None or not re.fullmatch(r"\d{1,2}", raw):
        return False
    return bool(_NEXT_SMALLER[bare.group("unit")[0].lower()].match(text, end))


def mission_clock_reading(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start``-``end`` reads a launch's mission clock ("T-plus 3 minutes, 4
    seconds"): a moment, not a duration. Signal: "T", "T+" or "T-minus" right before, a time unit after."""
    return bool(_MISSION_CLOCK.search(text, max(0, start - 12), start) and _SMALLER_UNIT.match(text, end))


def smaller_part(text: str, end: int) -> tuple[str, int] | None:
    """The smaller unit's number written after the larger unit of a compound duration ending at ``end``
    ("13" of "10 hours and 13 minutes"), as (its words, where the duration ends), or None."""
    m = _AND_MINUTES.match(text, end)
    if m is None:
        return None
    return next(g for g in m.groups() if g), m.end()
