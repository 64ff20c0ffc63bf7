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

from storyprism import models
from storyprism.compare.claims import StoryText
from storyprism.compare.options import CompareOptions
from storyprism.compare.relative import relative_date_conflicts
from storyprism.compare.sides import first_time, independent, make_side, maybe_update
from storyprism.compare.similarity import dice
from storyprism.compare.text import NEGATIONS, STOPWORDS, content_tokens, negation_count, stem, words
from storyprism.records import Article, Change, Conflict, ConflictSide, DateMention, Quote, Reuse

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
        vectors = models.embed([c or "-" for c in contexts])

    def sim(i: int, j: int) -> float:
        lexical = dice(tokens[i], tokens[j])
        if vectors is None:
            return lexical
        w = options.embedding_weight
        return w * float(np.dot(vectors[i], vectors[j])) + (1.0 - w) * lexical

    return sim


def _sides_from_pairs(
    st: StoryText,
    items: Sequence[DateMention],
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
            [make_side(st, items[side[0]].sentence, [article(i) for i in side], label(side[0])) for side in sides]
        )
    return out


def _date_prefix(d: DateMention, granularity: str) -> str | None:
    if not d.value:
        return None
    length = {"day": 10, "month": 7, "year": 4}.get(granularity, 10)
    return d.value[:length] if len(d.value) >= length else None


_ORDER = {"year": 0, "month": 1, "day": 2}


# Social-media embed captions ("A post shared by X on Dec 22, 2017") date the post, not the event.
_EMBED = re.compile(r"\bpost shared by\b|\(@\w+\)|pic\.twitter\.com", re.IGNORECASE)


