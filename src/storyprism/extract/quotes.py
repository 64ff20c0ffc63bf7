"""Who said what: direct quotes by quote-mark rules, indirect ones by cue patterns, speakers resolved.

Rules over the text, the named-entity spans spaCy found (``Ent``) and, when given, the dependency
parse of the same spaCy pass (``Parse``). The steps:

1. ``marks.scan_direct`` pairs quote marks paragraph by paragraph (see ``extract/marks.py``).
2. ``attribute`` looks for a cue next to each quote: after it (``, Ushakov said``,
   ``said Putin``, ``Xi was quoted by CCTV as saying``) and before it (``Putin said:``,
   ``told reporters that Xi``). When one person relays another's words both are kept
   (speaker and ``via``). Quotes with no cue inherit the speaker of the quote just before them
   in the same or previous paragraph; short unattributed ones are scare quotes and dropped.
3. ``find_indirect`` finds reported speech in sentences without direct quotes.
4. ``resolve`` turns a speaker phrase into a name: a PERSON inside it, a pronoun's nearest
   preceding PERSON, or a role noun ("the Russian leader") matched against titles seen next
   to names in the document ("Russian President Vladimir Putin").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyprism.extract.announced import announced_quotes
from storyprism.extract.attribution import clause_attributions
from storyprism.extract.colon_lines import find_colon_lines
from storyprism.extract.content_edges import other_holders_relative, relative_subject
from storyprism.extract.coordination import joint_speakers, they_group
from storyprism.extract.cues import (
    ALL_FORMS,
    CUE_RE,
    PRONOUNS,
    SHOWN_HEADS,
    SPEECH_LEMMAS,
    SPEECH_RE,
    verb_forms,
)
from storyprism.extract.direct_frame import direct_attribution
from storyprism.extract.followups import (
    document_issuer,
    named_next,
    pronoun_chain,
    quote_after_statement,
    role_named_next,
    role_subjects,
    speaking_it,
    work_author,
)
from storyprism.extract.frames import headline_forms
from storyprism.extract.marks import QUOTE_MARKS, mark_role, normalise_marks, quote_text, scan_direct
from storyprism.extract.narrated_quotes import narrated_speaker
from storyprism.extract.not_quotes import (
    inside_post,
    naming_term,
    reporters_contrast,
    reporters_gloss,
    section_heading,
)
from storyprism.extract.parse import Parse
from storyprism.extract.post_sources import posted_words
from storyprism.extract.quote_frames import (
    CONJ_OPENS,
    QUOTING_AS,
    continues_a_motion,
    opens_own_clause,
    tag_like,
    title_in_marks,
)
from storyprism.extract.quoted_clauses import without_quoted_clauses
from storyprism.extract.relays import source_names
from storyprism.extract.speaker_cleanup import first_person, settle_speakers, tidy_speaker
from storyprism.extract.speaker_cleanup import sentence_start as _sentence_start
from storyprism.extract.speaker_context import according_group, context_speakers
from storyprism.extract.speaker_kinds import relayed_inference, unfit_speakers
from storyprism.extract.speakers import DocContext, Ent, resolve
from storyprism.extract.stances import is_topic, no_stance
from storyprism.extract.statement_chain import nested_statement, statement_goes_on
from storyprism.extract.tags import (
    ADVERBS,
    STOP_INVERTED,
    bracketed_after_name,
    clean_phrase,
    cue_lemma,
    headline_cues,
    is_speakerish,
    quoted_as_object,
    strip_intro,
    subject_before,
    tag_after,
    tag_before,
)
from storyprism.extract.text import paragraphs, sentences


@dataclass(slots=True)
class Found:
    """A quote as found, with the local evidence the ``Quote`` record leaves out."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    via: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "words"  # "topic": a stance on a bare noun phrase, no words reported (``stances``)


