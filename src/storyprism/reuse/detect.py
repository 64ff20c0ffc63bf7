"""detect_reuse: who copied or rewrote whom, and what the copy changed.

Pipeline over a corpus (each step linear or near-linear in the number of articles):
1. prepare every article once: word tokens, 5-word shingle hashes, sentences;
2. exact duplicates by normalised text; near-duplicates by vectorised MinHash + LSH banding,
   grouped into components, each verified as a star from its source-most member;
3. disguised rewrites: candidates are pairs sharing a large weighted share of rare terms and
   names (sparse product over capped posting lists, top-k per article, within a time window),
   verified by an order-preserving sentence alignment on lexical and embedding similarity;
4. each verified pair gets a relation (decide.py), a direction (direction.py) and, for every
   aligned sentence pair, its meaning-bearing changes (changes.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from storyprism.records import Alignment, Article, Change, Reuse
from storyprism.reuse import minhash
from storyprism.reuse.align import (
    AlignmentResult,
    SentenceMatch,
    align,
    countable,
    lexical_matrix,
    similarity_matrix,
    word_sets,
)
from storyprism.reuse.candidates import (
    SMALL_CORPUS,  # noqa: F401 - engine/reuse_step.py calls it as detect.SMALL_CORPUS
    candidate_scores,  # noqa: F401 - engine/reuse_step.py calls it as detect.candidate_scores
    content_terms,
    pair_share,  # noqa: F401 - engine/reuse_step.py calls it as detect.pair_share
    rare_limit,  # noqa: F401 - engine/reuse_step.py calls it as detect.rare_limit
    rare_term_pairs,
    term_weight,  # noqa: F401 - engine/reuse_step.py calls it as detect.term_weight
    top_candidates,  # noqa: F401 - engine/reuse_step.py calls it as detect.top_candidates
    window_time,  # noqa: F401 - engine/reuse_step.py calls it as detect.window_time
    within_window,  # noqa: F401 - engine/reuse_step.py calls it as detect.within_window
)
from storyprism.reuse.changes import batch_changes
from storyprism.reuse.decide import (
    RUN_MIN,
    RUN_SHARE,
    SHARED_MIN_VERBATIM,
    PairFeatures,
    decide,
    pair_features,
    reuse_score,
)
from storyprism.reuse.direction import decide_direction, has_dateline, has_wire_credit, parse_time
from storyprism.reuse.options import ReuseOptions
from storyprism.reuse.text import fast_words, shingle_hashes, split_sentences, token_hashes
from storyprism.text.embeddings import DIM
from storyprism.text.overlap import words

COPY_KINDS = frozenset({"identical", "copy", "edited", "rewrite"})

# ``decide``'s shared-source bar on shingle containment and ``pair_features``' verbatim sentence pair
# (word-bigram containment): ``vector_rows`` reads them to tell a pair no vector can make a relation
SHARED_CONTAINMENT = 0.15
VERBATIM_CONTAINMENT = 0.8

PhaseProgress = Callable[[str, int, int], None]  # (phase, done, total) for long corpus-wide steps


@dataclass(slots=True)
class Doc:
    """One article as reuse compares it. Tokens and sentences are read from the text the first time
    they are needed (``tokens``, ``sentences``): with the per-article values of earlier runs
    (``DocFacts``) a re-run reads only the texts of the new articles and of the pairs it compares."""

    article: Article
    tokens_: list[str] | None
    shingles: np.ndarray  # _UNREAD until first read (``shingles_of``): a stored signature needs none
    sentences_: list[str] | None
    digest: str
    embeddings: np.ndarray | None = None
    embedded: np.ndarray | None = None  # which rows of ``embeddings`` hold vectors (``_embeddings``)
    bigrams: list[set[tuple[str, str]]] | None = None  # per sentence, for ``_verbatim_pairs``
    names: set[str] = field(default_factory=set)
    word_sets: list[set[str]] | None = None  # per sentence, filled on first comparison
    rank: tuple | None = None  # source_rank, filled on first use (it reads the whole text for wire lines)
    shingle_size: int = 5  # the options' shingle size, for ``shingles_of``
    facts: DocFacts | None = None  # what the text gives (token count, rare terms, wire look), once

    @property
    def tokens(self) -> list[str]:
        if self.tokens_ is None:
            self.tokens_ = fast_words(self.article.text or "")
        return self.tokens_

    @property
    def sentences(self) -> list[str]:
        if self.sentences_ is None:
            self.sentences_ = split_sentences(self.article.text or "")
        return self.sentences_

    def fact(self) -> DocFacts:
        """The per-text values the candidate steps read (``DocFacts``), computed on first use."""
        if self.facts is None:
            self.facts = doc_facts(self.tokens, self.digest, self.article.text)
        return self.facts


@dataclass(frozen=True, slots=True)
class DocFacts:
    """What the candidate steps read of one text, each a function of the text alone: its token digest
    and count, its rare-term candidates (``content_terms``) and whether it looks like wire copy (a
    dateline or a wire credit: ``source_rank``). Kept between runs by text hash (``DocFactsCache``),
    so a re-run tokenises only the texts it has not seen."""

    digest: str
    n_tokens: int
    terms: tuple[str, ...]
    wire_look: bool


def doc_facts(tokens: list[str], digest: str, text: str) -> DocFacts:
    return DocFacts(digest, len(tokens), tuple(content_terms(tokens)), has_dateline(text) or has_wire_credit(text))


def text_hash(text: str) -> str:
    """The key ``DocFacts`` are kept under (the text alone decides them)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


