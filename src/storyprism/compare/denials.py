"""Asserted against denied: one origin states a happening, an independent one says it did not happen.

"The girls were exchanged for four militants" against "no captive fighters were released in
exchange for the girls"; "X was arrested" against "police denied X was arrested". The two sides are
clauses, not whole sentences: a denial sits in one clause of a longer sentence ("Terms were not
announced, but no fighters were released ..."), and the same sentence may assert other things.

Deliberately strict, since most clauses with a "not" that share words with another report are not
its denial. Every one of these general signals must hold:

* the negation is a denial of a happening: a zero subject ("no fighters were released", "nobody
  was arrested"), a negated verb ("was not arrested", "did not pay") or a denial verb ("denied");
  not a statement about what a source said or knows ("did not respond", "would not say", "it is
  not known": an omission, not a disagreement), not a modal or a condition ("could not", "if"),
  not a comparison or a limit ("not only", "no longer", "no more than"), not a record or a first
  ("never before", "not the first", "since 1959": another time than the story's event), not an
  exclamation (a quoted outburst, no report of fact);
* the same proposition: the two clauses share most of their content both ways (each covers at
  least half of the other, four shared words at least), a participant by name, and the predicate
  the negation governs is in the asserting clause: the negated verb itself ("never *made* it"), or
  for a zero subject the verb and the word after it ("no fighters were *released in exchange*");
* the asserting clause is itself plain: no negation, modal, condition or record in it;
* independent origins (one origin printed two ways is a copy's change), different articles, and
  reports close enough in time that the later one cannot simply be an update ("no arrests" in the
  morning, "two arrested" at night).
"""

from __future__ import annotations

import re

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import first_time, make_side, opposable
from storyprism.compare.text import (
    CAPITALISED,
    clause_pattern,
    clauses,
    content_tokens,
    modal_pattern,
    negation_count,
    words,
)
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS as _CALENDAR
from storyprism.text.cues import HEDGES

# A clause is the unit of assertion (``text.clause_pattern``): what follows "after" or "but" is
# outside the negation's scope.
_CLAUSE = clause_pattern("as")
_ZERO = re.compile(r"\b(?:no|nobody|none|nothing|no-one)\b", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.IGNORECASE)
_DENY = re.compile(r"\b(?:denied|denies|deny|denying)\b", re.IGNORECASE)
# What a source said, knew or gave (an omission of information, not a denial of the fact) and the
# negations that limit or compare rather than deny.
_NOT_A_DENIAL = re.compile(
    r"(?:\bnot\b|n[’']t\b|\bnever\b)\s+(?:\w+\s+)?(?:immediately|yet|respond\w*|return\w*|repl\w*|comment\w*|say|said"
    r"|disclose\w*|specif\w*|elaborate\w*|identif\w*|name|named|provide\w*|give|gave|given|confirm\w*|know|known"
    r"|clear|available|reached|reveal\w*|want\w*|sure|certain|expected|likely|allowed|able|announce\w*)\b"
    r"|\bno\s+(?:longer|more|later|less|doubt|comment|details?|information|word|immediate|other|sooner|matter"
    r"|reason|date|one\s+knows)\b"
    r"|\bnot\s+(?:only|just|least|until|far|surprisingly|much|all|always|even|quite|necessarily|enough)\b"
    r"|\bnothing\s+(?:but|new)\b",
    re.IGNORECASE,
)
_MODAL = modal_pattern("cannot", "can[’']t", "couldn[’']t", "shouldn[’']t", "wouldn[’']t", "possibly", "probably",
                       "likely", "suspected", "believed")
_RECORD = re.compile(r"\b(?:first|before|since|ever|previous|previously|history|again|last time)\b", re.IGNORECASE)
# The same, read over a denial's whole sentence: the clause split cuts "since 1959" and a closing
# "before" off the clause they qualify ("Nobody has landed there before.").
_RECORD_SENTENCE = re.compile(
    r"\b(?:first|since|ever|previous|previously|history|again|last time)\b|\bbefore\W*$", re.IGNORECASE
)
_AUX = frozenset(["was", "were", "is", "are", "has", "have", "had", "been", "be", "being", "will", "did", "do", "does"])
# Adverbs that sit between a negation and its verb ("never even made", "did not actually pay").
_FILLERS = frozenset(["even", "ever", "actually", "really", "yet", "also", "still", "immediately", "officially"])
_MIN_SHARED = 4
_MIN_COVER = 0.5
_PREDICATE_WORDS = 2


