"""Place fragments and one-off misspellings, joined to the name they stand for in the same article.

Place fragments: a one-word place ("the Strip", "the North") that is the first or last word of a
longer place name written in the same article ("Las Vegas Strip", "North Korea") stands for it.

Signal: news writes a place in full, then by the word of it that is not itself a place ("the Strip",
"the North", "the Valley"); a word that names a place on its own ("Korea" beside "North Korea",
"Mexico" beside "New Mexico", "Ireland" beside "Northern Ireland") is left alone, and so is a word the
NER types as a political unit (GPE). With two candidates in
the article nothing is guessed. Where the article writes no longer name, the one longer name of the
corpus whose other words the article writes as a place ("Las Vegas" ... "the Strip") is taken.

Misspellings (``misspellings``): a name written once in the whole corpus, one letter away from a name
its own article writes at least twice as often (or from the surname of a person it names in full) ("Sweening" beside "Nick Sweeting ... Sweeting", "Boko
Harm" beside "Boko Haram") is that name misspelt. Signal: a typo is a one-off of one article; a real
other name one letter away ("Iran"/"Iraq" are short; "Jordan"/"Gordon" recur) is written again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from storyprism.extract.name_signals import aliases, norm
from storyprism.records import Mention

_COUNTRIES = Path(__file__).resolve().parent / "data" / "countries.txt"


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    lines = _COUNTRIES.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _words(text: str) -> list[str]:
    t = re.sub(r"^the\s+", "", norm(text))
    return re.sub(r"['’]s$", "", t).split()


# "the West", "the East": English names the Western and the Eastern world so, on their own (a "West"
# beside "West Bank" in the same article is still the Western world)
_STANDING = frozenset(["west", "east", "occident", "orient"])


def _names_a_place(word: str) -> bool:
    """A word that is a place of its own: a country, a place of the alias table, a world region."""
    known = aliases().get(word)
    return word in _countries() or word in _STANDING or bool(known and known[1] == "place")


def place_fragments(mentions: list[Mention], keys: list[str | None]) -> list[str | None]:
    """``keys`` with one-word place keys moved to the longer place name they are a fragment of."""
    long_in: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # article -> word -> keys
    corpus_long: dict[str, set[str]] = defaultdict(set)  # end word -> keys
    rest_words: dict[str, list[str]] = {}  # key -> its other words (the surface's)
    places_in: dict[str, set[str]] = defaultdict(set)  # article -> place surfaces (normalised)
    for m, k in zip(mentions, keys, strict=True):
        if not k or not k.startswith("place|"):
            continue
        words = _words(m.text)
        places_in[m.article].add(" ".join(words))
        if len(words) >= 2 and m.text != m.text.upper():
            for end, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
                long_in[m.article][end].add(k)
                corpus_long[end].add(k)
                rest_words.setdefault(f"{k}|{end}", rest)
    out: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        words = _words(m.text) if k and k.startswith("place|") else []
        shown = re.sub(r"^the\s+", "", m.text.strip(), flags=re.IGNORECASE)
        # (typed LOC, a region or a feature: a word the NER types GPE, "Virginia" beside "West Virginia",
        # is a political unit of its own)
        if len(words) != 1 or m.type != "LOC" or not shown[:1].isupper() or m.text.isupper():
            out.append(k)
            continue
        word = words[0]
        if _names_a_place(word):
            out.append(k)
            continue
        cands = {c for c in long_in[m.article].get(word, set()) if c != k}
        if not cands:
            cands = {
                c
                for c in corpus_long.get(word, set())
                if c != k and " ".join(rest_words.get(f"{c}|{word}", ["-"])) in places_in[m.article]
            }
        out.append(next(iter(cands)) if len(cands) == 1 else k)
    return out


def _one_edit(a: str, b: str) -> bool:
    """One letter replaced, dropped or added inside the word: not a digit ("Chang'e-3"/"Chang'e-5" are
    two craft) and not an ending added ("Teslas", "Algerian": a plural or a people's name)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and diff[0][0].isalpha() and diff[0][1].isalpha()
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if long_.startswith(short) and long_[-1] in "sni":
        return False  # a plural or a people's name ("Teslas", "Algerian", "Iraqi")
    return any(long_[:i] + long_[i + 1 :] == short and long_[i].isalpha() for i in range(len(long_)))


def misspellings(mentions: list[Mention], keys: list[str | None]) -> list[str | None]:
    """``keys`` with one-off misspelt names moved to the name of their article they misspell (a lone
    surname goes to the person's surname key, which linking then takes to the full name)."""
    key_arts: dict[str, set[str]] = defaultdict(set)
    in_art: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(mentions, keys, strict=True):
        if k:
            key_arts[k].add(m.article)
            in_art[m.article][k] += 1
    out: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        name = k.split("|", 1)[1] if k else ""
        if not k or len(name) < 6 or len(key_arts[k]) != 1 or aliases().get(name):
            out.append(k)
            continue
        counts = in_art[m.article]
        cands: set[str] = set()
        for other, n in counts.items():
            if other == k or n < counts[k]:
                continue
            oname = other.split("|", 1)[1]
            # (of any type, the NER types a misspelling at random, but never a people's name: "Algeria" is
            # no misspelt "Algerian")
            peoples = "norp" in (other.split("|", 1)[0], k.split("|", 1)[0])
            if not peoples and n >= 2 * counts[k] and _one_edit(name, oname) and name[0] == oname[0]:
                cands.add(other)
            elif other.startswith("person|") and " " in oname and " " not in name:
                # a lone word one letter off the surname of a person named in full before it (the NER
                # misses many later surnames, so the full name once is enough)
                last = oname.split()[-1]
                if len(last) >= 6 and _one_edit(name, last) and name[0] == last[0]:
                    cands.add(f"person|{last}")
        out.append(next(iter(cands)) if len(cands) == 1 else k)
    return out
