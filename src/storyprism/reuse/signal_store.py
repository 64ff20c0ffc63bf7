"""Per-article tracing signals kept between runs, and sentences split only when read.

An article's signals (wire lines, credits, own reporting: ``credits.article_signals``) depend on its
own text and metadata only, yet the tracer used to read them again for every article on every run:
a third of its time when a few articles join a corpus of thousands. The pipeline keeps them in the
workspace, each under a fingerprint of what they are read from, and hands the tracer the stored
ones; only new or changed articles are read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
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


class ArticleReads:
    """Values the tracer reads off one article's own text and metadata (its outlet keys, sentence
    count, embedded posts, announcement lead, quotations ...), kept between runs under the article's
    ``fingerprint``: each is a function of the article alone, so the stored value is the value a
    fresh reading gives, and a re-run reads the texts of new or changed articles only. ``stored``:
    the record ``kept`` returned on the last run (empty for none, or when the code that reads them
    changed). Values must be plain data that JSON gives back unchanged (lists, not tuples)."""

    def __init__(self, stored: Mapping[str, Any] | None = None, marks: Mapping[str, str] | None = None) -> None:
        self._known: Mapping[str, Any] = stored or {}
        self._kept: dict[str, list[Any]] = {}
        self._texts: dict[str, Article] = {}
        self._marks = marks or {}  # article id -> ``fingerprint``, where the caller took it already

    def add(self, articles: Sequence[Article]) -> None:
        """The articles values are asked for (their fingerprints are taken lazily)."""
        for a in articles:
            self._texts[a.id] = a

    def _entry(self, aid: str) -> dict[str, Any]:
        entry = self._kept.get(aid)
        if entry is None:
            mark = self._marks.get(aid) or fingerprint(self._texts[aid])
            known = self._known.get(aid)
            values = dict(known[1]) if isinstance(known, list) and len(known) == 2 and known[0] == mark \
                and isinstance(known[1], dict) else {}
            entry = self._kept[aid] = [mark, values]
        return entry[1]

    def get(self, aid: str, name: str, compute: Callable[[], Any]) -> Any:
        """The value ``name`` of article ``aid``: kept, or ``compute()`` (then kept)."""
        values = self._entry(aid)
        if name not in values:
            values[name] = compute()
        return values[name]

    def put(self, aid: str, name: str, value: Any) -> None:
        """Replace the value ``name`` of article ``aid`` (one read again because what it was read
        against changed: the corpus's outlet titles)."""
        self._entry(aid)[name] = value

    def kept(self) -> dict[str, list[Any]]:
        """What to store for the next run: the values of this run's articles (read or not)."""
        for aid in self._texts:
            self._entry(aid)
        return self._kept

    @property
    def changed(self) -> bool:
        return self.kept() != self._known


class FreshReads(ArticleReads):
    """``ArticleReads`` that keeps nothing: every value computed (the tracer outside the pipeline)."""

    def get(self, aid: str, name: str, compute: Callable[[], Any]) -> Any:
        return compute()

    def put(self, aid: str, name: str, value: Any) -> None:
        return None