def find_direct(
    text: str, ctx: DocContext, min_words_unattributed: int = 6, parse: Parse | None = None
) -> list[Found]:
    """Direct quotes with speakers; split quotes ("A," he said, "B.") come back as one quote."""
    # a pair of marks with nothing inside (what a stripped image or link leaves) quotes no words
    raw = [parts for parts in scan_direct(text) if parts]
    ctx.quoted = [(parts[0][0], parts[-1][1]) for parts in raw]
    para_of = _para_index(text)
    found: list[Found] = []
    prev_end = 0
    for k, parts in enumerate(raw):
        qs, qe = parts[0][0], parts[-1][1]
        opening = qs - 1
        while opening > max(0, qs - 4) and text[opening] not in QUOTE_MARKS:
            opening -= 1
        # step over the closing mark and what sticks to it ("brain,' \"", "end.’”"), not the next opening
        j = qe
        while j < min(len(text), qe + 4) and text[j] in " '’":
            j += 1
        if j < len(text) and text[j] in QUOTE_MARKS and mark_role(text, j) != "open":
            closing = j + 1
        else:
            closing = qe + 1 if qe < len(text) and text[qe] in QUOTE_MARKS else qe
        para_of(qs)
        nxt = raw[k + 1][0][0] - 1 if k + 1 < len(raw) else len(text)
        limit = min(nxt, _para_end(text, closing), closing + 160)
        sent = _sentence_start(text, opening)
        if not text[sent:opening].strip():
            # a paragraph that only holds the quote, introduced by the previous one ("Cruz continued:")
            prev_text_end = len(text[:sent].rstrip())
            if prev_text_end and text[prev_text_end - 1] in ":,":
                sent = _sentence_start(text, prev_text_end - 1)
        clause = max(
            sent, prev_end if prev_end <= opening and para_of(max(prev_end - 1, 0)) >= para_of(sent) else 0
        )
        after = tag_after(text, closing, limit, ctx.ents)
        if after and after.speaker and not tag_like(text, after.speaker):
            after = None  # "” to deal with the Korean crisis, said Burns": the sentence goes on, no tag
        if after and parse is not None and opens_own_clause(text, parse, q_end=qe, closing=closing):
            after = None  # '... go to?” South Korea said it was ready ...': a new sentence, not a tag
        if after and after.speaker and _CONTRAST_OPENS.match(text, closing):
            # '“... of any kind,” but the NAACP did cite instances that suggest otherwise': a contrast
            # after the closing mark opens the reporter's next clause; a tag never starts with one
            after = None
        before = tag_before(text, clause, opening, ctx.ents)
        if before and before.speaker and after and after.speaker and CONJ_OPENS.match(text, closing):
            # '... saying "we should be going" while Max Verstappen agreed saying, "..."': a conjunction
            # after the closing mark opens another clause, whose subject speaks for himself (next
            # quote) and relays nothing of this one
            after = None
        prev_end = closing
        q = Found(qs, qe, quote_text(text, parts), True, parts=parts)
        if before and after and after.speaker and before.speaker:
            q.speaker_span = before.speaker
            q.cue = before.cue
            b_name = resolve(ctx, before.speaker)
            a_name = resolve(ctx, after.speaker)
            q.speaker = b_name
            if before.via:
                q.via = resolve(ctx, before.via)
            elif a_name != b_name and (
                after.cue in _TAG_LEMMAS or after.cue in ALL_FORMS or after.cue in _RELAYING
            ):
                # only a verb of saying or reporting makes its subject pass the words on: "He said: “...”
                # France's President returned to Paris" relays nothing (the sentence after moves on)
                q.via = a_name
        elif after and after.speaker:
            q.speaker_span, q.cue = after.speaker, after.cue
            q.speaker = resolve(ctx, after.speaker)
            if after.via:
                q.via = resolve(ctx, after.via)
        elif before and before.speaker:
            q.speaker_span, q.cue = before.speaker, before.cue
            q.speaker = resolve(ctx, before.speaker)
            if before.via:
                q.via = resolve(ctx, before.via)
        if parse is not None and title_in_marks(text, parse, q):
            continue
        if (
            parse is not None
            and not (after and after.speaker and not before and after.cue in _TAG_LEMMAS)
            and bracketed_after_name(text, opening, ctx.ents) is None  # 'Rose (“...”)': the name's words
        ):
            # a cue right after the closing mark (", Ushakov said") is the most reliable signal there
            # is; otherwise the parse decides and the patterns are the fallback. Any other verb after
            # a quote ("” Video provided by Newsy") is only a guess the parse overrules
            _parsed_speaker(text, ctx, parse, q)
        quoting = _quoted_object(text, max(0, opening - 120), opening + 1)
        if quoting and q.speaker and text[quoting[1] : opening].strip(" ,:") == "":
            # "the article said, quoting him as saying, '...'": the person quoted is the speaker, the
            # subject of "said" only relays (signal: "quoting X as saying" hands the words to X)
            q.via, q.speaker_span = q.speaker, quoting[0]
            q.speaker = resolve(ctx, quoting[0])
            if q.via == q.speaker:
                q.via = None
        quoted_after = _quoted_object(text, closing, min(limit, closing + 80))
        if quoted_after is not None and re.search(r"[.!?“”\"]", text[closing : quoted_after[0][0]]):
            quoted_after = None  # the tag must follow the closing mark in the same sentence
        if quoted_after is not None and q.speaker:
            # "“...,” the newspaper quoted him as saying": the person quoted is the speaker and the
            # paper relays, as "quoting X as saying" before the quote does
            q.via, q.speaker_span = q.speaker, quoted_after[0]
            q.speaker = resolve(ctx, quoted_after[0])
            if q.via == q.speaker:
                q.via = None
        if q.cue == "continue" and continues_a_motion(text, opening):
            q.speaker = q.speaker_span = q.cue = q.via = None  # "will continue its path into 'deep space'"
        prev = next((f for f in reversed(found) if f.speaker), None)  # unattributed ones continue it
        if prev is not None and _same_speaker_goes_on(text, ctx, prev, q):
            q.speaker, q.via = prev.speaker, prev.via
        found.append(q)
    # split quotes: "A," he said, "B." -> one quote
    merged: list[Found] = []
    for q in found:
        if merged:
            p = merged[-1]
            gap = text[p.end : q.start]
            same = q.speaker is None or q.speaker_span == p.speaker_span
            if p.speaker and same and _SPLIT_GAP.match(gap) and "\n" not in gap:
                p.parts.extend(q.parts)
                p.end = q.end
                p.text = quote_text(text, p.parts)
                continue
        merged.append(q)
    # unattributed quotes inherit the speaker of the quote before them in the same or previous paragraph
    out: list[Found] = []
    last: Found | None = None
    for q in merged:
        if q.speaker is None and last is not None and last.speaker is not None:
            gap = para_of(q.start) - para_of(last.end)
            at_start = text.rfind("\n", 0, q.start) + 1 >= q.start - 2
            if (gap == 0 or (gap == 1 and at_start)) and len(q.text.split()) >= 4:
                q.speaker, q.cue, q.via = last.speaker, last.cue, last.via
            elif (
                at_start
                and gap == 2
                and _left_open(text, last.end, q.start)
                and all(
                    ctx.full_name(p.text, p.start) == last.speaker
                    for p in ctx.persons
                    if last.end <= p.start < q.start
                )
            ):
                # a quotation running over paragraphs leaves each paragraph's mark unclosed and opens the
                # next with a mark (the news convention): it goes on past a caption line scraped between,
                # unless that line names someone else (a caption introducing the next speaker)
                q.speaker, q.cue, q.via = last.speaker, last.cue, last.via
        if q.speaker is None and len(q.text.split()) >= min_words_unattributed:
            # "Trump praised the editor on Monday. “...”": the person the previous sentence is about
            subject = _previous_subject(text, q.start - 1, ctx)
            if subject:
                q.speaker_span = subject
                q.speaker = resolve(ctx, subject)
        if q.speaker is None and len(q.text.split()) < min_words_unattributed:
            continue  # a scare quote, a title or a term, not someone's words
        if q.speaker is None and not re.search(r"[.!?,]$", q.text) and len(q.text.split()) < 12:
            continue
        out.append(q)
        last = q
    return out


