"""Attributions that hang on something other than a cue verb's complement: a passive cue with its agent
("was criticized by X"), a noun of saying with its clause ("his claim that ..."), an adjective of
belief with its clause ("officials are confident that ..."). Called by ``attribution.clause_attributions``."""

from __future__ import annotations

from storyprism.extract.attribution_spans import (
    _ADDRESSEE_VERBS,
    Attribution,
    _clip,
    _line,
    _says_something,
    _trim,
)
from storyprism.extract.cues import EMPTY_WORDS, INTENT_NOUNS, SPEECH_NOUNS, VOICING
from storyprism.extract.parse import Parse
from storyprism.extract.subjects import name_span, subject


def _agent_passive(p: Parse, text: str, v: int, lemma: str, deps: frozenset[str]) -> Attribution | None:
    """A passive cue with its agent: "O'Malley's move was first reported by MSNBC", "Trump has been
    criticized by some of his rivals for ...". The agent ("by X") is the one who spoke; the passive
    subject is what the active verb would take as its object, so it is the content when the verb's
    frame takes an object (``dobj``); a clause the passive verb governs ("was told by aides that ...")
    is content for any cue. Without an agent nobody is named ("it was revealed that", "is expected
    to"), and the passive subject of "was asked" is the addressee: no attribution then."""
    kids = p.children(v)
    agent = next((c for c in kids if p.deps[c] == "agent"), None)
    obj = next((g for g in p.children(agent) if p.deps[g] == "pobj"), None) if agent is not None else None
    if obj is None or not p.tags[obj].startswith(("NN", "PRP")):
        return None
    speaker = name_span(p, text, obj)
    comps = [c for c in kids if p.deps[c] == "ccomp" and c > v]
    if comps:
        span = _trim(text, *p.subtree(comps[0]))
        kind = "ccomp"
    elif "dobj" not in deps or lemma in _ADDRESSEE_VERBS or lemma == "write":
        return None  # "a book co-written by U.S. contractors": authorship, the book is no message
    elif lemma in _SOURCING:
        # "a police source cited by AFP", "an official quoted by Reuters": what is cited or quoted is a
        # source whose words stand elsewhere; the agent relays them and takes no stand on the source
        return None
    elif p.deps[v] == "acl" and p.tags[v] == "VBN" and p.heads[v] < v:
        # "a practice criticized by Miller", "The immigration bill, opposed by House Republicans,": a
        # participle after a noun is a passive whose subject is that noun (up to the participle)
        h = p.heads[v]
        if p.word(text, h) in EMPTY_WORDS or not p.tags[h].startswith("NN"):
            return None
        span = _trim(text, p.starts[p.lefts[h]], p.ends[v - 1])
        kind = "dobj"
    else:
        subj = next((c for c in kids if p.deps[c] == "nsubjpass"), None)
        if subj is None:
            return None
        if text[p.starts[subj] : p.ends[subj]].lower() in EMPTY_WORDS | {"who", "which", "that"}:
            return None  # "it was reported by", "who was criticized by": the words are elsewhere
        span = _trim(text, *p.subtree(subj))
        kind = "dobj"
    if (
        span is None
        or not _says_something(text, span)
        or "\n" in text[min(span[0], speaker[0]) : max(span[1], speaker[1])]
    ):
        return None
    return Attribution(v, lemma, speaker, [span], kind=kind)


# verbs whose object is a source or its words: citing one takes no stance on it
_SOURCING = frozenset(["cite", "quote"])


# adjectives that state a view or a certainty about a clause ("is confident that", "made clear that")
STANCE_ADJECTIVES = frozenset(
    ["confident", "convinced", "certain", "sure", "aware", "hopeful", "optimistic", "pessimistic",
     "adamant", "worried", "concerned", "afraid", "fearful", "skeptical", "sceptical", "doubtful",
     "positive", "clear", "insistent", "unaware", "unconvinced"]
)  # fmt: skip


