"""Origins from wire lines, credits and relations (reuse/credits.py, reuse/trace.py), bad input included.

Hand-written articles only (no ../shared): the signals are conventions of the trade, so a few lines
of invented copy exercise them as real pages do.
"""

from __future__ import annotations

from datetime import datetime

from storyprism.records import Article, Reuse
from storyprism.reuse import trace_origins
from storyprism.reuse.credits import is_outlet_name, is_primary_document, name_keys, same_name, wire_signals
from storyprism.reuse.trace import suspect_date

FILLER = (
    "The council met on Tuesday to discuss the harbour bridge. Engineers presented three options for the "
    "repair. The cheapest would close the bridge for a month. Residents asked for a public hearing."
)


def art(aid: str, text: str, outlet: str = "example.com", url: str | None = None, published: str | None = None,
        title: str = "Harbour bridge repair") -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, raw_text=text, outlet=outlet, url=url,
                   published=published)


def test_wire_signals_name_the_agency():
    assert wire_signals("Text.\nCopyright 2017 The Associated Press. All rights reserved.", None)[0] == "AP"
    assert wire_signals("LONDON (Reuters) - Shares fell.", None)[0] == "Reuters"
    assert wire_signals("Body.", "https://www.dailymail.co.uk/wires/afp/article-1/x.html")[0] == "AFP"
    # a photo credit alone is not wire carriage, and "© REUTERS" without a year is a photo credit
    wire, _, weak = wire_signals("A man walks. (AP Photo/Jane Doe)\n© REUTERS", None)
    assert wire is None and weak == "AP"


def test_credit_names_and_outlets():
    assert same_name("the New York Times", "the Times") and same_name("New York Times", "NYT")
    assert not same_name("New York Times", "Washington Post")
    assert "nytimes" in name_keys("New York Times")
    assert is_outlet_name("The Undefeated") and is_outlet_name("News.com.au") and is_outlet_name("Reuters")
    assert not is_outlet_name("police") and not is_outlet_name("Robert Beiser")
    assert is_primary_document("blog.google", "https://www.blog.google/products/pixel/x/")
    assert is_primary_document(None, "https://news.liverpool.ac.uk/2017/12/11/smoke-rings/")
    assert not is_primary_document("nytimes.com", "https://www.nytimes.com/2018/02/05/arts/x.html")


def test_two_carriers_of_one_wire_story_share_the_agency_origin():
    wire = "Copyright 2017 The Associated Press. All rights reserved."
    a = art("a", f"NEW YORK (AP) — {FILLER}\n{wire}", outlet="washingtonpost.com")
    b = art("b", f"{FILLER}\n{wire}", outlet="dailymail.co.uk")
    c = art("c", "Our reporter spoke to the mayor, who told the Coast Courier the bridge will stay open.",
            outlet="coastcourier.com")
    t = trace_origins([a, b, c], [])
    assert t["a"].origin == t["b"].origin == "wire:AP"
    assert t["a"].kind == "copy" and t["a"].evidence
    assert t["c"].origin == "c" and t["c"].kind == "self"


def test_agency_copy_in_the_corpus_is_the_origin():
    own = art("r", f"JERUSALEM (Reuters) - {FILLER}", outlet="reuters.com")
    carried = art("d", f"JERUSALEM (Reuters) - {FILLER}", outlet="dailymail.co.uk",
                  url="https://www.dailymail.co.uk/wires/reuters/article-1/x.html")
    t = trace_origins([own, carried], [Reuse(source="d", copy="r", kind="identical", coverage=1.0)])
    assert t["r"].origin == "r" and t["r"].kind == "self"  # the agency's own site is never a carrier
    assert t["d"].origin == "r"


def test_credited_rewrite_points_at_the_credited_article_or_a_named_outside_origin():
    scoop = art("nyt", FILLER + " The letter was signed by six executives.", outlet="nytimes.com")
    rewrite = art("ew", "The letter, obtained by The New York Times, was signed by six executives. "
                  + FILLER + " The academy replied in a statement, per the Times.", outlet="ew.com")
    t = trace_origins([scoop, rewrite], [])
    assert t["ew"].origin == "nyt" and t["ew"].kind == "credited"
    alone = trace_origins([rewrite], [])
    assert alone["ew"].origin == "outlet:New York Times"


