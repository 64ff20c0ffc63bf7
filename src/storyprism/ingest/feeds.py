"""RSS 2.0 / RSS 1.0 (RDF) / Atom feeds saved to disk -> one article per item or entry."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from storyprism.ingest.build import has_text, make_article, source_identity, source_stem, unescape_entities
from storyprism.ingest.html import extract_html, fragment_text, is_full_page, looks_like_html
from storyprism.ingest.options import IngestOptions
from storyprism.records import Article, Rejected, Source

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_FEED_ROOT = re.compile(r"<(?:\w+:)?(rss|feed|RDF)[\s>]", re.I)
# Child elements by local name, in order of preference. Full content before summaries.
_BODY = ("encoded", "content", "description", "summary", "abstract")
_DATES = ("pubDate", "published", "date", "issued", "created", "updated", "modified")
_AUTHORS = ("creator", "author", "contributor")


def is_feed(text: str) -> bool:
    """True when the document's root element is an RSS, RDF or Atom feed."""
    head = _XML_DECL.sub("", text[:4000], count=1)
    head = re.sub(r"<!--.*?-->|<!DOCTYPE[^>]*>|<\?[^>]*\?>", "", head, flags=re.S).lstrip()
    m = _FEED_ROOT.match(head)
    return m is not None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for child in el:
        out.setdefault(_local(child.tag), []).append(child)
    return out


def _text(el: Any) -> str | None:
    if el is None:
        return None
    if _local(el.tag) == "author" and len(el):  # Atom: <author><name>..</name></author>
        for child in el:
            if _local(child.tag) == "name" and child.text:
                return child.text.strip()
    if (el.get("type") or "").lower() == "xhtml" and len(el):  # Atom inline XHTML content
        from lxml import etree

        return "".join(etree.tostring(c, encoding="unicode") for c in el).strip() or None
    value = "".join(el.itertext()).strip()
    return value or None


def _first(kids: dict[str, list[Any]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for el in kids.get(name, []):
            value = _text(el)
            if value:
                return unescape_entities(value)  # feeds often escape entities twice
    return None


def _link(kids: dict[str, list[Any]]) -> str | None:
    for el in kids.get("link", []):
        href = el.get("href")
        if href and (el.get("rel") or "alternate") == "alternate":
            return href.strip()
        if not href and el.text and el.text.strip():
            return el.text.strip()
    for el in kids.get("guid", []):
        if (el.get("isPermaLink") or "true").lower() == "true" and (el.text or "").startswith("http"):
            return el.text.strip()
    return None


def body_text(value: str, url: str | None) -> str:
    """A feed's or a record's body field as text: a whole page goes through the article extractor;
    a fragment (the usual case: it is the article already) is only converted to text."""
    if not looks_like_html(value):
        return value
    if is_full_page(value):
        return extract_html(value, url).text  # "" when the page holds no article: rejected as no-text
    return fragment_text(value)


def read_feed(text: str, source: Source, options: IngestOptions) -> Iterator[Article | Rejected]:
    """Every item (RSS) or entry (Atom) of a feed document as an Article."""
    from lxml import etree

    ref = source.ref
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(_XML_DECL.sub("", text, count=1).encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        yield Rejected(
            ref, "malformed-feed", f"The feed's XML does not parse ({exc}). Fix: re-save the feed."
        )
        return
    if root is None:
        yield Rejected(ref, "malformed-feed", "The feed's XML does not parse. Fix: re-save the feed.")
        return
    channel = next((el for el in root.iter() if _local(el.tag) == "channel"), root)
    channel_kids = _children(channel)
    site = _first(channel_kids, ("title",))
    language = _first(channel_kids, ("language",)) or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    items = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not items:
        yield Rejected(ref, "no-text", "The feed has no items. Fix: nothing to do unless you expected some.")
        return
    stem, identity = source_stem(source), source_identity(source)
    for index, item in enumerate(items):
        kids = _children(item)
        url = _link(kids)
        where = f"{ref}#{index}"
        raw_body = _first(kids, _BODY)
        body = body_text(raw_body, url) if raw_body else ""
        if not has_text(body):
            yield Rejected(
                where,
                "no-text",
                "This feed item has no text (no content, description or summary). "
                "Fix: ingest the linked pages instead (save them as HTML or a WARC).",
            )
            continue
        yield make_article(
            id=f"{stem}-{index}",
            ref=where,
            identity=f"{identity}#{index}",
            text=body,
            source_format="feed",
            options=options,
            title=_first(kids, ("title",)),
            url=url,
            sitename=site,
            published=_first(kids, _DATES),
            author=_first(kids, _AUTHORS),
            language=_first(kids, ("language",)) or language,
        )
