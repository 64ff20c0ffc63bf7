"""Round 16: the lead twins of eval/stories_hard.py swap names only, not a Title Case headline's words.

Runs without ../shared: the articles are written here, in the shape of short wire reports.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from storyprism.records import Article

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stories_hard_eval_r16", ROOT / "eval" / "stories_hard.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


H = _load()

LAUNCH_A = (
    "Norvell Motors unveiled its new Arden roadster in Calder on Thursday before 2,000 guests. "
    "Chief executive Mara Quill said the Arden would reach buyers in 2027 at a price of 90,000 dollars. "
    "The roadster was driven on stage by test driver Piet Osk, a Norvell Motors veteran."
)
LAUNCH_B = (
    "The Arden roadster shown by Norvell Motors in Calder drew 40 orders within an hour, and more pour in, "
    "the company says. "
    "Quill told reporters that Norvell Motors would build the Arden in Calder too."
)
STORM = (
    "The storm Hallam hits the coast of Norland with winds of 140 kilometres an hour. "
    "Officials in Brevik, a port of Norland, said 12 people were hurt. "
    "The storm was expected to weaken over the sea by Tuesday."
)


def _short() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    arts = [
        Article(id="a", ref="a", title="Norvell Motors Unveils New Arden Roadster In Calder", text=LAUNCH_A),
        Article(id="b", ref="b", title="Quill Says Arden Orders Pour In", text=LAUNCH_B),
        Article(id="c", ref="c", title="Storm Hallam Hits Norland Coast", text=STORM),
    ]
    gold = {"a": "launch", "b": "launch", "c": "storm"}
    topic = {"a": "cars", "b": "cars", "c": "weather"}
    return H.short_texts(arts), gold, topic


def test_title_case_headline_keeps_its_ordinary_words_and_swaps_its_names() -> None:
    short, gold, topic = _short()
    twins = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=True)}
    head = twins["a~twin"].title.split()
    # the ordinary words of the Title Case headline stay: the twin tells the same kind of happening
    for word in ("Unveils", "New", "Roadster", "In"):
        assert word in head
    # the shared actor (the event's most frequent name) stays; the product and the city are swapped
    assert "Norvell" in head and "Motors" in head
    assert "Arden" not in head and "Calder" not in head
    # the same made-up word stands for the product in the headline and in the body
    made = head[head.index("New") + 1]
    assert made in twins["a~twin"].text and made in twins["b~twin"].title


def test_a_headline_naming_a_person_by_surname_swaps_it() -> None:
    short, gold, topic = _short()
    twins = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=True)}
    # the body names "Mara Quill"; the second headline says only "Quill": it is swapped too, to the
    # same made-up surname the body's full name gets
    head = twins["b~twin"].title
    assert "Quill" not in head and "Quill" not in twins["a~twin"].text
    surname = head.split()[0]
    assert surname in twins["a~twin"].text


def test_a_word_the_body_writes_in_lower_case_is_no_name_word() -> None:
    short, gold, topic = _short()
    twins = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=True)}
    # "Storm" of "Storm Hallam" is the body's "the storm": an ordinary word the headline capitalised;
    # "Hits" and "Coast" are written lower-case in the bodies too
    head = twins["c~twin"].title.split()
    assert head[0] == "Storm" and "Hallam" not in head and "Hits" in head and "Coast" in head
    assert "Norland" in head  # the shared actor, named twice


def test_old_builder_is_kept_and_made_up_its_title_case_headlines() -> None:
    short, gold, topic = _short()
    old = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=True, old_names=True)}
    new = H.lead_twins(short, gold, topic, fresh=True)
    # before round 16 the whole Title Case run was one "name" and every word of it was made up
    assert "Unveils" not in old["a~twin"].title
    assert H.made_up_headlines(short, list(old.values())) > H.made_up_headlines(short, new)
    assert H.made_up_headlines(short, new) == 0


def test_donor_names_also_leave_the_headline_words() -> None:
    short, gold, topic = _short()
    twins = {t.id: t for t in H.lead_twins(short, gold, topic, fresh=False)}
    head = twins["a~twin"].title.split()
    assert "Unveils" in head and "Roadster" in head and "Arden" not in head
