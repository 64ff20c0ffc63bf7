"""Issue 12, round 25 (blind read i25a): who said what. "According to X" hung on a later conjunct of a
reported clause relays the whole statement (the speaker keeps it, X is ``via``); a report "citing" or
"quoting" its source before the reported words passes them on; an outlet named after a media noun ("the
South Korean news agency Yonhap") speaks as that outlet; a name after "the" that ends in a masthead's
word is a paper, not a person; a conjunct ("and said") the parser hung on a verb with no one for subject
("it felt as if") takes the subject of the verb its "and" joins, and so does a name before a participle
aside; an untagged first-person quote after a sentence narrating one person is that person's; questioning
a person is an interrogation, no stance. The texts are written for the tests; the real spaCy parse reads
them."""

from __future__ import annotations

from quote_helpers import one, quotes_of
from storyprism.extract.ents import Ent
from storyprism.extract.name_types import place_appositions
from storyprism.extract.referents import outlet_at_end


def test_according_to_on_the_last_conjunct_relays_the_whole_statement() -> None:
    text = (
        "The cabinet secretary, Yoshihide Suga, says the missile reached an altitude of 770 kilometers, "
        "crossed over the island of Hokkaido and fell into the ocean east of Cape Erimo, according to Reuters."
    )
    found = quotes_of(text)
    q = one(found, "altitude")
    assert q.speaker == "Yoshihide Suga" and q.via == "Reuters"
    assert q.text.endswith("Cape Erimo")
    assert not any(x.speaker == "Reuters" for x in found)


def test_according_to_inside_the_statement_adds_no_quote_of_its_own() -> None:
    # the parse hangs "according to a post" inside the reported clause: one statement, no second quote
    # made of the document's description ("updated in January")
    text = (
        "The Aerospace Corporation said the station was unlikely to hit people, according to a post on "
        "its website updated in January."
    )
    found = quotes_of(text)
    assert len(found) == 1 and found[0].speaker == "Aerospace Corporation", [(q.text, q.speaker) for q in found]


def test_a_source_cited_before_the_words_is_the_speaker() -> None:
    text = "The newspaper Chosun Ilbo, citing officials, reported that satellites had spotted 30 transfers."
    q = one(quotes_of(text), "satellites")
    assert q.speaker == "officials" and q.via == "Chosun Ilbo"
    text = "Yonhap reported that the launch failed, quoting military officials."
    q = one(quotes_of(text), "launch failed")
    assert q.speaker == "military officials" and q.via == "Yonhap"
    # a reason is no source
    text = "Reuters reported that the talks collapsed, citing safety concerns."
    assert one(quotes_of(text), "talks collapsed").speaker == "Reuters"


def test_the_outlet_after_a_media_noun_is_the_speaker() -> None:
    text = "The South Korean news agency Yonhap reported that the launch failed."
    assert one(quotes_of(text), "launch failed").speaker == "Yonhap"
    ents = [Ent(4, 16, "NORP", "South Korean"), Ent(29, 35, "ORG", "Yonhap")]
    assert outlet_at_end(text, ents, 0, 35) == ents[1]
    assert outlet_at_end(text, ents, 29, 35) is None  # the name alone: nothing to strip


def test_paper_names_typed_person_are_papers() -> None:
    text = "The South Korean newspaper Chosun Ilbo, quoting sources, reported it. Chosun Ilbo said so."
    ents = [Ent(27, 38, "PERSON", "Chosun Ilbo"), Ent(70, 81, "PERSON", "Chosun Ilbo")]
    assert [e.label for e in place_appositions(text, ents)] == ["ORG", "ORG"]
    text = "Read the Miami Herald's piece. The Herald reports that prices rose."
    ents = [Ent(9, 23, "PERSON", "Miami Herald's"), Ent(35, 41, "PERSON", "Herald")]
    assert [e.label for e in place_appositions(text, ents)] == ["ORG", "ORG"]
    # the founder named after "the newspaper", and a person named Post, stay persons
    text = "the newspaper Jane Smith founded in 1990; Emily Post wrote."
    ents = [Ent(14, 24, "PERSON", "Jane Smith"), Ent(42, 52, "PERSON", "Emily Post")]
    assert [e.label for e in place_appositions(text, ents)] == ["PERSON", "PERSON"]


def test_a_conjunct_hung_on_a_verb_without_a_subject_takes_its_own_clauses() -> None:
    text = (
        "For Brian Buonassissi, a traveling DJ in the middle of an exhausting connection, it felt as if "
        "they had been flying for an hour before the captain came back on the intercom and said: “The "
        "bird is back.”"
    )
    assert one(quotes_of(text), "bird").speaker == "captain"
    # where the verb the conjunct hangs on has a subject, that subject speaks
    text = (
        "Mr. Estrosi said that the families needed time to mourn, and added that it was “our duty” to "
        "support them."
    )
    assert one(quotes_of(text), "duty").speaker == "Estrosi"


def test_a_name_before_a_participle_aside_is_the_subject() -> None:
    # the parser hangs "reported" on the main verb; the name before ", quoting sources," is its subject
    text = (
        "Mr. Trump's criticism of China came after the South Korean newspaper Chosun Ilbo, quoting "
        "anonymous sources, reported that American spy satellites had spotted 30 transfers since October."
    )
    assert one(quotes_of(text), "satellites").speaker == "Chosun Ilbo"


def test_an_untagged_first_person_quote_after_narration_is_the_narrated_persons() -> None:
    text = (
        "Chrissy Teigen was flying to Tokyo when the plane turned around.\n"
        "While the situation was frustrating for everyone on board, Teigen was taking it in stride and saw "
        "amusement in it. “I don't know why I'm not more upset about this.”"
    )
    assert (one(quotes_of(text), "upset").speaker or "").endswith("Teigen")
    # words not in the first person, or a sentence about two people, are left unattributed
    text = (
        "Chrissy Teigen and John Legend were flying to Tokyo when the plane turned around.\n"
        "Teigen and Legend were taking it in stride. “I don't know why I'm not more upset about this.”"
    )
    assert one(quotes_of(text), "upset").speaker is None


def test_questioning_a_person_is_an_interrogation_no_stance() -> None:
    for text in (
        "Police questioned the passengers after the flight landed.",
        "Investigators questioned him for hours.",
        "The authorities boarded the ship and questioned its crew members.",
    ):
        assert not any(q.cue == "question" for q in quotes_of(text)), text
    q = one(quotes_of("The senator questioned the wisdom of the plan."), "wisdom")
    assert q.kind == "topic" and q.speaker == "senator"
