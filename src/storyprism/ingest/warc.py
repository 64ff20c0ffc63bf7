"""WARC / WARC.gz (Common Crawl CC-NEWS style) -> one Article per HTML page, streamed record by record."""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from storyprism.ingest.build import IngestStats, has_text, make_article, source_identity, source_stem
from storyprism.ingest.decode import charset_from_content_type, decode_bytes, sniff_binary
from storyprism.ingest.html import extract_html, looks_like_html
from storyprism.ingest.options import IngestOptions
from storyprism.records import Article, Rejected, Source

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml")
_PAGE_RECORDS = ("response", "resource")


def is_warc_head(head: bytes, stream: BinaryIO | None = None) -> bool:
    """True when the first bytes are a WARC (or ARC) header, also inside a gzip member."""
    if head.startswith((b"WARC/", b"filedesc://")):
        return True
    if head[:2] == b"\x1f\x8b" and stream is not None:
        pos = stream.tell()
        try:
            stream.seek(0)
            with gzip.GzipFile(fileobj=stream) as gz:
                inner = gz.read(16)
        except (OSError, EOFError, zlib.error):
            inner = b""
        finally:
            stream.seek(pos)
        return inner.startswith((b"WARC/", b"filedesc://"))
    return False


def read_warc(
    stream: BinaryIO, source: Source, options: IngestOptions, stats: IngestStats
) -> Iterator[Article | Rejected]:
    """Every HTML response (or resource) record as an Article; other records are counted in ``stats``.

    ``max_bytes`` applies to each record, not to the file (a CC-NEWS file is about 1 GB). A file that
    ends mid-record keeps the records read so far and yields one ``Rejected(ref, "truncated-warc")``.
    """
    from warcio.archiveiterator import ArchiveIterator

    stem = source_stem(source)
    index = -1
    end = 0  # offset just past the last complete record
    iterator = ArchiveIterator(stream, arc2warc=True)
    records = iter(iterator)
    try:
        while True:
            with _quiet():
                record = next(records, None)
            if record is None:
                break
            index += 1
            try:
                item = _record(record, index, stem, source, options, stats)
            except (EOFError, zlib.error):
                raise  # the file ends inside this record: handled as truncation below
            except Exception as exc:  # one undecodable record (e.g. an unsupported Content-Encoding)
                item = _failed(record, index, source, exc)
            with _quiet():
                iterator.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The block stopped before its Content-Length: the file ends inside this record.
                yield _truncated(source, index, "inside a record")
                return
            if item is not None:
                yield item
            end = iterator.get_record_offset() + iterator.get_record_length()
    except Exception as exc:  # warcio raises many types on cut or corrupt files
        yield _truncated(source, index + 1, f"in a damaged record ({type(exc).__name__})")
        return
    # A file cut between two records parses cleanly up to the cut; what is left after the last
    # complete record must then be only the blank lines that end a WARC.
    try:
        stream.seek(end)
        rest = stream.read(4096)
    except (OSError, ValueError):
        rest = b""
    if rest.strip(b"\r\n\t "):
        yield _truncated(source, index + 1, "after the last complete record")
    elif iterator.err_count:
        yield Rejected(
            source.ref,
            "damaged-warc",
            f"{iterator.err_count} record(s) did not end where their "
            "Content-Length said; the records were read but some may be cut short or run together. "
            "Fix: re-download the file, or check it with `warcio check`.",
        )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """warcio writes its warnings about damaged records to stderr; they are reported as a Rejected."""
    with contextlib.redirect_stderr(io.StringIO()):
        yield


def _failed(record: ArcWarcRecord, index: int, source: Source, exc: Exception) -> Rejected:
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    encoding = record.http_headers.get_header("Content-Encoding") if record.http_headers is not None else None
    hint = (
        f"its Content-Encoding is {encoding!r}; install the decoder (e.g. pip install brotli for 'br')"
        if encoding and encoding.lower() not in ("identity", "gzip", "deflate")
        else "if the record looks valid, report this as a storyprism bug"
    )
    return Rejected(
        uri or f"{source.ref}#{index}",
        "failed",
        f"Could not read this record ({type(exc).__name__}: {exc}). Fix: {hint}.",
    )


def _truncated(source: Source, read: int, where: str) -> Rejected:
    return Rejected(
        source.ref,
        "truncated-warc",
        f"The WARC file ends {where}; the {read} record(s) before it were "
        "kept. Fix: re-download the file (compare its size or checksum with the original).",
    )


def _record(
    record: ArcWarcRecord, index: int, stem: str, source: Source, options: IngestOptions, stats: IngestStats
) -> Article | Rejected | None:
    if record.rec_type not in _PAGE_RECORDS:
        stats.skipped_records += 1
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    ref = uri or f"{source.ref}#{index}"
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if record.rec_type == "response" and not status.startswith("2"):
            stats.skipped_status += 1
            return None
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in _PAGE_TYPES and not mime.startswith("application/http"):
        stats.skipped_non_html += 1
        return None
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        return Rejected(
            ref,
            "too-large",
            f"This record's page is over the {options.max_bytes:,}-byte limit. "
            "Fix: raise ingest.max_bytes (--max-bytes) if it really is one article.",
        )
    if not payload.strip():
        return Rejected(
            ref, "empty", "The record's page is empty. Fix: nothing to do; the crawler got no body."
        )
    binary = sniff_binary(payload)
    decoded = None if binary else decode_bytes(payload, charset_from_content_type(content_type))
    if decoded is None:
        encoding = (
            record.http_headers.get_header("Content-Encoding") if record.http_headers is not None else None
        )
        if encoding and encoding.lower() not in ("identity", "gzip", "x-gzip", "deflate"):
            return Rejected(
                ref,
                "undecodable",
                f"The page is compressed with Content-Encoding {encoding!r}, "
                "which warcio could not undo. Fix: install its decoder (pip install brotli for 'br').",
            )
        if binary:
            stats.skipped_non_html += 1  # mislabelled media: not a page
            return None
        return Rejected(
            ref,
            "undecodable",
            "No text encoding decodes this page. Fix: none needed unless "
            "the page matters; re-fetch it and save it as UTF-8.",
        )
    if not mime and not looks_like_html(decoded.text):
        stats.skipped_non_html += 1  # no Content-Type and not markup: a feed, a script, plain data
        return None
    page = extract_html(decoded.text, uri, fast=options.html_fast)
    if not has_text(page.text, options.min_html_words):
        return Rejected(
            ref,
            "no-text",
            f"No article text found on this page (fewer than "
            f"{options.min_html_words} words: an index, a paywall or a script-only page). "
            "Fix: nothing to do unless the page is an article.",
        )
    warc_date = record.rec_headers.get_header("WARC-Date")
    article = make_article(
        id=f"{stem}-{index}",
        ref=ref,
        identity=uri or f"{source_identity(source)}#{index}",
        text=page.text,
        source_format="warc",
        options=options,
        title=page.title,
        url=uri or page.url,
        sitename=page.sitename,
        published=page.date,
        author=page.author,
        language=page.language,
        fetched=warc_date,
        description=page.description,
    )
    if article.published is None and article.fetched:
        # Chosen: a page without a stated date takes the crawl day (WARC-Date) as its publication
        # date, flagged as inferred. News crawls (CC-NEWS) fetch from feeds within hours of
        # publication, so the crawl day is usually right and never too early; the flag lets the extract
        # stage prefer a date read off the text and tells readers it is not the publisher's.
        article.published = article.fetched[:10]
        article.published_inferred = True
    return article
