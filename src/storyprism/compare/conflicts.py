"""Conflicts inside a story: where independent sources disagree, and what rewrites changed.

Every detector demands two things before it reports: the two sides are about the same thing
(same counted noun and a similar context, the same quote, a near-identical statement) and they
come from different origins (a copy disagreeing with itself is a rewrite change, reported as such
from the reuse stage's alignments). Mere rewording is never a conflict: numbers must have
disjoint intervals, dates must differ at their common granularity, negations must flip polarity
on an otherwise matching statement.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from storyprism.compare.claims import StoryText
from storyprism.compare.options import CompareOptions
from storyprism.compare.similarity import dice, embed_cached
from storyprism.compare.text import NEGATIONS, STOPWORDS, content_tokens, negation_count, stem, words
from storyprism.records import Conflict, ConflictSide, DateMention, NumberMention, Quote, Reuse

_CONTEXT_WORDS = 8


def _context(sentence: str, mention: str, keep: str = "") -> str:
    """The words around a mention in its sentence; the mention is replaced by ``keep`` (the counted
    noun for numbers), so "more than 100,000 troops on the border" compares as "troops on the border"."""
    if not sentence:
        return keep
    pos = sentence.find(mention) if mention else -1
    if pos < 0:
        return sentence
    left = sentence[:pos].split()[-_CONTEXT_WORDS:]
    right = sentence[pos + len(mention) :].split()[:_CONTEXT_WORDS]
    if keep and keep.lower() in mention.lower():
        return " ".join([*left, keep, *right])
    return " ".join([*left, *right])


def _context_similarity(contexts: list[str], options: CompareOptions) -> Callable[[int, int], float]:
    tokens = [content_tokens(c) for c in contexts]
    vectors: np.ndarray | None = None
    if options.embeddings and len(contexts) > 1:
        vectors = embed_cached([c or "-" for c in contexts])

    def sim(i: int, j: int) -> float:
        lexical = dice(tokens[i], tokens[j])
        if vectors is None:
            return lexical
        w = options.embedding_weight
        return w * float(np.dot(vectors[i], vectors[j])) + (1.0 - w) * lexical

    return sim


def _claims_of(st: StoryText, mentions: Sequence[NumberMention | DateMention]) -> list[str | None]:
    """The claim each mention's sentence belongs to (None when its sentence is not a statement)."""
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(st.sentences):
        by_article.setdefault(s.article, []).append(i)
    out: list[str | None] = []
    for m in mentions:
        found = None
        probe = " ".join(m.sentence.split())
        for i in by_article.get(m.article, []):
            s = st.sentences[i]
            text = " ".join(s.text.split())
            if (m.start >= 0 and s.start <= m.start < s.end) or (probe and (text in probe or probe in text)):
                found = st.claim_of.get(i)
                break
        out.append(found)
    return out


# Durations and ages differ inside one story for good reasons ("eight hours" of flight, turned back
# after "four hours"): they are never compared.
_TIME_UNITS = frozenset(["second", "minute", "hour", "day", "week", "month", "year", "decade", "time", "old"])


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    tokens = words(unit)
    key = stem(tokens[-1]) if tokens else None
    return None if key in _TIME_UNITS else key


def _estimate(n: NumberMention) -> bool:
    return (n.qualifier or "exact").lower() not in ("exact", "") or n.low != n.high


def _bounds(n: NumberMention) -> tuple[float, bool, float, bool]:
    """(low, low inclusive, high, high inclusive); "more than 100,000" excludes 100,000 itself."""
    qualifier = (n.qualifier or "").lower()
    low = n.low if n.low is not None else float("-inf")
    high = n.high if n.high is not None else float("inf")
    return low, not qualifier.startswith(("more", "over", "above")), high, not qualifier.startswith(
        ("less", "under", "fewer", "below")
    )


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    """Whether two quantities can both be true. No tolerance on purpose: "50 killed" and "52 killed"
    do disagree; only float noise is forgiven."""
    lo_a, lo_a_in, hi_a, hi_a_in = _bounds(a)
    lo_b, lo_b_in, hi_b, hi_b_in = _bounds(b)

    def below(lo: float, lo_in: bool, hi: float, hi_in: bool) -> bool:  # lo..hi non-empty?
        if abs(lo - hi) <= 1e-9 * max(1.0, abs(lo)):
            return lo_in and hi_in
        return lo < hi

    return below(lo_a, lo_a_in, hi_b, hi_b_in) and below(lo_b, lo_b_in, hi_a, hi_a_in)


