"""A developing story: coverage that has run for weeks continues after a pause as long as it ran."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import BURST_ARTICLES, BURST_DAYS, burst, required, running


def art(aid: str, day: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.com",
                   published=f"2017-{day}T10:00:00")


# Five weeks of coverage of one breach (1 Sept - 5 Oct) ...
BREACH = [
    art("r1", "09-01", "Corvalis data breach exposes records of 40 million customers",
        "Credit bureau Corvalis said hackers stole names, addresses and account numbers of 40 million "
        "customers in a data breach discovered in August. Corvalis chief executive Helen Marsh apologised "
        "and said the breach came through a flaw in its web portal."),
    art("r2", "09-08", "Corvalis breach: regulators open inquiry into stolen customer data",
        "Regulators opened an inquiry into the Corvalis data breach after hackers stole records of 40 "
        "million customers. Helen Marsh, the Corvalis chief executive, faces questions over the flaw in its "
        "web portal and the weeks it took to disclose the breach."),
    art("r3", "09-20", "Corvalis says breach hit 5 million more customers than first thought",
        "Corvalis said the data breach also exposed records of 5 million more customers, bringing the total "
        "to 45 million. The credit bureau blamed the flaw in its web portal that hackers used, and Helen "
        "Marsh said customers would get free credit monitoring."),
    art("r4", "10-05", "Corvalis chief executive Helen Marsh steps down after data breach",
        "Helen Marsh stepped down as chief executive of Corvalis a month after the credit bureau disclosed "
        "the data breach that exposed records of 45 million customers. The hackers used a flaw in the "
        "Corvalis web portal, investigators said."),
]
# ... and its fallout four weeks later (29 days after the last piece), in other words.
FALLOUT = [
    art("r5", "11-03", "Corvalis quarterly profit falls, shares slide",
        "Corvalis reported a 27 percent fall in third-quarter profit on Friday and its shares slid 4 percent "
        "in New York trading. Legal fees and the cost of free credit monitoring after the data breach that "
        "exposed records of 45 million customers weighed on earnings, chief financial officer Paul Okafor "
        "told analysts."),
    art("r6", "11-04", "Corvalis shares slide after profit warning",
        "Shares in Corvalis slid again on Saturday after the company warned that fourth-quarter profit would "
        "also fall. Paul Okafor, its chief financial officer, said legal fees tied to the data breach, in "
        "which hackers stole records of 45 million customers, would keep rising into next year, and "
        "analysts cut their forecasts."),
]
ALL = frozenset(a.id for a in BREACH + FALLOUT)


def events(state: StoryState) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in state.stories}


@pytest.mark.parametrize("embeddings", [False, True])
def test_fallout_after_a_pause_joins_the_story_that_ran_for_weeks(embeddings: bool) -> None:
    options = StoryOptions(use_embeddings=embeddings)
    assert events(update_stories(BREACH + FALLOUT, StoryState(), [], options)) == {ALL}
    # Without the rule the four-week pause is held to the fixed window: two events.
    off = replace(options, running_days=0)
    split = events(update_stories(BREACH + FALLOUT, StoryState(), [], off))
    assert split == {frozenset(a.id for a in BREACH), frozenset(a.id for a in FALLOUT)}


def test_added_later_the_fallout_joins_and_the_story_keeps_its_id() -> None:
    first = update_stories(BREACH, StoryState(), [], StoryOptions())
    later = update_stories(FALLOUT, first, [], StoryOptions())
    assert events(later) == {ALL}
    assert [s.id for s in later.stories] == [s.id for s in first.stories]


def test_one_later_article_alone_is_held_to_the_fixed_window() -> None:
    """One piece cannot show whether it trickles in or opens a burst: no widening for it."""
    state = update_stories(BREACH + FALLOUT[:1], StoryState(), [], StoryOptions())
    assert events(state) == {frozenset(a.id for a in BREACH), frozenset({"r5"})}


def test_one_days_news_is_still_held_to_the_fixed_window() -> None:
    """The same coverage all published on one day: a month later is another event (the seeds' case:
    the same leaders meeting again weeks later)."""
    same_day = [replace(a, published="2017-09-01T10:00:00") for a in BREACH]
    a_month_on = [replace(a, published=f"2017-10-0{i + 1}T10:00:00") for i, a in enumerate(FALLOUT)]
    state = update_stories(same_day + a_month_on, StoryState(), [], StoryOptions())
    assert events(state) == {frozenset(a.id for a in BREACH), frozenset(a.id for a in FALLOUT)}


def test_the_window_widens_to_the_running_span_up_to_its_cap() -> None:
    options = StoryOptions()
    fixed = required(options, 29, True)
    assert fixed > options.threshold, "29 days beyond a 14-day window raises the bar"
    assert required(options, 29, True, run=34) == options.threshold, "within the story's own rhythm"
    assert fixed > required(options, 29, True, run=20) > options.threshold, "a shorter run widens less"
    capped = replace(options, running_days=20)
    assert required(capped, 29, True, run=34) == required(capped, 29, True, run=20)
    assert required(replace(options, running_days=0), 29, True, run=34) == fixed, "0 turns it off"
    assert running(None) == 0 and running((date(2017, 9, 1), date(2017, 10, 5))) == 34


def test_a_later_burst_of_its_own_is_a_new_happening() -> None:
    """Three pieces within three days a month on: news breaking again, held to the fixed window."""
    third = art("r7", "11-05", "Corvalis shares hit a two-year low",
                "Corvalis shares hit a two-year low on Monday, extending a slide that began when the company "
                "reported a fall in quarterly profit. Paul Okafor, its chief financial officer, said legal fees "
                "tied to the data breach would weigh on earnings, and analysts cut their forecasts again.")
    state = update_stories(BREACH + FALLOUT + [third], StoryState(), [], StoryOptions())
    assert events(state) == {frozenset(a.id for a in BREACH), frozenset(a.id for a in FALLOUT) | {"r7"}}


def test_burst_counts_the_most_articles_within_a_few_days() -> None:
    days = [date(2017, 11, 9), date(2017, 11, 14), date(2017, 11, 14), date(2017, 11, 27)]
    assert burst(days) == 2 < BURST_ARTICLES, "a trickle of follow-ups"
    start = date(2018, 2, 4)
    launch = [start, start, *(date(2018, 2, 4 + BURST_DAYS),) * 2]
    assert burst(launch) == 4 and burst([]) == 0
