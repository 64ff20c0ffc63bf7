"""One event (story) as the clustering keeps it, and its JSON round trip into ``Story.state``.

The state holds what incremental assignment needs and nothing more: the tf-idf centroid
(top terms with their article counts, which also give the corpus document frequencies),
the mean headline+lead embedding, the identity keys (name words, numbers, days; top
``KEY_TERMS`` with counts), and per member article a tiny signature (headline, outlet, date,
top terms, top keys) so that titles, keywords and manual splits can be recomputed
without the article texts.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import mul
from typing import Any

from storyprism.records import Story

from .features import DAY_KEY, ArticleFeatures, parse_day

STATE_VERSION = 1
MEMBER_TERMS = 8  # terms kept per member article (signature for medoid and split replay)
INDEX_TERMS = 24  # an event is findable through this many of its strongest terms
NAME_LIMIT = 24
KEY_TERMS = 48  # identity keys (name words, numbers, days) kept per event
MEMBER_KEYS = 8  # identity keys kept per member article (for split replay)


def short_hash(text: str, n: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def _salted_id(prefix: str, founder: str, taken: Container[str] | None) -> str:
    """``prefix`` + hash of ``founder``, salted until it is not ``taken``: stable across runs."""
    out = prefix + short_hash(founder)
    salt = 1
    while taken is not None and out in taken:
        out = prefix + short_hash(f"{founder}#{salt}")
        salt += 1
    return out


def new_story_id(founder: str, taken: Container[str] | None = None) -> str:
    """``s-`` + hash of the founding article id: stable across runs and machines."""
    return _salted_id("s-", founder, taken)


def new_storyline_id(founder_story: str, taken: Container[str] | None = None) -> str:
    """``l-`` + hash of the founding story id."""
    return _salted_id("l-", founder_story, taken)


@dataclass(slots=True)
class Event:
    """A story during an update: decoded state plus running sums."""

    id: str
    storyline: str | None = None
    n: int = 0  # articles whose vectors are summed into ``terms``
    terms: dict[str, list[float]] = field(default_factory=dict)  # term -> [article count, weight sum]
    emb: list[float] | None = None  # mean embedding of members that had one
    emb_n: int = 0
    names: Counter[str] = field(default_factory=Counter)
    keys: dict[str, list[float]] = field(default_factory=dict)  # identity key -> [article count, weight sum]
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)  # ids merged into this one by user edits
    manual: bool = False  # created or changed by a user edit
    dirty: bool = True  # changed in this run: its Story record must be rebuilt
    source: Story | None = None  # the stored story it was decoded from
    # The event this one was split off from in this run (``split.py``): one topic, so it takes that
    # event's storyline. Not stored.
    sibling: str | None = None
    # An event one of whose articles this one's articles retell with other names (``copies.py``,
    # ``copies.kin_events``): the same kind of news, so with a name in common it takes that event's
    # storyline (``storylines.py``). Not stored.
    kin: str | None = None
    _norm: float | None = None
    _top: dict[str, float] | None = None
    _kv: dict[str, float] | None = None
    _days: list[str] | None = None

    # ----------------------------------------------------------------- centroid
    def centroid_norm(self) -> float:
        if self._norm is None:
            n = max(self.n, 1)
            self._norm = math.sqrt(sum((w / n) ** 2 for _, w in self.terms.values())) or 1.0
        return self._norm

    def weight(self, term: str) -> float:
        entry = self.terms.get(term)
        return entry[1] / max(self.n, 1) if entry else 0.0

    def term_cosine(self, vector: dict[str, float]) -> float:
        """Mean tf-idf cosine of a unit vector with the members (dot with their mean vector).

        Average linkage, not cosine with the normalised centroid: the centroid of a big event
        is shorter than its members, and dividing by its norm would make big events ever more
        attractive.
        """
        if not vector or not self.terms:
            return 0.0
        return self._mean_dot(vector, self.terms)

    def key_cosine(self, vector: dict[str, float]) -> float | None:
        """Mean cosine of an article's identity-key vector with the members' (None: nothing to compare)."""
        if not vector or not self.keys:
            return None
        return self._mean_dot(vector, self.keys)

    def _mean_dot(self, vector: dict[str, float], sums: dict[str, list[float]]) -> float:
        """Dot product of ``vector`` with the members' mean vector, kept as per-term sums."""
        n = max(self.n, 1)
        dot = 0.0
        for t, v in vector.items():
            entry = sums.get(t)
            if entry is not None:
                dot += v * entry[1] / n
        return dot

    def day_share(self, day_keys: Iterable[str]) -> float:
        """The largest share of members naming one of these calendar days (0..1)."""
        n = max(self.n, 1)
        return max((self.keys[k][0] / n for k in day_keys if k in self.keys), default=0.0)

    def day_keys(self) -> list[str]:
        """The calendar days its articles name (cached until the event changes)."""
        if self._days is None:
            self._days = [k for k in self.keys if k.startswith(DAY_KEY)]
        return self._days

    def key_vector(self) -> dict[str, float]:
        """The members' mean identity-key vector (cached until the event changes)."""
        if self._kv is None:
            n = max(self.n, 1)
            self._kv = {t: w / n for t, (_, w) in self.keys.items()}
        return self._kv

    def emb_cosine(self, vector: list[float] | None) -> float | None:
        """Mean cosine of a unit vector with the members' embeddings (dot with their mean)."""
        if vector is None or self.emb is None:
            return None
        # map(mul) does the same multiplications and additions in the same order as a generator,
        # so the result is the same bits, at about half the interpreter cost (this runs for every
        # article against every candidate event)
        return sum(map(mul, vector, self.emb))

    def top_vector(self, k: int = 96) -> dict[str, float]:
        """The mean vector restricted to its ``k`` strongest terms (cached until the event changes)."""
        if self._top is None:
            n = max(self.n, 1)
            best = sorted(self.terms.items(), key=lambda kv: -kv[1][1])[:k]
            self._top = {t: w / n for t, (_, w) in best}
        return self._top

    def top_terms(self, k: int) -> list[str]:
        return [t for t, _ in sorted(self.terms.items(), key=lambda kv: -kv[1][1])[:k]]

    # ----------------------------------------------------------------- membership
    def add(self, feat: ArticleFeatures, origin: str | None = None) -> None:
        self._add_vector(feat.vector, +1)
        add_sums(self.keys, feat.keys, +1)
        if feat.embedding is not None:
            self._add_embedding(feat.embedding, +1)
        self.names.update(list(dict.fromkeys(feat.names)))  # ordered: ties break the same in every process
        top = sorted(feat.vector.items(), key=lambda kv: -kv[1])[:MEMBER_TERMS]
        member: dict[str, Any] = {
            "h": feat.title[:300],
            "o": feat.outlet,
            "d": feat.day.isoformat() if feat.day else None,
            "t": {t: round(w, 4) for t, w in top},
            "x": list(dict.fromkeys(feat.names))[:6],
        }
        if feat.keys:
            top_keys = sorted(feat.keys.items(), key=lambda kv: -kv[1])[:MEMBER_KEYS]
            member["k"] = {t: round(w, 4) for t, w in top_keys}
        if origin is not None:
            member["g"] = origin
        self.members[feat.id] = member

    def remove(self, article: str, feat: ArticleFeatures | None) -> dict[str, Any] | None:
        """Take an article out; its exact vector when known, else its stored signature."""
        member = self.members.pop(article, None)
        if member is None:
            return None
        self._add_vector(feat.vector if feat is not None else member.get("t", {}), -1)
        add_sums(self.keys, feat.keys if feat is not None and feat.keys else member.get("k", {}), -1)
        if feat is not None and feat.embedding is not None:
            self._add_embedding(feat.embedding, -1)
        for name in member.get("x", []):
            self.names[name] -= 1
            if self.names[name] <= 0:
                del self.names[name]
        return member

    def absorb(self, other: Event) -> None:
        """Fold another event into this one (a user's merge)."""
        for t, (c, w) in other.terms.items():
            entry = self.terms.setdefault(t, [0.0, 0.0])
            entry[0] += c
            entry[1] += w
        for t, (c, w) in other.keys.items():
            entry = self.keys.setdefault(t, [0.0, 0.0])
            entry[0] += c
            entry[1] += w
        if other.emb is not None and other.emb_n:
            if self.emb is None or not self.emb_n:
                self.emb, self.emb_n = list(other.emb), other.emb_n
            else:
                total = self.emb_n + other.emb_n
                self.emb = [
                    (a * self.emb_n + b * other.emb_n) / total
                    for a, b in zip(self.emb, other.emb, strict=False)
                ]
                self.emb_n = total
        self.n += other.n
        self.names.update(other.names)
        self.members.update(other.members)
        self.aliases.extend([other.id, *other.aliases])
        self._norm = self._top = self._kv = self._days = None
        self.dirty = True

    def _add_vector(self, vector: dict[str, float], sign: int) -> None:
        for t, w in vector.items():
            entry = self.terms.setdefault(t, [0.0, 0.0])
            entry[0] += sign
            entry[1] += sign * w
            if entry[0] <= 0 or entry[1] <= 1e-9:
                del self.terms[t]
        self.n = max(self.n + sign, 0)
        self._norm = self._top = self._kv = self._days = None
        self.dirty = True

    def _add_embedding(self, vector: list[float], sign: int) -> None:
        if self.emb is None or self.emb_n <= 0:
            if sign > 0:
                self.emb, self.emb_n = list(vector), 1
            return
        count = self.emb_n + sign
        if count <= 0:
            self.emb, self.emb_n = None, 0
            return
        self.emb = [(a * self.emb_n + sign * b) / count for a, b in zip(self.emb, vector, strict=False)]
        self.emb_n = count

    # ----------------------------------------------------------------- time
    def days(self) -> list[date]:
        out = []
        for m in self.members.values():
            d = parse_day(m.get("d"))
            if d is not None:
                out.append(d)
        return out

    def span(self) -> tuple[date, date] | None:
        ds = self.days()
        return (min(ds), max(ds)) if ds else None

    # ----------------------------------------------------------------- (de)serialisation
    def to_state(self, state_terms: int) -> dict[str, Any]:
        kept = sorted(self.terms.items(), key=lambda kv: -kv[1][1])[:state_terms]
        state: dict[str, Any] = {
            "v": STATE_VERSION,
            "n": self.n,
            "terms": {t: [round(c), round(w, 4)] for t, (c, w) in kept},
            "names": dict(self.names.most_common(NAME_LIMIT)),
            "keys": {t: [round(c), round(w, 4)] for t, (c, w) in _strongest(self.keys, KEY_TERMS)},
            "members": self.members,
        }
        if self.emb is not None and self.emb_n:
            state["emb"] = [round(x, 4) for x in self.emb]
            state["emb_n"] = self.emb_n
        if self.aliases:
            state["aliases"] = self.aliases
        if self.manual:
            state["manual"] = True
        return state

    @classmethod
    def from_story(cls, story: Story) -> Event:
        """Decode a stored story; a missing or foreign state degrades to members only."""
        state = story.state if isinstance(story.state, dict) else {}
        ev = cls(id=story.id, storyline=story.storyline)
        try:
            ev.n = int(state.get("n", 0))
            for t, pair in dict(state.get("terms", {})).items():
                ev.terms[str(t)] = [float(pair[0]), float(pair[1])]
            emb = state.get("emb")
            if isinstance(emb, list) and emb:
                ev.emb = [float(x) for x in emb]
                ev.emb_n = int(state.get("emb_n", 1))
            for t, pair in dict(state.get("keys", {})).items():
                ev.keys[str(t)] = [float(pair[0]), float(pair[1])]
            ev.names = Counter({str(k): int(v) for k, v in dict(state.get("names", {})).items()})
            ev.members = {str(k): dict(v) for k, v in dict(state.get("members", {})).items()}
            ev.aliases = [str(a) for a in state.get("aliases", [])]
            ev.manual = bool(state.get("manual", False))
        except (TypeError, ValueError, IndexError, AttributeError):
            ev = cls(id=story.id, storyline=story.storyline)
        stale = False
        for article in story.articles:  # the article list is the truth; state may lag behind it
            if article not in ev.members:
                ev.members[article] = {"h": story.title, "o": None, "d": None, "t": {}}
                stale = True
        listed = set(story.articles)
        for article in [a for a in ev.members if a not in listed]:
            del ev.members[article]
            stale = True
        if not ev.n:
            ev.n = len(ev.members)
        ev.source, ev.dirty = story, stale
        return ev


def _strongest(sums: dict[str, list[float]], k: int) -> list[tuple[str, list[float]]]:
    return sorted(sums.items(), key=lambda kv: -kv[1][1])[:k]


def add_sums(sums: dict[str, list[float]], vector: dict[str, Any], sign: int) -> None:
    """Add (or take out) one article's unit vector to running [count, weight] sums."""
    for t, w in vector.items():
        entry = sums.setdefault(str(t), [0.0, 0.0])
        entry[0] += sign
        entry[1] += sign * float(w)
        if entry[0] <= 0 or entry[1] <= 1e-9:
            del sums[str(t)]
