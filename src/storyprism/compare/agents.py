"""Who did it: one act credited to two different doers by independent origins.

"the safety zone has been set up by the capital's own police force" against "the organisers have
set up a safety zone". A passive with its agent ("set up *by* the police") names the doer on
purpose: English leaves the agent out of a passive unless who did it is the point. So a report
crediting the same act on the same thing to someone else disagrees about who did it. General
signals, all required:

* one side is a passive clause with a "by" agent that is a doer, not a means, a time or an amount
  ("by phone", "by Monday", "by 5 percent"), and its subject names a thing (no pronoun);
* the act is one a single doer does once to make a thing (``_ONE_DOER_ACTS``: setting up,
  founding, building, writing), not an endorsement that several bodies give in turn (a bill passed
  by one chamber and then the other) nor a deed several hands share;
* the other side does the same act on the same thing: the same verb (and particle: "set *up*")
  followed within a few words by the passive subject's head noun, with at least two of the
  subject's content words; its doer is the subject of that verb in its clause (a noun, no pronoun),
  or the "by" agent of its own passive;
* the two doers are not both people named by name (co-founders, co-authors: a report naming one
  names no rival to the other); a body against a body or against a person stays;
* the two doers share no content word, and neither sentence names the other's doer (a report that
  names both may be crediting them jointly or in turn: "set up by the organisers at the police's
  request");
* neither clause is negated, hedged or conditional (a denial is the denial detector's; a plan may
  change hands);
* independent origins (one origin printed two ways is a copy's change), different articles, within
  the static window (``static.STATIC_WINDOW_HOURS``): who did a finished act does not change
  between reports, as a size or an age does not.

Deliberately narrow: two actives with different subjects ("police set up a cordon", "firefighters
set up a cordon") are more often two doers of one joint act than a dispute, and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import first_time, hours_apart, independent, make_side
from storyprism.compare.static import STATIC_WINDOW_HOURS
from storyprism.compare.text import (
    STOPWORDS,
    cased_words,
    clause_pattern,
    clauses,
    content_tokens,
    modal_pattern,
    negation_count,
    stem,
    words,
)
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS
from storyprism.text.cues import HEDGES

# A clause ends at punctuation and at the words that open another clause (``text.clause_pattern``):
# the doer and the act of one clause are read within it.
_CLAUSE = clause_pattern("that", "and")
_PASSIVE = re.compile(
    r"^(?P<subject>.*?)\b(?:has|have|had|was|were|is|are)\s+(?:been\s+|being\s+)?(?:\w+ly\s+)?"
    r"(?P<verb>[a-z]+)(?:\s+(?P<particle>up|out|down|off|in|over))?\s+by\s+(?P<agent>.+)$",
    re.IGNORECASE,
)
# What a "by" phrase names when it is no doer: a means, a time, an amount, a margin.
_NOT_A_DOER = frozenset(["phone", "telephone", "email", "e-mail", "mail", "post", "hand", "car", "bus", "train",
                         "air", "sea", "road", "rail", "foot", "helicopter", "boat", "plane", "end", "time",
                         "night", "day", "morning", "evening", "afternoon", "midnight", "noon", "percent",
                         "margin", "far", "way", "chance", "accident", "mistake", "default", "law", "video",
                         "text", "letter", "satellite", "wire"])
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who",
                       "which", "someone", "somebody", "anyone", "everyone", "one", "there"])
_MODAL = modal_pattern("will")
_AUX = r"(?:has|have|had|was|were|is|are|will|would|did|does|do)"
# Words an active clause's subject may not be: auxiliaries, adverbs and determiners left before a verb.
_SUBJECT_SKIP = frozenset(["has", "have", "had", "was", "were", "is", "are", "been", "also", "already", "then",
                           "now", "just", "recently", "previously", "later", "first", "finally"])
# Acts one doer does once to make a thing: setting it up, founding, building, designing, writing it.
# Endorsing acts are left out (a bill is passed by one chamber and then the other, a plan approved
# by a committee and then a board: two steps), and so are deeds that several hands share or that
# reports name at different ranks ("shot by officers" / "a deputy shot him"; "produced by" a studio
# and its producers).
_ONE_DOER_ACTS = frozenset(stem(w) for w in [
    "set", "founded", "built", "established", "organised", "organized", "launched", "created", "designed",
    "written", "invented", "discovered", "installed", "erected", "directed", "painted", "composed",
])
_GAP = 3  # words between the verb (and particle) and the thing it acts on ("set up *a safety* zone")
_MIN_THING = 2


@dataclass(slots=True)
class _Passive:
    index: int
    clause: str
    verb: str  # stem
    particle: str
    thing: list[str]  # the subject's content words, head last
    doer: set[str]
    person: bool  # the doer is named as a person (``_named_person``)


def _clauses(text: str) -> list[str]:
    return clauses(text, _CLAUSE, 3)


def _doer(phrase: str) -> set[str]:
    """The content words of a doer's noun phrase, or nothing when it is no doer."""
    ws = words(phrase)
    if not ws or any(w[:1].isdigit() for w in ws) or ws[0] in _PRONOUNS:
        return set()
    if set(ws) & _NOT_A_DOER or set(ws) & CALENDAR_WORDS:
        return set()
    return set(content_tokens(phrase))


