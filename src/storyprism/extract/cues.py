"""Word lists for attribution: reporting verbs (cues), pronouns, role nouns.

Kept as plain data so a reviewer can see what counts as a cue; forms are generated
from lemmas so the regexes stay in sync with the lemma reported in ``Quote.cue``.
"""

from __future__ import annotations

import re

# Lemmas of verbs that introduce someone's words or stance.
CUE_LEMMAS = (
    "say", "tell", "add", "state", "stress", "note", "explain", "claim", "insist", "argue", "warn", "announce",
    "declare", "write", "ask", "respond", "reply", "recall", "confirm", "deny", "acknowledge", "admit",
    "suggest", "allege", "emphasize", "emphasise", "underline", "continue", "conclude", "observe", "remark",
    "report", "predict", "promise", "vow", "tweet", "urge", "complain", "testify", "assert", "contend",
    "maintain", "believe", "think", "point out", "caution", "concede", "boast", "joke", "charge", "counter",
    "reiterate", "recount", "describe", "quip", "lament", "predict", "estimate", "indicate", "reveal",
    "disclose", "signal", "demand", "accuse", "call", "agree", "pledge", "assure", "question", "wonder",
    "expect", "hope", "fear", "criticize", "criticise", "praise", "dismiss", "reject", "propose", "recommend",
    "mention", "hint", "blast", "slam", "told", "shout", "yell", "cry", "whisper", "tout", "posit", "opine",
    "show", "find", "know", "feel", "learn", "insist", "assume", "project", "forecast", "guess", "realize",
)  # fmt: skip

# Cues strong enough to attribute a quote next to them; the rest need a clearer frame ("said that").
SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "stress",
        "note",
        "explain",
        "claim",
        "insist",
        "argue",
        "warn",
        "announce",
        "declare",
        "write",
        "ask",
        "respond",
        "reply",
        "recall",
        "confirm",
        "deny",
        "acknowledge",
        "admit",
        "suggest",
        "allege",
        "emphasize",
        "emphasise",
        "underline",
        "continue",
        "conclude",
        "observe",
        "remark",
        "report",
        "predict",
        "promise",
        "vow",
        "tweet",
        "urge",
        "complain",
        "testify",
        "assert",
        "contend",
        "maintain",
        "caution",
        "concede",
        "boast",
        "joke",
        "charge",
        "counter",
        "reiterate",
        "recount",
        "quip",
        "lament",
        "reveal",
        "disclose",
        "pledge",
        "assure",
        "shout",
        "yell",
        "cry",
        "whisper",
        "opine",
        "agree",
    ]
) | {"point out"}

_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"],
    "think": ["thought", "thinks", "thinking"],
    "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"],
    "deny": ["denied", "denies", "denying"],
    "testify": ["testified", "testifies", "testifying"],
    "quip": ["quipped", "quips", "quipping"],
    "admit": ["admitted", "admits", "admitting"],
    "vow": ["vowed", "vows", "vowing"],
    "slam": ["slammed", "slams", "slamming"],
    "point out": ["pointed out", "points out", "pointing out"],
}


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


# Lemmas whose base and -s forms are mostly nouns ("the state", "claims", "a pledge"): only their past
# and -ing forms count as cues.
NOUNISH = frozenset(
    [
        "state",
        "report",
        "call",
        "claim",
        "charge",
        "counter",
        "question",
        "demand",
        "pledge",
        "promise",
        "fear",
        "hope",
        "estimate",
        "signal",
        "joke",
        "note",
        "tweet",
        "praise",
        "reply",
        "comment",
        "answer",
        "vow",
        "blast",
        "slam",
        "boast",
        "quip",
        "remark",
        "respond",
        "caution",
        "cry",
    ]
)

FORM_TO_LEMMA: dict[str, str] = {}
ALL_FORMS: dict[str, str] = {}  # every form, nouns included: right after a quote "notes" is a verb
for _lemma in CUE_LEMMAS:
    for _f in _forms(_lemma) if _lemma != "told" else []:
        ALL_FORMS.setdefault(_f, _lemma)
    if _lemma == "told":
        continue
    for _f in _forms(_lemma):
        if _f == "written" or (_lemma in NOUNISH and not _f.endswith(("ed", "ing"))):
            continue
        FORM_TO_LEMMA.setdefault(_f, _lemma)

AFTER_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(f) for f in ALL_FORMS), key=len, reverse=True)) + r")\b"
)
_ALT = "|".join(sorted((re.escape(f) for f in FORM_TO_LEMMA), key=len, reverse=True))
CUE_RE = re.compile(rf"\b(?:{_ALT})\b")  # lowercase only: "State", "Call" are names
SPEECH_RE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            (re.escape(f) for f, lem in FORM_TO_LEMMA.items() if lem in SPEECH_LEMMAS), key=len, reverse=True
        )
    )
    + r")\b"
)

PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "him": "m", "her": "f", "it": "n"}

# Role nouns that can stand for a named person ("the Russian leader", "a Kremlin aide"), with the title
# words they are compatible with when the name was introduced ("President Vladimir Putin").
ROLE_SYNONYMS: dict[str, set[str]] = {
    "leader": {"leader", "president", "chairman", "premier", "prime", "chancellor", "king", "head", "chief"},
    "president": {"president", "leader", "chairman"},
    "aide": {"aide", "adviser", "advisor", "assistant", "counselor", "counsellor"},
    "adviser": {"aide", "adviser", "advisor", "counselor", "counsellor"},
    "advisor": {"aide", "adviser", "advisor", "counselor", "counsellor"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "secretary", "representative"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson", "secretary", "representative"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson", "secretary", "representative"},
    "minister": {"minister", "secretary"},
    "secretary": {"secretary", "minister"},
    "senator": {"senator", "sen"},
    "governor": {"governor", "gov"},
    "official": {
        "official",
        "aide",
        "adviser",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "director",
    },
    "diplomat": {"diplomat", "ambassador", "envoy", "minister", "secretary"},
    "envoy": {"envoy", "ambassador", "diplomat"},
    "ambassador": {"ambassador", "envoy"},
    "director": {"director", "head", "chief"},
    "chief": {"chief", "head", "director"},
    "general": {"general", "gen", "commander"},
    "commander": {"commander", "general", "gen"},
    "chairman": {"chairman", "chair", "leader", "president"},
    "candidate": {"candidate", "nominee", "hopeful"},
    "lawmaker": {"lawmaker", "senator", "representative", "rep", "congressman", "congresswoman", "mp"},
    "mayor": {"mayor"},
    "premier": {"premier", "prime", "leader"},
    "chancellor": {"chancellor", "leader"},
    "analyst": {"analyst", "expert", "director", "fellow", "professor"},
    "expert": {"analyst", "expert", "director", "fellow", "professor"},
    "businessman": {"businessman", "billionaire", "mogul", "executive"},
    "billionaire": {"businessman", "billionaire", "mogul"},
    "congressman": {"congressman", "representative", "rep", "lawmaker"},
    "nominee": {"nominee", "candidate"},
    "prosecutor": {"prosecutor", "attorney"},
    "judge": {"judge", "justice"},
}
ROLE_NOUNS = frozenset(ROLE_SYNONYMS)
