"""CLI views over analysis results: stories, quotes, entities, copies, reports, the web app."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape as esc
from rich.table import Table

from storyprism.cli import (
    DEFAULT_WORKSPACE,
    CliError,
    WorkspaceOpt,
    _workspace,
    add_row,
    app,
    console,
    err,
    stories_app,
)


@stories_app.callback()
def stories_list(ctx: typer.Context, workspace: WorkspaceOpt = DEFAULT_WORKSPACE) -> None:
    """Without a subcommand: the events in the workspace as a table."""
    if ctx.invoked_subcommand is not None:
        return
    with _workspace(workspace) as ws:
        rows = sorted(ws.stories(), key=lambda s: (s.first_seen or "", s.id))
        t = Table(title=f"{len(rows)} stories (events)")
        for col in ("id", "storyline", "articles", "independent", "first seen", "outlets", "title"):
            t.add_column(col, overflow="fold")
        for s in rows:
            add_row(
                t,
                s.id,
                s.storyline or "",
                str(len(s.articles)),
                "" if s.independent_sources is None else str(s.independent_sources),
                (s.first_seen or "")[:10],
                ", ".join(s.outlets[:4]) + (" …" if len(s.outlets) > 4 else ""),
                s.title,
            )
        console.print(t)


@stories_app.command("show")
def stories_show(story_id: str, workspace: WorkspaceOpt = DEFAULT_WORKSPACE) -> None:
    """One event in detail: its articles, why they are together, claims and conflicts."""
    with _workspace(workspace) as ws:
        s = ws.story(story_id)  # a WorkspaceError is reported with its fix by cli.main
        doc = ws.document(story=story_id)
        console.rule(f"[bold]{esc(s.title)}")
        console.print(
            f"{esc(s.id)} · storyline {s.storyline} · {len(s.articles)} articles · "
            f"{s.independent_sources if s.independent_sources is not None else '?'} independent sources · "
            f"{(s.first_seen or '?')[:10]} → {(s.last_seen or '?')[:10]}"
        )
        console.print(f"keywords: {esc(', '.join(s.keywords))}")
        t = Table(show_header=True)
        for col in ("article", "outlet", "published", "origin", "title"):
            t.add_column(col, overflow="fold")
        for a in doc["articles"]:
            add_row(t, a["id"], a["outlet"] or "", (a["published"] or "")[:10], a["origin"], a["title"])
        console.print(t)
        for summary in doc.get("summaries", []):
            console.rule("summary")
            for sent in summary["sentences"]:
                cited = esc(f"[{', '.join(sent['articles'])}]")
                console.print(f"• {esc(sent['text'])} [dim]{cited}[/]", highlight=False)
        if doc.get("conflicts"):
            console.rule("conflicts")
            for c in doc["conflicts"]:
                sides = "  vs  ".join(
                    f"{side['text']!r} [{', '.join(side['articles'])}]" for side in c["sides"]
                )
                console.print(f"[red]{c['kind']}[/]: {esc(sides)}", highlight=False)


@stories_app.command("merge")
def stories_merge(
    story_ids: Annotated[list[str], typer.Argument(help="Two or more story ids.")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    """Merge stories into one. The merge is kept across later runs."""
    with _workspace(workspace) as ws:
        s = ws.merge_stories(story_ids)  # a WorkspaceError is reported with its fix by cli.main
        console.print(esc(f"merged into {s.id} ({len(s.articles)} articles): {s.title}"))


@stories_app.command("split")
def stories_split(
    article_ids: Annotated[list[str], typer.Argument(help="Articles to move into a new story.")],
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    """Move articles out of their story into a new one. The split is kept across later runs."""
    with _workspace(workspace) as ws:
        s = ws.split_story(article_ids)  # a WorkspaceError is reported with its fix by cli.main
        console.print(esc(f"new story {s.id} with {len(s.articles)} articles: {s.title}"))


@app.command()
def quotes(
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    article: Annotated[str | None, typer.Option(help="Only quotes from this article.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker (substring).")] = None,
) -> None:
    """Who said what: quotes with their speakers, cues and variant groups."""
    with _workspace(workspace) as ws:
        rows = ws.quotes(article)
        if speaker:
            rows = [q for q in rows if q.speaker and speaker.lower() in q.speaker.lower()]
        stances = sum(q.kind == "topic" for q in rows)
        t = Table(title=f"{len(rows) - stances} quotes, {stances} stances on a topic (no words reported)")
        # "what": direct / indirect words, or a stance on a topic, which reports no words at all
        for col in ("article", "speaker", "via", "cue", "what", "variant", "text"):
            t.add_column(col, overflow="fold")
        for q in rows:
            add_row(
                t,
                q.article,
                q.speaker or "?",
                q.via or "",
                q.cue or "",
                "stance" if q.kind == "topic" else "direct" if q.direct else "indirect",
                q.variant_group or "",
                q.text,
            )
        console.print(t)


@app.command()
def entities(
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, ...")] = None,
) -> None:
    """Named people, organisations and places with their spellings merged."""
    with _workspace(workspace) as ws:
        rows = [e for e in ws.entities() if type is None or e.type == type.upper()]
        rows.sort(key=lambda e: (-len(e.articles), e.name))
        t = Table(title=f"{len(rows)} entities")
        for col in ("id", "type", "name", "articles", "aliases"):
            t.add_column(col, overflow="fold")
        for e in rows:
            add_row(
                t, e.id, e.type, e.name, str(len(e.articles)), ", ".join(a for a in e.aliases if a != e.name)
            )
        console.print(t)


@app.command()
def copies(
    source: Annotated[
        str | None, typer.Argument(help="Source article id (with COPY: show the pair).")
    ] = None,
    copy: Annotated[str | None, typer.Argument(help="Copy article id.")] = None,
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
) -> None:
    """Copies and rewrites: the list, or one copy beside its source with the changes marked."""
    from storyprism.reuse.view import render_pair

    with _workspace(workspace) as ws:
        found = ws.reuse()
        if source and copy:
            pair = next((r for r in found if r.source == source and r.copy == copy), None)
            if pair is None:
                pair = next((r for r in found if r.source == copy and r.copy == source), None)
            if pair is None:
                raise CliError(
                    f"No copy relation between {source} and {copy}. Fix: list them with `storyprism copies`."
                )
            console.print(render_pair(pair, ws.article(pair.source), ws.article(pair.copy)))
            return
        t = Table(title=f"{len(found)} copy relations")
        for col in ("source", "copy", "kind", "coverage", "changes", "evidence"):
            t.add_column(col, overflow="fold")
        for r in found:
            n_changes = sum(len(al.changes) for al in r.alignments)
            add_row(t, r.source, r.copy, r.kind, f"{r.coverage:.2f}", str(n_changes), "; ".join(r.evidence))
        console.print(t)


@app.command()
def report(
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    story: Annotated[str | None, typer.Option(help="Only this story (default: the whole workspace).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    markdown: Annotated[Path | None, typer.Option(help="Also write Markdown here.")] = None,
) -> None:
    """Write the story report: a self-contained HTML file (and Markdown)."""
    from storyprism.report import render_html, render_markdown
    from storyprism.store.export import ExportError, atomic_write

    with _workspace(workspace) as ws:
        try:
            doc = ws.document(story=story)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
    outputs = [(output, render_html(doc, story))]
    if markdown:
        outputs.append((markdown, render_markdown(doc, story)))
    for path, text in outputs:
        try:
            # temp file + rename: a failed write never leaves the previous report truncated
            atomic_write(path, partial(Path.write_text, data=text, encoding="utf-8"))
        except OSError as exc:
            raise CliError(
                f"Cannot write {path}: {exc.strerror}. Fix: create the folder or choose another path."
            ) from exc
        err.print(f"wrote {esc(str(path))}")


@app.command()
def serve(
    workspace: WorkspaceOpt = DEFAULT_WORKSPACE,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless --allow-remote).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_remote: Annotated[
        bool, typer.Option("--allow-remote", help="Allow a non-loopback --host: anyone who can reach it sees the workspace.")
    ] = False,
    workers: Annotated[int, typer.Option(help="Server processes (one per CPU core serves more readers at once).")] = 1,
) -> None:
    """Serve the workspace as a local web app (stories, copies, articles, people, add articles, /api/)."""
    import ipaddress

    from storyprism.web import create_app
    from storyprism.web.app import LOOPBACK_HOSTS

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not allow_remote:
        raise CliError(
            f"--host {host} is reachable from other machines, and the app has no login. "
            "Fix: keep the default 127.0.0.1, or add --allow-remote if you mean it."
        )
    if not loopback:
        err.print(
            f"[yellow]warning:[/] serving {esc(workspace)} on {esc(host)}:{port} without a login: anyone who can "
            "reach this address can read the workspace and add articles to it. Reading server folders is off."
        )
    from storyprism.web.serve import run

    hosts = list(LOOPBACK_HOSTS) if loopback else None
    create_app(workspace, allow_paths=loopback, allowed_hosts=hosts)  # fails early on a bad workspace
    console.print(f"storyprism: http://{host if ':' not in host else f'[{host}]'}:{port}/  (Ctrl+C stops)")
    run(workspace, host, port, workers, allow_paths=loopback, allowed_hosts=hosts)
