"""Relative dates that disagree: "airstrikes this week" against "airstrikes last week".

The date detector leaves relative dates alone: "on Tuesday" or "last week" is read against each
article's publication date, so two of them differ whenever the articles were published on different
days, and a day named in one time zone is the next day in another. One case is safe: two articles
published in the same calendar week (for "this week" / "last week") or month ("this month" / "last
month", a month named without its year: "in November" / "In December") read those words against the
same week or month, so different readings are a real disagreement about when it happened. Day-level words ("Friday", "yesterday") are never compared
(time zones, and a dateline's day is not the publication's).

General signals, all required: independent origins; the same calendar week or month of publication;
each sentence names one date; the two sentences state the same thing (claim-level similarity) and
share a name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyprism.compare.claims import StoryText, parse_when
from storyprism.compare.sides import independent, make_side
from storyprism.records import Conflict, DateMention
from storyprism.text.calendar import MONTHS
from storyprism.text.stopwords import STOPWORDS

_WEEK = re.compile(r"^(?:this|last|earlier this|late last|early last)\s+week$", re.I)
_MONTH = re.compile(r"^(?:this|last|earlier this|late last|early last)\s+month$", re.I)
# A month named without its year ("said in November"): read against the publication date too, so
# compared only between articles published in the same calendar month, which read it alike.
_NAMED_MONTH = re.compile(r"^(?:" + "|".join(MONTHS) + r")$")
# The two sentences state one thing: similarity at about the claim threshold (0.52), a little lower
# since the two dates' own words ("this week" / "last week") differ by construction.
SAME_STATEMENT = 0.45
# A month named by itself more often dates another step of the story ("announced in September" /
# "tweeted in December"): the two sentences must be one statement beyond doubt (the same quoted words,
# or a near paraphrase).
NAMED_MONTH_STATEMENT = 0.6
_NAME = re.compile(r"\b([A-Z][a-z]{2,}|[A-Z]{2,})\b")


def _names(text: str) -> set[str]:
    """Capitalised words, a sentence's first included ("European regulators ..."), stop words out."""
    return {n.lower() for n in _NAME.findall(text) if n.lower() not in STOPWORDS}


def _grain(text: str) -> str | None:
    t = re.sub(r"^in\s+", "", " ".join(text.lower().split()))
    if _WEEK.match(t):
        return "week"
    if _MONTH.match(t):
        return "month"
    if _NAMED_MONTH.match(t):
        return "named month"
    return None


def _period(published: str | None, grain: str) -> tuple[int, int] | None:
    if not published:
        return None
    when = parse_when(published)
    if when.year > 9000:
        return None
    if grain == "week":
        iso = when.isocalendar()
        return (iso[0], iso[1])
    return (when.year, when.month)  # "month" and "named month": one calendar month of publication


_GRAIN_WORD = {"week": "week", "month": "month", "named month": "month"}


def relative_date_conflicts(st: StoryText, dates: Sequence[DateMention]) -> list[Conflict]:
    per_sentence = Counter((d.article, d.sentence) for d in dates)
    sentence_of = {(s.article, " ".join(s.text.split())): k for k, s in enumerate(st.sentences)}
    items: list[tuple[DateMention, str, int, tuple[int, int]]] = []
    for d in dates:
        grain = _grain(d.text) if d.relative and d.value else None
        if grain is None or d.article not in st.articles or per_sentence[(d.article, d.sentence)] != 1:
            continue
        k = sentence_of.get((d.article, " ".join(d.sentence.split())))
        period = _period(st.articles[d.article].published, grain)
        if k is not None and period is not None:
            items.append((d, grain, k, period))
    # One conflict per disagreement: every sentence giving one reading joins that reading's side.
    groups: dict[tuple[str, tuple[int, int]], dict[str, list[tuple[DateMention, int]]]] = {}
    for x, (a, ga, i, pa) in enumerate(items):
        for b, gb, j, pb in items[x + 1 :]:
            if ga != gb or pa != pb or a.value == b.value:
                continue
            bar = NAMED_MONTH_STATEMENT if ga == "named month" else SAME_STATEMENT
            if not independent(st, i, j) or st.sim(i, j) < bar:
                continue
            if not _names(st.sentences[i].text) & _names(st.sentences[j].text):
                continue
            by_value = groups.setdefault((ga, pa), {})
            for d, k in ((a, i), (b, j)):
                side = by_value.setdefault(d.value or "", [])
                if all(k != seen_k for _, seen_k in side):
                    side.append((d, k))
    out: list[Conflict] = []
    for (grain, _), by_value in sorted(groups.items()):
        if len(by_value) != 2:
            continue  # three readings of one week: too loose to say which two disagree
        sides = []
        for _, side in sorted(by_value.items()):
            d, k = side[0]
            sides.append(make_side(st, st.sentences[k].text, [x.article for x, _ in side], f"{d.text} ({d.value})"))
        out.append(
            Conflict(
                story=st.story.id,
                kind="date",
                sides=sides,
                about=f"{_GRAIN_WORD[grain]} of the same event",
                attribute=f"{_GRAIN_WORD[grain]} of the same event",
                # Low: "this week" may be loose for a few days ago, and a week's edge is near.
                confidence=0.4,
            )
        )
    return out
