"""Issue 12, round 14b: deeds read as words (a call made to tell someone, a company's scheduled results,
a letter pointing at itself), a written source cited by a report, content cut by a misparse (a noun
phrase hung on the cue, "for a while", a day as the subject), a pronoun bound by the reporting subject and a plan's terms held by its proposers. Real spaCy, no mocks; the texts
are written for the tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of


def test_call_made_to_tell_someone_is_no_statement() -> None:
    text = (
        "Peter Novak, who was driving to the office, called his sister, Anna, after the crash to tell her "
        "a wheel was lying on the road."
    )
    found = quotes_of(text)
    assert not any(q.cue == "call" for q in found), [(q.text, q.cue) for q in found]
    assert one(found, "wheel was lying").speaker == "Peter Novak"


def test_call_that_names_stays() -> None:
    found = quotes_of("The senator called the tax plan a disaster on Tuesday.")
    assert any(q.cue == "call" and "disaster" in q.text for q in found)


def test_scheduled_results_are_no_statement_but_a_figure_is() -> None:
    assert not any(q.cue == "report" for q in quotes_of("The lender reports earnings in mid-January."))
    assert one(quotes_of("The firm reported a loss of $2 billion for the quarter."), "loss").cue == "report"


def test_letter_pointing_at_itself_is_no_content() -> None:
    found = quotes_of("It is with a heavy heart that I write this note in the last hours of the year.")
    assert not any(q.cue == "write" for q in found), [(q.text, q.cue) for q in found]


def test_report_citing_documents_gives_them_as_source() -> None:
    text = "Several ships broke the embargo at sea, the agency reported, citing United Nations documents."
    found = quotes_of(text)
    q = one(found, "ships broke the embargo")
    assert q.via == "agency" and "documents" in (q.speaker or "")
    assert not any(q.cue == "cite" for q in found)


def test_noun_phrase_hung_on_the_cue_stays_in_the_content() -> None:
    text = (
        "(The group promises to release a full list of companies and the people linked to them in "
        '"early May.")'
    )
    q = one(quotes_of(text), "full list")
    assert "the people linked to them" in q.text and q.text.count('"') % 2 == 0


def test_for_a_while_is_not_a_dangling_conjunction() -> None:
    text = "The engineer is also the head of the firm, and predicts the cargo will stay in deep space for a while."
    assert one(quotes_of(text), "cargo will stay").text.endswith("for a while")


def test_day_as_subject_opens_the_content() -> None:
    text = "According to the website, Monday will see the biggest full moon of the year."
    assert one(quotes_of(text), "biggest full moon").text.startswith("Monday will see")


def test_pronoun_bound_by_the_reporting_subject_holds_the_belief() -> None:
    q = one(quotes_of("Tram crash: investigators say they believe the tram was going too fast."), "too fast")
    assert q.speaker == "investigators" and q.via is None


def test_plan_terms_belong_to_who_proposed_it() -> None:
    text = "The two neighbours proposed a plan that calls for a halt to the drills."
    q = next(q for q in quotes_of(text) if q.cue == "call")
    assert q.speaker == "two neighbours"
