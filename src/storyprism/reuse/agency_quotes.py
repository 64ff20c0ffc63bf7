"""A pass of the origin tracer (reuse/trace.py): an uncredited piece that prints, word for word, a
quotation another report of the corpus credits to a news agency carries that agency's story.

Signal (how agency copy travels): an agency's reporter gathers a quotation ("the spokesman said by
telephone", "told Reuters") and sells it with the story to its subscribers, who print it without
saying where it came from; a desk that quotes the same person itself gets other words. So when one
report writes the quotation down as the agency's ("..., Reuters reported", "he told Reuters news
agency") and another prints the same words with no credit at all, no wire mark and nothing of its
own reporting, the second rests on the agency. Only long quotations count (``MIN_QUOTE_WORDS``: a
short phrase, a slogan or a public post's words are printed alike by every desk), and only credits
to an agency (credits.AGENCIES): an outlet's exclusive interview is already followed by the
credit rules. On the 2,000-article Giveme5W1H workspace and the 64 hand-read events the pass finds
one such piece (an unbylined wire story whose Taliban spokesman quotation another report credits
to Reuters), and its hand label agrees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.reuse.credits import agency_of
from storyprism.reuse.lineage import POST_MARK
from storyprism.reuse.passes import _QUOTED, _norm_quotes

if TYPE_CHECKING:
    from storyprism.reuse.trace import Trace, _Tracer

MIN_QUOTE_WORDS = 8  # a quotation this long is one person's words as one reporter wrote them down
_POST = re.compile(POST_MARK)


def _runs(quote: str) -> set[tuple[str, ...]]:
    """The quotation's runs of ``MIN_QUOTE_WORDS`` words (one run per start): two prints of one
    quotation share one, whatever either trimmed at its ends."""
    words = quote.split()
    return {tuple(words[i : i + MIN_QUOTE_WORDS]) for i in range(len(words) - MIN_QUOTE_WORDS + 1)}


def _long_quotes(quotes: list[str]) -> list[str]:
    """The quotations worth comparing: long enough, and no public post (an @handle or #hashtag)."""
    return [q for q in quotes if len(q.split()) >= MIN_QUOTE_WORDS and not _POST.search(q)]


def agency_quotations(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Give ``wire:<agency>`` as parent to each article still its own origin that credits nobody,
    carries no wire mark and reports nothing of its own, and prints a long quotation which another
    report of the same event (``tracer.close``) credits to that agency in the quoting sentence. A
    piece whose quotations point at two agencies is left alone (a merged wire story: no one source)."""
    credited: dict[tuple[str, ...], set[tuple[str, str]]] = {}  # word run -> (agency, crediting article)
    for other, sig in tracer.signals.items():
        if other in tracer.off_topic:
            continue
        for c in sig.credits:
            agency = agency_of(c.name)
            if agency is None:
                continue
            for q in _long_quotes([_norm_quotes(q).strip(" ,.") for q in _QUOTED.findall(c.sentence)]):
                for run in _runs(q):
                    credited.setdefault(run, set()).add((agency, other))
    if not credited:
        return
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like:
            continue
        if sig.wire or sig.own_reporting or sig.credits or sig.document_credits:
            continue  # its own credits, wire marks or reporting already say where it stands
        found: dict[str, str] = {}  # agency -> the report crediting it
        for _, quotes in tracer.quoted_sentences(aid):
            for q in _long_quotes(quotes):
                for run in _runs(q):
                    for agency, other in credited.get(run, ()):
                        if other != aid and agency not in found and tracer.close(aid, other):
                            found[agency] = other
        if len(found) != 1:
            continue
        agency, other = next(iter(found.items()))
        t.parent, t.kind = f"wire:{agency}", "rewrite"
        t.evidence.append(
            f"prints word for word a quotation {tracer.articles[other].outlet or other} credits to {agency}, "
            "and credits no one itself: the agency's story"
        )
