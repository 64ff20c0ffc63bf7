"""Speech tags next to a quote, by pattern rules over the text and the named-entity spans.

The parse-free half of attribution (``quotes`` assembles quotes; ``attribution`` reads the parse):
``tag_after`` reads the tag after a closing mark (``, Ushakov said``, ``said Putin``, ``Xi was quoted
by CCTV as saying``, a dash signature), ``tag_before`` the frame before an opening mark (``Putin
said:``, ``told reporters that Xi``, ``according to X,``), and ``subject_before`` the noun phrase in
subject position before a cue. They are the fallback when there is no parse (names off) and the first
word when a finite tag follows the closing mark, the most reliable signal there is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.extract.cues import AFTER_RE, ALL_FORMS, PRONOUNS, ROLE_NOUNS, SPEECH_LEMMAS, SPEECH_RE
from storyprism.extract.marks import QUOTE_MARKS
from storyprism.extract.speakers import GENERIC_SPEAKERS, SPEAKER_LABELS, Ent
from storyprism.extract.text import paragraphs, sentences

_WORD_RE = re.compile(r"[\w'’.-]+")
ADVERBS = r"(?:also|later|then|further|previously|had|has|have|was|were|is|reportedly|once|again|simply|recently|earlier|quickly|repeatedly|often|would|will|could|might|may|did|does|do|told)"
_TIME_TAIL = re.compile(
    r"[\s,]+(?:on|last|this|early|late|earlier|later)\s+(?:\w+\s*){1,2}$|[\s,]+(?:yesterday|today|tonight|recently)$"
)


# --------------------------------------------------------------------------- speaker phrases

_SPK_AFTER = re.compile(
    rf"^[\s,—–-]*(?P<spk>(?:[^.!?;“”\"«»]|\.(?=\s[A-Z]|[,)A-Za-z])){{1,130}}?)\s+(?:{ADVERBS}\s+)*(?P<cue>{AFTER_RE.pattern})(?=[\s,.;:!?]|$)"
)
_SPK_QUOTED = re.compile(
    r"^[\s,—–-]*(?P<spk>[^.!?;“”\"«»]{1,90}?)\s+(?:was|were|is|are|has been|had been)\s+quoted\s+"
    r"(?:by\s+(?P<via>[^.,;“”\"]{1,60}?)\s+)?as\s+(?P<cue>saying|stating|telling|writing|adding)"
)
# "the column quoted coach Dan Ortiz as saying", "the letter quoted a neighbour as saying": the object of
# active "quote ... as saying" is the one whose words they are, the subject only relays them (signal: the
# grammar of "quote X as saying" hands the words to X). The object may be any noun phrase, a common noun
# ("a neighbour") or a name behind a lower-case title ("coach Dan Ortiz"), not only a capitalised name.
_QUOTED_AS_OBJ = re.compile(
    r"\bquot(?:ing|ed|es)\s+(?P<obj>[\w.'’-]+(?:\s+[\w.'’-]+){0,5}?)\s+as\s+"
    r"(?:saying|stating|writing|adding|telling\s+\w+)\s*[,:]?\s*"
)
# "was quoted in the paper as saying": the passive's subject is the speaker, the phrase after "quoted"
# a place or time, not an object
_NOT_OBJECT_FIRST = frozenset(
    ["by", "in", "on", "at", "from", "during", "last", "earlier", "yesterday", "today", "as", "widely", "directly",
     "previously", "recently", "later", "this", "that", "it"]
)  # fmt: skip
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|be|been|being|am|often|widely|also)\s+$", re.IGNORECASE)


def quoted_as_object(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of X in an active "quoted X as saying" between ``a`` and ``b``, or None (passive
    "was quoted ... as saying" and "quoted in the paper as saying" have no object)."""
    for m in _QUOTED_AS_OBJ.finditer(text, a, b):
        obj = m.group("obj")
        if obj.split()[0].lower() in _NOT_OBJECT_FIRST:
            continue
        if _PASSIVE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if any(ch in obj for ch in QUOTE_MARKS):
            continue
        return m.span("obj")
    return None


# the period of a title abbreviation does not end the speaker phrase ("said Mr. Kim, the North's leader")
_TITLES_DOT = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Prof",
    "Sgt",
    "Lt",
    "Col",
    "Capt",
    "Rev",
    "St",
)
_TITLE_DOT = "(?:" + "|".join(rf"(?<=\b{t})" for t in _TITLES_DOT) + r")\."
_CUE_FIRST = re.compile(
    rf"^[\s,—–-]*(?P<cue>{SPEECH_RE.pattern})\s+(?P<spk>(?:[^.!?;“”\"«»]|{_TITLE_DOT}){{1,120}})"
)
# a sentence adverb may stand between the source and the words ("According to the letter, however, “...")
_ACCORDING_BEFORE = re.compile(
    r"[Aa]ccording to\s+(?P<spk>[^,.;“”\"]{1,80}?)\s*"
    r"(?:,\s*(?:however|though|meanwhile|moreover|furthermore|also|too|then|in fact|indeed)\s*)?[,:]?\s*$"
)
_ACCORDING_AFTER = re.compile(r"^[\s,—–-]*according to\s+(?P<spk>[^,.;“”\"]{1,80})")
STOP_INVERTED = re.compile(
    r",|;|\s(?:in|on|at|during|after|before|when|while|to|of|about|as|because|from|with|who|which|that|adding)\s"
)


