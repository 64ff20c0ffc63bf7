"""Quantities as value intervals: "more than 100,000 troops" -> (100000, None, more-than, troops).

Rules only. Years, dates, times, ordinals and numbers inside names ("F-15", "336th",
"COVID-19") are skipped because they are labels, not amounts; comparisons across outlets
("100,000" vs "tens of thousands") then work on intervals.
"""

from __future__ import annotations

import re
from collections import Counter

from storyprism.extract.number_durations import duration_rest, mission_clock_reading, smaller_part
from storyprism.extract.number_forms import course_label, in_day_list, mixed_fraction
from storyprism.records import NumberMention
from storyprism.text.numbers import (
    BARE_SCALES,
    MEASURE_ATTACHED,
    MEASURE_UNITS,
    MEASURE_WORDS,
    few_times_before,
    noun_past_adjectives,
)

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a thousand": 1000, "a million": 1e6, "a billion": 1e9, "half a million": 5e5,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
# Vague plurals: "tens of thousands" is at least two tens of thousands and less than a hundred thousand.
_VAGUE = [
    ("hundreds of thousands", 200_000, 999_999),
    ("tens of thousands", 20_000, 99_999),
    ("hundreds of billions", 200e9, 999e9),
    ("tens of billions", 20e9, 99e9),
    ("hundreds of millions", 200e6, 999e6),
    ("tens of millions", 20e6, 99e6),
    ("thousands", 2_000, 9_999),
    ("millions", 2e6, 9.99e6),
    ("billions", 2e9, 9.99e9),
    ("hundreds", 200, 999),
    ("dozens", 24, 99),
    ("scores", 40, 99),
]
_QUALIFIERS = {
    "more than": "more-than", "over": "more-than", "above": "more-than", "in excess of": "more-than",
    "upwards of": "more-than", "more-than": "more-than", "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "up to": "up-to", "as many as": "up-to",
    "fewer than": "less-than", "less than": "less-than", "less-than": "less-than", "fewer-than": "less-than", "under": "less-than", "below": "less-than",
    "no more than": "up-to", "not more than": "up-to", "over the age of": "more-than",
    "under the age of": "less-than", "near": "about",
    # "could be as old as 32": the number bounds the amount from above or below
    "as much as": "up-to", "as high as": "up-to", "as old as": "up-to",
    "as little as": "at-least", "as low as": "at-least", "as young as": "at-least", "as few as": "at-least",
}  # fmt: skip
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:thousand|million|billion|trillion|bn|k|m)\b)?"
_WORD_NUM = (
    # a bare "thousand", "million", "billion" is kept only after "a few", "several" or "a couple" (below)
    r"(?:half\s+a\s+million|a\s+(?:hundred|thousand|million|billion|dozen)|dozen|"
    + "|".join(BARE_SCALES)
    + "|"
    + "|".join(sorted((w for w in _WORDS if " " not in w), key=len, reverse=True))
    + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?:thousand|million|billion))?"
)
# ("one" left out: a quotation opening on "one" is a phrase, "about “one day” soon", far more often than a count)
_QUOTED_WORD_NUM = "|".join(sorted((w for w in _WORDS if " " not in w and w != "one"), key=len, reverse=True))
# a phrase's word gaps match any run of whitespace ("tens of\nthousands", "more  than"): articles wrap
# lines anywhere; ``_key`` reads the match back as the table's spelling
_VAGUE_RE = "|".join(v.replace(" ", r"\s+") for v, _, _ in _VAGUE)
_QUAL_RE = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True))
_VALUE = rf"(?:[$€£]\s?)?(?:{_NUM}|{_WORD_NUM})"
# a unit written onto the number ("60,000km", "1,400kg", "70mph"): a measure (the shared table) or an
# amount of energy or data
_ATTACHED_UNIT = MEASURE_ATTACHED + r"|kwh|mwh|kw|mw|gw|gb|mb|tb"
NUMBER_RE = re.compile(
    # an opening quotation mark may stand between the approximator and its number (some "750 employees
    # had ...": the quotation starts at the number, the reporter's "some" still qualifies it; the mark
    # has to touch the number, so it opens a quotation there and closes none; a number in words too: about
    # "ten per cent")
    rf"(?<![\w.,/-])(?:(?P<qual>{_QUAL_RE})\s+(?:[\"“‘](?=[$€£]?(?:\d|(?:{_QUOTED_WORD_NUM})\b)))?)?"
    rf"(?:(?P<vague>{_VAGUE_RE})|(?:between\s+)?(?P<a>{_VALUE})(?![.,]?\d)"
    # "two or three", "3 to 5 million": one interval
    rf"(?:\s*(?:to|-|–|and|or)\s*(?P<b>{_VALUE})(?![.,]?\d))?)"
    # "50-ish", "fortyish": a suffix that makes the figure a rough one (read as "about", below)
    rf"(?P<pct>\s*(?:%|percent\b|per cent\b))?(?P<sfx>{_ATTACHED_UNIT})?(?P<ish>-?ish)?(?![\w-])",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCALE_WORD = re.compile(r"\s(thousand|million|billion|trillion)$|\d\s*(bn)$", re.IGNORECASE)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_UNIT_SKIP = {
    "of",
    "the",
    "more",
    "additional",
    "new",
    "other",
    "extra",
    "such",
    "us",
    "u.s.",
    "russian",
    "american",
}
_UNIT_STOP = {
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "that",
    "who",
    "which",
    "is",
    "are",
    "was",
    "were",
}


# "a depth of 40m", "at an altitude of 10.5m": a noun of length before "of" makes the m metres (a dimension is
# measured in metres; a currency sign would make it millions)
_METRES_BEFORE = re.compile(
    r"\b(?:depth|height|length|width|distance|altitude|elevation|diameter|radius)s?\s+of\s*$",
    re.IGNORECASE,
)
# ("range", "span" left out: "in the range of 40m euros" is money as often as a distance)
# a currency word after "40m" makes it millions whatever came before ("a range of 40m euros")
_MONEY_AFTER = re.compile(
    r"\s*(?:dollars?|pounds?|euros?|yuan|yen|rupees?|francs?|roubles?|rubles?|sterling|USD|EUR|GBP)\b",
    re.IGNORECASE,
)
# after "13m" these words make the m metres, not millions ("dug only 13m down the shaft")
_METRES_AFTER = re.compile(
    r"\s*(?:down|deep|high|tall|long|wide|thick|away|above|below|under|up|of\b|from|into|across|in\s+(?:diameter|length|height|depth))"
)


def _key(words: str) -> str:
    """A matched phrase as a table key: a line break, a tab or a run of spaces inside "a\nfew" or
    "more  than" is one word gap (articles wrap lines anywhere), and tables are written lower-case."""
    return " ".join(words.lower().split())


def _value(text: str) -> float | None:
    t = _key(text.replace("$", "").replace("€", "").replace("£", ""))
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|k|m)?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        return v * _SCALE.get(m.group(2) or "", 1)
    if t in BARE_SCALES:
        return _SCALE[t]  # a bare scale word after "a few" (find_numbers counts it)
    if t in _WORDS:
        return float(_WORDS[t])  # "half a million": a phrase of its own, not "half a" times a million
    scale = 1.0
    for word, mult in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9)):
        if t.endswith(" " + word) and t != "a " + word:
            scale = mult
            t = t[: -len(word) - 1].strip()
    if t in _WORDS:
        return _WORDS[t] * scale
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in _WORDS and parts[1] in _WORDS:
        return (_WORDS[parts[0]] + _WORDS[parts[1]]) * scale
    return None


