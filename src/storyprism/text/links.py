"""Which stored URLs may become links in a page storyprism writes (the report, the web app)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: Any) -> str | None:
    """The URL if it is an http(s) link with a host, else None (never a link).

    Browsers drop ASCII tabs, newlines and leading spaces/control characters before reading the
    scheme ("java\\tscript:" runs as javascript:), so the check is made on the URL with them removed,
    and that cleaned URL is what the page links to.
    """
    if not isinstance(url, str):
        return None
    cleaned = _CONTROL.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return cleaned
