"""Issue 12, round eleven: wire datelines are never the speaker, a pronoun is resolved or left without a
name, transcript labels and collective nouns (real spaCy, no mocks; texts written for the tests)."""

from __future__ import annotations

import pytest

from quote_helpers import one, quotes_of
from storyprism.extract.speaker_cleanup import transcript_label
from storyprism.extract.subjects import dateline_end


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        (
            "A boat sank near the harbour. (Harbour Authority via AP) ( /Associated Press)\n\n"
            "PORT ELLIS, Marovia — Marovian inspectors said Tuesday that high waves most likely caused "
            "the ferry to capsize near the pier.",
            "high waves",
            "Marovian inspectors",
        ),
        (
            "Wire | Updated: 2019-03-02 10:15\n\nVELDORA -- Estavia firmly denounced the rocket test carried "
            "out by its neighbour, warning that it would inflame the border dispute.",
            "rocket test",
            "Estavia",
        ),
        (
            "NORTH HAVEN — Brightwell Bank, pointing to a new levy on deposits, expects a $2 billion charge "
            "against its earnings this quarter.",
            "a new levy",
            "Brightwell Bank",
        ),
        (
            "KESTON, East Reach — Norland’s army says a young farmer may spend a decade in jail if convicted.",
            "a young farmer may",
            "Norland’s army",
        ),
    ],
)
def test_a_wire_dateline_is_never_the_speaker(text: str, needle: str, speaker: str) -> None:
    q = one(quotes_of(text), needle)
    assert q.speaker == speaker


def test_dateline_end_finds_the_dash_after_the_place_and_region() -> None:
    text = "Intro line.\nPORT ELLIS, Marovia (Wire) — Inspectors said it."
    start = text.index("PORT")
    assert dateline_end(text, start) == text.index("Inspectors")
    assert dateline_end(text, text.index("Inspectors")) is None  # past the dash: the sentence proper
    assert dateline_end("SHAPIRO: We asked.", 0) is None  # a colon ends a transcript label, no dateline


def test_unresolved_pronoun_is_left_without_a_speaker_name() -> None:
    q = one(quotes_of("As I have argued before, waste is a slow poison that cripples public budgets."), "waste")
    assert q.speaker is None
    assert q.speaker_span is not None  # the phrase found stays as evidence


def test_they_after_a_background_clause_continues_the_main_subject() -> None:
    text = (
        "Officials said on Monday that they were still working to confirm the names of the hikers who died "
        "when the bridge gave way. They said the park service had handed over a list of permits."
    )
    q = one(quotes_of(text), "list of permits")
    assert q.speaker == "Officials"


def test_they_after_a_collective_noun_is_that_group() -> None:
    text = (
        "A family in Millbrook said three of the victims were cousins on holiday. They identified them as "
        "Dara Wexler, Ilan Wexler and Noa Brill."
    )
    q = one(quotes_of(text), "Dara Wexler")
    assert q.speaker == "A family"


def test_first_person_on_a_transcript_line_is_its_labelled_speaker() -> None:
    text = (
        "We are joined by Mara Quill, a reporter in Vella.\n\n"
        "QUILL: We hear that more than forty people were hurt in the blast.\n\n"
        "BRANDT: I believe the governor has said that the depot was full of fuel."
    )
    found = quotes_of(text)
    assert one(found, "forty people").speaker == "Mara Quill"  # the label's surname, named in full before
    assert one(found, "the governor has said").speaker == "Brandt"
    assert transcript_label(text, text.index("I believe")) == (
        text.index("BRANDT"),
        text.index("BRANDT") + len("BRANDT"),
    )


def test_a_speaker_phrase_never_runs_across_a_sentence_end() -> None:
    text = (
        "The storm dumped a record snowfall on the town.\n\n"
        'Carlow has declared a snow emergency, citing "dangerous and impassable" roads. Officials urged '
        "people to stay at home."
    )
    for q in quotes_of(text):
        assert q.speaker is None or "roads" not in q.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "\u201cTest rockets usually carry steel blocks,\u201d Mark Fenn, chief executive of Orbitex and Velo, said Friday.",
            "Mark Fenn",
        ),
        ('"All my thoughts are with the families," Marchetti, former mayor of Vella, wrote.', "Marchetti"),
        (
            "It was \u201carranged by the Red Cross. The talks will go on,\u201d the spokesman, Idris Bako Lawal, "
            "said on Twitter.",
            "Idris Bako Lawal",
        ),
    ],
)
def test_an_appositive_is_never_part_of_the_speaker(text: str, speaker: str) -> None:
    (q,) = [q for q in quotes_of(text) if q.direct]
    assert q.speaker == speaker


def test_a_statement_coordinated_after_another_is_not_relayed_by_it() -> None:
    text = (
        "Seven in 10 Norland primary voters said Vance is honest and trustworthy, and two-thirds said she has "
        "the right temperament."
    )
    found = quotes_of(text)
    first = one(found, "Vance is honest")
    assert first.speaker is not None
    assert "two-thirds" not in first.text  # its words end before the second statement
    second = one(found, "the right temperament")
    assert second.speaker == "two-thirds" and second.via is None


