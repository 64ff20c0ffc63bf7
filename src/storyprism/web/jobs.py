"""Background "add articles" jobs: ingest uploaded files or a server folder, then analyse, with progress.

One job runs at a time (a workspace has one writer); pages keep reading while it runs (SQLite WAL).
Uploaded files are written only under the workspace's own uploads folder, with sanitised names.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyprism.store import WorkspaceError
from storyprism.store.views import refresh_views
from storyprism.workspace import Workspace

# Stages in the order the pipeline reports them; the progress bar moves through them.
STAGES = [
    "ingest",
    "extract",
    "names and quote variants",
    "copies and rewrites",
    "stories",
    "comparison",
    "web views",
]
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_JOB_ID = re.compile(r"[0-9a-f]{12}")
# A state file that says "running" but has not been touched for this long belongs to a dead server.
STALE_S = 900


@dataclass(slots=True)
class Job:
    id: str
    inputs: list[str]
    state: str = "queued"  # queued | running | done | failed
    stage: str = ""
    done: int = 0
    total: int | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None
    added: int = 0
    unchanged: int = 0
    new_articles: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    error: str = ""
    saved: float = 0.0  # when the state file was last written

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        if self.stage not in STAGES:
            return 0
        step = STAGES.index(self.stage)
        within = self.done / self.total if self.total else 0.0
        return int(100 * (step + min(within, 1.0)) / len(STAGES))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "stage": self.stage,
            "percent": self.percent,
            "done": self.done,
            "total": self.total,
            "inputs": len(self.inputs),
            "added": self.added,
            "unchanged": self.unchanged,
            "new_articles": self.new_articles,
            "rejected": self.rejected,
            "error": self.error,
        }


def safe_filename(name: str) -> str:
    """A file name safe to write inside the uploads folder: no folders, no leading dots."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _SAFE_NAME.sub("_", base).lstrip("._")
    return base[:120] or "upload"


def uploads_dir(workspace: str) -> Path:
    """``<workspace>.uploads`` next to the workspace file: uploads never land anywhere else."""
    path = Path(workspace).resolve()
    return path.parent / f"{path.name}.uploads"


class Jobs:
    def __init__(self, workspace: str) -> None:
        self.workspace = workspace
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.running: Job | None = None

    def new_job_dir(self) -> tuple[str, Path]:
        job_id = secrets.token_hex(6)
        folder = uploads_dir(self.workspace) / job_id
        folder.mkdir(parents=True, exist_ok=False)
        return job_id, folder

    def busy(self) -> bool:
        """A job runs here, or in another server worker (its state file says running and is fresh)."""
        if self.running is not None and self.running.state in ("queued", "running"):
            return True
        for f in uploads_dir(self.workspace).glob("*/job.json"):
            state = _read(f) or {}
            if state.get("state") in ("queued", "running") and time.time() - _mtime(f) < STALE_S:
                return True
        return False

    def start(self, inputs: list[str], job_id: str | None = None) -> Job:
        with self.lock:
            if self.busy():
                raise WorkspaceError("Another add-articles job is running. Fix: wait for it to finish.")
            job = Job(job_id or secrets.token_hex(6), inputs)
            self.jobs[job.id] = job
            self.running = job
        self._save(job, force=True)
        thread = threading.Thread(target=self._run, args=(job,), name=f"storyprism-job-{job.id}", daemon=True)
        thread.start()
        return job

    def get(self, job_id: str) -> dict[str, Any] | None:
        """A job's state: from this process, or from its state file (another server worker runs it)."""
        job = self.jobs.get(job_id)
        if job is not None:
            return job.to_dict()
        if not _JOB_ID.fullmatch(job_id):
            return None
        return _read(uploads_dir(self.workspace) / job_id / "job.json")

    def recent(self, limit: int = 10) -> list[dict[str, Any]]:
        files = sorted(uploads_dir(self.workspace).glob("*/job.json"), key=_mtime, reverse=True)[:limit]
        return [d for d in (_read(f) for f in files) if d]

    def _save(self, job: Job, force: bool = False) -> None:
        """Write the job's state next to its uploads (every server worker reads it), at most 4 times a second."""
        now = time.time()
        if not force and now - job.saved < 0.25:
            return
        job.saved = now
        folder = uploads_dir(self.workspace) / job.id
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "job.json.tmp"
        tmp.write_text(json.dumps(job.to_dict()), encoding="utf-8")
        os.replace(tmp, folder / "job.json")

    def _run(self, job: Job) -> None:
        job.state = "running"

        def progress(stage: str, done: int, total: int | None) -> None:
            job.stage, job.done, job.total = stage, done, total
            self._save(job)

        try:
            with Workspace(self.workspace) as ws:
                before = {a for (a,) in ws.store.db.execute("SELECT id FROM articles")}
                progress("ingest", 0, len(job.inputs))
                report = ws.add(job.inputs, progress=progress)
                job.added, job.unchanged = report.added + report.same_text, report.unchanged + report.updated
                job.rejected = [
                    {"ref": r.ref, "reason": r.reason, "detail": r.detail} for r in report.rejected_items
                ]
                job.new_articles = [
                    a
                    for (a,) in ws.store.db.execute("SELECT id FROM articles ORDER BY rowid")
                    if a not in before
                ]
                ws.analyze(progress=progress)
                if not ws.store.count("articles"):
                    refresh_views(ws.store)  # analyze skips everything on an empty workspace
            job.state = "done"
        except (WorkspaceError, OSError, ValueError) as exc:
            job.state, job.error = "failed", str(exc)
        finally:
            job.finished = time.time()
            if job.state == "running":  # anything else propagates to the thread's excepthook (logged)
                job.state, job.error = "failed", "The job stopped unexpectedly; the server log has the error."
            self._save(job, force=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
