"""Cue frames: which verbs attribute what, and through which complement (``data/cue_frames.tsv``).

A frame is a verb lemma plus the dependency of the complement that carries the attributed content:
``say ccomp`` ("said that ..."), ``urge xcomp`` ("urged Congress to act"), ``criticize dobj``
("criticized the plan"), ``call prep`` ("called for an inquiry"). The table says where it comes from.
The tagger gives Penn tags but the pipeline runs without spaCy's lemmatizer (its cost is not needed),
so verb forms are generated here from each lemma.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FRAMES_TSV = Path(__file__).resolve().parent / "data" / "cue_frames.tsv"

_IRREGULAR = {
    "say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "think": ["thought"],
    "know": ["knew", "known"], "feel": ["felt"], "see": ["saw", "seen"], "find": ["found"],
    "hear": ["heard"], "understand": ["understood"], "mean": ["meant"], "learn": ["learnt"],
    "show": ["shown"], "swear": ["swore", "sworn"], "prove": ["proven"], "speak": ["spoke", "spoken"],
    "shoot": ["shot"], "lead": ["led"], "seek": ["sought"], "bring": ["brought"], "hold": ["held"],
    "teach": ["taught"], "give": ["gave", "given"], "take": ["took", "taken"], "forbid": ["forbade"],
    "foresee": ["foresaw", "foreseen"], "withdraw": ["withdrew", "withdrawn"], "choose": ["chose", "chosen"],
    "sing": ["sang", "sung"], "get": ["got", "gotten"], "send": ["sent"], "keep": ["kept"],
    "lose": ["lost"], "win": ["won"], "begin": ["began", "begun"], "tear": ["tore", "torn"],
    "make": ["made"], "lay": ["laid"], "pay": ["paid"], "sell": ["sold"], "buy": ["bought"],
    "fight": ["fought"], "blow": ["blew", "blown"], "stand": ["stood"], "forecast": ["forecast"],
    "broadcast": ["broadcast"], "read": ["read"], "spread": ["spread"], "put": ["put"], "set": ["set"],
}  # fmt: skip
_VOWELS = set("aeiou")
# an object frame is kept from the table's own floor (0.5, as a clause frame): on PolNeAR dev, which
# the table never saw, the frames between 0.5 and 0.6 ("predicted a Cruz win", "highlighted her plans",
# "mentioned Sanders", "echoed the call") raised all-attribution recall 1.3 points for 0.4 of precision
OBJECT_FRAME_PRECISION = 0.5
# ... except deeds whose object is what was done, not said or thought ("vetoed a bill", "published a
# book", "opted for", "pivoted to"): no speech or cognition cue. "show" stays: "a poll shows Trump
# ahead" is the poll's finding (dropping its object frame cost 0.4 of recall on dev and on train)
DEEDS = frozenset(
    ["veto", "prohibit", "withdraw", "opt", "pivot", "squabble", "broadcast", "publish", "publicize",
     "brush", "deflect", "spotlight", "hat", "plot"]
)  # fmt: skip
# declining, requesting, commenting-on and deciding are acts without content of their own; the object
# of "quote" is a source, not what it said ("cite" stays: "they cite the 2000 election" is the
# argument they make, 0.91 of 79 on train)
NOT_CONTENT = frozenset(["decline", "request", "comment", "refuse", "decide", "quote"])
# Verbs of saying whose object IS the message ("said the same thing", "confirmed the report",
# "echoed his call", "tweeted a warning", "hinted at a run"): an object or a prepositional object of
# these is what was said or the stance taken, so they pass below OBJECT_FRAME_PRECISION. On PolNeAR
# train (all 840 articles, counted as the table) they are attribution cues 0.38-0.48 of the time with
# an object, against 0.2-0.35 for "offer", "share", "name", "view" and other general verbs left out.
# "deny" is left out: "denied them port access" refuses, it says nothing. "oppose" states a stance
# ("Sanders opposed the trade deal"), as "reject" and "criticize" in the table do: 0.43 of 99 strict on
# train, and +0.2 of all-attribution F1 on dev and on train; "favor" and "support" (0.24) stay out.
MESSAGE_OBJECT = frozenset(
    ["say", "tweet", "claim", "confirm", "echo", "suggest", "signal", "disavow", "recommend", "reveal",
     "disclose", "oppose"]
)  # fmt: skip
# and the preposition that carries the message for each ("apologized for X", not "apologized to X")
MESSAGE_PREP = {
    "complain": ("about", "of"),
    "apologize": ("for",),
    "advocate": ("for",),
    "disagree": ("with",),
    "hint": ("at",),
    # a topic of talk is what was said about it ("spoke about the refugees", "talked of a deal");
    # "spoke to reporters", "at a rally", "on Tuesday", "against the backdrop" name the audience, the
    # place or the time. PolNeAR train, any content overlapping the object: about 0.93 of 190, of 0.96
    # of 24; on 0.23, at 0.42, to 0.55 (addressees mostly)
    "speak": ("about", "of"),
    "talk": ("about", "of"),
    # "commented on the ruling" names its topic as "spoke about" does (train: 15 of 26 annotated; the
    # object-less "declined to comment" stays out through ``_NOT_DONE``); "warned of/against/about"
    # (14 of 19): the danger warned of is the message, when no one is addressed
    "comment": ("on",),
    "warn": ("of", "against", "about"),
    # "asked for a recount": the request is what was said (train: +0.04 of recall on dev and train);
    # "asked about" stays out: "Trump, asked about the loan," is mostly a passive the tagger misses
    "ask": ("for",),
}

# Verbs of regarding and portraying that state a view through "X as Y" ("voters see Clinton as more
# trustworthy", "painted him as a liar"): the object with its "as" phrase is the view held or put
# forward (frame "as"; "see" and "view" alone take an object only as perception: "saw the video").
# PolNeAR train, object + "as": see/sees/saw 27 of 53 annotated, view(s/ed) 7 of 17, cast 14 of 19,
# paint(ing) 4 of 9, identified 5 of 7
VIEW_AS = frozenset(["see", "view", "regard", "perceive", "cast", "paint", "identify"])


def verb_forms(lemma: str) -> set[str]:
    """Inflected forms of a regular or listed irregular verb (a few spurious extra forms are harmless)."""
    head, _, particle = lemma.partition(" ")
    forms = {head, head + "s", head + "ed", head + "ing"}
    if head.endswith("e"):
        forms |= {head + "d", head[:-1] + "ing"}
        forms.discard(head + "ed")
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(head + "es")
    if len(head) > 2 and head.endswith("y") and head[-2] not in _VOWELS:
        forms |= {head[:-1] + "ied", head[:-1] + "ies"}
    if (
        len(head) >= 3
        and head[-1] not in _VOWELS | {"w", "x", "y"}
        and head[-2] in _VOWELS
        and head[-3] not in _VOWELS
    ):
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}  # "slam" -> "slammed"
    forms |= set(_IRREGULAR.get(head, []))
    return {f"{f} {particle}".strip() for f in forms}


@lru_cache(maxsize=1)
def frames() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """(verb form -> lemma, lemma -> complement dependencies that carry content)."""
    if not FRAMES_TSV.is_file():  # pragma: no cover - packaging error
        raise FileNotFoundError(
            f"{FRAMES_TSV} is missing. Fix: reinstall storyprism so its package data (extract/data) is included."
        )
    deps: dict[str, set[str]] = {}
    for line in FRAMES_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, dep, _, precision = line.split("\t")[:4]
        # an object or a prepositional phrase is attributed content far less often than a clause
        # ("tweeted this photo", "showed nerves of steel"): those frames need a higher precision
        if dep in ("dobj", "prep") and (float(precision) < OBJECT_FRAME_PRECISION or lemma in DEEDS):
            continue
        if lemma in NOT_CONTENT:
            continue
        deps.setdefault(lemma, set()).add(dep)
    for lemma in MESSAGE_OBJECT:
        deps.setdefault(lemma, set()).add("dobj")
    for lemma in MESSAGE_PREP:
        deps.setdefault(lemma, set()).add("prep")
    for lemma in VIEW_AS:
        deps.setdefault(lemma, set()).add("as")
    forms: dict[str, str] = {}
    for lemma in sorted(deps):
        for f in verb_forms(lemma):
            forms.setdefault(f, lemma)
    return forms, {k: frozenset(v) for k, v in deps.items()}


@lru_cache(maxsize=1)
def headline_forms() -> dict[str, str]:
    """Third-person forms ("-s") of the cues that can head a title ("Says", "Slams", "Urges"): every
    framed verb but the deeds, and the verbs of speech."""
    from storyprism.extract.cues import ALL_FORMS, SPEECH_LEMMAS

    forms, table = frames()
    out = {f: lem for f, lem in forms.items() if f.endswith("s") and lem not in DEEDS and table.get(lem)}
    out.update({f: lem for f, lem in ALL_FORMS.items() if f.endswith("s") and lem in SPEECH_LEMMAS})
    return out
