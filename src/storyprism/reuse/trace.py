"""Follow every article to its ultimate origin: reuse relations, wire carriage and credits combined.

Each article gets at most one *parent* (where its text came from), chosen by the strength of the
evidence, strongest first:

1. a strong wire signal (credits.py) -> ``wire:AGENCY`` (resolved to the agency's own article when
   the corpus holds one it shares text with): wire copy is the agency's story whoever carries it;
   a feed's page (an agency named by the URL's feed section alone) that prints another agency's
   signed text rests on the agency that wrote it (``passes.feed_copies``);
2. a verbatim relation (identical / copy / edited) to another article: one text, one origin;
3. a credit that dominates the article (the same outlet credited twice, or the only outlet credited)
   -> the credited article when the corpus holds it (same outlet, shared text), else
   ``outlet:NAME``; a document credit ("in a blog post", "in a statement") -> a press release /
   company blog of the corpus that shares its text. Credits confined to one passage deep in the
   article (lineage.passage_credit) yield to a reuse relation or to the article's own reporting;
   one quote credited to the outlet two other reports name as their source names it too;
4. a paraphrase relation (rewrite) to another article.

Later passes read several articles at once: a feed's relay of another agency's text, quote-only and
pasted rewrites and newsrooms (passes.py), restatements of a document or of a relayed announcement
(documents.py), relays of one person's public posts (post_relays.py), an uncredited piece
printing a quotation another report credits to an agency (agency_quotes.py), a piece relaying
unnamed reports that prints one report's sentence (unnamed_relays.py), one text's family
(lineage.join_text_families), a tie of credits settled by the interview the headline's subject
gave (interviews.py).

A primary document (press room, company blog, news office) is never a rewrite of news: a relation
that says so is turned round. Articles crediting their own outlet ("told Newsweek" in Newsweek)
keep their own origin. The *ultimate* origin follows parents to a root; a cycle is broken at its
earliest member and recorded. Every decision leaves a line of evidence on the article.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from itertools import chain
from typing import Any

from storyprism.records import Article, Reuse, from_dict, to_dict
from storyprism.reuse.agency_quotes import agency_quotations
from storyprism.reuse.credits import (
    AGENCY_DOMAINS,
    STORY_CUES,
    Signals,
    agency_of,
    article_signals,
    credit_groups,
    dominant_credit,
    known_titles,
    name_keys,
    outlet_keys,
    syndicated_from,
)
from storyprism.reuse.direction import batch_stamp_suspects, is_date_only, newest_embedded_post, parse_time
from storyprism.reuse.documents import (
    announcement_restatements,
    document_paraphrase,
    document_restatements,
)
from storyprism.reuse.interviews import subject_interviews
from storyprism.reuse.lineage import (
    join_text_families,
    lede_credit,
    newsroom_pieces,  # noqa: F401  (re-exported: storyprism.reuse, the pipeline's newsroom step)
    passage_credit,
    story_source_rewrites,
)
from storyprism.reuse.passes import (
    VERBATIM,
    feed_copies,
    newsrooms,
    pasted_passages,
    quote_only_rewrites,
)
from storyprism.reuse.post_relays import post_relays
from storyprism.reuse.signal_store import ArticleReads, FreshReads, LazySentences
from storyprism.reuse.topic import OFF_EVENT_DAYS
from storyprism.reuse.unnamed_relays import unnamed_relays
from storyprism.text.overlap import fold_quote_marks, has_long_quotation, long_quotations

_WORD = re.compile(r"[a-z0-9]+")
# the runs of _WORD longer than three characters: a run of four or more matches whole (the class
# stops at the same characters), a shorter one not at all, so one findall gives ``_words``' set
_LONG_WORD = re.compile(r"[a-z0-9]{4,}")
# rarity-weighted share of words (reuse relations aside): reports of one event share a median 0.32,
# of different events under 0.2 in 99 % of pairs (hand-read Giveme5W1H events, eval/trust.py)
SAME_EVENT_OVERLAP = 0.2
# a credited outlet's article in the corpus is the one credited only when it reports the same event:
# a shared text, or the median word overlap of two reports of one event (0.32), not the 0.2 that one
# topic reaches (an outlet's piece on another space story is not the interview an article credits)
CREDIT_OVERLAP = 0.3
CREDIT_FAR_OVERLAP = 0.5  # ... and, months apart, this much (more than most reports of one event share)
# ... or, failing that, when it is the one piece of that outlet within two days that shares the
# topic at all (different events share under 0.15): a short write-up of a scoop rewords it
CREDIT_NEAR_DAYS = 2
CREDIT_NEAR_OVERLAP = 0.15
MAX_CREDIT_CANDIDATES = 100
MAX_UPSTREAM = 50  # articles of one origin read for "adds own reporting" (a wire story may have thousands)
CORROBORATING_CREDITS = 2  # other reports naming one outlet as their source make it the story's source


@dataclass(slots=True)
class Trace:
    article: str
    origin: str  # ultimate origin: an article id or a virtual origin (wire:AP, outlet:NAME, release:NAME)
    parent: str  # immediate source (the article itself when self)
    kind: str = "self"  # self | copy | edited | rewrite | credited
    evidence: list[str] = field(default_factory=list)
    adds_own_reporting: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # bad input met on the way, with what was done
    off_topic: str | None = None
    published_suspect: str | None = None


def _words(text: str) -> set[str]:
    return set(_LONG_WORD.findall(text.lower()))


def _related(reuses: Sequence[Reuse]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in reuses:
        out.setdefault(r.source, set()).add(r.copy)
        out.setdefault(r.copy, set()).add(r.source)
    return out


def _overlap(a: set[str], b: set[str], idf: Mapping[str, float] | None = None) -> float:
    """Share of the smaller text's word mass the two share; with ``idf`` rare words weigh more, so
    two long texts do not look alike for their common words."""
    if not a or not b:
        return 0.0
    if idf is None:
        return len(a & b) / min(len(a), len(b))
    ma, mb = sum(idf.get(w, 0.0) for w in a), sum(idf.get(w, 0.0) for w in b)
    denom = min(ma, mb)
    return sum(idf.get(w, 0.0) for w in a & b) / denom if denom > 0 else 0.0


class _Tracer:
    def __init__(
        self, articles: Sequence[Article], reuses: Sequence[Reuse], off_topic: Mapping[str, str] | None = None,
        signals: Mapping[str, Signals] | None = None, reads: ArticleReads | None = None,
    ) -> None:
        self.off_topic = dict(off_topic or {})
        self.articles = {a.id: a for a in articles}
        self.sentences = LazySentences({a.id: a.text or "" for a in articles})
        # per-article values kept between runs (signal_store.ArticleReads), or read here
        self.reads = reads if reads is not None else FreshReads()
        self.reads.add(articles)
        self.signal_stamp: dict[str, str] = {}  # article -> the outlet titles its signals were re-read with
        self._date_only_of: dict[str, bool] = {}
        stored = signals or {}  # read on an earlier run (signal_store): the same as reading them again
        self.signals: dict[str, Signals] = {
            a.id: stored.get(a.id)
            or article_signals(a.text or "", a.url, a.outlet, self.sentences[a.id], a.raw_text, a.description)
            for a in articles
        }
        self._learn_titles(articles)
        self._credited_by: dict[str, set[str]] | None = None  # name key -> articles crediting it as source
        def read_keys(a: Article) -> Callable[[], list[str]]:
            return lambda: sorted(outlet_keys(a.outlet, a.url))

        self.keys = {a.id: set(self.reads.get(a.id, "keys", read_keys(a))) for a in articles}
        self.words = {a.id: _words(a.text or "") for a in articles}
        df = Counter(chain.from_iterable(self.words.values()))
        n = max(1, len(articles))
        # smoothed so that a word in every article still counts a little (a corpus of two)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        idf = self.idf.__getitem__
        self.mass = {aid: sum(map(idf, ws)) for aid, ws in self.words.items()}  # (the words' order, as before)
        self.times = {a.id: parse_time(a.published) for a in articles}
        self.related = _related(reuses)
        self.reuses = reuses
        # outlet key -> articles, so a credit or an agency finds its articles without a corpus scan
        self.by_key: dict[str, list[str]] = {}
        for a in articles:
            for k in self.keys[a.id]:
                self.by_key.setdefault(k, []).append(a.id)
        self.primary_docs = [a.id for a in articles if self.signals[a.id].primary]
        self.outside_names = _canonical_names(c.name for sig in self.signals.values() for c in sig.credits)
        self._weak_wire(reuses)
        # where text starts: press rooms and company blogs, and an agency's own site
        self.source_like = {
            a.id for a in articles
            if self.signals[a.id].primary
            or any(d.split(".")[0] in self.keys[a.id] for ds in AGENCY_DOMAINS.values() for d in ds)
        }

    def n_sentences(self, aid: str) -> int:
        """How many sentences the article's body splits into."""
        return int(self.reads.get(aid, "sentences", lambda: len(self.sentences[aid])))

    def quoted(self, aid: str) -> bool:
        """The body prints a long quotation in double marks (``text.overlap.has_long_quotation``)."""
        return bool(self.reads.get(aid, "quoted", lambda: has_long_quotation(self.articles[aid].text or "")))

    def embedded_post(self, aid: str) -> datetime | None:
        """``direction.newest_embedded_post`` of the article's body."""
        def read() -> str | None:
            post = newest_embedded_post(self.articles[aid].text)
            return None if post is None else post.isoformat()
        value = self.reads.get(aid, "post", read)
        return None if value is None else datetime.fromisoformat(value)

    def quoted_sentences(self, aid: str) -> list[list[Any]]:
        """[sentence, its quotations normalised (``text.overlap.long_quotations``)] for each sentence
        of the body that quotes (``_added`` reads these against the upstream's text)."""
        def read() -> list[list[Any]]:
            out: list[list[Any]] = []
            for sent in self.sentences[aid]:
                quotes = long_quotations(sent)
                if quotes:
                    out.append([sent, quotes])
            return out
        return list(self.reads.get(aid, "quoted_sentences", read))

    def _corroborated(self, aid: str, name: str) -> bool:
        """At least ``CORROBORATING_CREDITS`` other articles close to this one (``close``) take
        ``name`` as their story's source (a repeated or story-level credit: ``credits.dominant_credit``)."""
        if self._credited_by is None:
            self._credited_by = {}
            for other, sig in self.signals.items():
                dom = dominant_credit(sig.credits) if sig.credits and not sig.primary else None
                if dom is not None:
                    for k in name_keys(dom):
                        self._credited_by.setdefault(k, set()).add(other)
        others = {o for k in name_keys(name) for o in self._credited_by.get(k, ())} - {aid}
        return sum(1 for o in others if o not in self.off_topic and self.close(aid, o)) >= CORROBORATING_CREDITS

    def _learn_titles(self, articles: Sequence[Article]) -> None:
        """Credits re-read with the outlet titles the corpus itself prints ("The Athletic"), for the
        few articles that name one in lower-case company ("told the Athletic": credits.known_titles)."""
        # printed as a title by two articles or more: one stray capital ("according to The
        # Pentagon") does not make an institution an outlet across the corpus
        seen = Counter(k for sig in self.signals.values() for k in known_titles(sig.credits))
        known = frozenset(k for k, n in seen.items() if n >= 2)
        if not known:
            return
        # "the" + a known title's letters, found by a plain substring test on the squashed text, so
        # only the few articles that print one are read again. What an article gives depends on its
        # own text and on the titles known: kept between runs under a stamp of those titles
        wanted = [f"the{k}" for k in known]
        stamp = hashlib.sha1("\0".join(sorted(known)).encode("utf-8")).hexdigest()[:16]
        for a in articles:
            def read(a: Article = a) -> list[Any]:
                text = a.text or ""
                flat = re.sub(r"[^a-z0-9]", "", text.lower())
                if not any(w in flat for w in wanted):
                    return [stamp, None]
                return [stamp, to_dict(article_signals(text, a.url, a.outlet, self.sentences[a.id], a.raw_text,
                                                       a.description, known))]
            got = self.reads.get(a.id, "titled", read)
            if got[0] != stamp:
                got = read()
                self.reads.put(a.id, "titled", got)
            if got[1] is not None:
                self.signals[a.id] = from_dict(Signals, got[1])
                self.signal_stamp[a.id] = stamp

    def _nearest_in_time(self, aid: str, candidates: list[str]) -> list[str]:
        """At most MAX_CREDIT_CANDIDATES candidates, nearest in publication time first (undated
        last): an outlet may have thousands of articles, the credited one is usually close in time
        (no hard window: a rewrite may credit a scoop more than a year old)."""
        if self.times.get(aid) is None or len(candidates) <= MAX_CREDIT_CANDIDATES:
            return candidates[:MAX_CREDIT_CANDIDATES]
        return sorted(candidates, key=lambda o: self._days_apart(aid, o))[:MAX_CREDIT_CANDIDATES]

    def _days_apart(self, a: str, b: str) -> float:
        """Days between two publication times (infinite when either is undated)."""
        ta, tb = self.times.get(a), self.times.get(b)
        if ta is None or tb is None:
            return float("inf")
        return abs((ta - tb).total_seconds()) / 86400

    def _weak_wire(self, reuses: Sequence[Reuse]) -> None:
        """An agency photo credit or contribution line is wire carriage when the same text runs at
        another outlet too: identical text across outlets plus the agency's name is the agency's story."""
        for r in reuses:
            if r.kind not in VERBATIM or r.source not in self.signals or r.copy not in self.signals:
                continue
            if self.keys[r.source] & self.keys[r.copy]:
                continue  # one outlet's two versions say nothing about carriage
            for a, b in ((r.source, r.copy), (r.copy, r.source)):
                sig = self.signals[a]
                if sig.wire is None and sig.weak_wire and not sig.credits:
                    sig.wire = sig.weak_wire
                    sig.wire_evidence = [f"{sig.weak_wire} photo credit or contribution line, and the same "
                                         f"text at {self.articles[b].outlet or b}"]

    def _with_keys(self, keys: set[str]) -> list[str]:
        return list(dict.fromkeys(o for k in sorted(keys) for o in self.by_key.get(k, [])))

    def similarity(self, a: str, b: str) -> float:
        """Rarity-weighted share of the smaller text's words the two share (see ``_overlap``)."""
        wa, wb = self.words[a], self.words[b]
        denom = min(self.mass[a], self.mass[b])
        if denom <= 0:
            return 0.0
        shared = wa & wb
        return sum(map(self.idf.__getitem__, shared)) / denom  # (in the set's order, as a generator would)

    def close(self, a: str, b: str) -> bool:
        """Two articles about one thing: a reuse relation of any kind, or a quarter of the shorter's
        content words shared (reports of one event share 0.3-0.6, of different events under 0.15)."""
        return b in self.related.get(a, set()) or self.similarity(a, b) >= SAME_EVENT_OVERLAP

    # ------------------------------------------------------------------ candidate parents

    def wire_parent(self, aid: str) -> tuple[str, list[str]] | None:
        sig = self.signals[aid]
        if sig.wire is None:
            return None
        own = AGENCY_DOMAINS.get(sig.wire, ())
        if any(k in self.keys[aid] for d in own for k in (d.split(".")[0],)):
            return None  # the agency's own copy is the origin of what it sends out
        for other in self._with_keys({d.split(".")[0] for d in own}):
            if other != aid and other not in self.off_topic and self.close(aid, other):
                outlet = self.articles[other].outlet
                return other, [*sig.wire_evidence, f"the {sig.wire} story itself is in the corpus ({outlet})"]
        return f"wire:{sig.wire}", list(sig.wire_evidence)

    def credit_parent(self, aid: str, problems: list[str]) -> tuple[str, str, list[str]] | None:
        sig = self.signals[aid]
        if sig.primary:
            return None
        if sig.credits:
            groups = credit_groups(sig.credits)
            n, rest = len(groups[0]), groups[1:]
            second = len(rest[0]) if rest else 0
            # the group is named by its longest spelling ("New York Times", not "the Times")
            first = max(groups[0], key=lambda c: (len(c.name), -c.position))
            # a single credit names the origin only with a story-level cue ("first reported by",
            # "obtained by", "seen by", "X reports that", "originally appeared on", a "Source:" line),
            # wherever it stands: the outlet credits where the story was found. "according to X" or
            # "told X" once, after a quote, attributes that quote (the seeds' The Hill piece).
            # (Held-out events read by hand: four credited rewrites name their source once, deep in
            # the body -- "The Verge reports that", "Seen by The Verge" -- and no own report did; one plain
            # "X reported" in an article that reports on its own, crediting its own outlet, credits a fact.)
            if (n >= 2 and n > second) or (n == 1 and not rest and first.cue in STORY_CUES
                                            and not (sig.own_reporting and first.cue == "reported")):
                cues = sorted({c.cue for c in groups[0]})
                evidence = [f"credits {first.name} ({', '.join(cues)}; {n}x): \u201c{first.sentence[:160]}\u201d"]
                if sig.own_reporting:
                    evidence.append("also reports on its own (credits its own outlet)")
                target = self._resolve_credit(aid, first.name)
                if n >= 2 and passage_credit(groups[0], self.n_sentences(aid)):
                    # one passage credited (lineage.passage_credit): weaker than shared text or own reporting
                    return target, "credited-passage", evidence
                return target, "credited" if n >= 2 else "credited-once", evidence
            # (an agency's copy that names another outlet in its opening is still the agency's story)
            lead = lede_credit(groups, sig) if sig.wire is None else None
            if lead is not None:
                # the one outlet the opening credits, named no less often than any other: a rewrite
                # names its source where the story starts (lineage.lede_credit)
                target = self._resolve_credit(aid, lead.name)
                return target, "credited-once", [
                    f"credits {lead.name} in its opening ({lead.cue}) and reports nothing of its own: "
                    f"\u201c{lead.sentence[:160]}\u201d"]
            if n == 1 and not rest and not sig.own_reporting and self._corroborated(aid, first.name):
                # one quote credited to the outlet that two or more other reports of this story name
                # as their source: the story's known source, and this article adds no reporting of
                # its own (credits.py: no credit to its own outlet), so it rewrote that source too
                target = self._resolve_credit(aid, first.name)
                return target, "credited-once", [
                    f"credits {first.name} ({first.cue}), the source other reports of this story credit: "
                    f"\u201c{first.sentence[:160]}\u201d"]
            if n >= 2 and n == second:
                tied = [g[0].name for g in groups if len(g) == n]
                problems.append(f"conflicting credits: {', '.join(tied)} credited equally; kept as its own origin")
        if sig.document_credits:
            for other in self.primary_docs:
                art = self.articles[other]
                # the bar a credited outlet's piece meets (_resolve_credit): shared text, the word
                # overlap of two reports of one event, or the topic shared within CREDIT_NEAR_DAYS.
                # A short press page shares a fifth of its words with many a long report of those
                # days (a "statement" a film story quotes is no phone maker's blog post)
                if other != aid and other not in self.off_topic and self.close(aid, other) and (
                        other in self.related.get(aid, set()) or self.similarity(aid, other) >= CREDIT_OVERLAP
                        or self._days_apart(aid, other) <= CREDIT_NEAR_DAYS):
                    d = sig.document_credits[0]
                    return other, "credited", [
                        f"credits a document (\u201c{d.sentence[:140]}\u201d); the {d.name} is in the corpus ({art.outlet})"
                    ]
        return None

    def _resolve_credit(self, aid: str, name: str) -> str:
        ag = agency_of(name)
        keys = name_keys(name)
        wanted = set(keys) | ({d.split(".")[0] for d in AGENCY_DOMAINS.get(ag, ())} if ag else set())
        wanted |= {"the" + k for k in keys}  # domains that keep the title's article: theguardian.com, thehill.com
        # a page of the outlet that says it prints another outlet's article ("This article originally
        # appeared on CNET") is that outlet's text, not the credited outlet's reporting: an interview
        # "told CBS News" is not the CNET short on CBS's site
        candidates = [o for o in self._with_keys(wanted) if o != aid and o not in self.off_topic
                      and not any(not name_keys(c.name) & wanted for c in syndicated_from(self.signals[o].credits))]
        candidates = self._nearest_in_time(aid, candidates)
        # the median overlap of one event's reports says "same event" only within the off-event
        # window (topic.OFF_EVENT_DAYS): a short brief's words recur in a long report of the same kind
        # of happening a year apart. An old scoop credited much later (or a piece with a wrong date)
        # shares text with its rewrite, or far more of its words (CREDIT_FAR_OVERLAP)
        close = [o for o in candidates if aid in self.related.get(o, set()) or self.similarity(aid, o) >= (
            CREDIT_FAR_OVERLAP if OFF_EVENT_DAYS < self._days_apart(aid, o) < math.inf else CREDIT_OVERLAP)]
        if close:
            return min(close, key=lambda o: (-self.similarity(aid, o), o))
        # A short write-up of another outlet's scoop shares few words with the scoop itself (a
        # summary of its lead, then background of its own), yet "the New York Times reports" and
        # the one Times piece on the subject from the same days are the credit and its target.
        near = [o for o in candidates if self._days_apart(aid, o) <= CREDIT_NEAR_DAYS
                and self.similarity(aid, o) >= CREDIT_NEAR_OVERLAP]
        if len(near) == 1:
            return near[0]
        if ag:
            return f"wire:{ag}"
        # one outside origin, however each article spells it ("Erie Times News", "Erie Times-News")
        name = self.outside_names.get(name, name)
        return f"outlet:{name.removeprefix('the ').removeprefix('The ')}"

    def reuse_parents(self) -> dict[str, tuple[str, str, list[str]]]:
        """Best source per copy from the reuse relations (verbatim before rewrite, then score);
        a primary document is turned round to be the source."""
        best: dict[str, tuple[tuple[int, float], str, str, list[str]]] = {}
        for r in self.reuses:
            kind = VERBATIM.get(r.kind) or ("rewrite" if r.kind == "rewrite" else None)
            if r.source == r.copy or r.source in self.off_topic or r.copy in self.off_topic:
                continue
            if r.source not in self.articles or r.copy not in self.articles:
                continue
            src, cp = r.source, r.copy
            if kind is None and r.kind == "shared-source":
                doc_rewrite = document_paraphrase(self, r)
                if doc_rewrite is None:
                    continue
                src, cp, evidence = doc_rewrite
                rank = (0, r.score)
                if cp not in best or rank > best[cp][0]:
                    best[cp] = (rank, src, "rewrite", evidence)
                continue
            if kind is None:
                continue
            evidence = [f"{kind} of {self.articles[src].outlet or src}: " + "; ".join(r.evidence[:3])]
            if kind != "rewrite" and self.signals[cp].wire and not self.signals[src].wire \
                    and src not in self.source_like:
                # one text, and one side signs it as wire copy: the other carries the same wire story,
                # whatever the (often date-only) timestamps said about who was first
                src, cp = cp, src
                evidence = [f"{kind} of {self.articles[src].outlet or src}, which carries it as "
                            f"{self.signals[src].wire} wire copy: " + "; ".join(r.evidence[:2])]
            elif cp in self.source_like and src not in self.source_like:
                src, cp = cp, src  # a press release is not rewritten from the news
                evidence = [f"{kind} of the primary document {self.articles[src].outlet or src} "
                            "(press release / company blog: the news follows it, whatever the dates say)"]
            rank = (2 if kind != "rewrite" else 1, r.score)
            if cp not in best or rank > best[cp][0]:
                best[cp] = (rank, src, kind, evidence)
        return {cp: (src, kind, ev) for cp, (_, src, kind, ev) in best.items()}

    # ------------------------------------------------------------------ the whole corpus

    def run(self) -> dict[str, Trace]:
        from_reuse = self.reuse_parents()
        traces: dict[str, Trace] = {}
        for aid in self.articles:
            t = Trace(article=aid, origin=aid, parent=aid, off_topic=self.off_topic.get(aid))
            sig = self.signals[aid]
            if t.off_topic:
                t.evidence.append(f"off topic: {t.off_topic}; counted nowhere")
                traces[aid] = t
                continue
            wire = self.wire_parent(aid)
            rp = from_reuse.get(aid) if aid not in self.source_like else None
            # a wire copy's tied credits are no problem of its own: it rests on the agency
            cp = self.credit_parent(aid, t.problems if wire is None else [])
            if wire is not None:
                t.parent, t.evidence = wire[0], wire[1]
                t.kind = "edited" if rp and rp[1] == "edited" else "copy"
                if cp is not None and not self.signals[aid].own_reporting:
                    # the wire story itself is a credited rewrite: an agency carrying a member
                    # paper's scoop says so ("The Erie Times-News reports", "Information from:
                    # Erie Times-News"), and its copies rest on that paper, not on the agency
                    t.parent = cp[0]
                    t.evidence = [*wire[1], f"the {self.signals[aid].wire} story credits its source: " + "; ".join(cp[2])]
            elif rp is not None and rp[1] == "copy":
                t.parent, t.kind, t.evidence = rp  # near-verbatim: one text whatever it credits
            elif cp is not None and cp[1] == "credited":
                t.parent, t.kind, t.evidence = cp  # an outlet credited again and again is the source
            elif rp is not None and rp[1] == "edited":
                t.parent, t.kind, t.evidence = rp
            elif cp is not None and cp[1] == "credited-passage":
                # credits confined to one passage deep in the article: a paraphrase of another
                # article (rp) or the outlet's own reporting tells more about where the rest came from
                if rp is not None:
                    t.parent, t.kind, t.evidence = rp
                    t.evidence.append(f"credits another outlet for one passage only ({cp[2][0][:120]})")
                elif sig.own_reporting:
                    t.evidence.append(f"own reporting; credits another outlet for one passage only ({cp[2][0][:120]})")
                else:
                    t.parent, t.evidence = cp[0], cp[2]
                    t.kind = "credited"
            elif cp is not None:
                t.parent, t.evidence = cp[0], cp[2]
                t.kind = "credited"
            elif rp is not None:
                t.parent, t.kind, t.evidence = rp
            if sig.primary and t.kind == "self":
                t.evidence.append("primary document (press release / company blog / news office)")
            if t.kind == "self" and sig.own_reporting:
                t.evidence.append(f"own reporting: \u201c{sig.own_reporting[0][:140]}\u201d")
            if t.parent == aid:
                t.kind = "self"
                if sig.unnamed_credits and not sig.own_reporting:
                    t.problems.append(
                        f"credits a source it does not name (\u201c{sig.unnamed_credits[0][:120]}\u201d): "
                        "no outlet to follow, kept as its own origin"
                    )
                if sig.unnamed_agency and not sig.own_reporting:
                    t.problems.append(f"{sig.unnamed_agency}: no agency to follow, kept as its own origin")
            traces[aid] = t
        feed_copies(self, traces)
        quote_only_rewrites(self, traces)
        pasted_passages(self, traces)
        document_restatements(self, traces)
        story_source_rewrites(self, traces)  # before announcements: the story's named source comes first
        subject_interviews(self, traces)  # tied credits: the interview the headline's subject gave
        # pieces that only relay one person's public posts share the posts as origin (before the
        # announcements: a post is the more particular reading of "revealed ... on Instagram")
        post_relays(self, traces)
        announcement_restatements(self, traces)
        # again, now that relays of an announcement the corpus lacks rest on it (``release:NAME``)
        document_restatements(self, traces)
        # an uncredited piece printing a quotation another report credits to an agency
        agency_quotations(self, traces)
        # a piece admitting it relays unnamed reports, printing one report's narrative sentence
        unnamed_relays(self, traces)
        join_text_families(self, traces)
        newsrooms(self, traces)
        self._resolve(traces)
        for aid, t in traces.items():
            t.published_suspect = suspect_date(self.articles[aid], self.articles.get(t.parent) if t.parent != aid else None,
                                               post=partial(self.embedded_post, aid))
        # a page sharing a crawl stamp shares its suspicion (direction.batch_stamp_suspects)
        found = {aid: t.published_suspect for aid, t in traces.items()}
        for aid, reason in batch_stamp_suspects(self.articles, found).items():
            traces[aid].published_suspect = reason
        by_origin: dict[str, list[str]] = {}
        for aid, t in traces.items():
            by_origin.setdefault(t.origin, []).append(aid)
        for t in traces.values():
            if t.kind != "self":
                t.adds_own_reporting = self._added(t, by_origin.get(t.origin, []))
        return traces

    def _not_later(self, upstream: str, aid: str) -> bool:
        """``upstream`` may be where ``aid`` got its text: a primary document always (news follows
        it), else published no later, a date-only value counting as its whole day (undated: no)."""
        if upstream in self.source_like:
            return True
        tu, ta = self.times.get(upstream), self.times.get(aid)
        if tu is None or ta is None:
            return False
        if self._date_only(upstream) or self._date_only(aid):
            return tu.date() <= ta.date()
        return tu <= ta

    def _date_only(self, aid: str) -> bool:
        """``is_date_only`` of the article's published value, read once per run."""
        known = self._date_only_of.get(aid)
        if known is None:
            known = self._date_only_of[aid] = is_date_only(self.articles[aid].published)
        return known

    def _resolve(self, traces: dict[str, Trace]) -> None:
        """Ultimate origins; a cycle of articles deriving from each other is broken at its
        earliest member (by publication time, then id), which becomes an origin, and recorded."""
        for aid, t in traces.items():
            path = [aid]
            node = t.parent
            while node in traces and node != path[-1] and node not in path:
                path.append(node)
                if traces[node].parent == node:
                    break
                node = traces[node].parent
            if node in path and node in traces and traces[node].parent != node:
                cycle = path[path.index(node):]
                root = min(cycle, key=lambda x: (parse_time(self.articles[x].published) is None,
                                                 parse_time(self.articles[x].published) or 0, x))
                rt = traces[root]
                note = f"cycle of articles deriving from each other ({' -> '.join([*cycle, node])}); " \
                       f"{root} taken as the origin (earliest published)"
                for x in cycle:
                    if note not in traces[x].problems:
                        traces[x].problems.append(note)
                rt.parent, rt.kind = root, "self"
                rt.evidence.append("origin by breaking a cycle of credits")
        for aid, t in traces.items():
            node, seen = t.parent, {aid}
            while node in traces and traces[node].parent != node and node not in seen:
                seen.add(node)
                node = traces[node].parent
            t.origin = node

    def _added(self, t: Trace, same_origin: Sequence[str]) -> list[str]:
        """Sentences of a derived article that its upstream does not hold: credits to its own
        outlet ("told Engadget"), and, when its upstream is in the corpus, quotes found in no
        article of the same origin. A verbatim copy adds nothing; against an outside origin (a wire
        story, an outlet not in the corpus) only its own-outlet credits can be told apart."""
        own = list(self.signals[t.article].own_reporting)
        if t.kind == "copy" or t.origin not in self.articles:
            return own[:10]
        upstream = [o for o in same_origin if o != t.article]
        if t.origin not in upstream:
            upstream.append(t.origin)
        pool = fold_quote_marks(" ".join((self.articles[o].text or "") for o in upstream[:MAX_UPSTREAM]))
        out = own
        for sent, quotes in self.quoted_sentences(t.article):
            if all(q not in pool for q in quotes):
                out.append(sent)
        return list(dict.fromkeys(out))[:10]


