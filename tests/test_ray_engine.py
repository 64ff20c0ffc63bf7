"""The Ray engine (``storyprism analyze --engine ray``) on a real local Ray: the same results as the
local engine, the import round-trip, bad input as rejected rows, and a worker killed mid-run.

Skipped only when Ray is not installed (``pip install 'storyprism[ray]'``; setup.sh installs it, so
CI runs these). One local Ray per test process, capped to 2 CPUs and a small object store.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'storyprism[ray]' (./setup.sh does)")

from storyprism.engine import parquet  # noqa: E402
from storyprism.engine.importer import DatasetImportError, import_dataset  # noqa: E402
from storyprism.engine.ray_engine import analyze as ray_analyze  # noqa: E402
from storyprism.options import Options  # noqa: E402
from storyprism.records import Article  # noqa: E402
from storyprism.workspace import Workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
CLUSTER = ROOT.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
ENCODED_GLOBALLY = ("the global step encoded texts itself: a stage now embeds a text that "
                    "src/storyprism/engine/texts.py does not list. Fix: add it there (results are unaffected; "
                    "the one global process just does work the cluster's pools should)")


@pytest.fixture(scope="session")
def worker_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ray-workers")


@pytest.fixture(scope="session")
def local_ray(worker_log: Path):
    # Set before the cluster starts: its worker processes inherit it (see ray_engine._note_worker).
    os.environ["STORYPRISM_RAY_WORKER_LOG"] = str(worker_log)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    ray.init(num_cpus=2, object_store_memory=300 * 1024 * 1024, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
    os.environ.pop("STORYPRISM_RAY_WORKER_LOG", None)


def _local_document(inputs: list[Path], db: Path, **options: object) -> dict:
    with Workspace(db, **options) as ws:
        ws.add(inputs)
        ws.analyze()
        return ws.document()


def _imported_document(output: Path, db: Path) -> dict:
    with Workspace(db) as ws:
        import_dataset(str(output), ws.store)
        return ws.document()


def _partition(doc: dict) -> set[frozenset[str]]:
    return {frozenset(s["articles"]) for s in doc["stories"]}


def _relations(doc: dict) -> set[tuple[str, str, str]]:
    return {(r["source"], r["copy"], r["kind"]) for r in doc["reuse"]}


def _quotes(doc: dict) -> list[tuple]:
    # a quote whose speaker names nobody has none (None): sort on a string in its place
    return sorted(
        (q["article"], q["text"], q["speaker"] or "", q["direct"], q["variant_group"] or "") for q in doc["quotes"]
    )


def _canonical(rows: list) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


@pytest.fixture(scope="module")
def seeds(local_ray, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, Path]:
    tmp = tmp_path_factory.mktemp("ray-seeds")
    local = _local_document([SEEDS], tmp / "local.db")
    out = tmp / "out"
    ray_analyze([str(SEEDS)], str(out), Options.build())
    return local, _imported_document(out, tmp / "imported.db"), out


def test_seeds_on_ray_equal_the_local_engine(seeds):
    local, imported, _ = seeds
    assert len(imported["articles"]) == 5
    assert _partition(imported) == _partition(local)
    assert len(_partition(local)) == 2
    assert _relations(imported) == _relations(local)
    assert any(kind == "rewrite" for _, _, kind in _relations(local))
    assert _quotes(imported) == _quotes(local)
    run = json.loads((seeds[2] / "_run.json").read_text())
    assert run["global"]["reuse_ran"] == "distributed"
    assert run["bytes"]["reuse pair rows"] > 0  # the rewrite candidates were joined with their rows
    # every text a stage encodes was encoded by the cluster's pools (engine/texts.py), none by the
    # one global process, which still found every vector it needed (the equalities above and below)
    assert run["global"]["sentences_encoded_global"] == 0, ENCODED_GLOBALLY
    # and everything else the export holds, record for record (order aside)
    for name, rows in local.items():
        if isinstance(rows, list):
            assert _canonical(imported.get(name, [])) == _canonical(rows), name


def test_the_dataset_has_one_folder_per_collection_with_the_export_fields(seeds):
    local, _, out = seeds
    schema = json.loads((ROOT / "schema" / "export.schema.json").read_text())
    for name in ("articles", "reuse", "stories", "storylines", "quotes", "entities", "numbers", "dates",
                 "claims", "conflicts", "summaries"):
        rows = parquet.read_rows(str(out), name)
        assert len(rows) == len(local[name]), name
        fields = set(schema["properties"][name]["items"].get("properties", {}))
        assert fields <= set(rows[0]), (name, fields - set(rows[0]))
    assert not (out / "_work").exists()  # intermediate files are removed


def test_an_imported_workspace_serves_status_report_and_export(seeds, tmp_path: Path):
    _, _, out = seeds
    db = tmp_path / "w.db"
    cli = [sys.executable, "-m", "storyprism"]
    done = subprocess.run([*cli, "import", str(out), "--workspace", str(db)], capture_output=True, text=True,
                          env=ENV, timeout=300)
    assert done.returncode == 0, done.stderr
    status = subprocess.run([*cli, "status", "--workspace", str(db)], capture_output=True, text=True, env=ENV,
                            timeout=300)
    assert status.returncode == 0 and "interrupted" not in status.stdout.lower(), status.stdout
    report = subprocess.run([*cli, "report", "--workspace", str(db), "--output", str(tmp_path / "r.html")],
                            capture_output=True, text=True, env=ENV, timeout=300)
    assert report.returncode == 0, report.stderr
    assert "<html" in (tmp_path / "r.html").read_text().lower()
    missing = subprocess.run([*cli, "import", str(tmp_path / "nothing"), "--workspace", str(tmp_path / "x.db")],
                             capture_output=True, text=True, env=ENV, timeout=300)
    assert missing.returncode == 2 and "Fix:" in missing.stderr and not (tmp_path / "x.db").exists()
    with Workspace(db) as ws:
        assert ws.status()["not_extracted"] == 0 and ws.status()["not_in_a_story"] == 0
        # the web app's precomputed story pages exist for every story
        from storyprism.web.data import story_page

        assert all(story_page(ws.store, s.id) is not None for s in ws.stories())
        with pytest.raises(DatasetImportError, match="new --workspace"):
            import_dataset(str(out), ws.store)  # an import fills an empty workspace only


def test_bad_input_is_a_rejected_row_through_the_cli(local_ray, tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text((SEEDS / "001_8d004624753715f7.txt").read_text())
    (inputs / "blob.bin").write_bytes(bytes(range(256)) * 40)
    (inputs / "feed.jsonl").write_text('{"title": "T", "text": "A body of words."}\n{"title": broken\n')
    out = tmp_path / "out"
    # this test's own cluster by its address ("auto" could pick another test process's Ray)
    address = local_ray.get_runtime_context().gcs_address
    cmd = [sys.executable, "-m", "storyprism", "analyze", str(inputs), "--engine", "ray",
           "--ray-address", address, "--output", str(out)]
    # the environment as it is now: ray.init set the cluster's auth mode in it, which a client
    # connecting by address needs (as any client of a token-authenticated Ray cluster does)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rejected = {(Path(r["ref"].split("#")[0]).name, r["reason"]) for r in parquet.read_rows(str(out), "rejected")}
    assert ("blob.bin", "binary") in rejected
    assert ("feed.jsonl", "malformed-json") in rejected
    with Workspace(tmp_path / "w.db") as ws:
        import_dataset(str(out), ws.store)
        assert len(ws.articles()) == 2
        assert {r.reason for r in ws.rejected()} >= {"binary", "malformed-json"}


def test_the_old_ray_executor_says_what_replaced_it(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "storyprism", "analyze", str(SEEDS), "-w", str(tmp_path / "w.db"), "--executor", "ray"],
        capture_output=True, text=True, env=ENV, timeout=120,
    )
    assert done.returncode == 2 and "--engine ray" in done.stderr and "Traceback" not in done.stderr


def _variants(n: int, folder: Path) -> Path:
    """``n`` articles: the seeds under new URLs with a line of their own, as JSON Lines."""
    texts = sorted(SEEDS.glob("*.txt"))
    lines = []
    for k in range(n):
        body = texts[k % len(texts)].read_text().split("\n", 1)
        lines.append(json.dumps({
            "id": f"v{k}", "url": f"https://example{k % 7}.org/news/{k}", "title": body[0].strip(),
            "text": body[1] + f"\nThe report was updated {k} times.", "published": "2021-12-15",
        }))
    path = folder / "variants.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_worker_killed_mid_run_is_retried_without_duplicates(local_ray, worker_log: Path, tmp_path: Path):
    corpus = _variants(40, tmp_path)
    out = tmp_path / "out"
    for f in worker_log.glob("extract-*"):
        f.unlink()
    options = Options.build(extract__batch_size=2)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            ray_analyze([str(corpus)], str(out), options)
        except BaseException as exc:  # handed to the test thread below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    killed = None
    deadline = time.time() + 400
    while killed is None and thread.is_alive() and time.time() < deadline:
        for log in worker_log.glob("extract-*"):
            batches = [int(x) for x in log.read_text().split() if int(x) > 0]
            if batches:  # this actor has finished a batch and is working on the next
                killed = int(log.name.split("-")[1])
                os.kill(killed, signal.SIGKILL)
                break
        time.sleep(0.2)
    thread.join(timeout=600)
    assert killed is not None, "no extraction worker was seen mid-run"
    assert not errors, errors
    articles = parquet.read_rows(str(out), "articles")
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)) == 40
    quotes = [(q["article"], q["start"], q["end"]) for q in parquet.read_rows(str(out), "quotes")]
    assert len(quotes) == len(set(quotes)) > 0
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["extraction_failed"] == {}
    assert len(meta["extracted"]) == 40
    # Ray started a fresh actor for the dead one, which re-ran only what was lost
    assert any(int(f.name.split("-")[1]) != killed for f in worker_log.glob("extract-*"))


@pytest.mark.skipif(not CLUSTER.exists(), reason="../shared/data is not beside the repository")
def test_a_300_article_sample_on_ray_equals_the_local_engine(local_ray, tmp_path: Path):
    sample = tmp_path / "sample.jsonl"
    with CLUSTER.open() as f:
        sample.write_text("".join(line for _, line in zip(range(300), f, strict=False)))
    # one batch, so that the local engine counts boilerplate lines over the whole corpus as Ray does
    local = _local_document([sample], tmp_path / "local.db", batch_size=1000)
    out = tmp_path / "out"
    ray_analyze([str(sample)], str(out), Options.build(batch_size=1000))
    imported = _imported_document(out, tmp_path / "imported.db")
    # (one record of the sample is stored as another's same-identity update, by both engines)
    assert sorted(a["id"] for a in imported["articles"]) == sorted(a["id"] for a in local["articles"])
    assert len(local["articles"]) >= 290
    assert _partition(imported) == _partition(local)
    assert _relations(imported) == _relations(local)
    assert _quotes(imported) == _quotes(local)
    # copies and rewrites ran as distributed steps (engine/reuse_step.py), not in the global actor,
    # and the global actor encoded nothing (engine/texts.py listed every text its stages embed)
    run = json.loads((out / "_run.json").read_text())
    assert run["global"]["reuse_ran"] == "distributed"
    assert run["global"]["sentences_encoded_global"] == 0, ENCODED_GLOBALLY


def _synthetic_corpus(stories: int = 70, seed: int = 5) -> list[Article]:
    """Articles of made-up words: each story its own rare words; some stories republished with an
    edit (near-duplicates), some rewritten (shuffled sentences and words, the same rare words), all
    within two months, so both candidate kinds and the time window all come into play."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 9)))

    common = [word() for _ in range(60)]
    out: list[Article] = []
    start = datetime(2020, 3, 1)
    for s in range(stories):
        own = [word() for _ in range(12)]
        sentences = [
            " ".join(rng.choice(own if rng.random() < 0.4 else common) for _ in range(rng.randint(10, 16))).capitalize()
            + "." for _ in range(8)
        ]
        day = start + timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        out.append(Article(id=f"s{s}", ref=f"s{s}", title=f"Story {s}", text=" ".join(sentences),
                           published=day.isoformat(), outlet=f"outlet{s % 7}"))
        if s % 3 == 0:  # a republished copy, one sentence changed
            edited = [*sentences[:5], sentences[5].replace(own[0], "changed"), *sentences[6:]]
            out.append(Article(id=f"c{s}", ref=f"c{s}", title=f"Story {s}", text=" ".join(edited),
                               published=(day + timedelta(hours=5)).isoformat(), outlet="copier"))
        if s % 4 == 1:  # a rewrite: sentences reordered, words shuffled in each
            rewritten = []
            for sent in rng.sample(sentences, 6):
                words = sent.rstrip(".").lower().split()
                rng.shuffle(words)
                rewritten.append(" ".join(words).capitalize() + ".")
            out.append(Article(id=f"r{s}", ref=f"r{s}", title=f"Rewrite {s}", text=" ".join(rewritten),
                               published=(day + timedelta(days=rng.randint(0, 40))).isoformat(), outlet="rewriter"))
    return out


