"""Issue 12, round 17 (wave 2): "X quoted Y as saying" gives the words to Y and X relays them, whatever
noun phrase Y is ("a neighbour", "coach Dan Ortiz"); a practitioner noun never falls back to the story's
subject. Real spaCy, no mocks; the texts are written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of
from storyprism.extract.tags import quoted_as_object


def _speaker_of(text: str, words: str) -> tuple[str | None, str | None]:
    hits = [q for q in quotes_of(text) if words in q.text]
    assert hits, [q.text for q in quotes_of(text)]
    return hits[0].speaker, hits[0].via


def test_a_letter_quoting_a_common_noun_gives_the_words_to_it() -> None:
    text = (
        "Mayor Tom Hale wrote a letter to residents on Friday. "
        "“We were never told about the road closure,” the letter quoted a neighbour as saying."
    )
    speaker, via = _speaker_of(text, "never told")
    assert speaker is not None and "neighbour" in speaker
    assert via == "Tom Hale"


def test_a_column_quoting_a_titled_name_gives_the_words_to_the_name() -> None:
    text = (
        "Mark Fell wrote a column on Sunday. "
        "“We were never in the game at any point,” the column quoted coach Dan Ortiz as saying."
    )
    assert _speaker_of(text, "never in the game") == ("Dan Ortiz", "Mark Fell")
    text = (
        "Mark Fell wrote a column on Sunday. "
        "“We were never in the game at any point,” Fell quoted coach Dan Ortiz as saying."
    )
    assert _speaker_of(text, "never in the game") == ("Dan Ortiz", "Mark Fell")


def test_passive_quoted_as_saying_has_no_object() -> None:
    # "was quoted by X as saying" / "was quoted in the paper as saying": the subject speaks
    text = "Lin Wei was quoted in the paper as saying the talks were over."
    assert quoted_as_object(text, 0, len(text)) is None
    text = "The minister was quoted by state television as saying the talks were over."
    assert quoted_as_object(text, 0, len(text)) is None
    text = "The paper quoted a former aide as saying the talks were over."
    span = quoted_as_object(text, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == "a former aide"


def test_a_practitioner_never_falls_back_to_the_subject() -> None:
    # a relative clause on the subject's own apposition does not make the subject the practitioner
    text = (
        "Carl Brenner, a man who loved his dog, died on Sunday. "
        "“He died of a blow to the head,” the pathologist said."
    )
    assert _speaker_of(text, "blow to the head")[0] != "Carl Brenner"
