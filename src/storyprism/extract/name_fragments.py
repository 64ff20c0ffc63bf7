"""Place fragments and one-off misspellings, joined to the name they stand for in the same article.

Place fragments: a one-word place ("the Strip", "the North") that is the first or last word of a
longer place name written in the same article ("Las Vegas Strip", "North Korea") stands for it.

Signal: news writes a place in full, then by the word of it that is not itself a place ("the Strip",
"the North", "the Valley"). A compass word stands so only for a country divided by the compass ("the
North" beside "North Korea", "the South" beside "South Sudan"): beside a state or a city ("South
Carolina", "North London") it names a region of the country ("the American South", "the North of
England"). A word that names a place on its own ("Korea" beside "North Korea", "Mexico" beside "New
Mexico", "Ireland" beside "Northern Ireland") is left alone, and so is a word the NER types as a
political unit (GPE). With two candidates in the article nothing is guessed. Where the article writes no longer name, the one longer name of the
corpus whose other words the article writes as a place ("Las Vegas" ... "the Strip") is taken.

Misspellings (``misspellings``): a name written in one article only, one letter away from a name of
the same type its article writes at least twice as often ("Boko Harm" beside "Boko Haram"), or a lone
word written once, one letter off the surname of a person the article names in full ("Sweening" beside
"Nick Sweeting ... Sweeting"), is that name misspelt. Signal: a typo is a one-off of one article; a real
other name one letter away is written again. Persons and places are left out of the first test: real
pairs one letter apart are common among them ("Martin"/"Marvin", "Hansen"/"Hanson",
"Colombia"/"Columbia"); and a lone word that is exactly the surname of another person of the article
("Petersen" beside "Kim Petersen" and "Jordan Peterson") is that person's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from storyprism.extract.name_signals import aliases, norm
from storyprism.records import Mention

_COUNTRIES = Path(__file__).resolve().parent / "data" / "countries.txt"


# the US states but the two that share their name with a city (New York, Washington): a regex alternation
# (general knowledge; name_places reads a place list with it, name_bodies a story set in the US)
US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming"
)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The shipped countries table as written ("North Korea"); the one loader of it (name_types reads
    it too; it lives here because linking imports this module and name_types imports linking's
    callers)."""
    lines = _COUNTRIES.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(x.lower() for x in country_names())


def _words(text: str) -> list[str]:
    t = re.sub(r"^the\s+", "", norm(text))
    return re.sub(r"['’]s$", "", t).split()


# "the West", "the East": English names the Western and the Eastern world so, on their own (a "West"
# beside "West Bank" in the same article is still the Western world)
_STANDING = frozenset(["west", "east", "occident", "orient"])
_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western"])


def _fits(word: str, long_words: list[str], rest: list[str]) -> bool:
    """A fragment ``word`` may stand for a longer place: a compass word only for a country ("North
    Korea" whole, or "South Sudan" whose other word is a country), any other word for any place."""
    if word not in _COMPASS:
        return True
    return " ".join(long_words) in _countries() or " ".join(rest) in _countries()


# the common noun that heads a state's name and that a story clips the name to ("the States" for the
# United States). Only "States": "Kingdom", "Republic" and "Federation" head many states' formal names
# ("Kingdom of Saudi Arabia", "Republic of Ireland", "Russian Federation"), and a story about one of them
# uses the clipped word for it even while it names another state ending in the word ("the Kingdom" in a
# Saudi story that names the United Kingdom), so the one candidate written in full proves nothing
_STATE_HEADS = frozenset(["states"])


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
                if not _fits(end, words, rest):
                    continue
                long_in[m.article][end].add(k)
                corpus_long[end].add(k)
                rest_words.setdefault(f"{k}|{end}", rest)
    out: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        words = _words(m.text) if k and k.startswith("place|") else []
        shown = re.sub(r"^the\s+", "", m.text.strip(), flags=re.IGNORECASE)
        # (typed LOC, a region or a feature: a word the NER types GPE, "Virginia" beside "West Virginia",
        # is a political unit of its own)
        # (or a country's name clipped to its head noun, "the States" beside "the United States": a common
        # noun that heads a state's name is no place of its own, so any type the NER gave it)
        head = len(words) == 1 and words[0] in _STATE_HEADS
        if len(words) != 1 or (m.type != "LOC" and not head) or not shown[:1].isupper() or m.text.isupper():
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
        if head:
            cands = {c for c in cands if c.split("|", 1)[1] in _countries()}  # only a state's name clips so
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
    # per article, the surnames of the persons it names in full and how often each is written (in full
    # or alone): a lone word that is exactly one of them is that person's, never a misspelling
    surnames_in: dict[str, Counter[str]] = {}
    for art, counts in in_art.items():
        surnames: Counter[str] = Counter()
        for other, n in counts.items():
            oname = other.split("|", 1)[1]
            if other.startswith("person|") and " " in oname:
                surnames[oname.split()[-1]] += n
        for last in list(surnames):
            surnames[last] += counts.get(f"person|{last}", 0)
        surnames_in[art] = surnames
    out: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        name = k.split("|", 1)[1] if k else ""
        if not k or len(name) < 6 or len(key_arts[k]) != 1 or aliases().get(name):
            out.append(k)
            continue
        counts = in_art[m.article]
        cands: set[str] = set()
        kind = k.split("|", 1)[0]
        surnames = surnames_in[m.article]
        if " " not in name and name in surnames:
            out.append(k)
            continue
        for other, n in counts.items():
            if other == k or n < counts[k]:
                continue
            oname = other.split("|", 1)[1]
            # same type only, never a people's name ("Algeria" is no misspelt "Algerian"), nor a person
            # or a place: real pairs one letter apart are common there ("Marvin"/"Martin")
            general = kind == other.split("|", 1)[0] and kind not in ("norp", "person", "place")
            if general and n >= 2 * counts[k] and _one_edit(name, oname) and name[0] == oname[0]:
                cands.add(other)
            elif other.startswith("person|") and " " in oname and " " not in name:
                # a lone word one letter off the surname of a person named in full before it, the word
                # written once (a typo is a one-off; the NER misses many later surnames, so the surname's
                # own count is no measure: "Nick Sweeting" tagged once, "Sweeting" untagged thrice)
                last = oname.split()[-1]
                if len(last) >= 6 and counts[k] == 1 and _one_edit(name, last) and name[0] == last[0]:
                    cands.add(f"person|{last}")
        out.append(next(iter(cands)) if len(cands) == 1 else k)
    return out
