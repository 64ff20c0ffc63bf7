"""Junk removal over one article's lines, using context: blocks, neighbours, top and bottom zones.

A line is removed only with a reason. Context-free patterns come from ``lines.py``; this module adds
what needs neighbours: a caption is the sentence next to a credit line, a teaser list follows a
"Read more" label, a stub at the very end after page widgets is a leftover teaser, a line repeated
right next to itself is a caption/alt-text copy, a headline repeated as the first body line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from storyprism.clean import lines as L
from storyprism.clean.inline import scrub_line, whole_line_reason
from storyprism.records import RemovedLine

# Credit lines that name a photo (not just an agency that may have written the story).
_PHOTO_CREDIT_WORDS = ("archive", "file", "photo", "image", "getty", "©", "ⓒ", "pool", "handout",
                       "shutterstock", "alamy", "istock", "credit", "courtesy", "pictures")
_CHROME = {L.UI_WIDGET, L.TEASER, L.COUNTER, L.GALLERY, L.PROMO, L.COPYRIGHT, L.LINK, L.CAPTION,
           L.CREDIT, L.BOILERPLATE, L.TIMESTAMP}
_MAX_TEASER_RUN = 6
# Widgets after which the short lines that end a page are leftovers too (not links or credits,
# which also end genuine articles: contact details, sources).
_TRAIL_TRIGGERS = {L.UI_WIDGET, L.TEASER, L.COUNTER, L.GALLERY, L.PROMO, L.TRAILING_STUB}
_RESTATE_SHARE = 0.6
_STOP = {"that", "this", "with", "from", "have", "were", "which", "their", "there", "about", "after",
         "been", "will", "would", "said", "says", "into", "than", "they", "them", "when", "where", "while"}
_MAX_SENTENCE_TITLE_WORDS = 14  # headlines with a full stop are short; ledes are longer
_MIN_DUPLICATE_WORDS = 6  # a copy within a few lines (caption + alt text)
_MIN_FAR_DUPLICATE_WORDS = 10  # a copy further away (pull quote, summary bullets); not lyrics


@dataclass(slots=True)
class _Line:
    index: int  # position in the raw text (line number, 0-based)
    text: str  # stripped
    block: int  # blank-line separated paragraph number
    reason: str | None = None


def clean_text(
    text: str,
    title: str | None = None,
    is_repeated: Callable[[str], bool] | None = None,
) -> tuple[str, list[RemovedLine]]:
    """``text`` without page chrome, and every removed line with its reason and position.

    ``is_repeated(normalised_line)`` says whether a line is boilerplate repeated across many
    articles of the same outlet. Paragraph structure (blank lines, or one paragraph per line) is kept.
    """
    items = _split(text)
    inline: list[RemovedLine] = _strip_gallery_headers(items)
    for it in items:
        # lines the line-level rules know are left to them (their reasons are more specific)
        if it.text and L.line_reason(it.text) is None:
            whole = whole_line_reason(it.text)
            if whole is not None:
                it.reason = whole
                continue
            it.text, found = scrub_line(it.text)
            inline.extend(RemovedLine(line=frag, reason=why, position=it.index) for frag, why in found)
    body = [it for it in items if it.text]
    if not body:
        return "", inline
    _mark_title(body, title)
    for it in body:
        if it.reason is None:
            it.reason = L.line_reason(it.text)
            if it.reason is None and L.is_byline(it.text):
                it.reason = L.BYLINE
    _mark_captions(body, blank_lines=len(body) != len(items))
    _mark_duplicates(body)
    _mark_teaser_runs(body, blank_lines=len(body) != len(items))
    if is_repeated is not None:
        _mark_repeated(body, is_repeated)
    _mark_sandwiched(body)
    _mark_trailing(body)
    removed = [RemovedLine(line=it.text, reason=it.reason, position=it.index) for it in body if it.reason]
    return _join(items), sorted(inline + removed, key=lambda r: r.position)


# A gallery's or a video series' header glued to the start of each of its captions ("Photos: North
# Korea launches rocket The United States ..."): a label, a colon and the gallery's title, repeated
# word for word at the start of three or more lines of one page. The captions are content; the
# header is furniture that would glue the gallery title into every caption's first sentence.
_GALLERY_LABEL = re.compile(r"^(?:photos?|pictures?|in (?:photos|pictures)|gallery|slideshow|videos?|watch):\s",
                            re.IGNORECASE)
_MIN_HEADER_REPEATS = 3


def _strip_gallery_headers(items: list[_Line]) -> list[RemovedLine]:
    labelled = [it for it in items if _GALLERY_LABEL.match(it.text)]
    by_start: dict[tuple[str, ...], list[_Line]] = {}
    for it in labelled:
        by_start.setdefault(tuple(it.text.split()[:3]), []).append(it)
    removed: list[RemovedLine] = []
    for group in by_start.values():
        if len(group) < _MIN_HEADER_REPEATS:
            continue
        split = [it.text.split() for it in group]
        n = 0
        while all(len(w) > n + 1 for w in split) and len({w[n] for w in split}) == 1:
            n += 1
        while n and split[0][n - 1].lower() in ("the", "a", "an"):
            n -= 1  # every caption may start with "The": that word is the caption's own
        if n < 2:
            continue
        header = " ".join(split[0][:n])
        for it, w in zip(group, split, strict=True):
            it.text = " ".join(w[n:])
            removed.append(RemovedLine(line=header, reason=L.GALLERY, position=it.index))
    return removed


def _split(text: str) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    previous_blank = False
    for i, raw in enumerate(text.splitlines()):
        s = raw.strip()
        if not s:
            if not previous_blank:
                block += 1
            previous_blank = True
        else:
            previous_blank = False
        out.append(_Line(index=i, text=s, block=block))
    return out


def _join(items: list[_Line]) -> str:
    """Kept lines; a paragraph break wherever the raw text had one (runs of blanks collapse)."""
    parts: list[str] = []
    pending_break = False
    for it in items:
        if not it.text:
            pending_break = bool(parts)
            continue
        if it.reason:
            continue
        if parts:
            parts.append("\n\n" if pending_break else "\n")
        parts.append(it.text)
        pending_break = False
    return "".join(parts)


def _mark_title(body: list[_Line], title: str | None) -> None:
    """The headline repeated as the first line of the body is metadata, not body text.

    Pages often show a longer or reworded headline than their metadata title, so a first line that
    is headline-shaped (no full stop) and shares most of the title's words counts too.
    """
    if not title or len(body) < 2:
        return
    first = body[0].text
    if L.normalise(first) == L.normalise(title):
        # Ingest falls back to the first line as title when there is none: a lede-sized sentence
        # equal to the title is then the lede itself, and stays.
        if not L.is_sentence(first) or len(L.words(first)) <= _MAX_SENTENCE_TITLE_WORDS:
            body[0].reason = L.TITLE
        return
    if (L.is_sentence(first) and not first.rstrip().endswith("?")) or L.starts_with_dateline(first):
        return  # "(CNN) How exactly ...?" is a lede
    line_words = {w.lower() for w in L.words(first)}
    title_words = {w.lower() for w in L.words(title)}
    if len(line_words) < 3 or len(title_words) < 3 or len(line_words) > 40:
        return
    shared = len(line_words & title_words)
    if shared / len(title_words) >= 0.7 and shared / len(line_words) >= 0.4:
        body[0].reason = L.TITLE


def _is_photo_credit(line: str) -> bool:
    low = line.lower()
    return any(w in low for w in _PHOTO_CREDIT_WORDS)


def _mark_captions(body: list[_Line], blank_lines: bool) -> None:
    """A sentence right before a photo-credit line (or right after a gallery label) is a caption.

    With blank-line paragraphs the caption shares the credit's paragraph; in one-paragraph-per-line
    text (HTML extraction) it must be caption-sized.
    """
    n = len(body)
    for k, it in enumerate(body):
        if it.reason != L.CREDIT or not L.is_credit_only(it.text):
            continue
        if k == n - 1:
            continue  # a credit at the very end names the story's source, not a photo
        if it.text.startswith("("):
            continue  # "(Image: Getty)" alone: an image without caption between paragraphs
        prev = body[k - 1] if k > 0 else None
        if prev is None or prev.reason is not None or not L.is_sentence(prev.text):
            continue
        if len(L.words(prev.text)) > 80 or L.is_quote_line(prev.text):
            continue
        if (blank_lines and prev.block != it.block) or (not blank_lines and len(L.words(prev.text)) > 35):
            continue
        nxt = body[k + 1]
        repeated_after = L.normalise(nxt.text) == L.normalise(prev.text)
        if _is_photo_credit(it.text) or repeated_after:
            prev.reason = L.CAPTION
    for k, it in enumerate(body[:-1]):
        # "1 / 5", "Full Screen" then a sentence: the gallery's first caption.
        if it.reason == L.GALLERY and body[k + 1].reason != L.GALLERY:
            j = k + 1
            while j < n and body[j].reason in (L.GALLERY, L.CREDIT, L.COUNTER):
                j += 1
            if j < n and body[j].reason is None and _gallery_caption(body, j):
                body[j].reason = L.CAPTION


def _gallery_caption(body: list[_Line], j: int) -> bool:
    """Is the sentence right after a gallery label its caption (rather than the lede)?"""
    line = body[j].text
    if not L.is_sentence(line) or len(L.words(line)) > 80 or L.starts_with_dateline(line):
        return False
    if L.has_caption_credit(line) or L.describes_photo(line):
        return True
    following = " ".join(b.text for b in body[j + 1 : j + 3] if b.reason is None)
    return _restates(line, following)


def _restates(line: str, following: str) -> bool:
    """Most of the line's content words recur just below it: a caption restating the lede."""
    content = {w.lower() for w in L.words(line) if len(w) >= 4} - _STOP
    if len(content) < 5:
        return False
    after = {w.lower() for w in L.words(following)}
    return len(content & after) / len(content) >= _RESTATE_SHARE


