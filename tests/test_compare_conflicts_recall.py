"""Conflicts beyond counts: sizes, ages, past years, relative weeks, and amounts of nothing named.

Small texts written for these tests; two independent outlets unless a test says otherwise.
"""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.records import AnalysisData, Article, Comparison, DateMention, Extraction, Story
from storyprism.text.numbers import compatible, read_quantities, tightened

_FILLER = (
    "Volunteers from nearby farms brought food and blankets to the site.\n"
    "The regional governor promised an inquiry into why the shaft had been left open.\n"
)


def _run(
    a_text: str,
    b_text: str,
    *,
    a_published: str = "2024-05-06T09:00:00",
    b_published: str = "2024-05-06T15:00:00",
    same_origin: bool = False,
    dates: list[DateMention] | None = None,
) -> Comparison:
    articles = [
        Article(id="a", ref="a.txt", title="Rescue at the well", text=_FILLER + a_text, outlet="Daily A",
                published=a_published),
        Article(id="b", ref="b.txt", title="Boy trapped in well", text=b_text + "\n" + _FILLER, outlet="Courier B",
                published=b_published),
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="s1", title="Well rescue", articles=["a", "b"])],
        origins={"a": "a", "b": "a" if same_origin else "b"},
        extraction=Extraction(dates=dates or []),
    )
    return compare_stories(data, CompareOptions())


def _kinds(result: Comparison, kind: str) -> list:
    return [c for c in result.conflicts if c.kind == kind]


# ------------------------------------------------------------------------------------------ sizes


def test_two_depths_of_one_well_conflict_however_far_apart_the_reports():
    result = _run(
        "The boy slipped down the 40m dry well behind his family's farmhouse on Sunday.",
        "The boy slipped into the 80m-deep well behind the farmhouse on Sunday, officials said.",
        b_published="2024-05-09T15:00:00",  # three days later: a size is not updated like a toll
    )
    (conflict,) = _kinds(result, "number")
    assert "well" in conflict.attribute
    assert sorted(a for s in conflict.sides for a in s.articles) == ["a", "b"]


def test_distances_travelled_and_square_measures_are_not_sizes():
    result = _run(
        "Diggers have gone 13m down beside the shaft so far. The pit beside it is a 100m crater.",
        "Diggers have gone 20m down beside the shaft so far. The pit beside it covers an 800 sq m area.",
    )
    assert not _kinds(result, "number")


def test_two_lengths_of_one_fall_conflict_whenever_reported():
    a = "The boy fell 15m into the dry well behind the farmhouse, the fire brigade said."
    b = "The boy fell 40m into the dry well behind the farmhouse, according to the police."
    (conflict,) = _kinds(_run(a, b), "number")
    assert conflict.attribute == "distance (fell) (metres)"
    # a fall happens once: two days later its length is still the same past happening's
    (later,) = _kinds(_run(a, b, b_published="2024-05-08T15:00:00"), "number")
    assert later.attribute == "distance (fell) (metres)"


def test_two_lengths_of_an_activity_conflict_only_between_reports_close_in_time():
    a = "Rescuers dug 15m into the hillside beside the dry well, the fire brigade said."
    b = "Rescuers dug 40m into the hillside beside the dry well, according to the police."
    (conflict,) = _kinds(_run(a, b), "number")
    assert conflict.attribute == "distance (dug) (metres)"
    # two days apart, digging may have gone on: progress, left to the reader
    assert not _kinds(_run(a, b, b_published="2024-05-08T15:00:00"), "number")


def test_a_distance_in_a_sentence_about_the_injured_is_no_toll():
    result = _run(
        "The boy fell 15 feet into the dry well and was injured, before rescuers pulled him out.",
        "The boy fell 40 feet into the dry well and was injured, before rescuers could pull him out.",
    )
    (conflict,) = _kinds(result, "number")
    assert conflict.about == "feet"


