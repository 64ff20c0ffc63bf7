"""The per-story comparisons on several cores: one story per task in forked worker processes.

Each story's comparison reads only its own articles and writes only its own records
(``compare.stage.compare_one``), so the stories can be compared in any order and in any process;
the caller merges the pieces back in story order, and the output is the serial run's.

Why forked workers and what they may touch:

* the pool is the executor's (``storyprism.executor.LocalExecutor``, the fork context extraction
  uses): the workers inherit the parent's analysis data, indexes and loaded models at the fork, so
  nothing large is pickled on the way in; only the story's index goes out and its records come back;
* the sentence-embedding store (``storyprism.text.embeddings``) is attached to the workspace's
  SQLite connection, and a connection must never be used on both sides of a fork (SQLite's own rule:
  its locks and caches belong to the process that opened it). A worker therefore reads stored
  vectors through a read-only connection of its own and keeps the vectors it encodes in memory; they
  come back with the story's records and the parent stores them, so a sentence encoded in a worker
  is still encoded once, ever.

Largest stories first: the pool hands out one story at a time, so the two biggest start at once and
the small ones fill the gaps (longest-processing-time-first scheduling), and the run is not left
waiting on one big story started last.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from storyprism.executor import LocalExecutor
from storyprism.executor.base import _START

if TYPE_CHECKING:
    from storyprism.text.embeddings import EmbeddingBackend

T = TypeVar("T")
R = TypeVar("R")

# Below this much text (all the compared stories' articles, in characters) the comparisons run in
# this process: forking two workers and starting their pool costs ~0.1-0.2 s, and comparing takes
# about 7 microseconds a character (Giveme5W1H: 10.5 CPU-s for 1.5M characters), so ~150,000
# characters (~40 news articles, ~1 CPU-s) is where a second core starts to pay for itself.
MIN_PARALLEL_CHARS = 150_000

Row = tuple[bytes, float, bytes]  # one stored vector: key, scale, int8 codes

_WORKERS = 1  # for ``compare_stories`` calls that name no count: in this process unless ``using`` says


@contextmanager
def using(workers: int) -> Iterator[None]:
    """``compare_stories`` may use up to ``workers`` processes inside this block (the pipeline's
    ``workers`` option). A setting, not an argument: the stage's callers (the Ray engine's units,
    tests) keep calling it as before and stay in their own process."""
    global _WORKERS
    before, _WORKERS = _WORKERS, max(1, workers)
    try:
        yield
    finally:
        _WORKERS = before


def default_workers() -> int:
    return _WORKERS


def parallel_workers(workers: int, total_chars: int, stories: int) -> int:
    """How many processes compare the stories: 1 (this process) unless there are several workers to
    be had, two or more stories, enough text to pay for the fork, and a platform that forks (the
    workers must inherit the analysis data; a spawned worker would have to be sent all of it)."""
    if workers < 2 or stories < 2 or total_chars < MIN_PARALLEL_CHARS or _START.get_start_method() != "fork":
        return 1
    return min(workers, stories)


@dataclass(slots=True)
class _Job(Generic[T, R]):
    """What the workers inherit at the fork: the items and the function to run on each."""

    items: Sequence[T]
    fn: Callable[[T], R]
    vectors: Callable[[Sequence[bytes]], dict[bytes, tuple[float, bytes]]] | None


_JOB: _Job[Any, Any] | None = None  # set in the parent just before the pool forks, read in workers


def run_each(
    items: Sequence[T],
    fn: Callable[[T], R],
    weights: Sequence[int],
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[R]:
    """``[fn(item) for item in items]``, computed in ``workers`` forked processes, heaviest first
    (``weights``), returned in ``items``' order. An exception ``fn`` lets escape, or a worker that
    dies, is raised here as it would be in the serial loop (``fn`` does its own per-item handling)."""
    global _JOB
    from storyprism.models import embedding_store

    store = embedding_store()
    backend = store.backend
    order = sorted(range(len(items)), key=lambda k: (-weights[k], k))
    out: dict[int, R] = {}
    _JOB = _Job(items, fn, _reader(backend))
    try:
        if progress is not None:
            progress(0, len(items))
        for done, (k, value, rows) in enumerate(LocalExecutor(workers).map(_work, order), 1):
            out[k] = value
            store.encoded += len(rows)  # the encoder's work counts wherever it ran (the run's report)
            if rows and backend is not None:
                backend.put_embeddings(rows)  # the parent's connection: the only one that writes
            if progress is not None:
                progress(done, len(items))
    finally:
        _JOB = None
    return [out[k] for k in range(len(items))]


def _reader(backend: EmbeddingBackend | None) -> Callable[[Sequence[bytes]], dict[bytes, tuple[float, bytes]]] | None:
    """How a worker reads the parent's stored vectors. A workspace file: through a read-only
    connection opened in the worker (``_FileVectors``). A backend held in memory (the engine's,
    tests'): the worker's inherited copy, read as is. SQLite in memory: not reachable from another
    process, so the worker encodes what its own table lacks."""
    if backend is None:
        return None
    db = getattr(backend, "db", None)
    if isinstance(db, sqlite3.Connection):
        path = getattr(backend, "path", ":memory:")
        return _FileVectors(str(path)).get if path != ":memory:" else None
    return backend.get_embeddings


def _work(k: int) -> tuple[int, Any, list[Row]]:
    """One item in a worker: its result and the vectors the worker encoded for it."""
    assert _JOB is not None, "compare.parallel workers run only inside run_each's pool"
    taken = _worker_vectors(_JOB.vectors)
    value = _JOB.fn(_JOB.items[k])
    return k, value, taken.take()


@dataclass(slots=True)
class _WorkerVectors:
    """The embedding store's backend in a worker: reads through ``read`` (never the parent's
    connection), keeps what the worker encodes until it goes back to the parent with the result."""

    read: Callable[[Sequence[bytes]], dict[bytes, tuple[float, bytes]]] | None
    fresh: list[Row] = field(default_factory=list)

    def get_embeddings(self, keys: Sequence[bytes]) -> dict[bytes, tuple[float, bytes]]:
        return self.read(keys) if self.read is not None else {}

    def put_embeddings(self, rows: Iterable[Row]) -> None:
        self.fresh.extend(rows)

    def take(self) -> list[Row]:
        rows, self.fresh = self.fresh, []
        return rows


def _worker_vectors(read: Callable[[Sequence[bytes]], dict[bytes, tuple[float, bytes]]] | None) -> _WorkerVectors:
    """This worker's backend, installed on its first item. Set directly, not through ``attach``:
    ``attach`` empties the in-process table, and the vectors the parent held at the fork (every one
    the reuse stage just used) are exactly the ones the comparisons ask for again."""
    from storyprism.models import embedding_store

    store = embedding_store()
    if not isinstance(store.backend, _WorkerVectors):
        store.backend = _WorkerVectors(read)
    assert isinstance(store.backend, _WorkerVectors)
    return store.backend


class _FileVectors:
    """Stored vectors read from the workspace file through this worker's own read-only connection
    (opened on first use, in the worker: a connection made before the fork belongs to the parent).
    The same query as ``Store.get_embeddings``, which needs a ``Store`` whose opening writes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None

    def get(self, keys: Sequence[bytes]) -> dict[bytes, tuple[float, bytes]]:
        if self.db is None:
            self.db = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True)
        out: dict[bytes, tuple[float, bytes]] = {}
        for k in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
            chunk = list(keys[k : k + 500])
            marks = ",".join("?" * len(chunk))
            for key, scale, vector in self.db.execute(
                f"SELECT hash, scale, vector FROM embeddings WHERE hash IN ({marks})", chunk
            ):
                out[bytes(key)] = (float(scale), bytes(vector))
        return out