def _interval(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in ("more-than", "at-least"):
        return value, None
    if qualifier in ("up-to", "less-than"):
        return None, value
    if qualifier == "nearly":
        return round(value * 0.9, 6), value
    if qualifier == "about":
        return round(value * 0.9, 6), round(value * 1.1, 6)
    return value, value


def _is_label(text: str, s: int, e: int, raw: str) -> bool:
    """Years, dates, times, ordinals and numbers in names are not quantities."""
    before = text[max(0, s - 12) : s]
    after = text[e : e + 12]
    # ("-ish" after a figure makes it rough, not a name: "50-ish")
    if re.match(
        r"[:.]\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:st|nd|rd|th)\b|-(?!ish\b)[A-Za-z]", after, re.IGNORECASE
    ):
        return True
    # a letter, "#" or a clock's digits right before the number ("F15", "#3", "10:30"); "\Z", as "$" also
    # matches before a line break that ends ``before`` ("a few\nhundred": a line wrap is no name)
    if re.search(r"(?:[A-Za-z]-?|#|\d[:.])\Z", before):
        return True
    if re.search(rf"\b{_MONTHS}\s*$", before, re.IGNORECASE) or (
        re.match(rf"\s*{_MONTHS}", after, re.IGNORECASE) and re.fullmatch(r"\d{1,2}", raw)
    ):
        return True
    year_context = re.search(
        r"\b(?:the|in|since|by|until|of|from|during|after|before|early|late|mid)\s*$", before, re.IGNORECASE
    )
    # a year ("in 2014", "2022 Winter Olympics"), unless it counts something ("2000 troops"); a verb in
    # -s after it ("2018 has", "January 1, 2018 shows") or "the year" before it keeps it a year
    counted = re.match(r"\s+([a-z]+s)\b", after)
    if re.fullmatch(r"(1[89]|20)\d\d", raw) and (
        year_context
        or not counted
        or counted.group(1) in _VERBS_S
        or re.search(r"\byear\s*$|\d,\s*$", before, re.IGNORECASE)
    ):
        return True
    # "a fully booked 737 jet": a count above one never takes a singular noun, so a number before a
    # singular aircraft noun is a model's name (a count writes "300 jets", "300 aircraft")
    if re.fullmatch(r"[1-9]\d{2}", raw) and re.match(
        r"\s+(?:jet|jetliner|airliner|plane)\b(?!s)", after, re.I
    ):
        return True
    # "could lift a 747 into the hangar": "a" before a number above one with no noun after it names a thing
    # by its model number (a count never takes the indefinite article: "a 747 jets" is no English)
    if (
        re.fullmatch(r"[1-9]\d{2,3}", raw)
        and re.search(r"\b(?:a|an)\s+$", before)
        and re.match(r"\s*(?:[.,;:!?)]|\s(?:into|to|in|on|at|with|from|for|and|or|that|which)\b)", after)
    ):
        return True
    # "No. 2 seed", "game four", "Week 3": a number naming an item of a series
    if re.search(rf"(?:\b(?:no|nos|number|#)\.?|\b(?:{_SERIES}))\s*$", before, re.IGNORECASE):
        return True
    # "1 / 22", "6 of 41": a gallery or page counter
    if re.search(r"\d\s*/\s*$", before) or re.match(r"\s*/\s*\d", after):
        return True
    if re.match(r"\s+of\s+\d+\b(?!\s*[a-z])", text[e : e + 16]) or re.search(r"\d+\s+of\s+\d+\s*$", before):
        return True
    if re.search(r"\d+\s+of\s*$", before) and not re.match(r"\s+[a-z]", after):
        return True
    # "LS 500", "F 150": a model number after a short code in capitals
    prev_tok = before.split()[-1] if before.split() else ""
    # 5'2'': feet and inches write a height, not two amounts
    if re.match(r"\s*['’′]\s*\d", after) or re.search(r"\d\s*['’′]\s*$", before):
        return True
    # "(2206 GMT)", "2100 hours": a 24-hour clock time
    if re.fullmatch(r"[012]\d[0-5]\d", raw) and re.match(
        r"\s*(?:GMT|UTC|BST|CET|[ECMP][SD]T|Z|hrs|hours|local)\b", after
    ):
        return True
    # "at 6.10 and": a clock time written with a point (hours <= 24, two-digit minutes < 60)
    if (
        re.fullmatch(r"(?:[01]?\d|2[0-4])\.[0-5]\d", raw)
        and re.search(r"\b(?:at|by|until|till|from|before|after|around|about)\s*$", before, re.IGNORECASE)
        and not _has_unit(after)
    ):
        return True
    # "call 0207 782 4368": a digit group right after another digit group is part of a phone number
    # (a group led by 0, or one with nothing counted after it; "in 2017 2000 troops" stays a count)
    if (
        re.fullmatch(r"\d{3,5}", raw)
        and re.search(r"\b\d{3,}\s+$", before)
        and (re.search(r"\b0\d{2,}\s+(?:\d+\s+)?$", text[max(0, s - 20) : s]) or not _has_unit(after))
    ):
        return True
    if re.fullmatch(r"[A-Z]{1,4}", prev_tok) and prev_tok not in ("US", "UK", "EU", "USD", "GBP", "EUR"):
        return True
    # "0800 0560154", "020 7946": a leading zero writes a code or a phone number, never an amount
    if re.fullmatch(r"0\d{2,}", raw):
        return True
    # "Group of 20", "Class of 2019": a number closing a capitalised name
    if re.search(r"\b[A-Z][a-z]+\s+of\s*$", before):
        return True
    # "1426 N. Quincy St.": a street number
    if re.match(
        r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Lane|Ln|Way|Pl|Place|Ct)\b",
        after + text[e + 12 : e + 40],
    ):
        return True
    # "Route 6", "Apollo 11", "Boeing 737", "iPhone 7": a bare number right after a capitalised (or
    # camel-case) word, unless a unit follows; quote marks before the word do not hide it ("“Deadpool 2.”")
    prev = (before.split()[-1] if before.split() else "").lstrip("\"“‘'(")
    if not (re.fullmatch(r"\d+", raw) and _capitalised(prev) and prev.lower() not in _QUALIFIERS):
        return False
    if not _has_unit(after):
        return True
    if prev[-1:] in (",", ";", ":") and not re.match(r"\s+of\b", after):
        # "In Paris, 40 people died": punctuation ends the capitalised word's phrase (a name runs on
        # unbroken), and a counted noun follows ("Smith, 46, said" and "Neu, 67 of Slidell" have none: ages)
        return False
    # "Falcon 9 rockets", "Pixel 2 users": the same word + number is written elsewhere in the text as a
    # name on its own (nothing counted after it), so here too it names a model
    if (prev, raw) in _model_names(text):
        return True
    # "three Falcon 9 rockets", "the Falcon 9 rockets": a count or a determiner before the capitalised
    # word opens the noun phrase, so the number after the word belongs to the name, not to the noun
    words = before.split()
    before2 = text[max(0, s - 40) : s].split()
    det = before2[-2].lower() if len(before2) >= 2 else ""
    if words and (det in _DETERMINERS or det in _WORDS or re.fullmatch(r"\d[\d,]*", det)):
        return True
    # "Pixel 2 camera", "Formula 1 car": a one- or two-digit number inside a name is followed by a
    # singular noun; a count takes a plural ("Hilton had 3 sacks"). A capitalised word that opens the
    # sentence ("Only 20 people") or names a day or month ("On Sunday 12 people died") is no name.
    # A longer number before a singular noun is a model too ("Snapdragon 835 processor", "Nikkei 225
    # index"): a count of three digits takes a plural, except nouns whose plural is the singular.
    nxt = re.match(r"\s+([a-z]+)", after)
    if nxt and nxt.group(1) in _COUNTED_ONLY:
        return False  # "Sunni 12 people": no model is ever named "people"; the number counts them
    opens = re.search(r"(?:^|[.!?:]\s+|\n\s*)\S+\s*$", text[max(0, s - 40) : s])
    return bool(
        (len(raw) <= 2 or (nxt and nxt.group(1) not in _SAME_PLURAL | {"per", "percent", "cent"}))
        and nxt
        and not nxt.group(1).endswith("s")
        and not opens
        and not re.fullmatch(rf"{_MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day", prev.lower())
    )


