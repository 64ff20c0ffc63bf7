"""Speakers that are a mouthpiece or a document: "the spokesperson" back to the spokesperson the text
introduced ("Weinstein's representative"), and a statement, release or article to its issuer ("a
statement released by X", "a commentary published in the Rodong Sinmun newspaper", "the news release"
after "a news release from the zoo"). Used by ``speakers.resolve``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ALL_FORMS
from storyprism.extract.doc_writers import _clause_writer
from storyprism.extract.named_issuers import compound_issuer
from storyprism.extract.referents import subject_org

if TYPE_CHECKING:
    from storyprism.extract.speakers import DocContext


def _norm(mention: str) -> str:
    from storyprism.extract.speakers import norm_name  # speakers imports this module

    return norm_name(mention)


def _resolve(ctx: DocContext, span: tuple[int, int]) -> str:
    from storyprism.extract.speakers import resolve

    return resolve(ctx, span)


# nouns for someone who speaks for another: a definite "the spokesperson" refers back to the last of
# them the text introduced, and "X's representative" / "a spokesman for X" speak for X
MOUTHPIECES = ("spokesman", "spokeswoman", "spokesperson", "representative", "rep", "publicist")
_MOUTH_RE = re.compile(rf"\b(?:{'|'.join(MOUTHPIECES)})\b", re.IGNORECASE)


def mouthpiece(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """Whom a bare definite "the spokesperson" stands for: the last spokesperson or representative the
    text introduced before it. Signal: a definite noun refers back to its latest mention; when that
    mention named no person ("Weinstein's representative", "a spokesman for the zoo", "A Nato spokesman
    said"), the speaker is that unnamed mouthpiece of its owner, never a person named nearby whose
    title happens to hold the same word. None when the latest mention names its person (the title
    match of ``DocContext.role`` finds them) or gives no owner."""
    words = low.split()
    if len(words) != 2 or words[0] != "the" or words[1] not in MOUTHPIECES:
        return None
    s = span[0]
    text = ctx.text
    for m in reversed(list(_MOUTH_RE.finditer(text, max(0, s - 1500), s))):
        before = text[max(0, m.start() - 60) : m.start()]
        # a person named with it ("Taliban spokesman Zabihullah Mujahid", "Park, the spokesman for ..."):
        # the title match finds them
        if any(
            # "spokeswoman for the festival Anja Marx", "spokesman, Yoon," (a name after the noun)
            re.fullmatch(r",?\s+|\s+for\s+[^,.;:“”\"]{1,50}?,?\s+", text[m.end() : p.start])
            or re.fullmatch(r",\s+(?:an?|the|his|her|its)\s+(?:[\w.&’'-]+\s+){0,4}", text[p.end : m.start()])
            for p in ctx.persons
            if m.end() <= p.start <= m.end() + 60 or m.start() - 60 <= p.end <= m.start()
        ):
            return None
        if re.search(r"\bthe\s+$", before, re.IGNORECASE):
            continue  # another bare "the spokesman": an anaphor itself, look further back
        noun = m.group(0).lower()
        owned = re.search(r"((?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&-]*)['’]s\s+$", before)
        if owned:
            return f"{_owner_name(ctx, m.start() - len(owned.group(0)), owned.group(1))}'s {noun}"
        for_x = re.match(
            r"\s+for\s+(?:the\s+)?((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)", text[m.end() : m.end() + 80]
        )
        if for_x:
            return f"{_owner_name(ctx, m.end() + for_x.start(1), for_x.group(1))}'s {noun}"
        for_body = re.match(r"\s+for\s+(the\s+[a-z]+)\b", text[m.end() : m.end() + 40])
        if for_body:  # "a spokesman for the studio": the body a definite noun stands for, or the noun
            at = m.end() + for_body.start(1)
            body = ctx.organisation(for_body.group(1), at) or for_body.group(1)[4:]
            return f"{body}'s {noun}"
        mods = re.search(r"\b(?:an?|the)\s+((?:[A-Z][\w.&-]*\s+){1,3})$", before, re.IGNORECASE)
        if mods:
            return f"{mods.group(1).strip()} {noun}"  # "A Nato spokesman said": the Nato spokesman
        return None
    return None


def _owner_name(ctx: DocContext, pos: int, phrase: str) -> str:
    """An owner written before or after a mouthpiece noun, as the speaker resolution names it."""
    p = next((x for x in ctx.persons if x.start <= pos < x.end or pos <= x.start < pos + len(phrase)), None)
    return ctx.full_name(p.text, p.start) if p is not None else _norm(phrase)


# documents that speak for their issuer; "article", "commentary", "editorial" and "column" speak for the
# writer or paper named with them ("Saturday's article, by columnist Maureen Dowd, described")
_DOC_NOUNS = (
    r"statement|letter|report|post|release|memo|notice|note|filing|study|article|commentary|editorial|column"
    r"|findings|conclusions"
    # a notice appended to a publication speaks for its publisher ("A disclaimer by the ICIJ states")
    r"|disclaimer|announcement"
)
# an inquiry's results: the body in the "of" phrase after them is the one that reached them
_FINDINGS = frozenset(["findings", "conclusions"])
_FOUND_BY = re.compile(r"\s+(?P<by>of)\s+(?:the\s+)?")
_DOC_PHRASE = re.compile(rf"(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?({_DOC_NOUNS})\b")
_ISSUED_BY = re.compile(
    # "a study of teenagers by X": what the study is of may stand between the paper and its author
    r"(?P<of>\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+by\b))?"
    # "A study conducted by Polaris found", "a report compiled by the agency": who made a study or a report
    # is its issuer, as who published it is (a paper speaks for its maker)
    r"\s*,?\s+(?:(?:released|issued|posted|published|sent|put\s+out|signed|written|carried(?:\s+out)?|prepared|"
    r"printed|conducted|compiled|authored)"
    # "published in the Rodong Sinmun newspaper": the paper that printed it is its issuer
    r"\s+(?:[\w-]+\s+){0,2}?)?(?P<by>by|from|(?<=published )in|(?<=carried )in|(?<=printed )in)\s+(?:the\s+)?"
)


def issued_by(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """ "a statement released by the Korean Central News Agency read", "A due-diligence report by Appleby
    noted", "A statement from the ministry said", "the company's statement said": a document speaks for
    the body or person named as its issuer (the parse leaves the "by" phrase out of the subject)."""
    described = described_issuer(ctx, span, low) or compound_issuer(ctx, span)
    if described:
        # "according to a company statement", "a post on its website", "A White House statement"
        return described
    owner = _DOC_OWNER.fullmatch(low)
    if owner and owner.group("page") and not ctx.text[span[0] : span[0] + 1].isupper():
        # "the zoo's website": a described owner's pages are left to the phrase's own reading (a definite
        # description reaches the last body of its kind, which for a website is often not its owner)
        owner = None
    if owner:
        # "the company's statement": the owner phrase, resolved as a speaker of its own
        s = span[0] + owner.start("owner")
        name = _resolve(ctx, (s, s + len(owner.group("owner"))))
        if name.lower() != _norm(owner.group("owner")).lower():
            return name
        if any(x.start == s and x.label in _ISSUERS for x in ctx.ents):
            # "according to SpaceX's website": a named body's or person's own document is theirs (a date
            # owner, "Saturday's article", is no entity of those kinds)
            return name
        # "Saturday's article, by ...": an owner that resolves to nothing else may be a date; the
        # issuer may still follow
    doc = _DOC_PHRASE.match(low)
    if doc is None:
        return None
    # the issuer after the phrase ("a statement released by X said") or inside it ("A statement from
    # the ministry said", when the parse kept the "from" phrase in the subject)
    m = _ISSUED_BY.match(ctx.text, span[0] + doc.end())
    if m is None and doc.group(1) in _FINDINGS and doc.end() == len(low):
        # "Initial findings of the Rail Accident Investigation Branch show that ...": an inquiry's
        # findings are the inquiring body's, named in the "of" phrase the parse left out of the subject
        m = _FOUND_BY.match(ctx.text, span[0] + doc.end())
    if m is None or (doc.end() != len(low) and m.end() > span[1]):
        return None
    if m.groupdict().get("of") and not _by_on_paper(ctx, span[0] + doc.end(1) - 1, m.start("by")):
        return None  # "a report of attacks by the rebels": the rebels made the attacks, not the report
    by_end = m.start("by") + len(m.group("by")) + 1  # the NER may take "the" into the name
    ent = next((x for x in ctx.ents if by_end <= x.start <= m.end() and x.label in _ISSUERS), None)
    after = ctx.text[ent.end :].split()[:1] if ent is not None else []
    if (
        ent is not None
        and after
        and after[0][:1].islower()
        and after[0].strip(",.") not in _AFTER_ISSUER
        and not _verb_at(ctx, ent.end)  # "A study by Ann Lee found that": the paper's own verb follows
    ):
        # "by New York Times op-ed columnist Maureen Dowd,": the name modifies a description of the
        # writer, who is named at its end (no comma between)
        writer = next(
            (
                p
                for p in ctx.persons
                if ent.end < p.start <= ent.end + 50
                and re.fullmatch(r"[\w\s.'’-]*", ctx.text[ent.end : p.start])
                and re.match(r"\s*[,.;)]", ctx.text[p.end : p.end + 3])
            ),
            None,
        )
        if writer is not None:
            return ctx.full_name(writer.text, writer.start)
        if after[0].strip(",.") not in _BODY_NOUNS:
            ent = None  # "from German authorities", "the Icelandic prime minister's office": a modifier
    if ent is not None:
        return ctx.full_name(ent.text, ent.start) if ent.label == "PERSON" else _norm(ent.text)
    body = re.match(r"the\s+[a-z]+\b", ctx.text[by_end : by_end + 40])
    return ctx.organisation(body.group(0), by_end) if body else None  # "from the ministry"


def _by_on_paper(ctx: DocContext, noun_end: int, by_start: int) -> bool:
    """Whether the parse hangs the "by" phrase on the paper ("a study of teenagers by Ann Lee": her
    study) rather than on the noun of the "of" phrase ("a report of attacks by the rebels": their attacks,
    someone else's report). Signal: the parse's attachment; without a parse the "of" phrase is not crossed."""
    p = ctx.parse
    if p is None:
        return False
    return p.heads[p.token_at(by_start)] == p.token_at(noun_end)


def _verb_at(ctx: DocContext, pos: int) -> bool:
    """Whether the word after ``pos`` is a finite verb the parse gives (the clause's own verb)."""
    p = ctx.parse
    if p is None:
        return False
    t = p.token_at(pos)
    return t < len(p) and p.tags[t] in ("VBD", "VBZ", "VBP", "MD")


_ISSUERS = frozenset(["PERSON", "ORG", "GPE"])
# a body's own category noun after its name ("the Rodong Sinmun newspaper"): still the body
_BODY_NOUNS = frozenset(
    ["newspaper", "paper", "daily", "agency", "magazine", "website", "network", "channel"]
)
# what may follow an issuer's name: the document's verb ("... Agency read") or the rest of its phrase
_AFTER_ISSUER = frozenset(ALL_FORMS) | {
    "read",
    "reads",
    "in",
    "on",
    "at",
    "of",
    "and",
    "which",
    "that",
    "who",
}
_DOC_OWNER = re.compile(
    r"(?P<owner>(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?)['’]s\s+(?:[\w-]+\s+)?"
    r"(?:statement|letter|report|post|release|memo|notice|filing|article|commentary|editorial|column"
    # a body's or a person's own pages speak for their owner ("according to SpaceX's website")
    r"|(?P<page>website|web\s+site|site|blog|account|feed|page))"
)


_DOC_ANAPHOR = re.compile(
    # no "letter": one "released by" a club is still its writer's (the player's), not the club's
    # "that article", "this report": a demonstrative refers back as "the" does
    # an advertisement speaks for whoever put it out ("PETA released an ad ... The ad concludes: ...")
    r"(?:the|that|this)\s+(?:news\s+|press\s+|new\s+)?(statement|release|article|report|commentary|editorial"
    r"|ad|advert|advertisement|commercial)"
)


# "KCNA released a report", "the ministry said in a statement": the subject of the verb right before the
# document's article issued it
_ISSUING_VERB = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:released|issued|published|put\s+out|posted|sent|"
    r"(?P<said>(?:said|says|announced|added|wrote)\s+in))\s+$"
)
# what one says "in" as its issuer: "X said in an article" is X quoted by someone else's article
_OWN_DOCUMENTS = frozenset(["statement", "release", "post", "letter", "memo", "note", "filing"])


def _subject_issuer(ctx: DocContext, at: int, noun: str) -> str | None:
    """The named body or person whose verb of issuing ends right before ``at`` (a document's article)."""
    for e in reversed(ctx.ents):
        if e.end > at:
            continue
        if at - e.end > 40:
            return None
        verb = _ISSUING_VERB.fullmatch(ctx.text[e.end : at])
        if (
            e.label in ("ORG", "PERSON", "GPE")
            and verb
            and (not verb.group("said") or noun in _OWN_DOCUMENTS)
        ):
            return ctx.full_name(e.text, e.start) if e.label == "PERSON" else _norm(e.text)
        return None
    return None


def document_antecedent(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """ "“...,” the news release stated" after "according to a news release from the zoo"; "according to
    the article" after "a New York Times article": a definite document refers back to its latest
    mention, and speaks for the issuer named there. Signal: definite anaphora; None when the latest
    indefinite mention names no issuer (a document the text never ties to anyone)."""
    m = _DOC_ANAPHOR.fullmatch(low)
    if m is None:
        return None
    noun = m.group(1)
    s = span[0]
    text = ctx.text
    mention = re.compile(rf"\b(a|an|the)\s+(?:[\w'’.-]+\s+){{0,3}}?{noun}$", re.IGNORECASE)
    lo = max(0, s - 5000)  # a story may cite "the article" long after introducing it
    ends = [k.end() for k in re.finditer(rf"\b{noun}\b", text[lo:s], re.IGNORECASE)]
    acted = _act_antecedent(ctx, noun, max(lo + (ends[-1] if ends else 0), s - _ACT_WINDOW), s)
    if acted:
        return acted
    for end in reversed(ends):
        end += lo
        start = end - len(noun)
        # "The Times article", "a New York Times article", "Reuters' report": a body named right before
        org = next(
            (
                e
                for e in ctx.ents
                if e.label in ("ORG", "PERSON")
                and start - 20 <= e.end <= start
                and re.fullmatch(r"(?:['’]s?)?\s+(?:[a-z-]+\s+)?", text[e.end : start])
            ),
            None,
        )
        if org is not None:
            return ctx.full_name(org.text, org.start) if org.label == "PERSON" else _norm(org.text)
        head = mention.search(text, max(0, start - 60), end)
        if head is None:
            continue
        phrase = text[head.start() : end]
        who = issued_by(ctx, (head.start(), end), phrase.lower()) or _subject_issuer(ctx, head.start(), noun)
        if who:
            return who
        if noun in _OWN_DOCUMENTS and ctx.parse is not None:
            # "X, which ..., said in a statement", "In a statement, X said": the document is the medium of
            # the clause's own act of saying, so that clause's subject issued it (``_subject_issuer`` only
            # sees a name right before the verb); the parse finds the subject across the clause between
            who = _clause_writer(ctx, ctx.parse, start, end)
            if who:
                return who
        if (head.group(1) or "").lower() in ("a", "an"):
            return None  # introduced without an issuer
    return None


# the verbs whose act makes the document a definite noun refers back to ("stating, ..." then "the
# statement"; "X reported that ..." then "the report")
_ACTS = {
    "statement": frozenset(["state", "states", "stated", "stating"]),
    "report": frozenset(["report", "reports", "reported", "reporting"]),
}
# how far back such an act may lie: the sentence before, or the one before that
_ACT_WINDOW = 600


def _act_antecedent(ctx: DocContext, noun: str, lo: int, s: int) -> str | None:
    """ "The Bureau rejected the claims, stating, “...”. The statement explained ...": a definite
    document with no earlier mention of its noun since ``lo`` refers back to the act that made it, a
    verb of the same stem; the subject the parse gives that verb issued it. Signal: English refers back
    to an event by its nominalisation ("stated" -> "the statement"); the nearest such act wins, as the
    nearest mention of the noun would."""
    p = ctx.parse
    acts = _ACTS.get(noun)
    if p is None or acts is None or lo >= s:
        return None
    from storyprism.extract.speaker_kinds import abstract_head  # these import the speaker modules
    from storyprism.extract.subjects import subject

    for t in reversed(p.tokens_in(lo, s)):
        if not p.tags[t].startswith("VB") or p.word(ctx.text, t).lower() not in acts:
            continue
        if any(qs <= p.starts[t] < qe for qs, qe in ctx.quoted):
            continue  # a verb inside someone's quote is their narration, not the document's making
        if any(p.deps[c] in ("nsubjpass", "auxpass") for c in p.children(t)):
            return None  # "it was reported that": no issuer named
        sub = subject(p, ctx.text, t)
        if sub is None:
            return None
        phrase = ctx.text[sub[0] : sub[1]].strip().lower()
        if phrase in ("it", "they", "this", "that", "which", "who") or re.search(rf"\b{noun}s?\b", phrase):
            return None
        if abstract_head(ctx.text[sub[0] : sub[1]]):
            return None  # "Trump's criticism came after the paper reported": a parse slip, no issuer
        name = _resolve(ctx, sub)
        return name if name[:1].isupper() else None
    return None


# "a company statement", "the agency's report" without a name: the document of a body the text named before
_BODY_DOC = re.compile(
    rf"(?:a|an|the)\s+(?P<noun>company|firm|agency|airline|carrier|group|ministry|government|bank|"
    rf"department|club|team|zoo|police)\s+(?:news\s+|press\s+)?(?:{_DOC_NOUNS})"
)
# "a post on its website", "its statement": the document of the body "its" stands for
_ITS_DOC = re.compile(
    rf"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:{_DOC_NOUNS})\s+on\s+its\s+(?:website|site|blog|page|account)"
    rf"|its\s+(?:[\w-]+\s+)?(?:{_DOC_NOUNS})"
)


# "an internal memo", "the internal report": a body's own paper, its issuer left implied
_INTERNAL_PAPERS = rf"(?:{_DOC_NOUNS}|email|e-mail|document|documents|memorandum|survey|review|audit)"
_INTERNAL_DOC = re.compile(rf"(?:an?|the)\s+internal\s+(?:company\s+|[a-z]+\s+)?{_INTERNAL_PAPERS}")
# "an internal Mossack Fonseca survey": the owner named between "internal" and the paper
_INTERNAL_NAMED = re.compile(
    rf"(?:[Aa]n?|[Tt]he)\s+internal\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){{0,3}})\s+{_INTERNAL_PAPERS}"
)

# what names a paper's sender after it: "from", "sent by", "leaked from" ("obtained by", "seen by" name
# who has it now, no sender)
_SENT_BY = re.compile(
    r",?\s+(?:(?:sent|written|issued|circulated|leaked|distributed)\s+)?(?:from|by)\s+(?:the\s+)?"
)


def described_issuer(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """The body behind a document the text ties to it only by a description ("according to a company
    statement") or by "its" ("according to a post on its website"). Signal: the describing noun refers
    back as "the company" does, and "its" to the last body named before it; a document is its issuer's
    words, so the issuer, not the document, is the speaker."""
    m = _BODY_DOC.fullmatch(low)
    if m:
        return ctx.organisation(f"the {m.group('noun')}", span[0])
    named = _INTERNAL_NAMED.fullmatch(ctx.text, span[0], span[1])
    if named:
        return _norm(named.group("name"))
    if _INTERNAL_DOC.fullmatch(low):
        # "an internal memo sent by Samsung executives", "... leaked from Samsung": a body written as the
        # paper's sender right after it is its owner, whichever body the text is about
        sender = _SENT_BY.match(ctx.text, span[1])
        body = next((x for x in ctx.ents if sender and x.start == sender.end() and x.label == "ORG"), None)
        if body is not None:
            return _norm(body.text)
        # "An internal memo states" after "Apple may be planning ...": a body's internal paper is that
        # body's, the one the text is about, as "the company" would be (signal: "internal" names an owner)
        topic = subject_org(ctx.ents, ctx.org_subjects, ctx.quoted, span[0])
        if topic is None:
            return ctx.organisation("the company", span[0])
        # "APPLE TO REPLACE ..." in a heading: the name as the text writes it in running prose
        cased = (x.text for x in ctx.ents if x.text.lower() == topic.text.lower() and not x.text.isupper())
        return _norm(next(cased, topic.text))
    if _ITS_DOC.fullmatch(low):
        body = next((x for x in reversed(ctx.ents) if x.end <= span[0] and x.label == "ORG"), None)
        if body is not None and span[0] - body.end < 600:
            return _norm(body.text)
    return None