def test_a_wire_dateline_kept_only_in_the_page_description_is_wire_carriage():
    caption = art("kh", "Houston receiver DeAndre Hopkins reaches for the ball during the second half on Monday.",
                  outlet="kearneyhub.com")
    caption.description = "HOUSTON (AP) — Ben Roethlisberger told his teammates they did not need to make up for it."
    t = trace_origins([caption], [])
    assert t["kh"].origin == "wire:AP" and "description" in t["kh"].evidence[0]
    caption.description = "Houston beat Pittsburgh on Monday."  # no dateline: nothing to follow
    assert trace_origins([caption], [])["kh"].origin == "kh"


def test_one_story_level_credit_anywhere_names_the_source_but_one_quote_credit_does_not():
    brief = art("cd", "LAS VEGAS - A gunman killed at least 50 people at a concert on Sunday. Police said he "
                "killed himself. Officers searched his room. The group claimed the attack, Reuters reported. "
                "It gave no evidence.", outlet="chinadaily.com.cn")
    t = trace_origins([brief], [])
    assert t["cd"].origin == "wire:Reuters" and t["cd"].kind == "credited"
    # "X reports that" deep in a long piece still says whose story it is
    long = art("lr", "LAS VEGAS - A gunman killed at least 50 people at a concert on Sunday. " + FILLER + " "
               + FILLER + " The Las Vegas Sun reports that the gunman had stockpiled weapons.", outlet="example.com")
    assert trace_origins([long], [])["lr"].origin == "outlet:Las Vegas Sun"
    # "according to X" once, after a quote, attributes that quote, not the story
    quoted = art("q", "LAS VEGAS - A gunman killed at least 50 people at a concert on Sunday. " + FILLER + " "
                 + FILLER + " \u201cWe ran for our lives,\u201d one fan said, according to the Las Vegas Sun.",
                 outlet="example.com")
    assert trace_origins([quoted], [])["q"].origin == "q"


def test_own_outlet_credit_is_own_reporting_and_adds_are_recorded():
    own = art("nw", "Emails obtained by Newsweek show the scheme. " + FILLER
              + ' "We were shocked," the director told Newsweek.', outlet="newsweek.com")
    t = trace_origins([own], [])
    assert t["nw"].kind == "self" and any("own reporting" in e for e in t["nw"].evidence)
    follow = art("en", "Emails obtained by Newsweek show the scheme, Newsweek reported. " + FILLER
                 + ' "It is a new low," an analyst told Engadget.', outlet="engadget.com")
    t = trace_origins([own, follow], [])
    assert t["en"].origin == "nw"
    assert any("told Engadget" in s for s in t["en"].adds_own_reporting)


def test_press_release_is_the_origin_whatever_the_dates_say():
    release = art("pr", FILLER, outlet="news.liverpool.ac.uk", url="https://news.liverpool.ac.uk/2017/12/11/x/",
                  published="2017-12-11")
    news = art("nd", FILLER, outlet="ndtv.com", published="2017-04-10")
    # the relation as the dates would have it: the release copies the news
    t = trace_origins([release, news], [Reuse(source="nd", copy="pr", kind="edited", coverage=0.9)])
    assert t["pr"].kind == "self" and t["nd"].origin == "pr"
    assert t["nd"].published_suspect and "before" in t["nd"].published_suspect


def test_same_newsroom_pieces_count_once():
    a = art("c1", FILLER + " Police said the gunman acted alone.", outlet="edition.cnn.com",
            published="2017-10-02T09:00:00")
    b = art("c2", FILLER + " Officers said the gunman fired from the 32nd floor.", outlet="edition.cnn.com",
            published="2017-10-02T15:00:00")
    t = trace_origins([a, b], [])
    assert t["c2"].origin == "c1"


