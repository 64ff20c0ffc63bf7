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

from storyprism.extract.attribution import clause_attributions, direct_attribution
from storyprism.extract.cues import (
    AFTER_RE,
    ALL_FORMS,
    CUE_RE,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_LEMMAS,
    SPEECH_RE,
)
from storyprism.extract.marks import QUOTE_MARKS, mark_role, normalise_marks, quote_text, scan_direct
from storyprism.extract.parse import Parse
from storyprism.extract.speakers import (
    GENERIC_SPEAKERS,
    SPEAKER_LABELS,
    DocContext,
    Ent,
    resolve,
)
from storyprism.extract.text import paragraphs, sentences

_WORD_RE = re.compile(r"[\w'’.-]+")
_ADVERBS = r"(?:also|later|then|further|previously|had|has|have|was|were|is|reportedly|once|again|simply|recently|earlier|quickly|repeatedly|often|would|will|could|might|may|did|does|do|told)"
_TIME_TAIL = re.compile(
    r"[\s,]+(?:on|last|this|early|late|earlier|later)\s+(?:\w+\s*){1,2}$|[\s,]+(?:yesterday|today|tonight|recently)$"
)


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


# --------------------------------------------------------------------------- speaker phrases

_SPK_AFTER = re.compile(
    rf"^[\s,—–-]*(?P<spk>(?:[^.!?;“”\"«»]|\.(?=\s[A-Z]|[,)A-Za-z])){{1,130}}?)\s+(?:{_ADVERBS}\s+)*(?P<cue>{AFTER_RE.pattern})(?=[\s,.;:!?]|$)"
)
_SPK_QUOTED = re.compile(
    r"^[\s,—–-]*(?P<spk>[^.!?;“”\"«»]{1,90}?)\s+(?:was|were|is|are|has been|had been)\s+quoted\s+"
    r"(?:by\s+(?P<via>[^.,;“”\"]{1,60}?)\s+)?as\s+(?P<cue>saying|stating|telling|writing|adding)"
)
_CUE_FIRST = re.compile(rf"^[\s,—–-]*(?P<cue>{SPEECH_RE.pattern})\s+(?P<spk>[^.!?;“”\"«»]{{1,120}})")
_ACCORDING_BEFORE = re.compile(r"[Aa]ccording to\s+(?P<spk>[^,.;“”\"]{1,80}?)\s*[,:]?\s*$")
_ACCORDING_AFTER = re.compile(r"^[\s,—–-]*according to\s+(?P<spk>[^,.;“”\"]{1,80})")
_STOP_INVERTED = re.compile(
    r",|;|\s(?:in|on|at|during|after|before|when|while|to|of|about|as|because|from|with|who|which|that|adding)\s"
)


