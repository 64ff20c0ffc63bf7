"""The speaker phrase of a cue from the dependency parse: the cue's subject, the noun phrase it names.

Split from ``attribution`` (which finds cues and their content); general signals, named where each
rule lives: a subject is a noun phrase without its appositive, relative clause or prepositions; a
relative pronoun stands for the noun it modifies; a cue without a subject borrows the one of the verb
it hangs from; an expletive "it" names no one.
"""

from __future__ import annotations

import re

from storyprism.extract.content_edges import fronted_relative
from storyprism.extract.cues import (
    DISPLAYS,
    DOCUMENTS,
    PASSIVE_HOLDER,
    ROLE_NOUNS,
    SPEECH_OR_BELIEF,
    WITNESS,
)
from storyprism.extract.linking import _TITLES
from storyprism.extract.object_clauses import gerund_after_object, remembers
from storyprism.extract.parse import Parse
from storyprism.extract.speaker_kinds import PERSONISH, abstract_head

_NAME_MODS = ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod", "npadvmod")
_EXPLETIVE = frozenset(["it", "there", "this", "that", "what"])
_RELATIVE = frozenset(["who", "which", "that", "whom"])
PUNCT_EDGE = " ,;:—–-\"'“”‘’«»()"


_PARTITIVES = frozenset(
    ["majority", "minority", "half", "most", "many", "some", "third", "quarter", "percent", "proportion",
     "share", "bulk", "rest", "fraction", "plurality", "thirds", "quarters", "none", "all", "several"]
)  # fmt: skip


