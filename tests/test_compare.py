"""Comparison stage on hand-built records (real sentence encoder, no mocks)."""

from __future__ import annotations

import pytest

from storyprism.compare import CompareOptions, compare_stories
from storyprism.compare.text import split_sentences
from storyprism.records import (
    Alignment,
    AnalysisData,
    Article,
    Change,
    Claim,
    DateMention,
    Extraction,
    Quote,
    Reuse,
    Story,
    Storyline,
)

A_TEXT = (
    "The city council approved a new budget for the harbour bridge repair on Monday evening.\n"
    "Mayor Linda Park said the repairs would start in early spring and last two years.\n"
    "The vote followed months of complaints from commuters about closed lanes on the bridge.\n"
    "Officials said more than 500 workers would be hired for the project."
)
B_TEXT = (
    "Council members on Monday voted to fund repairs to the harbour bridge in a new budget.\n"
    "Local fishermen worry that construction noise will scare fish away from the harbour.\n"
    "According to the city, about 200 workers will be hired for the bridge project.\n"
    "The mayor did not say when the work would begin, but a spokesman pointed to spring."
)
C_TEXT = (  # a rewrite of A
    "The city council passed a new budget on Monday evening for repairing the harbour bridge.\n"
    "Mayor Linda Park said that repairs would begin in early spring and would take two years.\n"
    "Commuters had complained for months about lanes being closed on the bridge."
)


def _sentence_of(text: str, fragment: str) -> str:
    return next(line for line in text.split("\n") if fragment in line)


