"""MHTML ("Save page as single file" in Chrome/Edge, .mht/.mhtml): the page's HTML part -> article."""

from __future__ import annotations

import re

from storyprism.ingest.html import HtmlResult, extract_html

_MIME_HEAD = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n)*?MIME-Version:", re.I)
_MULTIPART = re.compile(rb"Content-Type:\s*multipart/related", re.I)


def is_mhtml(data: bytes) -> bool:
    """A MIME document (headers first) whose body is multipart/related: the MHTML layout."""
    head = data[:4096]
    return bool(_MIME_HEAD.match(head) or head.lstrip().lower().startswith(b"from:")) and bool(
        _MULTIPART.search(head)
    )


def extract_mhtml(data: bytes, fast: bool = False) -> HtmlResult | None:
    """Extract the first text/html part (the page itself; later parts are its frames and assets).
    None when the document has no HTML part."""
    from email import message_from_bytes, policy

    message = message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() not in ("text/html", "application/xhtml+xml"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        url = part.get("Content-Location") or message.get("Snapshot-Content-Location")
        return extract_html(payload, str(url) if url else None, part.get_content_charset(), fast=fast)
    return None
