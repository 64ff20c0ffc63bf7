"""Quote-variant candidates (``extract.variants._candidate_pairs``) against their definition written
out pair by pair: two quotes of different articles sharing two or more of the words few quotes use,
with close wording (``lexical_stems``) and compatible speakers."""

from __future__ import annotations

import random
from collections import Counter

from storyprism.extract.variants import (
    MAX_POSTING,
    _candidate_pairs,
    _content_words,
    _stem,
    compatible,
    lexical_stems,
)
from storyprism.records import Quote

_WORDS = ["harbour", "council", "vote", "budget", "ferry", "tunnel", "strike", "union", "wages", "tender", "contract", "bridge", "repair", "delay", "mayor", "minister", "inquiry", "report", "flooding", "river", "barrier", "pumps", "residents", "evacuate", "shelter", "schools", "closed", "reopen", "tomorrow", "weekend", "engineers", "inspect", "cracks", "concrete", "steel", "cables"]
_SPEAKERS = [None, "Mara Linde", "Linde", "Tomas Okafor", "the council"]


def _quotes(seed: int, n: int) -> list[Quote]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        base = rng.sample(_WORDS, 9)
        if out and rng.random() < 0.4:  # a retelling of an earlier quote, a few words changed
            base = out[rng.randrange(len(out))].text.split()
            base = [w if rng.random() < 0.8 else rng.choice(_WORDS) for w in base]
        out.append(
            Quote(f"a{rng.randrange(n // 3 + 1)}", " ".join(base), True, "said", rng.choice(_SPEAKERS), id=f"q{k}")
        )
    return out


def _by_definition(quotes: list[Quote], cand: list[int], stems: dict[int, set[str]]) -> set[tuple[int, int]]:
    df = Counter(w for i in cand for w in stems[i])
    limit = min(max(50, len(cand) // 5), MAX_POSTING)
    out = set()
    for x, i in enumerate(cand):
        for j in cand[x + 1 :]:
            rare_shared = sum(1 for w in stems[i] & stems[j] if df[w] <= limit)
            if (
                rare_shared >= 2
                and quotes[i].article != quotes[j].article
                and lexical_stems(stems[i], stems[j]) >= 0.55
                and compatible(quotes[i], quotes[j])
            ):
                out.add((i, j))
    return out


def test_candidates_are_exactly_the_defined_pairs() -> None:
    for seed in (1, 2, 3):
        quotes = _quotes(seed, 240)
        cand = list(range(len(quotes)))
        stems = {i: {_stem(w) for w in _content_words(quotes[i].text)} for i in cand}
        found = _candidate_pairs(quotes, cand, stems, 0.55)
        expected = _by_definition(quotes, cand, stems)
        assert expected, "the sample must hold retold quotes"
        assert {(i, j) for i, j, _ in found} == expected
        for i, j, lex in found:
            assert i < j and lex == lexical_stems(stems[i], stems[j])