def clean_phrase(text: str, s: int, e: int) -> tuple[int, int] | None:
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
    if _SENTENCE_END.search(phrase):
        # "... reeks of “fear” and desperation. Mook told CBS": a tag belongs to its quote's sentence;
        # a lower-case word closed by a full stop ends it (titles and initials are capitalised)
        return None
    return (s, e)


_SENTENCE_END = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")


def is_speakerish(text: str, span: tuple[int, int], ents: list[Ent], strong: bool = False) -> bool:
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
        "following",  # "Following these claims, Weinstein was fired": a participle, not a subject
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


def cue_lemma(form: str) -> str:
    return ALL_FORMS.get(form.lower(), form.lower())


def tag_after(text: str, start: int, limit: int, ents: list[Ent]) -> _Attr | None:
    seg = text[start:limit]
    m = _SPK_QUOTED.match(seg)
    if m:
        span = clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span and is_speakerish(text, span, ents, strong=True):
            via = (start + m.start("via"), start + m.end("via")) if m.group("via") else None
            return _Attr(span, "say", via)
    m = _CUE_FIRST.match(seg)
    if m and not m.group("cue").endswith("ing"):
        # an inverted tag is finite ("said Bolton"); '" saying Israel dug up ...' starts a new clause
        s0 = start + m.start("spk")
        stop = STOP_INVERTED.search(text, s0, start + m.end("spk"))
        span = clean_phrase(text, s0, stop.start() if stop else start + m.end("spk"))
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
            span = clean_phrase(text, s0, person.end)
        if span and is_speakerish(text, span, ents, strong=True):
            return _Attr(span, cue_lemma(m.group("cue")))
    m = _SPK_AFTER.match(seg)
    # a participle is no finite tag: '” Hale emailed supporters saying: “' starts a new sentence
    if (
        m
        and not m.group("cue").lower().endswith("ing")
        and ALL_FORMS.get(m.group("cue").lower())
        in SPEECH_LEMMAS
        | {
            "think",
            "believe",
            "write",
            "tweet",
            "note",
        }
    ):
        span = clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span and is_speakerish(text, span, ents, strong=True):
            return _Attr(span, cue_lemma(m.group("cue")))
    m = _ACCORDING_AFTER.match(seg)
    if m:
        span = clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
        if span:
            return _Attr(owner_of_words(text, span), "according to")
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
            span = clean_phrase(text, start + m.start("spk"), start + m.end("spk"))
            if span:
                return _Attr(span, cue_lemma(m.group("verb")))
    return None


_ANY_VERB_AFTER = re.compile(
    r"^[\s,—–-]*(?P<spk>(?:(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)|he|she|they|I|we|"
    r"(?:the|a|an|his|her|their|its|one|another|this|that|these|some)(?:\s+[a-z][\w'’-]*){1,3}?)\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+(?:ed|es|s)|shot|went|wrote|told|said|spoke|began|cried|replied|added|read)\b"
)


# "his remarks provided by the Kremlin", "Putin's comments": a possessive on nouns for one's own words
_OWNED_WORDS = re.compile(
    r"(?P<owner>his|her|their|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?)\s+(?:own\s+)?"
    r"(?:remarks|comments|words|statements?|testimony|account)\b"
)