_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "these", "those", "this", "that",
     "previous", "earlier", "recycled", "several", "many", "all", "both"]
)  # fmt: skip
# verbs in -s that follow a year as its subject ("2018 has been", "2017 saw"), never a counted noun
_VERBS_S = frozenset(
    ["has", "was", "is", "shows", "marks", "sees", "begins", "ends", "looks", "means", "brings", "remains",
     "comes", "goes", "gets", "makes", "takes", "gives", "promises", "proves", "seems", "starts"]
)  # fmt: skip
# nouns whose plural is written like the singular: "840 people", "18 aircraft" are counts
_SAME_PLURAL = frozenset(
    ["people", "police", "staff", "personnel", "aircraft", "crew", "cattle", "sheep", "fish", "deer",
     "livestock", "militia", "offspring", "spacecraft", "series", "species", "head"]
)  # fmt: skip
# nouns of that kind a model or series name never stands before ("Pixel 2 camera" is a name, "12 people" a count)
_COUNTED_ONLY = frozenset(["people", "police", "personnel", "staff", "civilians", "livestock", "cattle", "sheep"])
_NAME_NUMBER = re.compile(
    r"(?<![\w.,])([A-Za-z][\w-]*)\s+(\d{1,4})(?=s\b|[^\w%]|$)(?![.,]\d|\s*(?:percent|per cent))"
)
# what follows a model name written alone: a plural "s" ("Falcon 9s"), a possessive, punctuation, a
# capitalised word or an auxiliary verb; never a counted noun, and not "to"/"or" (a range goes on)
_NAME_ALONE = re.compile(
    r"(?:s|['’]s)?(?:\s*[.,;:!?)\]”\"’]|\s*$|\s+[A-Z]|\s+(?:is|are|was|were|has|have|had|will|would|can|could|also)\b)"
)


