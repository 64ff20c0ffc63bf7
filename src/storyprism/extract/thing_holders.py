"""Things that "threaten" or "promise": a forecast in the reporter's voice, no one's words (issue 12, round 24).

"The metal shaft threatens to collapse at any moment", "a rocket that promises to give its rival a run
for its money", "a probe that has threatened to topple the government": with a thing for subject,
"threaten to" and "promise to" mean "is likely to", "looks set to" (the epistemic reading of both
verbs); only a person or a body can threaten or promise in the sense of saying what they will do.

Signal: the cue's subject phrase is headed by a lower-case common noun (no name: "Bitcoin Cash" or
"Pyongyang" stay, as the NER and the capitals say they may stand for someone), and that noun names no
person or body, nor a measure a body wrote ("the new rules promise to ...": the authors' pledge): it is
in none of the word lists of persons, roles, occupations, speaking bodies and measures, and carries no
agent suffix ("protesters", "investors", "activists", "residents" name people). A pronoun, a relative
or a name keeps the attribution: "it threatens to sue" may well be a company.
"""

from __future__ import annotations

import re

from storyprism.extract.cues import ROLE_SYNONYMS
from storyprism.extract.parse import Parse
from storyprism.extract.person_nouns import DESCRIPTIONS, OCCUPATIONS, PERSON_NOUNS
from storyprism.extract.speaker_words import GENERIC_SPEAKERS, ORG_NOUNS

# verbs that read as a forecast with a thing for subject ("threatens to collapse", "promises to be")
FORECAST_CUES = frozenset(["threaten", "promise"])

# nouns for a person, a group of people or a body that no list below holds, as subjects of a threat
# or a promise ("the country threatened to", "the regime promised", "the military threatens")
_BODIES = frozenset(
    ["people", "man", "men", "woman", "women", "child", "children", "kid", "kids", "boy", "girl", "family",
     "crowd", "public", "staff", "couple", "pair", "board", "cabinet", "army", "military", "navy", "regime",
     "state", "country", "city", "nation", "force", "forces", "side", "camp", "administration",
     "government", "authority", "authorities", "agency", "union", "party", "movement", "coalition",
     "alliance", "parliament", "congress", "senate", "legislature", "ministry", "leadership", "opposition",
     "rebels", "militants", "insurgents", "terrorists", "gang", "groups", "mob", "player", "squad",
     "owner", "landlord", "boss", "bosses", "chief", "chiefs", "leader", "leaders", "president", "king",
     "queen", "prince", "princess", "mother", "father", "parent", "son", "daughter", "wife", "husband",
     "partner", "fiancé", "fiancee", "girlfriend", "boyfriend", "brother", "sister", "uncle", "aunt"]
)  # fmt: skip
# measures a body wrote or agreed to: "new emissions rules that promise to transform the economy" hold
# their authors' pledge (news annotation, PolNeAR, counts it as theirs), as a plan or a bill does
_MEASURES = frozenset(
    ["rule", "regulation", "law", "bill", "plan", "policy", "measure", "proposal", "budget", "deal",
     "agreement", "treaty", "order", "reform", "legislation", "strategy", "program", "programme",
     "initiative", "platform", "manifesto", "campaign", "pact", "accord", "package", "amendment", "scheme"]
)  # fmt: skip
# agent suffixes: a noun for one who does something ("protester", "investor", "activist", "politician",
# "resident", "immigrant") names a person
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ent|ant|ee|eer)s?$")
_PERSONS = (
    PERSON_NOUNS
    | OCCUPATIONS
    | DESCRIPTIONS
    | frozenset(ROLE_SYNONYMS)
    | ORG_NOUNS
    | GENERIC_SPEAKERS
    | _BODIES
    | _MEASURES
)


def names_someone(word: str) -> bool:
    """Whether the lower-case noun ``word`` (singular or plural) may name a person, a body or a measure
    a body wrote (whose threat or promise is its authors')."""
    singular = re.sub(r"(?<=[^s])s$", "", word)
    if word in _PERSONS or singular in _PERSONS:
        return True
    return _AGENT_SUFFIX.search(word) is not None


def thing_forecast(p: Parse, text: str, lemma: str, speaker: tuple[int, int] | None) -> bool:
    """Whether cue ``lemma`` ("threaten", "promise") has a thing for subject (see the module): a forecast
    of the reporter, no attribution."""
    if speaker is None or lemma not in FORECAST_CUES:
        return False
    heads = p.span_heads(*speaker)
    if len(heads) != 1:
        return False
    h = heads[0]
    word = p.word(text, h)
    if p.tags[h] not in ("NN", "NNS") or not word.isalpha() or not word.islower():
        return False  # a name, a pronoun, a relative: someone may stand behind it
    return not names_someone(word)
