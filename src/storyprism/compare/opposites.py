"""Opposite predicates: one source says the thing went one way, an independent one the other way.

"Halden's shares rose 2 percent on Monday" against "Halden's shares fell 1 percent on Monday"; "the
pilot survived the crash" against "the pilot was killed in the crash"; "Moreau won the final"
against "Moreau lost the final". No negation word marks these (the denial and negation detectors
need one): the verbs themselves are opposites, the two poles of one outcome that cannot both hold
of one participant at one time. General signals, all required:

* each clause carries one verb of a pair of opposite outcomes (``_OPPOSITES``: a direction of
  change, a contest's result, a verdict, survival, an answer to a proposal, a confirmation) and not
  its opposite too ("won the first set but lost the match" reports both);
* the same participant: the words before the verb (its subject) are a definite reference, a name or
  "the"/a possessive, never a count or an indefinite ("one passenger survived" and "one passenger
  died" are two people), and the two subjects are the same words, or end in the same head noun
  with one's names all among the other's and most words shared ("Halden's revenue" is not
  "Halden's profit", "Serena Williams" not "Venus Williams");
* the same happening: the words after the verb share a content word (the contest, the crash, the
  charge), or neither clause says more than its subject and verb; where both verbs take an object,
  its head noun is the same (a plan, not "the plan's parking rules");
* a direction of change only over one named period in both sentences ("on Monday", "in the
  quarter"), and neither naming a part of a trading day ("in early trading"): "fell in March" and
  "rose in April" are two changes, a price without a period may be the next day's, and one that
  rose in the morning may have fallen by the close;
* both clauses plain: no negation, modal, condition, hedge or question, no record or comparison
  ("the first time since", "than");
* independent origins, different articles, and reports close enough in time that the later one
  cannot simply be an update (a price that rose in the morning may have fallen by the evening).
"""

from __future__ import annotations

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import first_time, make_side, opposable
from storyprism.compare.text import (
    CAPITALISED,
    STOPWORDS,
    clause_pattern,
    clauses,
    content_tokens,
    modal_pattern,
    negation_count,
    words,
)
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS
from storyprism.text.cues import HEDGES

# Opposite outcomes (past and present forms as printed): what one pole asserts, the other excludes.
_OPPOSITES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "direction of the change": (
        frozenset(["rose", "risen", "rises", "climbed", "climbs", "increased", "increases", "gained", "gains"]),
        frozenset(["fell", "fallen", "falls", "dropped", "drops", "declined", "declines", "decreased",
                   "decreases"]),
    ),
    "result of the contest": (frozenset(["won", "wins"]), frozenset(["lost", "loses"])),
    "verdict": (frozenset(["convicted"]), frozenset(["acquitted"])),
    "whether they survived": (frozenset(["survived", "survives"]), frozenset(["killed", "died", "dies"])),
    "answer to the proposal": (frozenset(["accepted", "accepts", "approved", "approves"]),
                               frozenset(["rejected", "rejects"])),
    "confirmation": (frozenset(["confirmed", "confirms"]), frozenset(["ruled"])),  # "ruled out"
}
_POLE = {w: (name, k) for name, poles in _OPPOSITES.items() for k, pole in enumerate(poles) for w in pole}
# The verbs' stems as the story's content words hold them (a cheap test before the clause reading);
# "rejected" is on the shared negation list, so no content word: looked for in the text.
_POLE_STEMS = frozenset(t for w in _POLE for t in content_tokens(w))
_CLAUSE = clause_pattern("as", "and", "then")
_NOT_PLAIN = modal_pattern("will", "cannot", "possibly", "probably", "likely", "expected", "first", "ever", "record",
                           "than", "since", "again", "almost", "nearly")
# A subject that counts or introduces its participant names no one in particular.
_INDEFINITE = frozenset(["a", "an", "one", "two", "three", "four", "five", "some", "several", "many", "few",
                         "another", "other", "others", "most", "more", "all", "both", "each", "every", "no",
                         "none", "someone", "somebody", "they", "he", "she", "it", "we", "who", "which"])
