"""Passes of the origin tracer (reuse/trace.py) that follow news back to a primary document: a press
release, a company blog or an organisation's announcement.

Reading rule (issue 10, the hand-read trust set): an outlet that only rewrites a document has the
document as origin; one that reported adds sources of its own (analysts, interviews, quotes found
nowhere upstream). A document is never a rewrite of the news that follows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from storyprism.records import Reuse
from storyprism.reuse.credits import _TIME_WORDS, SPEECH, Credit, announcements, statement_leads
from storyprism.text.outlets import squash
from storyprism.text.overlap import has_long_quotation

if TYPE_CHECKING:  # the tracer imports this module: no import cycle at run time
    from storyprism.reuse.trace import Trace, _Tracer

# British house style quotes speech in single marks: "'Criminals exploited a flaw,' the statement said."
# (an opening mark before a capital, a closing one after the clause's punctuation: no apostrophe)
_SINGLE_QUOTED = re.compile(r"(?:^|[\s(:])['\u2018][A-Z].{10,}?[,.!?]['\u2019](?=\s|$)")
# an organisation's people: a role of the company named as such ("company chairman", "a company
# spokeswoman", "the firm's chief executive")
_ROLE = (r"(?:chairman|chairwoman|chair|chief executive|chief \w+ officer|CEO|CFO|president|spokes(?:man|woman|person)|"
         r"founder|executive|director|head|representative)")
_COMPANY_ROLE = re.compile(rf"\b(?:company|firm|group|organi[sz]ation)(?:'s|\u2019s)?\s+(?:\w+\s+)?{_ROLE}\b",
                           re.IGNORECASE)
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b", re.IGNORECASE)
# the published document itself speaks: "the statement said", "its release added"
# (no other owner between: "the family's statement" is another party's)
_DOCUMENT_SPEAKS = re.compile(r"\b(?:the|its|the company's|the company\u2019s) (?:statement|release|filing|announcement)\b",
                              re.IGNORECASE)
# who speaks in a quotation's sentence: "Mr. Smith said", "Smith said", "said ... Richard Smith"
_SPEAKER = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w-]+)|\b([A-Z][a-z][\w-]+)\s+(?:said|says|added|told)\b"
                      r"|\b(?:said|says|added)\s+(?:[a-z]+\s+){0,6}(?:[A-Z][\w.-]*\s+){0,2}([A-Z][a-z][\w-]+)")
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z][\w-]+")
LEAD_SENTENCES = 3
# a quotation given to "it", "the company", "the statement" speaks for the organisation named before
# (a pronoun or a bare common noun refers back; a person interviewed is named): "It added: ..."
_ISSUER_REFERENCE = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:and|but)\s+)(?:[Ii]t|[Tt]he (?:company|firm|group|statement|organi[sz]ation|agency|"
    r"ministry|department|bureau|business|bank|airline|retailer|manufacturer|maker|carrier))\s+"
    r"(?:also\s+|further\s+|later\s+)?(?:said|says|added|adds|stated|wrote|writes|explained|noted|continued|read|reads)\b")
DOC_PARAPHRASE_SHARE = 0.5  # an article paraphrasing half a press release's sentences rewrites it
DOC_STRONG_SIMILARITY = 0.72  # a paraphrase, not just the same topic (reuse/decide.py)
DOC_MIN_SENTENCES = 4
DOC_RESTATE_OVERLAP = 0.5  # rare-word overlap with a document that makes a quote-less article its restatement


def document_paraphrase(tracer: _Tracer, r: Reuse) -> tuple[str, str, list[str]] | None:
    """A news article that paraphrases most of a primary document's sentences rewrites it, even
    when the pair is too loose to be called a rewrite on the article's side (it adds
    background): news rewrites press releases, independent reports paraphrase a few lines."""
    src_doc = r.source in tracer.source_like and r.copy not in tracer.source_like
    cp_doc = r.copy in tracer.source_like and r.source not in tracer.source_like
    if not (src_doc or cp_doc):
        return None
    doc, other = (r.source, r.copy) if src_doc else (r.copy, r.source)
    n = tracer.n_sentences(doc)
    if n < DOC_MIN_SENTENCES:
        return None
    covered = {al.source_index if src_doc else al.copy_index for al in r.alignments
               if al.similarity >= DOC_STRONG_SIMILARITY}
    share = len(covered) / n
    if share < DOC_PARAPHRASE_SHARE:
        return None
    return doc, other, [f"paraphrases {len(covered)} of {n} sentences of the primary document "
                        f"{tracer.articles[doc].outlet or doc} (press release / company blog)"]


def rests_on_document(tracer: _Tracer, aid: str, traces: dict[str, Trace]) -> bool:
    """The article is a primary document (not an agency's site), or its chain of parents reaches
    one, or an organisation's announcement the corpus lacks (``release:NAME``, a relay's origin)."""
    node, seen = aid, set()
    while node in traces and node not in seen:
        if tracer.signals[node].primary:
            return True
        seen.add(node)
        if traces[node].parent == node:
            break
        node = traces[node].parent
    return node.startswith("release:")

def document_restatements(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """A spun rewrite of a press release: an article left as its own origin that prints no quote
    at all and credits no source of its own, yet shares most of its rare words with a primary
    document of the corpus (or a copy of one) published no later, restates that document.
    Signals: DOC_RESTATE_OVERLAP is well above what two reports of one event share (median 0.32,
    eval/trust.py), and a newsroom that reported has someone to quote; the document sets the
    words (synonym-swapped copies keep its names, figures and rare terms)."""
    # the documents and what already derives from them: few, so the pass stays linear in the corpus
    family = [x for x in traces if not traces[x].off_topic and rests_on_document(tracer, x, traces)]
    if not family:
        return
    for aid, t in sorted(traces.items()):
        if t.parent != aid or t.off_topic or aid in tracer.source_like or tracer.signals[aid].own_reporting:
            continue
        if tracer.signals[aid].credits or tracer.quoted(aid):
            continue
        best: tuple[float, str] | None = None
        for other in family:
            if other == aid or not tracer._not_later(other, aid):
                continue
            sim = tracer.similarity(aid, other)
            if sim >= DOC_RESTATE_OVERLAP and (best is None or sim > best[0]):
                best = (sim, other)
        if best is not None:
            sim, other = best
            t.parent, t.kind = other, "rewrite"
            t.evidence.append(
                f"restates {tracer.articles[other].outlet or other}, which is or carries a primary document "
                f"(rare-word overlap {sim:.2f}), with no quote or source of its own"
            )

def _quotes(sentence: str) -> bool:
    """The sentence prints a quotation in double marks, or in single ones (British house style)."""
    return has_long_quotation(sentence) or _SINGLE_QUOTED.search(sentence) is not None


def issuer_people(key: str, sentences: Sequence[str]) -> set[str]:
    """Capitalised words of the sentences that name the organisation (squashed ``key``) with a role
    ("Richard Smith, who stepped down as Equifax's chief executive", "Patricio Remon, President at
    Equifax"): the names of its people, whose later "Mr. Smith said" speaks for it."""
    names: set[str] = set()
    for s in sentences:
        if key in squash(s) and _ROLE_WORD.search(s):
            names.update(_CAPITAL_WORD.findall(s))
    return names


def speaks_for_issuer(sentence: str, key: str, people: set[str]) -> bool:
    """A quotation's sentence gives the words to the organisation (its name, "it", "the company"), to
    its published document ("the statement said"), to a role of it ("company chairman ...") or to one
    of its people (``issuer_people``)."""
    if key in squash(sentence) or _ISSUER_REFERENCE.search(sentence) or _DOCUMENT_SPEAKS.search(sentence):
        return True
    if _COMPANY_ROLE.search(sentence):
        return True
    speakers = {w for m in _SPEAKER.finditer(sentence) for w in m.groups() if w and w.lower() not in _TIME_WORDS}
    return bool(speakers) and speakers <= people


def _issuers(found: dict[str, list[str]], spellings: Counter[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for name, said in found.items():
        by_key.setdefault(squash(name), []).extend(said)
        spellings[name] += len(said)
    return by_key


def _announced(sentences: Sequence[str], spellings: Counter[str]) -> tuple[str, str] | None:
    """(issuer key, first announcing sentence) of an article that credits no outlet and frames its
    lead, or two sentences, as what one organisation announced, when every quotation (in double
    marks) with a verb of speech speaks for it by name, "it" or "the company"."""
    by_key = _issuers(announcements(sentences), spellings)
    lead = set(sentences[:LEAD_SENTENCES])
    issuers = [k for k, said in by_key.items() if len(said) >= 2 or any(x in lead for x in said)]
    if not issuers:
        return None
    key = max(issuers, key=lambda k: (len(by_key[k]), k))
    if any(key not in squash(s) and not _ISSUER_REFERENCE.search(s) and SPEECH.search(s)
           for s in sentences if has_long_quotation(s)):
        return None  # someone else is quoted: the article has sources of its own
    return key, by_key[key][0]


def _stated(sentences: Sequence[str], credits: Sequence[Credit], spellings: Counter[str]) -> tuple[str, str] | None:
    """(issuer key, lead sentence) of an article whose lead says what one organisation "said" and
    which says the words came in its statement (``statement_leads``), when every quotation, in double
    or single marks, speaks for it (``speaks_for_issuer``: by name, "it", "the statement", a role of
    the company, one of its people). "Said" leads are common to reporting too, so the test of other
    voices is the stricter one: single marks count (British house style), and an outlet credited in
    the lead (the story's source) or for a quotation (its interview) rules the relay out; one credited
    deep in the body for a side fact without a quotation ("shares fell, CNBC noted") does not."""
    if any(c.position < LEAD_SENTENCES or _quotes(c.sentence) for c in credits):
        return None
    by_key = _issuers(statement_leads(sentences, LEAD_SENTENCES), spellings)
    if not by_key:
        return None
    key = max(by_key, key=lambda k: (len(by_key[k]), k))
    people = issuer_people(key, sentences)
    if any(not speaks_for_issuer(s, key, people) and SPEECH.search(s) for s in sentences if _quotes(s)):
        return None  # someone else is quoted: the article has sources of its own
    return key, by_key[key][0]


def _relay_reading(tracer: _Tracer, aid: str) -> tuple[tuple[str, str] | None, dict[str, int]]:
    """What ``announcement_restatements`` reads of one article: (issuer key, first announcing
    sentence) or None, and the issuer spellings it counts. A function of the article's sentences and
    credits alone, so kept between runs (``tracer.reads``), under the outlet titles its credits were
    read with (``tracer.signal_stamp``)."""
    stamp = tracer.signal_stamp.get(aid, "")

    def read() -> list[Any]:
        spelt: Counter[str] = Counter()
        sentences, credits = tracer.sentences[aid], tracer.signals[aid].credits
        found = _announced(sentences, spelt) if not credits else None
        if found is None:
            found = _stated(sentences, credits, spelt)
        return [stamp, None if found is None else list(found), dict(spelt)]

    got = tracer.reads.get(aid, "relay", read)
    if got[0] != stamp:
        got = read()
        tracer.reads.put(aid, "relay", got)
    return (None if got[1] is None else (str(got[1][0]), str(got[1][1]))), dict(got[2])


def announcement_restatements(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """An article relaying one organisation's announcement and nothing else: left as its own
    origin, it names no outlet where its story starts, does not report on its own, frames its lead
    (or two sentences) as what the organisation announced, confirmed, disclosed or wrote ("Sony has
    confirmed the full list of new features") or as what it said in a published statement
    ("Equifax said on Thursday ..." and "said in a statement": ``statement_leads``), and every
    quotation it prints speaks for that organisation (``speaks_for_issuer``: its post or statement,
    its people; nobody else interviewed). Its origin is the announcement: the organisation's document
    when the corpus holds it, else ``release:NAME``, shared by every article relaying it. Signal (the
    reading rules): an outlet that only rewrites a document has the document as origin; one that
    reported adds sources of its own (analysts, interviews, other parties' words). A credit to
    another outlet deep in the body for a side fact without a quotation ("shares fell, CNBC noted")
    is no reporting of its own and no source of the story."""
    relays: dict[str, tuple[str, str]] = {}  # article -> (issuer key, first announcing sentence)
    spellings: Counter[str] = Counter()
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.own_reporting or sig.wire:
            continue
        found, spelt = _relay_reading(tracer, aid)
        for name, n in spelt.items():
            spellings[name] += n
        if found is not None:
            relays[aid] = found
    # one origin per organisation, named by its most used spelling ("Sony", not "SONY")
    names: dict[str, str] = {}
    for name, _ in sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0])):
        names.setdefault(squash(name), name)
    for aid, (key, first) in relays.items():
        doc = next((o for o in tracer.primary_docs if o != aid and key in tracer.keys[o] and tracer.close(aid, o)), None)
        t = traces[aid]
        t.parent, t.kind = doc or f"release:{names[key]}", "rewrite"
        t.evidence.append(
            f"relays {names[key]}'s announcement (\u201c{first[:140]}\u201d) and quotes no one else"
            + (f"; the document is in the corpus ({tracer.articles[doc].outlet})" if doc else "")
        )