def _quoted_object(text: str, a: int, b: int) -> tuple[tuple[int, int], int] | None:
    """The quoted person's span in "quoting X as saying" / "quoted X as saying" between ``a`` and ``b``
    and the end of that frame: the capitalised-name pattern first, then any noun phrase as object
    ("the letter quoted a neighbour as saying", "quoted coach Dan Ortiz as saying"; see
    ``tags.quoted_as_object``)."""
    m = QUOTING_AS.search(text, a, b)
    if m is not None:
        return m.span(1), m.end()
    span = quoted_as_object(text, a, b)
    if span is None:
        return None
    tail = re.match(r"\s+as\s+(?:saying|stating|writing|adding|telling\s+\w+)\s*[,:]?\s*", text[span[1] :])
    return span, span[1] + (tail.end() if tail else 0)


_TAG_LEMMAS = frozenset([*ALL_FORMS.values(), "according to"])
# verbs of passing on someone's words ("..., Ilse Brandt relayed"): no cue of the speaker's own, but their
# subject relays the quote (signal: the verb's meaning is handing on words someone else said)
_RELAYING = verb_forms(("relay", "quote", "recount"))
_CONTRAST_OPENS = re.compile(r"\s*,?\s*(?:but|while|whereas|although|though)\s", re.IGNORECASE)


def _left_open(text: str, end: int, nxt: int) -> bool:
    """Whether the quotation ending at ``end`` has no closing mark (it stops at its paragraph's end) and no
    quotation mark stands between it and the next quotation at ``nxt``."""
    return text[end : end + 1] in ("\n", "") and not any(c in QUOTE_MARKS for c in text[end : nxt - 1])


_NOT_PERSON = frozenset(["ORG", "GPE", "NORP", "LOC"])


