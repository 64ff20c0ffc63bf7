"""Per-story summary (extractive, cited), outlet coverage and timeline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlparse

import numpy as np

from storyprism import models
from storyprism.compare.claims import StoryText, parse_when, published_key
from storyprism.compare.options import CompareOptions
from storyprism.compare.readability import display_text, readable
from storyprism.compare.restatement import Fact, fact_of, restates, shares_most_words
from storyprism.compare.text import content_tokens
from storyprism.records import (
    Article,
    Claim,
    DateMention,
    OutletCoverage,
    Story,
    Summary,
    SummarySentence,
    TimelineEntry,
)

_FUTURE = re.compile(
    r"\b(?:will|would|shall|scheduled|planned|plans?|expected|due|set to|next|upcoming|to be held|to begin)\b",
    re.IGNORECASE,
)


def outlet_of(article: Article) -> str:
    """The outlet name; the URL's host when the outlet is unknown; else the article itself."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return article.id


def summarise(st: StoryText, claims: Sequence[Claim], options: CompareOptions) -> Summary:
    """MMR over claims: relevance = independent support, centrality and lead position; redundancy =
    similarity to the claims already picked, so the summary states each thing once."""
    if not claims:
        return Summary(story=st.story.id, sentences=[])
    index_of_text: dict[str, int] = {}
    for i, s in enumerate(st.sentences):
        index_of_text.setdefault(s.text, i)
    all_rows = [index_of_text.get(c.text, 0) for c in claims]
    core = _headline_core([a.title for a in st.articles.values()])
    assert st.tfidf is not None
    # Centrality against the centroid of the whole story (sparse: cheap for thousands of claims).
    centroid = np.asarray(st.tfidf[all_rows].mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid)) or 1.0
    centrality = np.asarray(st.tfidf[all_rows] @ (centroid / norm)).ravel()
    max_support = max(c.independent_support for c in claims) or 1
    positions = np.array([st.sentences[r].index for r in all_rows], dtype=np.float32)
    support = np.array([c.independent_support for c in claims], dtype=np.float32)
    headline = np.array([_headline_share(c.text, core) for c in claims], dtype=np.float32)
    # Support dominates: a statement several independent outlets carry is what the story is; the
    # headlines' shared words say what the event is (a sentence about another event shares none).
    scores = 0.55 * support / max_support + 0.2 * centrality + 0.15 * headline + 0.1 / (1.0 + positions)
    # MMR only among the most relevant claims: the rest could never make an 8-sentence summary.
    top = [int(k) for k in np.argsort(-scores, kind="stable")[: max(50, 10 * options.summary_sentences)]]
    claims = [claims[k] for k in top]
    rows = [all_rows[k] for k in top]
    relevance = [float(scores[k]) for k in top]
    headline_of = [float(headline[k]) for k in top]
    dense = np.asarray(st.tfidf[rows].todense(), dtype=np.float32)
    similarity = dense @ dense.T
    # Where both sentences were embedded, the encoder sees paraphrase redundancy TF-IDF misses.
    embedded = [k for k in range(len(claims)) if rows[k] in st.vectors]
    if len(embedded) > 1:
        vecs = np.vstack([st.vectors[rows[k]] for k in embedded])
        block = np.ix_(embedded, embedded)
        similarity[block] = np.maximum(similarity[block], vecs @ vecs.T)
    facts: dict[int, Fact] = {}

    def fact(k: int) -> Fact:
        if k not in facts:
            facts[k] = fact_of(claims[k].text)
        return facts[k]

    def cosine(k: int, c: int) -> Callable[[], float | None]:
        return lambda: _encoder_similarity(st, rows[k], rows[c], claims[k].text, claims[c].text, options)

    chosen: list[int] = []
    remaining = set(range(len(claims)))
    lam = options.summary_diversity
    # A sentence cut inside a quotation reads as a fragment out of context: keep it out.
    remaining -= {k for k, c in enumerate(claims) if not _balanced(c.text) or not readable(c.text)}
    # A gallery's or a slideshow's title repeated before each caption ("Port of X turns 300 Historic
    # towers ...", "Port of X turns 300 Trading place ..."): the same opening words on several lines
    # of one page are a label, not the start of a statement.
    labels = _repeated_openings(st)
    remaining -= {k for k, c in enumerate(claims) if _opening(c.text) in labels}
    # Open with the event: the best-supported claim that some article states in its lead (its first
    # two kept sentences), where news puts what happened and its outcome.
    lead_claims = {st.claim_of.get(i) for i, s in enumerate(st.sentences) if s.index <= 1}
    leads = [k for k in remaining if claims[k].id in lead_claims]
    if leads:
        opening = max(sorted(leads), key=lambda k: (min(claims[k].independent_support, 2), relevance[k] + headline_of[k]))
        chosen.append(opening)
        remaining.discard(opening)
    while remaining and len(chosen) < options.summary_sentences:

        def mmr(k: int) -> float:
            redundancy = max((float(similarity[k, c]) for c in chosen), default=0.0)
            return lam * relevance[k] - (1.0 - lam) * redundancy

        best = max(sorted(remaining), key=mmr)
        remaining.discard(best)
        if chosen and max(float(similarity[best, c]) for c in chosen) > 0.8:
            continue  # near-duplicate of a picked sentence
        if any(
            shares_most_words(claims[best].text, claims[c].text) or restates(fact(best), fact(c), cosine(best, c))
            for c in chosen
        ):
            continue  # the same statement reworded, or one fact in other words: each fact shown once
        chosen.append(best)
    sentences = []
    for k in chosen:
        c = claims[k]
        outlets = sorted({outlet_of(st.articles[a]) for a in c.articles if a in st.articles})
        # Shown without the wire dateline that opens agency copy; the citation stays.
        sentences.append(SummarySentence(text=display_text(c.text), articles=list(c.articles), outlets=outlets))
    return Summary(story=st.story.id, sentences=sentences)


