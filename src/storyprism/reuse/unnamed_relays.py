"""A pass of the origin tracer (reuse/trace.py): a piece that says it relays reports it does not name
("according to reports", "media reported") rests on the report of the corpus whose narrative it
prints word for word.

Signal (how a desk that did not report writes a story up): "according to reports" is the writer's
own admission that the facts came from other outlets' reporting; it does not say which. A piece
that admits so, names no outlet, agency or document, credits nothing to its own staff and carries
no wire mark, yet prints an earlier report's narrative sentence almost word for word (a long
sentence, no quotation on either side: a reporter's own wording, not a speaker's words every desk
has), took that report's story: it is the unnamed report. Without the admission one shared
background sentence is no derivation (independent reports reuse one stock line: the hand-read
trust events hold five such pairs, all of different origins); with it, the shared sentence names
what the admission left unnamed. On the 2,000-article Giveme5W1H workspace and the 64 hand-read
events the pass finds one such piece (a four-sentence write-up of a consulate attack whose
car-bomb sentence is an earlier staff report's), and its hand label agrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyprism.records import Reuse
from storyprism.reuse.lineage import _root
from storyprism.reuse.passes import _derives_from
from storyprism.text.overlap import PASTED_MIN_WORDS, SAME_SENTENCE, quotations, word_containment

if TYPE_CHECKING:
    from storyprism.reuse.trace import Trace, _Tracer


def _printed_sentences(aid: str, relations: list[Reuse]) -> list[str]:
    """``aid``'s long narrative sentences that one of the ``relations`` (between ``aid`` and one other
    article) aligns with one of the other's almost word for word (``SAME_SENTENCE``), neither side
    quoting anyone."""
    found: list[str] = []
    for r in relations:
        for al in r.alignments:
            mine, theirs = ((al.source_sentence, al.copy_sentence) if r.source == aid
                            else (al.copy_sentence, al.source_sentence))
            if len(mine.split()) < PASTED_MIN_WORDS or quotations(mine) or quotations(theirs):
                continue
            if word_containment(mine, theirs) >= SAME_SENTENCE and mine not in found:
                found.append(mine)
    return found


def _admits_relay(tracer: _Tracer, aid: str, t: Trace) -> bool:
    """Still its own origin, no primary document, and it credits unnamed reports and nothing else:
    no outlet, agency or document named, no own staff credited, no wire mark."""
    sig = tracer.signals[aid]
    if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.primary:
        return False
    return bool(sig.unnamed_credits) and not (sig.credits or sig.document_credits or sig.own_reporting or sig.wire)


def unnamed_relays(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Give each article still its own origin that credits unnamed reports (``Signals.unnamed_credits``)
    and nothing else (no outlet, agency, document or own-staff credit, no wire mark) the earlier
    report whose narrative sentence it prints word for word (``_printed_sentences``), when the
    sentences it so prints point at one origin only (two would make it a compilation: no one
    source) and the step closes no cycle."""
    candidates = [aid for aid, t in sorted(traces.items()) if _admits_relay(tracer, aid, t)]
    if not candidates:
        return
    # the relations of the few candidates, read once (a corpus holds many relations, few such pieces)
    wanted = set(candidates)
    relations: dict[tuple[str, str], list[Reuse]] = {}
    for r in tracer.reuses:
        for x, y in ((r.source, r.copy), (r.copy, r.source)):
            if x in wanted:
                relations.setdefault((x, y), []).append(r)
    for aid in candidates:
        t, sig = traces[aid], tracer.signals[aid]
        by_origin: dict[str, tuple[str, list[str]]] = {}  # origin -> (report, sentences printed)
        for other in sorted(tracer.related.get(aid, set())):
            u = traces.get(other)
            if u is None or u.off_topic or not tracer._not_later(other, aid):
                continue
            printed = _printed_sentences(aid, relations.get((aid, other), []))
            if printed:
                root = _root(traces, other)  # chains are resolved later: follow the parents here
                if root not in by_origin or len(printed) > len(by_origin[root][1]):
                    by_origin[root] = (other, printed)
        if len(by_origin) != 1:
            continue
        other, printed = next(iter(by_origin.values()))
        if _derives_from(traces, other, aid):
            continue
        t.parent, t.kind = other, "rewrite"
        # the piece's unnamed credit is now followed: no longer a problem left unresolved
        t.problems = [p for p in t.problems if not p.startswith("credits a source it does not name")]
        t.evidence.append(
            f"says it relays reports it does not name (\u201c{sig.unnamed_credits[0][:100]}\u201d) and prints "
            f"{tracer.articles[other].outlet or other}'s sentence almost word for word "
            f"(\u201c{printed[0][:100]}\u201d): that report"
        )
