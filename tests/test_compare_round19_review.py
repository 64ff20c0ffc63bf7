"""Review of round 19's conflict changes (issue 11): a midnight read on the stamp's own clock, two
dates without their times as far apart as their days."""

from __future__ import annotations

import pytest

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import hours_apart, maybe_update
from storyprism.records import Article, Story


def _text(published: dict[str, str]) -> StoryText:
    articles = {aid: Article(id=aid, ref=f"{aid}.txt", title="t", text="x", published=p) for aid, p in published.items()}
    return StoryText(story=Story(id="s1", title="t", articles=list(articles)), articles=articles,
                     origins={a: a for a in articles})


@pytest.mark.parametrize(
    ("a", "b", "hours"),
    [
        # 05:00 at +05:00 is midnight UTC, but a real time where it was printed
        ("2017-09-15T05:00:00+05:00", "2017-09-16T10:00:00+00:00", 34.0),
        # a date printed at its own zone's midnight is a day: 04:00 UTC, and that day runs 24 hours
        ("2017-09-15T00:00:00-04:00", "2017-09-16T10:00:00+00:00", 6.0),
        # two dates without their times: as far apart as their days
        ("2017-09-15", "2017-09-17", 48.0),
        ("2017-09-15T00:00:00", "2017-09-16T00:00:00Z", 24.0),
    ],
)
def test_midnight_is_read_on_the_stamps_own_clock(a: str, b: str, hours: float) -> None:
    st = _text({"a": a, "b": b})
    assert hours_apart(st, "a", "b") == pytest.approx(hours)
    assert hours_apart(st, "b", "a") == pytest.approx(hours)


def test_two_dated_reports_two_days_apart_may_be_an_update() -> None:
    # a toll printed on the 15th and another on the 17th, neither with its time: the later one may
    # have updated the earlier, as with two timed reports two days apart
    st = _text({"a": "2017-09-15", "b": "2017-09-17"})
    assert maybe_update(st, "a", "b")