def _capitalised(word: str) -> bool:
    """A name-like word: capitalised ("Falcon") or camel-case ("iPhone", "eBay")."""
    return bool(word[:1].isupper() or re.fullmatch(r"[a-z]{1,2}[A-Z]\w*", word))


_MODEL_CACHE: dict[int, tuple[str, set[tuple[str, str]]]] = {}


def _model_names(text: str) -> set[tuple[str, str]]:
    """(word, number) pairs the text writes as a name on its own at least once ("the Falcon 9.",
    "Falcon 9s have", "a Pixel 2 with"), outside sentence openings, months and days."""
    hit = _MODEL_CACHE.get(id(text))
    if hit is not None and hit[0] is text:
        return hit[1]
    pairs: set[tuple[str, str]] = set()
    seen: Counter[tuple[str, str]] = Counter()
    for m in _NAME_NUMBER.finditer(text):
        word, num = m.group(1), m.group(2)
        if not _capitalised(word) or word.lower() in _QUALIFIERS or re.fullmatch(r"(1[89]|20)\d\d", num):
            continue
        if re.fullmatch(rf"{_MONTHS}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|{_SERIES}", word.lower()):
            continue
        if re.search(r"(?:^|[.!?:]\s+|\n\s*)$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "At 10 ...": a word opening a sentence is capitalised for that alone
        if _NAME_ALONE.match(text, m.end()):
            pairs.add((word, num))
        # "single-stick Falcon 9 rockets ... three Falcon 9 launches": the same capitalised word with the
        # same number written again names one thing (counts of a named thing seldom repeat exactly)
        seen[(word, num)] += 1
        if seen[(word, num)] >= 2:
            pairs.add((word, num))
    _MODEL_CACHE.clear()
    _MODEL_CACHE[id(text)] = (text, pairs)
    return pairs


def _has_unit(after: str) -> bool:
    m = re.match(r"\s+([a-z][\w-]*)", after)
    if not m or m.group(1) in _UNIT_STOP or m.group(1) in ("is", "was", "has", "will"):
        return False
    # an adverb or a past form after the number is the sentence going on, not a unit ("737 fully")
    return not m.group(1).endswith(("ly", "ed"))


_SERIES = (
    "game|games|week|round|chapter|episode|season|stage|phase|level|page|item|figure|fig|room|gate|"
    "platform|seat|row|flight|route|highway|interstate|section|article|clause|paragraph|verse|track|"
    "act|scene|part|volume|vol|issue|grade|class|category|channel|model|version|day|lap|exit|terminal|"
    # numbered places of a site ("pad 40", "pier 17", "hole 18", "ward 6"): a label, not a count
    "pad|launchpad|pier|berth|dock|hangar|ward|precinct|sector|hole|bay|cell|"
    # numbered places in a vehicle or a building ("aisle 14", "carriage 3", "floor 9", "suite 200")
    "aisle|carriage|cabin|deck|floor|suite|apartment|lane"
)


def _unit(text: str, e: int, pct: bool, raw: str) -> str | None:
    if pct:
        return "percent"
    # the currency sign may follow a qualifier ("near $14,475", "about £5m")
    for sign, code in (("$", "USD"), ("€", "EUR"), ("£", "GBP")):
        if sign in raw:
            return code
    for k, t in enumerate(re.finditer(r"[A-Za-z][\w'’-]*|[.,;:!?]", text[e : e + 60])):
        w = t.group(0)
        lw = w.lower()
        if k >= 4:
            break
        if lw in _UNIT_SKIP:
            continue
        if not w[0].isalpha() or lw in _UNIT_STOP:
            return None
        # "998 horizontal miles", "3 nuclear-capable missiles": the shared reader's rule, the noun past one
        # or two descriptive adjectives is what the figure counts (English puts them between the two)
        one = raw.strip().lower() in ("1", "one", "a", "an")
        head = noun_past_adjectives(text, e + t.start(), e + t.end(), one)
        return head[0] if head is not None else lw
    return None


_FRACTION_AFTER = re.compile(
    r"[\s-](?:thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?|halves)\b", re.I
)
# words after "4-11" that make it a result or a record, not a range of amounts
_RESULT_WORDS = re.compile(
    r"\s*(?:\)|win|wins|victory|victories|loss|losses|defeat|record|lead|decision|vote|score|margin|"
    r"split|ruling|majority|count|tie|draw|season|start|finish|run|streak|mark)\b",
    re.I,
)
_VERSION_BEFORE = re.compile(
    r"(?:\b(?:version|v|ver|release|update|iOS|Android|Windows|macOS|OS)\.?\s*)$", re.I
)


_VERSION_AFTER = re.compile(r"\s*(?:update|firmware|version|release|patch|beta|build|software)\b", re.I)
# "went 14-34", "were 1-2 in playoff games": a verb of standing before N-M makes it a record
_RECORD_BEFORE = re.compile(
    r"\b(?:went|go|goes|going|were|was|are|is|finished|finish|stood|stands|improved\s+to|fell\s+to|dropped\s+to)\s*$",
    re.I,
)


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
# an approximator after the figure, or after its unit ("a billion years or so", "10 miles or more", "50 or
# so people", "two weeks or less"): it bounds the figure as "about", "at least" or "at most" before it do;
# not "or more than"/"or less than", which open a second figure, nor "or more likely", "or less often" (an
# adverb after "more": a comparison of the next clause, not a bound on the figure)
_TRAILING_QUAL = re.compile(
    r"(?P<unit>(?:\s+[a-z]+){0,2}?)\s+or\s+(?P<word>so|more|less|fewer)\b(?!\s+(?:than|likely|[a-z]+ly)\b)",
    re.I,
)
_TRAILING_KIND = {"so": "about", "more": "at-least", "less": "up-to", "fewer": "up-to"}
_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?!\d|\.\d)")


