"""Issue 12, round 24 (blind read i22a): who said what. A thing that "threatens to" or "promises to" says
nothing; "referred questions to" and a scoring play after "blasted"/"slammed" hold no stance; a document
named by its issuer inside the phrase speaks for the issuer; a speaking "it" agrees in number with a
singular body subject. The texts are written for the tests; the real spaCy parse reads them."""

from __future__ import annotations

from quote_helpers import one, quotes_of
from storyprism.extract.thing_holders import names_someone


def test_a_thing_that_threatens_or_promises_says_nothing() -> None:
    for text, words in [
        ("Rescuers have dug down the metal shaft, which threatens to collapse at any moment.", "collapse"),
        ("The firm is building a large rocket that promises to give its rival a run for its money.", "rival"),
        ("The city is part of a huge bribery probe that has threatened to topple the government.", "topple"),
    ]:
        assert not any(words in q.text for q in quotes_of(text)), text


def test_people_and_bodies_still_threaten_and_promise() -> None:
    for text, speaker in [
        ("The union threatens to strike next week.", "union"),
        ("Protesters threatened to block the road.", "Protesters"),
        ("The company promised to refund every customer.", "company"),
        # a measure a body wrote holds its authors' pledge
        ("The new emissions rules promise to transform the economy.", "new emissions rules"),
    ]:
        q = one(quotes_of(text), "to ")
        assert q.speaker == speaker, (text, q.speaker)
    assert names_someone("farmers") and names_someone("regime") and not names_someone("shaft")


def test_referring_questions_on_holds_no_stance() -> None:
    text = "The agency referred questions to the military, which did not immediately respond to requests for comment."
    assert not any("the military" in q.text for q in quotes_of(text))
    text = "The spokesman referred to the army, which he said had acted lawfully."
    assert any("the army" in q.text for q in quotes_of(text))


def test_a_scoring_play_is_no_stance() -> None:
    for text, words in [
        ("In the eighth, Davis blasted a two-run homer off the closer to tie the game.", "homer"),
        ("Curry slammed a three-pointer at the buzzer.", "three-pointer"),
        ("The coach quit after his team were hammered 30-10 by the Chargers.", "his team"),
    ]:
        assert not any(words in q.text for q in quotes_of(text)), text
    found = quotes_of("The minister slammed the goal of net zero by 2030.")
    assert one(found, "the goal").kind == "topic"


def test_a_document_named_by_its_issuer_speaks_for_it() -> None:
    for text, needle, speaker in [
        (
            'A White House statement after the call said the two leaders "agreed on the threat".',
            "agreed",
            "White House",
        ),
        (
            "The Cincinnati fire department incident report stated that the animal was dragging the child.",
            "dragging",
            "Cincinnati fire department",
        ),
        ("Apple will ship fewer phones, a KGI Securities note said on Monday.", "fewer", "KGI Securities"),
    ]:
        assert one(quotes_of(text), needle).speaker == speaker, text
    # a platform's post is the poster's, and a date only says when
    assert one(quotes_of("A Facebook post said the shop would close."), "shop").speaker != "Facebook"


def test_speaking_it_agrees_in_number_with_a_singular_body() -> None:
    text = (
        "The lab was launched in 2011. But in 2016, Chinese officials confirmed they had lost control of the "
        "station. China's space agency has since notified the UN that it expects the station to come down in April."
    )
    assert one(quotes_of(text), "come down").speaker == "China's space agency"
    text = (
        "Repeated warnings have suggested that the space agency has lost control of its station. But it has "
        "told the public that it knows exactly what is going on."
    )
    assert one(quotes_of(text), "knows exactly").speaker == "space agency"
    text = (
        "The North's state media quoted the head of the agency as saying the country is doing well. It said "
        "scientists were pushing forward."
    )
    assert one(quotes_of(text), "pushing forward").speaker == "North's state media"


_POSTED = (
    "It seems the billionaire Ada Vance likes a challenge. She has now announced she wants to send her car too.\n"
    "The rocket firm's frontwoman revealed her plans late Friday, saying the first payload for the new Condor "
    "Heavy Rocket will be her own car.\n"
    "The tech-giant also said that the car will “stay in deep space for a billion years or so if it does not "
    "blow up on ascent.”\n"
    "Payload will be my old red roadster. Will stay in deep space for a billion years or so if it does not "
    "blow up on ascent. — Ada Vance (@adavance) December 2, 2017"
)


def test_words_an_embedded_post_prints_are_its_authors() -> None:
    assert one(quotes_of(_POSTED), "billion years").speaker == "Ada Vance"
    # a speaker the text names beside the words keeps them
    named = _POSTED.replace("The tech-giant also said", "Her rival Tom Brill also said")
    assert one(quotes_of(named), "billion years").speaker == "Tom Brill"


def test_a_described_subject_is_the_person_described_so() -> None:
    text = (
        "Comedian Ada Lane announced on Monday that she and her boyfriend, actor Tom Brill, had split. "
        "The comedian said the two had simply grown apart over the years."
    )
    assert one(quotes_of(text), "grown apart").speaker == "Ada Lane"
