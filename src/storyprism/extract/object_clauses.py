"""What a cue's object really is when it is not a topic, and cues that state no one's view.

Read from the dependency parse, each on a grammatical fact:

- a gerund clause after a verb of memory or perception ("recalled the tram speeding up", "remembered the
  pilot telling the passengers ...") is an event with its own subject, a proposition: the noun phrase is
  that clause's subject, not a topic the speaker took a stand on (``gerund_after_object``). When the
  gerund is itself a verb of saying, the words it introduces are that noun's (relayed by the one who
  remembers), so the memory verb attributes nothing of its own;
- a picture, a video or a map that "shows" something depicts it: an image holds no view
  (``shown_by_image``);
- a relative clause's cue whose complement lacks its subject ("an incident she said took place ...")
  says something of the noun the clause follows: that noun comes with the words (``gap_head``).

Tried and not kept (PolNeAR train counts both as attributions): a belief induced in others ("lead
viewers to believe") and a speech act inside a condition ("if he thinks", "unless X agrees to").
"""

from __future__ import annotations

from storyprism.extract.cues import SPEECH_LEMMAS, SPEECH_OR_BELIEF
from storyprism.extract.parse import Parse
from storyprism.text.calendar import CALENDAR_WORDS

# verbs of memory and perception: with a noun phrase and an -ing verb after it they take an event
# ("I remember him saying", "saw the car swerving"), the noun being the event's subject
MEMORY_PERCEPTION = frozenset(
    ["recall", "remember", "recount", "see", "hear", "watch", "overhear", "notice", "witness", "imagine"]
)

# nouns for pictures and recordings: what they "show" is depicted, no one's stance or claim (not "film":
# a documentary film argues and suggests as its makers do)
IMAGES = frozenset(
    ["image", "images", "photo", "photos", "photograph", "photographs", "picture", "pictures", "video",
     "videos", "footage", "clip", "clips", "rendering", "renderings", "render", "renders", "map", "maps",
     "imagery", "drawing", "drawings", "sketch", "sketches", "illustration", "illustrations", "scan", "scans",
     "x-ray", "x-rays", "screenshot", "screenshots", "snapshot", "snapshots", "photography"]
)  # fmt: skip


def gerund_after_object(p: Parse, text: str, v: int, o: int) -> int | None:
    """The -ing verb that makes object ``o`` of memory or perception verb ``v`` the subject of a clause:
    it follows the object's phrase with no comma between (a comma sets off an adjunct of the subject,
    "recalled the day, saying ...") and hangs on the verb (the parser's reading as an adjunct) or on
    the noun (as a participle)."""
    g = p.rights[o] + 1
    if (
        g < len(p)
        and p.tags[g] == "VBG"
        and p.heads[g] == v
        and p.deps[g] in ("advcl", "xcomp", "ccomp", "dep")
        and "," not in text[p.ends[o] : p.starts[g]]
    ):
        return g
    # the participle inside the noun's own phrase ("the pilot telling the passengers")
    for g in p.children(o):
        if g > o and p.deps[g] == "acl" and p.tags[g] == "VBG" and "," not in text[p.ends[o] : p.starts[g]]:
            return g
    return None


def gerund_object(p: Parse, text: str, v: int, lemma: str, o: int) -> int | None:
    """``gerund_after_object`` for a verb of memory or perception only; None for any other cue (after
    "condemned the men fighting in Syria" the participle only describes the men)."""
    if lemma not in MEMORY_PERCEPTION or not remembers(p, text, v, o):
        return None
    return gerund_after_object(p, text, v, o)


def remembers(p: Parse, text: str, v: int, o: int) -> bool:
    """Whether memory or perception verb ``v`` with object ``o`` is remembering: "recall" is also what a
    state or a firm does to its own envoy or product ("Peru recalled its ambassador ... saying"), and
    that sense shows in the owner's "its" on the object or an "it" as subject ("Ames recalled the pilot
    saying" stays memory); other verbs of perception are left as they are."""
    if p.word(text, v) not in _RECALL_FORMS:
        return True
    subj = next((c for c in p.children(v) if p.deps[c] == "nsubj"), None)
    if subj is not None and p.word(text, subj) == "it":
        return False
    return not any(p.word(text, k) == "its" for k in range(p.lefts[o], o))


def says(p: Parse, text: str, g: int) -> bool:
    """Whether the -ing verb ``g`` is a verb of saying ("the pilot telling the passengers")."""
    return SPEECH_OR_BELIEF.get(p.word(text, g)) in SPEECH_LEMMAS


def shown_by_image(p: Parse, text: str, v: int, lemma: str) -> bool:
    """Whether cue ``v`` ("show", "depict") has a picture or a recording as its subject: "photographs
    showing burning wreckage", "the latest renderings show the firm may ...". Its subject is the noun a
    participle hangs on, or the verb's own subject."""
    if lemma not in ("show", "depict", "reveal", "suggest", "indicate"):
        return False
    if p.deps[v] == "acl" and p.heads[v] != v:
        # "photographs and video of the crash site showing ...": the participle hangs on the nearest
        # noun; the picture is the noun that "of" phrase (or a list) belongs to
        h = p.heads[v]
        for _ in range(4):
            if p.word(text, h) in IMAGES:
                return True
            if p.deps[h] == "pobj" and p.heads[p.heads[h]] != p.heads[h]:
                h = p.heads[p.heads[h]]
            elif p.deps[h] == "conj":
                h = p.heads[h]
            else:
                return False
        return False
    subj = [c for c in p.children(v) if p.deps[c] in ("nsubj", "nsubjpass")]
    return bool(subj) and p.word(text, subj[0]) in IMAGES