def test_a_headline_label_that_is_a_surname_named_later_is_that_person() -> None:
    text = (
        "Marsh: No outside pressure on the port inquiry.\n\n"
        "VELLA (Wire) — Harbour minister Elena Marsh said Tuesday she would accept the findings."
    )
    q = one(quotes_of(text), "No outside pressure")
    assert q.speaker == "Elena Marsh"


def test_names_in_a_list_all_stay_the_speaker() -> None:
    q = one(quotes_of("Norland, Estavia and the Vell Republic said the launch was a provocation."), "provocation")
    assert q.speaker is not None and "Estavia" in q.speaker and "Norland" in q.speaker


def test_a_that_clause_hung_on_a_noun_after_the_cue_is_what_was_said() -> None:
    text = (
        "Marlow said late on Friday during a news conference that she may hold off until the autumn congress "
        "to choose a running mate."
    )
    q = one(quotes_of(text), "she may hold off")
    assert q.speaker == "Marlow"
    assert q.text.startswith("she may hold off") and "Friday" not in q.text


@pytest.mark.parametrize(
    "text", ["The mayor said earlier on Friday during the visit.", "The minister said on Monday."]
)
def test_a_time_after_a_cue_is_never_what_was_said(text: str) -> None:
    assert [q.text for q in quotes_of(text)] == []


# --- round 2: a stamp that lags its story -----------------------------------------------------------


def _dates(text: str, published: str) -> dict[str, list[str | None]]:
    from storyprism.extract.dates import find_dates

    out: dict[str, list[str | None]] = {}
    for d in find_dates("a", text, [(0, len(text))], published):
        out.setdefault(d.text, []).append(d.value)
    return out


def test_the_day_after_the_stamp_stated_as_a_date_puts_its_weekday_after_the_stamp() -> None:
    text = "The probe was launched on March 4, 2018. Officials on Sunday declared the flight a success."
    got = _dates(text, "2018-03-03")  # a Saturday
    assert got["on Sunday"] == ["2018-03-04"]
    # the next day only as a plan says nothing of the stamp: the past Sunday stays six days back
    plan = "The probe will be launched on March 4, 2018. Officials on Sunday declared the test a success."
    assert _dates(plan, "2018-03-03")["on Sunday"] == ["2018-02-25"]


def test_the_stamp_weekday_told_as_past_puts_the_next_weekday_after_the_stamp() -> None:
    text = (
        "On Saturday, the ministry condemned the drill in a statement. On Sunday, two bombers flew "
        "over the strait in a show of force."
    )
    assert _dates(text, "2018-03-03")["Sunday"] == ["2018-03-04"]


@pytest.mark.parametrize(
    "text",
    [
        # no sign the stamp lags: the past Sunday six days back stays
        "Two bombers flew over the strait on Sunday in a show of force.",
        # the stamp's weekday only as a plan: still no lag
        "The ministry will meet on Saturday. Two bombers crossed the strait on Sunday.",
        # "last Sunday" says which one
        "On Saturday, the ministry condemned the drill. Bombers flew over the strait last Sunday.",
    ],
)
def test_without_a_lagging_stamp_a_past_weekday_stays_before_it(text: str) -> None:
    got = _dates(text, "2018-03-03")
    key = next(k for k in got if "Sunday" in k)
    assert got[key] == ["2018-02-25"]


# --- round 2: the speaker's appositive after an inverted tag ----------------------------------------


def test_a_speakers_appositive_misread_as_a_clause_is_not_what_was_said() -> None:
    text = (
        'The rings are cut in half by the surface, researchers said." What we found was a pair of eddies '
        "spinning in opposite directions and linked to each other so that they travel together across the "
        'sea, taking six months to do it," said Hughes, lead author of the study published in the journal '
        'Ocean Letters." Eddies head west, but paired they move east," said Hughes.'
    )
    q = one(quotes_of(text), "What we found")
    assert "lead author" not in q.text and q.text.endswith("to do it")


def test_words_after_an_inverted_tag_in_marks_still_count() -> None:
    text = '"We won the vote," said Mayor Ruiz, "and we will win the next one too."'
    found = quotes_of(text)
    assert any("next one" in q.text for q in found)


# --- round 2: noun phrases the parser misread as a clause -------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "But Norland has firmly opposed placing the radar system in Estavia, arguing that it would "
            "make tensions worse by giving the alliance another means to track its rockets.",
            "oppose",
        ),
        (
            "But Reyes also described a harrowing episode on location in Peru in which the director "
            "ignored her expressed fears of driving a truck that she had been warned might be faulty.",
            "describe",
        ),
    ],
)
def test_a_misread_noun_phrase_is_not_the_cues_clause(text: str, cue: str) -> None:
    from storyprism.extract.attribution import clause_attributions
    from storyprism.extract.nlp import analyse

    _, parse = analyse([text])[0]
    assert parse is not None
    assert not [a for a in clause_attributions(parse, text) if a.lemma == cue]


def test_a_clause_with_its_subject_hung_on_the_cue_still_counts() -> None:
    text = "Coach Vale said he and his captain would leave the club together after the final."
    q = one(quotes_of(text), "leave the club")
    assert q.speaker is not None and "Vale" in q.speaker
