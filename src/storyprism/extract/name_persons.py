"""Persons the link step recognises across the corpus where the NER split or mistyped them:

- a full name the NER types a body in some stories ("Dana Korver" ORG) that the corpus reads as a person
  more often than not, counting the stories' own lone surname ("Korver said", PERSON) beside the full
  name: every mention of it, titled ("Mayor Dana Korver") or not, is the person (``persons_by_vote``);
- a given name and a second name written without the last one ("Amina Ali") beside the one longer name
  of the corpus that opens with both ("Amina Ali Nkeki"): one person (``prefix_names``).

Read by the link step alone (``linking.py``)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyprism.extract.name_signals import CORP_SUFFIX, LEGAL_FORM, aliases, norm
from storyprism.extract.name_spans import _FIRM_OR_FACILITY
from storyprism.extract.name_words import _TITLES
from storyprism.records import Mention

# a written name of two or three capitalised words (particles aside), as a person's is written
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|(?:de|da|di|del|van|von|al|el|bin|ibn|la|le|du)")


def untitled(text: str) -> str:
    """The normalised name without the titles that lead it ("Mayor Dana Korver" -> "dana korver")."""
    toks = norm(text).split()
    while len(toks) > 2 and toks[0].rstrip(".") in _TITLES:
        toks = toks[1:]
    return " ".join(toks)


def persons_by_vote(mentions: list[Mention]) -> frozenset[str]:
    """Full names (``untitled``) that the corpus reads as a person's in most of their mentions, counting
    with the full name typed PERSON the lone surname typed PERSON in the stories that write the full name
    ("Dana Korver" ORG in three stories, PERSON in three, and "Korver" alone PERSON in two: a person).

    Signal: a body's name is not cut to its last word and typed a person; a person's surname alone is how
    a story names them after the full name. The NER's ORG reading of an unfamiliar full name flips from
    story to story, while the stories' surnames settle it. Only names written as a person's (two or three
    capitalised words, no legal form, no digit, none the alias table knows), that some mention types
    PERSON, where the person votes outnumber every other reading."""
    full: dict[str, Counter[str]] = defaultdict(Counter)
    arts: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = re.sub(r"^[Tt]he\s+", "", m.text.strip()).split()
        name = untitled(m.text)
        if not 2 <= len(name.split()) <= 3 or re.search(r"\d", name) or CORP_SUFFIX.search(name):
            continue
        if not all(_NAME_WORD.fullmatch(w.rstrip(",")) for w in words) or m.text.isupper():
            continue
        full[name][m.type] += 1
        arts[name].add(m.article)
    lone: dict[tuple[str, str], int] = Counter()
    for m in mentions:
        n = norm(m.text)
        if m.type == "PERSON" and " " not in n:
            lone[(m.article, n)] += 1
    # the full person names each story writes, by their last word: a lone surname in a story that names
    # another person of that surname in full ("Ramon Fonseca" beside the firm "Mossack Fonseca") is that
    # person's, and casts no vote for the name under count
    ending: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        words = untitled(m.text).split()
        if m.type == "PERSON" and len(words) >= 2:
            ending[(m.article, words[-1])].add(" ".join(words))
    out: set[str] = set()
    for name, votes in full.items():
        if not votes["PERSON"] or not votes["ORG"] or aliases().get(name) or LEGAL_FORM.search(name):
            continue
        surname = name.split()[-1]
        person = votes["PERSON"] + sum(
            lone[(a, surname)] for a in arts[name] if not ending[(a, surname)] - {name}
        )
        if person > sum(c for t, c in votes.items() if t != "PERSON"):
            out.add(name)
    return frozenset(out)


# a generation's mark closing a name ("Jr", "II"): the longer name may be a son's, not the same person
_GENERATION = frozenset(["jr", "sr", "ii", "iii", "iv"])
# a last word no person's name ends in: the longer name is a firm's or a building's named after the short
# one ("Billy Goat Tavern" beside the goat's "Billy Goat"), another thing
_THING_ENDS = _FIRM_OR_FACILITY | frozenset(
    ["tavern", "bar", "pub", "cafe", "restaurant", "observatory", "museum", "park", "club", "house", "hall",
     "school", "church", "station", "theatre", "theater", "library", "lab", "laboratory", "project"]
)  # fmt: skip


def prefix_names(full_key: dict[str, str], keys: list[str | None], articles: list[str]) -> dict[str, str]:
    """Full-name keys ("person|amina ali") that are the first two words of exactly one longer name of the
    corpus ("person|amina ali nkeki", keyed "person|amina nkeki"), mapped to that name's key. Signal: a
    story may drop a person's last name ("Amina Ali" for "Amina Ali Nkeki"; Spanish names drop the second
    surname), and two people of the corpus sharing both given and middle names are rare; so only where one
    longer name fits, no other name of the corpus ends in the short one's second word after the same given
    name ("Amina Musa Ali" would be keyed "amina ali" too: then nothing is joined), the longer name closes
    with no generation's mark ("Patrick Paddock II" may be the son) nor a thing's word ("Billy Goat
    Tavern", ``_THING_ENDS``), and the two are written in one story
    (``_same_story``: "Martin Luther" in a piece on the Reformation is not "Martin Luther King"), and its
    last word opens no other person's name of its story (a list run together)."""
    # the given names opening another person's name in each story, and the stories each name is written in
    opening: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[str]] = defaultdict(set)
    for k, art in zip(keys, articles, strict=True):
        if k and k.startswith("person|"):
            written[k].add(art)
            if len(k[7:].split()) >= 2:
                opening[art].add(k[7:].split()[0])
    longer: dict[str, set[str]] = defaultdict(set)
    for key, fk in full_key.items():
        parts = key[7:].split()
        if len(parts) >= 3:
            # (a son's name or a thing named after the short name never joins: "" marks it unsafe; so does
            # a longer name whose last word opens another person's name in its story, "Helen Musa Pindah"
            # beside "Pindah Nuhu": two names of a list the NER ran together, not one person's)
            unsafe = parts[-1] in _GENERATION or parts[-1] in _THING_ENDS
            unsafe |= any(parts[-1] in opening[a] for a in written[key])
            longer[f"person|{parts[0]} {parts[1]}"].add("" if unsafe else fk)
    # short keys that are also the first and last words of a longer name ("amina musa ali")
    ambiguous = {fk for key, fk in full_key.items() if len(key[7:].split()) >= 3}
    pairs: dict[str, str] = {}
    for short, fits in longer.items():
        if short in full_key.values() and short not in ambiguous and len(fits) == 1 and "" not in fits:
            target = next(iter(fits))
            if target != short:
                pairs[short] = target
    if not pairs:
        return {}
    by_key: dict[str, set[str]] = defaultdict(set)
    for k, art in zip(keys, articles, strict=True):
        if k:
            by_key[full_key.get(k, k)].add(art)
    rare = max(2, len(set(articles)) // 10)
    return {s: t for s, t in pairs.items() if _same_story(s, t, by_key, rare)}


def _same_story(short: str, target: str, by_key: dict[str, set[str]], rare: int) -> bool:
    """Whether an article writing ``short`` and one writing ``target`` (or one writing both) share a name
    few articles of the corpus write (one in a tenth of them at most, two articles at least): the same
    story told twice (the freed girl's stories share her school's town and the group that held her), not
    a namesake met elsewhere. Signal: stories of one event share its rare names; the corpus's common ones
    (a country, a president) say nothing of which story a name is in."""
    near, far = by_key.get(short, set()), by_key.get(target, set())
    if near & far:
        return True
    # (the names' own words written alone, "Ali", tell nothing of the story)
    own = set(short[7:].split()) | set(target[7:].split())
    return any(
        arts & near and arts & far and len(arts) <= rare
        for k, arts in by_key.items()
        if k not in (short, target) and not own & set(k.split("|", 1)[-1].split())
    )
