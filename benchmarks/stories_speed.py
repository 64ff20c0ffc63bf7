"""Story clustering speed and memory: articles/s for 10k, 30k, 100k articles, and the cost curve.

The 383 real articles of ../shared/data/clustering (or the five seeds when it is absent) are
replicated and perturbed so that replicas form distinct events: every capitalised word (names,
places) and every word of six letters or more gets a replica-specific spelling, every number is shifted, and each replica is dated
some weeks after the previous one. Each size runs in a fresh process so peak memory (ru_maxrss)
is that size's own.

Sentence embeddings on 2 CPU cores run at a few hundred articles/s at best, so the scale runs
use ``use_embeddings = False`` (tf-idf, names, dates) and embedding throughput is measured
separately on a sample (``--embed-sample``); clustering with embeddings adds one 384-float dot
product per candidate event, not a different cost curve.

    python benchmarks/stories_speed.py                     # 10k, 30k, 100k
    python benchmarks/stories_speed.py --n 5000 20000      # other sizes
    python benchmarks/stories_speed.py --embed-sample 300  # also time embeddings on 300 articles
    python benchmarks/stories_speed.py --increment 1000    # also time adding 1,000 to the largest
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"
SEEDS = ROOT / "examples" / "seeds"
sys.path.insert(0, str(ROOT / "src"))

from storyprism.records import Article, StoryState  # noqa: E402
from storyprism.stories import StoryOptions, update_stories  # noqa: E402

_CAP = re.compile(r"\b([A-Z][a-z]{2,}|[a-z]{6,})\b")  # names, and the rarer (longer) words
_NUM = re.compile(r"\b(\d+)\b")
_LETTERS = "bcdfghjklmnpqrstvwxz"


def base_articles() -> list[Article]:
    out: list[Article] = []
    if DATA.exists():
        for line in DATA.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            body = " ".join((r.get("text") or "").split()[:400])  # the stage reads the first 300 words
            out.append(Article(id=r["id"], ref=r["id"], title=r.get("title") or "", text=body,
                               outlet=r.get("source_domain"), published=r.get("date_publish")))
    else:
        for p in sorted(SEEDS.glob("*.txt")):
            title, _, body = p.read_text(encoding="utf-8").partition("\n")
            out.append(Article(id=p.stem, ref=p.stem, title=title, text=body, published="2021-12-15"))
    return out


def tag(k: int) -> str:
    """A short replica-specific syllable string: 0 -> '', 1 -> 'b', 21 -> 'cb'..."""
    s = ""
    while k:
        k, r = divmod(k, len(_LETTERS))
        s += _LETTERS[r]
    return s


def replica(a: Article, k: int) -> Article:
    if k == 0:
        return a
    t = tag(k)

    def names(m: re.Match[str]) -> str:
        return m.group(1) + t

    def nums(m: re.Match[str]) -> str:
        return str(int(m.group(1)) + 7 * k)

    def perturb(s: str) -> str:
        return _NUM.sub(nums, _CAP.sub(names, s))

    published = a.published
    if published:
        try:
            published = (datetime.fromisoformat(published[:19]) + timedelta(days=45 * k)).isoformat()
        except ValueError:
            published = None
    return Article(id=f"{a.id}~{k}", ref=a.ref, title=perturb(a.title), text=perturb(a.text),
                   outlet=a.outlet, published=published)


def corpus(n: int) -> list[Article]:
    base = base_articles()
    return [replica(base[i % len(base)], i // len(base)) for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def one(n: int, increment: int) -> dict[str, float]:
    """Cluster n articles in one call (no embeddings); optionally add ``increment`` more."""
    articles = corpus(n + increment)
    opts = StoryOptions(use_embeddings=False)
    rss0 = peak_mb()
    start, cpu0 = time.perf_counter(), time.process_time()
    state = update_stories(articles[:n], StoryState(), [], opts)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu0
    out = {"n": n, "seconds": took, "cpu_seconds": cpu, "articles_per_s": n / took, "events": len(state.stories),
           "storylines": len(state.storylines), "peak_mb": peak_mb(), "start_mb": rss0}
    if increment:
        start = time.perf_counter()
        state = update_stories(articles[n:], state, [], opts)
        out["increment"] = increment
        out["increment_seconds"] = time.perf_counter() - start
    return out


def embed_speed(sample: int) -> float:
    from storyprism.stories.cluster import prepare

    articles = corpus(sample)
    prepare(articles[:8], StoryOptions())  # load the model outside the timing
    start = time.perf_counter()
    prepare(articles, StoryOptions())
    return sample / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--embed-sample", type=int, default=0, help="also time embeddings on this many")
    parser.add_argument("--increment", type=int, default=0, help="also time adding this many to the largest")
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(one(args.single, args.increment)))
        return 0
    print(f"[stories-speed] base articles: {len(base_articles())} ({'giveme5w1h' if DATA.exists() else 'seeds'}),"
          " clustering without embeddings, one update_stories call per size, fresh process each")
    rows = []
    for i, n in enumerate(sorted(args.n)):
        inc = args.increment if i == len(args.n) - 1 else 0
        cmd = [sys.executable, __file__, "--single", str(n), "--increment", str(inc)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"n={n}: failed\n{proc.stderr[-2000:]}")
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(r)
        line = (f"n={r['n']:>7,}  {r['seconds']:7.1f}s (CPU {r['cpu_seconds']:.1f}s)  "
                f"{r['articles_per_s']:5.0f} articles/s  "
                f"{r['events']:>7,} events  {r['storylines']:>7,} storylines  peak RSS {r['peak_mb']:.0f} MB")
        if "increment" in r:
            line += f"  | +{int(r['increment']):,} later: {r['increment_seconds']:.1f}s"
        print(line, flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        ratio = (b["seconds"] / a["seconds"]) / (b["n"] / a["n"])
        cpu_ratio = (b["cpu_seconds"] / a["cpu_seconds"]) / (b["n"] / a["n"])
        print(f"cost per article at n={b['n']:,} vs n={a['n']:,}: wall x{ratio:.2f}, CPU x{cpu_ratio:.2f}"
              " (1.0 = linear; wall time is noisy on a shared machine, CPU time less so)")
    if args.embed_sample:
        print(f"embeddings (headline + headline+lead, all-MiniLM-L6-v2, CPU): {embed_speed(args.embed_sample):.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
