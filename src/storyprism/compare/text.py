"""Text helpers of the comparison stage: sentence spans, content tokens, statement filter.

The splitter, stop words, stemmer and negation cues live in ``storyprism.text`` (one home for
every stage); this module adds what only comparison needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyprism.text.cues import NEGATIONS
from storyprism.text.sentences import split_sentences
from storyprism.text.stopwords import STOPWORDS, stem

__all__ = ["CAPITALISED", "NEGATIONS", "STOPWORDS", "SentenceSpan", "cased_words", "clause_pattern", "clauses",
           "content_tokens", "is_statement", "modal_pattern", "negation_count", "normalise", "sentence_names",
           "split_sentences", "stem", "words"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_NAME = re.compile(r"(?<=\s)([A-Z][a-z]{2,}|[A-Z]{2,})\b")


# A capitalised word of three letters or more: a name, or a sentence's first word (callers drop stop
# words or skip the first word).
CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")

# A clause is the unit in which the clause-reading detectors (denials, opposites, agents) read one
# assertion: punctuation ends it, and so do the conjunctions that open a subordinate or contrasting
# clause ("crashed out *after* ...": what follows is outside the first clause's verb and negation).
# Each detector may add openers of its own ("and", "as", "that", "then").
_CLAUSE_PUNCT = r"[,;:()\u2014\u2013\"“”]|\s-\s|\.\s"
_CLAUSE_OPENERS = ("but", "while", "although", "though", "whereas", "because", "after", "before", "when", "until",
                   "since", "which", "who")


def clause_pattern(*extra: str) -> re.Pattern[str]:
    """The clause cut: punctuation and the shared openers, plus ``extra`` opening words."""
    openers = "|".join((*_CLAUSE_OPENERS, *extra))
    return re.compile(rf"{_CLAUSE_PUNCT}|\b(?:{openers})\b", re.IGNORECASE)


def clauses(text: str, cut: re.Pattern[str], min_words: int) -> list[str]:
    """The pieces of ``text`` between the cuts, stripped, with at least ``min_words`` words."""
    out, pos = [], 0
    for m in cut.finditer(text):
        out.append(text[pos : m.start()])
        pos = m.end()
    out.append(text[pos:])
    return [c.strip() for c in out if len(c.split()) >= min_words]


# Words that make a clause a possibility, a condition or hearsay rather than a plain assertion;
# each detector adds its own (a future "will", contracted negated modals, hedging adverbs).
_MODALS = ("could", "can", "may", "might", "should", "must", "would", "if", "whether", "unless", "reportedly",
           "allegedly")


def modal_pattern(*extra: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join((*_MODALS, *extra))})\b", re.IGNORECASE)


def sentence_names(text: str) -> set[str]:
    """Capitalised words of three letters or more, and initialisms, that open the text or follow a
    space, lower-cased, stop words out: the people, places and bodies a sentence names, as two
    sentences about one thing share them."""
    return {n.lower() for n in _NAME.findall(" " + text) if n.lower() not in STOPWORDS}


@dataclass(slots=True)
class SentenceSpan:
    article: str
    index: int  # position among the article's kept sentences
    text: str
    start: int
    end: int


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def cased_words(text: str) -> list[str]:
    """``words`` as printed (one for one with ``words``): whether a word is capitalised."""
    return [w.replace("’", "'") for w in _WORD.findall(text)]


def content_tokens(text: str) -> list[str]:
    """Lower-cased content words, crudely stemmed so 'troops'/'troop' and 'supports'/'supported' meet."""
    return list(_content_tokens(text))


@lru_cache(maxsize=65536)
def _content_tokens(text: str) -> tuple[str, ...]:
    # The comparison detectors ask for the same sentence's words many times (about four times
    # each on Giveme5W1H: claims, conflicts, restatements, summaries); the regex and the stemmer
    # run once per distinct text. Callers get a fresh list, so none can change another's copy.
    out = []
    for w in words(text):
        if w in STOPWORDS or w in NEGATIONS or len(w) < 2:
            continue
        if w.endswith("'s"):
            w = w[:-2]
        out.append(stem(w))
    return tuple(out)


def negation_count(text: str) -> int:
    count = 0
    for w in words(text):
        if w in NEGATIONS or w.endswith("n't"):
            count += 1
    return count


def is_statement(text: str, min_words: int, max_words: int) -> bool:
    """A sentence worth comparing: long enough, prose (not a caption, byline or menu item)."""
    tokens = text.split()
    if not (min_words <= len(tokens) <= max_words):
        return False
    if text.startswith("(") and text.endswith(")"):  # photo credits, editor's notes
        return False
    if text.rstrip().endswith(":"):
        # "Here are a couple of examples:", "Police said in a statement:": an introduction whose
        # content is what follows (a list, a quote, images), not a statement of its own
        return False
    if tokens[0].lower().strip("\"“‘'") == "which":
        return False  # "Which is where ... comes in.": the tail of the sentence before, no statement
    lower = sum(1 for t in tokens if t[:1].islower())
    if lower < max(2, len(tokens) // 4):  # title-case menus, headlines, name lists
        return False
    if _PAGE_FURNITURE.search(text):
        return False
    if _ASSERTS_NOTHING.search(text):
        return False
    # A question in the outlet's own voice ("So what does the new probe carry?") is a
    # subheading or a teaser: it asserts nothing, so it neither states nor corroborates a claim (a
    # quoted question ends in its quotation mark or in "he asked." and stays).
    if text.rstrip().endswith("?"):
        return False
    # No end punctuation: a photo caption ("Kris Bryant smiles as he fields the ball ... for the
    # Cubs"), a heading or a link label, however long; news prose ends its sentences. Except an entry
    # of a live blog or a race timeline, which opens on its moment and, by that convention, often
    # goes without a full stop ("Lap 14 Ericsson has a big smash and the safety car is deployed").
    return text.rstrip()[-1] in ".!\"'”’)…" or bool(_TIMELINE_ENTRY.match(text))


# The moment a timeline entry opens on: a lap or minute number, or a clock time, then the entry's
# own capitalised sentence with a verb-bearing run of lower-case words ("Lap 14 Ericsson has a big
# smash"); "Round 3 Results from ..." is a heading, so rounds are left out.
_TIMELINE_ENTRY = re.compile(
    r"^\s*(?:(?:Lap|Minute)\s+\d{1,3}|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)\s*[:\-\u2013]?\s+[A-Z][a-z]"
)


# A caption's or a player's furniture left in a sentence: a picture desk's credit or the share
# buttons opening it ("Getty Images Ben Zobrist won ...", "Facebook Twitter Pinterest Cleveland
# Indians relief pitcher ..."), a related-story link in brackets, a video player's controls.
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:\[|(?:Getty Images|Facebook Twitter|Shutterstock|Rex Features|Photograph:|Image copyright)\b)"
    r"|\b(?:Full Screen|Autoplay|Skip Ad|View Photos|Image caption)\b"
)


# A sentence whose only assertion is what is not known, or that someone gave no answer: "It was unclear
# if other passengers were with her", "Nature Air did not immediately respond to HuffPost's requests for
# comment". It says nothing about the happening, so it neither states nor corroborates a claim (two
# outlets' unanswered calls are two different requests, not one fact), nor is it a conflict's side or a
# summary line. Only the whole sentence counts: "The boy, whose condition remains unknown, fell ..." and
# "declined to comment but said ..." assert something else and stay.
_ASSERTS_NOTHING = re.compile(
    r"^\W*(?:(?:But|And|However|So far|Still|Yet),?\s+)?it(?:\s+(?:is|was|remains|remained)|['’]s)\s+"
    r"(?:still\s+|also\s+)?(?:unclear|unknown|not\s+(?:yet\s+|immediately\s+)?(?:clear|known))\b"
    r"|^[^,;:]{0,80}?\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t|had\s+not|could\s+not|"
    r"couldn['’]t|would\s+not|wouldn['’]t|declined\s+to|refused\s+to)\s+(?:immediately\s+)?"
    r"(?:comment|be\s+reached"
    r"|(?:respond|reply|return)(?:\s+[\w'’]+){0,6}?\s+(?:requests?|calls?|messages?|e-?mails?|inquir(?:y|ies)|questions))"
    r"(?:\s+(?:for|seeking)\s+comment)?"
    r"(?:\s+(?:on|by|late|early|from|at|to|about|over)(?:\s+[\w'’-]+){1,4})?\s*[.!]?[\"”]?\s*$",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    return " ".join(words(text))
