"""Claims, round 26 (issue 11): a figure is corroborated only by reports that give it at least as
precisely (``text.numbers.implies``), and a sentence that only says what is unknown or that someone gave
no answer states nothing (``compare.text.is_statement``). Synthetic sentences written for these tests."""

from __future__ import annotations

from storyprism.compare import CompareOptions
from storyprism.compare.claims import build_claims, story_text
from storyprism.compare.text import is_statement
from storyprism.records import Article, Story
from storyprism.text.numbers import implies, read_quantities, tightened


def _q(text: str):  # type: ignore[no-untyped-def]
    return read_quantities(text)[0]


def test_a_precise_figure_implies_a_looser_one_not_the_reverse() -> None:
    assert implies(_q("four people"), _q("at least two people"))
    assert not implies(_q("at least two people"), _q("four people"))
    assert implies(_q("$148.9 billion"), _q("$149 billion"))  # rounding
    assert not implies(_q("$149 billion"), _q("$148.9 billion"))
    assert implies(_q("120 wounded"), _q("more than 100 wounded"))
    assert not implies(_q("100,000 troops"), _q("more than 100,000 troops"))
    assert implies(_q("five people"), _q("five people"))


def test_about_a_precise_figure_is_only_a_few_units_of_its_last_digit() -> None:
    some, exact = _q("some $146 billion"), _q("$148.9 billion")
    assert implies(exact, some)  # read loosely, "some $146 billion" is give or take 10 %
    assert not implies(tightened(exact), tightened(some))


def test_sentences_that_only_say_what_is_unknown_state_nothing() -> None:
    for text in [
        "It was unclear if other passengers were with her.",
        "It's not yet known how many people died in the fire.",
        "Nature Air did not immediately respond to HuffPost's requests for comment.",
        "A spokesman for the airline declined to comment on Monday.",
        "Representatives for the actress did not immediately return a request for comment.",
    ]:
        assert not is_statement(text, 6, 80), text
    for text in [
        "The six-year-old, whose condition remains unknown, fell into the well on Sunday morning.",
        "The airline declined to comment but said it was investigating the incident.",
        "Police did not respond to the shooting until 11pm, witnesses said.",
        "The zoo did not comment on the death in its statement, which praised its staff for acting quickly.",
    ]:
        assert is_statement(text, 6, 80), text


def _claims(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    arts = {aid: Article(id=aid, ref=f"{aid}.txt", title="Blast at the consulate", text=t, outlet=f"Paper {aid}",
                         published="2016-11-10") for aid, t in texts.items()}
    options = CompareOptions(embeddings=False)
    st = story_text(Story(id="s", title="Blast", articles=list(arts)), arts, {a: a for a in arts}, options)
    return build_claims(st, [], options)


def test_a_looser_report_corroborates_the_looser_wording_not_the_precise_one() -> None:
    claims = _claims({
        "a": "The head doctor of the provincial hospital said four people were killed and 120 wounded in the blast.",
        "b": "The head doctor of the provincial hospital said at least two people were killed and more than 100 "
             "wounded in the blast.",
    })
    both = [c for c in claims if len(c.articles) == 2]
    assert both, [c.text for c in claims]
    # the claim both state is the looser figure: four dead gives "at least two", not the other way round
    assert all("at least two" in c.text for c in both if c.independent_support == 2)
    assert not any("four people" in c.text and c.independent_support == 2 for c in claims)
