"""Issue 12, round 22: pronouns after an unnamed role speaker or an "according to" source, a speaking
"it" with a body in its own sentence, studies made by a named body, names typed as bodies that an
apposition and a "said he" show to be persons, and topic items that hold no view (real spaCy, no
mocks; texts written for the tests)."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of


def test_he_after_an_unnamed_role_speaker_is_that_speaker_not_a_credit_name_before_it() -> None:
    text = (
        "Voters queue outside a school in the north. (Tarsk, May 3, 2016) Mira Holloway\n"
        "The Nato spokesperson said the blast damaged the outer wall and troops were securing the building. "
        "He said it could not be ruled out that more explosives were hidden in the area."
    )
    q = one(quotes_of(text), "more explosives")
    assert q.speaker == "Nato spokesperson"


def test_they_after_according_to_a_plural_noun_is_that_group() -> None:
    text = (
        "Until now, the method has only been used to find comets near the sun, according to the researchers.\n"
        "With the new lens technique, they say it is possible to see comets around distant stars."
    )
    q = one(quotes_of(text), "distant stars")
    assert q.speaker == "researchers"


def test_speaking_it_with_a_body_earlier_in_its_sentence_is_that_body() -> None:
    text = (
        "A Downing Street statement after the call said the two leaders agreed that the dispute was grave. "
        "Officials met on Monday to discuss the talks.\n"
        "Norland's Defence Ministry today released footage of its own drills which it says were held "
        "last week near the border."
    )
    q = one(quotes_of(text), "last week")
    assert q.speaker == "Defence Ministry"


def test_a_study_conducted_by_a_named_body_speaks_for_that_body() -> None:
    text = (
        "A study conducted by Veritrack, a leading consumer watchdog, found that more than 700 shops in the "
        "valley sell counterfeit goods."
    )
    q = one(quotes_of(text), "counterfeit goods")
    assert q.speaker == "Veritrack"


def test_a_name_typed_as_a_body_with_an_apposition_and_said_he_is_a_person() -> None:
    text = (
        "The Japanese government sent a text alert to citizens about the launch. Prime Minister Shinzo Abe "
        "said the launch was a grave threat. "
        "Takaaki Uesugi, a security guard at the town hall of Erimo, on the southern tip of Hokkaido, said he "
        "first heard about the launch from an alert on his phone. "
        "\u201cI\u2019m really worried about how America will react,\u201d he said."
    )
    q = one(quotes_of(text), "really worried")
    assert q.speaker == "Takaaki Uesugi"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Model Lena Cruz and her husband were aboard and she live-tweeted the developments.", "the developments"),
        ("For the past decade, the singer Tom Vale has preferred expressing himself through cartoons.", "himself"),
        (
            "It presents a pseudo-documentary about a boy whose 'bleep doesn't stink,' alluding to a rude phrase "
            "that commonly refers to people who are full of ... themselves. The Mop ad follows.",
            "people who",
        ),
        ("Asked how the chase ended, Lee said: Well, it concluded with the death of the driver.", "the death of"),
    ],
)
def test_topic_items_that_hold_no_view_are_dropped(text: str, content: str) -> None:
    # a "live-" running account, a reflexive after a verb of manner, a word's meaning, "concluded with"
    assert not [q for q in quotes_of(text) if q.kind == "topic" and q.text.strip().startswith(content)]


def test_topic_stances_stay() -> None:
    found = quotes_of(
        "The minister expressed his condolences to the families. The senator defended himself on Tuesday."
    )
    assert [q for q in found if "condolences" in q.text]


def test_a_description_set_off_after_a_named_body_speaks_as_that_body() -> None:
    text = (
        "Mary Lund says she was stunned by her electric bill. Her son contacted Penwick Power, her electric "
        "provider, who confirmed the error."
    )
    q = one(quotes_of(text), "the error")
    assert q.speaker == "Penwick Power"


def test_a_video_caption_line_between_two_quote_paragraphs_is_no_speaker() -> None:
    text = (
        'Croydon resident Hannah Cole, 23, said it was raining. She told the BBC: "I was in bed watching the '
        'news when I heard a big crash, which I thought was the wind.\n"Then I heard people shouting and then '
        'the emergency services arriving.\nChris Grayling on Croydon tram crash\n"Later I saw at least one '
        'person being brought out on a stretcher."\nThe line reopened on Friday.'
    )
    q = one(quotes_of(text), "stretcher")
    assert q.speaker == "Hannah Cole"


def test_a_lower_case_however_clause_after_the_content_is_the_reporters() -> None:
    text = (
        "The Security Council said it was of \u201cvital importance\u201d that Norland take steps to reduce "
        "tensions, however, a drafted statement did not threaten new sanctions."
    )
    assert not [q for q in quotes_of(text) if "new sanctions" in q.text]