def _clauses(text: str) -> list[str]:
    return clauses(text, _CLAUSE, 3)


def _drop_e(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 2 else word


def _keys(text: str) -> set[str]:
    # the shared stemmer leaves a final "e" on some forms ("exchange" / "exchang"): dropped here so
    # the inflections of one word meet
    return {_drop_e(t) for t in content_tokens(text)}


def _names(text: str) -> set[str]:
    """Capitalised words after the clause's first word: the participants a clause names (a day or
    a month is no participant)."""
    found = CAPITALISED.findall(text.split(" ", 1)[1] if " " in text else "")
    return {_drop_e(w.lower()) for w in found if w.lower() not in _CALENDAR}


def _predicate(clause: str) -> set[str] | None:
    """The content words the negation governs (the verb and what follows it), or None when the
    clause is no denial of a happening."""
    if _NOT_A_DENIAL.search(clause) or _MODAL.search(clause) or _RECORD.search(clause):
        return None
    ws = words(clause)
    start = None
    m = _ZERO.search(clause) or _NOT.search(clause) or _DENY.search(clause)
    if m is None:
        return None
    # the negation word's own index: counted up to the match's end, so the "did" of "didn't" is
    # not counted as a word before it
    before = len(words(clause[: m.end()])) - 1
    zero = bool(_ZERO.match(clause, m.start())) and not _NOT.search(clause)
    # "police denied Karl Lind was arrested": a denial verb's predicate is its complement's, after
    # the complement's auxiliary, as for a zero subject (not the complement's subject, a name)
    if zero or (_DENY.match(clause, m.start()) and not _NOT.search(clause)):
        # a zero subject: the predicate starts after its verb ("no fighters *were* released")
        for k in range(before + 1, len(ws)):
            if ws[k] in _AUX:
                start = k + 1
                break
    else:
        start = before + 1
    if start is None:
        return None
    out: list[str] = []
    for w in ws[start:]:
        if w in _AUX or w in _FILLERS:
            continue
        keys = _keys(w)
        if keys:
            out.extend(keys)
        # A negated verb ("never made it to the grid") denies that verb: it must be the one the other
        # side asserts. A zero subject ("no fighters were released in exchange") denies the whole
        # predicate of anyone: its verb and what follows it.
        if len(out) >= (_PREDICATE_WORDS if zero else 1):
            break
    return set(out) or None


def _plain(clause: str) -> bool:
    # the shared negation and hedge lists (text/cues) as well as this module's patterns: "refused to
    # pay", "without paying", "reportedly paid" assert nothing plainly
    return not (
        _ZERO.search(clause) or _NOT.search(clause) or _DENY.search(clause) or _MODAL.search(clause)
        or _RECORD.search(clause) or negation_count(clause) or HEDGES.intersection(words(clause))
    )


def denial_conflicts(st: StoryText) -> list[Conflict]:
    """A clause denying what an independent origin's clause asserts (see the module docstring)."""
    denials: list[tuple[int, str, set[str], set[str]]] = []  # sentence, clause, keys, predicate
    plain: list[tuple[int, str, set[str]]] = []
    for i, s in enumerate(st.sentences):
        if s.text.rstrip().rstrip("\"”’'").endswith("!"):  # an outburst, quoted or not
            continue
        record = bool(_RECORD_SENTENCE.search(s.text))
        for c in _clauses(s.text):
            if _plain(c):
                plain.append((i, c, _keys(c)))
                continue
            predicate = None if record else _predicate(c)
            if predicate is not None:
                denials.append((i, c, _keys(c), predicate))
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for i, dc, dk, predicate in denials:
        for j, pc, pk in plain:
            a, b = st.sentences[i], st.sentences[j]
            # the word tests first: they are cheap and reject almost every pair, while independence
            # works out both sentences' origins
            shared = dk & pk
            if len(shared) < _MIN_SHARED or len(shared) < _MIN_COVER * len(dk) or len(shared) < _MIN_COVER * len(pk):
                continue
            if not predicate & pk or not _names(dc) & _names(pc) & shared:
                continue
            if not opposable(st, i, j) or not first_time(seen, (a.text, b.text)):
                continue
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="polarity",
                    sides=[make_side(st, b.text, [b.article], pc), make_side(st, a.text, [a.article], dc)],
                    about="a happening asserted and denied",
                    attribute=f"whether it happened: {pc}",
                    # Medium: both sides are usually attributed accounts; one may speak of a part
                    # ("no fighters") the other does not.
                    confidence=0.5,
                )
            )
    return out
