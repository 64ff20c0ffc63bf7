"""The CLI as a user runs it (a real process): summaries, exit codes, errors that say the fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "storyprism", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return proc


def test_ingest_prints_a_summary_and_export_writes_json(tmp_path):
    db = str(tmp_path / "w.db")
    proc = run("ingest", str(SEEDS), "--workspace", db)
    assert proc.returncode == 0, proc.stderr
    assert "new articles" in proc.stdout and "5" in proc.stdout
    out = tmp_path / "e.json"
    proc = run("export", "--workspace", db, "--format", "json", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())
    assert len(doc["articles"]) == 5
    proc = run("articles", "--workspace", db)
    assert proc.returncode == 0 and "001_8d004624753715f7" in proc.stdout


def test_nothing_ingested_exits_non_zero(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n")
    proc = run("ingest", str(bad), "--workspace", str(tmp_path / "w.db"))
    assert proc.returncode == 1
    assert "empty" in proc.stdout


def test_stdin_and_field_mapping(tmp_path):
    record = {"body": {"content": "Storm floods the valley after three days of rain, officials said."},
              "headline": "Valley floods"}
    proc = run(
        "ingest", "-", "--workspace", str(tmp_path / "w.db"), "--field", "text=body.content",
        stdin=(json.dumps(record) + "\n").encode(),
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    proc = run("export", "--workspace", str(tmp_path / "w.db"))
    doc = json.loads(proc.stdout)
    assert doc["articles"][0]["text"].startswith("Storm floods the valley")


def test_bad_option_file_says_the_fix(tmp_path):
    cfg = tmp_path / "opts.toml"
    cfg.write_text("[reuse]\nno_such_option = 3\n")
    proc = run("ingest", str(SEEDS), "--workspace", str(tmp_path / "w.db"), "--config", str(cfg))
    assert proc.returncode == 2
    assert "no_such_option" in proc.stderr and "Valid options" in proc.stderr


def test_export_errors_say_the_fix(tmp_path):
    db = str(tmp_path / "w.db")
    assert run("ingest", str(SEEDS), "--workspace", db).returncode == 0
    proc = run("export", "--workspace", db, "--format", "xml")
    assert proc.returncode == 2
    assert "json, jsonl, csv, parquet" in proc.stderr
    proc = run("export", "--workspace", db, "--output", str(tmp_path / "no" / "such" / "dir.json"))
    assert proc.returncode == 2 and "create the folder" in proc.stderr


def test_read_commands_refuse_a_missing_workspace(tmp_path):
    missing = tmp_path / "typo.db"
    proc = run("stories", "--workspace", str(missing))
    assert proc.returncode == 2 and "No workspace" in proc.stderr
    assert not missing.exists()


def test_stored_text_is_printed_not_parsed_as_markup(tmp_path):
    page = tmp_path / "odd.txt"
    page.write_text("Budget [/b] fight [bold]ends\n\nThe council passed the budget after a long night, officials said.\n")
    db = str(tmp_path / "w.db")
    assert run("ingest", str(page), "--workspace", db).returncode == 0
    proc = run("articles", "--workspace", db)
    assert proc.returncode == 0, proc.stderr
    assert "Budget [/b] fight [bold]ends" in proc.stdout