def test_millions_written_as_m_are_not_sizes():
    result = _run(
        "The broadcast of the rescue at the well reached 40m viewers across the country on Sunday.",
        "The broadcast of the rescue at the well reached 55m viewers across the country on Sunday.",
        b_published="2024-05-09T15:00:00",
    )
    assert not _kinds(result, "number")


def test_a_copy_giving_another_size_is_no_conflict():
    result = _run(
        "The boy slipped down the 40m dry well behind his family's farmhouse on Sunday.",
        "The boy slipped into the 80m-deep well behind the farmhouse on Sunday, officials said.",
        same_origin=True,
    )
    assert not _kinds(result, "number")


# ------------------------------------------------------------------------------------------- ages


def test_one_boy_given_two_ages_by_two_origins_conflicts():
    result = _run(
        "Rescuers are trying to reach a five-year-old boy stuck deep in the well.",
        "The six-year-old boy tumbled into the well while playing near the fields.",
    )
    (conflict,) = _kinds(result, "number")
    assert conflict.attribute == "age of the same person"
    assert {s.value for s in conflict.sides} == {"5 years old", "6 years old"}


def test_ages_of_two_people_or_far_apart_do_not_conflict():
    # b gives two ages (the boy and his sister): which one is whose is unclear
    two_people = _run(
        "Rescuers are trying to reach a five-year-old boy stuck deep in the well.",
        "The six-year-old boy and his nine-year-old sister were playing near the well.",
    )
    assert not _kinds(two_people, "number")
    far_apart = _run(
        "Rescuers are trying to reach a five-year-old boy stuck deep in the well.",
        "A 30-year-old man was lowered into the well by the rescuers.",
    )
    assert not _kinds(far_apart, "number")


# ------------------------------------------------------------------------------------- past years


def test_two_years_for_one_past_event_conflict():
    result = _run(
        "Farmer Tollan was the first overall winner of the Harvest Cup by Mercia in 2002.",
        "Farmer Tollan was named first overall winner in 2003 by the Mercia Harvest Cup jury.",
    )
    (conflict,) = _kinds(result, "date")
    assert {s.value for s in conflict.sides} == {"2002", "2003"}


def test_years_of_different_events_of_one_person_do_not_conflict():
    result = _run(
        "Farmer Tollan was the first overall winner of the Harvest Cup by Mercia in 2002.",
        "Farmer Tollan bought the farmhouse with the well in 2003 after selling his orchard.",
    )
    assert not _kinds(result, "date")


# --------------------------------------------------------------------------------- relative weeks

_A_WEEK = "Villagers blamed heavy rains in Dornach this week for the collapse of the old well cover."
_B_WEEK = "Villagers blamed heavy rains in Dornach last week for the collapse of the old well cover."


def _week_dates(a_value: str, b_value: str) -> list[DateMention]:
    return [
        DateMention(article="a", text="this week", value=a_value, granularity="week", relative=True, sentence=_A_WEEK),
        DateMention(article="b", text="last week", value=b_value, granularity="week", relative=True, sentence=_B_WEEK),
    ]


def test_this_week_against_last_week_in_one_week_of_publication_conflicts():
    # 2024-05-06 is a Monday: both articles appear in the same calendar week
    result = _run(_A_WEEK, _B_WEEK, b_published="2024-05-08T10:00:00", dates=_week_dates("2024-05-06", "2024-04-29"))
    (conflict,) = _kinds(result, "date")
    assert conflict.attribute == "week of the same event"


def test_relative_weeks_read_in_different_weeks_do_not_conflict():
    result = _run(_A_WEEK, _B_WEEK, b_published="2024-05-13T10:00:00", dates=_week_dates("2024-05-06", "2024-05-06"))
    assert not _kinds(result, "date")
    # Published a week apart, "this week" and "last week" may name the same week: never compared.
    result = _run(_A_WEEK, _B_WEEK, b_published="2024-05-13T10:00:00", dates=_week_dates("2024-05-06", "2024-04-29"))
    assert not _kinds(result, "date")


