"""Screenshots of the web app's pages in a real browser (Debian's Chromium, driven by Playwright).

python -m storyprism.web.screens --workspace out/seeds.db --out out/screens

Serves the workspace on a free loopback port in a thread, opens the stories list, the biggest story,
its first copy, an article, a person and the add page, and writes one PNG per page. Never downloads a
browser: it uses /usr/bin/chromium (``apt-get install chromium``) or the path in ``--chromium``.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(workspace: str, port: int | None = None) -> Iterator[str]:
    """The app on 127.0.0.1 in a background thread; yields its base URL, stops it on exit."""
    import uvicorn

    from storyprism.web import create_app
    from storyprism.web.app import LOOPBACK_HOSTS

    port = port or free_port()
    app = create_app(workspace, allowed_hosts=list(LOOPBACK_HOSTS))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="storyprism-screens", daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError(
                "The web app did not start. Fix: check that the workspace opens (storyprism stories)."
            )
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def take(workspace: str, out: Path, chromium: str = CHROMIUM) -> list[Path]:
    """One full-page PNG per page kind; returns the files written."""
    import httpx
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serving(workspace) as base, sync_playwright() as p:
        api = httpx.Client(base_url=base, timeout=30)
        pages = [("stories", "/")]
        stories = api.get("/api/stories").json()["stories"]
        if stories:
            story = api.get(f"/api/stories/{stories[0]['id']}").json()
            pages.append(("story", f"/stories/{stories[0]['id']}"))
            if story["reuse"]:
                r = story["reuse"][0]
                pages.append(("copy", f"/copies/{r['source']}/{r['copy']}"))
            if story["articles"]:
                pages.append(("article", f"/articles/{story['articles'][0]['id']}"))
            speaker = next((s["speaker_id"] for s in story["quotes_by_speaker"] if s["speaker_id"]), None)
            if speaker:
                pages.append(("person", f"/people/{speaker}"))
        pages.append(("add", "/add"))
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages:
                page.goto(base + path)
                target = out / f"{name}.png"
                # the story page is long: its first screens (headline, timeline, graph) make the picture
                page.screenshot(path=str(target), full_page=name != "story")
                written.append(target)
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--workspace", default="storyprism.db")
    parser.add_argument("--out", default="out/screens")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"No browser at {args.chromium}. Fix: apt-get install -y chromium, or pass --chromium PATH.")
        return 2
    for path in take(args.workspace, Path(args.out), args.chromium):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
