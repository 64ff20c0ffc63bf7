"""Rewrite candidates: pairs of articles sharing a large weighted share of rare terms and names.

The corpus-wide step of detect_reuse (sparse product over capped posting lists, the best few
partners of each article, within a time window). Each scalar building block is its own function so
that the distributed engine (engine/reuse_step.py) computes exactly the same scores and choices by
calling them on its shuffled rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from storyprism.records import Article
from storyprism.reuse.direction import parse_time
from storyprism.reuse.options import ReuseOptions
from storyprism.reuse.text import STOPWORDS

if TYPE_CHECKING:
    from storyprism.reuse.detect import Doc

SMALL_CORPUS = 60  # below this many articles every pair is a rewrite candidate


def within_window(a: Article, b: Article, days: int) -> bool:
    ta, tb = parse_time(a.published), parse_time(b.published)
    if ta is None or tb is None or days <= 0:
        return True
    return abs((ta - tb).total_seconds()) <= days * 86400


def content_terms(tokens: Iterable[str]) -> list[str]:
    """The words rare-term candidates are built from (content words, names), sorted, once each."""
    return sorted({t for t in tokens if len(t) > 3 and t not in STOPWORDS and not t.isdigit()})


def rare_limit(n: int, options: ReuseOptions) -> int:
    """Most articles a term may appear in and still count as rare (a term in a large share of the
    corpus, or in more than ``max_posting`` articles, is too common to point at a copy)."""
    return min(options.max_posting, max(3, int(options.rare_df_share * n)))


def term_weight(n: int, df: int) -> float:
    """A rare term's weight (idf), rounded to float32 once, here, so that every way of computing a
    pair's score (the sparse product below, or sums over a distributed grouping by term) adds the
    same numbers. Scalar ``math.log`` gives the same bits wherever it runs."""
    return float(np.float32(math.log(n / max(df, 1))))


def pair_share(weight: float) -> float:
    """What one shared rare term adds to a pair's score numerator (float32, like the weight)."""
    return float(np.float32(weight) * np.float32(weight))


def candidate_scores(vals: np.ndarray, mass_i: float, mass_js: np.ndarray) -> np.ndarray:
    """Weighted share of rare terms: shared weight over the smaller article's total weight.

    ``vals`` and ``mass_*`` are float64 sums of float32 terms (weights >= log 20 ~ 3 and their
    squares, so each sum is exact in float64 whatever the order of addition): the score is the
    same bits whether it was summed by a sparse product or by a shuffle."""
    denom = np.minimum(mass_i, mass_js)
    return np.where(denom > 0, vals / np.maximum(denom, 1e-9), 0.0)


def top_candidates(js: np.ndarray, scores: np.ndarray, options: ReuseOptions) -> list[int]:
    """The ``candidates_per_article`` best partners (ties to the smaller index, so the choice never
    depends on the order partners were found in) with at least ``min_candidate_score``."""
    k = max(1, options.candidates_per_article)
    top = np.lexsort((js, -scores))[:k]
    return [int(js[t]) for t in top if scores[t] >= options.min_candidate_score]


_EPOCH = datetime(1970, 1, 1)


def window_time(published: str | None) -> int | None:
    """``within_window``'s clock as whole microseconds (None: no usable date), so a distributed
    engine can test the window on integers and get exactly ``within_window``'s answer."""
    t = parse_time(published)
    return None if t is None else (t - _EPOCH) // timedelta(microseconds=1)


def rare_term_pairs(docs: Sequence[Doc], options: ReuseOptions) -> list[tuple[int, int]]:
    """Pairs sharing a large weighted share of rare terms (content words and names)."""
    n = len(docs)
    if n < 2:
        return []
    if n <= SMALL_CORPUS:
        return [
            (i, j) for i in range(n) for j in range(i + 1, n)
            if within_window(docs[i].article, docs[j].article, options.window_days)
        ]
    from scipy import sparse

    terms = [d.fact().terms for d in docs]
    flat = list(chain.from_iterable(terms))
    if not flat:
        return []
    vocab = {t: k for k, t in enumerate(sorted(set(flat)))}
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(ts) for ts in terms])
    cols = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    x = sparse.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, len(vocab)))
    df = np.asarray(x.sum(axis=0)).ravel().astype(np.int64)
    limit = rare_limit(n, options)
    weights = {int(d): term_weight(n, int(d)) for d in np.unique(df) if 2 <= d <= limit}
    idf = np.array([weights.get(int(d), 0.0) for d in df], dtype=np.float64)
    share = np.array([pair_share(w) if w else 0.0 for w in idf], dtype=np.float64)
    xw = (x @ sparse.diags(idf)).tocsr()
    xw.eliminate_zeros()
    xs = (x @ sparse.diags(share)).tocsr()
    xs.eliminate_zeros()
    mass = np.asarray(xw.sum(axis=1)).ravel()
    xt = (xw > 0).astype(np.float64).T.tocsc()
    # each article's clock parsed once (``within_window`` parses both sides on every call)
    times = [parse_time(d.article.published) for d in docs]
    span = options.window_days * 86400
    out: set[tuple[int, int]] = set()
    for start in range(0, n, 512):
        block = (xs[start : start + 512] @ xt).tocsr()
        for r in range(block.shape[0]):
            i = start + r
            lo, hi = block.indptr[r], block.indptr[r + 1]
            js, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = js != i
            js, vals = js[keep], vals[keep]
            if len(js) == 0:
                continue
            scores = candidate_scores(vals, mass[i], mass[js])
            # only partners at ``min_candidate_score`` can be kept: the best k of those are the
            # best k of all that reach it (``top_candidates``), on far fewer to sort
            strong = scores >= options.min_candidate_score
            if not strong.any():
                continue
            ti = times[i]
            for j in top_candidates(js[strong], scores[strong], options):
                tj = times[j]
                if ti is None or tj is None or options.window_days <= 0 or abs((ti - tj).total_seconds()) <= span:
                    out.add((min(i, j), max(i, j)))
    return sorted(out)