def test_distributed_reuse_equals_detect_reuse(local_ray):
    """engine/reuse_step on more articles than detect.SMALL_CORPUS (so rare-term candidates come
    from the term shuffle, not from all pairs): the same relations in the same order, and the same
    pair memo, as ``detect_reuse`` in one process. Lexical verification only (no encoder needed)."""
    import pickle

    import pyarrow as pa

    from storyprism.engine import reuse_step
    from storyprism.records import to_dict
    from storyprism.reuse import detect
    from storyprism.reuse.options import ReuseOptions

    articles = _synthetic_corpus()
    options = ReuseOptions(use_embeddings=False)
    memo = detect.PairMemo()
    local = detect.detect_reuse(articles, options, memo=memo)
    docs = detect.usable(articles)
    blocks = [
        pa.table({"idx": pa.array(range(k, k + len(docs[k : k + 40])), pa.int64()),
                  "payload": pa.array([pickle.dumps((a, [])) for a in docs[k : k + 40]], pa.large_binary())})
        for k in range(0, len(docs), 40)
    ]
    moved: dict[str, int] = {}
    outcome = reuse_step.run(ray, [ray.put(b) for b in blocks], len(docs), options, moved, cpus=2)
    assert outcome is not None
    found, seen = reuse_step.gather(ray.get(outcome[0]), ray.get(outcome[1]))
    assert [to_dict(r) for r in found] == [to_dict(r) for r in local]
    # the rewrite pairs' verdicts (near-duplicate verdicts, "dup:" keys, only the local engine memoizes)
    assert list(seen.items()) == [(k, v) for k, v in memo.seen.items() if not k.startswith("dup:")]
    # both kinds of candidates were there, and the rare-term shuffles ran
    assert {"copy", "edited", "identical"} & {r.kind for r in local}
    assert len(seen) >= 5 and moved["reuse shares"] > 0
