"""Definite common-noun phrases that stand for people already named: "the couple" (the two people
named last) and "the pathologist" (the person the text called a pathologist)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