def _data(**extraction: object) -> AnalysisData:
    articles = [
        Article(id="a", ref="a.txt", title="Budget for bridge", text=A_TEXT, outlet="Daily A",
                published="2024-03-04T18:00:00"),
        Article(id="b", ref="b.txt", title="Bridge repairs funded", text=B_TEXT, outlet="Courier B",
                published="2024-03-04T20:00:00+00:00"),
        Article(id="c", ref="c.txt", title="Bridge budget passed", text=C_TEXT, outlet="Farm C", published=None),
    ]
    story = Story(id="s-bridge", title="Bridge repair budget", articles=["a", "b", "c"], storyline="l1")
    return AnalysisData(
        articles=articles,
        stories=[story],
        storylines=[Storyline(id="l1", title="Harbour bridge", stories=["s-bridge"])],
        origins={"a": "a", "b": "b", "c": "a"},
        extraction=Extraction(**extraction),  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def plain():
    return compare_stories(_data(), CompareOptions())


def test_same_fact_in_other_words_is_one_claim_counting_copies_once(plain):
    budget = [c for c in plain.claims if "budget" in c.text.lower() and "bridge" in c.text.lower()]
    assert len(budget) == 1, [c.text for c in plain.claims]
    claim = budget[0]
    assert set(claim.articles) == {"a", "b", "c"}
    assert claim.independent_support == 2  # c is a's rewrite: counted with a
    assert claim.origins == ["a", "b"]
    assert claim.first_reported == "a"  # earliest known publication time; c has none
    assert claim.id.startswith("c-") and claim.story == "s-bridge"


def test_unrelated_statements_stay_single_source(plain):
    fish = [c for c in plain.claims if "fish" in c.text.lower()]
    assert len(fish) == 1 and fish[0].articles == ["b"] and fish[0].independent_support == 1


def test_claim_ids_are_stable_across_runs(plain):
    again = compare_stories(_data(), CompareOptions())
    assert [c.id for c in again.claims] == [c.id for c in plain.claims]
    assert len({c.id for c in plain.claims}) == len(plain.claims)


def test_summary_leads_with_best_supported_claim_and_cites(plain):
    (summary,) = plain.summaries
    assert 0 < len(summary.sentences) <= CompareOptions().summary_sentences
    best = max(plain.claims, key=lambda c: c.independent_support)
    assert summary.sentences[0].text == best.text
    assert summary.sentences[0].outlets == sorted({"Daily A", "Courier B", "Farm C"})
    assert len({s.text for s in summary.sentences}) == len(summary.sentences)


def test_outlet_coverage_adds_and_omits(plain):
    cov = {c.outlet: c for c in plain.outlet_coverage}
    assert set(cov) == {"Daily A", "Courier B", "Farm C"}
    fish = next(c.id for c in plain.claims if "fish" in c.text.lower())
    assert fish in cov["Courier B"].adds and fish not in cov["Daily A"].adds
    budget = next(c.id for c in plain.claims if c.independent_support == 2 and "budget" in c.text.lower())
    assert all(budget not in c.omits for c in plain.outlet_coverage)  # everyone carries it


def test_timeline_orders_articles_and_unknown_dates_last(plain):
    articles = [e for e in plain.timeline if e.kind == "article"]
    assert [e.articles[0] for e in articles] == ["a", "b", "c"]
    assert any(e.kind == "event" for e in plain.timeline)


def test_numbers_are_read_from_the_text(plain):
    (conflict,) = [c for c in plain.conflicts if c.kind == "number"]
    assert {s.value for s in conflict.sides} == {"more than 500 workers", "about 200 workers"}
    # each side is the full sentence, with its outlets and ultimate origins
    assert {s.text for s in conflict.sides} == {
        _sentence_of(A_TEXT, "500 workers"), _sentence_of(B_TEXT, "200 workers")}
    assert sorted(o for s in conflict.sides for o in s.outlets) == ["Courier B", "Daily A"]
    assert sorted(o for s in conflict.sides for o in s.origins) == ["a", "b"]
    assert conflict.attribute == "number of workers" and 0.0 < conflict.confidence <= 1.0


def test_no_conflict_from_rewording():
    data = _data()
    data.articles[1].text = data.articles[1].text.replace("about 200 workers", "some 600 workers")
    result = compare_stories(data, CompareOptions())
    assert result.conflicts == []
    assert any(c.independent_support == 2 for c in result.claims)


def _with_b_workers(phrase: str) -> AnalysisData:
    data = _data()
    data.articles[1].text = data.articles[1].text.replace("about 200 workers", phrase)
    return data


def test_disjoint_numbers_about_the_same_thing_conflict():
    result = compare_stories(_with_b_workers("about 200 workers"), CompareOptions())
    (conflict,) = [c for c in result.conflicts if c.kind == "number"]
    assert sorted(a for s in conflict.sides for a in s.articles) == ["a", "b"]
    assert conflict.about == "workers"


@pytest.mark.parametrize("phrase", ["about 550 workers", "nearly 600 workers", "520 workers", "some 500 workers"])
def test_compatible_values_or_rounding_do_not_conflict(phrase):
    result = compare_stories(_with_b_workers(phrase), CompareOptions())
    assert not [c for c in result.conflicts if c.kind == "number"]


def test_a_copy_disagreeing_with_its_source_is_no_conflict():
    data = _data()
    data.articles[2].text += "\nOfficials said 200 workers would be hired for the project."
    data.articles[1].text = data.articles[1].text.replace("about 200 workers", "a new crew")
    result = compare_stories(data, CompareOptions())
    assert not [c for c in result.conflicts if c.kind == "number"]  # c copies a: a rewrite, not a source


def test_different_things_sharing_a_unit_do_not_conflict():
    data = _data()
    data.articles[0].text += "\nThe city's shares fell 1 percent to $254 in early trading on Monday."
    data.articles[1].text += "\nThe city, which gets more than 40 percent of its revenue from tolls, voted on Monday."
    result = compare_stories(data, CompareOptions())
    assert [c.about for c in result.conflicts if c.kind == "number"] == ["workers"]


def test_no_one_hurt_against_a_count_of_injured_is_a_polarity_conflict():
    data = _data()
    data.articles[0].text += "\nThe council said no one was injured when scaffolding on the bridge fell on Monday."
    data.articles[1].text += "\nTwo workers were hurt when scaffolding on the bridge fell on Monday."
    result = compare_stories(data, CompareOptions())
    (conflict,) = [c for c in result.conflicts if c.kind == "polarity"]
    assert sorted(a for s in conflict.sides for a in s.articles) == ["a", "b"]
    assert conflict.attribute == "whether anyone was injured"


def test_dates_that_disagree_about_the_same_event():
    dates = [
        DateMention(article="a", text="Monday", value="2024-03-04", sentence=_sentence_of(A_TEXT, "approved")),
        DateMention(article="b", text="Monday", value="2024-03-11", sentence=_sentence_of(B_TEXT, "voted")),
    ]
    result = compare_stories(_data(dates=dates), CompareOptions())
    (conflict,) = [c for c in result.conflicts if c.kind == "date"]
    assert sorted(a for s in conflict.sides for a in s.articles) == ["a", "b"]
    same = [dates[0], DateMention(article="b", text="Monday", value="2024-03", granularity="month",
                                  sentence=dates[1].sentence)]
    assert not [c for c in compare_stories(_data(dates=same), CompareOptions()).conflicts if c.kind == "date"]


def test_statement_and_its_negation_conflict():
    data = _data()
    data.articles[0].text += "\nThe mayor confirmed that the bridge will be closed to trucks during the repairs."
    data.articles[1].text += "\nThe mayor did not confirm that the bridge will be closed to trucks during the repairs."
    result = compare_stories(data, CompareOptions())
    negations = [c for c in result.conflicts if c.kind == "negation"]
    assert len(negations) == 1
    assert {a for s in negations[0].sides for a in s.articles} == {"a", "b"}


def test_same_quote_credited_to_different_speakers():
    quotes = [
        Quote(article="a", text="We will fix this bridge", direct=True, speaker="Linda Park", variant_group="q1"),
        Quote(article="b", text="We will fix this bridge", direct=True, speaker="Tom Reyes", variant_group="q1"),
        Quote(article="c", text="we will fix the bridge", direct=True, speaker="Park", variant_group="q1"),
    ]
    result = compare_stories(_data(quotes=quotes), CompareOptions())
    (conflict,) = [c for c in result.conflicts if c.kind == "speaker"]
    assert sorted(sorted(s.articles) for s in conflict.sides) == [["a", "c"], ["b"]]


def test_rewrite_changes_most_serious_first_rewordings_left_out():
    data = _data()
    data.reuses = [Reuse(source="a", copy="c", kind="rewrite", coverage=0.9, alignments=[
        Alignment(source_sentence="Linda Park spoke.", copy_sentence="Mayor Linda Park spoke.", similarity=0.9,
                  changes=[Change(kind="entity", source_text="Park", copy_text="Linda Park"),
                           Change(kind="hedge-removed", source_text="reportedly", copy_text="Linda Park spoke.")]),
        Alignment(source_sentence="Mayor Linda Park said the repairs would start.",
                  copy_sentence="Mayor Linda Park said that repairs would begin.", similarity=0.9,
                  changes=[Change(kind="attribution-dropped", source_text="Park said", copy_text="repairs")]),
        Alignment(source_sentence="The invasion of the bridge.", copy_sentence="The invasion by the bridge.",
                  similarity=0.9, changes=[Change(kind="role-flip", source_text="of the bridge", copy_text="by the bridge")]),
    ])]
    result = compare_stories(data, CompareOptions())
    changes = [c for c in result.conflicts if c.kind == "rewrite-change"]
    # the attribution is still in the copy (Park), the name is only reworded, the hedge was a clause
    assert [c.about.split(":")[0] for c in changes] == ["role-flip"]


def test_rewrite_changes_become_conflicts():
    data = _data()
    data.reuses = [Reuse(source="a", copy="c", kind="rewrite", coverage=0.9, alignments=[
        Alignment(source_sentence="The repairs would last two years.", copy_sentence="The repairs would last three years.",
                  similarity=0.9, changes=[Change(kind="number", source_text="two years", copy_text="three years")])])]
    result = compare_stories(data, CompareOptions())
    (conflict,) = [c for c in result.conflicts if c.kind == "rewrite-change"]
    assert conflict.sides[0].articles == ["a"] and conflict.sides[1].articles == ["c"]
    assert "two years" in conflict.about and "three years" in conflict.about


def test_lexical_only_mode_still_groups_near_copies():
    result = compare_stories(_data(), CompareOptions(embeddings=False))
    park = [c for c in result.claims if "Park" in c.text]
    assert len(park) == 1 and set(park[0].articles) == {"a", "c"}


def test_bad_input_never_crashes():
    data = AnalysisData(
        articles=[Article(id="x", ref="x", title="", text=""), Article(id="y", ref="y", title="t", text="Short.")],
        stories=[Story(id="s1", title="odd", articles=["x", "y", "missing"]), Story(id="s2", title="none", articles=[])],
    )
    result = compare_stories(data, CompareOptions())
    assert result.claims == [] and result.conflicts == []
    assert compare_stories(_data(), CompareOptions(enabled=False)).claims == []


def test_sentence_splitter_keeps_abbreviations_and_initials():
    text = "Mr. Smith met U.S. officials on Jan. 5 in Washington. J. R. Doe agreed.\nA new line starts here."
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
        "J. R. Doe agreed.",
        "A new line starts here.",
    ]


