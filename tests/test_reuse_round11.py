"""Issue 10, eleventh round: the agency that wrote a text is its origin, not the feed that relayed it;
a site's search page reports nothing; a time's possessive is no issuer; an interview given to the
article's own outlet is its reporting; an agency tag on a page's date line. Invented copy only: the
signals are conventions of the trade. Round 3 of origins: a roundup of past happenings under one
item's headline is counted nowhere."""

from __future__ import annotations

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse import off_topic_articles, trace_origins
from storyprism.reuse.credits import announcements, article_signals, carried_only, wire_signals
from storyprism.reuse.text import split_sentences
from storyprism.reuse.topic import roundup_of_past, search_page

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


# ----------------------------------------------------------------------------- round 11b (origins 2)


def test_a_said_lead_with_a_statement_and_only_the_companys_people_quoted_relays_the_statement():
    # two desks build their stories on the company's statement: a "said" lead, "in a statement", and
    # quotes given only to the statement, a company role or a person the article ties to the company
    one = art("one", " ".join([
        "Acme Credit said on Thursday that intruders may have copied the files of 90 million customers.",
        "The company, which keeps records for lenders, said in a statement it found the intrusion in July.",
        "'Criminals exploited a flaw in one of our web tools,' the statement said.",
        "'We are sorry for the worry this causes,' said company chairman and chief executive John Mills.",
        "Shares of the company fell five per cent after the close, Market Daily noted.",
    ]), "https://www.examplemail.co.uk/news/acme-breach.html")
    two = art("two", " ".join([
        "More customers were exposed in the breach than first thought, Acme Credit said on Monday.",
        "The new figure came from a review by an outside firm, according to a company statement.",
        "John Mills, who stepped down last week as Acme Credit\u2019s chief executive, testifies on Tuesday.",
        "\u201cWe let our customers down,\u201d Mr. Mills said in prepared remarks released on Monday.",
    ]), "https://www.examplepost.com/business/acme-more-customers.html", "2019-03-05T18:00:00")
    t = trace_origins([one, two], [])
    assert t["one"].origin == t["two"].origin == "release:Acme Credit"
    assert t["one"].kind == "rewrite" and "announcement" in t["one"].evidence[-1]
    # an analyst quoted in single marks (British style) is a source of the desk's own: no relay
    three = art("three", one.text + " 'This is a very serious failure,' said Jane Roe, an analyst at Fenwick.",
                "https://www.examplemail.co.uk/news/acme-breach-2.html")
    assert trace_origins([three], [])["three"].origin == "three"
    # another party's statement quoted is another source
    union = art("union", one.text + " 'Our members were never told,' the staff union's statement said.",
                "https://www.examplemail.co.uk/news/acme-breach-3.html")
    assert trace_origins([union], [])["union"].origin == "union"
    # a "said" lead without any statement named is ordinary reporting (a spokesman spoke to the desk)
    four = art("four", " ".join([
        "Acme Credit said on Thursday that intruders may have copied the files of 90 million customers.",
        "\u201cWe are working around the clock,\u201d the company said.",
    ]), "https://www.examplepost.com/business/acme-4.html")
    assert trace_origins([four], [])["four"].origin == "four"


def test_a_byline_crediting_unnamed_agencies_is_no_piece_of_the_newsroom():
    from storyprism.reuse.credits import unnamed_agency
    from storyprism.reuse.lineage import newsroom_pieces, relays_another_outlet

    head = "Ferry runs aground Updated: 2019-03-03 13:14 By Agencies(Example Daily USA)\n"
    assert unnamed_agency(head + "\n".join(LINES)) is not None
    assert unnamed_agency("Ferry runs aground Updated: 2019-03-03 06:50 (Agencies)\nA ferry ran aground.")
    assert unnamed_agency("\n".join([*LINES, "\u2014 Agencies"])) is not None
    # a photo credit or agency help on an own story names the picture's or the help's source only
    assert unnamed_agency("\n".join([*LINES, "A ferry on the rocks. [Photo/Agencies]"])) is None
    assert unnamed_agency("\n".join([*LINES, "Additional reporting from agencies"])) is None
    compiled = art("compiled", head + "\n".join(LINES), "https://usa.exampledaily.com.cn/epaper/1.htm")
    own = art("own", "\n".join(LINES[:3]), "https://www.exampledaily.com.cn/world/2.htm", "2019-03-20T08:00:00")
    sig = article_signals(compiled.text, compiled.url, compiled.outlet, split_sentences(compiled.text), compiled.raw_text)
    assert sig.unnamed_agency and relays_another_outlet(sig)
    kinds = {"compiled": "self", "own": "self"}
    assert newsroom_pieces([["compiled", "own"]], [compiled, own], kinds) == {}
    # kept as its own origin, with the reason recorded, never a guess at the agency
    t = trace_origins([compiled], [])["compiled"]
    assert t.origin == "compiled" and any("agency not named" in p for p in t.problems)


