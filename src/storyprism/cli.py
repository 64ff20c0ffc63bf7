"""The storyprism command line: a thin typer layer over ``storyprism.workspace.Workspace``."""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape as esc
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from storyprism.intake import IngestReport
from storyprism.options import DEFAULT_WORKSPACE, Options, OptionsError
from storyprism.pipeline import AnalysisReport
from storyprism.store import WorkspaceError
from storyprism.store.export import COLLECTIONS, FORMATS, ExportError
from storyprism.workspace import Workspace

app = typer.Typer(
    name="storyprism",
    help="Make sense of news coverage: stories, copies and rewrites, corroboration, who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stories_app = typer.Typer(
    help="Events and storylines: list, show, merge, split.", invoke_without_command=True
)
app.add_typer(stories_app, name="stories")

# Piped output is not cut to 80 columns: tables stay one row per line for grep and scripts.
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)

WorkspaceOpt = Annotated[str, typer.Option("--workspace", "-w", help="SQLite workspace file.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Options file (.toml/.yaml/.json).")]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option("--field", help="JSON field mapping NAME=PATH, e.g. text=body.content (repeatable)."),
]


class CliError(Exception):
    pass


def add_row(table: Table, *cells: str) -> None:
    """A table row of stored data: escaped, so "[...]" in a title or an id is printed, not parsed."""
    table.add_row(*(esc(c) for c in cells))


def _workspace(
    workspace: str, config: Path | None = None, create: bool = False, **overrides: Any
) -> Workspace:
    """Read-only commands refuse a missing workspace; ``ingest``/``analyze`` pass ``create=True``."""
    try:
        options = Options.build(config, workspace=workspace, **overrides)
        if not create:
            _check_is_workspace(options.workspace)
        return Workspace(options=options, create=create)
    except WorkspaceError as exc:
        if isinstance(exc.__cause__, sqlite3.DatabaseError) and not isinstance(
            exc.__cause__, sqlite3.NotSupportedError
        ):
            cause = _one_line(exc.__cause__).lower()
            if "malformed" in cause or "full" in cause or "i/o" in cause:
                # A workspace that opened before and fails now is damaged, not "not a workspace".
                raise CliError(_database_error(exc.__cause__)) from exc
        raise CliError(str(exc)) from exc
    except OptionsError as exc:
        raise CliError(str(exc)) from exc


def _check_is_workspace(path: str) -> None:
    """A read-only command must not turn a file that is not a workspace yet into one (opening a
    Store migrates it): look at the file read-only first."""
    if path == ":memory:" or not Path(path).is_file():
        return  # a missing file is reported by Workspace(create=False), with its fix
    try:
        with open(path, "rb") as f:
            head = f.read(16)
        version = 0
        if head == b"SQLite format 3\x00":
            db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
            try:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
            finally:
                db.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise CliError(f"Cannot read workspace {path!r}: {_one_line(exc)}. Fix: {_DAMAGED_FIX}") from None
    if version == 0:
        raise CliError(
            f"{path!r} is not a storyprism workspace (yet). Fix: create one with "
            f"`storyprism analyze INPUT... --workspace {path}`, or pass the right --workspace."
        )


_DAMAGED_FIX = (
    "restore the workspace from a backup, or rebuild it by running `storyprism analyze` on the same "
    "inputs with a new --workspace (`sqlite3 FILE .recover` may save edits)."
)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:160] + "…"


def _database_error(exc: BaseException) -> str:
    """One line, with the fix, for a failure of the workspace file or the disk under it."""
    text = _one_line(exc)
    low = text.lower()
    if "full" in low or "disk i/o" in low or getattr(exc, "errno", None) == errno.ENOSPC:
        return (
            f"The workspace could not be written ({text}: a full disk or a file size limit?). Fix: free disk space (or use a --workspace "
            "on another disk) and run the same command again: what was stored is kept, and the run "
            "resumes where it stopped."
        )
    if "locked" in low or "busy" in low:
        return f"The workspace is busy ({text}). Fix: wait for the other storyprism run to end, then retry."
    if "readonly" in low or "read-only" in low:
        return f"The workspace cannot be written ({text}). Fix: make the file and its folder writable."
    if any(sign in low for sign in ("malformed", "not a database", "corrupt", "could not decode")):
        return f"The workspace file is damaged ({text}). Fix: {_DAMAGED_FIX}"
    return f"The workspace failed ({text}). Fix: check the file and the disk it is on, then retry."


