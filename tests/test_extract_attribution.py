"""Attribution by the dependency parse, names across a corpus, numbers and dates that are not amounts.

Real spaCy (one pass: tagger, parser, NER), no mocks. Texts are written for the tests.
"""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of
from storyprism.extract.dates import find_dates
from storyprism.extract.linking import junk_name, link_entities
from storyprism.extract.numbers import find_numbers
from storyprism.records import Mention

# --------------------------------------------------------------------------- attribution


def test_addressee_is_neither_speaker_nor_content():
    text = '"We will not back down on this," Freed told The Undefeated on Monday.'
    q = one(quotes_of(text), "back down")
    assert q.direct and q.speaker == "Freed" and q.cue == "tell"
    assert "Undefeated" not in q.text


def test_appositive_affiliation_never_becomes_the_speaker():
    text = (
        "Speaking to a Moscow daily, Pavel Orlov, the director of the Institute for Advanced European "
        "and International Studies at Moscow's Tech University, explained that the two countries have "
        "shown “remarkable unity” on security."
    )
    q = one(quotes_of(text), "remarkable unity")
    assert q.speaker == "Pavel Orlov"


def test_beliefs_and_fears_are_attributions_with_clause_content():
    text = "Health officials fear that the virus will spread to the capital within weeks."
    q = one(quotes_of(text), "virus will spread")
    assert not q.direct and q.cue == "fear" and q.speaker == "Health officials"
    assert q.text == "the virus will spread to the capital within weeks"


def test_cue_without_a_clause_is_no_attribution():
    text = "Bell added a 10-yard touchdown run in the fourth quarter as the Steelers pulled away."
    assert quotes_of(text) == []


def test_according_to_attributes_the_clause_it_modifies():
    text = "The talks collapsed late on Tuesday, according to the Associated Press."
    q = one(quotes_of(text), "talks collapsed")
    assert q.cue == "according to" and q.speaker == "Associated Press" and not q.direct
    assert "according" not in q.text


def test_clause_content_excludes_the_reporting_clause():
    text = "Mayor Ana Ruiz told reporters on Friday that the bridge would reopen next spring."
    q = one(quotes_of(text), "bridge would reopen")
    assert q.speaker == "Ana Ruiz" and q.text == "the bridge would reopen next spring"
    assert "reporters" not in q.text


def test_subject_of_a_coordinated_or_prepositional_cue():
    text = "Xi Jinping replied by saying he understood the concerns of his partners in the region."
    q = one(quotes_of(text), "understood the concerns")
    assert q.speaker == "Xi Jinping"


def test_relayed_speech_keeps_the_relayer_as_via():
    text = "Spokesman Dmitry Peskov said President Vladimir Putin told him that the summit would go ahead."
    q = one(quotes_of(text), "summit would go ahead")
    assert q.speaker == "Vladimir Putin" and q.via == "Dmitry Peskov"


def test_quote_signed_with_a_dash():
    text = "“He makes simple blanket statements about people he knows nothing about.” ― Pamela Padilla"
    q = one(quotes_of(text), "blanket statements")
    assert q.speaker == "Pamela Padilla"


def test_short_title_in_quote_marks_is_not_a_quote():
    text = "Senator Mark Hale said on “Good Morning America” that the bill was dead."
    assert all(not q.direct for q in quotes_of(text))


def test_parenthetical_cue_attributes_the_clause_it_interrupts():
    text = "The museum, Senator Paul Bryce said, celebrated several of his heroes from the civil rights era."
    q = one(quotes_of(text), "celebrated several")
    assert not q.direct and q.speaker == "Paul Bryce"
    assert "said" not in q.text and q.text.startswith("The museum")


def test_reported_content_stops_at_a_paragraph_break():
    # no period before the break: the parser runs the two paragraphs together
    text = (
        "The immigration agency said it was taking additional steps to increase the vetting of applicants\n\n"
        "The S.E.C. said it would increase oversight as well."
    )
    found = quotes_of(text)
    q = one(found, "additional steps")
    assert "S.E.C." not in q.text and "\n" not in q.text and q.via is None


