"""Later coverage of one happening: naming the day it broke ties an article to it across a time gap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import follow_share, refer_share
from test_stories_identity import IRMA, art, events

# Irma's first coverage, dated, saying "on Sunday" where it happened: no calendar day in the texts.
BROKE = [
    replace(a, text=a.text.replace("on Sept. 10", "on Sunday"), published=day)
    for a, day in zip(IRMA, ("2017-09-10", "2017-09-11", "2017-09-11"), strict=True)
]
FIRST = frozenset(a.id for a in BROKE)
LATER = (
    "Six months after Hurricane Irma struck Cudjoe Key{day}, residents of the Florida Keys are still "
    "waiting for help. Governor Rick Scott said the storm that killed 12 people left Monroe County with "
    "damage{own}. Florida Power & Light has restored the power of the 6.7 million homes it lost."
)


def follow_up(day: str = "", own: str = "") -> Article:
    text = LATER.format(day=day, own=own)
    return art("ir9", "Florida Keys still recovering six months after Irma", text, published="2018-03-06")


def test_a_day_counts_when_it_is_the_day_the_event_broke() -> None:
    span = (date(2017, 9, 10), date(2017, 10, 20))
    counts = {"@2017-09-08": [1.0], "@2017-09-11": [2.0], "@2017-10-01": [4.0], "@09-10": [4.0]}
    assert refer_share(["@2017-09-11"], counts, 4, span) == 0.5
    assert refer_share(["@2017-09-08"], counts, 4, span) == 0.25, "reported a few days after it happened"
    assert refer_share(["@2017-10-01"], counts, 4, span) == 0.0, "a later day of a long event may be another happening"
    assert refer_share(["@09-10"], counts, 4, span) == 0.0, "no year: cannot be placed"
    assert refer_share(["@2017-09-11"], counts, 4, None) == 0.0


def test_dating_itself_to_a_new_day_makes_the_earlier_day_background() -> None:
    early, late = (date(2017, 9, 10), date(2017, 9, 11)), (date(2018, 3, 6), date(2018, 3, 6))
    counts = {"@2017-09-10": [1.0], "@2018-03-05": [1.0]}
    assert follow_share(0.0, ["@2017-09-10"], counts, 1, early, late) == 1.0
    assert follow_share(0.0, ["@2017-09-10", "@2018-03-05"], counts, 1, early, late) == 0.0
    assert follow_share(0.4, [], {}, 1, early, late) == 0.4, "a day both sides name"


def test_later_coverage_naming_the_day_joins_the_event() -> None:
    assert not any("Sept." in a.text for a in BROKE), "the first coverage names no calendar day"
    state = update_stories([*BROKE, follow_up(day=" on Sept. 10")], StoryState(), [], StoryOptions())
    assert events(state) == {FIRST | {"ir9"}}


def test_later_coverage_naming_no_day_is_its_own_event_in_the_storyline() -> None:
    state = update_stories([*BROKE, follow_up()], StoryState(), [], StoryOptions())
    assert events(state) == {FIRST, frozenset({"ir9"})}, "half a year later, the time penalty holds"
    assert len({s.storyline for s in state.stories}) == 1


def test_naming_its_own_new_day_keeps_it_apart() -> None:
    article = follow_up(day=" on Sept. 10", own=" he toured on March 5")
    state = update_stories([*BROKE, article], StoryState(), [], StoryOptions())
    assert events(state) == {FIRST, frozenset({"ir9"})}


def test_the_follow_up_joins_in_a_later_call_too() -> None:
    first = update_stories(BROKE, StoryState(), [], StoryOptions())
    later = update_stories([follow_up(day=" on Sept. 10")], first, [], StoryOptions())
    assert events(later) == {FIRST | {"ir9"}}
    assert [s.id for s in first.stories] == [s.id for s in later.stories], "the event keeps its id"
