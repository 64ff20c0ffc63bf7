"""Issue 10, ninth round: one text has one origin (reuse/lineage.py), credits confined to one passage,
relays that are no newsroom's own reporting, titles the corpus prints, and a quote credited to the
source other reports name. Invented copy only: the signals are conventions of the trade."""

from __future__ import annotations

from storyprism.records import Article, Reuse
from storyprism.reuse import newsroom_pieces, trace_origins
from storyprism.reuse.credits import find_credits, known_titles
from storyprism.reuse.lineage import passage_credit

LINES = [
    "The lighthouse keeper retired after forty winters on the rock.",
    "Her logbooks record every storm since the old lamp was replaced.",
    "The trust that owns the tower plans to open it to visitors next spring.",
    "A small museum will show the brass lens and the foghorn.",
    "Volunteers repainted the stairs over the summer months.",
    "The keeper said she would miss the sound of the gulls at dawn.",
    "Boats from the harbour sounded their horns as she left.",
    "The council thanked her for decades of careful service.",
    "Her grandson plans to write a book about the station.",
    "Tickets for the first tours will go on sale in March.",
]
BODY = " ".join(LINES)


def art(aid: str, text: str, outlet: str, published: str) -> Article:
    return Article(id=aid, ref=aid, title="Lighthouse keeper retires", text=text, raw_text=text, outlet=outlet,
                   url=f"https://www.{outlet}/news/{aid}", published=published)


def test_a_source_side_carrier_joins_the_family_of_an_earlier_text():
    # "first" posted the text; "mid" rewrote it; "late" is on record as the source of "mid" (the
    # pair-wise choice) yet was published after "first": it carries the same text
    first = art("first", BODY, "harbourgazette.com", "2018-03-01T08:00:00")
    mid = art("mid", BODY, "coastpost.com", "2018-03-01T18:00:00")
    late = art("late", BODY, "islandherald.com", "2018-03-01T12:00:00")
    reuses = [
        Reuse(source="first", copy="mid", kind="edited", coverage=0.9, score=0.9),
        Reuse(source="late", copy="mid", kind="rewrite", coverage=0.7, score=0.6),
    ]
    # tied to the family through "mid" alone, "late" could be an own report a compilation pasted
    assert trace_origins([first, mid, late], reuses)["late"].origin == "late"
    # lines shared with the family's first text too: one text
    reuses.append(Reuse(source="first", copy="late", kind="shared-source", coverage=0.2, score=0.2))
    t = trace_origins([first, mid, late], reuses)
    assert t["mid"].origin == "first"
    assert t["late"].origin == "first" and t["late"].kind == "rewrite"
    assert any("one text" in e for e in t["late"].evidence)


def test_the_earliest_text_of_a_family_stays_its_own_origin():
    # the same relations, but "late" is now the earliest: it may be where the text started
    first = art("first", BODY, "harbourgazette.com", "2018-03-01T08:00:00")
    mid = art("mid", BODY, "coastpost.com", "2018-03-01T18:00:00")
    early = art("early", BODY, "islandherald.com", "2018-03-01T06:00:00")
    reuses = [
        Reuse(source="first", copy="mid", kind="edited", coverage=0.9, score=0.9),
        Reuse(source="early", copy="mid", kind="rewrite", coverage=0.7, score=0.6),
        Reuse(source="first", copy="early", kind="shared-source", coverage=0.2, score=0.2),
    ]
    t = trace_origins([first, mid, early], reuses)
    assert t["early"].origin == "early"


def test_credits_in_one_deep_passage_are_a_passage_credit():
    credits, _, _ = find_credits(
        [*LINES, *LINES, "Back in 1990, a storm cut the island off, according to The Coast Chronicle.",
         "The keeper rowed out alone, she told The Coast Chronicle.", *LINES], set())
    assert len(credits) == 2
    assert passage_credit(credits, 32)
    assert not passage_credit(credits, 6)  # the passage is most of a short article
    lead, _, _ = find_credits(["The keeper retired, according to The Coast Chronicle.", *LINES,
                               "She told The Coast Chronicle she would stay on the island."], set())
    assert not passage_credit(lead, 12)  # a credit in the opening names the story's source


def test_own_reporting_outweighs_an_outlet_credited_for_one_anecdote():
    anecdote = ("Back in 1990, a storm cut the island off for a week, according to The Coast Chronicle. "
                "The keeper rowed to the mainland for bread, she told The Coast Chronicle. ")
    text = ("The keeper told the Island News she would miss the gulls. " + BODY + " " + BODY + " " + anecdote
            + BODY)
    t = trace_origins([art("e", text, "islandnews.com", "2018-03-02T09:00:00")], [])
    assert t["e"].origin == "e" and t["e"].kind == "self"
    # without reporting of its own, the same credits still name the source
    plain = art("p", BODY + " " + BODY + " " + anecdote + BODY, "coastpost.com", "2018-03-02T09:00:00")
    assert trace_origins([plain], [])["p"].origin == "outlet:Coast Chronicle"


