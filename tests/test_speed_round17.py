"""The static-vector measurement of issue 9 round 17 (benchmarks/static_vectors.py): its pieces,
on small hand-made tables, so the figures it reports rest on tested arithmetic."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "static_vectors.py"
_spec = importlib.util.spec_from_file_location("static_vectors_bench", _PATH)
assert _spec is not None and _spec.loader is not None
sv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sv)


def test_sif_weights_make_frequent_tokens_light() -> None:
    w = sv.sif_weights(30522)  # MiniLM's vocabulary size
    assert w.shape == (30522,)
    assert np.all(np.diff(w) > 0)  # a later (rarer) rank never weighs less
    assert w[0] < 0.01 and w[1000] > 0.4 and 0.9 < w[-1] <= 1.0


def test_static_encode_means_token_rows_and_skips_specials() -> None:
    table = np.array([[9.0, 9.0], [1.0, 0.0], [0.0, 1.0], [3.0, 0.0]], dtype=np.float32)
    out = sv.static_encode([[0, 1, 2, 0], [3], [0]], table, skip={0})
    assert np.allclose(out[0], [2**-0.5, 2**-0.5])  # mean of rows 1 and 2, unit length
    assert np.allclose(out[1], [1.0, 0.0])
    assert np.allclose(out[2], [0.0, 0.0])  # only special tokens: no vector


def test_at_stake_needs_the_cosine_to_reach_the_threshold_and_beat_the_lexical_score() -> None:
    lex = np.array([0.1, 0.7, 0.1, 0.5], dtype=np.float32)
    cos = np.array([0.65, 0.65, 0.55, 0.58], dtype=np.float32)
    assert sv.at_stake(lex, cos, 0.0).tolist() == [True, False, False, False]
    assert sv.at_stake(lex, cos, 0.05).tolist() == [True, False, False, True]


def test_needed_sentences_are_those_with_a_partner_over_the_cut() -> None:
    a, b = np.array([0, 0, 1, 2]), np.array([5, 6, 5, 7])
    static = np.array([0.2, 0.6, 0.1, 0.5])
    assert sv.needed_sentences(a, b, static, 0.5) == {0, 6, 2, 7}
    assert sv.needed_sentences(a, b, static, 0.9) == set()
