"""Faults as they happen to a user (issue 16): kill -9 at random moments of ``analyze``, a full disk,
a damaged workspace page. After each: the workspace checks clean (SQLite integrity_check), nothing is
duplicated or lost, no extraction worker outlives its parent, and the next run completes.

A full disk is a file-size limit (RLIMIT_FSIZE) on the process: every write past it fails with EFBIG,
which SQLite reports as it reports ENOSPC, with no root needed for a loop-mounted file system.

Usage: python benchmarks/faults.py [--kills 20] [--articles 60] [--seed 1]
Prints one line per fault and a summary; exits non-zero when a check fails.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
CLI = [sys.executable, "-m", "storyprism"]


def make_inputs(folder: Path, n: int, rng: random.Random) -> None:
    """``n`` articles made from the seeds' paragraphs, shuffled: distinct texts, real prose, so that
    the extraction pool starts (it does for 40 or more articles)."""
    paragraphs = [
        p.strip()
        for seed in sorted(SEEDS.glob("*.txt"))
        for p in seed.read_text().split("\n\n")[1:]
        if len(p.split()) > 12
    ]
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(rng.sample(paragraphs, k=min(6, len(paragraphs))))
        (folder / f"a{i:03d}.txt").write_text(f"Report {i}: {body.split('.')[0][:60]}\n\n{body}\n")


def _limit(size: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        m = re.search(r"^PPid:\s+(\d+)", text, re.M)
        if m and int(m.group(1)) == pid:
            found.append(int(status.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def check_workspace(db: Path, expected_articles: int) -> list[str]:
    """Problems found in the workspace: integrity, duplicates, lost articles."""
    problems = []
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        n, identities = con.execute("SELECT COUNT(*), COUNT(DISTINCT identity) FROM articles").fetchone()
        if n != identities:
            problems.append(f"{n - identities} duplicated articles")
        if n != expected_articles:
            problems.append(f"{n} articles, expected {expected_articles}")
        dup = con.execute(
            "SELECT COUNT(*) FROM (SELECT kind, key FROM derived GROUP BY kind, key HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        if dup:
            problems.append(f"{dup} duplicated derived records")
    finally:
        con.close()
    return problems


def kill_during_analyze(inputs: Path, work: Path, kills: int, rng: random.Random, full: float) -> int:
    """Half the kills hit one workspace again and again (interrupted runs pile up); the other half hit
    a fresh copy of the just-ingested workspace early, while the extraction pool is running."""
    failures = 0
    n = len(list(inputs.iterdir()))
    db = work / "killed.db"
    base = work / "ingested.db"
    subprocess.run([*CLI, "ingest", str(inputs), "-w", str(base)], check=True, capture_output=True)
    shutil.copy(base, db)
    for k in range(kills):
        fresh = k % 2 == 1
        target = work / f"fresh{k}.db" if fresh else db
        if fresh:
            shutil.copy(base, target)
        delay = rng.uniform(0.3, max(0.5, full * (0.5 if fresh else 0.9)))
        proc = subprocess.Popen([*CLI, "analyze", "-w", str(target), "--workers", "2"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        workers = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(running(w) for w in workers):
            time.sleep(0.1)
        orphans = [w for w in workers if running(w)]
        for w in orphans:
            subprocess.run(["kill", "-9", str(w)], check=False)
        problems = check_workspace(target, n) + ([f"{len(orphans)} orphaned workers"] if orphans else [])
        failures += bool(problems)
        where = "fresh copy" if fresh else "same workspace"
        print(f"kill -9 #{k + 1} at {delay:5.1f}s, {where} ({len(workers)} workers): {'; '.join(problems) or 'clean'}")
    final = subprocess.run([*CLI, "analyze", "-w", str(db)], capture_output=True, text=True)
    problems = check_workspace(db, n)
    ok = final.returncode == 0 and not problems
    failures += not ok
    print(f"next analyze after the kills: rc {final.returncode}, {'; '.join(problems) or 'clean'}")
    return failures


def full_disk(inputs: Path, work: Path) -> int:
    failures = 0
    n = len(list(inputs.iterdir()))
    for command, limit in (("ingest", 150_000), ("ingest", 600_000), ("analyze", 2_000_000)):
        db = work / f"full-{command}-{limit}.db"
        if command == "analyze":
            subprocess.run([*CLI, "ingest", str(inputs), "-w", str(db)], check=True, capture_output=True)
        args = [*CLI, command, *([str(inputs)] if command == "ingest" else []), "-w", str(db)]
        proc = subprocess.run(args, capture_output=True, text=True, preexec_fn=_limit(limit))
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        one_line = proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr
        again = subprocess.run([*CLI, "analyze", str(inputs), "-w", str(db)], capture_output=True, text=True)
        problems = check_workspace(db, n)
        ok = (one_line or proc.returncode == 0) and again.returncode == 0 and not problems
        failures += not ok
        said = lines[-1][:110] if lines else "(nothing)"
        print(f"full disk at {limit:,} bytes during {command}: rc {proc.returncode}, said {said!r}; "
              f"next run rc {again.returncode}, {'; '.join(problems) or 'clean'}")  # fmt: skip
    return failures


def damaged_page(work: Path) -> int:
    db = work / "killed.db"
    data = bytearray(db.read_bytes())
    page = 4096
    pages = list(range(2, len(data) // page, 7))  # every 7th page: article text, derived records, indexes
    for n in pages:
        data[n * page : n * page + 128] = b"\xa5" * 128
    damaged = work / "damaged.db"
    damaged.write_bytes(bytes(data))
    failures = 0
    for command in (["articles"], ["stories"], ["rejected"], ["export", "-f", "json"]):
        proc = subprocess.run([*CLI, *command, "-w", str(damaged)], capture_output=True, text=True)
        traceback = "Traceback" in proc.stderr
        failures += traceback
        said = proc.stderr.strip().splitlines()[-1][:110] if proc.stderr.strip() else "(nothing: page unused)"
        print(f"{len(pages)} damaged pages, `{' '.join(command)}`: rc {proc.returncode}, {said!r}")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = work / "in"
        make_inputs(inputs, args.articles, rng)
        start = time.monotonic()
        subprocess.run([*CLI, "analyze", str(inputs), "-w", str(work / "clean.db")], check=True,
                       capture_output=True)  # fmt: skip
        full = time.monotonic() - start
        print(f"uninterrupted analyze of {args.articles} articles: {full:.1f}s")
        failures = kill_during_analyze(inputs, work, args.kills, rng, full)
        failures += full_disk(inputs, work)
        failures += damaged_page(work)
    print(f"{'FAILED' if failures else 'all clean'}: {failures} failing checks")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
