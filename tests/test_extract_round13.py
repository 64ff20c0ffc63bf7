"""Issue 12, round 13: a run of statements by one source (a "he said" after a named person's reported
statement continues that person; a named subject's report set before a quote's tag is its own
statement), a couple whose second name the NER typed as a body, and "this weekend" told in the past
tense. Real spaCy, no mocks; the texts are written for the tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of
from storyprism.extract.dates import find_dates


def test_pronoun_tag_continues_the_statement_before_it() -> None:
    # the person talked about inside the reported content is not whom "he" stands for
    text = (
        "Jonah Pell spent a month on the set. As someone new to the series, Pell said that part of the "
        "fun of playing Captain Hardy came from the Scottish actor's stage years. “Hardy is so entertaining, "
        "and he takes it so seriously,” he said."
    )
    q = one(quotes_of(text), "so entertaining")
    assert q.speaker == "Jonah Pell"


def test_pronoun_after_a_clause_of_the_same_sentence() -> None:
    # a cast name in brackets before the sentence is an aside, the sentence's subject goes on
    text = (
        "The scene features the assassin Nell (Karin Sato) throwing a chain around the hero's neck. "
        "Director Paul Brenner originally thought he could shoot the scene with a hidden pole, but he says "
        "it was the lead actress's decision to have the chain wrap around her neck."
    )
    q = one(quotes_of(text), "decision to have the chain")
    assert q.speaker == "Paul Brenner"


def test_named_report_before_a_tag_is_its_own_statement() -> None:
    text = (
        "“He was unresponsive,” Dr. Anna Holt said.\n"
        "Dr. Victor Lam, the second surgeon to reach the room, said by the time he arrived, the patient "
        "was in a coma, “almost brain dead,” he said."
    )
    found = quotes_of(text)
    q = one(found, "in a coma")
    assert q.speaker == "Victor Lam"
    assert not q.text.startswith("Dr.")  # the reporting clause is no part of the content
    assert one(found, "almost brain dead").speaker == "Victor Lam"


def test_statement_by_an_organisation_is_not_continued_by_he() -> None:
    # "he" cannot stand for a company: the pronoun keeps the person the text named
    text = (
        "Tom Reyes runs the depot. Acme Corp said that the plant will close next year. "
        "“It is a sad day,” he said."
    )
    q = one(quotes_of(text), "sad day")
    assert q.speaker != "Acme Corp"


def test_couple_with_a_name_typed_as_a_body() -> None:
    from storyprism.extract.speakers import DocContext, resolve

    text = (
        "Mia Kerr and Ollie Blum announced their split. The couple, who share a son, said they remain close."
    )
    ents_all = [
        ("PERSON", "Mia Kerr"),
        ("ORG", "Ollie Blum"),
    ]
    from storyprism.extract.speakers import Ent

    ents = [Ent(text.index(t), text.index(t) + len(t), label, t) for label, t in ents_all]
    ctx = DocContext.build(text, ents)
    s = text.index("The couple")
    assert resolve(ctx, (s, s + len("The couple"))) == "Mia Kerr and Ollie Blum"


def test_this_weekend_in_the_past_tense_is_the_weekend_gone() -> None:
    # published on Monday 2017-03-27: a shooting that "was" this weekend happened on 25-26 March
    text = "There was a shooting in the city this weekend. The fair opens this weekend."
    spans = [(0, 46), (47, len(text))]
    dates = find_dates("a", text, spans, "2017-03-27")
    past, future = [d for d in dates if d.text == "this weekend"]
    assert past.value == "2017-03-20"
    assert future.value == "2017-03-27"


def test_relative_subject_gets_its_antecedent() -> None:
    text = "We ran, she said of the attack, which she said was carried out by between 10 and 30 people."
    q = one(quotes_of(text), "carried out")
    assert q.text.startswith("the attack")  # the antecedent fills the subject the relative fronted


def test_participle_naming_the_work_written_is_no_content() -> None:
    text = (
        "Writing an op-ed piece for The Daily Ledger, Carl Dunmore added, “The city has applied certain "
        "rules, but it could and should do more.” He wrote that the talks had failed."
    )
    found = quotes_of(text)
    assert not [q for q in found if "op-ed" in q.text]
    assert one(found, "talks had failed")


def test_demonstrative_that_is_kept_as_the_subject() -> None:
    text = "Her bill was more than $284 billion. As the Erie Ledger reported, that is more than the debt of Peru."
    q = one(quotes_of(text), "debt of Peru")
    assert q.text.startswith("that is")


def test_unnamed_spokesman_named_in_the_next_sentence() -> None:
    text = (
        "The government and the army have strictly followed the resolutions on sanctions, a Defense Ministry "
        "spokesman said on Thursday. Senior Colonel Ren Guoqiang was responding to media reports."
    )
    q = one(quotes_of(text), "resolutions on sanctions")
    assert q.speaker == "Ren Guoqiang"


def test_clause_after_a_time_phrase_is_the_content() -> None:
    text = "Marla Boone said after the convention she would not accept the party's endorsement if it came."
    q = one(quotes_of(text), "would not accept")
    assert q.speaker == "Marla Boone"


def test_name_touching_a_subjectless_cue_is_the_speaker() -> None:
    text = (
        "In a March meeting with the editorial board of the Daily Ledger Trump said that involvement in "
        "the alliance may need to be diminished in the coming years."
    )
    found = quotes_of(text)
    q = one(found, "may need to be diminished")
    assert q.speaker is not None and "Trump" in q.speaker


def test_quote_opening_the_next_paragraph_continues_the_statement() -> None:
    # a witness quoted before, then the official's paraphrase, then his quote in the next paragraph
    text = (
        "“I heard some gunshots not very far away,” Dana Pires said.\n"
        "Marc Olivant, the president of the region, expressed outrage in an interview on Friday, pointedly "
        "noting previous attacks on the capital.\n"
        "“Questions are raised,” he said. “As I try to comfort the families, I also try to contain my anger.”"
    )
    found = quotes_of(text)
    assert one(found, "Questions are raised").speaker == "Marc Olivant"
    assert one(found, "comfort the families").speaker == "Marc Olivant"