def _encoder_similarity(st: StoryText, i: int, j: int, a: str, b: str, options: CompareOptions) -> float | None:
    """The sentence encoder's cosine of two sentences: their stored vectors, or encoded now (the
    embedding store keeps each sentence's vector once); None when the encoder is off."""
    if i in st.vectors and j in st.vectors:
        return float(np.dot(st.vectors[i], st.vectors[j]))
    if not options.embeddings:
        return None
    va, vb = models.embed([a, b])
    return float(np.dot(va, vb))


def _headline_core(titles: Sequence[str]) -> set[str]:
    """What the story's headlines agree the event is: content words in at least two headlines (or
    in the only one), stemmed like claims."""
    sets = [set(content_tokens(t)) for t in titles if t]
    if not sets:
        return set()
    if len(sets) == 1:
        return sets[0]
    counts = Counter(w for words in sets for w in words)
    return {w for w, n in counts.items() if n >= 2}


def _headline_share(text: str, core: set[str]) -> float:
    """Share of the headline core a sentence states (capped at five words: a lead need not say all)."""
    if not core:
        return 0.0
    return min(1.0, len(core & set(content_tokens(text))) / min(5, len(core)))


_OPENING_WORDS = 4
_REPEATED_OPENING = 3


def _opening(text: str) -> str:
    return " ".join(display_text(text).lower().split()[:_OPENING_WORDS])


def _titled(text: str) -> bool:
    """A name among the opening words after the first: a gallery's title names its subject ("Port of
    Duisburg turns 300"), where prose repeating itself ("The company said it ...") names nobody."""
    return any(w[:1].isupper() for w in display_text(text).split()[1:_OPENING_WORDS])


def _repeated_openings(st: StoryText) -> set[str]:
    """Openings of ``_OPENING_WORDS`` words, naming something, that start ``_REPEATED_OPENING`` or more
    sentences of one article."""
    counts = Counter(
        (s.article, _opening(s.text)) for s in st.sentences if len(s.text.split()) > _OPENING_WORDS and _titled(s.text)
    )
    return {opening for (_, opening), n in counts.items() if n >= _REPEATED_OPENING}


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def outlet_coverage(st: StoryText, claims: Sequence[Claim], options: CompareOptions) -> list[OutletCoverage]:
    """What each outlet adds that no other carries, and what it omits that most others carry."""
    by_outlet: dict[str, list[str]] = {}
    for aid, article in st.articles.items():
        by_outlet.setdefault(outlet_of(article), []).append(aid)
    if len(by_outlet) < 2:
        return []
    outlet_of_article = {a: o for o, arts in by_outlet.items() for a in arts}
    claim_outlets = {
        c.id: {outlet_of_article[a] for a in c.articles if a in outlet_of_article} for c in claims
    }
    out = []
    for outlet in sorted(by_outlet):
        others = len(by_outlet) - 1
        adds = [c.id for c in claims if claim_outlets[c.id] == {outlet}]
        omits = []
        for c in claims:
            carriers = claim_outlets[c.id]
            if outlet in carriers:
                continue
            # "Most others": a share of the other outlets, and never fewer than two of them.
            if len(carriers) >= max(2, options.omission_share * others) and c.independent_support >= 2:
                omits.append(c.id)
        out.append(
            OutletCoverage(
                story=st.story.id, outlet=outlet, articles=sorted(by_outlet[outlet]), adds=adds, omits=omits
            )
        )
    return out


def timeline(
    st: StoryText,
    stories: Mapping[str, Story],
    storyline_stories: Sequence[str],
    dates: Sequence[DateMention],
    options: CompareOptions,
) -> list[TimelineEntry]:
    """Articles by publication time, the storyline's events, and dated statements (most cited first)."""
    entries: list[TimelineEntry] = []
    for aid in sorted(st.articles, key=lambda a: published_key(st.articles[a])):
        a = st.articles[aid]
        entries.append(
            TimelineEntry(
                story=st.story.id,
                date=a.published,
                kind="article",
                text=f"{outlet_of(a)}: {a.title}",
                articles=[aid],
            )
        )
    for sid in storyline_stories:
        other = stories.get(sid)
        if other is None:
            continue
        entries.append(
            TimelineEntry(
                story=st.story.id,
                date=other.first_seen,
                kind="event",
                text=other.title + (" (this story)" if sid == st.story.id else ""),
                articles=list(other.articles),
            )
        )
    grouped: dict[tuple[str, str], list[DateMention]] = {}
    # Nothing has happened after the newest article: a later date is a plan ("will", "scheduled")
    # or a misreading; only dates stated as future are kept.
    newest = max((parse_when(a.published) for a in st.articles.values() if a.published), default=None)
    for d in dates:
        if d.article not in st.articles or not d.value or not d.sentence:
            continue
        if newest is not None and newest.year < 9000 and parse_when(d.value) > newest and not _FUTURE.search(d.sentence):
            continue
        grouped.setdefault((d.value, d.sentence.strip().lower()), []).append(d)
    by_value: dict[str, list[DateMention]] = {}
    for (value, _), ds in grouped.items():
        by_value.setdefault(value, []).extend(ds)
    ranked = sorted(by_value.items(), key=lambda kv: (-len({d.article for d in kv[1]}), kv[0]))
    for value, ds in ranked[: options.max_timeline_statements]:
        entries.append(
            TimelineEntry(
                story=st.story.id,
                date=value,
                kind="statement",
                text=ds[0].sentence.strip(),
                articles=sorted({d.article for d in ds}),
            )
        )
    entries.sort(key=lambda e: (parse_when(e.date), e.kind, e.text))
    return entries
