"""Definite common-noun phrases that stand for people already named: "the couple" (the two people
named last), "the pathologist" (the person the text called a pathologist), "the student" (the person
an apposition just introduced as one) and "the comedian" (the one person the text described as one)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ROLE_SYNONYMS
from storyprism.extract.person_nouns import DESCRIPTIONS, OCCUPATIONS, PERSON_NOUNS

if TYPE_CHECKING:
    from storyprism.extract.speakers import DocContext


def last_two(ctx: DocContext, pos: int) -> str | None:
    """ "Kris Jenner filed for divorce from Bruce Jenner ... The couple acknowledged": the two people
    named last, in the sentence or two before (within 300 characters, none inside a quote). A name
    the NER typed as a body but joined by "and" to a person ("Miranda Kerr and Orlando Bloom") is a
    person too: coordination joins like with like."""
    names: list[str] = []
    ends = {p.end for p in ctx.persons}
    joined = [
        x
        for x in ctx.ents
        if x.label == "ORG" and x.start - 5 in ends and ctx.text[x.start - 5 : x.start] == " and "
    ]
    for p in sorted([*ctx.persons, *joined], key=lambda x: x.start, reverse=True):
        if p.end > pos:
            continue
        if pos - p.end > 300 or len(names) == 2:
            break
        if any(qs <= p.start < qe for qs, qe in ctx.quoted):
            continue
        name = ctx.full_name(p.text, p.start)
        if name not in names:
            names.append(name)
    return f"{names[1]} and {names[0]}" if len(names) == 2 else None


def practitioner(ctx: DocContext, noun: str, pos: int) -> str | None:
    """The named person a definite practitioner noun ("the pathologist", "the astrologer") stands for:
    the last one mentioned before ``pos`` whom the text gave that noun as a title ("pathologist Ana
    Ruiz"), else None. News brings such experts in *about* the person the story is about ("Tom Hale
    died ... the pathologist said"), so, unlike "the singer" in a profile, the noun never falls back to
    the story's subject (signal: a definite noun refers to whoever the text already called by it)."""
    best: tuple[int, str] | None = None
    for p in ctx.persons:
        if p.start >= pos or any(qs <= p.start < qe for qs, qe in ctx.quoted):
            continue
        name = ctx.full_name(p.text, p.start)
        if noun in ctx.titles.get(name, ()) and (best is None or p.start > best[0]):
            best = (p.start, name)
    return best[1] if best else None


# a person's noun a definite description may repeat after the text gave it to a name in apposition
_APPOSED_NOUNS = frozenset(OCCUPATIONS | DESCRIPTIONS | PERSON_NOUNS | ROLE_SYNONYMS.keys())
_INTRODUCED_WINDOW = 600  # characters back to the introducing apposition


def introduced_as(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """ "Tiffany Marchbanks, an American student living in Nice, was watching ... The student described
    ...": a definite "the <noun>" whose latest earlier mention of that noun is an apposition to a name
    stands for that name. Signal: definite anaphora; a noun phrase set beside a name describes the
    person named, and a definite repetition of its noun refers back to its latest mention. None when
    that latest mention is anything else (another person, a generic use)."""
    words = low.split()
    p = ctx.parse
    if p is None or not 2 <= len(words) <= 3 or words[0] != "the" or words[-1] not in _APPOSED_NOUNS:
        return None
    s = span[0]
    noun = words[-1]
    # only the sentence or two before: further on, "the pilot" is more often the one a scene implies
    # (the flight's pilot) than an expert introduced paragraphs earlier ("Buck Rodger, airline pilot")
    for t in reversed(p.tokens_in(max(0, s - _INTRODUCED_WINDOW), s)):
        if p.word(ctx.text, t).lower() != noun or any(qs <= p.starts[t] < qe for qs, qe in ctx.quoted):
            continue
        h = p.heads[t]
        if p.deps[t] != "appos" or h >= t or not p.tags[h].startswith("NNP"):
            return None  # the latest mention is no apposition to a name
        if not any(p.deps[c] == "det" and p.word(ctx.text, c).lower() in ("a", "an") for c in p.children(t)):
            return None  # "X, airline pilot and president of ...": a bare title, not an introduction
        name = next((x for x in ctx.persons if x.start <= p.starts[h] < x.end), None)
        if name is not None:
            return ctx.full_name(name.text, name.start)
        # a name the NER typed as a body: the person noun beside it says it is a person's
        typed = next(
            (x for x in ctx.ents if x.start <= p.starts[h] < x.end and x.label in ("ORG", "PRODUCT")), None
        )
        return _norm(typed.text) if typed is not None and typed.end <= p.ends[h] else None
    return None


def _norm(mention: str) -> str:
    from storyprism.extract.speakers import norm_name  # speakers imports this module

    return norm_name(mention)


_DESCRIBED_WINDOW = 3000  # characters back to look for the description


def described_person(ctx: DocContext, noun: str, pos: int) -> str | None:
    """ "Comedian Sarah Silverman announced that she and her boyfriend, British actor Michael Sheen, had
    split ... the comedian said": a definite description ("the comedian") refers back to the one person
    the text gave that noun to, not to the last person who was a clause subject (the boyfriend). Signal:
    definite anaphora by the same noun; a noun in title position right before a name ("Comedian Sarah
    Silverman", "actor Michael Sheen") or heading an apposition after it ("Sarah Silverman, the
    comedian,") describes that person; a possessive ("the singer's husband, John") describes someone else
    and is not matched. ``noun`` is the whole description after "the" ("four-times champion"): a
    "world champion" named earlier is not "the four-times champion". None unless exactly one person was
    so described before ``pos``."""
    text = ctx.text
    word = r"\s+".join(re.escape(w) for w in noun.split())
    title = re.compile(rf"(?:^|(?<=[^\w’'-])){word}\s+$", re.IGNORECASE)
    # the noun heads the apposition: modifiers before it, no preposition ("Thurman, the muse of director
    # Tarantino" describes no director), and the apposition closes ("choking Thurman, the director told
    # Deadline": a fronted phrase, then the clause's own subject)
    appos = re.compile(
        rf",\s+(?:an?|the)\s+(?:(?!(?:of|for|to|with|by|from|in|at|on)\b)[\w-]+\s+){{0,3}}?{word}(?=\s*(?:[,;.)—–]|who\b))",
        re.IGNORECASE,
    )
    names: set[str] = set()
    for p in ctx.persons:
        if p.end > pos or pos - p.start > _DESCRIBED_WINDOW:
            continue
        if any(qs <= p.start < qe for qs, qe in ctx.quoted):
            continue  # a name inside someone's quoted words
        # the NER may take the title into the name ("Comedian Sarah Silverman")
        own = re.match(rf"{word}\s+[A-Z]", p.text, re.IGNORECASE) is not None
        if own or title.search(text, max(0, p.start - 40), p.start) or appos.match(text, p.end):
            name = re.sub(rf"^{word}\s+", "", p.text, flags=re.IGNORECASE) if own else p.text
            names.add(ctx.full_name(name, p.start))
    return names.pop() if len(names) == 1 else None
