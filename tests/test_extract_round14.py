"""Issue 12, round 14: speakers that cannot speak or did not speak (a body's unnamed mouthpiece before a
titled official's own statement, an act pressed on someone, a happening read as a sign, words owned by
a possessive after "according to"), a comment clause inside someone's report, a report that cites its
source, a term given by a passive verb of naming and an allusion's topic. Real spaCy, no mocks; the
texts are written for the tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of
from storyprism.extract.not_quotes import naming_term
from storyprism.extract.tags import owner_of_words


def test_unnamed_mouthpiece_is_not_the_official_named_next() -> None:
    # the mayor's own statement follows the spokesman's: two sources, not one
    text = (
        "Two officers were hurt in the crash, a police spokesman said. "
        "Mayor John Okafor said the city would pay for the repairs."
    )
    found = quotes_of(text)
    assert one(found, "officers were hurt").speaker != "John Okafor"
    assert one(found, "pay for the repairs").speaker == "John Okafor"


def test_described_person_of_a_lede_is_still_named_next() -> None:
    text = "A Vermont woman says she was bitten by a fox. Mary Holloway said her eyes were wide open."
    assert one(quotes_of(text), "bitten by a fox").speaker == "Mary Holloway"


def test_act_forced_as_an_aim_is_no_statement() -> None:
    text = (
        "The troops gathered at the border in an effort to force the neighbours and their allies to "
        "limit the pact and agree to never place missiles in the region."
    )
    found = quotes_of(text)
    assert not any("never place missiles" in q.text and q.cue == "agree" for q in found)


def test_demand_belongs_to_who_asked() -> None:
    text = "Lawmakers urged the minister to confirm that the plant would close."
    found = quotes_of(text)
    assert all(q.speaker != "minister" for q in found)
    assert one(found, "plant would close").speaker == "Lawmakers"


def test_forced_admission_is_still_said() -> None:
    text = "The board forced Tom Varga to admit that no senior managers were held accountable."
    assert one(quotes_of(text), "no senior managers").speaker == "Tom Varga"


def test_mandative_subjunctive_is_the_demanders() -> None:
    text = "Petrov demanded the alliance guarantee him that it would not expand to the east."
    found = quotes_of(text)
    assert all(q.speaker != "alliance" for q in found)
    assert any(q.speaker == "Petrov" for q in found)


def test_happening_read_as_a_sign_quotes_no_one() -> None:
    text = (
        "The video call between the two leaders signaled unity between the capitals in the face of tension."
    )
    assert not [q for q in quotes_of(text) if "unity" in q.text]


def test_according_to_a_persons_remarks_is_that_person() -> None:
    text = (
        'Dana Wirth, who called the mayor a "dear friend" according to her remarks released by the party, '
        "said she would run again."
    )
    assert one(quotes_of(text), "dear friend").speaker == "Dana Wirth"


def test_owner_of_words_reads_the_possessive() -> None:
    text = "according to Smith's comments to the board"
    start = text.index("Smith")
    assert text[slice(*owner_of_words(text, (start, len(text))))] == "Smith"
    plain = "the city council"
    assert owner_of_words(plain, (0, len(plain))) == (0, len(plain))


def test_comment_clause_inside_a_report_is_not_its_holders() -> None:
    text = "But the firm now says the issue was not a matter of style over function, as many first claimed."
    found = quotes_of(text)
    assert all(q.speaker != "many" for q in found)
    assert one(found, "style over function").speaker == "firm"


def test_report_citing_its_source() -> None:
    text = (
        "Rescuers reached the site around noon, two hours after the crash, the local broadcaster Canal Norte "
        "reported, citing civil aviation authorities."
    )
    found = quotes_of(text)
    q = one(found, "Rescuers reached")
    assert q.speaker == "civil aviation authorities"
    assert q.via == "Canal Norte"
    assert not any(q.cue == "cite" for q in found)  # the citing names the source, it says nothing


def test_citing_a_reason_is_no_source() -> None:
    text = "The company said it would cancel the show, citing safety concerns."
    assert one(quotes_of(text), "cancel the show").speaker == "company"


def test_report_according_to_a_source_relays_it() -> None:
    text = (
        "The Riverton Gazette reports that the panda was a rare subspecies, one that is considered "
        "endangered, according to the Wildlife Trust."
    )
    q = one(quotes_of(text), "rare subspecies")
    assert q.speaker == "Wildlife Trust"
    assert q.via is not None and q.via.endswith("Gazette")


def test_term_given_by_a_passive_verb_of_naming() -> None:
    text = "Dunes, ripples and what are called “draa” cover the plain."
    start = text.index("draa")
    assert naming_term(text, start, start + 4)
    assert not [q for q in quotes_of(text) if q.direct]
    said = "The plan was called “a disaster” by critics."
    s = said.index("a disaster")
    assert not naming_term(said, s, s + len("a disaster"))


def test_allusion_names_a_topic() -> None:
    text = "“The curse is over!” the actor Ben Morrow wrote, alluding to one of the oldest legends about the team."
    assert not [q for q in quotes_of(text) if "oldest legends" in q.text]


def test_hyphenated_qualifier_and_several_times_a_scale_word() -> None:
    from storyprism.extract.numbers import find_numbers

    def nums(text: str) -> list[tuple[str, float | None, float | None]]:
        return [(n.text, n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])]

    assert nums("The more-than 11 million files date back decades.") == [
        ("more-than 11 million", 11_000_000.0, None)
    ]
    assert nums("It may stay in that orbit for several hundred million years.") == [
        ("several hundred million", 300_000_000.0, 900_000_000.0)
    ]


def test_today_paired_with_the_future_is_no_day() -> None:
    from storyprism.extract.dates import find_dates

    text = "He said: “I can say that today and in the foreseeable future, there is no threat to us.”"
    assert [(d.text, d.value) for d in find_dates("a", text, [(0, len(text))], "2016-06-19")] == [
        ("today", None)
    ]
    plain = "The vote is today."
    assert [d.value for d in find_dates("a", plain, [(0, len(plain))], "2016-06-19")] == ["2016-06-19"]


def test_according_to_a_source_the_parser_read_as_a_clause() -> None:
    # "show" read as a verb: the phrase after "according to" is still the source
    text = "As host of the quiz, the presenter kept the guests waiting for hours, according to show insiders."
    q = one(quotes_of(text), "kept the guests")
    assert q.cue == "according to"
    assert q.speaker is not None and "insiders" in q.speaker


def test_sentence_opening_according_to_with_a_scare_quote() -> None:
    # the one-word quote inside the clause is the source's, not the next sentence's speaker's
    text = (
        "According to radio host Dale Pruitt, the move reeks of “fear” and desperation. "
        "Vera Mook told CBS on Monday that the plan was set."
    )
    found = quotes_of(text)
    assert one(found, "reeks of").speaker == "Dale Pruitt"
    assert all(q.speaker != "Vera Mook" for q in found if "fear" in q.text)


def test_clean_phrase_never_crosses_a_sentence_end() -> None:
    from storyprism.extract.tags import clean_phrase

    text = "and desperation. Mook told"
    assert clean_phrase(text, 0, len("and desperation. Mook")) is None
    named = "Dr. Ada Lintz"
    assert clean_phrase(named, 0, len(named)) == (0, len(named))