def test_a_relay_of_another_outlet_is_not_a_piece_of_the_newsroom():
    own = art("n1", BODY, "bayradio.com", "2018-03-01T08:00:00")
    relay = art("n2", "The keeper retired, Lantern Daily reported. " + BODY, "bayradio.com", "2018-03-01T15:00:00")
    second = art("n3", BODY + " Tours start in March.", "bayradio.com", "2018-03-01T20:00:00")
    joined = newsroom_pieces([["n1", "n2", "n3"]], [own, relay, second], {"n1": "self", "n2": "self", "n3": "self"})
    assert joined == {"n3": "n1"}


def test_a_title_printed_elsewhere_is_an_outlet_in_lower_case_company():
    titled, _, _ = find_credits(["The storm lasted a week, according to a long account by The Tidewater."], set())
    known = known_titles(titled)
    assert known == frozenset({"tidewater"})
    plain, _, _ = find_credits(["The keeper was exhausted, the doctor told the Tidewater."], set())
    assert plain == []  # alone, a capitalised word after "the" is no outlet
    learned, _, _ = find_credits(["The keeper was exhausted, the doctor told the Tidewater."], set(), known)
    assert [c.name for c in learned] == ["Tidewater"]
    assert known_titles([*titled, *find_credits(["She told The Sun.", "He told The Sun."], set())[0]]) == known


def test_one_quote_credited_to_the_story_s_known_source_is_a_rewrite_of_it():
    a = art("a", "The keeper nearly drowned, according to a long account by The Tidewater. " + BODY,
            "bayradio.com", "2018-03-01T08:00:00")
    b = art("b", "The keeper nearly drowned, The Tidewater reported. " + BODY + " She told The Tidewater she "
            "was lucky.", "coastpost.com", "2018-03-01T09:00:00")
    c = art("c", BODY + " 'He was frozen,' the doctor told the Tidewater.", "islandherald.com", "2018-03-01T10:00:00")
    t = trace_origins([a, b, c], [])
    assert t["a"].origin == t["b"].origin == "outlet:Tidewater"
    assert t["c"].origin == "outlet:Tidewater"
    # one other report is not enough to call it the story's source
    t2 = trace_origins([b, c], [])
    assert t2["c"].origin == "c"


def test_one_quote_credit_beside_own_reporting_keeps_the_article_s_origin():
    a = art("a", "The keeper nearly drowned, according to a long account by The Tidewater. " + BODY,
            "bayradio.com", "2018-03-01T08:00:00")
    b = art("b", "The keeper nearly drowned, The Tidewater reported. " + BODY, "coastpost.com", "2018-03-01T09:00:00")
    own = art("o", BODY + " 'He was frozen,' the doctor told the Tidewater. The keeper told the Island News "
              "she was lucky.", "islandnews.com", "2018-03-01T10:00:00")
    assert trace_origins([a, b, own], [])["o"].origin == "o"


def test_a_quote_less_restatement_of_a_relayed_announcement_shares_its_origin():
    relay = art("r", "Harbour Trust has announced the tower will open to visitors. " + BODY,
                "coastpost.com", "2018-03-01T08:00:00")
    restated = art("s", BODY, "islandherald.com", "2018-03-01T12:00:00")
    t = trace_origins([relay, restated], [])
    assert t["r"].origin == "release:Harbour Trust"
    assert t["s"].origin == "release:Harbour Trust" and t["s"].kind == "rewrite"


def test_a_quoted_post_is_no_evidence_of_a_rewrite():
    post = "\u201cWhat a night for the island @HarbourTrust, the lamp shines again #keeper\u201d"
    speech = "\u201cI will miss the gulls more than anything on this rock,\u201d she said."
    wire = art("w", "PORT ISLAND (AP) \u2014 " + BODY + " The mayor posted: " + post + " " + speech,
               "wirecarrier.com", "2018-03-01T08:00:00")
    reuses = [Reuse(source="w", copy="x", kind="shared-source", coverage=0.2, score=0.3)]
    only_post = art("x", BODY + " The mayor posted: " + post, "islandherald.com", "2018-03-01T12:00:00")
    assert trace_origins([wire, only_post], reuses)["x"].origin == "x"
    # the keeper's own words, found in the wire copy and nowhere of its own: a rewrite of it
    with_speech = art("x", BODY + " " + speech, "islandherald.com", "2018-03-01T12:00:00")
    t = trace_origins([wire, with_speech], reuses)["x"]
    assert t.origin == "wire:AP" and t.kind == "rewrite"
