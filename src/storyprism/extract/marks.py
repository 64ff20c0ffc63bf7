"""Quote marks: which mark opens and which closes, and the quoted spans of a text.

A mark's role (opening or closing) is read from its context first and its glyph second, because scraped
text mixes straight and curly marks. Marks are paired paragraph by paragraph; a paragraph that ends
inside a quote continues into the next only when that one opens with a quote mark (the print
convention); otherwise the quote is cut at the end of its sentence, so one stray mark never swallows the
rest of a document.
"""

from __future__ import annotations

import re

from storyprism.extract.text import paragraphs, sentences

QUOTE_MARKS = '"“”„«»‟'
_OPEN_GLYPHS = "“„«‟"
_CLOSE_GLYPHS = "”»"
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | set(QUOTE_MARKS) | {"'", "‘"}
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-") | set(QUOTE_MARKS) | {"'", "’"}


def mark_role(text: str, i: int) -> str:
    """'open', 'close' or '?' for the quote mark at ``i``, from context, then glyph."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = prev in _OPEN_BEFORE and not nxt.isspace()
    can_close = nxt in _CLOSE_AFTER and not prev.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    ch = text[i]
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return "?"


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out = []
    for i in range(start, end):
        if text[i] in QUOTE_MARKS:
            # inch marks after digits (a 12" pipe) are not quotes
            if (
                text[i] == '"'
                and i > 0
                and text[i - 1].isdigit()
                and (i + 1 >= len(text) or not text[i + 1].isalpha())
            ):
                continue
            out.append((i, mark_role(text, i)))
    return out


def scan_direct(text: str) -> list[list[tuple[int, int]]]:
    """Content spans (without marks) of each direct quote; a quote over several paragraphs has several."""
    paras = paragraphs(text)
    quotes: list[list[tuple[int, int]]] = []
    carry: list[tuple[int, int]] | None = None  # parts of a quote continuing from the previous paragraph
    for pi, (ps, pe) in enumerate(paras):
        pos = ps
        marks = _marks(text, ps, pe)
        idx = 0
        if carry is not None:
            # the paragraph opens with a re-opening mark (checked when carry was set)
            first = marks[0][0]
            idx = 1
            close_at = _first_close(marks, 1)
            if close_at is None:
                carry.append((first + 1, pe))
                if _continues(text, paras, pi, marks, 1):
                    continue
                quotes.append(carry)
                carry = None
                continue
            carry.append((first + 1, marks[close_at][0]))
            quotes.append(carry)
            carry = None
            idx = close_at + 1
            pos = marks[close_at][0] + 1
        while idx < len(marks):
            i, role = marks[idx]
            if role == "close":  # stray closing mark
                idx += 1
                continue
            close_at = _first_close(marks, idx + 1)
            if close_at is not None:
                quotes.append([(i + 1, marks[close_at][0])])
                pos = marks[close_at][0] + 1
                idx = close_at + 1
                continue
            # unclosed in this paragraph
            if _continues(text, paras, pi, marks, idx + 1):
                carry = [(i + 1, pe)]
                break
            sent_end = next((e for s, e in sentences(text, i, pe) if e > i + 1), pe)
            quotes.append([(i + 1, sent_end)])
            pos = sent_end
            idx += 1
            while idx < len(marks) and marks[idx][0] < pos:
                idx += 1
        del pos
    if carry is not None:
        quotes.append(carry)
    return [_trim(text, q) for q in quotes if any(e > s for s, e in q)]


def _first_close(marks: list[tuple[int, str]], start: int) -> int | None:
    """Index of the mark that closes a quote opened just before ``start`` (nested pairs skipped)."""
    depth = 0
    for k in range(start, len(marks)):
        role = marks[k][1]
        if role == "open":
            # a second opener right after the first: nested quote, unless nothing closes it
            depth += 1
        elif role == "close" or role == "?":
            if depth == 0:
                return k
            depth -= 1
    # nothing closed the nesting: the first later mark after an opener was really the closer
    for k in range(start, len(marks)):
        if marks[k][1] != "open":
            return k
    return None


def _continues(
    text: str, paras: list[tuple[int, int]], pi: int, marks: list[tuple[int, str]], rest: int
) -> bool:
    """An unclosed quote continues when no mark is left and the next paragraph opens with a mark."""
    if any(role != "open" for _, role in marks[rest:]) or pi + 1 >= len(paras):
        return False
    ns = paras[pi + 1][0]
    return text[ns] in QUOTE_MARKS and mark_role(text, ns) != "close"


def _trim(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in QUOTE_MARKS):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def quote_text(text: str, parts: list[tuple[int, int]]) -> str:
    return " ".join(" ".join(text[s:e].split()) for s, e in parts)


def normalise_marks(text: str) -> str:
    """Same-length copy where doubled apostrophes and backticks (''like this'', ``this``) are quote marks,
    a double prime that opens a quote is an opening mark (``_PRIME_OPEN``), and so are single marks where
    the text uses them as quotation marks (``single_quotes``)."""

    def sub(m: re.Match[str]) -> str:
        after = text[m.end() : m.end() + 1]
        return ' "' if after and not after.isspace() else '" '

    return single_quotes(_PRIME_OPEN.sub("“", re.sub(r"''|``", sub, text)))


# a double prime keyed for an opening quotation mark (wire feeds render “ so: ″(North Korea) think ...,”
# he said): at a line start or after a space or bracket, before a word or bracket, and closed by a ”
# later in the same paragraph. After a digit it is an inch mark (a 12″ screen) and stays.
_PRIME_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))″(?=[\w(])(?=[^\n“″]*”)", re.MULTILINE)


# a single mark that can open a quote: at the start of a line or after a space, a bracket, a dash or a
# colon, before a word; one that can close it: after a word or punctuation, before a space,
# punctuation or the line end (an apostrophe inside a word, "don't", never does either)
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:]))['‘](?=[\w“\"$£€])", re.MULTILINE)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…%)\]])['’](?=[\s.,;:!?)\]—–\"”]|$)", re.MULTILINE)


# what follows a quote's closing mark in running text: a speech tag (",’ he said", ",’ the airline said
# in a statement", ",’ Musk posted"), not a headline's next words
_TAG_AFTER = re.compile(
    r"\s+(?:[a-z]|(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|told|added|wrote|posted|tweeted)\b)"
)


def single_quotes(text: str) -> str:
    """Same-length copy where single marks used as quotation marks (the British convention: ‘I love
    that rocket,’ he said) become double ones, so the quote rules read them.

    Signals: the marks pair up as opener and closer within a paragraph that holds no double mark (in
    American text single marks nest inside double ones, or set off a term in a headline), and the
    document has at least two such pairs that end in a comma (or ? !) inside the closing mark and
    are followed by a speech tag (",’ he said"), the typographic sign of quoted speech in running text. A closing candidate after an "s" before a
    lowercase word ("the players’ union") is a plural possessive while a later closer is left."""
    pairs: list[tuple[int, int]] = []
    carried: list[int] = []  # openers of a quote that runs on into the next paragraph
    paras = paragraphs(text)
    for pi, (ps, pe) in enumerate(paras):
        if any(ch in text[ps:pe] for ch in '"“”„«»'):
            continue
        opens = [m.start() for m in _SINGLE_OPEN.finditer(text, ps, pe)]
        closes = [m.start() for m in _SINGLE_CLOSE.finditer(text, ps, pe)]
        last = -1
        for o in opens:
            if o <= last:
                continue
            after = [c for c in closes if c > o]
            pick = None
            for j, c in enumerate(after):
                possessive = text[c - 1] == "s" and re.match(r"\s+[a-z]", text[c + 1 : c + 3])
                if possessive and j + 1 < len(after):
                    continue
                pick = c
                break
            if pick is None:
                # the print convention: a quote that runs over paragraphs leaves each one open and
                # opens the next with a mark ("'That seemed extremely boring.\n'Of course, ...'")
                nxt = paras[pi + 1][0] if pi + 1 < len(paras) else -1
                if o == ps and nxt >= 0 and _SINGLE_OPEN.match(text, nxt) and not any(c > o for c in closes):
                    carried.append(o)
                continue
            pairs.append((o, pick))
            last = pick
    spoken = sum(1 for _, c in pairs if text[c - 1] in ",?!" and _TAG_AFTER.match(text, c + 1))
    if spoken < 2:
        return text
    chars = list(text)
    for o, c in pairs:
        chars[o], chars[c] = "“", "”"
    for o in carried:
        chars[o] = "“"
    return "".join(chars)
