"""Options of the ingest stage."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class IngestOptions:
    max_bytes: int = 20 * 1024 * 1024  # items larger than this are rejected as too-large
    # extra JSON field mappings: storyprism field name -> dotted path in the record ("text=body.content")
    field_map: dict[str, str] = field(default_factory=dict)
    default_outlet: str | None = None
    default_language: str | None = None
    # An HTML page whose extracted text has fewer words is an index, paywall or error page, not an
    # article (rejected as no-text). Low on purpose: news briefs of 20-30 words exist.
    min_html_words: int = 10
    # Skip trafilatura's fallback extractors (readability, jusText) on HTML: about 25% faster; the
    # fallbacks rescue pages whose markup defeats the main extractor.
    html_fast: bool = False
