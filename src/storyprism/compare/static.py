"""Conflicts over attributes that do not change while a story runs: a thing's size, a person's age,
the year a past event happened.

A death toll or a count of rescuers grows between reports, so the number detector treats reports a
day or more apart as a possible update (``sides.maybe_update``). The attributes here do not move in
days: a well is as deep on Friday as it was on Tuesday, a boy is five or six all week, a player was
drafted in one year. Two independent origins giving them different values disagree however far
apart they were published (within ``STATIC_WINDOW_HOURS``: a story weeks later may speak of a
birthday since), as long as every general signal holds that the two values belong to one thing:

* sizes: the measure modifies one noun ("the 40m dry well", "the 80m-deep well") and both name the
  same noun; the extent of a happening that grows (a jam, a fire, a slick) is compared only between
  reports close in time, like a toll. A distance after a verb is compared with the same verb's
  distance: an activity's ("dug 13m") only between reports close in time, an instantaneous
  movement's ("fell 15m") whenever reported, and progress ("have dug 13m", "so far") never;
* ages: each article gives one age only (a story with a boy and his sister gives two), the ages name
  the same kind of person ("boy"), the two sentences share other content and differ by a year or two
  (a misreported age is off by a year or two; ages far apart are other people);
* past years: the words around the two years share what happened (a lower-case word: "overall",
  "drafted") and to whom (a name few of the story's sentences carry), within the year's own clause,
  or the two sentences are near paraphrases naming one year each; the two years at most two apart,
  and neither sentence also gives the other's year. No publication window: the year a past event
  happened never changes, so a retrospective a year later still disagrees;
* clock times: the same digits with a.m. against p.m. in sentences that state the same thing.
"""

from __future__ import annotations

import re
from collections import Counter

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import first_time, hours_apart, independent, make_side, maybe_update
from storyprism.compare.text import content_tokens, sentence_names
from storyprism.records import Conflict
from storyprism.text.numbers import (
    WORD_NUMBERS,
    Quantity,
    compatible,
    is_measure_unit,
    measure_name,
    read_quantities,
)
from storyprism.text.stopwords import STOPWORDS, stem

# Beyond this, a later report may speak of another time (a birthday, a well filled in): not compared.
STATIC_WINDOW_HOURS = 14 * 24.0

# ------------------------------------------------------------------------------------------ sizes

# Units of length and weight compared here, under the one name the shared table gives each spelling
# (``text.numbers.measure_name``: "15ft" and "12 feet" are one unit in two wordings, so the two figures
# are compared); units are never converted (an 800 sq m site and a 100m crater, or 77 tonnes and
# 160,000 pounds, are read as different quantities rather than risk a conversion).
_COMPARED = frozenset(["metres", "kilometres", "feet", "miles", "centimetres", "kilograms", "tonnes", "tons"])


def _unit(word: str) -> str | None:
    name = measure_name(word)
    return name if name in _COMPARED else None


# A "ton" is a short (907 kg) or a long (1,016 kg) ton, a "tonne" 1,000 kg: one quantity printed in
# either word ("a 19-ton truck" / "a 25-tonne truck") is compared without converting, and only
# when the figures are further apart than the units themselves are (10 %), with this margin.
_KINDRED_UNITS = {"tons": "tonnes"}
_KINDRED_RATIO = 1.15
_MEASURE = re.compile(
    r"(?<![\w.,$£€])(?:(?P<qual>about|around|nearly|almost|roughly|some|more than|over|less than|up to)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[\s-]?(?P<unit>[A-Za-z]+)\b(?P<dim>-(?:deep|long|high|tall|wide))?"
    r"(?!\s*(?:/|per\b|an hour|a second))"
)
_SQUARE = re.compile(r"\b(?:sq|square|cubic)\s*$", re.I)
# Words between a measure and the noun it modifies ("40m *dry* well"): adjectives, no verbs.
_MODIFIER_GAP = 2
_ADJECTIVES = frozenset(["dry", "deep", "wide", "high", "tall", "long", "old", "new", "narrow", "abandoned"])
# Extents of a happening rather than of a thing: a jam, a fire or a slick grows between reports, so
# two of its sizes a day apart are an update, like a toll (stems, as ``stem`` leaves them).
_GROWING = frozenset(["jam", "queue", "tailback", "line", "fire", "blaze", "slick", "spill", "plume", "cloud",
                      "flood", "crack", "crater", "zone", "cordon", "stretch"])