def _sides_from_pairs(
    items: Sequence[object],
    edges: list[tuple[int, int]],
    same_side: Callable[[int, int], bool],
    label: Callable[[int], str],
    article: Callable[[int], str],
) -> list[list[ConflictSide]]:
    """Group conflicting items into connected components, then each component into sides."""
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(i)] = find(j)
    components: dict[int, list[int]] = {}
    for i in {k for e in edges for k in e}:
        components.setdefault(find(i), []).append(i)
    out = []
    for comp in components.values():
        sides: list[list[int]] = []
        for i in sorted(comp):
            for side in sides:
                if same_side(side[0], i):
                    side.append(i)
                    break
            else:
                sides.append([i])
        if len(sides) < 2:
            continue
        out.append(
            [ConflictSide(text=label(side[0]), articles=sorted({article(i) for i in side})) for side in sides]
        )
    return out


def number_conflicts(
    st: StoryText, numbers: Sequence[NumberMention], options: CompareOptions
) -> list[Conflict]:
    keyed = [
        (n, _unit_key(n.unit))
        for n in numbers
        if n.article in st.articles and (n.low is not None or n.high is not None)
    ]
    unit_count = Counter(k for _, k in keyed if k)
    # Only nouns counted at least twice can disagree; the rest need no context similarity at all.
    items = [n for n, k in keyed if k and unit_count[k] > 1]
    keys = [k for n, k in keyed if k and unit_count[k] > 1]
    if len(items) < 2:
        return []
    sim = _context_similarity([_context(n.sentence, n.text, n.unit or "") for n in items], options)
    claim = _claims_of(st, items)
    edges = []
    support = []  # agreeing mentions of the same thing: they join a side, never make a conflict
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if keys[i] != keys[j]:
                continue
            if _overlap(a, b):
                same = claim[i] is not None and claim[i] == claim[j]
                if same or sim(i, j) >= options.number_context_threshold:
                    support.append((i, j))
                continue
            if st.origins[a.article] == st.origins[b.article]:
                continue
            # Same thing: the two sentences state the same claim, or the number's surroundings match.
            same_claim = claim[i] is not None and claim[i] == claim[j]
            # Two different exact counts of one noun in a story are usually different things
            # ("25 defendants" charged, "five defendants" convicted); estimates of the same noun
            # ("more than 100,000" / "tens of thousands" of troops) usually size the same crowd.
            # Exact pairs therefore need a much closer context.
            threshold = options.number_context_threshold
            if not (_estimate(a) or _estimate(b)):
                threshold = max(threshold, options.exact_number_context_threshold)
            if not same_claim and sim(i, j) < threshold:
                continue
            edges.append((i, j))

    def label(i: int) -> str:
        n = items[i]
        unit = n.unit or ""
        return n.text if unit.lower() in n.text.lower() else f"{n.text} {unit}".strip()

    # Agreeing mentions join a side only where that side is part of a conflict.
    in_conflict = {k for e in edges for k in e}
    grown = list(edges)
    for _ in range(2):
        for i, j in support:
            if (i in in_conflict) != (j in in_conflict):
                grown.append((i, j))
                in_conflict.update((i, j))
    conflicts = []
    for sides in _sides_from_pairs(
        items, grown, lambda i, j: _overlap(items[i], items[j]), label, lambda i: items[i].article
    ):
        about = next((n.unit for n in items if n.unit and label(items.index(n)) == sides[0].text), None)
        conflicts.append(Conflict(story=st.story.id, kind="number", sides=sides, about=about or ""))
    return conflicts


def _date_prefix(d: DateMention, granularity: str) -> str | None:
    if not d.value:
        return None
    length = {"day": 10, "month": 7, "year": 4}.get(granularity, 10)
    return d.value[:length] if len(d.value) >= length else None


_ORDER = {"year": 0, "month": 1, "day": 2}


def date_conflicts(st: StoryText, dates: Sequence[DateMention], options: CompareOptions) -> list[Conflict]:
    # Relative dates ("on Tuesday", "last week") are resolved against each article's publication
    # date, so two of them disagree whenever publication dates or time zones do: never compared.
    # Nor are dates from sentences holding several dates: which one dates which event is unclear.
    per_sentence = Counter((d.article, d.sentence) for d in dates)
    items = [
        d
        for d in dates
        if d.article in st.articles
        and d.value
        and d.sentence
        and not d.relative
        and per_sentence[(d.article, d.sentence)] == 1
    ]
    if len(items) < 2:
        return []
    sim = _context_similarity([_context(d.sentence, d.text) for d in items], options)
    claim = _claims_of(st, items)

    def coarser(a: DateMention, b: DateMention) -> str:
        ga, gb = _ORDER.get(a.granularity, 2), _ORDER.get(b.granularity, 2)
        return a.granularity if ga <= gb else b.granularity

    def agree(i: int, j: int) -> bool:
        g = coarser(items[i], items[j])
        return _date_prefix(items[i], g) == _date_prefix(items[j], g)

    edges = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            if st.origins[a.article] == st.origins[b.article] or agree(i, j):
                continue
            same_claim = claim[i] is not None and claim[i] == claim[j]
            if same_claim or sim(i, j) >= options.date_context_threshold:
                edges.append((i, j))
    # Each side's text carries the date and its sentence: that sentence says what the date is of.
    return [
        Conflict(story=st.story.id, kind="date", sides=sides, about="date of the same event")
        for sides in _sides_from_pairs(
            items,
            edges,
            agree,
            lambda i: f"{items[i].text} ({items[i].value}): {items[i].sentence}",
            lambda i: items[i].article,
        )
    ]