def test_a_name_in_apposition_with_a_media_noun_is_an_outlet():
    from storyprism.reuse.credits import STORY_CUES, find_credits

    def names(sentence: str) -> list[tuple[str, str]]:
        return [(c.name, c.cue) for c in find_credits([sentence], {"examplepost"})[0]]

    found = names("Citing officials, the Harbin news agency reports that the tanker was seized.")
    assert [n for n, _ in found] == ["Harbin"] and found[0][1] not in STORY_CUES
    assert [n for n, _ in names("On Tuesday, the regional newspaper Dalton Ilbo claimed the ships met at sea.")] == [
        "Dalton Ilbo"]
    assert [n for n, _ in names("It emerged after Korea's Dalton Ilbo newspaper said so.")] == ["Dalton Ilbo"]
    assert names("The newspaper said the tanker was seized.") == []
    # a block quotation introduced by an agency alone: "From Yonhap:"
    assert names("From Yonhap:\n\u201cThe ship was chartered by a trading firm.\u201d") == [("Yonhap", "via")]
    assert names("From Monday, the port will be closed.") == []
    # named twice (the report, then its block quote), the agency is the article's source
    text = " ".join([
        "South Korea has seized a tanker suspected of moving fuel at sea, local media report.",
        "The transfer broke a resolution adopted in September.",
        "The seizure took place in November, officials said.",
        "Citing officials, the Yonhap news agency reports that the tanker moved 600 tons of fuel.",
    ]) + "\nFrom Yonhap:\n\u201cThe ship was chartered by a trading firm and visited the port twice.\u201d"
    a = art("relay", text, "https://www.examplepost.com/sections/world/tanker.html")
    assert trace_origins([a], [])["relay"].origin == "wire:Yonhap"


# round 3: a roundup of past happenings
_COUPLES = [
    ("Anna Brook", "Carl Dune", "January 2015"), ("Eve Frost", "Gil Hart", "March 2015"),
    ("Ida Jones", "Kai Lund", "May 2015"), ("Lea Moss", "Ned Oak", "July 2015"),
    ("Oli Park", "Pia Quin", "September 2015"), ("Ray Stone", "Sue Tate", "November 2015"),
    ("Uma Vale", "Wes York", "February 2016"), ("Zoe Ash", "Abe Bell", "April 2016"),
    ("Cy Dale", "Di Ellis", "June 2016"), ("Flo Gray", "Hal Ives", "August 2016"),
    ("Ivy Judd", "Jon Kerr", "October 2016"), ("Kim Lowe", "Lou Mann", "December 2016"),
]


def _art(aid: str, title: str, text: str, published: str = "2018-02-06T10:00:00", inferred: bool = False) -> Article:
    return Article(aid, aid, title, text, outlet="example.com", published=published, published_inferred=inferred)


def _gallery() -> str:
    lines = ["Comic Maya Reed said this week that she and actor Tom Vance have split after four years."]
    for a, b, when in _COUPLES:
        lines.append(f"In {when}, {a} and {b} announced their separation after a long marriage.")
        lines.append("The pair share two children and said they would stay close friends.")
    return " ".join(lines)


def test_a_gallery_of_past_splits_under_one_couples_headline_is_a_roundup() -> None:
    a = _art("g", "Maya Reed and Tom Vance split", _gallery())
    why = roundup_of_past(a)
    assert why is not None and "roundup" in why and "12 of its 25" in why
    assert "roundup" in off_topic_articles([a], use_embeddings=False).get("g", "")


def test_a_report_that_dates_its_background_is_no_roundup() -> None:
    # the same dated background, but the headline's subject is named throughout: a report
    lines = []
    for _, _, when in _COUPLES:
        lines.append(f"In {when}, the Tigers lost a final, and fans of the Tigers still remember it.")
    lines.append("On Sunday the Tigers finally won the title in front of their own fans.")
    a = _art("r", "Tigers win the title at last", " ".join(lines))
    assert roundup_of_past(a) is None


def test_dates_must_lie_months_before_the_page() -> None:
    # the same gallery printed in early 2015: its items are not months before it
    a = _art("e", "Maya Reed and Tom Vance split", _gallery(), published="2015-01-20T10:00:00")
    assert roundup_of_past(a) is None
    # a page date read off the text itself cannot anchor "months before"
    b = _art("i", "Maya Reed and Tom Vance split", _gallery(), inferred=True)
    assert roundup_of_past(b) is None


def test_a_page_dated_months_after_the_newest_post_it_embeds_has_a_suspect_date() -> None:
    from storyprism.reuse.direction import newest_embedded_post
    from storyprism.reuse.trace import suspect_date

    embed = "\n".join([*LINES[:3], "Stay safe out there, sailors — Harbour Watch (@harbourwatch) March 2, 2019"])
    assert newest_embedded_post(embed) is not None
    fresh = art("a", embed, "https://news.example.com/ferry", published="2019-03-03T18:00:00")
    crawled = art("b", embed, "https://news.example.com/ferry", published="2020-09-30T18:00:00")
    assert suspect_date(fresh, None) is None
    reason = suspect_date(crawled, None)
    assert reason is not None and "embeds" in reason
    # no embedded post, no evidence either way
    assert suspect_date(art("c", SIGNED, "https://news.example.com/ferry", published="2020-09-30T18:00:00"), None) is None