def _versions(text: str) -> frozenset[str]:
    """Decimals the text writes as a software version somewhere ("the 5.50 update", "update to 5.00",
    "iOS 11.2"). Signal: one text gives one number one sense, so the same decimal written bare ("but 5.50
    allows you to import any image") is that version too, not an amount."""
    found = set()
    for m in _DECIMAL.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if (
            _VERSION_AFTER.match(text, m.end())
            or _VERSION_BEFORE.search(before)
            or re.search(r"\b(?:update|upgrade)d?\s+to\s*$", before, re.I)
        ):
            found.add(m.group(0))
    return frozenset(found)


# a verb of change before a decimal ("grew 2.5", "rose to 2.5", "up by 2.5"): what follows is an amount
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:rose|rises?|risen|rising|grew|grows?|grown|growing|fell|falls?|fallen|falling|dropped|drops?|"
    r"climbed|climbs?|jumped|jumps?|gained|gains?|declined|declines?|increased|increases?|decreased|"
    r"decreases?|slipped|slid|up|down)(?:\s+(?:to|by|from))?|by)\s*$",
    re.I,
)


def _amount_here(text: str, s: int, e: int, pct: bool) -> bool:
    """A decimal the text also writes as a version is still an amount where this mention says so: a percent,
    a unit or currency after it, or a verb of change before it (one number, one sense, holds only
    where nothing beside the number gives it another)."""
    return pct or bool(_MEASURE_AFTER.match(text, e)) or bool(_CHANGE_BEFORE.search(text[max(0, s - 24) : s]))


# what makes "about one" an amount: a currency, a unit of time or measure, or a ratio
_MEASURE_AFTER = re.compile(
    r"\s+(?:dollars?|pounds?|euros?|yuan|yen|cents?|percent|per\s+cent|in\s+\w+|out\s+of|"
    rf"(?:second|minute|hour|day|week|month|year)s?|{MEASURE_WORDS}|kilo\w*)\b",
    re.I,
)


# bare numerals right before a number, or right after it, each set off by single spaces
_RUN_BEFORE = re.compile(r"(?:(?<![\w.,$€£%-])\d+ )+$")
_RUN_AFTER = re.compile(r"(?: \d+(?![\w.,%-]))+")


_NAMING_BEFORE = re.compile(r"\b(?:called|named|dubbed|nicknamed|titled)\s+$")


