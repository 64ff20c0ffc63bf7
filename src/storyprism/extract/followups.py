"""Speaker rules that look across a document after the quotes are found (``quotes.find_quotes`` calls them).

Each continues or fixes a speaker from what the text said before: a quote that bears out the reported
statement before it, "the statement said" after "X said in a statement", a speaking "it", a first person
inside a passage whose tag or post signature closes it, and the unnamed people ("an officer") a later
pronoun may stand for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ALL_FORMS, PRONOUNS, ROLE_SYNONYMS
from storyprism.extract.it_antecedents import governing_body, plural_phrase, previous_body
from storyprism.extract.marks import QUOTE_MARKS
from storyprism.extract.parse import Parse
from storyprism.extract.speakers import DocContext, Ent, norm_name, person_noun_gender, resolve
from storyprism.extract.tags import tag_after

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found


# a closing mark ending a quoted passage within its paragraph: "..., what we've overcome,' he said."
_CLOSE_MARK = re.compile(r"[,.!?]?['’”\"](?=[\s,])")
_OPEN_MARK = re.compile(r"(?:^|(?<=[\s:(]))['‘“\"](?=[A-Z(])")
# an embedded post's signature: "— Sarah Silverman (@SarahKSilverman) February 5, 2018"
_POST_SIGNATURE = re.compile(r"[—–]\s*(?P<spk>[A-Z][^()\n—–]{1,60}?)\s*\(@\w+\)")


def tag_closing_quote(text: str, ctx: DocContext, pos: int) -> tuple[int, int] | None:
    """The speaker of the quoted passage a first-person speaker at ``pos`` sits in, when the marks
    were not read as a direct quote (single marks, a post): the speech tag right after the passage's
    closing mark ("'I just had to remind everybody who we are, what ...,' he said"), or the signature
    line of an embedded post ("We just live in different countries ... — Sarah Silverman (@...)").
    Signal: "I"/"we" outside a quotation is the reporter, which news rarely is; inside one it is the
    quoted person, whom the tag or the signature closing the passage names. Same paragraph only."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    seg_end = min(end, pos + 400)
    sig = _POST_SIGNATURE.search(text, pos, seg_end)
    if sig:
        return sig.start("spk"), sig.end("spk")
    para = text.rfind("\n", 0, pos) + 1
    opened = list(_OPEN_MARK.finditer(text, para, pos))
    if not opened or _CLOSE_MARK.search(text, opened[-1].end(), pos):
        return None  # the first person is not inside an open quotation: the writer's own "I"
    for m in _CLOSE_MARK.finditer(text, pos, seg_end):
        after = tag_after(text, m.end(), min(end, m.end() + 120), ctx.ents)
        if after and after.speaker:
            return after.speaker
        break  # only the first closing mark ends the passage
    # "'Win? Maybe not, ...,' Verstappen said. 'I think we were ...": a passage with no tag of its own that
    # opens right after the sentence of the passage before and its tag goes on with that tag's speaker
    # (signal: news splits one speaker's words around a single tag, within the paragraph)
    prev = None
    for m in _CLOSE_MARK.finditer(text, para, opened[-1].start()):
        prev = m
    if prev is not None:
        tag = _TAG_SENTENCE.fullmatch(text, prev.end(), opened[-1].start())
        if tag:
            after = tag_after(text, prev.end(), tag.end(), ctx.ents)
            if after and after.speaker:
                return after.speaker
    return None


# what may stand between a closing mark and the next passage's opening: a tag ending its sentence
_TAG_SENTENCE = re.compile(r"\s+[^.!?\n'‘’“”\"]{2,60}[.]\s+")


# only statements and releases: a letter or a post is often someone else's than the last person who
# mentioned one ("the letter" of six executives after "Portnow responded in a letter")
_DOCUMENT = re.compile(r"(?:the|that|this)\s+(statement|release)", re.IGNORECASE)