def owner_of_words(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The source of "according to his remarks (provided by X)": the words' owner, whoever passed them on
    (a possessive names who spoke them); any other phrase is the source itself."""
    m = _OWNED_WORDS.match(text, span[0], span[1])
    if m is None:
        return span
    s, e = m.span("owner")
    return (s, e - 2) if text[e - 2 : e] in ("'s", "’s") else (s, e - 1) if text[e - 1] in "'’" else (s, e)


def tag_before(text: str, clause: int, start: int, ents: list[Ent]) -> _Attr | None:
    seg = text[clause:start]
    bracketed = bracketed_after_name(text, start, ents)
    if bracketed is not None:
        return _Attr(bracketed, None)
    m = _ACCORDING_BEFORE.search(seg)
    if m:
        span = clean_phrase(text, clause + m.start("spk"), clause + m.end("spk"))
        if span:
            return _Attr(owner_of_words(text, span), "according to")
    m = re.match(r"\s*Says?\s+", seg)
    if m:  # "Says Dorothy Poynter, who grew up with Ali, “..."
        person = next((e for e in ents if e.label == "PERSON" and e.start == clause + m.end()), None)
        if person:
            return _Attr((person.start, person.end), "say")
    m = _INVERTED_CUE.match(seg)
    if m:  # "Added Haynes, “...", "Said Ann Ruiz, who grew up with him, “..."
        s, e = clause + m.start("spk"), clause + m.end("spk")
        named = any(x.label == "PERSON" and x.start < e and s < x.end for x in ents)
        # a name the NER took (it may swallow the cue word) or one the quote follows at once
        if named or not seg[m.end() :].strip(" ,:“”\"'‘\n"):
            return _Attr((s, e), cue_lemma(m.group("verb")) or "say")
    speech = [c for c in SPEECH_RE.finditer(seg)]
    if not speech:
        # "Cruz called them on it:" -- a colon introduces the words of the clause's subject
        m = _NAME_COLON.search(seg) or _COLON_INTRO.search(seg)
        if m and m.group("spk").split()[-1].lower() in CAPTION_LABELS:
            return None  # "Screenshot: “example.com”": a caption's label, no one's words follow
        if m:
            span = clean_phrase(text, clause + m.start("spk"), clause + m.end("spk"))
            if span and is_speakerish(text, span, ents):
                return _Attr(span, cue_lemma(m.group("verb")) or None)
        return None
    first = speech[0]
    last = speech[-1]
    tail = seg[last.end() :]
    # the last cue must be close to the quote ("said:", "told reporters in a briefing that")
    if len(tail.split()) > 12 or re.search(r"[.!?]\s", tail):
        return None
    subj = subject_before(text, clause, clause + first.start(), ents)
    attr = _Attr(subj if subj and is_speakerish(text, subj, ents) else None, cue_lemma(first.group(0)))
    if attr.speaker is None:
        # "When asked if ..., Gale said:": the subject of a later cue
        for k in range(len(speech) - 1, 0, -1):
            cand = subject_before(text, clause + speech[k - 1].end(), clause + speech[k].start(), ents)
            if cand and is_speakerish(text, cand, ents):
                attr = _Attr(cand, cue_lemma(speech[k].group(0)))
                first = speech[k]
                break
    # inner speaker: "...that Xi said", "...that Xi <quote>" -> Xi speaks, the outer subject relays
    inner = None
    if len(speech) > 1:
        between_s = clause + speech[-2].end()
        mm = re.match(
            r"\s*(?:that\s+)?([^,;:]{1,40}?)\s*(?:" + ADVERBS + r"\s+)*$",
            text[between_s : clause + last.start()],
        )
        if mm:
            inner = clean_phrase(text, between_s + mm.start(1), between_s + mm.end(1))
    if inner is None:
        mm = re.search(r"\bthat\s+((?:[A-Z][\w'’.-]*\s*){1,4})$", tail)
        if mm and len(re.findall(r"\bthat\b", tail)) == 1:
            inner = clean_phrase(text, clause + last.end() + mm.start(1), clause + last.end() + mm.end(1))
    if inner and is_speakerish(text, inner, ents) and text[inner[0] : inner[1]].lower() not in PRONOUNS:
        if attr.speaker and inner != attr.speaker:
            attr.via = attr.speaker
        attr.speaker = inner
        attr.cue = cue_lemma(last.group(0))
    return attr if attr.speaker else None


# a quotation alone in brackets right after a name: "Rose (“Women have always stepped up”), Lily Fay and
# Joan Dee condemned it"
_BRACKET_OPEN = re.compile(r"\s*\(\s*$")
_BRACKET_QUOTE = re.compile(r"[“\"](?P<words>[^“”\"()\n]{1,500})[”\"]\s*\)")


def bracketed_after_name(text: str, opening: int, ents: list[Ent]) -> tuple[int, int] | None:
    """The person whose name a bracketed quotation follows: 'Rose (“Women have always stepped up”)' in a
    list of people who reacted. Signal: the news convention of giving each one's words in brackets after
    the name; a sentence of words (five or more, mostly lower case), so a bracketed title or nickname
    ('Adele (“Hello”)', 'Ann Lee (“the queen”)') is not taken for words."""
    person = next(
        (e for e in ents if e.label == "PERSON" and e.end < opening and _BRACKET_OPEN.fullmatch(text, e.end, opening)),
        None,
    )
    m = _BRACKET_QUOTE.match(text, opening)
    if person is None or m is None:
        return None
    words = m.group("words").split()
    if len(words) < 5 or sum(w[:1].isupper() for w in words) * 2 > len(words):
        return None
    return person.start, person.end


# a cue verb that opens its sentence before its subject ("Added Haynes, “...", "Said Ruiz: “..."): the
# news convention of inversion, the named person right after the verb is the speaker
_INVERTED_CUE = re.compile(
    r"\s*(?P<verb>Said|Added|Adds|Continued|Explained|Wrote|Recalled|Noted|Concluded|Insisted|Warned|Replied|"
    r"Countered|Quipped|Joked|Remembered|Admitted|Agreed|Observed)\s+"
    r"(?P<spk>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*[,:]"
)
_COLON_INTRO = re.compile(
    r"(?:^|[.!?,;—–]\s*|\s)(?P<spk>(?:(?:[A-Z][\w'’.-]*|of|the|de|van|von)\s+){0,5}[A-Z][\w'’.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+(?:ed|s))\b[^:.!?]{0,60}:\s*$"
)
# words that label a caption or a credit line before a colon ("Photo:", "Screenshot:", "Source:"): a
# picture or where it came from is named, not a speaker
CAPTION_LABELS = frozenset(
    ["screenshot", "screenshots", "photo", "photos", "photograph", "image", "images", "picture", "video",
     "source", "sources", "credit", "credits", "pictured", "caption", "graphic", "map", "chart", "watch",
     "photographer", "photographers", "photography"]
)  # fmt: skip
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


def subject_before(text: str, start: int, end: int, ents: list[Ent]) -> tuple[int, int] | None:
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
    span = clean_phrase(text, *strip_intro(text, (s, s + rel.start() if rel else end)))
    if span is None or len(text[span[0] : span[1]].split()) > 6 or not is_speakerish(text, span, ents):
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
            wide = clean_phrase(text, prev_cut, end)
            if wide and text[wide[0]].isupper() and len(text[wide[0] : cuts[-1]].split()) <= 4:
                return wide
    return span


def strip_intro(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop an introductory phrase ("In his first remarks, Putin") but keep appositives ("Ushakov, an aide,")."""
    s, e = span
    phrase = text[s:e]
    if "," in phrase:
        head = phrase.split(",", 1)[0]
        if head.split() and head.split()[0].lower() in _INTRO:
            return (s + phrase.rindex(",") + 1, e)
    return span


# --------------------------------------------------------------------------- headlines

# words a title leaves in lower case ("Sanders Vows to Eliminate Tax Breaks for Developers")
_TITLE_SMALL = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "for", "and", "at", "by", "with", "as", "or", "from", "but",
     "nor", "vs", "via", "into", "over", "off", "up"]
)  # fmt: skip
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_TITLE_VERB = re.compile(r"(?<= )[A-Z][a-z]+s\b")
_NAMED = frozenset(["PERSON", "ORG", "NORP", "GPE"])


