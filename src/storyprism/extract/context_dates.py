"""Publication dates inferred from story context, for articles whose own text gives no full date.

``extract.dates.infer_published`` needs a full date in the article's text. Articles that only say
"on Wednesday", "this week" or "in February" stay undated; their stories and storylines often know
the date. Two rules, each returning a date only when it has a clear basis:

1. **Same event.** An undated article in a story with dated members (the *anchors*) is dated inside
   the anchor window (earliest..latest anchor date). Each past-tense weekday it mentions ("said on
   Wednesday", "on Tuesday accused") is resolved to that weekday on/just before the latest anchor;
   the latest one that falls inside the window is its date: we date an article to the day of the
   latest event it reports, although it may have been published the next day (a one-day error we
   accept; the event day is what the anchors also carry). With no weekday inside the window it takes
   the day most anchors carry (ties: the earliest) when at least two anchors carry it, else nothing:
   measured on Giveme5W1H events, a lone anchor's day or the earliest anchor is too often an earlier
   day than a follow-up's. A window longer than six days makes a weekday name several days, so such
   stories give nothing.
2. **Same storyline, later event.** An undated article (also one rule 1 dated: a follow-up event
   is easily clustered with the event it continues when dates are missing; the later-event evidence
   then wins) in a storyline with dated articles elsewhere: a dated article's *forward reference* (a month or day after its own
   date: "meet in Beijing in February for the Winter Olympics") that shares content with a sentence
   of the undated article carrying a weekday ("will visit Beijing on Friday, the opening day of the
   Winter Olympics": at least ``MIN_SHARED`` content words, two of them names;
   the reference must name a month in a future-tense sentence) fixes the event day:
   a day reference gives it directly; a month reference only with a start cue ("opening", "start",
   ...) in either sentence, taking the first such weekday of that month, or an end cue ("closing")
   taking the last: a *heuristic*; with neither cue the four or five candidate weeks are ambiguous
   and nothing is returned. The publication day is then the earliest day from which every weekday
   the article mentions resolves (past ones backwards, future ones forwards) within one seven-day
   span and every key weekday (one in a sentence sharing content with a forward reference) lands on
   its event day; the article must mention a past weekday, otherwise the day is not pinned and
   nothing is returned. References that disagree (different months or days) leave no such day:
   nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from storyprism.extract.dates import MONTHS, RELATIVE, WEEKDAYS, _future, _parse_iso, _resolve
from storyprism.models import import_spacy
from storyprism.records import Article, DateMention, Story

import_spacy()  # spaCy's package first, the way every process imports it (without torch)
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402

MAX_SPAN = 6  # days: a weekday names one day only inside a window shorter than a week
MIN_SHARED = 3  # content words an anchor's forward reference must share with the undated sentence
# which week of a month an event is in; "early", "late", "end" mostly speak of the time of day or of other things
_START_CUES = {"opening", "opens", "start", "starts", "beginning", "begins"}
_END_CUES = {"closing", "closes"}
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b|\bmonth\b", re.I)
_DATE_WORDS = set(MONTHS) | set(WEEKDAYS) | {"week", "month", "year", "today", "yesterday", "tomorrow"}
# reporting verbs occur in nearly every news sentence: sharing them says nothing about the topic
_NOT_CONTENT = (
    STOP_WORDS | _DATE_WORDS | {"said", "says", "told", "added", "according", "reported", "reportedly"}
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_FUT_LOCAL = re.compile(
    r"^(?:will|would|'ll|shall|scheduled|expected|planned|plans?|set|due|upcoming|ahead|going|intends?|hopes?)$",
    re.I,
)
_PAST_LOCAL = re.compile(r"^(?:said|told|held|met|was|were|had|did|says|\w+ed)$", re.I)
Ref = tuple[str, str, frozenset[str]]  # a forward reference: granularity, ISO value, content words
_WDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)


def infer_dates_from_context(
    articles: Sequence[Article], stories: Sequence[Story], dates: Sequence[DateMention]
) -> dict[str, str]:
    """Article id -> ISO date for undated articles (``published`` None) that rule 1 or 2 can date.

    Articles already dated are anchors and never appear in the result. Bad or missing input gives
    fewer dates, never an exception.
    """
    known: dict[str, date] = {}
    for a in articles:
        d = _parse_iso(a.published)
        if d is not None:
            known[a.id] = d
    undated = {a.id for a in articles if not a.published}
    by_article: dict[str, list[DateMention]] = {}
    for m in dates:
        by_article.setdefault(m.article, []).append(m)
    out: dict[str, date] = {}
    for story in stories:  # rule 1: same event
        anchors = sorted(known[i] for i in story.articles if i in known)
        if not anchors or (anchors[-1] - anchors[0]).days > MAX_SPAN:
            continue
        for aid in story.articles:
            if aid in undated and aid not in out:
                found = _same_event(by_article.get(aid, []), anchors)
                if found is not None:
                    out[aid] = found
    dated = {**known, **out}
    members: dict[str, set[str]] = {}  # storyline -> its articles
    for story in stories:
        if story.storyline:
            members.setdefault(story.storyline, set()).update(story.articles)
    refs_of: dict[str, list[Ref]] = {}  # per dated article, computed once
    for story in stories:  # rule 2: a later event of the same storyline
        if not story.storyline:
            continue
        for aid in story.articles:
            if aid not in undated:
                continue
            # Also tried for articles rule 1 dated: without its own dates, a follow-up event is easily
            # clustered with the event it continues, and then rule 1 gives it that event's day. A
            # forward reference it matches (it speaks of the later happening) is the stronger evidence.
            refs = [
                r
                for i in sorted((members[story.storyline] & dated.keys()) - {aid})
                for r in refs_of.setdefault(i, _forward_refs(by_article.get(i, []), dated[i]))
            ]
            found = _later_event(by_article.get(aid, []), refs) if refs else None
            if found is not None:
                out[aid] = found
    return {k: v.isoformat() for k, v in out.items()}


def _weekdays(mentions: Sequence[DateMention]) -> list[tuple[int, bool, DateMention]]:
    """(weekday index, is future, mention) for every weekday mention, tense read near the mention."""
    found = []
    for m in mentions:
        w = _WDAY.search(m.text or "")
        if m.relative and w:
            found.append((WEEKDAYS.index(w.group(1).lower()), _is_future(m), m))
    return found


def _is_future(m: DateMention) -> bool:
    """Tense of a weekday mention: the nearest tense marker within four words wins, else the sentence's.

    The sentence alone is not enough: "ahead of the visit on Friday, X said on Wednesday" holds a
    future and a past event.
    """
    lead = m.text.lower()
    if lead.startswith(("next", "last")):  # "this Friday" can go either way: left to the tense
        return lead.startswith("next")
    sent = m.sentence or ""
    at = sent.find(m.text)
    if at < 0:
        return _future(sent)
    before = _WORD.findall(sent[:at])[-4:][::-1]
    after = _WORD.findall(sent[at + len(m.text) :])[:4]
    for dist in range(4):
        for words in (before, after):
            if dist < len(words):
                if _FUT_LOCAL.match(words[dist]):
                    return True
                if _PAST_LOCAL.match(words[dist]):
                    return False
    return _future(sent)


def _same_event(mentions: Sequence[DateMention], anchors: Sequence[date]) -> date | None:
    past = [wd for wd, fut, _ in _weekdays(mentions) if not fut]
    first, last = anchors[0], anchors[-1]
    resolved = [last - timedelta(days=(last.weekday() - wd) % 7) for wd in past]
    inside = [d for d in resolved if d >= first]
    if inside:
        return max(inside)
    # No weekday: the day most anchors carry (ties: the earliest), when at least two carry it. On
    # Giveme5W1H events the earliest anchor was exact for 35% of such articles, the shared day 59%;
    # a lone anchor was never exact (follow-ups come days later).
    day, count = max(Counter(anchors).items(), key=lambda item: (item[1], -item[0].toordinal()))
    return day if count >= 2 else None


def _content(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content words (lower case) of a sentence, and those written as names (capitalised, not first)."""
    words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]  # "Putin's" is "Putin"
    content = frozenset(w.lower() for w in words if len(w) > 2 and w.lower() not in _NOT_CONTENT)
    names = frozenset(w.lower() for w in words[1:] if w[0].isupper()) & content
    return content, names


