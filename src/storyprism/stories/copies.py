"""Retellings with other names: two texts in near-identical words that name other people, places,
numbers and days report two happenings of one kind, never one.

General signal: outlets covering one happening write their own words, and when they share wording
(a wire copy, a rewrite of it) they share its names and numbers too (a copy updated with a new toll
still names the same place and people). Near-identical wording with other names is a template that
serves many happenings: a quarterly-results story, an arrest told by a police press office, a storm
warning issued for one coast after another. An event's mean vectors blur this: once an event holds
some of both happenings, its mean keys agree with either side. So the test is pairwise, between the
article and each member this run placed (their exact vectors are kept here, packed, like the split
pass's): its wording (the tf-idf vector without its identity keys) nearly the member's, its identity
keys far from the member's.

Only articles placed in this run are compared (their vectors are at hand; a stored event keeps a
signature of eight terms per member, too few to tell a copy): a batch, or the new articles of an
update among themselves.

Measured on eval/stories_hard.py (the wording cosine over the 48 strongest non-key terms, unit
length over those): among article pairs whose wording cosine reaches 0.7, real same-event pairs on
giveme5w1h (full texts, dated or not) all share keys at cosine 0.5 or more (wire copies and their
rewrites); synthetic twins (the same text with other names and numbers) are below 0.5 in 450 of 451
pairs. The real same-event pairs below 0.5 are a junk page whose keys come from its page furniture,
in the first three sentences only, at wording 0.75-0.79: hence the wording bar 0.8
(``StoryOptions.copy_wording``). Fresh twins' events 0.864 -> 0.913, every real variant as it was.

Other figures: near-identical wording whose key numbers all differ ("killed 10" / "killed 16", "2.5
million more" / "10.5 million more", "in 2018" / "in 2019") while its names agree only in part (key
cosine below ``COPY_FIGURES``) is another happening too (``figures_apart``): one happening's copies
agree on its figures, or an update keeps some of them (the day, the injured) when it corrects one, and
an update that corrects its only figure keeps every name (key cosine near 0.9). Measured on
eval/stories_hard.py: among pairs at wording 0.8+, no real same-event pair (full or short texts) has
its numbers all apart (the one with none in common pairs "1 worker" with a clock time, "5am", which is
no figure of the happening); 5 / 8 lead-twin pairs whose keys agree above ``COPY_KEYS`` do (0.51-0.61,
one 0.80; ages and distances with their unit add one more): short lead twins 0.902 -> 0.907, with
body names 0.900 -> 0.912, donor lead twins 0.766 -> 0.776, twins 0.852 -> 0.856.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .features import DAY_KEY

# Wording terms kept per article (its strongest non-key terms): near-identical texts share them.
WORDING_TERMS = 48
# Members of an event compared with an article (the most recent ones): bounds the cost in big events.
COPY_MEMBERS = 200
# Identity-key cosine below which near-identical wording is another happening (see the module text).
COPY_KEYS = 0.5
# ... and below which it is, when every key number differs (see the module text).
COPY_FIGURES = 0.75


@dataclass(slots=True)
class Copy:
    """One placed article's wording and identity keys, packed."""

    terms: tuple[str, ...]
    weights: array[float]
    key_terms: tuple[str, ...]
    key_weights: array[float]
    numbers: frozenset[str]  # its key numbers (``figures``)


def wording(vector: Mapping[str, float], keys: Mapping[str, object]) -> dict[str, float]:
    """The tf-idf vector without the identity keys (names, numbers, days), cut to its
    ``WORDING_TERMS`` strongest terms (ties by term, so two copies keep the same ones) and
    unit length over those: near-identical texts score near 1 however long they are."""
    top = sorted(((t, w) for t, w in vector.items() if t not in keys), key=lambda kv: (-kv[1], kv[0]))
    top = top[:WORDING_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top))
    return {t: w / norm for t, w in top} if norm > 0.0 else {}


