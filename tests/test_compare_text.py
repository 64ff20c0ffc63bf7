"""The shared text machinery (storyprism.text) as the comparison stage uses it."""

from __future__ import annotations

import pytest

from storyprism.text.numbers import compatible, read_quantities
from storyprism.text.sentences import split_sentences


def _one(text: str):
    (q,) = read_quantities(text)
    return q


def test_vague_counts_have_one_meaning():
    assert (_one("tens of thousands of troops").low, _one("tens of thousands of troops").high) == (20_000, 99_999)
    millions = _one("millions of people")
    assert millions.low == 2e6 and millions.unit == "people"
    more = _one("more than 100,000 troops")
    assert more.low == 100_000 and more.high is None and more.qualifier == "more-than"
    assert not compatible(more, _one("tens of thousands of troops"))


def test_money_and_shares_know_what_they_are_of():
    a = _one("based on the $32.6 billion in undistributed foreign earnings Goldman had")
    b = _one("had $31.2 billion in earnings reinvested abroad")
    assert a.unit == b.unit == "USD" and "earning" in a.thing & b.thing
    assert not compatible(a, b)  # printed to a tenth of a billion: they disagree
    assert _one("shares fell 1 percent to close").thing == frozenset()  # a share of nothing named


@pytest.mark.parametrize(
    ("x", "y", "ok"),
    [
        ("50 people", "52 people", True),  # 50 is a rounded figure
        ("four photos", "three photos", False),
        ("$5 billion in charges", "$4.7 billion in charges", True),
        ("nearly 600 workers", "about 550 workers", True),
        ("at least 59 people", "58 people", False),
    ],
)
def test_rounding_and_qualifiers_are_respected(x, y, ok):
    assert compatible(_one(x), _one(y)) is ok


def test_years_durations_and_dates_are_not_quantities():
    assert read_quantities("In 2016 the flight took eight hours on Dec. 15 with a 21-year-old pilot.") == []


def test_shared_splitter_is_the_one_compare_uses():
    from storyprism.compare.text import split_sentences as compare_split

    assert compare_split is split_sentences


def test_reuse_splits_with_the_shared_splitter_one_sentence_of_a_quotation_at_a_time():
    from storyprism.reuse.text import STOPWORDS as reuse_stopwords
    from storyprism.reuse.text import split_sentences as reuse_split
    from storyprism.text.stopwords import STOPWORDS

    text = "Dr. Smith arrived on Monday. “We agreed. We will talk,” he said. Talks start at 5 p.m. Friday."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Dr. Smith arrived on Monday.",
        "“We agreed. We will talk,” he said.",
        "Talks start at 5 p.m. Friday.",
    ]
    # reuse aligns a copy sentence by sentence: the quotation's two sentences are two units there
    assert reuse_split(text) == [
        "Dr. Smith arrived on Monday.",
        "“We agreed.",
        "We will talk,” he said.",
        "Talks start at 5 p.m. Friday.",
    ]
    assert reuse_stopwords is STOPWORDS  # one list: "content words" mean the same to every stage


def test_an_introduction_ending_in_a_colon_is_not_a_statement():
    from storyprism.compare.text import is_statement

    assert not is_statement("Here are a couple of examples of the chip's impact in practice:", 4, 80)
    assert is_statement("Here are a couple of examples of the chip's impact in practice.", 4, 80)
