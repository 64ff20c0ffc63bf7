"""FastAPI app: read-only JSON views of a workspace and its HTML report. Only calls ``Workspace``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse

from storyprism.records import to_dict
from storyprism.store import WorkspaceError
from storyprism.store.export import ExportError
from storyprism.workspace import Workspace


def create_app(workspace: str) -> FastAPI:
    app = FastAPI(title="storyprism", description="News coverage made sense of.")

    def open_ws() -> Workspace:
        try:
            return Workspace(workspace, create=False)
        except WorkspaceError as exc:  # pragma: no cover - depends on the file system
            raise HTTPException(500, str(exc)) from exc

    @app.get("/api/articles")
    def articles() -> list[dict[str, Any]]:
        with open_ws() as ws:
            return [
                {k: v for k, v in to_dict(a).items() if k not in ("raw_text", "removed")}
                for a in ws.articles()
            ]

    @app.get("/api/stories")
    def stories() -> list[dict[str, Any]]:
        with open_ws() as ws:
            return ws.document()["stories"]

    @app.get("/api/stories/{story_id}")
    def story(story_id: str) -> dict[str, Any]:
        with open_ws() as ws:
            try:
                return ws.document(story=story_id)
            except ExportError as exc:
                raise HTTPException(404, str(exc)) from exc

    @app.get("/api/document")
    def document() -> dict[str, Any]:
        with open_ws() as ws:
            return ws.document()

    @app.get("/", response_class=HTMLResponse)
    def report(story: str | None = None) -> str:
        from storyprism.report import render_html

        with open_ws() as ws:
            try:
                doc = ws.document(story=story)
            except ExportError as exc:
                raise HTTPException(404, str(exc)) from exc
        return render_html(doc, story)

    return app
