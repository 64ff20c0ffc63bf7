"""A plain, picklable copy of spaCy's dependency parse with offsets into the article text.

The extraction stage runs spaCy once per text (tagger, parser and NER in one ``nlp.pipe`` pass);
attribution rules then only need, per token, its character span, its Penn tag, its dependency label,
its head and the edges of its subtree. Keeping that as lists (not ``Doc`` objects) lets the rules be
tested on hand-built parses and lets long texts parsed in pieces share one index space.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Parse:
    starts: list[int] = field(default_factory=list)  # character offsets in the article text
    ends: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # Penn Treebank tags ("VBD", "NNP", "PRP")
    deps: list[str] = field(default_factory=list)  # ClearNLP labels ("nsubj", "ccomp", "ROOT")
    heads: list[int] = field(default_factory=list)  # token index of the head (itself for a root)
    lefts: list[int] = field(default_factory=list)  # first token of the subtree
    rights: list[int] = field(default_factory=list)  # last token of the subtree
    sent: list[int] = field(default_factory=list)  # sentence number of each token
    _children: list[list[int]] | None = None

    def __len__(self) -> int:
        return len(self.starts)

    def extend_doc(self, doc: Any, offset: int) -> None:
        """Append a spaCy ``Doc`` parsed from ``text[offset:]``."""
        base = len(self.starts)
        sent0 = (self.sent[-1] + 1) if self.sent else 0
        sent_no = sent0 - 1
        for t in doc:
            if t.is_sent_start or t.i == 0:
                sent_no += 1
            self.starts.append(offset + t.idx)
            self.ends.append(offset + t.idx + len(t.text))
            self.tags.append(t.tag_)
            self.deps.append(t.dep_)
            self.heads.append(base + t.head.i)
            self.lefts.append(base + t.left_edge.i)
            self.rights.append(base + t.right_edge.i)
            self.sent.append(sent_no)
        self._children = None

    def children(self, i: int) -> list[int]:
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.starts]
            for k, h in enumerate(self.heads):
                if h != k:
                    kids[h].append(k)
            self._children = kids
        return self._children[i]

    def token_at(self, pos: int) -> int:
        """Index of the token covering or following character ``pos`` (len(self) if none)."""
        return bisect.bisect_right(self.ends, pos)

    def tokens_in(self, start: int, end: int) -> range:
        """Token indices whose span lies inside ``[start, end)``."""
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        while b > a and self.ends[b - 1] > end:
            b -= 1
        return range(a, b)

    def span_heads(self, start: int, end: int) -> list[int]:
        """Tokens inside ``[start, end)`` whose head lies outside it (or that head themselves): the
        roots of the span's pieces, in text order."""
        return [t for t in self.tokens_in(start, end) if self.heads[t] == t or not start <= self.starts[self.heads[t]] < end]

    def word(self, text: str, i: int) -> str:
        """Token ``i`` of ``text`` (the text this parse was made of), lower-cased."""
        return text[self.starts[i] : self.ends[i]].lower()

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Characters of tokens ``a..b`` (inclusive)."""
        return (self.starts[a], self.ends[b])

    def subtree(self, i: int) -> tuple[int, int]:
        return self.span(self.lefts[i], self.rights[i])

    def is_verb(self, i: int) -> bool:
        return self.tags[i].startswith("VB") or self.tags[i] == "MD"

    def dominated(self, i: int, by: int) -> bool:
        """Whether token ``i`` is inside the subtree of ``by``."""
        seen = 0
        while i != by and self.heads[i] != i and seen < 200:
            i = self.heads[i]
            seen += 1
        return i == by
