"""Clough & Stevenson short answers: reuse score per copying level and AUC of any-copy vs non-copied.

Each answer is compared with its Wikipedia source through the stage's own pair decision
(``storyprism.reuse.compare_texts``: shingles, sentence alignment with embeddings, relation).

Usage: python eval/reuse_clough.py [--gate]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time

from reuse_common import DATA, auc, need, report
from storyprism.reuse import ReuseOptions, compare_texts
from storyprism.reuse.decide import reuse_score
from storyprism.reuse.detect import COPY_KINDS, prime_embeddings
from storyprism.reuse.text import split_sentences

LEVELS = {0: "non", 1: "heavy", 2: "light", 3: "cut"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gate", action="store_true")
    args = ap.parse_args()
    path = need(DATA / "reuse" / "clough_stevenson_short_answers" / "pairs.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    opts = ReuseOptions()
    start = time.time()
    prime_embeddings(s for r in rows for t in (r["source"], r["answer"]) for s in split_sentences(t))
    scores: dict[int, list[float]] = {k: [] for k in LEVELS}
    flagged: dict[int, list[bool]] = {k: [] for k in LEVELS}
    for r in rows:
        res = compare_texts(r["source"], r["answer"], opts)
        scores[r["label"]].append(reuse_score(res.features))
        flagged[r["label"]].append(res.kind in COPY_KINDS)
    print(f"{len(rows)} answers in {time.time() - start:.1f}s")
    figures: dict[str, float] = {}
    for k, name in LEVELS.items():
        figures[f"mean_score.{name}"] = statistics.mean(scores[k])
        figures[f"flagged_as_copy.{name}"] = sum(flagged[k]) / len(flagged[k])
    pos = scores[1] + scores[2] + scores[3]
    figures["auc_any_copy_vs_non"] = auc(pos, scores[0])
    figures["auc_heavy_vs_non"] = auc(scores[1], scores[0])
    means = [figures[f"mean_score.{n}"] for n in LEVELS.values()]
    figures["separation_min_gap_between_levels"] = min(b - a for a, b in itertools.pairwise(means))
    figures["separation_non_to_heavy"] = means[1] - means[0]
    figures["specificity_non_not_flagged"] = 1 - figures["flagged_as_copy.non"]
    return report("reuse_clough", figures, args.gate)


if __name__ == "__main__":
    sys.exit(main())