def document_issuer(text: str, found: list[Found]) -> None:
    """ "Weinstein said in a statement that ... “...,” the statement said": a definite statement that
    speaks is the one someone was just said to issue, so its words are that issuer's. Signal: the
    anaphoric "the statement" after "X said in a statement"; the issuer's speech tag, within the 1,000
    characters before, must name the same document."""
    for k, q in enumerate(found):
        if q.speaker_span is None:
            continue
        m = _DOCUMENT.fullmatch(text[q.speaker_span[0] : q.speaker_span[1]].strip())
        if not m:
            continue
        noun = m.group(1).lower()
        for p in reversed(found[:k]):
            if q.start - p.end > 1000:
                break
            if not p.speaker or p.speaker_span is None or _DOCUMENT.fullmatch(p.speaker.strip()):
                continue
            # the document is named beside the issuer's speech tag ("X said in a statement", "In a
            # statement, X said"), not anywhere in the sentence
            around = text[max(0, p.speaker_span[0] - 40) : p.speaker_span[1] + 60].lower()
            named = p.speaker[:1].isupper() and not any(ch in QUOTE_MARKS for ch in p.speaker)
            if (
                noun in around
                and named
                and p.speaker.lower() not in PRONOUNS
                and "statement" not in p.speaker.lower()
            ):
                q.speaker, q.via = p.speaker, None
                break


# a written work that speaks ("“Rejoice! ...,” the poem began"), and how a text names its author: "a poem
# by the artist Jenny Holzer", "a letter written by Ann Lee", "Ann Lee's poem"
_WORK = re.compile(r"(?:the|that|this)\s+(poem|song|essay|novel|verse|lyrics|memoir|book)", re.IGNORECASE)
_NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
_BY_AUTHOR = r"\s+(?:(?:written|penned|composed)\s+)?by\s+(?:(?:the|an?)\s+(?:[a-z-]+\s+){0,2})?" + _NAME
_AUTHORS_WORK = _NAME + r"['’]s?\s+(?:[a-z-]+\s+){0,2}"


# another capitalised name joined to the author's by a comma or "and": a list of authors
_MORE_NAMES = re.compile(r"(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*\s*(?:,|\band\b)|\s+(?:and|&)\s+[A-Z])")
_NAMES_BEFORE = re.compile(r"[A-Z][\w'’.-]+\s*(?:,|\band|&)\s*$")


def work_author(text: str, found: list[Found]) -> None:
    """ "... stitched a poem by the artist Jenny Holzer into her dress: “Rejoice! ...,” the poem began": a
    written work's words are its author's, so a definite work that speaks ("the poem") is given to the
    one the text just named as its author (within the 600 characters before, one author only: a list
    of signers names no single speaker). Signal: authorship written as "a N by X" or "X's N"."""
    for q in found:
        if q.speaker_span is None:
            continue
        m = _WORK.fullmatch(text[q.speaker_span[0] : q.speaker_span[1]].strip())
        if not m:
            continue
        noun = re.escape(m.group(1).lower())
        window = text[max(0, q.start - 600) : q.start]
        hits = list(re.finditer(rf"\b{noun}" + _BY_AUTHOR, window))
        hits += list(re.finditer(_AUTHORS_WORK + rf"{noun}\b", window))
        if not hits:
            continue
        last = max(hits, key=lambda h: h.end())
        name = last.group("name")
        if not name[:1].isupper() or name.lower() in PRONOUNS:
            continue
        if _MORE_NAMES.match(window, last.end("name")) or _NAMES_BEFORE.search(window, 0, last.start("name")):
            # "signed by A, B and C", "A and B's song": several authors, none of them the speaker alone;
            # an apposition after the one name ("by Ann Lee, a teacher,") is no second author
            continue
        q.speaker, q.via = name, None


_STATEMENT_GAP = re.compile(r"^[^.!?:“”\"\n]{0,40}[.:]?['’]?\s*[“\"]?$")


def quote_after_statement(text: str, found: list[Found]) -> None:
    """ "Ren said China's stance is clear and has not changed. “We're determined to ...”": an
    unattributed direct quote that opens the sentence right after someone's reported statement gives
    that person's own words. Signal: the news convention of a paraphrase followed by the quote that
    bears it out; the reported content must run to the end of the sentence before the quote, with at
    most one paragraph break between (another sentence in between breaks the link)."""
    for k, q in enumerate(found):
        if not q.direct or q.speaker is not None or len(q.text.split()) < 4 or k == 0:
            continue
        p = found[k - 1]
        if p.direct or not p.speaker or p.speaker.lower() in PRONOUNS or p.speaker_span is None:
            continue
        gap = text[p.end : q.start]
        if gap.count("\n") > 2 or not _STATEMENT_GAP.match(gap.replace("\n", " ")):
            continue
        q.speaker, q.speaker_span, q.cue, q.via = p.speaker, p.speaker_span, p.cue, p.via