def test_sentence_splitter_keeps_a_quotation_whole():
    text = "“We agreed. We will talk,” she said. Then she left.\n“Unclosed quote. " + "Words go on. " * 40
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[0] == "“We agreed. We will talk,” she said."
    assert sentences[1] == "Then she left."
    assert len(sentences) > 3  # an unclosed quotation does not swallow the paragraph


def test_different_exact_counts_and_durations_do_not_conflict():
    data = _data()
    data.articles[0].text += (
        "\nProsecutors charged 25 people with fraud over earlier bridge contracts."
        "\nThe first inspection of the bridge deck took eight hours."
    )
    data.articles[1].text += (
        "\nFive people were hurt when scaffolding on the old bridge collapsed last year."
        "\nThe first inspection of the bridge deck took four hours."
    )
    result = compare_stories(data, CompareOptions())
    numbers = [c for c in result.conflicts if c.kind == "number"]
    assert [c.about for c in numbers] == ["workers"]  # only the estimates of the same workforce


def test_timeline_sorts_month_dates_as_that_month_and_drops_unstated_future_dates():
    data = _data()
    data.articles[0].text += (
        "\nThe bridge was first closed for repairs in June 2023 after an inspection."
        "\nThe bridge was painted blue in December 2023 by a private contractor."
        "\nThe bridge reopened to all traffic in May 2025 after the repairs."
    )
    dates = [
        DateMention(article="a", text="June 2023", value="2023-06", granularity="month",
                    sentence="The bridge was first closed for repairs in June 2023 after an inspection."),
        DateMention(article="a", text="December 2023", value="2023-12-15",
                    sentence="The bridge was painted blue in December 2023 by a private contractor."),
        DateMention(article="a", text="May 2025", value="2025-05", granularity="month",
                    sentence="The bridge reopened to all traffic in May 2025 after the repairs."),
    ]
    result = compare_stories(_data(dates=dates), CompareOptions())
    statements = [e for e in result.timeline if e.kind == "statement"]
    assert [e.date for e in statements] == ["2023-06", "2023-12-15"]  # May 2025 is after every article


