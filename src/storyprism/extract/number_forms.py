"""Written forms of a number that the amount pattern of ``extract.numbers`` reads in pieces.

- a mixed number: "2 2/3 innings", "1 1/2 cups" is one amount, a whole part and a proper fraction;
- days in a list of dates: "Jan. 12, 19 and 26" writes its month once, so the numbers after the first
  day are days of that month, not an amount or a range;
- a course label: "Virtual reality 101:" names an introductory course, not 101 of anything.
"""

from __future__ import annotations

import re

from storyprism.text.calendar import WRITTEN_MONTHS
from storyprism.text.stopwords import STOPWORDS

# "2 2/3": a whole number, one space, then a proper fraction with a denominator prose writes in mixed
# numbers (halves, thirds, quarters, fifths, sixths, eighths, tenths, sixteenths of a unit); not "1/22" (a
# gallery counter), "3/4/2018" (a date) nor "40 9/11 families" ("9/11", an 11th, is a date's name). A comma
# or full stop after it ends the clause ("pitched 6 2/3, allowing ..."); only one before a digit
# ("1/2.5") continues the token.
_MIXED = re.compile(r" ([1-9])/([2-68]|10|16)(?![\d/]|[.,]\d)")


def mixed_fraction(text: str, end: int) -> tuple[float, int] | None:
    """The proper fraction written right after a whole number ending at ``end`` ("2 2/3 innings"), as
    (its value, where it ends), or None. Signal: the writing convention of a mixed number, a whole part
    and a fraction smaller than one set off by one space, which together state one amount; a fraction
    of one or more ("2 4/3") is no such form."""
    m = _MIXED.match(text, end)
    if m is None:
        return None
    num, den = int(m.group(1)), int(m.group(2))
    if num >= den:
        return None
    return num / den, m.end()


_MONTH = rf"(?:{WRITTEN_MONTHS})\.?"
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_AND = r"(?:and|or|&)"
# "Jan. 12, " / "Jan. 12, 19, " / "Jan. 12, 19 and ": a month and a day, then the list's separators,
# ending right before the number
_LIST_HEAD = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*,\s*{_DAY})*(?:\s*,\s*{_AND}?|\s+{_AND})\s*$")
# the list going on after the number to its last conjunct ("..., 19 and 26")
_LIST_TAIL = re.compile(rf"(?:\s*,\s*{_DAY})*\s*,?\s*{_AND}\s+{_DAY}\b")
# "12, 19 and 26 January": the list ends in its month (the day-first style)
_LIST_MONTH_AFTER = re.compile(rf"(?:\s*,\s*{_DAY})*\s*,?\s*{_AND}\s+{_DAY}\s+(?:of\s+)?{_MONTH}")
# a counted noun after the list's last number ("Jan. 12, 19 and 26 people"): a word in lower case that is
# no preposition, article or verb of the sentence going on ("... 26 at 7 p.m.")
_COUNTED_AFTER = re.compile(
    # a partitive "19 and 26 of them", "of the passengers" counts a part of a group (a day list would say
    # "of this month", "of the year"), so it is a count like a noun after the number
    r"\s+of\s+(?:them|those|these|us|you|whom|the\s+(?!month\b|year\b)[a-z]+)\b|"
    r"\s+(?!(?:at|in|on|from|to|for|with|by|of|the|a|an|is|are|was|were|will|and|or|but|until|through)\b)"
    r"[a-z]{3,}\b"
)


def in_day_list(text: str, start: int, end: int) -> bool:
    """Whether the number(s) at ``start``-``end`` ("19 and 26" in "Other dates: Jan. 12, 19 and 26") are
    days of a list of dates. Signals: a list of dates in one month writes the month once before the first
    day (or once after the last, "12, 19 and 26 January"), and a list is a coordination closed by "and"/
    "or" (in the match itself, "19 and 26", before it or after it). The "and" is required, so
    "On Jan. 12, 19 people died" (a date, then a count) keeps its count; a counted noun after the list
    makes its numbers a count all the same."""
    m = re.fullmatch(rf"{_DAY}(?:\s*({_AND})\s*{_DAY})?", text[start:end].strip())
    if m is None:
        return False
    joined = m.group(1) is not None
    before = text[max(0, start - 60) : start]
    if _LIST_HEAD.search(before):
        closed = joined or re.search(rf"{_AND}\s*$", before) is not None
        tail = None if closed else _LIST_TAIL.match(text, end)
        if not closed and tail is None:
            return False
        return not _COUNTED_AFTER.match(text, tail.end() if tail else end)
    return _LIST_MONTH_AFTER.match(text, end) is not None


# "Virtual reality 101:", "Economics 101.": a content word, then "101", then punctuation, a capital or the
# line's end; a word that takes an age or a count before "101" ("turned 101.", "aged 101", "has 101")
# keeps it an amount
_COURSE_NUMBER = re.compile(r"(?<=[A-Za-z] )101(?=\s*(?:[.,:;!?)\]]|$)|\s+[A-Z])", re.M)
_COUNT_TAKERS = re.compile(
    r"(?:turn|turned|turns|turning|aged?|reach|reached|reaches|hit|hits|about|almost|nearly|over|under|"
    r"than|of|to|at|by|is|was|are|were|be|been|has|have|had|all|only|just|some|total|totals?|number|"
    r"numbered|numbers)",
    re.I,
)


def course_label(text: str, start: int, end: int) -> bool:
    """Whether "101" at ``start``-``end`` names an introductory course ("Virtual reality 101: what to
    know"), a label, not 101 of anything. Signal: the college convention of a subject then "101", so a
    content word stands right before it (no function word or verb that takes a count) and nothing counted
    follows: punctuation, a capitalised word or the end of the line."""
    m = _COURSE_NUMBER.match(text, start)
    if m is None or m.end() != end:
        return False
    words = text[max(0, start - 30) : start].split()
    if not words or not words[-1].isalpha() or len(words[-1]) < 3:
        return False
    return not (words[-1].lower() in STOPWORDS or _COUNT_TAKERS.fullmatch(words[-1]))