def name_span(p: Parse, text: str, n: int) -> tuple[int, int]:
    """The noun phrase a subject token heads, without its appositive, relative clause or prepositions.

    The name is the head with the modifiers before it ("Kremlin spokesman Dmitry Peskov",
    "the Russian leader"); an appositive child names the person when the head is a common noun
    ("the director, Vasily Kashin,").
    """
    lead = past_dateline(p, text, n)
    if lead is not None and lead >= 0:
        n = lead  # "PORT ELLIS, Marovia — Marovian inspectors said": the phrase after the dateline
    head_word = text[p.starts[n] : p.ends[n]].lower()
    # a common noun, or a title tagged as a name ("the Salesforce CEO, Marc Benioff,"): the appositive
    # name is the person
    if (not p.tags[n].startswith("NNP") and p.tags[n] not in ("PRP", "WP")) or head_word in _TITLE_HEADS:
        for c in p.children(n):
            if p.deps[c] == "appos" and p.tags[c].startswith("NNP"):
                return name_span(p, text, c)
    left = n
    for c in p.children(n):
        if c < n and p.deps[c] in _NAME_MODS:
            left = min(left, p.lefts[c])
    right = n
    for c in p.children(n):
        if c > n and p.deps[c] in ("compound", "flat") and c == right + 1:
            right = c
    # "the Center for Humane Technology": a capitalised "of"/"for" phrase is part of a proper name
    if p.tags[n].startswith("NNP"):
        for c in p.children(n):
            if c == right + 1 and text[p.starts[c] : p.ends[c]].lower() in ("of", "for"):
                objs = [g for g in p.children(c) if p.deps[g] == "pobj" and p.tags[g].startswith("NNP")]
                if objs and all(
                    text[p.starts[k]].isupper() or p.tags[k] in ("DT", "CC")
                    for k in range(c + 1, p.rights[objs[0]] + 1)
                ):
                    right = p.rights[objs[0]]
    # "One in three said", "about 4 out of 10 say": a proportion of a surveyed group is the group that
    # answered; without its "in three" the number would read as the generic pronoun "one"
    # "one of the prosecutors said" is likewise a member of the group it names, no generic "one"
    if p.tags[n] == "CD" and right == n:
        for c in p.children(n):
            word = p.word(text, c)
            if c != n + 1 or word not in ("in", "out", "of"):
                continue
            if word == "out":
                c = next((g for g in p.children(c) if p.word(text, g) == "of"), c)
            obj = next((g for g in p.children(c) if p.deps[g] == "pobj"), None)
            if obj is None:
                continue
            counted = p.tags[obj] == "CD" or any(
                p.deps[g] == "nummod" and p.tags[g] == "CD" for g in p.children(obj)
            )
            if (counted or word == "of") and p.tags[obj].startswith(("NN", "CD")) and p.rights[obj] - n <= 8:
                right = p.rights[obj]
    # "the majority of parents say", "half of the respondents said": a partitive noun names a part of
    # the group its "of" phrase names, so without that phrase the speaker would be no one ("majority")
    if p.word(text, n) in _PARTITIVES and right == n:
        of = next((c for c in p.children(n) if c == n + 1 and p.word(text, c) == "of"), None)
        obj = next((g for g in p.children(of) if p.deps[g] == "pobj"), None) if of is not None else None
        if obj is not None and p.tags[obj].startswith("NN") and p.rights[obj] - n <= 8:
            right = p.rights[obj]
    # "Lee Kuk-no", "Park Soo-hyun": a hyphen inside the name keeps both halves
    while (
        right + 2 < len(p)
        and text[p.starts[right + 1] : p.ends[right + 1]] == "-"
        and (p.starts[right + 1] == p.ends[right] and p.starts[right + 2] == p.ends[right + 1])
    ):
        right += 2
    # a dateline, a time stamp or a dash before the name is not part of it ("1:50 p.m. Famed fight
    # doctor Ferdie Pacheco", "WASHINGTON (AP) — Trump")
    for k in range(left, n):
        word = text[p.starts[k] : p.ends[k]]
        if (
            word in (".", ":", ";", ")", "(", "|")
            or re.fullmatch(r"\d{1,2}:\d\d", word)  # a clip length or time stamp ("| 1:02 Elon Musk")
            or word.isspace()  # a paragraph break the parse ran across ("11 a.m.\n\nFormer Gov. ...")
            or (word in ("—", "–", "-") and text[p.starts[k] - 1 : p.starts[k]].isspace())
            or "/" in word
            or word.startswith("@")  # a photo credit's handle ("Twitter / @ForIamPJ Zoo directors")
            or word.lower() in ("p.m.", "a.m.")
            or (
                # a dateline in capitals ("WASHINGTON (AP) —", "LAS VEGAS —"), not an acronym ("An RAIB
                # spokesman"): followed by punctuation or by more capitals
                word.isupper()
                and len(word) > 3
                and not text[p.starts[n] : p.ends[n]].isupper()
                and (
                    not text[p.starts[k + 1] : p.ends[k + 1]][:1].isalnum()
                    or text[p.starts[k + 1] : p.ends[k + 1]].isupper()
                )
            )
        ):
            left = k + 1
    # a photo or wire credit glued before the name ("AP:Associated Press North Korea says"): the credit
    # is the page's, the name after it speaks (not when the credit is the whole name: "Reuters reported")
    if text[p.starts[n] : p.ends[n]].lower() not in _CREDIT_WORDS:
        k = left
        while k < n and text[p.starts[k] : p.ends[k]].lower() in _CREDIT_WORDS | {":", "-", "/", "(", ")"}:
            k += 1
        if k > left and any(
            text[p.starts[j] : p.ends[j]].lower() in _CREDIT_WORDS - {"press"} for j in range(left, k)
        ):
            left = k
    while left < n and (
        text[p.starts[left]] in PUNCT_EDGE or text[p.starts[left] : p.ends[left]].lower() in _GROUP_WORDS
    ):
        left += 1  # "Both Abe and Tillerson called": the name, not the quantifier
    # "First Deputy Chairman of the Council's Defense Committee Franz Klintsevich warned": a title
    # head whose phrase ends in a name right before the verb holds the person's name at its end
    if (
        p.tags[n].startswith("NNP")
        and text[p.starts[n] : p.ends[n]].lower() in _TITLE_HEADS
        and p.rights[n] > right
        and p.tags[p.rights[n]].startswith("NNP")
        and p.rights[n] - left <= 16
    ):
        right = p.rights[n]
    # "A spokesperson for the US State Department", "an official at the ministry": an unnamed
    # spokesperson's body is who speaks; the "for/at/of" phrase naming it stays in the phrase
    if text[p.starts[n] : p.ends[n]].lower() in _MOUTHPIECES and right == n:
        for c in p.children(n):
            if c == n + 1 and text[p.starts[c] : p.ends[c]].lower() in ("for", "at", "of", "from"):
                obj = next((g for g in p.children(c) if p.deps[g] == "pobj"), None)
                # a named body ("for the US State Department") or a described one ("for the German
                # military joint forces command"): either says whose mouthpiece speaks
                if obj is not None and p.tags[obj].startswith("NN") and p.rights[obj] - n <= 8:
                    right = p.rights[obj]
    return p.span(left, right)


