"""Cue verbs that report no statement: a demanded act and a happening read as a sign.

Two grammatical facts, none tied to a corpus:

- a *demanded act*: a speech verb in the complement of a verb of pressing or demanding names what
  someone is to say or do, not what anyone said. Object control ("urged candidates to disclose their
  taxes", "to force the U.S. and its allies to restrict ... and agree to never position weapons")
  lends the infinitive the object as its subject, so the object would be read as the speaker of words
  it never said: the content is the asker's demand, so the asker is its holder (news annotation such
  as PolNeAR gives it so); a forcing only entails the act once done ("forced him to admit that ..."
  reports his admission), not as an aim ("an effort to force"). The mandative subjunctive ("demanded
  NATO guarantee him that ...": a base-form verb with its own subject and no auxiliary, after a verb
  of demanding) is the same demand in a finite clause, covered by the demanding verb's own
  attribution ("Putin demanded ...");
- *evidence cited inside a statement*: "the company said its engineers received data indicating that all
  its systems work": a participle of showing on a noun ("data indicating", "documents showing") inside
  what a speaker said is part of that speaker's claim; the data hold no stance of their own, so the
  words are the speaker's, already attributed by the outer verb, and are not given to anyone else;
- a *name given to oneself*: a verb of naming with a reflexive object ("calling themselves The League,
  to compare notes ...", "has taken to calling itself ...") names its subject; what follows is the name
  and the narration around it, no statement;
- a *happening as a sign*: an event noun ("the video call", "the summit", "the vote") as the subject
  of a verb of showing or signalling ("signaled unity", "shows that ...") is the reporter's reading of
  the event; an event holds no stance and says nothing, so no one is quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyprism.extract.parse import Parse

if TYPE_CHECKING:
    from storyprism.extract.attribution_spans import Attribution

# verbs that press someone else to act, taking the one pressed as object and an infinitive. The
# implicative ones entail the act ("forced him to admit that ..." means he admitted it); the others
# only ask for it ("urged candidates to disclose their taxes": the content is the asker's demand)
_IMPLICATIVE_FORMS = frozenset(
    ["force", "forces", "forced", "forcing", "compel", "compels", "compelled", "compelling"]
)  # fmt: skip
_DIRECTIVE_FORMS = frozenset(
    ["pressure", "pressures", "pressured", "pressuring", "pressurise", "pressurised", "pressurize",
     "pressurized", "push", "pushes", "pushed", "pushing", "press", "presses", "pressed", "pressing", "urge",
     "urges", "urged", "urging", "ask", "asks", "asked", "asking", "want", "wants", "wanted", "wanting",
     "encourage", "encourages", "encouraged", "encouraging", "invite", "invites", "invited", "inviting",
     "order", "orders", "ordered", "ordering", "require", "requires", "required", "requiring", "expect",
     "expects", "expected", "expecting", "challenge", "challenges", "challenged", "challenging", "dare",
     "dared"]
)  # fmt: skip

# verbs of demanding that take a mandative subjunctive ("demanded that he resign")
_MANDATIVE_FORMS = frozenset(
    ["demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "insisting", "require",
     "requires", "required", "requiring", "request", "requests", "requested", "requesting", "urge", "urges",
     "urged", "urging", "ask", "asks", "asked", "asking", "order", "orders", "ordered", "ordering",
     "propose", "proposes", "proposed", "proposing", "recommend", "recommends", "recommended"]
)  # fmt: skip

# nouns of happenings: meetings, calls, visits, votes and moves, which can be read as signs but
# hold no view of their own
_EVENT_NOUNS = frozenset(
    ["call", "calls", "meeting", "meetings", "talks", "summit", "summits", "visit", "visits", "trip",
     "trips", "tour", "videoconference", "teleconference", "ceremony", "vote", "votes", "election",
     "elections", "referendum", "move", "moves", "step", "steps", "attack", "attacks", "incident",
     "incidents", "exercise", "exercises", "drills", "parade", "rally", "rallies", "match", "game"]
)  # fmt: skip

# verbs of showing, by which a thing or a happening is read as a sign
_SIGN_VERBS = frozenset(["signal", "show", "suggest", "indicate", "mean", "point", "demonstrate", "reveal"])


def demanded_act(p: Parse, text: str, v: int) -> int | None:
    """Whether cue ``v`` reports an act pressed on someone or demanded (see the module) rather than
    words said: None when it reports words; -1 when no one said them (an unrealised "effort to force
    X to agree", a mandative subjunctive the demanding verb's own attribution covers); else the token
    of the verb of asking, whose subject is the one who holds the content as a demand."""
    k = v
    while p.deps[k] == "conj" and p.heads[k] != k:
        k = p.heads[k]  # "to restrict ... and agree": the coordinated infinitive shares the control
    h = p.heads[k]
    if h == k:
        return None
    head_word = p.word(text, h)
    if (
        p.deps[k] == "xcomp"
        and head_word in _DIRECTIVE_FORMS
        and p.tags[h] == "VBN"
        and any(p.deps[c] == "agent" for c in p.children(h))
    ):
        # "Asked by reporters to comment on the speech, ...": the passive's subject is the one pressed
        # to act, the agent the asker; the infinitive is the act asked for, not yet said by anyone
        return -1
    if p.deps[k] == "xcomp" and any(p.deps[c] == "dobj" for c in p.children(h)):
        if head_word in _DIRECTIVE_FORMS:
            return h
        # "in an effort to force the U.S. to agree": forcing entails the act only once it is done; an
        # infinitive of aim ("an effort to", "trying to") has not forced anything yet
        aimed = any(p.deps[c] == "aux" and p.word(text, c) == "to" for c in p.children(h))
        if head_word in _IMPLICATIVE_FORMS and aimed:
            return -1
    if p.deps[k] == "ccomp" and head_word in _MANDATIVE_FORMS and p.tags[k] == "VB":
        kids = p.children(k)
        if any(p.deps[c] == "nsubj" for c in kids) and not any(p.deps[c] in ("aux", "auxpass") for c in kids):
            return -1
    return None


def event_sign(p: Parse, text: str, lemma: str, speaker: tuple[int, int] | None) -> bool:
    """Whether a verb of showing has an event noun for subject (see the module)."""
    if speaker is None or lemma not in _SIGN_VERBS:
        return False
    heads = p.span_heads(*speaker)
    return len(heads) == 1 and p.tags[heads[0]].startswith("NN") and p.word(text, heads[0]) in _EVENT_NOUNS


def without_cited_evidence(p: Parse, text: str, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` without a verb of showing that is a participle on a noun ("data indicating that ...")
    inside the content of another attribution that has a speaker (see the module)."""
    outer = [a for a in atts if a.speaker is not None and a.cue >= 0]
    keep = []
    for a in atts:
        v = a.cue
        if (
            v >= 0
            and a.lemma in _SIGN_VERBS
            and p.tags[v] == "VBG"
            and _on_noun(p, v)
            and any(
                b is not a and any(s <= p.starts[v] < e for s, e in b.content) and b.lemma not in _SIGN_VERBS
                for b in outer
            )
        ):
            continue
        keep.append(a)
    return keep


def _on_noun(p: Parse, v: int) -> bool:
    """Whether participle ``v`` modifies the noun right before it ("data indicating"): hung on it
    (``acl``), or hung by the parser on the verb whose object that noun is, with no comma between."""
    if p.deps[v] == "acl":
        return p.tags[p.heads[v]].startswith("NN")
    prev = v - 1
    return (
        p.deps[v] == "advcl"
        and prev >= 0
        and p.tags[prev].startswith("NN")
        and p.deps[prev] == "dobj"
        and p.heads[prev] == p.heads[v]
    )


_NAMING_LEMMAS = frozenset(["call", "dub", "name", "style", "brand", "term"])
REFLEXIVES = frozenset(
    ["itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves", "themself"]
)


def self_naming(p: Parse, text: str, v: int, lemma: str) -> bool:
    """Whether ``v`` is a verb of naming whose object is a reflexive pronoun (see the module)."""
    return lemma in _NAMING_LEMMAS and any(
        p.deps[c] in ("dobj", "nsubj", "oprd") and c > v and p.word(text, c) in REFLEXIVES for c in p.children(v)
    )
