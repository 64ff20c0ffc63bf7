"""Word lists that both extraction and linking read: titles before a name, stop words, the entity
class of each NER label, mood words a tabloid puts before a name.

They live apart from ``linking`` so that ``linking`` is the link step's code alone: a change to
linking then relinks a workspace but never re-extracts it (``code_version.LINK_ONLY``), while a
change to these words, which extraction reads too, re-extracts as it must.
"""

from __future__ import annotations

_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "president", "pres", "vice", "prime", "minister", "sen",
     "senator", "rep", "gov", "governor", "gen", "general", "adm", "lt", "col", "capt", "sgt", "judge",
     "justice", "secretary", "chairman", "leader", "king", "queen", "prince", "princess", "pope", "rev",
     "ambassador", "chancellor", "premier", "mayor", "deputy", "foreign", "chief", "former", "late"]
)  # fmt: skip
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "is", "are", "was", "were", "be",
     "been", "that", "this", "these", "those", "it", "its", "with", "as", "at", "by", "from", "he", "she",
     "they", "we", "i", "you", "our", "their", "his", "her", "has", "have", "had", "will", "would", "not",
     "no", "so", "such", "about"]
)  # fmt: skip
CLASS_OF = {"PERSON": "person", "GPE": "place", "LOC": "place", "NORP": "norp", "ORG": "org"}


# mood words a tabloid puts before a name ("Devastated Hayley added", "Tearful Massa"): the NER takes
# them into the name, but they describe the person, they never name them
MOODS = frozenset(
    ["devastated", "heartbroken", "distraught", "tearful", "grieving", "emotional", "furious", "angry",
     "delighted", "thrilled", "overjoyed", "jubilant", "shocked", "stunned", "brave", "defiant", "smiling",
     "beaming", "doting", "proud", "grief-stricken", "heartbreaking", "tragic", "frantic", "fuming"]
)  # fmt: skip
