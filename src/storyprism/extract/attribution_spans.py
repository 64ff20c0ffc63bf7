"""The attribution record and the span helpers every cue shape shares: trimming a content span to the
attributed words, paragraph clipping, a subtree with an inserted phrase taken out.

Split from ``attribution`` (which re-exports these names) so the cue shapes in ``cue_shapes`` can use them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.extract.content_edges import credit_free_start
from storyprism.extract.cues import EMPTY_WORDS
from storyprism.extract.parse import Parse
from storyprism.extract.subjects import PUNCT_EDGE


@dataclass(slots=True)
class Attribution:
    cue: int  # token index of the cue verb (-1 for "according to")
    lemma: str
    speaker: tuple[int, int] | None
    content: list[tuple[int, int]]
    via: tuple[int, int] | None = None
    # the quote is a clause or object of a speech/cognition cue (not a title or a scare-quoted term
    # hanging from a preposition or a noun): enough to call even a short quote someone's words
    strong: bool = False
    kind: str = "ccomp"  # the complement that carries the content: ccomp, xcomp, dobj, prep, according


_ADDRESSEE_VERBS = frozenset(
    ["tell", "ask", "inform", "remind", "assure", "urge", "warn", "notify", "brief", "advise", "implore"]
)


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s] in PUNCT_EDGE:
        s += 1
    while e > s and (text[e - 1] in PUNCT_EDGE or text[e - 1] in ".!?"):
        e -= 1
    start = credit_free_start(text, s, e)  # "AP: Associated Press Harbor crews ...": a caption credit
    if start is None:
        return None
    s = start
    # "said that ...": the complementizer is the frame's; a capitalised "That" opening fronted content
    # ("That may push the board, she said") is the content's own subject
    # ("As the paper reported, that is more than ..."): a "that" right before a finite auxiliary is
    # a demonstrative subject, not a complementizer (one is followed by its clause's subject)
    if text[s : s + 5] == "that " and not _AUX_AFTER.match(text, s + 5):
        s += 5
    else:
        # "said on Friday its engineers had ...": a time adjunct right after the cue is the reporter's
        # (when the speaking happened), hung in the complement by the parser; after "that" it is the
        # content's own; a day followed by its verb ("Monday will see ...") is the clause's subject
        when = _LEADING_TIME.match(text, s, e)
        if when and len(text[when.end() : e].split()) >= 3 and not _AUX_AFTER.match(text, when.end()):
            s = when.end()
    # "..., referring to the launch", "..., citing the prosecutor's office", "... and insisted there
    # had been no fight": a participle of a cue after a comma, or a second finite cue joined by "and",
    # is the reporter's frame going on; the attributed words end before it
    if re.match(r"(?:citing|referring\s+to|quoting)\s", text[s:e]):
        return None  # a piece that is the frame itself ("..., according to X, citing the prosecutor")
    frame = _FRAME_GOES_ON.search(text, s, e)
    if frame and frame.start() > s:
        e = frame.start()
    # page furniture glued to the sentence by scraping ("... since watching Senna FOR HAMILTON TO WIN
    # THE TITLE", "... was hacked MOST READ IN NEWS"): a run of words in capitals ends the content
    bar = text.find(" | ", s, e)
    if bar > s:
        e = bar  # "... cheaper | 1:14 The CEO of SpaceX says ...": a caption list's separator ends it
    if re.match(r"(?:[A-Z][A-Z'’:!?-]+\s+){3,}", text[s:e]) and not text[s:e].isupper():
        return None  # "MOST READ IN NEWS 'DAD WAS ...' ...": a link list's furniture, not anyone's words
    caps = re.search(r"(?:\s+[A-Z][A-Z'’:!?-]+){3,}", text[s:e])
    if caps and caps.start() > 0 and not text[s:e].isupper():
        e = s + caps.start()
    # "he did not seem religious and": the parser hung the next clause's conjunction on this one; the
    # attributed words end before it ("for a while", "all the while" end on a noun, not a conjunction)
    dangling = re.search(r"[\s,;]+(?:and|but|or|(?<!\ba )(?<!\bthe )while)$", text[s:e])
    if dangling:
        e = s + dangling.start()
    return (s, e) if e - s >= 3 else None


_AUX_AFTER = re.compile(r"(?:is|was|are|were|has|had|will|would|could|can|may|might|must|does|did)\b")


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"


_LEADING_TIME = re.compile(
    rf"(?:(?:late|early)\s+)?(?:on\s+)?(?:{_WEEKDAY}|{_MONTH})(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    r"|(?:last|this|earlier\s+this)\s+(?:week|month|year|weekend)\s+"
)


_FRAME_GOES_ON = re.compile(
    r",\s+(?:referring|citing|quoting|adding|noting|stressing|insisting)\s+(?:to\s+|that\s+)?|"
    r"\s+and\s+(?:also\s+|then\s+)?(?:insisted|added|said|says|insists|adds|stressed|noted|argued|claimed)\s+"
)


def _says_something(text: str, span: tuple[int, int]) -> bool:
    return not all(w.strip(".,!?") in EMPTY_WORDS for w in text[span[0] : span[1]].lower().split())


def _headline(text: str, line: tuple[int, int]) -> bool:
    """A line that reads as a headline or a link's title: short, no closing punctuation."""
    body = text[line[0] : line[1]].strip()
    return 0 < len(body.split()) <= 14 and not re.search(r"[.!?:;,\"”’')\]]$", body)


def _line(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) around ``pos``: attributed words never run across a paragraph break."""
    e = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if e < 0 else e


def _clip(text: str, spans: list[tuple[int, int]], line: tuple[int, int]) -> list[tuple[int, int]]:
    """Content spans cut to the cue's paragraph (a parse across a break is no attribution there)."""
    out = []
    for s, e in spans:
        if line[0] <= s and e <= line[1]:
            out.append((s, e))
            continue
        cut = _trim(text, max(s, line[0]), min(e, line[1])) if s < line[1] and line[0] < e else None
        if cut:
            out.append(cut)
    return out


def _subtree_without(text: str, p: Parse, head: int, cut: int) -> list[tuple[int, int]]:
    """The spans of ``head``'s subtree with ``cut``'s subtree taken out: the part before it and the
    part after it, each trimmed (an inserted tag or phrase splits the clause it interrupts)."""
    hs, he = p.lefts[head], p.rights[head]
    cs, ce = p.lefts[cut], p.rights[cut]
    parts = []
    if hs < cs:
        a = _trim(text, p.starts[hs], p.ends[cs - 1])
        if a:
            parts.append(a)
    if ce < he:
        b = _trim(text, p.starts[ce + 1], p.ends[he])
        if b:
            parts.append(b)
    return parts
