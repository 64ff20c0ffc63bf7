"""One template, two happenings: near-identical wording with other names is not the same event."""

from __future__ import annotations

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.cluster import template_shift


def art(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, outlet=f"{aid}.example.com", published=None)


def robbery(tag: str, who: str, age: int, town: str, bank: str, officer: str) -> list[Article]:
    """Two undated reports of one arrest, both in the words a local-news template gives every arrest."""
    return [
        art(f"{tag}1", f"Police arrest {who}, {age}, after armed robbery at {town} bank",
            f"Police in {town} arrested {who}, {age}, on Tuesday after an armed robbery at a branch of {bank} "
            f"on the main road, sheriff {officer} said. Officers recovered a handgun and the stolen cash within "
            f"hours. The suspect is being held in the county jail and is due in court on Friday, {officer} said."),
        art(f"{tag}2", f"{who}, {age}, arrested after armed robbery at {town} bank",
            f"{who}, {age}, was arrested in {town} on Tuesday after an armed robbery at a {bank} branch, "
            f"sheriff {officer} said. Officers found a handgun and the stolen cash within hours of the robbery. "
            f"He is held in the county jail and will appear in court on Friday, {officer} said."),
    ]


MILLBROOK = robbery("a", "Daniel Whitaker", 34, "Millbrook", "Hartwell Trust", "Tom Becker")
LAKEVIEW = robbery("b", "Marcus Ortega", 27, "Lakeview", "Dunmore Capital", "Angela Ruiz")


def events(state: StoryState) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in state.stories}


def test_two_arrests_told_by_one_template_are_two_events() -> None:
    """In one batch: the second arrest's first report is kept out by the template rule, and its two
    reports, sharing no name, number or day with the first arrest's, are never merged into it."""
    state = update_stories(MILLBROOK + LAKEVIEW, StoryState(), [], StoryOptions())
    assert events(state) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert len({s.storyline for s in state.stories}) == 2, "no shared actor: no storyline either"


def test_added_later_the_second_arrest_opens_its_own_event() -> None:
    first = update_stories(MILLBROOK, StoryState(), [], StoryOptions())
    later = update_stories(LAKEVIEW, first, [], StoryOptions())
    assert events(later) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert {s.id for s in first.stories} <= {s.id for s in later.stories}, "the first event keeps its id"
    # The wording alone (embeddings and topic words) passes the bar: without the rule they merge.
    blind = StoryOptions(template_weight=0.0)
    merged = update_stories(LAKEVIEW, update_stories(MILLBROOK, StoryState(), [], blind), [], blind)
    assert len(merged.stories) == 1


def test_template_shift_grows_with_wording_that_the_keys_do_not_back() -> None:
    options = StoryOptions()
    assert template_shift(0.8, None, options, True) == 0.0, "no keys on one side: nothing to judge"
    assert template_shift(0.8, 0.05, options, False) == 0.0, "stated on the blended scale only"
    assert template_shift(0.8, 0.05, StoryOptions(template_weight=0.0), True) == 0.0, "0 turns it off"
    assert template_shift(0.5, 0.2, options, True) == 0.0, "loosely similar texts may name others"
    assert template_shift(0.8, 0.6, options, True) == 0.0, "close wording, names agree: no effect"
    close, closer = template_shift(0.7, 0.1, options, True), template_shift(0.8, 0.1, options, True)
    assert closer < close < 0.0
    assert close == -options.template_weight * (0.7 - options.template_offset - 0.1)


def test_groups_start_the_rule_at_a_lower_offset() -> None:
    """Two groups' mean keys are a surer sample than one article's: the rule starts earlier."""
    options = StoryOptions()
    assert options.group_template_offset < options.template_offset
    assert template_shift(0.5, 0.1, options, True) == 0.0, "one article: wording 0.5 with keys 0.1 passes"
    group = template_shift(0.5, 0.1, options, True, options.group_template_offset)
    assert group == -options.template_weight * (0.5 - options.group_template_offset - 0.1) < 0.0
