"""Paragraph and sentence spans by rules (no parser: spaCy's parser is the slowest pipe).

Every span is ``(start, end)`` in characters of the article text, so whatever is found
inside a span maps straight back onto ``Article.text``.
"""

from __future__ import annotations

import re

# Abbreviations that end with a period but do not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "mt", "ft",
    "approx", "est", "dept", "univ", "pres", "rev", "hon", "fig", "i.e", "e.g", "etc", "al",
}  # fmt: skip
_END_RE = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+|$)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text``: a newline ends a paragraph (scraped text keeps one per line)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (paragraph-sized input), by punctuation rules."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _END_RE.finditer(text, start, end):
        dot = m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1
        if dot:
            w = re.search(r"([\w.]+)$", text[s : m.start()])
            word = w.group(1).lower() if w else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(\w\.)+\w", word):
                continue
            # A period followed by a lowercase word or a digit is not a sentence end ("No. 3", "U.S. troops").
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt[:1].islower() or nxt[:1].isdigit():
                continue
        e = m.end()
        if text[s:e].strip():
            out.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.append((s, end))
    return out
