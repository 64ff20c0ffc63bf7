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
credit rules. And only words the agency gathered in a private exchange, as one of the two prints
says ("told Reuters", "by telephone"), none said in public (a speech, a statement, a filing, a news
conference: every desk has those words; ``_PUBLIC``, ``_PRIVATE``). On the 2,000-article Giveme5W1H workspace and the 64 hand-read events the pass finds
one such piece (an unbylined wire story whose Taliban spokesman quotation another report credits
to Reuters), and its hand label agrees.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.reuse.credits import agency_of
from storyprism.reuse.lineage import POST_MARK
from storyprism.text.overlap import long_quotations

if TYPE_CHECKING:
    from storyprism.reuse.trace import Trace, _Tracer

MIN_QUOTE_WORDS = 8  # a quotation this long is one person's words as one reporter wrote them down
_POST = re.compile(POST_MARK)
_QUOTE_SPAN = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")

# Which quotations an agency gathered (R1 of round 17's review). Convention: words spoken or written
# in public -- a speech, an address, a statement, a filing, a letter, a post, a ruling, remarks, a
# news conference, a broadcast, words "told reporters" -- reach every desk alike, so the same words
# in two reports say nothing about who copied whom, whoever a report credits. Words an agency's
# reporter got in a private exchange are that reporter's alone: the grammar of the quoting sentence
# says so when the person "told AGENCY", spoke "in an interview with AGENCY" / "speaking to AGENCY"
# (credits.py's cue "told"), was "quoted by AGENCY", or said it "by telephone" / "in a phone
# interview" (a call has one listener). The tight reading is kept: a quotation counts only when one
# of its two prints marks it so (the crediting sentence, or the uncredited piece's own sentence:
# both report the one utterance) and neither names a public occasion.
_PUBLIC = re.compile(
    r"\b(?:in|during|at|from|on|with)\s+(?:(?:a|an|the|his|her|its|their|this|that|[A-Z][\w-]*['\u2019]s)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:address|speech|statement|filing|letter|ruling|judgment|judgement|post|tweet|blog|"
    r"briefing|conference|remarks|testimony|hearing|rally|sermon|broadcast|release|communiqu[e\u00e9]|video|"
    r"op-ed|essay|memo|session|debate|summit|ceremony)s?\b"
    r"|\b(?:the|a|his|her|its|their)\s+(?:[\w-]+\s+)?(?:statement|filing|letter|ruling|judgment|release|post|"
    r"speech|address|communiqu[e\u00e9]|memo|court papers|documents?)\s+(?:said|says|read|reads|added|stated)\b"
    r"|\b(?:wrote|writes|written|tweeted|posted|televised|broadcast|addressed|addressing)\b"
    r"|\bon\s+(?:state\s+|national\s+|local\s+)?(?:television|radio|TV|social media|X|Twitter|Facebook)\b"
    r"|\btold\s+(?:reporters|journalists|the\s+press|the\s+media|parliament|lawmakers|legislators|supporters|"
    r"delegates|senators|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:conference|briefing|crowd|rally|audience|gathering|"
    r"meeting|session|hearing|court|jury|parliament|assembly|senate|congress|committee|summit|forum|"
    r"convention|house|chamber))\b",
    re.IGNORECASE,
)
# a private exchange on the page: "said by telephone", "over the phone", "in a telephone interview"
_PRIVATE = re.compile(
    r"\b(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b|\b(?:tele)?phone\s+(?:interview|call|conversation)\b"
    r"|\bphoned\b",
    re.IGNORECASE,
)

_QUOTED_BY = re.compile(r"\bquoted\s+by\b", re.IGNORECASE)


def _unquoted(sentence: str) -> str:
    """The sentence without its quotations: the occasion is the reporter's words, not the speaker's
    (a quoted "we will hold a news conference" is no news conference)."""
    return _QUOTE_SPAN.sub(" ", sentence)


def public_occasion(sentence: str) -> bool:
    """The quoting sentence names a public or written occasion (``_PUBLIC``): its words reach every desk."""
    return bool(_PUBLIC.search(_unquoted(sentence)))


def private_exchange(sentence: str) -> bool:
    """The quoting sentence says the words came in a private exchange (``_PRIVATE``)."""
    return bool(_PRIVATE.search(_unquoted(sentence)))


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
    report of the same event (``tracer.close``) credits to that agency in the quoting sentence, when
    the agency gathered it (``_PUBLIC``, ``_PRIVATE``). A piece whose quotations point at two
    agencies is left alone (a merged wire story: no one source)."""
    # word run -> (agency, crediting article, whether the crediting sentence marks it gathered)
    credited: dict[tuple[str, ...], set[tuple[str, str, bool]]] = {}
    for other, sig in tracer.signals.items():
        if other in tracer.off_topic:
            continue
        for c in sig.credits:
            agency = agency_of(c.name)
            if agency is None or public_occasion(c.sentence):
                continue
            # "told Reuters", "in an interview with AFP", "speaking to AP" (credits' cue "told"),
            # "quoted by Reuters" (the agency's own quotation), or a call the sentence names
            gathered = c.cue == "told" or _QUOTED_BY.search(_unquoted(c.sentence)) is not None \
                or private_exchange(c.sentence)
            for q in _long_quotes(long_quotations(c.sentence)):
                for run in _runs(q):
                    credited.setdefault(run, set()).add((agency, other, gathered))
    if not credited:
        return
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like:
            continue
        if sig.wire or sig.own_reporting or sig.credits or sig.document_credits:
            continue  # its own credits, wire marks or reporting already say where it stands
        # every (agency, crediting report) the piece's quotations point at, over all their runs, so
        # that ``close`` is asked once per pair (a long quotation has a run per word); the flag says
        # whether either print marks the quotation gathered. A quotation not so marked still points
        # at its agency: a piece that also prints a second agency's words is no one agency's story
        pairs: dict[tuple[str, str], bool] = {}
        for sentence, quotes in tracer.quoted_sentences(aid):
            if public_occasion(sentence):
                continue
            private = private_exchange(sentence)
            for q in _long_quotes(quotes):
                for run in _runs(q):
                    for agency, other, gathered in credited.get(run, ()):
                        if other != aid:
                            pairs[agency, other] = pairs.get((agency, other), False) or gathered or private
        found: dict[str, tuple[str, bool]] = {}  # agency -> (the report crediting it, gathered)
        for (agency, other), gathered in sorted(pairs.items()):
            if (agency not in found or (gathered and not found[agency][1])) and tracer.close(aid, other):
                found[agency] = (other, gathered)
        if len(found) != 1:
            continue
        agency, (other, gathered) = next(iter(found.items()))
        if not gathered:
            continue  # words that may have reached every desk: no sign of the agency's copy
        t.parent, t.kind = f"wire:{agency}", "rewrite"
        t.evidence.append(
            f"prints word for word a quotation {tracer.articles[other].outlet or other} credits to {agency}, "
            "and credits no one itself: the agency's story"
        )