_NOT_NOUNS = frozenset(["down", "up", "away", "from", "into", "below", "above", "across", "along", "through"])


def _modified_noun(sentence: str, end: int) -> str | None:
    """The noun a measure modifies: the first content word after it, past at most two adjectives,
    when the measure stands before a noun ("the 40m dry well"); None after a verb of motion or before
    a preposition ("dug 13m down the shaft", "10 metres from the bottom": distances, not sizes)."""
    rest = sentence[end : end + 60]
    if not re.match(r"\s+[A-Za-z]", rest):
        return None  # "40 feet (12 meters)", "80m, ...": a conversion or a clause follows, no noun
    following = re.findall(r"[A-Za-z][A-Za-z'’-]*", rest)[: _MODIFIER_GAP + 1]
    for w in following:
        lw = w.lower()
        if lw in STOPWORDS or lw in _NOT_NOUNS or is_measure_unit(lw):
            return None
        if lw in _ADJECTIVES or lw.endswith("ly"):
            continue
        if lw.endswith("s") and not lw.endswith("ss"):
            # A size modifies one thing ("a 40m well"); before a plural, "40m" is forty million
            # ("40m viewers") or the measure is shared by many things: not one thing's size.
            return None
        return stem(lw)
    return None


def _compound_head(sentence: str, end: int, noun: str | None) -> str | None:
    """The head of a two-noun compound the measure modifies ("a 19-ton *delivery truck*": truck),
    the noun itself otherwise: English compounds put the head last, so "a 25-tonne truck" and "a
    19-ton delivery truck" weigh one thing."""
    if noun is None:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]", sentence[end : end + 60])
    for k, w in enumerate(words[: _MODIFIER_GAP + 1]):
        if stem(w.lower()) == noun and k + 1 < len(words):
            nxt = words[k + 1]
            if _head_noun(nxt):
                return stem(nxt)
            break
    return noun


# Prepositions of place that the stop-word list leaves in ("the 40m well *behind* the farmhouse").
_PLACE_WORDS = frozenset(["behind", "beside", "near", "inside", "outside", "under", "beneath", "underneath",
                          "beyond", "opposite", "within", "toward", "towards", "next", "off", "onto"])


def _head_noun(word: str) -> bool:
    """A lower-case singular content word that is no adverb, preposition or verb form."""
    if not (word.isalpha() and word.islower()) or word in STOPWORDS or word in _NOT_NOUNS or word in _PLACE_WORDS:
        return False
    plural = word.endswith("s") and not word.endswith("ss")
    return not (plural or word.endswith(("ly", "ed", "ing")))


class _Measure:
    __slots__ = ("head", "index", "noun", "q", "spelled", "unit", "verb")

    def __init__(
        self, index: int, q: Quantity, unit: str, noun: str | None, verb: str | None, head: str | None,
        spelled: bool = False,
    ) -> None:
        self.index, self.q, self.unit, self.noun, self.verb = index, q, unit, noun, verb
        self.head = head  # the compound's head noun where the readers find one ("delivery truck": truck)
        # read by the shared reader as a counted noun ("12 feet"): the number detector compares two
        # of those; this one pairs them only with the abbreviated forms it reads itself ("15ft")
        self.spelled = spelled


# Words between a verb and the distance it governs ("fell *about* 15 feet", "dug *only* 13m").
_VERB_FILLERS = frozenset(["only", "just", "nearly", "almost", "about", "around", "some", "roughly", "over",
                           "more", "than", "less", "up", "to", "another", "a", "further"])


# Verbs of one instantaneous movement (stems): "fell 15 feet" tells one past happening whose length no
# later report can extend, unlike an activity ("dug 13m" on Tuesday, "dug 20m" on Thursday). Two
# lengths of such a movement from independent reports days apart are a disagreement, not an update.
_PUNCTUAL = frozenset(["fell", "fall", "fallen", "plung", "plunge", "plummet", "tumbl", "tumble", "leap", "leapt",
                       "jump", "slid", "slide", "slipp", "slip"])


_SO_FAR = re.compile(r"\b(?:so far|by now|as of|until now|to date)\b", re.I)