def _forward_refs(mentions: Sequence[DateMention], anchor: date) -> list[Ref]:
    """(granularity, ISO value, content words) of plans after ``anchor`` ("will meet in February").

    Only month-named mentions in a future-tense sentence: a weekday an anchor resolved forwards, or a
    date that merely lies ahead ("an anniversary on Feb. 16"), too often dates nothing that happens.
    """
    refs = []
    for m in mentions:
        if not _MONTH_WORD.search(m.text or "") or not _future(m.sentence or ""):
            continue
        value, gran = m.value, m.granularity
        if value is None and m.relative:  # an article dated by rule 1: resolve against its new date
            r = RELATIVE.fullmatch(m.text or "")
            value, gran = _resolve(r, anchor, m.sentence) if r else (None, gran)
        if not value:
            continue
        if gran == "day" and (d := _parse_iso(value)) is not None and d > anchor:
            refs.append(("day", value[:10], _content(m.sentence or "")[0]))
        elif gran == "month" and re.fullmatch(r"\d{4}-\d\d", value) and value > anchor.isoformat()[:7]:
            refs.append(("month", value, _content(m.sentence or "")[0]))
    return refs


def _later_event(mentions: Sequence[DateMention], refs: Sequence[Ref]) -> date | None:
    weekdays = _weekdays(mentions)
    keys: set[tuple[int, bool, date]] = set()  # (weekday, future, the event day it must land on)
    for wd, fut, m in weekdays:
        content, names = _content(m.sentence or "")
        for gran, value, ref_content in refs:
            shared = content & ref_content
            if len(shared) < MIN_SHARED or len(shared & names) < 2:
                continue
            event = _event_day(gran, value, wd, content | ref_content)
            if event is None:
                continue  # a month with no cue does not say which week: no constraint
            keys.add((wd, fut, event))
    if not keys or all(fut for _, fut, _ in weekdays):
        return None  # no relevant reference, or only future weekdays: any day of the week before fits
    # Every key must land on its event day (keys from anchors that disagree leave no such day).
    low = min(e for _, _, e in keys) - timedelta(days=MAX_SPAN)
    for offset in range(2 * MAX_SPAN + 1):
        day = low + timedelta(days=offset)
        resolved = [_resolve_weekday(day, wd, fut) for wd, fut, _ in weekdays]
        if all(_resolve_weekday(day, wd, fut) == e for wd, fut, e in keys) and (
            (max(resolved) - min(resolved)).days <= MAX_SPAN
        ):
            return day
    return None


def _event_day(gran: str, value: str, wd: int, words: frozenset[str]) -> date | None:
    """The day a weekday names inside a forward reference: the day itself, or a cue-picked one of a month."""
    if gran == "day":
        d = _parse_iso(value)
        return d if d is not None and d.weekday() == wd else None
    try:
        first = date(int(value[:4]), int(value[5:7]), 1)
    except ValueError:
        return None  # a malformed value ("2022-13") from an upstream stage: no basis
    days = [first + timedelta(days=k) for k in range(31)]
    matching = [d for d in days if d.month == first.month and d.weekday() == wd]
    if words & _START_CUES:
        return matching[0]  # heuristic: an opening "in February" is taken to be in its first week
    if words & _END_CUES:
        return matching[-1]
    return None


def _resolve_weekday(day: date, wd: int, future: bool) -> date:
    """Like ``dates._resolve``: a future weekday is the next one, a past one the last, ``day`` included."""
    if future:
        return day + timedelta(days=(wd - day.weekday()) % 7)
    return day - timedelta(days=(day.weekday() - wd) % 7)
