"""Sentence similarity for comparison: in-story TF-IDF overlap plus (optionally) MiniLM cosine.

The encoder is the expensive part (tens of sentences per second on a busy laptop core), so only
sentences that have a lexically plausible partner in another article are embedded, through the
shared embedding store (``storyprism.text.embeddings``): a sentence the reuse stage or an earlier
run already encoded is never encoded again.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse


def tfidf_matrix(token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf computed over these texts only).

    In-story idf matters: the names every article of a story repeats ("Putin", "Xi") weigh little,
    the words that distinguish one statement from another weigh a lot.
    """
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for tokens in token_lists:
        df.update(set(tokens))
    rows, cols, vals = [], [], []
    n = len(token_lists)
    for r, tokens in enumerate(token_lists):
        counts = Counter(tokens)
        weights = []
        for tok, c in counts.items():
            col = vocab.setdefault(tok, len(vocab))
            w = (1.0 + math.log(c)) * (math.log((1 + n) / (1 + df[tok])) + 1.0)
            weights.append((col, w))
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        for col, w in weights:
            rows.append(r)
            cols.append(col)
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float32)


def dice(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return 2.0 * len(sa & sb) / (len(sa) + len(sb))