# The wire dateline that opens a story: the city in capitals at the start of a line, a region or a date
# after commas, a wire credit in brackets, then a dash ("PORT ELLIS, Marovia —", "VELDORA --",
# "KESTON (Wire) —", "VELLA, Sept. 15 (Wire) --"). A colon does not end one: "QUILL:" is a
# transcript's speaker label.
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?:[ ][A-Z][A-Z.'’-]*)*)"
    r"(?:,[ ]+[A-Z0-9][\w.'’-]*(?:[ ][A-Z0-9][\w.'’-]*){0,3}){0,2}"
    r"(?:[ ]*\([^()\n]{1,40}\))?[ ]*(?:—|–|--|-)[ ]*"
)


def dateline_end(text: str, pos: int) -> int | None:
    """Where the dateline holding offset ``pos`` ends (the first character after its dash), or None when
    ``pos`` is in no dateline."""
    line = text.rfind("\n", 0, pos) + 1
    m = _DATELINE.match(text, line)
    if m is None or not (m.start("place") <= pos < m.end()):
        return None
    return m.end()


def past_dateline(p: Parse, text: str, n: int) -> int | None:
    """For a subject token ``n`` inside a wire dateline, the head of the noun phrase after the dash that
    the parse hung on it or set beside it ("PORT ELLIS, Marovia — Marovian inspectors said": the
    city is no speaker, the inspectors are); -1 when nothing nominal follows; None when ``n`` is in
    no dateline. Signal: the dateline convention; the place names where the story was filed, never who
    speaks, and the sentence proper starts after its dash."""
    end = dateline_end(text, p.starts[n])
    if end is None:
        return None
    first = next((k for k in range(n, len(p)) if p.starts[k] >= end), None)
    if first is None:
        return -1
    # the phrase ends at the verb the dateline token hangs from (its clause), or at the sentence end
    stop = p.heads[n] if p.heads[n] > first else len(p)
    for k in range(first, stop):
        if p.sent[k] != p.sent[first]:
            break
        h = p.heads[k]
        # the first nominal whose head lies outside the stretch heads its own phrase there
        if (h < first or h >= stop or h == k) and p.tags[k].startswith(("NN", "PRP", "CD")):
            return k
        if p.is_verb(k) and (h < first or h >= stop or h == k):
            break  # the clause's verb came first: no subject between dateline and verb
    return -1


_MOUTHPIECES = frozenset(
    ["spokesperson", "spokeswoman", "spokesman", "spokespeople", "representative", "official", "officials",
     "source", "sources", "aide", "aides", "lawyer", "lawyers", "attorney", "attorneys", "statement"]
)  # fmt: skip
_GROUP_WORDS = frozenset(["both", "all", "each", "either", "neither"])
# photo and wire credits (not the networks: "Twitter users said" names its speakers)
_CREDIT_WORDS = frozenset(
    ["getty", "reuters", "ap", "afp", "epa", "pa", "shutterstock", "alamy", "wireimage", "invision", "xinhua",
     "corbis", "istock", "handout", "associated", "press", "images", "agence", "france-presse"]
)  # fmt: skip
_TITLE_HEADS = ROLE_NOUNS | _TITLES | {"ceo", "cfo", "coo", "chief", "founder", "chair", "head", "director"}


def _no_one(text: str, span: tuple[int, int] | None) -> bool:
    """Whether a subject phrase names no one: none, or a bare "it"/"there" ("it felt as if")."""
    return span is None or text[span[0] : span[1]].strip().lower() in ("it", "there")


