"""Issue 11, round 16: the two sides of a conflict in different stories of one storyline. Two stories
that tell one happening at the same time (a split story) are compared as one; a follow-up printed
days later (an update) is not; the conflict is shown under the story first told, and the pipeline
compares a story again when a concurrent sibling changes."""

from __future__ import annotations

from datetime import date

from compare_helpers import compare_one_story
from storyprism.compare import CompareOptions, compare_stories, splits
from storyprism.options import Options
from storyprism.pipeline import _story_inputs
from storyprism.records import AnalysisData, Article, DateMention, Extraction, Story, Storyline

_PAD = (
    "Firefighters worked through the night to stop the blaze spreading to the riverside flats. "
    "The city council opened a sports hall as a shelter for families from the nearby streets. "
)
_TEXTS = {
    "a": "Officials said more than 500 workers would be hired to rebuild the harbour district.",
    "b": "Residents said smoke from the harbour district could be seen across the whole city.",
    "c": "According to the city, about 200 workers will be hired to rebuild the harbour district.",
    "d": "Roads around the harbour district stayed closed to traffic for most of the day.",
}


def _data(late: bool = False, texts: dict[str, str] | None = None) -> AnalysisData:
    """Stories s1 (a, b) and s2 (c, d) of one storyline; s2 printed two days later when ``late``."""
    texts = texts or _TEXTS
    when = {"a": "2021-03-01T08:00:00", "b": "2021-03-01T12:00:00", "c": "2021-03-01T10:00:00", "d": "2021-03-01T16:00:00"}
    if late:
        when.update(c="2021-03-03T10:00:00", d="2021-03-03T16:00:00")
    articles = [
        Article(id=k, ref=f"{k}.txt", title=f"Harbour warehouse fire: report {k}", text=_PAD + t,
                outlet=f"Paper {k.upper()}", published=when[k], content_hash=f"h-{k}-{t}")
        for k, t in texts.items()
    ]
    return AnalysisData(
        articles=articles,
        stories=[Story(id="s1", title="Harbour fire", articles=["a", "b"]),
                 Story(id="s2", title="Harbour warehouse blaze", articles=["c", "d"])],
        storylines=[Storyline(id="l1", title="Harbour fire", stories=["s1", "s2"])],
        origins={k: k for k in texts},
    )


def test_a_number_conflict_across_two_stories_of_one_happening_is_reported_under_the_first_told() -> None:
    result = compare_stories(_data(), CompareOptions())
    across = [c for c in result.conflicts if "across stories" in c.about]
    assert len(across) == 1
    (conflict,) = across
    assert conflict.story == "s1"  # s1's coverage began first
    assert sorted(a for side in conflict.sides for a in side.articles) == ["a", "c"]
    # compared alone, neither story has a conflict
    assert not [c for c in result.conflicts if "across stories" not in c.about and c.kind != "rewrite-change"]


def test_a_follow_up_printed_days_later_is_an_update_not_a_split_story() -> None:
    data = _data(late=True)
    assert not splits.concurrent(data.stories[0], data.stories[1], {a.id: a for a in data.articles})
    result = compare_stories(data, CompareOptions())
    assert not [c for c in result.conflicts if "across stories" in c.about]


def test_stories_without_shared_statements_are_not_compared_as_one() -> None:
    # the same two counts, but the stories restate nothing else of each other (no shared padding)
    texts = {k: v.replace(_PAD, "") for k, v in _TEXTS.items()}
    data = _data(texts=texts)
    for a in data.articles:
        a.text = a.text.replace(_PAD, "")
    result = compare_stories(data, CompareOptions())
    assert not [c for c in result.conflicts if "across stories" in c.about]


def test_story_day_is_the_day_most_ledes_give_and_two_days_apart_are_two_happenings() -> None:
    text = "The fire broke out on March 1 in the harbour. It spread fast. Crews came. Later, on March 9, a review began."
    articles = {k: Article(id=k, ref=k, title="t", text=text) for k in ("x", "y", "z")}
    day_1 = DateMention("x", "March 1", "2021-03-01", start=text.index("March 1"))
    late = DateMention("y", "March 9", "2021-03-09", start=text.index("March 9"))  # past the lede
    dates = {"x": [day_1], "y": [late], "z": [DateMention("z", "March 1", "2021-03-01", start=text.index("March 1"))]}
    story = Story(id="s", title="t", articles=["x", "y", "z"])
    assert splits.story_day(story, articles, dates) == date(2021, 3, 1)
    assert splits.same_day(date(2021, 3, 1), date(2021, 3, 2))  # one day read in two time zones
    assert not splits.same_day(date(2021, 3, 1), date(2021, 3, 3))
    assert splits.same_day(None, date(2021, 3, 3))  # unknown decides nothing


