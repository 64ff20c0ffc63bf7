"""Claims drawn from a passage two articles share: one source, whatever each article's own origin.

An agency's background paragraph ("London's only tram network ... More than 27 million passengers
used the service ...") is taken into otherwise independent pieces, each desk editing it a little: the
sentence a claim groups is reworded, so the word-for-word tests (``claims._verbatim_pairs``,
``copied_sentences``) miss it, but a sentence beside it is still printed near word for word in both.
Signal: independent reporters write neither the same sentence nor the same statement next to it; two
articles stating one thing in related wording, each beside a long narrative sentence (no quotation, no
attribution) the other prints near word for word, took that passage from one place. When one of the two pastes a single agency's
sentences elsewhere (``StoryText.copied``) the passage is that agency's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from storyprism.reuse.credits import SPEECH
from storyprism.text.overlap import SAME_SENTENCE, word_containment

if TYPE_CHECKING:
    from storyprism.compare.claims import StoryText

# the shared sentence stands this many sentences before or after the claim's (a short paragraph)
WINDOW = 2
# the claim's two sentences share this much of their word pairs: one statement edited, not two
# statements that only sit in one paragraph
RELATED = 0.3
# quoted words are the speaker's, which independent reports share; a tweet or a statement printed by
# both says nothing about where the rest came from
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]|(?:^|\s)['\u2018]\w")


def _plain(text: str) -> bool:
    return not _QUOTE_MARK.search(text)


def _around(st: StoryText, i: int) -> list[str]:
    """The long narrative sentences within ``WINDOW`` of sentence ``i`` in its article, itself included:
    no quotation and no attribution. A spokesman's line ("Freed said an airline manager apologized")
    is given to every newsroom that calls, so two printing it alike say nothing of a shared passage;
    background in the writer's own voice is what a desk takes from an agency."""
    from storyprism.compare.claims import _long_enough_to_be_pasted

    art = st.sentences[i].article
    out = []
    for k in range(max(0, i - WINDOW), min(len(st.sentences), i + WINDOW + 1)):
        s = st.sentences[k]
        if s.article == art and _plain(s.text) and not SPEECH.search(s.text) and _long_enough_to_be_pasted(s.text):
            out.append(s.text)
    return out


def shared_passage_pairs(st: StoryText, by_article: Mapping[str, list[int]]) -> list[tuple[str, str]]:
    """Pairs of articles whose sentences of one claim sit in a passage both print (module docstring)."""
    plain = {a: [i for i in idx if _plain(st.sentences[i].text)] for a, idx in by_article.items()}
    arts = sorted(a for a, idx in plain.items() if idx)
    near: dict[int, list[str]] = {}
    out: list[tuple[str, str]] = []
    for k, a in enumerate(arts):
        for b in arts[k + 1:]:
            if any(
                word_containment(st.sentences[i].text, st.sentences[j].text) >= RELATED
                and any(word_containment(x, y) >= SAME_SENTENCE
                        for x in near.setdefault(i, _around(st, i)) for y in near.setdefault(j, _around(st, j)))
                for i in plain[a] for j in plain[b]
            ):
                out.append((a, b))
    return out


def passage_agency(st: StoryText, a: str, b: str) -> str | None:
    """The one wire agency whose sentences ``a`` or ``b`` paste elsewhere (``StoryText.copied``), or None."""
    wires = {o for art in (a, b) for _, o in st.copied.get(art, ()) if o.startswith("wire:")}
    return wires.pop() if len(wires) == 1 else None
