"""Quoted words the text also prints inside an embedded post are the post's author's (issue 12, round 24).

"The tech-giant also said that the roadster will “be in deep space for a billion years or so if it
doesn't blow up on ascent.”" followed by the embedded tweet "... Will be in deep space for a billion
years or so if it doesn't blow up on ascent. — Elon Musk (@elonmusk) December 2, 2017": the reporter
quotes the post, and the post's signature names who wrote the words. A described subject ("the
tech-giant", "the SpaceX frontman") is then that author, whatever name the description would otherwise
be taken back to (the last body named, here a rocket).

Signal: a direct quote of six words or more, outside any post, whose words (case and punctuation aside)
run inside the body of an embedded post (the line that ends with the signature "— Name (@handle)"). Only
a speaker phrase that names no one itself (a description, a pronoun, a continuation) is replaced: a name
the text writes beside the words is the text's own attribution.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.speakers import DocContext, norm_name

if TYPE_CHECKING:
    from storyprism.extract.quotes import Found

# an embedded post's signature: "— Elon Musk (@elonmusk) December 2, 2017"
_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[A-Z][^()\n—–]{1,60}?)\s*\(@\w+\)")
_MIN_WORDS = 6
# the NER types of a name written in the speaker phrase itself
_NAMED = frozenset(["PERSON", "ORG", "GPE", "NORP"])


def _words(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower().replace("’", "'")))


def posted_words(text: str, ctx: DocContext, found: list[Found]) -> None:
    """Give a quote whose words an embedded post prints to the post's author (see the module)."""
    posts = []
    for m in _SIGNATURE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        posts.append((start, m.start(), norm_name(m.group("name")), f" {_words(text[start : m.start()])} "))
    if not posts:
        return
    for q in found:
        if not q.direct or any(s <= q.start < e for s, e, _, _ in posts):
            continue
        words = _words(q.text)
        if len(words.split()) < _MIN_WORDS:
            continue
        if q.speaker_span is not None and any(
            x.start < q.speaker_span[1] and q.speaker_span[0] < x.end and x.label in _NAMED for x in ctx.ents
        ):
            continue  # the text names the speaker beside the words
        author = next((name for _, _, name, body in posts if f" {words} " in body), None)
        if author is not None:
            q.speaker = author
