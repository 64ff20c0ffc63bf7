"""Independence: a loose rewrite retells its source passage by passage, in order (the lockstep run
decides it); one newsroom's own pieces on one story are one origin."""

from __future__ import annotations

import numpy as np

from storyprism.records import Article
from storyprism.reuse.align import AlignmentResult, SentenceMatch, lockstep_run
from storyprism.reuse.decide import PairFeatures, decide, pair_features
from storyprism.reuse.trace import newsroom_pieces


def _matches(points: list[tuple[int, int]], similarity: float = 0.76) -> list[SentenceMatch]:
    return [SentenceMatch(i, j, similarity) for i, j in points]


def test_lockstep_run_follows_a_diagonal_with_small_gaps() -> None:
    # source sentences 3..13 retold as copy sentences 0..14, one or two at a time
    diagonal = [(3, 0), (4, 2), (5, 4), (6, 5), (7, 6), (8, 7), (10, 9), (11, 11), (12, 12), (13, 14)]
    assert lockstep_run(_matches(diagonal)) == 10
    # a jump of three sentences on either side breaks the chain
    assert lockstep_run(_matches([(0, 0), (1, 1), (4, 2), (5, 3)])) == 2
    assert lockstep_run([]) == 0


def test_lockstep_run_ignores_scattered_shared_facts() -> None:
    # independent reports of one event: facts shared in other places and orders
    scattered = [(0, 3), (2, 6), (30, 6), (8, 8), (11, 11), (32, 13), (44, 15), (45, 16)]
    assert lockstep_run(_matches(scattered)) <= 2


def _features(run: int, counted_b: int, mean: float) -> PairFeatures:
    return PairFeatures(
        coverage_a=0.2, coverage_b=0.5, strong_coverage_a=0.1, strong_coverage_b=0.3,
        mean_similarity=mean, in_order=1.0, aligned=run + 2, counted_a=60, counted_b=counted_b, run=run,
    )


def test_a_long_passage_retold_in_order_is_a_rewrite() -> None:
    assert decide(_features(run=10, counted_b=24, mean=0.77)) == "rewrite"


def test_short_runs_and_weak_similarity_stay_independent() -> None:
    assert decide(_features(run=4, counted_b=24, mean=0.77)) != "rewrite"
    # a run of six in a 40-sentence copy covers too little of it to make it a rewrite
    assert decide(_features(run=6, counted_b=40, mean=0.8)) != "rewrite"
    # in order but each sentence only loosely alike: the same topic, not a retelling
    assert decide(_features(run=10, counted_b=24, mean=0.7)) != "rewrite"


def test_a_statement_both_quote_in_order_does_not_make_a_run() -> None:
    quoted = [f'"Sentence number {k} of the prepared statement reads the same everywhere," she said.' for k in range(8)]
    alignment = AlignmentResult(
        matches=[SentenceMatch(k, k, 0.95) for k in range(8)], coverage_a=1.0, coverage_b=1.0,
        mean_similarity=0.95, in_order=1.0, counted_a=8, counted_b=8,
    )
    empty = np.array([], dtype=np.uint64)
    f = pair_features(empty, empty, quoted, quoted, alignment)
    assert f.run == 0
    assert f.verbatim_quoted == 8


def _art(aid: str, url: str, published: str, text: str = "Some text of the piece.") -> Article:
    return Article(id=aid, ref=aid, title=aid, text=text, url=url, published=published)


def test_own_pieces_of_one_newsroom_in_one_story_count_once() -> None:
    relay_text = ("The gunman had rented the room for four days, The Washington Post reported on Tuesday. "
                  "The paper said he brought ten cases into the hotel.")
    articles = [
        _art("profile", "https://www.nytimes.com/2017/10/02/us/profile.html", "2017-10-02T09:12:27"),
        _art("graphic", "https://www.nytimes.com/interactive/2017/10/02/us/graphic.html", "2017-10-02T00:00:00"),
        _art("recap", "https://www.nytimes.com/2017/10/09/us/recap.html", "2017-10-09T10:00:00"),
        _art("followup", "https://www.nytimes.com/2017/11/03/us/followup.html", "2017-11-03T10:00:00"),
        _art("anniversary", "https://www.nytimes.com/2018/09/30/us/year-on.html", "2018-09-30T10:00:00"),
        _art("wire", "https://www.nytimes.com/aponline/2017/10/02/us/ap.html", "2017-10-02T12:00:00"),
        _art("relay", "https://www.nytimes.com/2017/10/03/us/relay.html", "2017-10-03T12:00:00", relay_text),
        _art("other", "https://edition.cnn.com/2017/10/02/us/shooting.html", "2017-10-02T08:00:00"),
        _art("elsewhere", "https://www.nytimes.com/2017/10/02/world/other.html", "2017-10-02T08:00:00"),
    ]
    kinds = {a.id: "self" for a in articles} | {"wire": "copy"}
    story = ["profile", "graphic", "recap", "followup", "anniversary", "wire", "relay", "other"]
    joined = newsroom_pieces([story, ["elsewhere"]], articles, kinds)
    # reading rule: a newsroom's own pieces in one story are one origin, the follow-up a week or a
    # month later included (same sources, same contacts); a piece published beyond the story's window
    # reports another event and starts anew; AP copy the site carries keeps AP as its origin; a piece
    # relaying another outlet's report is not the newsroom's reporting; another story is another event
    assert joined == {"profile": "graphic", "recap": "graphic", "followup": "graphic"}
    assert "anniversary" not in joined and "wire" not in joined and "relay" not in joined
    assert newsroom_pieces([["profile", "graphic"]], articles, kinds, off={"graphic"}) == {}


def test_a_loose_paraphrase_changes_no_number_or_negation_but_a_close_rewording_does() -> None:
    from storyprism.reuse.changes import sentence_changes

    loose = sentence_changes(
        "Being in the shadow of the moon allows stray radio signals from Earth to be blocked.",
        "Also, if a telescope is fitted at the far side of the moon, it will not get disturbed by radio signals.",
    )
    assert loose == []
    close = sentence_changes("Russia has massed more than 100,000 troops near the border.",
                             "Russia has not massed 10,000 troops near the border.")
    assert {c.kind for c in close} == {"number", "negation"}


def test_figures_both_texts_can_state_and_dropped_negated_clauses_are_not_changes() -> None:
    from storyprism.reuse.changes import negation_changes, number_changes

    assert number_changes("At least 59 are dead and more than 500 were injured at the festival.",
                          "At least 59 people were killed, and 527 were injured at the festival.") == []
    assert number_changes("About 40 people were hurt in the fire.", "Some 48 people were hurt in the fire.") == []
    assert [c.kind for c in number_changes("The fire killed 12 people.", "The fire killed 21 people.")] == ["number"]
    # two quantities in one place of the sentence, counting different things
    assert number_changes("Neu, 67, was charged with 269 counts of wire fraud after the police investigation.",
                          "Neu, 67, was arrested this week following an 18-month police investigation.") == []
    # the copy dropped the negated clause: an omission
    assert negation_changes("Reports lacked the usual boasts, indicating it may not have been a complete success.",
                            "Reports lacked the usual boasts.") == []
    assert negation_changes("It added that someone was injured.", "It added that no one was injured.") != []
    # a negated sentence repeated in a merged unit: negated on both sides, no flip
    once = "I mean, not over Christmas, that wasn't the fight that ended it."
    assert negation_changes(once, f"{once} {once}") == []
