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
OBJECT_FRAME_PRECISION = 0.6
# declining, requesting, commenting-on and deciding are acts without content of their own; the object
# of "quote" is a source, not what it said ("cite" stays: "they cite the 2000 election" is the
# argument they make, 0.91 of 79 on train)
NOT_CONTENT = frozenset(["decline", "request", "comment", "refuse", "decide", "quote"])
# Verbs of saying whose object IS the message ("said the same thing", "confirmed the report",
# "echoed his call", "tweeted a warning", "hinted at a run"): an object or a prepositional object of
# these is what was said or the stance taken, so they pass below OBJECT_FRAME_PRECISION. On PolNeAR
# train (all 840 articles, counted as the table) they are attribution cues 0.38-0.48 of the time with
# an object, against 0.2-0.35 for "offer", "share", "name", "view" and other general verbs left out.
# "deny" is left out: "denied them port access" refuses, it says nothing.
MESSAGE_OBJECT = frozenset(
    ["say", "tweet", "claim", "confirm", "echo", "suggest", "signal", "disavow", "recommend", "reveal",
     "disclose"]
)  # fmt: skip
# and the preposition that carries the message for each ("apologized for X", not "apologized to X")
MESSAGE_PREP = {
    "complain": ("about", "of"),
    "apologize": ("for",),
    "advocate": ("for",),
    "disagree": ("with",),
    "hint": ("at",),
}


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
        if dep in ("dobj", "prep") and float(precision) < OBJECT_FRAME_PRECISION:
            continue
        if lemma in NOT_CONTENT:
            continue
        deps.setdefault(lemma, set()).add(dep)
    for lemma in MESSAGE_OBJECT:
        deps.setdefault(lemma, set()).add("dobj")
    for lemma in MESSAGE_PREP:
        deps.setdefault(lemma, set()).add("prep")
    forms: dict[str, str] = {}
    for lemma in sorted(deps):
        for f in verb_forms(lemma):
            forms.setdefault(f, lemma)
    return forms, {k: frozenset(v) for k, v in deps.items()}
