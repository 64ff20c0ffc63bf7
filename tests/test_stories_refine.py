"""A second look at placement: an article that greedy placement put into another happening's event
moves to its own once the events have taken shape (``storyprism.stories.refine``)."""

from __future__ import annotations

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import Clusterer
from storyprism.stories.features import article_features
from storyprism.stories.refine import reassign
from storyprism.stories.split import Held
from storyprism.stories.state import Event
from test_stories_split import DELIA, MARCO, storm


def misplaced(articles: list[Article], wrong: int) -> tuple[Clusterer, str, str, dict[str, Held]]:
    """Delia's three reports in one event with Marco's report ``wrong`` (placement forced), and
    Marco's other two reports in an event of their own."""
    feats = {f.id: f for f in (article_features(a) for a in articles)}
    clusterer = Clusterer({}, StoryOptions(use_embeddings=False))
    clusterer.count(list(feats.values()))
    delia = clusterer.place(feats["a1"])
    for aid in ("a2", "a3", f"b{wrong}"):
        clusterer.place(feats[aid], into=delia)
    marco = "marco-event"
    clusterer.events[marco] = Event(id=marco)
    for aid in sorted(a for a in feats if a.startswith("b") and a != f"b{wrong}"):
        clusterer.place(feats[aid], into=marco)
    held = {aid: Held.of(f) for aid, f in feats.items()}
    for aid, f in feats.items():  # freed once placed, as update_stories does, but for a manual split's
        if aid != "b1":
            f.vector, f.keys, f.embedding = {}, {}, None
    return clusterer, delia, marco, held


def test_an_article_of_another_happening_moves_to_its_event_which_takes_the_storyline() -> None:
    clusterer, delia, marco, held = misplaced(DELIA + MARCO, wrong=1)
    moved = reassign(clusterer, {delia, marco}, held)
    assert moved == 1
    assert set(clusterer.events[delia].members) == {"a1", "a2", "a3"}
    assert set(clusterer.events[marco].members) == {"b1", "b2", "b3"}
    assert clusterer.article_event["b1"] == marco
    # The moved article passed the Delia event's bar: one kind of news, so one storyline.
    assert clusterer.events[marco].sibling == delia
    assert next(iter(clusterer.events[delia].members)) == "a1"  # the founder stays first
    # Every name the moved article brought leaves with it (keywords and storylines read them).
    assert set(clusterer.events[delia].names) == set().union(*(article_features(a).names for a in DELIA))
    # Vectors are freed again after the look, but for an article a manual split names (b1 here):
    # the replay moves it by its exact vectors.
    assert held["b1"].feat.vector and held["b1"].feat.keys
    assert not held["a1"].feat.vector and not held["b2"].feat.vector


def test_articles_that_share_their_events_names_stay_put() -> None:
    second = storm("c", "Delia", "Port Arthur", "Jefferson", "Ron Tillman", 12, "Sept. 3")
    articles = DELIA + [Article(id=a.id.replace("c", "b"), ref=a.ref, title=a.title, text=a.text,
                                outlet=a.outlet, published=a.published) for a in second]
    clusterer, delia, marco, held = misplaced(articles, wrong=1)
    before = {eid: list(ev.members) for eid, ev in clusterer.events.items()}
    # b1 retells Delia (same names), and so do b2/b3: whichever event it is in shares its names.
    reassign(clusterer, {delia, marco}, held)
    after = {eid: list(ev.members) for eid, ev in clusterer.events.items()}
    assert after == before


def test_no_move_into_a_one_article_event() -> None:
    # Marco's other reports: one in an event of its own, one left with Delia's. Against one article
    # the similarity is pairwise, not an average over a group: no evidence that it fits better.
    clusterer, delia, marco, held = misplaced(DELIA + MARCO[:2], wrong=1)
    assert len(clusterer.events[marco].members) == 1
    assert reassign(clusterer, {delia, marco}, held) == 0
    assert clusterer.article_event["b1"] == delia


def test_two_storms_told_interleaved_end_in_two_events() -> None:
    articles = [DELIA[0], MARCO[0], DELIA[1], MARCO[1], DELIA[2], MARCO[2]]
    state = update_stories(articles, StoryState(), [], StoryOptions(use_embeddings=False))
    events = {frozenset(s.articles) for s in state.stories}
    assert events == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}
