"""Per-article tracing signals kept between runs, and sentences split only when read.

An article's signals (wire lines, credits, own reporting: ``credits.article_signals``) depend on its
own text and metadata only, yet the tracer used to read them again for every article on every run:
a third of its time when a few articles join a corpus of thousands. The pipeline keeps them in the
workspace, each under a fingerprint of what they are read from, and hands the tracer the stored
ones; only new or changed articles are read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from storyprism.records import Article, from_dict, to_dict
from storyprism.reuse.credits import Signals, article_signals
from storyprism.reuse.text import split_sentences


def fingerprint(article: Article) -> str:
    """What ``article_signals`` reads of an article (the corpus-wide outlet titles aside, which the
    tracer applies again itself: ``_Tracer._learn_titles``)."""
    parts = [article.text or "", article.url or "", article.outlet or "", article.raw_text or "",
             article.description or ""]
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:20]


class LazySentences(dict[str, list[str]]):
    """Sentences per article id, split the first time an article's are read: with stored signals the
    tracer reads the sentences of a few articles only."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def __missing__(self, aid: str) -> list[str]:
        value = self[aid] = split_sentences(self._texts[aid])
        return value


def signals_for(
    articles: Sequence[Article], stored: Mapping[str, Any]
) -> tuple[dict[str, Signals], dict[str, list[Any]]]:
    """Each article's signals (fresh objects: the tracer may amend them) and what to store for the
    next run: ``{article id: [fingerprint, signals as plain data]}``. ``stored`` is that record from
    the last run (empty for none)."""
    signals: dict[str, Signals] = {}
    keep: dict[str, list[Any]] = {}
    for a in articles:
        mark = fingerprint(a)
        entry = stored.get(a.id)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == mark and isinstance(entry[1], dict):
            data = entry[1]
        else:
            sentences = split_sentences(a.text or "")
            data = to_dict(article_signals(a.text or "", a.url, a.outlet, sentences, a.raw_text, a.description))
        signals[a.id] = from_dict(Signals, data)
        keep[a.id] = [mark, data]
    return signals, keep