def _governing_verb(sentence: str, start: int) -> str | None:
    """The word a distance follows ("fell 15 feet", "dug 13m"): the predicate it measures."""
    if _SO_FAR.search(sentence):
        return None
    before = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence[max(0, start - 60) : start])
    for k in range(len(before) - 1, max(-1, len(before) - 4), -1):
        lw = before[k].lower()
        if lw in _VERB_FILLERS:
            continue
        if lw in STOPWORDS or before[k][:1].isupper():
            return None
        # "have dug 13m", "has travelled 5 km": progress up to the moment of writing, not a fact
        # fixed in the past (a fall, a flight), so two reports of it may both be right.
        if any(w.lower() in ("have", "has", "'ve") for w in before[max(0, k - 2) : k]):
            return None
        return stem(lw)
    return None


def _measures(st: StoryText, i: int) -> list[_Measure]:
    text = st.sentences[i].text
    # Units spelled out ("15 feet") are counted nouns to the shared reader: the number detector
    # compares those; this one reads what it cannot ("40m", "80m-deep", "100kg").
    read_elsewhere = [(q.start, q.end) for q in st.quantities(i)]
    out = []
    for m in _MEASURE.finditer(text):
        unit = _unit(m.group("unit"))
        if any(start <= m.start("num") < end for start, end in read_elsewhere):
            continue
        if unit is None or _SQUARE.search(text[: m.start("num")]) or re.match(r"\s*(?:sq|square)\b", text[m.end() :]):
            continue
        noun = _modified_noun(text, m.end())
        verb = None if noun else _governing_verb(text, m.start())
        if noun is None and verb is None:
            continue
        # The shared reader gives the interval, rounding step and qualifier ("about 40 metres").
        read = read_quantities(f"{m.group('qual') or ''} {m.group('num')} {unit}".strip())
        if len(read) != 1:
            continue
        r = read[0]
        q = Quantity(m.group(0), m.start(), m.end(), r.low, r.high, r.qualifier, unit, frozenset([noun or ""]), r.step)
        out.append(_Measure(i, q, unit, noun, verb, _compound_head(text, m.end(), noun)))
    return out + _spelled_measures(st, i)


# "fell 10 to 12 feet": the shared reader gives the upper figure; the lower one stands before "to".
_RANGE_LOW = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:to|-|\u2013)\s*$")
# "9 miles per hour": a speed, not a length (the abbreviated reader's pattern excludes the same)
_SPEED = re.compile(r"\s*(?:/|per\b|an hour|a second)")


def _spelled_measures(st: StoryText, i: int) -> list[_Measure]:
    """Lengths and weights with the unit spelled out ("fell 10 to 12 feet"), which the shared reader
    reads as counted nouns. One distance printed two ways ("15ft" / "12 feet") is the same quantity
    in a different unit wording: without these, an abbreviated and a spelled-out figure never meet
    (the number detector does not read "15ft", this one skipped "12 feet")."""
    text = st.sentences[i].text
    out = []
    for q in st.quantities(i):
        unit = _unit(q.unit)
        if unit is None or q.low is None or q.high is None or _SPEED.match(text[q.end :]):
            continue
        start, low = q.start, q.low
        lower = _RANGE_LOW.search(text[: q.start])
        if lower and q.qualifier == "exact" and float(lower.group(1)) < q.low:
            start, low = lower.start(1), float(lower.group(1))
        noun = _modified_noun(text, q.end)
        verb = None if noun else _governing_verb(text, start)
        if noun is None and verb is None:
            continue
        if low != q.low:  # a printed range: both ends as printed
            q = Quantity(text[start : q.end], start, q.end, low, q.high, "range", unit, frozenset([noun or ""]), q.step)
        else:
            q = Quantity(q.text, q.start, q.end, q.low, q.high, q.qualifier, unit, frozenset([noun or ""]), q.step)
        out.append(_Measure(i, q, unit, noun, verb, _compound_head(text, q.end, noun), spelled=True))
    return out


def _independent(st: StoryText, i: int, j: int) -> bool:
    a, b = st.sentences[i].article, st.sentences[j].article
    if not independent(st, i, j):
        return False
    gap = hours_apart(st, a, b)
    return gap is None or gap <= STATIC_WINDOW_HOURS






def _printed_in(st: StoryText, text: str) -> list[str]:
    """Every article of the story printing this very sentence: a side names all the outlets that
    carry it (a wire sentence in two papers), as the number detector's sides do."""
    return [s.article for s in st.sentences if s.text == text]


def _headline_names(st: StoryText) -> set[str]:
    """The names the story's headlines agree on (in two or more, or in the only one): the event's own
    place and actors. A sentence naming only these speaks of the story's own thing ("the attacker in
    Nice used a 19-ton truck"), whatever other names the other sentence adds ("France", "Bastille Day")."""
    titles = [sentence_names(a.title) for a in st.articles.values() if a.title]
    if len(titles) == 1:
        return titles[0]
    counts = Counter(n for names in titles for n in names)
    return {n for n, k in counts.items() if k >= 2}


def _same_measured(a: _Measure, b: _Measure) -> bool:
    """One unit (or a ton and a tonne far enough apart), and one thing: the same noun or the same
    compound head ("truck" in "delivery truck"), or the same verb."""
    if a.verb is not None or b.verb is not None:
        return a.unit == b.unit and (a.noun, a.verb) == (b.noun, b.verb)
    if not ({a.noun, a.head} & {b.noun, b.head}):
        return False
    if a.unit == b.unit:
        return True
    if _KINDRED_UNITS.get(a.unit, a.unit) != _KINDRED_UNITS.get(b.unit, b.unit):
        return False
    va, vb = a.q.low or a.q.high, b.q.low or b.q.high
    if not va or not vb:
        return False
    return max(va, vb) / min(va, vb) > _KINDRED_RATIO


def measure_conflicts(st: StoryText) -> list[Conflict]:
    """Two sizes of one thing ("the 40m dry well" / "the 80m-deep well") that cannot both be true, or
    two lengths of one movement ("fell 15 feet" / "fell 10 feet"): an activity's only from reports close
    in time (a distance can be progress: "dug 13m" on Tuesday is "dug 20m" on Thursday), an
    instantaneous movement's whenever reported (``_PUNCTUAL``)."""
    found = [m for i in range(len(st.sentences)) for m in _measures(st, i)]
    setting = _headline_names(st)
    out: list[Conflict] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    for x, a in enumerate(found):
        for b in found[x + 1 :]:
            if not _same_measured(a, b) or compatible(a.q, b.q):
                continue
            if a.spelled and b.spelled:
                continue  # two spelled-out figures: the number detector's pair (quantities.py)
            if not _independent(st, a.index, b.index):
                continue
            sa, sb = st.sentences[a.index].article, st.sentences[b.index].article
            if ((a.verb and a.verb not in _PUNCTUAL) or a.noun in _GROWING) and maybe_update(st, sa, sb):
                continue
            ta, tb = st.sentences[a.index].text, st.sentences[b.index].text
            na, nb = sentence_names(ta), sentence_names(tb)
            if na and nb and not na & nb and not (na <= setting or nb <= setting):
                continue  # sizes of things in different places
            if not first_time(seen, (a.noun, a.verb, a.unit)):
                continue  # one conflict per measured thing
            thing = a.noun if a.noun in (b.noun, b.head) else a.head  # the noun both sides name
            what = f"size of the {thing}" if a.noun else f"distance ({a.verb})"
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="number",
                    sides=[
                        make_side(st, ta, _printed_in(st, ta), a.q.text),
                        make_side(st, tb, _printed_in(st, tb), b.q.text),
                    ],
                    about=f"{thing or a.verb} ({a.unit})",
                    attribute=f"{what} ({a.unit})",
                    confidence=0.6,
                )
            )
    return out


# ------------------------------------------------------------------------------------------- ages

_AGE_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_AGE = re.compile(
    rf"\b(?P<num>\d{{1,3}}|(?i:{_AGE_WORDS}))[- ]years?[- ]old\b(?:\s+(?P<noun>[A-Za-z][a-z]+))?", re.IGNORECASE
)
_MAX_AGE_GAP = 2


def _age_value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    return WORD_NUMBERS.get(raw.lower())


def age_conflicts(st: StoryText) -> list[Conflict]:
    """A person's age given differently by two origins, described ("a five-year-old boy" / "the
    six-year-old") or named ("Tollan, 38," / "the 39-year-old Tollan"); one conflict per pair of
    sentences."""
    out = _described_age_conflicts(st)
    covered = {frozenset(s.text for s in c.sides) for c in out}
    return out + [c for c in _named_age_conflicts(st) if frozenset(s.text for s in c.sides) not in covered]