def _same_speaker_goes_on(text: str, ctx: DocContext, prev: Found, q: Found) -> bool:
    """A "he said"/"she said" quote right after someone's quote continues that speaker when no other
    person is named in between ("“... anything,” Arians said. Arians plans ... “I'll miss the
    players,” he said."): the news convention of a run of quotes from one source. The nearest earlier
    person elsewhere (a son named before, a name inside the quote) is not the referent then."""
    if not q.speaker_span or text[q.speaker_span[0] : q.speaker_span[1]].lower() not in ("he", "she"):
        return False
    if not prev.speaker or prev.speaker.lower() in PRONOUNS or q.start - prev.end > 600:
        return False
    if len(re.findall(r"\n\s*", text[prev.end : q.start])) > 2:
        return False  # at most two paragraph breaks apart
    if (
        prev.speaker_span
        and any(e.label in _NOT_PERSON and e.start <= prev.speaker_span[0] < e.end for e in ctx.ents)
        # a surname NER took for a group ("Arians" as NORP) still names the person introduced in full
        and not any(prev.speaker.split()[-1] in ctx.full_name(x.text, x.start).split() for x in ctx.persons)
    ):
        return False  # "he"/"she" is a person: it does not continue a country's or a company's quote
    return not any(
        prev.end <= e.start < q.speaker_span[0]
        and not _inside_quote(ctx, e.start)
        and ctx.full_name(e.text, e.start) != prev.speaker
        for e in ctx.persons
    )


def _inside_quote(ctx: DocContext, pos: int) -> bool:
    return any(qs <= pos < qe for qs, qe in ctx.quoted)


def _parsed_speaker(text: str, ctx: DocContext, parse: Parse, q: Found) -> None:
    """The speaker the dependency parse gives (the subject of the cue governing the quote) wins over
    the pattern rules, which stay the fallback; a relayer the rules found for the same speaker is kept."""
    pa = direct_attribution(parse, text, q.parts)
    if pa is None or pa.speaker is None:
        return
    words = text[pa.speaker[0] : pa.speaker[1]].split()
    if not words or len(words) > 14 or words[0].lower() in ("it", "this", "that", "there", "which"):
        return
    if any(qs <= pa.speaker[0] < qe and not qs <= q.start < qe for qs, qe in ctx.quoted):
        # "“By doing so one is saying ...” ... “the end of equality,” the newspaper quoted him as
        # saying": a subject inside another quote speaks in the quoted words, never this quote's frame
        return
    if q.speaker is None and not pa.strong and len(q.text.split()) < 6:
        return  # a title or a scare-quoted term near a verb, not someone's words
    name = resolve(ctx, pa.speaker)
    rule_speaker, rule_via = q.speaker, q.via
    q.speaker_span, q.cue, q.speaker = pa.speaker, pa.lemma, name
    via_name = resolve(ctx, pa.via) if pa.via else None
    if via_name and via_name != name:
        q.via = via_name
    elif rule_speaker == name and rule_via != name:
        q.via = rule_via
    elif rule_via == name and rule_speaker:
        q.via = rule_speaker
    else:
        q.via = None
    if q.via == name:
        q.via = None


def _previous_subject(text: str, pos: int, ctx: DocContext) -> tuple[int, int] | None:
    """The PERSON that opens the sentence just before ``pos`` (titles allowed before the name)."""
    start = _sentence_start(text, pos)
    if text[start:pos].strip():
        return None  # the quote is inside a sentence: its frame is not a plain subject
    end = len(text[:start].rstrip())
    if end == 0:
        return None
    prev = _sentence_start(text, end - 1)
    tag = _CLOSING_TAG.search(text, prev, end)
    if tag:
        # "..., the brother said. “...”": the sentence before ends on its own speech tag, and the
        # quote goes on with that speaker, not with whoever its first words name
        return (tag.start("spk"), tag.end("spk"))
    lead_pronoun = re.match(r"(?:He|She)\b", text[prev:end])
    if lead_pronoun and ctx.person_before(prev):
        # "He said they decided ... . “...”": the pronoun that opens the previous sentence
        return (prev, prev + lead_pronoun.end())
    for e in ctx.persons:
        if prev <= e.start < end:
            lead = text[prev : e.start]
            if text[e.end : e.end + 2] in ("'s", "’s"):
                return None  # "Stephen Paddock’s behavior ...": the name owns the subject, it is not it
            if all(w[:1].isupper() for w in lead.split()) and len(lead.split()) <= 4:
                return (e.start, e.end)
            return None
    return None


# ", the brother said." / ", Smith says." closing a sentence (no quote mark in the sentence)
_CLOSING_TAG = re.compile(
    r",\s+(?P<spk>(?:the\s+|his\s+|her\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:said|says|added|adds|explained|noted|recalled)\.\s*$"
)
_SPLIT_GAP = re.compile(r"^[,.]?\s*[”\"»]\s*,?\s*[^.!?“”\"\n]{1,70},\s*[“\"«]\s*$")


