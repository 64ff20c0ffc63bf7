"""Issue 12, round 26 (blind read i26a): a bare report or reading that "indicated" something speaks for
the party an "according to" names; a participle of posing ("a person claiming to be a prince") describes
someone, it reports no words; "claim" + what is taken ("claimed the jobs of") is no stance. The texts are
written for the tests; the real spaCy parse reads them."""

from __future__ import annotations

from quote_helpers import one, quotes_of


def test_a_bare_report_speaks_for_the_party_named_by_according_to() -> None:
    text = ("Early reports, which are often corrected later, indicated the missile was launched from a site "
            "near the capital's airport, according to the South Korean military.")
    q = one(quotes_of(text), "launched")
    assert q.speaker == "South Korean military", q.speaker
    assert q.via is None


def test_a_named_reporter_still_relays() -> None:
    text = "The Enquirer reports that the tiger population has doubled, according to the WWF."
    q = one(quotes_of(text), "doubled")
    assert q.speaker == "WWF" and q.via == "Enquirer", (q.speaker, q.via)


def test_posing_as_someone_is_no_statement() -> None:
    for text in [
        "A person claiming to be a Nigerian prince emails you requesting your bank details.",
        "Callers purporting to be from the tax office demanded payment in gift cards.",
    ]:
        assert not any("to be" in q.text or "from the tax office" in q.text for q in quotes_of(text)), text
    q = one(quotes_of("The suspect claims to be innocent of every charge."), "innocent")
    assert q.speaker == "suspect"


def test_claiming_jobs_is_taking_them() -> None:
    text = "The coach retired as the league's 'Black Monday' claimed the jobs of several of his counterparts."
    assert not any("jobs" in q.text for q in quotes_of(text))
    text = "He wants to stay close to the game and hinted at a broadcast job, he told reporters on Monday."
    assert any("broadcast job" in q.text for q in quotes_of(text))


def test_a_name_introduced_by_an_indefinite_person_noun_is_a_person() -> None:
    text = ("Mr. Paddock managed an apartment complex in Mesquite, records show. A resident, Priscilla McBride, "
            "told The Dallas Morning News that Mr. Paddock often roamed the property. He moved away several "
            "years ago, she said, and they had not seen each other since.")
    q = one(quotes_of(text), "moved away")
    assert q.speaker == "Priscilla McBride", q.speaker


def test_according_to_plan_is_how_things_go() -> None:
    assert quotes_of("If all goes according to plan, the rocket will lift off on Tuesday.") == []
    q = one(quotes_of("According to the plan's authors, the rocket will lift off on Tuesday."), "lift off")
    assert q.speaker is not None and "authors" in q.speaker


def test_a_named_owner_speaks_for_its_own_pages_and_statements() -> None:
    text = "A Falcon Heavy flight sells commercially for around $90 million, according to SpaceX's website."
    assert one(quotes_of(text), "sells").speaker == "SpaceX"
    text = "North Korea launched a missile on Tuesday. South Korea's statement said the launch was a grave provocation."
    assert one(quotes_of(text), "provocation").speaker == "South Korea"


def test_a_title_after_a_verb_of_performing_names_a_work() -> None:
    text = ("It feels wrong. I’ll say only that Timberlake intercut his own vocals with Prince performing “I Would "
            "Die 4 U,” and we all died for him.")
    assert not any("Die 4 U" in q.text for q in quotes_of(text))
    q = one(quotes_of("Smith said the show was “a total disaster for everyone.”"), "disaster")
    assert q.speaker == "Smith"