def role_subjects(text: str, ctx: DocContext, parse: Parse) -> None:
    """Main-clause subjects that bring in one unnamed person ("an officer on the scene sounds the
    alarm", "A foreign ministry spokesman in Berlin said"), for pronoun resolution. Indefinite phrases
    go to ``ctx.role_subjects``; a bare definite role ("the president") names someone met before and
    goes to ``ctx.role_refs`` under the name the text ties that title to. Only a main clause ("Taylor
    doubts a judge will ..." is not about the judge), not joined to others and not when a name is in
    or beside the phrase (then the name is the subject)."""
    for t in range(len(parse)):
        if parse.deps[t] not in ("nsubj", "nsubjpass") or parse.tags[t] != "NN":
            continue
        if parse.deps[parse.heads[t]] != "ROOT" or parse.lefts[t] == t:
            continue
        gender = person_noun_gender(text[parse.starts[t] : parse.ends[t]])
        if gender is None:
            continue
        first = text[parse.starts[parse.lefts[t]] : parse.ends[parse.lefts[t]]].lower()
        if first == "the" and parse.lefts[t] == t - 1 and parse.word(text, t) in ROLE_SYNONYMS:
            # "the president quickly went into the briefing room": a bare definite role names someone
            # met before; where the text ties it to a named person (a title written with the name) that
            # person is the clause's subject, the centre a pronoun after it continues
            s = parse.starts[t - 1]
            name = ctx.role(text[s : parse.ends[t]], s)
            if name is not None and _named_before(ctx, name, s) and not _introduced_unnamed(text, t, parse):
                ctx.role_refs.append((s, parse.ends[t], name))
            continue
        if first not in ("a", "an", "another"):
            continue
        if any(parse.deps[c] in ("conj", "appos") for c in parse.children(t)):
            continue
        s, e = parse.starts[parse.lefts[t]], parse.ends[t]
        if any(x.start < parse.ends[parse.rights[t]] and s < x.end for x in ctx.persons):
            continue
        ctx.role_subjects.append((s, e, None if gender == "?" else gender))


def _named_before(ctx: DocContext, name: str, pos: int) -> bool:
    """The title's holder was named before ``pos``: "the president" refers back, never ahead to a
    President Berg introduced later."""
    return any(p.start < pos and ctx.full_name(p.text, p.start) == name for p in ctx.persons)


def _introduced_unnamed(text: str, t: int, parse: Parse) -> bool:
    """ "A senior official who asked not to be named ... The official ...": a definite noun whose head an
    indefinite phrase brought in earlier refers back to that unnamed person (the reporter withheld the
    name), not to a named holder of a like title."""
    head = re.escape(parse.word(text, t))
    return (
        re.search(rf"\b(?:an?|another)\s+(?:[\w-]+\s+){{0,3}}{head}\b", text[: parse.starts[t - 1]], re.I)
        is not None
    )


def speaking_it(text: str, ctx: DocContext, found: list[Found]) -> None:
    """ "The report said ... It said ...": a speaking "it" continues the last speaker before it that is
    not a person (a paper, a report, a company), within a few sentences; with none, ``resolve`` has
    given the organisation named last."""
    for k, q in enumerate(found):
        if q.speaker_span is None or text[q.speaker_span[0] : q.speaker_span[1]].lower() != "it":
            continue
        body = _sentence_body(text, ctx, q.speaker_span[0])
        if body is not None:
            # "South Korea's Defence Ministry released footage of tests which it says were ...": a body that
            # is a clause subject earlier in the pronoun's own sentence is its antecedent, nearer than a
            # document that spoke paragraphs before (signal: the sentence's subject is its topic; a body
            # merely named there, an addressee or a place, is not)
            q.speaker = norm_name(body.text)
            continue
        governing = governing_body(ctx, q.speaker_span[0])
        if governing is not None:
            # "China's space agency has notified the UN that it expects ...": the singular body that is
            # the subject of the governing clause (``it_antecedents``)
            q.speaker = resolve(ctx, governing)
            continue
        for prev in reversed(found[:k]):
            if q.start - prev.end > 600:
                break
            if prev.speaker_span is None:
                continue
            word = text[prev.speaker_span[0] : prev.speaker_span[1]].lower()
            if word == "it" or word in PRONOUNS:
                continue
            if plural_phrase(ctx, prev.speaker_span):
                # "it" agrees in number: "Repeated warnings" is no antecedent; a singular body that is a
                # subject of the sentence before is (``it_antecedents``)
                earlier = previous_body(ctx, q.speaker_span[0])
                if earlier is not None:
                    q.speaker = resolve(ctx, earlier)
                    break
                continue
            if any(e.start < prev.speaker_span[1] and prev.speaker_span[0] < e.end for e in ctx.persons):
                continue
            q.speaker = prev.speaker
            break