# --------------------------------------------------------------------------- bad input


def test_credit_naming_no_outlet_is_not_a_credit():
    a = art("x", "According to officials, the bridge is safe. " + FILLER + " It was first reported by sources.")
    t = trace_origins([a], [])
    assert t["x"].origin == "x" and t["x"].kind == "self"
    b = art("y", "The bridge will close, according to media reports. " + FILLER)
    t = trace_origins([b], [])
    assert t["y"].origin == "y" and any("does not name" in p for p in t["y"].problems)


def test_conflicting_credits_are_recorded_not_guessed():
    a = art("x", "The Washington Post reported the plan. " + FILLER + " The Guardian reported the cost. "
            "The plan was first reported by the Washington Post, the Guardian reported.", outlet="other.com")
    t = trace_origins([a], [])
    assert t["x"].origin == "x"
    assert any("conflicting credits" in p for p in t["x"].problems)


def test_cycle_of_articles_crediting_each_other_is_broken_and_recorded():
    a = art("a", "Beta News reported the plan, Beta News said. " + FILLER, outlet="alphanews.com",
            published="2020-01-01T10:00:00")
    b = art("b", "Alpha News reported the plan, Alpha News said. " + FILLER, outlet="betanews.com",
            published="2020-01-01T12:00:00")
    t = trace_origins([a, b], [])
    assert t["a"].origin == t["b"].origin == "a"  # the earliest becomes the origin
    assert any("cycle" in p for p in t["a"].problems) and any("cycle" in p for p in t["b"].problems)


def test_suspect_dates():
    future = art("f", FILLER, published="2999-01-01")
    assert "future" in (suspect_date(future, None) or "")
    url = art("u", FILLER, url="https://x.com/2017/12/29/story.html", published="2017-04-10")
    assert "URL" in (suspect_date(url, None) or "")
    fine = art("g", FILLER, url="https://x.com/2017/12/29/story.html", published="2017-12-29T10:00:00")
    assert suspect_date(fine, None, now=datetime(2018, 1, 1)) is None
    t = trace_origins([future], [])
    assert t["f"].published_suspect and "future" in t["f"].published_suspect


def test_off_topic_article_counts_nowhere_and_derives_nothing():
    a = art("a", FILLER, outlet="one.com")
    b = art("b", FILLER, outlet="two.com")
    t = trace_origins([a, b], [Reuse(source="a", copy="b", kind="identical", coverage=1.0)],
                      off_topic={"b": "the body does not report the headline"})
    assert t["b"].origin == "b" and t["b"].off_topic and t["b"].kind == "self"


def test_off_topic_bodies_without_the_encoder():
    from storyprism.reuse import off_topic_articles

    on = art("on", FILLER, title="Council weighs harbour bridge repair options")
    off = art("off", "Paul Simon will tour one last time, starting in Vancouver in May with two nights in Hollywood.",
              title="Council weighs harbour bridge repair options")
    empty = art("empty", "Chat with us.", title="The first shots fired")
    found = off_topic_articles([on, off, empty], use_embeddings=False)
    assert set(found) == {"off", "empty"}
    assert "headline" in found["off"] and "no article text" in found["empty"]


def test_a_headline_over_another_story_is_found_by_its_missing_names():
    from storyprism.reuse import headline_names_unreported

    trailer = ("The new trailer for Avengers: Infinity War shows Thanos gathering the stones. Fans of the "
               "Avengers saw Infinity War footage during the game. Marvel said Infinity War opens in May.")
    ads = ("Advertisers paid millions for a slot during the game this year. A detergent brand ran four spots "
           "that parodied other commercials. A beer maker showed its workers canning water for disaster areas. "
           "A car maker cast a famous actor as a driver.")
    short = "The blast was followed by gunfire. A car laden with explosives started the attack at the wall."
    corpus = [
        art("bi", trailer, title="New Avengers: Infinity War trailer teases many heroes"),
        art("dm", ads, title="Avengers: Infinity War big game trailer"),
        art("ex", short, title="Explosion and gunfire outside consulate in Mazar"),
        art("ny", "Gunmen attacked the consulate in Mazar overnight. Officials in Mazar said two died.",
            title="Attack in Mazar"),
    ]
    found = headline_names_unreported(corpus)
    assert set(found) == {"dm"} and "avengers" in found["dm"]
    # without the encoder a missing name alone decides nothing
    assert headline_names_unreported(corpus, use_embeddings=False) == {}


