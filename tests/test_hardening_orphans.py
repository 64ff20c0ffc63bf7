"""Orphans (issue 16, item 5): a pool's workers end with the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = """
import os, sys, time
from storyprism.executor import LocalExecutor

def work(batch):
    with open(sys.argv[1], "a") as f:
        f.write(f"{os.getpid()}\\n")
    time.sleep(120)
    return batch

if __name__ == "__main__":
    list(LocalExecutor(2).map(work, [[1], [2]]))
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in state  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_when_the_parent_is_killed(tmp_path: Path, sig: int) -> None:
    script = tmp_path / "pool.py"
    script.write_text(SCRIPT)
    pids_file = tmp_path / "pids"
    parent = subprocess.Popen([sys.executable, str(script), str(pids_file)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if pids_file.exists() and len(pids_file.read_text().split()) == 2:
                break
            time.sleep(0.1)
        workers = [int(p) for p in pids_file.read_text().split()]
        assert len(workers) == 2 and all(_running(p) for p in workers)
        os.kill(parent.pid, sig)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(p) for p in workers):
            time.sleep(0.1)
        left = [p for p in workers if _running(p)]
        for p in left:  # clean up before failing
            os.kill(p, signal.SIGKILL)
        assert not left, f"workers {left} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
