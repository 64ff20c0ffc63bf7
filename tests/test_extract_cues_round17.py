"""Issue 12, round 17 (``attribution.py``): a phrase after "say" is its topic only through "about"/"of"
(not the place, medium, addressee or manner: "said with a grin"). Real spaCy, no mocks; the texts are
written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of


def _topics(text: str) -> list[str]:
    return [q.text for q in quotes_of(text) if q.kind == "topic"]


def test_say_with_a_circumstance_has_no_topic() -> None:
    # place, medium, addressee, manner: circumstances of the saying, not what was said
    text = '"We will rebuild the pier," Mayor Ann Oduya said at a town meeting on Tuesday.'
    assert not any("town meeting" in t for t in _topics(text))
    text = '"The pier comes first," Mayor Ann Oduya said on the radio.'
    assert not any("radio" in t for t in _topics(text))
    text = '"Look at all these people," Ann Oduya said with a grin.'
    assert not any("grin" in t for t in _topics(text))


def test_say_about_or_of_keeps_its_topic() -> None:
    # "about"/"of" name what was said: still a topic of the speaker
    assert any("pier" in t for t in _topics("Ann Oduya said nothing about the new pier budget."))
