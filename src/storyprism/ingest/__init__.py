"""storyprism ingest stage: files, folders, globs and stdin -> Article | Rejected.

Formats, detected by content and extension (``.gz`` files are unpacked): plain text, Markdown (YAML
front matter), HTML (trafilatura), MHTML single-file pages, JSON / JSON Lines (news-please, NewsAPI and generic exports,
``--field name=dotted.path`` mappings), RSS / Atom feeds, WARC / WARC.gz (streamed). Every input
item ends as an ``Article`` (raw body in ``text`` and ``raw_text``) or a ``Rejected`` whose
``reason`` is one of ``REJECTION_REASONS`` and whose ``detail`` says the fix. See ``read_inputs``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from storyprism.ingest.build import REJECTION_REASONS, IngestStats
from storyprism.ingest.dates import normalise_date
from storyprism.ingest.fields import FieldMapError, check_field_map
from storyprism.ingest.html import HtmlResult, extract_html
from storyprism.ingest.options import IngestOptions
from storyprism.ingest.readers import detect_format, read_source
from storyprism.ingest.sources import list_sources
from storyprism.records import Article, Rejected, Source

__all__ = [
    "REJECTION_REASONS",
    "FieldMapError",
    "HtmlResult",
    "IngestOptions",
    "IngestStats",
    "check_field_map",
    "detect_format",
    "extract_html",
    "list_sources",
    "normalise_date",
    "read_inputs",
    "read_source",
]


def read_inputs(
    inputs: Sequence[str],
    options: IngestOptions,
    stdin: BinaryIO | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Article | Rejected]:
    """``list_sources`` then ``read_source`` on each: every article of every input, and every item
    that could not be one as a ``Rejected`` (reason code + the fix). ``stats`` is filled as it goes."""
    stats = stats if stats is not None else IngestStats()
    for item in list_sources(inputs, options, stdin):
        if isinstance(item, Source):
            yield from read_source(item, options, stats)
        else:
            stats.count(item)
            yield item