def test_clause_carrying_a_direct_quote_leaves_the_reported_part():
    text = (
        "Senator Tom Reyes says he respects Clinton and calls her “an extremely intelligent woman with a "
        "wonderful family.”"
    )
    found = quotes_of(text)
    assert one(found, "extremely intelligent").direct
    q = one(found, "respects Clinton")
    assert not q.direct and q.text == "he respects Clinton"


def test_headline_colon_names_the_speaker():
    text = "Elizabeth Warren: Wells Fargo Chief Should Be Criminally Investigated\n\nThe senator spoke on Tuesday."
    q = one(quotes_of(text), "Wells Fargo Chief")
    assert q.speaker == "Elizabeth Warren" and not q.direct
    # further down an organisation before a colon is a label, not a source
    promo = "Phones got faster this year.\n\nCNET Magazine: Check out a sample of the stories in our edition"
    assert not [q for q in quotes_of(promo) if "Check out" in q.text]


def test_title_abbreviation_does_not_cut_the_inverted_tag():
    text = "“The sanctions only embolden us,” said Mr. Kim, the North's leader, after the test."
    q = one(quotes_of(text), "embolden us")
    assert q.speaker is not None and "Kim" in q.speaker


def test_he_said_after_a_run_of_quotes_keeps_that_speaker():
    text = (
        "Coach Bruce Arians told how his son, Jake, was turning 40. “It hit me like a ton of bricks,” "
        "Arians said. He plans to stay in Phoenix. “I'll miss the players,” he said."
    )
    found = quotes_of(text)
    q = one(found, "miss the players")
    assert q.speaker == one(found, "ton of bricks").speaker and "Arians" in q.speaker


def test_she_skips_a_man_and_a_surname_keeps_the_person_it_named_first():
    text = (
        "Thurman said she was hurt in the crash on the set. Her father, Robert Thurman, was a professor "
        "who stayed at home. “I was scared for my life,” she said."
    )
    q = one(quotes_of(text), "scared for my life")
    assert q.speaker == "Thurman"


def test_they_stands_for_the_last_plural_subject():
    text = (
        "Panama's leaders have defended an industry that has helped transform the nation. "
        "They admit that the new rules have been slow in coming."
    )
    q = one(quotes_of(text), "slow in coming")
    assert q.speaker == "Panama's leaders"


def test_message_verbs_take_their_object_but_not_refusals_transfers_or_addressees():
    text = (
        "The army confirmed the deaths of two soldiers. Reuters was unable to confirm the reports. "
        "The guards denied him entry to the stadium. NPR's Ari Shapiro talks to Vivienne Walt, a reporter."
    )
    found = quotes_of(text)
    assert one(found, "deaths of two soldiers").speaker == "army"
    assert not [q for q in found if "reports" in q.text or "entry" in q.text or "Walt" in q.text]


def test_the_airline_is_the_organisation_named_airline_not_the_last_one():
    text = (
        "American Airlines apologized to the players on Sunday. A passenger spoke to The Dallas Morning "
        "News about the flight. The airline said that the crew had followed its security rules."
    )
    q = one(quotes_of(text), "followed its security rules")
    assert q.speaker == "American Airlines"


def test_a_participle_speaks_for_its_noun_after_perception_not_after_an_addressee():
    text = (
        "The distressed mother can be heard saying: “He is dragging my son, I cannot watch this at all.” "
        "Senator Mark Hale emailed supporters saying: “We will fight on to the very last primary in June.”"
    )
    found = quotes_of(text)
    assert one(found, "dragging my son").speaker == "distressed mother"
    assert one(found, "very last primary").speaker == "Mark Hale"


def test_a_verb_after_a_quote_does_not_overrule_the_cue_before_it():
    text = (
        "Elon Musk has called artificial intelligence “a fundamental risk to the existence of human "
        "civilization.” Video provided by Newsy"
    )
    q = one(quotes_of(text), "fundamental risk")
    assert q.speaker == "Elon Musk"


# --------------------------------------------------------------------------- names


def _m(article: str, text: str, type_: str) -> Mention:
    return Mention(article, text, type_)