def _mark_duplicates(body: list[_Line]) -> None:
    """A line repeated verbatim (caption + alt text, pull quotes): keep one, drop the copies.

    When one copy is a caption, nearby copies are the same caption and all go.
    """
    seen: dict[str, int] = {}
    for k, it in enumerate(body):
        if len(L.words(it.text)) < _MIN_DUPLICATE_WORDS:
            continue
        key = L.normalise(it.text)
        if key in seen:
            near = k - seen[key] <= 3
            if it.reason is None and (near or len(L.words(it.text)) >= _MIN_FAR_DUPLICATE_WORDS):
                it.reason = L.DUPLICATE
            continue
        seen[key] = k
    for k, it in enumerate(body):
        if it.reason != L.CAPTION:
            continue
        key = L.normalise(it.text)
        for j in range(max(0, k - 3), min(len(body), k + 4)):
            if j != k and body[j].reason is None and L.normalise(body[j].text) == key:
                body[j].reason = L.DUPLICATE


def _mark_teaser_runs(body: list[_Line], blank_lines: bool) -> None:
    """Headlines listed after a "Read more" / "Related" label are teasers, not subheads."""
    n = len(body)
    block_sizes = Counter(b.block for b in body)
    for k, it in enumerate(body):
        if it.reason != L.TEASER:
            continue
        bare = L.is_teaser_marker(it.text)
        taken = 0
        j = k + 1
        while j < n and taken < _MAX_TEASER_RUN and j - k <= 3 * _MAX_TEASER_RUN:
            nxt = body[j]
            same_block = nxt.block == it.block
            if nxt.reason is not None:
                if nxt.reason in _CHROME and (same_block or not blank_lines):
                    j += 1
                    continue
                break
            bulleted = L.strip_bullet(nxt.text) != nxt.text
            if not L.is_stub(nxt.text, 20):
                break
            if bulleted:
                pass  # a bulleted list of headlines after a teaser label
            elif not bare:
                break
            elif blank_lines and not same_block:
                # a label alone in its paragraph announces the one headline paragraph after it
                alone = block_sizes[it.block] == 1
                if not (alone and taken == 0 and j == k + 1):
                    break
            nxt.reason = L.TEASER
            taken += 1
            j += 1
    _extend_bulleted_teasers(body)