def subject(p: Parse, text: str, v: int, depth: int = 0) -> tuple[int, int] | None:
    """The speaker phrase of verb ``v``: its subject, or the subject of the verb it hangs from."""
    word = text[p.starts[v] : p.ends[v]].lower()
    holder_passive = SPEECH_OR_BELIEF.get(word) in PASSIVE_HOLDER
    # two subjects for one verb is a parse slip on a title or a credit ("Firm co-founder Ramon Fonseca
    # Mora told" gives "Firm" and "Mora"; "SEOUL (Reuters) - North Korea said" gives "Reuters" and
    # "Korea"): a noun subject goes before an adjective one or a credit
    # "the attacker, who police said held a knife": the relative pronoun fills the gap of the clause the
    # cue governs, the noun right after it is the cue's own subject (the parse hangs both on the cue)
    kids = sorted(
        p.children(v),
        key=lambda c: (
            p.deps[c] == "nsubj"
            and (
                p.tags[c].startswith("JJ")
                or text[p.starts[c] : p.ends[c]].lower() in _CREDIT_WORDS
                or fronted_relative(p, text, v, c)
            )
        ),
    )
    for c in kids:
        if "\n" in text[p.ends[min(c, v)] : p.starts[max(c, v)]]:
            continue  # an edge across a paragraph break ("9:30 p.m.\n\nDonald Trump says") is a parse slip
        if p.deps[c] == "nsubj" or (holder_passive and p.deps[c] == "nsubjpass"):
            of = _quantified(p, text, c)
            if of is not None:
                # "many of whom say", "some of the experts believe": the group quantified speaks
                c = of
                if text[p.starts[c] : p.ends[c]].lower() in _RELATIVE and p.deps[v] == "relcl":
                    return name_span(p, text, _relative_head(p, text, v, c))
            # NN/PRP/CD/DT/WP/WDT heads a noun phrase; JJ does in "Nearly a third say", "Current and
            # former officials said"; a gerund or a verb parsed as subject ("Building the set ...
            # included") names no one
            if not p.tags[c].startswith(("NN", "PRP", "CD", "DT", "WP", "WDT", "JJ")):
                return None
            if past_dateline(p, text, c) == -1:
                return None  # "VELDORA —" hung on the verb with no phrase after it: the place says nothing
            if p.tags[c].startswith("JJ") and (
                depth > 0
                or not (
                    # "Many believe", "few keep": a quantifier alone is the group it counts
                    text[p.starts[c] : p.ends[c]].lower() in _QUANTIFIERS
                    or any(
                        p.deps[g] in ("det", "quantmod")
                        or (p.deps[g] == "conj" and p.tags[g].startswith("NN"))
                        for g in p.children(c)
                    )
                )
            ):
                return None  # another adjective names a group only with an article or a noun
            word = text[p.starts[c] : p.ends[c]].lower()
            if word in _RELATIVE and p.deps[v] == "relcl" and p.heads[v] != v:
                h = _relative_head(p, text, v, c)
                hv = p.heads[h]
                if (
                    text[p.starts[h] : p.ends[h]].lower() in DOCUMENTS | DISPLAYS
                    and p.deps[h] == "dobj"
                    and p.is_verb(hv)
                    and depth < 3
                ):
                    # "Trump released a video that said ...", "she hoisted a sign that read ...": a
                    # document or a display speaks for whoever issued or held it
                    issuer = subject(p, text, hv, depth + 1)
                    if issuer is not None:
                        return issuer
                hv = p.heads[h]
                if p.deps[h] == "attr" and depth < 3 and p.word(text, hv) in _COPULAS:
                    # "Her father, Robert Thurman, is a professor ... who thinks": a predicate noun
                    # describes the copula's subject, so the relative clause on it is the subject's
                    holder = subject(p, text, hv, depth + 1)
                    if holder is not None:
                        return holder
                return name_span(p, text, h)  # "Smith, who said ...": Smith
            if word in ("who", "whom") and p.deps[v] != "relcl":
                # "... singled out by Theresa May who said ..." parsed with "said" joined to the main
                # verb: a relative pronoun still stands for the noun right before it, whatever the arc
                b = _noun_before(p, text, c)
                if b is not None:
                    return name_span(p, text, b)
            if word in _EXPLETIVE and not (word == "it" and _referential_it(p, text, v)):
                return None
            if p.tags[c].startswith("JJ"):
                # "Current and former officials": the adjective's conjoined noun ends the phrase
                conj = [g for g in p.children(c) if p.deps[g] == "conj" and p.tags[g].startswith("NN")]
                if conj:
                    return (name_span(p, text, c)[0], name_span(p, text, conj[-1])[1])
            return name_span(p, text, c)
        if p.deps[c] == "agent":  # "was told by X", "was quoted by X"
            for g in p.children(c):
                if p.deps[g] == "pobj":
                    return name_span(p, text, g)
    if p.deps[v] == "relcl" and p.heads[v] != v:
        return None
    h = p.heads[v]
    if depth < 3 and p.deps[v] == "acl" and p.tags[v] == "VBG" and p.tags[h].startswith(("NN", "PRP")):
        # "recalled the pilot telling the passengers: “...”": the noun the participle describes
        # speaks; a document ("issued a statement saying") speaks for whoever issued it
        hv = p.heads[h]
        if (
            p.is_verb(hv)
            and (
                text[p.starts[h] : p.ends[h]].lower() in DOCUMENTS
                # the noun speaks after a verb of perception or memory ("recalled the pilot telling", "an ad
                # featuring voters saying"); otherwise it is an addressee ("emailed supporters saying") and
                # the verb's subject speaks
                or text[p.starts[hv] : p.ends[hv]].lower() not in WITNESS
            )
        ):
            return subject(p, text, hv, depth + 1)
        return name_span(p, text, h)
    if depth < 3 and p.deps[v] in ("advcl", "xcomp", "ccomp", "dep") and p.tags[v] == "VBG" and h != v:
        # "He recalled the pilot telling the passengers: ..." read with the participle on the verb: after
        # a verb of perception or memory the object right before the -ing verb is its subject (a gerund
        # clause, ``object_clauses``); after other verbs it is the addressee and the verb's subject speaks
        objs = [
            c for c in p.children(h) if p.deps[c] == "dobj" and c < v and p.tags[c].startswith(("NN", "PRP"))
        ]
        if (
            objs
            and text[p.starts[h] : p.ends[h]].lower() in WITNESS
            and gerund_after_object(p, text, h, objs[-1]) == v
            and remembers(p, text, h, objs[-1])
        ):
            return name_span(p, text, objs[-1])
    if p.deps[v] == "xcomp" and h != v:
        # object control: "prompted Rubio to call Trump ...", "persuaded him to endorse ...": the
        # object of the verb above is the one who speaks
        objs = [
            c for c in p.children(h) if p.deps[c] == "dobj" and c < v and p.tags[c].startswith(("NN", "PRP"))
        ]
        if objs and text[p.starts[objs[0]] : p.ends[objs[0]]].lower() not in _EXPLETIVE:
            return name_span(p, text, objs[0])
    if (
        depth == 0
        and p.deps[v] == "conj"
        and p.tags[v] in ("VBD", "VBZ", "VBP")
        and v > 0
        and text[p.starts[v - 1] : p.ends[v - 1]] == ","
    ):
        # "..., Brendan Buck, a spokesman for Ryan, told POLITICO": a finite verb joined to the clause
        # before by a bare comma (no "and") is a parse slip; the name set off right before it speaks
        lost = _lost_subject(p, text, v)
        if lost is not None:
            return lost
    if (
        depth < 3
        and p.deps[v] == "conj"
        and v > 0
        and p.deps[v - 1] == "cc"
        and p.heads[v - 1] not in (h, v)
        and _no_one(text, subject(p, text, h, depth + 1))
    ):
        # "it felt as if ... before the captain came back on the intercom and said: ...": the parser hung
        # the conjunct on a verb with no one for subject ("it felt as if") but its "and" on the verb it truly
        # joins ("came"), which shares its subject with the conjunct (where the verb it hangs on has a
        # subject, "X said that ... needed ..., and added", that subject is the conjunct's)
        joined = p.heads[v - 1]
        if p.is_verb(joined) and joined < v:
            got = subject(p, text, joined, depth + 1)
            if got is not None:
                return got
    if depth < 3 and p.deps[v] in ("conj", "advcl", "xcomp") and h != v:
        # "Clinton posted a comment, saying that ...", "He declined to comment but said ..."
        if p.deps[h] in ("acomp", "attr") and p.heads[h] != h:
            h = p.heads[h]  # "voters are more likely to say": the subject of "are"
        got = subject(p, text, h, depth + 1)
        if got is not None and depth < 2 and p.deps[h] == "ccomp" and abstract_head(text[got[0] : got[1]]):
            # "Abe said Japan's security situation was severe, referring to ...": the parser hung the
            # participle or the second verb on the reported clause, whose subject is a state or an act
            # (``speaker_kinds``) that says nothing; the verb is the reporting clause's
            outer = subject(p, text, p.heads[h], depth + 2)
            if outer is not None:
                return outer
        if got is not None and depth < 2 and p.deps[v] == "advcl" and p.tags[v] == "VBG":
            outer = _outside_noun_clause(p, text, h, v, depth)
            if outer is not None:
                return outer
        if got is not None and p.deps[v] == "advcl" and p.tags[v] == "VBG":
            agent = _agent_in_between(p, text, h, v)
            if agent is not None:
                return agent
        return got
    if depth < 2 and p.deps[v] == "pcomp" and p.deps[h] == "prep":
        # "Xi replied by saying he ...", "stopped short of calling for", "aside from stating": a gerund
        # after a preposition takes the subject of the verb the phrase modifies, through an adverb the
        # preposition hangs on ("short of", "aside from")
        hv = p.heads[h]
        if p.deps[hv] == "advmod" and p.tags[hv].startswith("RB") and hv != p.heads[hv]:
            hv = p.heads[hv]
        if p.is_verb(hv):
            passive = next((c for c in p.children(hv) if p.deps[c] == "nsubjpass"), None)
            if passive is not None and p.word(text, hv) not in SPEECH_OR_BELIEF:
                # "she was suspended after slamming the vote": the gerund's understood subject is the
                # clause's grammatical subject, passive or not (not after a passive cue: "was accused of
                # lying" puts the accused in the subject, not the accuser)
                return name_span(p, text, passive)
            return subject(p, text, hv, depth + 1)
    if depth == 0 and p.deps[v] == "ROOT" and p.tags[v] in ("VBD", "VBZ", "VBP"):
        return _lost_subject(p, text, v)
    return None