def test_company_suffix_initialism_and_first_word_merge():
    mentions = [
        _m("a", "Goldman Sachs Group Inc", "ORG"),
        _m("b", "Goldman Sachs", "ORG"),
        _m("c", "Goldman Sachs", "ORG"),
        _m("c", "Goldman", "ORG"),  # the short form after the full one in the same article
        _m("d", "GS", "ORG"),
        _m("e", "Sony Music", "ORG"),
        _m("f", "Sony", "ORG"),  # alone in its article: Sony is not Sony Music
        _m("a", "Associated Press", "ORG"),
        _m("b", "AP", "ORG"),
        _m("c", "Apple Inc.", "ORG"),
        _m("d", "Apple", "ORG"),
    ]
    entities = link_entities(mentions)
    ent = {(m.article, m.text): m.entity for m in mentions}
    gs = ent[("a", "Goldman Sachs Group Inc")]
    assert ent[("b", "Goldman Sachs")] == ent[("c", "Goldman")] == ent[("d", "GS")] == gs
    assert ent[("a", "Associated Press")] == ent[("b", "AP")] != gs
    assert ent[("c", "Apple Inc.")] == ent[("d", "Apple")]
    assert ent[("e", "Sony Music")] != ent[("f", "Sony")]
    names = {e.id: e.name for e in entities}
    assert names[gs] == "Goldman Sachs" and names[ent[("b", "AP")]] == "Associated Press"


def test_a_surname_in_use_before_a_relative_is_named_stays_apart():
    ms = [
        Mention("a", "Thurman", "PERSON", 10, 17),
        Mention("a", "Thurman", "PERSON", 200, 207),
        Mention("a", "Robert Thurman", "PERSON", 500, 514),
        Mention("a", "Thurman", "PERSON", 700, 707),
        Mention("b", "Chris Hughes", "PERSON", 0, 12),
        Mention("b", "Hughes", "PERSON", 100, 106),
    ]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity == ms[3].entity != ms[2].entity
    assert ms[4].entity == ms[5].entity


def test_two_candidates_are_not_guessed():
    mentions = [
        _m("a", "American Airlines", "ORG"),
        _m("b", "American Express", "ORG"),
        _m("c", "American", "ORG"),
    ]
    link_entities(mentions)
    assert len({m.entity for m in mentions}) == 3


def test_diacritics_and_initialisms_typed_person():
    mentions = [
        _m("a", "François Hollande", "PERSON"),
        _m("b", "Francois Hollande", "PERSON"),
        _m("c", "Kim Jong Un", "PERSON"),
        _m("c", "UN", "PERSON"),
    ]
    link_entities(mentions)
    ent = {(m.article, m.text): m.entity for m in mentions}
    assert ent[("a", "François Hollande")] == ent[("b", "Francois Hollande")]
    assert ent[("c", "UN")] != ent[("c", "Kim Jong Un")]


def test_type_is_voted_and_surname_follows_the_person():
    mentions = [
        _m("a", "Chris Hughes", "PERSON"),
        _m("a", "Hughes", "ORG"),
        _m("b", "Sioux Falls", "GPE"),
        _m("c", "Sioux Falls", "GPE"),
        _m("d", "Sioux Falls", "PERSON"),
    ]
    entities = link_entities(mentions)
    ent = {(m.article, m.text): m.entity for m in mentions}
    assert ent[("a", "Hughes")] == ent[("a", "Chris Hughes")]
    falls = [e for e in entities if e.name == "Sioux Falls"]
    assert len(falls) == 1 and falls[0].type == "GPE"


@pytest.mark.parametrize("junk", ["Invalid", "Enlarge Image Google", "Click Here", "www.example.com", "x"])
def test_page_junk_is_never_a_name(junk):
    assert junk_name(junk)


@pytest.mark.parametrize("name", ["Google", "Goldman Sachs", "Sioux Falls", "AP", "Vladimir Putin"])
def test_real_names_are_kept(name):
    assert not junk_name(name)


# --------------------------------------------------------------------------- numbers and dates


@pytest.mark.parametrize(
    "text",
    [
        "The Jets (4-11) lost again on Sunday.",
        "The phone updated to iOS 8.1 overnight.",
        "Two thirds of voters backed the measure.",
        "Call 555-1234 or (212) 555-1234 for tickets.",
        "They sealed a 4-1 win in overtime.",
    ],
)
def test_records_versions_fractions_phones_are_not_quantities(text):
    assert find_numbers("a", text, [(0, len(text))]) == []


