"""When an article's own happening took place, and members of a story that report an earlier one.

A story groups articles by what they say, so a second happening of the same kind (another missile
over the same island, another storm on the same coast) lands in the story of the first: the words
are the same, only the day differs. Three general signals tell them apart:

* coverage comes in runs: a happening is reported from the day it breaks, without a pause of
  weeks, so a run of reports that ended ``RUN_GAP_DAYS`` or more before the story's own run began
  (the run holding its median date) reported something that was over by then;
* a repeated happening is told as one: reports of the second missile, the next storm, say so up
  front ("another missile", "the second in a month", "the latest launch"), so the story's own run
  must say it in ``RECURRENCE_REPORTS`` or more of its reports' headlines or ledes (without it, an
  announcement weeks before its unveiling is one happening told twice);
* the lede says when: the first date a report's opening sentences give (an explicit date, or a
  weekday read against the page's stamp: "fired a missile early on Tuesday") is its happening's
  day. A report whose lede gives a day inside the story's own run is about the story's happening
  (a preview of it, a report filed early), whatever its stamp.

Earlier runs are judged by their stamps: nothing printed before a happening can report it. A late
stamp alone says nothing (it is often a crawl date on a report of the event itself, agency feeds
re-dated weeks later), and a story's aftermath (earnings that cite a breach, a lawsuit weeks on)
belongs to it in the reading rules; so a report printed weeks after the story's run is judged by the
calendar day its lede writes (``later_reports``), which no crawl moves. Meant for
``topic.off_event_articles``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timedelta

from storyprism.extract.dates import find_dates
from storyprism.reuse.direction import parse_time
from storyprism.text.calendar import WEEKDAYS
from storyprism.text.sentences import split_sentences as sentence_spans

# A pause in a story's coverage this long splits it into runs. On the hand-read Giveme5W1H events
# (dev 18, held-out 46) the pauses before a story's own run were 8.8 days within one happening (a
# breach disclosed, then a second count, read as one event), 14.6 days before another happening's run
# (a missile over Japan, then the next one over the same island) and 14.7 days between a car's
# announcement and its unveiling (one happening: its reports tell no repeat, ``RECURRENCE_REPORTS``)
RUN_GAP_DAYS = 12.0
LEDE_SENTENCES = 3  # the opening sentences, where a report says when its happening took place
LEDE_CHARS = 800  # ... read no further than this (a wall of text with no full stop)
# a lede day this close to the story's own run is that run's happening (a report filed the evening
# before an Asian morning, a day-before preview)
LEDE_SLACK_DAYS = 2
# words that tell a happening as a repeat of an earlier one of its kind, in a headline or a lede
_RECURRENCE = re.compile(r"\b(?:another|again|once more|latest|second|third|fourth|fifth)\b", re.IGNORECASE)
# reports of the story's own run that must tell it as a repeat: one such word in one report may be a
# side remark ("the fourth quarter", "a second victim"), two reports saying it are the story's frame.
# On the hand-read events the story of a second missile over Japan has four; the story of a car
# announced and then unveiled three weeks later (one happening in the reading rules) has one
RECURRENCE_REPORTS = 2
_WEEKDAY = re.compile(r"(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r")", re.IGNORECASE)


def _lede(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The opening ``LEDE_SENTENCES`` sentences of ``text`` (within ``LEDE_CHARS``) and their spans."""
    head = text[:LEDE_CHARS]
    spans = sentence_spans(head)[:LEDE_SENTENCES]
    return (head[: spans[-1][1]] if spans else ""), spans


def told_as_repeat(title: str, text: str) -> bool:
    """The headline or the lede tells the happening as a repeat ("another", "the second", "latest")."""
    return bool(_RECURRENCE.search(title) or _RECURRENCE.search(_lede(text)[0]))


def lede_day(text: str, published: str | None) -> date | None:
    """The first day the opening sentences of ``text`` name (explicit, or a weekday, "yesterday",
    "today" read against ``published``), or None when they name none. Signal: a news lede tells
    when its happening took place, before any background date."""
    found = _lede_day(text, published)
    return found[0] if found else None


def _lede_day(text: str, published: str | None) -> tuple[date, bool] | None:
    """``lede_day`` and whether the lede wrote it as a calendar day ("Oct 19", "August 30, 2017"),
    which holds whatever the page's stamp says, rather than a weekday or "yesterday", which is read
    against the stamp (and moves with a crawl date)."""
    return next(_lede_days(text, published), None)


def _lede_days(text: str, published: str | None) -> Iterator[tuple[date, bool]]:
    """Every day the opening sentences of ``text`` name, in order, each with whether it is written
    as a calendar day (see ``_lede_day``)."""
    head, spans = _lede(text)
    if not spans:
        return
    stamp = parse_time(published)
    for mention in find_dates("", head, spans, published):
        if mention.granularity != "day" or not mention.value or len(mention.value) != 10:
            continue
        try:
            day = date.fromisoformat(mention.value)
        except ValueError:
            continue
        if stamp is not None and mention.relative and _WEEKDAY.fullmatch(mention.text.strip()) \
                and day == stamp.date() - timedelta(days=6):
            # a bare weekday a week back is the day after the stamp where the happening's clock runs
            # ahead of the stamp's (an Asian morning is the previous evening in UTC or New York)
            day = stamp.date() + timedelta(days=1)
        yield day, any(c.isdigit() for c in mention.text)