def _sentence_body(text: str, ctx: DocContext, s: int) -> Ent | None:
    """The last organisation that is a clause subject earlier in the sentence holding position ``s``."""
    found = None
    for x in ctx.ents:
        if x.end > s:
            break
        if x.start in ctx.org_subjects and x.label == "ORG" and not re.search(r"[.!?\n]", text[x.end : s]):
            found = x
    return found


# " in Tokyo", " from Croydon": where the unnamed person is, between the phrase and the name after it
_PLACE_TAIL = re.compile(r"(?:\s+(?:in|from|of)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?,\s+")


# lowercase title words between a cut speaker phrase and a name ("star| running back |David Johnson")
_TITLE_RUN = re.compile(r"\s+(?:[a-z][a-z-]+\s+){1,2}(?=[A-Z])")
_NOT_TITLE = frozenset(
    ["for", "of", "at", "with", "to", "by", "from", "about", "on", "in", "and", "or", "said", "says", "told",
     "who", "which", "that", "as", "than", "like", "after", "before", "during", "over", "against", "into",
     "do", "was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "only", "also"]
)  # fmt: skip


def named_beside(text: str, ctx: DocContext, span: tuple[int, int]) -> Ent | None:
    """The person an unnamed speaker phrase stands in apposition to: "Brittany Nicely, a zoo visitor
    who ..., described", "A woman in Tokyo, Kaoru Kuroko, also said". Signal: a common noun for one
    person with a name beside it, set off by commas, is that person; a journalist cites the name."""
    s, e = span
    words = text[s:e].split()
    if not words or len(words) > 5 or any(x.start < e and s < x.end for x in ctx.persons):
        return None
    title = _TITLE_RUN.match(text, e)
    if (
        title
        and words[-1].lower() not in PRONOUNS
        and not any(w in _NOT_TITLE or w.endswith("ed") or w in ALL_FORMS for w in title.group(0).split())
    ):
        # "Cardinals star running back David Johnson, also on Twitter, praised": the parse cut the
        # subject inside a title written before the name; the full name right after it is the person
        after = next((x for x in ctx.persons if x.start == title.end()), None)
        if after is not None and len(after.text.split()) >= 2:
            return after
    if not words[0][:1].islower() and words[0].lower() not in ("a", "an", "the", "one", "another"):
        return None
    if person_noun_gender(re.sub(r"[^\w-]", "", words[-1])) is None:
        return None
    for p in ctx.persons:
        if p.end <= s and text[p.end : s].strip() == "," and len(p.text.split()) >= 2:
            return p
        if p.start >= e:
            m = _PLACE_TAIL.match(text, e)
            if m and m.end() == p.start and text[p.end : p.end + 1] == "," and len(p.text.split()) >= 2:
                return p
            break
    return None


# a name followed closely by a verb of saying ("Mary Horomanski said", "Ms. Lee, 34, told")
_NAME_SAYS = re.compile(r"(?:,[^,]{1,30},)?\s+(?:\w+\s+)?(?:said|says|told|tells|recalled|explained)\b")


def named_next(text: str, ctx: DocContext, found: list[Found]) -> None:
    """ "A Pennsylvania woman says she ... The Erie Times-News reports that Mary Horomanski said her
    eyes ...": an indefinite person phrase as the speaker of a story's lede is the person the next
    sentence names and has speak. Signal: a news lede introduces someone by description and names them
    in the sentence after, as the subject of a verb of saying. Only in the lede (the text's opening
    lines: further down a new description is a new person), only a plain name (a titled "Police Chief
    Dan Smith" is someone else, an official), and the noun's gender must not contradict the name's.
    Further down, only an account ("told how ...") whose teller the text meets by name for the first time
    opening the very next sentence and speaking at once ("A passenger on a tram told how he was left
    shaking. Andy Nias wrote on Facebook that ..."): a new source is brought in with a description of their
    own ("John Lee, who lives nearby, said"), so a new name given none was introduced by the description
    just before; a plain "A witness said ..." followed by a named speaker is two sources."""
    for q in found:
        if q.speaker_span is None:
            continue
        s, e = q.speaker_span
        words = text[s:e].split()
        if not words or len(words) > 6 or words[0].lower() not in ("a", "an"):
            continue
        if s > 300 and (q.speaker != norm_name(text[s:e]) or not re.match(r"how\b", q.text, re.I)):
            continue  # resolved already, or not an account the next sentence's name tells
        head = re.sub(r"[^\w-]", "", words[-1])
        gender = person_noun_gender(head)
        # "..., a police spokesman said. Mayor John Okafor said ...": a body's mouthpiece left unnamed
        # stays unnamed by the reporter's choice; the next speaker is a second source (a mouthpiece
        # named next as the one responding is ``role_named_next``'s)
        if (
            gender is None
            or head.lower() in _MOUTHPIECE_HEADS
            or any(x.start < e and s < x.end for x in ctx.persons)
        ):
            continue
        after = max(q.end, e)
        for nxt in (p for p in ctx.persons if after <= p.start <= after + 250):
            if s > 300 and not _bare_new_name(text, ctx, nxt, after):
                break
            if s <= 300 and not _NAME_SAYS.match(text, nxt.end):
                continue  # a paper the NER took for a person ("The Rutland Herald reports") says nothing here
            before = text[max(0, nxt.start - 20) : nxt.start]
            titled = re.search(r"(?<![.!?]\s)\b(?:[A-Z][a-z]+|[A-Z][a-z]{1,3}\.)\s$", before) is not None
            # a sentence's first word is capitalised anyway ("Then Mary Horomanski said"), but an office
            # written there before the name ("Mayor John Okafor") still makes an official of someone else
            opening = re.search(r"\b([A-Z][a-z]+)\.?\s$", before)
            titled = titled or (opening is not None and person_noun_gender(opening.group(1)) is not None)
            name = ctx.full_name(nxt.text, nxt.start)
            if (
                len(nxt.text.split()) >= 2
                and not titled
                and nxt.start in ctx.subjects
                and "\n\n" not in text[after : nxt.start]
                and not (gender in ("m", "f") and ctx.gender.get(name) not in (None, gender))
            ):
                q.speaker = name
            break


# a name that speaks at once, with no description of its own: "Andy Nias wrote on Facebook that"
_SPEAKS_AT_ONCE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|wrote|writes|posted|recalled)\b")


