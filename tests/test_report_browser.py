"""The HTML report in a real headless Chromium: it renders (non-blank screenshot) and hostile text
stays text (the DOM holds the escaped <script> string, never a script element)."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from storyprism.report import render_html
from test_report_document import INJECTION, document

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.slow


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (enough to tell blank from drawn)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (CI installs it: apt-get install -y chromium)")
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(document()), encoding="utf-8")
    return path


def test_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    # A blank page decompresses to a handful of byte values; text, tables and badges to many.
    assert len(set(pixels)) > 50
    assert pixels.count(255) < 0.99 * len(pixels)


def test_dom_holds_title_and_escaped_injection_as_text(page: Path, tmp_path: Path) -> None:
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "Harbour bridge repair budget" in dom, result.stderr[-2000:]
    assert "&lt;script&gt;alert('pwned')&lt;/script&gt;" in dom  # the text, escaped by the serialiser
    assert INJECTION not in dom  # never parsed into an element
    assert "<script" not in dom.lower()
