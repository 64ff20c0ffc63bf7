"""Cue verbs that govern no one's words, and content that runs past the words attributed.

Each rule is one general signal read off the parse (used by ``attribution.clause_attributions``):

- a cue in a relative clause with a subject of its own ("the car he hopes to fly to Mars") has the noun
  it describes as the object its infinitive lacks: "to fly to Mars" alone is a fragment, no one's words;
- "found himself caught up in the moment": "find" with a reflexive in its complement tells what
  happened to someone, no view they hold;
- a verb of knowing or suspecting with an embedded question ("suspected what was going on", "knows how
  it works") states no claim: the question is left open (a verb of speech, "asked what ...", still
  reports the question put);
- the main verb of a yes/no question ("Do we expect him to ...?") asks, it asserts nothing;
- a cue in a subordinate clause that follows its main verb without a comma ("The update comes as the
  former chief will testify") is a circumstance of that clause, not a comment on it: only a comment
  clause set off by punctuation ("..., as one adviser noted") frames the clause it hangs from;
- content that holds a relative clause with a holder and a cue of its own ("a test over the sea, which
  farmers fear would poison the fish") ends before it: that clause is the other holder's view;
- content that opens with its own "according to X," frame hands the source to X: the frame is the
  reporter's attribution, not part of the words;
- after fronted words and an inverted tag ("..., said Hughes, lead author of the study"), a "clause"
  after the speaker that has no subject of its own is the speaker's appositive the parser misread as a
  verb ("lead"), or the rest of a sentence whose subject the appositive swallowed: a finite clause needs
  a subject, and the words came before the tag; a continuation the speaker says after the tag opens
  with a quotation mark and stays;
- a cue's "clause" with no subject whose verb takes a determiner ("another means", a noun read as a
  verb), that ends the relative clause of the cue's own object, or that goes on straight from another
  clause of the cue is a piece of a noun phrase the parser hung on the cue: no one's words.
"""

from __future__ import annotations

import re

from storyprism.extract.content_edges import object_conjunct
from storyprism.extract.cues import QUESTION_WORDS, SPEECH_LEMMAS, SPEECH_OR_BELIEF
from storyprism.extract.not_quotes import reporter_end
from storyprism.extract.parse import Parse

_RELATIVE = frozenset(["who", "whom", "which", "that", "what"])
_REFLEXIVE = frozenset(["himself", "herself", "itself", "themselves", "myself", "yourself", "ourselves"])
_SUBJ = ("nsubj", "nsubjpass")
# verbs of knowing, finding out or choosing: with an embedded question they leave it open
_KNOWING = frozenset(
    ["suspect", "wonder", "imagine", "know", "learn", "find", "see", "understand", "realise", "realize",
     "guess", "figure", "decide", "determine", "choose", "discover", "remember", "forget"]
)  # fmt: skip



def no_content(p: Parse, text: str, v: int, lemma: str, kind: str) -> bool:
    """Whether cue ``v`` (its content read as ``kind``) attributes nothing (see the module's rules)."""
    kids = p.children(v)
    comps = [c for c in kids if p.deps[c] in ("ccomp", "xcomp") and c > v]
    own_subject = [c for c in kids if p.deps[c] in _SUBJ and p.word(text, c) not in _RELATIVE]
    # signal: the relative clause has its own subject, so the noun it describes is the object the
    # infinitive lacks ("the car he hopes to fly"); a finite clause whose subject was fronted ("what it
    # said was a rocket") still states the claim about that thing, and stays
    if (
        p.deps[v] == "relcl"
        and own_subject
        and kind == "xcomp"
        and comps
        and not any(p.deps[g] in ("dobj", "ccomp") for g in p.children(comps[0]))
    ):
        return True
    if kind == "ccomp" and _subjectless(p, text, v):
        return True
    if lemma in ("realize", "realise") and kind == "ccomp":
        # "the crew realized there was a stowaway on board": coming to see a fact is a perception,
        # narrated by the reporter; it reports no one's words or stated view
        return True
    if lemma == "know" and kind == "xcomp":
        # "I knew to be concerned", "she knew to leave early": knowing what to do is a reaction or a
        # skill, no proposition held ("knew that ..." keeps its clause)
        return True
    if lemma == "find" and any(p.deps[c] == "oprd" and c == v + 1 for c in kids):
        # "An adult found guilty of assault could be jailed": "find" + a predicate adjective right after
        # it (no object between) is a verdict on someone ("found guilty", "found dead"), no finding
        # with content; the clause after it is the reporter's
        return True
    if lemma in _EVIDENCE and _hypothetical_thing(p, text, v):
        return True
    if lemma == "hope" and kind == "xcomp" and p.tags[v] == "VBG" and any(
        p.deps[c] == "aux" and p.word(text, c) in _BE for c in kids
    ):
        # "Falcke is hoping to supply a telescope": the progressive with an infinitive narrates the
        # subject's own aim in the reporter's words, no statement ("hopes that ..." still states a view)
        return True
    if lemma == "recall" and kind == "dobj" and _resembles(p, text, v):
        return True
    # signal: "find oneself" names a circumstance, not a finding
    return lemma == "find" and any(
        p.word(text, g) in _REFLEXIVE
        for c in comps + [k for k in kids if p.deps[k] == "dobj"]
        for g in [c, *p.children(c)]
    )