def test_a_change_to_a_concurrent_sibling_compares_the_story_again() -> None:
    def inputs(data: AnalysisData) -> dict[str, list[str]]:
        data.extraction = Extraction()
        return _story_inputs(data, Options())

    before = inputs(_data())
    changed = dict(_TEXTS, d=_TEXTS["d"].replace("most of the day", "the whole day"))
    after = inputs(_data(texts=changed))
    assert after["s2"][0] != before["s2"][0]
    assert after["s1"][0] != before["s1"][0]  # s1 holds the conflicts across s1 and s2
    # a sibling printed days later is never compared with s1: its change leaves s1 as it was
    assert inputs(_data(late=True, texts=changed))["s1"][0] == inputs(_data(late=True))["s1"][0]


_RACE_PAD = (
    "Heavy rain fell on the circuit all afternoon and the start was delayed by ten minutes. "
    "Several drivers complained about the spray thrown up by the cars ahead of them. "
)


def test_a_hyphenated_word_printed_open_meets_its_closed_spelling_in_a_lap_dispute() -> None:
    # "red-flagged" and "red flagged" are one word in two house styles: with "race", two words the
    # two clauses share beyond the lap itself
    r = compare_one_story(
        {
            "a": "Lap 20 Riccardo Alves has a huge smash and the race is red flagged.",
            "b": "The race was red-flagged shortly afterwards with 21 of 71 laps completed.",
        },
        padding=_RACE_PAD,
        title="Wet grand prix",
        when="2021-11-13T18:00:00",
    )
    (conflict,) = [c for c in r.conflicts if c.kind == "number"]
    assert sorted(s.value for s in conflict.sides) == ["21 of 71 laps", "Lap 20"]


_STORE_PAD = (
    "The store lists several million programs and is the only way to install them on the phones. "
    "Developers have long complained about how slowly appeals are handled by the review team. "
)


def _withheld(other: str, published_b: str = "2018-02-01T18:00:00", mine: str = "") -> list:
    r = compare_one_story(
        {
            "a": mine or "Northwind also confirmed the removal of the chat apps but gave no reason.",
            "b": other,
        },
        padding=_STORE_PAD,
        title="Apps removed",
        when="2018-02-01T10:00:00",
        published={"b": published_b},
    )
    return [c for c in r.conflicts if c.about.startswith("whether Northwind gave a reason")]


def test_a_reason_said_withheld_against_the_reason_the_actor_gave_is_a_conflict() -> None:
    (conflict,) = _withheld(
        "The chat apps were pulled from the store, with Northwind claiming that they were used to spread spam."
    )
    assert [s.value for s in conflict.sides] == ["no reason given", "a reason given"]
    assert conflict.kind == "polarity"
    # days later, a reason dated to the act still contradicts the report of the day
    assert _withheld(
        "The chat apps were pulled from the store, with Northwind claiming at the time that they spread spam.",
        published_b="2018-02-06T11:00:00",
    )


def test_a_later_reason_a_hedged_withholding_or_another_act_is_no_conflict() -> None:
    # a reason given days later is an update
    assert not _withheld(
        "The chat apps were pulled from the store, with Northwind claiming that they were used to spread spam.",
        published_b="2018-02-06T11:00:00",
    )
    # "later" in the reason sentence: the reason came after the report that none was given
    assert not _withheld("Northwind later explained that the chat apps had been used to spread spam.")
    # a hedge on the withholding side
    assert not _withheld(
        "The chat apps were pulled from the store, with Northwind claiming that they were used to spread spam.",
        mine="Northwind may have confirmed the removal of the chat apps but gave no reason.",
    )
    # the reason is for another act: nothing of the act is shared
    assert not _withheld("Northwind blamed the weather for the delayed opening of its new offices in Oslo.")