# Head words of a body: a capitalised doer ending in one ("the Metropolitan Police", "Halden Group")
# names an organisation, not a person.
_BODY_WORDS = frozenset(["police", "government", "council", "ministry", "department", "agency", "company", "group",
                         "party", "army", "force", "forces", "committee", "commission", "university", "club",
                         "association", "union", "foundation", "bank", "court", "office", "service", "board",
                         "authority", "institute", "trust", "society", "corporation", "inc", "ltd", "team"])


def _named_person(printed: list[str]) -> bool:
    """A doer named by capitalised words only, none of them a body's head word ("Ann Berg", "Prime
    Minister Ana Soto"): a person. Founding, writing, designing, directing or composing is often
    shared by two people ("co-founders", "co-authors"), and a report naming one of them names no
    rival to the other: two such doers are no disagreement (a body against a body, or a body against
    a person, stays)."""
    kept = [w for w in printed if w.lower() not in STOPWORDS]
    return bool(kept) and all(w[:1].isupper() and w.lower() not in _BODY_WORDS for w in kept)


def _close_enough(st: StoryText, a: str, b: str) -> bool:
    """Who did a finished act does not change between reports (like a size or an age, static.py):
    compared within the static window, not the update gap."""
    gap = hours_apart(st, a, b)
    return gap is None or gap <= STATIC_WINDOW_HOURS


def _mentions(text: str) -> set[str]:
    """Every word of ``text`` as a doer's stem would be, a plural possessive too ("the organisers'
    request")."""
    return {stem(w.rstrip("'")) for w in words(text)}


def _plain(clause: str) -> bool:
    return not (_MODAL.search(clause) or negation_count(clause) or HEDGES.intersection(words(clause)))


_BY = re.compile(r"\b(?:has|have|had|was|were|is|are)\b[^.;]*?\bby\b", re.IGNORECASE)


def _passives(st: StoryText, i: int) -> list[_Passive]:
    out: list[_Passive] = []
    if not _BY.search(st.sentences[i].text):
        return out  # no auxiliary before a "by": no passive with its agent (most sentences)
    for clause in _clauses(st.sentences[i].text):
        m = _PASSIVE.match(clause)
        if m is None or not _plain(clause):
            continue
        subject = words(m.group("subject"))
        if not subject or subject[-1] in _PRONOUNS or stem(m.group("verb").lower()) not in _ONE_DOER_ACTS:
            continue
        thing = content_tokens(m.group("subject"))[-_MIN_THING - 1 :]
        # the agent phrase up to its first preposition: "by the police *at* the request of ..."
        agent = re.split(r"\s+(?:in|on|at|for|to|with|from|as|after|during|near|of)\s+", m.group("agent"))[0]
        doer = _doer(agent)
        if len(thing) < _MIN_THING or not doer:
            continue
        particle = (m.group("particle") or "").lower()
        person = _named_person(cased_words(agent))
        out.append(_Passive(i, clause, stem(m.group("verb").lower()), particle, thing, doer, person))
    return out


