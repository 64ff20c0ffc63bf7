"""Pair features and the relation decision: identical / copy / edited / rewrite / shared-source / none.

The decision reads a few interpretable features rather than a learned model so it transfers to
corpora it has never seen:

* verbatim evidence: exact word-shingle Jaccard and containment (either direction);
* paraphrase evidence: the share of the copy's sentences aligned in order to the source with a
  clearly paraphrastic similarity ("strong coverage"), and the mean similarity of the alignment.

Independent reports of one event share facts and the same quotes, so a few of their sentences
align (typically 15-45 % of the shorter one, mean similarity ~0.75); a rewrite aligns nearly every
sentence (>= 60 %, mean ~0.85+). The thresholds sit in that gap; eval/reuse_*.py measure it on
Clough & Stevenson, Webis-CPC and a synthetic news benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyprism.reuse.align import AlignmentResult, lockstep_run
from storyprism.reuse.text import overlap
from storyprism.text.overlap import mostly_quoted, word_containment

STRONG_SIMILARITY = 0.72  # a sentence pair this similar is a paraphrase, not just the same topic
COPY_JACCARD = 0.8  # near-verbatim
EDITED_CONTAINMENT = 0.45  # at least this much of one text appears verbatim in the other
PARTIAL_CONTAINMENT = 0.3  # ... or this much, when the shared text is not just quotations
SHARED_MIN_VERBATIM = 2  # verbatim sentences (quotes, press-release lines) both carry
# a loose rewrite: the copy retells a passage of its source sentence by sentence, in order (a run of
# >= 6 aligned sentences advancing together, align.lockstep_run) over >= 30 % of the copy, each
# sentence reworded (mean similarity >= 0.75). Independent reports of one event share facts in
# scattered places: on the 69 Giveme5W1H events no pair of different origins had a run over 5
# except retellings of one text (a paraphrased feature, rewritten wire copy).
RUN_MIN = 6
RUN_SHARE = 0.3
RUN_MEAN_SIMILARITY = 0.75


@dataclass(slots=True)
class PairFeatures:
    jaccard: float = 0.0
    containment_a: float = 0.0  # share of a's shingles found in b
    containment_b: float = 0.0
    coverage_a: float = 0.0
    coverage_b: float = 0.0
    strong_coverage_a: float = 0.0
    strong_coverage_b: float = 0.0
    mean_similarity: float = 0.0
    in_order: float = 0.0
    aligned: int = 0
    verbatim_sentences: int = 0  # aligned pairs that are (near-)verbatim
    verbatim_quoted: int = 0  # ... of which the shared text sits inside quotation marks
    counted_a: int = 0
    counted_b: int = 0
    identical: bool = False
    doc_similarity: float = 0.0  # cosine of the two mean sentence embeddings (0 without a model)
    run: int = 0  # longest passage retold in order, quotations aside (align.lockstep_run)


def shingle_features(sa: np.ndarray, sb: np.ndarray) -> tuple[float, float, float]:
    inter = overlap(sa, sb)
    union = len(sa) + len(sb) - inter
    return (
        inter / union if union else 0.0,
        inter / len(sa) if len(sa) else 0.0,
        inter / len(sb) if len(sb) else 0.0,
    )


def pair_features(
    sa: np.ndarray,
    sb: np.ndarray,
    sent_a: list[str],
    sent_b: list[str],
    alignment: AlignmentResult,
    identical: bool = False,
) -> PairFeatures:
    jac, ca, cb = shingle_features(sa, sb)
    f = PairFeatures(jaccard=jac, containment_a=ca, containment_b=cb, identical=identical)
    f.coverage_a, f.coverage_b = alignment.coverage_a, alignment.coverage_b
    f.mean_similarity, f.in_order = alignment.mean_similarity, alignment.in_order
    f.aligned = len(alignment.matches)
    f.counted_a, f.counted_b = alignment.counted_a, alignment.counted_b
    strong = [m for m in alignment.matches if m.similarity >= STRONG_SIMILARITY]
    f.strong_coverage_a = len({m.i for m in strong}) / f.counted_a if f.counted_a else 0.0
    f.strong_coverage_b = len({m.j for m in strong}) / f.counted_b if f.counted_b else 0.0
    own_words = []
    for m in alignment.matches:
        quoted = mostly_quoted(sent_a[m.i]) or mostly_quoted(sent_b[m.j])
        if word_containment(sent_a[m.i], sent_b[m.j]) >= 0.8:
            f.verbatim_sentences += 1
            f.verbatim_quoted += quoted
        if not quoted:
            own_words.append(m)  # a statement both quote in order is a shared source, not a rewrite
    f.run = lockstep_run(own_words)
    return f


def reuse_score(f: PairFeatures) -> float:
    """One number in [0, 1]: how much of the smaller text is reused from the other."""
    verbatim = max(f.containment_a, f.containment_b)
    para = max(f.strong_coverage_a, f.strong_coverage_b) * min(1.0, f.mean_similarity / 0.9)
    return float(min(1.0, max(verbatim, para, 1.0 if f.identical else 0.0)))


def decide(
    f: PairFeatures,
    rewrite_coverage: float = 0.55,
    copy_side: str = "b",
    min_mean_similarity: float = 0.78,
) -> str | None:
    """The relation between the two texts, or None; ``copy_side`` names the presumed copy."""
    if f.identical or (f.jaccard >= 0.98 and f.counted_a == f.counted_b):
        return "identical"
    if f.jaccard >= COPY_JACCARD:
        return "copy"
    contained = max(f.containment_a, f.containment_b)
    if contained >= EDITED_CONTAINMENT:
        return "edited"
    # a third reused verbatim is a partial copy, unless what is shared is mostly quotations
    # (two reports quoting the same statement or press release)
    if contained >= PARTIAL_CONTAINMENT and f.verbatim_quoted * 2 < max(1, f.verbatim_sentences):
        return "edited"
    cov = f.strong_coverage_b if copy_side == "b" else f.strong_coverage_a
    counted = f.counted_b if copy_side == "b" else f.counted_a
    min_aligned = min(3, counted)
    # a rewrite aligns most of the copy, in order, with paraphrase-level similarity; the source
    # side is free (a copy may rewrite an excerpt of a long source)
    if (
        counted > 0
        and f.aligned >= min_aligned
        and cov >= rewrite_coverage
        and f.in_order >= 0.6
        and f.mean_similarity >= min_mean_similarity
    ):
        if max(f.containment_a, f.containment_b) >= 0.25:
            return "edited"
        return "rewrite"
    if counted > 0 and f.run >= max(RUN_MIN, RUN_SHARE * counted) and f.mean_similarity >= RUN_MEAN_SIMILARITY:
        return "edited" if contained >= 0.25 else "rewrite"
    if f.verbatim_sentences >= SHARED_MIN_VERBATIM or max(f.containment_a, f.containment_b) >= 0.15:
        return "shared-source"
    return None
