"""Issue 10, eleventh round: the agency that wrote a text is its origin, not the feed that relayed it;
a site's search page reports nothing; a time's possessive is no issuer; an interview given to the
article's own outlet is its reporting; an agency tag on a page's date line. Invented copy only: the
signals are conventions of the trade."""

from __future__ import annotations

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse import off_topic_articles, trace_origins
from storyprism.reuse.credits import announcements, article_signals, carried_only, wire_signals
from storyprism.reuse.text import split_sentences
from storyprism.reuse.topic import search_page

LINES = [
    "Investigators are looking into what caused a cargo ferry to run aground off the northern cape.",
    "Officials said they were still trying to reach the owners of the vessel on Sunday evening.",
    "The ferry had left the harbour shortly after dawn in calm weather.",
    "A coastguard helicopter lifted the nine crew members to safety within an hour.",
    "Fuel was seen leaking from the hull late in the afternoon.",
    "The harbour master described the captain as very experienced.",
]
SIGNED = "\n".join([*LINES, "Copyright 2019 The Associated Press. All rights reserved."])


def art(aid: str, text: str, url: str, published: str = "2019-03-03T18:00:00") -> Article:
    host = url.split("/")[2].removeprefix("www.")
    return Article(id=aid, ref=aid, title="Ferry runs aground off the cape", text=text, raw_text=text,
                   outlet=host, url=url, published=published)


def shared(source: str, copy: str, kind: str = "shared-source") -> Reuse:
    pairs = [Alignment(source_sentence=s, copy_sentence=s, similarity=1.0, source_index=i, copy_index=i)
             for i, s in enumerate(LINES)]
    return Reuse(source=source, copy=copy, kind=kind, coverage=0.6, score=0.5, alignments=pairs)


def test_a_feed_page_carrying_another_agencys_text_rests_on_the_agency_that_wrote_it():
    signed = art("signed", SIGNED, "https://www.examplepost.com/world/ferry-aground.html")
    feed = art("feed", "\n".join(LINES), "https://www.examplemail.co.uk/wires/pa/article-1/ferry.html",
               "2019-03-03T19:00:00")
    assert carried_only(article_signals(feed.text, feed.url, feed.outlet, split_sentences(feed.text)))
    assert not carried_only(article_signals(signed.text, signed.url, signed.outlet, split_sentences(signed.text)))
    t = trace_origins([signed, feed], [shared("signed", "feed")])
    assert t["signed"].origin == "wire:AP"
    # the PA feed relayed it; AP wrote it: one origin, with the reason on the article
    assert t["feed"].origin == "wire:AP" and t["feed"].kind == "edited"
    assert any("feed relays AP" in e for e in t["feed"].evidence)
    # without shared narrative the feed's own agency stays the origin
    alone = trace_origins([signed, feed], [])
    assert alone["feed"].origin == "wire:PA"


def test_two_signed_agencies_sharing_text_keep_their_own_marks():
    # both pages carry an agency's own mark (copyright line, dateline): no feed to look past
    other = art("other", "LONDON (Reuters) - " + "\n".join(LINES), "https://www.examplemail.co.uk/wires/reuters/a.html")
    signed = art("signed", SIGNED, "https://www.examplepost.com/world/ferry-aground.html")
    t = trace_origins([signed, other], [shared("signed", "other")])
    assert t["other"].origin == "wire:Reuters"


def test_a_search_results_page_is_no_article():
    assert search_page("https://www.example.org/templates/search/index.php?searchinput=ferry+aground")
    assert search_page("https://example.com/search?q=ferry")
    assert not search_page("https://example.com/news/search-and-rescue-ends?ref=home")  # a slug, not a page
    assert not search_page("https://example.com/search/")  # no query: nothing searched for
    page = art("page", "Teasers of old stories about winter sports and a doping scandal far from any ferry.",
               "https://www.example.org/templates/search/index.php?searchinput=ferry")
    assert "search results page" in off_topic_articles([page], use_embeddings=False)["page"]


def test_a_months_possessive_names_no_issuer():
    found = announcements(["Executives outlined the plan after September's announcement of the breach."])
    assert not any(name.startswith("September") for name in found)
    assert "Acme" in announcements(["Acme announced a recall of the heaters on Monday."])


def test_an_interview_given_to_the_articles_own_outlet_is_its_reporting():
    text = ("The mayor used a speech and an interview with The Harbour Times to defend the budget. "
            "In the interview with The Harbour Times, published on Thursday, she said the port would reopen.")
    sig = article_signals(text, "https://www.harbourtimes.com/2019/03/03/budget.html", "harbourtimes.com",
                          split_sentences(text))
    assert len(sig.own_reporting) == 2 and not sig.credits
    # the same interview printed by another outlet credits The Harbour Times
    other = article_signals(text, "https://www.coastpost.com/budget.html", "coastpost.com", split_sentences(text))
    assert {c.name for c in other.credits} >= {"The Harbour Times"}


def test_an_agency_tag_on_the_pages_date_line_is_a_wire_mark():
    wire, evidence, _ = wire_signals("Ferry runs aground Updated: 2019-03-03 06:50 (Xinhua)\nPARIS - A ferry ran aground.",
                                     "https://europe.example.com.cn/world/1.htm")
    assert wire == "Xinhua" and "date line" in evidence[0]
    # a time stamp alone names nobody
    assert wire_signals("Ferry runs aground Updated: 2019-03-03 06:50\nA ferry ran aground.", None)[0] is None


def test_a_relay_whose_quotes_are_given_to_it_rests_on_the_disclosure():
    # the organisation discloses; each desk relays it, quoting only what "it" added (its statement)
    lead = "Acme Credit has disclosed that the records of 15 million customers were copied by intruders."
    one = art("one", " ".join([
        lead, "The breach was found during a review of old files in October.",
        "It added: \u201cWe will need to contact every affected customer by post.\u201d",
        "Customers were advised to watch their accounts for unusual activity."]),
        "https://www.examplesun.co.uk/money/acme-breach.html")
    two = art("two", " ".join([
        "Acme Credit admitted on Tuesday that intruders had copied millions of customer records.",
        "The company said the files dated from an old system that was retired last year.",
        "The firm said: \u201cWe are deeply sorry and have informed the regulator.\u201d"]),
        "https://www.examplepost.com/business/acme-breach.html")
    t = trace_origins([one, two], [])
    assert t["one"].origin == t["two"].origin == "release:Acme Credit"
    # someone else quoted is a source of the desk's own: no relay
    three = art("three", two.text + " \u201cThis is a serious failure,\u201d said Jane Roe, a consumer lawyer.",
                "https://www.examplepost.com/business/acme-breach-2.html")
    assert trace_origins([three], [])["three"].origin == "three"