def _outside_noun_clause(p: Parse, text: str, h: int, v: int, depth: int) -> tuple[int, int] | None:
    """ "The Bureau rejected claims that the funds had anything to do with it, stating, “...”": the parser
    hangs the participle on the verb of a "that" clause complementing a noun ("claims that", "reports
    that"); that clause is content someone else put forward, and a participle set off by a comma after
    it goes with the clause holding the noun (signal: a noun's complement clause is reported content,
    its subject no agent of the sentence's act). The subject of the verb that governs the noun."""
    if p.deps[h] != "acl" or not any(
        p.deps[c] == "mark" and p.word(text, c).lower() == "that" for c in p.children(h)
    ):
        return None
    if v == 0 or p.word(text, v - 1) != ",":
        return None
    noun = p.heads[h]
    verb = p.heads[noun]
    if p.deps[noun] not in ("dobj", "pobj") or not p.tags[noun].startswith("NN"):
        return None
    if p.deps[noun] == "pobj" and p.deps[verb] == "prep":
        verb = p.heads[verb]  # "denied the report of claims that": through the preposition
    if verb == noun or not p.is_verb(verb):
        return None
    return subject(p, text, verb, depth + 2)


def _agent_in_between(p: Parse, text: str, h: int, v: int) -> tuple[int, int] | None:
    """ "Word of the seizure emerged after Mr. Trump used a post ..., warning that ...": the parser hangs
    the participle on the main verb, whose subject is a common noun naming a thing ("word", "news") that
    cannot speak; the clause between them ("after Mr. Trump used") has a named or pronoun subject, the
    agent the reader takes the participle's action from. Signal: a participial adjunct's understood
    subject is the nearest agent in focus when the grammatical one is no possible speaker."""
    ns = next((c for c in p.children(h) if p.deps[c] in ("nsubj", "nsubjpass")), None)
    if ns is None or p.tags[ns] not in ("NN", "NNS") or p.word(text, ns).lower() in PERSONISH:
        return None
    if any(p.tags[c] in ("NNP", "NNPS") for c in p.children(ns) if p.deps[c] in ("compound", "poss")):
        return None  # "the Kremlin spokesman": a named owner may speak through the noun
    found = None
    for a in p.children(h):
        if p.deps[a] != "advcl" or not (ns < a < v):
            continue
        sub = next((c for c in p.children(a) if p.deps[c] == "nsubj"), None)
        if sub is not None and (p.tags[sub] in ("NNP", "NNPS") or p.word(text, sub).lower() in ("he", "she")):
            found = name_span(p, text, sub)
    return found


