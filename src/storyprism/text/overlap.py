"""How much of one sentence another carries word for word, and how much of a sentence is quotation:
the verbatim tests the reuse stage (copies) and the comparison stage (claims' support) share."""

from __future__ import annotations

import itertools
import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# ``word_containment`` at or above this: the same sentence, lightly edited at most (reuse's pasted
# passages, the claims' copied sentences)
SAME_SENTENCE = 0.8
# A sentence this long that two articles print word for word was pasted from one place; shorter ones
# may be stock phrases ("Police said the man was arrested.")
PASTED_MIN_WORDS = 12
_QUOTED = re.compile(r"[\"“”]([^\"“”]{8,})[\"“”]")
# A double-quoted passage of twelve characters or more: a speaker's words, long enough that two
# articles printing it alike printed the same words, not a scare-quoted phrase ("so-called 'peace'")
_LONG_QUOTED = re.compile(r"[\"“]([^\"“”]{12,})[\"”]")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes folded so "Russia’s" == "Russia's")."""
    return _WORD.findall(text.lower().replace("’", "'"))


def word_containment(a: str, b: str) -> float:
    """Share of the shorter sentence's word bigrams found in the other (verbatim-ness)."""
    ba = set(itertools.pairwise(words(a)))
    bb = set(itertools.pairwise(words(b)))
    if not ba or not bb:
        return 0.0
    return len(ba & bb) / min(len(ba), len(bb))


def quotations(text: str) -> list[str]:
    """The quoted passages of a sentence (eight characters or more between quotation marks)."""
    return _QUOTED.findall(text)


def fold_quote_marks(text: str) -> str:
    """Lower case, one apostrophe, one double mark, one space: quotations compared across house styles."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def has_long_quotation(text: str) -> bool:
    """The text prints a passage of twelve characters or more in double quotation marks."""
    return _LONG_QUOTED.search(text) is not None


def long_quotations(text: str) -> list[str]:
    """The long double-quoted passages of ``text``, each with ``fold_quote_marks`` and its edge
    punctuation stripped, ready to look up in another article's folded text."""
    return [fold_quote_marks(q).strip(" ,.") for q in _LONG_QUOTED.findall(text)]


def mostly_quoted(text: str) -> bool:
    """Half or more of the sentence is quotation: a speaker's words, which independent reports share."""
    return sum(len(q) for q in quotations(text)) >= 0.5 * len(text)
