"""Round 10 of telling similar events apart in short texts:

* a short text of another happening of one kind (other ship, captain, harbour, count) stays out of
  the first one's event;
* two events with no actor in common share a storyline when their centroids are as alike as the
  event bar (``storylines.TOPIC_LINK``), and not when they are merely of one kind.

Embeddings are set by hand (unit vectors in a few dimensions), so nothing here needs a model.
"""

from __future__ import annotations

import math

import pytest

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, storylines, update_with_features
from storyprism.stories.cluster import Clusterer
from storyprism.stories.features import ArticleFeatures, article_features, cosine, weigh
from storyprism.stories.state import Event
from storyprism.stories.storylines import assign_storylines, same_actors


def art(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.net", published=None)


def unit(*xs: float) -> list[float]:
    norm = math.sqrt(sum(x * x for x in xs))
    return [x / norm for x in xs]


# Three reports of one ferry fire, and a short later text telling a fire of the same kind with other names.
FERRY = [
    art(
        "f1",
        "Fire on the Orla Brenn ferry off Quillport, 212 passengers rescued",
        "Crew of the Orla Brenn fought a fire in the engine room off Quillport on Sunday, and all 212 "
        "passengers were taken off by lifeboats, Captain Tamsin Varga said.",
    ),
    art(
        "f2",
        "Quillport ferry blaze: Orla Brenn evacuated",
        "All 212 passengers left the burning Orla Brenn near Quillport, where Captain Tamsin Varga kept "
        "the ship steady until the lifeboats arrived, the coastguard said.",
    ),
    art(
        "f3",
        "Captain Tamsin Varga praised after Orla Brenn fire",
        "The harbour master at Quillport praised Captain Tamsin Varga for getting 212 passengers off the "
        "Orla Brenn once smoke filled the engine room.",
    ),
]
LATE_OTHER = art(
    "g1",
    "Inspectors board the Marrow Sound at Hexley",
    "Inspectors will question Captain Ilse Dorrit about the blaze, and the 97 people on board will be "
    "asked what they saw, an official at Hexley added.",
)


def features(articles: list[Article], target_blend: float) -> list[ArticleFeatures]:
    """Features with hand-set embeddings: the first three share one direction; each late text gets
    the direction that puts its blended similarity with the three at ``target_blend``."""
    options = StoryOptions()
    feats = [article_features(a) for a in articles]
    clusterer = Clusterer({}, options)
    clusterer.count(feats)
    base = [weigh(f, clusterer.df, clusterer.n_docs) for f in feats[:3]]
    for f in feats[:3]:
        f.embedding = unit(1.0, 0.0, 0.0, 0.0)
    for k, f in enumerate(feats[3:]):
        vector = weigh(f, clusterer.df, clusterer.n_docs)
        terms = sum(cosine(vector, b) for b in base) / len(base)
        w = options.embedding_weight
        e = (target_blend - (1.0 - w) * terms) / w
        assert 0.0 < e < 1.0, "the wording must leave room for the embedding to set the blend"
        other = [0.0, 0.0, 0.0]
        other[k % 3] = math.sqrt(1.0 - e * e)
        f.embedding = unit(e, *other)
    return feats


def events_by_article(feats: list[ArticleFeatures], articles: list[Article]) -> dict[str, str]:
    state = update_with_features(feats, articles, StoryState(), [], StoryOptions())
    return {a: s.id for s in state.stories for a in s.articles}


def test_lone_text_of_another_fire_stays_alone() -> None:
    bar = StoryOptions().threshold
    articles = [*FERRY, LATE_OTHER]
    event = events_by_article(features(articles, bar - 0.02), articles)
    assert event["f1"] == event["f2"] == event["f3"]
    assert event["g1"] != event["f1"]  # same kind of news, other ship, captain, harbour and count


# Two floods in two valleys: no name in common, and wording of one kind.
NORTH = [
    art(
        "n1",
        "Flood waters cut off Brannock",
        "Rain swelled the Tessel until it burst its banks at "
        "Brannock, and mayor Odile Fenn asked residents to climb to upper floors.",
    ),
    art(
        "n2",
        "Brannock under water",
        "Odile Fenn said boats from Carrow reached Brannock after the Tessel flooded the square.",
    ),
]
SOUTH = [
    art(
        "s1",
        "Flood waters cut off Menzey",
        "Rain swelled the Arlo until it burst its banks at Menzey, "
        "and mayor Piet Santos asked residents to climb to upper floors.",
    ),
    art(
        "s2",
        "Menzey under water",
        "Piet Santos said boats from Ulvar reached Menzey after the Arlo flooded the square.",
    ),
]


def flood_events(alike: float) -> dict[str, Event]:
    """One event per valley; ``alike`` is the cosine of their embeddings."""
    options = StoryOptions()
    feats = [article_features(a) for a in (*NORTH, *SOUTH)]
    clusterer = Clusterer({}, options)
    clusterer.count(feats)
    for f in feats:
        f.embedding = unit(1.0, 0.0) if f.id.startswith("n") else unit(alike, math.sqrt(1 - alike * alike))
    for group in ("n", "s"):
        eid = f"event-{group}"
        clusterer.events[eid] = Event(id=eid)
        for f in feats:
            if f.id.startswith(group):
                clusterer.place(f, into=eid)
    return clusterer.events


def test_events_as_alike_as_the_event_bar_share_a_storyline_without_an_actor() -> None:
    events = flood_events(0.95)
    assert not same_actors(events["event-n"], events["event-s"])  # no name in common
    lines = assign_storylines(events, {}, StoryOptions())
    assert events["event-n"].storyline == events["event-s"].storyline
    assert len(lines) == 1


def test_events_merely_of_one_kind_keep_their_storylines(monkeypatch: pytest.MonkeyPatch) -> None:
    events = flood_events(0.2)  # other wording altogether
    assign_storylines(events, {}, StoryOptions())
    assert events["event-n"].storyline != events["event-s"].storyline
    # And the close pair is linked by the rule, not by something else: raised out of reach, it is not.
    monkeypatch.setattr(storylines, "TOPIC_LINK", 2.0)
    events = flood_events(0.95)
    assign_storylines(events, {}, StoryOptions())
    assert events["event-n"].storyline != events["event-s"].storyline


def test_a_template_retold_with_other_names_needs_an_actor_in_common() -> None:
    """Two events one of which retells the other's words with other names (``Event.kin``): their
    wording is alike for any two happenings the template serves, so closeness alone links nothing."""
    events = flood_events(0.95)
    events["event-s"].kin = "event-n"
    assign_storylines(events, {}, StoryOptions())
    assert events["event-n"].storyline != events["event-s"].storyline
