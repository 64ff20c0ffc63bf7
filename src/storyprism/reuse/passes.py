"""Passes of the origin tracer (reuse/trace.py) that read several articles' texts side by side
once every article has its first parent: a feed's copy of another agency's signed text, quote-only
rewrites, pasted narrative passages, and one newsroom's own pieces on one event.

They work on the tracer's state (``_Tracer``), like documents.py and lineage.py; kept apart so that
trace.py holds the choice of each article's parent and the resolution of chains.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from storyprism.reuse.credits import carried_only
from storyprism.reuse.lineage import (
    NEWSROOM_DAYS,
    POST_MARK,
    _newsroom_key,
    _publication_order,
    carried_elsewhere,
    pasted_sentences,
    relays_another_outlet,
)
from storyprism.text.overlap import fold_quote_marks, long_quotations

if TYPE_CHECKING:
    from storyprism.reuse.trace import Trace, _Tracer

VERBATIM = {"identical": "copy", "copy": "copy", "edited": "edited"}
_POST = re.compile(POST_MARK)
PASTED_SENTENCES = 3  # narrative sentences two articles print word for word: one source
MAX_NEWSROOM_PEERS = 50  # earlier pieces of one outlet compared with each piece
NEWSROOM_OVERLAP = 0.25  # two own pieces of one outlet this close cover one event: one newsroom


def _derives_from(traces: Mapping[str, Trace], aid: str, other: str) -> bool:
    """Whether ``aid``'s chain of parents reaches ``other`` (making ``other`` derive from ``aid``
    would close a cycle)."""
    node, seen = aid, {other}
    while node in traces and traces[node].parent != node and node not in seen:
        seen.add(node)
        node = traces[node].parent
    return node in seen


def piece_quotations(tracer: _Tracer, aid: str) -> list[str]:
    """The long quotations ``aid`` prints (``text.overlap.long_quotations``), a quoted social post
    aside (an @handle or #hashtag: public, printed alike by every desk): the words a desk that
    reported would have gathered itself."""
    return [q for q in long_quotations(tracer.articles[aid].text or "") if q and not _POST.search(q)]


def prints_all(tracer: _Tracer, quotes: list[str], other: str) -> bool:
    """Whether ``other``'s text holds every one of ``quotes`` (folded as ``piece_quotations`` folds)."""
    pool = fold_quote_marks(tracer.articles[other].text or "")
    return all(q in pool for q in quotes)


def feed_copies(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """A feed's copy of another agency's text: an article whose agency rests on its URL's feed
    section alone (credits.carried_only: /wires/pa/) and that prints word for word the narrative
    of a story another agency signs (copyright line, dateline, byline, sign-off) at another
    outlet carries that agency's text: its origin is the agency that wrote it, not the feed that
    relayed it (PA's feed carries AP's copy of a US story). Word for word: a verbatim relation,
    or ``PASTED_SENTENCES`` narrative sentences (quotes any desk may print left out)."""
    best: dict[str, tuple[int, str]] = {}
    for r in tracer.reuses:
        if r.kind not in VERBATIM and r.kind != "shared-source":
            continue
        for feed, signed in ((r.source, r.copy), (r.copy, r.source)):
            fs, ss = tracer.signals.get(feed), tracer.signals.get(signed)
            tf, ts = traces.get(feed), traces.get(signed)
            if fs is None or ss is None or tf is None or ts is None or tf.off_topic or ts.off_topic:
                continue
            if not carried_only(fs) or ss.wire is None or ss.wire == fs.wire or carried_only(ss):
                continue
            if not tf.parent.startswith("wire:") or tracer.keys[feed] & tracer.keys[signed]:
                continue  # already traced past the feed, or one outlet's two pages
            n = len(r.alignments) if r.kind in VERBATIM else pasted_sentences(
                r, tracer.articles[r.source].text or "", tracer.articles[r.copy].text or "")
            if n >= PASTED_SENTENCES and (feed not in best or n > best[feed][0]):
                best[feed] = (n, signed)
    for feed, (n, signed) in sorted(best.items()):
        if _derives_from(traces, signed, feed):
            continue
        t = traces[feed]
        t.parent, t.kind = signed, "edited"
        t.evidence.append(
            f"the {tracer.signals[feed].wire} feed relays {tracer.signals[signed].wire}'s text: {n} narrative "
            f"sentences word for word as in {tracer.articles[signed].outlet or signed}, which the "
            f"{tracer.signals[signed].wire} signs ({'; '.join(tracer.signals[signed].wire_evidence)[:100]})")


def quote_only_rewrites(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """An uncredited, loosely reworded rewrite: an article left as its own origin that shares
    source text with another (a ``shared-source`` relation: lines both carry) and prints no quote
    of its own -- every direct quote in it is in the other article -- got its story there.
    Signal (issue 10, the hand-read events' rule): a newsroom that reported adds quotes found
    nowhere upstream (its own interviews); one that rewrote can only repeat the upstream's.
    The upstream is a primary document, or an article published no later that itself rests on a
    named origin (wire copy, a credited outlet); an article that credits its own outlet ("told
    Newsweek") has reported and is left alone."""
    best: dict[str, tuple[tuple[int, int, float], str, int]] = {}
    for r in tracer.reuses:
        if r.kind != "shared-source":
            continue
        for x, y in ((r.source, r.copy), (r.copy, r.source)):
            tx = traces.get(x)
            if tx is None or y not in traces or tx.parent != x or tx.off_topic or traces[y].off_topic:
                continue
            if x in tracer.source_like or tracer.signals[x].own_reporting or not tracer._not_later(y, x):
                continue
            if y not in tracer.source_like and traces[y].parent == y:
                # quotes of public statements (a tweet, a spokesman) are the same in every
                # newsroom: they point at the upstream only when it is the document itself or
                # rests on a named origin (wire, credited outlet) the shared material came from
                continue
            # a quoted post (an @handle or #hashtag in it) is public, printed alike by every desk
            quotes = piece_quotations(tracer, x)
            if not quotes:
                continue  # nothing to tell own reporting from rewriting by
            if not prints_all(tracer, quotes, y):
                continue
            rank = (int(y in tracer.source_like), len(quotes), r.score)
            if x not in best or rank > best[x][0]:
                best[x] = (rank, y, len(quotes))
    for x, (_, y, n) in sorted(best.items()):
        if _derives_from(traces, y, x):
            continue  # y already derives from x: the two are not told apart by this signal
        t = traces[x]
        t.parent, t.kind = y, "rewrite"
        t.evidence.append(
            f"rewrite of {tracer.articles[y].outlet or y}: shares its source text and carries no quote of "
            f"its own (all {n} quotes are in that article)"
        )


def pasted_passages(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Two articles, each still its own origin, that print the same narrative sentences word for
    word (``PASTED_SENTENCES`` or more, none of them quoting anyone, each ``PASTED_MIN_WORDS`` long)
    took that text from one place: the later from the earlier, or both from a source the corpus
    lacks. Signal: independent reporters quote the same people, but do not write the same long
    sentences (held-out events read by hand: every pair of tracer-origin articles sharing three
    such sentences had one origin; pairs with two or fewer were split). The later one (then the
    greater id) joins the earlier's origin, unless that would close a cycle. A social post's lines
    count only when the earlier article did no reporting of its own (lineage.pasted_sentences)."""
    best: dict[str, tuple[int, str]] = {}
    for r in tracer.reuses:
        if r.kind != "shared-source":
            continue
        a, b = r.source, r.copy
        ta, tb = traces.get(a), traces.get(b)
        if ta is None or tb is None or ta.parent != a or tb.parent != b or ta.off_topic or tb.off_topic:
            continue
        first, later = sorted((a, b), key=lambda x: (_publication_order(tracer.articles[x]), x))
        if later in tracer.source_like:
            first, later = later, first  # a press release is not pasted from the news
        pasted = pasted_sentences(r, tracer.articles[a].text or "", tracer.articles[b].text or "",
                                  posts=not tracer.signals[first].own_reporting)
        if pasted < PASTED_SENTENCES:
            continue
        if later not in best or pasted > best[later][0]:
            best[later] = (pasted, first)
    for later, (n, first) in sorted(best.items()):
        if _derives_from(traces, first, later) or tracer.signals[later].own_reporting:
            continue  # a cycle; or a newsroom that reported (credits its own outlet) keeps its origin
        t = traces[later]
        t.parent, t.kind = first, "edited"
        t.evidence.append(
            f"carries {n} narrative sentences of {tracer.articles[first].outlet or first} word for word "
            "(pasted from it, or both from one source the corpus lacks)"
        )


def _carried(tracer: _Tracer, aid: str, trace: Trace) -> bool:
    """Agency text two desks carry (``lineage.carried_elsewhere``, among the articles a reuse
    relation ties to ``aid``), and no reporting of its own: no piece of a newsroom's coverage
    (the reason is recorded on ``trace``)."""
    if tracer.signals[aid].own_reporting:
        return False
    others = [tracer.articles[o] for o in sorted(tracer.related.get(aid, set())) if o in tracer.articles]
    other = carried_elsewhere(tracer.articles[aid], others) if others else None
    if other is None:
        return False
    trace.evidence.append(
        f"prints the text {other.outlet or other.id} carries within a day, neither crediting the other: "
        f"agency copy, not a piece of its newsroom's own coverage")
    return True


def newsrooms(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Several own pieces of one outlet on one event (a live story, a gallery, a video) share its
    newsroom, its sources and its briefings: they count as one origin, the earliest piece."""
    selfs = [a for a, t in traces.items() if t.kind == "self" and not t.off_topic and a not in tracer.source_like
             and not relays_another_outlet(tracer.signals[a]) and not _carried(tracer, a, t)]
    by_outlet: dict[str, list[str]] = {}
    for a in selfs:
        key = _newsroom_key(tracer.keys[a])
        if key:
            by_outlet.setdefault(key, []).append(a)
    for members in by_outlet.values():
        members.sort(key=lambda x: _publication_order(tracer.articles[x]))
        for k, b in enumerate(members):
            firsts: list[tuple[float, str]] = []
            for a in members[max(0, k - MAX_NEWSROOM_PEERS):k]:
                if traces[a].parent != a:
                    continue  # attach to a newsroom's first piece, never to a follower
                gap = tracer._days_apart(a, b)  # undated: no window to fall outside of
                if gap != math.inf and gap > NEWSROOM_DAYS:
                    continue
                sim = tracer.similarity(a, b)
                if sim >= NEWSROOM_OVERLAP:
                    firsts.append((sim, a))
            if not firsts:
                continue
            a = max(firsts, key=lambda f: f[0])[1]  # the closest (the earliest among equals)
            traces[b].parent = a
            traces[b].evidence.append(
                f"same newsroom as {a} ({tracer.articles[a].outlet}): its own pieces on one event count once"
            )
            # a piece close to two of the newsroom's first pieces (each within NEWSROOM_OVERLAP and
            # NEWSROOM_DAYS) reports the event both of them report (one newsroom's coverage of one
            # event: its race report and its driver's profile, tied by its follow-up): the later
            # first piece joins the earliest, so the newsroom counts once
            ordered = sorted((x for _, x in firsts), key=lambda x: _publication_order(tracer.articles[x]))
            for other in ordered[1:]:
                if traces[other].parent == other:
                    traces[other].parent = ordered[0]
                    traces[other].evidence.append(
                        f"same newsroom as {ordered[0]} ({tracer.articles[ordered[0]].outlet}): its piece {b} "
                        "is close to both, one event's coverage counts once")
