"""The global step's memory bookkeeping (engine/global_step.py, engine/laps.py), without Ray: each
step's end empties the embedding store's in-process table (the in-memory store below it serves the
same vectors) and records this process's heap, shared pages and the store's size."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from storyprism.engine.global_step import GLOBAL_VECTOR_MEMORY, GlobalStep
from storyprism.engine.laps import memory_mb, release_memory
from storyprism.options import Options


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_memory_figures_come_from_proc() -> None:
    release_memory()  # never raises, with or without glibc
    m = memory_mb()
    assert {"rss", "anon", "shmem", "peak"} <= set(m)
    assert 0 < m["anon"] <= m["rss"] <= m["peak"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_a_step_end_empties_the_vector_table_and_records_memory(tmp_path: Path) -> None:
    step = GlobalStep(Options.build(), str(tmp_path))
    before = step.memory_limit_before
    try:
        assert step.embeddings.memory_limit == GLOBAL_VECTOR_MEMORY
        step.embeddings.memory[b"k" * 16] = np.zeros(384, dtype=np.float32)
        step.lap("store")
        assert not step.embeddings.memory
        assert step.memory["store"]["anon"] > 0 and step.memory["store"]["store"] > 0
        assert "arrow" in step.memory["store"]
    finally:
        step.close()
    # the process-wide embedding store gets its own limit back
    assert step.embeddings.memory_limit == before
