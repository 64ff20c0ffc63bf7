"""Relative dates that name no single day: recurring times, the present era, any occasion.

``extract.dates`` resolves "on Friday", "today", "this month" against the publication stamp. Some of
these name no one date at all, and a date left out is better than a wrong one:

- "every Friday", "each January": a quantifier of recurrence makes the weekday or month a rule;
- "the most powerful rocket in use today", "today's music", "a port that is today Germany's biggest":
  ``today`` contrasted with all that exists now, or joined to a domain noun, is the present era;
- "You ever get the bill and wonder why it's so high this month?": "ever" in a question asks about any
  occasion, so the date in it is any month, not the stamp's.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# "every Friday", "each other Tuesday", "every single January": a quantifier of recurrence right before
_EVERY = re.compile(r"\b(?:every|each)\s+(?:other\s+|single\s+|second\s+)?$", re.I)


def recurring(text: str, at: int) -> bool:
    """Whether a weekday or month starting at ``at`` is quantified as recurring ("every Friday").
    Signal: "every"/"each" before a time noun makes it a repeated time, never one date."""
    return _EVERY.search(text, max(0, at - 24), at) is not None


# a superlative in the clause: "the most powerful rocket available today" (a bare "more" is no such signal:
# "more people are expected today"). Only read together with "available" right before "today": a
# superlative alone is often the day's own news ("the largest union begins a strike today"), and a word
# ending in -est is often no superlative at all ("Budapest", "Midwest", "priest")
_COMPARE = re.compile(r"\b(?:most|least|[a-z]{3,}est)\b", re.I)
# "more powerful than any other rocket flying today": a comparison with all that exists now
_THAN_ANY = re.compile(r"\bthan\s+any(?:\s+other)?\b", re.I)
# -est words of six letters or more that are no superlative (shorter ones never match ``_COMPARE``)
_NOT_SUPERLATIVE = {"interest", "forest", "honest", "modest", "protest", "request", "suggest", "latest",
                    "earnest", "harvest", "arrest", "contest", "invest", "digest", "manifest", "conquest",
                    "midwest", "priest", "inquest", "budapest", "bucharest", "behest", "unrest"}  # fmt: skip
# present existence right before "today": "in use today", "in service today", "alive today", "out there
# today". A verb of continuing ("continues", "remains", "still") is not one: "the strike continues today"
# is the day's news
_EXISTS = re.compile(
    r"\b(?:in\s+(?:use|service|operation|existence|production)|alive|out\s+there|exists?)\s*$",
    re.I,
)
# "available today" is existence only beside a superlative ("the most powerful rocket available today"):
# alone it is the day a product goes on sale ("the phone is available today")
_AVAILABLE = re.compile(r"\bavailable\s*$", re.I)
# "today's music", "today's world", "today's biggest companies": a domain noun or a superlative after the
# possessive is the present era ("through to today", the end of a span, stays the stamp's day). A name
# after it ("today's Senate vote") and nouns that are daily news ("today's market rally", "today's
# climate talks") are the stamp's day
_ERA_NOUN = re.compile(
    r"['’]s\s+(?:most\b|(?P<sup>[a-z]{3,}est)\b|(?:[a-z]+\s+)?(?:world|society|music|culture|economy|era|generation|"
    r"youth|kids|children|standards|technology|media|families|workplace|age)\b)"
)
# "(X) is today Germany's biggest inland port": a copula with "today" before its predicate noun
_COPULA_BEFORE = re.compile(r"\b(?:is|are)\s*$")
_PREDICATE_AFTER = re.compile(r"\s+(?:a|an|the|one|[A-Z][a-z]+['’]s)\b")
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|[a-z]{3,}ed)\b")
_CUT = re.compile(r"[.!?;:]\s|[“”\"]|\n")


def _superlative(clause: str) -> bool:
    return any(m.group(0).lower() not in _NOT_SUPERLATIVE for m in _COMPARE.finditer(clause))


def present_era(text: str, start: int, end: int) -> bool:
    """Whether a "today" spanning ``start``-``end`` means the present era rather than the stamp's day.

    Signals: existence words right before it ("in service", "alive", "in use") describe a standing state,
    and with a superlative ("the most powerful rocket available today") or "than any" they measure
    against everything that exists now; "today's" before a domain noun ("today's music") is the present
    era; "X is today Y" is what something has become. A past verb in the clause ("was the fastest
    today") ties it to the day, so it stays the stamp's day."""
    before = text[max(0, start - 120) : start]
    cuts = list(_CUT.finditer(before))
    clause = before[cuts[-1].end() :] if cuts else before
    after = text[end : end + 40]
    era = _ERA_NOUN.match(after)
    if era and (era.group("sup") or "").lower() not in _NOT_SUPERLATIVE:
        return True  # the possessive names the era whatever the clause's tense ("said ... today's music")
    if _PAST.search(clause):
        return False
    if _EXISTS.search(clause):
        return True
    if _AVAILABLE.search(clause) and (_superlative(clause) or _THAN_ANY.search(clause)):
        return True
    if _COPULA_BEFORE.search(clause) and _PREDICATE_AFTER.match(after):
        return True
    # "more powerful than any other rocket flying today": the comparison must close the clause
    tail = _THAN_ANY.search(clause)
    return tail is not None and len(clause[tail.end() :].split()) <= 4


_QUESTION_END = re.compile(r"[^.!?]*\?")


def any_occasion(text: str, start: int, end: int) -> bool:
    """Whether a relative date sits in a question asked with "ever" ("You ever wonder why it's so high
    this month?"). Signal: "ever" in a question ranges over all occasions, so no one date is meant."""
    sent_start = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("\n", 0, start)) + 1
    tail = _QUESTION_END.match(text, end)
    if tail is None or "\n" in tail.group(0):
        return False
    # "biggest-ever", "ever-growing": a hyphenated compound is an intensifier, not a question of occasion
    return re.search(r"(?<!-)\bever\b(?!-)", text[sent_start:start], re.I) is not None