_COPULAS = frozenset(["is", "was", "are", "were", "'s", "’s", "be", "been", "remains", "became"])


def _relative_head(p: Parse, text: str, v: int, pron: int) -> int:
    """The noun a relative clause (verb ``v``, relative pronoun ``pron``) describes: its parse head, unless
    the parser hung the clause across a verb on a far noun while a noun stands right before "who"
    ("Telegram ... was singled out by prime minister Theresa May who said ...": May, not Telegram). A
    personal relative pronoun follows the noun it stands for (at most a comma between); a head with a verb
    between it and the pronoun lies in another clause, which no relative clause can reach."""
    h = p.heads[v]
    b = _noun_before(p, text, pron)
    if b is None or h >= b or not any(p.is_verb(k) for k in range(h + 1, b)):
        return h
    return b


def _noun_before(p: Parse, text: str, pron: int) -> int | None:
    """The noun right before a personal relative pronoun ("who", "whom"; a comma may sit between), the
    one it stands for; None for another word or a pronoun after a verb or a preposition (a question:
    "asked who said it", "the question of who said it")."""
    if text[p.starts[pron] : p.ends[pron]].lower() not in ("who", "whom") or pron == 0:
        return None
    b = pron - 1
    if text[p.starts[b] : p.ends[b]] == "," and b > 0:
        b -= 1
    if not p.tags[b].startswith("NN") or p.deps[b] == "compound":
        return None
    return b


