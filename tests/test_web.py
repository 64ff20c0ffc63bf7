"""The web app over a real analysed workspace (the seeds plus one hostile article): every route, the
safety rules, and 404s. FastAPI's TestClient, real SQLite, real models (the workspace is analysed once
per session and copied for tests that change it)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyprism.records import Article
from storyprism.store import Store
from storyprism.store import views as v
from storyprism.text.links import safe_url
from storyprism.web import create_app
from storyprism.web.render import timeline_svg, word_diff
from storyprism.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
# Stored as-is (ingestion would strip tags from a file; an article reaching the store from any reader,
# a feed or JSON record, may still hold them): every field a page shows is hostile.
HOSTILE = Article(
    id="hostile",
    ref="hostile.json",
    identity="hostile.json",
    title='<script>alert("headline")</script> Lighthouse keepers strike over unpaid wages in Norway',
    text=(
        "Lighthouse keepers along the Norwegian coast walked off the job on Monday over months of unpaid wages.\n\n"
        'The union said <script>alert("body")</script> talks with the coastal authority had broken down.\n\n'
        "Keepers at more than forty stations joined the strike, according to the union."
    ),
    outlet="<img src=x onerror=alert(1)>Evil Gazette",
    url=" JaVaScRiPt:alert(document.cookie)",
    source_format="json",
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a hostile article, ingested and analysed once (closed, so the file can be copied)."""
    db = tmp_path_factory.mktemp("web") / "w.db"
    with Workspace(db) as ws:
        ws.add([SEEDS])
        ws.analyze()
        # added by a later run, as a user would: the seeds' stories are placed already
        with ws.store.transaction():
            ws.store.upsert_article(HOSTILE)
        ws.analyze()
    return db


def copy_workspace(src: Path, folder: Path) -> Path:
    target = folder / "copy.db"
    shutil.copy(src, target)
    return target


@pytest.fixture(scope="module")
def client(analysed: Path) -> TestClient:
    return TestClient(create_app(str(analysed)))


def _ids(client: TestClient) -> dict[str, str]:
    """Story ids by role: the main seeds event, its follow-up, the hostile article's story."""
    stories = client.get("/api/stories").json()["stories"]
    by_outlets = {tuple(s["outlets"]): s["id"] for s in stories}
    main = next(sid for outlets, sid in by_outlets.items() if "AP" in outlets)
    follow = next(sid for outlets, sid in by_outlets.items() if outlets == ("TRT World",))
    hostile = next(sid for outlets, sid in by_outlets.items() if any("Evil Gazette" in o for o in outlets))
    return {"main": main, "follow": follow, "hostile": hostile}


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


# ---------------------------------------------------------------------------- stories list


def test_list_sorts_by_size_and_shows_outlet_names(client):
    page = client.get("/")
    assert page.status_code == 200
    assert "Kremlin: Xi supports Putin" in page.text and "TRT World" in page.text
    stories = client.get("/api/stories?sort=size").json()["stories"]
    assert stories[0]["size"] == 4 and stories[0]["independent"] == 3
    assert sorted(stories[0]["outlets"]) == ["AP", "RT", "The Hill", "unknown outlet"]
    recent = client.get("/api/stories?sort=recent").json()["stories"]
    assert [s["last_seen"] for s in recent] == ["2022-02-02", "2021-12-15", None]  # undated last
    conflicts = client.get("/api/stories?sort=conflicts").json()["stories"]
    assert conflicts[0]["conflicts"] == max(s["conflicts"] for s in stories) > 0
    for sort in ("independent", "nonsense"):
        assert client.get(f"/?sort={sort}").status_code == 200


def test_full_text_search_finds_words_in_texts_not_only_titles(client):
    ids = _ids(client)
    hits = client.get("/api/stories", params={"q": "lighthouse keepers"}).json()
    assert [s["id"] for s in hits["stories"]] == [ids["hostile"]]
    # "Donfried" is in the main event's texts, never in a title
    donfried = {s["id"] for s in client.get("/api/stories", params={"q": "donfried"}).json()["stories"]}
    assert ids["main"] in donfried and ids["hostile"] not in donfried
    assert client.get("/api/stories", params={"q": "zzyzx-nothing"}).json()["total"] == 0
    # FTS syntax in user input is taken as words, never an error
    for q in ('"NEAR(', "AND OR NOT", "*", "title:x", "'; DROP TABLE articles; --"):
        assert client.get("/", params={"q": q}).status_code == 200
    html = client.get("/", params={"q": "Olympics"}).text
    assert "matching “Olympics”" in html