@dataclass(slots=True)
class DocFactsCache:
    """``DocFacts`` kept between runs: ``known`` holds the last run's (text hash -> [digest, token
    count, terms, wire look]), ``kept`` collects this run's, so the facts of removed texts drop out."""

    known: dict[str, list] = field(default_factory=dict)
    kept: dict[str, list] = field(default_factory=dict)

    def recall(self, text: str) -> tuple[str, DocFacts | None]:
        key = text_hash(text)
        entry = self.known.get(key)
        if isinstance(entry, list) and len(entry) == 4:
            self.kept[key] = entry
            return key, DocFacts(str(entry[0]), int(entry[1]), tuple(entry[2]), bool(entry[3]))
        return key, None

    def keep(self, key: str, facts: DocFacts) -> None:
        self.kept[key] = [facts.digest, facts.n_tokens, list(facts.terms), facts.wire_look]

    @property
    def changed(self) -> bool:
        return self.kept != self.known


_UNREAD = np.zeros(0, dtype=np.uint64)  # the shingles of a lazily prepared Doc, not computed yet


def shingles_of(doc: Doc) -> np.ndarray:
    """The document's shingle hashes (sorted, unique), computed on first read."""
    if doc.shingles is _UNREAD:
        doc.shingles = np.unique(shingle_hashes(token_hashes(doc.tokens, {}), doc.shingle_size))
    return doc.shingles


def _word_sets(doc: Doc) -> list[set[str]]:
    if doc.word_sets is None:
        doc.word_sets = word_sets(doc.sentences)
    return doc.word_sets


def usable(articles: Iterable[Article]) -> list[Article]:
    """The articles reuse compares, in order: an empty body cannot be compared, and a repeated id
    would double-count (its first occurrence is kept)."""
    seen: set[str] = set()
    out = []
    for art in articles:
        if art.id in seen or not (art.text or "").strip():
            continue
        seen.add(art.id)
        out.append(art)
    return out


def prepare_doc(
    art: Article, options: ReuseOptions, cache: dict[str, int] | None = None, lazy: bool = False,
    facts: DocFactsCache | None = None,
) -> Doc:
    """One article as reuse compares it (``cache`` only saves re-hashing words across articles;
    ``lazy``: shingles left to ``shingles_of``, sentences to first read; ``facts``: the per-text
    values of earlier runs, so a known text is not tokenised at all until a pair reads it)."""
    size = max(1, options.shingle_size)
    if facts is not None:
        key, known = facts.recall(art.text or "")
        if known is not None:
            return Doc(art, None, _UNREAD, None, known.digest, shingle_size=size, facts=known)
    toks = fast_words(art.text or "")
    sh = _UNREAD if lazy else np.unique(shingle_hashes(token_hashes(toks, {} if cache is None else cache), size))
    digest = hashlib.blake2b(" ".join(toks).encode("utf-8"), digest_size=12).hexdigest()
    doc = Doc(art, toks, sh, None if lazy else split_sentences(art.text or ""), digest, shingle_size=size)
    if facts is not None:
        facts.keep(key, doc.fact())
    return doc


