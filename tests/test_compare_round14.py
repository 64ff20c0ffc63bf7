"""Issue 11 round 14: the value of one deal named by different nouns, and the year of a past event
in two near-paraphrases."""

from __future__ import annotations

import pytest

from compare_helpers import compare_one_story
from storyprism.compare import deals
from storyprism.records import Comparison

_PADDING = "The markets were calm on the day. "


def _run(texts: dict[str, str], *, title: str, when: str = "2024-02-05T09:00:00",
         published: dict[str, str] | None = None, origins: dict[str, str] | None = None) -> Comparison:
    return compare_one_story(texts, padding=_PADDING, title=title, when=when, published=published, origins=origins)


def _deals(result: Comparison) -> list[tuple[str, ...]]:
    return [tuple(sorted(s.value for s in c.sides)) for c in result.conflicts if c.about == "value of the deal"]


# ------------------------------------------------------------------------------------ deal values

_BID = "Norvex said its offer stood whether Halden's $47 billion bid for Dutch rival Kestra was completed or dropped."
_TRANSACTION = (
    "Norvex said on Monday its offer was premised on either Halden acquiring Kestra on the current terms, "
    "or the $38 billion transaction being terminated."
)


def test_one_deal_named_by_two_nouns_with_two_values_is_a_conflict() -> None:
    assert _deals(_run({"a": _BID, "b": _TRANSACTION}, title="Norvex bid for Halden")) == [
        ("$38 billion", "$47 billion")
    ]


def test_the_first_version_of_a_deal_is_one_thing_however_named() -> None:
    initial = "This comes three months after Norvex made an initial $103 billion offer to combine the two chipmakers."
    original = "Halden's board previously rejected Norvex's original $105 billion acquisition approach last year."
    assert _deals(_run({"a": initial, "b": original}, title="Norvex bid for Halden")) == [
        ("$103 billion", "$105 billion")
    ]


def test_a_raised_bid_is_another_version_not_a_conflict() -> None:
    first = "Halden's $47 billion bid for Dutch rival Kestra was announced by Norvex on Monday morning."
    raised = "Halden's improved $52 billion bid for Dutch rival Kestra was announced by Norvex on Monday morning."
    assert _deals(_run({"a": first, "b": raised}, title="Norvex bid for Halden")) == []


def test_a_value_with_debt_is_another_measure() -> None:
    with_debt = "Halden's $52 billion bid for Dutch rival Kestra, including debt, was welcomed by Norvex."
    assert _deals(_run({"a": _BID, "b": with_debt}, title="Norvex bid for Halden")) == []


def test_deal_values_from_one_origin_or_days_apart_are_no_conflict() -> None:
    assert _deals(_run({"a": _BID, "b": _TRANSACTION}, title="Norvex bid for Halden", origins={"a": "w", "b": "w"})) == []
    later = {"a": "2024-02-05T09:00:00", "b": "2024-02-09T09:00:00"}
    assert _deals(_run({"a": _BID, "b": _TRANSACTION}, title="Norvex bid for Halden", published=later)) == []


def test_deals_of_different_parties_are_no_conflict() -> None:
    other = "Separately, Ardent's $38 billion bid for Morrow was completed by Vantor on Monday."
    assert _deals(_run({"a": _BID, "b": other}, title="Norvex bid for Halden")) == []


# ------------------------------------------------------------------------- a past year, paraphrased

_CAME = "Bruno came to Lisburn in 2015 from the Marlow Reptile Park in Castlebay, Ontario."
_MOVED = "Bruno was hatched at the Marlow Reptile Park in Castlebay, Ontario, and was moved to the Lisburn Zoo in 2014."


def _years(result: Comparison) -> list[tuple[str, ...]]:
    return [tuple(sorted(s.value for s in c.sides)) for c in result.conflicts
            if c.attribute == "year of the same past event"]


def test_two_paraphrases_dating_one_past_event_differently_conflict_even_a_year_apart() -> None:
    apart = {"a": "2016-05-29T09:00:00", "b": "2017-11-30T09:00:00"}
    assert _years(_run({"a": _CAME, "b": _MOVED}, title="Tortoise at Lisburn Zoo", published=apart)) == [
        ("2014", "2015")
    ]


