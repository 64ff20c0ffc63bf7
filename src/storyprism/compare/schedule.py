"""Schedule conflicts: two independent origins giving different years for one planned thing.

"the Orion mission will be unmanned on its first flight later this year" (published January 2018)
against "Nasa's Orion space capsule that is planned to orbit the moon uncrewed in 2019": the same
named thing, both stated as a plan, in different years. The date detector leaves relative dates
alone ("this year" moves with the publication date); at the grain of a year, "this year" and "next
year" are read against the article's own publication year, which is what they mean.

General signals, all required (precision first):

* both sentences state a plan or schedule (will, planned, scheduled, due to, expected, set to ...),
  and neither looks back ("last year", "ago", "since");
* each sentence names exactly one year (explicit, or "this year" / "next year"), and the two differ;
* both name the same *specific* thing: a capitalised name they share that few of the story's
  sentences mention (the story's protagonist, named everywhere, says nothing about which plan);
* different ultimate origins, published close enough that the later one is not an update (a
  schedule that slipped between two reports days apart is an update, ``SCHEDULE_UPDATE_HOURS``).
"""

from __future__ import annotations

import re
from collections import Counter

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import hours_apart, independent, make_side
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS as _CALENDAR
from storyprism.text.stopwords import STOPWORDS

_PLAN = re.compile(
    r"\b(?:will|plans?|planned|planning|scheduled|set to|due to|expected to|slated|aims? to|is to|are to)\b", re.I
)
_BACK = re.compile(r"\b(?:last year|ago|since|previously|earlier this year)\b", re.I)
_YEAR = re.compile(r"(?<![\d,.$£€/-])((?:19|20)\d\d)(?![\d/s%-])")
_THIS_YEAR = re.compile(r"\b(?:later |early |earlier |by the end of |end of )?this year\b", re.I)
_NEXT_YEAR = re.compile(r"\bnext year\b", re.I)
_NAME = re.compile(r"(?<=\s)([A-Z][a-z]{2,}|[A-Z]{2,})\b")
# A plan stated to the year does not move between two reports a day or two apart (a toll moves in
# hours, hence sides.UPDATE_GAP_HOURS); reports further apart may carry news of a delay: an update.
SCHEDULE_UPDATE_HOURS = 72.0
# A name in more than this share of the story's sentences is its subject, not a specific thing.
RARE_NAME_SHARE = 0.05
MIN_SENTENCES_FOR_RARITY = 20


def _names(text: str) -> set[str]:
    """Capitalised words after the first (a sentence's first word is capitalised by position)."""
    return {n.lower() for n in _NAME.findall(text) if n.lower() not in STOPWORDS and n.lower() not in _CALENDAR}


def _year(text: str, published: str | None) -> str | None:
    """The one year a sentence names, "this year" / "next year" read against its publication year."""
    years = set(_YEAR.findall(text))
    pub = published[:4] if published and published[:4].isdigit() else None
    if pub and _THIS_YEAR.search(text):
        years.add(pub)
    if pub and _NEXT_YEAR.search(text):
        years.add(str(int(pub) + 1))
    return years.pop() if len(years) == 1 else None


def schedule_conflicts(st: StoryText) -> list[Conflict]:
    n = len(st.sentences)
    if n < MIN_SENTENCES_FOR_RARITY:
        return []  # too few sentences to tell a specific name from the story's subject
    df: Counter[str] = Counter()
    for s in st.sentences:
        df.update(_names(s.text))
    plans: list[tuple[int, str, set[str]]] = []
    for i, s in enumerate(st.sentences):
        if not _PLAN.search(s.text) or _BACK.search(s.text):
            continue
        art = st.articles.get(s.article)
        year = _year(s.text, art.published if art else None)
        if year is None:
            continue
        rare = {w for w in _names(s.text) if df[w] <= max(2, RARE_NAME_SHARE * n)}
        if rare:
            plans.append((i, year, rare))
    found: dict[str, dict[str, list[int]]] = {}  # shared name -> year -> sentence indices
    for x in range(len(plans)):
        for y in range(x + 1, len(plans)):
            (i, yi, ni), (j, yj, nj) = plans[x], plans[y]
            a, b = st.sentences[i].article, st.sentences[j].article
            gap = hours_apart(st, a, b)
            if yi == yj or not independent(st, i, j) or (gap is not None and gap > SCHEDULE_UPDATE_HOURS):
                continue
            shared = ni & nj
            if not shared:
                continue
            name = min(shared, key=lambda w: (df[w], w))
            by_year = found.setdefault(name, {})
            for k, yr in ((i, yi), (j, yj)):
                if k not in by_year.setdefault(yr, []):
                    by_year[yr].append(k)
    out: list[Conflict] = []
    for name, by_year in sorted(found.items()):
        if len(by_year) != 2:
            continue  # three or more years: several plans of one thing, not one disputed date
        sides = []
        for yr, idx in sorted(by_year.items()):
            idx.sort()
            # the side is every sentence giving this year for the thing, its own articles' copies included
            sides.append(make_side(st, st.sentences[idx[0]].text, [st.sentences[k].article for k in idx], yr))
        out.append(
            Conflict(
                story=st.story.id,
                kind="date",
                sides=sides,
                about=f"year planned for {name.title()}",
                attribute=f"year planned for {name.title()}",
                confidence=0.5,  # plans move: a medium-confidence disagreement to check
            )
        )
    return out