def _canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Each credited spelling -> the spelling its outlet is named by across the corpus: spellings
    that share a key (``name_keys``: "Erie Times News" / "Erie Times-News", "New York Times" / "NYT")
    are one outlet, named by its most used spelling (then the longest). Keyed, so linear in names."""
    counts = Counter(names)
    canonical: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n), n)):
        keys = name_keys(name)
        head = next((by_key[k] for k in sorted(keys) if k in by_key), name)
        canonical[name] = head
        for k in keys:
            by_key.setdefault(k, head)
    return canonical


_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^0-9])")
URL_DATE_SLACK_DAYS = 2
PARENT_SLACK_DAYS = 2
POST_SLACK_DAYS = 60  # a page printed this long after the newest post it embeds carries a crawl date


def suspect_date(
    article: Article, parent: Article | None, now: datetime | None = None,
    post: Callable[[], datetime | None] | None = None,
) -> str | None:
    """Why ``article.published`` cannot be trusted, or None: a date in the future, a date far from
    the one in its URL, a date well before the text it copies or rewrites, or a date months after
    the newest social post the text embeds (``direction.newest_embedded_post``)."""
    when = parse_time(article.published)
    if when is None:
        return None
    now = now or datetime.now()
    if when > now + timedelta(days=1):
        return f"published date {article.published} is in the future"
    m = _URL_DATE.search(article.url or "")
    if m:
        try:
            url_day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            url_day = None
        if url_day and abs((when - url_day).days) > URL_DATE_SLACK_DAYS:
            return f"published date {article.published} contradicts the date in its URL ({url_day.date()})"
    if parent is not None:
        ptime = parse_time(parent.published)
        if ptime and (ptime - when).days > PARENT_SLACK_DAYS:
            return (f"published date {article.published} is before {parent.published}, the date of the "
                    f"{parent.outlet or parent.id} text it derives from")
    newest = newest_embedded_post(article.text) if post is None else post()  # (``post``: the same, kept)
    if newest is not None and (when - newest).days > POST_SLACK_DAYS:
        return (f"published date {article.published} is {(when - newest).days} days after the newest post its "
                f"text embeds ({newest.date()}): pages embed posts while they are news")
    return None


def trace_origins(
    articles: Sequence[Article], reuses: Sequence[Reuse], off_topic: Mapping[str, str] | None = None,
    signals: Mapping[str, Signals] | None = None, reads: ArticleReads | None = None,
) -> dict[str, Trace]:
    """Every article's parent, ultimate origin, kind and evidence (see the module docstring).
    ``off_topic`` (article id -> reason) articles stay their own origin and derive nothing;
    ``signals``: articles' signals read earlier (``signal_store.signals_for``); ``reads``: other
    per-article values read earlier (``signal_store.ArticleReads``)."""
    uniq = list({a.id: a for a in articles}.values())
    return _Tracer(uniq, reuses, off_topic, signals, reads).run()
