"""Quantities as printed in news prose: one reader for every stage.

A quantity is an interval (``low``/``high``, None = unbounded) plus the rounding ``step`` of the
printed figure, what it counts (``unit``: the counted noun, a currency code or "percent") and, for
money and shares, what the amount is of (``thing``: "$32.6 billion in undistributed foreign
earnings" -> {"earn", ...}). Vague counts are intervals with one meaning everywhere: "dozens" is
24-99, "tens of thousands" 20,000-99,999, "millions" 2-999 million.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.text.stopwords import STOPWORDS, stem

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# Vague counts as intervals: "tens of thousands" is at least two ten-thousands, below 100,000.
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2e6, 999e6),
}
_CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
_QUALIFIERS = (
    r"more than|over|above|at least|no fewer than|nearly|almost|about|around|approximately|roughly|some|"
    r"an estimated|up to|as many as|as much as|as far as|fewer than|less than|under|below"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS)
_PATTERN = re.compile(
    rf"(?<![\w\-.$€£])(?:(?P<qual>(?i:{_QUALIFIERS}))\s+)?(?P<cur>US\$|\$|€|£)?"
    r"(?:(?P<vague>(?i:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions))"
    rf"|(?P<num>(?i:{_NUMBER}))(?:\s*(?P<scale>(?i:thousand|million|billion|trillion|bn)\b))?)"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?"
    # An optional nationality or "more" between the count and the counted noun ("5,000 Russian troops").
    r"(?:(?:\s+of)?(?:\s+(?P<adj>[A-Z][a-z]+|more|additional|other|extra|new))?\s+(?P<unit>[a-z]{3,}))?"
)
_NOT_UNITS = frozenset(
    ["and", "or", "to", "the", "in", "on", "at", "of", "for", "from", "with", "by", "per", "than", "a", "an",
     "was", "were", "is", "are", "has", "had", "have", "will", "would", "said", "says", "who", "which", "that"]
)  # fmt: skip
# Durations, ages and clock words: "eight hours" of flight, "21-year-old"; never a counted thing.
TIME_UNITS = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "time", "old", "night", "morning",
     "century", "season", "quarter"]
)  # fmt: skip
_ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ic", "ful", "less", "able", "ible", "ern", "ly")
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
_THING_PREPS = frozenset(["in", "of", "for", "on"])
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str  # exact | about | more-than | at-least | less-than | up-to | range
    unit: str  # counted noun ("troops"), currency code ("USD") or "percent"
    thing: frozenset[str]  # stems of what an amount or share is of ("$5bn in earnings" -> {"earning"})
    step: float  # rounding step of the printed figure: 50 and 52 agree, 4 and 3 do not

    @property
    def estimate(self) -> bool:
        return self.qualifier != "exact"


def _step(raw: str, scale: float) -> float:
    """The precision a figure is printed to: "32.6" -> 0.1, "50" -> 10, "100,000" -> 100,000, "4" -> 1."""
    digits = raw.replace(",", "")
    if "." in digits:
        return scale * 10.0 ** -len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == len(digits):
        return scale
    return scale * 10.0**zeros


def _interval(qual: str, value: float, step: float) -> tuple[float | None, float | None, str]:
    q = qual.lower()
    if q in ("more than", "over", "above"):
        return value, None, "more-than"
    if q in ("at least", "no fewer than"):
        return value, None, "at-least"
    if q in ("fewer than", "less than", "under", "below"):
        return None, value, "less-than"
    if q in ("up to", "as many as", "as much as", "as far as"):
        return 0.0, value, "up-to"
    if q in ("nearly", "almost"):
        return value * 0.9, value, "about"
    if q:
        return value * 0.9, value * 1.1, "about"
    # A round figure ("100,000 troops") is an estimate in news prose, not an exact count.
    if value >= 1000 and step * 10 > value:
        return value * 0.9, value * 1.1, "about"
    return value, value, "exact"


def _thing_after(text: str) -> frozenset[str]:
    """Content stems of the noun phrase an amount is "in"/"of"/"for": the quantity's subject matter."""
    ws = _WORD.findall(text[:80])
    if not ws or ws[0].lower() not in _THING_PREPS:
        return frozenset()
    out: set[str] = set()
    for w in ws[1:5]:
        lw = w.lower()
        if lw in STOPWORDS:
            if out:
                break
            continue
        if w[:1].isupper():
            break  # a name starts the next clause ("earnings Goldman had")
        out.add(stem(lw))
    return frozenset(out)


