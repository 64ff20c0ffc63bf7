"""Quantities as printed in news prose: one reader for every stage.

A quantity is an interval (``low``/``high``, None = unbounded) plus the rounding ``step`` of the
printed figure, what it counts (``unit``: the counted noun, a currency code or "percent") and, for
money and shares, what the amount is of (``thing``: "$32.6 billion in undistributed foreign
earnings" -> {"earn", ...}). Vague counts are intervals with one meaning everywhere: "dozens" is
24-99, "tens of thousands" 20,000-99,999, "millions" 2-999 million.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyprism.text.stopwords import STOPWORDS, stem

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
# scale words read as a count after "a few", "several" or "a couple" ("a few thousand fans"; ``few_times_before``)
BARE_SCALES = ("thousand", "million", "billion")
# Units of measure, one table for every reader (extract.numbers reads bracketed conversions and "about one
# mile" with it): the spelled-out words, and the abbreviations news copy prints after a figure. Regex
# alternations, matched whole-word and case-blind by their users.
MEASURE_WORDS = (
    r"kilomet(?:re|er)s?|centimet(?:re|er)s?|millimet(?:re|er)s?|met(?:re|er)s?|miles?|feet|foot|yards?|"
    r"inch(?:es)?|kilo(?:gram)?s?|grams?|pounds?|tonnes?|tons?|ounces?|lit(?:re|er)s?|gallons?|acres?|"
    r"hectares?|knots?|degrees?|square|cubic"
)
# abbreviations a figure may carry written onto it ("60,000km", "70mph"); "m" (millions), "g" ("5G") and
# "in" are not among them
MEASURE_ATTACHED = r"km/h|kmh|kms|km|kgs|kg|mph|kph|mm|cm|ft|lbs|lb|mi|ml"
MEASURE_ABBREVIATIONS = MEASURE_ATTACHED + r"|yds?|oz|ha|sq|m|g|in"
MEASURE_UNITS = rf"(?:{MEASURE_WORDS}|{MEASURE_ABBREVIATIONS})"
_MEASURE_UNIT = re.compile(MEASURE_UNITS, re.IGNORECASE)
# One name per unit of length and weight, whatever spelling the text prints ("m", "metre", "meters";
# "ft", "foot", "feet"): readers comparing two figures compare them under one name and never convert
# ("15ft" and "12 feet" are one unit; "40 feet" and "12 metres" two). Every spelling is one of
# MEASURE_UNITS; a unit without a name here (acres, litres, degrees) has none.
_UNIT_NAMES = (
    ("metres", r"m|met(?:re|er)s?"),
    ("kilometres", r"km|kms|kilomet(?:re|er)s?"),
    ("centimetres", r"cm|centimet(?:re|er)s?"),
    ("millimetres", r"mm|millimet(?:re|er)s?"),
    ("feet", r"ft|foot|feet"),
    ("miles", r"mi|miles?"),
    ("yards", r"yds?|yards?"),
    ("inches", r"inch(?:es)?"),
    ("kilograms", r"kg|kgs|kilo(?:gram)?s?"),
    ("pounds", r"lbs?|pounds?"),
    ("tonnes", r"tonnes?"),
    ("tons", r"tons?"),
)


def is_measure_unit(word: str) -> bool:
    """Whether ``word`` is a unit of measure as printed after a figure (MEASURE_UNITS): a figure
    with such a unit measures a length, weight, area or volume, and counts no people or things."""
    return bool(_MEASURE_UNIT.fullmatch(word))


def measure_name(word: str) -> str | None:
    """The one name of a unit of length or weight printed as ``word`` ("ft" -> "feet", "Meters" ->
    "metres"); None for any other word."""
    w = word.lower()
    if not is_measure_unit(w):
        return None
    return next((name for name, spelled in _UNIT_NAMES if re.fullmatch(spelled, w)), None)


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
# Numbers spelled in more than one word, as copy writes those below a thousand: a tens word and a unit
# word joined by a hyphen ("Forty-two", "twenty-one"), and a count of hundreds with what follows
# ("one hundred and twenty-five", "two hundred"); read whole, never as their first word alone.
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TENS_ONES = rf"(?:{_TENS})-(?:{_ONES})"
_BELOW_HUNDRED = rf"{_TENS_ONES}|{_TENS}|{_TEENS}|{_ONES}"
_SPELLED = rf"(?:(?:{_ONES})\s+hundred(?:\s+(?:and\s+)?(?:{_BELOW_HUNDRED}))?|{_TENS_ONES})\b"
# single number words longest first and whole: "seventeen" and "sixty" are no "seven" or "six" cut short
_ONE_WORD = r"(?:" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\b"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _SPELLED + "|" + _ONE_WORD


def spelled_value(raw: str) -> int | None:
    """The number a figure spelled in words stands for ("Forty-two" -> 42, "one hundred and
    twenty-five" -> 125, "dozen" -> 12); None when a word is no number word."""
    total = 0
    for word in re.split(r"[\s-]+", raw.lower().strip()):
        if word == "and":
            continue
        if word == "hundred":
            total = (total or 1) * 100
        elif word in WORD_NUMBERS:
            total += WORD_NUMBERS[word]
        else:
            return None
    return total


_PATTERN = re.compile(
    rf"(?<![\w\-.$€£])(?:(?P<qual>(?i:{_QUALIFIERS}))\s+)?(?P<cur>US\$|\$|€|£)?"
    r"(?:(?P<vague>(?i:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions))"
    # a bare scale word counts only after "a few", "several" or "a couple" ("a few thousand fans": below)
    rf"|(?P<num>(?i:{_NUMBER}|(?:{'|'.join(BARE_SCALES)})\b))(?:\s*(?P<scale>(?i:thousand|million|billion|trillion|bn)\b))?)"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?"
    # An optional nationality or "more" between the count and the counted noun ("5,000 Russian troops").
    # Two capitalised words name one nationality or place ("two Costa Rican pilots", "40 South Korean firms").
    r"(?:(?:\s+of)?(?:\s+(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|more|additional|other|extra|new))?\s+(?P<unit>[a-z]{3,}))?"
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
# Words that make a compound unit with the noun after them: "5 square miles" is an area, "12 nautical
# miles" 22 km, "40 metric tons" 1,000 kg each; never an adjective read past to a plain "miles" or "tons".
# They stay as the reader always had them: "square" is the unit ("5 square"), and those with an
# adjective's ending are not read (as the unit of their own they paired two rockets' different payloads).
_UNIT_MAKERS = frozenset(["square", "cubic", "nautical", "metric", "statute", "sq"])
# Descriptive adjectives without a tell-tale ending that news copy puts between a count and its noun
# ("four large airports", "three straight wins"): English orders determiner, numeral, adjectives, head.
_PLAIN_ADJECTIVES = frozenset(
    ["large", "small", "big", "major", "minor", "old", "young", "main", "former", "separate", "different",
     "long", "short", "high", "low", "straight", "great", "full", "key", "top", "senior", "junior", "tiny",
     "huge", "vast", "rare", "white", "black", "red", "green", "blue", "wild", "fresh", "whole", "single",
     "private", "foreign", "domestic", "similar", "rural", "urban", "civilian", "elderly", "likely"]
)  # fmt: skip
# The next word after an adjective: a lowercase word (hyphenated compounds whole), a capitalised one
# ("White", "Soviet") or an initialism with points ("U.S.").
_NEXT_WORD = re.compile(r"\s+(?P<word>[A-Z](?:\.[A-Z])+\.?|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
# Nouns whose plural is the singular: "12 foreign aircraft", "30 young people" count them.
_INVARIANT_PLURALS = frozenset(
    ["people", "police", "staff", "personnel", "aircraft", "crew", "cattle", "sheep", "fish", "deer", "livestock",
     "spacecraft", "troops", "feet"]
)  # fmt: skip
# Plurals English forms without -s ("12 young men", "3 young children"): they agree with a count above one
# and never with "one". Compounds of "man" make theirs alike ("two armed gunmen", "three policemen").
_IRREGULAR_PLURALS = frozenset(
    ["men", "women", "children", "teeth", "geese", "mice", "oxen", "lice", "brethren", "alumni", "feet",
     "people", "police"]
)  # fmt: skip
# Singular nouns that end in "-men" like a plural of "man" ("a specimen", "the abdomen").
_MEN_SINGULARS = frozenset(
    ["omen", "specimen", "regimen", "abdomen", "stamen", "hymen", "semen", "ramen", "lumen", "acumen", "albumen",
     "bitumen", "cyclamen", "dolmen", "rumen"]
)  # fmt: skip
# Adverbs and conjunctions that end in -s like a plural; never a counted noun ("3 big firms overseas").
_S_ADVERBS = frozenset(
    ["always", "perhaps", "sometimes", "towards", "besides", "afterwards", "thus", "yes", "plus", "minus",
     "nowadays", "overseas", "indoors", "outdoors", "upwards", "downwards", "whereas", "backwards", "forwards"]
)  # fmt: skip
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
_THING_PREPS = frozenset(["in", "of", "for", "on"])
# a count word before a bare scale word ("a couple hundred", "a few thousand", "several dozen"): how many
# times the scale word counts (English usage: "a couple" about two, "a few" two to five, "several" three to
# nine, as "hundreds" alone runs from two hundred). The one table both number readers (this one and
# extract.numbers) use, so "several hundred" is 300-900 wherever it is read.
_FEW_BEFORE = re.compile(r"\b(a\s+[\"“‘]?couple|a\s+few|several)(?:\s+of)?\s+$", re.IGNORECASE)
_FEW_TIMES = {"a couple": (2.0, 2.0), "a few": (2.0, 5.0), "several": (3.0, 9.0)}


def few_times_before(text: str, at: int) -> tuple[int, float, float] | None:
    """A count word ("a couple", "a few", "several", and "of") ending right before ``at``: where it
    starts and the least and most times it counts the scale word that follows (equal for "a couple":
    about two); None when there is none."""
    few = _FEW_BEFORE.search(text, max(0, at - 16), at)
    if few is None:
        return None
    words = re.sub(r"[\"“‘]", "", few.group(1)).lower().split()
    low, high = _FEW_TIMES[" ".join(words)]
    return few.start(), low, high


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


def _adjective(word: str) -> bool:
    """A descriptive adjective: a derivational ending ("horizontal", "dangerous", "executive"), a common
    plain one ("large"), or a hyphenated compound modifier ("nuclear-capable", "long-range": English
    hyphenates a compound only where it stands before the noun it modifies)."""
    if word in _UNIT_MAKERS or word in _NOT_UNITS or word in STOPWORDS:
        return False
    if "-" in word:
        return all(part.isalpha() for part in word.split("-"))
    return word in _PLAIN_ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)


def _counted_word(word: str) -> bool:
    """A word that can be a counted noun at all: not a function word, a numeral or a compound-unit maker."""
    return (
        len(word) >= 3
        and word not in _NOT_UNITS
        and word not in STOPWORDS
        and word not in WORD_NUMBERS
        and word not in _UNIT_MAKERS
        and word not in _S_ADVERBS
    )


def _plural_head(word: str) -> bool:
    """A head noun as a count above one writes it: plural ("998 miles", "30 people", "12 young men").
    Number agreement tells a noun from a further adjective or a verb ("three big red balloons" does not read
    "red" as counted; "the 12 original remain" no noun)."""
    if not _counted_word(word) or word in _PLAIN_ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS):
        return False
    if word in _INVARIANT_PLURALS or word in _IRREGULAR_PLURALS:
        return True
    if word.endswith("men") and word not in _MEN_SINGULARS:
        return True  # "gunmen", "policemen": compounds of "man" take its plural
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _singular_head(word: str) -> bool:
    """A head noun as "one" writes it: singular. Agreement cannot tell a singular noun from an adjective,
    so a word with an adjective's ending counts here ("one senior official", "one local family"); a plain
    adjective ("one big red balloon"), a hyphenated modifier, a plural and a past form ("one senior
    resigned": the sentence's verb) do not."""
    if not _counted_word(word) or word in _PLAIN_ADJECTIVES or "-" in word or word.endswith("ed"):
        return False
    if word in _IRREGULAR_PLURALS or word in _INVARIANT_PLURALS:
        return False
    return not word.endswith("s") or word.endswith(("ss", "us", "is"))


def _modifier(word: str) -> bool:
    """A word that may stand between an adjective and the head noun of a count: a capitalised word of a name
    or a nationality ("senior White House officials", "three former Soviet republics", "3 major U.S.
    banks"), or a singular noun or adjective used attributively ("4 key swing states", "2 big money
    donors"): English puts any of them between the numeral and its head."""
    if word[:1].isupper():
        return True
    return _counted_word(word) and not word.endswith("s")


def noun_past_adjectives(text: str, start: int, end: int, one: bool, room: int = 2) -> tuple[str, int] | None:
    """The head noun and its end when the word at ``start:end`` (read as a count's unit) is an adjective
    and the counted noun follows ("998 horizontal miles", "3 nuclear-capable missiles"). English puts
    descriptive adjectives, names and attributive nouns between a numeral and its head noun, so the noun
    counts. A count above one reads past at most ``room`` further words to the first plural, which agreement
    marks as the head ("four large international airports", "two senior White House officials"); a plural
    noun is not read past ("998 people miles" counts people) unless another plural follows it at once
    (an attributive noun in -s: "20 natural gas fields", "4 local sports clubs"). "One" takes the word right
    after its adjective, a singular ("one senior official"). A word that makes a compound unit stays the
    unit ("5 square miles")."""
    hyphened = re.match(r"(?:-[a-z]+)+", text[end:])
    if not _adjective((text[start:end] + (hyphened.group(0) if hyphened else "")).lower()):
        return None
    pos = end + (len(hyphened.group(0)) if hyphened else 0)
    if one:
        nxt = _NEXT_WORD.match(text, pos)
        if nxt is not None and _singular_head(nxt.group("word")):
            return nxt.group("word"), nxt.end("word")
        return None
    for between in range(room + 1):
        nxt = _NEXT_WORD.match(text, pos)
        if nxt is None:
            return None
        word = nxt.group("word")
        on = _NEXT_WORD.match(text, nxt.end())
        # the word after, when it could still be the head: a lowercase plural within room
        then: tuple[str, int] | None = None
        if on is not None and between < room and on.group("word").islower() and _plural_head(on.group("word")):
            then = on.group("word"), on.end("word")
        if word.islower() and _plural_head(word):
            return then or (word, nxt.end("word"))  # "natural gas fields": "gas" modifies the next plural
        if word[:1].isupper() and word.endswith("s"):
            # a name in -s modifies a plural right after it ("2 former Goldman Sachs bankers"); else it may be
            # the counted plural itself ("two young Americans"), which stays unread
            return then
        if not _modifier(word):
            return None
        pos = nxt.end()
    return None


def read_quantities(text: str) -> list[Quantity]:
    """Every counted quantity, amount of money and percentage in ``text`` (years and dates excluded)."""
    out = []
    for m in _PATTERN.finditer(text):
        cur = (m.group("cur") or "").lower()
        unit = (m.group("unit") or "").lower()
        unit_end = m.end("unit") if m.group("unit") else -1
        headed = False  # the unit is the head noun read past adjectives
        if m.group("pct"):
            unit = "percent"
        elif cur:
            unit = _CURRENCIES[cur]
        elif unit:
            one = (m.group("num") or "").lower() in ("1", "one")
            # after a nationality ("5,000 Russian armed ...") only the adjective's own head is read
            head = noun_past_adjectives(text, m.start("unit"), m.end("unit"), one, 0 if m.group("adj") else 2)
            if head is not None:
                unit, unit_end = head
                headed = True
        if not unit or unit in _NOT_UNITS or stem(unit) in TIME_UNITS or stem(unit.rstrip("s")) in TIME_UNITS:
            continue
        if not headed and unit not in ("percent", "USD", "EUR", "GBP") and unit.endswith(_ADJECTIVE_ENDINGS):
            continue  # "1 billion internal...": no counted noun
        # A plain adjective with no head found keeps the reading it always had ("won 4 straight", "the two
        # senior"): the noun is elided or out of reach, and the figure is still a count worth comparing.
        if _MONTHS.search(text[: m.start()]):  # "Dec. 15 troops": a date, not a count
            continue
        qual = m.group("qual") or ""
        start = m.start()
        low: float | None
        high: float | None
        if m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
            qualifier, step = "range", 1.0
            if qual.lower() in ("more than", "over", "above"):
                high, qualifier = None, "more-than"
        else:
            raw = m.group("num")
            word = spelled_value(raw) if raw[:1].isalpha() else None
            scale = SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
            few = few_times_before(text, m.start()) if not qual and not cur else None
            if raw.lower() in BARE_SCALES:
                if few is None or m.group("scale"):
                    continue  # "the million-dollar question", "Thousand Oaks": no count
                word, scale = 1, SCALES[raw.lower()]
            if word is None and scale == 1.0 and not cur and "," not in raw and "." not in raw and 1900 <= float(raw) <= 2100:
                continue  # a year
            value = (float(word) if word is not None else float(raw.replace(",", ""))) * scale
            # a number in one word is exact to its scale ("twelve"); one in several words is as round
            # as its digits would be ("two hundred" as "200", "forty-two" as "42")
            several = word is not None and bool(re.search(r"[\s-]", raw))
            step = _step(str(word), scale) if several else scale if word is not None else _step(raw, scale)
            low, high, qualifier = _interval(qual, value, step)
            if few and raw.lower() in ("hundred", "dozen", *BARE_SCALES):
                # "a couple hundred people", "several hundred troops": the bare scale word counted an
                # unstated few times, never the one hundred it would be alone
                start, times_low, times_high = few
                if times_low == times_high:
                    low, high, qualifier = _interval("about", value * times_low, step)
                else:
                    low, high, qualifier = value * times_low, value * times_high, "range"
                low, high = round(low or 0.0, 6), round(high or 0.0, 6)
        counted = unit not in ("percent", *_CURRENCIES.values())
        if counted:
            end = unit_end
            thing = frozenset([stem(unit)])
        else:  # the figure ends at "%", the scale or the digits; what it is of follows
            end = max(m.end(g) for g in ("pct", "scale", "num", "vague") if m.group(g))
            thing = _thing_after(text[end:])
        out.append(
            Quantity(
                text=text[start:end],
                start=start,
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


# "some $146 billion": a figure printed to three or more significant digits and qualified by
# "about"/"some" means that figure give or take a few units of its last digit, not give or take 10 %.
PRECISE_DIGITS = 100
PRECISE_SLACK_STEPS = 2


def tightened(q: Quantity) -> Quantity:
    """``q`` with an "about" around a precise figure narrowed to a few units of its last digit
    (``PRECISE_DIGITS``): the reading both number conflicts and claim support compare."""
    if q.qualifier != "about" or q.low is None or q.high is None or q.step * PRECISE_DIGITS > (q.low + q.high) / 2:
        return q
    centre = (q.low + q.high) / 2
    slack = PRECISE_SLACK_STEPS * q.step
    return replace(q, low=centre - slack, high=centre + slack)


def implies(a: Quantity, b: Quantity) -> bool:
    """Whether stating ``a`` states ``b``: every value ``a`` allows, ``b`` allows too ("four dead" gives
    "at least two dead", and "$148.9 billion" gives "$149 billion"; not the other way round). A report
    that says less precisely than another does not corroborate the precise figure."""
    lo_a, lo_a_in, hi_a, hi_a_in = _bounds(a)
    lo_b, lo_b_in, hi_b, hi_b_in = _bounds(b)
    tol = 1e-9 * max(1.0, abs(lo_b) if lo_b != float("-inf") else 1.0, abs(hi_b) if hi_b != float("inf") else 1.0)
    low_ok = lo_a > lo_b + tol or (abs(lo_a - lo_b) <= tol and (lo_b_in or not lo_a_in)) or lo_b == float("-inf")
    high_ok = hi_a < hi_b - tol or (abs(hi_a - hi_b) <= tol and (hi_b_in or not hi_a_in)) or hi_b == float("inf")
    return low_ok and high_ok


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
