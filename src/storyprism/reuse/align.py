"""Sentence alignment of two articles: similarity matrix, monotone DP, coverage.

A rewrite keeps the source's sentences in (mostly) the same order, each one reworded. The
alignment therefore maximises the summed excess similarity of matched sentence pairs under an
order-preserving constraint (a weighted LCS); sentences a copy moved elsewhere or split in two are
attached afterwards when they match clearly, and counted as out of order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyprism.reuse.text import content_words

MIN_WORDS = 4  # shorter lines (captions, "Full Screen", "1 / 5") never count for coverage


def countable(sentence: str) -> bool:
    """A sentence ``align`` may match by default (``MIN_WORDS`` words or more); the reuse stage encodes
    only these, since ``align`` zeroes every other line's similarity before reading the matrix."""
    return len(sentence.split()) >= MIN_WORDS


def word_sets(sentences: Sequence[str]) -> list[set[str]]:
    """Each sentence's content-word set: what ``lexical_matrix`` compares (an article meets many
    candidate partners, so callers keep these instead of re-reading its sentences per pair)."""
    return [set(content_words(s)) for s in sentences]


def lexical_matrix(
    a: Sequence[str],
    b: Sequence[str],
    sets_a: Sequence[set[str]] | None = None,
    sets_b: Sequence[set[str]] | None = None,
) -> np.ndarray:
    """Dice overlap of content-word sets for every sentence pair (``sets_*``: ``word_sets`` of
    ``a``/``b`` when the caller has them)."""
    sa = word_sets(a) if sets_a is None else sets_a
    sb = word_sets(b) if sets_b is None else sets_b
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, x in enumerate(sa):
        if not x:
            continue
        for j, y in enumerate(sb):
            if y:
                inter = len(x & y)
                if inter:
                    out[i, j] = 2.0 * inter / (len(x) + len(y))
    return out


def similarity_matrix(
    a: Sequence[str],
    b: Sequence[str],
    emb_a: np.ndarray | None = None,
    emb_b: np.ndarray | None = None,
    lexical: np.ndarray | None = None,
) -> np.ndarray:
    """Combined sentence similarity: the larger of embedding cosine and lexical overlap, so a
    verbatim sentence scores high without a model and a paraphrase scores high with one
    (``lexical``: the pair's ``lexical_matrix`` when the caller already has it)."""
    lex = lexical_matrix(a, b) if lexical is None else lexical
    if emb_a is None or emb_b is None or len(emb_a) == 0 or len(emb_b) == 0:
        return lex
    cos = np.clip(emb_a @ emb_b.T, 0.0, 1.0).astype(np.float32)
    return np.maximum(cos, lex)


@dataclass(slots=True)
class SentenceMatch:
    i: int  # index in a
    j: int  # index in b
    similarity: float
    in_order: bool = True


@dataclass(slots=True)
class AlignmentResult:
    matches: list[SentenceMatch] = field(default_factory=list)
    coverage_a: float = 0.0  # share of a's countable sentences matched
    coverage_b: float = 0.0
    mean_similarity: float = 0.0
    in_order: float = 0.0  # share of matches on the monotone path
    counted_a: int = 0
    counted_b: int = 0


def lockstep_run(matches: Sequence[SentenceMatch], max_step: int = 2) -> int:
    """Length of the longest chain of matches that advances on both sides together, by at most
    ``max_step`` sentences per step: a passage retold sentence by sentence in its source's order.
    Independent reports of one event share facts in scattered places (a run of 1-4); a rewrite
    walks through its source (hand-read Giveme5W1H pairs: 6-14)."""
    pts = sorted({(m.i, m.j) for m in matches})
    best = 0
    chain: list[int] = []
    for k, (i, j) in enumerate(pts):
        length = 1
        for q in range(k - 1, -1, -1):
            pi, pj = pts[q]
            if i - pi > max_step:
                break  # sorted by i: every earlier point is further back
            if i - pi > 0 and 0 < j - pj <= max_step:
                length = max(length, chain[q] + 1)
        chain.append(length)
        best = max(best, length)
    return best


