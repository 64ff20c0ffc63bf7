"""Which sentence vectors a decision depends on: per stage, and per rewrite-candidate pair.

Two measurements on one ``analyze`` of a corpus (default: the 383 Giveme5W1H articles):

* ``stages``: every sentence each stage asks the embedding store for (tagged by the first storyprism
  module on the call stack), so that one can read how many distinct sentences only the reuse stage
  asks for: the most any shortcut in the reuse stage could save, since a sentence another stage
  needs is encoded anyway (one store, each sentence encoded once);
* ``pairs``: the reuse stage once more over the workspace's articles, each compared pair decided
  twice, on words alone and with the embedding pass: for how many pairs the vectors change the kind,
  or the aligned sentences and their similarities (what reaches the output: coverage, score,
  direction, alignments); and, for every sentence pair the vectors lift to the alignment threshold
  above its word overlap ("at stake"), whether the two sentences share any content word, and whether
  each has some content word in common with any sentence of the other article (the subset a
  word-overlap filter would keep).

Measured on the 381 Giveme5W1H articles with text, before ``detect.vector_rows``: 11,250 distinct
sentences asked for; the reuse stage 9,361 (first to ask for 9,358), the comparison stage's claims
6,040 (5,622 of them already asked for by reuse), and 3,435 by reuse alone. Of the 1,052 candidate
pairs that reach the embedding pass, the vectors change the kind of 21 (None -> rewrite 2, None ->
shared-source 9, shared-source -> edited 4 / rewrite 6) and the alignments of 117 relations; 935 end
without a relation either way. Of the 6,993 sentence pairs the vectors lift to the threshold above
their word overlap, 131 share no content word, and in only 7 does a side share none with the whole
other article; just 3,563 of the 9,363 sentences encoded sit in any of them. Hence ``vector_rows``:
reuse asks for 5,525 sentences with the same relations, and ``analyze`` encodes 9,609 instead of 11,253.

Usage: python benchmarks/encode_need.py [--input JSONL] [--workspace W] [--keep W]
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import itertools
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"


def _stage() -> str:
    """The first storyprism module on the stack outside the model and store plumbing."""
    for fr in inspect.stack()[2:]:
        mod = fr.frame.f_globals.get("__name__", "")
        if mod.startswith("storyprism") and mod not in ("storyprism.models", "storyprism.text.embeddings"):
            return mod
    return "?"


def stages(input_path: Path, workspace: Path, log: Path) -> None:
    """Run ``analyze`` in this process with every embedding request logged (forked workers append
    to the same file)."""
    from storyprism.cli import main
    from storyprism.text import embeddings

    plain = embeddings.EmbeddingStore.encode

    def logged(self: embeddings.EmbeddingStore, texts):  # type: ignore[no-untyped-def]
        tag = _stage()
        with log.open("a", encoding="utf-8") as fh:
            for t in texts:
                fh.write(json.dumps([tag, embeddings.normalise(t)]) + "\n")
        return plain(self, texts)

    embeddings.EmbeddingStore.encode = logged  # type: ignore[method-assign]
    sys.argv = ["storyprism", "analyze", str(input_path), "--workspace", str(workspace)]
    with contextlib.suppress(SystemExit):  # the command line's exit status is not the measurement
        main()
    embeddings.EmbeddingStore.encode = plain  # type: ignore[method-assign]
    asked: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}
    for line in log.open(encoding="utf-8"):
        tag, text = json.loads(line)
        asked[tag].add(text)
        first.setdefault(text, tag)
    every = set().union(*asked.values()) if asked else set()
    print(f"distinct sentences asked for: {len(every)}")
    for tag, texts in sorted(asked.items(), key=lambda kv: -len(kv[1])):
        others = set().union(*(v for k, v in asked.items() if k != tag))
        print(
            f"  {tag:<40} asked {len(texts):>6}  first {sum(1 for t in texts if first[t] == tag):>6}"
            f"  only this stage {len(texts - others):>6}"
        )


def pairs(workspace: Path) -> None:
    """The reuse stage over the workspace's articles, each compared pair decided twice."""
    from storyprism import options as opts_mod
    from storyprism.models import embedding_store
    from storyprism.reuse import detect
    from storyprism.reuse.align import align, countable, similarity_matrix
    from storyprism.reuse.decide import decide, pair_features
    from storyprism.reuse.detect import shingles_of
    from storyprism.store import Store
    from storyprism.text.overlap import words

    store = Store(workspace)
    embedding_store().attach(store)  # the vectors the analysis stored: none is encoded again
    articles = store.articles()
    options = opts_mod.Options().reuse
    plain = detect.compare_docs
    stats: Counter[str] = Counter()
    stake_rows: list[tuple[bool, bool, bool]] = []  # (shares a word, i overlaps b, j overlaps a)
    needed: set[str] = set()  # sentences of at-stake pairs (what a perfect filter would encode)
    overlap_kept: set[str] = set()  # sentences sharing a content word with some sentence of the other article
    embedded: set[str] = set()
    kept: dict[float, set[str]] = {t: set() for t in TAUS}
    changed_kind: Counter[float] = Counter()
    changed_out: Counter[float] = Counter()
    skipped: Counter[float] = Counter()  # pairs a word bound proves end with no relation
    skip_wrong: Counter[float] = Counter()  # ... that the embedding pass gives a relation
    pair_kept: dict[float, set[str]] = {t: set() for t in TAUS}

    def twice(a, b, options, copy_side="b", lexical=None):  # type: ignore[no-untyped-def]
        lexical = plain(a, b, _no_vectors(options), copy_side)
        full = plain(a, b, options, copy_side)
        if lexical.kind in ("identical", "copy", "edited") or not (a.sentences and b.sentences):
            stats["decided on words"] += 1
            return full
        stats["embedding pass"] += 1
        if full.kind != lexical.kind:
            stats[f"kind {lexical.kind} -> {full.kind}"] += 1
        lm = [(m.i, m.j, round(m.similarity, 4)) for m in lexical.alignment.matches]
        fm = [(m.i, m.j, round(m.similarity, 4)) for m in full.alignment.matches]
        if full.kind is not None and fm != lm:
            stats["reported alignments changed"] += 1
        if full.kind is None and lexical.kind is None:
            stats["none either way"] += 1
        ea, eb = detect._embeddings(a), detect._embeddings(b)
        lex = detect.lexical_matrix(a.sentences, b.sentences, detect._word_sets(a), detect._word_sets(b))
        sim = similarity_matrix(a.sentences, b.sentences, ea, eb, lexical=lex)
        ua = np.array([countable(s) for s in a.sentences])
        ub = np.array([countable(s) for s in b.sentences])
        stake = (sim >= options.align_threshold) & (sim > lex) & ua[:, None] & ub[None, :]
        row_any = (lex > 0).any(axis=1)
        col_any = (lex > 0).any(axis=0)
        row_best = lex.max(axis=1) if lex.size else np.zeros(len(a.sentences))
        col_best = lex.max(axis=0) if lex.size else np.zeros(len(b.sentences))
        for i, j in zip(*np.nonzero(stake), strict=True):
            stake_rows.append((bool(lex[i, j] > 0), bool(row_any[i]), bool(col_any[j])))
            needed.update((a.sentences[i], b.sentences[j]))
        key_full = (full.kind, fm)
        grams_a = [set(itertools.pairwise(words(x))) for x in a.sentences]
        grams_b = [set(itertools.pairwise(words(x))) for x in b.sentences]
        verbatim = sum(
            1 for i in np.nonzero(ua)[0] for j in np.nonzero(ub)[0]
            if grams_a[i] and grams_b[j]
            and len(grams_a[i] & grams_b[j]) >= 0.8 * min(len(grams_a[i]), len(grams_b[j]))
        )
        contained = max(lexical.features.containment_a, lexical.features.containment_b)
        cb = int(ub.sum())
        for tau in TAUS:
            nb = int((ub & (col_best >= tau) & (col_best > 0)).sum())
            na = int((ua & (row_best >= tau) & (row_best > 0)).sum())
            can_rewrite = cb > 0 and (nb >= 0.55 * cb or min(na, nb) >= max(6, 0.3 * cb))
            if contained < 0.15 and verbatim < 2 and not can_rewrite:
                skipped[tau] += 1
                if full.kind is not None:
                    skip_wrong[tau] += 1
            else:
                pair_kept[tau].update(s for s, k in zip(a.sentences, ua & (row_best >= tau) & (row_best > 0), strict=True) if k)
                pair_kept[tau].update(s for s, k in zip(b.sentences, ub & (col_best >= tau) & (col_best > 0), strict=True) if k)
        for tau in TAUS:
            keep_a = ua & (row_best >= tau) & (row_best > 0)
            keep_b = ub & (col_best >= tau) & (col_best > 0)
            kept[tau].update(s for s, k in zip(a.sentences, keep_a, strict=True) if k)
            kept[tau].update(s for s, k in zip(b.sentences, keep_b, strict=True) if k)
            fa, fb = ea * keep_a[:, None], eb * keep_b[:, None]
            sim_t = similarity_matrix(a.sentences, b.sentences, fa, fb, lexical=lex)
            al = align(a.sentences, b.sentences, sim_t, options.align_threshold)
            f = pair_features(shingles_of(a), shingles_of(b), a.sentences, b.sentences, al, a.digest == b.digest)
            kind = decide(f, options.rewrite_coverage, copy_side)
            tm = [(m.i, m.j, round(m.similarity, 4)) for m in al.matches]
            if kind != full.kind:
                changed_kind[tau] += 1
            elif kind is not None and (kind, tm) != key_full:
                changed_out[tau] += 1
        for k, s in enumerate(a.sentences):
            if ua[k]:
                embedded.add(s)
                if row_any[k]:
                    overlap_kept.add(s)
        for k, s in enumerate(b.sentences):
            if ub[k]:
                embedded.add(s)
                if col_any[k]:
                    overlap_kept.add(s)
        return full

    def every_row(a, b, lex, f, o):  # type: ignore[no-untyped-def]
        return np.ones(len(a.sentences), dtype=bool), np.ones(len(b.sentences), dtype=bool)

    # the embedding pass as it was before ``detect.vector_rows``: every countable sentence encoded
    plain_rows = detect.vector_rows
    detect.compare_docs = twice  # type: ignore[assignment]
    detect.vector_rows = every_row  # type: ignore[assignment]
    found = detect.detect_reuse(articles, options)
    detect.compare_docs = plain  # type: ignore[assignment]
    detect.vector_rows = plain_rows  # type: ignore[assignment]
    print(f"relations {len(found)}: {dict(Counter(r.kind for r in found))}")
    for k, v in sorted(stats.items()):
        print(f"  {k:<40} {v}")
    n = len(stake_rows)
    print(f"at-stake sentence pairs (sim >= {options.align_threshold} > lexical): {n}")
    if n:
        print(f"  sharing no content word: {sum(1 for s, _, _ in stake_rows if not s)}")
        print(f"  a side with no content word in common with the other article: "
              f"{sum(1 for _, x, y in stake_rows if not (x and y))}")
    print(f"countable sentences of compared pairs with the embedding pass: {len(embedded)}")
    print(f"  of which in some at-stake pair: {len(needed)}")
    print(f"  of which sharing a content word with the other article: {len(overlap_kept)}")
    print("filter: encode a sentence only where its best word overlap (Dice) with the other article >= tau")
    for tau in TAUS:
        print(f"  tau {tau:.2f}: sentences {len(kept[tau]):>6}  pairs whose kind changes {changed_kind[tau]:>4}"
              f"  relations whose alignments change {changed_out[tau]:>4}")
    print("and pairs skipped where that many sentences can neither make a rewrite nor a shared source")
    for tau in TAUS:
        print(f"  tau {tau:.2f}: pairs skipped {skipped[tau]:>5} (of which with a relation {skip_wrong[tau]})"
              f"  sentences of the other pairs {len(pair_kept[tau]):>6}")


TAUS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


def _no_vectors(options):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(options, use_embeddings=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DATA)
    parser.add_argument("--workspace", type=Path, help="an analysed workspace: skip the stage measurement")
    parser.add_argument("--keep", type=Path, help="analyse into this new workspace file and keep it")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.workspace:
        pairs(args.workspace)
        return 0
    with tempfile.TemporaryDirectory(prefix="storyprism-need-") as tmp:
        ws = args.keep or Path(tmp) / "ws.db"
        stages(args.input, ws, Path(tmp) / "asked.jsonl")
        pairs(ws)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
