"""The shared number reader reads numbers spelled in words whole (issue 11): "Forty-two", "twenty-one",
"one hundred and twenty-five", and the single words that begin with a shorter one ("seventeen", "sixty")."""

from __future__ import annotations

import pytest

from storyprism.text.numbers import read_quantities, spelled_value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Forty-two people were killed in the blast.", 42.0, "people"),
        ("Police said twenty-one people were hurt.", 21.0, "people"),
        ("About one hundred and twenty-five families left the valley.", 125.0, "families"),
        ("Officials said two hundred people were moved.", 200.0, "people"),
        ("Seventeen people were rescued from the roof.", 17.0, "people"),
        ("The fire forced sixty families from their homes.", 60.0, "families"),
    ],
)
def test_numbers_spelled_in_words_are_read_whole(text: str, value: float, unit: str) -> None:
    (q,) = read_quantities(text)
    assert q.unit == unit
    assert q.low is not None and q.high is not None and q.low <= value <= q.high
    assert q.low > value * 0.5  # never the first word alone ("Forty", "one hundred" as 1, "seven")


def test_spelled_value_reads_every_word() -> None:
    assert spelled_value("Forty-two") == 42
    assert spelled_value("one hundred and twenty-five") == 125
    assert spelled_value("nine hundred") == 900
    assert spelled_value("twelve") == 12
    assert spelled_value("forty-odd") is None


def test_a_hyphenated_age_is_no_count() -> None:
    assert read_quantities("A twenty-one-year-old man was held.") == []
