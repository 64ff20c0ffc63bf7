"""Which key of a JSON record (or of Markdown front matter) holds which article field.

Understands news-please output, common generic exports (RSS-to-JSON, NewsAPI, CMS dumps) and
user mappings from ``--field name=dotted.path``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from storyprism.ingest.build import unescape_entities

# storyprism field -> keys tried in order (matched case-insensitively). The first non-empty wins,
# so the more specific keys (news-please ``maintext``) come before generic ones.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("maintext", "text", "body", "content", "articlebody", "article_body", "article_text",
             "full_text", "fulltext", "article", "story"),
    "html": ("html", "raw_html", "rawhtml", "page_html"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "canonical_url", "canonical", "uri", "source_url", "web_url"),
    "published": ("date_publish", "published", "date", "pubdate", "pub_date", "published_at",
                  "publishedat", "publish_date", "publication_date", "datepublished", "date_published",
                  "created_at", "time"),
    "outlet": ("outlet", "source", "site", "source_domain", "publisher", "site_name", "sitename",
               "source_name", "domain", "newspaper"),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "language": ("language", "lang", "locale"),
    "id": ("id", "_id", "article_id", "doc_id", "guid", "uuid"),
    "description": ("description", "summary", "abstract", "lead", "teaser"),
    "fetched": ("date_download", "fetched", "fetched_at", "crawled", "crawled_at", "date_crawled"),
}  # fmt: skip

FIELDS = tuple(ALIASES)


class FieldMapError(ValueError):
    """A ``--field`` mapping names a field storyprism does not know; the message lists the valid ones."""


@dataclass(slots=True)
class RecordFields:
    """The article fields found in one record, as strings (None when absent or empty)."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: Any = None  # left raw: dates.normalise_date understands numbers and datetimes too
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    id: str | None = None
    description: str | None = None
    fetched: Any = None


def check_field_map(field_map: Mapping[str, str]) -> None:
    """Raise FieldMapError for an unknown storyprism field or an empty path."""
    for name, path in field_map.items():
        if name not in ALIASES:
            raise FieldMapError(
                f"--field {name}={path}: unknown field {name!r}. "
                f"Fix: use one of {', '.join(FIELDS)} (e.g. --field text=body.content)."
            )
        if not str(path).strip():
            raise FieldMapError(
                f"--field {name}=: the path is empty. Fix: give a dotted path, e.g. body.text."
            )


def get_path(record: Any, path: str) -> Any:
    """Follow a dotted path ("body.content", "authors.0.name") through dicts and lists; None if absent."""
    current = record
    for part in path.split("."):
        if isinstance(current, Mapping):
            if part in current:
                current = current[part]
                continue
            folded = {str(k).lower(): v for k, v in current.items()}
            if part.lower() not in folded:
                return None
            current = folded[part.lower()]
        elif isinstance(current, list) and part.lstrip("-").isdigit():
            index = int(part)
            if not -len(current) <= index < len(current):
                return None
            current = current[index]
        else:
            return None
    return current


def record_fields(record: Mapping[str, Any], field_map: Mapping[str, str] | None = None) -> RecordFields:
    """The article fields of one JSON object / front-matter mapping."""
    folded = {str(k).lower(): v for k, v in record.items()}
    found = RecordFields()
    for name, keys in ALIASES.items():
        value: Any = None
        if field_map and name in field_map:
            value = get_path(record, field_map[name])
        else:
            for key in keys:
                candidate = folded.get(key)
                if not _empty(candidate):
                    value = candidate
                    break
        if name == "published" or name == "fetched":
            setattr(found, name, None if _empty(value) else value)
        elif name == "html":
            setattr(found, name, _as_text(value, name))
        else:
            setattr(found, name, unescape_entities(_as_text(value, name)))
    return found


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _as_text(value: Any, name: str) -> str | None:
    """A field value as one string: author lists joined, nested objects (NewsAPI's
    ``source: {id, name}``) reduced to their name."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Mapping):
        for key in ("name", "title", "domain", "value", "text", "#text", "href", "url"):
            if key in value:
                return _as_text(value[key], name)
        return None
    if isinstance(value, list):
        parts = [p for p in (_as_text(v, name) for v in value) if p]
        if not parts:
            return None
        sep = "\n\n" if name in ("text", "html", "description") else ", "
        return sep.join(dict.fromkeys(parts)) if name == "author" else sep.join(parts)
    s = str(value).strip()
    return s or None
