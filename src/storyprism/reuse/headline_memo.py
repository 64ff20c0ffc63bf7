"""What the headline-name test (``topic.headline_names_unreported``) read on earlier runs, kept in the
workspace so that a re-run reads the texts of its new articles only.

The test needs, per article, its headline's content words and which of them the body never uses,
and the best headline/sentence similarity of its few candidates: each a function of the article's
own headline and body, kept under a fingerprint of them. What is a name comes from word case counts
over the whole corpus; those are sums over articles, so the counts of the articles counted last
time plus the new articles' counts are the corpus's counts (any article gone or changed since:
counted again from scratch). The verdicts are then taken afresh on every run from these reads,
exactly as a run over every article takes them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from storyprism.records import Article
from storyprism.reuse.text import STOPWORDS
from storyprism.reuse.topic import HeadlineReads, case_counts, headline_gap, inside_counts

_Counts = tuple[Counter[str], Counter[str], Counter[str]]


def fingerprint(a: Article) -> str:
    """What the per-article reads depend on: the headline and the body."""
    return hashlib.sha1(f"{a.title}\0{a.text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _askable(word: str) -> bool:
    """The only words the test asks counts for are headline content words (``topic._content``):
    counts of the others need not be kept."""
    return len(word) > 3 and word not in STOPWORDS


class KeptHeadlineReads(HeadlineReads):
    """``HeadlineReads`` answered from ``stored`` (the record ``kept`` returned on the last run; empty
    for none), reading texts only where that record holds nothing for them."""

    def __init__(self, stored: Mapping[str, Any] | None = None) -> None:
        stored = stored or {}
        self._known: Mapping[str, Any] = stored.get("articles") or {}
        self._known_counts: Mapping[str, Any] = stored.get("counts") or {}
        self._articles: dict[str, list[Any]] = {}
        self._counts: Mapping[str, Any] = self._known_counts
        self._prints: dict[str, str] = {}

    def _print(self, a: Article) -> str:
        mark = self._prints.get(a.id)
        if mark is None:
            mark = self._prints[a.id] = fingerprint(a)
        return mark

    def _entry(self, a: Article) -> list[Any]:
        """[fingerprint, headline words, words the body lacks, similarity or None] for ``a``."""
        entry = self._articles.get(a.id)
        if entry is not None:
            return entry
        mark = self._print(a)
        known = self._known.get(a.id)
        if isinstance(known, list) and len(known) == 4 and known[0] == mark:
            entry = [mark, list(known[1]), list(known[2]), known[3]]
        else:
            title, absent = headline_gap(a)
            entry = [mark, title, absent, None]
        self._articles[a.id] = entry
        return entry

    def gap(self, a: Article) -> tuple[list[str], list[str]]:
        entry = self._entry(a)
        return entry[1], entry[2]

    def counts(self, articles: Sequence[Article], words: set[str]) -> tuple[Counter[str], Counter[str]]:
        members = {a.id: self._print(a) for a in articles}
        before = self._known_counts.get("members")
        totals: _Counts
        if isinstance(before, dict) and all(members.get(aid) == mark for aid, mark in before.items()):
            totals = (Counter(self._known_counts.get("seen") or {}), Counter(self._known_counts.get("cap") or {}),
                      Counter(self._known_counts.get("first") or {}))
            fresh = case_counts(a.text or "" for a in articles if a.id not in before)
            for total, add in zip(totals, fresh, strict=True):
                total.update({w: n for w, n in add.items() if _askable(w)})
        else:
            totals = tuple(Counter({w: n for w, n in c.items() if _askable(w)})  # type: ignore[assignment]
                           for c in case_counts(a.text or "" for a in articles))
        self._counts = {"members": members, "seen": dict(totals[0]), "cap": dict(totals[1]),
                        "first": dict(totals[2])}
        return inside_counts(totals, words)

    def similarities(self, rows: Sequence[tuple[Article, list[str]]]) -> list[float] | None:
        todo = [(a, names) for a, names in rows if self._entry(a)[3] is None]
        if todo:
            fresh = super().similarities(todo)
            if fresh is None:
                return None  # no encoder: nothing is flagged, as on a run over every article
            for (a, _), sim in zip(todo, fresh, strict=True):
                self._entry(a)[3] = sim
        return [float(self._entry(a)[3]) for a, _ in rows]

    def kept(self) -> dict[str, Any]:
        """The record to store for the next run: this run's articles' reads and the corpus counts."""
        return {"articles": self._articles, "counts": self._counts}
