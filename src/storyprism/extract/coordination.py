"""Group speakers: joint subjects ("Michael Sheen and Sarah Silverman joked", "The UK and U.S. said")
and the group a "they" stands for.

A cue whose subject is a coordination of names is said by all of them; the parse and the patterns
give only one conjunct (the head, or the last name before the verb). General signal: the speaker
phrase's head has ``conj`` siblings joined by "and", each a proper name. The speaker becomes the
names joined by "and" (each resolved to the document's full name), and the speaker span covers the
whole coordination.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from storyprism.extract.parse import Parse
from storyprism.extract.speakers import SPEAKER_LABELS, DocContext, norm_name, resolve
from storyprism.extract.subjects import name_span

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

# what may stand between two names of one joint subject: a comma, "and", an article
_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?:and|&)\s+)?(?:the\s+)?", re.IGNORECASE)


def joint_span(parse: Parse, text: str, span: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The name spans of the whole coordination a speaker span is one conjunct of, or None."""
    toks = [
        t for t in parse.tokens_in(span[0], span[1]) if not text[parse.starts[t] : parse.ends[t]].isspace()
    ]
    if not toks:
        return None
    # the token heading the span: its head lies outside it
    head = next((t for t in toks if not span[0] <= parse.starts[parse.heads[t]] < span[1]), toks[-1])
    first = head
    while parse.deps[first] == "conj" and parse.heads[first] != first:
        first = parse.heads[first]
    if parse.deps[first] not in ("nsubj", "nsubjpass"):
        return None  # only the subject of a cue speaks: "met Putin and Xi" names no joint speaker
    conj = _conjuncts(parse, first)
    if len(conj) < 2 or not any(
        text[parse.starts[c] : parse.ends[c]].lower() in ("and", "&") for k in conj for c in parse.children(k)
    ):
        return None  # "X or Y", "X but not Y": not a joint statement
    if not all(parse.tags[k] in ("NNP", "NNPS") for k in conj):
        return None  # "Trump and his aides", "the company and its lawyers": a name with a group
    spans = [name_span(parse, text, k) for k in conj]
    for (_, e1), (s2, _) in pairwise(spans):
        m = _JOINER.match(text, e1)
        if m is None or m.end() < s2 or "\n" in text[e1:s2]:
            return None  # something else stands between them (a clause, an appositive)
    return spans


