"""Claims: the same statement across outlets, however it is worded, with its independent support.

Every prose sentence of a story's articles is a statement. Statements from different articles are
linked when their combined similarity (MiniLM cosine + in-story TF-IDF overlap) passes
``claim_threshold``, or when they carry the same quote (same ``variant_group``); linked statements
are grouped by average linkage (a merge must keep the mean cross-similarity high), which avoids
the chaining that makes single-linkage glue a whole story into one claim.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from scipy import sparse

from storyprism import models
from storyprism.compare.claims_frames import Frame, asserts_about
from storyprism.compare.claims_passages import passage_agency, shared_passage_pairs
from storyprism.compare.claims_same import quote_different_words, quoted_words
from storyprism.compare.options import CompareOptions
from storyprism.compare.similarity import tfidf_matrix
from storyprism.compare.text import SentenceSpan, content_tokens, is_statement, split_sentences
from storyprism.records import Article, Claim, Quote, Reuse, Story
from storyprism.text.numbers import Quantity, compatible, implies, read_quantities, tightened
from storyprism.text.overlap import (
    PASTED_MIN_WORDS,
    SAME_SENTENCE,
    mostly_quoted,
    quotations,
    word_containment,
)

_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(slots=True)
class StoryText:
    """A story's statements and their similarities, shared by claims, conflicts and summary."""

    story: Story
    articles: dict[str, Article]
    origins: dict[str, str]  # article id -> origin id (itself when independent)
    sentences: list[SentenceSpan] = field(default_factory=list)
    tokens: list[list[str]] = field(default_factory=list)
    tfidf: sparse.csr_matrix | None = None
    pair_sim: dict[tuple[int, int], float] = field(default_factory=dict)  # i < j, cross-article
    vectors: dict[int, np.ndarray] = field(default_factory=dict)  # sentence index -> MiniLM vector
    clusters: list[list[int]] = field(default_factory=list)
    claim_of: dict[int, str] = field(default_factory=dict)  # sentence index -> claim id
    # article -> (its sentence, the origin it took the sentence from): narrative sentences the reuse
    # stage aligned word for word with an earlier article (``copied_sentences``)
    copied: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    _quantities: dict[int, list[Quantity]] = field(default_factory=dict)
    _pinned: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    _said_by: dict[int, str] = field(default_factory=dict)  # sentence index -> ``statement_origin``
    # sentence index -> what it asserts, from the extraction's parse (``claims_frames``; set by the stage)
    frames: dict[int, Frame] = field(default_factory=dict)

    def quantities(self, i: int) -> list[Quantity]:
        """The figures sentence ``i`` gives, read once per story (claims, their wording and the
        number conflicts all ask)."""
        found = self._quantities.get(i)
        if found is None:
            found = self._quantities[i] = read_quantities(self.sentences[i].text)
        return found

    def pinned(self, i: int) -> tuple[str | None, str | None]:
        """The one month and the one year sentence ``i`` names (None where it names none or
        several), read once per story: claim grouping asks at every merge."""
        found = self._pinned.get(i)
        if found is None:
            text = self.sentences[i].text
            months, years = set(_MONTH.findall(text)), set(_YEAR.findall(text))
            found = self._pinned[i] = (
                months.pop() if len(months) == 1 else None, years.pop() if len(years) == 1 else None
            )
        return found

    def sim(self, i: int, j: int) -> float:
        if i == j:
            return 1.0
        return self.pair_sim.get((i, j) if i < j else (j, i), 0.0)


def published_key(article: Article | None) -> tuple[datetime, str]:
    """Sort key for "earliest": parsed ``published`` (UTC), unknown dates last, ties by article id."""
    if article is None:
        return _FAR_FUTURE, ""
    return parse_when(article.published), article.id


def parse_when(value: str | None) -> datetime:
    if not value:
        return _FAR_FUTURE
    value = value.strip()
    # A month- or year-only date sorts as the start of that month or year, not after the year's end.
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        value += "-01"
    elif len(value) == 4 and value.isdigit():
        value += "-01-01"
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return _FAR_FUTURE
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def claim_id(story: str, text: str) -> str:
    digest = hashlib.sha1(f"{story}\n{text}".encode()).hexdigest()[:12]
    return f"c-{digest}"


