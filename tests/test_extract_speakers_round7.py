"""Issue 12, seventh round: a "who said" relative clause the parser hangs on a far noun, and a copular
predicate quoted after "X said Y" (real spaCy, no mocks; texts written for the tests)."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of


@pytest.mark.parametrize("platform", ["Zapline", "Chatter"])  # "said" parsed as conj / as relcl of it
def test_who_said_belongs_to_the_noun_right_before_it_not_the_clause_subject(platform: str) -> None:
    text = (
        f"{platform} has previously been accused of hosting violent content on its platform and was recently "
        "singled out by prime minister Joan May who said the app acts as a place where criminals can "
        "hide their activities."
    )
    q = one(quotes_of(text), "the app acts")
    assert q.speaker == "Joan May"


def test_quoted_copular_predicate_after_said_is_the_outer_speakers_words() -> None:
    text = (
        "Following the report, Anna Price took to Instagram to say she no longer blames Robert Hale for the "
        "crash. She said Hale \u201cwas deeply sorry and remains remorseful about this sad event.\u201d"
    )
    q = one(quotes_of(text), "deeply sorry")
    assert q.speaker == "Anna Price" and q.via is None


def test_infinitive_of_purpose_with_a_noun_object_is_a_topic_not_words() -> None:
    text = (
        "On Thursday, the heads of the armies of Norland and Estavia met in the capital Vella to discuss "
        "a \u201cfinal assault\u201d on the rebels. In 2009, she went on a talk show to explain herself."
    )
    found = quotes_of(text)
    assert not [q for q in found if "final assault" in q.text or q.text == "herself"]


def test_infinitive_of_a_stance_verb_keeps_the_stance() -> None:
    # "condemn" takes only an object (no clause): the object is the stance's target, and the stance stands
    q = one(
        quotes_of("World leaders rallied to condemn the military junta as the missiles were tested."), "junta"
    )
    assert q.speaker == "World leaders"
