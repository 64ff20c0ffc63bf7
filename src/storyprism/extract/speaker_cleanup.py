"""Speaker clean-up after the quotes of a document are found (``quotes.find_quotes`` calls these).

Split from ``quotes``: a first person inside a quote or on a transcript line stands for who speaks
there; a speaker phrase never runs across a sentence end; a transcript's label in capitals is the
person the text names in full; and a pronoun that nothing resolved is no name, so it is left out
rather than printed as the speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ROLE_SYNONYMS
from storyprism.extract.followups import named_beside, tag_closing_quote
from storyprism.extract.issuers import MOUTHPIECES
from storyprism.extract.speakers import DocContext, norm_name, resolve
from storyprism.extract.tags import tag_before
from storyprism.extract.text import sentences

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (never before its paragraph)."""
    ps = text.rfind("\n", 0, pos) + 1
    start = ps
    for s, e in sentences(text, ps, pos):
        if e <= pos and re.match(r"\s", text[e : e + 1] or " "):
            start = s
            nxt = e
            while nxt < pos and text[nxt].isspace():
                nxt += 1
            start = nxt
        else:
            start = s
            break
    return start


def first_person(text: str, found: list[Found], ctx: DocContext) -> None:
    """ "I"/"we" found as a speaker inside someone's direct quote stands for that quote's speaker."""
    direct = [q for q in found if q.direct and q.speaker]
    for q in found:
        if not q.speaker_span or text[q.speaker_span[0] : q.speaker_span[1]].lower() not in (
            "i",
            "we",
            "me",
            "us",
        ):
            continue
        outer = next(
            (d for d in direct if d is not q and any(s <= q.speaker_span[0] < e for s, e in d.parts)), None
        )
        if outer is not None:
            q.speaker, q.via = outer.speaker, outer.via
            continue
        # "Ice Universe tweeted: 'I think ...'": words in single marks after a colon belong to the
        # subject of the clause the colon ends
        pos = q.speaker_span[0]
        colon = text.rfind(":", max(text.rfind("\n", 0, pos) + 1, pos - 40), pos)
        if colon > 0 and re.fullmatch(r":\s*['‘\"“]?\s*", text[colon:pos]):
            intro = tag_before(text, sentence_start(text, colon), colon + 1, ctx.ents)
            if intro and intro.speaker:
                q.speaker_span, q.speaker = intro.speaker, resolve(ctx, intro.speaker)
                continue
        label = _labelled_passage(text, ctx, pos)
        if label is not None:
            q.speaker_span, q.speaker = label, resolve(ctx, label)
            continue
        outer_tag = tag_closing_quote(text, ctx, q.end)
        if outer_tag is not None:
            q.speaker_span, q.speaker = outer_tag, resolve(ctx, outer_tag)
            if q.via == q.speaker:
                q.via = None


# a line opening with a short label, no verb: "American Airlines spokesman:", "Mayor Ana Ruiz:"
_LABEL_LINE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,5}")


def _label_line(text: str, ctx: DocContext, colon: int) -> tuple[int, int] | None:
    """The label before a colon that opens its line ("American Airlines spokesman: 'We apologize ...'"):
    the one whose words follow. Signal: a short noun phrase alone before a colon at a line's start
    names the speaker, as a transcript's label does; only one that holds a person's name or a role or
    mouthpiece noun ("Pictured:", "UPDATE:" name nobody)."""
    start = text.rfind("\n", 0, colon) + 1
    if not _LABEL_LINE.fullmatch(text, start, colon):
        return None
    words = [w.lower().strip(".,") for w in text[start:colon].split()]
    if ctx.parse is not None and any(ctx.parse.is_verb(k) for k in ctx.parse.tokens_in(start, colon)):
        return None
    named = any(p.start >= start and p.end <= colon for p in ctx.persons)
    if not named and not any(w in ROLE_SYNONYMS or w in MOUTHPIECES for w in words):
        return None
    return start, colon


_OPEN = re.compile(r"(?:^|(?<=[\s:(]))['‘“\"](?=[A-Z(])")
_CLOSE = re.compile(r"[,.!?]?['’”\"](?=[\s,]|$)")


