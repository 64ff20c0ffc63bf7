"""Issue 12, round twelve: proportions and members of a group as speakers, gerunds after a preposition,
and speaker phrases that cannot speak (abstract nouns, cut titles, clauses). Real spaCy, no mocks;
the texts are written for the tests."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of
from storyprism.extract.parse import Parse
from storyprism.extract.speaker_kinds import abstract_head, cut_title, holds_clause


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        (
            "The council did not get high marks from older voters either. One in three said the council "
            "does not care much about them.",
            "does not care",
            "One in three",
        ),
        (
            "One of the former prosecutors for the mayor said the two cases were quite different.",
            "two cases",
            "One of the former prosecutors for the mayor",
        ),
        (
            "Smith has offered few ideas aside from stating that the city should not profit from loans.",
            "should not profit",
            "Smith",
        ),
    ],
)
def test_group_members_and_gerunds_speak(text: str, needle: str, speaker: str) -> None:
    q = one(quotes_of(text), needle)
    assert q.speaker == speaker


def test_a_participle_on_a_reported_state_is_the_reporters() -> None:
    text = (
        "In mid-April, Prime Minister Daro Venn said Estavia's security situation in the region was "
        "getting increasingly severe, referring to the northern threat."
    )
    quotes = quotes_of(text)
    # the participle names a topic ("referring to" + a noun phrase, extract/not_quotes.py): no words
    # of anyone, and above all none of the abstract "security situation"
    assert all("northern threat" not in q.text for q in quotes)
    q = one(quotes, "increasingly severe")
    assert q.speaker == "Daro Venn"


def test_a_cut_title_takes_the_name_after_its_period() -> None:
    text = "His knee is now “perfectly fine,” according to Dr. Ada Lintner, the club's head physician."
    q = one(quotes_of(text), "perfectly fine")
    assert q.speaker == "Ada Lintner"


def test_an_abstract_noun_is_no_speaker() -> None:
    text = (
        "Officers ran toward the hall. But the confusion over the source of the shots continues: "
        "“Shots are coming from the east gate.”"
    )
    q = one(quotes_of(text), "east gate")
    assert q.speaker is None


@pytest.mark.parametrize(
    ("phrase", "abstract"),
    [
        ("Estavia's security situation", True),
        ("the confusion over the source of the shots", True),
        ("North Marovia's participation", True),
        ("the government", False),
        ("the administration", False),
        ("One eyewitness", False),
        ("Initial findings", False),
        ("Ms. Vance", False),
        ("an earlier version", False),
    ],
)
def test_abstract_head(phrase: str, abstract: bool) -> None:
    assert abstract_head(phrase) is abstract


def test_cut_title_and_clause() -> None:
    assert cut_title("Dr") and cut_title("Sen.") and not cut_title("Drake")
    text = "people received stock early"
    # hand-built parse: "received" is the finite root of a clause, so the phrase is no speaker
    p = Parse(
        starts=[0, 7, 16, 22],
        ends=[6, 15, 21, 27],
        tags=["NNS", "VBD", "NN", "RB"],
        deps=["nsubj", "ROOT", "dobj", "advmod"],
        heads=[1, 1, 1, 1],
        lefts=[0, 0, 2, 3],
        rights=[0, 3, 2, 3],
        sent=[0, 0, 0, 0],
    )
    assert holds_clause(p, text, (0, 27))
    assert not holds_clause(p, text, (0, 6))


def test_a_that_clause_hung_on_the_addressee_is_the_content() -> None:
    text = "In Keston last week, Mayor Ana Ruiz told a meeting of island leaders that few people understood the stakes."
    q = one(quotes_of(text), "few people")
    assert q.text == "few people understood the stakes"
    assert q.speaker == "Ana Ruiz"


def test_stray_words_are_no_speaker() -> None:
    from storyprism.extract.speaker_kinds import _stray_letter

    assert _stray_letter("e") and _stray_letter("whose")
    assert not _stray_letter("E") and not _stray_letter("Ed")
