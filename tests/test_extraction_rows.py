"""Extraction workers hand the parent serialised rows (``extraction_runs._extract_batch``): they must
be exactly the rows the store would have written from the records themselves, in the same order."""

from __future__ import annotations

import pickle

from storyprism import extract
from storyprism.extract.options import ExtractOptions
from storyprism.extraction_runs import _extract_batch, _per_article_keys, _quote_key
from storyprism.records import Article
from storyprism.store import Store

_TEXTS = {
    "a1": '"We will open the bridge on 4 March," the mayor said. Costs rose by 12% to $40 million in 2023.',
    "a2": 'The council voted 7 to 2 on Tuesday. "It is a good day for the town," Jane Roe told reporters.',
}


def _articles() -> list[Article]:
    return [Article(id=aid, ref=aid, title="t", text=text, content_hash=aid) for aid, text in _TEXTS.items()]


def test_worker_rows_equal_the_rows_the_store_writes_from_records() -> None:
    options = ExtractOptions(names=False)  # rules only: no model needed
    got = pickle.loads(pickle.dumps(_extract_batch(options, _articles())))  # as it crosses a process
    result = extract.extract_articles(_articles(), options)
    store = Store(":memory:")
    with store.transaction():
        store.add_derived("quote", [(_quote_key(q), q) for q in result.quotes], lambda q: q.article)
        store.add_derived("mention", _per_article_keys(result.mentions, "m"), lambda m: m.article)
        store.add_derived("number", _per_article_keys(result.numbers, "n"), lambda m: m.article)
        store.add_derived("date", _per_article_keys(result.dates, "d"), lambda m: m.article)
        store.add_derived("frame", _per_article_keys(result.frames, "f"), lambda m: m.article)
    expected = store.db.execute("SELECT kind, key, article, story, payload FROM derived ORDER BY rowid").fetchall()
    assert expected and {row[0] for row in expected} >= {"quote", "number"}
    assert got.rows == expected
    assert got.failed == result.failed and got.inferred_published == result.inferred_published
    other = Store(":memory:")
    with other.transaction():
        other.add_derived_rows(got.rows)
    assert other.db.execute("SELECT kind, key, article, story, payload FROM derived ORDER BY rowid").fetchall() == expected
