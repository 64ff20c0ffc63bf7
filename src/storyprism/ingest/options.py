"""Options of the ingest stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def bounded(default: Any, lo: float | None, hi: float | None = None) -> Any:
    """A numeric option with its allowed range ``lo..hi`` (None: unbounded), declared beside it and
    checked by ``storyprism.options`` before anything runs."""
    return field(default=default, metadata={"range": (lo, hi)})


@dataclass(slots=True)
class IngestOptions:
    max_bytes: int = bounded(20 * 1024 * 1024, 1)  # items larger than this are rejected as too-large
    # Bounds per source, so a small hostile input cannot grow without end (a 437-byte .jsonl.gz once
    # became 200,000 rejection rows): items read, bytes unpacked from a compressed stream, and
    # rejections listed one by one (the rest are stored as one count).
    max_records: int = bounded(1_000_000, 1)
    max_unpacked_bytes: int = bounded(4 * 1024 * 1024 * 1024, 1)
    max_rejections: int = bounded(1000, 0)
    # Characters of one article's text that are analysed (the rest is cut, with a "truncated"
    # record). Long-form news runs to ~15,000 words (~100,000 characters); analysis cost grows with
    # the text, so one giant "article" must not dominate a run.
    max_chars: int = bounded(200_000, 1000)
    # extra JSON field mappings: storyprism field name -> dotted path in the record ("text=body.content")
    field_map: dict[str, str] = field(default_factory=dict)
    default_outlet: str | None = None
    default_language: str | None = None
    # An HTML page whose extracted text has fewer words is an index, paywall or error page, not an
    # article (rejected as no-text). Low on purpose: news briefs of 20-30 words exist.
    min_html_words: int = bounded(10, 0, 100_000)
    # Skip trafilatura's fallback extractors (readability, jusText) on HTML: about 25% faster; the
    # fallbacks rescue pages whose markup defeats the main extractor.
    html_fast: bool = False
