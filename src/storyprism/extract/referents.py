"""Which named body a definite description stands for, from what the text did with the names before it.

``DocContext.organisation`` resolves "the company", "the group", "the newspaper" to an organisation named
earlier. The last ORG tag before the phrase is often a modifier ("a former Acme engineer") or a thing
the outlet wrote about ("the tanker Ardent is registered ..., according to Harbor Daily"); these
helpers find the organisation the text made its centre of attention (a clause subject) or its source
(credited with what the text reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyprism.extract.ents import Ent
from storyprism.extract.parse import Parse

# how far back a description may reach for the body it refers to (a few paragraphs)
_WINDOW = 1500

# an outlet credited as a source: "according to Harbor Daily", "Harbor Daily said/reported"
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_CREDITED_BY = re.compile(
    r"\s+(?:(?:also|later|earlier|first)\s+)?(?:said|says|reported|reports|wrote|quoted|cited)\b"
)


def org_subjects(ents: Sequence[Ent], parse: Parse) -> set[int]:
    """Starts of ORG mentions that are the subject of a clause (the parse's nsubj/nsubjpass)."""
    out: set[int] = set()
    for e in ents:
        if e.label != "ORG":
            continue
        for t in parse.tokens_in(e.start, e.end):
            if parse.deps[t] in ("nsubj", "nsubjpass"):
                out.add(e.start)
                break
    return out


def _quoted(quoted: Sequence[tuple[int, int]], pos: int) -> bool:
    return any(qs <= pos < qe for qs, qe in quoted)


def _last_org(ents: Sequence[Ent], pos: int, keep: Callable[[Ent], bool]) -> Ent | None:
    """The last organisation ending before ``pos``, within ``_WINDOW`` of it, that ``keep`` accepts."""
    found = None
    for e in ents:
        if e.end > pos:
            break
        if e.label == "ORG" and pos - e.end <= _WINDOW and keep(e):
            found = e
    return found


def subject_org(
    ents: Sequence[Ent], subjects: set[int], quoted: Sequence[tuple[int, int]], pos: int
) -> Ent | None:
    """The last organisation before ``pos`` (within a few paragraphs, outside quotes) that was a clause
    subject. Signal: "The new Alliance for X counts ... Its members ... The group hopes": the body a
    definite "the group" continues is the one the text has been telling about, as a pronoun continues
    the last subject; an ORG met as a modifier ("a former Acme engineer") or inside someone's quote is
    no topic of the story."""
    return _last_org(ents, pos, lambda e: e.start in subjects and not _quoted(quoted, e.start))


def credited_outlet(
    text: str, ents: Sequence[Ent], quoted: Sequence[tuple[int, int]], pos: int
) -> Ent | None:
    """The last organisation before ``pos`` the text credited as a source ("according to X", "X said",
    "X reported"), within a few paragraphs. Signal: "the newspaper said" and an unintroduced "the report
    said" continue the outlet the story is relaying, not the last body it named (often a thing the
    outlet reported on: a ship, a firm)."""
    found = None
    for e in ents:
        if e.end > pos:
            break
        if e.label != "ORG" or pos - e.end > _WINDOW or _quoted(quoted, e.start):
            continue
        before = text[max(0, e.start - 20) : e.start]
        if _ACCORDING.search(before) or _CREDITED_BY.match(text, e.end):
            found = e
    return found


# a body's name the NER may miss, headed by a word that names a kind of body: "the new Alliance for Quiet
# Streets", "the Campaign for Tobacco-Free Kids", "the Global Policy Forum"
_BODY_HEADS = (
    r"Center|Centre|Institute|Foundation|Council|Alliance|Coalition|Association|Society|Committee|"
    r"League|Forum|Campaign|Federation|Union|Fund|Trust"
)
_BODY_NAME = re.compile(
    rf"\b(?:[A-Z][\w&'’-]*\s+){{0,3}}(?:{_BODY_HEADS})"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
)
# the generic nouns such a name is referred back to by
GENERIC_BODY_NOUNS = frozenset(["group", "organization", "organisation", "body", "charity", "nonprofit"])


def named_body(text: str, quoted: Sequence[tuple[int, int]], pos: int) -> tuple[int, str] | None:
    """The last capitalised name of a body (headed by "Center", "Institute", "Council", ...) in the few
    paragraphs before ``pos``, outside quotes, with its offset. Signal: a definite "the group" refers back
    to the last body the text named, whether or not the NER typed it; only a name with a body's head
    word counts (a capitalised run alone may be anything)."""
    found = None
    for m in _BODY_NAME.finditer(text, max(0, pos - _WINDOW), pos):
        name = re.sub(r"^(?:The|A|An|New)\s+", "", m.group(0))  # a sentence's article is no part of it
        if len(name.split()) > 1 and not _quoted(quoted, m.start()):  # a bare "Council" names nothing
            found = (m.start(), name)
    return found


# words that name a news outlet (general knowledge of mastheads and wires): "the Erie Times-News", "Fox News"
_OUTLET_WORDS = frozenset(
    ["times", "news", "post", "journal", "herald", "tribune", "gazette", "telegraph", "guardian", "daily",
     "press", "chronicle", "observer", "examiner", "inquirer", "reuters", "bloomberg", "cnn", "bbc", "npr",
     "ap", "afp"]
)  # fmt: skip


# a media noun right before a name ("CNN affiliate Teletica", "the newspaper Haaretz", "local TV station
# Azteca"): the name is the outlet's, whatever place the NER read in it (``name_types`` retypes places and
# peoples written there; "veteran broadcaster Jo Lane" is a person, so persons only after a paper's noun)
OUTLET_BEFORE = re.compile(
    r"\b(?:affiliate|station|channel|network|newspaper|daily|tabloid|broadcaster|outlet|magazine|"
    r"news\s+agency|news\s+site|website)\s+$"
)


def outlet_at_end(text: str, ents: list[Ent], start: int, end: int) -> Ent | None:
    """The outlet's name that closes the phrase ``start``-``end`` after a media noun ("the South Korean
    news agency Yonhap"): the phrase's head is the name, the words before it describe it."""
    last = next(
        (x for x in reversed(ents) if x.label == "ORG" and start <= x.start and x.end <= end), None
    )
    if last is None or text[last.end : end].strip(" ,") or last.start == start:
        return None
    return last if OUTLET_BEFORE.search(text, max(start, last.start - 25), last.start) else None


def is_outlet(name: str) -> bool:
    """Whether an organisation's name is a news outlet's (a masthead or wire word in it). Signal: "The
    power company said" after "As the Erie Times-News reported": a body named by a noun that names no
    outlet ("company", "firm", "airline") is never the outlet that relays the story."""
    bare = re.sub(r"['’]s?$", "", name.lower().strip(" .,"))
    return any(w in _OUTLET_WORDS for w in re.split(r"[\s-]+", bare))


def last_body(text: str, ents: Sequence[Ent], pos: int) -> Ent | None:
    """The last organisation before ``pos`` that is no news outlet (see ``is_outlet``) and no label set
    before a colon ("HOST:" heading a transcript's lines), within a few paragraphs."""
    return _last_org(ents, pos, lambda e: not is_outlet(e.text) and text[e.end : e.end + 1] != ":")
