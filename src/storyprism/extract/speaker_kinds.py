"""What kind of phrase a speaker phrase is: one that can speak, or a thing, a cut title or a clause.

A speaker is a person, an organisation, a role or a group; a document or a finding may stand for its
author ("the report says", "findings show"). Three kinds of phrase are none of these, and the rules that
read a subject from the parse sometimes return them:

- an *abstract* noun phrase, headed by a noun of state, event or quality ("Japan's security situation",
  "North Korea's participation", "the confusion over the gunshots", "the scale of the attack"): the
  English derivational suffixes -tion, -sion, -ment, -ness, -ity, -ance, -ence, -ship, -ism, -ure make
  nouns of actions and states, and such a noun says nothing, though the parser may hang a speech verb on
  it when the verb's real subject sits one clause up. Bodies named with the same suffixes
  ("administration", "organization", "commission", "authority", "agency") and documents ("statement",
  "publication") are listed apart: they speak for their members or their authors;
- a *cut title*: an abbreviated honorific alone ("Dr" of "Dr. Ada Lintz", cut at the abbreviation's
  period), which names no one;
- a *clause*: words with a finite verb or a modal ("people in high-tax areas received their stock
  early", "Seoul should instead"): a subject is a noun phrase, so a phrase holding its own verb is text
  around the speaker caught by a pattern, not the speaker;
- a *stray word*: a lone lower-case letter (a word cut by a typo) or "whose" alone.

``unfit_speakers`` runs last in ``quotes.find_quotes``; ``subjects.subject`` uses ``abstract_head`` to
look one clause up when a borrowed subject is such a noun.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import PRONOUNS, ROLE_SYNONYMS
from storyprism.extract.parse import Parse
from storyprism.extract.person_nouns import DESCRIPTIONS, OCCUPATIONS, PERSON_NOUNS
from storyprism.extract.speaker_words import GENERIC_SPEAKERS, ORG_NOUNS
from storyprism.extract.speakers import DocContext, resolve

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

# derivational suffixes of nouns of action, state and quality (English morphology)
_ABSTRACT_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ure)s?$")

# bodies and documents whose names carry those suffixes: they speak for their members or authors
_SPEAKING_BODIES = frozenset(
    ["administration", "organization", "organisation", "commission", "association", "foundation",
     "federation", "corporation", "institution", "delegation", "coalition", "opposition", "confederation",
     "congregation", "legislature", "government", "department", "management", "parliament", "establishment",
     "movement", "authority", "authorities", "agency", "agencies", "university", "community",
     "communities", "majority", "minority", "presidency", "leadership", "ministry", "station", "stations",
     "publication", "publications", "statement", "statements", "announcement", "announcements",
     "resolution", "resolutions", "investigation", "investigations", "documents", "document",
     "conference", "committee", "union", "unions", "nation", "nations", "audience", "audiences",
     "police", "intelligence", "prosecution", "defence", "defense", "celebrity", "celebrities",
     "personality", "personalities", "entity", "entities", "charity", "charities", "municipality",
     "convention", "mission", "division", "constitution", "petition", "legislation", "complaint",
     "testimony", "assessment", "evidence", "research", "literature", "signature", "witness", "witnesses",
     "business", "businesses", "membership", "alliance", "alliances", "science", "generation", "population",
     "congregations", "eyewitness", "eyewitnesses", "version", "versions", "edition", "editions",
     "prefecture", "prefectures", "figures", "parliaments", "governments", "departments", "administrations", "organizations",
     "organisations", "commissions", "associations", "foundations", "corporations", "institutions",
     "delegations", "coalitions", "movements", "universities", "ministries", "committees", "conferences"]
)  # fmt: skip

_PREPOSITIONS = frozenset(
    ["of", "over", "in", "for", "about", "on", "at", "from", "with", "to", "by", "between"]
)

# abbreviated honorifics and titles that stand before a name and never alone
_CUT_TITLES = frozenset(
    ["dr", "mr", "mrs", "ms", "mx", "prof", "rev", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
     "st", "hon", "adm", "cmdr", "supt", "insp", "det", "sr", "jr"]
)  # fmt: skip


def abstract_head(phrase: str) -> bool:
    """Whether a speaker phrase is headed by a noun of action, state or quality (see the module)."""
    words = re.findall(r"[\w'’-]+", phrase)
    # the head of "the confusion over the source of the gunshots" stands before its first preposition
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    if not words[:cut]:
        return False
    head = words[cut - 1]
    # a capitalised head is a name ("Mission Control", "the Ministry of Defence" cut, "Ms. Vance")
    if not head.islower() or len(head) < 6:
        return False
    return bool(_ABSTRACT_SUFFIX.search(head)) and head not in _SPEAKING_BODIES


def cut_title(phrase: str) -> bool:
    """Whether a speaker phrase is an abbreviated title alone ("Dr", "Sen."), naming no one."""
    return phrase.strip().rstrip(".").lower() in _CUT_TITLES


def holds_clause(p: Parse, text: str, span: tuple[int, int]) -> bool:
    """Whether the phrase at ``span`` holds a finite verb or a modal of its own (see the module): a
    past or present verb, or "should/could/will", tagged inside it. A relative clause on the head
    ("officials who spoke on condition of anonymity") is part of a noun phrase, so a verb after a
    relative pronoun does not count."""
    for t in p.tokens_in(*span):
        if p.tags[t] in ("WP", "WDT", "WP$") or p.deps[t] in ("relcl", "acl"):
            return False
        word = text[p.starts[t] : p.ends[t]]
        # a capitalised word is part of a name or a title ("Vice", "Mocks" in a headline name), and a
        # verb tag on a noun in a noun's role ("singers" as a compound) is a tagger slip: only a
        # lower-case finite verb or auxiliary in a clause role makes a clause
        finite = p.tags[t] in ("VBD", "VBZ", "VBP", "MD")
        if finite and word.isalpha() and word.islower() and p.deps[t] in _CLAUSE_ROLES:
            return True
    return False


_CLAUSE_ROLES = frozenset(["ROOT", "ccomp", "conj", "advcl", "aux", "auxpass", "xcomp", "parataxis", "csubj"])


# verbs whose subject may be a finding, a record or a piece of evidence ("the findings show", "the
# removal suggests", "evidence indicates"): a thing that shows or implies is a source, not a speaker
EVIDENTIAL = frozenset(
    ["show", "suggest", "indicate", "reveal", "find", "imply", "mean", "prove", "demonstrate", "highlight",
     "confirm", "according to", "estimate", "predict", "signal", "point"]
)  # fmt: skip


def unfit_speakers(text: str, ctx: DocContext, parse: Parse | None, found: list[Found]) -> None:
    """The last check on each speaker phrase: a cut title takes the name the text writes after its
    period ("Dr. Ada Lintz"), or names no one; a clause, a lone letter and an abstract noun (but for a
    finding's verbs, ``EVIDENTIAL``) are no speaker, so the quote is left without a name (the phrase
    stays as the evidence). Only phrases the speaker was read from are judged: a speaker resolved to a
    name elsewhere ("he" to the person) is that name's."""
    for q in found:
        if not q.speaker:
            continue
        if _stray_letter(q.speaker) or (
            q.speaker_span is None
            and (cut_title(q.speaker) or (abstract_head(q.speaker) and q.cue not in EVIDENTIAL))
        ):
            # a quote that goes on from one whose speaker was such a phrase carries the bare string
            q.speaker = None
            continue
        if q.speaker_span is None:
            continue
        s, e = q.speaker_span
        phrase = text[s:e]
        if not set(q.speaker.lower().split()) <= set(phrase.lower().replace(".", " ").split()):
            continue
        if cut_title(phrase):
            m = _NAME_AFTER.match(text, e)
            if m is not None:
                q.speaker_span = (s, m.end())
                q.speaker = resolve(ctx, q.speaker_span)
            else:
                q.speaker = None
        elif _stray_letter(phrase) or (
            # "he visited in November, Mr. Trump": a name after the comma is the phrase's noun phrase
            parse is not None and "," not in phrase and holds_clause(parse, text, q.speaker_span)
        ):
            q.speaker = None  # "e added", "people in high-tax areas received their stock early"
        elif abstract_head(phrase) and q.cue not in EVIDENTIAL:
            q.speaker = None  # "Japan's security situation ..., referring to"