def test_news_paraphrasing_most_of_a_press_release_rewrites_it():
    from storyprism.records import Alignment

    sentences = [f"Sentence number {k} of the release about the ocean eddies." for k in range(6)]
    release = art("pr", "\n".join(sentences), outlet="news.liverpool.ac.uk",
                  url="https://news.liverpool.ac.uk/2017/12/11/x/")
    # (a quote of its own, so only the alignment decides here, not the quote-less restatement rule)
    news = art("tc", "\n".join(s.replace("release", "story") for s in sentences)
               + "\n\u201cWe measured them ourselves,\u201d a diver told the site.", outlet="tecake.in")
    aligned = [Alignment(source_sentence=s, copy_sentence=s, similarity=0.8, source_index=k, copy_index=k)
               for k, s in enumerate(sentences[:4])]
    loose = Reuse(source="pr", copy="tc", kind="shared-source", coverage=0.5, alignments=aligned)
    t = trace_origins([release, news], [loose])
    assert t["tc"].origin == "pr" and t["tc"].kind == "rewrite"
    few = Reuse(source="pr", copy="tc", kind="shared-source", coverage=0.2, alignments=aligned[:2])
    assert trace_origins([release, news], [few])["tc"].origin == "tc"  # a few shared lines: independent


def test_time_zones_and_date_only_values():
    from storyprism.reuse.direction import is_date_only, parse_time

    assert parse_time("2018-02-05T12:00:00-05:00") == parse_time("2018-02-05T17:00:00Z")
    assert is_date_only("2017-12-29") and is_date_only("2017-12-29T00:00:00")
    assert not is_date_only("2017-12-29T11:52:22")


def test_the_side_signed_as_wire_copy_is_the_source_of_a_verbatim_relation():
    wire = art("wp", f"{FILLER}\nCopyright 2017 The Associated Press. All rights reserved.",
               outlet="washingtonpost.com", published="2017-12-25")
    edited = art("ny", FILLER, outlet="nytimes.com", published="2017-12-25T20:22:11")
    # the relation as a date-only timestamp and text votes had it: the wire carrier copies the other
    t = trace_origins([wire, edited], [Reuse(source="ny", copy="wp", kind="edited", coverage=0.9)])
    assert t["ny"].origin == t["wp"].origin == "wire:AP"


def test_an_article_months_away_from_its_story_is_off_event():
    from storyprism.reuse.topic import off_event_articles

    arts = [art("a", FILLER, published="2016-02-07"), art("b", FILLER, published="2016-02-06T10:00:00"),
            art("c", FILLER, published="2016-02-08"), art("old", FILLER, published="2013-01-30"),
            art("scoop", FILLER, published="2015-01-01")]
    found = off_event_articles([["a", "b", "c", "old", "scoop"]], arts, parents={"c": "scoop"})
    assert set(found) == {"old"} and "another event" in found["old"]


def test_agency_photo_credit_plus_shared_text_is_wire_carriage():
    a = art("a", FILLER + "\nA worker on the bridge. (AP Photo/Jane Doe)", outlet="one.com")
    b = art("b", FILLER, outlet="two.com")
    t = trace_origins([a, b], [Reuse(source="a", copy="b", kind="copy", coverage=1.0)])
    assert t["a"].origin == t["b"].origin == "wire:AP"
    alone = trace_origins([a], [])  # a photo credit alone: the outlet's own story with an AP picture
    assert alone["a"].origin == "a"