def unstated(p: Parse, text: str, v: int, lemma: str, kind: str) -> bool:
    """Whether cue ``v`` states no one's view: an image's "showing" (a depiction, no stance). A belief
    induced in others ("lead viewers to believe", "deceive the judge into thinking") is kept: PolNeAR
    train counts it as the others' belief (two matches lost when it was dropped), and a speech act
    inside a condition ("if he thinks", "unless X agrees to") likewise (20+ matches lost)."""
    # an image's "show" inside someone's statement ("said numerous photographs show ...") is part of
    # what that one says: the statement keeps it
    return (p.deps[v] != "ccomp" and shown_by_image(p, text, v, lemma)) or posing_as(p, text, v, lemma)


# verbs of a pretended identity: "a person claiming to be a Nigerian prince"
_POSING = frozenset(["claim", "purport", "pretend", "profess"])


def posing_as(p: Parse, text: str, v: int, lemma: str) -> bool:
    """Whether cue ``v`` is a participle describing a noun as passing itself off as something ("a person
    claiming to be a Nigerian prince emails you", "callers purporting to be from the bank"): it says
    who someone poses as, a description of the noun, not words anyone is reported to have said. Signal:
    the participle modifies a noun (``acl``) and its complement is "to be". A finite "he claims to be
    innocent" is a statement and stays."""
    return (
        lemma in _POSING
        and p.deps[v] == "acl"
        and p.tags[v] == "VBG"
        and any(p.deps[c] == "xcomp" and p.word(text, c) == "be" for c in p.children(v))
    )


def gap_head(p: Parse, text: str, v: int, c: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause's cue leaves its complement's subject to: in "an alleged
    incident she said took place between them" the relative clause ("she said ...") hangs on
    "incident", and the clause "took place ..." has no subject of its own because its subject is the
    gap the relative clause fills with that noun. The claim is about the noun, so it comes with the
    words (the noun with what stands before it, never the relative clause itself). None when the
    complement has its own subject."""
    if p.deps[v] != "relcl" or c < v or p.heads[v] == v:
        return None
    if any(p.deps[k] in _CLAUSE_SUBJECTS and p.word(text, k) not in _RELATIVES for k in p.children(c)):
        return None
    if not p.tags[c].startswith(("VBD", "VBZ", "VBP", "MD")) and not any(
        p.deps[k] in ("aux", "auxpass") and p.tags[k] in ("VBD", "VBZ", "VBP", "MD") for k in p.children(c)
    ):
        return None  # only a finite clause lacks its subject to a gap ("said to be" is a raising verb)
    first = p.lefts[c]
    if p.word(text, first) in _RELATIVES and first + 1 < len(p):
        first += 1  # "the reports that officials say are false": the relative pronoun stands in the gap
    if not (first == c or (p.heads[first] == c and p.deps[first] in ("aux", "auxpass", "neg", "advmod"))):
        return None  # the clause opens with its predicate where its subject is the gap ("said took place")
    # the noun the relative clause follows ("footage of the accident, which she said damaged ...": the
    # accident), the parser's head of the clause when none stands there
    n = p.lefts[v] - 1
    if n >= 0 and p.word(text, n) == ",":
        n -= 1
    if n < 0 or not p.tags[n].startswith("NN"):
        n = p.heads[v]
    if not p.tags[n].startswith("NN") or n >= v or p.word(text, n) in _TIME_NOUNS:
        return None  # "the votes on Tuesday she said were rigged": a time is where the clause sits, no gap noun
    # the gap's noun is the clause's subject, so the finite verb agrees with it in number ("levels it
    # indicates further falls": "falls" with "levels" is no clause of theirs but a misread noun)
    finite = [
        t
        for t in (c, *p.children(c))
        if (p.tags[t] in ("VBZ", "VBP") or p.word(text, t) in ("was", "were"))
        and (t == c or p.deps[t] in ("aux", "auxpass"))
    ]
    plural = p.tags[n] in ("NNS", "NNPS")
    if finite and (p.tags[finite[0]] == "VBZ" or p.word(text, finite[0]) == "was") == plural:
        return None
    start = p.starts[min(p.lefts[n], n)]
    while start < p.starts[n] and any(
        p.deps[t] in ("cc", "conj") for t in p.tokens_in(start, p.ends[n]) if t != n
    ):
        start = p.starts[n]  # never the phrases a list joins before the noun
    return (start, p.ends[n])


_RECALL_FORMS = frozenset(["recall", "recalls", "recalled", "recalling"])
_RELATIVES = frozenset(["that", "which", "who"])
# nouns that name a time, not a thing a claim is about
_TIME_NOUNS = CALENDAR_WORDS | frozenset(
    ["day", "days", "week", "weeks", "month", "months", "year", "years", "time", "morning", "afternoon",
     "evening", "night", "today", "yesterday", "tomorrow", "weekend"]
)  # fmt: skip
_CLAUSE_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "expl"])
