"""Local and Ray executors with one interface: ``map(fn, batches)`` in order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Split ``items`` into lists of at most ``size``."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Executor(Protocol):
    workers: int

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]: ...


class LocalExecutor:
    """Runs in-process when ``workers == 1``, else in a pool of processes (results in order)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        if self.workers == 1:
            for batch in batches:
                yield fn(batch)
            return
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(fn, batches)


class RayExecutor:
    """Runs the same stage functions as Ray tasks; install with ``pip install storyprism[ray]``."""

    def __init__(self, workers: int = 0, address: str | None = None) -> None:
        try:
            import ray
        except ImportError as exc:
            raise RuntimeError(
                "The Ray executor needs Ray. Fix: `pip install 'storyprism[ray]'`, or use --executor local."
            ) from exc
        if not ray.is_initialized():
            ray.init(address=address, num_cpus=workers or None, ignore_reinit_error=True)
        self._ray = ray
        self.workers = workers or int(ray.available_resources().get("CPU", 1))

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        remote = self._ray.remote(fn)
        refs = [remote.remote(batch) for batch in batches]
        for ref in refs:
            yield self._ray.get(ref)


def make_executor(kind: str = "local", workers: int = 0) -> LocalExecutor | RayExecutor:
    """``workers=0`` means one per core."""
    n = workers or (os.cpu_count() or 1)
    if kind == "local":
        return LocalExecutor(n)
    if kind == "ray":
        return RayExecutor(n)
    raise ValueError(f"Unknown executor {kind!r}. Fix: use --executor local or --executor ray.")


def run_batches(
    executor: Executor, fn: Callable[[Sequence[Any]], R], items: Sequence[Any], size: int
) -> list[R]:
    """Convenience: map ``fn`` over ``items`` cut into batches of ``size``, collected in order."""
    return list(executor.map(fn, batched(items, size)))
