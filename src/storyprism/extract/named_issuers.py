"""A document named by its issuer in the same noun phrase: "A White House statement said", "The
Cincinnati fire department incident report stated", "a KGI Securities report" (issue 12, round 24).

A document is its issuer's words, so the issuer, not the paper, is the speaker (as ``issuers`` does for
"a statement from X" and "the company's statement"). Here the issuer stands inside the phrase as a noun
modifier of the document noun.

Signal: the phrase is an optional article, then a name (a person, body or place the NER found, starting
right there), then optionally lower-case nouns of a body ("fire department", "foreign ministry"), then
modifiers of the paper ("incident", "press", "news"), and ends with one document noun of an issuer
(statement, report, note, memo, release ...). The issuer runs from the name to its last capitalised word
or body noun. Left alone: a platform's post or video ("a Facebook post" is the poster's), plural
documents (a leak or a body of papers, not one statement), and a name that only dates or places the
paper ("a Monday statement", "a Cairo report" cut to a place without a body noun after it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.speaker_words import GENERIC_SPEAKERS, ORG_NOUNS

if TYPE_CHECKING:
    from storyprism.extract.speakers import DocContext

# documents that speak for the body that issued them (singular: one paper, one voice)
_ISSUER_DOCS = frozenset(
    ["statement", "report", "note", "memo", "letter", "release", "filing", "notice", "announcement",
     "study", "survey", "bulletin", "communique", "communiqué", "advisory", "analysis", "assessment"]
)  # fmt: skip
# lower-case nouns that make a body of the name before them ("Cincinnati fire department")
_BODY_WORDS = (ORG_NOUNS | GENERIC_SPEAKERS) - {
    "statement",
    "report",
    "reports",
    "study",
    "survey",
    "letter",
    "memo",
}
_BODY_WORDS = _BODY_WORDS | frozenset(
    ["office", "service", "services", "police", "administration", "bureau", "ministry"]
)
# the NER types of a name that can issue a paper
_ISSUER_LABELS = frozenset(["ORG", "PERSON", "GPE", "NORP", "FAC"])
# a place or a people alone only says where or whose (a "Cairo report"); it issues with a body noun after it
_PLACE_LABELS = frozenset(["GPE", "NORP"])
_WORD = re.compile(r"[\w.&'’-]+")


def compound_issuer(ctx: DocContext, span: tuple[int, int]) -> str | None:
    """The issuer named inside a document phrase (see the module), or None."""
    s, e = span
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(ctx.text, s, e)]
    if len(words) < 2 or words[-1][2].lower() not in _ISSUER_DOCS:
        return None
    if words[0][2].lower() in ("a", "an", "the"):
        words = words[1:]
    if len(words) < 2:
        return None
    name = next((x for x in ctx.ents if x.start == words[0][0] and x.label in _ISSUER_LABELS), None)
    if name is None or name.end > words[-1][0]:
        return None
    # the issuer's last word: the name's end, or a body noun after it ("fire department")
    end = name.end
    body = False
    for ws, we, w in words[:-1]:
        if ws < name.end:
            continue
        if w.lower() in _BODY_WORDS:
            end, body = we, True
        elif w[:1].isupper() and end == ws - 1:
            end = we  # a name the NER cut short ("KGI" of "KGI Securities")
        elif not w.isalpha() or not w.islower():
            return None  # a date, a number or another name between: no plain compound
    if name.label in _PLACE_LABELS and not body:
        return None
    from storyprism.extract.speakers import norm_name  # speakers imports this module

    issuer = ctx.text[name.start : end]
    if name.label == "PERSON" and end == name.end:
        return ctx.full_name(name.text, name.start)
    return norm_name(issuer)