def test_summary_leaves_out_pronoun_openings_and_credit_lines():
    data = _data()
    data.articles[0].text += "\nHe said the council would meet again next week to discuss tolls."
    data.articles[1].text += "\nHe said the council would meet again next week to discuss the tolls.\nCopyright 2024 The Associated Press. All rights reserved."
    result = compare_stories(data, CompareOptions())
    texts = [s.text for s in result.summaries[0].sentences]
    assert texts and not any(t.startswith("He ") or "Copyright" in t for t in texts)
    assert "budget" in texts[0].lower()  # opens with the event


def test_sentences_with_incompatible_values_are_two_claims_not_one():
    data = _data()
    data.articles[0].text += "\nThe repair of the harbour bridge will cost $32.6 million in city funds, officials said."
    data.articles[1].text += "\nThe repair of the harbour bridge will cost $41.2 million in city funds, officials said."
    result = compare_stories(data, CompareOptions())
    cost = [c for c in result.claims if "cost" in c.text]
    assert cost and not any({"a", "b"} <= set(c.articles) for c in cost)  # never one claim "carried" by a and b
    (conflict,) = [c for c in result.conflicts if c.kind == "number" and c.about != "workers"]
    assert conflict.attribute.startswith("amount of") and conflict.attribute.endswith("(USD)")
    assert {s.value for s in conflict.sides} == {"$32.6 million", "$41.2 million"}


def test_a_sentence_crediting_another_outlet_relays_its_report():
    data = _data()
    data.articles[1].text += "\nMayor Linda Park told the Daily A the repairs would start in early spring and last two years."
    result = compare_stories(data, CompareOptions())
    (claim,) = [c for c in result.claims if "early spring" in c.text and "b" in c.articles]
    # b's sentence is Daily A's report relayed: one origin (a, which c copies), not two
    assert claim.independent_support == 1 and claim.origins == ["a"]
    data = _data()
    data.articles[1].text += "\nMayor Linda Park told the Coast Post the repairs would start in early spring and last two years."
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "early spring" in c.text and "b" in c.articles]
    assert claim.origins == ["a", "outlet:Coast Post"]  # an outside outlet's report: a second origin, named