def headline_cues(
    text: str, ents: list[Ent], forms: dict[str, str]
) -> list[tuple[tuple[int, int], str, tuple[int, int]]]:
    """(speaker, cue lemma, content) of title-cased sentences built "<Name> <Verb>s <what>": "Conservative
    Icon Morton Blackwell Endorses Ted Cruz", "Glenn Beck Blasts Drudge for Mocking His Fast".

    Signal: headline style capitalises every content word, so the tagger reads the third-person verb as
    one more name and the parser finds no clause; the verb form (``forms``: cue form -> lemma) is
    recognised by its spelling, the name the NER found must end right before it, and the rest of the
    sentence is what the name said or did to its object.
    """
    out = []
    for ps, pe in paragraphs(text):
        if not any(m.group(0).lower() in forms for m in _TITLE_VERB.finditer(text, ps, pe)):
            continue  # no capitalised cue form in the paragraph (the cheap test: most have none)
        for ss, se in sentences(text, ps, pe):
            words = list(_TITLE_WORD.finditer(text, ss, se))
            big = [w.group(0) for w in words if w.group(0).lower() not in _TITLE_SMALL]
            if not 4 <= len(words) <= 25 or not all(w[0].isupper() for w in big):
                continue
            for w in words[1:]:
                form = w.group(0)
                lemma = forms.get(form.lower())
                if lemma is None or not form.endswith("s") or not form[1:].islower():
                    continue
                # the name the NER found ends right before the verb (or swallowed it: a title-case slip)
                ent = next(
                    (
                        e
                        for e in ents
                        if e.label in _NAMED
                        and ss <= e.start < w.start()
                        and (not text[e.end : w.start()].strip() or e.end >= w.end())
                    ),
                    None,
                )
                if ent is None:
                    break  # the first cue-like word decides: "Poll Shows ..." names no one
                cs, ce = w.end(), se
                while ce > cs and text[ce - 1] in " .!?'’\"”":
                    ce -= 1
                while cs < ce and text[cs] == " ":
                    cs += 1
                if len(text[cs:ce].split()) >= 2:
                    out.append(((ent.start, w.start() - 1), lemma, (cs, ce)))
                break
    return out
