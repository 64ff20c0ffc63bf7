"""Word lists for attribution: reporting verbs (cues), pronouns, role nouns.

Kept as plain data so a reviewer can see what counts as a cue; forms are generated
from lemmas so the regexes stay in sync with the lemma reported in ``Quote.cue``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

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


# words that open an embedded question ("asked what ...", "wondered whether ..."): an open question,
# no claim of the holder's
QUESTION_WORDS = frozenset(["what", "whether", "if", "when", "where", "why", "how", "who", "which", "whom"])

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
    # the head of an international body is "the UN leader", "the WHO chief" ("Secretary-General X")
    "leader": {
        "leader",
        "president",
        "chairman",
        "premier",
        "prime",
        "chancellor",
        "king",
        "head",
        "chief",
        "secretary-general",
        "director-general",
    },
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
    "chief": {"chief", "head", "director", "secretary-general", "director-general"},
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
# kin and companions ("another brother, Patrick Paddock II, said ... the brother said"): the definite
# noun stands for the person the text wrote it beside, as a title does (for ``role``
# only: they are no title heads of a name)
ROLE_SYNONYMS.update(
    {w: {w} for w in ("brother", "sister", "father", "mother", "son", "daughter", "wife", "husband", "widow",
                      "uncle", "aunt", "cousin", "grandmother", "grandfather", "neighbor", "neighbour",
                      "girlfriend", "boyfriend", "fiancee", "fiance", "rabbi", "pastor", "priest", "friend")}
)  # fmt: skip


# ---- word lists of the parse-based attribution rules (``attribution.py``), kept here as data

# beliefs, perceptions and stances that attribute a proposition ("officials fear that ...")
BELIEF_LEMMAS = (
    "believe", "think", "fear", "hope", "expect", "know", "feel", "worry", "doubt", "wonder", "suspect",
    "assume", "realize", "realise", "understand", "see", "find", "show", "suggest", "indicate", "estimate",
    "predict", "argue", "conclude", "decide", "hear", "learn", "consider", "recognize", "recognise",
    "acknowledge", "concede", "insist", "contend", "reckon", "figure", "notice", "imply", "mean", "read",
    "reveal", "determine", "prove", "demonstrate", "agree", "announce", "warn", "promise", "vow",
    "pledge", "threaten", "guarantee", "swear", "remind", "inform", "assure", "convince", "persuade",
    "retort", "speculate", "theorize", "surmise", "posit", "allege", "complain", "explain", "add",
)  # fmt: skip

_MORE_IRREGULAR = {
    "know": ["knew", "known", "knows", "knowing"],
    "feel": ["felt", "feels", "feeling"],
    "see": ["saw", "seen", "sees", "seeing"],
    "find": ["found", "finds", "finding"],
    "read": ["reads", "reading"],
    "hear": ["heard", "hears", "hearing"],
    "understand": ["understood", "understands", "understanding"],
    "mean": ["meant", "means", "meaning"],
    "learn": ["learned", "learnt", "learns", "learning"],
    "show": ["showed", "shown", "shows", "showing"],
    "swear": ["swore", "sworn", "swears", "swearing"],
    "prove": ["proved", "proven", "proves", "proving"],
    "forecast": ["forecasts", "forecasting"],
    "think": ["thought", "thinks", "thinking"],
    "worry": ["worried", "worries", "worrying"],
    "imply": ["implied", "implies", "implying"],
    "agree": ["agreed", "agrees", "agreeing"],
}

# "X told Y": the object is the addressee, not content; with these a clause complement is required
SPEECH_OR_BELIEF: dict[str, str] = {}
for _lem in (*CUE_LEMMAS, *BELIEF_LEMMAS):
    if _lem in ("told", "point out", "call", "describe", "praise", "criticize", "criticise", "dismiss"):
        continue  # no clausal complement ("called him a liar" is not a proposition)
    forms = _MORE_IRREGULAR.get(_lem) or _forms(_lem)
    for _f in (_lem, *forms):
        SPEECH_OR_BELIEF.setdefault(_f, _lem)


def verb_forms(
    lemmas: Iterable[str], extra_irregular: Mapping[str, Sequence[str]] | None = None
) -> frozenset[str]:
    """Every form of ``lemmas`` as this module inflects its cue verbs: the regular forms ("relayed",
    "relaying"), the irregular ones it knows ("found", "heard") and any ``extra_irregular`` the caller adds
    ("sent", "penned": doubled consonants and strong pasts are facts of each verb, not of a rule)."""
    extra = extra_irregular or {}
    return frozenset(
        f
        for lemma in lemmas
        for f in (*_forms(lemma), *_MORE_IRREGULAR.get(lemma, ()), *extra.get(lemma, ()))
    )


# heads that undo the speech act of their infinitive ("unable to confirm", "declined to say")
NOT_DONE = frozenset(
    ["unable", "failed", "fail", "fails", "declined", "decline", "declines", "refused", "refuse", "refuses",
     "unwilling", "reluctant", "hesitant"]
)  # fmt: skip

TALK = frozenset(["talk", "speak", "write", "chat", "meet", "reach"])

# prepositions of manner, place and time never introduce what was said
CIRCUMSTANCE = frozenset(
    ["in", "during", "after", "before", "since", "from", "by", "into", "through", "under", "within", "amid",
     "despite", "until", "via", "near"]
)  # fmt: skip

# passives whose subject holds the stance ("The Times is expected to endorse", "She is assured of");
# for the rest the passive subject is the addressee ("was told that", "was asked")
PASSIVE_HOLDER = frozenset(["assure", "convince", "persuade", "quote", "hear"])  # "was heard saying"

WITNESS = frozenset(
    ["recalled", "recalls", "recall", "remembered", "remembers", "remember", "quoted", "quotes", "quote",
     "cited", "cites", "cite", "heard", "hear", "hears", "saw", "see", "seen", "sees", "watched", "watch",
     "showed", "shows", "shown", "show", "featured", "features", "featuring", "feature", "filmed",
     "recorded", "caught", "overheard"]
)  # fmt: skip

DOCUMENTS = frozenset(
    ["statement", "statements", "letter", "report", "post", "tweet", "message", "video", "release", "memo",
     "email", "note", "filing", "comment", "comments", "remarks", "speech", "interview", "op-ed", "column"]
)  # fmt: skip

# things that display words someone put there ("a sign that read", "the caption which reads")
DISPLAYS = frozenset(
    ["sign", "signs", "caption", "headline", "banner", "poster", "placard", "billboard", "ad", "ads", "shirt",
     "t-shirt", "t-shirts", "shirts", "hat", "hats", "message", "messages", "video", "videos", "slogan"]
)  # fmt: skip

# what is posted or shown rather than said ("tweeted an incredible image", "released a video")
MEDIA = frozenset(
    ["image", "images", "photo", "photos", "picture", "pictures", "video", "videos", "clip", "clips", "link",
     "links", "graphic", "map", "selfie", "screenshot", "gif", "emoji", "footage",
     # a count or a deed, not a message ("claims responsibility", "has claimed 20,000 lives", "referred
     # inquiries to"; "charges", "questions" and "lawsuit" stay: "called the charges fabricated")
     "responsibility", "lives", "inquiries", "queries"]
)  # fmt: skip

# a bare demonstrative or indefinite ("say about all this", "admitted it") points at words given elsewhere
EMPTY_WORDS = frozenset(
    ["all", "this", "that", "these", "those", "it", "them", "so", "something", "anything", "nothing",
     "everything", "much", "more", "a", "lot", "goodbye", "hello", "thanks", "yes", "no", "sorry",
     # a subject pronoun alone is a clause cut short by a mark ("tweeted 'They ... they gave me ramen.'")
     "they", "he", "she", "we", "i"]
)  # fmt: skip

# Nouns of saying and believing that take a "that" clause ("his claim that ...", "warnings from
# officials that ...", "Trump repeated the assertion that ..."): the clause is what the owner holds
SPEECH_NOUNS = frozenset(
    ["claim", "claims", "belief", "beliefs", "view", "views", "warning", "warnings", "fear", "fears",
     "hope", "hopes", "statement", "assertion", "assertions", "argument", "allegation", "allegations",
     "suggestion", "promise", "pledge", "vow", "insistence", "contention", "accusation", "accusations",
     "assurance", "assurances", "prediction", "predictions", "concern", "concerns", "worry", "worries",
     "announcement", "admission", "acknowledgment", "denial", "message", "conviction", "suspicion"]
)  # fmt: skip

# nouns of a stated intention or demand whose infinitive is what was said ("his promise to build a
# wall", "her call to raise taxes", "their refusal to testify"); an owner is still required
INTENT_NOUNS = frozenset(
    ["promise", "promises", "pledge", "pledges", "vow", "vows", "threat", "threats", "call", "calls",
     "demand", "demands", "plea", "refusal", "offer", "proposal", "proposals", "request", "appeal",
     "commitment"]
)  # fmt: skip

# (not "decision", "plan", "bid", "desire", "willingness": acts and wishes, not something said)
# verbs whose subject voices the noun it takes ("made the claim that", "repeated his warning that")
VOICING = frozenset(
    ["make", "made", "makes", "making", "issue", "issued", "issues", "repeat", "repeated", "repeats",
     "reiterate", "reiterated", "express", "expressed", "expresses", "voice", "voiced", "voices",
     "renew", "renewed", "echo", "echoed", "raise", "raised", "raises", "offer", "offered", "float",
     "floated", "share", "shared", "stand", "stood", "stick", "stuck", "maintain", "maintained"]
)  # fmt: skip


# a speaker phrase headed by a picture or a screen: what it shows is no one's words (signal:
# the head noun of the phrase, its last word)
SHOWN_HEADS = re.compile(
    r"\b(?:images?|photos?|photographs?|pictures?|videos?|footage|clips?|television|tabs?|screens?"
    # "This second example shows the grain": an example put before the reader is shown, not said
    r"|charts?|graphics?|maps?|scans?|cameras?|examples?"
    # a tracker shows what it measured and a screenshot what it captured ("A ship tracker shows the
    # ferry turned back"): instruments and images, no source; data, figures, records and statistics
    # come from a body that compiled them and stay its source ("Data from the census show ...", as
    # PolNeAR counts them), like a report, a study or a poll
    r"|trackers?|screenshots?)\s*$",
    re.IGNORECASE,
)
