"""Counted quantities read straight off a sentence, for stories the extract stage did not cover.

The extract stage is the real source of ``NumberMention`` records; this small reader only runs
when a story has none (extraction disabled, or an older workspace), so that number conflicts do
not silently disappear. It knows the forms news uses for crowd, troop and casualty counts:
"more than 100,000 troops", "tens of thousands of troops", "about 200 workers", "at least 12 people".
"""

from __future__ import annotations

import re

from storyprism.compare.text import SentenceSpan
from storyprism.records import NumberMention

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Vague counts as intervals: "tens of thousands" is at least two ten-thousands, below 100,000.
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2e6, 999e6),
}
_QUALIFIERS = (
    r"more than|over|above|at least|no fewer than|nearly|almost|about|around|approximately|roughly|some|"
    r"an estimated|up to|as many as|fewer than|less than|under|below"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_WORD_NUMBERS)
_PATTERN = re.compile(
    rf"(?<![\w\-.])(?:(?P<qual>(?i:{_QUALIFIERS}))\s+)?"
    r"(?:(?P<vague>(?i:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions))"
    rf"|(?P<num>(?i:{_NUMBER}))(?:\s+(?P<scale>(?i:thousand|million|billion|trillion)))?)"
    # An optional nationality or "more" between the count and the counted noun ("5,000 Russian troops").
    r"(?:\s+of)?(?:\s+(?P<adj>[A-Z][a-z]+|more|additional|other|extra|new))?\s+(?P<unit>[a-z]{3,}|%)"
)
_NOT_UNITS = frozenset(
    ["and", "or", "to", "the", "in", "on", "at", "of", "for", "from", "with", "by", "per", "than", "years",
     "year", "days", "day", "months", "month", "weeks", "week", "hours", "hour", "minutes", "percent"]
)  # fmt: skip
_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ic", "ful", "less", "able", "ible", "ern", "ly")
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)


def _interval(qual: str, value: float, exact_text: str) -> tuple[float | None, float | None, str]:
    q = qual.lower()
    if q in ("more than", "over", "above"):
        return value, None, "more-than"
    if q in ("at least", "no fewer than"):
        return value, None, "at-least"
    if q in ("fewer than", "less than", "under", "below"):
        return None, value, "less-than"
    if q in ("up to", "as many as"):
        return 0.0, value, "up-to"
    if q in ("nearly", "almost"):
        return value * 0.9, value, "about"
    if q:
        return value * 0.9, value * 1.1, "about"
    digits = exact_text.replace(",", "").split(".")[0]
    # A round figure ("100,000 troops") is an estimate in news prose, not an exact count.
    if len(digits) >= 4 and digits.endswith("000"):
        return value * 0.9, value * 1.1, "about"
    return value, value, "exact"


def read_numbers(sentences: list[SentenceSpan]) -> list[NumberMention]:
    out = []
    for s in sentences:
        for m in _PATTERN.finditer(s.text):
            unit = m.group("unit").lower()
            if unit == "%":
                unit = "percent"
            if (unit in _NOT_UNITS and unit != "percent") or unit.endswith(_ADJECTIVE_ENDINGS):
                continue  # "two great...", "1 billion internal...": no counted noun, nothing to compare
            if _MONTHS.search(s.text[: m.start()]):  # "Dec. 15 troops" never; a date, not a count
                continue
            qual = m.group("qual") or ""
            low: float | None
            high: float | None
            if m.group("vague"):
                low, high = _VAGUE[m.group("vague").lower()]
                qualifier = "range"
                if qual.lower() in ("more than", "over", "above"):
                    high, qualifier = None, "more-than"
            else:
                raw = m.group("num")
                word = _WORD_NUMBERS.get(raw.lower())
                value = float(word) if word is not None else float(raw.replace(",", ""))
                if m.group("scale"):
                    value *= _SCALE[m.group("scale").lower()]
                if word is None and m.group("scale") is None and 1900 <= value <= 2100 and "," not in raw:
                    continue  # a year
                low, high, qualifier = _interval(qual, value, raw if m.group("scale") is None else raw + "000")
            out.append(
                NumberMention(
                    article=s.article,
                    text=m.group(0),
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    unit=unit,
                    sentence=s.text,
                    start=s.start + m.start(),
                    end=s.start + m.end(),
                )
            )
    return out