def _labelled_passage(text: str, ctx: DocContext, pos: int) -> tuple[int, int] | None:
    """The label line whose quoted passage ``pos`` sits in, still open on its line ("Nord Star spokesman:
    'We apologize ... We think ...")."""
    line = text.rfind("\n", 0, pos) + 1
    opened = [m for m in _OPEN.finditer(text, line, pos)]
    if not opened or _CLOSE.search(text, opened[0].end(), pos):
        return None
    colon = text.rfind(":", line, opened[0].start())
    if colon < 0 or text[colon + 1 : opened[0].start()].strip():
        return None
    return _label_line(text, ctx, colon)


_LEAD_ADVERB = re.compile(r"^[A-Z][a-z]+,\s+(?P<pro>he|she|they|we|I)$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|\n")


def tidy_speaker(text: str, ctx: DocContext, q: Found) -> None:
    """Phrases a pattern rule caught with a piece of the sentence around them: "Then, she says" gives
    "she" (resolved), and a relayer that runs over a sentence end ("Wednesday morning but didn't derail.
    The agency") is none."""
    if q.speaker_span is not None:
        m = _LEAD_ADVERB.match(text[q.speaker_span[0] : q.speaker_span[1]])
        if m:
            q.speaker_span = (q.speaker_span[0] + m.start("pro"), q.speaker_span[1])
            q.speaker = resolve(ctx, q.speaker_span)
    if q.via and _SENTENCE_BREAK.search(q.via):
        q.via = None
    if q.speaker_span is not None:
        named = named_beside(text, ctx, q.speaker_span)
        if named is not None:
            q.speaker = ctx.full_name(named.text, named.start)
            if q.via == q.speaker:
                q.via = None


# a transcript line opens with the speaker's label in capitals and a colon ("QUILL: Do we expect ...",
# "MARA QUILL: Thank you."); what follows on that line is the labelled person's
_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]")
_FIRST = frozenset(["i", "we", "me", "us"])
# words that stand for a speaker without naming one: personal, demonstrative, relative and indefinite
# pronouns ("They said ...", "Those around him thought", "Who would say ...")
_UNNAMED = frozenset(
    ["i", "we", "me", "us", "you", "he", "she", "him", "her", "it", "they", "them", "those", "these", "this",
     "that", "who", "whom", "which", "one", "someone", "somebody", "anyone", "anybody", "everyone",
     "everybody"]
)  # fmt: skip


