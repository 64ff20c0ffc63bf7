"""Latency of the web app's pages on a large workspace (loopback only, bounded).

Builds the workspace by analysing the seed articles for real, then replicating them with light edits
(a different word here and there, a replica marker word, shifted dates) up to ``--articles``, writing
the replicas' articles, copy relations and precomputed story views straight into the store (running the
full analysis on 100k articles is a different benchmark). The search index is rebuilt over every
article text. Then the app runs in a separate process (one uvicorn worker) and this script measures
p50/p95 latency of the story list, a story page, a copy page and two searches (a word in most
articles, a word in a few), 200 requests one after another and 200 requests with 20 in flight.

    .venv/bin/python benchmarks/web_speed.py [--articles 100000] [--requests 200] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from storyprism.store import Store
from storyprism.store.views import outlets, pack, storylines, unpack
from storyprism.web.screens import free_port
from storyprism.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SWAPS = [("said", "stated"), ("Wednesday", "Thursday"), ("supports", "backs"), ("troops", "soldiers")]


def _perturb(text: str, rng: random.Random, marker: str) -> str:
    for a, b in rng.sample(SWAPS, 2):
        text = text.replace(a, b, 1)
    return f"{text}\n\nFiled from {marker}."


def build(base: Path, target: Path, articles: int) -> dict[str, object]:
    """Copy the analysed seeds to ``target`` and replicate until it holds ``articles`` articles."""
    shutil.copy(base, target)
    store = Store(target)
    db = store.db
    cols = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
    seed_rows = [dict(zip(cols, r, strict=True)) for r in db.execute("SELECT * FROM articles")]
    seed_ids = [r["id"] for r in seed_rows]
    views = db.execute("SELECT * FROM view_stories").fetchall()
    view_cols = [r[1] for r in db.execute("PRAGMA table_info(view_stories)")]
    reuse = db.execute("SELECT key, article, payload FROM derived WHERE kind = 'reuse'").fetchall()
    lines = {r[0] for r in db.execute("SELECT storyline FROM view_stories WHERE storyline IS NOT NULL")}
    rng = random.Random(7)
    replicas = max(0, articles // len(seed_rows) - 1)
    t0 = time.time()
    for start in range(1, replicas + 1, 500):
        with store.transaction():
            for r in range(start, min(replicas, start + 499) + 1):
                suffix = f"-r{r}"
                shift = timedelta(days=r % 1500)

                def rename(text: str, suffix: str = suffix, shift: timedelta = shift) -> str:
                    for aid in seed_ids:
                        text = text.replace(aid, aid + suffix)
                    for sid in [v[0] for v in views] + sorted(lines):
                        text = text.replace(sid, sid + suffix)
                    for day in ("2021-12-15", "2022-02-02"):
                        text = text.replace(day, (date.fromisoformat(day) + shift).isoformat())
                    return text

                marker = f"zone{r % 5000}"
                for row in seed_rows:
                    new = dict(row)
                    new["id"] = row["id"] + suffix
                    new["identity"] = new["ref"] = f"{row['identity']}{suffix}"
                    new["text"] = _perturb(row["text"], rng, marker)
                    new["raw_text"] = new["text"]
                    new["content_hash"] = f"{row['content_hash']}{suffix}"
                    new["published"] = rename(row["published"]) if row["published"] else None
                    db.execute(
                        f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [new[c] for c in cols],
                    )
                for key, art, payload in reuse:
                    db.execute(
                        "INSERT INTO derived (kind, key, article, story, payload) VALUES ('reuse', ?, ?, NULL, ?)",
                        (rename(key), rename(art), rename(payload)),
                    )
                for v in views:
                    row = dict(zip(view_cols, v, strict=True))
                    payload = json.loads(rename(json.dumps(unpack(row["payload"]))))
                    db.execute(
                        f"INSERT INTO view_stories ({', '.join(view_cols)}) VALUES ({', '.join('?' * len(view_cols))})",
                        [
                            rename(str(row[c]))
                            if c in ("id", "first_seen", "last_seen", "storyline") and row[c]
                            else (pack(payload) if c == "payload" else row[c])
                            for c in view_cols
                        ],
                    )
                    sid = payload["story"]["id"]
                    for outlet in json.loads(row["outlets"]):
                        db.execute(
                            "INSERT INTO view_story_outlets (outlet, story) VALUES (?, ?)", (outlet, sid)
                        )
                    for a in payload["articles"]:
                        db.execute("INSERT INTO view_members (article, story) VALUES (?, ?)", (a["id"], sid))
                        db.execute(
                            "INSERT INTO view_article_rowids (rowid, story) SELECT rowid, ? FROM articles WHERE id = ?",
                            (sid, a["id"]),
                        )
    built = time.time() - t0
    t1 = time.time()
    with store.transaction():
        db.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
    fts = time.time() - t1
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    # what refresh_views stores at its end: the filter menus (the views were written directly here)
    store.set_meta("views_facets", {"outlets": outlets(store), "storylines": storylines(store)})
    n = store.count("articles")
    stories = db.execute("SELECT COUNT(*) FROM view_stories").fetchone()[0]
    store.close()
    return {
        "articles": n,
        "stories": stories,
        "build_s": round(built, 1),
        "fts_rebuild_s": round(fts, 1),
        "size_mb": round(target.stat().st_size / 1e6, 1),
    }


def _measure(client: httpx.Client, urls: list[str], concurrency: int) -> tuple[float, float, float]:
    def one(url: str) -> float:
        t = time.perf_counter()
        resp = client.get(url)
        if resp.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {resp.status_code}")
        return (time.perf_counter() - t) * 1000

    if concurrency == 1:
        times = [one(u) for u in urls]
    else:
        with ThreadPoolExecutor(concurrency) as pool:
            times = list(pool.map(one, urls))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1]


def _fmt(ms: tuple[float, float, float]) -> str:
    return " ".join(f"{x:8.1f}" for x in ms)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--keep", help="keep the built workspace at this path (and reuse it if it exists)")
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes (storyprism serve --workers)"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="storyprism-web-speed-"))
    try:
        big = Path(args.keep) if args.keep else tmp / "big.db"
        if big.exists():
            print(f"reusing {big}")
        else:
            base = tmp / "seeds.db"
            t = time.time()
            with Workspace(base) as ws:
                ws.add([SEEDS])
                ws.analyze()
            print(f"seeds analysed in {time.time() - t:.1f}s")
            info = build(base, big, args.articles)
            print("workspace:", json.dumps(info))
        port = free_port()
        code = (
            "from storyprism.web.serve import run; "
            f"run({str(big)!r}, '127.0.0.1', {port}, workers={args.workers})"
        )
        server = subprocess.Popen([sys.executable, "-c", code])
        try:
            client = httpx.Client(
                base_url=f"http://127.0.0.1:{port}",
                timeout=60,
                limits=httpx.Limits(max_connections=args.concurrency),
            )
            deadline = time.time() + 120
            while True:
                try:
                    client.get("/static/app.css")
                    break
                except httpx.TransportError:
                    if time.time() > deadline or server.poll() is not None:
                        raise RuntimeError("the web app did not start") from None
                    time.sleep(0.3)
            store = Store(big)
            stories = [
                r[0] for r in store.db.execute("SELECT id FROM view_stories ORDER BY random() LIMIT 1000")
            ]
            copies = [
                r[0]
                for r in store.db.execute(
                    "SELECT key FROM derived WHERE kind = 'reuse' ORDER BY random() LIMIT 1000"
                )
            ]
            store.close()
            rng = random.Random(3)
            n = args.requests
            pages = {
                "story list": [
                    f"/?sort={rng.choice(['size', 'recent', 'independent', 'conflicts'])}&page={rng.randint(1, 40)}"
                    for _ in range(n)
                ],
                "story page": [f"/stories/{rng.choice(stories)}" for _ in range(n)],
                "copy page": [
                    f"/copies/{k.split('>')[0]}/{k.split('>')[1]}"
                    for k in (rng.choice(copies) for _ in range(n))
                ],
                "search, common word": [f"/?q=Donfried&page={rng.randint(1, 5)}" for _ in range(n)],
                "search, rare word": [f"/?q=zone{rng.randint(0, 4999)}" for _ in range(n)],
            }
            # Every (word, sort) asked once: the first time a common word is searched, before the app has
            # ordered its matches (later pages and repeats of it are the "common word" row below).
            words = [
                "Putin",
                "Xi",
                "security",
                "Russia",
                "NATO",
                "Ukraine",
                "Moscow",
                "Kremlin",
                "China",
                "West",
            ]
            cold = [
                f"/?q={w}&sort={s}" for w in words for s in ("size", "recent", "independent", "conflicts")
            ]
            first = _measure(client, cold, 1)
            print(
                f"search, common word asked the first time ({len(cold)} requests): p50/p95/max ms {_fmt(first)}"
            )
            for urls in pages.values():  # warm the page cache once
                client.get(urls[0])
            print(
                f"{'page':<22} {'sequential p50/p95/max ms':>28} {f'{args.concurrency} in flight p50/p95/max ms':>32}"
            )
            for name, urls in pages.items():
                seq = _measure(client, urls, 1)
                par = _measure(client, urls, args.concurrency)
                print(f"{name:<22} {_fmt(seq):>28} {_fmt(par):>32}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
