"""Articles per second of the whole per-article extraction (``extract_articles``), 1 and 2 processes.

Texts: ../shared/data/clustering/giveme5w1h_news_cluster.jsonl (news articles, ~590 words on average).
Two processes = the corpus split into batches run by ``storyprism.executor.LocalExecutor(2)``, which is how
the pipeline runs the stage (``ExtractOptions.n_process`` stays 1 then). Model loading is excluded: each
process warms up on a few texts first. ``link_corpus`` (corpus-wide, embeddings) is timed separately.
``--baseline`` also times ONE plain full ``en_core_web_sm`` ``nlp.pipe`` pass over the same texts on one
process: the budget the extraction (one spaCy pass with tagger, parser and NER, plus rules) must stay
within.

Usage: ``python benchmarks/extract_speed.py [--limit N] [--processes 1 2]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"

from storyprism.extract import ExtractOptions, extract_articles, link_corpus  # noqa: E402
from storyprism.records import Article, Extraction  # noqa: E402


def load(limit: int) -> list[Article]:
    if not DATA.is_file():
        raise SystemExit(f"{DATA} not found. Fix: put the shared data at ../shared next to the repository.")
    arts = []
    with DATA.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            arts.append(
                Article(
                    id=str(row["id"]), ref="bench", title=row.get("title") or "", text=row.get("text") or ""
                )
            )
    return arts[:limit]


def _warm_then_run(batch: list[Article], warm: list[Article], names: bool = True) -> tuple[Extraction, float]:
    extract_articles(warm, ExtractOptions(names=names))
    t = time.perf_counter()
    ex = extract_articles(batch, ExtractOptions(names=names))
    return ex, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-names", action="store_true", help="skip spaCy NER (rules only: the fast mode)")
    ap.add_argument("--baseline", action="store_true", help="also time one plain full nlp.pipe pass")
    args = ap.parse_args()
    arts = load(args.limit)
    warm = arts[:3]
    words = sum(len(a.text.split()) for a in arts)
    mode = "rules only (names off)" if args.no_names else "one spaCy pass (tagger, parser, NER) + rules"
    print(f"{len(arts)} articles, {words / max(len(arts), 1):.0f} words on average, {mode}")
    from concurrent.futures import ProcessPoolExecutor

    merged = Extraction()
    for n in args.processes:
        if n == 1:
            t0 = time.perf_counter()
            merged, ex_time = _warm_then_run(arts, warm, not args.no_names)
            total = time.perf_counter() - t0
        else:
            size = (len(arts) + n - 1) // n
            batches = [arts[i : i + size] for i in range(0, len(arts), size)]
            t0 = time.perf_counter()
            with ProcessPoolExecutor(max_workers=n) as pool:
                results = list(pool.map(partial(_warm_then_run, warm=warm, names=not args.no_names), batches))
            total = time.perf_counter() - t0
            ex_time = max(r[1] for r in results)
        print(
            f"processes={n}: {len(arts) / ex_time:.1f} articles/s extraction (warm), "
            f"{len(arts) / total:.1f} articles/s including model loading"
        )
    if args.baseline:
        from storyprism.models import spacy_model

        nlp = spacy_model(())
        list(nlp.pipe([a.text for a in warm]))
        t = time.perf_counter()
        for _ in nlp.pipe([a.text for a in arts], batch_size=32):
            pass
        print(
            f"baseline: {len(arts) / (time.perf_counter() - t):.1f} articles/s, one plain full nlp.pipe pass"
        )
    t = time.perf_counter()
    linked = link_corpus(merged)
    print(
        f"link_corpus: {time.perf_counter() - t:.1f}s for {len(linked.mentions)} mentions, {len(linked.quotes)} quotes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
