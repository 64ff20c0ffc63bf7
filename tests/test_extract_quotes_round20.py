"""Issue 12, round 20 (blind read i20a): cues that hold no one's words or view. A particle can turn a
cue into a verb of motion ("blast off"); a topic item needs a stance, and sending a thing, recalling
counted goods, evidence that "points to" something and the means after "lash out with" hold none; a
"for" phrase after a criticised object gives the reason of the stance, so the object stays a topic. The
texts are written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of
from storyprism.extract.attribution import is_cue, lemma_of
from storyprism.extract.nlp import analyse


def _token(text: str, word: str) -> tuple[object, int]:
    tree = analyse([text])[0][1]
    i = next(i for i in range(len(tree)) if tree.word(text, i) == word)
    return tree, i


def test_blast_off_is_motion_not_speech() -> None:
    text = "The new rocket will blast off at the end of the month."
    tree, i = _token(text, "blast")
    assert is_cue(tree, text, i) is None and lemma_of(tree, text, i) is None  # type: ignore[arg-type]
    text = "The senator blasted the plan as a waste of money."
    tree, i = _token(text, "blasted")
    assert is_cue(tree, text, i) == "blast"  # type: ignore[arg-type]


def test_topics_without_a_stance_are_dropped() -> None:
    for text, words in [
        ("The magazine emailed one full message to the company.", "message"),
        ("The carmaker recalled 10,000 cars on Monday.", "cars"),
        ("Details of his history pointed to a troubled past.", "troubled past"),
        ("The North lashes out with weapons trials every spring.", "weapons trials"),
    ]:
        assert not any(words in q.text for q in quotes_of(text)), text


def test_stances_on_a_topic_stay() -> None:
    for text, words in [
        ("Ann Lee pointed to the rising costs.", "rising costs"),
        ("Ann Lee lashed out at the plan.", "the plan"),
        ("Ann Lee agreed with the plan.", "the plan"),
    ]:
        hits = [q for q in quotes_of(text) if words in q.text]
        assert hits and hits[0].kind == "topic", text


def test_criticized_for_a_reason_is_a_topic() -> None:
    found = [
        q for q in quotes_of("Acme criticized the board of Beta for its poor returns.") if "board" in q.text
    ]
    assert found and found[0].kind == "topic"
    # a clause after the object still reports words
    found = [
        q for q in quotes_of("Acme said the board of Beta had failed its investors.") if "board" in q.text
    ]
    assert found and found[0].kind == "words"


def test_a_photographer_label_before_a_colon_is_a_credit() -> None:
    text = "Anna Lee Photographer: Mark Dole/Reuters News\nThe board had rejected the first offer."
    assert not any("Mark Dole" in q.text for q in quotes_of(text))


def test_realizing_a_fact_and_knowing_what_to_do_are_no_quotes() -> None:
    for text, words in [
        ("The cabin crew realized there was a man on board who was on the wrong flight.", "wrong flight"),
        ("When I saw the purple suits, I knew to be concerned.", "concerned"),
        ("The guards knew to leave the gate open.", "gate open"),
    ]:
        assert not any(words in q.text for q in quotes_of(text)), text
    # "knew that ..." inside reported words still reports them
    assert any(
        "plan had failed" in q.text for q in quotes_of("Ann Lee said she knew that the plan had failed.")
    )


def test_said_of_a_gerund_names_the_topic() -> None:
    text = "“The best thing you can imagine,” Ann Lee said of walking onto the stage for the first time."
    hits = [q for q in quotes_of(text) if "walking onto" in q.text]
    assert hits and all(q.kind == "topic" for q in hits)
    # a clause after the cue still reports words
    assert any(q.kind == "words" for q in quotes_of("Ann Lee said walking onto the stage was the best moment."))


def test_an_infinitive_inside_a_relative_clause_keeps_the_topic() -> None:
    text = "Tom Brook questioned the judgement of men who used work emails from the biggest firm in town to buy sex."
    hits = [q for q in quotes_of(text) if "judgement" in q.text]
    assert hits and hits[0].kind == "topic"
    # an infinitive on the object itself states a plan: reported words
    hits = [q for q in quotes_of("Ann Lee criticized plans to cut jobs.") if "cut jobs" in q.text]
    assert hits and hits[0].kind == "words"
