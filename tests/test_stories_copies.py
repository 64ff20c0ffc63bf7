"""Retellings with other names (``storyprism.stories.copies``): near-identical wording that names other
people, places and numbers is another happening of one kind; a copy that keeps the names is the same."""

from __future__ import annotations

from storyprism.records import Article, StoryState
from storyprism.stories import StoryOptions, update_stories
from storyprism.stories.copies import COPY_KEYS, Copies, figures, figures_apart, kin_events, wording

TEMPLATE = (
    "Police in {town} arrested {suspect}, a {age}-year-old local man, on Tuesday after a two-week "
    "investigation into a string of burglaries at jewellery shops, chief {chief} told reporters. "
    "Officers recovered stolen rings and watches worth about {value} dollars from a storage unit he "
    "rented, the chief said. {suspect} is due before a magistrate in {county} County later this week "
    "and faces charges of burglary and handling stolen goods."
)


def report(aid: str, town: str, suspect: str, chief: str, county: str, age: int, value: int) -> Article:
    text = TEMPLATE.format(town=town, suspect=suspect, chief=chief, county=county, age=age, value=value)
    return Article(id=aid, ref=aid, title=f"{town} police arrest {suspect} over jewellery burglaries", text=text,
                   outlet=f"{aid}.example.com")


def first() -> list[Article]:
    """One arrest, reported twice: a wire copy and its update with a corrected figure (same names)."""
    return [
        report("a1", "Millbrook", "Dorian Hale", "Ruth Okafor", "Lennox", 34, 80000),
        report("a2", "Millbrook", "Dorian Hale", "Ruth Okafor", "Lennox", 34, 85000),
    ]


def second() -> list[Article]:
    """Another arrest in the same county told in the same words: other town, suspect, chief, figures."""
    return [
        report("b1", "Ashcombe", "Perrin Vance", "Tomas Reyes", "Lennox", 27, 41000),
        report("b2", "Ashcombe", "Perrin Vance", "Tomas Reyes", "Lennox", 27, 43000),
    ]


def groups(state: StoryState) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in state.stories}


def test_the_same_words_with_other_names_are_two_events_of_one_storyline() -> None:
    options = StoryOptions(use_embeddings=False)
    state = update_stories(first() + second(), StoryState(), [], options)
    assert groups(state) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}
    assert len({s.storyline for s in state.stories}) == 1, "one kind of news in one county, told by one template"
    off = update_stories(first() + second(), StoryState(), [], StoryOptions(use_embeddings=False, copy_wording=0.0,
                                                                             split_ratio=0.0))
    assert len(off.stories) == 1, "without the pairwise test, the shared wording lumps them"


def test_wording_leaves_out_the_names_and_numbers() -> None:
    vector = {"arrested": 0.5, "burglary": 0.5, "hale": 0.6, "34": 0.3}
    word = wording(vector, {"hale": 1, "34": 1})
    assert set(word) == {"arrested", "burglary"}
    assert abs(sum(w * w for w in word.values()) - 1.0) < 1e-9, "unit length over the words kept"


def test_copies_need_close_wording_and_far_keys() -> None:
    copies = Copies(0.8)
    word = {"arrested": 0.6, "burglary": 0.8}
    copies.add("x", word, {"hale": 1.0})
    assert copies.retells("y", word, {"vance": 1.0}, ["x"]) == "x", "same words, other names"
    assert copies.retells("y", word, {"hale": 1.0}, ["x"]) is None, "same words, same names: one story"
    assert copies.retells("y", {"storm": 1.0}, {"vance": 1.0}, ["x"]) is None, "other words"
    near = COPY_KEYS + 0.05
    keys = {"hale": near, "vance": (1.0 - near * near) ** 0.5}
    assert copies.retells("y", word, keys, ["x"]) is None, "keys agreeing above COPY_KEYS"
    assert copies.retells("x", word, {"vance": 1.0}, ["x"]) is None, "never itself"
    assert kin_events(copies, {"x": "e1", "y": "e2"}) == {"e2": "e1"}
    assert Copies(0.0).retells("y", word, {"vance": 1.0}, ["x"]) is None, "0 turns it off"


def test_the_same_words_and_some_names_with_every_figure_other_are_two_happenings() -> None:
    """A near-identical text that keeps some names (above COPY_KEYS) but states other key numbers
    (another toll, another year) is another happening told alike; a copy that keeps one figure, or every
    name (an update correcting its one figure), is the same one."""
    copies = Copies(0.8)
    word = {"crash": 0.6, "killed": 0.8}
    copies.add("x", word, {"ashcombe": 0.6, "harbour": 0.6, "10": 0.4, "2018": 0.4})
    other = {"ashcombe": 0.6, "coastline": 0.6, "16": 0.4, "2019": 0.4, "harbour": 0.3}
    assert copies.retells("y", word, other, ["x"]) == "x", "every figure other"
    kept = {"ashcombe": 0.6, "coastline": 0.6, "10": 0.4, "2019": 0.4, "harbour": 0.3}
    assert copies.retells("y", word, kept, ["x"]) is None, "a figure kept"
    assert copies.retells("y", word, {"ashcombe": 0.7, "harbour": 0.7}, ["x"]) is None, "no figure to compare"
    same = {"ashcombe": 0.65, "harbour": 0.65, "12": 0.3, "2019": 0.3}
    assert copies.retells("y", word, same, ["x"]) is None, "every name kept: an update of the figures"
    clock = {"ashcombe": 0.6, "harbour": 0.6, "5am": 0.5}
    assert copies.retells("y", word, clock, ["x"]) is None, "a clock time is no figure"
    assert figures_apart(figures(["@2018-03-04", "ashcombe"]), figures(["@2018-05-06"]))
    assert not figures_apart(figures(["3rd", "ashcombe"]), figures(["4th"]))
    assert figures_apart(figures(["3-year-old", "ashcombe"]), figures(["9-year-old"])), "an age with its unit is a figure"