# the name after an abbreviated title's period: "Dr. David Lintner", "Sen. Al Franks"
_NAME_AFTER = re.compile(
    r"\.?[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][\w'’-]+){0,2}"
)


def _stray_letter(phrase: str) -> bool:
    """A lone lower-case letter ("e added", a word cut by a typo) names no one; a capital may be a
    name ("E!", "X"). Nor does a possessive relative pronoun alone ("a boy whose ..., alluding to"):
    "whose" is a determiner of the noun after it, never a noun phrase."""
    word = phrase.strip()
    return (len(word) == 1 and word.islower()) or word.lower() == "whose"


# what a finding's verb may have as a subject that is still a source in its own right: a document, a
# record or a body of evidence ("Lintz said the study suggests ...": the study is the source he relays)
_SOURCE_THINGS = re.compile(
    r"\b(?:statement|letter|report|post|release|memo|notice|note|filing|study|studies|article|survey|poll|"
    r"data|findings|figures|evidence|research|records?|documents?|analysis|results|tests?|footage|video|"
    r"images?|photos?|pictures?|emails?|messages?|papers?|review|audit|inquiry|probe|investigation)\b",
    re.IGNORECASE,
)


# common nouns that name someone who can speak: persons, roles, bodies, pronouns
PERSONISH = frozenset(
    PERSON_NOUNS
    | DESCRIPTIONS
    | OCCUPATIONS
    | GENERIC_SPEAKERS
    | ORG_NOUNS
    | set(ROLE_SYNONYMS)
    | {w.lower() for w in PRONOUNS}
    | _SPEAKING_BODIES
)


def relayed_inference(text: str, ctx: DocContext, found: list[Found]) -> None:
    """ "Wendt told a paper that the apparent need for safety zones implies that public space is unsafe":
    a finding's verb (``EVIDENTIAL``: implies, suggests, means) whose subject is a plain thing named by
    a common noun, inside the words another speaker is reported saying, is that speaker's inference, not
    a thing's statement. Signal: a thing that "implies" asserts nothing; the teller who draws the
    implication is the one the text reports (so the teller is the speaker, not a relayer). A document or
    a body of evidence relayed that way stays the source (``_SOURCE_THINGS``), as does any name or
    person noun."""
    for q in found:
        if not q.via or q.cue not in EVIDENTIAL or q.speaker_span is None:
            continue
        s, e = q.speaker_span
        phrase = text[s:e]
        words = re.findall(r"[\w'’-]+", phrase)
        if not words or any(
            w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an", "this", "that")
        ):
            continue  # a name, or a phrase opening a sentence with one: someone or some body may speak
        if any(x.start < e and s < x.end for x in ctx.ents if x.label in ("PERSON", "ORG", "NORP", "GPE")):
            continue
        cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
        head = words[cut - 1].lower()
        if _SOURCE_THINGS.search(phrase) or head in PERSONISH or head.endswith("s"):
            # a person or body noun speaks; a plural head is most often a group of people ("experts")
            continue
        q.speaker, q.via = q.via, None
        q.speaker_span = None
