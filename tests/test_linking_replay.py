"""Linking runs over the whole corpus on every analysis; it must start each time from what extraction
read, never from its own earlier output, so a workspace grown run by run links as one analysed at once."""

from __future__ import annotations

from storyprism import pipeline
from storyprism.records import Mention, Quote
from storyprism.store import Store


def _mentions(article: str, typed: list[str]) -> list[Mention]:
    """``Kestrelmoor`` written once per type in ``typed``, then ``Ondine Vasquel`` (a person)."""
    out, at = [], 0
    for kind in typed:
        out.append(Mention(article, "Kestrelmoor", kind, at, at + 11))
        at += 40
    out.append(Mention(article, "Ondine Vasquel", "PERSON", at, at + 14))
    return out


def _add(store: Store, mentions: list[Mention], quotes: list[Quote]) -> None:
    with store.transaction():
        store.add_derived("mention", pipeline._per_article_keys(mentions, "m"), lambda m: m.article)
        store.add_derived("quote", [(pipeline._quote_key(q), q) for q in quotes], lambda q: q.article)


def _linked(store: Store) -> list[tuple[str, str, str, int, str | None]]:
    return sorted(
        (m.article, m.text, m.type, m.start, m.entity) for m in store.derived(Mention, "mention")
    )


def test_a_second_batch_links_as_if_analysed_at_once() -> None:
    first = _mentions("a1", ["PERSON", "PERSON", "ORG"])
    second = _mentions("a2", ["ORG", "ORG"]) + _mentions("a3", ["ORG"])
    quotes = [Quote("a1", "We will build it.", True, "said", "Vasquel", start=5, end=22)]

    grown = Store(":memory:")
    _add(grown, first, quotes)
    pipeline.run_linking(grown)
    # the first run voted the name a person's (2 of 3): those mentions are stored as PERSON now
    assert {m.type for m in grown.derived(Mention, "mention") if m.text == "Kestrelmoor"} == {"PERSON"}
    _add(grown, second, [])
    pipeline.run_linking(grown)

    at_once = Store(":memory:")
    _add(at_once, first + second, quotes)
    pipeline.run_linking(at_once)

    # over the whole corpus the name is written as an organisation 4 times in 6: so in both
    assert _linked(grown) == _linked(at_once)
    assert {m.type for m in grown.derived(Mention, "mention") if m.text == "Kestrelmoor"} == {"ORG"}
    assert [(q.speaker, q.speaker_id) for q in grown.derived(Quote, "quote")] == [
        (q.speaker, q.speaker_id) for q in at_once.derived(Quote, "quote")
    ]


def test_what_linking_changed_keeps_what_extraction_read() -> None:
    store = Store(":memory:")
    _add(store, _mentions("a1", ["PERSON", "PERSON", "ORG"]), [])
    pipeline.run_linking(store)
    changed = [m for m in store.derived(Mention, "mention") if m.as_found]
    assert [(m.type, m.as_found) for m in changed] == [("PERSON", ["Kestrelmoor", "ORG", 80, 91])]
    restored = pipeline.as_extracted(pipeline.load_extraction(store))
    assert sorted(m.type for m in restored.mentions if m.text == "Kestrelmoor") == ["ORG", "PERSON", "PERSON"]
    assert all(m.entity is None and m.as_found is None for m in restored.mentions if m.start == 80)