def _lost_subject(p: Parse, text: str, v: int) -> tuple[int, int] | None:
    """The subject of a finite main verb the parser left without one: "In a message to Clinton, Tanden,
    head of the Center, recounted ...", where the name was hung on the noun before it as an appositive.
    Signal: a finite verb has a subject; a name (with its own appositive) set off by a comma right before
    the verb, or before a participle phrase set off by commas, is it."""
    k = v - 1
    for c in p.children(v):
        if (
            c < v
            and p.rights[c] == k
            and p.deps[c] in _MISREAD_SUBJECT
            and p.tags[c].startswith(("NN", "CD"))
            and p.sent[p.lefts[c]] == p.sent[v]
            and not any(ch in QUOTE_CHARS for ch in text[p.starts[p.lefts[c]] - 1 : p.starts[v]])
        ):
            # "About 4 in 10 say they ...": a noun phrase right before the finite verb, hung on it
            # under another label, is its subject (a finite verb has one)
            return name_span(p, text, c)
    if k >= 0 and text[p.starts[k] : p.ends[k]] == ",":
        k -= 1
    # "the newspaper Chosun Ilbo, quoting anonymous sources, reported": a participle phrase set off by
    # commas between the name and its verb is skipped (the name before it is the subject)
    aside = next(
        (
            a
            for a in range(max(0, k - 12), k + 1)
            if p.tags[a] == "VBG" and p.rights[a] == k and a > 1 and text[p.starts[a - 1] : p.ends[a - 1]] == ","
        ),
        None,
    )
    if aside is not None and p.lefts[aside] == aside:
        k = aside - 2
    if k < 0 or p.sent[k] != p.sent[v]:
        return None
    chain = [a for a in range(max(0, k - 40), k + 1) if p.deps[a] == "appos" and p.rights[a] == k]
    if not chain:
        return None
    a = min(chain, key=lambda t: p.lefts[t])
    if not p.tags[a].startswith("NNP"):
        # "Tanden, head of the Center,": the name is the appositive sibling just before the role noun
        sib = [
            b
            for b in p.children(p.heads[a])
            if p.deps[b] == "appos" and b < a and p.tags[b].startswith("NNP")
        ]
        head = p.heads[a]
        if sib and p.rights[sib[-1]] + 2 >= p.lefts[a]:
            a = sib[-1]
        elif (
            head < a
            and p.tags[head].startswith("NNP")
            and p.deps[head] not in ("pobj", "dobj", "dative")  # "In a statement to the Observer, her ..."
            and p.sent[head] == p.sent[v]
        ):
            # "Senator Harry Reid, the minority leader, said": the name the role noun is set beside
            a = head
        else:
            return None
    if "\n" in text[p.starts[a] : p.starts[v]]:
        return None
    return name_span(p, text, a)


