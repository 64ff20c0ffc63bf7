"""Checks on the frame around a direct quote: whether the words after its closing mark tag it, whether
a capitalised phrase in marks is a title, whether "continue" or "quoting X as saying" hands the quote
to someone. Used by ``quotes.find_direct``; each rule names the signal it rests on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ALL_FORMS
from storyprism.extract.direct_frame import direct_attribution
from storyprism.extract.marks import QUOTE_MARKS
from storyprism.extract.parse import Parse

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found


CONJ_OPENS = re.compile(r"\s*,?\s*(?:while|whereas|but|and|as)\s", re.IGNORECASE)
QUOTING_AS = re.compile(
    r"\bquot(?:ing|ed)\s+((?:him|her|them|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))\s+as\s+(?:saying|telling\s+\w+)\s*[,:]?\s*"
)


def continues_a_motion(text: str, opening: int) -> bool:
    """Whether "continue" before a quote's opening mark governs something else ("will continue its
    trajectory into 'deep space'"). Signal: "continue" only introduces words when the quote follows it
    straight away ("he continued: '...'", "continued, '...'", "continued by saying '...'"); with an
    object or a phrase between them it is a verb of motion or duration and the marks are scare quotes."""
    line = text.rfind("\n", 0, opening) + 1
    stop = max((m.end() for m in re.finditer(r"[.!?]\s", text[line:opening])), default=0)
    sent = text[line + stop : opening]
    cues = list(re.finditer(r"\bcontinu(?:e|es|ed|ing)\b", sent, re.IGNORECASE))
    if not cues:
        return False
    between = sent[cues[-1].end() :]
    return not re.fullmatch(r"\s*(?:,|:|—|-)?\s*(?:(?:by\s+)?saying|to\s+say|that)?\s*[,:]?\s*", between)


def tag_like(text: str, span: tuple[int, int]) -> bool:
    """Whether a speaker phrase after a closing mark reads as a tag's subject: a name, a pronoun or a
    noun phrase ("the senator"), not the rest of the sentence the quote sits in ("” to deal with the
    Korean crisis, said R. Nicholas Burns")."""
    first = text[span[0] : span[1]].split()[:1]
    return not first or first[0] not in CONTINUATIONS


# words that carry the quote's own sentence on past its closing mark ("” to deal with", "” in a")
CONTINUATIONS = frozenset(
    ["to", "on", "in", "for", "with", "at", "by", "from", "of", "and", "or", "but", "as", "that", "which",
     "about", "over", "into", "after", "before", "than", "because", "if", "when", "while", "is", "are", "was",
     "were"]
)  # fmt: skip
SMALL_WORDS = frozenset(["of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or"])


def title_in_marks(text: str, parse: Parse, q: Found) -> bool:
    """A short title-cased phrase in marks that is no clause or object of a cue is a name of a show,
    a book or a slogan ("said on “Good Morning America” that"), not someone's words."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", q.text)]
    if not words or len(words) > 6:
        return False
    comma = q.text.rstrip().endswith(",") or text[q.end : q.end + 3].lstrip("'’”\"").startswith(",")
    if (
        comma
        and APPOSITIVE_AFTER.match(text, closing_end(text, q.end))
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    ):
        # "“The Parisian Woman,” an intrigue about ...", "“Can't Stop the Feeling!,” the psychotically
        # chipper single he wrote": a noun phrase in apposition describes what the title names
        return True
    if re.search(r"[.!?,]$", q.text.strip()):
        # American style keeps the comma inside the marks (on CBS's “Face the Nation,” Ryan said): after
        # a preposition or a possessive the phrase is still a title; speech follows a verb or a colon
        before = text[max(0, q.start - 12) : q.start].rstrip(" “\"‘'«")
        if q.text.strip()[-1] not in ",." or not re.search(r"(?:\b(?:on|of|in|at|to|from)|['’]s)$", before):
            return False
    if not all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words):
        return False
    pa = direct_attribution(parse, text, q.parts)
    return pa is None or not pa.strong


# ", an intrigue about", ", the psychotically chipper single he wrote": an article and lowercase words
# that reach no verb of saying within three words (", the senator said" is a tag)
APPOSITIVE_AFTER = re.compile(
    r"\s*,?\s*(?:an?|the)\s+(?!(?:\S+\s+){0,2}(?:said|says|told|added|asked|wrote|writes|tweeted)\b)[a-z]"
)


def closing_end(text: str, pos: int) -> int:
    """The offset just after the closing mark (and the punctuation stuck to it) at ``pos``."""
    end = min(len(text), pos + 3)
    while pos < end and text[pos] in ",.!?'’”\"":
        pos += 1
    return pos


def opens_own_clause(text: str, parse: Parse, q_end: int, closing: int) -> bool:
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