_BE = frozenset(["is", "are", "was", "were", "am", "be", "been", "'s", "’s", "'re", "’re"])
# heads of a subject that can remember or speak: persons, groups, bodies, pronouns for them
_SPEAKING_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "who"])


def _resembles(p: Parse, text: str, v: int) -> bool:
    """ "The arms of the galaxy recall a sunflower": "recall" with a thing as subject and a plain noun
    object means resemble, no memory told. Signal: the verb's object is a bare noun phrase (no clause,
    no quoted words) and the subject is no person, group or body (a common noun the person and body
    lists do not hold)."""
    obj = next((c for c in p.children(v) if p.deps[c] == "dobj" and c > v), None)
    if obj is None or not p.tags[obj].startswith("NN"):
        return False
    if any(p.deps[t] in ("ccomp", "acl", "appos") for t in range(p.lefts[obj], p.rights[obj] + 1)):
        return False  # a clause the noun governs states something ("recall the moment that ...")
    if re.search(r"[“”\"‘]", text[p.starts[p.lefts[obj]] : p.ends[p.rights[obj]]]):
        return False  # quoted words are someone's words
    from storyprism.extract.speaker_kinds import PERSONISH  # speaker_kinds reaches this module

    subj = next((c for c in p.children(v) if p.deps[c] == "nsubj"), None)
    if subj is None:
        return False
    word = p.word(text, subj).lower()
    return p.tags[subj] in ("NN", "NNS") and word not in PERSONISH and word.rstrip("s") not in PERSONISH


_CLAUSE_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# determiners of a noun phrase that refers to no particular thing
_NON_SPECIFIC = frozenset(["any", "no"])
_HYPOTHETICAL = frozenset(["would", "could", "might"])
# verbs of evidence: what a thing "would suggest/show/mean" is an inference drawn from it. Only these:
# with a verb of saying ("no minister would confirm", "no bank would say") a non-specific subject
# reports a silence or a refusal, which is news
_EVIDENCE = frozenset(["suggest", "indicate", "mean", "show", "signal", "imply"])


def _hypothetical_thing(p: Parse, text: str, v: int) -> bool:
    """ "any strike near the capital would suggest the real goal was ...": a subject with "any" or "no"
    refers to no particular thing (a non-specific noun phrase), and with a modal of the hypothetical the
    clause is the reporter's reasoning about what such a thing would mean, no one's words. Only for a
    verb of evidence (``_EVIDENCE``, tested by the caller) and a common-noun subject that is not a
    person ("no official would suggest" still reports that no one would)."""
    head = v
    if not any(p.deps[c] in _SUBJ for c in p.children(v)) and p.deps[v] == "conj":
        head = p.heads[v]  # "would risk ... and would suggest": the subject of the first verb
    subj = next((c for c in p.children(head) if p.deps[c] in _SUBJ), None)
    if subj is None or not p.tags[subj].startswith("NN") or p.tags[subj].startswith("NNP"):
        return False
    if p.word(text, subj).lower() in _PERSONS:
        return False
    return any(
        p.deps[d] == "det" and p.word(text, d).lower() in _NON_SPECIFIC for d in p.children(subj)
    ) and any(p.deps[a] == "aux" and p.word(text, a).lower() in _HYPOTHETICAL for a in p.children(v))


# people a non-specific subject may still be ("no official would comment"): a silence reported
_PERSONS = frozenset(
    ["official", "officials", "one", "source", "sources", "spokesman", "spokeswoman", "person", "people"]
)


