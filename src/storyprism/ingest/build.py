"""Shared pieces of the readers: the run's counters, Article construction, outlet from a URL."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from storyprism.ingest.dates import normalise_date
from storyprism.ingest.options import IngestOptions
from storyprism.records import Article, Rejected, Source
from storyprism.text.unicode import safe_text

# Double extensions that belong together; the stem of "x.warc.gz" is "x", not "x.warc".
_COMPRESSED = (".gz", ".gzip")


# Every reason code a Rejected from this stage can carry, and what it means. Codes are stable:
# stores, reports and scripts key on them.
REJECTION_REASONS: dict[str, str] = {
    "not-found": "the path or pattern names no file",
    "unreadable": "permission denied, or not a regular file",
    "too-large": "over ingest.max_bytes (a whole file, or one WARC record / JSON line)",
    "empty": "empty or whitespace-only",
    "binary": "a binary file (NUL bytes, or PDF/image/archive/executable magic)",
    "unsupported": "a file type that never holds an article (stylesheet, script, font, CSV...)",
    "undecodable": "no text encoding (BOM, declared, detected) yields readable text; or corrupt gzip",
    "malformed-json": "a JSON document, a JSON line or a list item that does not parse or is not an object",
    "malformed-front-matter": "Markdown/text YAML front matter that does not parse",
    "malformed-feed": "an RSS/Atom feed whose XML does not parse",
    "no-text": "no article body (a record without text, an index page, a headline alone)",
    "truncated-warc": "a WARC file that ends inside a record (the records before it are kept)",
    "damaged-warc": "WARC records whose Content-Length is wrong (the records are kept)",
    "bad-option": "a --field mapping naming an unknown field (the run goes on without it)",
    "too-many-records": "a source with over ingest.max_records items (the items before are kept)",
    "more-rejected": "the count of a source's rejections past ingest.max_rejections (not listed one by one)",
    "truncated": "not a loss: the article is kept, its text cut to ingest.max_chars characters",
    "failed": "an unexpected error while reading this input (a bug: please report it)",
}


@dataclass(slots=True)
class IngestStats:
    """What an ingest run saw besides articles and rejections. Pass one to ``read_source`` /
    ``read_inputs`` and read it afterwards (the iterators fill it as they go)."""

    sources: int = 0
    articles: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # reason -> count
    formats: dict[str, int] = field(default_factory=dict)  # source_format -> articles
    skipped_non_html: int = 0  # WARC response/resource records whose payload is not an HTML page
    skipped_records: int = 0  # WARC records that hold no page: warcinfo, request, metadata, revisit
    skipped_status: int = 0  # WARC responses with a non-2xx HTTP status (redirects, errors)

    def count(self, item: Article | Rejected) -> None:
        if isinstance(item, Article):
            self.articles += 1
            self.formats[item.source_format] = self.formats.get(item.source_format, 0) + 1
        else:
            self.rejected[item.reason] = self.rejected.get(item.reason, 0) + 1


def source_stem(source: Source) -> str:
    """The file name without its format extensions ("a/b/x.warc.gz" -> "x"); "stdin" for stdin."""
    if source.path is None:
        return "stdin"
    name = os.path.basename(source.path)
    low = name.lower()
    for ext in _COMPRESSED:
        if low.endswith(ext) and len(name) > len(ext):
            name = name[: -len(ext)]
            break
    stem, dot, _ = name.rpartition(".")
    return safe_text(stem if dot and stem else name)


def source_identity(source: Source) -> str:
    """What identifies a source across runs: its absolute path, or a content hash for stdin."""
    if source.path is not None:
        return safe_text(source.path)
    digest = hashlib.sha1(source.data or b"").hexdigest()[:16]
    return f"stdin:{digest}"


@lru_cache(maxsize=1)
def _extractor() -> Any:
    import tldextract

    # The bundled public-suffix snapshot only: never fetch the list over the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def domain_of(url: str | None) -> str | None:
    """The registered domain of a URL ("https://www.bbc.co.uk/news" -> "bbc.co.uk"), or None."""
    if not url or "." not in url:
        return None
    try:
        parts = _extractor()(url)
    except Exception:  # a malformed URL just has no domain
        return None
    domain = getattr(parts, "top_domain_under_public_suffix", None)
    if domain is None:  # tldextract < 5.3 names it registered_domain
        domain = parts.registered_domain
    return domain.lower() if domain else None


def make_article(
    *,
    id: str,
    ref: str,
    identity: str,
    text: str,
    source_format: str,
    options: IngestOptions,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    sitename: str | None = None,
    published: object = None,
    author: str | None = None,
    language: str | None = None,
    fetched: object = None,
    description: str | None = None,
) -> Article:
    """An Article with the fallbacks every format shares (title, outlet, language, dates)."""
    # Every string must be storable: lone surrogates (undecodable file names, "\\udXXX" in JSON)
    # become visible escapes instead of an encoding error at store time.
    id, ref, identity, text = safe_text(id), safe_text(ref), safe_text(identity), safe_text(text)
    title, url, outlet = _opt_safe(title), _opt_safe(url), _opt_safe(outlet)
    sitename, author, language = _opt_safe(sitename), _opt_safe(author), _opt_safe(language)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n ")  # one newline convention
    title = " ".join((title or "").split())
    # No headline in the metadata: the body's first line stands in (and stays in the body too).
    title = strip_site_suffix(title, outlet or sitename, url) if title else _title_from_text(text)
    url = url.strip() if url else None
    description = " ".join((_opt_safe(description) or "").split()) or None
    return Article(
        id=id,
        ref=ref,
        title=title,
        text=text,
        raw_text=text,
        outlet=_outlet_name(outlet) or sitename or domain_of(url) or options.default_outlet,
        url=url or None,
        published=normalise_date(published),
        language=_language_code(language) or options.default_language,
        author=author or None,
        fetched=normalise_date(fetched),
        description=description,
        source_format=source_format,
        identity=url or identity,
    )


def _opt_safe(value: str | None) -> str | None:
    return None if value is None else safe_text(value)


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|•|·|»)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def strip_site_suffix(title: str, site: str | None, url: str | None) -> str:
    """Drop a site-name suffix: "Headline | Site" -> "Headline" when the last part names the site.

    The site is recognised by its name or its domain.

    Page titles carry the site's name; the same story from two outlets should have comparable
    headlines, and the outlet is a separate field anyway.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = {_squash(site)} if site else set()
    domain = domain_of(url)
    if domain:
        names.add(_squash(domain))
        names.add(_squash(domain.split(".")[0]))
    names.discard("")
    last = _squash(parts[-1])
    if last and any(last == n or (len(last) >= 4 and (last in n or n in last)) for n in names):
        head = title[: title.rfind(parts[-1])].rstrip(" |-–—:•·»")
        if len(head.split()) >= 2:
            return head
    return title