_AUX = frozenset(["has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "also", "reportedly",
                  "already", "just", "then", "later", "eventually", "finally"])
_PASSIVE_AUX = frozenset(["was", "were", "been", "is", "are", "be"])
_AFTER_WORDS = 6
_MIN_SUBJECT_COVER = 0.5
# The words that end a verb's object: a preposition opens an adjunct ("won the final *against*
# Stein", "fell *to* 4 percent"), a month or weekday a time.
_OBJECT_END = frozenset(["in", "on", "at", "to", "for", "by", "from", "with", "after", "of", "over", "into",
                         "against", "during", "amid", "since", "than", "as", "before", "under", "within",
                         *CALENDAR_WORDS])
# A change is measured over a period: two reports of one change name the same one ("on Monday", "in
# the quarter"); "in March" against "in April" are two changes. Words naming a part of a trading day
# ("in early trading", "at the open") mark an intraday move that may reverse by the close.
_PERIODS = frozenset([*CALENDAR_WORDS, "quarter", "year", "week", "month", "day", "today", "yesterday",
                      "session", "half", "weekend", "tonight"])
_INTRADAY = frozenset(["early", "morning", "afternoon", "midday", "noon", "opened", "opening", "open", "trading",
                       "intraday", "lunchtime", "late", "briefly", "initially"])


def _clauses(text: str) -> list[str]:
    return clauses(text, _CLAUSE, 2)


def _read(clause: str) -> tuple[str, int, list[str], set[str], set[str], str] | None:
    """(opposition, pole, subject words (head last), subject names, words after the verb, the object's
    head or "") of a plain clause with one opposite verb and a definite subject; None otherwise."""
    if _NOT_PLAIN.search(clause) or HEDGES.intersection(words(clause)):
        return None
    ws = clause.split()
    hits = [(k, _POLE[_bare(w)]) for k, w in enumerate(ws) if _bare(w) in _POLE]
    if len({name for _, (name, _) in hits}) != 1 or len({pole for _, (_, pole) in hits}) != 1:
        return None
    k, (name, pole) = hits[0]
    # a negation besides the opposite verb itself (the shared list counts "rejected" as one)
    if negation_count(" ".join(ws[:k] + ws[k + 1 :])):
        return None
    if _bare(ws[k]) == "killed" and (k == 0 or _bare(ws[k - 1]) not in _PASSIVE_AUX):
        return None  # "the gunman killed five people": the doer of a killing, not one who died
    if name == "confirmation" and pole == 1 and (k + 1 >= len(ws) or _bare(ws[k + 1]) != "out"):
        return None  # "ruled" is the opposite of "confirmed" only as "ruled out"
    before = [w for w in words(" ".join(ws[:k])) if w not in _AUX]
    if not before or before[0] in _INDEFINITE or any(w in _INDEFINITE for w in before) or before[0][:1].isdigit():
        return None
    subject = content_tokens(" ".join(before))
    names = {n.lower() for n in CAPITALISED.findall(" ".join(ws[:k])) if n.lower() not in STOPWORDS}
    after = set(content_tokens(" ".join(ws[k + 1 + (name == "confirmation" and pole == 1) :][:_AFTER_WORDS])))
    after = {w for w in after if not w[:1].isdigit()}
    if not subject:
        return None
    return name, pole, subject, names, after, _object_head(ws[k + 1 :])


def _object_head(rest: list[str]) -> str:
    """The head of the noun phrase right after the verb (its last content word before a preposition or
    a time): "the housing plan" -> plan, "the housing plan's parking rules" -> rule; "" when the verb
    takes no object ("fell to 4 percent", "was killed in the crash")."""
    phrase: list[str] = []
    for w in rest:
        bare = _bare(w)
        if bare in _OBJECT_END:
            break
        phrase.append(w)
        if w.rstrip("\"'’”").endswith((",", ".", ";", ":")):
            break
    heads = [t for t in content_tokens(" ".join(phrase)) if not t[:1].isdigit()]
    return heads[-1] if heads else ""


