"""The reuse stage encodes only the sentences a pair's decision can read: a line that shares no
content word with the other article keeps no vector, and a pair whose word overlap leaves no room
for a rewrite or a shared source is decided without vectors at all."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import pytest

from storyprism import models
from storyprism.records import Article
from storyprism.reuse import detect
from storyprism.reuse.decide import PairFeatures, decide
from storyprism.reuse.options import ReuseOptions


def _fake_vectors(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for row, text in enumerate(texts):
        for w in re.findall(r"[a-z0-9]+", text.lower()):
            out[row, int(hashlib.md5(w.encode()).hexdigest(), 16) % 384] += 1.0
        out[row, 0] += 3.0  # every sentence a little alike: the vectors alone would align them
    return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def embed(batch: Sequence[str]) -> np.ndarray:
        texts.extend(batch)
        return _fake_vectors(batch)

    monkeypatch.setattr(models, "embed", embed)
    return texts


def _doc(id_: str, text: str) -> detect.Doc:
    return detect.prepare_doc(Article(id=id_, ref=id_, title="", text=text), ReuseOptions())


REWRITE_SOURCE = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs.\n"
    "Engineers found cracks in two of the bridge's steel supports last month.\n"
    "Ferries will carry commuters across the harbour while the work goes on.\n"
    "Gardeners in the valley saw an unusually early bloom of wild tulips."
)
REWRITE_COPY = (
    "On Tuesday the city council voted to shut the old harbour bridge so it can be repaired.\n"
    "Last month engineers found cracks in two steel supports of the bridge.\n"
    "While the work goes on, ferries will carry commuters across the harbour.\n"
    "A spokesperson declined to comment further when reached by telephone."
)


def test_a_line_sharing_no_word_with_the_other_article_gets_no_vector(asked: list[str]) -> None:
    # the tulip line and the spokesperson line share no content word with the other article
    a, b = _doc("s", REWRITE_SOURCE), _doc("c", REWRITE_COPY)
    detect.compare_docs(a, b, ReuseOptions(lean_vectors=True), lean=True)
    assert asked
    assert not any("tulips" in s or "spokesperson" in s for s in asked)
    assert any("ferries" in s.lower() for s in asked)


def test_a_pair_too_far_apart_in_words_is_decided_without_vectors(asked: list[str]) -> None:
    # two reports of one place: each line shares a word with a line of the other and no more, so no
    # alignment can make a rewrite or a shared source of them
    a = _doc("a", "Officials in Lakemoor closed the reservoir after heavy storms flooded the valley.\n"
                  "Residents were told to boil water for at least three days.\n"
                  "Schools in the district will stay shut until Friday afternoon.\n"
                  "The mayor promised new pumps before the winter season begins.")
    b = _doc("b", "A small bakery in Lakemoor won a national prize for its dark rye bread and golden honey cakes this spring.\n"
                  "The owners started the family business in a cramped garage twelve years ago with borrowed "
                  "ovens, old pans and boiling water.\n"
                  "Hungry young customers from across the district always queue outside the tiny shop before dawn on most "
                  "cold weekend mornings now.\n"
                  "Their next plan is a second bright shop near the old railway station, opening in late winter "
                  "with festive gift boxes.")
    lex = detect.lexical_matrix(a.sentences, b.sentences)
    assert 0 < lex.max() < ReuseOptions().vector_pair_floor  # every line shares a word, none much
    res = detect.compare_docs(a, b, ReuseOptions(lean_vectors=True), lean=True)
    assert res.kind is None
    assert asked == []
    # without the bound the same pair is encoded (the rule is what saves it)
    detect.compare_docs(a, b, ReuseOptions(vector_pair_floor=0.0, lean_vectors=True), lean=True)
    assert asked


def test_bounds_read_what_decide_reads() -> None:
    """``vector_rows`` skips a pair below decide's shared-source containment: the two must agree."""
    at = PairFeatures(containment_a=detect.SHARED_CONTAINMENT, counted_a=5, counted_b=5)
    below = PairFeatures(containment_a=detect.SHARED_CONTAINMENT - 1e-6, counted_a=5, counted_b=5)
    assert decide(at) == "shared-source"
    assert decide(below) is None


def test_rewrite_pair_decided_as_with_every_vector(asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    opts = ReuseOptions(lean_vectors=True)
    a, b = _doc("s", REWRITE_SOURCE), _doc("c", REWRITE_COPY)
    lean = detect.compare_docs(a, b, opts, lean=True)
    monkeypatch.setattr(detect, "vector_rows", lambda a, b, lex, f, o: (
        np.ones(len(a.sentences), dtype=bool), np.ones(len(b.sentences), dtype=bool)))
    a2, b2 = _doc("s", REWRITE_SOURCE), _doc("c", REWRITE_COPY)
    full = detect.compare_docs(a2, b2, opts, lean=True)
    assert lean.kind == full.kind
    assert [(m.i, m.j) for m in lean.alignment.matches] == [(m.i, m.j) for m in full.alignment.matches]


def test_a_caller_reading_every_pair_s_features_gets_every_vector(asked: list[str]) -> None:
    """``compare_texts`` hands back the features of a pair without a relation too: nothing is skipped."""
    detect.compare_texts(REWRITE_SOURCE, REWRITE_COPY)
    assert any("tulips" in s for s in asked) and any("spokesperson" in s for s in asked)


def test_by_default_the_stage_reads_every_vector(asked: list[str]) -> None:
    """The lean shortcut costs true rewrites on paraphrase pairs (benchmarks/floor_check.py), so the
    stage's own path reads every countable sentence's vector unless ``lean_vectors`` turns it on."""
    a, b = _doc("s", REWRITE_SOURCE), _doc("c", REWRITE_COPY)
    lp = detect.lexical_pass(a, b, ReuseOptions())
    rows = lp.needs_vectors(a, b, ReuseOptions(), lean=True)
    assert lp.kind not in ("identical", "copy", "edited")  # words alone leave the rewrite open
    assert rows is not None and rows[0].all() and rows[1].all()
