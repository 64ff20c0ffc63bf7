"""Whether two sentences grouped by topic state one proposition: signals the claims read before two
sentences of different articles may count as one statement.

Similarity (MiniLM cosine + in-story TF-IDF) is high for two lines about one person or one thing
whatever they say of it. The signals here look at what each sentence itself asserts:

* quoted words (``quote_different_words``): two sentences that each print a speaker's words, where
  neither prints the other's quoted words, in quotation marks or outside them, report two things the
  speaker said ("said the 'martyrdom attack' had left 'tens of invaders' dead" beside "said fighters
  had been sent 'with a mission to destroy the consulate'"): one spokesman, two statements. Only
  double marks are read (a single one is as often an apostrophe), each by where it stands
  (``text.overlap.quoted_passages``); each side must quote three words or more (one or two name a thing), though
  a two-word label both print ties them, as does a run of five words two stretches of one answer
  share (``QUOTE_RUN_WORDS``). Lexical only: two translations of one quotation, or a
  quotation restated in wholly other words ("wasn't under attack" / "didn't appear to be attacking"),
  read as two things said.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from storyprism.compare.text import content_tokens
from storyprism.text.overlap import quoted_passages, word_containment, words

# A quoted passage whose bigrams, or whose content words, are found at least this far in the other
# sentence is printed or restated there ("said family was the biggest one" restates "'Family's a big
# one'"): the share one telling reaches even with a word changed, cut or paraphrased around.
QUOTE_FOUND = 0.5
# Quoted words shorter than this (in words as printed, a hyphenated compound one word) name a thing,
# a label the speaker or the outlet gave it, not a statement: "its 'special operation'" beside "what it
# called a 'counter-terrorism raid'" are two names for one raid, and the lines around them may well state
# one fact. A statement needs a clause ("tens of invaders", "with a mission to destroy ..."): a sentence
# quoting only labels is left to the similarity.
QUOTE_STATEMENT_WORDS = 3
# Quoted words this long that the other sentence prints too are one speaker's words in both: a label
# both print ("a 'safe zone'") ties the two lines as a shared clause does.
QUOTE_SHARED_WORDS = 2
# A run of this many words that a long quotation shares word for word with the other sentence prints
# part of the same answer (two outlets quoting overlapping stretches of one interview, "a straight road
# is a straight road"): more than a stock phrase, far less than half a long passage.
QUOTE_RUN_WORDS = 5
def quoted_words(text: str) -> list[str]:
    """The quoted passages of a sentence long enough to tie it to another that prints them (two words
    or more); ``quote_different_words`` asks that one of them be a statement."""
    return [q for q in quoted_passages(text) if _word_count(q) >= QUOTE_SHARED_WORDS]


def quote_different_words(a: str, b: str, qa: list[str] | None = None, qb: list[str] | None = None) -> bool:
    """Whether ``a`` and ``b`` both print quoted statements and neither prints any of the other's quoted
    words: two things said, not one claim (a quotation beside its paraphrase, or two quoting the same
    words, stay together). ``qa``/``qb``: their ``quoted_words`` when already read."""
    qa = quoted_words(a) if qa is None else qa
    qb = quoted_words(b) if qb is None else qb
    if not _states(qa) or not _states(qb):
        return False
    return not any(_found(q, b) for q in qa) and not any(_found(q, a) for q in qb)


def _word_count(passage: str) -> int:
    return sum(any(ch.isalnum() for ch in w) for w in passage.split())


def _states(passages: list[str]) -> bool:
    return any(_word_count(q) >= QUOTE_STATEMENT_WORDS for q in passages)


def _found(quote: str, text: str) -> bool:
    if word_containment(quote, text) >= QUOTE_FOUND:
        return True
    quoted, there_words = words(quote), words(text)
    if len(quoted) >= QUOTE_RUN_WORDS:
        run = SequenceMatcher(None, quoted, there_words, autojunk=False).find_longest_match(
            0, len(quoted), 0, len(there_words))
        if run.size >= QUOTE_RUN_WORDS:
            return True
    said = content_tokens(quote)
    there = set(content_tokens(text))
    return bool(said) and sum(w in there for w in said) >= QUOTE_FOUND * len(said)
