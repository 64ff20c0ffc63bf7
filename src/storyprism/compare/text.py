"""Text helpers of the comparison stage: sentences, content tokens, negation cues.

Kept rule-based and dependency-free on purpose: comparison runs over every sentence of a story,
and a regex splitter is two orders of magnitude faster than a parser while good enough for
news prose (abbreviations and initials are the main trap, handled below).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "dept", "est", "fig", "al", "ft", "mt", "rev", "pres", "adm", "cmdr", "supt", "insp"]
)
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "said", "says", "say", "told", "according", "added", "also", "its", "it's", "would", "could", "may", "might", "must", "shall", "one", "two", "new", "via", "per"]
)

# Words that turn a statement into its negation. Kept separate from STOPWORDS on purpose: they
# are removed from the content tokens (so "not" does not make sentences look different) but
# counted for polarity.
NEGATIONS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't", "n't", "deny", "denies", "denied", "denying", "rejected", "rejects", "refused", "refuses", "without"]
)


@dataclass(slots=True)
class SentenceSpan:
    article: str
    index: int  # position among the article's kept sentences
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; paragraphs (line breaks) always end one."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        start = 0
        for match in _BOUNDARY.finditer(line):
            cut = match.start() + len(match.group(1))
            before = line[start:cut].rstrip()
            last = before.split()[-1] if before.split() else ""
            stem = last.rstrip(".").lstrip("\"'“‘(").lower()
            # An abbreviation or an initial ("J.") is not a sentence end.
            if last.endswith(".") and (stem in _ABBREVIATIONS or (len(stem) == 1 and stem.isalpha())):
                continue
            # Inside an open quotation the speaker's words go on ("“We agreed. We will talk,” he
            # said."): one statement. Bounded, since a quote that is never closed must not swallow
            # the paragraph.
            segment = line[start:cut]
            open_quote = segment.count("“") > segment.count("”") or segment.count('"') % 2 == 1
            if open_quote and len(segment) < 400:
                continue
            _add_span(spans, line, line_start, start, cut)
            start = match.end()
        _add_span(spans, line, line_start, start, len(line))
    return spans


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    segment = line[start:end]
    stripped = segment.strip()
    if not stripped:
        return
    lead = len(segment) - len(segment.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_tokens(text: str) -> list[str]:
    """Lower-cased content words, crudely stemmed so 'troops'/'troop' and 'supports'/'supported' meet."""
    out = []
    for w in words(text):
        if w in STOPWORDS or w in NEGATIONS or len(w) < 2:
            continue
        if w.endswith("'s"):
            w = w[:-2]
        out.append(stem(w))
    return out


def stem(word: str) -> str:
    """A light suffix stripper: enough to match inflections, never meant to be linguistic."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


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
    lower = sum(1 for t in tokens if t[:1].islower())
    if lower < max(2, len(tokens) // 4):  # title-case menus, headlines, name lists
        return False
    # No end punctuation and short: a heading or a link label, not a statement.
    return not (text[-1] not in ".!?\"'”’)…:" and len(tokens) < 12)


def normalise(text: str) -> str:
    return " ".join(words(text))
