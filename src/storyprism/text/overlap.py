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
    """The quoted passages of a sentence (eight characters or more between quotation marks), marks
    paired in order: the reuse stage's and the claims' test of how much of a sentence is quotation.
    ``quoted_passages`` reads each mark by where it stands instead (what a sentence quotes, word for
    word, for comparing two sentences' quoted statements)."""
    return _QUOTED.findall(text)


# Any double quotation mark, straight or curly: ``quoted_passages`` reads each by where it stands.
_MARK = re.compile("[\"\u201c\u201d]")
# What may stand before an opening straight mark: a space, the sentence's start, a bracket, a dash or a colon.
_BEFORE_OPENING = frozenset("([{\u2014\u2013-:")
# What may follow a closing mark besides a space: a stop, a comma, a bracket.
_AFTER_CLOSING = frozenset(".,;:!?)]}")


def quoted_passages(text: str) -> list[str]:
    """The passages a sentence prints between double quotation marks, each mark read as opening or
    closing by where it stands (``_opens``). Marks are not paired in order: in '"Yes," he said, "we
    will."' the attribution between the two quotations is no quotation. A closing mark with no opening one ends a quotation
    running on from the sentence before (its start is quoted); an opening one left open, one running
    on into the next sentence."""
    passages: list[str] = []
    opened: int | None = None
    for m in _MARK.finditer(text):
        k = m.start()
        if _opens(text, k):
            opened = k + 1
            continue
        passages.append(text[0 if opened is None else opened:k])
        opened = None
    if opened is not None:
        passages.append(text[opened:])
    return [q for q in passages if q.strip()]


def _opens(text: str, k: int) -> bool:
    """Whether the mark at ``k`` opens a quotation: by where it stands (after a space and before a word
    it opens, after a word and before a space or a stop it closes, whatever its shape: scraped text
    prints a curly closing mark for an opening one), else by its shape."""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    after_space = after.isspace() or after in _AFTER_CLOSING
    if before.isspace() or before in _BEFORE_OPENING:
        return not after_space
    if after_space:
        return False
    return text[k] == "\u201c"


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