def _clean_phrase(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Trim a speaker phrase span: conjunctions, time adverbials, punctuation; None if not a speaker."""
    phrase = text[s:e]
    m = _TIME_TAIL.search(phrase)
    if m and m.start() > 0:
        e = s + m.start()
    m = _STATEMENT_TAIL.search(text, s, e)
    if m and m.start() > s:
        e = m.start()
    while s < e and (text[s] in " ,;:—–-(" or text[s] in QUOTE_MARKS):
        s += 1
    while e > s and text[e - 1] in " ,;:—–-)":
        e -= 1
    lead = re.match(r"(?:and|but|so|as|while|then|when|yet|or|with|also)\s+", text[s:e], re.IGNORECASE)
    if lead:
        s += lead.end()
    phrase = text[s:e]
    words = phrase.split()
    if not words or len(words) > 14 or words[0].lower() in _RELATIVE or words[0].lower() in _INTRO:
        return None
    if any(ch in phrase for ch in QUOTE_MARKS):
        return None
    return (s, e)


def _is_speakerish(text: str, span: tuple[int, int], ents: list[Ent], strong: bool = False) -> bool:
    """Whether a phrase can be a speaker; ``strong`` when the position right after a quote already says so."""
    s, e = span
    words = [w.strip(",.'’").lower() for w in text[s:e].split()]
    if not words:
        return False
    if strong and words[0] in _DETERMINERS and 2 <= len(words) <= 5 and not any(w in _AUX for w in words):
        return True  # "the ad's narrator", "a voice-over in the ad"
    if len(words) == 1 and words[0] in PRONOUNS:
        return words[0] not in ("it", "him", "her")
    if any(ent.start == s and ent.label == "PERSON" for ent in ents):
        return True  # "Nate Silver, the polling guru who founded ...": a name with its appositive
    if len(words) > 8 and "," not in text[s:e]:
        return False
    if any(w in _RELATIVE_IN for w in words) or (any(w in _AUX for w in words) and "," not in text[s:e]):
        return False  # a clause ("which it", "the US has provided"), not a noun phrase
    if any(ent.start >= s and ent.end <= e and ent.label in SPEAKER_LABELS for ent in ents):
        return True
    if any(w in ROLE_NOUNS or w.rstrip("s") in ROLE_NOUNS or w in GENERIC_SPEAKERS for w in words):
        return True
    # a capitalised name spaCy missed ("Carson", "Jeb!")
    first = text[s:e].split()[0]
    return first[:1].isupper() and len(words) <= 4 and words[0] not in _NOT_SUBJECT


_STATEMENT_TAIL = re.compile(r"\s+(?:issued|released|put out|published|posted)\s+(?:a|an)\s+\w+\s*$")
_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "this", "one", "another", "our", "my"]
)
_RELATIVE_IN = frozenset(["which", "who", "whom", "whose", "where"])
_AUX = frozenset(["have", "has", "had", "is", "was", "are", "were", "will", "would", "been", "be"])
_RELATIVE = frozenset(["which", "who", "whom", "whose", "that", "where", "what", "it", "there"])
_INTRO = frozenset(
    [
        "in",
        "on",
        "at",
        "during",
        "for",
        "with",
        "speaking",
        "asked",
        "from",
        "over",
        "since",
        "by",
        "after",
        "before",
        "while",
        "when",
        "as",
        "if",
        "although",
        "though",
        "because",
        "despite",
        "under",
        "amid",
        "according",
    ]
)
_NOT_SUBJECT = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "there",
        "here",
        "in",
        "on",
        "at",
        "as",
        "but",
        "and",
        "if",
        "when",
        "while",
        "after",
        "before",
        "what",
        "which",
        "who",
        "one",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
    ]
)


# --------------------------------------------------------------------------- attribution


@dataclass(slots=True)
class _Attr:
    speaker: tuple[int, int] | None = None
    cue: str | None = None
    via: tuple[int, int] | None = None


def _lemma(form: str) -> str:
    return ALL_FORMS.get(form.lower(), form.lower())


def _after(text: str, start: int, limit: int, ents: list[Ent]) -> _Attr | None:
    seg = text[start:limit]
    m = _SPK_QUOTED.match(seg)
    if m:
        span = _clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span and _is_speakerish(text, span, ents, strong=True):
            via = (start + m.start("via"), start + m.end("via")) if m.group("via") else None
            return _Attr(span, "say", via)
    m = _CUE_FIRST.match(seg)
    if m and not m.group("cue").endswith("ing"):
        # an inverted tag is finite ("said Bolton"); '" saying Israel dug up ...' starts a new clause
        s0 = start + m.start("spk")
        stop = _STOP_INVERTED.search(text, s0, start + m.end("spk"))
        span = _clean_phrase(text, s0, stop.start() if stop else start + m.end("spk"))
        # "said master of ceremonies Asab Al-Tabchi, a Syrian engineer": up to the name
        person = next(
            (
                e
                for e in ents
                if e.label == "PERSON"
                and s0 <= e.start < s0 + 60
                and not re.search(r"[.!?;]\s", text[s0 : e.start])
            ),
            None,
        )  # never across a sentence end ("said a Kremlin spokesman. Secretary Rex Tillerson flew")
        if person and (span is None or span[1] < person.end):
            span = _clean_phrase(text, s0, person.end)
        if span and _is_speakerish(text, span, ents, strong=True):
            return _Attr(span, _lemma(m.group("cue")))
    m = _SPK_AFTER.match(seg)
    if m and ALL_FORMS.get(m.group("cue").lower()) in SPEECH_LEMMAS | {
        "think",
        "believe",
        "write",
        "tweet",
        "note",
    }:
        span = _clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span and _is_speakerish(text, span, ents, strong=True):
            return _Attr(span, _lemma(m.group("cue")))
    m = _ACCORDING_AFTER.match(seg)
    if m:
        span = _clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span:
            return _Attr(span, "according to")
    m = re.match(r"[\s,.]*[―—–-]\s*", seg)
    if m:  # '"...” ― Sonya Herridge': a dash and a name after a quote sign it (epigraph convention)
        person = next((e for e in ents if e.label in ("PERSON", "ORG") and e.start == start + m.end()), None)
        if person:
            return _Attr((person.start, person.end), "say")
    # '"...," Bennett shot back.' / '"..." his colleague wrote': a short subject and a verb right after a
    # quote that ends in punctuation is an attribution whatever the verb
    if (start >= 2 and text[start - 2] in ",.!?…-—") or text[start - 1 : start] in ",!?":
        m = _ANY_VERB_AFTER.match(seg)
        if m and m.group("verb").lower() not in _AUX and m.group("verb").lower() not in ("has", "does"):
            span = _clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
            if span:
                return _Attr(span, _lemma(m.group("verb")))
    return None


_ANY_VERB_AFTER = re.compile(
    r"^[\s,—–-]*(?P<spk>(?:(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)|he|she|they|I|we|"
    r"(?:the|a|an|his|her|their|its|one|another|this|that|these|some)(?:\s+[a-z][\w'’-]*){1,3}?)\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+(?:ed|es|s)|shot|went|wrote|told|said|spoke|began|cried|replied|added|read)\b"
)


def _before(text: str, clause: int, start: int, ents: list[Ent]) -> _Attr | None:
    seg = text[clause:start]
    m = _ACCORDING_BEFORE.search(seg)
    if m:
        span = _clean_phrase(text, clause + m.start("spk"), clause + m.end("spk"))
        if span:
            return _Attr(span, "according to")
    m = re.match(r"\s*Says?\s+", seg)
    if m:  # "Said Dorothy Poynter, who grew up with Ali, “..."
        person = next((e for e in ents if e.label == "PERSON" and e.start == clause + m.end()), None)
        if person:
            return _Attr((person.start, person.end), "say")
    speech = [c for c in SPEECH_RE.finditer(seg)]
    if not speech:
        # "Cruz called them on it:" -- a colon introduces the words of the clause's subject
        m = _NAME_COLON.search(seg) or _COLON_INTRO.search(seg)
        if m:
            span = _clean_phrase(text, clause + m.start("spk"), clause + m.end("spk"))
            if span and _is_speakerish(text, span, ents):
                return _Attr(span, _lemma(m.group("verb")) or None)
        return None
    first = speech[0]
    last = speech[-1]
    tail = seg[last.end() :]
    # the last cue must be close to the quote ("said:", "told reporters in a briefing that")
    if len(tail.split()) > 12 or re.search(r"[.!?]\s", tail):
        return None
    subj = _subject_before(text, clause, clause + first.start(), ents)
    attr = _Attr(subj if subj and _is_speakerish(text, subj, ents) else None, _lemma(first.group(0)))
    if attr.speaker is None:
        # "When asked if ..., Gale said:": the subject of a later cue
        for k in range(len(speech) - 1, 0, -1):
            cand = _subject_before(text, clause + speech[k - 1].end(), clause + speech[k].start(), ents)
            if cand and _is_speakerish(text, cand, ents):
                attr = _Attr(cand, _lemma(speech[k].group(0)))
                first = speech[k]
                break
    # inner speaker: "...that Xi said", "...that Xi <quote>" -> Xi speaks, the outer subject relays
    inner = None
    if len(speech) > 1:
        between_s = clause + speech[-2].end()
        mm = re.match(
            r"\s*(?:that\s+)?([^,;:]{1,40}?)\s*(?:" + _ADVERBS + r"\s+)*$",
            text[between_s : clause + last.start()],
        )
        if mm:
            inner = _clean_phrase(text, between_s + mm.start(1), between_s + mm.end(1))
    if inner is None:
        mm = re.search(r"\bthat\s+((?:[A-Z][\w'’.-]*\s*){1,4})$", tail)
        if mm and len(re.findall(r"\bthat\b", tail)) == 1:
            inner = _clean_phrase(text, clause + last.end() + mm.start(1), clause + last.end() + mm.end(1))
    if inner and _is_speakerish(text, inner, ents) and text[inner[0] : inner[1]].lower() not in PRONOUNS:
        if attr.speaker and inner != attr.speaker:
            attr.via = attr.speaker
        attr.speaker = inner
        attr.cue = _lemma(last.group(0))
    return attr if attr.speaker else None


_COLON_INTRO = re.compile(
    r"(?:^|[.!?,;—–]\s*|\s)(?P<spk>(?:(?:[A-Z][\w'’.-]*|of|the|de|van|von)\s+){0,5}[A-Z][\w'’.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+(?:ed|s))\b[^:.!?]{0,60}:\s*$"
)
_NAME_COLON = re.compile(r"(?:^|[.!?]\s+)(?P<spk>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)(?P<verb>):\s*$")
_BOUNDARY = re.compile(
    r"[,;:(—–]|\s(?:when|while|as|because|that|but|after|before|if|where|since|so|then|and then)\s"
)


_SUBJ_CAND = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|(?:[A-Z][\w'’-]+\.?\s+){0,3}[A-Z][\w'’-]+)(?=\s+[a-z])"
)
_NOT_BEFORE_SUBJ = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "about",
        "into",
        "than",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "when",
        "while",
    ]
)


def _subject_before(text: str, start: int, end: int, ents: list[Ent]) -> tuple[int, int] | None:
    """The noun phrase right before a cue: the last clause chunk, with an appositive's name kept."""
    while end > start and text[end - 1] in " ,":
        end -= 1
    # "Vasily Kashin, the director of the Centre for ... Studies at Moscow's HSE university, explained":
    # a name followed by its appositive up to the cue is the speaker, never a name inside the appositive
    for e in reversed([x for x in ents if x.label == "PERSON" and start <= x.start and x.end < end]):
        tail = text[e.end : end]
        if (
            re.match(r",\s+(?:a|an|the|his|her|its|their|who|which)\s", tail)
            and not re.search(r"[.;:!?]\s", tail)
            and not any(x.label == "PERSON" and e.end < x.start < end for x in ents)
        ):
            return (e.start, e.end)
        break
    cuts = [m.end() for m in _BOUNDARY.finditer(text, start, end)]
    s = cuts[-1] if cuts else start
    rel = re.search(r"\s(?:who|which|whose)\s", text[s:end])
    span = _clean_phrase(text, *_strip_intro(text, (s, s + rel.start() if rel else end)))
    if span is None or len(text[span[0] : span[1]].split()) > 6 or not _is_speakerish(text, span, ents):
        # "When he returned he began by", "Clinton posted a comment of her own, saying": the last
        # pronoun or name in subject position (not after an article, preposition or possessive)
        best = None
        for m in _SUBJ_CAND.finditer(text, start, end):
            prev = text[max(start, m.start() - 12) : m.start()].split()
            first_word = m.group(0).split()[0].lower()
            if (
                (prev and prev[-1].lower() in _NOT_BEFORE_SUBJ)
                or first_word in _INTRO
                or first_word in _NOT_SUBJECT
            ):
                continue
            if first_word.endswith("ing") and m.group(0)[:1].isupper() and len(m.group(0).split()) == 1:
                continue  # "Appearing before supporters, Suu Kyi said"
            best = (m.start(), m.end())
            if text[m.start() : m.end()].lower() not in PRONOUNS:
                break  # the first name is the clause subject
        if best:
            return best
    if span and re.match(r"(?:a|an|the)\s", text[span[0] : span[1]], re.IGNORECASE) and len(cuts) >= 1:
        # "Yuri Ushakov, a Kremlin aide, told": keep the name before the appositive
        prev_cut = cuts[-2] if len(cuts) >= 2 else start
        if text[cuts[-1] - 1] == ",":
            wide = _clean_phrase(text, prev_cut, end)
            if wide and text[wide[0]].isupper() and len(text[wide[0] : cuts[-1]].split()) <= 4:
                return wide
    return span


def _strip_intro(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop an introductory phrase ("In his first remarks, Putin") but keep appositives ("Ushakov, an aide,")."""
    s, e = span
    phrase = text[s:e]
    if "," in phrase:
        head = phrase.split(",", 1)[0]
        if head.split() and head.split()[0].lower() in _INTRO:
            return (s + phrase.rindex(",") + 1, e)
    return span


def find_direct(
    text: str, ctx: DocContext, min_words_unattributed: int = 6, parse: Parse | None = None
) -> list[Found]:
    """Direct quotes with speakers; split quotes ("A," he said, "B.") come back as one quote."""
    raw = scan_direct(text)
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
        after = _after(text, closing, limit, ctx.ents)
        if after and parse is not None and _opens_own_clause(text, parse, q_end=qe, closing=closing):
            after = None  # '... go to?” South Korea said it was ready ...': a new sentence, not a tag
        before = _before(text, clause, opening, ctx.ents)
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
            elif a_name != b_name:
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
        if parse is not None and _title_in_marks(text, parse, q):
            continue
        if parse is not None and not (after and after.speaker and not before):
            # a cue right after the closing mark (", Ushakov said") is the most reliable signal there
            # is; otherwise the parse decides and the patterns are the fallback
            _parsed_speaker(text, ctx, parse, q)
        found.append(q)
    # split quotes: "A," he said, "B." -> one quote
    merged: list[Found] = []
    for q in found:
        if merged:
            p = merged[-1]
            gap = text[p.end : q.start]
            same = q.speaker is None or q.speaker_span == p.speaker_span
            if p.speaker and same and _SPLIT_GAP.match(gap):
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


_SMALL_WORDS = frozenset(["of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or"])


def _title_in_marks(text: str, parse: Parse, q: Found) -> bool:
    """A short title-cased phrase in marks that is no clause or object of a cue is a name of a show,
    a book or a slogan ("said on “Good Morning America” that"), not someone's words."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", q.text)]
    if not words or len(words) > 6 or re.search(r"[.!?,]$", q.text.strip()):
        return False
    if not all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return False
    pa = direct_attribution(parse, text, q.parts)
    return pa is None or not pa.strong


def _opens_own_clause(text: str, parse: Parse, q_end: int, closing: int) -> bool:
    """After a quote that ends a sentence, a cue verb with its own clausal complement starts a new
    statement ("“...?” South Korea said it was ready to defend itself"), it does not tag the quote."""
    if not re.search(r"[.!?]['’]?\s*$", text[max(0, q_end - 3) : q_end]):
        return False
    for t in parse.tokens_in(closing, min(len(text), closing + 80)):
        if parse.tags[t].startswith("VB") and ALL_FORMS.get(text[parse.starts[t] : parse.ends[t]].lower()):
            # the complement must be the reporter's own clause, not the next quote ("...” Flynn said. “...")
            return any(
                parse.deps[c] == "ccomp"
                and parse.starts[c] > closing
                and not any(ch in QUOTE_MARKS for ch in text[closing : parse.ends[c]])
                for c in parse.children(t)
            )
    return False


def _parsed_speaker(text: str, ctx: DocContext, parse: Parse, q: Found) -> None:
    """The speaker the dependency parse gives (the subject of the cue governing the quote) wins over
    the pattern rules, which stay the fallback; a relayer the rules found for the same speaker is kept."""
    pa = direct_attribution(parse, text, q.parts)
    if pa is None or pa.speaker is None:
        return
    words = text[pa.speaker[0] : pa.speaker[1]].split()
    if not words or len(words) > 14 or words[0].lower() in ("it", "this", "that", "there", "which"):
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
    lead_pronoun = re.match(r"(?:He|She)\b", text[prev:end])
    if lead_pronoun and ctx.person_before(prev):
        # "He said they decided ... . “...”": the pronoun that opens the previous sentence
        return (prev, prev + lead_pronoun.end())
    for e in ctx.persons:
        if prev <= e.start < end:
            lead = text[prev : e.start]
            if all(w[:1].isupper() for w in lead.split()) and len(lead.split()) <= 4:
                return (e.start, e.end)
            return None
    return None


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


def _sentence_start(text: str, pos: int) -> int:
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


# --------------------------------------------------------------------------- indirect quotes

_SUBJ = r"(?P<spk>[^.!?;“”\"«»]{1,100}?)"
_CUE_ANY = CUE_RE.pattern
_IND_SUBJ_CUE = re.compile(
    rf"^{_SUBJ}\s+(?:{_ADVERBS}\s+)*(?P<cue>{_CUE_ANY})\s+(?:(?P<obj>reporters|journalists|him|her|them|us|me|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})\s+)?"
    r"(?:(?:on|in|at|during|last|this|after|before|late|early)\s+[^,“”\"]{1,40}?\s+)?(?P<that>that\s+)?(?P<content>\S.{12,})$"
)
_IND_CONTENT_FIRST = re.compile(
    rf"^(?P<content>.{{15,}}?),\s+{_SUBJ}\s+(?:{_ADVERBS}\s+)*(?P<cue>{SPEECH_RE.pattern})(?P<rest>[^.!?]{{0,80}})[.!?]?$"
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
        span = _clean_phrase(text, *_strip_intro(text, (s + m.start("spk"), s + m.end("spk"))))
        if span is None:
            continue
        if kind == "cc":
            stop = _STOP_INVERTED.search(text, span[0], span[1])
            if stop:
                span = _clean_phrase(text, span[0], stop.start()) or span
        if kind == "sc":
            cue = _lemma(m.group("cue"))
            if cue in _NEED_THAT and not m.group("that"):
                continue
            if (
                not SPEECH_RE.fullmatch(m.group("cue"))
                and not m.group("that")
                and cue not in ("accuse", "urge")
            ):
                continue
        if not _is_speakerish(text, span, ctx.ents):
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
        cue_lemma = "according to" if kind == "acc" else _lemma(m.group("cue"))
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
            cue_lemma,
            resolve(ctx, span),
            span,
            parts=[(cs, ce)],
        )
    m = _IND_PARENTHETICAL.match(sent)
    if m:
        span = _clean_phrase(text, s + m.start("spk"), s + m.end("spk"))
        if span and _is_speakerish(text, span, ctx.ents):
            parts = [
                (s + m.start("c1"), s + m.end("c1")),
                (s + m.start("c2"), min(s + m.end("c2"), body_end)),
            ]
            return Found(
                parts[0][0],
                parts[1][1],
                quote_text(text, parts),
                False,
                _lemma(m.group("cue")),
                resolve(ctx, span),
                span,
                parts=parts,
            )
    # any later cue with a subject right before it ("Mrs. Clinton, who did not say so, said on Wednesday that")
    for c in CUE_RE.finditer(text, s, body_end):
        lemma = _lemma(c.group(0))
        tail = _CUE_TAIL.match(text, c.end(), body_end)
        if not tail:
            continue
        if not tail.group("that") and (lemma in _NEED_THAT or lemma not in SPEECH_LEMMAS):
            continue
        span = _subject_before(text, s, c.start(), ctx.ents)
        if span is None or not _is_speakerish(text, span, ctx.ents):
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
    rf"^(?P<c1>[^,]{{10,}}?),\s+(?P<spk>[^,]{{2,60}}?)\s+(?:{_ADVERBS}\s+)*(?P<cue>{SPEECH_RE.pattern}),\s+(?P<c2>\S.{{10,}})$"
)


def find_indirect_parsed(text: str, ctx: DocContext, parse: Parse, direct: list[Found]) -> list[Found]:
    """Reported speech, beliefs and "according to" from the parse (see ``attribution``).

    A clause that holds a direct quote, or a cue inside one, is left to the direct quote.
    """
    taken = [(s - 1, e + 1) for q in direct for s, e in q.parts]
    out: list[Found] = []
    for a in clause_attributions(parse, text):
        if a.speaker is None:
            continue  # no one to attribute it to: a passive or an expletive ("it is expected that")
        if text[a.speaker[0] : a.speaker[1]].lower() in ("you", "one"):
            continue  # "you might like ...", "can you feel it": the generic or addressed reader
        cue_at = parse.starts[a.cue] if a.cue >= 0 else a.speaker[0]
        if any(s <= cue_at < e or s <= a.speaker[0] < e for s, e in taken):
            continue
        if any(s < e2 and s2 < e for s, e in a.content for s2, e2 in taken):
            continue
        if sum(len(text[s:e].split()) for s, e in a.content) < (3 if a.kind in ("ccomp", "according") else 1):
            continue
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
        )
        if q.via == q.speaker:
            q.via = None
        out.append(q)
    return out


