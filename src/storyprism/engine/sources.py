"""Inputs for the Ray engine: local paths (through ``ingest.list_sources``) and filesystem URLs
(``s3://``, ``gs://``, ``file://`` … anything ``pyarrow.fs`` understands), each read on a worker
by the local engine's own readers (``ingest.read_source``). Parquet files are read as tables whose
rows are JSON records, so the JSON reader's field mapping (``--field``) applies to them as well.
Nothing here imports Ray.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

from storyprism import ingest
from storyprism.ingest.options import IngestOptions
from storyprism.records import Article, Rejected, Source


def is_url(ref: str) -> bool:
    """A filesystem URL (``s3://bucket/key``); plain paths go through the local listing."""
    return "://" in ref


def list_inputs(inputs: Sequence[str], options: IngestOptions) -> Iterator[dict[str, Any] | Rejected]:
    """One row per file to read (``{"ref", "path", "url", "size", "mtime"}``), in a stable order,
    or a ``Rejected`` for an input that names nothing readable. Only names travel: the files
    themselves are opened by the workers."""
    local = []
    for ref in inputs:
        if is_url(ref):
            yield from _list_url(ref)
        else:
            local.append(ref)
    for item in ingest.list_sources(local, options):
        if isinstance(item, Rejected):
            yield item
        else:
            yield {"ref": item.ref, "path": item.path, "url": None, "size": item.size, "mtime": item.mtime}


def _list_url(ref: str) -> Iterator[dict[str, Any] | Rejected]:
    import pyarrow.fs as pafs

    try:
        fs, path = pafs.FileSystem.from_uri(ref)
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.NotFound:
            yield Rejected(ref, "not-found", f"{ref!r} does not exist. Fix: check the URL.")
            return
        if info.type == pafs.FileType.Directory:
            infos = fs.get_file_info(pafs.FileSelector(path, recursive=True))
            files = sorted(
                (i for i in infos if i.type == pafs.FileType.File and not _hidden(i.path[len(path):])),
                key=lambda i: i.path,
            )
        else:
            files = [info]
    except (OSError, ValueError) as exc:  # pyarrow raises these for bad URLs and missing credentials
        yield Rejected(ref, "unreadable", f"Cannot list {ref}: {exc}. Fix: check the URL and its credentials.")
        return
    scheme = ref.split("://", 1)[0]
    for i in files:
        yield {"ref": f"{scheme}://{i.path}", "path": None, "url": f"{scheme}://{i.path}",
               "size": int(i.size or 0), "mtime": 0.0}


def _hidden(rel: str) -> bool:
    return any(part.startswith(".") for part in rel.split("/") if part)


def read_input(row: dict[str, Any], options: IngestOptions) -> Iterator[Article | Rejected]:
    """Every article and rejected item of one listed input, read with ``ingest.read_source``."""
    ref, path, url = row["ref"], row.get("path"), row.get("url")
    name = (url or path or ref).lower()
    if name.endswith(".parquet"):
        data = _parquet_as_jsonl(ref, path, url, options)
        if isinstance(data, Rejected):
            yield data
            return
        # a ".jsonl" name makes the reader stream the records (refs FILE#ID or FILE#LINE); the
        # size limit then applies to each record, as for a JSON Lines file
        whole = dataclasses.replace(options, max_bytes=max(options.max_bytes, len(data) + 1))
        yield from ingest.read_source(Source(ref=ref, path=f"{ref}.jsonl", size=len(data), data=data), whole)
        return
    if url is not None:
        data = _fetch(url, int(row.get("size") or 0), options)
        if isinstance(data, Rejected):
            yield data
            return
        # the URL stands in for the path: the readers tell formats by its extension; WARC and JSON
        # Lines are streamed, the size limit applying to each record, as for a local file
        if _streamed(url):
            options = dataclasses.replace(options, max_bytes=max(options.max_bytes, len(data) + 1))
        yield from ingest.read_source(Source(ref=ref, path=url, size=len(data), data=data), options)
        return
    source = Source(ref=ref, path=path, size=int(row.get("size") or 0), mtime=float(row.get("mtime") or 0.0))
    yield from ingest.read_source(source, options)


def _fetch(url: str, size: int, options: IngestOptions) -> bytes | Rejected:
    import pyarrow.fs as pafs

    if size > options.max_bytes and not _streamed(url):
        return Rejected(url, "too-large", f"{size:,} bytes is over ingest.max_bytes. Fix: raise ingest.max_bytes.")
    try:
        fs, path = pafs.FileSystem.from_uri(url)
        with fs.open_input_stream(path) as f:
            return bytes(f.read())
    except (OSError, ValueError) as exc:
        return Rejected(url, "unreadable", f"Cannot read {url}: {exc}. Fix: check the URL and its credentials.")


def _parquet_as_jsonl(ref: str, path: str | None, url: str | None, options: IngestOptions) -> bytes | Rejected:
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    try:
        if url is not None:
            fs, inner = pafs.FileSystem.from_uri(url)
            table = pq.read_table(inner, filesystem=fs)
        else:
            table = pq.read_table(path or ref)
    except (OSError, ValueError) as exc:  # pyarrow.lib.ArrowInvalid is a ValueError
        return Rejected(ref, "unreadable", f"Cannot read Parquet {ref}: {exc}. Fix: check the file.")
    lines = [json.dumps(r, ensure_ascii=False, default=_json_value) for r in table.to_pylist()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _json_value(value: Any) -> Any:
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _streamed(name: str) -> bool:
    base = name.lower().removesuffix(".gz").removesuffix(".gzip")
    return base.endswith((".warc", ".jsonl", ".ndjson", ".jsonlines"))