def _not_amount(text: str, m: re.Match[str]) -> bool:
    """Records and scores "(4-11)", versions "8.1", fractions "Two thirds", phone numbers: labels, not amounts."""
    s, e = m.span()
    raw_a = (m.group("a") or "").lstrip("$€£ ")
    raw_b = m.group("b") or ""
    if raw_a and _FRACTION_AFTER.match(text, e):
        return True  # "two thirds", "three-quarters": a share, not a count
    if raw_b and re.fullmatch(r"\d+", raw_a) and re.fullmatch(r"\d+", raw_b):
        joined = text[m.start("a") : m.end("b")]
        if re.fullmatch(r"\d+-\d+", joined):
            if text[s - 1 : s] == "(" and text[e : e + 1] == ")":
                return True  # "(4-11)": a win-loss record
            if int(raw_b) <= int(raw_a):
                return True  # "6-6", "24-17": a score, never a range
            if (len(raw_a) == 3 and len(raw_b) == 4) or re.search(
                r"\(\d{3}\)\s*$|\d-$", text[max(0, s - 8) : s]
            ):
                return True  # "555-1234", "(212) 555-1234": a phone number
            if not m.group("pct") and _RESULT_WORDS.match(text, e):
                return True  # "a 4-1 win", "the 5-4 decision"
            if (
                not m.group("pct")
                and _RECORD_BEFORE.search(text[max(0, s - 16) : s])
                and not _has_unit(text[e : e + 14])
            ):
                return True  # "went 14-34 in three seasons": a win-loss record
    if raw_a.isdigit() and not raw_b:
        # "models such as 5, 5S and 5C": a list item beside the same digits with a letter code is a model
        sibling = rf"{raw_a}[A-Z]{{1,2}}\b"
        if re.match(rf"\s*(?:,|/|and|or)\s*{sibling}", text[e : e + 16]) or re.search(
            rf"\b{sibling}\s*(?:,|/|and|or)\s*$", text[max(0, s - 16) : s]
        ):
            return True
        # "a user called 80 Hou Bu Huai": a number after a verb of naming, a capitalised word after it
        if _NAMING_BEFORE.search(text, max(0, s - 14), s) and re.match(r"\s+[A-Z]", text[e : e + 3]):
            return True
    # "4K TV", "8K": a single digit with a capital K and no currency sign is a screen resolution
    if re.fullmatch(r"\d\s*K", raw_a) and not re.search(r"[$€£]", m.group(0)):
        return True
    # "the 5.50 update", "update to 5.00": a decimal beside a software word is a version
    if re.fullmatch(r"\d+\.\d+", raw_a) and (
        _VERSION_AFTER.match(text, e)
        or re.search(r"\b(?:update|upgrade)d?\s+to\s*$", text[max(0, s - 16) : s], re.I)
    ):
        return True
    if re.fullmatch(r"\d+\.\d+", raw_a) and not m.group("pct"):
        before = text[max(0, s - 20) : s]
        prev = before.split()[-1] if before.split() else ""
        if _VERSION_BEFORE.search(before) or (
            prev[:1].isupper() and prev.lower() not in _QUALIFIERS and not _has_unit(text[e : e + 12])
        ):
            return True  # "iOS 8.1", "Windows 8.1": a version
    if re.match(r"\)?\s*\d{3}[-.]\d{4}\b", text[e : e + 14]) and re.fullmatch(r"\d{3}", raw_a):
        return True  # an area code "(212) 555-1234"
    # "0800/111 0 111": a digit group between two others, set off by single spaces after a slashed code or
    # a group, is part of a phone number written in groups; an amount never stands between bare digit groups
    if raw_a.isdigit() and not raw_b:
        before = text[max(0, s - 24) : s]
        if re.search(r"(?:^|\s)\d{3,}/\d+(?: \d+)* $", before) or (
            re.search(r"(?:^|\s)\d{2,} $", before) and re.match(r" \d+(?:\s|$|[.,;)])", text[e : e + 8])
        ):
            return True
    # "6 3 5 4": a run of three or more bare numerals with nothing but spaces between them is a list of
    # labels (a map's keys, a code, a draw, a line of a table); prose joins amounts with words or
    # punctuation, never sets them side by side ("in 2017 2000 troops" is two, and stays a count)
    if raw_a.isdigit() and not raw_b and not m.group("pct") and not re.search(r"[$€£]", m.group(0)):
        run_before = _RUN_BEFORE.search(text, max(0, s - 40), s)
        run_after = _RUN_AFTER.match(text, e)
        count = 1 + (run_before.group(0).count(" ") if run_before else 0)
        count += len(re.findall(r"\d+", run_after.group(0))) if run_after else 0
        if count >= 3:
            return True
    # the middle or end of a phone number
    return bool(
        re.search(r"\(\d{3}\)\s*$", text[max(0, s - 7) : s]) or re.match(r"[-.]\d{3,4}\b", text[e : e + 6])
    )


# "No. 18", "#3" right after a word: the word and the number together name one thing ("Billions No. 18",
# a ship), since a counted amount is never numbered itself
_SERIAL_AFTER = re.compile(r"\s+(?:No|Nos|Number)\.?\s*\d|\s+#\d")


def _is_name_word(raw: str) -> bool:
    """Only a word can be a name with a serial ("Billions No. 18": capitalised, or a scale word); digits
    before "No." count the numbered things ("120 No. 2 grade pipes": 120 pipes of grade No. 2)."""
    word = raw.strip()
    return not re.search(r"\d", word) and (
        word[:1].isupper() or bool(re.fullmatch(r"(?:[a-z]+ )?\w+ions?", word))
    )