def test_real_ranges_and_decimals_stay():
    text = "Between 10-15 people were hurt and 2.5 tonnes of cargo were lost."
    nums = {n.text: (n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])}
    assert nums == {"Between 10-15": (10, 15), "2.5": (2.5, 2.5)}


def test_spoken_ranges_share_a_scale_and_units_written_on_stay_whole():
    text = "Two or three boats and 3 to 5 million people came; the probe flew 60,000km at 70mph."
    nums = {n.text: (n.low, n.high, n.unit) for n in find_numbers("a", text, [(0, len(text))])}
    assert nums == {
        "Two or three": (2, 3, "boats"),
        "3 to 5 million": (3e6, 5e6, "people"),
        "60,000km": (60000, 60000, "km"),
        "70mph": (70, 70, "mph"),
    }


def test_model_names_and_street_numbers_are_labels_ages_take_their_qualifier():
    text = (
        "Owners of the Pixel 2 camera, drivers of a Formula 1 car and visitors at 1426 N. Quincy St. "
        "came. Only 20 people over the age of 18 stayed."
    )
    nums = {n.text: (n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])}
    assert nums == {"20": (20, 20), "over the age of 18": (18, None)}
    text = "Call 0800 0560154. The Group of 20 summit met. Rescuers dug 13m down; it cost $7m."
    nums = {n.text: (n.low, n.unit) for n in find_numbers("a", text, [(0, len(text))])}
    assert nums == {"13m": (13, "m"), "$7m": (7e6, "USD")}


def test_stated_date_beats_today():
    text = "The company said today, October 24, 2017, that it would cut jobs."
    dates = {d.text: d.value for d in find_dates("a", text, [(0, len(text))], "2017-10-26")}
    assert dates["today"] == "2017-10-24"


def test_weekday_tense_is_read_in_its_own_clause():
    text = "He said on Monday that the vote will be held on Friday."
    dates = {d.text: d.value for d in find_dates("a", text, [(0, len(text))], "2017-10-25")}
    assert dates["on Monday"] == "2017-10-23"  # past: it modifies "said"
    assert dates["on Friday"] == "2017-10-27"  # future: "will be held"


def test_pronoun_goes_to_the_last_person_who_was_a_subject():
    text = (
        "Justin Timberlake performed on a small platform. His band wore purple, and the crowd compared "
        "him with James Brown. “Let me see you put your cell phones up!” he hollered."
    )
    q = one(quotes_of(text), "cell phones")
    assert q.speaker == "Justin Timberlake"


def test_definite_organisation_noun_goes_to_the_organisation_named_before():
    text = "Goldman Sachs Group Inc reported its earnings on Tuesday. The company said profits rose sharply."
    q = one(quotes_of(text), "profits rose")
    assert q.speaker == "Goldman Sachs Group Inc"


def test_unattributed_quote_after_a_pronoun_led_sentence():
    text = (
        "Quentin Tarantino spoke to Deadline on Monday. He said they decided Thurman should drive the car. "
        '"I thought a straight road is a straight road and I did not need to check it again."'
    )
    q = one(quotes_of(text), "straight road")
    assert q.direct and q.speaker == "Quentin Tarantino"


def test_indefinite_role_and_named_role_are_not_resolved_to_someone_else():
    text = (
        "China's Hong Lei, a foreign ministry spokesman, spoke on Monday. "
        "“Putin is the main target,” said a Kremlin spokesman. "
        "Secretary of State Rex Tillerson flew to Tokyo. "
        "Japanese Minister of Defence Itsunori Onodera said the missile broke into three pieces."
    )
    found = quotes_of(text)
    assert one(found, "main target").speaker == "a Kremlin spokesman"
    assert one(found, "broke into three").speaker != "Rex Tillerson"


def test_participle_after_a_quote_is_no_inverted_tag():
    text = (
        'Bassem called the indictment a "political trial" saying Israel dug up old incidents to justify it.'
    )
    q = one(quotes_of(text), "political trial")
    assert q.speaker == "Bassem"