def prepare(
    articles: Sequence[Article], options: ReuseOptions, lazy: bool = False, facts: DocFactsCache | None = None
) -> list[Doc]:
    cache: dict[str, int] = {}
    return [prepare_doc(art, options, cache, lazy, facts) for art in usable(articles)]


# --------------------------------------------------------------------------- candidates


def source_rank(doc: Doc) -> tuple:
    """Sort key: the most source-like article first (earliest, wire-looking, longest)."""
    if doc.rank is None:
        t = parse_time(doc.article.published)
        doc.rank = (
            t is None,
            t or 0,
            doc.article.published_inferred,
            not doc.fact().wire_look,
            -doc.fact().n_tokens,
            doc.article.id,
        )
    return doc.rank


# --------------------------------------------------------------------------- verification


@dataclass(slots=True)
class PairResult:
    kind: str | None
    features: PairFeatures
    alignment: AlignmentResult


def prime_embeddings(sentences: Iterable[str], progress: PhaseProgress | None = None) -> None:
    """Encode many sentences in one batched pass ahead of many pair comparisons (the shared
    embedding store keeps them; later look-ups are free)."""
    from storyprism.models import embed

    unique = list(dict.fromkeys(sentences))
    for k in range(0, len(unique), 1024):
        embed(unique[k : k + 1024])
        if progress is not None:
            progress("sentence vectors", min(k + 1024, len(unique)), len(unique))


def countable_sentences(doc: Doc) -> list[str]:
    """The sentences an alignment can match (``align.countable``): ``align`` zeroes the similarity of
    every shorter line (captions, "Full Screen", bylines) before it reads the matrix, so their
    vectors decide nothing and are never encoded."""
    return [s for s in doc.sentences if countable(s)]


def _embeddings(doc: Doc, rows: np.ndarray | None = None) -> np.ndarray:
    """Sentence embeddings of a document from the shared store: wire copies and repeated sources
    share most of their sentences, and each distinct sentence is encoded once, ever. A sentence too
    short to count in an alignment (``countable_sentences``) gets a zero row instead: its similarity
    is masked out anyway (3 % of the Giveme5W1H articles' lines: captions, credits, "Full Screen").
    With ``rows`` (a mask over the sentences) only those are encoded and every other row is zero, so
    what one pair reads never depends on what another pair of the run had encoded."""
    from storyprism.models import embed

    want = np.array([countable(s) for s in doc.sentences], dtype=bool)
    if rows is not None:
        want &= rows
    if doc.embeddings is None or doc.embedded is None:
        doc.embeddings = np.zeros((len(doc.sentences), DIM), dtype=np.float32)
        doc.embedded = np.zeros(len(doc.sentences), dtype=bool)
    missing = np.nonzero(want & ~doc.embedded)[0]
    if len(missing):
        doc.embeddings[missing] = embed([doc.sentences[k] for k in missing])
        doc.embedded[missing] = True
    return doc.embeddings * want[:, None]


