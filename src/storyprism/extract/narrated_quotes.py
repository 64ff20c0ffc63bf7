"""An untagged quote in the first person right after a sentence that narrates one named person is that
person's (issue 12, round 25).

"While the situation was frustrating for everyone on board, Teigen was taking it in stride and saw
amusement in the baffling situation. 'I don't know why I'm not more upset about this. ...'": news
writing sets a person's words right after the sentence that tells what the person did or felt, without
a speech verb; the words speak of themselves ("I", "my", "we"), so they are the narrated person's.

Signal: a direct quote no rule gave a speaker, in the first person, opening in the same paragraph right
after a sentence of narration (no quotation marks of its own) whose clause subjects name exactly one
person. A sentence about two people, or none, leaves the quote as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.parse import Parse
from storyprism.extract.speakers import DocContext, Ent

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

# the words speak of the speaker ("I", "I'm", "my", "we", "our")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|me|my|mine|myself|we|we['’](?:re|ve|ll)|us|our)\b")
# the sentence right before the quote's opening mark, in its paragraph
_LAST_SENTENCE = re.compile(r"([^.!?\n]*[.!?])\s*[\"'“‘]?\s*$")
_MARKS = re.compile(r"[\"“”‘’]|(?<!\w)'|'(?!\w)")


def narrated_speaker(text: str, ctx: DocContext, found: list[Found]) -> None:
    """Give an untagged first-person quote to the one person the sentence before it narrates."""
    if ctx.parse is None:
        return
    for q in found:
        if not q.direct or q.speaker or not _FIRST_PERSON.search(q.text):
            continue
        para = text.rfind("\n", 0, q.start) + 1
        lead = _LAST_SENTENCE.search(text, para, q.start)
        if lead is None:
            continue
        s, e = lead.span(1)
        if _MARKS.search(text, s, e):
            continue  # the sentence quotes someone itself: its words, not narration
        names = {
            ctx.full_name(x.text, x.start): x
            for x in ctx.ents
            if s <= x.start < e and _person(ctx, x) and _is_subject(ctx.parse, x)
        }
        if len(names) != 1:
            continue
        ((name, person),) = names.items()
        q.speaker, q.speaker_span = name, (person.start, person.end)


def _person(ctx: DocContext, x: Ent) -> bool:
    """A person's mention: typed PERSON, or a word the text writes elsewhere as a person's name or its
    last word ("Teigen" typed ORG after "Chrissy Teigen" typed PERSON)."""
    word = x.text.strip()
    return x.label == "PERSON" or word in ctx.full or any(p.text.split()[-1:] == [word] for p in ctx.persons)


def _is_subject(p: Parse, x: Ent) -> bool:
    """Whether the mention is a clause subject, or joined to one ("Teigen and Legend were ...": both)."""
    subjects = ("nsubj", "nsubjpass")
    return any(
        p.deps[t] in subjects or (p.deps[t] == "conj" and p.deps[p.heads[t]] in subjects)
        for t in p.tokens_in(x.start, x.end)
    )