def test_quotes_of_a_speaker_credited_to_another_outlet_relay_its_interview():
    data = _data()
    quote = "“We checked every bolt of the bridge ourselves last winter,” the engineer Ann Lee said."
    data.articles[0].text += "\n" + quote
    data.articles[1].text += ("\nThe harbour engineer Ann Lee told the Daily A that the old bridge was safe."
                              "\nShe has worked on the bridge for twenty years.\n" + quote.replace("the engineer Ann Lee", "Lee"))

    def spoken(article: Article) -> Quote:
        start = article.text.index("We checked")
        return Quote(article=article.id, text="We checked every bolt of the bridge ourselves last winter",
                     direct=True, speaker="Ann Lee", start=start, end=start + 57)

    data.extraction = Extraction(quotes=[spoken(data.articles[0]), spoken(data.articles[1])])
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "every bolt" in c.text]
    # two sentences away from the credit, Lee's words are still the Daily A's interview: one origin
    assert claim.articles == ["a", "b"] and claim.origins == ["a"]
    data.articles[1].text = data.articles[1].text.replace("told the Daily A", "said")
    data.extraction = Extraction(quotes=[spoken(data.articles[0]), spoken(data.articles[1])])
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "every bolt" in c.text]
    assert claim.origins == ["a", "b"]  # no credit: b heard Lee itself


def test_a_quote_going_on_from_a_credited_sentence_relays_the_same_outlet():
    from storyprism.compare.claims import sentence_origin, story_text

    data = _data()
    data.articles[1].text += ("\nThe harbour engineer Ann Lee told the Daily A that the old bridge was safe."
                              "\n“We checked every bolt of the bridge ourselves last winter,” the engineer said.")
    st = story_text(data.stories[0], {a.id: a for a in data.articles}, data.origins, CompareOptions())
    idx = {s.text[:12]: k for k, s in enumerate(st.sentences) if s.article == "b"}
    assert sentence_origin(st, idx["The harbour "]) == "a"
    assert sentence_origin(st, idx["“We checked "]) == "a"
    assert sentence_origin(st, idx["Local fisher"]) is None  # no credit: the article's own


def test_a_story_whose_storyline_changed_gets_only_a_new_timeline(monkeypatch):
    from storyprism import compare, pipeline
    from storyprism.options import Options
    from storyprism.store import Store

    data = _data()
    data.stories.append(Story(id="s-ferry", title="Ferry fares", articles=[], storyline="l1"))
    data.storylines[0].stories.append("s-ferry")
    options = Options()
    options.compare.embeddings = False
    store = Store(":memory:")
    pipeline.run_compare(store, data, options)
    claims_before = sorted(c.id for c in store.derived(Claim, "claim"))
    asked: list[tuple[set[str], set[str]]] = []
    real = compare.compare_stories

    def spy(d, o, progress=None, only=None, timelines_only=()):
        asked.append((set(only or ()), set(timelines_only)))
        return real(d, o, progress, only=only, timelines_only=timelines_only)

    monkeypatch.setattr(compare, "compare_stories", spy)
    ferry = Article(id="f", ref="f.txt", title="Ferry fares rise", outlet="Farm C", published="2024-03-05T09:00:00",
                    text="The harbour ferry will raise its fares by ten percent in April, the operator said.")
    data.articles.append(ferry)
    data.stories[1].articles = ["f"]
    pipeline.run_compare(store, data, options)
    assert asked == [({"s-ferry"}, {"s-bridge"})]  # the bridge story is not compared again...
    bridge = [c.id for c in store.derived(Claim, "claim") if c.story == "s-bridge"]
    assert sorted(bridge) == claims_before
    timeline = store.get_meta("comparison_extra")["timeline"]
    events = [e for e in timeline if e["story"] == "s-bridge" and e["kind"] == "event"]
    # ...but its timeline shows the sibling story as it is now
    assert any(e["articles"] == ["f"] for e in events)
    assert {e["story"] for e in timeline} == {"s-bridge", "s-ferry"}


