"""Issue 12, round 19 (blind read i19a): three kinds of record that are no one's words. A tracker or a
screenshot that "shows" something is an instrument or an image, not a speaker (data and figures stay
their compiler's source); "add" with a noun-phrase object of its
own (a score, a feature) puts something in and says nothing; a caption label before a colon
("Screenshot:", "Photo:") names a picture, not a speaker. The texts are written for the tests."""

from __future__ import annotations

from quote_helpers import one, quotes_of


def test_an_instrument_or_image_that_shows_is_no_speaker() -> None:
    for text, words in [
        (
            "The ferry left the harbour at dawn. A ship tracker shows the ferry turned back an hour later.",
            "ferry",
        ),
        (
            "The post vanished on Friday. A screenshot shows the company had deleted the post within an hour.",
            "deleted",
        ),
    ]:
        assert not any(words in q.text for q in quotes_of(text)), text


def test_a_report_that_shows_keeps_its_author_role() -> None:
    # a document with an author or issuer stays a source of what it shows; so do data a body compiled
    found = quotes_of("A new report shows the river is more polluted than it was a decade ago.")
    assert one(found, "more polluted").speaker is not None
    assert any("unemployment" in q.text for q in quotes_of("Official figures show unemployment rose to six percent."))


def test_add_with_a_noun_phrase_object_is_no_speech() -> None:
    text = (
        "The Hawks led 17-0 at the break. Moss added a 12-yard scoring run late in the third quarter and "
        "rookie Tom Lake made it 31-6 with a 20-yard touchdown catch in the fourth."
    )
    assert not any("31-6" in q.text for q in quotes_of(text))
    # "added that ..." still reports what was said
    found = quotes_of("Jones added that the team had played its best game of the year.")
    assert one(found, "best game").speaker == "Jones"


def test_a_caption_label_before_a_colon_is_no_speaker() -> None:
    text = "The shop sells fake watches.\nScreenshot: “fakeshop-online.com”\nThe owners did not reply."
    assert all(q.speaker is None for q in quotes_of(text) if "fakeshop" in q.text)
    text = "Photo: “The best day of my life”\nThe fans cheered loudly."
    assert all(q.speaker is None for q in quotes_of(text) if "best day" in q.text)
    # a name before a colon still speaks
    text = "Smith: “We will win this fight.”\nThe crowd cheered."
    assert one(quotes_of(text), "win this fight").speaker == "Smith"
