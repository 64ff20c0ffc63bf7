"""The local executor: ``map(fn, batches)`` in order, in this process or a process pool.

Ray is not an executor any more: ``storyprism.engine.ray_engine`` runs the whole analysis on Ray."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
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
        with ProcessPoolExecutor(
            max_workers=self.workers, initializer=_init_worker, initargs=(os.getpid(),), mp_context=_START
        ) as pool:
            yield from pool.map(fn, batches)


# On Linux workers are forked: they then share the models the parent loaded before the pool started
# (extraction loads spaCy first, ``extraction_runs.run_extraction``) instead of each loading its own;
# Python 3.14 makes "forkserver" Linux's default, which would quietly lose that. Elsewhere the
# platform's default stands (macOS spawns: forking there is unsafe with its system libraries).
_START = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def _init_worker(parent: int) -> None:
    _die_with_parent(parent)
    _one_thread_each()


def _one_thread_each() -> None:
    """The pool's processes share the cores among themselves: each numeric library in a worker gets
    one thread, so N workers never run N x cores threads that fight over the same cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started the pool ends, however it ends.

    A pool's workers otherwise outlive a killed ``analyze`` (SIGTERM, kill -9), each holding its
    models (~370 MB) and a core. On Linux the kernel sends SIGKILL when the parent dies
    (PR_SET_PDEATHSIG); everywhere, and for a parent that died before that call, a daemon thread
    checks once a second that the parent is still there.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl in this libc: the watchdog below still works
            pass
    start_ppid = os.getppid()
    if not _alive(parent):
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, start_ppid), daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (cannot be ours, but it is alive)
        return True
    return True


def _watch_parent(parent: int, start_ppid: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        # Re-parented (to init or a subreaper) or gone: the pool's owner has died.
        if os.getppid() != start_ppid or not _alive(parent):
            os._exit(1)


RAY_REPLACED = (
    "The Ray executor is replaced by the Ray engine, which runs every stage on a cluster, not only "
    "extraction. Fix: `storyprism analyze INPUTS --engine ray --output DIR`, then "
    "`storyprism import DIR --workspace FILE`; or use --executor local."
)


def make_executor(kind: str = "local", workers: int = 0) -> LocalExecutor:
    """``workers=0`` means one per core. Ray runs the whole analysis instead (``storyprism.engine``)."""
    n = workers or (os.cpu_count() or 1)
    if kind == "local":
        return LocalExecutor(n)
    if kind == "ray":
        raise ValueError(RAY_REPLACED)
    raise ValueError(f"Unknown executor {kind!r}. Fix: use --executor local (or --engine ray).")


def run_batches(
    executor: Executor, fn: Callable[[Sequence[Any]], R], items: Sequence[Any], size: int
) -> list[R]:
    """Convenience: map ``fn`` over ``items`` cut into batches of ``size``, collected in order."""
    return list(executor.map(fn, batched(items, size)))