def _bare_new_name(text: str, ctx: DocContext, nxt: Ent, after: int) -> bool:
    """Whether ``nxt`` opens the sentence right after ``after`` (nothing but the sentence's end between),
    is met there for the first time in the article, and speaks at once (``named_next``)."""
    name = ctx.full_name(nxt.text, nxt.start)
    return (
        re.fullmatch(r"[\s\"”’')]*[.!?][\s\"”’')]*", text[after : nxt.start]) is not None
        and _SPEAKS_AT_ONCE.match(text, nxt.end) is not None
        and not any(ctx.full_name(p.text, p.start) == name for p in ctx.persons if p.start < nxt.start)
    )


# the next sentence's subject speaking "also": "Moon Jae-in also said", "Kim has also told reporters"
_ALSO_SAYS = re.compile(
    r"(?:,[^,]{1,40},)?\s+(?:has\s+|had\s+)?also\s+(?:said|says|told|tells|warned|added)\b"
)
# a body's mouthpiece named next: the next sentence's subject answering or speaking on the occasion
# ("was responding to", "was speaking at a briefing"), titles allowed before the name. A plain
# "said" is not enough: the next sentence often brings a second person's own statement ("... a
# police spokesman said. Mayor John Okafor said the city would pay"), and that one needs "also".
_MOUTHPIECE_HEADS = frozenset(["spokesman", "spokeswoman", "spokesperson"])
_SPEAKS = re.compile(r"(?:,[^,]{1,40},)?\s+(?:was\s+responding|responded|was\s+speaking)\b")
_TITLED_START = re.compile(r"[.!?][\"”’]?\s+(?:[A-Z][a-z.]+\s+){1,3}$")


