"""One Source -> Articles and Rejections: format detection, and the text, Markdown, HTML, MHTML,
JSON and JSON Lines readers (feeds are in ``feeds.py``, WARC in ``warc.py``).

WARC and JSON Lines files are streamed record by record (the size limit applies to each record);
everything else is read whole, after the size check.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Generator, Iterator, Mapping
from typing import Any, BinaryIO

from storyprism.ingest.build import (
    IngestStats,
    has_text,
    make_article,
    safe_text,
    source_identity,
    source_stem,
)
from storyprism.ingest.decode import decode_bytes, sniff_binary
from storyprism.ingest.feeds import body_text, is_feed, read_feed
from storyprism.ingest.fields import RecordFields, record_fields
from storyprism.ingest.html import HtmlResult, extract_html, is_full_page, looks_like_html
from storyprism.ingest.mhtml import extract_mhtml, is_mhtml
from storyprism.ingest.options import IngestOptions
from storyprism.ingest.textfmt import FRONT_MATTER, FrontMatterError, parse_text, split_front_matter
from storyprism.ingest.warc import is_warc_head, read_warc
from storyprism.records import Article, Rejected, Source

_EXT_FORMAT = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html", ".xht": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
}  # fmt: skip
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")  # line splitting on bytes would break these: read whole
# Extensions of files that come along with saved pages or exports but never hold an article.
_NOT_ARTICLES = {
    ".css": "stylesheet", ".js": "script", ".mjs": "script", ".map": "source map", ".svg": "vector image",
    ".ico": "icon", ".csv": "CSV table", ".tsv": "TSV table", ".py": "Python source", ".sh": "shell script",
    ".woff": "font", ".woff2": "font", ".ttf": "font", ".otf": "font", ".eot": "font",
}  # fmt: skip
# Wrapper keys of JSON exports that hold the list of articles ({"articles": [...]}).
_LIST_KEYS = ("articles", "items", "data", "results", "records", "documents", "docs", "entries", "hits")


def read_source(
    source: Source, options: IngestOptions, stats: IngestStats | None = None
) -> Iterator[Article | Rejected]:
    """Every article in one source; every item that cannot be one as a ``Rejected`` with its fix.

    Never raises on bad input: an unexpected error ends this source with ``Rejected(ref, "failed")``.
    Bounded whatever the input: at most ``options.max_records`` items per source, the first
    ``options.max_rejections`` rejections one by one and the rest as one ``more-rejected`` count, and
    article text cut to ``options.max_chars`` (recorded as ``truncated``).
    """
    stats = stats if stats is not None else IngestStats()
    stats.sources += 1
    items = 0
    rejections = 0
    hidden: dict[str, int] = {}
    inner = _read(source, options, stats)
    try:
        for item in inner:
            items += 1
            if items > options.max_records:
                # A small compressed file can unpack into millions of tiny records (a "zip bomb" of
                # JSON lines): stop reading this source, say so, and keep what came before.
                item = Rejected(
                    source.ref,
                    "too-many-records",
                    f"Stopped after {options.max_records:,} records. Fix: split the file, or raise "
                    "ingest.max_records if it really holds that many articles.",
                )
                stats.count(item)
                yield item
                break
            stats.count(item)
            if isinstance(item, Rejected):
                rejections += 1
                if rejections > options.max_rejections:
                    hidden[item.reason] = hidden.get(item.reason, 0) + 1
                    continue
                yield Rejected(safe_text(item.ref), item.reason, safe_text(item.detail))
                continue
            # Cut before handing the article on: the consumer may store it at once.
            note = _truncate(item, options.max_chars) if len(item.text) > options.max_chars else None
            yield item
            if note is not None:
                stats.count(note)
                yield note
    except Exception as exc:  # one bad input must never stop the run
        item = Rejected(
            safe_text(source.ref),
            "failed",
            safe_text(
                f"Unexpected {type(exc).__name__} while reading: {exc}. Fix: check the file; if it "
                "looks valid, report this as a storyprism bug with the file attached."
            ),
        )
        stats.count(item)
        yield item
    finally:
        inner.close()
    if hidden:
        total = sum(hidden.values())
        reasons = ", ".join(f"{reason} {n:,}" for reason, n in sorted(hidden.items()))
        yield Rejected(
            f"{safe_text(source.ref)}#more",
            "more-rejected",
            f"{total:,} more items of this input were rejected ({reasons}); only the first "
            f"{options.max_rejections:,} are listed. Fix: correct the input (the listed ones show "
            "what is wrong) or raise ingest.max_rejections to list them all.",
        )


def _truncate(article: Article, limit: int) -> Rejected:
    """Cut an over-long article to its first ``limit`` characters (at a paragraph or word break) and
    say so. Every later stage costs time and memory per character (a 2.5 MB "article" once ran
    analysis past ten minutes); no real news article comes near the default limit."""
    text = article.text
    cut = text.rfind("\n", limit // 2, limit)
    if cut < 0:
        cut = text.rfind(" ", limit // 2, limit)
    cut = cut if cut > 0 else limit
    original = len(text)
    article.text = text[:cut].rstrip()
    article.raw_text = article.text
    return Rejected(
        article.ref,
        "truncated",
        f"The article was kept, but only its first {len(article.text):,} of {original:,} characters "
        "are analysed. Fix: raise ingest.max_chars if this really is one article.",
    )


def _read(
    source: Source, options: IngestOptions, stats: IngestStats
) -> Generator[Article | Rejected, None, None]:
    ref = source.ref
    name = (source.path or "").lower()
    if source.data is not None:
        if len(source.data) > options.max_bytes:
            yield _too_large(ref, len(source.data), options)
            return
        stream: BinaryIO = io.BytesIO(source.data)
    else:
        opened = _open(source, options)
        if isinstance(opened, Rejected):
            yield opened
            return
        stream = opened
    with stream:
        head = stream.read(64)
        stream.seek(0)
        if is_warc_head(head, stream):
            yield from read_warc(stream, source, options, stats)
            return
        if name.endswith((".warc", ".warc.gz", ".warc.gzip")):
            if not head.strip():
                yield Rejected(ref, "empty", "The WARC file is empty. Fix: re-download it.")
            else:
                yield Rejected(
                    ref,
                    "truncated-warc",
                    "The file is named .warc but does not start with a "
                    "complete WARC record (cut before the first record, or not a WARC file). "
                    "Fix: re-download it, or rename it if it is another format.",
                )
            return
        base = name.removesuffix(".gz").removesuffix(".gzip")
        if base.endswith((".jsonl", ".ndjson", ".jsonlines")) and not head.startswith(_UTF16_32_BOMS):
            # Streamed line by line: a JSON Lines dump can be far larger than any one article, so the
            # size limit applies to each line, as it does to each WARC record.
            yield from _stream_jsonl(stream, source, options, gz=head[:2] == b"\x1f\x8b")
            return
        size = os.fstat(stream.fileno()).st_size if source.data is None else len(source.data)
        if size > options.max_bytes:
            yield _too_large(ref, size, options)
            return
        data = stream.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data, options.max_bytes)
        except ValueError:
            yield _too_large(ref, None, options, unpacked=True)
            return
        except (OSError, EOFError, zlib.error) as exc:
            yield Rejected(
                ref, "undecodable", f"Corrupt gzip data ({exc}). Fix: re-download or re-compress it."
            )
            return
        name = name.removesuffix(".gz").removesuffix(".gzip")
    yield from read_bytes(data, source, options, name)


def _open(source: Source, options: IngestOptions) -> BinaryIO | Rejected:
    ref, path = source.ref, source.path or source.ref
    try:
        if os.path.isdir(path):
            return Rejected(ref, "unreadable", f"{ref!r} is a folder. Fix: give the folder to list_sources.")
        if not os.path.isfile(path):
            if os.path.exists(path):
                return Rejected(
                    ref,
                    "unreadable",
                    f"{ref!r} is not a regular file (a device or a pipe). "
                    "Fix: pipe it to storyprism as '-' instead.",
                )
            return Rejected(ref, "not-found", f"{ref!r} does not exist (any more). Fix: check the path.")
        size = os.path.getsize(path)
        if size > options.max_bytes and not _streamed(path.lower()):
            # Checked before opening, so a huge file is never read. WARC and JSON Lines files are
            # streamed, and the limit applies to each record instead.
            with open(path, "rb") as f:
                if not is_warc_head(f.read(64), f):
                    return _too_large(ref, size, options)
        return open(path, "rb")
    except PermissionError:
        return Rejected(
            ref,
            "unreadable",
            f"Permission denied reading {path}. "
            "Fix: make it readable (chmod a+r) or run as a user who can read it.",
        )
    except FileNotFoundError:
        return Rejected(ref, "not-found", f"{ref!r} does not exist (any more). Fix: check the path.")
    except OSError as exc:
        return Rejected(ref, "unreadable", f"Cannot read {path}: {exc.strerror or exc}. Fix: check the file.")


def _streamed(name: str) -> bool:
    base = name.removesuffix(".gz").removesuffix(".gzip")
    return base.endswith((".warc", ".jsonl", ".ndjson", ".jsonlines"))


def _too_large(ref: str, size: int | None, options: IngestOptions, unpacked: bool = False) -> Rejected:
    what = "Unpacked, it is" if unpacked else f"It is {size:,} bytes," if size is not None else "It is"
    if ref.lower().removesuffix(".gz").endswith(".json"):
        # A big JSON list is an export of many articles: as JSON Lines it is streamed record by record.
        fix = "convert it to JSON Lines, which is read line by line (jq -c '.[]' in.json > out.jsonl)"
    else:
        fix = "raise ingest.max_bytes (--max-bytes) if it really is one article, or split the file"
    return Rejected(ref, "too-large", f"{what} over the {options.max_bytes:,}-byte limit. Fix: {fix}.")


def _gunzip(data: bytes, limit: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        out = gz.read(limit + 1)
    if len(out) > limit:
        raise ValueError("too large")
    return out


def read_bytes(
    data: bytes, source: Source, options: IngestOptions, name: str = ""
) -> Iterator[Article | Rejected]:
    """Articles from the whole content of a non-WARC source; ``name`` (lower-case) gives the extension."""
    ref = source.ref
    if not data.strip():
        yield Rejected(
            ref, "empty", "The file is empty or holds only whitespace. Fix: remove it or re-save it."
        )
        return
    binary = sniff_binary(data)
    if binary:
        yield Rejected(
            ref,
            "binary",
            f"This is a {binary}, not article text. "
            "Fix: convert it to text/HTML first (e.g. pdftotext), or leave it out of the inputs.",
        )
        return
    ext = os.path.splitext(name)[1]
    if ext in _NOT_ARTICLES:
        # Saved pages bring their stylesheets and scripts along ("page_files/"); read as text they
        # would become nonsense articles.
        yield Rejected(
            ref,
            "unsupported",
            f"A {_NOT_ARTICLES[ext]} file is not an article. Fix: leave it out "
            "of the inputs (or convert it to JSON Lines if it holds articles).",
        )
        return
    if ext in (".mht", ".mhtml") or is_mhtml(data):
        page = extract_mhtml(data, fast=options.html_fast)
        yield _html_article(page, source, options, "mhtml")
        return
    decoded = decode_bytes(data)
    if decoded is None:
        yield Rejected(
            ref,
            "undecodable",
            "No text encoding decodes it into readable text. "
            "Fix: re-save it as UTF-8 (e.g. iconv -f OLD -t UTF-8), or declare its charset.",
        )
        return
    text = decoded.text
    if not text.strip():
        yield Rejected(ref, "empty", "The file holds only whitespace. Fix: remove it or re-save it.")
        return
    fmt = detect_format(text, name)
    if fmt in ("json", "jsonl"):
        yield from _read_json(text, source, options, fmt)
    elif fmt == "html":
        yield _html_article(extract_html(text, fast=options.html_fast), source, options, "html")
    elif fmt == "feed":
        yield from read_feed(text, source, options)
    else:
        yield _text_article(text, source, options, fmt)


def detect_format(text: str, name: str = "") -> str:
    """text | markdown | html | json | jsonl | feed, from the extension and the content.

    Strong content signals win over the extension (a ``.txt`` holding a saved page is HTML);
    without an extension we go by content alone.
    """
    _, ext = os.path.splitext(name)
    by_ext = _EXT_FORMAT.get(ext)
    head = text[:2000].lstrip("\ufeff \t\r\n")
    if by_ext in ("json", "jsonl") or (by_ext is None and head[:1] in ("{", "[")):
        return by_ext or ("jsonl" if _looks_like_jsonl(text) else "json")
    if by_ext in (None, "text", "feed", "xml") and head.startswith("<") and is_feed(head):
        return "feed"
    if by_ext == "xml":
        by_ext = None  # XML that is not a feed: judge by content (XHTML, or text)
    if by_ext == "html" or (looks_like_html(text) and _is_page(head)):
        return "html"
    if by_ext is None and looks_like_html(text):
        return "html"
    if by_ext:
        return by_ext
    return "markdown" if FRONT_MATTER.match(text) or head.startswith("# ") else "text"


def _is_page(head: str) -> bool:
    low = head[:300].lower()
    return low.startswith(("<!doctype html", "<html", "<?xml")) or "<head" in low


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text[:20000].splitlines() if line.strip()]
    return (
        len(lines) > 1
        and all(line.lstrip().startswith("{") for line in lines[:5])
        and _first_line_parses(lines)
    )


def _first_line_parses(lines: list[str]) -> bool:
    try:
        return isinstance(json.loads(lines[0]), dict)
    except (ValueError, RecursionError):
        return False


# --------------------------------------------------------------------------- text and Markdown


def _text_article(text: str, source: Source, options: IngestOptions, fmt: str) -> Article | Rejected:
    ref = source.ref
    try:
        meta, text = split_front_matter(text)
    except FrontMatterError as exc:
        return Rejected(ref, "malformed-front-matter", str(exc))
    fields = record_fields(meta, None) if meta else RecordFields()
    markdown = fmt == "markdown" or bool(meta)
    doc = parse_text(text, markdown, fields.title)
    if not has_text(doc.body):
        return Rejected(
            ref,
            "no-text",
            "There is a headline but no body text under it. "
            "Fix: check the file; the first non-empty line is read as the headline.",
        )
    return make_article(
        id=fields.id or source_stem(source),
        ref=ref,
        identity=source_identity(source),
        text=doc.body,
        source_format="markdown" if markdown else "text",
        options=options,
        title=doc.title,
        url=fields.url,
        outlet=fields.outlet,
        published=fields.published,
        author=fields.author,
        language=fields.language,
        fetched=fields.fetched,
        description=fields.description,
    )


# --------------------------------------------------------------------------- HTML


def _html_article(
    result: HtmlResult | None, source: Source, options: IngestOptions, fmt: str
) -> Article | Rejected:
    if result is None:
        return Rejected(
            source.ref,
            "no-text",
            "This saved page holds no HTML part. Fix: save the page again (as HTML or a single-file .mhtml).",
        )
    if not has_text(result.text, options.min_html_words):
        return Rejected(
            source.ref,
            "no-text",
            f"No article text found on this page (fewer than "
            f"{options.min_html_words} words: an index page, a paywall or a script-only page?). "
            "Fix: save the page after it has rendered, or leave it out.",
        )
    return make_article(
        id=source_stem(source),
        ref=source.ref,
        identity=source_identity(source),
        text=result.text,
        source_format=fmt,
        options=options,
        title=result.title,
        url=result.url,
        sitename=result.sitename,
        published=result.date,
        author=result.author,
        language=result.language,
        description=result.description,
    )


# --------------------------------------------------------------------------- JSON / JSON Lines


def _read_json(text: str, source: Source, options: IngestOptions, fmt: str) -> Iterator[Article | Rejected]:
    ref = source.ref
    if fmt == "json":
        try:
            doc = json.loads(text)
        except RecursionError:
            yield Rejected(ref, "malformed-json", "The JSON is nested too deeply to read. Fix: flatten it.")
            return
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and _looks_like_jsonl(text):
                fmt = "jsonl"  # a .json file holding JSON Lines
            else:
                yield Rejected(
                    ref,
                    "malformed-json",
                    f"Invalid JSON at line {exc.lineno}, column {exc.colno}: "
                    f"{exc.msg}. Fix: correct the file (python -m json.tool shows where).",
                )
                return
        if fmt == "json":
            yield from _json_document(doc, source, options)
            return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _jsonl_line(line, lineno, source, options)


def _jsonl_line(line: str, lineno: int, source: Source, options: IngestOptions) -> Article | Rejected:
    where = f"{source.ref}#{lineno}"
    try:
        record = json.loads(line)
    except RecursionError:
        return Rejected(
            where,
            "malformed-json",
            f"Line {lineno} is nested too deeply to read. Fix: flatten or delete that line; the other lines were read.",
        )
    except json.JSONDecodeError as exc:
        return Rejected(
            where,
            "malformed-json",
            f"Line {lineno} is not valid JSON: {exc.msg} "
            f"(column {exc.colno}). Fix: correct or delete that line; the other lines were read.",
        )
    if not isinstance(record, dict):
        return Rejected(
            where,
            "malformed-json",
            f"Line {lineno} holds a JSON {type(record).__name__}, "
            "not an object. Fix: one JSON object per line.",
        )
    return _json_record(record, source, options, "jsonl", str(lineno), f"{source_stem(source)}-{lineno}")


def _stream_jsonl(
    stream: BinaryIO, source: Source, options: IngestOptions, gz: bool
) -> Iterator[Article | Rejected]:
    ref, limit = source.ref, options.max_bytes
    reader: BinaryIO = gzip.GzipFile(fileobj=stream) if gz else stream  # type: ignore[assignment]
    lineno = 0
    unpacked = 0  # bytes read (after gunzip): bounded, so a small .gz cannot expand without end
    seen_text = False
    while True:
        try:
            raw = reader.readline(limit + 1)
            if len(raw) > limit and not raw.endswith(b"\n"):
                unpacked += len(raw)
                # skip the rest of the over-long line without holding it (and within the byte bound)
                while unpacked <= options.max_unpacked_bytes and (rest := reader.readline(1 << 20)):
                    unpacked += len(rest)
                    if rest.endswith(b"\n"):
                        break
                if unpacked > options.max_unpacked_bytes:
                    yield Rejected(
                        ref,
                        "too-large",
                        f"Stopped after {options.max_unpacked_bytes:,} bytes, inside line {lineno + 1}; the "
                        "lines before were read. Fix: split the file, or raise ingest.max_unpacked_bytes.",
                    )
                    return
                lineno += 1
                seen_text = True  # the file is not empty: this line is rejected on its own
                yield Rejected(
                    f"{ref}#{lineno}",
                    "too-large",
                    f"Line {lineno} is over the {limit:,}-byte "
                    "limit. Fix: raise ingest.max_bytes (--max-bytes) if it really is one article.",
                )
                continue
        except (OSError, EOFError, zlib.error) as exc:
            yield Rejected(
                ref,
                "undecodable",
                f"The gzip data is corrupt after line {lineno} ({exc}); the "
                "lines before were read. Fix: re-download or re-compress the file.",
            )
            return
        if not raw:
            break
        unpacked += len(raw)
        if unpacked > options.max_unpacked_bytes:
            yield Rejected(
                ref,
                "too-large",
                f"Stopped after {options.max_unpacked_bytes:,} bytes of lines (line {lineno}); the lines "
                "before were read. Fix: split the file, or raise ingest.max_unpacked_bytes.",
            )
            return
        lineno += 1
        if not raw.strip():
            continue
        if not seen_text:
            seen_text = True
            binary = sniff_binary(raw)
            if binary:
                yield Rejected(
                    ref,
                    "binary",
                    f"This is a {binary}, not JSON Lines. "
                    "Fix: leave it out of the inputs, or give it the right extension.",
                )
                return
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")  # JSON Lines is UTF-8 by definition
        except UnicodeDecodeError:
            decoded = decode_bytes(raw)
            if decoded is None:
                yield Rejected(
                    f"{ref}#{lineno}",
                    "undecodable",
                    f"Line {lineno} is not UTF-8 text. Fix: re-save the file as UTF-8.",
                )
                continue
            line = decoded.text
        yield _jsonl_line(line, lineno, source, options)
    if not seen_text:
        yield Rejected(
            ref, "empty", "The file is empty or holds only whitespace. Fix: remove it or re-save it."
        )


def _json_document(doc: Any, source: Source, options: IngestOptions) -> Iterator[Article | Rejected]:
    ref = source.ref
    if isinstance(doc, dict) and not _has_body(doc, options):
        for key in _LIST_KEYS:  # a wrapper such as {"status": "ok", "articles": [...]}
            inner = next((v for k, v in doc.items() if str(k).lower() == key), None)
            if isinstance(inner, list):
                doc = inner
                break
    if isinstance(doc, dict):
        yield _json_record(doc, source, options, "json", None, source_stem(source))
        return
    if not isinstance(doc, list):
        yield Rejected(
            ref,
            "malformed-json",
            f"The JSON holds a {type(doc).__name__}, not an article object "
            "or a list of them. Fix: give an object, a list of objects, or JSON Lines.",
        )
        return
    if not doc:
        yield Rejected(ref, "empty", "The JSON list is empty. Fix: remove the file or fill it.")
    for index, record in enumerate(doc):
        if not isinstance(record, dict):
            yield Rejected(
                f"{ref}#{index}",
                "malformed-json",
                f"Item {index} of the list is a "
                f"{type(record).__name__}, not an object. Fix: make every item an article object.",
            )
            continue
        yield _json_record(record, source, options, "json", str(index), f"{source_stem(source)}-{index}")


def _has_body(record: Mapping[str, Any], options: IngestOptions) -> bool:
    f = record_fields(record, options.field_map)
    return bool(f.text or f.html or f.description)


def _json_record(
    record: Mapping[str, Any],
    source: Source,
    options: IngestOptions,
    fmt: str,
    position: str | None,
    default_id: str,
) -> Article | Rejected:
    """One record -> Article. ``position`` is the line number (JSONL) or list index (JSON array),
    None for a file that is one object."""
    f = record_fields(record, options.field_map)
    ref = (
        f"{source.ref}#{f.id}" if f.id else f"{source.ref}#{position}" if position is not None else source.ref
    )
    suffix = f"#{f.id}" if f.id else f"#{position}" if position is not None else ""
    for name in ("text", "html"):
        if name in options.field_map and getattr(f, name) is None:
            # The user said where the body is; using another field instead (the description) would
            # silently swap an article for its lead.
            keys = ", ".join(sorted(str(k) for k in record)[:12])
            return Rejected(
                ref,
                "no-text",
                f"--field {name}={options.field_map[name]} matches nothing in this record (keys: {keys}). "
                "Fix: correct the dotted path, or leave out --field to use the usual field names.",
            )
    identity = source_identity(source) + suffix
    title, url, sitename, published, author, language = (
        f.title,
        f.url,
        None,
        f.published,
        f.author,
        f.language,
    )
    body = f.text
    # Text extracted from a whole page must reach the HTML word minimum (an index page is not an article).
    min_words = options.min_html_words if is_full_page(body or f.html or "") else 1
    if body and looks_like_html(body):
        body = body_text(body, url)  # a body field is the article already: markup to text only
    elif not body and f.html:
        # A raw page saved beside the metadata: extract the article and fill what the record lacks.
        page = extract_html(f.html, url, fast=options.html_fast)
        body = page.text
        title = title or page.title
        url = url or page.url
        sitename = page.sitename
        published = published or page.date
        author = author or page.author
        language = language or page.language
    if not has_text(body, min_words) and f.description:
        # news-please leaves maintext empty when its extractor failed; the description (the lead)
        # is then the only text there is, and an article known by its lead beats a lost article.
        body, min_words = f.description, 1
    if not has_text(body, min_words):
        keys = ", ".join(sorted(str(k) for k in record)[:12])
        return Rejected(
            ref,
            "no-text",
            f"The record has no article text (keys: {keys}). "
            "Fix: name the field holding the body with --field text=PATH (e.g. text=body.content).",
        )
    return make_article(
        id=f.id or default_id,
        ref=ref,
        identity=identity,
        text=body or "",
        source_format=fmt,
        options=options,
        title=title,
        url=url,
        outlet=f.outlet,
        sitename=sitename,
        published=published,
        author=author,
        language=language,
        fetched=f.fetched,
        description=f.description,
    )
