"""What a speaking "it" stands for: a singular body, never a plural phrase (issue 12, round 24).

"Chinese officials confirmed they had lost control of the station. China's space agency has since
notified the UN that it expects the station to come down ...": the "it" that expects is the agency, the
subject of the clause the pronoun's own clause hangs from, not the officials of the sentence before.

Signals (used by ``followups.speaking_it``):

- a pronoun agrees in number with its antecedent: "it" stands for one thing, so a plural speaker phrase
  ("Chinese officials", "analysts", "they") is never its antecedent;
- the subject of the clause that governs the pronoun's clause ("X notified the UN that it ...", "X
  said it would ...") is its nearest antecedent in the sentence (the clause's topic), when that subject
  is a singular body: a noun of an organisation or a document ("the agency", "the ministry", "the
  report") or a name the NER typed as an organisation or a country; a person is "he" or "she", never
  "it". Plural-tagged nouns of one body ("the state media") and plural names ("the United Nations")
  are singular here;
- when the nearest speaker before is plural, a singular body that is a clause subject of the sentence
  before, main clause first, is the antecedent ("Repeated warnings have suggested that the space agency
  has lost control ... But it has told the public that ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyprism.extract.cues import DOCUMENTS
from storyprism.extract.parse import Parse
from storyprism.extract.speaker_words import ORG_NOUNS
from storyprism.extract.subjects import name_span

if TYPE_CHECKING:
    from storyprism.extract.speakers import DocContext

# nouns of a body or an office that may be referred to as "it"
_BODY_NOUNS = ORG_NOUNS | frozenset(
    ["government", "administration", "office", "authority", "police", "council", "commission", "bureau",
     "service", "force", "army", "military", "regime", "state", "country", "parliament", "congress",
     "senate", "court", "committee", "embassy", "consulate", "institute", "centre", "center", "study",
     "survey", "poll"]
) | DOCUMENTS  # fmt: skip
# plural forms a speaker phrase ends with that "it" cannot stand for
_PLURAL_PRONOUNS = frozenset(["they", "them", "we", "these", "those"])
# nouns tagged plural that name one body: "the North's state media ... It said"
_MASS_BODIES = frozenset(["media", "data", "headquarters", "news"])
# the NER types of a name "it" may stand for: a body or a country ("China ..., but it fears")
_BODY_LABELS = frozenset(["ORG", "GPE"])


def plural_phrase(ctx: DocContext, span: tuple[int, int]) -> bool:
    """Whether the speaker phrase at ``span`` is plural (its head a plural noun or a plural pronoun)."""
    p = ctx.parse
    words = ctx.text[span[0] : span[1]].split()
    if not words:
        return False
    if words[-1].lower() in _PLURAL_PRONOUNS:
        return True
    if p is None:
        return False
    heads = p.span_heads(*span)
    # a plural name ("United Nations", "the Philippines") is one body
    return (
        len(heads) == 1
        and p.tags[heads[0]] == "NNS"
        and p.word(ctx.text, heads[0]).lower() not in _MASS_BODIES
    )


def governing_body(ctx: DocContext, it_start: int) -> tuple[int, int] | None:
    """The span of the singular body that is the subject of the clause governing the "it" at
    ``it_start`` (see the module), or None."""
    p = ctx.parse
    if p is None:
        return None
    tok = next((t for t in p.tokens_in(it_start, it_start + 2) if p.starts[t] == it_start), None)
    if tok is None or p.deps[tok] != "nsubj":
        return None
    v = p.heads[tok]
    # up the clauses the pronoun's clause hangs from ("notified the UN that it ...", "following what it
    # said"), to the first that has a subject of its own
    while p.heads[v] != v:
        v = p.heads[v]
        subj = next((c for c in p.children(v) if p.deps[c] == "nsubj"), None)
        if subj is not None:
            return _singular_body(ctx, subj)
    return None


def previous_body(ctx: DocContext, it_start: int) -> tuple[int, int] | None:
    """The span of the first singular body that is a clause subject in the sentence before the one
    holding the "it" at ``it_start``, main clause first ("Repeated warnings have suggested that the space
    agency has lost control ... But it has told the public"), or None."""
    p = ctx.parse
    if p is None:
        return None
    tok = next((t for t in p.tokens_in(it_start, it_start + 2) if p.starts[t] == it_start), None)
    if tok is None:
        return None
    root = _root(p, tok)
    before = [t for t in range(tok) if p.deps[t] == "ROOT" and t < root]
    if not before:
        return None
    prev = before[-1]
    subjects = [t for t in range(len(p)) if p.deps[t] == "nsubj" and _root(p, t) == prev]
    subjects.sort(key=lambda t: _depth(p, t))
    for subj in subjects:
        if p.tags[subj] in ("NNS", "NNPS", "PRP", "WP", "WDT"):
            continue  # "Repeated warnings", "they": no antecedent of "it"
        return _singular_body(ctx, subj)
    return None


def _singular_body(ctx: DocContext, subj: int) -> tuple[int, int] | None:
    """The phrase of subject token ``subj`` when it is a singular body (see the module), else None."""
    p = ctx.parse
    assert p is not None
    if p.tags[subj] not in ("NN", "NNP"):
        return None  # a plural, a pronoun or a relative: not the singular body "it" needs
    if any(x.start <= p.starts[subj] < x.end for x in ctx.persons):
        return None  # a person is "he" or "she"
    named = any(x.start <= p.starts[subj] < x.end and x.label in _BODY_LABELS for x in ctx.ents)
    if not named and p.word(ctx.text, subj).lower() not in _BODY_NOUNS:
        return None
    return name_span(p, ctx.text, subj)


def _root(p: Parse, t: int) -> int:
    while p.heads[t] != t:
        t = p.heads[t]
    return t


def _depth(p: Parse, t: int) -> int:
    d = 0
    while p.heads[t] != t:
        t, d = p.heads[t], d + 1
    return d