def role_named_next(text: str, ctx: DocContext, found: list[Found]) -> None:
    """ "South Korea's president has said the country could destroy its neighbour “beyond recovery.”
    Moon Jae-in also said ...": a role phrase the text has not tied to a name yet is the person the
    next sentence names as saying "also". Signal: "also" with a verb of saying continues the same
    speaker; only for a definite or possessive role phrase left unresolved, a person noun whose
    gender does not contradict the name, and a full name that is the subject of the next sentence."""
    for q in found:
        if q.speaker_span is None or q.speaker is None:
            continue
        s, e = q.speaker_span
        words = text[s:e].split()
        if not 1 <= len(words) <= 4 or q.speaker != norm_name(text[s:e]):
            continue  # resolved already, or no short phrase
        head = re.sub(r"[^\w-]", "", words[-1]).lower()
        gender = person_noun_gender(head)
        # "..., a Defense Ministry spokesman said. Senior Colonel Ren Guoqiang was responding to ...": a
        # body's unnamed mouthpiece is named in the next sentence as the one speaking (a body has one
        # voice per statement: no "also" is needed)
        voice = head in _MOUTHPIECE_HEADS and words[0].lower() in ("a", "an", "the")
        # only an office owned by a country or a body ("South Korea's president"): "The coach said ...
        # Ana Duarte also said" may be a second person agreeing
        if not voice and (head not in ROLE_SYNONYMS or not any(re.search(r"['’]s$", w) for w in words[:-1])):
            continue
        if any(x.start < e and s < x.end for x in ctx.persons):
            continue
        after = max(q.end, e)
        for nxt in (p for p in ctx.persons if after <= p.start <= after + 200):
            name = ctx.full_name(nxt.text, nxt.start)
            if (
                (_ALSO_SAYS.match(text, nxt.end) or (voice and _SPEAKS.match(text, nxt.end)))
                and len(name.split()) >= 2
                and (
                    re.search(r"[.!?][\"”’]?\s+$|^\s*$", text[max(0, nxt.start - 4) : nxt.start])
                    # a title before the name opening the sentence ("Senior Colonel Ren Guoqiang")
                    or (voice and _TITLED_START.search(text[max(0, nxt.start - 40) : nxt.start]) is not None)
                )
                and not (gender in ("m", "f") and ctx.gender.get(name) not in (None, gender))
            ):
                q.speaker = name
            break


def pronoun_chain(text: str, ctx: DocContext, found: list[Found]) -> None:
    """ "“...,” she told CNN's Anderson Cooper. “...,” she said.": a "he" or "she" that speaks right
    after a quote by the same pronoun continues that quote's speaker, unless a person became a clause
    subject in between. Signal: centring; an addressee ("told CNN's X") is no new subject, so it never
    takes over the pronoun, whatever its gender is unknown to the text."""
    # only a pronoun resolved to a named person is re-read: one resolved to a role subject nearer to it
    # ("The man, who had hurt his ankle, ... he said") already followed the centre of attention
    named = {ctx.full_name(p.text, p.start) for p in ctx.persons}
    prev: Found | None = None
    renamed: tuple[str | None, str] | None = None  # a chained speaker, for the quotes that go on with it
    for q in sorted(found, key=lambda f: f.start):
        if not q.speaker_span:
            if renamed and q.speaker == renamed[0]:
                q.speaker = renamed[1]  # "“...,” she said. “...”": the second quote goes on with the first
            continue
        renamed = None
        pron = text[q.speaker_span[0] : q.speaker_span[1]].lower()
        if (
            pron in ("he", "she")
            and prev is not None
            and prev.speaker
            and prev.speaker_span
            and text[prev.speaker_span[0] : prev.speaker_span[1]].lower() == pron
            and q.speaker != prev.speaker
            and 0 <= q.start - prev.end <= 400
            and "\n\n" not in text[prev.end : q.start]
            and not any(min(prev.end, prev.speaker_span[1]) <= s < q.start for s in ctx.subjects)
            and q.speaker in named
        ):
            renamed = (q.speaker, prev.speaker)
            q.speaker = prev.speaker
        prev = q
