"""Quantities as value intervals: "more than 100,000 troops" -> (100000, None, more-than, troops).

Rules only. Years, dates, times, ordinals and numbers inside names ("F-15", "336th",
"COVID-19") are skipped because they are labels, not amounts; comparisons across outlets
("100,000" vs "tens of thousands") then work on intervals.
"""

from __future__ import annotations

import re

from storyprism.records import NumberMention

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
    "upwards of": "more-than", "at least": "at-least", "no fewer than": "at-least", "no less than": "at-least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "up to": "up-to", "as many as": "up-to",
    "fewer than": "less-than", "less than": "less-than", "under": "less-than", "below": "less-than",
}  # fmt: skip
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:thousand|million|billion|trillion|bn|k|m)\b)?"
_WORD_NUM = (
    r"(?:half a million|a (?:hundred|thousand|million|billion|dozen)|dozen|"
    + "|".join(sorted((w for w in _WORDS if " " not in w), key=len, reverse=True))
    + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?:thousand|million|billion))?"
)
_VAGUE_RE = "|".join(v for v, _, _ in _VAGUE)
_QUAL_RE = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VALUE = rf"(?:[$€£]\s?)?(?:{_NUM}|{_WORD_NUM})"
NUMBER_RE = re.compile(
    rf"(?<![\w.,/-])(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:(?P<vague>{_VAGUE_RE})|(?:between\s+)?(?P<a>{_VALUE})(?:\s*(?:to|-|–|and)\s*(?P<b>{_VALUE}))?)"
    rf"(?P<pct>\s*(?:%|percent\b|per cent\b))?(?![\w-])",
    re.IGNORECASE,
)
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


def _value(text: str) -> float | None:
    t = text.lower().replace("$", "").replace("€", "").replace("£", "").strip()
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|k|m)?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        return v * _SCALE.get(m.group(2) or "", 1)
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
    if re.match(r"[:.]\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:st|nd|rd|th)\b|-[A-Za-z]", after, re.IGNORECASE):
        return True
    if re.search(r"[A-Za-z]-$|[A-Za-z]$|#$|\d[:.]$", before):
        return True
    if re.search(rf"\b{_MONTHS}\s*$", before, re.IGNORECASE) or (
        re.match(rf"\s*{_MONTHS}", after, re.IGNORECASE) and re.fullmatch(r"\d{1,2}", raw)
    ):
        return True
    year_context = re.search(
        r"\b(?:the|in|since|by|until|of|from|during|after|before|early|late|mid)\s*$", before, re.IGNORECASE
    )
    if re.fullmatch(r"(1[89]|20)\d\d", raw) and (year_context or not re.match(r"\s+[a-z]+s\b", after)):
        return True  # a year ("in 2014", "2022 Winter Olympics"), unless it counts something ("2000 troops")
    # "Route 6", "Apollo 11": a bare number right after a capitalised word, with no unit after it
    prev = before.split()[-1] if before.split() else ""
    return bool(
        re.fullmatch(r"\d+", raw)
        and prev[:1].isupper()
        and prev.lower() not in _QUALIFIERS
        and not _has_unit(after)
    )


def _has_unit(after: str) -> bool:
    m = re.match(r"\s+([a-z][\w-]*)", after)
    return bool(m and m.group(1) not in _UNIT_STOP and m.group(1) not in ("is", "was", "has", "will"))


def _unit(text: str, e: int, pct: bool, raw: str) -> str | None:
    if pct:
        return "percent"
    if raw.strip().startswith("$"):
        return "USD"
    if raw.strip().startswith("€"):
        return "EUR"
    if raw.strip().startswith("£"):
        return "GBP"
    for w in re.findall(r"[A-Za-z][\w'’-]*|[.,;:!?]", text[e : e + 60])[:4]:
        lw = w.lower()
        if lw in _UNIT_SKIP:
            continue
        if not w[0].isalpha() or lw in _UNIT_STOP:
            return None
        return lw
    return None


def find_numbers(article: str, text: str, spans: list[tuple[int, int]]) -> list[NumberMention]:
    """Quantity mentions in ``text``; ``spans`` are sentence spans (for ``NumberMention.sentence``)."""
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        s, e = m.span()
        qual = _QUALIFIERS.get((m.group("qual") or "").lower())
        pct = bool(m.group("pct"))
        if m.group("vague"):
            low, high = next((lo, hi) for v, lo, hi in _VAGUE if v == m.group("vague").lower())
            interval: tuple[float | None, float | None] = (float(low), float(high))
            if qual in ("more-than", "at-least"):
                interval = (float(low), None)
            raw = m.group("vague")
            qual = qual or "vague"
        else:
            raw = m.group("a")
            a = _value(raw)
            if a is None:
                continue
            vs = m.start("a") + (len(raw) - len(raw.lstrip("$€£ ")))
            if _is_label(text, vs, m.end("b") if m.group("b") else m.end("a"), raw.lstrip("$€£ ")):
                continue
            if m.group("b"):
                b = _value(m.group("b"))
                if b is None or b < a:
                    continue
                if re.fullmatch(r"\d{1,2}", raw) and b >= 1000 and b >= a * 100:
                    continue  # "15-2021" is a date fragment, not a range
                interval, qual = (a, b), "range"
            else:
                if re.fullmatch(r"one", raw, re.IGNORECASE) and not qual:
                    continue  # "one of", "one day": almost never a count worth comparing
                interval = _interval(a, qual)
        sent = next((text[a0:b0] for a0, b0 in spans if a0 <= s < b0), "")
        unit = _unit(text, e, pct, m.group(0) if not m.group("vague") else "")
        out.append(NumberMention(article, text[s:e], interval[0], interval[1], qual, unit, sent, s, e))
    return out
