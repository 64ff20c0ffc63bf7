"""Issue 12, round 12b: things that are not quotes (topics named by a cue's plain noun-phrase object,
open "how to" questions, section headings in marks) and content that runs past the holder's words (a
dash aside, the reporter's correction, another named holder's "while" clause). Real spaCy, no mocks;
the texts are written for the tests."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of
from storyprism.extract.not_quotes import section_heading


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a reference, a tweet's topic, a cheer and an unveiling name what the act is about: no words
        (
            "“We need everyone,” Mr. Reul said, referring to his police forces, in an interview on Friday.",
            "police",
        ),
        ("Ana Lund, the woman who originally tweeted about the scene, is frustrated.", "scene"),
        ("Marco Dell and his teammates did their best to cheer the Rovers to victory.", "Rovers"),
        ("On Sunday, Tesla chief Elon Musk revealed the first Model 3 to roll off the line.", "Model 3"),
        # "knew how to" + a feat is an open question of skill, no claim
        ("And Tovar knew how to end his show, closing with a song.", "end his show"),
    ],
)
def test_topics_and_feats_are_no_quotes(text: str, needle: str) -> None:
    assert not [q for q in quotes_of(text) if needle in q.text]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a clause after the cue, or a name given "as" something, is the words and stays
        ("On Friday, Musk revealed that the first Model 3 had rolled off the line.", "rolled off"),
        ("Growing up, my father referred to the senator as a traitor to the party.", "senator"),
    ],
)
def test_clauses_and_names_given_stay(text: str, needle: str) -> None:
    assert one(quotes_of(text), needle)


@pytest.mark.parametrize(
    ("text", "kept", "cut"),
    [
        (
            "The firm hopes the move, four months earlier than usual, will help it boost sales against Apple "
            "- which usually waits until September to reveal its new phones.",
            "boost sales against Apple",
            "September",
        ),
        (
            "They were raised by their mother, who told the children that their father had died when in fact "
            "he was in prison, Eric Vale said.",
            "their father had died",
            "in prison",
        ),
        (
            "Citigroup Inc. said it expects a hit of as much as $20 billion, while Bank of America Corp. will "
            "take a $3 billion charge.",
            "expects a hit",
            "Bank of America",
        ),
    ],
)
def test_content_stops_where_the_reporter_takes_over(text: str, kept: str, cut: str) -> None:
    # the cue comes first; a tag after the whole sentence ("..., Eric Vale said") still takes all of it
    q = one([q for q in quotes_of(text) if q.text.startswith(kept[:5]) or q.speaker != "Eric Vale"], kept)
    assert cut not in q.text


def test_an_aside_before_an_according_to_tag_is_attributed() -> None:
    text = (
        "A simple question brings a long lecture on why the other side must be wrong - which it often "
        "is, according to Dana Kirk."
    )
    # the source named after the words attributes the aside with them: it is not cut off
    assert any("often is" in q.text for q in quotes_of(text))


def test_section_heading() -> None:
    text = (
        "The team met the cast.\n“Five Pages In, I Was Completely Hooked”\nOne thing they shared was doubt."
    )
    s = text.index("Five")
    assert section_heading(text, s, text.index("”"))
    spoken = "He paused.\n“I was completely hooked after five pages.”\nThen he left."
    s2 = spoken.index("I was")
    assert not section_heading(spoken, s2, spoken.index("”"))
    tagged = "“Five Pages In, I Was Hooked,” she said.\n"
    assert not section_heading(tagged, 1, tagged.index("”"))


def test_data_back_the_figure_not_the_reporters_reading() -> None:
    text = (
        "Estavia has been key to that plan, as Norland accounts for nearly 90% of all of Vell's imports, "
        "according to recent data from the United Nations."
    )
    q = one(quotes_of(text), "90%")
    assert not q.text.startswith("Estavia")
    # a person's words given "according to" keep the whole clause
    text2 = "Estavia has been key to that plan, as Norland buys most of its grain, according to Ana Lund."
    assert one(quotes_of(text2), "grain").text.startswith("Estavia")


def test_a_finding_about_third_parties_goes_on_past_while() -> None:
    text = (
        "Le Soir said its investigation found Norbank has 2,300 offshore companies, while Estavia's Banque "
        "Vell has 979."
    )
    assert any("Banque Vell has 979" in q.text for q in quotes_of(text))
