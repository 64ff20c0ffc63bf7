"""Storylines follow the same actors even when the texts write them differently: a word of a name
among the strongest identity keys of both events counts, not only an identical leading name
(``storyprism.stories.storylines.same_actors``)."""

from __future__ import annotations

import pytest

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, storylines, update_stories
from storyprism.stories.cluster import Clusterer
from storyprism.stories.features import article_features
from storyprism.stories.state import Event
from storyprism.stories.storylines import assign_storylines, same_actors, shared_actors


def art(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.org", published=None)


# Two recalls by one carmaker: the first reports always name it in full ("Norvell Motors Group"), the
# second ones by its short name ("Norvell"); each recall has its own plant, official and count.
BRAKES = [
    art("r1", "Norvell Motors Group recalls 4,100 vans over faulty brake units",
        "Norvell Motors Group is recalling 4,100 delivery vans built at its Kestin plant because a brake "
        "unit can fail in cold weather, spokesman Harlan Voss said. Owners will get a letter and a free "
        "repair at any dealer."),
    art("r2", "Brake fault forces Norvell Motors Group to call back 4,100 vans",
        "Harlan Voss, speaking for Norvell Motors Group, said the 4,100 vans from the Kestin plant need a "
        "new brake unit. Dealers will fit the part for free, and no crash has been linked to the fault."),
    art("r3", "Kestin-built vans recalled by Norvell Motors Group",
        "Vans assembled in Kestin are being called back by Norvell Motors Group: 4,100 of them carry a brake "
        "unit that may fail, Harlan Voss told reporters. Repairs at dealers cost owners nothing."),
]
AIRBAGS = [
    art("s1", "Norvell recalls 9,700 hatchbacks over airbag fault",
        "Owners of 9,700 hatchbacks from the Dalmora line are asked to see a dealer: Norvell is recalling "
        "them after safety chief Ines Farrow found an airbag sensor that may misread a collision."),
    art("s2", "Airbag fault: Norvell recall covers 9,700 hatchbacks",
        "The recall announced by Norvell covers 9,700 hatchbacks built in Dalmora. Dealers will replace the "
        "airbag sensor as a free repair, Ines Farrow said, and no injury is known."),
    art("s3", "Ines Farrow explains Norvell airbag recall",
        "A free repair awaits owners of the 9,700 recalled hatchbacks, Ines Farrow said: Norvell dealers "
        "will swap the faulty airbag sensor fitted on the Dalmora line."),
]
# A recall of the same kind by another company: no actor in common.
FOOD = [
    art("t1", "Pellam Foods recalls 2,300 jars of baby food",
        "Pellam Foods is recalling 2,300 jars of baby food packed at its Ostrova plant because a lid seal "
        "can fail, spokeswoman Arva Lind said. Buyers will get a refund at any shop."),
]


def events_of(*groups: list[Article]) -> dict[str, Event]:
    """One event per group (placement forced), vectors weighed as ``update_stories`` does."""
    options = StoryOptions(use_embeddings=False)
    feats = [article_features(a) for group in groups for a in group]
    clusterer = Clusterer({}, options)
    clusterer.count(feats)
    by_id = {f.id: f for f in feats}
    for group in groups:
        eid = f"event-{group[0].id}"
        clusterer.events[eid] = Event(id=eid)
        for a in group:
            clusterer.place(by_id[a.id], into=eid)
    return clusterer.events


def test_one_actor_written_two_ways_is_the_same_actor() -> None:
    events = events_of(BRAKES, AIRBAGS, FOOD)
    brakes, airbags, food = events["event-r1"], events["event-s1"], events["event-t1"]
    # The leading names differ as written ("Norvell Motors Group" / "Norvell") ...
    assert not shared_actors(brakes, airbags)
    # ... but the word "norvell" is among the strongest identity keys of both.
    assert same_actors(brakes, airbags)
    assert same_actors(airbags, brakes)
    # Another company's recall is the same kind of news with no actor in common.
    assert not same_actors(brakes, food)
    assert not same_actors(airbags, food)


def test_two_recalls_by_one_maker_written_two_ways_share_a_storyline(monkeypatch: pytest.MonkeyPatch) -> None:
    options = StoryOptions(use_embeddings=False)
    lines = assign_storylines(events_of(BRAKES, AIRBAGS, FOOD), {}, options)
    by_event = {sid: line.id for line in lines.values() for sid in line.stories}
    events = events_of(BRAKES, AIRBAGS, FOOD)
    assert len(events) == 3 and len(by_event) == 3
    members = {eid: set(ev.members) for eid, ev in events.items()}
    line_of = {a: by_event[eid] for eid, arts in members.items() for a in arts}
    assert line_of["r1"] == line_of["s1"]  # one carmaker's recalls: one storyline
    assert line_of["t1"] != line_of["r1"]  # another company: a storyline of its own
    # Without the name-word rule the two recalls share no leading name and stay apart: the rule is
    # what links them.
    monkeypatch.setattr(storylines, "ACTOR_WORDS", 0)
    lines = assign_storylines(events_of(BRAKES, AIRBAGS, FOOD), {}, options)
    split = {a: line.id for line in lines.values() for sid in line.stories
             for a in members.get(sid, set())}
    assert split["r1"] != split["s1"]


def test_whole_run_two_recalls_two_events_one_storyline() -> None:
    articles = [BRAKES[0], AIRBAGS[0], BRAKES[1], AIRBAGS[1], BRAKES[2], AIRBAGS[2], *FOOD]
    state = update_stories(articles, StoryState(), [], StoryOptions(use_embeddings=False))
    events = {frozenset(s.articles) for s in state.stories}
    assert frozenset({"r1", "r2", "r3"}) in events
    assert frozenset({"s1", "s2", "s3"}) in events
    line = {a: s.storyline for s in state.stories for a in s.articles}
    assert line["r1"] == line["s2"]
    assert line["t1"] != line["r1"]
    # Every storyline lists its events, and every event has one.
    listed = {sid for ln in state.storylines for sid in ln.stories}
    assert listed == {s.id for s in state.stories}
