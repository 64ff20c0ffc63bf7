"""Seconds per step of an engine run, for its report."""

from __future__ import annotations

import time
from collections.abc import Callable


class Laps:
    """``laps("extract")`` records the seconds since the previous lap (or since the start) under that
    step's name, then tells ``then`` the step is done."""

    def __init__(self, seconds: dict[str, float], then: Callable[[str], None] | None = None) -> None:
        self.seconds = seconds
        self.then = then
        self.clock = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self.clock, 3)
        self.clock = now
        if self.then is not None:
            self.then(stage)


def memory_mb() -> dict[str, float]:
    """This process's memory now, from Linux's /proc/self/status (empty elsewhere): ``rss`` (all
    resident pages), ``anon`` (its own heap: what it allocated and cannot give to anyone else),
    ``shmem`` (shared pages it mapped: under Ray, the object store's blocks it read or put; the
    store can spill those to disk, so they are not this process's to free), ``peak`` (VmHWM, the
    highest ``rss``). A Ray worker's resident size mixes the last two, so the report keeps them apart."""
    names = {"VmRSS:": "rss", "RssAnon:": "anon", "RssShmem:": "shmem", "VmHWM:": "peak"}
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status") as f:
            for line in f:
                parts = line.split()
                if parts and parts[0] in names:
                    out[names[parts[0]]] = round(int(parts[1]) / 1024, 1)  # kB -> MB
    except (OSError, ValueError, IndexError):
        return {}
    return out


def release_memory() -> None:
    """Hand what the last step freed back to the system: a collection (cycles among the records a
    stage built), the unused pages of Arrow's pool, then glibc's ``malloc_trim``, which returns free
    heap pages (texts and arrays live outside Python's own arenas, and glibc keeps their pages). The resident size
    measured afterwards is then what is still held, not the step's high-water mark. A no-op where
    there is no glibc."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    try:
        import pyarrow as pa

        # Arrow's buffers (the tables this process built and handed on) come from its own pool
        # (mimalloc), which keeps freed pages for reuse unless asked to give them back
        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass
