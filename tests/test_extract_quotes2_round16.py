"""Issue 12, round 16 (wave 2): the right speaker on real coverage. A description repeating the head noun
of a name given just before ("the Harbor Casino ... the casino said"), a thing that "implies" inside a
teller's reported words (the teller speaks), and a participle after a sentence whose grammatical subject
cannot speak ("Word of the deal emerged after Mayor Ruiz ..., warning that"). Real spaCy, no mocks; the
texts are written for the tests."""

from __future__ import annotations

from quote_helpers import quotes_of


def _speaker_of(text: str, words: str) -> tuple[str | None, str | None]:
    hits = [q for q in quotes_of(text) if words in q.text]
    assert hits, [q.text for q in quotes_of(text)]
    return hits[0].speaker, hits[0].via


def test_a_description_repeating_a_names_head_noun_is_that_body() -> None:
    text = (
        "Dana Pell worked as a hostess at the Silver Lantern Casino in Reno from 2011 to 2014. "
        "On Monday, the casino said that she left the company several years ago."
    )
    speaker, _ = _speaker_of(text, "left the company")
    assert speaker == "Silver Lantern Casino"


def test_the_state_is_a_government_not_a_body_named_after_a_state() -> None:
    # review (round 16): "Ohio State" ends in a place noun; "the state said" is the state's government
    text = (
        "Students at Ohio State protested the fee rise on Friday. "
        '"The fee pays for new roads," the state said in a statement.'
    )
    speaker, _ = _speaker_of(text, "new roads")
    assert speaker != "Ohio State"


def test_a_head_noun_without_a_name_before_stays_as_written() -> None:
    text = "Dana Pell worked in Reno for years. On Monday, the casino said that she left several years ago."
    speaker, _ = _speaker_of(text, "left several")
    assert speaker != "Dana Pell"


def test_a_thing_that_implies_inside_a_tellers_words_is_the_tellers_inference() -> None:
    text = (
        "Rolf Amsel, head of the regional firefighters' union, told a local paper on Sunday that the "
        "apparent need for extra patrols implies that the old town is unsafe."
    )
    speaker, via = _speaker_of(text, "old town is unsafe")
    assert speaker == "Rolf Amsel" and via is None


def test_a_study_that_suggests_inside_a_tellers_words_stays_the_source() -> None:
    text = "Rolf Amsel told a local paper on Sunday that the new study suggests that the old town is unsafe."
    speaker, _ = _speaker_of(text, "old town is unsafe")
    assert speaker != "Rolf Amsel"


def test_a_participle_takes_the_agent_when_the_subject_cannot_speak() -> None:
    text = (
        "The ferry has been held in port since Tuesday.\n"
        "Word of the seizure emerged after Mayor Ana Ruiz used a radio interview to accuse the operator "
        "of ignoring the rules, warning that there would be no \u201cquiet deal\u201d until the fines were paid."
    )
    speaker, _ = _speaker_of(text, "quiet deal")
    assert speaker == "Ana Ruiz"


def test_a_participle_keeps_a_subject_that_can_speak() -> None:
    text = (
        "The mayor spoke after Ana Ruiz used a radio interview to accuse the operator, "
        "warning that there would be no \u201cquiet deal\u201d until the fines were paid."
    )
    speaker, _ = _speaker_of(text, "quiet deal")
    assert speaker != "Ana Ruiz"


def test_a_speech_verb_without_content_announces_the_next_quote() -> None:
    text = (
        "The standoff went on for an hour.\n"
        "At 9:40, officers report from the landing outside the flat.\n"
        "\u201cWe are on the fourth floor. The door is locked.\u201d"
    )
    speaker, _ = _speaker_of(text, "fourth floor")
    assert speaker is not None and "officers" in speaker.lower()


def test_a_verb_that_is_no_speech_announces_nothing() -> None:
    text = (
        "The standoff went on for an hour.\n"
        "At 9:40, officers wait on the landing outside the flat.\n"
        "\u201cWe are on the fourth floor. The door is locked.\u201d"
    )
    hits = [q for q in quotes_of(text) if "fourth floor" in q.text]
    assert hits and (hits[0].speaker or "").lower() != "officers"


def test_the_company_refers_to_a_name_the_text_defines_as_a_company() -> None:
    # the small NER types "Bramble" PERSON here; the copula tells it is a start-up, and the token named
    # after it ("a digital token called BRB", typed ORG) is no company
    text = (
        "Bramble is officially the name of a Denver-based start-up building a payments network for banks. "
        "Network members use a digital token called BRB for transfers. The token settles in four seconds, "
        "according to Bramble's website. In recent weeks, several Swiss banks have been testing Bramble's "
        "network for payments, according to the company."
    )
    speaker, _ = _speaker_of(text, "Swiss banks")
    assert speaker == "Bramble"


# review S1: verbs of informing put a fact or proposal in their object, reported words, not a stance
def test_a_verb_of_informing_with_an_event_object_reports_words() -> None:
    for sentence, words in [
        ("The police confirmed the death of a 40-year-old man.", "death"),
        ("The agency reported a 5 percent fall in sales.", "fall in sales"),
        ("The minister announced a ban on plastic bags from January.", "ban"),
    ]:
        hits = [q for q in quotes_of(sentence) if words in q.text]
        assert hits and hits[0].kind == "words", sentence


