"""The clean stage over a batch of articles."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from storyprism.clean.boilerplate import ARTICLES_KEY, count_outlet_lines, outlet_key
from storyprism.clean.document import clean_text
from storyprism.clean.lines import normalise
from storyprism.clean.options import CleanOptions
from storyprism.records import Article
from storyprism.text.outlets import outlet_keys, squash

_CONTACT = re.compile(r"https?://|www\.|\S@\S+\.[a-z]{2,}|\b0{3,}[ -]?0{3,}")  # digits are folded to 0
_WORD = re.compile(r"[a-z0-9]+")


def clean_articles(
    articles: Sequence[Article],
    options: CleanOptions,
    outlet_lines: Mapping[str, Mapping[str, int]] | None = None,
) -> list[Article]:
    """New articles whose ``text`` has page chrome removed and whose ``removed`` says what and why.

    Reads ``raw_text`` (``text`` when raw_text is empty). ``outlet_lines`` are corpus-wide counts from
    ``count_outlet_lines``; when None they are counted within this batch. With ``options.enabled``
    False the text is the raw text and nothing is removed. Never raises on odd text.
    """
    if outlet_lines is None:
        outlet_lines = count_outlet_lines(articles)
    out: list[Article] = []
    for article in articles:
        raw = article.raw_text or article.text or ""
        if not options.enabled:
            digest = article.content_hash if raw == article.text else ""
            out.append(dataclasses.replace(article, text=raw, raw_text=raw, removed=[], content_hash=digest))
            continue
        text, removed = clean_text(raw, article.title, _repeated(article, outlet_lines, options))
        # a hash of the text before cleaning no longer describes it; the store recomputes it
        digest = article.content_hash if text == article.text else ""
        out.append(dataclasses.replace(article, text=text, raw_text=raw, removed=removed, content_hash=digest))
    return out


def reclean_with_counts(
    articles: Sequence[Article], options: CleanOptions, outlet_lines: Mapping[str, Mapping[str, int]]
) -> list[Article]:
    """Articles cleaned before a run had counted all its lines, cleaned again where a line they kept is
    boilerplate by ``outlet_lines`` (the run's final counts): a template line that only repeats
    across batches is furniture for the first batch too. Returns only the articles whose text changed;
    checking costs one pass over the kept lines, re-cleaning happens only where a line qualifies."""
    if not options.enabled:
        return []
    out: list[Article] = []
    for article in articles:
        repeated = _repeated(article, outlet_lines, options)
        if repeated is None:
            continue
        if not any(repeated(normalise(line)) for line in article.text.splitlines() if line.strip()):
            continue
        (again,) = clean_articles([article], options, outlet_lines)
        if again.text.strip() and again.text != article.text:
            out.append(again)
    return out


def _repeated(
    article: Article, counts: Mapping[str, Mapping[str, int]], options: CleanOptions
) -> Callable[[str], bool] | None:
    key = outlet_key(article)
    table = counts.get(key) if key is not None else None
    if not table:
        return None
    total = table.get(ARTICLES_KEY, 0)
    min_articles = max(2, options.repeated_min_articles)

    own_names = {k for k in outlet_keys(article.outlet, article.url) if len(k) >= 3}

    def is_repeated(line: str) -> bool:
        n = table.get(line, 0)
        if n < min_articles:
            return False
        if total <= 0 or n / total >= options.repeated_min_share:
            return True
        # Below the share, a line still is the outlet's furniture when it points at the outlet
        # itself: a contact line (an address, an e-mail, a phone number: "Email us at tips@...")
        # or a note naming the outlet ("NPR transcripts are created on a rush deadline"). Reporting
        # repeated across a few updates of one story names neither.
        if _CONTACT.search(line) or own_names & set(_WORD.findall(line)):
            return True
        squashed = squash(line)
        return any(len(k) >= 6 and k in squashed for k in own_names)

    return is_repeated
