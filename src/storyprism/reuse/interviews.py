"""A pass of the origin tracer (reuse/trace.py): a piece that relays an interview its headline's
subject gave to another outlet rests on that outlet, even when it credits another outlet as often.

The tracer follows a credit only when one outlet is credited more often than any other, or once with
a story-level cue; two outlets credited once each are conflicting credits and the piece stays its own
origin. A common shape of celebrity and political coverage breaks that tie by a journalistic
convention: the headline names first the person whose words it reports ("Director X sounds off on
...", "X: the crash was a mistake"), and the body credits the interview that person gave ("X told
Deadline", "in an interview with Deadline, X said"); a second outlet credited once there is the
background the interview answers ("Y told The Times" about the earlier claim). The piece's story is
the interview, so its origin is the interviewing outlet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyprism.reuse.credits import Credit, credit_groups

if TYPE_CHECKING:  # the tracer imports this module's caller: no import cycle at run time
    from storyprism.reuse.trace import Trace, _Tracer

# the headline's opening name: one to three capitalised words at its start, not a possessive ("Uma
# Thurman's accident" is about the accident) and followed by a verb, a colon or a dash (its subject)
_HEAD_NAME = re.compile(r"^\s*((?:[A-Z][\w.'\u2019-]*\s+){0,2}[A-Z][\w.-]*)(?!['\u2019]s\b)(?=\s*[:\u2013\u2014-]|\s+[a-z])")
# who gave the interview a "told" credit names: the capitalised word right before "told" ("Tarantino
# told Deadline"), or the speaker right after an "interview with <outlet>," opening ("In an interview
# with Deadline, Tarantino said"); a role noun or a pronoun ("the director said") names no one
_TOLD = re.compile(r"\b([A-Z][\w'-]+)\s+(?:also\s+|later\s+)?(?:told|tells)\b")
_INTERVIEW_SAID = re.compile(
    r"\binterview with (?:the\s+)?[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4},?\s+([A-Z][\w'-]+)\s+(?:said|says|added)\b")


def headline_subject(title: str | None) -> str | None:
    """The surname of the person a headline opens on ("Quentin Tarantino sounds off on ..." ->
    "Tarantino"), or None when the headline does not open on a name followed by a verb or a colon."""
    if not title:
        return None
    m = _HEAD_NAME.match(title)
    if not m:
        return None
    words = m.group(1).split()
    return words[-1].strip(".'\u2019") or None


def interviewee(credit: Credit) -> str | None:
    """Who gave the interview a "told" credit names: "X told Deadline", "in an interview with
    Deadline, X said" (the surname as written), or None."""
    if credit.cue != "told":
        return None
    m = _TOLD.search(credit.sentence) or _INTERVIEW_SAID.search(credit.sentence)
    return m.group(1) if m else None


def subject_interview(credits: Sequence[Credit], title: str | None) -> Credit | None:
    """The credit of the interview the headline's subject gave, when it breaks a tie: one outlet is
    credited for an interview the headline's opening name gave, no outlet is credited more often,
    and no other outlet is credited for an interview with that person. None otherwise."""
    subject = headline_subject(title)
    if subject is None or not credits:
        return None
    groups = credit_groups(credits)
    top = len(groups[0])
    hits = [g for g in groups if any(interviewee(c) == subject for c in g)]
    if len(hits) != 1 or len(hits[0]) < top:
        return None
    return next(c for c in hits[0] if interviewee(c) == subject)


def subject_interviews(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Pieces left as their own origin, reporting nothing of their own (no credit to their own
    outlet), carrying no wire copy and no primary document, whose credits tie but one of them is
    the interview their headline's subject gave (``subject_interview``): they rest on that outlet
    (its article when the corpus holds it, else ``outlet:NAME``)."""
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.parent != aid or t.off_topic or aid in tracer.source_like or sig.primary or sig.own_reporting:
            continue
        if sig.wire or not sig.credits:
            continue
        credit = subject_interview(sig.credits, tracer.articles[aid].title)
        if credit is None:
            continue
        target = tracer._resolve_credit(aid, credit.name)
        if target == aid:
            continue
        t.parent, t.kind = target, "credited"
        t.evidence.append(
            f"its headline's subject gave {credit.name} the interview it relays: \u201c{credit.sentence[:140]}\u201d"
        )
        # the tie the tracer recorded is settled by the headline: no longer a problem of this article
        t.problems = [p for p in t.problems if not p.startswith("conflicting credits")]