def _negation_scope_shared(negated: str, other_tokens: set[str]) -> bool:
    """The words a negation governs ("did not *confirm the closure*") are in the other sentence."""
    ws = words(negated)
    for k, w in enumerate(ws):
        if w in NEGATIONS or w.endswith("n't"):
            following = [stem(x) for x in ws[k + 1 : k + 4] if x not in STOPWORDS and x not in NEGATIONS]
            if following and following[0] in other_tokens:
                return True
    return False


def negation_conflicts(st: StoryText, options: CompareOptions) -> list[Conflict]:
    """A statement and its negation: the same sentence but for a negation that governs shared words.

    Deliberately strict: in real coverage most sentences with and without a "not" that look alike
    are different statements ("it almost didn't happen" vs "it left late"), and a false "conflict"
    costs the reader more than a missed one.
    """
    out = []
    seen: set[tuple[str, str]] = set()
    for (i, j), s in st.pair_sim.items():
        if s < options.negation_threshold:
            continue
        a, b = st.sentences[i], st.sentences[j]
        if st.origins[a.article] == st.origins[b.article]:
            continue
        na, nb = negation_count(a.text), negation_count(b.text)
        if (na % 2) == (nb % 2):
            continue
        ta, tb = st.tokens[i], st.tokens[j]
        if not ta or not tb or min(len(ta), len(tb)) / max(len(ta), len(tb)) < 0.85 or dice(ta, tb) < 0.8:
            continue
        negated, other = (a, tb) if na % 2 else (b, ta)
        if not _negation_scope_shared(negated.text, set(other)):
            continue
        key = (a.text, b.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Conflict(
                story=st.story.id,
                kind="negation",
                sides=[ConflictSide(a.text, [a.article]), ConflictSide(b.text, [b.article])],
                about="statement and its negation",
            )
        )
    return out


_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z\-']+")


def _named(speaker: str | None) -> bool:
    return bool(speaker) and any(t[:1].isupper() for t in _NAME_TOKEN.findall(speaker or ""))


def _speaker_keys(q: Quote) -> set[str]:
    keys = set()
    for name in (q.speaker_id, q.speaker, q.via):
        if name:
            tokens = _NAME_TOKEN.findall(name)
            keys.add(tokens[-1].lower() if tokens else name.lower())
    return keys


def speaker_conflicts(st: StoryText, quotes: Sequence[Quote]) -> list[Conflict]:
    """The same words (same quote variant group) credited to different people."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        # Only named speakers: "another organization" vs "Alex Trouteaud" is a description of the
        # same source more often than a disagreement about who spoke.
        if q.variant_group and q.article in st.articles and _named(q.speaker):
            groups.setdefault(q.variant_group, []).append(q)
    out = []
    for group, qs in sorted(groups.items()):
        sides: list[tuple[set[str], list[Quote]]] = []
        for q in qs:
            keys = _speaker_keys(q)
            for side in sides:
                if side[0] & keys:  # same person (or the relay of one side is the other's speaker)
                    side[0].update(keys)
                    side[1].append(q)
                    break
            else:
                sides.append((keys, [q]))
        if len(sides) < 2:
            continue
        out.append(
            Conflict(
                story=st.story.id,
                kind="speaker",
                sides=[
                    ConflictSide(
                        text=f"{side[1][0].speaker or side[1][0].speaker_id}: “{side[1][0].text}”",
                        articles=sorted({q.article for q in side[1]}),
                    )
                    for side in sides
                ],
                about=f"quote {group}",
            )
        )
    return out


def rewrite_conflicts(st: StoryText, reuses: Sequence[Reuse]) -> list[Conflict]:
    """Meaning changes the reuse stage found between a source and its copy (both in this story)."""
    out = []
    seen: set[tuple[str, str, str]] = set()
    for r in reuses:
        if r.copy not in st.articles:
            continue
        for al in r.alignments:
            for ch in al.changes:
                key = (r.copy, ch.source_text, ch.copy_text)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    Conflict(
                        story=st.story.id,
                        kind="rewrite-change",
                        sides=[
                            ConflictSide(al.source_sentence or ch.source_text, [r.source]),
                            ConflictSide(al.copy_sentence or ch.copy_text, [r.copy]),
                        ],
                        about=f"{ch.kind}: {ch.source_text} → {ch.copy_text}",
                    )
                )
    return out