def read_quantities(text: str) -> list[Quantity]:
    """Every counted quantity, amount of money and percentage in ``text`` (years and dates excluded)."""
    out = []
    for m in _PATTERN.finditer(text):
        cur = (m.group("cur") or "").lower()
        unit = (m.group("unit") or "").lower()
        if m.group("pct"):
            unit = "percent"
        elif cur:
            unit = _CURRENCIES[cur]
        if not unit or unit in _NOT_UNITS or stem(unit) in TIME_UNITS or stem(unit.rstrip("s")) in TIME_UNITS:
            continue
        if unit not in ("percent", "USD", "EUR", "GBP") and unit.endswith(_ADJECTIVE_ENDINGS):
            continue  # "two great...", "1 billion internal...": no counted noun
        if _MONTHS.search(text[: m.start()]):  # "Dec. 15 troops": a date, not a count
            continue
        qual = m.group("qual") or ""
        low: float | None
        high: float | None
        if m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
            qualifier, step = "range", 1.0
            if qual.lower() in ("more than", "over", "above"):
                high, qualifier = None, "more-than"
        else:
            raw = m.group("num")
            word = WORD_NUMBERS.get(raw.lower())
            scale = SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
            if word is None and scale == 1.0 and not cur and "," not in raw and "." not in raw and 1900 <= float(raw) <= 2100:
                continue  # a year
            value = (float(word) if word is not None else float(raw.replace(",", ""))) * scale
            step = scale if word is not None else _step(raw, scale)
            low, high, qualifier = _interval(qual, value, step)
        counted = unit not in ("percent", *_CURRENCIES.values())
        if counted:
            end = m.end("unit")
            thing = frozenset([stem(unit)])
        else:  # the figure ends at "%", the scale or the digits; what it is of follows
            end = max(m.end(g) for g in ("pct", "scale", "num", "vague") if m.group(g))
            thing = _thing_after(text[end:])
        out.append(
            Quantity(
                text=text[m.start() : end],
                start=m.start(),
                end=end,
                low=low,
                high=high,
                qualifier=qualifier,
                unit=unit,
                thing=thing,
                step=step,
            )
        )
    return out


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can both be true. An exact figure stands for everything that rounds to
    it ("50" and "52" agree, "4" and "3" do not); "more than 100,000" excludes 100,000 itself."""
    lo_a, lo_a_in, hi_a, hi_a_in = _bounds(a)
    lo_b, lo_b_in, hi_b, hi_b_in = _bounds(b)

    def nonempty(lo: float, lo_in: bool, hi: float, hi_in: bool) -> bool:
        if abs(lo - hi) <= 1e-9 * max(1.0, abs(lo)):
            return lo_in and hi_in
        return lo < hi

    return nonempty(lo_a, lo_a_in, hi_b, hi_b_in) and nonempty(lo_b, lo_b_in, hi_a, hi_a_in)


def _bounds(q: Quantity) -> tuple[float, bool, float, bool]:
    low = q.low if q.low is not None else float("-inf")
    high = q.high if q.high is not None else float("inf")
    half = q.step / 2.0
    if q.qualifier == "exact":
        return low - half, False, high + half, False
    # A bound printed with significant digits is rounded too ("up to 5.1 million" admits 5.13
    # million); a round bound ("more than 100,000") is meant as printed.
    value = q.low if q.low is not None else q.high
    if q.qualifier in ("more-than", "at-least", "less-than", "up-to") and value and q.step * 10 <= abs(value):
        return low - (half if q.low is not None and q.qualifier != "up-to" else 0.0), True, high + (
            half if q.high is not None else 0.0
        ), True
    return low, q.qualifier != "more-than", high, q.qualifier != "less-than"