def _referential_it(p: Parse, text: str, v: int) -> bool:
    """Whether "it" as the subject of ``v`` stands for something that speaks or holds a view ("It said
    that ...", "It accuses the FDIC of ...", "it expects to collect ...": a company, a paper, a report).
    Signal: an expletive "it" never takes an active cue verb (it comes with "be", "seem", passives: "it
    is expected that"); a cue of speech or cognition in the active voice has a real subject. On PolNeAR
    train the cognition verbs with "it" were annotated 36 times in 39."""
    word = text[p.starts[v] : p.ends[v]].lower()
    lemma = SPEECH_OR_BELIEF.get(word)
    if lemma is None or lemma == "continue":
        return False
    return not any(p.deps[c] in ("auxpass", "nsubjpass", "expl") for c in p.children(v))


QUOTE_CHARS = frozenset('"“”‘’«»')  # '"Meh," wrote a Trump supporter': a quoted word is no subject
_MISREAD_SUBJECT = frozenset(["nummod", "npadvmod", "dep", "nmod", "compound", "dobj", "attr"])
_QUANTIFIERS = frozenset(["many", "some", "most", "all", "both", "several", "few", "each", "none", "half"])


def _quantified(p: Parse, text: str, c: int) -> int | None:
    """The noun a quantifier subject takes with "of" ("many of whom", "most of the voters"), else None."""
    if text[p.starts[c] : p.ends[c]].lower() not in _QUANTIFIERS:
        return None
    for pr in p.children(c):
        if text[p.starts[pr] : p.ends[pr]].lower() == "of":
            return next((g for g in p.children(pr) if p.deps[g] == "pobj"), None)
    return None


def misread_verb(p: Parse, text: str, i: int) -> bool:
    """A third-person cue form the tagger read as a plural noun at the head of its sentence ("Trump
    predicts that ...", "The nearly 90-second ad slams Kasich for ..."): a noun that heads the sentence
    and governs a clause or an object, with the speaker's words before it as modifiers, is the verb."""
    if (
        p.deps[i] != "ROOT"
        or p.tags[i] not in ("NNS", "NNPS")
        or not text[p.starts[i] : p.ends[i]].lower().endswith("s")
    ):
        return False
    kids = p.children(i)
    return p.lefts[i] < i and any(
        c > i and (p.deps[c] in ("dobj", "ccomp") or any(p.deps[m] == "mark" for m in p.children(c)))
        for c in kids
    )


def noun_phrase_before(p: Parse, text: str, v: int) -> tuple[int, int] | None:
    """The speaker of a misread verb: the modifiers the parser hung before it ("Trump", "The ad")."""
    left = p.lefts[v]
    while left < v and text[p.starts[left]] in PUNCT_EDGE:
        left += 1
    return p.span(left, v - 1) if left < v and "\n" not in text[p.starts[left] : p.starts[v]] else None


def name_before_cue(p: Parse, v: int) -> tuple[int, int] | None:
    """The proper name written right before a finite verb of saying that has no subject of its own ("In
    a meeting with the editorial board of the Washington Post Trump said that ..."): the parser hung the
    name on the fronted phrase whose comma the writer left out. Signal: English is subject-verb; a
    finite cue with no subject takes the proper name touching it."""
    if v == 0 or p.tags[v] not in ("VBD", "VBZ"):
        return None
    if any(p.deps[c] in ("nsubj", "nsubjpass", "expl", "csubj") for c in p.children(v)):
        return None
    k = v - 1
    if p.tags[k] != "NNP" or p.heads[k] == v or p.sent[k] != p.sent[v] or p.ends[k] + 1 < p.starts[v]:
        return None
    if p.deps[k] not in ("pobj", "compound", "appos", "conj", "dobj"):
        return None
    # the capitalised words before it may end the fronted phrase's own name ("the Washington Post
    # Trump"): the word touching the verb is the speaker (a surname resolves to the full name)
    return p.starts[k], p.ends[k]
