"""Faults (issue 16, items 6 and 10): a full disk, a failed export, a damaged workspace, a file that is
not a workspace. Real faults in a real process: a file-size limit (RLIMIT_FSIZE) makes every write past
it fail, as a full disk does."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses RLIMIT_FSIZE")


def _limit(size: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return apply


def run(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyprism", *args],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit(limit) if limit else None,
    )


def _inputs(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        words = " ".join(f"w{i}x{j}" for j in range(300))
        (folder / f"a{i}.txt").write_text(f"Title {i}\n\nBody {i}: {words}.\n")
    return folder


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Fix:" in lines[0], proc.stderr
    return lines[0]


def test_full_disk_during_ingest_is_one_line_and_the_next_run_completes(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", 200)
    db = str(tmp_path / "w.db")
    line = _one_error_line(run("ingest", str(folder), "-w", db, limit=200_000))
    assert "free disk space" in line
    proc = run("ingest", str(folder), "-w", db)
    assert proc.returncode == 0, proc.stderr
    proc = run("export", "-w", db, "-f", "json")
    assert len(json.loads(proc.stdout)["articles"]) == 200  # nothing lost, nothing duplicated


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_a_failed_export_leaves_the_previous_file(tmp_path: Path, fmt: str) -> None:
    folder = _inputs(tmp_path / "in", 30)
    db = str(tmp_path / "w.db")
    assert run("ingest", str(folder), "-w", db).returncode == 0
    out = tmp_path / f"e.{fmt}"
    out.write_bytes(b"previous export")
    run("articles", "-w", db)  # checkpoints the WAL, so the export below need not write the workspace
    proc = run("export", "-w", db, "-f", fmt, "-o", str(out), limit=20_000)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".e.")] == []  # no temp file left


def test_a_failed_report_leaves_the_previous_file(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", 30)
    db = str(tmp_path / "w.db")
    assert run("ingest", str(folder), "-w", db).returncode == 0
    out = tmp_path / "r.html"
    out.write_bytes(b"previous report")
    run("articles", "-w", db)
    proc = run("report", "-w", db, "-o", str(out), limit=20_000)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert out.read_bytes() == b"previous report"


def test_a_damaged_workspace_page_is_one_line_in_read_commands(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", 40)
    db = tmp_path / "w.db"
    assert run("ingest", str(folder), "-w", str(db)).returncode == 0
    original = db.read_bytes()
    page = 4096
    pages = len(original) // page
    assert pages > 6
    # one damaged page of article text; then every page but the header page (the schema too)
    for damaged in ([pages - 2], range(2, pages)):
        data = bytearray(original)
        for n in damaged:
            data[n * page : n * page + 64] = b"\xa5" * 64
        db.write_bytes(bytes(data))
        for command in (["articles"], ["export", "-f", "json"]):
            line = _one_error_line(run(*command, "-w", str(db)))
            assert "damaged" in line and len(line) < 400, line


@pytest.mark.parametrize("content", [b"", b"my notes\n"])
def test_read_commands_do_not_write_to_a_file_that_is_not_a_workspace(
    tmp_path: Path, content: bytes
) -> None:
    p = tmp_path / "notes.db"
    p.write_bytes(content)
    for command in (["articles"], ["stories"], ["rejected"]):
        line = _one_error_line(run(*command, "-w", str(p)))
        assert "not a storyprism workspace" in line
    assert p.read_bytes() == content
    assert sorted(x.name for x in tmp_path.iterdir()) == ["notes.db"]


def test_a_cut_article_is_reported_as_kept_not_rejected(tmp_path: Path) -> None:
    p = tmp_path / "giant.txt"
    p.write_text("Giant\n\n" + "The council met again on Tuesday to discuss the bridge. " * 5000)
    proc = run("ingest", str(p), "-w", str(tmp_path / "w.db"))
    assert proc.returncode == 0, proc.stderr
    assert "articles cut to ingest.max_chars (kept)" in proc.stdout
    assert "rejected: truncated" not in proc.stdout
