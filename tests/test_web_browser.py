"""The web app end to end in a real browser: Playwright for Python driving Debian's Chromium.

Opens the list, searches, opens a story and sees the copy graph with outlet names, opens the copy page
and sees the "of → by" flip highlighted, merges two stories and splits them back, uploads a file and
watches it appear, and checks that a hostile article's <script> shows as text. Every page's screenshot
must not be blank. Never downloads a browser; skipped only when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_report_browser import _png_pixels
from test_web import analysed, copy_workspace  # noqa: F401  (the session fixture)

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser_page(analysed: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:  # noqa: F811
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (CI installs it: apt-get install -y chromium)")
    pytest.importorskip("playwright", reason="playwright is a dev dependency: pip install -e '.[dev]'")
    from playwright.sync_api import sync_playwright

    from storyprism.web.screens import serving

    db = copy_workspace(analysed, tmp_path_factory.mktemp("browser"))
    with serving(str(db)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs  # type: ignore[attr-defined]
        try:
            yield page, base
        finally:
            browser.close()


def _shot(page: Any, path: Path) -> None:
    page.screenshot(path=str(path), full_page=False)
    width, height, pixels = _png_pixels(path.read_bytes())
    assert (width, height) == (1280, 900)
    assert len(set(pixels)) > 40, f"{path.name} looks blank"


def test_list_search_story_graph_and_copy_flip(browser_page, tmp_path):
    page, base = browser_page
    page.goto(base + "/")
    assert page.locator("a.story-link").count() == 3
    _shot(page, tmp_path / "list.png")
    page.fill("header input[name=q]", "Donfried")
    page.click("header form.search button")
    assert "matching “Donfried”" in page.inner_text("#count")
    page.click("a.story-link:has-text('Kremlin: Xi supports Putin')")
    page.wait_for_selector("#copy-graph svg")
    graph = page.inner_text("#copy-graph")
    for outlet in ("AP", "The Hill", "RT", "unknown outlet"):
        assert outlet in graph
    assert page.locator("#timeline svg circle").count() >= 1
    _shot(page, tmp_path / "story.png")
    page.click("#copy-graph ul.copies a")
    flip = page.locator("tr[data-changes='role-flip']")
    assert flip.count() == 1
    assert re.search(r"\bof\b", flip.locator("del").all_inner_texts().__str__())
    assert re.search(r"\bby\b", flip.locator("ins").all_inner_texts().__str__())
    assert page.locator("ol.changes li").first.get_attribute("data-kind") == "role-flip"
    flip.scroll_into_view_if_needed()
    _shot(page, tmp_path / "copy.png")


def test_merge_two_stories_and_split_them_back(browser_page):
    page, base = browser_page
    page.goto(base + "/")
    boxes = page.locator("table.stories input[name=stories]")
    titles = page.locator("a.story-link").all_inner_texts()
    keep = [i for i, t in enumerate(titles) if "Kremlin" in t]
    assert len(keep) == 2
    for i in keep:
        boxes.nth(i).check()
    page.click("#merge")
    page.wait_for_selector("table.articles")
    assert page.locator("table.articles tbody tr").count() == 5
    page.goto(base + "/")
    assert page.locator("a.story-link").count() == 2
    page.click("a.story-link:has-text('Kremlin')")
    row = page.locator("table.articles tbody tr", has_text="TRT World")
    row.locator("input[type=checkbox]").check()
    page.click("#split")
    page.wait_for_selector("table.articles")
    assert page.locator("table.articles tbody tr").count() == 1
    assert "TRT World" in page.inner_text("table.articles")
    page.goto(base + "/")
    assert page.locator("a.story-link").count() == 3


def test_upload_a_file_and_watch_it_appear(browser_page, tmp_path):
    page, base = browser_page
    upload = tmp_path / "glacier.txt"
    upload.write_text(
        "Glacier retreat measured in Iceland\n\nScientists in Reykjavik said on Thursday the Vatnajokull "
        "glacier lost more ice this summer than in any year since records began.\n",
        encoding="utf-8",
    )
    page.goto(base + "/add")
    page.set_input_files("#files", str(upload))
    page.click("#add-submit")
    page.wait_for_selector("[data-state=done]", timeout=240_000)  # the page refreshes itself while it runs
    assert "Glacier retreat measured in Iceland" in page.inner_text("ul.new-articles")
    _shot(page, tmp_path / "job.png")
    page.click("ul.new-articles a")
    assert page.inner_text("h1") == "Glacier retreat measured in Iceland"
    page.goto(base + "/?q=Vatnajokull")
    assert page.locator("a.story-link").count() == 1


def test_hostile_script_shows_as_text(browser_page, tmp_path):
    page, base = browser_page
    page.goto(base + "/?q=lighthouse")
    page.click("a.story-link")
    assert '<script>alert("headline")</script>' in page.inner_text("h1")
    assert page.locator("main script").count() == 0 and page.locator("img").count() == 0
    page.click("table.articles a[href^='/articles/']")
    assert '<script>alert("body")</script>' in page.inner_text(".text")
    assert page.locator("a.ext").count() == 0  # its javascript: URL is not a link
    _shot(page, tmp_path / "hostile.png")
    assert page.dialogs == []  # type: ignore[attr-defined]