# a figure's unit word and an opening bracket: what stands between a measure and its conversion
_CONVERSION = re.compile(r"(?:\s*[A-Za-z]+\.?)?\s*\(\s*")
_BOUNDS = frozenset(["more-than", "at-least", "less-than", "up-to", "nearly", "about"])
# units of measure (the shared table) and money: only a measure is converted ("about 100 people (20 children)"
# is a part); the bracket closes right after the converted unit ("(33 feet)", "(4 in)"): a bracket that
# goes on ("(20 km of it unpaved)", "(20 in the city)") adds a part or a detail, not the same figure again
_MEASURE_UNITS = MEASURE_UNITS
_CONVERTED_UNIT = re.compile(rf"\s*{_MEASURE_UNITS}\s*\)", re.I)
_CLOSES = re.compile(r"\s*\)")


def _measured(unit: str) -> bool:
    """Whether a figure is a measure or an amount of money (its unit a unit of measure, or a currency)."""
    return unit in ("USD", "EUR", "GBP") or bool(re.fullmatch(_MEASURE_UNITS, unit, re.I))

# what "about" follows when it names a topic: a verb that takes "about" as its complement (talking,
# asking, hearing, feeling: "talked about", "asked us about"), a noun of a told or shown thing ("a film
# about") or "what"/"how"/"all". Verbs that report a statement ("said", "told", "wrote", "thought") are not
# among them: the quotation they open is the statement, and "about" in it still means "roughly" ("She said
# about “300 soldiers had fled”").
_TOPIC_BEFORE = re.compile(
    r"\b(?:(?:talk|speak|spoke|ask|hear|heard|learn|read|sing|sang|sung|jok|complain|worr|argu|debat|dream|"
    r"forg[eo]t|remind|wonder|laugh|boast|brag|chat|lectur|[ei]nquir|question|film|book|song|article|"
    r"documentar|movie|novel|speech|concern)\w*|car(?:e|ed|es|ing)|stor(?:y|ies)|what|how|all)"
    r"(?:\s+(?:me|him|her|us|them|you|it))?\s+$",
    re.IGNORECASE,
)