def story_text(
    story: Story, articles: Mapping[str, Article], origins: Mapping[str, str], options: CompareOptions
) -> StoryText:
    members = {a: articles[a] for a in story.articles if a in articles}
    st = StoryText(story=story, articles=members, origins={a: origins.get(a, a) or a for a in members})
    for aid in sorted(members, key=lambda a: published_key(members[a])):
        text = members[aid].text or ""
        seen: set[str] = set()
        index = 0
        for start, end in split_sentences(text):
            sentence = text[start:end]
            key = sentence.lower()
            if key in seen or not is_statement(
                sentence, options.min_sentence_words, options.max_sentence_words
            ):
                continue
            seen.add(key)
            st.sentences.append(SentenceSpan(aid, index, sentence, start, end))
            st.tokens.append(content_tokens(sentence))
            index += 1
    st.tfidf = tfidf_matrix(st.tokens)
    return st


def _quote_links(st: StoryText, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Pairs of sentences (different articles) that carry the same quote variant group."""
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(st.sentences):
        by_article.setdefault(s.article, []).append(i)
    groups: dict[str, set[int]] = {}
    for q in quotes:
        if not q.variant_group or q.article not in by_article:
            continue
        probe = q.text.strip()[:40].lower()
        for i in by_article[q.article]:
            s = st.sentences[i]
            inside = q.start >= 0 and s.start <= q.start < s.end
            if inside or (probe and probe in s.text.lower()):
                groups.setdefault(q.variant_group, set()).add(i)
                break
    pairs = []
    for idx in groups.values():
        ordered = sorted(idx)
        for a_pos, i in enumerate(ordered):
            for j in ordered[a_pos + 1 :]:
                if st.sentences[i].article != st.sentences[j].article:
                    pairs.append((i, j))
    return pairs


def score_pairs(st: StoryText, quotes: Sequence[Quote], options: CompareOptions) -> None:
    """Fill ``st.pair_sim`` for every cross-article pair that could state the same claim."""
    n = len(st.sentences)
    if n < 2 or st.tfidf is None:
        return
    lex = sparse.triu(st.tfidf @ st.tfidf.T, k=1).tocoo()
    article_index = {a: k for k, a in enumerate(dict.fromkeys(s.article for s in st.sentences))}
    arts = np.array([article_index[s.article] for s in st.sentences])
    # Vectorised filter first: a long story has millions of weakly overlapping pairs.
    keep = (lex.data >= options.candidate_lexical) & (arts[lex.row] != arts[lex.col])
    cand: dict[tuple[int, int], float] = {
        (i, j): min(1.0, v)
        for i, j, v in zip(lex.row[keep].tolist(), lex.col[keep].tolist(), lex.data[keep].tolist(), strict=True)
    }
    # Two sentences that quote someone state the same thing only when they quote the same words:
    # "'It was absolute chaos,' X wrote" and "'It was a scary experience,' X wrote" share their frame
    # (speaker, verb, medium) and little else, yet embed close.
    quoted = {i: " ".join(qs) for i in {k for pair in cand for k in pair}
              if (qs := quotations(st.sentences[i].text)) and len(" ".join(qs)) >= 0.3 * len(st.sentences[i].text)}
    for i, j in [pair for pair in cand if pair[0] in quoted and pair[1] in quoted]:
        if word_containment(quoted[i], quoted[j]) < 0.5:
            del cand[(i, j)]
    # Any share of quoted words: two sentences each printing words of a speaker that the other does
    # not print report two things said (``claims_same.quote_different_words``).
    said = {i: qs for i in {k for pair in cand for k in pair} if (qs := quoted_words(st.sentences[i].text))}
    for i, j in [pair for pair in cand if pair[0] in said and pair[1] in said]:
        if quote_different_words(st.sentences[i].text, st.sentences[j].text, said[i], said[j]):
            del cand[(i, j)]
    forced = set(_quote_links(st, quotes))
    if options.embeddings and cand:
        needed = sorted({k for pair in cand for k in pair})
        vecs = models.embed([st.sentences[k].text for k in needed])
        st.vectors = {k: vecs[pos] for pos, k in enumerate(needed)}
        w = options.embedding_weight
        for (i, j), v in cand.items():
            cos = float(np.dot(st.vectors[i], st.vectors[j]))
            cand[(i, j)] = w * cos + (1.0 - w) * v
    elif cand:
        # Lexical only: rescale so the same threshold means roughly the same (TF-IDF cosine of
        # paraphrases runs lower than MiniLM cosine).
        for key, v in cand.items():
            cand[key] = min(1.0, v * 1.25)
    for pair in forced:
        cand[pair] = 1.0
    st.pair_sim = cand


# No two sentences of one claim (from different articles) may be further apart than this, whatever
# the mean: a background line ("the only tram network runs from A to B via C") and a line of the
# story ("the tram was running from B to A via C") each close to a third sentence are two
# statements about one subject, not one claim with three origins. Below the claim threshold (0.52)
# by a wide margin, so that paraphrases in different shapes still meet.
CLAIM_FLOOR = 0.35


def cluster(st: StoryText, options: CompareOptions) -> list[list[int]]:
    """Average-linkage grouping over the scored pairs (missing pairs count as dissimilar)."""
    n = len(st.sentences)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    threshold = options.claim_threshold
    closest = _closest_in_article(st)
    for (i, j), s in sorted(st.pair_sim.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold:
            break
        if not _mutual_match(st, i, j, s, closest):
            continue  # a related line, not the statement: the other article states it closer elsewhere
        a, b = find(i), find(j)
        if a == b:
            continue
        if _values_clash(members[a], members[b], st):
            continue  # same words, incompatible values: two claims (and perhaps a conflict), not one
        total, count, lowest = 0.0, 0, 1.0
        for x in members[a]:
            for y in members[b]:
                if st.sentences[x].article == st.sentences[y].article:
                    continue  # an article restating itself says nothing about agreement
                pair = st.sim(x, y)
                total += pair
                count += 1
                lowest = min(lowest, pair)
        # A small margin below the pair threshold: paraphrase chains (A~B, B~C) stay together
        # while a cluster never drifts into a neighbouring statement.
        if count and total / count < threshold - 0.08:
            continue
        if lowest < CLAIM_FLOOR:
            continue  # two of the sentences state different things: a chain through a third, not one claim
        parent[b] = a
        members[a].extend(members.pop(b))
    groups = [sorted(m) for m in members.values()]
    groups.sort(key=lambda g: g[0])
    return groups


# A pair this close is one sentence (pasted, or forced by a shared quote): it links whatever else
# the two articles say.
NEAR_VERBATIM = 0.99


def _closest_in_article(st: StoryText) -> dict[tuple[int, str], float]:
    """(sentence, other article) -> the highest similarity of the sentence to any sentence of that
    article (over the scored pairs)."""
    closest: dict[tuple[int, str], float] = {}
    for (i, j), s in st.pair_sim.items():
        for x, y in ((i, j), (j, i)):
            key = (x, st.sentences[y].article)
            if s > closest.get(key, 0.0):
                closest[key] = s
    return closest


def _mutual_match(st: StoryText, i: int, j: int, s: float, closest: Mapping[tuple[int, str], float]) -> bool:
    """Whether sentences ``i`` and ``j`` are each other's closest sentence in the other's article.

    An article that states a claim states it in the sentence closest to the other article's wording;
    when ``i``'s article holds a sentence closer to ``j`` than ``i`` (or the other way round), ``i`` is
    a related line about the same subject (an outlet's own verdict that a business decides a
    company's future, beside another outlet's quote on that business: the quote's article states the
    verdict nowhere), and linking it to ``j`` lends one article's key point the other's support.
    Both may still join one claim through their closer partners, where the mean and floor of the
    group allow."""
    if s >= NEAR_VERBATIM:
        return True
    return (closest.get((i, st.sentences[j].article), 0.0) <= s
            and closest.get((j, st.sentences[i].article), 0.0) <= s)


def _values_clash(xs: list[int], ys: list[int], st: StoryText) -> bool:
    """Whether any two sentences of the groups give incompatible values of one unit and thing, or
    pin their statement to different months or years ("said in November" / "In December, ... said":
    two statements, or a date conflict, never one corroborated claim)."""
    qx = [q for x in xs for q in st.quantities(x)]
    qy = [q for y in ys for q in st.quantities(y)]
    if any(a.unit == b.unit and a.thing & b.thing and not compatible(a, b) for a in qx for b in qy):
        return True
    for k in (0, 1):  # the month, then the year
        vx = {v for x in xs if (v := st.pinned(x)[k])}
        vy = {v for y in ys if (v := st.pinned(y)[k])}
        if vx and vy and not vx & vy:
            return True
    return False


# One month or one year a sentence names ("May" left out: a verb and a surname as often).
_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


_PRONOUN_START = ("he ", "she ", "it ", "they ", "this ", "that ", "these ", "those ", "his ", "her ")


def _representative_score(st: StoryText, i: int, group: list[int]) -> float:
    """Centrality (the medoid), nudged towards wording from an original outlet and towards a
    sentence that stands on its own (a leading pronoun needs the sentence before it)."""
    s = st.sentences[i]
    score = sum(st.sim(i, j) for j in group if j != i) / max(1, len(group) - 1)
    if st.origins.get(s.article, s.article) == s.article:
        score += 0.05
    if s.text.lower().startswith(_PRONOUN_START):
        score -= 0.05
    return score


# Cues by which a sentence names whose report it relays ("told the Guardian", "Reuters reported").
_RELAY_CUES = frozenset(["according to", "told", "reported", "first reported by", "citing", "report by", "obtained by",
                         "per"])


# A quote attributed to a pronoun or a role ("," the scientist said / he added): the same speaker as
# the sentence before it.
_GO_ON = re.compile(r"[\"”'’],?\s+(?:he|she|they|the [a-z]+) (?:said|says|added|adds|explained|continued)\b")


def sentence_origin(st: StoryText, i: int) -> str | None:
    """The origin a sentence names for itself, or None: a sentence crediting one outside outlet
    ("..., Falcke told the Guardian", "..., Reuters reported") relays that outlet's report, whatever
    the rest of its article rests on; so for this statement its origin is the credited outlet (its
    article in the story when there is one, else ``wire:AGENCY`` / ``outlet:NAME``, the names the
    reuse stage gives outside origins). A sentence crediting two outlets names none, unless one is
    the outlet someone "told" and the other relays that interview; one crediting its own names none."""
    from storyprism.reuse.credits import find_credits, outlet_keys, same_name

    s = st.sentences[i]
    art = st.articles.get(s.article)
    if art is None:
        return None
    text = s.text
    prev = st.sentences[i - 1] if i > 0 else None
    if prev is not None and prev.article == s.article and prev.index == s.index - 1 and _GO_ON.search(s.text):
        # a quote that goes on from the sentence before ("... told the Guardian. 'I think ...,' the
        # scientist said"): the pronoun or role speaker is the one that sentence credited
        text = f"{prev.text} {s.text}"
    credits = [c for c in find_credits([text], outlet_keys(art.outlet, art.url))[0] if c.cue in _RELAY_CUES]
    if credits and any(not same_name(c.name, credits[0].name) for c in credits):
        # "X told the Chongqing Morning Post, according to China Daily": the relayer names whose
        # interview it passes on, and the interview is where the words come from
        told = [c for c in credits if c.cue == "told"]
        credits = told if told and all(same_name(c.name, told[0].name) for c in told) else []
    if not credits:
        return None
    return _outside_origin(st, s.article, max((c.name for c in credits), key=len))


def _outside_origin(st: StoryText, article: str, name: str) -> str:
    """The origin a credited outlet ``name`` stands for: its article in the story when there is one,
    else ``wire:AGENCY`` / ``outlet:NAME`` (the names the reuse stage gives outside origins)."""
    from storyprism.reuse.credits import agency_of, name_keys, outlet_keys

    keys = name_keys(name)
    own = st.origins.get(article)
    if own and own != article and own in st.articles:
        # A short form ("told the Times") in an article the reuse stage traced to the New York Times
        # names that source, not another outlet whose key the short form matches better (The Times
        # of London): the article's own source is the first reading of an ambiguous credit.
        src = st.articles[own]
        if any(k.endswith(n) for k in outlet_keys(src.outlet, src.url) for n in keys if len(n) >= 4):
            return st.origins.get(own, own)
    keys |= {"the" + k for k in keys}
    for other, a in st.articles.items():
        if other != article and _network_keys(outlet_keys(a.outlet, a.url)) & keys:
            return st.origins.get(other, other)
    agency = agency_of(name)
    if agency:
        return f"wire:{agency}"
    return f"outlet:{name.removeprefix('the ').removeprefix('The ')}"


def _network_keys(keys: set[str]) -> set[str]:
    """An outlet's keys plus its network's name where its domain is a network's news arm: a
    broadcaster's newsroom is credited by the network's name ("told NBC", "ABC reported") while its
    site is nbcnews.com / abcnews.go.com. Without this, the credit names an outside ``outlet:NBC``
    and the interview the story's own NBC article did counts as a second origin of its quotes."""
    return keys | {k[: -len("news")] for k in keys if k.endswith("news") and len(k) >= len("news") + 3}


def speaker_credits(st: StoryText, quotes: Sequence[Quote]) -> dict[str, dict[str, str]]:
    """article -> speaker -> origin, for speakers an article says gave their words to another outlet
    ("Falcke told the Guardian that ..."): an interview belongs to the outlet that did it, so every
    quote of that speaker in the article relays that outlet's report, wherever it stands. A speaker
    credited to two outlets, or to the article's own, relays none."""
    from storyprism.reuse.credits import find_credits, outlet_keys, same_name

    speakers: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker and q.article in st.articles:
            speakers.setdefault(q.article, set()).add(q.speaker)
    out: dict[str, dict[str, str]] = {}
    for aid, names in speakers.items():
        art = st.articles[aid]
        text = art.text or ""
        own = outlet_keys(art.outlet, art.url)
        # the article's sentences that say someone "told" an outlet, read once for all its speakers
        told = [
            (sentence, [c.name for c in find_credits([sentence], own)[0] if c.cue == "told"])
            for sentence in (text[start:end] for start, end in split_sentences(text)) if "told" in sentence
        ]
        for name in names:
            parts = name.split()
            surname = parts[-1]
            # a person's full name: a one-word "speaker" is as often a country or a body ("China")
            if len(parts) < 2 or len(surname) < 3 or not surname[0].isupper():
                continue
            credited = [c for sentence, names_told in told if surname in sentence for c in names_told]
            if credited and all(same_name(c, credited[0]) for c in credited):
                out.setdefault(aid, {})[name] = _outside_origin(st, aid, max(credited, key=len))
    return out


def _speaker_origin(st: StoryText, i: int, quotes: Sequence[Quote], credited: dict[str, dict[str, str]]) -> str | None:
    """The origin of a sentence quoting a speaker its article credits to another outlet, or None."""
    s = st.sentences[i]
    by_speaker = credited.get(s.article)
    if not by_speaker:
        return None
    # the quote starts in the sentence, or the sentence lies inside a quote of several sentences
    found = {by_speaker[q.speaker] for q in quotes
             if q.article == s.article and q.speaker in by_speaker and q.direct
             and (s.start <= q.start < s.end or q.start < s.start < q.end)}
    return found.pop() if len(found) == 1 else None


def copied_sentences(reuses: Iterable[Reuse], origins: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """article -> (sentence, origin) for the narrative sentences it carries word for word from an
    earlier article (the reuse stage's aligned sentence pairs, any relation: an outlet that reports
    on its own may still paste a paragraph of wire copy). Independent reporters do not write the
    same sentence; a quotation both carry is the speaker's words, not copied text, and is left out."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in reuses:
        origin = origins.get(r.source, r.source) or r.source
        for al in r.alignments:
            if mostly_quoted(al.copy_sentence) or mostly_quoted(al.source_sentence):
                continue
            if word_containment(al.source_sentence, al.copy_sentence) >= SAME_SENTENCE:
                out.setdefault(r.copy, []).append((al.copy_sentence, origin))
    return out


def _copied_from(st: StoryText, i: int) -> str | None:
    """The origin sentence ``i`` was copied from (``StoryText.copied``), or None."""
    s = st.sentences[i]
    for sentence, origin in st.copied.get(s.article, ()):
        if word_containment(sentence, s.text) >= SAME_SENTENCE:
            return origin
    return None


def statement_origin(st: StoryText, i: int) -> str:
    """The origin sentence ``i``'s statement rests on, read once per story: the outlet it credits
    ("..., the state news agency reported": ``sentence_origin``), else the article it was pasted from
    word for word, else its article's origin. Conflicts compare statements, not articles: a newsroom's
    update that gives a new figure on another outlet's authority disagrees with that newsroom's first
    report from a second origin, and an independent outlet's pasted wire sentence is the wire's."""
    found = st._said_by.get(i)
    if found is None:
        article = st.sentences[i].article
        found = st._said_by[i] = (
            sentence_origin(st, i) or _copied_from(st, i) or st.origins.get(article, article)
        )
    return found


VERBATIM_MIN_WORDS_FIGURES = 8  # shorter than PASTED_MIN_WORDS, yet with a figure ("27 million used it in 2015.")


def _long_enough_to_be_pasted(text: str) -> bool:
    n = len(text.split())
    return n >= PASTED_MIN_WORDS or (n >= VERBATIM_MIN_WORDS_FIGURES and any(ch.isdigit() for ch in text))


def _verbatim_pairs(st: StoryText, by_article: Mapping[str, list[int]]) -> list[tuple[str, str]]:
    """Pairs of articles whose sentences of one claim include the same long narrative sentence."""
    long_ = {
        a: [st.sentences[i].text for i in idx
            if _long_enough_to_be_pasted(st.sentences[i].text) and not mostly_quoted(st.sentences[i].text)]
        for a, idx in by_article.items()
    }
    arts = sorted(a for a, texts in long_.items() if texts)
    return [
        (a, b) for k, a in enumerate(arts) for b in arts[k + 1:]
        if any(word_containment(x, y) >= SAME_SENTENCE for x in long_[a] for y in long_[b])
    ]


def _support(
    st: StoryText, group: list[int], quotes: Sequence[Quote] = (), credited: dict[str, dict[str, str]] | None = None
) -> list[str]:
    """Distinct origins stating a claim: each article counts its ultimate origin, except
    - an article that copied a sentence of the claim word for word from an earlier article
      (``copied_sentences``): for this statement, it counts that article's origin;
    - an original (an article that is its own origin) whose sentences in the claim credit one
      outside outlet and no other (``sentence_origin``), or quote a speaker the article credits to
      one (``speaker_credits``): it relays that outlet's report, and so do the copies of it. A
      derived article keeps the origin the reuse stage traced (its credit was followed there), unless
      its own sentences of the claim credit a report the story holds: then that report's origin;
    - an article naming no source that prints quoted words another article of the claim credits to an
      outlet's report (``_credited_quotations``): it counts that outlet."""
    by_article: dict[str, list[int]] = {}
    for i in group:
        by_article.setdefault(st.sentences[i].article, []).append(i)
    relayed: dict[str, str] = {}
    copied: dict[str, str] = {}
    credited_here: dict[str, str] = {}
    for a, idx in by_article.items():
        # one sentence of the claim pasted from elsewhere is enough: the article carries that
        # article's statement (a second wording of it in the same article adds no new source)
        sources = sorted({o for i in idx if (o := _copied_from(st, i)) is not None})
        if len(sources) == 1:
            copied[a] = sources[0]
            continue
        # one credited sentence names the source of the article's statement (the rest of a quote
        # running over several sentences, or its paraphrase beside it, credit nobody again)
        named = {o for i in idx if (o := sentence_origin(st, i) or _speaker_origin(st, i, quotes, credited or {}))}
        if len(named) != 1:
            continue
        if st.origins[a] == a:
            relayed[a] = named.pop()
        elif (o := named.pop()) in st.origins.values():
            # a derived article quoting what it credits to a report the story holds ("Thurman told The
            # New York Times" in a rewrite of Deadline's interview) relays that report for this
            # statement; an outside name is left alone (it may be the article's own origin named
            # another way)
            credited_here[a] = o
    # a copied sentence counts its source's origin, and what that source relays for this statement
    counted = {
        a: credited_here.get(a) or relayed.get(o, o) for a in by_article if (o := copied.get(a) or st.origins[a])
    }
    # Two articles carrying one sentence word for word state it from one source, whichever copied
    # whom: the reuse stage's direction can be wrong (a compilation dated before the wire copy it
    # took the sentence from), so the copy's own origin and its source's count once together.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a in copied:
        own = st.origins[a]
        if own and a in counted:
            x, y = sorted((find(relayed.get(own, own)), find(counted[a])))
            parent[y] = x
    # The same long narrative sentence in two articles that no reuse relation links (a background
    # paragraph both pasted from one agency's copy, "the first deaths on a British tram since 1959
    # ..."): independent reporters do not write one sentence word for word, so it has one source.
    # A sentence that names its source keeps it (a credit says more than a shared wording).
    named_here = set(relayed) | set(credited_here)
    for a, b in _verbatim_pairs(st, by_article):
        if counted.get(a) and counted.get(b) and not named_here & {a, b}:
            x, y = sorted((find(counted[a]), find(counted[b])))
            parent[y] = x
    # the same statement, reworded, inside a passage both print (an agency's background paragraph
    # each desk edited): one source, the agency's when one of them pastes that agency's copy elsewhere
    passages: list[tuple[str, str]] = []  # (an article of a shared passage, the agency it is from)
    for a, b in shared_passage_pairs(st, by_article):
        if counted.get(a) and counted.get(b) and not named_here & {a, b}:
            x, y = sorted((find(counted[a]), find(counted[b])))
            parent[y] = x
            if (wire := passage_agency(st, a, b)) is not None:
                passages.append((a, wire))
                if wire in counted.values():
                    x, y = sorted((find(counted[a]), find(wire)))
                    parent[y] = x
    for b, source in _credited_quotations(st, by_article, quotes, credited or {}, named_here).items():
        if counted.get(b):
            x, y = sorted((find(counted[b]), find(source)))
            parent[y] = x
    # each statement's source is named as before: the origin most of its articles count
    votes = Counter(o for o in counted.values() if o)
    shown: dict[str, str] = {find(counted[a]): wire for a, wire in passages}  # the passage's agency names it
    for o in sorted(votes, key=lambda o: (-votes[o], o)):
        shown.setdefault(find(o), o)
    return sorted(shown.values())


# Quoted words at least this long identify one telling of them: a short phrase ("biggest regret")
# is echoed by anyone who heard it, a clause of a speaker's answer is not.
QUOTE_MIN_WORDS = 6
# Words a sentence presents as a written statement, a release or a post: one text handed to (or read
# by) every outlet that asked, so two outlets printing it are two reports that it was said, whoever
# else names an outlet for it.
_PUBLIC_TEXT = re.compile(r"\b(?:statement|release|post(?:ed)?|tweet(?:ed)?|wrote|writes|blog)\b", re.IGNORECASE)


def _interview_quotations(text: str) -> list[str]:
    """The quoted passages of a sentence long enough to identify one telling, unless the sentence
    presents them as a public text (``_PUBLIC_TEXT``)."""
    if _PUBLIC_TEXT.search(text):
        return []
    return [q for q in quotations(text) if len(q.split()) >= QUOTE_MIN_WORDS]


def _credited_quotations(
    st: StoryText, by_article: Mapping[str, list[int]], quotes: Sequence[Quote],
    credited: dict[str, dict[str, str]], named_here: set[str],
) -> dict[str, str]:
    """article -> the outlet its quoted words come from, for articles of a claim that print, without
    naming a source, the words another article of the claim credits to an outlet's report ("..., Reuters
    reported", "X told Deadline"): the words were given to that outlet (an interview, a telephone call
    with an agency) and every article printing them relays its report, whoever copied them from whom:
    an uncredited copy of an agency's telephone quote and another outlet's "..., the agency reported"
    are one origin, not two. An article that names a source for its own sentences keeps that source;
    words presented as a written statement or a post stay out (``_interview_quotations``)."""
    if len(by_article) < 2:
        return {}
    said_in = {i: _interview_quotations(st.sentences[i].text) for idx in by_article.values() for i in idx}
    sourced: list[tuple[str, list[str], str]] = []  # (article, its credited quotations, the outlet)
    for a, idx in by_article.items():
        for i in idx:
            said = said_in[i]  # the cheap test first
            if said and (origin := sentence_origin(st, i) or _speaker_origin(st, i, quotes, credited)):
                sourced.append((a, said, origin))
    if not sourced:
        return {}
    out: dict[str, str] = {}
    for b, idx in by_article.items():
        if b in named_here:
            continue
        said_b = [q for i in idx for q in said_in[i]]
        found = {origin for a, said, origin in sourced if a != b
                 and any(word_containment(x, y) >= SAME_SENTENCE for x in said for y in said_b)}
        if len(found) == 1:
            out[b] = found.pop()
    return out


# Days, months and years a sentence pins its statement to ("on Friday", "late March", "in 2016").
_WHEN = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\b")
MAX_REPRESENTATIVES = 20  # candidates for a claim's wording tried in a large group (by centrality)


def _figures(quantities: list[Quantity], text: str) -> tuple[list[Quantity], frozenset[str]]:
    """A sentence's figures: its quantities (as read) and the days, months and years it names."""
    return quantities, frozenset(_WHEN.findall(text))


def _states_figures(claim: tuple[list[Quantity], frozenset[str]], other: tuple[list[Quantity], frozenset[str]]) -> bool:
    """Whether a sentence gives every figure of a claim's wording: each quantity by one of its unit at
    least as precise (``implies``: "at least two dead" does not give "four dead"; "four dead" gives "at
    least two"), each day, month and year named. A sentence that leaves out the claim's figure, gives
    another, or gives it more loosely supports a vaguer or another statement, not this one (two origins
    agreeing that a deal was made do not corroborate its $148.9bn)."""
    quantities, when = claim
    other_quantities, other_when = other
    return when <= other_when and all(
        any(o.unit == q.unit and implies(tightened(o), tightened(q)) for o in other_quantities) for q in quantities
    )


def _asserts_more(st: StoryText, i: int, j: int) -> bool:
    """Whether sentence ``i`` states ``j``'s act inside an act of its own that ``j`` does not state
    (``claims_frames.asserts_about``): "a union chief criticized the organisers for designating a
    safety area" beside "the organisers designated a safety area". ``j`` supports the designation, not
    the criticism; as the claim's wording, ``i`` has only its own article's support. Two sentences whose
    main verbs both differ are a paraphrase as far as the parse can tell (their similarity grouped them)."""
    a, b = st.frames.get(i), st.frames.get(j)
    return a is not None and b is not None and asserts_about(a, b)


def _wording_and_support(
    st: StoryText, group: list[int], quotes: Sequence[Quote], credited: dict[str, dict[str, str]]
) -> tuple[int, list[str]]:
    """The sentence a claim is shown in and the origins that state it, figures included: the
    best-supported wording (a precise figure only one origin gives is not what two corroborate),
    then the most central one."""
    ranked = sorted(group, key=lambda i: (-_representative_score(st, i, group), i))
    figures = {i: _figures(st.quantities(i), st.sentences[i].text) for i in group}
    best: tuple[tuple[int, int], int, list[str]] | None = None
    for rank, i in enumerate(ranked[:MAX_REPRESENTATIVES]):
        stating = [j for j in group if j == i or (_states_figures(figures[i], figures[j])
                                                  and not _asserts_more(st, i, j))]
        origins = _support(st, stating, quotes, credited)
        key = (len(origins), -rank)
        if best is None or key > best[0]:
            best = (key, i, origins)
    assert best is not None  # a group holds at least one sentence
    return best[1], best[2]


def build_claims(st: StoryText, quotes: Sequence[Quote], options: CompareOptions) -> list[Claim]:
    score_pairs(st, quotes, options)
    st.clusters = cluster(st, options)
    claims: list[Claim] = []
    used: set[str] = set()
    credited = speaker_credits(st, quotes)
    for group in st.clusters:
        medoid, origins = _wording_and_support(st, group, quotes, credited)
        text = st.sentences[medoid].text
        arts = sorted({st.sentences[i].article for i in group}, key=lambda a: published_key(st.articles[a]))
        cid = claim_id(st.story.id, text)
        if cid in used:  # the same wording as another claim of this story (an article repeating itself)
            cid = claim_id(st.story.id, f"{text}\n{group[0]}")
        used.add(cid)
        for i in group:
            st.claim_of[i] = cid
        claims.append(
            Claim(
                id=cid,
                story=st.story.id,
                text=text,
                articles=arts,
                independent_support=len(origins),
                first_reported=arts[0] if arts else None,
                origins=origins,
            )
        )
    return claims
