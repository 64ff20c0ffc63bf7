"""Passes of the origin tracer (reuse/trace.py) that follow news back to a primary document: a press
release, a company blog or an organisation's announcement.

Reading rule (issue 10, the hand-read trust set): an outlet that only rewrites a document has the
document as origin; one that reported adds sources of its own (analysts, interviews, quotes found
nowhere upstream). A document is never a rewrite of the news that follows it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from storyprism.records import Reuse
from storyprism.reuse.credits import SPEECH, announcements
from storyprism.text.outlets import squash

if TYPE_CHECKING:  # the tracer imports this module: no import cycle at run time
    from storyprism.reuse.trace import Trace, _Tracer

_QUOTED = re.compile(r"[\"“]([^\"“”]{12,})[\"”]")
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
    n = len(tracer.sentences[doc])
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
        if tracer.signals[aid].credits or _QUOTED.search(tracer.articles[aid].text or ""):
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

def announcement_restatements(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """An article relaying one organisation's announcement and nothing else: left as its own
    origin, it names no outlet, does not report on its own, frames its lead (or two sentences) as
    what the organisation announced, confirmed, disclosed or wrote ("Sony has confirmed the full list
    of new features"), and every quotation it prints sits in a sentence naming that organisation or
    given to "it" / "the company" (its post or statement quoted, nobody interviewed). Its origin is the announcement: the
    organisation's document when the corpus holds it, else ``release:NAME``, shared by every
    article relaying it. Signal (the reading rules): an outlet that only rewrites a document has
    the document as origin; one that reported adds sources of its own (analysts, interviews)."""
    relays: dict[str, tuple[str, str]] = {}  # article -> (issuer key, first announcing sentence)
    spellings: Counter[str] = Counter()
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.own_reporting or sig.credits:
            continue
        sentences = tracer.sentences[aid]
        by_key: dict[str, list[str]] = {}
        for name, said in announcements(sentences).items():
            by_key.setdefault(squash(name), []).extend(said)
            spellings[name] += len(said)
        lead = set(sentences[:LEAD_SENTENCES])
        issuers = [k for k, said in by_key.items() if len(said) >= 2 or any(x in lead for x in said)]
        if not issuers:
            continue
        key = max(issuers, key=lambda k: (len(by_key[k]), k))
        if any(key not in squash(s) and not _ISSUER_REFERENCE.search(s) and SPEECH.search(s)
               for s in sentences if _QUOTED.search(s)):
            continue  # someone else is quoted: the article has sources of its own
        relays[aid] = (key, by_key[key][0])
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