def _first_person(text: str, found: list[Found], ctx: DocContext) -> None:
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
            intro = _before(text, _sentence_start(text, colon), colon + 1, ctx.ents)
            if intro and intro.speaker:
                q.speaker_span, q.speaker = intro.speaker, resolve(ctx, intro.speaker)


def find_quotes(text: str, ents: list[Ent], indirect: bool = True, parse: Parse | None = None) -> list[Found]:
    """All quotes of one document, in text order (offsets and lengths as in ``text``).

    With ``parse`` (the document's dependency parse) attribution follows the tree; without it the
    pattern rules alone run (names off, or no parser).
    """
    text = normalise_marks(text)
    ctx = DocContext.build(text, ents)
    if parse is not None:
        # which PERSON mentions are clause subjects: pronouns refer to those first
        for e in ctx.persons:
            for t in parse.tokens_in(e.start, e.end):
                if parse.deps[t] in ("nsubj", "nsubjpass"):
                    ctx.subjects.add(e.start)
                    break
    direct = find_direct(text, ctx, parse=parse)
    out = list(direct)
    if indirect:
        if parse is not None:
            out.extend(find_indirect_parsed(text, ctx, parse, direct))
        else:
            out.extend(find_indirect(text, ctx, [(q.start - 1, q.end + 1) for q in direct]))
    _first_person(text, out, ctx)
    out.sort(key=lambda q: q.start)
    return out
