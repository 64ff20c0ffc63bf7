"""Issue 10, thirteenth round: a credit in an article's opening names its source (when the article
reports nothing of its own and credits no other outlet more often); a credited outlet's piece or a
credited document found in the corpus by word overlap alone must report the same event (months
apart, a short brief's words recur in a long report of another happening of the same kind); a
newsroom's piece as close to two of its first pieces joins them into one origin.
Invented copy only: the signals are conventions of the trade."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse.credits import article_signals, credit_groups
from storyprism.reuse.lineage import lede_credit
from storyprism.reuse.text import split_sentences
from storyprism.reuse.trace import trace_origins


def art(aid: str, text: str, published: str, outlet: str = "example.com", title: str = "") -> Article:
    return Article(id=aid, ref=aid, title=title or "Singer recalls the crash on the film set", text=text,
                   raw_text=text, outlet=outlet, url=f"https://www.{outlet}/{aid}", published=published)


def lead(text: str, outlet: str = "example.com") -> str | None:
    sig = article_signals(text, f"https://www.{outlet}/x", outlet, split_sentences(text), text, None)
    found = lede_credit(credit_groups(sig.credits), sig) if sig.credits else None
    return found.name if found else None


RELAY = ("The singer, who starred in three films of the studio, gave a long interview to The Daily Ledger "
         "where she describes the crash on the set. She said the car had not been safe. "
         "The studio has not commented on the account. The film was shot in 1994 in the desert. "
         "Her lawyers have asked for the footage.")


def test_an_opening_credit_names_the_source_of_a_relay():
    assert lead(RELAY) == "The Daily Ledger"
    # a second outlet credited once further down does not outweigh the opening's
    assert lead(RELAY + " She later told Metro Times that she was at peace.") == "The Daily Ledger"


def test_no_opening_credit_when_the_article_reports_or_credits_another_more():
    # its own outlet asked too ("told Metro News" on metronews.com): a newsroom that reported keeps its origin
    own = RELAY + " A spokesman for the studio told Metro News that the footage was lost."
    assert lead(own, "metronews.com") is None
    # another outlet credited twice further down is the article's source, not the opening's
    more = RELAY + " She told Metro Times she was afraid. She also told Metro Times she was angry."
    assert lead(more) is None
    # deep in the body: attributes a fact, not the story
    deep = ("The crash happened in 1994. The car was old. The road was sand. "
            "She gave an interview to The Daily Ledger about it. Nobody else was hurt.")
    assert lead(deep) is None
    # a name in apposition ("the newspaper X said") attributes a fact: never the story's source
    assert lead("The crash was filmed, the newspaper Morning Ledger said on Monday. The film was shelved.") is None


def test_the_relay_traces_to_the_credited_piece_in_the_corpus_and_wire_copy_keeps_its_agency():
    scoop = art("nyt", "The actress described the crash on the film set in the desert in 1994, when the car left "
                       "the sand road and hit a palm tree. The studio said the footage was lost. The director did "
                       "not respond. Her lawyers have asked for the footage.", "2018-02-03T09:00:00",
                outlet="dailyledger.com")
    relay = art("relay", RELAY, "2018-02-03T20:00:00", outlet="othernews.com")
    traces = trace_origins([scoop, relay], [])
    assert traces["relay"].origin == "nyt" and traces["relay"].kind == "credited"
    assert "in its opening" in traces["relay"].evidence[0]
    # an agency's copy that names another outlet in its opening is still the agency's story
    wire = art("wire", "MOSCOW (AP) — " + RELAY, "2018-02-03T21:00:00", outlet="paper.com")
    assert trace_origins([wire], [])["wire"].origin == "wire:AP"


def test_a_credited_outlets_piece_a_year_away_is_not_taken_on_word_overlap_alone():
    brief = ("A spokesman for the airline told The Daily Ledger that the two girls barred from the flight "
             "had changed their clothing. The airline said its dress code applies to pass travellers.")
    # a long report on the same subject sharing 0.45 of the brief's rare-word mass (the same-event bar
    # is 0.3, the bar months apart 0.5)
    long_report = art("old", "The airline spokesman said the girls were barred from the flight under its dress code. "
                      + " ".join(f"Paragraph {k} tells of the studio, the film and the lawyers." for k in range(40)),
                      "2017-03-28T10:00:00", outlet="dailyledger.com")
    later = art("brief", brief, "2018-02-05T10:00:00", outlet="othernews.com")
    t = trace_origins([long_report, later], [])["brief"]
    # the opening credits the Ledger, whose only piece in the corpus is ten months away and shares
    # no text with the brief: the origin is the outlet named, not that piece
    assert t.origin == "outlet:Daily Ledger"
    near = art("brief", brief, "2017-03-29T10:00:00", outlet="othernews.com")
    assert trace_origins([long_report, near], [])["brief"].origin == "old"


def test_a_credited_document_is_a_press_page_of_the_same_event_not_any_on_the_subject():
    blog = Article(id="blog", ref="blog", title="Sharper photos in your apps", raw_text="",
                   text="Our camera chip now brings sharper photos to third-party apps such as messaging and sharing "
                        "apps, starting with the monthly update. Developers can use the chip through the platform "
                        "interface.", outlet="blog.phonemaker.com", url="https://blog.phonemaker.com/products/chip",
                   published="2018-02-05T17:00:00")
    story = ("The actress described the crash on the set of the film. Photos from the set show the car. "
             + " ".join(f"Paragraph {k} tells of the studio and the director and the lawyers." for k in range(12))
             + ' "He acknowledges the crash and regrets it," the statement said. The monthly update of the studio '
               "ledger lists third-party apps.")
    # a fifth of the short page's words recur in the long report (0.23): the topic bar, not the
    # same event; four days apart and sharing no text, the "statement" it quotes is not that page
    far = art("film", story, "2018-02-01T09:00:00", outlet="dailyledger.com")
    assert trace_origins([blog, far], [])["film"].origin == "film"
    # the same overlap on the page's own day: the credited document of those days (as for outlets)
    near = art("film", story, "2018-02-05T09:00:00", outlet="dailyledger.com")
    assert trace_origins([blog, near], [])["film"].origin == "blog"


RACE = "Heavy rain stopped the grand prix twice while marshals cleared debris from the slippery circuit."
PROFILE = "The teenage driver overtook fourteen rivals during a remarkable drive through spray and standing water."
FOLLOW_UP = ("Heavy rain stopped the grand prix twice while marshals cleared debris. The teenage driver "
             "overtook fourteen rivals during a remarkable drive.")


def test_a_follow_up_close_to_two_first_pieces_makes_one_newsroom():
    pieces = [art("race", RACE, "2016-11-13T19:00:00", outlet="dailypaper.com"),
              art("profile", PROFILE, "2016-11-13T23:00:00", outlet="dailypaper.com")]
    # the race report and the driver's profile share too little to be told one event's coverage ...
    alone = trace_origins(pieces, [])
    assert alone["race"].origin == "race" and alone["profile"].origin == "profile"
    # ... until the paper's follow-up tells both: one newsroom's coverage of one race counts once
    traces = trace_origins([*pieces, art("next", FOLLOW_UP, "2016-11-14T13:00:00", outlet="dailypaper.com")], [])
    assert {t.origin for t in traces.values()} == {"race"}
    assert any("close to both" in e for e in traces["profile"].evidence)
    # another outlet's follow-up ties nothing: a newsroom is one outlet's
    other = trace_origins([*pieces, art("next", FOLLOW_UP, "2016-11-14T13:00:00", outlet="othersheet.com")], [])
    assert other["profile"].origin == "profile"