def test_filters_by_outlet_date_and_storyline_and_paginates(client):
    ids = _ids(client)
    trt = client.get("/api/stories", params={"outlet": "TRT World"}).json()
    assert [s["id"] for s in trt["stories"]] == [ids["follow"]]
    late = client.get("/api/stories", params={"date_from": "2022-01-01"}).json()
    assert ids["follow"] in {s["id"] for s in late["stories"]} and ids["main"] not in {
        s["id"] for s in late["stories"]
    }
    early = client.get("/api/stories", params={"date_to": "2021-12-15"}).json()
    assert ids["main"] in {s["id"] for s in early["stories"]} and ids["follow"] not in {
        s["id"] for s in early["stories"]
    }
    line = client.get(f"/api/stories/{ids['main']}").json()["story"]["storyline"]["id"]
    in_line = client.get("/api/stories", params={"storyline": line}).json()
    assert {s["id"] for s in in_line["stories"]} == {ids["main"], ids["follow"]}
    second = client.get("/api/stories", params={"page": 2}).json()
    assert second["page"] == 2 and second["stories"] == [] and second["total"] == 3


# ---------------------------------------------------------------------------- story page


def test_story_page_shows_everything_a_reader_needs(client):
    ids = _ids(client)
    html = client.get(f"/stories/{ids['main']}").text
    assert "<h1>Kremlin: Xi supports Putin" in html
    timeline = html[html.index('id="timeline"') : html.index('id="copy-graph"')]
    assert "<svg" in timeline and "2021-12-15" in timeline
    graph = html[html.index('id="copy-graph"') : html.index('id="sources"')]
    assert "<svg" in graph and ">AP<" in graph and "rewrite" in graph
    assert "_8d004624753715f7" not in re.sub(r'href="[^"]*"|value="[^"]*"', "", graph)  # names, not ids
    assert 'href="/copies/001_8d004624753715f7/003_9cc82649ec4ceb70"' in html
    assert "Independent sources (3)" in html
    assert "Supported by 3 independent origins" in html
    conflicts = html[html.index('id="conflicts"') : html.index('id="quotes"')]
    assert "100,000" in conflicts and "tens of thousands" in conflicts
    assert 'href="/people/' in html[html.index('id="quotes"') :]
    assert "Xi Jinping" in html[html.index('id="names"') :]
    data = client.get(f"/api/stories/{ids['main']}").json()
    assert {n["label"] for n in data["graph"]["nodes"]} == {"AP", "RT", "The Hill", "unknown outlet"}
    assert data["graph"]["edges"] == [
        {"source": "001_8d004624753715f7", "target": "003_9cc82649ec4ceb70", "kind": "rewrite"}
    ]


def test_story_view_is_precomputed_in_the_store(analysed):
    store = Store(analysed)
    try:
        rows = store.db.execute("SELECT id, size FROM view_stories ORDER BY size DESC").fetchall()
        assert [size for _, size in rows] == [4, 1, 1]
        members = store.db.execute("SELECT COUNT(*) FROM view_members").fetchone()[0]
        assert members == 6
        assert v.fts_query('say "hi" NEAR(x)') == '"say" "hi" "NEAR" "x"'
    finally:
        store.close()


# ---------------------------------------------------------------------------- copy, article, person


def test_copy_page_lists_the_flip_first_and_highlights_it(client):
    api = client.get("/api/copies/001_8d004624753715f7/003_9cc82649ec4ceb70").json()
    first = api["changes"][0]
    assert first["kind"] == "role-flip" and first["severity"] == "high"
    assert "of ukraine" in first["source_text"] and "by ukraine" in first["copy_text"]
    assert api["source"]["outlet_name"] == "AP" and api["copy"]["outlet_name"] == "unknown outlet"
    assert not any("001_8d004624753715f7" in e for e in api["evidence"])
    html = client.get("/copies/001_8d004624753715f7/003_9cc82649ec4ceb70").text
    row = re.search(r'<tr class="[^"]*changed sev-high"[^>]*data-changes="role-flip">(.*?)</tr>', html, re.S)
    assert row, "the role-flip row is not marked"
    assert re.search(r"<del>[^<]*\bof\b[^<]*</del>", row.group(1)) and re.search(
        r"<ins>[^<]*\bby\b", row.group(1)
    )
    assert html.index("role-flip") < html.index("attribution-dropped")


