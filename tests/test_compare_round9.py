"""Round 9 of conflicts and claims: statement-level origins, lengths of a happening, questions, and
claims that chain two statements through a third.

Every text here is made up for these tests.
"""

from __future__ import annotations

from compare_helpers import compare_one_story
from storyprism.compare import CompareOptions
from storyprism.compare.claims import CLAIM_FLOOR, StoryText, cluster
from storyprism.compare.durations import duration_conflicts
from storyprism.compare.text import SentenceSpan, is_statement
from storyprism.records import Article, Comparison, Story

_PADDING = (
    "Neighbours from the valley brought soup and lamps to the site.\n"
    "The county engineer promised a review of how the old shaft had been left uncovered.\n"
)


def _compare(texts: dict[str, str], origins: dict[str, str], published: dict[str, str] | None = None) -> Comparison:
    return compare_one_story(texts, padding=_PADDING, title="Shaft rescue", when="2024-03-04T10:00:00", origins=origins,
                             published=published)


def _conflicts(result: Comparison, kind: str = "number") -> list:
    return [c for c in result.conflicts if c.kind == kind]


# ------------------------------------------------------------------ origins of a statement


_FIRST = "Rescuers are lowering ropes into the 30m dry shaft where the girl is stuck near the mill."
_UPDATE_CREDITED = (
    "Rescuers are lowering ropes into the 60m-deep shaft where the girl is stuck near the mill, the state news agency"
    " Xinhua reported."
)
_UPDATE_OWN = "Rescuers are lowering ropes into the 60m-deep shaft where the girl is stuck near the mill, a fire officer said."


def test_an_update_that_credits_another_outlet_disagrees_from_a_second_origin():
    # "b" is traced to "a" (the same newsroom's later piece), but its figure rests on the outlet it
    # names: the two depths come from two origins and disagree.
    result = _compare({"a": _FIRST, "b": _UPDATE_CREDITED}, {"a": "a", "b": "a"})
    (conflict,) = _conflicts(result)
    assert "shaft" in conflict.attribute
    assert {a for s in conflict.sides for a in s.articles} == {"a", "b"}


def test_an_update_on_its_own_authority_is_a_change_of_one_origin():
    result = _compare({"a": _FIRST, "b": _UPDATE_OWN}, {"a": "a", "b": "a"})
    assert not _conflicts(result)


def test_two_sentences_of_one_article_are_never_opposed():
    # One article sets two outlets' figures side by side; the other article gives neither.
    both = (
        "Rescuers are lowering ropes into the 30m dry shaft near Harlow mill, the Valley Herald reported.\n"
        "Rescuers are lowering ropes into the 60m-deep shaft near Harlow mill, the state news agency Xinhua reported."
    )
    result = _compare({"a": "Crews worked through the night with lamps and ropes at the mill.", "b": both},
                      {"a": "a", "b": "b"})
    assert not _conflicts(result)


# ------------------------------------------------------------------ lengths of a happening


_SHORT_DELAY = "The final was level after the eighth, and a 12-minute hail delay followed at the ground."
_LONG_DELAY = "Play was halted by hail at the ground, and the teams were delayed for around half an hour after the eighth."


def test_two_lengths_of_one_delay_from_two_origins_conflict():
    result = _compare({"a": _SHORT_DELAY, "b": _LONG_DELAY}, {"a": "a", "b": "b"})
    (conflict,) = _conflicts(result)
    assert "delay" in conflict.attribute
    assert sorted(s.value for s in conflict.sides) == ["12-minute", "around half an hour"]


def test_lengths_that_round_alike_or_share_an_origin_do_not_conflict():
    close = "The final was level after the eighth, and a 30-minute hail delay followed at the ground."
    assert not _conflicts(_compare({"a": close, "b": _LONG_DELAY}, {"a": "a", "b": "b"}))
    assert not _conflicts(_compare({"a": _SHORT_DELAY, "b": _LONG_DELAY}, {"a": "a", "b": "a"}))


