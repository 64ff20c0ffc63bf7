"""Topic items whose verb, by its object, reports an act and no stance (issue 12, round 24).

A topic item is a cue with a bare noun-phrase object ("condemned the suggestion"): a stance on the
object. Two frames of cue verbs take such an object and report a deed instead; each is told by a
signal of grammar or of sports writing, never by the words of one text:

- "referred questions to the military", "referred him to a specialist": "refer" with a direct object of
  its own passes that object on to whoever the "to" phrase names (a hand-over); "referred to the
  military" (no object) still speaks of it;
- "blasted a two-run homer", "slammed a three-pointer", "were hammered 30-10": a verb of force whose
  object is a play that scores (a home run, a goal, a shot) or that stands beside a score is a feat on
  the field, not criticism ("blasted the plan" keeps its stance);
- "police questioned the passengers", "investigators questioned him": "question" with a person for
  object is an interrogation, no doubt cast on anything ("questioned the wisdom of the plan" keeps its
  stance).
"""

from __future__ import annotations

import re

from storyprism.extract.parse import Parse
from storyprism.extract.person_nouns import OCCUPATIONS, PERSON_NOUNS

# verbs of force that news also uses for harsh criticism ("slammed the decision")
_FORCE_CUES = frozenset(["blast", "slam", "hammer"])
# plays that score or are struck in a game: the head noun of a sports feat's object
_PLAYS = frozenset(
    ["homer", "homers", "homerun", "homeruns", "runs", "goal", "goals", "pointer", "pointers",
     "three-pointer", "three-pointers", "dunk", "dunks", "touchdown", "touchdowns", "triple", "triples",
     "ace", "aces", "header", "headers", "volley", "volleys", "penalty", "penalties", "birdie", "birdies",
     "putt", "putts", "boundary", "boundaries", "sixes", "fastball", "fastballs", "grand-slam", "slams"]
)  # fmt: skip
# a game's score right after the verb ("were hammered 30-10", "blasted them 4-0")
_SCORE = re.compile(r"\s+(?:[\w'’-]+\s+)?\d{1,3}\s*[-–]\s*\d{1,3}\b")
# determiners of a thing already known: "slammed the goal of net zero" takes a stance on a policy; a
# feat on the field is new and counted ("a two-run homer", "two goals", "his first goal")
_KNOWN = frozenset(["the", "this", "that", "these", "those"])


def handed_on(p: Parse, cue: int, lemma: str | None) -> bool:
    """Whether "refer" passes its own direct object on ("referred questions to the military")."""
    return lemma == "refer" and any(p.deps[c] in ("dobj", "dative") for c in p.children(cue))


def sports_feat(p: Parse, text: str, cue: int, lemma: str | None, content: tuple[int, int]) -> bool:
    """Whether a verb of force has a scoring play for object or a score beside it (see the module)."""
    if lemma not in _FORCE_CUES:
        return False
    if _SCORE.match(text, p.ends[cue]):
        return True
    heads = p.span_heads(*content)
    if len(heads) != 1 or p.word(text, heads[0]).lower() not in _PLAYS:
        return False
    return not any(p.deps[c] == "det" and p.word(text, c).lower() in _KNOWN for c in p.children(heads[0]))


# pronouns and nouns of people that no list of roles holds, as the object of "question"
_PERSON_OBJECTS = frozenset(
    ["him", "her", "them", "us", "me", "you", "everyone", "anyone", "people", "person", "persons", "man",
     "men", "woman", "women", "member", "members", "crew", "suspect", "suspects", "staff", "employees"]
)  # fmt: skip
_ASKING = frozenset(["question", "quiz", "interrogate"])


def questioned_person(p: Parse, text: str, lemma: str | None, content: tuple[int, int]) -> bool:
    """Whether "question" has a person for object (an interrogation, see the module)."""
    if lemma not in _ASKING:
        return False
    heads = sorted(p.span_heads(*content))  # the object first ("him for hours": "him", then "for")
    if not heads:
        return False
    word = p.word(text, heads[0]).lower()
    forms = {word, re.sub(r"s$", "", word), re.sub(r"es$", "", word)}  # "passengers", "witnesses"
    return bool(forms & (_PERSON_OBJECTS | PERSON_NOUNS | OCCUPATIONS))
