"""Lines that open with a name and a colon: a headline's "Name: claim" and a transcript's "LABEL: words".

Split from ``quotes``. General signals: the news headline convention gives a claim after its
source's name and a colon ("Pence: Trump Was ‘Mocking’ Clinton Camp"); a transcript sets each turn
after its speaker's label.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.speakers import DocContext, resolve
from storyprism.extract.tags import CAPTION_LABELS
from storyprism.extract.text import paragraphs

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

_COLON_LINE = re.compile(r"(?P<spk>[A-Z][^:\n“”\"‘’]{0,70}?)\s*:\s+(?P<content>[^\n]{12,})")
# after the name, only "on <topic>" / "to <addressee>" / "at <venue>" may come before the colon
_COLON_TAIL = re.compile(r"(?:\s+(?:on|to|at|in|about)\s+[^:]{1,60})?\s*$")


def find_colon_lines(text: str, ctx: DocContext, taken: list[tuple[int, int]]) -> list[Found]:
    """A line that opens with a name and a colon carries that name's words or stance: the news
    headline convention ("Pence: Trump Was ‘Mocking’ Clinton Camp", "Obama to Asians Worried About
    U.S. Election: It’s Going To Be OK") and transcripts ("TAPPER: Do you think ..."). The name must be
    a PERSON or an organisation spaCy found at the line's start, or a transcript label in capitals that
    is the surname of a person in the text; "Related:", "Photo:", "UPDATE:" name no one."""
    from storyprism.extract.quotes import Found as Record  # late: quotes imports this module

    out: list[Found] = []
    # surnames as written in running text ("Jake Tapper" -> "TAPPER"), not labels in capitals themselves
    surnames = {e.text.split()[-1].upper(): e for e in ctx.persons if e.text.split() and not e.text.isupper()}
    for ps, pe in paragraphs(text):
        m = _COLON_LINE.match(text, ps, pe)
        if not m:
            continue
        s0, s1 = m.span("spk")
        cs, ce = m.span("content")
        if text[s0:s1].split()[-1].lower() in CAPTION_LABELS:
            # "Ann Lee Photographer: X/Agency": a caption's credit label ends the line's opening, so
            # the name before it is who is pictured and what follows is a credit, no one's words
            continue
        # a person anywhere; an organisation only in the headline, the first line ("NY Daily News:
        # ..."): further down "MotorSport:" or "CNET Magazine:" label a list item or a promo block
        labels = ("PERSON", "ORG") if not text[:ps].strip() else ("PERSON",)
        ent = next((e for e in ctx.ents if e.start == s0 and e.end <= s1 and e.label in labels), None)
        if text[s0:s1].isupper():
            ent = None  # "MILKFLOAT:", "DRIVER OF THE DAY:": a label in capitals only names a known person
        if ent is not None and not _COLON_TAIL.fullmatch(text, ent.end, s1):
            ent = None
        span = (ent.start, ent.end) if ent is not None else None
        label = text[s0:s1]
        if span is None and label.isupper() and label.isalpha() and label in surnames:
            span = (s0, s1)  # "TRUMP: The deaths of ..." in a transcript
        speaker = None
        if span is None and not text[:ps].strip():
            # the headline ("Marsh: No outside pressure on inquiry", "Gov. Marsh: ..."): the NER often
            # misses a bare surname in title case before a colon; a label that ends in the surname of a
            # person the story names in full is that person (signal: a headline names its source by the
            # surname the story then introduces)
            named = _surname_label(text, ctx, s0, s1)
            if named is not None:
                span, speaker = named
        while ce > cs and text[ce - 1] in " .":
            ce -= 1
        if span is None or len(text[cs:ce].split()) < 3:
            continue
        if any(a < ce and cs < b for a, b in taken):
            continue  # quoted words after the colon are a direct quote, attributed there
        speaker = speaker or resolve(ctx, span)
        if not speaker:
            continue
        out.append(
            Record(cs, ce, " ".join(text[cs:ce].split()), False, "say", speaker, span, parts=[(cs, ce)])
        )
    return out


_LABEL_WORD = re.compile(r"[A-Z][\w'’.-]*")


def _surname_label(text: str, ctx: DocContext, s0: int, s1: int) -> tuple[tuple[int, int], str] | None:
    """(span, full name) when the headline label ``text[s0:s1]`` ends in the surname of a person named
    in the text (an "at/on/to ..." tail after it allowed), else None."""
    tail = _COLON_TAIL.search(text, s0, s1)
    end = tail.start() if tail is not None and tail.start() > s0 else s1
    words = list(_LABEL_WORD.finditer(text, s0, end))
    if not words or words[-1].end() != end or len(words) > 5:
        return None
    last = words[-1].group(0)
    full = ctx.full.get(last) or ctx.full.get(last.upper())
    if full is None:
        return None
    return (words[-1].start(), words[-1].end()), full
