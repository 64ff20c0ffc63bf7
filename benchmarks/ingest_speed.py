"""Ingestion speed: articles per second on HTML pages, a WARC.gz, plain-text files and JSON Lines.

Replicates ../shared/data/extraction pages (HTML files, and the same pages as WARC response records)
and ../shared/data/clustering texts (plain-text files and one JSON Lines file) into a temporary
folder, then times ``read_inputs`` over each, in one process.

    python benchmarks/ingest_speed.py                 # 1,000 HTML pages, 3,000 texts
    python benchmarks/ingest_speed.py --html 2000 --text 5000 --fast
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "src"))

from storyprism.ingest import IngestOptions, IngestStats, read_inputs  # noqa: E402


def replicate_html(out: Path, n: int) -> int:
    pages = sorted((DATA / "extraction" / "html").glob("*.html.gz"))
    if not pages:
        sys.exit(f"No pages in {DATA / 'extraction' / 'html'}. Fix: put the shared data at ../shared/data.")
    blobs = [gzip.decompress(p.read_bytes()) for p in pages]
    out.mkdir(parents=True)
    total = 0
    for i in range(n):
        blob = blobs[i % len(blobs)]
        (out / f"page{i:05d}.html").write_bytes(blob)
        total += len(blob)
    return total


def replicate_warc(out: Path, n: int) -> int:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    truth = json.loads((DATA / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(truth.items())
    with out.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in range(n):
            item_id, rec = pages[i % len(pages)]
            body = gzip.decompress((DATA / "extraction" / "html" / f"{item_id}.html.gz").read_bytes())
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            uri = f"{rec['url']}#copy{i}"
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return out.stat().st_size


def load_records() -> list[dict[str, object]]:
    path = DATA / "clustering" / "giveme5w1h_news_cluster.jsonl"
    if not path.is_file():
        sys.exit(f"No {path}. Fix: put the shared data at ../shared/data.")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def replicate_text(out: Path, n: int, records: list[dict[str, object]]) -> int:
    out.mkdir(parents=True)
    total = 0
    for i in range(n):
        rec = records[i % len(records)]
        data = f"{rec.get('title') or ''}\n\n{rec.get('text') or ''}\n".encode()
        (out / f"text{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def replicate_jsonl(out: Path, n: int, records: list[dict[str, object]]) -> int:
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = dict(records[i % len(records)])
            rec["id"] = f"r{i}"
            f.write(json.dumps(rec) + "\n")
    return out.stat().st_size


def timed(label: str, inputs: list[str], nbytes: int, options: IngestOptions | None = None) -> None:
    stats = IngestStats()
    start = time.perf_counter()
    for _ in read_inputs(inputs, options or IngestOptions(), stats=stats):
        pass
    elapsed = time.perf_counter() - start
    rejected = sum(stats.rejected.values())
    print(
        f"{label:9s} {stats.articles:6d} articles ({rejected} rejected) in {elapsed:7.2f} s: "
        f"{stats.articles / elapsed:8.1f} articles/s, {nbytes / elapsed / 1e6:6.2f} MB/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--html", type=int, default=1000, help="HTML pages to ingest")
    parser.add_argument(
        "--text", type=int, default=3000, help="plain-text files (and JSONL records) to ingest"
    )
    parser.add_argument("--fast", action="store_true", help="also time HTML with ingest.html_fast")
    args = parser.parse_args()
    records = load_records()
    with tempfile.TemporaryDirectory(prefix="storyprism-ingest-bench-") as tmp:
        base = Path(tmp)
        html_bytes = replicate_html(base / "html", args.html)
        text_bytes = replicate_text(base / "text", args.text, records)
        jsonl_bytes = replicate_jsonl(base / "all.jsonl", args.text, records)
        warc_bytes = replicate_warc(base / "pages.warc.gz", args.html)
        # Warm-up: imports (trafilatura, lxml, tldextract) are not part of the throughput.
        timed("warmup", [str(next((base / "html").iterdir()))], 1)
        timed("html", [str(base / "html")], html_bytes)
        if args.fast:
            timed("html-fast", [str(base / "html")], html_bytes, IngestOptions(html_fast=True))
        timed("warc", [str(base / "pages.warc.gz")], warc_bytes)
        timed("text", [str(base / "text")], text_bytes)
        timed("jsonl", [str(base / "all.jsonl")], jsonl_bytes)


if __name__ == "__main__":
    main()