def date_conflicts(st: StoryText, dates: Sequence[DateMention], options: CompareOptions) -> list[Conflict]:
    # Relative dates ("on Tuesday", "last week") are resolved against each article's publication
    # date, so two of them disagree whenever publication dates or time zones do: never compared.
    # Nor are dates from sentences holding several dates: which one dates which event is unclear.
    per_sentence = Counter((d.article, d.sentence) for d in dates)
    items = [
        d
        for d in dates
        if d.article in st.articles
        and not _EMBED.search(d.sentence or "")
        and d.value
        and d.sentence
        and not d.relative
        and per_sentence[(d.article, d.sentence)] == 1
    ]
    if len(items) < 2:
        return relative_date_conflicts(st, dates)
    sim = _context_similarity([_context(d.sentence, d.text) for d in items], options)

    def coarser(a: DateMention, b: DateMention) -> str:
        ga, gb = _ORDER.get(a.granularity, 2), _ORDER.get(b.granularity, 2)
        return a.granularity if ga <= gb else b.granularity

    def agree(i: int, j: int) -> bool:
        g = coarser(items[i], items[j])
        return _date_prefix(items[i], g) == _date_prefix(items[j], g)

    sentence_of = {(s.article, " ".join(s.text.split())): k for k, s in enumerate(st.sentences)}
    edges = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            si, sj = sentence_of.get((a.article, " ".join(a.sentence.split()))), sentence_of.get(
                (b.article, " ".join(b.sentence.split()))
            )
            one_origin = (
                not independent(st, si, sj) if si is not None and sj is not None
                else st.origins[a.article] == st.origins[b.article]
            )
            if one_origin or agree(i, j):
                continue
            # The date's own surroundings must match: two sentences of one loose claim can date
            # different steps of it. A later report may correct the date: an update, not a conflict.
            if maybe_update(st, a.article, b.article):
                continue
            # Either the words around the two dates match, or the two whole sentences state the
            # same thing (pairwise, at the claim threshold: never through a chain of a loose claim).
            same_statement = si is not None and sj is not None and st.sim(si, sj) >= options.claim_threshold
            if same_statement or sim(i, j) >= options.date_context_threshold:
                edges.append((i, j))
    # Each side is the full sentence; its value is the date as printed and as read. Relative weeks
    # and months are compared only between articles of one week or month (compare/relative.py).
    return relative_date_conflicts(st, dates) + [
        Conflict(
            story=st.story.id,
            kind="date",
            sides=sides,
            about="date of the same event",
            attribute="date of the same event",
            confidence=0.6,  # absolute dates in matching sentences; time zones can still explain a day
        )
        for sides in _sides_from_pairs(
            st,
            items,
            edges,
            agree,
            lambda i: f"{items[i].text} ({items[i].value})",
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


_QUOTED = re.compile(r"[“\"]([^”\"]{20,})[”\"]?")


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
        if not independent(st, i, j):
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
        qa, qb = _QUOTED.findall(a.text), _QUOTED.findall(b.text)
        if qa and qb and dice(content_tokens(" ".join(qa)), content_tokens(" ".join(qb))) >= 0.8:
            continue  # one statement quoted by both, framed or cut differently: not a denial
        if not first_time(seen, (a.text, b.text)):
            continue
        out.append(
            Conflict(
                story=st.story.id,
                kind="negation",
                sides=[make_side(st, a.text, [a.article]), make_side(st, b.text, [b.article])],
                about="statement and its negation",
                attribute="whether it is so",
                confidence=0.7,
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
        origin_sets = [{st.origins.get(q.article, q.article) for q in side[1]} for side in sides]
        if all(o == origin_sets[0] for o in origin_sets):
            continue  # one origin crediting its own words differently: a copy's change, not a conflict
        out.append(
            Conflict(
                story=st.story.id,
                kind="speaker",
                sides=[
                    make_side(
                        st,
                        _quote_sentence(st, side[1][0]),
                        [q.article for q in side[1]],
                        f"{side[1][0].speaker or side[1][0].speaker_id}: “{side[1][0].text}”",
                    )
                    for side in sides
                ],
                about=f"quote {group}",
                attribute="who said it",
                confidence=0.6,
            )
        )
    return out


def _quote_sentence(st: StoryText, q: Quote) -> str:
    probe = q.text.strip()[:40].lower()
    for s in st.sentences:
        if s.article == q.article and probe and probe in s.text.lower():
            return s.text
    return f"{q.speaker or q.speaker_id}: “{q.text}”"


# What a copy changed, most serious first. A role flip ("invasion of" -> "invasion by") turns the
# fact around; a changed number or a flipped negation changes it; a dropped attribution makes a
# claim sound like the outlet's own. Reworded names and dropped clauses (hedge-removed) are not
# changes of meaning and are not listed.
_SEVERITY = {"role-flip": 0, "number": 1, "negation": 2, "attribution-dropped": 3, "entity": 4}
_SEVERITY_WORDS = {
    "role-flip": "who did what to whom",
    "number": "a number",
    "negation": "whether it happened",
    "attribution-dropped": "who said it",
    "entity": "who or what it is about",
}
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]+")


def _is_rewording(ch: Change) -> bool:
    """One name standing for the other ("Bell" / "Le'Veon Bell", "Xi" / "Xi Jinping")."""
    a = {w.lower() for w in _NAME_TOKEN.findall(ch.source_text)}
    b = {w.lower() for w in _NAME_TOKEN.findall(ch.copy_text)}
    return not a or not b or bool(a & b)


def _attribution_kept(ch: Change, copy: Article | None, copy_sentence: str) -> bool:
    """The source's attribution is still in the copy, one sentence before or after: not dropped."""
    if copy is None or not copy.text:
        return False
    pos = copy.text.find(copy_sentence[:60]) if copy_sentence else -1
    window = copy.text if pos < 0 else copy.text[max(0, pos - 400) : pos + len(copy_sentence) + 400]
    window_lower = window.lower()
    names = [w for w in _CAPITALISED.findall(ch.source_text) if w.lower() not in STOPWORDS]
    if names:
        return any(n.lower().rstrip("’'s") in window_lower for n in names)
    heads = [w for w in words(ch.source_text) if w not in STOPWORDS and w not in ("said", "says", "told")]
    return bool(heads) and heads[-1] in window_lower


# A tag that names nobody ("he added", "she tweeted") or a wire dateline read as a tag: cutting it
# loses no source, the speaker is named where the quotation began.
_UNNAMED_TAG = re.compile(r"^\s*(?:he|she|they|it|we|i)\b|\((?:AP|Reuters|AFP|PA|dpa|Xinhua)\)", re.IGNORECASE)


def _unnamed_tag(attribution: str) -> bool:
    return bool(_UNNAMED_TAG.search(attribution))


def rewrite_conflicts(st: StoryText, reuses: Sequence[Reuse]) -> list[Conflict]:
    """Meaning changes the reuse stage found between a source and its copy (both in this story),
    most serious first for each copy; rewordings and dropped clauses are left out."""
    out: list[tuple[str, int, int, Conflict]] = []
    seen: set[tuple[str, str, str]] = set()
    for r in reuses:
        if r.copy not in st.articles:
            continue
        for al in r.alignments:
            for ch in al.changes:
                severity = _SEVERITY.get(ch.kind)
                if severity is None or (ch.kind == "entity" and _is_rewording(ch)):
                    continue
                if ch.kind == "attribution-dropped" and (
                    _unnamed_tag(ch.source_text)
                    or _attribution_kept(ch, st.articles.get(r.copy), al.copy_sentence or ch.copy_text)
                ):
                    continue
                if not first_time(seen, (r.copy, ch.source_text, ch.copy_text)):
                    continue
                conflict = Conflict(
                    story=st.story.id,
                    kind="rewrite-change",
                    sides=[
                        make_side(st, al.source_sentence or ch.source_text, [r.source], ch.source_text),
                        make_side(st, al.copy_sentence or ch.copy_text, [r.copy], ch.copy_text),
                    ],
                    about=f"{ch.kind}: {ch.source_text} → {ch.copy_text}",
                    attribute=_SEVERITY_WORDS[ch.kind],
                    confidence=round(1.0 - 0.15 * severity, 2),
                )
                out.append((r.copy, severity, len(out), conflict))
    out.sort(key=lambda x: (x[0], x[1], x[2]))
    return [c for *_, c in out]
