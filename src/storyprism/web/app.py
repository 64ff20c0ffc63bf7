"""The storyprism web app: stories, story pages, copies, articles, people, adding articles, JSON API.

Server-rendered (Jinja2, autoescaped) with no JavaScript; every asset is served by the app itself.
Pages read the store's precomputed views (``store/views.py``) through ``web/data.py``; each /api/ route
returns the same dict its page renders. Safety: a strict Content-Security-Policy, CSRF tokens on every
state-changing POST, size-capped uploads written only inside the workspace's uploads folder, only
http(s) URLs become links, and unknown ids give 404 pages.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyprism.records import Story
from storyprism.store import Store, WorkspaceError
from storyprism.store import views as v
from storyprism.text.links import safe_url
from storyprism.web import data, render
from storyprism.web.jobs import Jobs, safe_filename

log = logging.getLogger("storyprism.web")
HERE = Path(__file__).resolve().parent
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # per file, the ingest stage's own default limit
MAX_REQUEST_BYTES = 100 * 1024 * 1024  # per upload request
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware): security headers on every response,
    and a Content-Length check that refuses an oversized upload before its body is read."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.max_body:
            response = Response("Upload too large.", status_code=413, media_type="text/plain")
            await response(scope, receive, send)
            return
        # /docs pages are ours too (no CDN): the same policy applies everywhere

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    workspace: str,
    allow_paths: bool = True,
    allowed_hosts: list[str] | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The app over ``workspace``. ``allow_paths``: the add page may read a folder on the server's disk
    (off when serving beyond loopback). ``allowed_hosts``: Host headers accepted (None: any), which stops
    DNS-rebinding pages from reading a loopback server."""
    if workspace != ":memory:" and not Path(workspace).is_file():
        raise WorkspaceError(
            f"No workspace {workspace!r}. Fix: create it with `storyprism analyze INPUT... "
            f"--workspace {workspace}`, or pass the right --workspace."
        )
    app = FastAPI(
        title="storyprism",
        description="News coverage made sense of: every page's data as JSON.",
        docs_url=None,  # the default docs page loads Swagger UI from a CDN; ours is served locally
        redoc_url=None,
    )
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]), auto_reload=False
    )
    env.filters["safe_url"] = safe_url
    env.globals["severity"] = render.severity
    csrf_token = secrets.token_urlsafe(32)
    jobs = Jobs(workspace)
    local = threading.local()

    def store() -> Store:
        """One connection per server thread (SQLite connections are not shared across threads)."""
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = Store(workspace)
        return s

    def fresh_store() -> Store:
        """The store, after applying story edits made outside the app (CLI) to the views."""
        s = store()
        if not jobs.busy():
            v.sync_edits(s)
        return s

    def html_page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(csrf=csrf_token, allow_paths=allow_paths, **context)
        return HTMLResponse(html, status_code=status)

    def check_csrf(token: str) -> None:
        if not hmac.compare_digest(token.encode(), csrf_token.encode()):
            raise HTTPException(
                403, "Missing or wrong CSRF token. Fix: reload the page and submit its form again."
            )

    def not_found(what: str, ident: str) -> HTTPException:
        return HTTPException(404, f"No {what} {ident!r} in this workspace.")

    def found(d: dict[str, Any] | None, what: str, ident: str) -> dict[str, Any]:
        """A page's data, or the 404 that names what was not found."""
        if d is None:
            raise not_found(what, ident)
        return d

    facets: dict[str, Any] = {}

    def facet_lists() -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
        """The filter menus (a GROUP BY over every story), computed once per views version."""
        ver = v.version(store())
        if facets.get("version") != ver:
            found_outlets, found_lines = v.facets(store())
            facets.update(version=ver, outlets=found_outlets, storylines=found_lines)
        return facets["outlets"], facets["storylines"]

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return html_page("error.html", status=exc.status_code, code=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors()
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": problems}, status_code=422)
        return html_page("error.html", status=422, code=422, message=f"Bad request: {problems}")

    @app.exception_handler(WorkspaceError)
    async def workspace_error(request: Request, exc: WorkspaceError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return html_page("error.html", status=400, code=400, message=str(exc))

    # ------------------------------------------------------------------ stories

    def _stories(
        sort: str, q: str, outlet: str, date_from: str, date_to: str, storyline: str, page_no: int
    ) -> dict[str, Any]:
        return data.stories_page(
            fresh_store(), sort, q.strip(), outlet, date_from.strip(), date_to.strip(), storyline, page_no
        )

    @app.get("/", response_class=HTMLResponse, summary="Stories: sort, search, filter, paginate")
    def stories_html(
        sort: str = "size",
        q: str = "",
        outlet: str = "",
        date_from: str = "",
        date_to: str = "",
        storyline: str = "",
        page: int = 1,
    ) -> HTMLResponse:
        d = _stories(sort, q, outlet, date_from, date_to, storyline, page)
        base = {
            k: val
            for k, val in (
                ("sort", d["sort"]),
                ("q", q),
                ("outlet", outlet),
                ("date_from", date_from),
                ("date_to", date_to),
                ("storyline", storyline),
            )
            if val
        }
        outlets, storylines = facet_lists()
        return html_page(
            "stories.html",
            d=d,
            outlets=outlets,
            storylines=storylines,
            link=lambda **kw: "/?" + urlencode({**base, **{k: val for k, val in kw.items() if val}}),
        )

    @app.get("/api/stories", summary="Stories list data (same parameters as the page)")
    def stories_api(
        sort: str = "size",
        q: str = "",
        outlet: str = "",
        date_from: str = "",
        date_to: str = "",
        storyline: str = "",
        page: int = 1,
    ) -> dict[str, Any]:
        return _stories(sort, q, outlet, date_from, date_to, storyline, page)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="Story page")
    def story_html(story_id: str) -> HTMLResponse:
        d = found(data.story_page(fresh_store(), story_id), "story", story_id)
        from storyprism.report.graph import copy_graph_svg

        graph = copy_graph_svg(d["graph"]["nodes"], d["graph"]["edges"])
        others = [s for s in v.list_stories(store(), "recent", limit=100)[1] if s["id"] != story_id]
        return html_page(
            "story.html",
            d=d,
            graph=graph,
            timeline=render.timeline_svg(d["articles"]),
            others=others,
            by_id={a["id"]: a for a in d["articles"]},
        )

    @app.get("/api/stories/{story_id}", summary="Story page data")
    def story_api(story_id: str) -> dict[str, Any]:
        return found(data.story_page(store(), story_id), "story", story_id)

    def _edit(fn: Any) -> str:
        """Run a merge/split through the Workspace (stored as the CLI stores it), then refresh the views
        of the stories it changed. Returns the story id to show."""
        from storyprism.workspace import Workspace

        if jobs.busy():
            raise HTTPException(
                409, "Articles are being added. Fix: wait for that job to finish, then retry."
            )
        with Workspace(workspace, create=False) as ws:
            before = ws.store.derived(Story, "story")
            result = fn(ws)
            v.refresh_after_edit(ws.store, before)
        return str(result.id)

    @app.post("/stories/merge", summary="Merge stories (form: csrf, stories=ID, stories=ID, ...)")
    def merge(
        csrf: Annotated[str, Form()] = "", stories: Annotated[list[str] | None, Form()] = None
    ) -> RedirectResponse:
        check_csrf(csrf)
        sid = _edit(lambda ws: ws.merge_stories(stories or []))
        return RedirectResponse(f"/stories/{sid}", status_code=303)

    @app.post(
        "/stories/{story_id}/split",
        summary="Split articles off a story into a new one (form: csrf, articles)",
    )
    def split(
        story_id: str, csrf: Annotated[str, Form()] = "", articles: Annotated[list[str] | None, Form()] = None
    ) -> RedirectResponse:
        check_csrf(csrf)
        if v.story_view(store(), story_id) is None:
            raise not_found("story", story_id)
        sid = _edit(lambda ws: ws.split_story(articles or []))
        return RedirectResponse(f"/stories/{sid}", status_code=303)

    # ------------------------------------------------------------------ copies, articles, people

    @app.get("/copies/{source_id}/{copy_id}", response_class=HTMLResponse, summary="A copy beside its source")
    def copy_html(source_id: str, copy_id: str) -> HTMLResponse:
        d = found(data.copy_page(store(), source_id, copy_id), "copy relation", f"{source_id} > {copy_id}")
        return html_page("copy.html", d=d)

    @app.get("/api/copies/{source_id}/{copy_id}", summary="Copy page data")
    def copy_api(source_id: str, copy_id: str) -> dict[str, Any]:
        return found(data.copy_page(store(), source_id, copy_id), "copy relation", f"{source_id} > {copy_id}")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, summary="Article page")
    def article_html(article_id: str) -> HTMLResponse:
        d = found(data.article_page(store(), article_id), "article", article_id)
        return html_page("article.html", d=d)

    @app.get("/api/articles/{article_id}", summary="Article page data")
    def article_api(article_id: str) -> dict[str, Any]:
        return found(data.article_page(store(), article_id), "article", article_id)

    @app.get("/people/{entity_id}", response_class=HTMLResponse, summary="Person page")
    def person_html(entity_id: str) -> HTMLResponse:
        d = found(data.person_page(store(), entity_id), "person", entity_id)
        return html_page("person.html", d=d)

    @app.get("/api/people/{entity_id}", summary="Person page data")
    def person_api(entity_id: str) -> dict[str, Any]:
        return found(data.person_page(store(), entity_id), "person", entity_id)

    # ------------------------------------------------------------------ adding articles

    def _add_context() -> dict[str, Any]:
        return {
            "jobs": jobs.recent(),
            "rejected": store().rejected()[-200:],
            "max_mb": max_upload_bytes // (1024 * 1024),
            "busy": jobs.busy(),
        }

    @app.get(
        "/add", response_class=HTMLResponse, summary="Add articles: upload files or read a server folder"
    )
    def add_html() -> HTMLResponse:
        return html_page("add.html", **_add_context())

    @app.get("/api/add", summary="Add page data: recent jobs and rejected inputs")
    def add_api() -> dict[str, Any]:
        ctx = _add_context()
        ctx["rejected"] = [{"ref": r.ref, "reason": r.reason, "detail": r.detail} for r in ctx["rejected"]]
        return ctx

    @app.post("/add", summary="Start an add-articles job (form: csrf, files, folder)")
    async def add_post(
        csrf: Annotated[str, Form()] = "",
        folder: Annotated[str, Form()] = "",
        files: Annotated[list[UploadFile] | None, File()] = None,
    ) -> RedirectResponse:
        check_csrf(csrf)
        uploads = [f for f in files or [] if f.filename]
        folder = folder.strip()
        if folder and not allow_paths:
            raise HTTPException(
                403, "Reading server folders is off when serving beyond this machine. Fix: upload the files."
            )
        if not uploads and not folder:
            raise HTTPException(400, "Nothing to add. Fix: choose files to upload or give a folder path.")
        if folder and not Path(folder).expanduser().exists():
            raise HTTPException(
                400, f"No file or folder {folder!r} on the server. Fix: give an existing path."
            )
        if jobs.busy():
            raise HTTPException(409, "Another add-articles job is running. Fix: wait for it to finish.")
        job_id, target = jobs.new_job_dir()
        inputs: list[str] = []
        used: set[str] = set()
        for upload in uploads:
            name = safe_filename(upload.filename or "upload")
            while name in used:
                name = "_" + name
            used.add(name)
            path = target / name
            size = 0
            with path.open("wb") as out:
                while chunk := await upload.read(1024 * 1024):
                    size += len(chunk)
                    if size > max_upload_bytes:
                        break
                    out.write(chunk)
            if size > max_upload_bytes:
                path.unlink()
                raise HTTPException(
                    413,
                    f"{upload.filename!r} is larger than {max_upload_bytes // (1024 * 1024)} MB. "
                    "Fix: add it from a server folder or split it.",
                )
            inputs.append(str(path))
        if folder:
            inputs.append(str(Path(folder).expanduser()))
        jobs.start(inputs, job_id)
        return RedirectResponse(f"/add/jobs/{job_id}", status_code=303)

    @app.get("/add/jobs/{job_id}", response_class=HTMLResponse, summary="Progress of an add-articles job")
    def job_html(job_id: str) -> HTMLResponse:
        d = found(jobs.get(job_id), "job", job_id)
        metas = v.article_rows(store(), d["new_articles"][:500])
        return html_page(
            "job.html", job=d, articles=[metas[a] for a in d["new_articles"][:500] if a in metas]
        )

    @app.get("/api/jobs/{job_id}", summary="Progress of an add-articles job")
    def job_api(job_id: str) -> dict[str, Any]:
        return found(jobs.get(job_id), "job", job_id)

    # ------------------------------------------------------------------ docs and the full report

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return html_page("docs.html", spec=app.openapi())

    @app.get(
        "/report",
        response_class=HTMLResponse,
        summary="The static HTML report (builds the whole document: small workspaces)",
    )
    def report(story: str | None = None) -> HTMLResponse:
        from storyprism.report import render_html
        from storyprism.store.export import ExportError, build_document

        try:
            doc = build_document(store(), story)
        except ExportError as exc:
            raise HTTPException(404, str(exc)) from exc
        return HTMLResponse(render_html(doc, story))

    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders, max_body=MAX_REQUEST_BYTES)
    return app