def _stance_adjective(p: Parse, text: str, a: int) -> Attribution | None:
    """ "Officials are confident that the vote will pass", "she made clear that she would run": an
    adjective of belief or certainty predicated of a subject, with a "that" clause, is that subject's
    view. Signal: the adjective is the complement of the subject's verb (``acomp``, or "clear" after
    "make") and governs a finite clause; "it is clear that" (an expletive "it") is no one's view."""
    word = text[p.starts[a] : p.ends[a]].lower()
    if word not in STANCE_ADJECTIVES or not p.tags[a].startswith("JJ"):
        return None
    head = p.heads[a]
    made = word == "clear" and text[p.starts[head] : p.ends[head]].lower() in (
        "made",
        "make",
        "makes",
        "making",
    )
    if p.deps[a] != "acomp" and not made:
        return None
    clause = next(
        (c for c in p.children(a) if p.deps[c] == "ccomp" and p.is_verb(c) and c > a), None
    ) or next((c for c in p.children(head) if made and p.deps[c] == "ccomp" and c > a), None)
    if clause is None or not any(p.deps[k] == "nsubj" for k in p.children(clause)):
        return None  # "aware of", "sure to win": no clause, no stated view
    if any(p.word(text, k) in ("enough", "so", "too") for k in p.children(a)):
        return None  # "concerned enough that they ...": a clause of result, not the content of a view
    subj = next((c for c in p.children(head) if p.deps[c] in ("nsubj", "nsubjpass")), None)
    if subj is None or text[p.starts[subj] : p.ends[subj]].lower() in ("it", "this", "that", "there"):
        return None
    spk = subject(p, text, head)
    span = _trim(text, *p.subtree(clause))
    if spk is None or span is None:
        return None
    line = _line(text, p.starts[a])
    content = _clip(text, [span], line)
    return Attribution(a, word, spk, content, kind="ccomp") if content else None


def _noun_cue(p: Parse, text: str, n: int) -> Attribution | None:
    """A noun of saying or believing with a "that" clause (``SPEECH_NOUNS``), owned by a possessive,
    an "of/from/by" phrase, or the subject of a verb that voices it. The clause is the content; a noun
    without a known owner ("the idea that ...") attributes nothing."""
    noun = text[p.starts[n] : p.ends[n]].lower()
    if not p.tags[n].startswith("NN") or (noun not in SPEECH_NOUNS and noun not in INTENT_NOUNS):
        return None
    clause = next(
        (
            c
            for c in p.children(n)
            if p.deps[c] in ("acl", "ccomp", "appos")
            and p.is_verb(c)
            and any(
                (
                    p.deps[m] == "mark"
                    and text[p.starts[m] : p.ends[m]].lower() == "that"
                    and noun in SPEECH_NOUNS
                )
                # "his pledge to repeal the law", "Trump's call to ban ...": a stated intention
                or (
                    p.deps[m] == "aux"
                    and text[p.starts[m] : p.ends[m]].lower() == "to"
                    and noun in INTENT_NOUNS
                )
                for m in p.children(c)
            )
        ),
        None,
    )
    if clause is None:
        return None
    content = _trim(text, *p.subtree(clause))
    if content is None:
        return None
    speaker = None
    for c in p.children(n):
        word = text[p.starts[c] : p.ends[c]].lower()
        if p.deps[c] == "poss" and c < n:
            if word in ("its", "their", "our", "my", "your"):
                return None  # an owner to look up elsewhere: not resolved here
            speaker = name_span(p, text, c)
        elif p.deps[c] == "prep" and word in ("of", "from", "by") and c < clause and speaker is None:
            obj = next((g for g in p.children(c) if p.deps[g] == "pobj"), None)
            if obj is not None and p.tags[obj].startswith(("NN", "PRP")):
                speaker = name_span(p, text, obj)
    h = p.heads[n]
    pronoun = speaker is not None and text[speaker[0] : speaker[1]].lower() in ("his", "her")
    if (
        (speaker is None or pronoun)
        and p.deps[n] == "dobj"
        and text[p.starts[h] : p.ends[h]].lower() in VOICING
    ):
        # "Trump renewed his pledge to ...": the one who voices it, named, over the pronoun
        speaker = subject(p, text, h) or speaker
    if speaker is None or "\n" in text[min(speaker[0], content[0]) : max(speaker[1], content[1])]:
        return None
    return Attribution(n, text[p.starts[n] : p.ends[n]].lower(), speaker, [content], kind="noun")
