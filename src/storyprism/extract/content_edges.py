"""Where an attributed clause begins when the parser hung its subject on the cue.

"Manager X once said he and striker Y would walk away ..." can be parsed with "he" as the object of
"said" and the clause "would walk away ..." as its complement; "Harbor Police told local reporters would
have a unit ..." reads "reporters" as who was told. The complement then has no subject of its own, and the
words the speaker attributed lose theirs. These helpers give the complement its subject back.
"""

from __future__ import annotations

import re

from storyprism.extract.cues import ALL_FORMS
from storyprism.extract.parse import Parse
from storyprism.text import datelines as DL
from storyprism.text.calendar import MONTHS, WEEKDAYS

_SUBJECTS = frozenset(["nsubj", "nsubjpass", "expl", "csubj"])
# what the parser makes of a complement's subject when it hangs it on the cue: an object, or the
# pieces of a coordinated subject ("he and striker Rui Santos": dobj, cc, conj)
_STOLEN = frozenset(["dobj", "cc", "conj", "npadvmod"])


def complement_start(p: Parse, v: int, c: int, addressee: bool) -> int | None:
    """The offset a clausal complement ``c`` of cue ``v`` should start at when the parser took its
    subject as the cue's object, or None when it has a subject (or the words before it are no subject).

    Signal: a finite complement with an auxiliary or a verb of its own but no subject is a misparse in
    news prose ("said would ride" is not English); the object right before it is that subject. After a
    verb with an addressee ("told local reporters would have"), only the object's head noun is the
    subject (the words before it may be the addressee's); after "said", the whole object and anything
    joined to it ("he and striker Rui Santos")."""
    if any(p.deps[k] in _SUBJECTS for k in p.children(c)):
        return None
    left = p.lefts[c]
    if left <= v + 1 or p.tags[left] in ("TO", "IN"):
        return None  # "said to", "called for": an infinitive or a prepositional clause has no subject
    between = range(v + 1, left)
    objs = [k for k in between if p.deps[k] == "dobj" and p.heads[k] == v]
    if not objs:
        return None
    if addressee:
        last = left - 1
        if p.deps[last] != "dobj" or not p.tags[last].startswith("NN"):
            return None
        return p.starts[last]
    # every word between the cue and the complement hangs on the object or on what the parser joined
    # to the cue beside it ("and", "striker ..."); anything else (an adverb, a time) is the frame's
    roots = objs + [k for k in between if p.heads[k] == v and p.deps[k] in _STOLEN]
    if not all(any(p.dominated(k, r) for r in roots) for k in between):
        return None
    return p.starts[p.lefts[objs[0]]]


# photo and wire credits a scraped caption glues before the next sentence ("AP: Associated Press Harbor
# crews pulled ...")
_CREDIT_RUN = re.compile(
    r"(?:(?:Associated\s+Press|AP|Reuters|AFP|EPA|Getty\s+Images|Getty|PA|Xinhua|Shutterstock|WireImage)"
    r"[:/]?\s+)+(?=[A-Z][a-z])"
)
# "One question voters will be asking is whether ...": a copula opening the content is the predicate of
# the clause the cue hangs in (the cue is a relative clause on the subject), not words anyone attributed
_COPULA_OPENING = re.compile(r"(?:is|was|are|were)\s+(?:whether|what|how|why|when|where|who|that)\b")


# a wire dateline opening a story ("SAN JOSE, Dec 31 (Reuters) - ", "WASHINGTON (AP) — "): the place in
# capitals, an optional region and date, the agency in brackets, then a dash; the reporter's byline
# furniture, never part of anyone's words. The place must be in capitals (the dateline convention) so a
# sentence's own opening words are never taken for one. Built from the shared pieces (text/datelines.py)
# so that the dateline's shape and agency list stay one
_DATELINE = re.compile(
    rf"(?P<place>{DL.PLACE})(?P<region>{DL.REGION})?\s*(?P<credit>{DL.CREDIT})?\s*(?P<dash>{DL.DASH})\s+"
    r"(?=[A-Z“\"‘'])"
)


def credit_free_start(text: str, s: int, e: int) -> int | None:
    """``s`` moved past a wire or photo credit glued before the content, or None when the content opens
    with a copula (no content at all). Signal: a credit name followed by another capitalised word opens
    no sentence in news prose ("Associated Press Harbor crews pulled"); "Reuters reported ..." (a verb
    after the credit) keeps its subject."""
    if _COPULA_OPENING.match(text, s, e):
        return None
    dateline = _DATELINE.match(text, s, e)
    # without an agency in brackets only at a paragraph's start and with a place of four letters or more
    # ("NEW YORK — Goldman ...", not "US - China talks ..."); and a lone spaced hyphen after a one-word
    # place with nothing after it is the hyphen of a compound ("NATO - Russia talks"), which a dateline's
    # dash is only where the place has a second word or a region ("NEW YORK - ", "LAKE FOREST, Ill. -")
    if (
        dateline
        and e - dateline.end() > 20
        and (
            dateline.group("credit")
            or (
                (s == 0 or text[s - 1] == "\n")
                and sum(c.isalpha() for c in dateline.group("place")) >= 4
                and (
                    dateline.group("dash") != "-"
                    or dateline.group("region")
                    or len(dateline.group("place").split()) > 1
                )
            )
        )
    ):
        s = dateline.end()
    m = _CREDIT_RUN.match(text, s, e)
    return m.end() if m and e - m.end() > 20 else s