def _one_period(a: str, b: str) -> bool:
    """Two changes reported over the same named period, neither of them intraday (see ``_PERIODS``)."""
    wa, wb = set(words(a)), set(words(b))
    if wa & _INTRADAY or wb & _INTRADAY:
        return False
    pa, pb = wa & _PERIODS, wb & _PERIODS
    return bool(pa) and pa == pb


def _bare(word: str) -> str:
    return word.lower().strip(".,!?\"'’”")


def _poles(text: str, name: str) -> set[int]:
    """The poles of the opposition ``name`` that a text's verbs take."""
    return {_POLE[w][1] for w in map(_bare, text.split()) if w in _POLE and _POLE[w][0] == name}


def _same_participant(sa: list[str], na: set[str], sb: list[str], nb: set[str]) -> bool:
    """One participant: the same subject words, or the same head noun ("Halden's revenue" is no
    "Halden's profit"; "Chelsea's women" no "Chelsea's men") with one subject's names all in the
    other's ("Serena Williams" and "Venus Williams" share a name, not a person) and most words shared."""
    if set(sa) == set(sb):
        return True
    if sa[-1] != sb[-1] or not (na <= nb or nb <= na) or not (na and nb):
        return False
    shared = set(sa) & set(sb)
    return len(shared) >= _MIN_SUBJECT_COVER * max(len(set(sa)), len(set(sb)))


def opposite_conflicts(st: StoryText) -> list[Conflict]:
    """A clause and an independent clause with the opposite verb about one participant and happening."""
    found: list[tuple[int, str, str, int, list[str], set[str], set[str], str]] = []
    for i, s in enumerate(st.sentences):
        # cheap word test first: most sentences carry no verb of an opposite pair
        if s.text.rstrip().endswith("?") or (_POLE_STEMS.isdisjoint(st.tokens[i]) and "reject" not in s.text.lower()):
            continue
        for c in _clauses(s.text):
            read = _read(c)
            if read is not None:
                found.append((i, c, *read))
    out: list[Conflict] = []
    seen: set[tuple[str, str]] = set()
    for x, (i, ci, name_i, pole_i, subj_i, names_i, after_i, obj_i) in enumerate(found):
        for j, cj, name_j, pole_j, subj_j, names_j, after_j, obj_j in found[x + 1 :]:
            if name_i != name_j or pole_i == pole_j:
                continue
            if not _same_participant(subj_i, names_i, subj_j, names_j):
                continue
            if (after_i or after_j) and not after_i & after_j:
                continue  # the same participant, other happenings ("won the set", "lost the match")
            if obj_i and obj_j and obj_i != obj_j:
                continue  # two things acted on: the plan and a part of it ("the plan's parking rules")
            a, b = st.sentences[i], st.sentences[j]
            if name_i == "direction of the change" and not _one_period(a.text, b.text):
                continue  # two measures, two periods, or a move within a day that may have reversed
            # a sentence giving both poles sets two happenings side by side ("won the first set but
            # lost the match"): it opposes nothing
            if _poles(a.text, name_i) != {pole_i} or _poles(b.text, name_j) != {pole_j}:
                continue
            if not opposable(st, i, j) or not first_time(seen, (a.text, b.text)):
                continue
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="polarity",
                    sides=[make_side(st, a.text, [a.article], ci), make_side(st, b.text, [b.article], cj)],
                    about=f"opposite outcomes: {name_i}",
                    attribute=f"{name_i}: {ci} / {cj}",
                    # Low to medium: the two clauses may still speak of two moments or two parts.
                    confidence=0.5,
                )
            )
    return out