def test_a_sentence_about_another_past_event_is_no_paraphrase() -> None:
    other = "The Lisburn Zoo opened a new reptile house in 2014 after a fundraising drive by local families."
    assert _years(_run({"a": _CAME, "b": other}, title="Tortoise at Lisburn Zoo")) == []


# ------------------------------------------------------------------ deal values: review round 14


def _no_number_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deal checks alone: the number detector's pairs (deduplicated against) set to none."""
    monkeypatch.setattr(deals, "number_conflicts", lambda st: [])


def test_deal_values_in_two_currencies_are_no_conflict() -> None:
    euro = "Norvex's €40 billion bid for Halden was welcomed by investors on Monday."
    dollar = "Norvex's $45 billion takeover of Halden was welcomed by investors on Monday."
    assert _deals(_run({"a": euro, "b": dollar}, title="Norvex bid for Halden")) == []


def test_a_pair_the_number_detector_reports_is_not_reported_again() -> None:
    rejected = "Halden's board rejected the $40 billion offer from Norvex as too low."
    returned = "Norvex returned with a $48 billion offer for Halden, which the board is weighing."
    result = _run({"a": rejected, "b": returned}, title="Norvex bid for Halden")
    told = [c for c in result.conflicts if {s.value for s in c.sides} == {"$40 billion", "$48 billion"}]
    assert len(told) == 1


def test_two_bidders_first_offers_are_two_deals() -> None:
    ardent = "Ardent made an initial $4 billion offer for Halden in March, sources said."
    norvex = "Halden's directors had rejected Norvex's original $5 billion approach last year."
    assert _deals(_run({"a": ardent, "b": norvex}, title="Bidding war for Halden")) == []


def test_a_deal_for_a_venture_is_not_the_takeover(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_number_detector(monkeypatch)
    bid = "Investors cheered Norvex's $40 billion bid for Halden, sending shares higher."
    venture = "Last year Norvex and Halden closed a $30 billion deal for a joint chip venture."
    assert _deals(_run({"a": bid, "b": venture}, title="Norvex bid for Halden")) == []


def test_parties_in_reversed_roles_are_two_deals(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_number_detector(monkeypatch)
    one = "Norvex's $10 billion takeover of Halden was cleared by regulators on Monday."
    other = "Halden's $8 billion takeover of Norvex was cleared by regulators on Monday."
    assert _deals(_run({"a": one, "b": other}, title="Norvex bid for Halden")) == []


def test_a_price_per_share_is_not_the_deal_value(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_number_detector(monkeypatch)
    a = "Norvex made a $54.20 per share offer for Halden on Monday, the board said."
    b = "Norvex made a $48 per share offer for Halden on Monday, the board said."
    assert _deals(_run({"a": a, "b": b}, title="Norvex bid for Halden")) == []


def test_the_checks_keep_one_bidders_deal_valued_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_number_detector(monkeypatch)
    a = "Norvex's $40 billion bid for Halden was welcomed by investors on Monday."
    b = "Norvex's $45 billion takeover of Halden was welcomed by investors on Monday."
    assert _deals(_run({"a": a, "b": b}, title="Norvex bid for Halden")) == [("$40 billion", "$45 billion")]


def test_years_of_a_recurring_event_printed_a_year_apart_are_no_conflict():
    # two real wins: the later report's year is not a past year for the earlier report
    apart = {"a": "2016-05-01T09:00:00", "b": "2017-05-02T09:00:00"}
    result = compare_one_story(
        {"a": "Anna Kovac, who won the Lisburn marathon in 2015, said she felt strong before the race.",
         "b": "Anna Kovac, who won the Lisburn marathon in 2016, said she felt strong before the race."},
        padding="The markets were calm on the day. ", title="Kovac wins Lisburn marathon",
        when="2016-05-01T09:00:00", published=apart,
    )
    assert not [c for c in result.conflicts if c.attribute == "year of the same past event"]
