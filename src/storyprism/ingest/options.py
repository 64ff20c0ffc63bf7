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
