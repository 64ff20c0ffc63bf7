"""Issue 12, round 18 wave 2: what a cue's object really is. A gerund clause after a verb of memory is a
proposition (words), and one of saying relays the noun's words; a source "cited by" an agency is no
topic and the agency relays it; a picture that shows holds no view; a relative clause's cue brings the
noun its clause lacks. Real spaCy; the texts are written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of


def _records(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in quotes_of(text)]


def test_a_gerund_clause_after_a_memory_verb_is_words_not_a_topic() -> None:
    found = quotes_of("Dale Ames, 30, said he recalled the tram speeding up before the bend.")
    recalled = [q for q in found if q.cue == "recall"]
    assert len(recalled) == 1
    assert recalled[0].kind == "words"
    assert recalled[0].text.startswith("the tram speeding up")


def test_a_memory_verb_with_a_gerund_of_saying_gives_the_words_to_that_noun() -> None:
    found = quotes_of('Ames recalled the pilot saying: "We are going down."')
    assert not [q for q in found if q.kind == "topic"]
    direct = [q for q in found if q.direct]
    assert len(direct) == 1 and direct[0].speaker == "pilot"


def test_other_verbs_keep_a_participle_as_a_description_of_the_topic() -> None:
    found = quotes_of("The senator condemned the men fighting in the hills.")
    assert [(q.kind, q.text) for q in found] == [("topic", "the men fighting in the hills")]


def test_a_source_cited_by_an_agency_is_the_speaker_and_the_agency_relays() -> None:
    found = quotes_of(
        "Police are still searching the harbour, according to a port official cited by Reuters."
    )
    assert not [q for q in found if q.kind == "topic"]
    acc = [q for q in found if q.cue == "according to"]
    assert len(acc) == 1
    assert acc[0].speaker == "a port official"
    assert acc[0].via is not None and "Reuters" in str(acc[0].via)


def test_pictures_that_show_hold_no_stance() -> None:
    assert _records("The ministry posted photographs of the valley showing a burning bus on the road.") == []
    assert _records("But the newest renderings show the firm may move the camera to the back.") == []


def test_a_relative_clause_cue_brings_the_noun_its_clause_lacks_as_subject() -> None:
    found = quotes_of("The singer described a fall and an incident she said took place at the studio.")
    said = [q for q in found if q.cue == "say"]
    assert len(said) == 1
    assert said[0].text == "an incident took place at the studio"
    # a clause with its own subject keeps no noun before it
    found = quotes_of("Officials said the bridge would reopen in May.")
    assert [q.text for q in found if q.cue == "say"] == ["the bridge would reopen in May"]


def test_marked_words_after_a_recalled_gerund_of_saying_are_the_nouns_relayed() -> None:
    text = 'He recalled the pilot telling the passengers: "We are going to land soon, so stay seated."'
    direct = [q for q in quotes_of(text) if q.direct]
    assert len(direct) == 1
    assert direct[0].speaker == "pilot"
    assert direct[0].via is not None


# Review mends: "recall" as withdrawing, a documentary film's claim, a time noun before a relative clause.


def test_a_state_recalling_its_envoy_keeps_the_words_its_own() -> None:
    text = "Peru recalled its ambassador to Mexico saying the remarks were an insult to the nation."
    hits = [q for q in quotes_of(text) if "insult" in q.text]
    assert hits and hits[0].speaker != "its ambassador"


def test_a_documentary_film_still_makes_its_claim() -> None:
    text = "The documentary film suggests the company knew of the risks for a decade."
    assert [q for q in quotes_of(text) if "knew of the risks" in q.text]


def test_a_time_before_a_relative_clause_is_no_gap_noun() -> None:
    text = "The votes on Tuesday she said were rigged were counted again by the board."
    assert not [q for q in quotes_of(text) if q.text.startswith("Tuesday")]