_A_MONTH = "The governor said in March that the old well cover in Dornach had been condemned years ago."
_B_MONTH = "In April, the governor said that the old well cover in Dornach had been condemned years ago."


def _month_dates() -> list[DateMention]:
    return [
        DateMention(article="a", text="in March", value="2024-03", granularity="month", relative=True, sentence=_A_MONTH),
        DateMention(article="b", text="In April", value="2024-04", granularity="month", relative=True, sentence=_B_MONTH),
    ]


def test_one_statement_dated_to_two_named_months_in_one_month_of_publication_conflicts():
    result = _run(_A_MONTH, _B_MONTH, b_published="2024-05-20T10:00:00", dates=_month_dates())
    (conflict,) = _kinds(result, "date")
    assert conflict.attribute == "month of the same event"
    # published in different months, the two month names may be read against different years
    assert not _kinds(_run(_A_MONTH, _B_MONTH, b_published="2024-06-02T10:00:00", dates=_month_dates()), "date")


# ------------------------------------------------------------------------------ amounts and rounding


def test_about_a_precise_figure_means_give_or_take_its_last_digits():
    (some,) = read_quantities("some $146 billion")
    (exact,) = read_quantities("$148.9 billion")
    assert compatible(some, exact)  # the shared reader's 10 % reading of "some"
    assert not compatible(tightened(some), tightened(exact))
    (near,) = read_quantities("some $147 billion")
    assert compatible(tightened(some), tightened(near))
    # a round figure keeps its wide reading: "roughly 1,000" and "about 850" may be one number
    (round_,) = read_quantities("roughly 1,000 soldiers")
    (other,) = read_quantities("about 850 soldiers")
    assert compatible(tightened(round_), tightened(other))


def test_a_price_per_share_never_conflicts_with_a_total():
    result = _run(
        "The new offer of $82 a share for the well-drilling firm is final, the bidder said on Monday.",
        "The bidder made a $121 billion final offer for the well-drilling firm on Monday, it said.",
    )
    assert not _kinds(result, "number")


def test_two_amounts_of_nothing_named_conflict_when_the_sentences_say_the_same():
    result = _run(
        "With the drilling firm's debt included, the deal's value would be some $146 billion, analysts said.",
        "The deal, which amounts to $148.9 billion including the drilling firm's debt, would be the largest ever.",
    )
    (conflict,) = _kinds(result, "number")
    assert {s.value for s in conflict.sides} == {"some $146 billion", "$148.9 billion"}


def test_two_share_prices_are_two_moments_not_a_conflict():
    result = _run(
        "Shares of the drilling firm fell 1.5 percent to $65.09 in early trading in New York.",
        "Shares of the drilling firm fell 4.3 percent to $63.20 in afternoon trading in New York.",
    )
    assert not _kinds(result, "number")


# ------------------------------------------------------------------------------------ clock times


def test_the_same_clock_time_a_half_day_apart_conflicts_other_hours_do_not():
    a = "The rescue helicopter landed at the farm near the well at 10:15 p.m. on Sunday."
    (conflict,) = _kinds(_run(a, "The rescue helicopter landed at the farm near the well at 10:15 a.m. on Sunday."), "date")
    assert conflict.attribute.startswith("time of day")
    # another hour may be another time zone's clock: not compared
    assert not _kinds(_run(a, "The rescue helicopter landed at the farm near the well at 3:15 a.m. on Monday."), "date")


def test_one_named_person_given_two_ages_conflicts_a_parent_and_child_do_not():
    result = _run(
        "Farmer Abel Tollan, 38, lowered a rope into the well before the fire brigade arrived.",
        "The 39-year-old Tollan lowered a rope into the well before help came, neighbours said.",
    )
    (conflict,) = _kinds(result, "number")
    assert conflict.attribute == "age of Tollan"
    family = _run(
        "Farmer Abel Tollan, 38, lowered a rope into the well before the fire brigade arrived.",
        "Young Mika Tollan, 12, lowered a rope into the well before help came, neighbours said.",
    )
    assert not _kinds(family, "number")