def _own_run(dated: Mapping[str, datetime]) -> tuple[list[str], int, int]:
    """The members in stamp order, and the first and last positions of the run of coverage that
    holds the story's median stamp (pauses shorter than ``RUN_GAP_DAYS``): the story's own run."""
    order = sorted(dated, key=lambda m: (dated[m], m))
    gap = RUN_GAP_DAYS * 86400
    start = end = len(order) // 2
    while start > 0 and (dated[order[start]] - dated[order[start - 1]]).total_seconds() < gap:
        start -= 1
    while end + 1 < len(order) and (dated[order[end + 1]] - dated[order[end]]).total_seconds() < gap:
        end += 1
    return order, start, end


def _run_told_as_repeat(order: list[str], start: int, end: int,
                        texts: Mapping[str, tuple[str, str, str | None]]) -> bool:
    """``RECURRENCE_REPORTS`` or more reports of the run tell their happening as a repeat."""
    return sum(1 for m in order[start:end + 1] if told_as_repeat(texts[m][0], texts[m][1])) >= RECURRENCE_REPORTS


def earlier_runs(
    dated: Mapping[str, datetime],
    texts: Mapping[str, tuple[str, str, str | None]],
    linked: Mapping[str, set[str]],
) -> dict[str, str]:
    """Member -> reason, for members of one story that report an earlier happening.

    ``dated``: the members with a trustworthy stamp; ``texts``: member -> (headline, body, published);
    ``linked``: member -> the members it derives from or feeds (a rewrite of an old scoop is still
    about it, unless what it is tied to is itself in the earlier run). A member is flagged when its
    run ended ``RUN_GAP_DAYS`` or more before the run holding the story's median date began, and
    its lede names no day inside (or just before) that run, provided ``RECURRENCE_REPORTS`` reports
    of that run tell their happening as a repeat."""
    if len(dated) < 3:
        return {}
    order, start, end = _own_run(dated)
    if start == 0:
        return {}
    if not _run_told_as_repeat(order, start, end, texts):
        return {}  # the story's own reports do not tell of an earlier happening of their kind
    begins = dated[order[start]]
    earlier = set(order[:start])
    out: dict[str, str] = {}
    for m in order[:start]:
        if linked.get(m, set()) - earlier:
            continue  # tied by text or credit to a report of the story's own run
        _, text, published = texts[m]
        day = lede_day(text, published)
        if day is not None and day >= begins.date() - timedelta(days=LEDE_SLACK_DAYS):
            continue  # its lede is about the story's own happening
        when = f"its lede dates it {day.isoformat()}" if day else f"published {published}"
        gap = (begins - dated[order[start - 1]]).total_seconds() / 86400
        out[m] = (f"about an earlier happening: {when}, in a run of reports that ended {gap:.0f} days before "
                  f"the story's own reports began ({begins.date()})")
    return out


def later_reports(
    dated: Mapping[str, datetime],
    texts: Mapping[str, tuple[str, str, str | None]],
    linked: Mapping[str, set[str]],
) -> dict[str, str]:
    """Member -> reason, for members printed after a story's own run of coverage (``RUN_GAP_DAYS``
    or more after it ended) whose lede dates another happening, in a story whose own run tells its
    happening as a repeat (``RECURRENCE_REPORTS``: a kind of happening that recurs, as in
    ``earlier_runs``). The lede must name a calendar day ("Oct 19", "August 30"): a weekday or
    "yesterday" is read against the stamp, and a late stamp is often a crawl date on a report of the
    story's own happening, so only a written date tells. Flagged when that day lies
    ``RUN_GAP_DAYS`` or more before the story's run began, its first stamp (a later piece keyed
    to an earlier happening: an editorial on a launch weeks before), or as far
    after the run ended, within
    ``LEDE_SLACK_DAYS`` of the member's own stamp (the text confirms the stamp) and told as a repeat
    itself (a later happening of the same kind, reported when it happened). A later report whose lede names a day of the
    story's run (an aftermath, a death toll revised) stays, as does one tied by text or credit to
    the run (``linked``)."""
    if len(dated) < 3:
        return {}
    order, start, end = _own_run(dated)
    if end + 1 >= len(order) or not _run_told_as_repeat(order, start, end, texts):
        return {}
    ends = dated[order[end]].date()
    begins = dated[order[start]].date()
    later = set(order[end + 1:])
    out: dict[str, str] = {}
    for m in order[end + 1:]:
        if linked.get(m, set()) - later:
            continue  # tied by text or credit to a report of the story's own run
        _, text, published = texts[m]
        found = _lede_day(text, published)
        if found is None or not found[1]:
            continue
        day = found[0]
        if (begins - day).days >= RUN_GAP_DAYS:
            out[m] = (f"about an earlier happening: printed {published}, after the story's own reports "
                      f"({begins}..{ends}), its lede dates its subject {day.isoformat()}")
        elif (day - ends).days >= RUN_GAP_DAYS and abs((day - dated[m].date()).days) <= LEDE_SLACK_DAYS \
                and told_as_repeat(texts[m][0], text):
            # a later happening of the kind is told as one ("a third ferry", "again"); an aftermath
            # filed under an agency dateline (which always writes the stamp's day) is not
            out[m] = (f"about a later happening: its lede dates it {day.isoformat()}, as its stamp does, "
                      f"{(day - ends).days} days after the story's own reports ({begins}..{ends})")
    return out
