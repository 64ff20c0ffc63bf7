"""Round 13 speed work: sentences are encoded only where a decision reads their vectors, and the
decisions stay what encoding everything gave."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest

from storyprism import models
from storyprism.records import Article
from storyprism.reuse import detect, topic
from storyprism.reuse.align import MIN_WORDS, countable
from storyprism.reuse.options import ReuseOptions


def _fake_vectors(texts: Sequence[str]) -> np.ndarray:
    """A deterministic stand-in for the encoder: hashed bag of lower-cased words, unit length, so
    sentences sharing words are close and unrelated ones are not."""
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        for w in re.findall(r"[a-z0-9]+", text.lower()):
            out[row, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the shared encoder with the fake one; returns the texts it was asked for."""
    asked: list[str] = []

    def embed(texts: Sequence[str]) -> np.ndarray:
        asked.extend(texts)
        return _fake_vectors(texts)

    monkeypatch.setattr(models, "embed", embed)
    return asked


def _article(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, ref=aid, title=title, text=text)


def test_off_topic_encodes_only_bodies_that_lack_their_headline(encoder: list[str]) -> None:
    on = _article("on", "Harbour bridge repairs approved by council",
                  "The council approved repairs to the harbour bridge on Monday. Work on the bridge starts in May.")
    off = _article("off", "Harbour bridge repairs approved by council",
                   "Chat with us about your subscription today. Our support team answers within the hour.")
    found = topic.off_topic_articles([on, off])
    assert "off" in found and "on" not in found
    assert "similarity" in found["off"]  # decided by the encoder, not by the words-only fallback
    # the on-topic body shares its headline's words: none of its sentences was encoded
    assert not any("harbour bridge on Monday" in t for t in encoder)
    assert any("subscription" in t for t in encoder)


def test_off_topic_verdicts_equal_encoding_every_body(encoder: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The lazy test flags exactly what the similarity of every row would have flagged."""
    arts = [
        _article("a", "Storm closes coastal roads in the north",
                 "Heavy rain flooded the coastal roads. The storm moves north tonight, forecasters said."),
        _article("b", "Singer announces farewell tour dates",
                 "Tickets for the concerts go on sale Friday. Fans queued overnight outside the arena."),
        _article("c", "Minister resigns after budget dispute",
                 "Subscribe to our newsletter for daily updates. Cookies help us improve this website."),
    ]
    lazy = topic.off_topic_articles(arts)
    # every row through the encoder, as before round 13: the lexical share then gates the verdict
    rows = [(a, topic.body_sentences(a)) for a in arts]
    sims = topic._best_similarity([(a.title, s) for a, s in rows])
    assert sims is not None
    eager = {
        a.id for (a, _), sim in zip(rows, sims, strict=True)
        if sim < topic.MAX_SIMILARITY
        and len(topic._content(a.title) & topic._content(a.text)) / len(topic._content(a.title)) <= topic.MAX_LEXICAL
    }
    assert set(lazy) == eager
    assert "c" in eager and "a" not in eager


def test_reuse_encodes_countable_sentences_only(encoder: list[str]) -> None:
    doc = detect.prepare_doc(
        _article("x", "", "Full Screen\nThe mayor opened the new library on Tuesday morning. Photo: AP\n"
                          "Readers can borrow up to ten books at a time."),
        ReuseOptions(),
    )
    vectors = detect._embeddings(doc)
    assert vectors.shape == (len(doc.sentences), 384)
    short = [k for k, s in enumerate(doc.sentences) if len(s.split()) < MIN_WORDS]
    assert short  # the caption lines
    assert not np.any(vectors[short])
    assert set(encoder) == {s for s in doc.sentences if countable(s)}


def test_rewrite_decision_unchanged_without_short_line_vectors(encoder: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A rewrite pair decided with zero rows for its short lines equals the decision with every
    line encoded: ``align`` masks the short lines before reading the matrix."""
    source = ("Full Screen\nThe city council voted on Tuesday to close the old harbour bridge for repairs.\n"
              "Engineers found cracks in two of the bridge's steel supports last month.\nPhoto: AP\n"
              "Ferries will carry commuters across the harbour while the work goes on.\n"
              "The repairs are expected to cost about four million dollars.")
    copy = ("Video\nOn Tuesday the city council voted to shut the old harbour bridge so it can be repaired.\n"
            "Last month engineers found cracks in two steel supports of the bridge.\nGetty\n"
            "While the work goes on, ferries will carry commuters across the harbour.\n"
            "The repairs should cost roughly four million dollars.")
    opts = ReuseOptions()
    a, b = detect.prepare([_article("s", "", source), _article("c", "", copy)], opts)
    lazy = detect.compare_docs(a, b, opts)

    def every_line(doc: detect.Doc, rows: np.ndarray | None = None) -> np.ndarray:
        if doc.embeddings is None:
            doc.embeddings = _fake_vectors(doc.sentences)
        return doc.embeddings

    monkeypatch.setattr(detect, "_embeddings", every_line)
    a2, b2 = detect.prepare([_article("s", "", source), _article("c", "", copy)], opts)
    eager = detect.compare_docs(a2, b2, opts)
    assert lazy.kind == eager.kind
    assert [(m.i, m.j, m.similarity) for m in lazy.alignment.matches] == [
        (m.i, m.j, m.similarity) for m in eager.alignment.matches
    ]
    assert lazy.alignment.matches  # the pair did align



def test_analysis_runs_numpy_blas_on_one_thread() -> None:
    """Small matrix products are cheaper on one BLAS thread; the analysis sets that for its run only."""
    from threadpoolctl import threadpool_info

    from storyprism.pipeline import _one_blas_thread

    def blas_threads() -> set[int]:
        return {int(p["num_threads"]) for p in threadpool_info() if p.get("user_api") == "blas"}

    if not blas_threads():
        pytest.skip("numpy without a BLAS threadpoolctl can see")
    with _one_blas_thread():
        assert blas_threads() == {1}


def test_encoder_vectors_do_not_depend_on_the_batch_size() -> None:
    """The encoder's batch size changed for speed; each text is encoded under its own mask, so the
    vectors (and the embedding store's keys to them) stay the same."""
    from storyprism.text.encoder import BATCH_SIZE

    texts = ["The council approved the bridge repairs on Monday.", "Rain closed roads.",
             "Fans queued overnight outside the arena for tickets to the farewell tour, which sold out in hours."] * 6
    try:
        default = models.encode_sentences(texts)
    except models.ModelMissing:
        pytest.skip("sentence encoder not installed")
    assert len(texts) > BATCH_SIZE  # the default run used several batches
    assert np.array_equal(default, models.encode_sentences(texts, batch_size=len(texts)))
