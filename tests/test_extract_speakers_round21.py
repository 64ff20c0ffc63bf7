"""Issue 12, round 21 (blind reads i19a/i20a): a definite description refers back to what introduced it.
"The statement" after "X said in a statement" or after "X ..., stating, ..." is X's; a participle set off
after a noun's "that" clause goes with the clause holding the noun; "the student" after "Ann Lee, an
American student," is Ann Lee. The texts are written for the tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of


def test_the_statement_after_said_in_a_statement_is_the_sayers() -> None:
    # the subject is a described body with a relative clause, so no name stands right before "said in"
    text = (
        "Credit agency Equifax announced a breach on Thursday. Tom Ruiz, a banking analyst, said the breach "
        "was serious. The company, which safeguards financial data, said in a statement it learned of the "
        "breach on July 29. 'Criminals exploited a website vulnerability to gain access to certain files,' "
        "the statement said."
    )
    assert one(quotes_of(text), "Criminals exploited").speaker == "Equifax"


def test_the_statement_after_a_stating_participle_is_its_subjects() -> None:
    text = (
        "The Finance Ministry rejected any claims that the funds had anything to do with the meeting, "
        'stating, "The decision has no connection to the meeting." The statement explained that the '
        "timing of the bill was nothing out of the ordinary."
    )
    found = quotes_of(text)
    assert one(found, "no connection").speaker == "Finance Ministry"
    assert one(found, "out of the ordinary").speaker == "Finance Ministry"


def test_the_report_after_reported_is_the_reporters_unless_an_abstract_subject() -> None:
    text = (
        "The Daily Courier, quoting anonymous sources, reported that satellites had spotted 30 transfers. "
        "The report said the smuggling took place between vessels at sea."
    )
    assert one(quotes_of(text), "smuggling took place").speaker == "Daily Courier"


def test_a_definite_noun_refers_to_the_name_it_was_set_beside() -> None:
    text = (
        "Police descended on the scene. Tom Ruiz, an American student living in Paris, was watching the "
        "fireworks when he saw the truck. The student said the silence before the shots was weird."
    )
    assert one(quotes_of(text), "silence before").speaker == "Tom Ruiz"


def test_a_bare_title_far_back_does_not_name_a_scenes_definite_noun() -> None:
    # "X, airline pilot": a bare title (no article) is no introduction the scene's "the pilot" repeats
    text = (
        "Such mistakes are rare, said Tom Ruiz, airline pilot and head of a consulting firm. He woke up "
        "late and heard the pilot say the plane was landing in Dallas."
    )
    assert all(q.speaker != "Tom Ruiz" for q in quotes_of(text) if "Dallas" in q.text)


def test_a_name_typed_as_a_body_is_still_the_person_its_apposition_describes() -> None:
    # the small NER types "Tiffany Marchwood" ORG here; "an American student" beside it says a person
    text = (
        "Police descended on the scene. Tiffany Marchwood, an American student living in Paris, was "
        'watching the fireworks when she saw the truck. The student described a "weird silence" before '
        "gunfire started."
    )
    assert one(quotes_of(text), "weird silence").speaker == "Tiffany Marchwood"
