"""Credits that name a piece of reporting, agency stories that credit a member paper, one outlet under
several spellings, and articles that only relay an organisation's announcement (reuse/credits.py,
reuse/trace.py). Hand-written copy only: the signals are conventions of the trade."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse import trace_origins
from storyprism.reuse.credits import announcements, find_credits
from storyprism.text.outlets import outlet_keys

BODY = (
    "The coach slipped on a wet floor the night before the parade. He staggered on stage and collapsed. "
    "Surgeons operated for an acute subdural hematoma. He left hospital two weeks later."
)


def art(aid: str, text: str, outlet: str, published: str = "2017-12-01T10:00:00") -> Article:
    return Article(id=aid, ref=aid, title="A headline", text=text, raw_text=text, outlet=outlet,
                   url=f"https://www.{outlet}/story/{aid}", published=published)


def test_a_credit_to_a_piece_of_reporting_is_story_level():
    credits, _, _ = find_credits(
        ["The coach nearly died, according to a detailed account by The Athletic.",
         "He is 65, and according to a story on The Athletic, trainers found a golf cart."], set())
    assert [(c.name, c.cue) for c in credits] == [("The Athletic", "report by"), ("The Athletic", "report by")]
    lead = art("a", f"The coach nearly died, according to a detailed account by The Athletic. {BODY}", "sportingnews.com")
    t = trace_origins([lead], [])["a"]
    assert t.origin == "outlet:Athletic" and t.kind == "credited"


def test_sentence_openers_are_not_part_of_a_credited_name_and_hyphens_do_not_split_an_outlet():
    credits, _, _ = find_credits(
        ["The Erie Times News reports that the bill was $284 billion.",
         "As the Erie Times-News reported, that is more than the debt of Hungary."], set())
    assert [c.name for c in credits] == ["The Erie Times News", "Erie Times-News"]
    a = art("a", "The Erie Times News reports that the bill was $284 billion. As the Erie Times-News reported, "
            "that is more than the debt of Hungary. The utility fixed it.", "npr.org")
    b = art("b", "A woman got a $284 billion bill, she told the Erie Times-News. She told the Erie Times-News "
            "her eyes popped. The utility fixed it.", "huffingtonpost.com")
    t = trace_origins([a, b], [])
    # two spellings of one outlet: one outside origin, named by its most used spelling
    assert t["a"].origin == t["b"].origin == "outlet:Erie Times-News"


def test_a_wire_story_that_credits_a_member_paper_rests_on_that_paper():
    wire = "\nCopyright 2017 The Associated Press. All rights reserved."
    credited = art("w", "ERIE, Pa. (AP) — The Erie Times-News reports that a woman got a $284 billion bill. "
                   "The utility said a decimal point moved.\n___\nInformation from: Erie Times-News, "
                   "http://www.goerie.com" + wire, "washingtonpost.com")
    plain = art("p", "ERIE, Pa. (AP) — A woman got a $284 billion bill. The utility said a decimal point moved."
                + wire, "dailymail.co.uk")
    t = trace_origins([credited, plain], [])
    assert t["w"].origin == "outlet:Erie Times-News" and t["w"].kind == "copy"
    assert any("AP story credits its source" in e for e in t["w"].evidence)
    assert t["p"].origin == "wire:AP"


def test_articles_relaying_one_organisations_announcement_share_it_as_origin():
    assert "Sony" in announcements(["Sony has confirmed the full list of new features in the update."])
    # verbs that also tell events are not announcements; pronouns and outlets issue nothing
    assert not announcements(["Boko Haram released 21 girls.", "It confirmed the deal.",
                              "The Guardian revealed the plan."])
    a = art("a", "Sony has confirmed the full list of new features in update 5.50. Parents can limit play time. "
            "Sony writes: \u201cIf you want to reach friends quickly, use the new menu.\u201d", "psu.com")
    b = art("b", "With the update rolling out, Sony has announced the details of what to expect. Play time can "
            "be limited. Custom wallpapers arrive too.", "gamespot.com")
    c = art("c", "Sony has announced the update. \u201cIt is a modest release,\u201d the analyst Jane Roe told "
            "us. Parents can limit play time.", "example.com")
    t = trace_origins([a, b, c], [])
    assert t["a"].origin == t["b"].origin == "release:Sony" and t["a"].kind == "rewrite"
    assert t["c"].origin == "c"  # someone else quoted: reporting of its own


def test_a_section_host_is_known_by_its_registered_name():
    assert "cnn" in outlet_keys(None, "http://money.cnn.com/2017/12/02/x.html")
    assert "bbc" in outlet_keys(None, "http://news.bbc.co.uk/x")
    assert "abc" in outlet_keys(None, "https://www.abc.net.au/news/x")


def test_syndication_footers_and_what_an_outlet_saw_are_credits():
    credits, _, _ = find_credits(
        ["Tiangong-1 is out of control originally appeared on BGR.com on Mon, 1 Jan 2018.",
         "Seen by The Verge, the glasses weigh under 50 grams.",
         "The plans were revealed by the Financial Times on Monday.",
         "Residents said the plan was seen by many as a mistake."], set())
    assert [(c.name, c.cue) for c in credits] == [
        ("BGR.com", "first reported by"), ("The Verge", "obtained by"), ("Financial Times", "reported")]


def test_a_page_whose_headline_is_the_sites_own_is_not_an_article():
    from storyprism.reuse.topic import off_topic_articles, section_page

    assert section_page("World news", outlet_keys("rt.com")) and section_page("ABC News", outlet_keys("abcnews.go.com"))
    assert not section_page("World news: Two Koreas talk again", outlet_keys("rt.com"))
    teaser = art("t", "After months of rhetoric, the two Koreas are talking again, the first time in two years.",
                 "rt.com")
    teaser.title = "World news - RT International"
    assert "section or landing page" in off_topic_articles([teaser], use_embeddings=False)["t"]


def test_a_papers_agency_feed_is_wire_carriage_and_its_own_sections_are_its_own():
    from storyprism.reuse.credits import wire_signals

    assert wire_signals("Body.", "https://www.nytimes.com/aponline/2017/12/27/us/ap-us-weather.html")[0] == "AP"
    assert wire_signals("Body.", "https://www.nytimes.com/reuters/2018/01/02/world/x.html")[0] == "Reuters"
    _, _, own = find_credits(["\u201cIt looks exciting,\u201d the astronomer told NBC News MACH."],
                             outlet_keys("nbcnews.com", "https://www.nbcnews.com/mach/x"))
    assert own


def test_an_interview_given_to_an_outlet_and_its_named_piece_are_credits():
    credits, _, _ = find_credits(
        ["In an extensive interview with Deadline, the director tells all.",
         "Speaking to the BBC, she said the plan had failed.",
         "\u201cI was not a groundbreaker,\u201d she said in the Times article.",
         "The director told Deadline Monday that the crash was his fault."], set())
    assert [(c.name, c.cue) for c in credits] == [
        ("Deadline", "told"), ("BBC", "told"), ("Times", "report by"), ("Deadline", "told")]


def test_three_long_narrative_sentences_printed_word_for_word_mean_one_source():
    from storyprism.records import Alignment, Reuse

    sentences = [
        "The satellite will carry a radio telescope to the far side of the moon later this year for the first time.",
        "A second launch will send a lander and a rover, guided to a safe landing by the relay satellite itself.",
        "The lander will also carry a container of seeds and silkworm eggs to test whether life can grow there.",
        "\u201cWe are pushing back the frontier,\u201d the analyst said, adding that the mission was very difficult.",
    ]

    def relation(n: int) -> Reuse:
        return Reuse(source="a", copy="b", kind="shared-source", coverage=0.3, score=0.3,
                     alignments=[Alignment(s, s, 1.0) for s in sentences[:n]] + [Alignment(sentences[3], sentences[3], 1.0)])

    a = art("a", " ".join(sentences), "sputniknews.com", published="2017-12-31T21:49:00")
    b = art("b", " ".join(sentences) + " Scroll down for video.", "dailymail.co.uk", published="2018-01-01T16:34:08")
    t = trace_origins([a, b], [relation(3)])
    assert t["b"].origin == "a" and t["b"].kind == "edited"
    assert any("narrative sentences" in e for e in t["b"].evidence)
    # two pasted sentences and a shared quote: two reports that quote one person, kept apart
    t = trace_origins([a, b], [relation(2)])
    assert t["a"].origin == "a" and t["b"].origin == "b"
    # a later piece that reported on its own (it credits its own outlet) keeps its origin
    reported = art("b", " ".join(sentences) + " The agency told the Daily Mail the launch was on schedule.",
                   "dailymail.co.uk", published="2018-01-01T16:34:08")
    t = trace_origins([a, reported], [relation(3)])
    assert t["b"].origin == "b"


def test_a_wire_copys_tied_credits_are_not_recorded_as_its_own_problem():
    wire = "\nCopyright 2017 The Associated Press. All rights reserved."
    credits = ("The team said the flight was delayed, The Dallas Morning News reported. The airline apologised, "
               "the Fort Worth Star-Telegram reported. Fans were angry, The Dallas Morning News reported. "
               "The coach said nothing, the Fort Worth Star-Telegram reported.")
    tied = art("w", "DALLAS (AP) — " + credits + wire, "washingtonpost.com")
    t = trace_origins([tied], [])["w"]
    assert t.origin == "wire:AP" and not any("own origin" in p for p in t.problems)
    # the same credits on a staff piece are a recorded problem, not a silent guess
    own = art("o", credits, "example.com")
    assert any("conflicting credits" in p for p in trace_origins([own], [])["o"].problems)


def test_a_picture_desks_image_credit_is_not_wire_carriage_but_a_closing_agency_line_is():
    from storyprism.reuse.credits import wire_signals

    photo = ("Crews worked through the night at the depot.\nImage copyright PA Image caption Crews at the depot\n"
             "Our correspondent spoke to two drivers who saw the crash.")
    assert wire_signals(photo, None)[0] is None
    signed = ("Crews worked through the night at the depot.\nThe mayor thanked them for their work.\nPA")
    wire, evidence, _ = wire_signals(signed, None)
    assert wire == "PA" and "sign-off" in evidence[0]
    # a bare agency name anywhere but the last line stays a possible photo credit
    assert wire_signals("Crews worked at the depot.\nReuters\nThe mayor thanked them.", None)[0] is None


def test_a_credit_finds_the_credited_outlets_piece_from_the_same_days_even_when_it_is_reworded():
    scoop = art("nyt", "A group of former engineers from large technology companies formed a coalition on Sunday to "
                "lobby for limits on addictive product design. The coalition plans advertising in schools and a "
                "lobbying effort in state capitals, its founders said in interviews.", "nytimes.com",
                "2018-02-04T18:00:00")
    brief = art("bi", "Former engineers of big technology firms formed a coalition to curb addictive apps, the New "
                "York Times reports. "
                "Their coalition will run adverts aimed at parents. Critics say the industry profits from "
                "attention and has resisted regulation for years.", "businessinsider.com", "2018-02-05T09:00:00")
    other = art("old", "The same paper reviewed a smartwatch with an adequate battery and a sharp screen.",
                "nytimes.com", "2018-01-10T09:00:00")
    t = trace_origins([scoop, brief, other], [])
    assert t["bi"].origin == "nyt" and t["bi"].kind == "credited"
    # a week later the same credit is left as an outside origin: no piece of the Times is near enough
    late = art("bi", brief.text, "businessinsider.com", "2018-02-12T09:00:00")
    assert trace_origins([scoop, late, other], [])["bi"].origin == "outlet:New York Times"


def test_a_short_form_credit_in_a_derived_article_names_its_own_traced_source():
    from storyprism.compare.claims import sentence_origin, story_text
    from storyprism.compare.options import CompareOptions
    from storyprism.records import Story

    nyt = art("nyt", "The founder said the campaign was modelled on drives against smoking.", "nytimes.com")
    london = art("times", "A new alliance warned about phones in schools on Monday.", "thetimes.co.uk")
    mag = art("mag", "Interestingly, the founder told the Times that the campaign is modelled on anti-smoking drives.",
              "pcmag.com")
    story = Story(id="s", title="t", articles=["nyt", "times", "mag"])
    st = story_text(story, {a.id: a for a in (nyt, london, mag)}, {"nyt": "nyt", "times": "times", "mag": "nyt"},
                    CompareOptions())
    i = next(k for k, s in enumerate(st.sentences) if s.article == "mag")
    assert sentence_origin(st, i) == "nyt"
    # an article that is its own origin reads the short form as the outlet whose key it matches
    st.origins["mag"] = "mag"
    assert sentence_origin(st, i) == "times"


def test_an_inverted_credit_after_its_clause_names_the_broadcasters_article():
    credits, _, _ = find_credits(["The strike came when troops called in air support, reports BBC News.",
                                  "Prices rose again on Monday, reported analysts in the city."], set())
    assert [(c.name, c.cue) for c in credits] == [("BBC News", "reported")]
    bbc = art("bbc", "Troops called in air support when they were surrounded, officials said. The strike killed "
              "civilians in the province and a Nato inquiry began. Fighters attacked the consulate overnight.",
              "bbc.com")
    sun = art("sun", "Fighters attacked the consulate overnight. The strike came when troops called in air support "
              "in the province, reports BBC News. A Nato inquiry began.", "thesun.co.uk")
    assert trace_origins([bbc, sun], [])["sun"].origin == "bbc"  # "BBC News" is bbc.com's news arm
