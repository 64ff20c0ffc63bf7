"""Local engine vs Ray engine on replicated-and-perturbed articles: throughput, time per stage, peak
memory of the driver and of everything, and the bytes each Ray step hands to the next.

The corpus is benchmarks/pipeline_speed.py's (each replica renames names and rarer words and shifts
numbers and dates, so replicas are new stories, not cache hits), written as JSON Lines files of
``--per-file`` articles each (a crawl's shape: many files, read in parallel).

* local: ``storyprism analyze DIR --workspace W`` (a fresh process, models included);
* ray: ``storyprism.engine.ray_engine.analyze`` in a fresh driver process that starts a local Ray with
  ``--cpus`` CPUs; ``driver peak`` is that driver process alone (ru_maxrss), ``all`` sums it with the
  Ray processes it started (sampled every 0.2 s); and the global actor's own memory after each of
  its steps (heap / object-store pages, MB) with its high-water mark (``memory_mb`` in its report).

Usage: python benchmarks/ray_scale.py [--sizes 1000 2000] [--cpus 2] [--per-file 200] [--skip-local]
Needs ../shared/data (the Giveme5W1H cluster the replicas come from) and the ray extra.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_speed import CLI, corpus, run, stage_figures, write_jsonl

_DRIVER = """
import json, resource, sys, time
import ray
from storyprism.engine import ray_engine
from storyprism.options import Options
inputs, output, cpus, report = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ray.init(num_cpus=cpus, object_store_memory=600 * 1024 * 1024, include_dashboard=False, log_to_driver=False)
start = time.perf_counter()
r = ray_engine.analyze([inputs], output, Options.build())
wall = time.perf_counter() - start
ray.shutdown()
open(report, "w").write(json.dumps({"seconds": r.seconds, "bytes": r.bytes, "global": r.report.get("seconds", {}),
                  "encoded_global": r.report.get("sentences_encoded_global"), "articles": r.articles,
                  "global_peak_mb": r.report.get("peak_mb"), "global_rss_mb": r.report.get("rss_mb"),
                  "reuse_ran": r.report.get("reuse_ran"), "global_memory": r.report.get("memory_mb", {}),
                  "wall_pipeline": wall,
                  "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--per-file", type=int, default=200)
    parser.add_argument("--skip-local", action="store_true")
    args = parser.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            rows = corpus(n)
            for k in range(0, n, args.per_file):
                write_jsonl(rows[k : k + args.per_file], folder / f"part-{k // args.per_file:05d}.jsonl")
            if not args.skip_local:
                ws = Path(tmp) / "local.db"
                m = run([*CLI, "analyze", str(folder), "--workspace", str(ws)])
                fig = stage_figures(ws)
                print(f"local {n:>6} articles  wall {m['wall']:7.1f}s  cpu {m['cpu']:7.1f}s  "
                      f"peak (all) {m['peak_mb']:6.0f} MB  {n / m['wall']:5.2f} articles/s", flush=True)
                print("      stages: " + "  ".join(f"{k} {v:.1f}s" for k, v in fig.get("seconds", {}).items()))
                print("      main-process peak MB after each stage: "
                      + "  ".join(f"{k} {v:.0f}" for k, v in fig.get("peak_mb", {}).items()), flush=True)
            out = Path(tmp) / "ray-out"
            driver = Path(tmp) / "driver.py"
            driver.write_text(_DRIVER)
            report_file = Path(tmp) / "ray.json"
            m = run([sys.executable, str(driver), str(folder), str(out), str(args.cpus), str(report_file)])
            r = json.loads(report_file.read_text())
            print(f"ray   {n:>6} articles  wall {m['wall']:7.1f}s  cpu {m['cpu']:7.1f}s  "
                  f"peak (all) {m['peak_mb']:6.0f} MB  driver peak {r['driver_peak_mb']:5.0f} MB  "
                  f"{n / m['wall']:5.2f} articles/s (pipeline alone {r['wall_pipeline']:.1f}s)", flush=True)
            print("      steps: " + "  ".join(f"{k} {v:.1f}s" for k, v in r["seconds"].items()))
            print("      global step: " + "  ".join(f"{k} {v:.1f}s" for k, v in r["global"].items())
                  + f"; sentences it still encoded {r['encoded_global']}; reuse ran {r.get('reuse_ran')}; "
                  f"its process's peak {r.get('global_peak_mb')} MB, resident at the end {r.get('global_rss_mb')} MB")
            # the global actor's own heap (anon) and the object-store pages it mapped (shmem) after each
            # of its steps: the heap is what a node must hold per article; the shared pages Ray can spill
            mem = r.get("global_memory") or {}
            if mem:
                print("      global actor memory after each step (heap / object-store pages, MB): "
                      + "  ".join(f"{k} {v.get('anon', 0):.0f}/{v.get('shmem', 0):.0f}" for k, v in mem.items())
                      + f"; peak resident {max(v.get('peak', 0) for v in mem.values()):.0f} MB", flush=True)
            # the one process's own work (its waits for the distributed reuse left out), per article:
            # what the single global node costs as the corpus grows
            own = sum(v for k, v in r["global"].items() if not k.startswith("reuse (waited"))
            print(f"      global step's own work {own:.1f}s = {1000 * own / max(1, n):.1f} ms per article")
            steps = {k: v for k, v in r["bytes"].items() if not k.startswith("reuse")}
            shuffles = {k: v for k, v in r["bytes"].items() if k.startswith("reuse")}
            print("      bytes handed on: " + "  ".join(f"{k} {v / 1e6:.1f} MB" for k, v in steps.items())
                  + f"  (per article: {sum(steps.values()) / max(1, n) / 1e3:.1f} kB)", flush=True)
            if shuffles:
                print("      reuse shuffles: " + "  ".join(f"{k[6:]} {v / 1e6:.2f} MB" for k, v in shuffles.items())
                      + f"  (per article: {sum(shuffles.values()) / max(1, n) / 1e3:.1f} kB)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
