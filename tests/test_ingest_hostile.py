"""Ingest on hostile and broken inputs: every rejection reason, and encodings that must still decode."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyprism.ingest import REJECTION_REASONS, IngestOptions, IngestStats, read_inputs
from storyprism.records import Article, Rejected

OPTS = IngestOptions()
BODY = (
    "Héloïse Müller, the café's owner, said the façade would be restored “as it was” by spring.\n"
    "The renovation will cost €40,000 — paid by the town's heritage fund.\n"
)


def one(path: Path, options: IngestOptions = OPTS) -> Article | Rejected:
    items = list(read_inputs([str(path)], options))
    assert len(items) == 1, items
    return items[0]


def test_latin1_without_declaration_decodes(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    text = "Café owner restores façade\n" + BODY.replace("“", '"').replace("”", '"').replace(
        "€", "EUR "
    ).replace("—", "-")
    p.write_bytes(text.encode("latin-1"))
    a = one(p)
    assert isinstance(a, Article)
    assert a.title == "Café owner restores façade"
    assert "Héloïse Müller" in a.text


def test_cp1252_smart_quotes_without_declaration_decode(tmp_path: Path) -> None:
    p = tmp_path / "cp1252.txt"
    p.write_bytes(("Café owner restores façade\n" + BODY).encode("cp1252"))
    a = one(p)
    assert isinstance(a, Article)
    assert "“as it was”" in a.text and "€40,000 — paid" in a.text


def test_utf16_with_bom_decodes(tmp_path: Path) -> None:
    p = tmp_path / "utf16.txt"
    p.write_bytes(("Café owner restores façade\n" + BODY).encode("utf-16"))  # writes a BOM
    a = one(p)
    assert isinstance(a, Article)
    assert a.title == "Café owner restores façade" and "Héloïse" in a.text


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(("Café owner restores façade\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8-sig"))
    a = one(p)
    assert isinstance(a, Article) and a.title == "Café owner restores façade" and "\ufeff" not in a.title


def test_binary_files_are_rejected(tmp_path: Path) -> None:
    cases = {
        "paper.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "bundle.json": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"x" * 50,
        "nul.txt": b"Headline\nsome text\x00\x01\x02 with NUL bytes\x00 inside\n" * 10,
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        r = one(p)
        assert isinstance(r, Rejected) and r.reason == "binary", (name, r)
        assert "Fix:" in r.detail


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n", "  \n ".encode("utf-16")])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    r = one(p)
    assert isinstance(r, Rejected) and r.reason == "empty" and "Fix:" in r.detail


def test_empty_json_list(tmp_path: Path) -> None:
    p = tmp_path / "none.json"
    p.write_text("[]")
    r = one(p)
    assert isinstance(r, Rejected) and r.reason == "empty"


def test_undecodable_control_character_soup(tmp_path: Path) -> None:
    rng = random.Random(7)
    # No NUL byte (so not "binary") but no encoding turns it into text either.
    data = bytes(
        rng.choice([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 0x81, 0x8D, 0x8F]) for _ in range(3000)
    )
    p = tmp_path / "garbage.txt"
    p.write_bytes(data)
    r = one(p)
    assert isinstance(r, Rejected) and r.reason == "undecodable" and "UTF-8" in r.detail


def test_too_large_is_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Big headline\n" + "word " * 400)
    small = IngestOptions(max_bytes=1000)
    r = one(p, small)
    assert isinstance(r, Rejected) and r.reason == "too-large" and "max_bytes" in r.detail
    assert isinstance(one(p), Article)  # the default limit (20 MB) lets it through


def test_gzip_bomb_is_too_large(tmp_path: Path) -> None:
    import gzip

    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"Headline\n" + b"a" * 200_000))
    r = one(p, IngestOptions(max_bytes=50_000))
    assert isinstance(r, Rejected) and r.reason == "too-large"


def test_stdin_too_large() -> None:
    import io

    items = list(
        read_inputs(["-"], IngestOptions(max_bytes=100), stdin=io.BytesIO(b"Headline\n" + b"x " * 500))
    )
    assert [(i.ref, i.reason) for i in items if isinstance(i, Rejected)] == [("-", "too-large")]


def test_malformed_whole_json(tmp_path: Path) -> None:
    p = tmp_path / "broken.json"
    p.write_text('{"title": "x", "text": "unterminated}')
    r = one(p)
    assert isinstance(r, Rejected) and r.reason == "malformed-json" and "line 1" in r.detail


def test_headline_only_text_is_no_text(tmp_path: Path) -> None:
    p = tmp_path / "title_only.txt"
    p.write_text("\n\nJust a headline\n\n")
    r = one(p)
    assert isinstance(r, Rejected) and r.reason == "no-text"


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Root reads anything: drop to an unprivileged user, as a real user would be, for the block."""
    if os.geteuid() != 0:
        yield
        return
    try:
        os.seteuid(65534)
    except PermissionError:
        pytest.skip("running as root without the right to drop privileges")
    try:
        yield
    finally:
        os.seteuid(0)


