"""The Ray engine's output: a Parquet dataset, one folder per collection of the export document.

Each folder (``articles/``, ``reuse/``, ``stories/`` …) holds one or more ``*.parquet`` files whose
columns are the fields of that collection in ``schema/export.schema.json`` (plus the few extra
columns ``storyprism import`` needs to rebuild a workspace exactly, such as an article's
``raw_text``). As in ``storyprism export --format parquet``, scalar fields are plain columns and
nested ones (lists, objects) are JSON strings; their names are kept in the file's metadata under
``storyprism.json_columns`` so a reader decodes exactly those. Paths may be local or any URL
``pyarrow.fs`` understands. Nothing here imports Ray.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from storyprism.store.export import COLLECTIONS

# Collections beyond the export document that a workspace needs: name mentions (the person pages),
# origin records (in the export flattened onto articles), and the comparison's per-story extras
# (outlet coverage, timelines; in the export as extra keys), and the sentence frames a later local
# comparison reads. Every collection a run writes is listed here: a run clears these folders first,
# so a rerun into the same output that writes fewer files keeps none of the previous run's.
EXTRA = ("mentions", "origins", "outlet_coverage", "timeline", "frames")
ALL_COLLECTIONS = (*COLLECTIONS, *EXTRA)
JSON_COLUMNS_KEY = b"storyprism.json_columns"
ROWS_PER_FILE = 50_000  # keeps any one writer's table, and any one reader's, small


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem and the path within it: a local path or ``scheme://…``."""
    if "://" in uri:
        return pafs.FileSystem.from_uri(uri)
    import os

    return pafs.LocalFileSystem(), os.path.abspath(uri)


def to_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows as a table: nested values JSON-encoded, named in the schema metadata."""
    cols: list[str] = []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    nested = sorted(c for c in cols if any(isinstance(r.get(c), list | dict) for r in rows))
    data = {
        c: [json.dumps(r.get(c), ensure_ascii=False) if c in nested else r.get(c) for r in rows] for c in cols
    }
    table = pa.table(data)
    return table.replace_schema_metadata({JSON_COLUMNS_KEY: json.dumps(nested).encode()})


def write_rows(output: str, collection: str, rows: Sequence[dict[str, Any]], part: str = "part") -> int:
    """Write ``rows`` as ``OUTPUT/COLLECTION/PART-N.parquet`` files; returns the files written.
    Writing the same part again replaces its files, so a retried writer never duplicates rows."""
    fs, base = filesystem(output)
    folder = f"{base}/{collection}"
    fs.create_dir(folder, recursive=True)
    files = 0
    for start in range(0, len(rows), ROWS_PER_FILE):
        chunk = rows[start : start + ROWS_PER_FILE]
        pq.write_table(to_table(chunk), f"{folder}/{part}-{files:05d}.parquet", filesystem=fs)
        files += 1
    return files


class RowWriter:
    """Rows of one collection written as they come, ``per_file`` to a file (``part-N.parquet``, the
    names ``write_rows`` gives), so a writer of a large collection holds one file's rows at a time.
    The folder exists afterwards even when no row came (an empty collection)."""

    def __init__(self, output: str, collection: str, per_file: int = ROWS_PER_FILE) -> None:
        self.fs, base = filesystem(output)
        self.folder = f"{base}/{collection}"
        self.per_file = per_file
        self.rows: list[dict[str, Any]] = []
        self.files = 0
        self.fs.create_dir(self.folder, recursive=True)

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.per_file:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            pq.write_table(to_table(self.rows), f"{self.folder}/part-{self.files:05d}.parquet", filesystem=self.fs)
            self.files += 1
            self.rows = []

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.flush()


def read_rows(output: str, collection: str) -> list[dict[str, Any]]:
    """Every row of one collection, nested values decoded; an absent folder is an empty collection."""
    return [row for table in read_tables(output, collection) for row in decode(table)]


def read_tables(output: str, collection: str) -> Iterable[pa.Table]:
    fs, base = filesystem(output)
    folder = f"{base}/{collection}"
    info = fs.get_file_info(folder)
    if info.type != pafs.FileType.Directory:
        return
    files = sorted(
        i.path for i in fs.get_file_info(pafs.FileSelector(folder)) if i.path.endswith(".parquet")
    )
    for path in files:
        yield pq.read_table(path, filesystem=fs)


def decode(table: pa.Table) -> list[dict[str, Any]]:
    meta = table.schema.metadata or {}
    nested = set(json.loads(meta.get(JSON_COLUMNS_KEY, b"[]")))
    rows = table.to_pylist()
    for row in rows:
        for c in nested:
            value = row.get(c)
            if isinstance(value, str):
                row[c] = json.loads(value)
    return rows


def write_json(output: str, name: str, value: Any) -> None:
    fs, base = filesystem(output)
    fs.create_dir(base, recursive=True)
    with fs.open_output_stream(f"{base}/{name}") as f:
        f.write(json.dumps(value, ensure_ascii=False, indent=1).encode())


def read_json(output: str, name: str) -> Any:
    fs, base = filesystem(output)
    try:
        with fs.open_input_stream(f"{base}/{name}") as f:
            return json.loads(f.read().decode())
    except FileNotFoundError:
        return None


def remove(output: str, folder: str) -> None:
    fs, base = filesystem(output)
    if fs.get_file_info(f"{base}/{folder}").type == pafs.FileType.Directory:
        fs.delete_dir(f"{base}/{folder}")


def remove_file(output: str, name: str) -> None:
    fs, base = filesystem(output)
    if fs.get_file_info(f"{base}/{name}").type == pafs.FileType.File:
        fs.delete_file(f"{base}/{name}")
