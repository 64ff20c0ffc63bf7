"""Common nouns that name a person (split from ``speakers``): role and occupation nouns, and the
descriptions news uses to refer again to someone it has named ("the singer", "the four-times champion")."""

from __future__ import annotations

# common nouns that name one person as a clause subject ("an officer ... he says"): the role words,
# occupations and gendered person nouns, plus a few more that news uses for someone unnamed
PERSON_NOUNS = frozenset(
    ["officer", "captain", "pilot", "witness", "resident", "doctor", "nurse", "lawyer", "attorney",
     "teacher", "student", "neighbor", "neighbour", "friend", "survivor", "victim", "passenger", "worker",
     "employee", "owner", "manager", "officer", "policeman", "soldier", "firefighter", "agent", "detective",
     "sheriff", "priest", "professor", "researcher", "scientist", "spokesman", "spokeswoman", "spokesperson",
     "visitor", "fan", "shopkeeper", "tourist", "bystander", "eyewitness", "parent", "relative", "local"]
)  # fmt: skip


# occupations a definite description names a person by ("the singer", "the actress", "the coach")
# nouns that describe one person the text has named ("the four-times champion", "the brash North Korean
# tyrant", "the teenager"): as a definite speaker they stand for the person the text is about
DESCRIPTIONS = frozenset(
    ["champion", "tyrant", "dictator", "despot", "teenager", "youngster", "veteran", "rookie", "superstar",
     "legend", "mogul", "tycoon", "magnate", "dutchman", "frenchman", "englishman", "irishman", "scotsman",
     "welshman", "briton", "finn", "spaniard", "swede", "dane", "norwegian", "billionaire", "socialite",
     # a cause the named person stands for ("the gun control advocate wrote"): a description of that person
     "advocate", "activist", "campaigner"]
)  # fmt: skip

OCCUPATIONS = frozenset(
    ["singer", "actress", "actor", "star", "rapper", "musician", "comedian", "coach", "player",
     "quarterback", "pitcher", "striker", "driver", "author", "writer", "novelist", "director",
     "producer", "filmmaker", "billionaire", "entrepreneur", "businessman", "businesswoman", "founder",
     "ceo", "executive", "model", "designer", "artist", "athlete", "boxer", "golfer",
     # science and scholarship: "the scientist said" after a named professor (news on research)
     "scientist", "researcher", "professor", "astronomer", "physicist", "astrophysicist", "biologist",
     "chemist", "astronaut", "economist", "historian", "scholar"]
)  # fmt: skip


# English suffixes that make a noun for a practitioner of a field of knowledge or a craft ("astrologer",
# "psychologist", "photographer", "astronomer"). Not "-ician": it also makes ranks and kinds of person
# ("patrician", "tactician") and the trades brought in about someone (physician, technician). A definite
# such noun stands for the person the text gave that noun to (``noun_referents.practitioner``)
_EXPERT_SUFFIXES = ("ologist", "ologer", "ographer", "onomer")


def expert_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a practitioner noun by its suffix (see ``_EXPERT_SUFFIXES``)."""
    return len(word) > 6 and word.isalpha() and word.endswith(_EXPERT_SUFFIXES)