def _squash(value: str | None) -> str:
    return "".join(ch for ch in (value or "").lower() if ch.isalnum())


def _title_from_text(text: str) -> str:
    """A stand-in headline: the first line, cut to its first sentence or 20 words when it is long."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first.split()
    if len(words) <= 20:
        return first
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    if len(sentence.split()) <= 30:
        return sentence
    return " ".join(words[:20]) + "…"


def _outlet_name(outlet: str | None) -> str | None:
    """An explicit outlet as given, except that a host name loses its "www." (news-please's
    ``source_domain`` is "www.nytimes.com" where a URL gives "nytimes.com")."""
    if not outlet:
        return None
    outlet = outlet.strip()
    if " " not in outlet and outlet.lower().startswith("www.") and outlet.count(".") >= 2:
        return outlet[4:].lower()
    return outlet or None


def _language_code(language: str | None) -> str | None:
    """The primary language subtag, lower-case ("en-GB" -> "en"): what the stages filter on."""
    if not language:
        return None
    code = language.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 8 else None


_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*[\s/>]")


def unescape_entities(value: str | None) -> str | None:
    """Plain text that still carries HTML entities ("Putin&#8217;s", "AT&amp;T") -> the characters.

    Feeds and JSON exports often escape twice. Markup is left alone: the HTML extractor decodes it.
    """
    if not value or "&" not in value or not _ENTITY.search(value) or _MARKUP.search(value):
        return value
    import html

    return html.unescape(value)


def has_text(text: str | None, min_words: int = 1) -> bool:
    """Body text with at least ``min_words`` words with a letter or digit (punctuation is not text)."""
    if not text:
        return False
    if min_words <= 1:
        return any(ch.isalnum() for ch in text)
    words = 0
    for token in text.split():
        if any(ch.isalnum() for ch in token):
            words += 1
            if words >= min_words:
                return True
    return False
