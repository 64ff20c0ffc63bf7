"""`storyprism status`: where a workspace stands (latest analysis, interrupted stages, pending work)."""

from __future__ import annotations

import json

from rich.markup import escape as esc
from rich.table import Table

from storyprism.cli import DEFAULT_WORKSPACE, WorkspaceOpt, _workspace, add_row, app, console


@app.command()
def status(workspace: WorkspaceOpt = DEFAULT_WORKSPACE, as_json: bool = False) -> None:
    """The latest analysis (finished, or interrupted and after which stage), time per stage, and the
    articles no analysis has covered yet. `--as-json` prints the same as JSON."""
    with _workspace(workspace) as ws:
        info = ws.status()
    if as_json:
        console.print_json(json.dumps(info))
        return
    t = Table(title=f"Workspace {esc(str(workspace))}", show_header=False, title_justify="left")
    add_row(t, "articles", str(info["articles"]))
    add_row(t, "rejected inputs", str(info["rejected"]))
    add_row(t, "sentence vectors stored", str(info["sentence_vectors"]))
    last = info["last_analysis"]
    if last is None:
        add_row(t, "analysis", "never run: `storyprism analyze`")
    else:
        state = "interrupted" if last["interrupted"] else "finished"
        add_row(t, "latest analysis", f"{state}; started {last['started']}, finished {last['finished'] or '-'}")
        add_row(t, "stages completed", ", ".join(last["completed"]) or "none")
        if last["stale"]:
            add_row(t, "stale (redone by the next analyze)", ", ".join(last["stale"]))
        if last["seconds"]:
            add_row(t, "seconds per stage", ", ".join(f"{k} {v:.1f}" for k, v in last["seconds"].items()))
    add_row(t, "articles not yet extracted", str(info["not_extracted"]))
    for article, reason in sorted(info["extraction_failed"].items()):
        add_row(t, f"extraction failed: {esc(article)}", f"{esc(reason)} (tried again by the next analyze)")
    for story, reason in sorted(info.get("comparison_failed", {}).items()):
        add_row(t, f"comparison failed: story {esc(story)}", f"{esc(reason)} (tried again by the next analyze)")
    add_row(t, "articles in no story yet", str(info["not_in_a_story"]))
    console.print(t)
