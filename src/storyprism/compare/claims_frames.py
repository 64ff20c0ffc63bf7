"""Which act a sentence asserts, for the claims: the extraction's ``SentenceFrame`` of each sentence.

A claim is shown in one sentence and counts the origins of the sentences that state it. Sentences
grouped by shared names and words may assert different things: "a police union boss criticized the
organisers for designating a safety area" and "the organisers designated a safety area" share every
name and most nouns, yet the first asserts a criticism of the designation the second reports. What a
clause asserts is its main verb, and a verb inside one of its arguments is an act it says something
about (``extract.predications`` reads both off the extraction's parse). So when one sentence holds
another's main act only inside an argument of an act of its own that the other never states, the
other supports the embedded act, not the embedding sentence (``asserts_about``).

Two sentences whose main verbs both differ are left alone: that is also how a paraphrase in other
verbs looks ("expects to take a hit" / "says it is about to take a hit"), and the parse cannot tell
them apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyprism.compare.text import SentenceSpan
from storyprism.records import SentenceFrame

# A word and its derivation share their first letters ("criticize" / "criticism", "designate" /
# "designation"); five is long enough that unrelated words rarely share them.
STEM = 5


@dataclass(frozen=True, slots=True)
class Frame:
    """A sentence's main predicate keys, the keys of the acts inside its arguments, its words' keys and
    surface forms, and their first ``STEM`` letters."""

    predicates: frozenset[str]
    embedded: frozenset[str]
    words: frozenset[str]
    stems: frozenset[str]

    def holds(self, other: Frame) -> bool | None:
        """Whether this sentence holds ``other``'s main predicate (None: ``other`` has none)."""
        if not other.predicates:
            return None
        return any(p in self.words or (len(p) >= STEM and p[:STEM] in self.stems) for p in other.predicates)


def frame_of(found: SentenceFrame) -> Frame:
    words = frozenset(found.words)
    return Frame(frozenset(found.predicates), frozenset(found.embedded), words,
                 frozenset(w[:STEM] for w in words if len(w) >= STEM))


def asserts_about(a: Frame, b: Frame) -> bool:
    """Whether ``a`` states ``b``'s act as the object of an act of its own that ``b`` does not state:
    "a union chief criticized the organisers for designating a safety area" about "the organisers
    designated a safety area". ``b`` corroborates the designation, not the criticism."""
    return bool(a.embedded & b.predicates) and a.holds(b) is True and b.holds(a) is False


def story_frames(sentences: Sequence[SentenceSpan], frames: Iterable[SentenceFrame]) -> dict[int, Frame]:
    """The frame of each compared sentence (its index), matched on its article and span: extraction
    cut the text with the same shared splitter the comparison cuts it with (``text.sentences``), so a
    sentence's span is its frame's. A sentence without one (no main predicate, or an article extracted
    without the parse) simply has none, and the claims treat it as before."""
    by_span = {(f.article, f.start, f.end): f for f in frames}
    out: dict[int, Frame] = {}
    for i, s in enumerate(sentences):
        found = by_span.get((s.article, s.start, s.end))
        if found is not None:
            out[i] = frame_of(found)
    return out