_MEASURE = re.compile(r"\d+(?:-[a-z]+)+")  # "3-year-old", "24-mile": a number with its unit


def figures(keys: Iterable[str]) -> frozenset[str]:
    """The key numbers among identity keys: plain numbers (a toll, an amount, a year; "6.2" is "62"),
    numbers with their unit ("3-year-old", "24-mile": an age, a distance) and calendar days. Clock
    times and ordinals ("5am", "3rd") are left out: often no figure of the happening ("1 worker
    hurt" beside "at 5am"), and outlets write them their own way."""
    return frozenset(k for k in keys if k.isdigit() or k.startswith(DAY_KEY) or _MEASURE.fullmatch(k))


def figures_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts both state key numbers (``figures``) and share none."""
    return bool(a and b) and a.isdisjoint(b)



def _dot(query: Mapping[str, float], terms: tuple[str, ...], weights: array[float]) -> float:
    return sum(w * query.get(t, 0.0) for t, w in zip(terms, weights, strict=True))


class Copies:
    """The wording and keys of the articles placed in this run, to tell retellings apart."""

    def __init__(self, min_wording: float) -> None:
        self.min_wording = min_wording
        self.of: dict[str, Copy] = {}
        # article -> a member it was found to retell with other names (the last one found): the two
        # happenings are of one kind, which the storylines read (``kin_events``).
        self.pairs: dict[str, str] = {}

    def add(self, article: str, word: Mapping[str, float], keys: Mapping[str, float]) -> None:
        if self.min_wording > 0 and word and keys:
            self.of[article] = Copy(
                tuple(word), array("f", word.values()), tuple(keys), array("f", keys.values()), figures(keys)
            )

    def retells(
        self, article: str, word: Mapping[str, float], keys: Mapping[str, float], members: Iterable[str]
    ) -> str | None:
        """The first of ``members`` (latest first) that the article retells with other names (see the
        module text), recorded in ``pairs``; None when it retells none."""
        if self.min_wording <= 0 or not word or not keys:
            return None
        numbers: frozenset[str] | None = None  # read off the keys once some wording passes
        seen = 0
        for member in reversed(list(members)):
            entry = self.of.get(member)
            if entry is None or member == article:
                continue
            seen += 1
            if seen > COPY_MEMBERS:
                break
            if _dot(word, entry.terms, entry.weights) < self.min_wording:
                continue
            # other names, or names agreeing in part with every key number other: another happening
            agree = _dot(keys, entry.key_terms, entry.key_weights)
            if numbers is None and agree < COPY_FIGURES:
                numbers = figures(keys)
            apart = agree < COPY_FIGURES and numbers is not None and figures_apart(numbers, entry.numbers)
            if apart or agree < COPY_KEYS:
                self.pairs[article] = member
                return member
        return None

    def retell_across(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Whether an article of group ``a`` retells one of group ``b`` with other names."""
        if self.min_wording <= 0:
            return False
        others = [m for m in b if m in self.of]
        if not others:
            return False
        for n, article in enumerate(m for m in a if m in self.of):
            if n >= COPY_MEMBERS:
                break
            entry = self.of[article]
            word = dict(zip(entry.terms, entry.weights, strict=True))
            keys = dict(zip(entry.key_terms, entry.key_weights, strict=True))
            if self.retells(article, word, keys, others) is not None:
                return True
        return False


def kin_events(copies: Copies, article_event: Mapping[str, str]) -> dict[str, str]:
    """For each event holding articles that retell another event's articles with other names, that
    other event (the one most of its found pairs point to; ties by id): one kind of news. One way
    only, so that the event pointed to chooses its storyline first."""
    counts: Counter[tuple[str, str]] = Counter()
    for article, member in copies.pairs.items():
        a, b = article_event.get(article), article_event.get(member)
        if a is not None and b is not None and a != b:
            counts[(a, b)] += 1
    kin: dict[str, str] = {}
    for (a, b), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if a not in kin and kin.get(b) != a:
            kin[a] = b
    return kin