def stranded_that_clause(p: Parse, text: str, v: int) -> int | None:
    """A "that" clause the parser hung as a relative clause on the noun of a phrase after the cue ("said on
    Friday during a briefing that he would wait ..."), for a cue with no clause of its
    own; None when there is none. Signal: a relative "that" fills a gap in its clause (it is the
    subject or the object there); a "that" the parse reads as a complementizer (``mark``) opening a
    clause with its own subject marks a complement clause, and the speech verb is what takes one."""
    nouns: list[int] = []
    for c in p.children(v):
        if c < v:
            continue
        if p.deps[c] == "prep":
            nouns.extend(o for o in p.children(c) if p.deps[o] == "pobj")
        elif p.deps[c] in ("dobj", "dative"):
            # "told a meeting of island leaders that few people understood ...": the addressee and the
            # noun of its "of" phrase carry the clause the same way
            nouns.append(c)
            for pr in p.children(c):
                if p.deps[pr] == "prep":
                    nouns.extend(o for o in p.children(pr) if p.deps[o] == "pobj")
    for o in nouns:
        for r in p.children(o):
            kids = p.children(r)
            if (
                p.deps[r] == "relcl"
                and any(p.deps[k] == "mark" and p.word(text, k) == "that" and k == p.lefts[r] for k in kids)
                and any(p.deps[k] in ("nsubj", "nsubjpass") for k in kids)
            ):
                return r
    return None


# a time expression after a cue says when it was said ("said on Friday"), never what
TIME_WORDS = frozenset(
    [
        *WEEKDAYS,
        "today",
        "yesterday",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "week",
        "month",
        "year",
        *MONTHS,
    ]
)


_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])


def clause_after_phrase(p: Parse, v: int) -> int | None:
    """A clause with its own subject that the parser hung as an adverbial on the cue because a phrase of
    time or place sits between them ("Trump said after the convention he would not accept ..."), for
    a cue with no clause of its own; None when there is none. Signal: a finite clause with a subject
    and no subordinating word ("if", "because", "when") after a verb of saying is its complement (the
    "that" is often left out); an adverbial clause is opened by its subordinator."""
    kids = p.children(v)
    for c in kids:
        if c <= v or p.deps[c] != "advcl":
            continue
        sub = p.children(c)
        if any(p.deps[k] == "mark" or p.tags[k] in ("WRB", "WDT", "WP") for k in sub if k < c):
            return None  # "said after he arrived", "said when asked": a real adverbial clause
        subj = next((k for k in sub if p.deps[k] in ("nsubj", "nsubjpass") and k < c), None)
        if subj is None:
            return None
        # the phrase that misled the parser sits between the cue and the clause's subject, hung on
        # either ("said after the convention he would", "said on Friday he will")
        phrase = [k for k in (*kids, *sub) if v < k < subj and p.deps[k] in ("prep", "npadvmod")]
        others = [k for k in kids if v < k < p.lefts[c] and p.deps[k] not in ("prep", "npadvmod", "punct")]
        finite = p.tags[c] in _FINITE_TAGS or any(
            p.deps[k] in ("aux", "auxpass") and p.tags[k] in _FINITE_TAGS for k in sub
        )
        return c if phrase and not others and finite else None
    return None


_RELATIVE_SUBJECTS = frozenset(["which", "that", "who", "what"])


def fronted_relative(p: Parse, text: str, v: int, c: int) -> bool:
    """Whether subject ``c`` of cue ``v`` is a relative pronoun with another subject of ``v`` after it
    ("who police said held a knife"): the pronoun is the subject of the reported clause, not the cue's."""
    return text[p.starts[c] : p.ends[c]].lower() in ("who", "which", "that") and any(
        p.deps[k] == "nsubj" and c < k < v for k in p.children(v)
    )


