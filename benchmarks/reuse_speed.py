"""Speed of the reuse stage's near-duplicate step and of sentence alignment.

The 383 Giveme5W1H articles are replicated and perturbed (words dropped, swapped, replaced) up to
``--n`` articles; the near-duplicate stage (tokenise, shingle, vectorised MinHash, LSH banding,
components) is timed, side by side with a plain datasketch script (``MinHash.update`` per shingle
+ ``MinHashLSH`` insert/query) on the same articles (that one on a sample, extrapolated, when
``--plain-n`` is smaller than ``--n``). Then sentence alignment pairs/s on real article pairs.

Usage: python benchmarks/reuse_speed.py [--n 100000] [--plain-n 5000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"

from storyprism.reuse import minhash  # noqa: E402
from storyprism.reuse.align import align, similarity_matrix  # noqa: E402
from storyprism.reuse.text import fast_words, shingle_hashes, split_sentences, token_hashes, words  # noqa: E402


def perturb(text: str, rng: random.Random) -> str:
    toks = text.split()
    out = []
    for t in toks:
        x = rng.random()
        if x < 0.02:
            continue
        if x < 0.04:
            out.append(f"w{rng.randrange(10**6)}")
            continue
        out.append(t)
    if len(out) > 10 and rng.random() < 0.5:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return " ".join(out)


def corpus(n: int) -> list[str]:
    if not DATA.exists():
        print(f"missing {DATA}: this benchmark needs ../shared/data")
        sys.exit(2)
    base = [json.loads(line)["text"] for line in DATA.open(encoding="utf-8")]
    rng = random.Random(3)
    return [base[i % len(base)] if i < len(base) else perturb(base[i % len(base)], rng) for i in range(n)]


def storyprism_near_dup(texts: list[str], threshold: float = 0.3, num_perm: int = 128) -> tuple[float, int]:
    start = time.perf_counter()
    cache: dict[str, int] = {}
    import numpy as np

    sets = [np.unique(shingle_hashes(token_hashes(fast_words(t), cache), 5)) for t in texts]
    t_shingle = time.perf_counter() - start
    pairs, _ = minhash.near_duplicate_pairs(sets, threshold, num_perm)
    groups = minhash.components(len(texts), pairs)
    elapsed = time.perf_counter() - start
    print(f"  storyprism: shingling {t_shingle:.1f}s, total {elapsed:.1f}s, {len(pairs)} pairs, {len(groups)} groups")
    return elapsed, len(groups)


def plain_datasketch(texts: list[str], threshold: float = 0.3, num_perm: int = 128) -> float:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs = []
    for i, t in enumerate(texts):
        toks = words(t)
        m = MinHash(num_perm=num_perm)
        for k in range(max(1, len(toks) - 4)):
            m.update(" ".join(toks[k : k + 5]).encode("utf-8"))
        lsh.insert(i, m)
        sigs.append(m)
    for i, m in enumerate(sigs):
        lsh.query(m)
        del i
    return time.perf_counter() - start


def main() -> int:
    try:  # one encoder thread: the machine is small and shared (see eval/reuse_common.py)
        import torch

        torch.set_num_threads(1)
    except ImportError:  # pragma: no cover
        pass
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--plain-n", type=int, default=5_000, help="articles for the plain datasketch run")
    ap.add_argument("--align-pairs", type=int, default=200)
    args = ap.parse_args()
    texts = corpus(args.n)
    words_total = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words_total / len(texts):.0f} words on average")
    el, _ = storyprism_near_dup(texts)
    print(f"storyprism near-duplicate stage: {len(texts) / el:,.0f} articles/s ({el:.1f}s)")
    m = min(args.plain_n, len(texts))
    el_plain = plain_datasketch(texts[:m])
    print(f"plain datasketch (update per shingle + MinHashLSH) on {m}: {m / el_plain:,.0f} articles/s ({el_plain:.1f}s)")
    el_same, _ = storyprism_near_dup(texts[:m])
    print(f"storyprism on the same {m}: {m / el_same:,.0f} articles/s -> {el_plain / el_same:.1f}x faster")

    # sentence alignment (lexical similarity + DP), and with precomputed embeddings
    rng = random.Random(5)
    base = texts[: min(383, len(texts))]
    pairs = [(split_sentences(rng.choice(base)), split_sentences(rng.choice(base))) for _ in range(args.align_pairs)]
    start = time.perf_counter()
    for a, b in pairs:
        align(a, b, similarity_matrix(a, b), 0.62)
    el_align = time.perf_counter() - start
    print(f"sentence alignment (lexical): {len(pairs) / el_align:,.0f} pairs/s")
    try:
        from storyprism.models import embed

        sub = pairs[: max(1, args.align_pairs // 4)]
        start = time.perf_counter()
        for a, b in sub:
            align(a, b, similarity_matrix(a, b, embed(a), embed(b)), 0.62)
        el_emb = time.perf_counter() - start
        print(f"sentence alignment (with embedding both articles): {len(sub) / el_emb:,.1f} pairs/s")
    except Exception as exc:  # pragma: no cover - model missing
        print(f"embedding alignment skipped: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
