"""Claim support, round 10 (compare/claims.py): a network's news arm credited by the network's name,
and quoted words one article credits to an outlet's report count with that outlet wherever printed.

Synthetic texts written for these tests; the real encoder runs (as in test_compare_support.py)."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.compare.claims import _interview_quotations, _network_keys, _outside_origin, story_text
from storyprism.records import AnalysisData, Article, Claim, Extraction, Story, Storyline


def _claims(*articles: tuple[str, str, str]) -> list[Claim]:
    """Claims of one story whose articles (id, outlet domain, text) are each their own origin."""
    arts = [
        Article(id=aid, ref=aid, title="Harbour dispute", text=text, outlet=outlet, url=f"https://www.{outlet}/story",
                published=f"2024-05-0{k + 1}T10:00:00")
        for k, (aid, outlet, text) in enumerate(articles)
    ]
    ids = [a.id for a in arts]
    data = AnalysisData(
        articles=arts,
        stories=[Story(id="s", title="Harbour dispute", articles=ids, storyline="l")],
        storylines=[Storyline(id="l", title="Harbour", stories=["s"])],
        origins={a: a for a in ids},
        extraction=Extraction(),
    )
    return compare_stories(data, CompareOptions()).claims


def _about(claims: list[Claim], word: str) -> Claim:
    found = [c for c in claims if word in c.text]
    assert len(found) == 1, [(c.text, c.articles) for c in claims]
    return found[0]


def test_network_keys_name_the_network_of_a_news_domain():
    arts = {
        "a": Article(id="a", ref="a", title="t", text="x", outlet="nbcnews.com", url="https://www.nbcnews.com/s"),
        "b": Article(id="b", ref="b", title="t", text="x", outlet="washingtonpost.com", url="https://www.washingtonpost.com/s"),
    }
    st = story_text(Story(id="s", title="t", articles=["a", "b"]), arts, {"a": "a", "b": "b"}, CompareOptions())
    # "told NBC" in the Post names the story's own NBC article, not an outside outlet
    assert _outside_origin(st, "b", "NBC") == "a"
    assert _outside_origin(st, "b", "CBS") == "outlet:CBS"
    assert "nbc" in _network_keys({"nbcnews", "nbcnewscom"})
    assert "sky" in _network_keys({"skynews"})
    # a bare or very short "...news" key names no network
    assert _network_keys({"news", "usnews"}) == {"news", "usnews"}


def test_a_quote_credited_to_the_network_is_the_story_own_network_article():
    claims = _claims(
        ("a", "nbcnews.com",
         "The harbour survey found a crack along the northern pier.\n"
         "\u201cThese readings, if they are confirmed, look remarkable indeed,\u201d Dr. Jane Okafor, a geologist "
         "at Lakeside University, told NBC News in an email.\nRepairs could take a year."),
        ("b", "washingtonpost.com",
         "Engineers closed the northern pier on Tuesday.\n"
         "\u201cThese readings, if they are confirmed, look remarkable indeed,\u201d Jane Okafor, a geologist at "
         "Lakeside University, told NBC.\nFerries will dock elsewhere."),
    )
    quote = _about(claims, "remarkable")
    assert set(quote.articles) == {"a", "b"}
    # the Post relays NBC's interview: one origin, not two, and it is the story's NBC article (not an
    # outside "outlet:NBC")
    assert quote.independent_support == 1 and quote.origins == ["a"], quote.origins


def test_words_an_agency_got_by_telephone_are_its_own_in_an_uncredited_copy():
    claims = _claims(
        ("a", "bbc.com",
         "A rebel spokesman said the fighters had been sent \"to take the harbour and hold it until the talks "
         "begin,\" Reuters reported.\nThe port authority has not commented."),
        ("b", "theguardian.com",
         "The rebel spokesman said by telephone that the fighters had been sent \u201cto take the harbour and hold "
         "it until the talks begin\u201d.\nShipping was halted for the day."),
    )
    quote = _about(claims, "talks begin")
    assert set(quote.articles) == {"a", "b"}
    assert quote.independent_support == 1, quote.origins


def test_a_written_statement_printed_by_two_outlets_stays_two_reports_that_it_was_said():
    claims = _claims(
        ("a", "bbc.com",
         "\u201cWe will reopen the harbour crossing on Monday morning after the inspection,\u201d the ministry said "
         "in a statement, Reuters reported.\nThe port authority has not commented."),
        ("b", "theguardian.com",
         "\u201cWe will reopen the harbour crossing on Monday morning after the inspection,\u201d the ministry said "
         "in a statement.\nShipping was halted for the day."),
    )
    statement = _about(claims, "reopen")
    assert statement.independent_support == 2, statement.origins
    assert _interview_quotations("\u201cWe will reopen the harbour crossing on Monday,\u201d the ministry said in a statement.") == []
    assert _interview_quotations("\u201cWe will reopen the harbour crossing on Monday,\u201d the minister told reporters.")