def vector_rows(
    a: Doc, b: Doc, lex: np.ndarray, f: PairFeatures, options: ReuseOptions
) -> tuple[np.ndarray, np.ndarray] | None:
    """The sentences of ``a`` and ``b`` whose vectors the embedding pass reads (two masks), or None
    when no alignment the vectors could give makes a relation of the pair.

    Only a sentence that shares a content word with some sentence of the other article gets a
    vector: one the vectors lift to the alignment threshold has such a word (on the 1,052
    Giveme5W1H candidate pairs that reach the embedding pass, 6,986 of the 6,993 sentence pairs it
    lifts above their word overlap; encoding only such sentences changed no pair's kind or
    alignment: benchmarks/encode_need.py).

    And a relation the lexical pass did not find needs, with vectors, a rewrite (most of the copy
    aligned, or a passage retold in order: ``decide``) or a shared source (two verbatim sentence
    pairs, or shared shingles, which no vector changes). When fewer sentences of either side have a
    partner of word overlap ``options.vector_pair_floor`` than a rewrite needs, no shingles are
    shared and no two sentence pairs are verbatim, the pair keeps no relation whatever the vectors
    say. On the 381 Giveme5W1H articles that skips 858 of those 1,052 pairs (none of them has a
    relation with every vector) and the stage asks for 5,525 distinct sentences instead of 9,363,
    with the same relations, alignments and figures (benchmarks/encode_need.py)."""
    if lex.size == 0:
        return None
    best_a, best_b = lex.max(axis=1), lex.max(axis=0)
    use_a = np.array([countable(s) for s in a.sentences], dtype=bool)
    use_b = np.array([countable(s) for s in b.sentences], dtype=bool)
    rows_a, rows_b = use_a & (best_a > 0), use_b & (best_b > 0)
    if not rows_a.any() or not rows_b.any():
        return None
    floor = options.vector_pair_floor
    na = int((rows_a & (best_a >= floor)).sum())
    nb = int((rows_b & (best_b >= floor)).sum())
    # either side may turn out the copy (``_build`` decides again with the copy on the other side)
    can_rewrite = any(
        n_copy >= options.rewrite_coverage * counted or min(na, nb) >= max(RUN_MIN, RUN_SHARE * counted)
        for n_copy, counted in ((nb, int(use_b.sum())), (na, int(use_a.sum())))
        if counted
    )
    if can_rewrite or max(f.containment_a, f.containment_b) >= SHARED_CONTAINMENT:
        return rows_a, rows_b
    if _verbatim_pairs(a, b, use_a, use_b, SHARED_MIN_VERBATIM) >= SHARED_MIN_VERBATIM:
        return rows_a, rows_b
    return None


def _bigrams(doc: Doc) -> list[set[tuple[str, str]]]:
    if doc.bigrams is None:
        doc.bigrams = [set(pairwise(words(s))) for s in doc.sentences]
    return doc.bigrams


def _verbatim_pairs(a: Doc, b: Doc, use_a: np.ndarray, use_b: np.ndarray, enough: int) -> int:
    """How many countable sentence pairs are verbatim (``word_containment`` >= 0.8, what
    ``pair_features`` counts), stopping at ``enough``: no alignment can hold more of them."""
    ga, gb = _bigrams(a), _bigrams(b)
    found = 0
    for i in np.nonzero(use_a)[0]:
        x = ga[i]
        if not x:
            continue
        for j in np.nonzero(use_b)[0]:
            y = gb[j]
            if y and len(x & y) >= VERBATIM_CONTAINMENT * min(len(x), len(y)):
                found += 1
                if found >= enough:
                    return found
    return found