def test_informing_of_news_given_elsewhere_stays_a_stance() -> None:
    hits = [q for q in quotes_of("The coach confirmed the news on Twitter.") if "news" in q.text]
    assert hits and hits[0].kind == "topic"


def test_informing_of_a_bare_event_noun_stays_a_stance() -> None:
    hits = [
        q for q in quotes_of("Two shop workers reported the incident to the council.") if "incident" in q.text
    ]
    assert hits and hits[0].kind == "topic"


def test_an_attitude_verb_with_a_noun_object_stays_a_stance() -> None:
    hits = [
        q
        for q in quotes_of("The harbour master condemned the suggestion on Tuesday.")
        if "suggestion" in q.text
    ]
    assert hits and hits[0].kind == "topic"


# review S2: a description one gives oneself is one's words; only a name in title case is dropped
def test_a_self_description_in_marks_is_kept() -> None:
    text = "She called herself \u201cthe luckiest woman alive\u201d after the rescue."
    assert any("luckiest woman" in q.text for q in quotes_of(text))


def test_a_self_given_name_in_marks_is_dropped() -> None:
    text = "The faction has taken to calling itself the \u201cWestern Harbour Brigade\u201d in its posts."
    assert not any("Western Harbour Brigade" in q.text for q in quotes_of(text))


# review S3: "the poem by X, a teacher" names one author; a list of names names several
def test_a_work_by_one_author_with_an_apposition_is_the_authors() -> None:
    text = (
        "The poem by Ann Lee, a teacher, hung in the hall. \u201cRise up, all of you,\u201d the poem began."
    )
    hits = [q for q in quotes_of(text) if "Rise up" in q.text]
    assert hits and hits[0].speaker == "Ann Lee"


def test_a_work_by_several_authors_names_none_alone() -> None:
    text = "The poem by Ann Lee, Bob Ray and Cy Hall hung in the hall. \u201cRise up, all of you,\u201d the poem began."
    hits = [q for q in quotes_of(text) if "Rise up" in q.text]
    assert hits and hits[0].speaker not in ("Ann Lee", "Bob Ray", "Cy Hall")


# review S4: one article over two roles is one person, but not two offices nor a possessive second role
def _resolve_after_ruiz(phrase: str) -> str:
    from storyprism.extract.speakers import DocContext, Ent, resolve

    text = f"Ana Ruiz met the press on Monday. {phrase} said the talks went well."
    ctx = DocContext.build(text, [Ent(0, 8, "PERSON", "Ana Ruiz")])
    s = text.index(phrase)
    return resolve(ctx, (s, s + len(phrase)))


def test_two_offices_joined_are_two_holders() -> None:
    assert _resolve_after_ruiz("The president and prime minister") != "Ana Ruiz"


def test_a_possessive_second_role_is_someone_else() -> None:
    assert _resolve_after_ruiz("The singer and her manager") != "Ana Ruiz"


def test_one_article_over_two_descriptions_is_one_person() -> None:
    assert _resolve_after_ruiz("The model and TV personality") == "Ana Ruiz"


def _company_after(text: str, ents: list[tuple[str, str]], subjects: tuple[str, ...] = ()) -> str:
    """``resolve`` of the last "the company" in ``text``, with the NER's types given by hand (a small NER
    types such names either way)."""
    from storyprism.extract.speakers import DocContext, Ent, resolve

    spans, at = [], 0
    for name, label in ents:
        s = text.index(name, at)
        spans.append(Ent(s, s + len(name), label, name))
        at = s + len(name)
    ctx = DocContext.build(text, spans)
    ctx.subjects = {e.start for e in spans if e.text in subjects}
    s = text.rindex("the company")
    return resolve(ctx, (s, s + len("the company")))


def test_the_company_can_be_a_brand_spelled_in_camel_case_the_ner_typed_person() -> None:
    text = (
        "RocketWorx will launch its largest rocket, the Sky Hauler, on Tuesday. The Sky Hauler looks like "
        "three rockets strapped together. \u201cThe side cores will return,\u201d RocketWorx confirmed, as cited "
        "by Business Wire. \u201cThe centre core will land at sea,\u201d the company added."
    )
    ents = [("RocketWorx", "PERSON"), ("Sky Hauler", "ORG"), ("Sky Hauler", "ORG"), ("RocketWorx", "PERSON"),
            ("Business Wire", "ORG")]  # fmt: skip
    assert _company_after(text, ents, subjects=("RocketWorx",)) == "RocketWorx"


def test_a_persons_name_is_no_brand() -> None:
    text = (
        "Tom McKenna founded Harbor Freight Lines in 1990. McKenna said on Monday that sales rose, "
        "according to the company."
    )
    ents = [("Tom McKenna", "PERSON"), ("Harbor Freight Lines", "ORG"), ("McKenna", "PERSON")]
    assert _company_after(text, ents, subjects=("McKenna",)) == "Harbor Freight Lines"


def test_a_camel_case_word_that_never_acts_is_no_speaking_body() -> None:
    text = (
        "Harbor Freight Lines joined the #WeSail campaign on Monday. Supporters of WeSail marched in the port. "
        "The drivers were paid late, according to the company."
    )
    ents = [("Harbor Freight Lines", "ORG"), ("WeSail", "PERSON"), ("WeSail", "PERSON")]
    assert _company_after(text, ents, subjects=("Harbor Freight Lines",)) == "Harbor Freight Lines"
