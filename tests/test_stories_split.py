"""Two happenings in one event: the split pass separates groups that each name their own people,
places and days and barely share any (``storyprism.stories.split``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import Clusterer
from storyprism.stories.features import ArticleFeatures, article_features
from storyprism.stories.split import OWN_KEYS, Held, own_keys, split_events, two_happenings
from storyprism.stories.storylines import assign_storylines


def art(aid: str, title: str, text: str, published: str | None = None) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.com", published=published)


def storm(tag: str, name: str, town: str, county: str, mayor: str, dead: int, day: str) -> list[Article]:
    """Three reports of one hurricane on the Texas coast, in the words every such report uses."""
    return [
        art(f"{tag}1", f"Hurricane {name} hits {town}, {dead} dead",
            f"Hurricane {name} made landfall near {town} on {day}, killing {dead} people, {county} County "
            f"officials said. Mayor {mayor} ordered shelters opened across {town}. The National Hurricane "
            f"Center said {name} weakened as it moved inland over Texas."),
        art(f"{tag}2", f"{name} leaves {dead} dead in {county} County",
            f"At least {dead} people died after {name} struck {town} on {day}. {mayor}, the mayor of {town}, "
            f"said crews in {county} County were clearing roads. Texas sent rescue teams, and the National "
            f"Hurricane Center warned of flooding."),
        art(f"{tag}3", f"{town} counts the cost of Hurricane {name}",
            f"Residents of {town} returned on Monday to homes wrecked by {name}, which killed {dead} people on "
            f"{day}. {county} County judges asked Texas for aid, and mayor {mayor} said {town} would rebuild."),
    ]


DELIA = storm("a", "Delia", "Port Arthur", "Jefferson", "Ron Tillman", 12, "Sept. 3")
MARCO = storm("b", "Marco", "Rockport", "Aransas", "Linda Ochoa", 5, "Oct. 9")


def lumped(articles: list[Article]) -> tuple[Clusterer, str, dict[str, Held]]:
    """All articles in one new event, as a greedy placement cascade leaves them (placement forced)."""
    feats = [article_features(a) for a in articles]
    clusterer = Clusterer({}, StoryOptions(use_embeddings=False))
    clusterer.count(feats)
    first = clusterer.place(feats[0])
    for f in feats[1:]:
        clusterer.place(f, into=first)
    held = {f.id: Held.of(f) for f in feats}
    for f in feats:  # freed once placed, as update_stories does
        f.vector, f.keys = {}, {}
    return clusterer, first, held


def groups(clusterer: Clusterer) -> set[frozenset[str]]:
    return {frozenset(ev.members) for ev in clusterer.events.values()}


def test_two_storms_in_one_event_are_split_and_keep_one_storyline() -> None:
    interleaved = [a for pair in zip(DELIA, MARCO, strict=True) for a in pair]
    clusterer, first, feats = lumped(interleaved)
    made = split_events(clusterer, {first}, feats)
    assert len(made) == 1
    assert groups(clusterer) == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}
    assert first in clusterer.events and "a1" in clusterer.events[first].members, "the founder's side keeps the id"
    assert all(clusterer.article_event[a] == made[0] for a in ("b1", "b2", "b3"))
    assert clusterer.events[made[0]].n == 3 and clusterer.events[first].n == 3, "sums rebuilt from the articles"
    lines = assign_storylines(clusterer.events, {}, StoryOptions(use_embeddings=False))
    assert len(lines) == 1, "two happenings of one kind on one coast: one storyline"


def test_a_batch_that_lumps_two_storms_ends_with_two_events_in_one_storyline() -> None:
    """End to end on the tf-idf path, where placement alone lumps the interleaved reports."""
    interleaved = [a for pair in zip(DELIA, MARCO, strict=True) for a in pair]
    state = update_stories(interleaved, StoryState(), [], StoryOptions(use_embeddings=False))
    assert {frozenset(s.articles) for s in state.stories} == {frozenset({"a1", "a2", "a3"}),
                                                             frozenset({"b1", "b2", "b3"})}
    assert len({s.storyline for s in state.stories}) == 1
    off = update_stories(interleaved, StoryState(), [], StoryOptions(use_embeddings=False, split_ratio=0.0,
                                                                     copy_wording=0.0))
    assert len(off.stories) == 1, "without the split pass and the retelling test placement lumps them"


def test_one_storm_is_not_split() -> None:
    clusterer, first, feats = lumped(DELIA + [replace(a, id=f"{a.id}x", ref=f"{a.id}x") for a in DELIA])
    assert split_events(clusterer, {first}, feats) == []
    assert len(clusterer.events) == 1


def test_only_events_of_this_run_are_looked_at_and_zero_turns_it_off() -> None:
    clusterer, first, feats = lumped(DELIA + MARCO)
    assert split_events(clusterer, set(), feats) == [], "an event that existed before keeps its members"
    clusterer.options = StoryOptions(use_embeddings=False, split_ratio=0.0)
    assert split_events(clusterer, {first}, feats) == []
    assert len(clusterer.events) == 1


def placed(articles: list[Article]) -> list[ArticleFeatures]:
    _, _, held = lumped(articles)
    return [held[a.id].restored() for a in articles]


def test_two_happenings_tests() -> None:
    feats = placed(DELIA + MARCO)
    side = two_happenings(feats, 0.45)
    assert side == [True, True, True, False, False, False]
    assert two_happenings(feats[:2] + feats[3:4], 0.45) is None, "too few articles for two groups of two"
    assert two_happenings(feats, 0.0) is None
    # Published over the same days: one happening that outlets name differently, not two.
    together = [replace(f, day=date(2017, 9, 3 + i % 2)) for i, f in enumerate(feats)]
    assert two_happenings(together, 0.45) is None
    apart = [replace(f, day=date(2017, 9, 3) if i < 3 else date(2017, 9, 12)) for i, f in enumerate(feats)]
    assert two_happenings(apart, 0.45, window=14) == side
    # Further apart than the window only the time rules join coverage (a developing story's fallout
    # told with other people, tests/test_stories_running.py): the pass leaves what they weighed.
    far = [replace(f, day=date(2017, 9, 3) if i < 3 else date(2017, 10, 9)) for i, f in enumerate(feats)]
    assert two_happenings(far, 0.45, window=14) is None
    assert two_happenings(far, 0.45) == side


def test_own_keys_counts_names_only_one_side_shares() -> None:
    side = [{"delia": 0.5, "texas": 0.3, "tillman": 0.4}, {"delia": 0.6, "texas": 0.2, "tillman": 0.1}]
    other = [{"marco": 0.5, "texas": 0.3}, {"marco": 0.4, "dprk": 0.2}]
    assert own_keys(side, other) == 2  # delia and tillman; texas is named by both sides
    assert own_keys(other, side) == 1  # marco only: dprk is named by one article, not two
    assert own_keys(other, side) < OWN_KEYS, "a side with one name of its own is not a happening of its own"