# "Tollan, 38, said ..." and "the 38-year-old Tollan": an age tied to a name. The name's last word
# keys the person (the first mention gives the full name, later ones the surname).
_APPOSITIVE_AGE = re.compile(r"\b(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}),\s+(?P<age>\d{1,3}),\s")
_AGE_BEFORE_NAME = re.compile(
    r"\b(?P<age>\d{1,3})-year-old\s+(?:[a-z]+\s+){0,2}?(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"
)
_MAX_HUMAN_AGE = 110


def _named_ages(text: str) -> list[tuple[str, int, int]]:
    """(surname, age, position) for every age the text ties to a name."""
    out = []
    for pattern in (_APPOSITIVE_AGE, _AGE_BEFORE_NAME):
        for m in pattern.finditer(text):
            age = int(m.group("age"))
            surname = re.sub(r"[’']s?$", "", m.group("name").split()[-1].lower())
            if 0 < age <= _MAX_HUMAN_AGE and surname not in STOPWORDS and len(surname) > 2:
                out.append((surname, age, m.start()))
    return out


def _named_age_conflicts(st: StoryText) -> list[Conflict]:
    # article -> surname -> ages the whole article gives that person (one, or whose is unclear)
    ages: dict[str, dict[str, set[int]]] = {}
    for aid, art in st.articles.items():
        for surname, age, _ in _named_ages(art.text or ""):
            ages.setdefault(aid, {}).setdefault(surname, set()).add(age)
    first: dict[tuple[str, str], int] = {}  # (article, surname) -> first statement sentence naming the age
    for i, s in enumerate(st.sentences):
        for surname, _, _ in _named_ages(s.text):
            first.setdefault((s.article, surname), i)
    out: list[Conflict] = []
    done: set[str] = set()
    for (a, name), i in sorted(first.items(), key=lambda kv: kv[1]):
        for (b, other), j in sorted(first.items(), key=lambda kv: kv[1]):
            if other != name or a >= b or name in done or len(ages[a][name]) != 1 or len(ages[b][name]) != 1:
                continue
            (age_a,), (age_b,) = ages[a][name], ages[b][name]
            # The same surname a generation apart is a parent and a child, not a misreported age.
            if age_a == age_b or abs(age_a - age_b) > _MAX_AGE_GAP or not _independent(st, i, j):
                continue
            done.add(name)
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="number",
                    sides=[
                        make_side(st, st.sentences[i].text, [a], f"{age_a} years old"),
                        make_side(st, st.sentences[j].text, [b], f"{age_b} years old"),
                    ],
                    about=f"age of {name.title()}",
                    attribute=f"age of {name.title()}",
                    confidence=0.6,  # named in both: one person, unless two share the surname
                )
            )
    return out


def _described_age_conflicts(st: StoryText) -> list[Conflict]:
    per_article: dict[str, list[tuple[int, int, str | None]]] = {}  # article -> (sentence, age, noun)
    for i, s in enumerate(st.sentences):
        for m in _AGE.finditer(s.text):
            age = _age_value(m.group("num"))
            if age is not None:
                per_article.setdefault(s.article, []).append((i, age, None))
    # The whole article is read for the ages it gives and whom they describe: a caption or a list
    # line ("A six-year-old boy fell into a deserted well") says who "the six-year-old" is.
    nouns: dict[str, set[str]] = {}
    single: dict[str, list[tuple[int, int, str | None]]] = {}
    for aid, ms in per_article.items():
        whole = [(_age_value(m.group("num")), m.group("noun")) for m in _AGE.finditer(st.articles[aid].text or "")]
        # Only articles that give one age (however often): with two ages in it, whose is unclear.
        if len({age for age, _ in whole if age is not None} | {age for _, age, _ in ms}) != 1:
            continue
        single[aid] = ms
        nouns[aid] = {stem(n.lower()) for _, n in whole if n and n.lower() not in STOPWORDS}
    out: list[Conflict] = []
    done: set[frozenset[int]] = set()
    arts = sorted(single)
    for x, a in enumerate(arts):
        for b in arts[x + 1 :]:
            ma, mb = single[a], single[b]
            age_a, age_b = ma[0][1], mb[0][1]
            if age_a == age_b or abs(age_a - age_b) > _MAX_AGE_GAP:
                continue
            if not _independent(st, ma[0][0], mb[0][0]):
                continue
            if not nouns[a] & nouns[b]:
                continue  # the same kind of person ("boy" in both), not a victim's and a suspect's ages
            i, j = ma[0][0], mb[0][0]  # the first mention: where each article introduces the person
            ta, tb = st.sentences[i].text, st.sentences[j].text
            # Something besides the age ties the two introductions together (the well the boy is in).
            if not (set(content_tokens(ta)) & set(content_tokens(tb))) - {"year", "old"}:
                continue
            key = frozenset((age_a, age_b))
            if key in done:
                continue
            done.add(key)
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="number",
                    sides=[
                        make_side(st, ta, [a], f"{age_a} years old"),
                        make_side(st, tb, [b], f"{age_b} years old"),
                    ],
                    about="age",
                    attribute="age of the same person",
                    confidence=0.5,  # one person described alike in both; a relative could still differ
                )
            )
    return out


