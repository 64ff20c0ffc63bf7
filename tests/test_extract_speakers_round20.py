"""Issue 12, round 20 (blind read i19a): who said what when the frame is unusual. A paper or an ad
speaks for the author or issuer named with it; signers named by a passive "was signed by" are the
letter's voice; an inverted "Added X," and a name before bracketed words give the speaker; a relative
pronoun the parse hung on the cue is not the holder; a relative clause with another holder's cue ends
the content; "is hoping to" and "recall" as resemble are no one's words. The texts are written for the
tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of


def test_a_study_by_a_named_author_is_the_authors() -> None:
    found = quotes_of(
        "A recent study of teenagers by Mary Stone, author of a book on sleep, found that heavy users "
        "sleep two hours less."
    )
    assert one(found, "two hours less").speaker == "Mary Stone"
    found = quotes_of("A recent study by Mary Stone found that heavy users sleep two hours less.")
    assert one(found, "two hours less").speaker == "Mary Stone"


def test_a_by_phrase_on_the_of_noun_is_not_the_papers_author() -> None:
    # the parse hangs "by" on "raids", not on "report": the rebels made the raids, not the report
    found = quotes_of("A report of raids by the Northern Front said that 30 people had died.")
    assert one(found, "30 people had died").speaker != "Northern Front"


def test_an_ad_speaks_for_the_body_that_released_it() -> None:
    text = (
        "The Green Farm Society released a rather gloomy ad showing a farmer in a field. The farmer says "
        'nothing. The ad concludes with text: "Eat more greens now, all of you."'
    )
    assert one(quotes_of(text), "Eat more greens").speaker == "Green Farm Society"


def test_a_letter_signed_by_a_list_is_its_signers_after_an_adverb() -> None:
    text = (
        "Several executives fired off a letter to the board on Monday. The joint letter, seen by The Daily "
        "Star, was signed by Ann Ray, Tom Bell and Joe Park. According to the letter, however, “the board "
        "has failed every woman in this industry for a decade.”"
    )
    assert one(quotes_of(text), "failed every woman").speaker == "Ann Ray, Tom Bell and Joe Park"


def test_an_inverted_added_names_the_speaker() -> None:
    text = (
        "The crew was tired. Added Tom Haynes, “Every scene that was on the ship was about geeking out. "
        "I think the pressure helped.”"
    )
    assert one(quotes_of(text), "geeking out").speaker == "Tom Haynes"
    text = "Said Ann Ruiz, who grew up with him, “He was a kind and patient man to everyone.”"
    assert one(quotes_of(text), "patient man").speaker == "Ann Ruiz"


def test_bracketed_words_after_a_name_in_a_list_are_that_persons() -> None:
    text = (
        'The remark drew anger from singers: Rose Ann ("Women have always stepped up, from the start"), '
        "Lily Fay and Joan Dee all condemned it."
    )
    assert one(quotes_of(text), "stepped up").speaker == "Rose Ann"
    # a bracketed title after a name is no one's words
    assert not any(q.speaker for q in quotes_of('Fans of Ann Lee ("The Best Song Of All Time Is Here") queued.'))


def test_the_holder_in_a_relative_clause_is_the_one_who_said_it() -> None:
    hit = one(quotes_of("The attacker, who police said held a knife, fled the scene."), "held a knife")
    assert hit.speaker == "police"
    assert hit.text.startswith("The attacker")


def test_content_ends_before_another_holders_relative_clause() -> None:
    text = (
        "A flight attendant wrongfully accused them of stealing blankets, which an assistant coach "
        "suggested happened because they are black."
    )
    hit = one(quotes_of(text), "stealing blankets")
    assert "coach" not in hit.text
    # a relative clause that ends inside the content stays there
    found = quotes_of("The mayor said the plan, which critics say will cost millions, would go ahead next year.")
    assert one(found, "go ahead").speaker == "mayor"


def test_narrated_hopes_and_resemblance_are_no_words() -> None:
    assert not quotes_of("Tom Hale, a biologist at the university, is hoping to test the drug on mice next year.")
    assert one(quotes_of("Tom Hale hopes that the drug will work on mice."), "drug will work").speaker == "Tom Hale"
    assert not quotes_of("The arms of the galaxy recall the pattern at the center of a sunflower.")
    assert quotes_of("The survivors recall the night of the fire.")
    found = quotes_of("Experts noted that the smoke rings in the sea may affect small creatures.")
    assert one(found, "smoke rings").speaker == "Experts"