def test_present_tense_and_citing_credits_name_the_outlet_sentence_capitals_do_not():
    from storyprism.reuse.credits import find_credits

    found = find_credits(["Reuters cited the group's website.", "Officials are assessing it, Reuters reports.",
                          "Two senior officials told Reuters there was no link."], set())[0]
    assert [c.name for c in found] == ["Reuters", "Reuters", "Reuters"]
    assert find_credits(["He said so, citing The Guardian."], set())[0][0].name == "The Guardian"
    # a capital "The" opening a sentence is the sentence's, not an outlet's title
    assert not find_credits(["The Pentagon cited security concerns."], set())[0]


RELEASE = (
    "Our new chip now works in every camera app. “The chip is built to do heavy image processing while using "
    "less power, which saves battery.” The update rolls out over the next few days. Stickers come later this week."
)


def _shared(src: str, cp: str) -> Reuse:
    return Reuse(source=src, copy=cp, kind="shared-source", coverage=0.5, score=0.3)


def test_an_article_whose_only_quotes_are_a_documents_rewrites_it():
    blog = art("blog", RELEASE, outlet="blog.google", url="https://www.blog.google/products/pixel/x/",
               published="2018-02-05T17:00:00")
    review = art("rev", "I have used the phone for months and noticed little. But the way Google explains it: "
                 "“The chip is built to do heavy image processing while using less power, which saves battery.” "
                 "The update is rolling out now.", outlet="theverge.com", published="2018-02-05T12:00:00")
    own = art("own", "“We wanted every app to benefit,” the product lead told us in an interview. “The chip is "
              "built to do heavy image processing while using less power, which saves battery.”",
              outlet="wired.com", published="2018-02-05T18:00:00")
    t = trace_origins([blog, review, own], [_shared("rev", "blog"), _shared("blog", "own")])
    assert t["rev"].origin == "blog" and t["rev"].kind == "rewrite"
    assert any("no quote of its own" in e for e in t["rev"].evidence)
    assert t["own"].origin == "own"  # a quote found nowhere upstream: its own reporting


def test_shared_quotes_of_a_public_statement_do_not_merge_two_newsrooms():
    tweet = "“Once we have protections in place we expect the apps to be back on the App Store.”"
    a = art("a", f"The app was removed on Thursday. Its founder wrote on Twitter: {tweet}", outlet="bbc.com",
            published="2018-02-01T15:00:00")
    b = art("b", f"The messaging app has gone from the store. Its co-founder added: {tweet}",
            outlet="thetimes.co.uk", published="2018-02-01T17:00:00")
    t = trace_origins([a, b], [_shared("a", "b")])
    assert t["a"].origin == "a" and t["b"].origin == "b"


def test_a_quote_less_spun_copy_of_a_press_release_restates_it():
    release_text = ("Scientists at the University of Liverpool spotted smoke rings in the Tasman Sea. The linked "
                    "eddies travel ten times faster than normal eddies, said Chris Hughes, lead author of the study "
                    "in Geophysical Research Letters. \u201cThe smoke rings need calm water,\u201d Hughes said.")
    release = art("pr", release_text, outlet="news.liverpool.ac.uk",
                  url="https://news.liverpool.ac.uk/2017/12/11/x/", published="2017-12-11")
    spun = art("sp", "Experts noted smoke rings in the Tasman Sea. Chris Hughes of the University of Liverpool said "
               "the linked whirlpools travel ten times faster than normal swirls. Hughes, lead author of the study "
               "in Geophysical Research Letters, said they need calm water.", outlet="tecake.in",
               published="2017-12-28")
    other = art("ot", "The city council met on Tuesday about the harbour bridge and its repair.", outlet="x.com",
                published="2017-12-28")
    t = trace_origins([release, spun, other], [])
    assert t["sp"].origin == "pr" and t["sp"].kind == "rewrite"
    assert t["ot"].origin == "ot"
    # a report with a quote of its own is not a restatement, however close its words
    quoted = art("q", spun.text + " \u201cWe saw them first off Tasmania,\u201d a local diver told us.",
                 outlet="abc.net.au", published="2017-12-28")
    assert trace_origins([release, quoted], [])["q"].origin == "q"