def join_names(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _conjuncts(parse: Parse, first: int) -> list[int]:
    out = [first]
    k = first
    while True:
        nxt = [c for c in parse.children(k) if parse.deps[c] == "conj" and c > k]
        if not nxt:
            return out
        k = nxt[0]
        out.append(k)


def joint_speakers(text: str, ctx: DocContext, parse: Parse, found: list[Found]) -> None:
    """Give each quote whose speaker is one name of a joint subject all the names."""
    for q in found:
        if not q.speaker_span:
            continue
        spans = joint_span(parse, text, q.speaker_span)
        if spans is None:
            continue
        # every conjunct must be a name the NER found (a person, a body, a country), each resolved on
        # its own ("U.S. Defense Secretary Jim Mattis" -> "Jim Mattis")
        if not all(
            any(x.start < e and s < x.end and x.label in SPEAKER_LABELS for x in ctx.ents) for s, e in spans
        ):
            continue
        names: list[str] = []
        for sp in spans:
            name = resolve(ctx, sp)
            if name not in names:
                names.append(name)
        if len(names) < 2:
            continue
        q.speaker_span, q.speaker = (spans[0][0], spans[-1][1]), join_names(names)
        if q.via and q.via in names:
            q.via = None


def they_group(text: str, parse: Parse, ctx: DocContext, pos: int) -> tuple[tuple[int, int], str] | None:
    """The group a "they" speaker stands for: the last plural subject before it within 400 characters
    and outside quotes ("Panama's leaders have expressed dismay ... They admit that ...", "Actors
    Chris Pratt and Anna Faris announced ... “...,” they said"), a plural noun or names joined by
    "and"."""
    k = parse.token_at(pos) - 1
    # distance outside quotations: the words a group is quoted saying keep it in focus ("The organisers
    # said ... “<a long quote>” ... “...,” they said"), as for "he" (``DocContext.narrative_gap``);
    # summed while walking back, so a quote-dense paragraph costs one pass, not one pass per token
    gap = _GapWalk(text, ctx.quoted, pos)
    while k >= 0 and gap.back_to(parse.starts[k]) <= 400:
        if (
            parse.deps[k] in ("nsubj", "nsubjpass")
            and parse.tags[k].startswith("NN")  # not a pronoun or a relative ("an industry that has")
            and parse.deps[parse.heads[k]] != "relcl"
            and not gap.inside
            # "Inspectors also say that unlicensed traders sell ... They also report": the subject of
            # a clause someone reports is part of what they said; the one who said it is the group a
            # next "they" continues (signal: the reporting clause's subject is the topic, not the content's)
            and not (parse.deps[parse.heads[k]] == "ccomp" and parse.is_verb(parse.heads[parse.heads[k]]))
            # "Officials said ... the tourists who died when the bus left the road. They said": the subject
            # of an adverbial or a nominal's clause is background; a next "they" continues the subject of
            # a main clause (signal: centring, the main clause's subject is the centre of attention)
            and parse.deps[parse.heads[k]] not in _SUBORDINATE
        ):
            joined = [
                c for c in parse.children(k) if parse.deps[c] == "conj" and parse.tags[c].startswith("NN")
            ]
            word = text[parse.starts[k] : parse.ends[k]].lower()
            if word in _COLLECTIVE and parse.tags[k] == "NN":
                # "A family in the town said ... They identified them": a noun for a group of people
                # takes "they" though it is singular in form
                s, e = name_span(parse, text, k)
                return (s, e), resolve(ctx, (s, e))
            if word in ("couple", "pair", "duo"):
                # "The couple shocked fans ... when they revealed": a noun for two people is the two
                # people named last ("the couple" resolves to them), though the noun is singular
                s, e = name_span(parse, text, k)
                two = resolve(ctx, (s, e))
                return ((s, e), two) if " and " in two else None
            if parse.tags[k] in ("NNS", "NNPS") or joined:
                s, e = name_span(parse, text, k)
                if joined:
                    e = parse.ends[parse.rights[joined[-1]]]
                phrase = text[s:e]
                return (s, e), (norm_name(phrase) if joined else resolve(ctx, (s, e)))
            body = next(
                (x for x in ctx.ents if x.label == "ORG" and x.start <= parse.starts[k] < x.end), None
            )
            if body is not None and parse.tags[k] == "NNP":
                # "Northline Rail said ... They added": British news, and sports writing of teams, refer
                # to an organisation as "they" (signal: the last subject is a named body, not a person)
                return (body.start, body.end), norm_name(body.text)
            return None  # the last subject is one person or thing: "they" is someone else
        k -= 1
    return None


class _GapWalk:
    """``DocContext.narrative_gap(a, pos)`` for a start ``a`` that only moves back: characters outside
    the quotations, or the whole distance once a line break lies between (a new paragraph). Each call
    adds only the stretch walked since the last one, so a walk over many quotes stays linear."""

    def __init__(self, text: str, quoted: list[tuple[int, int]], pos: int) -> None:
        self.text = text
        self.quotes = sorted(q for q in quoted if q[0] < pos)
        self.qi = len(self.quotes) - 1  # the last quotation that may overlap what is walked next
        self.pos = self.at = pos
        self.outside = 0
        self.broken = False
        self.inside = False  # whether the last start reached lies inside a quotation

    def back_to(self, a: int) -> int:
        if a < self.at:
            if not self.broken and "\n" in self.text[a : self.at]:
                self.broken = True
            covered = 0
            while self.qi >= 0 and self.quotes[self.qi][1] > a:
                qs, qe = self.quotes[self.qi]
                covered += max(0, min(qe, self.at) - max(qs, a))
                if qs < a:
                    break  # this quotation goes on before ``a``: keep it for the next stretch
                self.qi -= 1
            self.outside += self.at - a - covered
            self.at = a
        self.inside = self.qi >= 0 and self.quotes[self.qi][0] <= a < self.quotes[self.qi][1]
        return self.pos - a if self.broken else self.outside


_SUBORDINATE = frozenset(["advcl", "acl", "relcl", "pcomp"])
# singular nouns for a group of people, which English refers back to with "they"
_COLLECTIVE = frozenset(
    ["family", "group", "crew", "band", "panel", "jury", "staff", "audience", "crowd"]
)