@dataclass(slots=True)
class LexicalPass:
    """The word-overlap half of ``compare_docs``: matrix, alignment, features and kind."""

    lex: np.ndarray
    alignment: AlignmentResult
    features: PairFeatures
    kind: str | None

    def needs_vectors(
        self, a: Doc, b: Doc, options: ReuseOptions, lean: bool = True
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """The sentence masks the embedding pass reads, or None when words alone decide the pair.
        ``lean``: only what the relation can depend on (``vector_rows``); else every sentence, for a
        caller that reads the features of a pair that has no relation too (``compare_texts``)."""
        if not options.use_embeddings or self.kind in ("identical", "copy", "edited"):
            return None
        if not (a.sentences and b.sentences):
            return None
        if not (lean and options.lean_vectors):
            return np.ones(len(a.sentences), dtype=bool), np.ones(len(b.sentences), dtype=bool)
        return vector_rows(a, b, self.lex, self.features, options)


def lexical_pass(a: Doc, b: Doc, options: ReuseOptions, copy_side: str = "b") -> LexicalPass:
    lex = lexical_matrix(a.sentences, b.sentences, _word_sets(a), _word_sets(b))
    al = align(a.sentences, b.sentences, lex, options.align_threshold)
    f = pair_features(shingles_of(a), shingles_of(b), a.sentences, b.sentences, al, a.digest == b.digest)
    return LexicalPass(lex, al, f, decide(f, options.rewrite_coverage, copy_side))


def compare_docs(
    a: Doc, b: Doc, options: ReuseOptions, copy_side: str = "b", lexical: LexicalPass | None = None,
    lean: bool = False,
) -> PairResult:
    """Features, alignment and relation of two prepared articles (lexical first, embeddings when
    the lexical evidence leaves a rewrite possible; ``lexical``: this pair's ``lexical_pass`` when
    the caller already ran it). ``lean``: the caller reads only the relation, so the embedding pass
    reads only the vectors it can depend on (``vector_rows``): the features of a pair left without
    a relation are then those of its words alone."""
    lp = lexical or lexical_pass(a, b, options, copy_side)
    al, f, kind = lp.alignment, lp.features, lp.kind
    rows = lp.needs_vectors(a, b, options, lean)
    if rows is not None:
        ea, eb = _embeddings(a, rows[0]), _embeddings(b, rows[1])
        sim = similarity_matrix(a.sentences, b.sentences, ea, eb, lexical=lp.lex)
        al = align(a.sentences, b.sentences, sim, options.align_threshold)
        f = pair_features(shingles_of(a), shingles_of(b), a.sentences, b.sentences, al, a.digest == b.digest)
        ma, mb = ea[rows[0]].mean(axis=0), eb[rows[1]].mean(axis=0)
        norm = float(np.linalg.norm(ma) * np.linalg.norm(mb))
        f.doc_similarity = float(ma @ mb) / norm if norm > 0 else 0.0
        kind = decide(f, options.rewrite_coverage, copy_side)
    return PairResult(kind, f, al)


def compare_texts(text_a: str, text_b: str, options: ReuseOptions | None = None) -> PairResult:
    """Relation of ``text_b`` (presumed copy) to ``text_a``: the stage's pair decision on raw text."""
    opts = options or ReuseOptions()
    docs = prepare([Article(id="a", ref="a", title="", text=text_a), Article(id="b", ref="b", title="", text=text_b)], opts)
    if len(docs) < 2:
        return PairResult(None, PairFeatures(), AlignmentResult())
    return compare_docs(docs[0], docs[1], opts)


def _build(a: Doc, b: Doc, res: PairResult, options: ReuseOptions, source_hint: Doc | None = None) -> Reuse:
    m = res.alignment.matches
    d = decide_direction(
        a.article, b.article, a.sentences, b.sentences, m, res.features.containment_a, res.features.containment_b
    )
    src_is_a = d.source_is_a
    if source_hint is not None and d.evidence == ["no evidence beyond length"]:
        src_is_a = source_hint is a
    src, cp = (a, b) if src_is_a else (b, a)
    f = res.features
    kind = res.kind or "shared-source"
    if kind == "rewrite" and not src_is_a:
        # re-check with the copy on the other side: coverage is measured on the copy
        kind = decide(f, options.rewrite_coverage, "a") or "shared-source"
    pairs = [(a.sentences[x.i], b.sentences[x.j]) if src_is_a else (b.sentences[x.j], a.sentences[x.i]) for x in m]
    want_changes = options.detect_changes and kind in ("copy", "edited", "rewrite")
    changes = _group_changes(m, pairs, src_is_a) if want_changes else [[] for _ in pairs]
    alignments = [
        Alignment(
            source_sentence=s, copy_sentence=c, similarity=round(x.similarity, 4),
            source_index=x.i if src_is_a else x.j, copy_index=x.j if src_is_a else x.i,
            changes=ch if s != c else [],
        )
        for x, (s, c), ch in zip(m, pairs, changes, strict=True)
    ]
    alignments.sort(key=lambda al: al.copy_index)
    evidence = list(d.evidence)
    if d.confidence < 0.25:
        evidence.append("direction uncertain")
    evidence.append(
        f"shingle jaccard {f.jaccard:.3f}; aligned {len(m)} sentences, "
        f"{round(f.in_order * 100)}% in order, mean similarity {f.mean_similarity:.2f}"
    )
    coverage = f.coverage_b if src_is_a else f.coverage_a
    return Reuse(
        source=src.article.id, copy=cp.article.id, kind=kind, coverage=round(coverage, 4),
        score=round(reuse_score(f), 4), evidence=evidence, alignments=alignments,
    )


def _group_changes(
    matches: Sequence[SentenceMatch], pairs: Sequence[tuple[str, str]], src_is_a: bool
) -> list[list[Change]]:
    """Changes per alignment, reading a sentence the copy split in two (or two it merged) as one
    unit, so that a hedge or a number moved to the other half is not reported as lost; each
    change is reported once."""
    by_src: dict[int, list[int]] = {}
    by_cp: dict[int, list[int]] = {}
    for k, x in enumerate(matches):
        si, ci = (x.i, x.j) if src_is_a else (x.j, x.i)
        by_src.setdefault(si, []).append(k)
        by_cp.setdefault(ci, []).append(k)
    units = []
    for x in matches:
        si, ci = (x.i, x.j) if src_is_a else (x.j, x.i)
        cps = sorted(by_src[si], key=lambda k: matches[k].j if src_is_a else matches[k].i)
        srcs = sorted(by_cp[ci], key=lambda k: matches[k].i if src_is_a else matches[k].j)
        units.append(
            (" ".join(dict.fromkeys(pairs[k][0] for k in srcs)), " ".join(dict.fromkeys(pairs[k][1] for k in cps)))
        )
    found = batch_changes(units)
    seen: set[tuple[str, str]] = set()
    out: list[list[Change]] = []
    for ch in found:
        kept = []
        for c in ch:
            key = (c.kind, c.source_text)
            if key not in seen:
                seen.add(key)
                kept.append(c)
        out.append(kept)
    return out


@dataclass(slots=True)
class PairMemo:
    """What earlier runs decided about candidate pairs, so a re-run compares only new pairs.

    ``pairs`` maps a pair key (both articles' text digest and the metadata direction reads; with a
    ``dup:`` prefix for near-duplicate pairs, whose verdict is "copy-like or not") to the key
    ``source>copy`` of the relation found, or None for none; ``relations`` holds those relations
    as stored. ``seen`` collects this run's pairs: the caller stores it as the next run's ``pairs``, so
    pairs of removed or changed articles drop out.
    """

    pairs: dict[str, str | None] = field(default_factory=dict)
    relations: dict[str, Reuse] = field(default_factory=dict)
    seen: dict[str, str | None] = field(default_factory=dict)

    def recall(self, key: str) -> tuple[bool, Reuse | None]:
        """(decided before, the relation then found) for pair ``key``; a decided pair is kept for
        the next run. A pair whose relation is no longer stored counts as undecided."""
        known = self.pairs.get(key, "?")
        if known is not None and known not in self.relations:
            return False, None
        self.seen[key] = known
        return True, None if known is None else self.relations[known]

    def record(self, key: str, relation: Reuse | None) -> None:
        """This run's verdict on pair ``key``."""
        self.seen[key] = None if relation is None else relation_key(relation)


def relation_key(relation: Reuse) -> str:
    """How a relation is keyed where it is stored and where the pair memo points at it."""
    return f"{relation.source}>{relation.copy}"


def pair_key(a: Doc, b: Doc) -> str:
    h = hashlib.sha1()
    for d in (a, b):
        art = d.article
        h.update(f"{art.id}\0{d.digest}\0{art.published}\0{art.url}\0{art.outlet}\0{art.title}\0".encode())
    return h.hexdigest()[:20]


def detect_reuse(
    articles: Sequence[Article],
    options: ReuseOptions,
    progress: PhaseProgress | None = None,
    memo: PairMemo | None = None,
    signatures: minhash.SignatureCache | None = None,
    facts: DocFactsCache | None = None,
) -> list[Reuse]:
    """Reuse relations among ``articles`` (identical, copy, edited, rewrite, shared-source).

    With ``memo``, a rewrite-candidate pair an earlier run already decided (same texts, same
    metadata) keeps that decision instead of being aligned again: adding a few articles to a large
    workspace aligns only the pairs they are in. With ``signatures``, the MinHash signatures of
    earlier runs are read from it instead of being computed again (and this run's are kept in it);
    with ``facts``, so are the per-text values the candidate steps read (``DocFacts``).
    """
    memo = memo if memo is not None else PairMemo()
    if not options.enabled:
        return []
    docs = prepare(articles, options, lazy=signatures is not None, facts=facts)
    n = len(docs)
    if n < 2:
        return []
    out: list[Reuse] = []
    done: set[tuple[int, int]] = set()

    # near-duplicates: LSH components, verified as a star from the most source-like member
    if signatures is None:
        sigs = minhash.signatures([shingles_of(d) for d in docs], options.num_perm)
    else:
        sigs = signatures.signatures([d.digest for d in docs], lambda k: shingles_of(docs[k]), options.num_perm)
    banding = None if signatures is None else signatures.banding(options.lsh_threshold, options.num_perm)
    pairs, _ = minhash.pairs_from_signatures(sigs, options.lsh_threshold, options.num_perm, banding)
    neighbours = neighbour_lists(pairs.tolist())
    member_of: dict[int, int] = {}
    for comp in minhash.components(n, pairs):
        root = min(comp, key=lambda k: source_rank(docs[k]))
        for k in comp:
            member_of[k] = root
        out += [r for _, r in verify_component(docs, comp, root, neighbours, options, done, memo)]

    # rewrites (and shared sources) among the representatives
    reps = [i for i in range(n) if member_of.get(i, i) == i]
    rep_docs = [docs[i] for i in reps]
    candidates = rare_term_pairs(rep_docs, options)
    # put the more source-like article first so coverage is measured on the likely copy
    ordered = []
    for x, y in candidates:
        i, j = reps[x], reps[y]
        a, b = source_first(docs[i], docs[j])
        ordered.append((i, j, a, b, pair_key(a, b)))
    fresh = [(a, b) for _, _, a, b, k in ordered if k not in memo.pairs]
    lexical: dict[tuple[int, int], LexicalPass] = {}
    if options.use_embeddings and fresh:
        # one batched encoder pass instead of one per article, over the sentences whose vectors the
        # pairs no earlier run decided will read (``vector_rows``)
        wanted: list[str] = []
        for a, b in fresh:
            lp = lexical[id(a), id(b)] = lexical_pass(a, b, options)
            rows = lp.needs_vectors(a, b, options, lean=True)
            if rows is not None:
                wanted += [s for d, m in zip((a, b), rows, strict=True) for s, k in zip(d.sentences, m, strict=True) if k and countable(s)]
        prime_embeddings(wanted, progress)
    for n, (i, j, a, b, pkey) in enumerate(ordered, 1):
        if progress is not None and (n % 200 == 0 or n == len(ordered)):
            progress("pairs", n, len(ordered))
        key = (min(i, j), max(i, j))
        if key in done or len(done) >= options.max_pairs:
            continue
        done.add(key)
        decided, relation = memo.recall(pkey)
        if not decided:
            relation = verify_rewrite(a, b, options, lexical.pop((id(a), id(b)), None))
            memo.record(pkey, relation)
        if relation is not None:
            out.append(relation)
    return out


# --------------------------------------------------------------------------- building blocks
# detect_reuse's own steps, public so that a distributed engine (engine/reuse_step.py) can run them
# over candidate pairs it groups itself and still get exactly detect_reuse's relations.


def neighbour_lists(pairs: Iterable[Sequence[int]]) -> dict[int, list[int]]:
    """Each article's near-duplicate partners, in the order of ``pairs`` (sorted, unique)."""
    neighbours: dict[int, list[int]] = {}
    for i, j in pairs:
        neighbours.setdefault(i, []).append(j)
        neighbours.setdefault(j, []).append(i)
    return neighbours


def verify_component(
    docs: Mapping[int, Doc] | Sequence[Doc],
    comp: Sequence[int],
    root: int,
    neighbours: Mapping[int, list[int]],
    options: ReuseOptions,
    done: set[tuple[int, int]],
    memo: PairMemo | None = None,
) -> list[tuple[int, Reuse]]:
    """A near-duplicate component verified as a star: each member against the root (its most
    source-like member) and, failing that, up to three of its own partners; the first copy-like
    relation found is kept. Returns ``(member, relation)`` in member order. ``done`` holds the
    pairs already compared (shared with the rest of the run, whose size ``max_pairs`` caps).

    With ``memo``, a pair an earlier run compared (same texts, same metadata) keeps its verdict:
    the alignment and the change detection of a copy are the costly part of a re-run, and a
    workspace's wire copies are compared again every time a few articles are added."""
    out: list[tuple[int, Reuse]] = []
    for k in comp:
        if k == root or len(done) >= options.max_pairs:
            continue
        tried = [root, *[x for x in neighbours.get(k, []) if x != root][:3]]
        for other in tried:
            key = (min(k, other), max(k, other))
            if key in done:
                continue
            done.add(key)
            relation = _copy_relation(docs[other], docs[k], options, memo)
            if relation is not None:
                out.append((k, relation))
                break
    return out


def _copy_relation(source: Doc, copy: Doc, options: ReuseOptions, memo: PairMemo | None) -> Reuse | None:
    """The copy-like relation of a near-duplicate pair, or None (the memo's verdict when it has one)."""
    pkey = "dup:" + pair_key(source, copy)
    if memo is not None:
        decided, known = memo.recall(pkey)
        if decided:
            return known
    res = compare_docs(source, copy, options, lean=True)
    relation = _build(source, copy, res, options, source_hint=source) if res.kind in COPY_KINDS else None
    if memo is not None:
        memo.record(pkey, relation)
    return relation


def source_first(x: Doc, y: Doc) -> tuple[Doc, Doc]:
    """The more source-like article first, so coverage is measured on the likely copy."""
    return (x, y) if source_rank(x) <= source_rank(y) else (y, x)


def verify_rewrite(a: Doc, b: Doc, options: ReuseOptions, lexical: LexicalPass | None = None) -> Reuse | None:
    """The relation of a rewrite-candidate pair (``a`` the more source-like), or None (``lexical``:
    the pair's ``lexical_pass`` when the caller ran it)."""
    res = compare_docs(a, b, options, lexical=lexical, lean=True)
    if res.kind is None:
        return None
    return _build(a, b, res, options)


# --------------------------------------------------------------------------- origins


def origins(article_ids: Iterable[str], reuses: Sequence[Reuse]) -> dict[str, str]:
    """Every article's independent original (itself when it is one). Copy relations (identical,
    copy, edited, rewrite; not shared-source) collapse into one origin: the article of the group
    that copies nothing, and among several such the one most copied (then the smallest id)."""
    ids = list(dict.fromkeys(article_ids))
    edges = [(r.source, r.copy) for r in reuses if r.kind in COPY_KINDS and r.source != r.copy]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, c in edges:
        rs, rc = find(s), find(c)
        if rs != rc:
            parent[max(rs, rc)] = min(rs, rc)
    copied_in: set[str] = {c for _, c in edges}
    out_degree: dict[str, int] = {}
    for s, _ in edges:
        out_degree[s] = out_degree.get(s, 0) + 1
    groups: dict[str, list[str]] = {}
    for x in set(parent):
        groups.setdefault(find(x), []).append(x)
    origin_of: dict[str, str] = {}
    for members in groups.values():
        free = [m for m in members if m not in copied_in] or members
        best = min(free, key=lambda m: (-out_degree.get(m, 0), m))
        for m in members:
            origin_of[m] = best
    return {a: origin_of.get(a, a) for a in ids}


def independent_count(article_ids: Iterable[str], origins_map: Mapping[str, str]) -> int:
    """How many independent originals stand behind these articles."""
    return len({origins_map.get(a, a) for a in article_ids})
