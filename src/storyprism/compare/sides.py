"""Conflict sides as a fact-checker reads them: the full sentence, its outlets and ultimate origins."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import TypeVar

from storyprism.compare.claims import StoryText, parse_when, statement_origin
from storyprism.compare.summary import outlet_of
from storyprism.records import ConflictSide

# Two reports more than this far apart may both be right: the later one updated the figure (a death
# toll that grows, a schedule that moved). General signal: publication time, not wording.
UPDATE_GAP_HOURS = 30.0

K = TypeVar("K", bound=Hashable)


def make_side(st: StoryText, sentence: str, articles: Iterable[str], value: str = "") -> ConflictSide:
    arts = sorted(set(articles))
    return ConflictSide(
        text=" ".join(sentence.split()),
        articles=arts,
        value=value,
        outlets=sorted({outlet_of(st.articles[a]) for a in arts if a in st.articles}),
        origins=sorted({st.origins.get(a, a) for a in arts}),
    )


def independent(st: StoryText, i: int, j: int) -> bool:
    """Whether sentences ``i`` and ``j`` state what they state on different origins' authority
    (``claims.statement_origin``: a sentence's own credit, then a pasted source, then its article's
    origin). Only such pairs can disagree; one origin printed two ways is a copy's change. Two
    sentences of one article are never opposed: an article setting two sources side by side gives
    each its own figure, and which of its figures are of one thing is the article's to know."""
    return st.sentences[i].article != st.sentences[j].article and statement_origin(st, i) != statement_origin(st, j)


# A stamp at midnight to the second is a day without its time (a page that printed only the date),
# not an article published at 00:00: it may have gone out at any hour of that day. Midnight is read on
# the stamp's own clock, as printed: a time at another zone's offset that falls on midnight UTC
# ("05:00+05:00") is a real time, and a date printed at its own zone's midnight ("00:00-04:00") is a day.
_DAY_HOURS = 24.0
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _day_only(published: str) -> bool:
    return bool(_DAY_ONLY.fullmatch(published.strip()))


def hours_apart(st: StoryText, a: str, b: str) -> float | None:
    """Hours between two articles' publication; None when either date is unknown. A date without
    its time (``_day_only``) beside a time stands for the whole day: the gap is the least that day
    allows, so a report stamped "15 Sept" and one at 10:25 on 16 Sept are hours apart, not a day
    and a half. Two dates without their times are as far apart as their days: either may have gone
    out at any hour, and the least gap would make reports two days apart (an update) one day's."""
    pa, pb = st.articles.get(a), st.articles.get(b)
    if pa is None or pb is None or not pa.published or not pb.published:
        return None
    ta, tb = parse_when(pa.published), parse_when(pb.published)
    if ta.year > 9000 or tb.year > 9000:
        return None
    hours = (tb - ta).total_seconds() / 3600.0  # > 0: b after a
    day_a, day_b = _day_only(pa.published), _day_only(pb.published)
    if day_a == day_b:
        return abs(hours)
    # the one date's day may run later than its stamp: towards the other report when that is later
    slack_a = _DAY_HOURS if day_a else 0.0
    slack_b = _DAY_HOURS if day_b else 0.0
    if hours >= 0:
        return max(0.0, hours - slack_a)
    return max(0.0, -hours - slack_b)


def maybe_update(st: StoryText, a: str, b: str) -> bool:
    gap = hours_apart(st, a, b)
    return gap is not None and gap > UPDATE_GAP_HOURS


def opposable(st: StoryText, i: int, j: int) -> bool:
    """Whether sentences ``i`` and ``j`` can be the two sides of a conflict about something that may
    change: other articles, other origins (``independent``), published within the update gap (a later
    report may have updated the earlier one: ``maybe_update``). The article test comes first: it is
    the cheapest and rejects the pairs of one article."""
    a, b = st.sentences[i].article, st.sentences[j].article
    return a != b and independent(st, i, j) and not maybe_update(st, a, b)


def first_time(seen: set[K], key: K) -> bool:
    """True the first time ``key`` is met, which it records: each conflict is reported once however
    many sentence pairs state it (a story repeats its sentences across copies)."""
    if key in seen:
        return False
    seen.add(key)
    return True
