"""Does reuse's word-overlap bound (``ReuseOptions.vector_pair_floor``) change any relation outside
Giveme5W1H? Runs the Webis-CPC paraphrase pairs and the Clough-Stevenson short answers through
``detect_reuse`` (the corpus path) once with the lean shortcut on (``lean_vectors``: the bound at
``--floor`` and the per-sentence word filter) and once reading every vector, and counts the pairs,
true reuse first, whose relation kind differs. Measured: the lean path loses true Webis rewrites
(15 of 500 at floor 0.3 against floor 0; 5 of 500 at floor 0 against every vector; Clough none), so
``lean_vectors`` is off by default.

    PYTHONPATH=src python benchmarks/floor_check.py [--floor 0.3]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from storyprism.records import Article
from storyprism.reuse import ReuseOptions
from storyprism.reuse.detect import detect_reuse, prime_embeddings
from storyprism.reuse.text import split_sentences

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reuse"


def _pairs() -> list[tuple[str, str, str, bool]]:
    """(set, source text, copy text, is true reuse) for both labelled sets."""
    out = []
    for line in (DATA / "webis_cpc11_sample" / "pairs.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append(("webis", "\n".join(r["original_sentences"]), "\n".join(r["paraphrase_sentences"]), int(r["label"]) == 1))
    for line in (DATA / "clough_stevenson_short_answers" / "pairs.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        out.append(("clough", r["source"], r["answer"], int(r["label"]) > 0))  # 0: non-copy answer
    return out


def _kind(a: str, b: str, options: ReuseOptions) -> str:
    found = detect_reuse([Article(id="a", ref="a", title="", text=a), Article(id="b", ref="b", title="", text=b)], options)
    return ",".join(sorted(r.kind for r in found)) or "-"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--floor", type=float, default=ReuseOptions().vector_pair_floor)
    args = ap.parse_args()
    pairs = _pairs()
    prime_embeddings(s for _, a, b, _ in pairs for t in (a, b) for s in split_sentences(t))
    on, off = ReuseOptions(vector_pair_floor=args.floor, lean_vectors=True), ReuseOptions(lean_vectors=False)
    counts: Counter[tuple[str, bool, str]] = Counter()
    for name, a, b, true in pairs:
        k_on, k_off = _kind(a, b, on), _kind(a, b, off)
        counts[(name, true, "same" if k_on == k_off else "differs")] += 1
        if k_on != k_off:
            print(f"{name} true={true}: lean, floor {args.floor} -> {k_on}; every vector -> {k_off}")
    for (name, true, verdict), n in sorted(counts.items()):
        print(f"{name:7s} {'true reuse' if true else 'not reuse':10s} {verdict:8s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