# ------------------------------------------------------------------------------------- past years

_YEAR = re.compile(r"(?<![\d,.$£€/-])((?:19|20)\d\d)(?![\d/%-]|s\b)")
_LOOKING_AHEAD = re.compile(r"\b(?:will|plans?|planned|scheduled|expected|due to|set to|by the end of)\b", re.I)
_WINDOW = 8
_DATED = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s*$", re.I)
RARE_NAME_SHARE = 0.1
# Combined encoder and word similarity (``StoryText.sim``) of two sentences that say the same thing in
# other words, well above the claim threshold (0.52).
PARAPHRASE_SIMILARITY = 0.7


# The words that date an event sit in its own clause: "secured a title in 2007, before the owner
# hired him" dates the title, not the hiring.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013*]|\s(?:before|after|when|while|whose|which|who|until|since)\s", re.I)
# "between 1910 and 1945", "from 2001 to 2005", "1998-2002": a period, not the year of one event.
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:-|\u2013|to|and|through)\s*(?:19|20)\d\d", re.I)


def _window(text: str, start: int, end: int) -> list[str]:
    """Up to eight words either side of a year, within its clause."""
    left_text = _CLAUSE_BREAK.split(text[:start])[-1]
    right_text = _CLAUSE_BREAK.split(text[end:])[0]
    return [*left_text.split()[-_WINDOW:], *right_text.split()[:_WINDOW]]


def _recurring(st: StoryText, i: int, j: int, yi: str, yj: str) -> bool:
    """Reports printed further apart than the static window may date two occurrences of a recurring
    event ("won the marathon in 2015" a year before "won the marathon in 2016": two real wins): there
    only years both before the earlier report's year are read as one past event."""
    a, b = st.sentences[i].article, st.sentences[j].article
    apart = hours_apart(st, a, b)
    if apart is None or apart <= STATIC_WINDOW_HOURS:
        return False
    stamps = [(st.articles[x].published or "")[:4] for x in (a, b) if x in st.articles]
    years = [int(y) for y in stamps if y.isdigit()]
    return not years or max(int(yi), int(yj)) >= min(years)


