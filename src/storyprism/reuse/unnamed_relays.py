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
what the admission left unnamed. The admission is read narrowly (credits.relay_admissions:
reports or media, never anonymous "sources", which are the outlet's own reporting; not in a quotation,
a denial, or with the outlet named after all), and the report must be of the same news cycle, strictly
earlier, and hold every quotation the piece prints (a desk that reported adds quotes found nowhere
upstream: quote_only_rewrites' signal). On the 2,000-article Giveme5W1H workspace and the 64 hand-read
events the pass finds one such piece (a four-sentence write-up of a consulate attack whose
car-bomb sentence is an earlier staff report's), and its hand label agrees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyprism.records import Reuse
from storyprism.reuse.credits import relay_admissions
from storyprism.reuse.lineage import NEWSROOM_DAYS, _publication_order, _root, pasted_alignments
from storyprism.reuse.passes import _derives_from, piece_quotations, prints_all
from storyprism.reuse.text import split_sentences
from storyprism.text.overlap import PASTED_MIN_WORDS

if TYPE_CHECKING:
    from storyprism.reuse.trace import Trace, _Tracer


def _printed_sentences(tracer: _Tracer, aid: str, relations: list[Reuse]) -> list[str]:
    """``aid``'s narrative sentences that one of the ``relations`` (between ``aid`` and one other
    article) aligns with one of the other's almost word for word (lineage.pasted_alignments: no
    quotation on either side, no social post's public text), both sentences ``PASTED_MIN_WORDS`` long
    (containment is measured over the shorter one: a short stock line inside a long sentence is no
    sentence printed)."""
    found: list[str] = []
    for r in relations:
        texts = (tracer.articles[r.source].text or "", tracer.articles[r.copy].text or "")
        for al in pasted_alignments(r, *texts, posts=False):
            mine, theirs = ((al.source_sentence, al.copy_sentence) if r.source == aid
                            else (al.copy_sentence, al.source_sentence))
            if min(len(mine.split()), len(theirs.split())) >= PASTED_MIN_WORDS and mine not in found:
                found.append(mine)
    return found


def _admission(tracer: _Tracer, aid: str, t: Trace) -> str | None:
    """The sentence admitting unnamed reports (credits.relay_admissions) of an article still its own
    origin, with no primary document, that names no outlet, agency or document, credits no own staff
    and carries no wire mark of any strength (an agency's contribution line, an "Agencies" sign-off:
    agency copy, not a relay of reports)."""
    sig = tracer.signals[aid]
    if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.primary:
        return None
    if sig.credits or sig.document_credits or sig.own_reporting or sig.wire or sig.weak_wire or sig.unnamed_agency:
        return None
    found = relay_admissions(split_sentences(tracer.articles[aid].text or ""))
    return found[0] if found else None


def _earlier(tracer: _Tracer, upstream: str, aid: str) -> bool:
    """``upstream`` came out strictly before ``aid`` ("an earlier report"), an earlier day when either
    value is date-only (its time of day is unknown), within the news cycle (``NEWSROOM_DAYS``: a desk
    writing up "reports" relays the current cycle's, not an older story's background); a primary
    document always (news follows it)."""
    if upstream in tracer.source_like:
        return True
    tu, ta = tracer.times.get(upstream), tracer.times.get(aid)
    if tu is None or ta is None or tracer._days_apart(upstream, aid) > NEWSROOM_DAYS:
        return False
    if tracer._date_only(upstream) or tracer._date_only(aid):
        return tu.date() < ta.date()
    return tu < ta


def _holds_quotes(tracer: _Tracer, aid: str, other: str) -> bool:
    """Every long quotation ``aid`` prints (a social post's aside: public, alike everywhere) is in
    ``other``: a desk that reported adds quotes found nowhere upstream (quote_only_rewrites' signal)."""
    return prints_all(tracer, piece_quotations(tracer, aid), other)


def unnamed_relays(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Give each article still its own origin that admits relaying unnamed reports (``_admission``)
    the earlier report of the news cycle (``_earlier``) holding all its quotations (``_holds_quotes``)
    whose narrative sentence it prints word for word (``_printed_sentences``), when the sentences it
    so prints point at one origin only (two would make it a compilation: no one source) and the step
    closes no cycle. Candidates go in publication order, so that an earlier relay is linked before a
    later piece reads its origin (the result does not hang on ids)."""
    admitted = {aid: a for aid, t in traces.items() if (a := _admission(tracer, aid, t)) is not None}
    if not admitted:
        return
    candidates = sorted(admitted, key=lambda x: _publication_order(tracer.articles[x]))
    # the relations of the few candidates, read once (a corpus holds many relations, few such pieces)
    relations: dict[tuple[str, str], list[Reuse]] = {}
    for r in tracer.reuses:
        for x, y in ((r.source, r.copy), (r.copy, r.source)):
            if x in admitted:
                relations.setdefault((x, y), []).append(r)
    for aid in candidates:
        t = traces[aid]
        by_origin: dict[str, tuple[str, list[str]]] = {}  # origin -> (report, sentences printed)
        # the piece itself aside (a relation of an article with itself says nothing); sorted for a stable tie
        others = sorted(tracer.related.get(aid, set()) - {aid},
                        key=lambda o: _publication_order(tracer.articles[o]) if o in tracer.articles else (True, 0, o))
        for other in others:
            u = traces.get(other)
            if u is None or u.off_topic or not _earlier(tracer, other, aid):
                continue
            printed = _printed_sentences(tracer, aid, relations.get((aid, other), []))
            if not printed or not _holds_quotes(tracer, aid, other):
                continue
            root = _root(traces, other)  # chains are resolved later: follow the parents here
            held = by_origin.get(root)
            # more sentences printed wins; on a tie the origin itself (its outlet is whose story it
            # is), else the earliest (``others`` is in publication order)
            if held is None or len(printed) > len(held[1]) or (
                    len(printed) == len(held[1]) and other == root and held[0] != root):
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
            f"says it relays reports it does not name (\u201c{admitted[aid][:100]}\u201d) and prints "
            f"{tracer.articles[other].outlet or other}'s sentence almost word for word "
            f"(\u201c{printed[0][:100]}\u201d): that report"
        )
