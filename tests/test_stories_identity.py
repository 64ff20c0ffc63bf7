"""Event identity: what tells two happenings of one kind apart (participants, places, numbers, days)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storyprism.records import Article, Story, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import identity_shift, required
from storyprism.stories.features import article_features, identity_keys
from storyprism.stories.state import Event


def art(aid: str, title: str, text: str, published: str | None = None) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.com", published=published)


# Two hurricanes on one coast, undated: the same topic words, other names, places, numbers and days.
IRMA = [
    art("ir1", "Hurricane Irma makes landfall in the Florida Keys with 130 mph winds",
        "Hurricane Irma made landfall at Cudjoe Key in the Florida Keys on Sept. 10 as a Category 4 storm "
        "with winds of 130 mph. Governor Rick Scott urged 6 million residents to evacuate. At least 12 "
        "people died and 6.7 million homes lost power, Florida Power & Light said."),
    art("ir2", "Irma slams Florida Keys; millions without power",
        "Irma came ashore at Cudjoe Key on Sept. 10, lashing the Florida Keys with 130 mph winds. Rick "
        "Scott said the storm left 12 dead. Florida Power & Light reported 6.7 million customers in the "
        "dark as Monroe County began to assess the damage."),
    art("ir3", "Keys devastated after Irma, Scott says",
        "Governor Rick Scott toured Cudjoe Key and Marathon after Hurricane Irma, which struck the Florida "
        "Keys on Sept. 10. Monroe County officials said 12 people were killed and 6.7 million homes and "
        "businesses were left without power across Florida."),
]
MICHAEL = [
    art("mi1", "Hurricane Michael makes landfall in the Florida Panhandle with 155 mph winds",
        "Hurricane Michael made landfall near Mexico Beach in the Florida Panhandle on Oct. 10 as a "
        "Category 4 storm with winds of 155 mph. Governor Rick Scott urged 375,000 residents to evacuate. "
        "At least 16 people died and 400,000 homes lost power, Gulf Power said."),
    art("mi2", "Michael slams Florida Panhandle; Mexico Beach flattened",
        "Michael came ashore at Mexico Beach on Oct. 10, lashing the Florida Panhandle with 155 mph winds. "
        "Rick Scott said the storm left 16 dead. Gulf Power reported 400,000 customers in the dark as Bay "
        "County and Panama City began to assess the damage."),
    art("mi3", "Panhandle devastated after Michael, Scott says",
        "Governor Rick Scott toured Mexico Beach and Panama City after Hurricane Michael, which struck the "
        "Florida Panhandle on Oct. 10. Bay County officials said 16 people were killed and 400,000 homes "
        "and businesses were left without power across Florida."),
]


def events(state: StoryState) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in state.stories}


def test_identity_keys_name_words_numbers_and_days() -> None:
    title = "Hurricane Irma makes landfall with 130 mph winds"
    body = "Irma hit Cudjoe Key on Sept. 10 and Oct. 3, 2016; Rick Scott said 12 died."
    feat = article_features(art("x", title, body, published="2017-09-11"))
    keys = feat.key_tf
    assert {"irma", "cudjoe", "rick", "scott"} <= set(keys), keys
    assert keys["130"] >= 2 and "12" in keys  # numbers; headline ones count more
    assert "@2017-09-10" in keys, "a day without a year is the occurrence nearest the publication date"
    assert "@2016-10-03" in keys, "a written year is kept"
    assert "landfall" not in keys and "wind" not in keys, "topic words are no identity"
    undated = identity_keys(title, body, feat_names(title, body))
    assert "@09-10" in undated and "@2016-10-03" in undated


def feat_names(title: str, body: str) -> dict[str, int]:
    from collections import Counter

    from storyprism.stories.features import names

    return Counter(names(title + ".\n" + body))


def test_two_storms_on_one_coast_are_two_events_in_one_storyline() -> None:
    state = update_stories(IRMA + MICHAEL, StoryState(), [], StoryOptions())
    assert events(state) == {frozenset(a.id for a in IRMA), frozenset(a.id for a in MICHAEL)}
    assert len({s.storyline for s in state.stories}) == 1, "two hurricanes of one coast: one storyline"


def test_identity_only_lowers_and_scales_with_the_shortfall() -> None:
    options = StoryOptions()
    assert identity_shift(None, options, True) == 0.0, "nothing to compare: no effect"
    assert identity_shift(0.9, options, True) == 0.0, "shared names never raise a score"
    low, none = identity_shift(0.05, options, True), identity_shift(0.0, options, True)
    assert none < low < 0.0
    assert none == -options.identity_weight * options.identity_pivot
    assert identity_shift(0.0, options, False) > none, "scaled down on the tf-idf-only scale"


def test_identity_keys_persist_and_old_states_still_load() -> None:
    first = update_stories(IRMA, StoryState(), [], StoryOptions())
    assert first.stories[0].state["keys"], "identity keys are kept in the stored state"
    later = update_stories(MICHAEL, first, [], StoryOptions())
    assert {s.id for s in first.stories} <= {s.id for s in later.stories}
    assert events(later) == {frozenset(a.id for a in IRMA), frozenset(a.id for a in MICHAEL)}
    # A state written before identity keys existed: no "keys"; it loads and takes new articles.
    old = StoryState(
        stories=[replace(s, state={k: v for k, v in s.state.items() if k != "keys"}) for s in first.stories],
        storylines=first.storylines,
    )
    assert not Event.from_story(old.stories[0]).keys
    again = update_stories(MICHAEL, old, [], StoryOptions())
    assert sorted(a for s in again.stories for a in s.articles) == sorted(a.id for a in IRMA + MICHAEL)


def test_the_second_storm_added_later_is_its_own_event_only_with_identity() -> None:
    """Added one call later, the second storm's coverage joins the first without identity keys:
    the topic similarity alone passes the bar; the other day (Oct. 10 vs Sept. 10) keeps it apart."""
    first = update_stories(IRMA, StoryState(), [], StoryOptions())
    later = update_stories(MICHAEL, first, [], StoryOptions())
    assert events(later) == {frozenset(a.id for a in IRMA), frozenset(a.id for a in MICHAEL)}
    blind = StoryOptions(identity_weight=0.0, day_conflict=0.0, template_weight=0.0)
    merged = update_stories(MICHAEL, update_stories(IRMA, StoryState(), [], blind), [], blind)
    assert len(merged.stories) == 1


def test_naming_the_events_day_lifts_the_time_penalty() -> None:
    """Coverage weeks later that dates its subject to the event's day follows that happening."""
    options = StoryOptions()
    far = required(options, 49, True, same_day=0.0)
    assert far > options.threshold
    assert required(options, 49, True, same_day=1.0) == options.threshold
    assert options.threshold < required(options, 49, True, same_day=0.1) < far
    assert required(options, 5, True, same_day=0.0) == options.threshold, "inside the window: no penalty"


def test_event_day_share() -> None:
    ev = Event.from_story(Story(id="s-1", title="t", articles=["a", "b"], storyline=None, state={
        "n": 2, "terms": {}, "keys": {"@2017-09-10": [2, 0.8], "irma": [1, 0.3]}, "members": {}}))
    assert ev.day_share(["@2017-09-10"]) == 1.0
    assert ev.day_share(["@2017-10-10"]) == 0.0
    assert date(2017, 9, 10).isoformat() in ev.day_keys()[0]