def _same_act_doer(p: _Passive, clause: str) -> tuple[set[str], bool] | None:
    """The doer of ``p``'s act on ``p``'s thing in another clause, and whether it is a named person;
    None when the clause does not do that act on that thing."""
    ws = words(clause)
    printed = cased_words(clause)
    stems = [stem(w) for w in ws]
    for k, s in enumerate(stems):
        if s != p.verb:
            continue
        after = k + 1
        if p.particle:
            if after >= len(ws) or ws[after] != p.particle:
                continue
            after += 1
        if after < len(ws) and ws[after] == "by":
            continue  # a passive's verb again ("set up by"): read below as a passive
        window = {stem(w) for w in ws[after : after + _GAP + 1]}
        if p.thing[-1] not in window or len(set(p.thing) & window) < _MIN_THING:
            continue
        # the subject: the clause's words before the verb, auxiliaries and adverbs left out
        kept = [n for n, w in enumerate(ws[:k]) if w not in _SUBJECT_SKIP and not re.fullmatch(_AUX, w)]
        before = [ws[n] for n in kept]
        if not before or before[-1] in _PRONOUNS or any(w in _PRONOUNS for w in before[-2:]):
            return None
        return set(content_tokens(" ".join(before[-4:]))), _named_person([printed[n] for n in kept[-4:]])
    return None


def agent_conflicts(st: StoryText) -> list[Conflict]:
    """One act on one thing credited to two doers (see the module docstring)."""
    of_sentence = {i: found for i in range(len(st.sentences)) if (found := _passives(st, i))}
    if not of_sentence:
        return []
    passives = [p for found in of_sentence.values() for p in found]
    # the sentences carrying each word a passive's act needs, in one pass over the story
    needed = {w for p in passives for w in (p.verb, p.thing[-1])}
    having: dict[str, set[int]] = {w: set() for w in needed}
    for j, tokens in enumerate(st.tokens):
        for w in needed.intersection(tokens):
            having[w].add(j)
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for p in passives:
        # the other sentence must carry the verb and the thing's head
        for j in sorted(having[p.verb] & having[p.thing[-1]]):
            if j == p.index:
                continue
            a, b = st.sentences[p.index], st.sentences[j]
            if a.article == b.article:
                continue
            other: set[str] | None = None
            other_person, where = False, ""
            for clause in _clauses(b.text):
                if not _plain(clause):
                    continue
                doer = next(((q.doer, q.person) for q in of_sentence.get(j, []) if q.clause == clause
                             and q.verb == p.verb and q.particle == p.particle and q.thing[-1] == p.thing[-1]), None)
                doer = doer if doer is not None else _same_act_doer(p, clause)
                if doer and doer[0]:
                    (other, other_person), where = doer, clause
                    break
            if not other or other & p.doer:
                continue
            if p.person and other_person:
                continue  # two people named for one founding or writing: co-founders, co-authors
            # neither report names the other's doer: one naming both may credit them jointly (the
            # crediting clause, not its attribution: "the organisers set it up, a police statement said")
            if other & _mentions(st.sentences[p.index].text) or p.doer & _mentions(where):
                continue
            if not independent(st, p.index, j) or not _close_enough(st, a.article, b.article):
                continue
            if (b.text, a.text) in seen or not first_time(seen, (a.text, b.text)):
                continue
            act = " ".join([p.verb, p.particle, *p.thing]).replace("  ", " ")
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="agent",
                    sides=[
                        make_side(st, a.text, [a.article], " ".join(sorted(p.doer))),
                        make_side(st, b.text, [b.article], " ".join(sorted(other))),
                    ],
                    about=f"who did it ({act})",
                    attribute=f"who did it: {act}",
                    # Low: a body and its members or its contractor can each be said to have done it.
                    confidence=0.4,
                )
            )
    return out