def test_moments_and_progress_are_not_lengths():
    moment = "The final was level when hail came 12 minutes into the eighth at the ground."
    ongoing = "Play is halted by hail at the ground, and the teams have been delayed for around half an hour so far."
    assert not _conflicts(_compare({"a": moment, "b": _LONG_DELAY}, {"a": "a", "b": "b"}))
    assert not _conflicts(_compare({"a": _SHORT_DELAY, "b": ongoing}, {"a": "a", "b": "b"}))


def test_the_length_of_a_trip_to_a_place_is_no_happening():
    walk = "The final was level after the eighth, and a 12-minute walk from the ground followed for the fans."
    other = "Play was halted by hail at the ground, and the fans faced a 30-minute walk from the ground after the eighth."
    assert not _conflicts(_compare({"a": walk, "b": other}, {"a": "a", "b": "b"}))


def test_lengths_reported_days_apart_may_be_an_update():
    result = _compare({"a": _SHORT_DELAY, "b": _LONG_DELAY}, {"a": "a", "b": "b"},
                      published={"b": "2024-03-07T10:00:00"})
    assert not _conflicts(result)


def test_duration_detector_reads_hours_and_hyphenated_lengths():
    story = Story(id="s", title="t", articles=["a", "b"])
    arts = {"a": Article(id="a", ref="a", title="t", text="x", published="2024-03-04T10:00:00"),
            "b": Article(id="b", ref="b", title="t", text="y", published="2024-03-04T12:00:00")}
    st = StoryText(story=story, articles=arts, origins={"a": "a", "b": "b"})
    st.sentences = [
        SentenceSpan("a", 0, "The ferry crossing was suspended for two hours after the storm hit the harbour.", 0, 80),
        SentenceSpan("b", 0, "A 40-minute suspension of the ferry crossing followed the storm at the harbour.", 0, 80),
    ]
    st.pair_sim = {(0, 1): 0.6}
    assert duration_conflicts(st) == []  # "suspended" and "suspension" read as two different stems
    st.sentences[1] = SentenceSpan("b", 0, "The ferry crossing was suspended for 40 minutes after the storm hit the harbour.", 0, 80)
    (conflict,) = duration_conflicts(st)
    assert sorted(s.value for s in conflict.sides) == ["40 minutes", "two hours"]


# ------------------------------------------------------------------ claims


def test_a_question_in_the_outlets_voice_is_no_statement():
    assert not is_statement("What will the new ferry carry across the bay next spring?", 6, 80)
    assert is_statement("“What will the ferry carry?” the mayor asked at the harbour meeting.", 6, 80)
    assert is_statement("The new ferry will carry cars and bicycles across the bay next spring.", 6, 80)


def test_two_statements_chained_through_a_third_stay_two_claims():
    story = Story(id="s", title="t", articles=["a", "b", "c"])
    arts = {x: Article(id=x, ref=x, title="t", text="-") for x in "abc"}
    st = StoryText(story=story, articles=arts, origins={x: x for x in "abc"})
    st.sentences = [
        SentenceSpan("a", 0, "The valley line runs from the harbour to the old mill through the market.", 0, 1),
        SentenceSpan("b", 0, "The valley line carried nine thousand riders through the market last week.", 0, 1),
        SentenceSpan("c", 0, "The derailed car was running from the mill to the harbour at the time.", 0, 1),
    ]
    # "a" is close to both others; "b" and "c" say different things (their mean with "a" would pass)
    low = CLAIM_FLOOR - 0.05
    st.pair_sim = {(0, 1): 0.7, (0, 2): 0.66, (1, 2): low}
    assert (0.66 + low) / 2 >= CompareOptions().claim_threshold - 0.08  # the mean alone would merge them
    groups = cluster(st, CompareOptions())
    assert [0, 1, 2] not in groups
    assert [0, 1] in groups  # the closest pair still forms one claim
