"""Round 13 of telling similar events apart in short undated texts: single-digit counts in the
headline are identity keys.

A headline states the happening's key figure as a numeral ("1 worker injured", "3 missiles"); the
terms leave single digits out (too short to say what the news is about), so two short reports of one
kind that differ only in a small toll used to carry the same identity keys. Texts are written for
these tests.
"""

from __future__ import annotations

from collections import Counter

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_with_features
from storyprism.stories.features import article_features, identity_keys


def art(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.net", published=None)


def test_headline_single_digit_counts_are_keys_but_times_and_decimals_are_not() -> None:
    keys = identity_keys(
        "Two freight trams collide near Dellmoor depot at 9:50, 1 driver hurt, 2.5 tonnes spilled",
        "The cab was lifted by a crane; 3 cars of the second tram were damaged.",
        Counter(),
    )
    assert keys["1"] == 2  # in the headline: counted as headline terms are
    assert "9" not in keys  # a time of day is no count
    assert "2" not in keys and "5" not in keys  # nor is a decimal
    assert "3" not in keys  # a lone digit in running text is mostly incidental: headlines carry the figure


def test_headline_clock_times_and_shares_are_no_counts() -> None:
    keys = identity_keys("Dellmoor tram line shut at 2 p.m., fares up 3% from 4 pm", "", Counter())
    assert not {"2", "3", "4"} & set(keys)


def test_reports_that_differ_only_in_a_small_toll_keep_their_count_apart() -> None:
    one = article_features(art("a", "Freight trams collide near Dellmoor depot, 1 driver hurt",
                               "Two freight trams collided near Dellmoor depot and 1 driver was hurt."))
    other = article_features(art("b", "Freight trams collide near Dellmoor depot, 4 drivers hurt",
                                 "Two freight trams collided near Dellmoor depot and 4 drivers were hurt."))
    assert "1" in one.key_tf and "1" not in other.key_tf
    assert "4" in other.key_tf and "4" not in one.key_tf


def _report(aid: str, count: int, variant: int) -> Article:
    lead = (
        f"Two freight trams collided in the tunnel under Dellmoor depot on the night shift and {count} "
        f"drivers were hurt, the transit authority said in a statement about the collision."
    )
    if variant:
        lead = (
            f"Two freight trams collided in the tunnel under Dellmoor depot on the night shift and {count} "
            f"drivers were hurt, the transit authority said in its statement on the collision."
        )
    return art(aid, f"Freight trams collide in Dellmoor tunnel, {count} drivers hurt", lead)


def test_two_accidents_told_alike_with_other_small_tolls_are_two_events() -> None:
    # Wire copies of one accident repeat its toll; the same words with another toll are another
    # accident of the kind (the retelling test reads the digits now).
    articles = [_report("x1", 2, 0), _report("x2", 2, 1), _report("y1", 7, 0), _report("y2", 7, 1)]
    options = StoryOptions(use_embeddings=False)
    state = update_with_features([article_features(a) for a in articles], articles, StoryState(), [], options)
    event = {a: s.id for s in state.stories for a in s.articles}
    assert event["x1"] == event["x2"]
    assert event["y1"] == event["y2"]
    assert event["x1"] != event["y1"]