def test_article_page_strikes_removed_junk_and_highlights_quotes_and_names(client):
    html = client.get("/articles/001_8d004624753715f7").text
    assert re.search(
        r'<p class="removed"><del>Recommended Videos</del> <span class="reason">removed: \w+', html
    )
    assert '<span class="q"' in html and 'class="name" href="/people/' in html
    assert 'Story: <a href="/stories/' in html
    assert 'href="/copies/001_8d004624753715f7/003_9cc82649ec4ceb70"' in html  # copied by
    copy = client.get("/articles/003_9cc82649ec4ceb70").text
    assert (
        "Origin chain" in copy and 'href="/copies/001_8d004624753715f7/003_9cc82649ec4ceb70">AP</a>' in copy
    )
    api = client.get("/api/articles/001_8d004624753715f7").json()
    assert api["article"]["outlet_name"] == "AP" and api["story"]["id"]


def test_person_page_lists_what_they_said_and_who_carried_it(client):
    ids = _ids(client)
    names = client.get(f"/api/stories/{ids['main']}").json()["names"]
    xi = next(n for n in names if n["name"] == "Xi Jinping")
    person = client.get(f"/api/people/{xi['id']}").json()
    assert person["entity"]["name"] == "Xi Jinping" and person["quotes"]
    assert {o for o, _ in person["outlets"]} <= {"AP", "RT", "The Hill", "unknown outlet", "TRT World"}
    html = client.get(f"/people/{xi['id']}").text
    assert "What Xi Jinping said" in html and 'href="/articles/' in html


# ---------------------------------------------------------------------------- 404s, docs, safety


@pytest.mark.parametrize(
    "path",
    ["/stories/s-nope", "/copies/a/b", "/articles/nope", "/people/e-nope", "/add/jobs/nope", "/no-such-page"],
)
def test_unknown_ids_give_404_pages_without_tracebacks(client, path):
    page = client.get(path)
    assert page.status_code == 404
    assert "Traceback" not in page.text and "<h1>Not found</h1>" in page.text
    api = client.get("/api" + path) if not path.startswith("/no-such") else None
    if api is not None and not path.startswith("/add"):
        assert api.status_code == 404 and "detail" in api.json()


def test_malformed_parameters_give_an_error_page_not_a_traceback(client):
    page = client.get("/?page=abc")
    assert page.status_code == 422 and "Bad request: page" in page.text and "Traceback" not in page.text
    assert client.get("/api/stories?page=abc").status_code == 422
    weird = client.get("/stories/%3Cscript%3Ealert(1)%3C%5Cscript%3E")
    assert weird.status_code == 404 and "<script>" not in weird.text and "&lt;script&gt;" in weird.text


def test_docs_are_served_locally_and_list_every_api_route(client):
    html = client.get("/docs").text
    for route in (
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/copies/{source_id}/{copy_id}",
        "/api/articles/{article_id}",
        "/api/people/{entity_id}",
        "/api/jobs/{job_id}",
    ):
        assert route in html
    assert "cdn" not in html.lower() and "<script" not in html
    assert client.get("/openapi.json").json()["paths"]
    assert client.get("/static/app.css").status_code == 200


def test_hostile_article_renders_as_text_and_its_url_is_never_a_link(client):
    ids = _ids(client)
    pages = [client.get("/").text, client.get(f"/stories/{ids['hostile']}").text]
    hostile_article = client.get(f"/api/stories/{ids['hostile']}").json()["articles"][0]["id"]
    pages.append(client.get(f"/articles/{hostile_article}").text)
    for html in pages:
        assert "<script" not in html.lower()
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;Evil Gazette" in html
        hrefs = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        assert hrefs and all(h.startswith(("/", "http://", "https://")) for h in hrefs), hrefs
    text_only = re.sub(r"<[^>]+>", "", pages[2])  # highlights may cut the text into spans
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in text_only
    assert "&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt;" in pages[1]


