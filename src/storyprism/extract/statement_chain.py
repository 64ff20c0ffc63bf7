"""A run of statements by one source: who a "he said" continues, and a statement nested before a tag.

Two conventions of news writing (issue 12, round 13), used by ``quotes.find_quotes``:

- *a pronoun tag continues the statement just made*: "Plemons found that part of the fun of playing
  Shatner came from his background. “Shatner's so entertaining,” he said." and "Tarantino thought he
  could direct the scene ..., but he says it was her idea": a "he"/"she" that tags a statement right
  after someone's reported statement, in the same paragraph, with no other person becoming a clause
  subject in between, is that statement's source. The names inside the reported content (the person
  talked about) or a cast name in brackets before it are not the centre of attention; the source is
  (centring theory: the subject of the previous utterance is the preferred antecedent).
- *a statement nested before a tag*: "Dr. Ada Lintz, the second surgeon, said by the time he arrived the
  patient was in a coma, “almost brain dead,” he said." The parser hangs the first clause on the final
  "he said", but that clause is a report in its own right: a named subject with its own verb of saying.
  Its content is what follows that verb and its source is that subject; the final tag then continues
  it (the rule above).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ALL_FORMS, PRONOUNS, SPEECH_LEMMAS
from storyprism.extract.parse import Parse
from storyprism.extract.speakers import DocContext

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

_PRONOUN_GENDER = {"he": "m", "she": "f"}
_NOT_PERSON = frozenset(["GPE", "NORP", "LOC", "FAC"])
# a proper name as a speaker phrase: one to four capitalised words ("Plemons", "Mr. Estrosi")
_PROPER = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*")
_MAX_GAP = 250  # characters from the end of the statement to the pronoun's tag: the next sentence at most


def _person_name(text: str, ctx: DocContext, p: Found) -> bool:
    """Whether ``p``'s speaker phrase is a person's proper name a "he"/"she" can stand for."""
    assert p.speaker_span is not None and p.speaker is not None
    s, e = p.speaker_span
    if not _PROPER.fullmatch(p.speaker) or not text[s:e][:1].isupper():
        return False
    last = p.speaker.split()[-1]
    surnames = {ctx.full_name(y.text, y.start).split()[-1] for y in ctx.persons}
    if text[s:e].lower() in PRONOUNS or last not in surnames:
        # the name of a person the text names as one somewhere (a surname the NER took for a body,
        # "Plemons" as ORG, still names the person introduced in full); "They" read as "Things" is no one
        return False
    # a name that is a place or a group where it stands ("Korea", "Britons") cannot be "he"
    return not any(
        x.start < e and s < x.end and last in x.text.split() and x.label in _NOT_PERSON for x in ctx.ents
    )


def statement_goes_on(text: str, ctx: DocContext, found: list[Found]) -> None:
    """A "he"/"she" tag right after a named person's statement continues that person (module doc)."""
    order = sorted(found, key=lambda f: f.start)
    for k, q in enumerate(order):
        if not q.speaker_span:
            continue
        pron = text[q.speaker_span[0] : q.speaker_span[1]].lower()
        if pron not in _PRONOUN_GENDER:
            continue
        tag_or_words = min(q.start, q.speaker_span[0])
        prev = [p for p in order[:k] if p.end <= tag_or_words]
        if not prev:
            continue
        p = max(prev, key=lambda f: f.end)
        if not p.speaker or not p.speaker_span or p.speaker == q.speaker or p.direct:
            continue  # a run of direct quotes is ``quotes._same_speaker_goes_on``'s
        if p.speaker_span[1] > tag_or_words or not _person_name(text, ctx, p):
            continue
        if ctx.gender.get(p.speaker) not in (None, _PRONOUN_GENDER[pron]):
            continue
        if tag_or_words - p.end > _MAX_GAP or not _same_or_next_paragraph(text, p, q):
            continue

        def aside(pos: int, p: Found = p) -> bool:
            # inside the statement's own words or a quotation: the person talked about, not a new centre
            return any(s <= pos < e for s, e in p.parts) or any(s <= pos < e for s, e in ctx.quoted)

        lo = p.speaker_span[1]
        if any(lo <= s < q.speaker_span[0] and not aside(s) for s in ctx.subjects):
            continue  # another person became a clause subject in between
        if any(lo <= rs < q.speaker_span[0] and not aside(rs) for rs, _, _ in ctx.role_subjects):
            continue
        if q.speaker and any(
            lo <= x.start < q.speaker_span[0]
            and not aside(x.start)
            and ctx.full_name(x.text, x.start) == q.speaker
            for x in ctx.persons
        ):
            continue  # the pronoun's own pick was named again after the statement's source
        old = q.speaker
        q.speaker, q.via = p.speaker, p.via
        # quotes that went on with the old pick ("“...,” he said. “...” ... “...,” he said") go on with
        # the new one, until someone else is named as a speaker or a person becomes a clause subject
        last = q.end
        for r in order[k + 1 :]:
            tag = text[r.speaker_span[0] : r.speaker_span[1]].lower() if r.speaker_span else None
            if r.speaker != old or tag not in (None, pron) or r.start - last > 600:
                break
            if any(last <= s < r.start and not any(a <= s < b for a, b in ctx.quoted) for s in ctx.subjects):
                break
            r.speaker, r.via = p.speaker, p.via
            last = r.end


def nested_statement(
    parse: Parse, text: str, ctx: DocContext, content: list[tuple[int, int]], speaker: tuple[int, int]
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """For content before its tag that is itself a named subject's report ("Dr. Lintz, the second
    surgeon, said by the time he arrived ..."), that report's speaker phrase and content; else None."""
    if not content or speaker[0] < content[-1][1]:
        return None  # only content set before its tag ("X said Y, “Z,” he said")
    s, e = content[0]
    roots = parse.span_heads(s, e)
    if not roots:
        return None
    v = roots[0]
    if not parse.is_verb(v) or ALL_FORMS.get(parse.word(text, v)) not in SPEECH_LEMMAS:
        return None
    subj = next((c for c in parse.children(v) if parse.deps[c] == "nsubj" and c < v), None)
    if subj is None:
        return None
    ss, se = parse.subtree(subj)
    if ss < s or not any(x.label in ("PERSON", "ORG") and ss <= x.start and x.end <= se for x in ctx.ents):
        return None  # the inner subject must be named: "he said it was over, “...,” she said" stays
    # what follows the inner verb is its content (the parser may hang the later clauses on the outer
    # tag, as it did the inner verb); a "that" opening it is the complementiser, not content
    nxt = v + 1
    if nxt < len(parse) and parse.word(text, nxt) == "that":
        nxt += 1
    if nxt >= len(parse):
        return None
    start = parse.starts[nxt]
    if start >= e or len(text[start:e].split()) < 3:
        return None
    return (ss, ss + len(text[ss:se].rstrip(" ,"))), [(start, e), *content[1:]]


def _same_or_next_paragraph(text: str, p: Found, q: Found) -> bool:
    """The statement and the tagged words share a paragraph, or the words open the next one with a
    quotation (the news convention of a paraphrase followed by the quote that bears it out)."""
    assert p.speaker_span is not None and q.speaker_span is not None
    between = text[min(p.start, p.speaker_span[0]) : min(q.start, q.speaker_span[0])]
    breaks = between.count("\n")
    if breaks == 0:
        return True
    line_start = text.rfind("\n", 0, q.start) + 1
    return breaks == 1 and q.direct and q.start - line_start <= 2 and q.start < q.speaker_span[0]