# a year written out: "in 2006", "September 22, 2014", "December 2012" (not a sum, a score or a range)
_YEAR = re.compile(r"(?<![\d$.,£€])\b(?:19\d\d|20\d\d)\b(?![\d%-])")
ROUNDUP_MIN_YEARS = 4  # distinct years two or more before the stamp's: a text that looks back
LIST_MIN_YEARS = 8  # ... and one that lists events of many years
LIST_MIN_SHARE = 0.25  # share of its sentences that write out such a year
ROUNDUP_WINDOW = 400  # characters: the list entry around a date and its neighbours


def stated_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of every year the text writes out."""
    return [(m.start(), int(m.group(0))) for m in _YEAR.finditer(text)]


def roundup_level(years: list[tuple[int, int]], stamp_year: int, spans: list[tuple[int, int]]) -> int:
    """2 for a list of events over many past years (a timeline, a round-up of splits: at least
    ``LIST_MIN_YEARS`` distinct old years, written in at least ``LIST_MIN_SHARE`` of the sentences), 1 for
    a text that looks back over several past years (``ROUNDUP_MIN_YEARS``), else 0."""
    old = [(p, y) for p, y in years if y < stamp_year - 1]
    distinct = len({y for _, y in old})
    if distinct < ROUNDUP_MIN_YEARS:
        return 0
    if distinct < LIST_MIN_YEARS or not spans:
        return 1
    starts = [a for a, _ in spans]
    holding = {bisect_right(starts, p) - 1 for p, _ in old}
    return 2 if len(holding - {-1}) >= LIST_MIN_SHARE * len(spans) else 1


def in_roundup(
    years: list[tuple[int, int]],
    stamp_year: int,
    level: int,
    at: int,
    historical_present: bool,
    entry: tuple[int, int] | None = None,
) -> bool:
    """Whether a date without its own year at ``at`` sits among entries of past years in a round-up.

    Signal: a text that writes out many different past years ("divorced on September 22, 2014", "in
    December 2012") lists events of several years; there a yearless "in April", "July 20" or "earlier this
    year" belongs to its entry's own year, which the stamp cannot give. So when the year written nearest
    the date is an old one, the date is left without a value rather than given the stamp's year. In a
    text that only looks back over a few years (``level`` 1) that holds only for an entry told in the
    historical present of a fact box ("A student goes on a rampage at Virginia Tech in April": no past
    and no future verb in its sentence); a past or future verb there is the reporter's own news
    ("requested the records in October", "signed the directive on 11 December"), and only with the old
    year inside the date's own ``entry`` (its sentence or fact-box line): an ordinary article that names a
    few past years in its background ("first balanced its books in 2009, ... and in 2018. The council
    meets again on March 12") dates its present-tense news by the stamp. ``entry`` None (an entry under a
    heading line of a fact box) looks at the whole window."""
    if level == 0 or (level == 1 and not historical_present):
        return False
    if level == 1 and entry is not None:
        years = [(p, y) for p, y in years if entry[0] <= p < entry[1]]
    near = [(abs(p - at), y) for p, y in years if abs(p - at) <= ROUNDUP_WINDOW]
    return bool(near) and min(near)[1] < stamp_year - 1


# "who want to strike her today", "why they're in trouble today", "where I am in my life today", "the
# millions it is getting today": a relative clause (a wh-relative, or a contact clause "the N it ...")
# that "today" closes
_RELATIVE_OPEN = re.compile(
    r"(?:\b(?:who|whom|which|where|why)\b|\bthe\s+(?:[a-z]+\s+){1,2}?(?:it|they|we|you|he|she|I)\b)"
    r"(?P<rest>[^,;:.!?“”\"]*)$"
)
# a present-tense stative verb: a state, not an event of the day ("are in trouble", "want", "need")
_STATE_VERB = re.compile(
    r"\b(?:am|is|are|['’]re|['’]m|want|wants|need|needs|know|knows|live|lives|exist|exists|remain|remains|"
    r"own|owns|face|faces|depend|depends|belong|belongs|lack|lacks)\b"
)
# a be-form before an -ing word is a progressive: an event of the day ("who are marching today"), except
# for verbs of having and undergoing, which tell a standing state ("the millions it is getting today")
_PROGRESSIVE = re.compile(r"\b(?:am|is|are|['’]re|['’]m)\s+(?P<ing>[a-z]+ing)\b")
_STATE_ING = frozenset(
    ["getting", "receiving", "earning", "paying", "facing", "living", "having", "spending", "seeing", "making"]
)  # fmt: skip
# an "in/at/on" phrase of a state, not a place: "in trouble", "in power", "in a crisis", "on the rise"
_STATE_PLACE = (
    r"(?:trouble|danger|debt|need|power|charge|control|doubt|love|favou?r|fact|general|part|short|effect|"
    r"time|line|place|hand|crisis|decline|limbo|shock|pain|mourning|poverty|prison|jail|office|school|"
    r"work|risk|fear|touch|business|the\s+(?:same|rise|wane|mend|verge|brink|edge|run|way|right|wrong|"
    r"middle|midst|dark|red|black|lead|majority|minority|front\s+line)|a\s+(?:crisis|position|state|"
    r"situation|world|time|place|bad|good|better|worse|difficult|tough|hard|great|strong|weak)|"
    # a stage of one's life ("where I am in my life today", "who are in their twenties")
    r"(?:my|our|their|his|her|its|your)\s+(?:life|lives|career|careers|prime|[a-z]+ties|\d+s))\b"
)
# the day's own presence or event: "who are here today", "who are in Paris today", "the men who are in
# court today", "who are on strike today": be + a locative phrase (in/at/on and a place, named or not)
# says where someone is that day; be + a phrase of a state ("in trouble", "in power") stays a state
_PRESENT_HERE = re.compile(
    r"\b(?:am|is|are|['’]re|['’]m)\s+(?:all\s+)?(?:here|there|present|gathered|"
    rf"(?:in|at|on)\s+(?!{_STATE_PLACE})[A-Za-z])"
)
_NOT_PRESENT = re.compile(r"\b(?:was|were|had|did|have|has|will|would|shall|['’]ll|going\s+to|[a-z]{3,}ed)\b")
_CLOSES = re.compile(r"\s*(?:[.,;:!?”\")]|$)")


def _in_quotation(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation mark opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, at) + 1 : at]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def quoted_nowadays(text: str, start: int, end: int) -> bool:
    """Whether a "today" at ``start``-``end`` in someone's quoted words means "nowadays" (the convention of
    these labels: a generic "today" in a quote names no day, so it gets no date).

    Signals: "today" closes a relative clause ("the fanatics who want to strike her today", "maybe that's
    why they're in trouble today", "the millions it is getting today") whose verb is a present-tense
    state (be, want, need, face ...; a progressive only of having or undergoing): a clause that describes
    what a thing is or has at present, set against the past, names the present era, not the day. A past,
    perfect or future verb ("the people that have died today", "who will vote today"), a progressive of
    an event ("who are marching today") or the day's presence ("who are here today", "in Paris", "in
    court", "on strike": be + a locative phrase, not a phrase of a state like "in trouble") keep the
    day. Only inside quotation marks, where speakers use "today" for "nowadays" far more than reporters
    do (a reporter's "today" is the day of the story)."""
    if not _in_quotation(text, start) or not _CLOSES.match(text, end):
        return False
    before = text[max(0, start - 100) : start]
    clause = _RELATIVE_OPEN.search(before)
    if clause is None:
        return False
    rest = clause.group(0)
    if _NOT_PRESENT.search(rest) or _PRESENT_HERE.search(rest):
        return False
    prog = _PROGRESSIVE.search(rest)
    if prog is not None:
        return prog.group("ing") in _STATE_ING
    return _STATE_VERB.search(rest) is not None