def find_numbers(article: str, text: str, spans: list[tuple[int, int]]) -> list[NumberMention]:
    """Quantity mentions in ``text``; ``spans`` are sentence spans (for ``NumberMention.sentence``)."""
    out: list[NumberMention] = []
    versions: frozenset[str] | None = None  # read once, and only for a text with a bare decimal
    for m in NUMBER_RE.finditer(text):
        s, e = m.span()
        unit_at: int | None = None  # where the unit is read, when the span runs past it
        qual = _QUALIFIERS.get(_key(m.group("qual") or ""))
        pct = bool(m.group("pct"))
        if (
            qual
            and m.group("a")
            and re.search(r"[\"“‘]", text[m.end("qual") : m.start("a")])
            and re.match(r"\s+[A-Z]", text[m.end() :])
        ):
            # "a film about “12 Angry Men”": a quotation opening on a number and a capitalised word is a
            # title (title case), so the word before it ("about") is a preposition, not an approximator
            qual, s = None, m.start("a")
        if (
            m.group("qual")
            and _key(m.group("qual")) == "about"
            and m.group("a")
            and re.search(r"[\"“‘]", text[m.end("qual") : m.start("a")])
            and _TOPIC_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            # "they talked about “two worlds”", "a film about “seven samurai”": after a verb of talking,
            # asking or knowing, or a noun of a told thing, "about" names the topic, and the quotation
            # is what it is about (a preposition, not "roughly")
            qual, s = None, m.start("a")
        if not m.group("vague") and _not_amount(text, m):
            continue
        if not m.group("vague") and in_day_list(text, m.start("a"), m.end()):
            continue  # "Other dates: Jan. 12, 19 and 26": days of a month in a list of dates (number_forms)
        if not m.group("vague") and not m.group("b") and course_label(text, m.start("a"), m.end("a")):
            continue  # "Virtual reality 101:": an introductory course's label (number_forms)
        bare = (m.group("a") or "").strip()
        if not m.group("vague") and not m.group("b") and _DECIMAL.fullmatch(bare):
            versions = _versions(text) if versions is None else versions
            if bare in versions and not _amount_here(text, s, e, pct):
                continue  # "but 5.50 allows you to import": the text writes this decimal as a version elsewhere
        if _SERIAL_AFTER.match(text, e) and _is_name_word(m.group(0)):
            continue  # "Billions No. 18": a word followed by its own serial number is a (ship's) name
        if m.group("vague"):
            low, high = next((lo, hi) for v, lo, hi in _VAGUE if v == _key(m.group("vague")))
            interval: tuple[float | None, float | None] = (float(low), float(high))
            if qual in ("more-than", "at-least"):
                interval = (float(low), None)
            raw = m.group("vague")
            qual = qual or "vague"
        else:
            raw = m.group("a")
            if raw.lower() in BARE_SCALES and (qual or m.group("b") or few_times_before(text, m.start("a")) is None):
                continue  # "the million-dollar question", "Thousand Oaks": a bare scale word is no count
            a = _value(raw)
            if a is None:
                continue
            if (
                re.fullmatch(r"\d+(?:\.\d+)?m", raw, re.I)
                and (_METRES_AFTER.match(text, m.end()) or _METRES_BEFORE.search(text, max(0, s - 30), s))
                and not _MONEY_AFTER.match(text, m.end())
            ):
                a = float(raw[:-1])  # "13m down": metres (a currency sign would make it millions)
                sent = next((text[a0:b0] for a0, b0 in spans if a0 <= s < b0), "")
                lo, hi = _interval(a, qual)
                out.append(NumberMention(article, text[s:e], lo, hi, qual, "m", sent, s, e))
                continue
            vs = m.start("a") + (len(raw) - len(raw.lstrip("$€£ ")))
            if _is_label(text, vs, m.end("b") if m.group("b") else m.end("a"), raw.lstrip("$€£ ")):
                continue
            if not m.group("b") and m.group(0).lower().startswith("between"):
                continue  # "between 43 degrees north and ...": the range is not in one piece
            if m.group("b"):
                b = _value(m.group("b"))
                scale_b = _SCALE_WORD.search(m.group("b").strip())
                if b is not None and scale_b and not _SCALE_WORD.search(raw.strip()) and a < 1000:
                    # "3 to 5 million", "two or three billion": the scale word counts for both ends
                    a *= _SCALE[(scale_b.group(1) or scale_b.group(2)).lower()]
                if b is None or b < a:
                    continue
                if re.fullmatch(r"\d{1,2}", raw) and b >= 1000 and b >= a * 100:
                    continue  # "15-2021" is a date fragment, not a range
                interval, qual = (a, b), "range"
            else:
                if (
                    re.fullmatch(r"one", raw, re.IGNORECASE)
                    and qual in (None, "about")
                    and not (
                        qual and _MEASURE_AFTER.match(text, e)
                    )  # "about one dollar", "about one in five"
                ):
                    # "one of", "one day": almost never a count worth comparing; "told The Times about
                    # one particular incident": "about" before "one" is the preposition, not "roughly"
                    continue
                if duration_rest(text, s, e, raw):
                    continue  # "8 hours and 20 minutes", "3 minutes, 4 seconds": the rest of one duration
                if mission_clock_reading(text, s, e):
                    continue  # "T-plus 3 minutes, 4 seconds": a moment on a launch's clock, not a duration
                minutes = smaller_part(text, e)
                if minutes and re.fullmatch(r"\d+|[a-z]+", raw, re.IGNORECASE):
                    # "10 hours and 13 minutes": one duration, 10.2 hours (its minutes are skipped above);
                    # the text spans the whole duration so that text and value agree, the unit stays hours
                    # ("8 minutes, 19 seconds" likewise: 8.32 minutes)
                    a += (_value(minutes[0]) or 0.0) / 60
                    unit_at, e = e, minutes[1]
                whole = re.fullmatch(r"\d+", raw.lstrip("$€£ "))
                mixed = mixed_fraction(text, e) if whole and not pct else None
                if mixed is not None:
                    # "2 2/3 innings", "$3 1/2": one amount, a whole and a fraction
                    a = round(a + mixed[0], 6)
                    e = mixed[1]
                    scale = _SCALE_AFTER.match(text, e)
                    if scale:
                        # "$3 1/2 million": the scale word after the fraction counts for the whole amount
                        a, e = round(a * _SCALE[scale.group(1).lower()], 6), scale.end()
                half = _AND_A_HALF.match(text, e)
                if half and re.fullmatch(r"\d+|[a-z]+", raw, re.IGNORECASE):
                    a += 0.5  # "every 29 and a half days": one amount, 29.5
                    e = half.end()
                if qual is None and m.group("ish"):
                    qual = "about"  # "50-ish": the suffix makes the figure a rough one
                trailing = _TRAILING_QUAL.match(text, e) if qual is None else None
                if trailing and not any(w.lower() in _UNIT_STOP for w in trailing.group("unit").split()):
                    qual = _TRAILING_KIND[trailing.group("word").lower()]
                    if not trailing.group("unit"):
                        unit_at = trailing.end()  # "50 or so people": the unit follows the approximator
                if (
                    qual is None
                    and out
                    and out[-1].qualifier in _BOUNDS
                    and _CONVERSION.fullmatch(text, out[-1].end, s)
                    and _measured(out[-1].unit or "")
                    and (
                        _CONVERTED_UNIT.match(text, e)
                        or (bool(m.group("sfx") or re.search(r"[$€£]", m.group(0))) and _CLOSES.match(text, e))
                    )
                ):
                    # "less than 10 metres (33 feet)": a conversion in brackets restates the figure before it
                    # in another unit, bound and all (the style books' convention for converted measures)
                    qual = out[-1].qualifier
                interval = _interval(a, qual)
                few = few_times_before(text, s)
                if (
                    few
                    and qual is None
                    and re.match(r"(?:a\s+)?(?:hundred|thousand|million|billion|dozen)\b", raw, re.I)
                ):
                    # "several hundred million years": a bare scale word counted an unstated few times
                    # ("a couple hundred": about two hundred, never the bare "hundred" it qualifies)
                    s, times_low, times_high = few
                    if times_low == times_high:
                        interval, qual = _interval(times_low * a, "about"), "about"
                    else:
                        interval, qual = (a * times_low, a * times_high), "vague"
        sent = next((text[a0:b0] for a0, b0 in spans if a0 <= s < b0), "")
        unit = (
            m.group("sfx").lower()
            if m.group("sfx")
            else _unit(
                text, e if unit_at is None else unit_at, pct, m.group(0) if not m.group("vague") else ""
            )
        )
        out.append(NumberMention(article, text[s:e], interval[0], interval[1], qual, unit, sent, s, e))
    return out
