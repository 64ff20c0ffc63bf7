"""Lines repeated across many articles of one outlet: the corpus-wide boilerplate signal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from storyprism.clean.lines import normalise, words
from storyprism.records import Article

# counts[outlet][ARTICLES_KEY] is the number of distinct articles counted for the outlet
# (the empty string is never a normalised line, so it cannot collide with one).
ARTICLES_KEY = ""
_MAX_LINE_CHARS = 400  # longer lines are paragraphs of prose, never template boilerplate


def outlet_key(article: Article) -> str | None:
    """The outlet an article's template belongs to: its outlet name, else its URL's host."""
    if article.outlet:
        return article.outlet.strip().lower() or None
    if article.url:
        try:
            host = urlsplit(article.url).hostname or ""
        except ValueError:
            return None
        host = host.lower().removeprefix("www.")
        return host or None
    return None


def article_lines(article: Article) -> set[str]:
    """The distinct normalised lines of an article's raw body (what boilerplate counting sees)."""
    text = article.raw_text or article.text or ""
    out = set()
    for line in text.splitlines():
        if len(line) > _MAX_LINE_CHARS:
            continue
        n = normalise(line)
        if n and words(n):
            out.add(n)
    return out


def count_outlet_lines(articles: Iterable[Article]) -> dict[str, dict[str, int]]:
    """outlet -> normalised line -> number of articles of that outlet containing it.

    Articles with identical line sets (the same page ingested twice) count once, so copies of one
    story do not make its sentences look like boilerplate. ``counts[outlet][""]`` is the number of
    articles counted for the outlet. Articles with neither outlet nor URL are not counted.
    """
    counts: dict[str, dict[str, int]] = {}
    seen: dict[str, set[int]] = {}
    for article in articles:
        key = outlet_key(article)
        if key is None:
            continue
        lines = article_lines(article)
        if not lines:
            continue
        fingerprint = hash(frozenset(lines))
        done = seen.setdefault(key, set())
        if fingerprint in done:
            continue
        done.add(fingerprint)
        table = counts.setdefault(key, {})
        table[ARTICLES_KEY] = table.get(ARTICLES_KEY, 0) + 1
        for line in lines:
            table[line] = table.get(line, 0) + 1
    return counts


def merge_counts(*tables: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    """Sum several ``count_outlet_lines`` results (e.g. the stored corpus and a new batch)."""
    out: dict[str, dict[str, int]] = {}
    for table in tables:
        for outlet, lines in table.items():
            target = out.setdefault(outlet, {})
            for line, n in lines.items():
                target[line] = target.get(line, 0) + int(n)
    return out
