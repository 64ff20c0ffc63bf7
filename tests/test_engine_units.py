"""The Ray engine's comparison units, built without Ray (engine/global_step.py): one unit per
storyline or lone story, written a file at a time, each carrying its members' sentence vectors."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from storyprism.engine.global_step import COMPARE_WORK, _write_compare_units, sentence_keys
from storyprism.records import AnalysisData, Article, Quote, Story, Storyline
from storyprism.store import Store
from storyprism.text.embeddings import quantise


def _article(k: int) -> Article:
    return Article(id=f"a{k}", ref=f"a{k}", title=f"Title {k}",
                   text=f"The council met on day {k}. It voted on the budget number {k}.")


def test_units_are_written_a_file_at_a_time_and_carry_their_vectors(tmp_path: Path) -> None:
    from storyprism.models import embedding_store

    model = embedding_store().model
    articles = [_article(k) for k in range(5)]
    stories = [Story(id=f"s{k}", title=f"S{k}", articles=[f"a{k}"]) for k in range(5)]
    # s0 and s1 share a storyline: one unit; s2, s3, s4 are units of their own
    lines = [Storyline(id="l0", title="L", stories=["s0", "s1"])]
    store = Store(":memory:")
    try:
        keys = [k for a in articles for k in sentence_keys(a.text, model)]
        rng = np.random.default_rng(0)
        codes, scales = quantise(rng.normal(size=(len(keys), 384)).astype(np.float32))
        store.put_embeddings((k, float(s), c.tobytes()) for k, s, c in zip(keys, scales, codes, strict=True))
        # the members' quotes come from the store, an article at a time, in stored order
        store.add_derived("quote", [(f"q{k}", Quote(article=a, text=f"Words {k}.", direct=True))
                                    for k, a in enumerate(["a1", "a0", "a1", "a3"])], lambda q: q.article)
        data = AnalysisData(articles=articles, stories=stories, storylines=lines)
        assert _write_compare_units(store, data, str(tmp_path), per_file=2) == 4
    finally:
        store.close()
    files = sorted((tmp_path / COMPARE_WORK).glob("*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet"]
    rows = [r for f in files for r in pq.read_table(f).to_pylist()]
    assert [r["rank"] for r in rows] == [0, 2, 3, 4]  # each unit ranked by its first story
    units = [pickle.loads(r["unit"]) for r in rows]
    first, vectors = units[0]
    assert [s.id for s in first.stories] == ["s0", "s1"] and [a.id for a in first.articles] == ["a0", "a1"]
    assert [q.text for q in first.extraction.quotes] == ["Words 1.", "Words 0.", "Words 2."]  # a0's, then a1's
    assert [q.text for q in units[2][0].extraction.quotes] == ["Words 3."] and not units[1][0].extraction.quotes
    # every sentence of the unit's members came with its vector, and nothing else did
    want = {k for a in first.articles for k in sentence_keys(a.text, model)}
    assert {k for k, _, _ in vectors} == want