def _subjectless(p: Parse, text: str, v: int) -> bool:
    """Whether every clausal complement after cue ``v`` is a noun phrase the parser misread as a clause:
    a finite clause needs a subject and its verb takes no determiner, so a subjectless "clause" headed
    by a word with a determiner ("giving the country another means to ...", "means" read as a verb) is
    a noun: the cue governs an object there, no one's words. A clause whose subject was fronted or hung
    on the cue ("what it said was a rocket", "said he and Y would ride") has no determiner, and stays."""
    kids = p.children(v)
    comps = [c for c in kids if p.deps[c] == "ccomp" and c > v]
    # "described an episode in which ... a car that she had been warned might be faulty": a subjectless
    # verb right after the cue's noun object whose relative clause it ends belongs to that clause
    # ("this fall that work ... was underway" is a time phrase the parser took for the object: only an
    # object opened by an article or an owner is a thing described)
    objects = [
        o
        for o in kids
        if p.deps[o] == "dobj"
        and v < o
        and p.tags[o].startswith("NN")
        and any(p.deps[g] == "poss" or p.word(text, g) in ("a", "an", "the") for g in p.children(o))
    ]
    # "opposed placing the radar, arguing that it would ... by giving the alliance another means to
    # track": a "clause" that starts right where another clause of the cue ends (no punctuation between)
    # goes on with that clause's words; the parser hung it on the cue
    others = [k for k in kids if p.deps[k] in ("advcl", "xcomp", "ccomp") and k > v]
    if comps and all(
        any(o != c and o < c and p.lefts[c] == p.rights[o] + 1 and p.ends[p.rights[o]] == p.starts[p.lefts[c]] - 1
            for o in others)
        for c in comps
    ):
        return True
    return bool(comps) and all(
        not any(p.deps[g] in _CLAUSE_SUBJ for g in p.children(c))
        and (
            any(p.deps[g] == "det" and g < c for g in p.children(c))
            or any(
                p.lefts[c] == p.rights[o] + 1 and any(p.deps[t] == "relcl" for t in range(o, p.rights[o] + 1))
                for o in objects
            )
        )
        for c in comps
    )


def open_questions(p: Parse, text: str, v: int) -> list[tuple[int, int]]:
    """Character ranges of the clauses of ``v`` that are embedded questions ("what was going on")."""
    out = []
    for c in p.children(v):
        # "knew how to stick his landing": a wh-infinitive (xcomp) is an open question as a clause is
        if p.deps[c] not in ("ccomp", "dobj", "xcomp") or c < v:
            continue
        first = p.lefts[c]
        # signal: the clause opens with a wh-word or "whether"/"if" after the cue (an open question, no
        # claim); a wh-word before the cue is a fronted subject ("what they believe are the effects")
        if first > v and p.word(text, first) in QUESTION_WORDS:
            out.append((p.starts[first], p.ends[p.rights[c]]))
    return out


