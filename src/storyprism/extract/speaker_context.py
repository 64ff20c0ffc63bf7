"""Speakers read from the sentences around them (``quotes.find_quotes`` runs these last).

- ``role_pronoun_chain``: "The Nato spokesperson said ... He said ...": a "he"/"she" that speaks right
  after a quote by an unnamed person named by a role noun continues that speaker when no person is
  named in between; a name met before the role phrase (a photo credit, a caption) is no candidate.
- ``according_group``: "..., according to the researchers. With ..., they say ...": a "they" after an
  "according to" phrase whose object is a plural noun continues that group, the source the sentence
  before gave (the parse hangs "according to" on the clause, so no subject shows the group).
- ``body_in_apposition``: "X's son contacted Penelac, her electric provider, who confirmed ...": a
  description set off right after a named body stands for that body.
- ``caption_names``: a video caption line "Name on Topic" left between two paragraphs of one quotation
  names no speaker; the words go on with the quote before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.genders import person_noun_gender
from storyprism.extract.parse import Parse
from storyprism.extract.speakers import DocContext, norm_name, resolve

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

_PRONOUN_GENDER = {"he": "m", "she": "f"}


def context_speakers(text: str, ctx: DocContext, found: list[Found]) -> None:
    """The rules of this module that re-read speakers once all quotes are found."""
    role_pronoun_chain(text, ctx, found)
    body_in_apposition(text, ctx, found)
    caption_names(text, ctx, found)


def role_pronoun_chain(text: str, ctx: DocContext, found: list[Found]) -> None:
    """A "he"/"she" speaking within a few sentences after a quote whose speaker phrase is an unnamed
    role ("The Nato spokesperson said ...") goes on with that speaker. Signal: centring, the subject of
    the last reporting clause is the centre of attention; a person named before that clause was left
    behind by it. Only where no person is named between the role phrase and the pronoun, the role
    noun's gender agrees, and no paragraph break lies between."""
    ordered = sorted(found, key=lambda f: f.start)
    for k, q in enumerate(ordered):
        if q.speaker_span is None:
            continue
        pron = text[q.speaker_span[0] : q.speaker_span[1]].lower()
        if pron not in _PRONOUN_GENDER:
            continue
        prev = next((f for f in reversed(ordered[:k]) if f.speaker_span is not None), None)
        if prev is None or not prev.speaker or prev.speaker == q.speaker:
            continue
        ps, pe = prev.speaker_span  # type: ignore[misc]
        start = min(ps, prev.start)
        words = re.findall(r"[\w-]+", text[ps:pe])
        if not 2 <= len(words) <= 5 or words[0].lower() not in ("the", "a", "an"):
            continue  # a pronoun, a bare name or a long description
        gender = person_noun_gender(words[-1])
        if gender is None or gender not in ("?", _PRONOUN_GENDER[pron]):
            continue  # no person noun heads the phrase, or one of the other gender
        if any(x.start < pe and ps < x.end for x in ctx.persons):
            continue  # the phrase holds a name: ``resolve`` has read it
        lo, hi = max(pe, prev.end), q.speaker_span[0]
        if lo > hi or q.start - max(pe, prev.end) > 400 or "\n\n" in text[start:hi]:
            continue
        if any(ps <= x.start < hi for x in ctx.persons):
            continue  # someone named after the role phrase may be who the pronoun continues
        q.speaker = prev.speaker


def according_group(text: str, parse: Parse, ctx: DocContext, pos: int) -> tuple[tuple[int, int], str] | None:
    """The group a "they" speaker at ``pos`` stands for when the sentence before it, or its own, gives
    its source as "according to" a plural noun ("according to the researchers"); None otherwise.
    Signal: the source an "according to" phrase names is the topic of the report, as a reporting
    clause's subject is; a "they" right after it continues that source. Only within the previous
    sentence, and only a plural common noun (a named body is ``they_group``'s)."""
    para = max(0, pos - 400, text.rfind("\n\n", 0, pos) + 2)  # this paragraph, at most 400 characters back
    # the start of the sentence before the one holding the pronoun (news sites often set each sentence
    # on a line of its own, so a single line break ends a sentence but no paragraph)
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+|\n+", text[para:pos])]
    lo = para + (ends[-2] if len(ends) >= 2 else 0)
    best: tuple[int, int] | None = None
    for t in parse.tokens_in(lo, pos):
        if parse.word(text, t) != "according" or t + 1 >= len(parse) or parse.word(text, t + 1) != "to":
            continue
        objs = [c for c in parse.children(t + 1) if parse.deps[c] == "pobj"]
        if len(objs) != 1 or parse.tags[objs[0]] != "NNS":
            continue
        head = objs[0]
        best = (parse.starts[parse.lefts[head]], parse.ends[head])
    if best is None or any(best[1] <= x.start < pos for x in ctx.persons):
        return None  # someone named after the source may be who "they" takes in
    return best, resolve(ctx, best)


# a description of a body that opens with a possessive or an article and is all lower case
_DESCRIBED = re.compile(r"(?:his|her|its|their|the)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*")


def body_in_apposition(text: str, ctx: DocContext, found: list[Found]) -> None:
    """A speaker phrase that is a lower-case description ("her electric provider", "the city's
    utility") set off by a comma right after a named organisation speaks as that organisation.
    Signal: apposition, a noun phrase set off right after a name describes the named thing, and a
    journalist cites the name. Only where the phrase was left unresolved (the speaker is the phrase
    itself) and the name is an ORG the NER found."""
    for q in found:
        if q.speaker_span is None:
            continue
        s, e = q.speaker_span
        phrase = text[s:e]
        if not _DESCRIBED.fullmatch(phrase) or q.speaker != norm_name(phrase):
            continue
        body = next((x for x in ctx.ents if x.label == "ORG" and x.end < s and text[x.end : s] == ", "), None)
        if body is not None:
            q.speaker = norm_name(body.text)


# "Chris Grayling on Croydon tram crash": after the name, "on", then a topic in a few words, no verb or comma
_CAPTION_TAIL = re.compile(r"\s+on\s+[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,6}")


def caption_names(text: str, ctx: DocContext, found: list[Found]) -> None:
    """A direct quote given, with no verb of saying, to a name whose line reads "Name on Topic" and
    nothing else (an embedded video's caption, left between two paragraphs of one quotation) goes on
    with the quote that ends right before that line. Signals: a caption has no verb, and a quotation
    whose paragraphs each open with a mark continues across them."""
    ordered = sorted(found, key=lambda f: f.start)
    for k, q in enumerate(ordered):
        if not q.direct or q.cue or q.speaker_span is None or k == 0:
            continue
        s, e = q.speaker_span
        line_end = text.find("\n", e)
        if s != text.rfind("\n", 0, s) + 1 or not s < line_end < q.start:
            continue  # the name must open a line of its own before the quotation
        if not _CAPTION_TAIL.fullmatch(text[e:line_end].rstrip()):
            continue
        if not any(x.start == s and x.end == e for x in ctx.persons):
            continue
        prev = ordered[k - 1]
        if prev.direct and prev.end <= s and not text[prev.end : s].strip(" \n\"“”’'.,") and prev.speaker:
            q.speaker = prev.speaker
