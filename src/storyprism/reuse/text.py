"""Text primitives shared by the reuse stage: tokens, sentences, stable token hashes, shingles.

Everything here is pure and cheap: it runs on every article of the corpus before any pair
is looked at, so it avoids spaCy and does the heavy lifting in numpy.
"""

from __future__ import annotations

import unicodedata
import zlib

import numpy as np

from storyprism.text.overlap import words
from storyprism.text.sentences import split_sentences as sentence_spans
from storyprism.text.stopwords import STOPWORDS


def normalise(text: str) -> str:
    """Unicode-normalised text with uniform quotes and dashes, used before any comparison."""
    text = unicodedata.normalize("NFKC", text)
    return (
        text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
        .replace("–", "-").replace("—", "-")
    )


_EDGE_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»–—…"


def fast_words(text: str) -> list[str]:
    """Lower-cased tokens for shingling: whitespace split (in C) with edge punctuation stripped,
    about twice as fast as the regex in ``words`` over a large corpus."""
    return [w for w in (x.strip(_EDGE_PUNCT) for x in text.lower().split()) if w]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def split_sentences(text: str) -> list[str]:
    """Sentences of a body, by the splitter every stage shares (``storyprism.text.sentences``), each
    sentence of a long quotation on its own (a copy is aligned sentence by sentence)."""
    return [text[a:b] for a, b in sentence_spans(text, join_quoted=False)]


def token_hashes(tokens: list[str], cache: dict[str, int]) -> np.ndarray:
    """Stable 32-bit hashes of tokens (crc32, cached per call site) as uint64."""
    get = cache.get
    out = [get(t) for t in tokens]
    for k, h in enumerate(out):
        if h is None:
            t = tokens[k]
            out[k] = cache[t] = zlib.crc32(t.encode("utf-8"))
    return np.array(out, dtype=np.uint64)


_SHINGLE_MULT = np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(token_hash: np.ndarray, k: int) -> np.ndarray:
    """64-bit hashes of every run of ``k`` consecutive tokens (fewer tokens: one shingle of all)."""
    n = len(token_hash)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, n)
    m = n - k + 1
    with np.errstate(over="ignore"):
        acc = token_hash[:m].copy()
        for i in range(1, k):
            acc = acc * _SHINGLE_MULT + token_hash[i : i + m]
        # final avalanche so nearby shingles spread over the whole 64-bit space
        acc ^= acc >> np.uint64(31)
        acc *= np.uint64(0xBF58476D1CE4E5B9)
        acc ^= acc >> np.uint64(29)
    return acc


def shingle_set(text: str, k: int, cache: dict[str, int] | None = None) -> np.ndarray:
    return np.unique(shingle_hashes(token_hashes(fast_words(text), {} if cache is None else cache), k))


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """Size of the intersection of two sorted unique hash arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)