def test_unreadable_file_and_folder() -> None:
    base = Path(tempfile.mkdtemp(prefix="storyprism-ingest-"))
    try:
        base.chmod(0o755)  # traversable by the unprivileged user
        locked = base / "locked.txt"
        locked.write_text("Locked headline\nLocked body.\n")
        locked.chmod(0)
        folder = base / "private"
        folder.mkdir()
        (folder / "inside.txt").write_text("Inside headline\nInside body.\n")
        folder.chmod(0)
        with unprivileged():
            file_items = list(read_inputs([str(locked)], OPTS))
            folder_items = list(read_inputs([str(folder / "inside.txt"), str(folder)], OPTS))
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
        shutil.rmtree(base)
    (r,) = file_items
    assert isinstance(r, Rejected) and r.reason == "unreadable" and "chmod" in r.detail
    assert [i.reason for i in folder_items if isinstance(i, Rejected)] == ["unreadable", "unreadable"]
    assert all("Fix:" in i.detail for i in folder_items if isinstance(i, Rejected))


def test_a_bad_item_never_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Good headline\nGood body text.\n")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 junk")
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.jsonl").write_text('{"text": "fine", "title": "T"}\n{oops\n')
    stats = IngestStats()
    items = list(read_inputs([str(tmp_path), str(tmp_path / "zzz.txt")], OPTS, stats=stats))
    reasons = sorted(i.reason for i in items if isinstance(i, Rejected))
    assert reasons == ["binary", "empty", "malformed-json", "not-found"]
    assert stats.articles == 2 and stats.sources == 4


def test_mangled_copies_of_every_fixture_never_fail() -> None:
    """Cut, overwritten and spliced copies of every fixture: each item ends as an Article or as a
    Rejected with a specific reason, never as an unexpected error ("failed")."""
    import io

    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    blobs = [p.read_bytes() for p in sorted(fixtures.rglob("*")) if p.is_file()]
    rng = random.Random(20240601)
    reasons: set[str] = set()
    for _ in range(150):
        data = bytearray(rng.choice(blobs))
        op = rng.random()
        if op < 0.35:
            data = data[: rng.randrange(len(data) + 1)]
        elif op < 0.7:
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            pos = rng.randrange(len(data) + 1)
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60)))
        for item in read_inputs(["-"], OPTS, stdin=io.BytesIO(bytes(data))):
            assert isinstance(item, Article | Rejected)
            if isinstance(item, Rejected):
                assert item.reason != "failed", item.detail
                assert item.reason in REJECTION_REASONS, item
                assert "Fix:" in item.detail, item
                reasons.add(item.reason)
    assert len(reasons) >= 3  # the mangling really produced broken inputs


def test_utf8_page_that_declares_windows_1252_is_read_as_utf8(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
        + "<p>Héloïse Müller’s café reopened on Friday after a long renovation of its façade.</p>" * 3
        + "</article></body></html>"
    )
    p = tmp_path / "mislabelled.html"
    p.write_bytes(html.encode("utf-8"))
    a = one(p)
    assert isinstance(a, Article) and "Héloïse Müller’s café" in a.text and "Ã" not in a.text


def test_entities_left_in_json_text_are_decoded(tmp_path: Path) -> None:
    p = tmp_path / "escaped.json"
    p.write_text(
        '{"title": "Putin&#8217;s call with Xi", "text": "AT&amp;T shares rose.\\nAnalysts said &quot;buy&quot;."}'
    )
    a = one(p)
    assert isinstance(a, Article)
    assert a.title == "Putin’s call with Xi" and a.text == 'AT&T shares rose.\nAnalysts said "buy".'
    q = tmp_path / "double.json"
    q.write_text(
        '{"title": "T", "text": "&lt;p&gt;First paragraph here.&lt;/p&gt;&lt;p&gt;Second one.&lt;/p&gt;"}'
    )
    b = one(q)
    assert isinstance(b, Article) and b.text == "First paragraph here.\nSecond one."


def test_deeply_nested_json_line_rejects_that_line_only(tmp_path: Path) -> None:
    feed = tmp_path / "deep.jsonl"
    good = '{"title": "Bridge opens", "text": "The new bridge opened to traffic on Monday, the city said."}'
    feed.write_text("[" * 100_000 + "]" * 100_000 + "\n" + good + "\n")
    out = list(read_inputs([str(feed)], OPTS))
    assert [type(x).__name__ for x in out] == ["Rejected", "Article"]
    assert out[0].reason == "malformed-json" and out[0].ref.endswith("#1")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("front", "needle"),
    [
        ("published: 2024-02-30\ntitle: x", "invalid value"),
        ("a: &x [y, y, y]\nb: [*x, *x, *x]\ntitle: t", "alias"),
    ],
)
def test_bad_front_matter_is_rejected_with_the_fix(tmp_path: Path, front: str, needle: str) -> None:
    page = tmp_path / "post.md"
    page.write_text(f"---\n{front}\n---\nHeadline\n\nA paragraph of reporting text.\n")
    item = one(page)
    assert isinstance(item, Rejected) and item.reason == "malformed-front-matter"
    assert needle in item.detail and "Fix" in item.detail