def test_an_interview_relayed_by_another_outlet_counts_the_interviewer():
    from storyprism.compare.claims import sentence_origin, story_text

    data = _data()
    data.articles[1].text += ("\nThe harbour engineer Ann Lee told the Coast Post the old bridge was safe, "
                              "according to the Daily A.")
    st = story_text(data.stories[0], {a.id: a for a in data.articles}, data.origins, CompareOptions())
    (i,) = [k for k, s in enumerate(st.sentences) if s.text.startswith("The harbour engineer")]
    # the Daily A passes on the Coast Post's interview: the words are the Coast Post's
    assert sentence_origin(st, i) == "outlet:Coast Post"
    data.articles[1].text = data.articles[1].text.replace("told the Coast Post", "said")
    st = story_text(data.stories[0], {a.id: a for a in data.articles}, data.origins, CompareOptions())
    (i,) = [k for k, s in enumerate(st.sentences) if s.text.startswith("The harbour engineer")]
    assert sentence_origin(st, i) == "a"  # one relayed report: the Daily A's article in the story


def test_a_sentence_two_origins_carry_word_for_word_counts_once_whichever_copied_whom():
    shared = "Workers will repaint the steel towers of the harbour bridge in bright red before the summer festival."
    reworded = "Before the summer festival, the steel towers of the harbour bridge will be repainted bright red."
    data = _data()
    data.articles[0].text += "\n" + shared  # a (an original) and c (a's rewrite) state it, c in its own words
    data.articles[1].text += "\n" + shared  # b carries a's sentence word for word
    data.articles[2].text += "\n" + reworded
    # the reuse stage took b for the source (b's date is the only full timestamp, a compilation can
    # look earlier than the copy it took the sentence from): the sentence is still one statement
    data.reuses = [Reuse(source="b", copy="a", kind="shared-source", coverage=0.2, alignments=[
        Alignment(source_sentence=shared, copy_sentence=shared, similarity=1.0)])]
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "steel towers" in c.text]
    assert sorted(claim.articles) == ["a", "b", "c"]
    assert claim.independent_support == 1  # before: b (for a's pasted sentence) and a (for c) = 2
    data.reuses = []
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "steel towers" in c.text]
    # without the reuse stage's link the long sentence printed word for word still has one source
    assert claim.independent_support == 1


def test_a_short_stock_sentence_two_origins_share_does_not_join_them():
    data = _data()
    data.articles[0].text += "\nThe harbour bridge towers will be painted red soon."
    data.articles[1].text += "\nThe harbour bridge towers will be painted red soon."
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "painted red" in c.text]
    assert sorted(claim.articles) == ["a", "b"] and claim.independent_support == 2


def test_captions_and_page_furniture_are_not_statements():
    from storyprism.compare.text import is_statement

    caption = "Kris Bryant smiles as he fields the ball and makes the final out of the game for the Cubs"
    assert not is_statement(caption, 6, 80)  # no end punctuation, however long: a photo caption
    assert is_statement(caption + ".", 6, 80)
    assert not is_statement("Getty Images Ben Zobrist won the award for the most valuable player of the series.", 6, 80)
    assert not is_statement("Facebook Twitter Pinterest The relief pitcher reacts after giving up a home run.", 6, 80)
    assert not is_statement("[The Cubs had a great night and the fans poured into the streets.", 6, 80)
    assert not is_statement("1 of 26 Full Screen Autoplay Close Skip Ad The Cubs won their first title in a century.", 6, 80)


def test_a_short_sentence_with_a_figure_printed_word_for_word_has_one_source():
    data = _data()
    data.articles[0].text += "\nMore than 27 million passengers used the bridge in 2023."
    data.articles[1].text += "\nMore than 27 million passengers used the bridge in 2023."
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "27 million" in c.text]
    assert sorted(claim.articles) == ["a", "b"] and claim.independent_support == 1


def test_one_statement_pinned_to_different_months_is_two_claims():
    data = _data()
    data.articles[0].text += "\nThe mayor said in November that the harbour bridge tolls would fund the new ferry line."
    data.articles[1].text += "\nIn December, the mayor said that the harbour bridge tolls would fund the new ferry line."
    claims = [c for c in compare_stories(data, CompareOptions()).claims if "ferry line" in c.text]
    assert len(claims) == 2 and all(len(c.articles) == 1 for c in claims)
    data = _data()
    data.articles[0].text += "\nThe mayor said in November that the harbour bridge tolls would fund the new ferry line."
    data.articles[1].text += "\nIn November, the mayor said that the harbour bridge tolls would fund the new ferry line."
    (claim,) = [c for c in compare_stories(data, CompareOptions()).claims if "ferry line" in c.text]
    assert sorted(claim.articles) == ["a", "b"]