def monotone_path(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Order-preserving matching maximising sum(sim - threshold) over pairs above threshold."""
    m, n = sim.shape
    if m == 0 or n == 0:
        return []
    gains: list[list[float]] = (sim - threshold + 1e-3).tolist()
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    move = [[0] * (n + 1) for _ in range(m + 1)]  # 0 skip a, 1 skip b, 2 match
    for i in range(1, m + 1):
        row_gain = gains[i - 1]
        prev = score[i - 1]
        cur = score[i]
        mv = move[i]
        for j in range(1, n + 1):
            best, how = prev[j], 0
            if cur[j - 1] > best:
                best, how = cur[j - 1], 1
            g = row_gain[j - 1]
            if g > 0 and prev[j - 1] + g > best:
                best, how = prev[j - 1] + g, 2
            cur[j] = best
            mv[j] = how
    path: list[tuple[int, int]] = []
    i, j = m, n
    while i > 0 and j > 0:
        step = move[i][j]
        if step == 2:
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == 0:
            i -= 1
        else:
            j -= 1
    path.reverse()
    return path


_default_countable = countable  # ``align``'s parameter of the same name shadows the function


def align(
    a: Sequence[str],
    b: Sequence[str],
    sim: np.ndarray,
    threshold: float,
    extra_threshold: float | None = None,
    countable: Callable[[str], bool] | None = None,
) -> AlignmentResult:
    """Align sentences of ``a`` and ``b`` given their similarity matrix."""
    ok = countable or _default_countable
    use_a = np.array([ok(s) for s in a], dtype=bool)
    use_b = np.array([ok(s) for s in b], dtype=bool)
    masked = sim.copy()
    if masked.size:
        masked[~use_a, :] = 0.0
        masked[:, ~use_b] = 0.0
    path = monotone_path(masked, threshold)
    matches = [SentenceMatch(i, j, float(masked[i, j]), True) for i, j in path]
    extra = max(threshold + 0.1, 0.8) if extra_threshold is None else extra_threshold
    matched_b = {j for _, j in path}
    matched_a = {i for i, _ in path}
    if masked.size:
        # split / merged sentences: an unmatched neighbour of a matched pair that matches the
        # same sentence on the other side belongs to it
        for i, j in path:
            for jj in (j - 1, j + 1):
                if 0 <= jj < len(b) and jj not in matched_b and masked[i, jj] >= threshold:
                    matches.append(SentenceMatch(i, jj, float(masked[i, jj]), True))
                    matched_b.add(jj)
            for ii in (i - 1, i + 1):
                if 0 <= ii < len(a) and ii not in matched_a and masked[ii, j] >= threshold:
                    matches.append(SentenceMatch(ii, j, float(masked[ii, j]), True))
                    matched_a.add(ii)
        # moved sentences: a clear match outside the monotone path
        for j in range(len(b)):
            if j in matched_b or not use_b[j]:
                continue
            i = int(np.argmax(masked[:, j]))
            if masked[i, j] >= extra:
                matches.append(SentenceMatch(i, j, float(masked[i, j]), False))
                matched_b.add(j)
                matched_a.add(i)
        for i in range(len(a)):
            if i in matched_a or not use_a[i]:
                continue
            j = int(np.argmax(masked[i, :]))
            if masked[i, j] >= extra:
                matches.append(SentenceMatch(i, j, float(masked[i, j]), False))
                matched_a.add(i)
                matched_b.add(j)
    matches.sort(key=lambda x: (x.j, x.i))
    ca, cb = int(use_a.sum()), int(use_b.sum())
    return AlignmentResult(
        matches=matches,
        coverage_a=len(matched_a) / ca if ca else 0.0,
        coverage_b=len(matched_b) / cb if cb else 0.0,
        mean_similarity=float(np.mean([x.similarity for x in matches])) if matches else 0.0,
        in_order=(sum(x.in_order for x in matches) / len(matches)) if matches else 0.0,
        counted_a=ca,
        counted_b=cb,
    )
