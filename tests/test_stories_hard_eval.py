"""Builders of eval/stories_hard.py: short texts (headline + lead) and the lead twins built from them.

Runs without ../shared: the articles are written here, in the shape of short wire reports.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from storyprism.records import Article
from storyprism.stories.features import names

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stories_hard_eval", ROOT / "eval" / "stories_hard.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


H = _load()

BODY_A = (
    "The storm Hallam hit the coast of Norland on Monday with winds of 140 kilometres an hour. "
    "Officials in Brevik said 12 people were injured and 3,500 homes lost power. "
    "The weather office of Norland warned that Hallam would reach Osterby by Tuesday. "
    "Schools in Brevik stayed closed in 2024 as they had in earlier storms. "
    "Crews from Osterby were sent to clear the roads."
)
BODY_B = (
    "The storm Hallam left Brevik without power for a second day, officials in Norland said. "
    "Mayor Ida Lund said repairs in Brevik would take 4 days. "
    "Norland's grid operator sent 200 workers to the area."
)
BODY_C = (
    "Police in Carvale arrested 5 men after a raid on a warehouse on Friday. "
    "Inspector Tom Reyes said the men were held in Carvale overnight. "
    "The Carvale court will hear the case within 10 days."
)


def _articles() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    arts = [
        Article(id="a", ref="a", title="Hallam storm hits Norland coast", text=BODY_A, published="2024-01-08"),
        Article(id="b", ref="b", title="Brevik dark after storm in Norland", text=BODY_B, published="2024-01-09"),
        Article(id="c", ref="c", title="Five held in Carvale raid", text=BODY_C, published="2024-01-09"),
    ]
    gold = {"a": "storm", "b": "storm", "c": "raid"}
    topic = {"a": "weather", "b": "weather", "c": "crime"}
    return arts, gold, topic


def test_short_texts_keep_headline_and_first_three_sentences() -> None:
    arts, _, _ = _articles()
    short = H.short_texts(arts)
    assert [a.title for a in short] == [a.title for a in arts]
    assert short[0].text.startswith("The storm Hallam hit the coast")
    assert short[0].text.endswith("reach Osterby by Tuesday.")  # the third sentence closes the lead
    assert "Schools" not in short[0].text and "Crews" not in short[0].text


def test_lead_twins_retell_each_lead_with_fresh_names_and_shifted_numbers() -> None:
    arts, gold, topic = _articles()
    short = H.short_texts(arts)
    twins = H.lead_twins(short, gold, topic, fresh=True)
    assert sorted(t.id for t in twins) == ["a~twin", "b~twin", "c~twin"]
    assert all(t.published is None for t in twins)
    by_id = {t.id: t for t in twins}
    twin_a, orig_a = by_id["a~twin"], short[0]
    # the lead only: no sentence past the third comes back in the twin
    assert "Schools" not in twin_a.text and len(twin_a.text) < len(arts[0].text)
    # the event's most frequent name (the shared actor, the same coast) stays; its other names (the
    # storm, the towns) are made up and new
    assert "Norland" in twin_a.title and "Norland" in twin_a.text
    for other in ("Brevik", "Hallam", "Osterby"):
        assert other in orig_a.text and other not in twin_a.text
    original_names = {n for a in short for n in names(a.title + ".\n" + a.text)}
    twin_only = set(names(twin_a.text)) - {"Norland"}
    assert twin_only and not twin_only & original_names
    # numbers shifted: the twin's casualties and homes differ from the original's
    assert "12 people" in orig_a.text and "12 people" not in twin_a.text
    assert "3,500" not in twin_a.text
    # one event's names map consistently: both storm twins rename Brevik the same way
    made_up_a = set(names(twin_a.text)) - set(names(orig_a.text))
    made_up_b = set(names(by_id["b~twin"].text)) - set(names(short[1].text))
    assert made_up_a & made_up_b


def test_lead_donor_twins_take_names_from_another_topic() -> None:
    arts, gold, topic = _articles()
    short = H.short_texts(arts)
    twins = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=False)}
    storm_names = set(names(twins["a~twin"].title + ".\n" + twins["a~twin"].text))
    raid_names = set(names(short[2].title + ".\n" + short[2].text))
    assert storm_names & raid_names  # a donor event's participants or places stand in


def test_confused_lists_mixed_and_split_events(capsys: pytest.CaptureFixture[str]) -> None:
    arts = [Article(id=i, ref=i, title=f"headline {i}", text="body") for i in ("a", "b", "c", "d")]
    gold = {"a": "g1", "b": "g1", "c": "g2", "d": "g2"}
    H.confused({"a": "e1", "b": "e2", "c": "e2", "d": "e2"}, gold, arts)
    out = capsys.readouterr().out
    assert "mixed e2: {'g1': 1, 'g2': 2}" in out and "headline b" in out
    assert "split: g1 [1, 1]" in out and "g2 [" not in out