_NOUN_PHRASE_TAGS = frozenset(["DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "CD", "POS", "HYPH"])


def other_holders_relative(p: Parse, text: str, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``content`` cut before a relative clause that brings in another holder's words ("accused them of
    stealing blankets, which an assistant coach suggested happened because ..."): the clause after
    ", which" is the coach's suggestion, not part of what the accuser said. Signal: a cue verb inside a
    comma-led relative clause with a noun between the pronoun and the cue (its own speaker)."""
    if not content:
        return content
    s, e = content[-1]
    for t in p.tokens_in(s, e):
        if p.deps[t] != "relcl":
            continue
        first = p.lefts[t]
        if p.word(text, first) not in ("which", "who") or first == 0 or p.word(text, first - 1) != ",":
            continue
        if text[p.ends[p.rights[t]] : e].strip(" .,;”\"'’"):
            continue  # the relative clause ends inside the content ("the plan, which critics say ..., would")
        # the first verb after the pronoun is the cue, with only its subject's noun phrase between
        verb = next((k for k in range(first + 1, min(p.rights[t], len(p) - 1) + 1) if p.is_verb(k)), None)
        if verb is None or text[p.starts[verb] : p.ends[verb]].lower() not in ALL_FORMS:
            continue
        between = range(first + 1, verb)
        if not any(p.tags[k].startswith(("NN", "PRP")) for k in between) or not all(
            p.tags[k] in _NOUN_PHRASE_TAGS for k in between
        ):
            continue
        cut = p.starts[first - 1]
        if cut <= s or len(text[s:cut].split()) < 3:
            return content
        return [*content[:-1], (s, len(text[:cut].rstrip()))]
    return content


def relative_subject(
    p: Parse, text: str, v: int, content: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """Content whose subject is a relative pronoun moved before the cue ("the attack, which she said was
    carried out by 30 people"): the predicate alone is no proposition, so the content gets the
    antecedent back as its first part ("the attack" + "was carried out ..."). None: no change (no such
    subject, or a free relative "what", which has no antecedent to give back).
    Signal: English relative clauses front the pronoun that fills the embedded clause's subject gap."""
    if not content or v < 0:
        return None
    rel = next((k for k in p.children(v) if p.deps[k] == "nsubj" and fronted_relative(p, text, v, k)), None)
    head = p.heads[v]
    if rel is not None and p.deps[v] == "relcl" and p.tags[head].startswith("NN"):
        # "the attacker, who police said held a knife": the parse hung the pronoun on the cue; it still
        # fills the reported clause's subject gap, so the antecedent goes back in front of the content
        ante = (p.starts[p.lefts[head]], p.ends[head])
        if any(s < ante[1] and ante[0] < e for s, e in content):
            return None  # the antecedent is in the content already
        if head == rel - 1 or (head == rel - 2 and p.word(text, rel - 1) == ","):
            return [ante, *content]
        return None
    for c in p.children(v):
        if p.deps[c] != "ccomp" or c < v:
            continue
        k = next((k for k in p.children(c) if p.deps[k] in ("nsubj", "nsubjpass") and k < v), None)
        if k is None or p.word(text, k) not in _RELATIVE_SUBJECTS:
            return None
        head = p.heads[v]
        if p.word(text, k) == "what" or p.deps[v] != "relcl" or not p.tags[head].startswith("NN"):
            # "fired what it said was a rocket": a free relative has no antecedent to give back; its
            # claim is kept as it stands (the speaker's name for the thing is the news)
            return None
        if not (head == k - 1 or (head == k - 2 and p.word(text, k - 1) == ",")):
            return None  # the pronoun must touch its antecedent ("the attack, which"): else a parse slip
        return [(p.starts[p.lefts[head]], p.ends[head]), *content]
    return None


def object_conjunct(p: Parse, text: str, cue: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``content`` with its last span carried over a noun phrase the parser coordinated with the cue
    ("promises to release a full list of companies and the people linked to them": "the people" hung as
    a conjunct of "promises"). Signal: a verb has no noun conjunct, so a noun phrase joined to the cue by
    "and"/"or" right where the content stops is the content's own coordinated object, cut off by the
    misparse; a conjunct with a subject inside is another clause and stays out."""
    if cue < 0 or not content:
        return content
    s, e = content[-1]
    for c in p.children(cue):
        if p.deps[c] != "conj" or not p.tags[c].startswith("NN") or p.starts[c] < e:
            continue
        first, last = p.lefts[c], p.rights[c]
        if not re.fullmatch(r"[\s,]*(?:and|or)\s+", text[e : p.starts[first]]):
            continue
        if any(p.deps[t] in _SUBJECTS for t in range(first, last + 1)):
            continue
        end = p.ends[last]
        while end > e and text[end - 1] in " ,;:\"“”'’.!?":
            end -= 1
        if text.count('"', e, end) % 2 or text.count("“", e, end) > text.count("”", e, end):
            # 'in "early May."': the phrase opened a quotation, so its closing mark belongs to it
            close = re.compile(r'[.,!?]?["”]').match(text, end)
            end = close.end() if close else end
        return [*content[:-1], (s, end)]
    return content
