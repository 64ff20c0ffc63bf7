"""Schedule conflicts (compare/schedule.py): one planned thing, two years, two independent origins."""

from __future__ import annotations

from storyprism.compare import CompareOptions
from storyprism.compare.claims import story_text
from storyprism.compare.schedule import schedule_conflicts
from storyprism.records import Article, Story

PAD = " ".join(f"China's lunar programme reached step {k} of its long plan for the moon." for k in range(12))


def _st(a_text: str, b_text: str, b_published: str = "2018-01-01T16:00:00") -> object:
    arts = {
        "a": Article(id="a", ref="a", title="Moon", text=f"{PAD} {a_text}", outlet="theguardian.com",
                     published="2017-12-31T07:00:00"),
        "b": Article(id="b", ref="b", title="Moon", text=f"{PAD} {b_text}", outlet="dailymail.co.uk",
                     published=b_published),
    }
    return story_text(Story(id="s", title="Moon", articles=["a", "b"]), arts, {"a": "a", "b": "b"},
                      CompareOptions())


def test_two_years_for_one_planned_thing_conflict():
    st = _st("The agency is also supplying the power system for the Orion capsule that is planned to orbit "
             "the moon uncrewed in 2019.",
             "The Orion mission will be unmanned on its first flight later this year.")
    (c,) = schedule_conflicts(st)  # type: ignore[arg-type]
    assert c.kind == "date" and "Orion" in c.attribute
    assert sorted(s.value for s in c.sides) == ["2018", "2019"]  # "this year" read in the 2018 article
    assert sorted(a for s in c.sides for a in s.articles) == ["a", "b"]


def test_same_year_past_events_updates_and_the_storys_subject_do_not_conflict():
    same = _st("The Orion capsule is planned to orbit the moon in 2018.",
               "The Orion mission will fly later this year.")
    past = _st("The Orion capsule flew around the Earth in 2014, years ago.",
               "The Orion mission will fly later this year.")
    late = _st("The Orion capsule is planned to orbit the moon in 2019.",
               "The Orion mission will fly later this year.", b_published="2018-01-20T10:00:00")
    subject = _st("China plans to land on the moon in 2019.", "China will land a rover later this year.")
    for st in (same, past, late, subject):
        assert schedule_conflicts(st) == []  # type: ignore[arg-type]
