"""Stories of one storyline that tell one happening: where the two sides of a conflict lie apart.

The stories stage groups reports by their words, so one happening told in two vocabularies (a race
report and a lap-by-lap timeline, a newsroom's own account and the agency's) can become two stories
of one storyline, and a disagreement between them is never seen when each story is compared alone.
Comparing every pair of stories of a storyline would be wrong the other way: a storyline also holds
the follow-ups of a happening, whose later state ("2 dead" on Monday, "5 dead" on Wednesday) is an
update, not a conflict. A pair is compared as one happening (a *split story*) only when general
signals say the two tell the same thing at the same time:

* concurrent coverage (``concurrent``, read from publication stamps alone): the two stories' runs
  overlap and began within one news cycle (``UPDATE_GAP_HOURS``). A follow-up is printed after the
  first account's run began, a day or more later; two tellings of one happening run side by side;
* the same happening's day (``same_day``): a news lede says when its happening took place, so the
  day most of a story's ledes give is its happening's day; two stories whose days are both known
  and differ by more than a day (time zones) tell two happenings, or a happening and its sequel;
* the same participants (``shared_names``): a headline names the happening's main participants,
  so the two stories' headlines must share a name;
* overlap of claims (checked by the stage on the merged text, ``SHARED_CLAIMS``): two tellings of
  one happening restate some of the same facts from independent origins.

Which story shows a conflict across two stories (``owner``): the one whose coverage began first,
where the happening was first told; it is also the one least moved by later reports joining the
storyline (a story's first stamp changes only when an earlier-stamped report joins it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from storyprism.compare.claims import parse_when
from storyprism.compare.text import STOPWORDS, split_sentences
from storyprism.records import Article, DateMention, Story, Storyline
from storyprism.text.calendar import CALENDAR_WORDS

# Two tellings of one happening begin within one news cycle; a follow-up begins a day or more later.
# The same gap as the detectors' update gap (compare/sides.UPDATE_GAP_HOURS), for the same reason.
UPDATE_GAP_HOURS = 30.0
LEDE_SENTENCES = 3  # the opening sentences, where a report says when its happening took place
LEDE_CHARS = 800
DAY_SLACK = 1  # one happening's day read in two time zones
# cross-story statement pairs that state the same thing (merged text, claim threshold, independent
# origins) before two stories count as one happening told twice
SHARED_CLAIMS = 2

_NAME = re.compile(r"\b[A-Z][\w'’\-]+")


def _span(story: Story, articles: Mapping[str, Article]) -> tuple[datetime, datetime] | None:
    stamps = [parse_when(articles[a].published) for a in story.articles if a in articles and articles[a].published]
    stamps = [t for t in stamps if t.year < 9000]
    return (min(stamps), max(stamps)) if stamps else None


def concurrent(a: Story, b: Story, articles: Mapping[str, Article]) -> bool:
    """The two stories' coverage runs overlap and began within ``UPDATE_GAP_HOURS`` of each other."""
    sa, sb = _span(a, articles), _span(b, articles)
    if sa is None or sb is None:
        return False
    overlap = sa[0] <= sb[1] and sb[0] <= sa[1]
    return overlap and abs((sa[0] - sb[0]).total_seconds()) / 3600.0 <= UPDATE_GAP_HOURS


def owner(a: Story, b: Story, articles: Mapping[str, Article]) -> Story:
    """The story that shows a conflict between ``a`` and ``b``: the one first told (ties by id)."""

    def key(s: Story) -> tuple[float, str]:
        span = _span(s, articles)
        return (span[0].timestamp() if span else float("inf"), s.id)

    return a if key(a) <= key(b) else b


def candidates(stories: Sequence[Story], storylines: Iterable[Storyline], articles: Mapping[str, Article]) -> dict[str, list[str]]:
    """Per story, the other stories of its storyline it may be compared with (``concurrent``, read
    from publication stamps only: the pipeline hashes their inputs into the story's own, so a change
    to either story compares both again).

    Each story's span is read once, and only stories whose coverage began within
    ``UPDATE_GAP_HOURS`` of each other are paired (a sweep over the starts, not every pair): a
    storyline of hundreds of stories spread over months holds few concurrent pairs, and listing
    every pair of it grows with its square. Partners are listed in storyline order, as before."""
    by_id = {s.id: s for s in stories}
    out: dict[str, list[str]] = {}
    for line in storylines:
        members = [by_id[s] for s in dict.fromkeys(line.stories) if s in by_id]
        spans = [(_span(m, articles), k) for k, m in enumerate(members)]
        timed = sorted((sp[0], sp[1], k) for sp, k in spans if sp is not None)
        pairs: list[tuple[int, int]] = []
        for pos, (start, end, k) in enumerate(timed):
            for start2, end2, k2 in timed[pos + 1 :]:
                if (start2 - start).total_seconds() / 3600.0 > UPDATE_GAP_HOURS:
                    break  # sorted by start: every later story began later still
                if start2 <= end and start <= end2:  # the two runs overlap
                    pairs.append((min(k, k2), max(k, k2)))
        for i, j in sorted(pairs):
            out.setdefault(members[i].id, []).append(members[j].id)
            out.setdefault(members[j].id, []).append(members[i].id)
    return out


def _lede_end(text: str) -> int:
    spans = split_sentences(text[:LEDE_CHARS])[:LEDE_SENTENCES]
    return spans[-1][1] if spans else 0


def story_day(story: Story, articles: Mapping[str, Article], dates: Mapping[str, list[DateMention]]) -> date | None:
    """The day most of the story's ledes give (the first day-precise date in a report's opening
    sentences); None when no lede gives one. Ties go to the earlier day."""
    days: Counter[date] = Counter()
    for aid in story.articles:
        art = articles.get(aid)
        if art is None or not art.text:
            continue
        end = _lede_end(art.text)
        first = None
        for d in sorted(dates.get(aid, []), key=lambda m: m.start):
            if 0 <= d.start < end and d.granularity == "day" and d.value and len(d.value) == 10:
                try:
                    first = date.fromisoformat(d.value)
                except ValueError:
                    continue
                break
        if first is not None:
            days[first] += 1
    if not days:
        return None
    return min(days, key=lambda d: (-days[d], d))


def same_day(a: date | None, b: date | None) -> bool:
    """Unknown on either side decides nothing (the other signals must carry it)."""
    return a is None or b is None or abs((a - b).days) <= DAY_SLACK


def _headline_names(story: Story, articles: Mapping[str, Article]) -> set[str]:
    names: set[str] = set()
    for aid in story.articles:
        art = articles.get(aid)
        if art is None or not art.title:
            continue
        for w in _NAME.findall(art.title):
            low = w.lower()
            if low not in STOPWORDS and low not in CALENDAR_WORDS and len(low) > 2:
                names.add(low[:-2] if low.endswith(("'s", "’s")) else low)  # "Apple's" is Apple
    return names


def shared_names(a: Story, b: Story, articles: Mapping[str, Article]) -> bool:
    """The two stories' headlines share a name (a capitalised word that is no function word)."""
    return bool(_headline_names(a, articles) & _headline_names(b, articles))
