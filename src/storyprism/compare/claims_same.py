"""Whether two sentences grouped by topic state one proposition: signals the claims read before two
sentences of different articles may count as one statement.

Similarity (MiniLM cosine + in-story TF-IDF) is high for two lines about one person or one thing
whatever they say of it. The signals here look at what each sentence itself asserts:

* quoted words (``quote_different_words``): two sentences that each print a speaker's words, where
  neither prints the other's quoted words, in quotation marks or outside them, report two things the
  speaker said ("said the 'martyrdom attack' had left 'tens of invaders' dead" beside "said fighters
  had been sent 'with a mission to destroy the consulate'"): one spokesman, two statements.
"""

from __future__ import annotations

from storyprism.compare.text import content_tokens
from storyprism.text.overlap import quotations, word_containment, words

# A quoted passage whose bigrams, or whose content words, are found at least this far in the other
# sentence is printed or restated there ("said family was the biggest one" restates "'Family's a big
# one'"): the share one telling reaches even with a word changed, cut or paraphrased around.
QUOTE_FOUND = 0.5
# Quoted words shorter than this (in words) are a term, not a statement ("so-called 'safety area'").
QUOTE_STATEMENT_WORDS = 2


def quoted_words(text: str) -> list[str]:
    """The quoted passages of a sentence long enough to be something said."""
    return [q for q in quotations(text) if len(words(q)) >= QUOTE_STATEMENT_WORDS]


def quote_different_words(a: str, b: str, qa: list[str] | None = None, qb: list[str] | None = None) -> bool:
    """Whether ``a`` and ``b`` both print quoted words and neither prints any of the other's: two
    things said, not one claim (a quotation beside its paraphrase, or two quoting the same words,
    stay together). ``qa``/``qb``: their ``quoted_words`` when already read."""
    qa = quoted_words(a) if qa is None else qa
    qb = quoted_words(b) if qb is None else qb
    if not qa or not qb:
        return False
    return not any(_found(q, b) for q in qa) and not any(_found(q, a) for q in qb)


def _found(quote: str, text: str) -> bool:
    if word_containment(quote, text) >= QUOTE_FOUND:
        return True
    said = content_tokens(quote)
    there = set(content_tokens(text))
    return bool(said) and sum(w in there for w in said) >= QUOTE_FOUND * len(said)