def transcript_label(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the speaker label opening the transcript line that holds ``pos``, if it has one."""
    line = text.rfind("\n", 0, pos) + 1
    m = _LABEL.match(text, line)
    return m.span("label") if m is not None and m.start("label") <= pos else None


def _label_name(text: str, ctx: DocContext, span: tuple[int, int]) -> str:
    """The person a capitals label stands for: the full name the text gives that surname ("QUILL" after
    "Mara Quill"), else the label in ordinary case ("MARA QUILL" -> "Mara Quill")."""
    words = [w.capitalize() if w.isupper() else w for w in text[span[0] : span[1]].split()]
    name = ctx.full_name(" ".join(words), span[0])
    # the full name may itself be a label the NER read as a name ("MARA QUILL: ...")
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def settle_speakers(text: str, ctx: DocContext, found: list[Found]) -> None:
    """The last word on each speaker, after every rule that resolves one has run."""
    cut: dict[str, str] = {}  # a speaker string cut to the name before its appositive -> that name
    for q in found:
        if q.speaker_span is None:
            if q.speaker and _unnamed(q.speaker):
                q.speaker = None  # a quote that went on with a pronoun no rule resolved (see below)
            continue
        s, e = q.speaker_span
        phrase = text[s:e]
        breaks = list(_SENTENCE_END.finditer(phrase))
        if breaks and q.speaker and _SENTENCE_END.search(q.speaker):
            # "impassable" roads. Officials urged": a speaker phrase that runs across a sentence end was
            # caught with the end of the sentence before it; the speaker starts after the break
            q.speaker_span = (s + breaks[-1].end() - 1, e)
            q.speaker = resolve(ctx, q.speaker_span)
            s, phrase = q.speaker_span[0], text[q.speaker_span[0] : e]
        if q.speaker and "," in phrase:
            before = q.speaker
            _apposed(text, ctx, q)
            if q.speaker and q.speaker != before and "," in before:
                cut[before] = q.speaker
            s, e = q.speaker_span
            phrase = text[s:e]
        label = transcript_label(text, s)
        if label is not None and (label == (s, e) or phrase.lower() in _FIRST):
            # the label itself, or "BRANDT: We put that question to the ministry": the first
            # person on a transcript line is its labelled speaker (signal: the transcript convention)
            q.speaker = _label_name(text, ctx, label)
            continue
        if q.speaker and _unnamed(q.speaker):
            # a pronoun no rule could tie to a name ("They said ..." with no group before it, the
            # writer's own "I think"): no name is known, and a pronoun printed as the speaker is no
            # name a reader can cite; the phrase found stays as the evidence
            q.speaker = None
    # "“...,” Masao Okonogi, professor emeritus at Keio University, said. “...,” he said": a quote that
    # went on with the first one's speaker carries the phrase as it was before its appositive was cut;
    # it is the same person, under the same name
    for q in found:
        if q.speaker in cut:
            q.speaker = cut[q.speaker]


# a sentence end inside a phrase: a lowercase word, its stop, a capital ("roads. Officials"); an
# abbreviation before a name is capitalised ("Gen. Mark Hale", "U.S. President")
_SENTENCE_END = re.compile(r"\b[a-z]{3,}[.!?][\"”’']?\s+[A-Z]")


def _unnamed(speaker: str) -> bool:
    """Whether a speaker string is a bare pronoun ("They", "we", "Those"), not a name ("US": the
    country in capitals)."""
    return speaker.lower() in _UNNAMED and not (len(speaker) > 1 and speaker.isupper())


def _apposed(text: str, ctx: DocContext, q: Found) -> None:
    """A speaker phrase left unresolved with a comma in it: "Dana Holt, CEO of Orbitex and Velo" (the
    name, its appositive after the comma), "the spokesman, Idris Lawal" (a role, the name in
    apposition), "Nor should they be ..., the company" (a clause caught before the subject). Signal:
    apposition sets a second noun phrase beside a name after a comma and never makes it the speaker; a
    subject is a noun phrase, so words before a comma that hold a verb are another clause."""
    assert q.speaker_span is not None
    s, e = q.speaker_span
    first_end = text.index(",", s, e)
    last_start = text.rindex(",", s, e) + 1
    while last_start < e and text[last_start].isspace():
        last_start += 1
    head = text[s:first_end].split()
    speaker = q.speaker or ""
    if "," not in speaker and speaker.split()[-1:] and speaker.split()[-1] in head:
        return  # resolved to the name the phrase opens with ("Rita Marchetti" for "Marchetti, ...")
    rest = text[first_end + 1 : e].split()
    if " and " in text[first_end:e] and all(w[:1].isupper() or w in ("and", "the", ",") for w in rest):
        return  # "Norland, Estavia and the Vell Republic": names in a list, all of them speak
    if 0 < len(head) <= 5 and all(w[:1].isupper() for w in head) and rest:
        # a proper name first, then its appositive (whatever the second phrase holds: "CEO of Orbitex and
        # Velo" is one description, not a list of speakers)
        q.speaker_span = (s, first_end)
        q.speaker = ctx.full_name(text[s:first_end], s)
        return
    tail = text[last_start:e]
    if " and " in tail:
        return  # "Japan, South Korea and the US": a list of speakers
    named = next((x for x in ctx.persons if x.start == last_start and x.end == e), None)
    clause = len(head) >= 4
    run = 0
    while clause and run < min(4, len(head) - 1) and head[-1 - run][:1].isupper():
        run += 1
    if run and "," in speaker:
        # "The plan was dropped when Rae Lin, the band's former drummer": the name closing the clause
        # before the comma is the subject the appositive describes
        name_start = s + text[s:first_end].rindex(" ".join(head[-run:]))
        q.speaker_span = (name_start, first_end)
        q.speaker = ctx.full_name(text[name_start:first_end], name_start)
        return
    # "the spokesman, Idris Lawal": a common noun phrase, then the name in apposition to it
    role_then_name = len(head) <= 4 and all(w[:1].isupper() for w in tail.split())
    if "," in speaker and (named is not None or clause or role_then_name) and 0 < len(tail.split()) <= 4:
        q.speaker_span = (last_start, e)
        q.speaker = (
            ctx.full_name(named.text, named.start) if named is not None else resolve(ctx, q.speaker_span)
        )
        if q.speaker == tail:
            q.speaker = norm_name(tail)
