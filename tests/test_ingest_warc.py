"""Ingest of WARC / WARC.gz files built here with warcio (CC-NEWS style), whole and truncated."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyprism.ingest import IngestOptions, IngestStats, read_inputs
from storyprism.records import Article, Rejected

OPTS = IngestOptions()
PARAGRAPHS = [
    "Engineers reopened the Holm Valley viaduct on Monday after a six-week repair of its cracked piers.",
    "The viaduct carries about 18,000 vehicles a day, and diversions had added forty minutes to some journeys.",
    "Regional transport director Ines Castell said the repair came in under budget and ahead of schedule.",
    "Inspections will now take place every six months instead of every two years, the authority said.",
]


def page(title: str, dated: bool, charset: str = "utf-8", extra: str = "") -> bytes:
    meta = '<meta property="article:published_time" content="2023-05-02T08:00:00Z">' if dated else ""
    paras = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title}</title>{meta}'
        '<meta property="og:site_name" content="Valley Roads Daily"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article></body></html>"
    )
    return html.encode(charset)


def build_warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("news.warc", {"software": "storyprism-test"}))

    def response(
        uri: str, body: bytes, content_type: str, status: str = "200 OK", date: str | None = None
    ) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date} if date else None
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=warc_headers
        )
        writer.write_record(record)

    response(
        "https://valleyroads.example.com/viaduct",
        page("Viaduct reopens", True),
        "text/html; charset=utf-8",
        date="2023-05-02T09:15:00Z",
    )
    response("https://valleyroads.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    # Declared only in the HTTP header: the body is cp1252 with no meta charset of its own.
    body = page("Café owners welcome reopening", False, charset="cp1252", extra="Crème brûlée.")
    body = body.replace(b'<meta charset="cp1252">', b"")
    response(
        "https://valleyroads.example.com/cafes",
        body,
        "text/html; charset=windows-1252",
        date="2023-05-03T11:00:00Z",
    )
    response(
        "https://valleyroads.example.com/old",
        b"<html><body>Moved</body></html>",
        "text/html",
        status="301 Moved",
    )
    response("https://valleyroads.example.com/feed.json", b'{"items": []}', "application/json")
    response("https://valleyroads.example.com/bridges", page("Bridges inspected", True), "text/html")
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(build_warc(gz))
    stats = IngestStats()
    items = list(read_inputs([str(path)], OPTS, stats=stats))
    assert not [i for i in items if isinstance(i, Rejected)]
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in arts] == [
        "https://valleyroads.example.com/viaduct",
        "https://valleyroads.example.com/cafes",
        "https://valleyroads.example.com/bridges",
    ]
    first, cafes, bridges = arts
    assert first.ref == first.url == first.identity
    assert first.id == "crawl-1" and cafes.id == "crawl-3" and bridges.id == "crawl-6"  # record index
    assert first.title == "Viaduct reopens" and "18,000 vehicles" in first.text
    assert first.source_format == "warc" and first.outlet == "Valley Roads Daily"
    assert first.fetched == "2023-05-02T09:15:00+00:00"
    assert first.published == "2023-05-02" and not first.published_inferred  # the page's own date
    # No date on the page: the crawl day stands in, flagged as inferred.
    assert cafes.published == "2023-05-03" and cafes.published_inferred
    assert "Crème brûlée." in cafes.text  # decoded with the HTTP header's charset
    assert stats.skipped_non_html == 2  # the PNG and the JSON feed
    assert stats.skipped_status == 1  # the 301
    assert stats.skipped_records == 1  # warcinfo
    assert stats.articles == 3


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, gz: bool) -> None:
    data = build_warc(gz)
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    whole.write_bytes(data)
    complete = [i for i in read_inputs([str(whole)], OPTS) if isinstance(i, Article)]
    for fraction in (0.45, 0.75, 0.97):
        cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        cut.write_bytes(data[: int(len(data) * fraction)])
        items = list(read_inputs([str(cut)], OPTS))
        rejections = [i for i in items if isinstance(i, Rejected)]
        assert [r.reason for r in rejections] == ["truncated-warc"], (fraction, items)
        assert rejections[0].ref == str(cut) and "Fix:" in rejections[0].detail
        arts = [i for i in items if isinstance(i, Article)]
        assert len(arts) < len(complete)
        assert [a.url for a in arts] == [a.url for a in complete[: len(arts)]]
        assert all(a.text == b.text for a, b in zip(arts, complete, strict=False))  # no partial page


def test_warc_detected_by_content_and_from_stdin(tmp_path: Path) -> None:
    data = build_warc(True)
    odd = tmp_path / "download.bin"
    odd.write_bytes(data)
    assert len([i for i in read_inputs([str(odd)], OPTS) if isinstance(i, Article)]) == 3
    items = list(read_inputs(["-"], OPTS, stdin=io.BytesIO(data)))
    assert [i.id for i in items if isinstance(i, Article)] == ["stdin-1", "stdin-3", "stdin-6"]


def test_warc_record_size_limit_applies_per_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    data = build_warc(False)
    path.write_bytes(data)
    # The file is larger than the limit, but only records over it are rejected.
    limit = len(page("Café owners welcome reopening", False, charset="cp1252", extra="Crème brûlée.")) - 10
    assert len(data) > limit
    items = list(read_inputs([str(path)], IngestOptions(max_bytes=limit)))
    assert {i.reason for i in items if isinstance(i, Rejected)} == {"too-large"}
    assert len([i for i in items if isinstance(i, Article)]) >= 1


def test_warc_cut_before_first_record_and_empty(tmp_path: Path) -> None:
    data = build_warc(True)
    stub = tmp_path / "stub.warc.gz"
    stub.write_bytes(data[:10])
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    items = list(read_inputs([str(stub), str(empty)], OPTS))
    assert [(Path(i.ref).name, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("stub.warc.gz", "truncated-warc"),
        ("empty.warc", "empty"),
    ]


def test_unsupported_content_encoding_is_reported(tmp_path: Path) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "br")], protocol="HTTP/1.1"
    )
    body = bytes([0x1B, 0x00, 0xF8, 0x25]) + bytes(range(256)) * 4  # not valid brotli either
    writer.write_record(
        writer.create_warc_record(
            "https://valleyroads.example.com/br", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    items = list(read_inputs(["-"], OPTS, stdin=io.BytesIO(buf.getvalue())))
    (r,) = items
    assert isinstance(r, Rejected) and r.reason in ("undecodable", "failed") and "brotli" in r.detail