def without_questions(
    p: Parse, text: str, v: int, lemma: str, content: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``content`` less the spans that are embedded questions of a cue of knowing or suspecting."""
    if lemma not in _KNOWING:
        return content  # "described how", "questioned whether": the account or the doubt is stated
    qs = open_questions(p, text, v)
    if not qs:
        return content
    return [(s, e) for s, e in content if not any(qs_ <= s < qe for qs_, qe in qs)]


def set_off(p: Parse, text: str, v: int) -> bool:
    """Whether the "as" clause holding cue ``v`` is a comment set off from its main clause (by a
    comma, a dash or a bracket before "as", or at the head of the sentence: "As X noted, ...")."""
    marks = [c for c in p.children(v) if p.deps[c] == "mark" and p.word(text, c) == "as"]
    if not marks:
        return False
    m = marks[0]
    if p.heads[v] > v:
        return True  # the "as" clause comes first ("As X noted, ..."): it frames what follows
    before = text[max(0, p.starts[m] - 3) : p.starts[m]]
    # signal: a comment clause is punctuated off; "comes as X will testify" (no comma) is a circumstance
    return m == 0 or p.sent[m - 1] != p.sent[m] or bool(re.search(r"[,(—–-]\s*$", before))


def cut_other_holders(p: Parse, text: str, cue: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` ended before a relative clause inside it that has its own holder and cue."""
    s, e = span
    for t in p.tokens_in(s, e):
        lemma = SPEECH_OR_BELIEF.get(p.word(text, t))
        if t == cue or p.deps[t] != "relcl" or lemma is None or lemma in SPEECH_LEMMAS:
            continue  # a fear or a belief ("which they fear"); "which it said" goes on with the same words
        if not any(p.deps[g] in _SUBJ and p.word(text, g) not in _RELATIVE for g in p.children(t)):
            continue
        if not any(p.deps[g] == "ccomp" for g in p.children(t)):
            continue  # a relative clause with a clause of its own under the verb: "which they fear would ..."
        if p.word(text, p.lefts[t]) not in ("which", "who", "whom", "that"):
            continue  # opened by its relative pronoun, not by a preposition ("during which both said")
        left = p.starts[p.lefts[t]]
        if left <= s or p.ends[p.rights[t]] < e - 1:
            continue  # only a clause that closes the content: one inside its subject stays
        end = left
        while end > s and text[end - 1] in " ,;—–-":
            end -= 1
        return (s, end) if end > s else span
    return span


def after_frame(p: Parse, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a leading "According to X," frame (X is the source the reporter names): the
    frame ends with the subtree of "according" and a comma."""
    if not text.startswith(("According", "according"), span[0]):
        return span
    t = p.token_at(span[0])
    if t >= len(p) or p.word(text, t) != "according":
        return span
    m = re.match(r"\s*,\s*", text[p.ends[p.rights[t]] :])
    end = p.ends[p.rights[t]] + m.end() if m else -1
    return (end, span[1]) if m and end < span[1] else span


def speaker_appositive(p: Parse, text: str, cue: int, span: tuple[int, int], content: list[tuple[int, int]]) -> bool:
    """Whether ``span`` is the appositive of an inverted tag's speaker misread as a clause (see above)."""
    if cue < 0 or span[0] < p.ends[cue] or not any(e <= p.starts[cue] for _, e in content):
        return False
    subj = [c for c in p.children(cue) if p.deps[c] in _SUBJ and c > cue]
    # the span follows the inverted speaker and its appositive ("said X, professor at Y.The ocean is
    # full ...", where a missing space joined two sentences) with no quotation mark reopening the words
    if not subj or span[0] < p.ends[subj[0]] or re.search(r"[“\"‘]", text[p.ends[cue] : span[0] + 1]):
        return False
    heads = [t for t in p.tokens_in(*span) if p.heads[t] == cue]
    return bool(heads) and not any(
        p.deps[g] in ("nsubj", "nsubjpass", "csubj", "expl") for h in heads for g in p.children(h)
    )


def trimmed(p: Parse, text: str, cue: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each content span ended before another holder's relative clause and started after its own frame;
    a speaker's appositive misread as a clause after an inverted tag is dropped."""
    kept = [c for c in content if not speaker_appositive(p, text, cue, c, content)]
    kept = object_conjunct(p, text, cue, kept)
    return [
        without_source_tail(text, after_frame(p, text, reporter_end(p, text, cue, cut_other_holders(p, text, cue, c))))
        for c in kept
    ]


# ", according to Chinese media" closing the span: the reporter's source for the whole report
_SOURCE_TAIL = re.compile(r",\s+according\s+to\s[^,;:.!?“”\"]{1,80}[.!?]?\s*$", re.IGNORECASE)


def without_source_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause ended before a closing ", according to X": the reporter's sourcing of the
    sentence ("X said the well was empty, according to Chinese media") is the frame of the report, not
    the speaker's words (the "according to" attribution itself is read on its own)."""
    s, e = span
    m = _SOURCE_TAIL.search(text, s, e)
    return (s, m.start()) if m and m.start() > s else span


# heads of an infinitive that lay a duty on the subject: "are required to report", "have to disclose"
_DUTY = frozenset(["required", "obliged", "obligated", "compelled"])
_HAVE_NOW = frozenset(["have", "has"])


def obliged(p: Parse, text: str, v: int) -> bool:
    """ "non-financial firms have to report suspicious transactions", "banks are required to disclose
    their losses": a cue in an infinitive under a verb of obligation states a duty the subject is under
    (deontic modality), not an act done, so no words or stance are reported. Only a present "have to"
    with a noun-phrase object (a topic): "I have to say that ..." and "had to admit that ..." report
    words said; the passive of obligation ("required to") whatever follows."""
    head = p.heads[v]
    word = p.word(text, head)
    if word in _DUTY:
        return True
    if word not in _HAVE_NOW or not any(p.deps[c] == "aux" and p.word(text, c) == "to" for c in p.children(v)):
        return False
    return any(p.deps[c] == "dobj" for c in p.children(v)) and not any(
        p.deps[c] in ("ccomp", "xcomp") for c in p.children(v)
    )


def asked(p: Parse, text: str, v: int) -> bool:
    """ "Do we expect him to make a statement tonight?", "Will she say that it worked?": a cue that is
    the main verb of a yes/no question (an auxiliary before its subject, subject-auxiliary inversion,
    and the sentence ends with a question mark) asks whether something holds; a question asserts
    nothing, so no one's words or view are reported (an interviewer's question in a transcript)."""
    if p.deps[v] != "ROOT":
        return False
    kids = p.children(v)
    subj = next((c for c in kids if p.deps[c] in _SUBJ), None)
    auxes = [c for c in kids if p.deps[c] == "aux" and c < subj] if subj is not None and subj < v else []
    if not auxes:
        return False
    # "Why did Reed say the budget would balance?": a wh-question takes the saying as given
    if any(p.word(text, k) in QUESTION_WORDS for k in range(p.lefts[v], auxes[0])):
        return False
    last = p.rights[v]
    while last + 1 < len(p) and p.sent[last + 1] == p.sent[v]:
        last += 1
    return text[p.starts[v] : p.ends[last]].rstrip().endswith("?")  # a line break may close the sentence