def _para_index(text: str):  # type: ignore[no-untyped-def]
    starts = [s for s, _ in paragraphs(text)]
    import bisect

    def index(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    return index


def _para_end(text: str, pos: int) -> int:
    e = text.find("\n", pos)
    return len(text) if e < 0 else e


# --------------------------------------------------------------------------- indirect quotes

_SUBJ = r"(?P<spk>[^.!?;“”\"«»]{1,100}?)"
_CUE_ANY = CUE_RE.pattern
_IND_SUBJ_CUE = re.compile(
    rf"^{_SUBJ}\s+(?:{ADVERBS}\s+)*(?P<cue>{_CUE_ANY})\s+(?:(?P<obj>reporters|journalists|him|her|them|us|me|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+)?"
    r"(?:(?:on|in|at|during|last|this|after|before|late|early)\s+[^,“”\"]{1,40}?\s+)?(?P<that>that\s+)?(?P<content>\S.{12,})$"
)
_IND_CONTENT_FIRST = re.compile(
    rf"^(?P<content>.{{15,}}?),\s+{_SUBJ}\s+(?:{ADVERBS}\s+)*(?P<cue>{SPEECH_RE.pattern})(?P<rest>[^.!?]{{0,80}})[.!?]?$"
)
_IND_CONTENT_CUE = re.compile(
    rf"^(?P<content>.{{15,}}?),\s+(?P<cue>{SPEECH_RE.pattern})\s+(?P<spk>[^.!?;“”\"]{{2,100}})[.!?]?$"
)
_IND_ACCORDING = re.compile(r"^[Aa]ccording to\s+(?P<spk>[^,]{2,80}),\s+(?P<content>.{12,})$")
_IND_ACCORDING_END = re.compile(r"^(?P<content>.{15,}?),?\s+according to\s+(?P<spk>[^,.;]{2,80})[.]?$")
_CONTENT_LEAD = re.compile(r"(?:by\s+)?(?:saying|stating|adding|telling\s+\w+)\s+(?:that\s+)?")
_NEED_THAT = frozenset(
    [
        "think",
        "believe",
        "hope",
        "fear",
        "expect",
        "agree",
        "wonder",
        "signal",
        "indicate",
        "estimate",
        "mention",
        "show",
        "find",
        "know",
        "feel",
        "learn",
        "assume",
        "project",
        "forecast",
        "guess",
        "realize",
    ]
)


def find_indirect(text: str, ctx: DocContext, taken: list[tuple[int, int]]) -> list[Found]:
    """Reported speech in sentences no direct quote covers ("X said that ...", "according to X, ...")."""
    out: list[Found] = []
    for ps, pe in paragraphs(text):
        for s, e in sentences(text, ps, pe):
            if any(a < e and s < b for a, b in taken):
                continue
            q = _indirect_sentence(text, s, e, ctx)
            if q:
                out.append(q)
    return out


def _indirect_sentence(text: str, s: int, e: int, ctx: DocContext) -> Found | None:
    sent = text[s:e]
    if len(sent.split()) < 5 or (not CUE_RE.search(sent) and "ccording to" not in sent):
        return None
    body_end = e - (len(sent) - len(sent.rstrip(" .!?")))
    for pat, kind in (
        (_IND_ACCORDING, "acc"),
        (_IND_ACCORDING_END, "acc"),
        (_IND_CONTENT_CUE, "cc"),
        (_IND_CONTENT_FIRST, "cf"),
        (_IND_SUBJ_CUE, "sc"),
    ):
        m = pat.match(sent)
        if not m:
            continue
        span = clean_phrase(text, *strip_intro(text, (s + m.start("spk"), s + m.end("spk"))))
        if span is None:
            continue
        if kind == "cc":
            stop = STOP_INVERTED.search(text, span[0], span[1])
            if stop:
                span = clean_phrase(text, span[0], stop.start()) or span
        if kind == "sc":
            cue = cue_lemma(m.group("cue"))
            if cue in _NEED_THAT and not m.group("that"):
                continue
            if (
                not SPEECH_RE.fullmatch(m.group("cue"))
                and not m.group("that")
                and cue not in ("accuse", "urge")
            ):
                continue
        if not is_speakerish(text, span, ctx.ents):
            continue
        cs, ce = s + m.start("content"), s + m.end("content")
        ce = min(ce, body_end)
        lead = _CONTENT_LEAD.match(text, cs, ce)
        if lead:
            cs = lead.end()
        if kind == "cf":
            ce = s + m.end("content")
        if ce - cs < 10:
            continue
        cue_word = "according to" if kind == "acc" else cue_lemma(m.group("cue"))
        if kind == "acc":
            # "The Russian leader stressed X, according to Ushakov": the leader speaks, Ushakov relays
            inner = _indirect_sentence(text, cs, ce, ctx)
            if inner and inner.speaker_span and inner.speaker_span[0] == cs:
                inner.via = resolve(ctx, span)
                return inner
        return Found(
            cs,
            ce,
            " ".join(text[cs:ce].split()),
            False,
            cue_word,
            resolve(ctx, span),
            span,
            parts=[(cs, ce)],
        )
    m = _IND_PARENTHETICAL.match(sent)
    if m:
        span = clean_phrase(text, s + m.start("spk"), s + m.end("spk"))
        if span and is_speakerish(text, span, ctx.ents):
            parts = [
                (s + m.start("c1"), s + m.end("c1")),
                (s + m.start("c2"), min(s + m.end("c2"), body_end)),
            ]
            return Found(
                parts[0][0],
                parts[1][1],
                quote_text(text, parts),
                False,
                cue_lemma(m.group("cue")),
                resolve(ctx, span),
                span,
                parts=parts,
            )
    # any later cue with a subject right before it ("Mrs. Clinton, who did not say so, said on Wednesday that")
    for c in CUE_RE.finditer(text, s, body_end):
        lemma = cue_lemma(c.group(0))
        tail = _CUE_TAIL.match(text, c.end(), body_end)
        if not tail:
            continue
        if not tail.group("that") and (lemma in _NEED_THAT or lemma not in SPEECH_LEMMAS):
            continue
        span = subject_before(text, s, c.start(), ctx.ents)
        if span is None or not is_speakerish(text, span, ctx.ents):
            continue
        cs, ce = tail.start("content"), body_end
        if ce - cs < 10:
            continue
        return Found(
            cs, ce, " ".join(text[cs:ce].split()), False, lemma, resolve(ctx, span), span, parts=[(cs, ce)]
        )
    return None


_CUE_TAIL = re.compile(
    r"(?:\s+(?:reporters|journalists|him|her|them|us|me|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))?"
    r"(?:\s+(?:on|in|at|during|last|this|after|before|late|early)\s+[^,“”\"]{1,40}?)?,?"
    r"(?:\s+(?P<that>that))?\s+(?P<content>\S.{12,})"
)
_IND_PARENTHETICAL = re.compile(
    rf"^(?P<c1>[^,]{{10,}}?),\s+(?P<spk>[^,]{{2,60}}?)\s+(?:{ADVERBS}\s+)*(?P<cue>{SPEECH_RE.pattern}),\s+(?P<c2>\S.{{10,}})$"
)


# a page label that opens a line ("Story highlights", "Key points", "Latest updates"): furniture whose
# noun the parser reads as a verb with the label's first word as its subject
_LABEL_LINE = re.compile(
    r"\s*(?P<word>Story|Key|Latest|Top|Video|Live)\s+(?:highlights|points|updates|stories)\b"
)


# a colon and an opening mark right after a reported clause: it introduces the quote that follows
_INTRO_COLON = re.compile(r"\s*:\s*[“\"‘']")


# "will try to paint", "may attempt to argue": a modal before a verb of trying puts the speech in the
# reporter's guess about the future ("the lawyers tried to argue that" did argue: no modal, kept)
_TRY = frozenset(["try", "attempt"])
_MODALS = frozenset(["will", "would", "may", "might", "could", "'ll"])


def _hypothetical(text: str, parse: Parse, cue: int) -> bool:
    head = parse.heads[cue]
    if parse.deps[cue] != "xcomp" or text[parse.starts[head] : parse.ends[head]].lower() not in _TRY:
        return False
    return any(
        parse.deps[c] == "aux" and text[parse.starts[c] : parse.ends[c]].lower() in _MODALS
        for c in parse.children(head)
    )


def find_indirect_parsed(text: str, ctx: DocContext, parse: Parse, direct: list[Found]) -> list[Found]:
    """Reported speech, beliefs and "according to" from the parse (see ``attribution``).

    A clause that holds a direct quote, or a cue inside one, is left to the direct quote.
    """
    taken = [(s - 1, e + 1) for q in direct for s, e in q.parts]
    out: list[Found] = []
    # a name cited by a report is its source only when it names a person, a body or a place (``relays``)
    with source_names([(e.start, e.end, e.label) for e in ctx.ents]):
        atts = clause_attributions(parse, text)
    for a in atts:
        if a.speaker is None:
            continue  # no one to attribute it to: a passive or an expletive ("it is expected that")
        if text[a.speaker[0] : a.speaker[1]].lower() in ("you", "one"):
            continue  # "you might like ...", "can you feel it": the generic or addressed reader
        shouted = all(text[s:e].isupper() for s, e in a.content)  # a headline quote in capitals
        if not shouted and any(_FURNITURE.match(text, s) for s, _ in a.content):
            continue  # "MOST READ IN NEWS 'DAD WAS ...' ... claims": a link list, not anyone's words
        label = _LABEL_LINE.match(text, text.rfind("\n", 0, a.speaker[0]) + 1)
        if label and label.start("word") <= a.speaker[0] < label.end():
            continue  # "Story highlights Heavy winds forced ...": a page label heading a summary list
        if a.cue >= 0 and _hypothetical(text, parse, a.cue):
            continue  # "X will probably try to paint this as ...": a guess at what X may say, not said
        shown = SHOWN_HEADS.search(text, a.speaker[0], a.speaker[1])
        if (
            shown
            # "footage emerged revealing the moments": reveal/show from a picture is seen, not said
            and (a.lemma not in SPEECH_LEMMAS or a.lemma in ("reveal", "show"))
            and a.kind != "according"
            and (text[shown.start()].islower() or shown.start() == a.speaker[0])
        ):
            # what a picture shows or reveals is seen, not said (perception is no speech or cognition
            # cue); a picture's speech verb ("graphics said that the cuts ...") and "according to a flow
            # chart" cite a claim; a capitalised head inside the phrase is a name ("NHK Television")
            continue  # "Harrowing images show bodies ...", "the tab lists all the apps": shown, not said
        if re.search(r"@\w|https?:|www\.", text[a.speaker[0] : a.speaker[1]]):
            continue  # "email digishowbiz@... or call us direct": an address is the page's, no speaker
        cue_at = parse.starts[a.cue] if a.cue >= 0 else a.speaker[0]
        if any(s <= cue_at < e or s <= a.speaker[0] < e for s, e in taken):
            continue
        parts = without_quoted_clauses(parse, text, a.content, taken)
        # a part that still runs into a direct quote is the quote's; the other parts (the clause
        # before "and that ...“...”") stay reported speech
        kept = [(s, e) for s, e in parts if not any(s < e2 and s2 < e for s2, e2 in taken)]
        if len(kept) < len(parts):
            # only whole clauses (a finite verb, four words) are left standing: "But", "In contrast",
            # "On ABC's “Good Morning America” Tuesday" are the frame of the quote, not reported words
            kept = [(s, e) for s, e in kept if len(text[s:e].split()) >= 4 and _finite(parse, s, e)]
        a.content = kept
        if not a.content:
            continue
        words = sum(len(text[s:e].split()) for s, e in a.content)
        if words < (3 if a.kind in ("ccomp", "according") else 1) and not (
            # "I think it's good", "Flake said he would", "the campaign denied it happened": a short
            # clause with its own subject and finite verb is a whole proposition
            a.kind == "ccomp" and words == 2 and _finite(parse, *a.content[0])
        ):
            continue
        a.content = other_holders_relative(parse, text, a.content)  # ", which a coach suggested ..."
        fronted = relative_subject(parse, text, a.cue, a.content)
        if fronted:
            a.content = fronted  # "the attack, which she said was ...": the antecedent is the subject
        nested = nested_statement(parse, text, ctx, a.content, a.speaker)
        if nested:
            a.speaker, a.content = nested  # "X said Y, “Z,” he said": Y is X's own report
            a.via = None
        ls, le = a.content[-1]
        tail = _NAME_TAIL.search(text, ls, le)
        if tail and le <= a.speaker[0] and not text[le : a.speaker[0]].strip():
            # "... around the globe, PETA Senior Vice President Lisa Lange said": the parse hung the
            # start of the speaker's phrase on the content; the words after its last comma, in
            # capitals and touching the speaker, are the speaker's
            a.content[-1] = (ls, tail.start())
            a.speaker = (tail.start("name"), a.speaker[1])
        topic = is_topic(parse, text, a.kind, a.content, a.lemma)
        if topic and no_stance(parse, text, a.cue, a.lemma, a.content[0], a.speaker):
            continue  # a thing sent, goods recalled, evidence pointing, the means of an act: no view held
        speaker = resolve(ctx, a.speaker)
        q = Found(
            a.content[0][0],
            a.content[-1][1],
            quote_text(text, a.content),
            False,
            a.lemma,
            speaker,
            a.speaker,
            resolve(ctx, a.via) if a.via else None,
            parts=list(a.content),
            kind="topic" if topic else "words",
        )
        if q.via == q.speaker:
            q.via = None
        out.append(q)
    return out


_FURNITURE = re.compile(r"(?:[A-Z][A-Z'’:!?-]+\s+){3,}")


_NAME_TAIL = re.compile(r",\s+(?P<name>(?:[A-Z][\w.&'’-]*\s*){1,3})$")


def _finite(parse: Parse, s: int, e: int) -> bool:
    return any(parse.tags[t] in ("VBD", "VBZ", "VBP", "MD") for t in parse.tokens_in(s, e))


def find_quotes(text: str, ents: list[Ent], indirect: bool = True, parse: Parse | None = None) -> list[Found]:
    """All quotes of one document, in text order (offsets and lengths as in ``text``).

    With ``parse`` (the document's dependency parse) attribution follows the tree; without it the
    pattern rules alone run (names off, or no parser).
    """
    text = normalise_marks(text)
    ctx = DocContext.build(text, ents, parse)
    if parse is not None:
        # which PERSON mentions are clause subjects: pronouns refer to those first
        for e in ctx.persons:
            for t in parse.tokens_in(e.start, e.end):
                # "Another parent, Esther Yakubu, said": the appositive of a subject is the subject too
                subj_of = parse.heads[t] if parse.deps[t] == "appos" else t
                if parse.deps[subj_of] in ("nsubj", "nsubjpass"):
                    ctx.subjects.add(e.start)
                    break
        role_subjects(text, ctx, parse)
    # a phrase in marks inside an embedded post is mentioned by the poster, not said (``not_quotes``)
    direct = [q for q in find_direct(text, ctx, parse=parse) if not inside_post(text, q.start, q.end)]
    out = list(direct)
    if indirect:
        if parse is not None:
            out.extend(find_indirect_parsed(text, ctx, parse, direct))
            taken = [(s, e) for q in out for s, e in q.parts]
            out.extend(find_colon_lines(text, ctx, taken))
        else:
            out.extend(find_indirect(text, ctx, [(q.start - 1, q.end + 1) for q in direct]))
        taken = [(s, e) for q in out for s, e in q.parts]
        for spk, lemma, (cs, ce) in headline_cues(text, ctx.ents, headline_forms()):
            if not any(s < ce and cs < e for s, e in taken):
                out.append(Found(cs, ce, text[cs:ce], False, lemma, resolve(ctx, spk), spk, parts=[(cs, ce)]))
    first_person(text, out, ctx)
    for q in out:
        tidy_speaker(text, ctx, q)
    if parse is not None:
        for q in out:
            if q.speaker_span and text[q.speaker_span[0] : q.speaker_span[1]].lower() == "they":
                group = they_group(text, parse, ctx, q.speaker_span[0])
                group = group or according_group(text, parse, ctx, q.speaker_span[0])
                if group is not None:
                    q.speaker_span, q.speaker = group
        joint_speakers(text, ctx, parse, out)
    out.sort(key=lambda q: q.start)
    # "Yet on Saturday, in an Instagram post, Jackson quieted the theorizing: “...,” she wrote": a clause
    # that names its own speaker and introduces a quote with a colon is the frame, not reported words
    out = [
        q
        for q in out
        if q.direct
        or not q.speaker
        or not _INTRO_COLON.match(text, q.end)
        or not re.search(rf"\b{re.escape(q.speaker.split()[-1])}\b", q.text)
    ]
    # a quotation alone on its line in title case is a section heading, no one's words (``not_quotes``)
    out = [q for q in out if not (q.direct and section_heading(text, q.start, q.end))]
    out = [q for q in out if not reporters_contrast(text, q.start, q.direct)]  # ", however, ..." (``not_quotes``)
    # a term given by a passive verb of naming ("what are called “draa”") is no one's words
    out = [q for q in out if not (q.direct and naming_term(text, q.start, q.end))]
    # "Or in other words: “...”" with no one named: the reporter's gloss in a voice (``not_quotes``)
    out = [q for q in out if not (q.direct and not q.speaker and reporters_gloss(text, q.start))]
    speaking_it(text, ctx, out)
    quote_after_statement(text, out)
    if parse is not None:
        announced_quotes(text, ctx, parse, out)
    document_issuer(text, out)
    work_author(text, out)
    named_next(text, ctx, out)
    role_named_next(text, ctx, out)
    pronoun_chain(text, ctx, out)
    context_speakers(text, ctx, out)  # a role speaker's "he", a body in apposition, caption lines
    statement_goes_on(text, ctx, out)
    settle_speakers(text, ctx, out)
    unfit_speakers(text, ctx, parse, out)
    relayed_inference(text, ctx, out)
    posted_words(text, ctx, out)  # words an embedded post prints are its author's (``post_sources``)
    narrated_speaker(text, ctx, out)  # "X was taking it in stride. 'I ...'" (``narrated_quotes``)
    return out