def test_security_headers_and_csrf(client, analysed, tmp_path):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    ids = _ids(client)
    forged = client.post(
        "/stories/merge", data={"stories": [ids["main"], ids["follow"]]}, follow_redirects=False
    )
    assert forged.status_code == 403
    wrong = client.post(
        "/stories/merge", data={"csrf": "x", "stories": [ids["main"]]}, follow_redirects=False
    )
    assert wrong.status_code == 403
    assert client.get("/stories/merge").status_code in (404, 405)  # state changes are POST only
    upload = client.post("/add", files={"files": ("a.txt", b"x")}, follow_redirects=False)
    assert upload.status_code == 403
    strict = TestClient(create_app(str(analysed), allowed_hosts=["127.0.0.1", "localhost"]))
    assert strict.get("/").status_code == 400  # TestClient's Host is "testserver": a rebinding page


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a?b=1", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("\njavascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("DATA:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
        ("//example.com", False),
        ("https://", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url, ok):
    assert (safe_url(url) is not None) is ok


def test_word_diff_and_timeline_helpers():
    left, right = word_diff("a possible invasion of Ukraine", "a possible invasion by Ukraine")
    assert [s["text"] for s in left if s["op"] == "del"] == ["of"]
    assert [s["text"] for s in right if s["op"] == "ins"] == ["by"]
    svg = timeline_svg([{"published": "2021-12-15", "outlet_name": "<b>AP</b>"}, {"published": None}])
    assert svg.startswith("<svg") and "&lt;b&gt;AP&lt;/b&gt;" in svg and "<b>" not in svg
    assert timeline_svg([{"published": None}]) == ""


# ---------------------------------------------------------------------------- changes: merge/split, adding


def test_merge_and_split_are_stored_as_the_cli_stores_them(analysed, tmp_path):
    db = copy_workspace(analysed, tmp_path)
    c = TestClient(create_app(str(db)))
    ids = _ids(c)
    token = _csrf(c.get("/").text)
    merged = c.post("/stories/merge", data={"csrf": token, "stories": [ids["main"], ids["follow"]]})
    assert merged.status_code == 200 and "Kremlin: China will back Russia" in merged.text
    listing = c.get("/api/stories").json()
    assert listing["total"] == 2
    big = listing["stories"][0]
    assert big["size"] == 5 and "TRT World" in big["outlets"]
    split = c.post(f"/stories/{big['id']}/split", data={"csrf": token, "articles": ["002_364549702fd5922e"]})
    assert split.status_code == 200 and "TRT World" in split.text
    assert c.get("/api/stories").json()["total"] == 3
    with Workspace(db) as ws:
        edits = ws.store.story_edits()
        assert [e.kind for e in edits] == ["merge", "split"]
        assert edits[1].articles == ["002_364549702fd5922e"]
        assert len(ws.stories()) == 3
    bad = c.post("/stories/merge", data={"csrf": token, "stories": [ids["main"]]})
    assert bad.status_code == 400 and "at least two" in bad.text


def _wait(c: TestClient, job_id: str, limit: float = 240) -> dict:
    end = time.time() + limit
    while time.time() < end:
        job = c.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError("add-articles job did not finish")


def test_upload_and_folder_run_in_the_background_and_land_in_the_workspace(analysed, tmp_path):
    db = copy_workspace(analysed, tmp_path)
    c = TestClient(create_app(str(db), max_upload_bytes=4096))
    token = _csrf(c.get("/add").text)
    too_big = c.post("/add", data={"csrf": token}, files={"files": ("big.txt", b"x" * 5000)})
    assert too_big.status_code == 413
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "fish.txt").write_text(
        "Fishing fleet returns early\n\nThe fishing fleet of Tromso returned to port early on Tuesday "
        "as a storm closed in on the northern coast, the harbour master said.\n",
        encoding="utf-8",
    )
    text = (
        "Glacier retreat measured in Iceland\n\nScientists in Reykjavik said on Thursday the Vatnajokull "
        "glacier lost more ice this summer than in any year since records began.\n"
    )
    resp = c.post(
        "/add",
        data={"csrf": token, "folder": str(folder)},
        files=[("files", ("../../escape.txt", text.encode())), ("files", ("empty.txt", b""))],
        follow_redirects=False,
    )
    assert resp.status_code == 303
    job_id = resp.headers["location"].rsplit("/", 1)[1]
    job = _wait(c, job_id)
    assert job["state"] == "done", job
    assert job["added"] == 2 and len(job["new_articles"]) == 2
    assert [r["reason"] for r in job["rejected"]] == ["empty"]
    uploads = Path(f"{db}.uploads")
    written = list(uploads.rglob("*.txt"))
    assert {p.name for p in written} == {"escape.txt", "empty.txt"}
    assert all(uploads in p.parents for p in written) and not (tmp_path / "escape.txt").exists()
    from storyprism.web.jobs import Jobs

    assert Jobs(str(db)).get(job_id) == job  # another server worker reads the state file
    assert Jobs(str(db)).get("../../etc") is None
    page = c.get(f"/add/jobs/{job_id}").text
    assert "Glacier retreat measured in Iceland" in page and "empty" in page
    hits = c.get("/api/stories", params={"q": "Vatnajokull"}).json()
    assert hits["total"] == 1
    assert "empty.txt" in c.get("/add").text  # rejections listed on the add page