def year_conflicts(st: StoryText) -> list[Conflict]:
    """Two independent origins dating one past event to different years ("the No. 1 pick by
    Cincinnati in 2002" / "drafted first overall in 2003 by the Cincinnati Bengals")."""
    n = len(st.sentences)
    if n == 0:
        return []
    df: Counter[str] = Counter()
    for s in st.sentences:
        df.update(sentence_names(s.text))
    rare_limit = max(2.0, RARE_NAME_SHARE * n)
    items: list[tuple[int, str, set[str], set[str], set[str]]] = []  # sentence, year, words, names, all years
    for i, s in enumerate(st.sentences):
        if _LOOKING_AHEAD.search(s.text):
            continue  # plans are the schedule detector's (compare/schedule.py)
        years = set(_YEAR.findall(s.text))
        for m in _YEAR.finditer(s.text):
            if _DATED.search(s.text[: m.start()]):
                continue  # "April 14, 2016", "in April 2014": a dated day or month, the date detector's
            if _RANGE_BEFORE.search(s.text[: m.start()]) or _RANGE_AFTER.match(s.text[m.end() :]):
                continue
            around = " ".join(_window(s.text, m.start(), m.end()))
            tokens = {t for t in content_tokens(around) if not t[:1].isdigit()}
            names = {w for w in sentence_names(around) if df[w] <= rare_limit}
            items.append((i, m.group(1), tokens, names, years))
    out: list[Conflict] = []
    done: set[tuple[int, int]] = set()
    for x, (i, yi, wi, ni, ai) in enumerate(items):
        for j, yj, wj, nj, aj in items[x + 1 :]:
            if yi == yj or yi in aj or yj in ai or st.sentences[i].article == st.sentences[j].article:
                continue
            # The year a past event happened never changes, so no window of publication applies (as
            # it does to sizes and ages): a retrospective a year on dates the same arrival or draft.
            if (i, j) in done or not independent(st, i, j) or _recurring(st, i, j, yi, yj):
                continue
            shared_names = ni & nj
            # what happened: a shared lower-case word that is neither a name nor the story's subject
            shared_words = {w for w in wi & wj if w not in {stem(v) for v in sentence_names(" ".join([*ni, *nj]))}}
            shared_words -= {w.lower() for w in ni | nj}
            # Or the two sentences are one statement outright (a near paraphrase, each naming this one
            # year): "Harambe came to Cincinnati in 2015 from the Gladys Porter Zoo" / "born at the
            # Gladys Porter Zoo ..., and was transported to the Cincinnati Zoo in 2014", where the
            # clause cut and the story's common names leave the word test nothing to share.
            one_statement = ai == {yi} and aj == {yj} and st.sim(i, j) >= PARAPHRASE_SIMILARITY
            if (not shared_names or not shared_words) and not one_statement:
                continue
            # Within two years: further apart, the two sentences more likely date two events.
            if abs(int(yi) - int(yj)) > 2:
                continue
            done.add((i, j))
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="date",
                    sides=[
                        make_side(st, st.sentences[i].text, [st.sentences[i].article], yi),
                        make_side(st, st.sentences[j].text, [st.sentences[j].article], yj),
                    ],
                    about="year of the same past event",
                    attribute="year of the same past event",
                    confidence=0.5,
                )
            )
    return out


# ------------------------------------------------------------------------------------ clock times

# "landed at 10:15 p.m." against "landed at 10:15 a.m.": the same digits twelve hours apart. A time
# zone moves a clock by whole hours but never turns 10:15 a.m. into 10:15 p.m. for one event, so
# this flip is a disagreement; other differences of hour are left alone (9:24 p.m. Eastern is
# 2:24 a.m. GMT).
_CLOCK = re.compile(r"\b(?P<digits>\d{1,2}(?::\d{2})?)\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)
_MIN_SHARED_WORDS = 2


def clock_conflicts(st: StoryText) -> list[Conflict]:
    items: list[tuple[int, str, str]] = []  # sentence, digits, a|p
    for i, s in enumerate(st.sentences):
        found = [(m.group("digits"), m.group("half").lower()) for m in _CLOCK.finditer(s.text)]
        if len(found) == 1:  # "from 9 a.m. to 5 p.m.": a span, or several moments: left alone
            items.append((i, *found[0]))
    out: list[Conflict] = []
    seen: set[str] = set()
    for x, (i, di, hi) in enumerate(items):
        for j, dj, hj in items[x + 1 :]:
            if di != dj or hi == hj or di in seen or not _independent(st, i, j):
                continue
            ta, tb = st.sentences[i].text, st.sentences[j].text
            shared = (set(content_tokens(ta)) & set(content_tokens(tb))) - {"a.m", "p.m", "am", "pm"}
            shared = {w for w in shared if not w[:1].isdigit()}
            if len(shared) < _MIN_SHARED_WORDS and st.sim(i, j) < 0.45:
                continue  # the same moment of the same happening, not two clocks in one story
            seen.add(di)
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="date",
                    sides=[
                        make_side(st, ta, [st.sentences[i].article], f"{di} {hi}.m."),
                        make_side(st, tb, [st.sentences[j].article], f"{dj} {hj}.m."),
                    ],
                    about="time of day",
                    attribute="time of day of the same event (a.m. or p.m.)",
                    confidence=0.7,
                )
            )
    return out