def _field_map(fields: list[str] | None) -> dict[str, str] | None:
    if not fields:
        return None
    mapping = {}
    for item in fields:
        name, sep, path = item.partition("=")
        if not sep or not name or not path:
            raise CliError(f"--field {item!r} is not NAME=PATH. Fix: e.g. --field text=body.content")
        mapping[name.strip()] = path.strip()
    return mapping


@contextmanager
def _progress() -> Iterator[Any]:
    """A rich progress display; each stage gets its own bar (a spinner while its total is unknown)."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total, rate="")
            task = tasks[stage]
            bar.update(task, completed=done, total=total)
            speed = bar.tasks[task].speed  # rich's moving average over recent updates
            bar.update(task, rate=f"{speed:,.1f}/s" if speed else "")

        yield update


def _print_ingest(report: IngestReport, ws: Workspace) -> None:
    t = Table(title="Ingestion", show_header=False, title_justify="left")
    add_row(t, "new articles", str(report.added))
    add_row(t, "updated", str(report.updated))
    add_row(t, "already stored", str(report.unchanged))
    add_row(t, "same text, new address (kept, marked duplicate)", str(report.same_text))
    if report.skipped_sources:
        add_row(t, "inputs already ingested (skipped)", str(report.skipped_sources))
    if report.formats:
        add_row(t, "formats read", ", ".join(f"{k} {v}" for k, v in sorted(report.formats.items())))
    if report.skipped_records:
        add_row(t, "WARC records without an article page (not errors)", str(report.skipped_records))
    # "truncated" is a note on a kept article (its text cut to ingest.max_chars), not a loss
    cut = report.rejected.get("truncated", 0)
    if cut:
        add_row(t, "articles cut to ingest.max_chars (kept)", str(cut))
    add_row(t, "rejected", str(sum(n for reason, n in report.rejected.items() if reason != "truncated")))
    for reason, n in sorted(report.rejected.items()):
        if reason != "truncated":
            add_row(t, f"  rejected: {reason}", str(n))
    add_row(t, "articles in workspace", str(ws.store.count("articles")))
    console.print(t)
    for item in report.rejected_items[:20]:
        label = "note" if item.reason == "truncated" else "rejected"
        console.print(f"[yellow]{label}[/] {esc(item.ref)}: [bold]{item.reason}[/] — {esc(item.detail)}")
    if len(report.rejected_items) > 20:
        console.print(f"… and {len(report.rejected_items) - 20} more: see `storyprism rejected`.")


def _print_analysis(report: AnalysisReport) -> None:
    if report.up_to_date:
        err.print("[green]Nothing changed since the last analysis (articles, options, story edits): "
                  "its results stand.[/]")
    t = Table(title="Analysis", show_header=False, title_justify="left")
    add_row(t, "articles", str(report.articles))
    add_row(t, "publication dates inferred from text", str(report.inferred_dates))
    add_row(t, "quotes", str(report.quotes))
    add_row(t, "named entities", str(report.entities))
    add_row(t, "copy relations", ", ".join(f"{k} {v}" for k, v in sorted(report.reuse.items())) or "none")
    add_row(t, "independent origins", str(report.origins))
    add_row(t, "stories (events)", str(report.stories))
    add_row(t, "storylines", str(report.storylines))
    add_row(t, "claims", str(report.claims))
    add_row(t, "conflicts", str(report.conflicts))
    add_row(t, "sentences encoded (the rest came from the workspace)", str(report.sentences_encoded))
    add_row(t, "seconds per stage", ", ".join(f"{k} {v:.1f}" for k, v in report.seconds.items()))
    console.print(t)
    if report.interrupted_after is not None:
        done = ", ".join(report.interrupted_after) or "no stage"
        err.print(f"[yellow]The previous analysis was interrupted after {done}; every later stage was redone.[/]")


def _ingest(ws: Workspace, inputs: list[str]) -> IngestReport:
    stdin = sys.stdin.buffer if "-" in inputs else None
    with _progress() as update:
        report = ws.add(inputs, stdin=stdin, progress=update)
    _print_ingest(report, ws)
    return report


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    config: ConfigOpt = None,
    field: FieldOpt = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this.")] = None,
) -> None:
    """Read saved articles (text, Markdown, HTML, JSON, JSON Lines, WARC) into the workspace, de-junked."""
    with _workspace(
        workspace, config, create=True, ingest__field_map=_field_map(field), ingest__max_bytes=max_bytes
    ) as ws:
        report = _ingest(ws, inputs)
    if not report.ok:
        err.print("[red]Nothing could be ingested.[/] Every input was rejected; see the reasons above.")
        raise typer.Exit(1)


@app.command()
def analyze(
    inputs: Annotated[list[str] | None, typer.Argument(help="Inputs to ingest first (optional).")] = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    config: ConfigOpt = None,
    field: FieldOpt = None,
    workers: Annotated[int | None, typer.Option(help="Processes (0: one per core).")] = None,
    executor: Annotated[str | None, typer.Option(help="local (Ray: use --engine ray).")] = None,
    engine: Annotated[str, typer.Option(help="local (into the workspace) or ray (a Parquet dataset).")] = "local",
    ray_address: Annotated[
        str | None, typer.Option(help="With --engine ray: auto, or ray://HOST:PORT (default: a local Ray).")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="With --engine ray: the dataset folder or URL.")
    ] = None,
) -> None:
    """Ingest INPUTS (if any), then run every analysis stage over the workspace (or, with --engine
    ray, over INPUTS on a Ray cluster into a Parquet dataset: see `storyprism import`)."""
    if engine not in ("local", "ray"):
        raise CliError(f"Unknown engine {engine!r}. Fix: use --engine local or --engine ray.")
    if executor == "ray":
        from storyprism.executor import RAY_REPLACED

        raise CliError(RAY_REPLACED)
    if engine == "ray":
        _analyze_on_ray(inputs or [], output, ray_address, config, field, workers)
        return
    if output is not None or ray_address is not None:
        raise CliError("--output and --ray-address go with --engine ray. Fix: add --engine ray, or drop them.")
    with _workspace(
        workspace,
        config,
        create=True,
        ingest__field_map=_field_map(field),
        workers=workers,
        executor=executor,
    ) as ws:
        if inputs:
            report = _ingest(ws, inputs)
            if not report.ok:
                err.print(
                    "[red]Nothing could be ingested.[/] Every input was rejected; see the reasons above."
                )
                raise typer.Exit(1)
        if not ws.store.count("articles"):
            raise CliError(
                f"Workspace {ws.path} has no articles. Fix: `storyprism analyze FOLDER_OF_ARTICLES`."
            )
        with _progress() as update:
            result = ws.analyze(progress=update)
        _print_analysis(result)


def _analyze_on_ray(
    inputs: list[str], output: str | None, address: str | None, config: Path | None,
    field: list[str] | None, workers: int | None,
) -> None:
    if not inputs or output is None:
        raise CliError(
            "--engine ray reads INPUTS and writes a dataset. Fix: `storyprism analyze INPUTS --engine ray "
            "--output DIR`, then `storyprism import DIR --workspace FILE`."
        )
    try:
        options = Options.build(config, ingest__field_map=_field_map(field), workers=workers)
    except OptionsError as exc:
        raise CliError(str(exc)) from exc
    from storyprism.engine import ray_engine  # Ray is imported only here

    try:
        result = ray_engine.analyze(inputs, output, options, address, progress=lambda s: err.print(f"done: {s}"))
    except ray_engine.RayNotInstalled as exc:
        raise CliError(str(exc)) from exc
    t = Table(title="Analysis on Ray", show_header=False, title_justify="left")
    report = result.report
    add_row(t, "articles", str(result.articles))
    add_row(t, "rejected", str(result.rejected))
    add_row(t, "quotes", str(report.get("quotes", 0)))
    add_row(t, "copy relations", ", ".join(f"{k} {v}" for k, v in sorted(report.get("reuse", {}).items())) or "none")
    add_row(t, "stories (events)", str(report.get("stories", 0)))
    add_row(t, "seconds per step", ", ".join(f"{k} {v:.1f}" for k, v in result.seconds.items()))
    add_row(t, "dataset", output)
    console.print(t)
    console.print(f"Load it into a workspace: storyprism import {esc(output)} --workspace FILE")
    if not result.articles:
        err.print("[red]Nothing could be ingested.[/] Every input was rejected; see the rejected/ folder.")
        raise typer.Exit(1)


@app.command(name="import")
def import_(
    directory: Annotated[str, typer.Argument(help="The --output of `analyze --engine ray` (folder or URL).")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    """Load a dataset written by `analyze --engine ray` into a new workspace (report, export, serve)."""
    from storyprism.engine.importer import DatasetImportError, check_dataset, import_dataset

    try:
        check_dataset(directory)  # before a workspace file is created for it
    except DatasetImportError as exc:
        raise CliError(str(exc)) from exc
    with _workspace(workspace, create=True) as ws:
        try:
            result = import_dataset(directory, ws.store)
        except DatasetImportError as exc:
            raise CliError(str(exc)) from exc
    t = Table(title=f"Imported into {workspace}", show_header=False, title_justify="left")
    for name, n in result.counts.items():
        add_row(t, name, str(n))
    console.print(t)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)}.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout).")] = None,
    collection: Annotated[
        str, typer.Option(help=f"For csv/parquet: which table ({', '.join(COLLECTIONS)}).")
    ] = "articles",
    story: Annotated[str | None, typer.Option(help="Only this story.")] = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    """Export the workspace as JSON (the documented contract), JSON Lines, CSV or Parquet."""
    with _workspace(workspace) as ws:
        try:
            text = ws.export(format, output, collection, story)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(
                f"Cannot write {output}: {exc.strerror}. Fix: create the folder or choose another --output."
            ) from exc
    if text is not None:
        sys.stdout.write(text)
    else:
        err.print(f"wrote {esc(str(output))}")


@app.command()
def articles(
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    show: Annotated[
        str | None, typer.Option(help="Show one article in full, with its removed lines.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 200,
) -> None:
    """The articles in the workspace as a table (or one in full)."""
    with _workspace(workspace) as ws:
        if show:
            a = ws.article(show)
            console.rule(f"[bold]{esc(a.title)}")
            console.print(
                esc(
                    f"id {a.id} · outlet {a.outlet or '?'} · published {a.published or '?'}"
                    f"{' (inferred)' if a.published_inferred else ''} · {a.url or a.ref}"
                )
            )
            console.print(a.text, markup=False, highlight=False)
            if a.removed:
                console.rule("removed as page junk")
                for r in a.removed:
                    console.print(f"[dim]{r.reason:>22}[/]  {esc(repr(r.line))}", highlight=False)
            return
        rows = ws.articles()
        t = Table(title=f"{len(rows)} articles in {ws.path}")
        for col in ("id", "outlet", "published", "words", "removed", "title"):
            t.add_column(col, overflow="fold")
        for a in rows[:limit]:
            pub = (a.published or "")[:10] + ("*" if a.published_inferred else "")
            add_row(t, a.id, a.outlet or "", pub, str(a.words), str(len(a.removed)), a.title)
        console.print(t)
        if any(a.published_inferred for a in rows):
            console.print("* publication date inferred from the text")


@app.command()
def rejected(workspace: WorkspaceOpt = DEFAULT_WORKSPACE) -> None:
    """Inputs that did not become articles, with the reason and the fix."""
    with _workspace(workspace) as ws:
        t = Table(title="Rejected inputs")
        for col in ("ref", "reason", "detail"):
            t.add_column(col, overflow="fold")
        for r in ws.rejected():
            add_row(t, r.ref, r.reason, r.detail)
        console.print(t)


def main() -> None:
    try:
        app()
    except CliError as exc:
        err.print(f"[red]error:[/] {esc(str(exc))}", soft_wrap=True)
        sys.exit(2)
    except (WorkspaceError, OptionsError) as exc:
        err.print(f"[red]error:[/] {esc(str(exc))}", soft_wrap=True)
        sys.exit(2)
    except sqlite3.DatabaseError as exc:
        err.print(f"[red]error:[/] {esc(_database_error(exc))}", soft_wrap=True)
        sys.exit(2)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        err.print(f"[red]error:[/] {esc(_database_error(exc))}", soft_wrap=True)
        sys.exit(2)


# Commands for stories, quotes, entities, copies and reports live in cli_views to keep modules small.
from storyprism import cli_status as _status  # noqa: E402,F401
from storyprism import cli_views as _views  # noqa: E402,F401