def test_serve_refuses_a_public_address_without_allow_remote(analysed):
    from storyprism.cli import CliError, app

    result = CliRunner().invoke(app, ["serve", "--workspace", str(analysed), "--host", "0.0.0.0"])
    assert result.exit_code != 0 and isinstance(result.exception, CliError)
    assert "--allow-remote" in str(result.exception)


def test_story_edits_made_with_the_cli_show_up_without_reanalysis(analysed, tmp_path):
    db = copy_workspace(analysed, tmp_path)
    c = TestClient(create_app(str(db)))
    ids = _ids(c)
    assert c.get("/api/stories").json()["total"] == 3
    with Workspace(db) as ws:  # what `storyprism stories merge A B` does
        ws.merge_stories([ids["main"], ids["follow"]])
    listing = c.get("/api/stories").json()
    assert listing["total"] == 2 and listing["stories"][0]["size"] == 5
    assert c.get(f"/stories/{ids['follow']}").status_code == 404


def test_common_word_search_pages_through_one_ordered_list(client, monkeypatch):
    """A word in most articles takes the ordered-and-cached path; results equal the small-match path."""
    small = client.get("/api/stories", params={"q": "security", "sort": "recent"}).json()
    monkeypatch.setattr(v, "SMALL_MATCH", 0)
    big = client.get("/api/stories", params={"q": "security", "sort": "recent"}).json()
    assert big["total"] == small["total"] >= 2
    assert [s["id"] for s in big["stories"]] == [s["id"] for s in small["stories"]]
    by_outlet = client.get("/api/stories", params={"q": "security", "outlet": "TRT World"}).json()
    assert [s["outlets"] for s in by_outlet["stories"]] == [["TRT World"]]
    assert client.get("/api/stories", params={"q": "security", "page": 9}).json()["stories"] == []


def test_two_server_processes_share_one_port_and_stop_together(analysed):
    import subprocess
    import sys

    import httpx

    from storyprism.web.screens import free_port

    port = free_port()
    code = f"from storyprism.web.serve import run; run({str(analysed)!r}, '127.0.0.1', {port}, workers=2)"
    proc = subprocess.Popen([sys.executable, "-c", code])
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + 120
        while True:
            try:
                with httpx.Client() as c:
                    pages = [c.get(url) for _ in range(6)]
                break
            except httpx.TransportError:
                assert time.time() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.3)
        assert all(p.status_code == 200 and "Kremlin" in p.text for p in pages)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    time.sleep(0.5)
    with pytest.raises(httpx.TransportError):  # no worker was left behind holding the port
        httpx.get(url, timeout=2)


def test_paraphrases_are_never_shown_in_quotation_marks(client: TestClient, analysed: Path) -> None:
    """A reader must not cite an indirect attribution as verbatim words: only direct quotes get <q>."""
    import html as html_lib

    from storyprism.workspace import Workspace

    with Workspace(analysed) as ws:
        quotes = ws.quotes()
    indirect = [q for q in quotes if not q.direct]
    direct = [q for q in quotes if q.direct]
    assert indirect and direct
    for q in indirect[:5] + direct[:5]:
        page = client.get(f"/articles/{q.article}").text
        marked = [html_lib.unescape(m) for m in re.findall(r"<q>(.*?)</q>", page, flags=re.S)]
        assert q.text in html_lib.unescape(page)
        assert (q.text in marked) == q.direct, q.text
