"""Webis-CPC-11 sample: paraphrase precision/recall from the stage's pair features.

Two operating points, both reported on the held-out half of a seeded split:
* ``default``: the stage's own rule, paraphrase = the paraphrase is a ``rewrite`` or ``edited``
  copy of the original (near-verbatim ``copy``/``identical`` is not a paraphrase: Webis labels
  such lazy "paraphrases" 0). The rule is calibrated for news, not for 19th-century prose.
* ``calibrated``: a small gradient-boosted classifier over the stage's pair features (shingle
  Jaccard/containment, alignment coverage and similarity, mean-embedding similarity, length
  ratio) fitted on the calibration half, its probability threshold chosen on cross-validated
  calibration predictions for precision >= 0.95; nothing is tuned on the test half.

Usage: python eval/reuse_webis.py [--gate] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time

from reuse_common import DATA, need, report
from storyprism.reuse import ReuseOptions, compare_texts
from storyprism.reuse.decide import PairFeatures
from storyprism.reuse.detect import prime_embeddings

PARA = {"rewrite", "edited"}


def pr(pred: list[bool], gold: list[int]) -> tuple[float, float]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if not p and g)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 0.0)


def vector(f: PairFeatures, a: str, b: str) -> list[float]:
    la, lb = max(1, len(a.split())), max(1, len(b.split()))
    return [
        f.doc_similarity, f.jaccard, f.containment_a, f.containment_b, f.mean_similarity,
        f.strong_coverage_b, f.coverage_b, min(la, lb) / max(la, lb), math.log1p(la),
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.model_selection import cross_val_predict

    path = need(DATA / "reuse" / "webis_cpc11_sample" / "pairs.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    random.Random(13).shuffle(rows)
    if args.limit:
        rows = rows[: args.limit]
    opts = ReuseOptions()
    start = time.time()
    prime_embeddings(s for r in rows for s in r["original_sentences"] + r["paraphrase_sentences"])
    feats, gold, default_pred = [], [], []
    for r in rows:
        a, b = "\n".join(r["original_sentences"]), "\n".join(r["paraphrase_sentences"])
        res = compare_texts(a, b, opts)
        feats.append(vector(res.features, a, b))
        gold.append(int(r["label"]))
        default_pred.append(res.kind in PARA)
    print(f"{len(rows)} pairs in {time.time() - start:.1f}s")
    half = len(rows) // 2
    x, y = np.array(feats), np.array(gold)
    figures: dict[str, float] = {}
    p, r = pr(default_pred[half:], gold[half:])
    figures["default.precision"], figures["default.recall"] = p, r

    def model() -> GradientBoostingClassifier:
        return GradientBoostingClassifier(n_estimators=150, max_depth=2, random_state=0)

    cv = cross_val_predict(model(), x[:half], y[:half], cv=5, method="predict_proba")[:, 1]
    threshold = 0.5
    for t in np.arange(0.5, 0.99, 0.01):
        pc, _ = pr(list(cv >= t), list(y[:half]))
        if pc >= 0.95:
            threshold = float(t)
            break
    clf = model().fit(x[:half], y[:half])
    prob = clf.predict_proba(x[half:])[:, 1]
    p, r = pr(list(prob >= threshold), list(y[half:]))
    print(f"calibrated on {half} pairs: probability threshold {threshold:.2f}; test on {len(rows) - half}")
    figures["calibrated.precision"], figures["calibrated.recall"] = p, r
    return report("reuse_webis", figures, args.gate)


if __name__ == "__main__":
    sys.exit(main())
