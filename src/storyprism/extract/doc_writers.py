"""A written piece that speaks ("“...,” the letter began", "the memoir says") stands for its writer.

Signals (each a fact of English or a convention of news writing):

- definite anaphora: "the letter" refers back to the letter the text introduced before it; the writer is
  named where it was introduced, not where it speaks;
- the medium adjunct: in "Palmer announced his retirement in an open letter", "in a letter" tells the
  medium of the subject's own act, so the clause's subject wrote it (a passive clause names no writer);
- verbs of writing or sending: "Several executives fired off a letter", "X penned a letter": the subject
  of such a verb whose object is the piece is its writer (never a verb of receiving: "X got a letter");
- authorship phrases: "a letter signed by A and B", "a letter from X", "X's letter".

``speakers.resolve`` calls ``document_writer`` after the issuer rules of ``issuers`` (statements and
releases speak for the body that put them out; a letter or a post is its writer's even when a club or a
paper released it: "an open letter released by the Cardinals" is the player's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import verb_forms

if TYPE_CHECKING:
    from storyprism.extract.ents import Ent
    from storyprism.extract.parse import Parse
    from storyprism.extract.speakers import DocContext

# pieces a person writes in their own voice (letters, posts, essays, books); statements, releases and
# reports are ``issuers``' business
_PIECES = r"letter|post|email|e-mail|memo|essay|op-ed|blog|blogpost|message|note|column|book|memoir|diary"
# "the letter", "the open letter", "this joint letter", "the Facebook post" as the whole speaker phrase
_ANAPHOR = re.compile(rf"(?:the|that|this)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_PIECES})", re.IGNORECASE)


# verbs whose subject writes or sends the piece that is their object, in every form ("is sending a letter")
_WRITING_VERBS = verb_forms(
    ("write", "pen", "sign", "send", "publish", "post", "draft", "co-sign", "cosign", "author", "fire",
     "issue", "release", "address", "submit"),
    {"send": ["sent"], "pen": ["penned", "penning"], "submit": ["submitted", "submitting"],
     "co-sign": ["co-signed"], "cosign": ["cosigned"]},
)  # fmt: skip
# verbs of perceiving or finding out: their subject takes in what a piece says ("read about it in a
# letter", "found out in an email"), so the piece is the medium of someone else's message to them
_TAKING_IN = verb_forms(
    ("read", "learn", "find", "hear", "discover", "see", "notice", "receive", "get"),
    {"get": ["got", "gotten", "getting"]},
)
# prepositions that make the piece the medium of the clause's act ("in a letter", "through a post")
_MEDIUM = frozenset(["in", "through", "via"])
# authorship after the noun: "letter signed by", "letter, written by", "letter from" (right after the noun:
# a later "from" belongs to another phrase, "urged the board to remove him from office")
_BY_WRITER = re.compile(
    r"(?:\s+from|[^.;:!?“”\"]{0,60}?\b(?P<part>signed|written|penned|authored|co-signed|sent)\s+by)"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)
# a possessive name right before the piece: "Palmer's letter", "Ann Lee’s open letter"
_POSSESSOR = re.compile(r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})['’]s?\s+(?:[\w-]+\s+){0,2}$")
# an article or determiner before the piece: an indefinite one introduces a new piece
_DETERMINER = re.compile(
    r"\b(?P<det>a|an|the|this|that|his|her|their|its|our)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
# another name joined to a list of signers ("A, B and Cy Park"): the list goes on past its last entity
_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|&)\s+[A-Z]|\s*,\s*[A-Z]")
# how far back the introduction of a piece may lie (a story cites "the letter" paragraphs later)
_WINDOW = 4000


def document_writer(ctx: DocContext, span: tuple[int, int], low: str) -> str | None:
    """The writer of the piece a definite speaker phrase ("the letter") refers back to, or None."""
    # matched on the text itself, not on ``low`` (stripped), so offsets into the text stay exact
    raw = ctx.text[span[0] : span[1]]
    lead = len(raw) - len(raw.lstrip())
    m = _ANAPHOR.fullmatch(raw.strip())
    if m is None or ctx.parse is None or not ctx.text[span[0] + lead + m.start("noun")].islower():
        return None
    noun = m.group("noun")
    text = ctx.text
    p = ctx.parse
    s = span[0]
    signers: str | None = None  # a list of several signers: used only if no single writer is named
    lo = max(0, s - _WINDOW)
    # lower case only: a capitalised "Post" or "Note" is a name ("the Washington Post"), no piece
    for hit in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", text[lo:s]))):
        at = lo + hit.start()
        end = at + len(noun)
        if any(qs <= at < qe for qs, qe in ctx.quoted):
            continue  # a letter someone mentions inside their own quote is theirs to refer to
        before = text[max(0, at - 80) : at]
        by = _BY_WRITER.match(text, end)
        # "The joint letter, obtained by the Times, was signed by A, B and C": the piece is the passive
        # subject of the verb of writing, so the "by" phrase names its writers (signal: the parse)
        passive = (
            by is not None
            and by.group("part") is not None
            and any(
                p.deps[c] == "nsubjpass" and c == p.token_at(end - 1)
                for c in p.children(p.token_at(by.start("part")))
            )
        )
        if (
            by is not None
            and by.group("part")
            and not passive
            and p.heads[p.token_at(by.start("part"))] != p.token_at(end - 1)
            and not re.fullmatch(r",?\s*(?:\w+ly\s+)?", text[end : by.start("part")])
        ):
            # "a letter about a report written by X": the participle modifies another noun, whose
            # author X is (signal: the parse attaches the participle to what it describes)
            by = None
        owner = _POSSESSOR.search(before)
        if owner is not None and by is None:
            # "Varga's letter from the residents": a possessive may name the holder or the receiver,
            # an explicit "from"/"signed by" names the writer, so the possessive yields to it
            name = _named(ctx, at - len(before) + owner.start("name"))
            if name:
                return name
        if by is not None:
            writers = _names_at(ctx, by.end())
            if len(writers) == 1:
                return writers[0]
            if len(writers) > 1 and signers is None:
                signers = ", ".join(writers[:-1]) + " and " + writers[-1]
                last = writers[-1].split()[-1]
                at_last = text.find(last, by.end())
                if passive and at_last >= 0 and _LIST_GOES_ON.match(text, at_last + len(last)):
                    signers = None  # a signer the NER missed follows: the list would be cut short
                elif passive:
                    return signers  # the signers named outright beat a description of an earlier mention
        writer = _clause_writer(ctx, ctx.parse, at, end)
        if writer:
            return writer
        det = _DETERMINER.search(before)
        if det is not None and det.group("det").lower() in ("a", "an"):
            break  # the piece was introduced here, and no writer was named with it
    return signers


def _clause_writer(ctx: DocContext, p: Parse, at: int, end: int) -> str | None:
    """The subject of the clause that has the piece as its medium ("in a letter") or as the object of a
    verb of writing ("fired off a letter"), resolved as a speaker; None for a passive clause."""
    from storyprism.extract.speakers import resolve
    from storyprism.extract.subjects import subject

    toks = [t for t in p.tokens_in(at, end)]
    if not toks:
        return None
    t = toks[-1]
    head = p.heads[t]
    verb: int | None = None
    if (
        p.deps[t] == "pobj"
        and p.word(ctx.text, head).lower() in _MEDIUM
        and p.is_verb(p.heads[head])
        and p.word(ctx.text, p.heads[head]).lower() not in _TAKING_IN
    ):
        verb = p.heads[head]
    elif p.deps[t] == "dobj" and p.is_verb(head) and p.word(ctx.text, head).lower() in _WRITING_VERBS:
        verb = head
    if verb is None:
        return None
    if any(p.deps[c] in ("nsubjpass", "auxpass") for c in p.children(verb)):
        return None  # "the claim was made in a letter": a passive names no writer
    sub = subject(p, ctx.text, verb)
    if sub is None:
        return None
    phrase = ctx.text[sub[0] : sub[1]]
    if re.search(rf"\b(?:{_PIECES})\b", phrase, re.IGNORECASE) or phrase.lower() in ("it", "they", "this"):
        return None  # the piece itself, or a pronoun for something
    name = resolve(ctx, sub)
    return name or None


def _named(ctx: DocContext, pos: int) -> str | None:
    """A possessor written before a piece, as the person or body the text names there."""
    from storyprism.extract.speakers import norm_name

    ent = next((x for x in ctx.ents if x.start <= pos < x.end and x.label in ("PERSON", "ORG")), None)
    if ent is None:
        return None
    return ctx.full_name(ent.text, ent.start) if ent.label == "PERSON" else norm_name(ent.text)


def _names_at(ctx: DocContext, pos: int) -> list[str]:
    """The names listed from ``pos`` ("signed by A, B and C", titles before each name allowed), in order."""
    from storyprism.extract.speakers import norm_name

    out: list[str] = []
    cursor = last = pos
    for x in ctx.ents:
        if x.start < pos or x.label not in ("PERSON", "ORG"):
            continue
        gap = ctx.text[cursor : x.start]
        # titles and bodies before a name ("Epic Records president"), then a comma or "and" between names;
        # the first name follows "by"/"from" closely (a title at most)
        if len(gap) > (80 if out else 40) or re.search(r"[.;:!?“”\"\n]", gap):
            break
        if re.match(r"['’]s\b", ctx.text[x.end : x.end + 3]):
            return []  # "a letter from Ana Ruiz's lawyer": a possessive name owns the writer, is not one
        if x.label == "ORG" and _in_title(ctx, x):
            cursor = x.end  # a body inside a signer's title ("Sony Music general counsel Julie Swidler")
            continue
        if out and not re.search(r",|\band\b|&", ctx.text[last : x.start]):
            cursor = x.end  # "Jody Gerson of Universal": a body the signer belongs to, no second signer
            continue
        out.append(ctx.full_name(x.text, x.start) if x.label == "PERSON" else norm_name(x.text))
        cursor = last = x.end
    return out


def _in_title(ctx: DocContext, body: Ent) -> bool:
    """Whether a body opens the title of the person named right after it ("Sony Music general counsel
    Julie Swidler"): only lower-case title words lie between the two, no "and" or comma (in "Google and
    Microsoft" or "Oxfam, and union leader Tom Hale" the body is a signer of its own)."""
    nxt = next((x for x in ctx.ents if x.label == "PERSON" and x.start >= body.end), None)
    if nxt is None or nxt.start - body.end > 40:
        return False
    # title words in lower case or a short title abbreviation ("exec VP", "COO")
    gap = ctx.text[body.end : nxt.start]
    return re.fullmatch(r"(?:\s+(?!and\b|or\b)(?:[a-z][\w-]*|[A-Z]{2,4}))+\s+", gap) is not None