def _is_bulleted(line: str) -> bool:
    return L.strip_bullet(line) != line


def _extend_bulleted_teasers(body: list[_Line]) -> None:
    """A bulleted list of headlines around a removed teaser is the rest of that teaser list."""
    n = len(body)
    for k, it in enumerate(body):
        if not (it.reason == L.TEASER or (it.reason == L.CREDIT and _is_bulleted(it.text))):
            continue
        for step in (-1, 1):
            j = k + step
            while 0 <= j < n and abs(j - k) <= 3 * _MAX_TEASER_RUN:
                nxt = body[j]
                if nxt.reason is None and _is_bulleted(nxt.text) and L.is_stub(nxt.text, 20):
                    nxt.reason = L.TEASER
                elif not (nxt.reason == L.TEASER and _is_bulleted(nxt.text)):
                    break
                j += step


def _mark_repeated(body: list[_Line], is_repeated: Callable[[str], bool]) -> None:
    """Lines repeated across many articles of one outlet; never most of an article.

    When they would take most of the words, the "outlet" holds near-copies of one story, and only
    label-shaped repeats (no terminal punctuation) are taken as boilerplate.
    """
    hits = [it for it in body if it.reason is None and is_repeated(L.normalise(it.text))]
    if not hits:
        return
    kept_words = sum(len(L.words(it.text)) for it in body if it.reason is None)
    hit_words = sum(len(L.words(it.text)) for it in hits)
    if kept_words and hit_words > 0.5 * kept_words:
        hits = [it for it in hits if L.is_stub(it.text, 15)]
    for it in hits:
        it.reason = L.BOILERPLATE


def _first_body(body: list[_Line]) -> int:
    for k, it in enumerate(body):
        if it.reason is None and L.is_sentence(it.text) and len(L.words(it.text)) >= 6:
            return k
    return len(body)


def _mark_sandwiched(body: list[_Line]) -> None:
    """A short label between two removed lines before the body starts (a lone credit word)."""
    start = _first_body(body)
    for k in range(1, min(start, len(body) - 1)):
        it = body[k]
        if it.reason is not None or not L.is_stub(it.text, 4):
            continue
        if body[k - 1].reason in _CHROME and body[k + 1].reason in _CHROME:
            near = " ".join(body[j].text.lower() for j in range(max(0, k - 2), min(len(body), k + 3)) if j != k)
            it.reason = L.CREDIT if it.text.lower() in near or it.text[:1].isupper() else L.UI_WIDGET


def _mark_trailing(body: list[_Line]) -> None:
    """Short label lines at the very end, after page widgets: leftover teaser headlines."""
    k = len(body)
    while k > 0:
        it = body[k - 1]
        if it.reason is not None or L.is_stub(it.text, 12):
            k -= 1
            continue
        break
    zone = body[k:]
    started = False
    for it in zone:
        if it.reason in _TRAIL_TRIGGERS:
            started = True
        elif it.reason is None and started:
            it.reason = L.TRAILING_STUB
