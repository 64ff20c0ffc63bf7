"""Fuzzing (issue 16): every reader and the config loader, on random and mutated inputs.

Properties: reading never raises; every item is an Article or a Rejected with a known reason, never
"failed" (an unexpected exception inside a reader); every string is storable as UTF-8. The config
loader raises nothing but a one-line OptionsError. The number of examples per test is FUZZ_EXAMPLES
(default 40: a few seconds in the suite; `FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py` for a long run).
"""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyprism.ingest import REJECTION_REASONS, IngestOptions, IngestStats, list_sources, read_source
from storyprism.options import Options, OptionsError
from storyprism.records import Article, Rejected, Source

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=os.environ.get("FUZZ_RANDOM") is None,  # reproducible in CI; FUZZ_RANDOM=1 explores
)

BODY = "The council voted on Tuesday to repair the bridge, the mayor said. “We act now,” she said."
_HTTP = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    b"<html><head><title>Bridge</title></head><body><article><p>" + BODY.encode() * 3 + b"</p></article></body></html>"
)
_WARC = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\n"
    b"WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
    b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(_HTTP)).encode()
    + b"\r\n\r\n" + _HTTP + b"\r\n\r\n"
)  # fmt: skip
TEMPLATES: dict[str, bytes] = {
    ".txt": f"Bridge to be repaired\n\n{BODY}\n".encode(),
    ".md": f"---\ntitle: Bridge\ndate: 2024-01-02\nurl: http://example.com/a\n---\n# Bridge\n\n{BODY}\n".encode(),
    ".html": _HTTP.split(b"\r\n\r\n", 1)[1],
    ".json": f'{{"title": "Bridge", "text": "{BODY}", "date_publish": "2024-01-02", "url": "http://x.com/a"}}'.encode(),
    ".jsonl": (f'{{"title": "A", "maintext": "{BODY}"}}\n{{"title": "B", "body": {{"x": 1}}}}\n').encode(),
    ".rss": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Bridge</title>'
        f"<link>http://example.com/a</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>"
        f"<description>{BODY}</description></item></channel></rss>"
    ).encode(),
    ".warc": _WARC,
    ".mhtml": (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b"Content-Type: text/html; charset=utf-8\r\nContent-Location: http://example.com/a\r\n\r\n"
        + _HTTP.split(b"\r\n\r\n", 1)[1] + b"\r\n--B--\r\n"
    ),
    "": f"Bridge\n\n{BODY}\n".encode("cp1252"),
}
EXTENSIONS = [*TEMPLATES, ".jsonl.gz", ".warc.gz", ".xml", ".csv"]


@st.composite
def mutated(draw: st.DrawFn, template: bytes) -> bytes:
    """The template with a few random edits: bytes inserted, replaced or deleted, cut, repeated."""
    data = bytearray(template)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["insert", "replace", "delete", "cut", "repeat", "text"]))
        pos = draw(st.integers(0, len(data)))
        if op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=20))
        elif op == "replace" and pos < len(data):
            data[pos] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif op == "cut":
            del data[pos:]
        elif op == "repeat":
            data[pos:pos] = data[max(0, pos - 60) : pos] * draw(st.integers(1, 4))
        else:
            text = draw(st.text(max_size=30))
            codec = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"]))
            data[pos:pos] = text.encode(codec, "replace")
    return bytes(data)


def content(ext: str) -> st.SearchStrategy[bytes]:
    base = ext.removesuffix(".gz")
    template = TEMPLATES.get(base, TEMPLATES[".txt"])
    return st.one_of(st.binary(max_size=600), mutated(template))


def _check(items: list[Article | Rejected], stats: IngestStats) -> None:
    # WARC records that hold no article page (requests, redirects, images) are counted, not rejected
    skipped = stats.skipped_non_html + stats.skipped_records + stats.skipped_status
    assert items or skipped, "every source yields an article, a rejection, or a counted skip"
    for item in items:
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Rejected):
            assert item.reason in REJECTION_REASONS and item.reason != "failed", item
            assert "Fix:" in item.detail, item  # every rejection says what to do
            (item.ref + item.detail).encode("utf-8")
        else:
            assert item.text.strip()
            for value in (item.id, item.ref, item.title, item.text, item.identity, item.url or ""):
                value.encode("utf-8")  # storable: no lone surrogates


def _read_file(name: str, data: bytes) -> tuple[list[Article | Rejected], IngestStats]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        sources = list(list_sources([str(path)], IngestOptions()))
        assert len(sources) == 1 and isinstance(sources[0], Source)
        stats = IngestStats()
        return list(read_source(sources[0], IngestOptions(), stats)), stats


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_every_reader_survives_hostile_bytes(ext: str) -> None:
    @FUZZ
    @given(data=content(ext))
    def run(data: bytes) -> None:
        if ext.endswith(".gz"):
            data = gzip.compress(data) if data[:1] != b"\x00" else data  # some not even gzip
        _check(*_read_file(f"input{ext}", data))

    run()


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), mutated(TEMPLATES[".json"]), mutated(TEMPLATES[".txt"])))
def test_stdin_survives_hostile_bytes(data: bytes) -> None:
    source = Source(ref="-", path=None, size=len(data), fingerprint="x", data=data)
    stats = IngestStats()
    _check(list(read_source(source, IngestOptions(), stats)), stats)


CONFIGS = {
    ".toml": b'workers = 2\nexecutor = "local"\n[reuse]\nnum_perm = 64\nlsh_threshold = 0.4\n',
    ".yaml": b"workers: 2\nreuse:\n  num_perm: 64\n  lsh_threshold: 0.4\ncompare:\n  claim_threshold: 0.5\n",
    ".json": b'{"workers": 2, "reuse": {"num_perm": 64}, "ingest": {"field_map": {"text": "a.b"}}}',
}


@pytest.mark.parametrize("ext", sorted(CONFIGS))
def test_config_loader_fails_only_with_one_line_errors(ext: str) -> None:
    @FUZZ
    @given(data=st.one_of(st.binary(max_size=300), mutated(CONFIGS[ext])))
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"options{ext}"
            path.write_bytes(data)
            try:
                Options.build(path)
            except OptionsError as exc:
                assert "\n" not in str(exc) and str(exc)

    run()
