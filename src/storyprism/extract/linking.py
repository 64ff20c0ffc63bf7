"""Corpus-wide linking: one entity per real name, speakers tied to them, quote variants grouped.

Names: places, groups and organisations link only through the shipped alias table
(``data/aliases.tsv``), because spelling similarity would merge Iran/Iraq or Austria/Australia.
Persons link when their first names are known variants of one name (Sergei/Sergey) and their
surnames are identical (or known transliterations); a lone surname ("Putin", "Xi") links to the
full name in the same article, else to the one full name in the corpus that fits, else stays alone.

Quote variants (``extract/variants.py``): the same utterance quoted in several articles.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache

from storyprism.extract.glosses import glossed
from storyprism.extract.link_types import FAMILY_FIRST as _FAMILY_FIRST
from storyprism.extract.link_types import _initials as _initials
from storyprism.extract.link_types import _place_led as _place_led
from storyprism.extract.link_types import _team_nicknames as _team_nicknames
from storyprism.extract.link_types import (
    abbreviated_places,
    described_bodies,
    family_member,
    joined_institutions,
    outvoted_person,
    paired_given,
    person_initials,
    place_initialisms,
    place_led_groups,
    second_vote,
    shared_place_key,
    undouble,
)
from storyprism.extract.link_types import org_key as org_key  # re-exported: the tests import it from here
from storyprism.extract.name_bodies import country_led_bodies

# re-exported: stage.py, speakers.py and the tests import these from here
from storyprism.extract.name_chrome import _CREDITS as _CREDITS
from storyprism.extract.name_chrome import junk_name as junk_name
from storyprism.extract.name_chrome import shouted_kicker as shouted_kicker
from storyprism.extract.name_chrome import strip_credit as strip_credit
from storyprism.extract.name_fragments import misspellings, place_fragments
from storyprism.extract.name_persons import persons_by_vote, prefix_names, untitled
from storyprism.extract.name_signals import ALIASES as ALIASES  # re-exported: older imports
from storyprism.extract.name_signals import (
    DEMONYM,
    INVISIBLE,
    LEGAL_FORM,
    UNSURNAMED_ROLES,
    aliases,
    brand_word,
    hyphenated_surnames,
    merge_spellings,
    names_titled,
    norm,
    paired_name,
    titled_surnames,
    venue_key,
    wavering_persons,
)
from storyprism.extract.name_signals import fold as fold

# re-exported: extraction (speakers.py, subjects.py, stage.py) reads these words; they live in
# name_words.py so that this module is the link step's alone (code_version.LINK_ONLY)
from storyprism.extract.name_words import _STOP as _STOP
from storyprism.extract.name_words import _TITLES as _TITLES
from storyprism.extract.name_words import CLASS_OF as CLASS_OF
from storyprism.extract.name_words import MOODS as MOODS
from storyprism.records import Entity, Extraction, Mention, Quote

# Linking asks the same questions of the same name text across the whole corpus on every run (5,000
# articles write some 60,000 distinct names 230,000 times): each pure function of a mention's text
# below answers once per distinct text (the alias table it reads is fixed for the process).
_TEXT_CACHE = 1 << 18


@lru_cache(maxsize=_TEXT_CACHE)
def _place_key(text: str, cls: str) -> str:
    n = norm(text)
    hit = aliases().get(n) or aliases().get("the " + n) or aliases().get(n + ".")
    if hit and hit[1] in ("place", "norp", "org"):
        return hit[0]
    ocean = _OCEAN.fullmatch(n)
    # an ocean goes by its first word ("splashed into the Pacific"): the same water as the "Pacific Ocean"
    return ocean.group(1) if ocean and cls == "place" else n


_OCEAN = re.compile(r"(?:the\s+)?([a-z]+)\s+ocean")


# occupations a caption or a tabloid writes capitalised before a full name ("Model Chrissy Teigen",
# "Rapper Jay Z"): cut only where two name words follow, so a surname "Singer" alone stays
_ROLE_WORDS = frozenset(
    ["model", "actor", "actress", "singer", "rapper", "star", "comedian", "presenter", "host", "chef",
     "designer", "billionaire", "tycoon", "author", "writer", "director", "producer", "coach", "striker",
     "defender", "midfielder", "goalkeeper", "veteran", "astronaut", "scientist", "musician", "drummer",
     "guitarist", "filmmaker", "supermodel", "businessman", "businesswoman", "entrepreneur", "officer",
     "reporter", "journalist", "photographer", "pilot", "driver", "boxer", "golfer", "player", "captain"]
) | UNSURNAMED_ROLES  # fmt: skip


def person_parts(text: str) -> list[str]:
    """Name tokens without titles, with first names and surnames mapped to their canonical variants."""
    return list(_person_parts(text))  # a fresh list: callers may change it


@lru_cache(maxsize=_TEXT_CACHE)
def _person_parts(text: str) -> tuple[str, ...]:
    # a hyphen between two short syllables joins one given name ("Moon Jae-in", "Kim Jong-un": the name
    # is "jaein", not "in"); other hyphens separate ("al-Baghdadi" = "al Baghdadi")
    # "[Donald] Trump": square brackets mark an editor's insertion into a quote, the name is the same
    joined = re.sub(r"\b([a-z]{1,4})-([a-z]{1,4})\b", r"\1\2", norm(text.replace("[", "").replace("]", "")))
    toks = [t.strip(".,") for t in joined.replace("-", " - ").split()]
    toks = [t for t in toks if t and t != "-"]
    while len(toks) > 2 and toks[-1] in ("jr", "sr"):
        toks = toks[:-1]  # "Martin Luther King Jr": "Jr" is not the surname (a numeral "II" may be a son)
    if (
        len(toks) == 3
        and re.fullmatch(r"[a-z]{2,4}", toks[1])
        and re.fullmatch(r"[a-z]{2,3}", toks[2])
        and toks[2] not in ("ii", "iii", "iv", "vi")
    ):
        toks = [toks[0], toks[1] + toks[2]]  # the same two syllables written apart ("Kim Jong Un")
    while len(toks) > 1 and (toks[0] in _TITLES or toks[0] in MOODS):
        toks = toks[1:]
    while len(toks) > 2 and toks[0] in _ROLE_WORDS:
        toks = toks[1:]  # "Model Chrissy Teigen", "Actor Chris Pratt": a description, not a first name
    if len(toks) == 2 and toks[0] in UNSURNAMED_ROLES:
        toks = toks[1:]  # "Comedienne Sarah": an occupation no one bears as a name, before a first name
    if len(toks) >= 3 and len(toks[0]) == 1:
        toks = toks[1:]  # "J. Christopher Giancarlo" is written "Christopher Giancarlo" too
    if not toks:
        return ()
    table = aliases()
    out = list(toks)
    first = table.get(out[0])
    if first and first[1] == "given" and len(out) > 1:
        out[0] = first[0]
    last = table.get(out[-1])
    if last and last[1] == "surname":
        out[-1] = last[0]
    return tuple(out)


class _UF:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _entity_id(cls: str, canonical: str) -> str:
    return "e-" + hashlib.sha1(f"{cls}|{canonical.lower()}".encode()).hexdigest()[:12]


def vote_types(
    mentions: list[Mention],
    org_tails: frozenset[str] = frozenset(),
    opened: frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """One type per name: a surface typed PERSON in one place and ORG in another takes the type most
    of its mentions carry; a surname or full name of a PERSON in the same article is that PERSON."""
    by_surface: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.type in CLASS_OF:
            by_surface[norm(m.text)][m.type] += 1
    surnames: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "PERSON" and not outvoted_person(by_surface[norm(m.text)]):
            parts = person_parts(m.text)
            if len(parts) >= 2:
                surnames[m.article].add(parts[-1])
                surnames[m.article].add(" ".join(parts))
                if not _lowercase_word(m.text) and not re.search(r"\b[A-Z]{3,}\b", m.text):
                    given[m.article].add(norm(m.text).split()[0])  # (written as a name, not a headline)
    # a name the corpus also writes with a legal form ("Qualcomm Inc.") is a company's wherever the NER
    # typed it PERSON (signal: a legal-form suffix is only ever an organisation's)
    incorporated = frozenset(org_key(m.text) for m in mentions if LEGAL_FORM.search(norm(m.text)))
    incorporated_in = {(m.article, org_key(m.text)) for m in mentions if org_key(m.text) in incorporated}
    in_person_names = frozenset(
        w.strip(",.").lower()
        for m in mentions
        if m.type == "PERSON"
        for w in m.text.split()
        if len(m.text.split()) >= 2
    )
    titled = titled_surnames(mentions, by_surface, incorporated) | wavering_persons(mentions, by_surface)
    voted = persons_by_vote(mentions)  # full names the corpus reads as a person's (extract/name_persons.py)
    pending: list[int] = []
    paired = paired_given(mentions, person_parts)
    # mentions an article-local rule retyped: the corpus vote counts them with their NER type
    local: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if m.type == "NORP" and not DEMONYM.search(norm(m.text)) and not aliases().get(norm(m.text)):
            others = Counter({t: c for t, c in by_surface[norm(m.text)].items() if t != "NORP"})
            if others:
                # "Facebook", "Broadcom", "Shatner" typed NORP: a people's name reads as one ("-an",
                # "-ese", "-ish", "-i"); a word without such an ending that the corpus also types a body
                # or a person is that; a surname of a person the article names in full is that person's
                # whatever the corpus's other readings ("Timberlake" NORP in a review of "Justin
                # Timberlake", where the word is more often typed ORG than PERSON elsewhere)
                n = norm(m.text)
                if n in surnames.get(m.article, ()) and n not in org_tails:
                    local[i] = m.type
                    m.type = "PERSON"
                    continue
                m.type = others.most_common(1)[0][0]
                continue
        if names_titled(m.text, titled):
            m.type = "PERSON"  # "Teigen" typed ORG where the corpus also writes "Ms Teigen" (no vote)
            continue
        if m.type == "ORG" and untitled(m.text) in voted:
            m.type = "PERSON"  # "Mayor Dana Korver" ORG where the corpus reads "Dana Korver" as a person
            continue
        if m.type == "PERSON" and (org_key(m.text) in incorporated or brand_word(m.text, in_person_names)):
            m.type = "ORG"
            continue
        known = aliases().get(norm(m.text))
        if known and known[1] == "place" and m.type in ("ORG", "PERSON"):
            m.type = "GPE"  # "DPRK" tagged ORG: the alias table knows it as a country's name
            continue
        if known and known[1] == "place" and m.type in ("GPE", "LOC"):
            continue  # "ROK" typed GPE stays a place: the NER's ORG readings elsewhere are outvoted by the table
        if m.type == "GPE" and re.fullmatch(r"[A-Z]{1,3}\d{1,2}", m.text.strip()):
            # "F1" typed GPE: no country, state or city is named with a digit (a road or a grid square,
            # "A42", is a LOC, left alone); a name with a number is a series', a model's or a body's
            m.type = "ORG"
            continue
        if m.type == "PERSON" and norm(m.text) in _CREDITS:
            m.type = "ORG"  # "Twitter", "Reuters" typed PERSON: a network or an agency is nobody's name
            continue
        if re.fullmatch(r"[A-Z]{2,5}", m.text.strip()):
            if m.type == "PERSON":
                m.type = "ORG"  # "UN", "MMM": an initialism is no person's name
                continue
            # "NAACP" typed NORP once among a dozen ORG: the vote below, but never towards a person
            votes = Counter({t: c for t, c in by_surface[norm(m.text)].items() if t != "PERSON"})
            top, count = votes.most_common(1)[0] if votes else (m.type, 0)
            if top != m.type and count >= 2 and count >= 0.6 * sum(votes.values()):
                m.type = top
            continue
        n = norm(m.text)
        if (
            m.type in ("ORG", "GPE", "NORP")
            and n in surnames.get(m.article, ())
            and not aliases().get(n)
            and n not in org_tails
        ):
            local[i] = m.type
            m.type = "PERSON"  # "Chris Hughes ... Hughes said": the ORG tag was the NER's slip
            continue
        if (
            m.type in ("GPE", "LOC", "ORG")
            and n in given.get(m.article, ())
            and not aliases().get(n)
            and by_surface[n]["GPE"] + by_surface[n]["LOC"] + by_surface[n]["ORG"] <= 2
        ):
            # "He confronted Harvey" in an article about Harvey Weinstein: a first name of a person named
            # in the article, which the corpus hardly ever writes as a place or a body
            local[i] = m.type
            m.type = "PERSON"
            continue
        if m.type in ("GPE", "LOC", "ORG") and (m.article, n) in paired and not aliases().get(n):
            local[i] = m.type  # "Harvey" (GPE) in a profile of "Weinstein": extract/link_types.py
            m.type = "PERSON"
            continue
        pending.append(i)  # the corpus vote, once every rule above has mended its mentions

    def keep(m: Mention, top: str) -> bool:
        n = norm(m.text)
        if m.type == "PERSON" and " " not in n and n in surnames.get(m.article, ()):
            # "Timberlake's" after "Justin Timberlake": the article's full name outweighs the corpus
            return True
        # the article writes the longer body name this one opens; a company is never a person
        opens = (m.article, org_key(m.text))
        return top == "PERSON" and m.type == "ORG" and (opens in opened or opens in incorporated_in)

    second_vote(mentions, pending, keep, local)  # (extract/link_types.py: mended types, squashed spellings)


@lru_cache(maxsize=_TEXT_CACHE)
def _org_spellings(canon: str) -> frozenset[str]:
    """The alias table's names of more than one word for the body ``canon`` ("the" dropped); read
    once per body, not once per mention (the table holds thousands of rows)."""
    return frozenset(re.sub(r"^the ", "", v) for v, c in aliases().items() if c == (canon, "org") and " " in v)


def _merge_orgs(
    keys: list[str | None],
    articles: list[str],
    texts: list[str] | None = None,
    persons: frozenset[str] = frozenset(),
    opened: frozenset[tuple[str, str]] = frozenset(),
) -> list[str | None]:
    """Initialisms ("AP", "GS") join the one longer organisation name in the corpus they abbreviate;
    a lone first word ("Goldman") joins the one longer name that starts with it in the same article
    (the full name first, the short one after: "Sony" alone may be Sony, not Sony Music). With two
    or more candidates nothing is guessed."""
    orgs = {k[4:] for k in keys if k and k.startswith("org|")}
    by_initials: dict[str, set[str]] = defaultdict(set)
    for o in orgs:
        ini = _initials(o)
        if ini and o not in persons:  # "NH" is not "Nikki Haley" tagged ORG once: persons have no initialism
            by_initials[ini].add(o)
    local_first: dict[tuple[str, str], set[str]] = defaultdict(set)
    corpus_first: dict[str, set[str]] = defaultdict(set)
    counts = Counter(k for k in keys if k)
    local_prefix: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, art in zip(keys, articles, strict=True):
        if k and k.startswith("org|") and len(k[4:].split()) >= 2:
            words = k[4:].split()
            local_first[(art, words[0])].add(k[4:])
            corpus_first[words[0]].add(k[4:])
            for i in range(2, len(words)):
                local_prefix[(art, " ".join(words[:i]))].add(k[4:])
    key_arts: dict[str, set[str]] = defaultdict(set)
    for k, art in zip(keys, articles, strict=True):
        if k:
            key_arts[k].add(art)
    out: list[str | None] = []
    # a lone last word ("Cubs" after "Chicago Cubs") stands for the longer name in the same article too
    # (written as a name: no headline capitals "FOLDING PATENT Samsung", no lowercase "Kumshe the Chibok")
    texts = texts or [k[4:] if k else "" for k in keys]
    local_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    for k, art, text in zip(keys, articles, texts, strict=True):
        if (
            k
            and k.startswith("org|")
            and len(k[4:].split()) >= 2
            # (a possessive's "s" is no lowercase word: "the Miami Herald's piece ... The Herald reports")
            and not re.search(r"\b[A-Z]{4,}\b|\b[a-z]", re.sub(r"^[Tt]he\s+|['’]s?$", "", text.strip()))
        ):
            local_last[(art, k[4:].split()[-1])].add(k[4:])
    for k, art, text in zip(keys, articles, texts, strict=True):
        if k and k.startswith("org|") and " " in k[4:]:
            # "UN Security Council", "U.N. Security Council": an initialism opening a name is expanded
            # when the corpus writes the expanded name too ("United Nations Security Council")
            head, rest = k[4:].split(" ", 1)
            head = head.replace(".", "")
            wide = set(by_initials.get(head, set())) if 2 <= len(head) <= 5 else set()
            canon = aliases().get(head, (head, "org"))[0]  # the alias table's spellings of the same body
            wide |= _org_spellings(canon)
            full = {f"{w} {rest}" for w in wide} & orgs
            if not full and (art, k[4:]) in opened:
                # "Common Sense" (tagged PERSON) beside "Common Sense Media" in one article: the one longer
                # name it opens (only for such re-typed names: "National League" is no "National League
                # Championship Series")
                full = local_prefix.get((art, k[4:]), set())
            out.append(f"org|{next(iter(full))}" if len(full) == 1 else k)
            continue
        if not k or not k.startswith("org|") or " " in k[4:]:
            out.append(k)
            continue
        o = k[4:]
        cands = by_initials.get(o, set()) if 2 <= len(o) <= 6 else set()
        # an initialism written in more articles than the name it would abbreviate, and never beside
        # it, is known on its own: "BBC" across seven articles is no "Barnum & Bailey Circus" that one
        # other article names (where some article writes both, or the name is as widely written, it joins)
        cands = {
            c
            for c in cands
            if key_arts[f"org|{c}"] & key_arts[k] or len(key_arts[f"org|{c}"]) >= len(key_arts[k])
        }
        if len(cands) > 1:
            # "AP": "Associated Press" (8 mentions) over "AfD party" (1): a name three times as common as
            # every other expansion is the one the corpus abbreviates
            ranked = sorted(cands, key=lambda c: -counts[f"org|{c}"])
            if counts[f"org|{ranked[0]}"] >= 3 * counts[f"org|{ranked[1]}"]:
                cands = {ranked[0]}
        if not cands and len(o) > 3:
            cands = local_first.get((art, o), set()) or local_last.get((art, o), set())
            shortest = min(cands, key=len) if cands else ""
            if len(cands) > 1 and all(c.endswith(shortest) for c in cands):
                cands = {shortest}  # "Chicago Cubs" and "Jubilant Chicago Cubs": the plain name
        if not cands and len(o) > 3 and len(norm(text.split("(")[0]).split()) == 1:
            # "Goldman" in an article that never writes "Goldman Sachs": across the corpus it stands for
            # the one longer name it opens, when that name is the more common way of writing it (a
            # "Sony" written more often than "Sony Music" stays Sony)
            wide = corpus_first.get(o, set())
            if len(wide) == 1 and counts[f"org|{next(iter(wide))}"] > counts[k]:
                cands = wide
        out.append(f"org|{next(iter(cands))}" if len(cands) == 1 else k)
    return out


_PARTICLES = frozenset(["de", "da", "di", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn",
                        "la", "le", "du", "dos", "das", "ten", "ter", "y", "e", "of", "and"])  # fmt: skip


@lru_cache(maxsize=_TEXT_CACHE)
def _lowercase_word(text: str) -> bool:
    """A lowercase word other than a name particle ("Saturn V moon", "Memphis Hustle - boarded"): not
    a person's name as written."""
    t = re.sub(r"^\s*the\s+", "", text, flags=re.IGNORECASE)
    # (only words that open after a space: "Kim Jong-un", "Ban Ki-moon", "al-Adnani" are names)
    return any(w[:1].islower() and w not in _PARTICLES for w in re.findall(r"(?:(?<=\s)|^)[^\W\d_]+", t))


def _cut_credits(mentions: list[Mention]) -> None:
    """Caption credits glued to a name are cut from the mention, but only where what is left is written
    as a name of its own elsewhere in the corpus ("GETTY Max Verstappen" -> "Max Verstappen"; "Facebook
    Messenger" stays whole unless "Messenger" is a name on its own)."""
    seen = {norm(m.text) for m in mentions}
    for m in mentions:
        head, cut = strip_credit(m.text)
        if (not head and not cut) or len(m.text) != m.end - m.start:
            continue  # (a name written as what it stands for on a shorter span: no offsets to cut by)
        rest = m.text[head : len(m.text) - cut]
        if norm(rest) in seen and not junk_name(rest):
            m.text, m.start, m.end = rest, m.start + head, m.end - cut


def link_entities(mentions: list[Mention]) -> list[Entity]:
    """Fill ``Mention.entity`` and return the entities (one per real name)."""
    _cut_credits(mentions)
    undouble(mentions)  # "Equifax Equifax": page chrome, the name once (extract/link_types.py)
    place_led_groups(mentions)  # "Houston Texans" typed NORP where the corpus types it ORG (link_types.py)
    # two capitals the NER read as a person ("JT"), before the votes make every initialism a body
    ner_persons = frozenset(
        i for i, m in enumerate(mentions) if m.type == "PERSON" and re.fullmatch(r"[A-Z]{2}", m.text.strip())
    )
    tails, opened = _place_led(mentions)
    vote_types(mentions, tails, opened)
    nicknames, local_nicknames = _team_nicknames(mentions)
    keys: list[str | None] = []
    for m in mentions:
        cls = CLASS_OF.get(m.type)
        if cls is None or (
            # "HA446", "Boeing 737": a digit is in a flight or a model number, never in a person's name
            cls == "person" and (junk_name(m.text) or _lowercase_word(m.text) or re.search(r"\d", m.text))
        ):
            keys.append(None)
        elif cls == "person":
            parts = person_parts(m.text)
            keys.append("person|" + " ".join(parts) if parts else None)
        elif junk_name(m.text):
            keys.append(None)
        else:
            key = _place_key(m.text, cls)
            if cls == "org" and key == norm(m.text):
                key = org_key(m.text)
            key = venue_key(key)  # "Mandalay Bay Resort" is "Mandalay Bay"
            if cls == "place":
                key = shared_place_key(key)  # "Scarsdale, New York"; "New York" city or state (link_types.py)
            keys.append(f"{cls}|{key}" if key else None)
    persons = frozenset(org_key(m.text) for m in mentions if m.type == "PERSON")
    keys = person_initials(mentions, keys, ner_persons)  # "JT" beside "Justin Timberlake" (link_types.py)
    keys = _merge_orgs(keys, [m.article for m in mentions], [m.text for m in mentions], persons, opened)
    keys = [
        f"org|{nicknames[k[4:]]}" if k and k.startswith("org|") and k[4:] in nicknames else k for k in keys
    ]
    keys = glossed(mentions, keys)
    keys = described_bodies(mentions, keys)  # "Xinhua news agency" is Xinhua (extract/link_types.py)
    keys = place_initialisms(keys)  # "Republic of Korea" spelled out from ROK (extract/link_types.py)
    keys = abbreviated_places(keys)  # "N. Korea" is North Korea (extract/link_types.py)
    keys = joined_institutions(keys)  # "X Zoo & Botanical Garden" is X Zoo (extract/link_types.py)
    keys = hyphenated_surnames(mentions, keys)
    keys = merge_spellings(keys, [m.text for m in mentions])
    # (after the spellings: a nickname joins its club in its own article only, while every "Texans" is
    # spelt alike)
    keys = [
        f"org|{local_nicknames[(m.article, k[4:])]}"
        if k and k.startswith("org|") and (m.article, k[4:]) in local_nicknames
        else k
        for m, k in zip(mentions, keys, strict=True)
    ]
    # "the State Department" beside "the US State Department" (extract/name_bodies.py); after the
    # spellings, which would join a bare name left apart to its qualified form by their letters
    keys = country_led_bodies(keys, [m.article for m in mentions])
    keys = place_fragments(mentions, keys)  # "the Strip" after "Las Vegas Strip" (extract/name_fragments.py)
    keys = misspellings(mentions, keys)  # "Sweening" once beside "Nick Sweeting" (extract/name_fragments.py)
    # persons: full-name key = first + last token (middle names and initials vary between outlets)
    full_key: dict[str, str] = {}
    for k in keys:
        if k and k.startswith("person|"):
            parts = k[7:].split()
            if len(parts) >= 2:
                full_key[k] = f"person|{parts[0]} {parts[-1]}"
    # "Amina Ali" beside the corpus's one "Amina Ali Nkeki" of the same story (extract/name_persons.py);
    # the short name's last word stays a surname of the person ("Ali said" in the story that wrote it)
    joined = prefix_names(full_key, keys, [m.article for m in mentions])
    also_last: dict[str, str] = {}
    for short, target in joined.items():
        also_last[target] = short[7:].split()[-1]
    full_key = {k: joined.get(fk, fk) for k, fk in full_key.items()}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for fk in set(full_key.values()):
        a, b = fk[7:].split()
        by_last[b].add(fk)
        by_first[a].add(fk)
        if fk in also_last:
            by_last[also_last[fk]].add(fk)
    fk_articles: dict[str, set[str]] = defaultdict(set)
    key_articles: dict[str | None, set[str]] = defaultdict(set)
    for m, k in zip(mentions, keys, strict=True):
        key_articles[k].add(m.article)
        if k in full_key:
            fk_articles[full_key[k]].add(m.article)
    doc_full: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    lone: dict[str, set[str]] = defaultdict(set)  # name words written alone, per article
    # where each name is first written in an article: a surname stands for a full name written
    # before it, not for a relative named later ("Thurman says ..." long before "her father, Robert
    # Thurman")
    first_at: dict[tuple[str, str], int] = {}
    for m, k in zip(mentions, keys, strict=True):
        if k and k.startswith("person|"):
            name_key = full_key.get(k, k)
            at = first_at.get((m.article, name_key))
            first_at[(m.article, name_key)] = m.start if at is None else min(at, m.start)
        if k and " " not in k.split("|", 1)[-1]:  # any type: the NER may type a lone given name a place
            lone[m.article].add(k.split("|", 1)[-1])
        if k in full_key:
            a, b = full_key[k][7:].split()
            doc_full[m.article]["last:" + b].add(full_key[k])
            doc_full[m.article]["first:" + a].add(full_key[k])
            if len(k[7:].split()) == 2 and full_key[k] in also_last:
                doc_full[m.article]["last:" + k[7:].split()[1]].add(full_key[k])
    final: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        if k is None or not k.startswith("person|"):
            final.append(k)
            continue
        if k in full_key:
            final.append(full_key[k])
            continue
        tok = k[7:]
        local = doc_full[m.article]
        alone_at = first_at.get((m.article, k), m.start)
        introduced = {
            c for c in local.get("last:" + tok, set()) if first_at.get((m.article, c), 0) <= alone_at
        }
        written = introduced or local.get("first:" + tok)  # a full name in the article goes first
        paired = None if written else paired_name(tok, lone[m.article], by_last, by_first, fk_articles)
        if not written and not paired and tok not in by_last:
            # "their sons Matthew ..." after "Bruce Steinberg" and "Irene Steinberg": the family's surname
            # (extract/link_types.py); a surname the article gives two people in full at least, since one
            # "Mark Jones" beside a lone "Sarah" says nothing of her family
            family = {c[5:] for c in local if c.startswith("last:") and len(local[c]) >= 2}
            paired = family_member(tok, family, by_first)
        if paired:
            final.append(paired)  # "Uma" and "Thurman" alone in one profile: Uma Thurman
            continue
        if local.get("last:" + tok) and not introduced:
            # the surname was in use before any full name with it: someone else, unless the corpus
            # knows that surname for this one person only ("no more Bartman" ... "Steve Bartman")
            # (a full name written in two articles at least: "Tranquilizing Harambe" once is a slip)
            only = by_last.get(tok, set())
            sure = len(only) == 1 and only == local["last:" + tok] and len(fk_articles[next(iter(only))]) >= 2
            final.append(next(iter(only)) if sure else k)
            continue
        for cands in (
            introduced,
            local.get("first:" + tok),
            by_last.get(tok),
            by_first.get(tok) if tok in _FAMILY_FIRST or len(key_articles[k]) >= 3 else None,
        ):
            if cands and len(cands) == 1:
                final.append(next(iter(cands)))
                break
            if (
                cands
                and len(cands) > 1
                and (cands is by_last.get(tok) or (tok in _FAMILY_FIRST and cands is not introduced))
            ):
                # "Mr. Trump" in an article that never writes a full name: the one person of that surname
                # the corpus writes in three times as many articles as any other, else no guess ("Bush");
                # a family name written first likewise ("Kim" for the leader, not a photographer "Kim
                # Kyung-Hoon" credited once in the same article)
                ranked = sorted(cands, key=lambda c: -len(fk_articles[c]))
                top, second = len(fk_articles[ranked[0]]), len(fk_articles[ranked[1]])
                # (twice as many will do for a surname that three stories at least use alone without ever
                # naming anyone of that surname in full: news leaves only a household name unintroduced,
                # and the corpus's most written bearer is that household name, "Obama" for Barack Obama
                # beside his wife. Stories that introduce "Venus Williams" and then write "Williams" are
                # routine style and no sign of a household name, so they are not counted)
                bare = [a for a in key_articles[k] if not doc_full[a].get("last:" + tok)]
                widely = len(bare) >= 3 and top >= 2 * second
                final.append(ranked[0] if top >= 3 and (top >= 3 * second or widely) else k)
                break
            if cands and len(cands) > 1:
                final.append(k)  # ambiguous ("Bush"): do not guess
                break
        else:
            final.append(k)
    for i, k in enumerate(final):
        tok = k[7:] if k and k.startswith("person|") else ""
        if (
            tok
            and " " not in tok
            and (len(by_first.get(tok, ())) >= 2 or (by_first.get(tok) and len(key_articles[k]) < 3))
            and tok not in by_last
            and tok not in _FAMILY_FIRST  # "Kim", "Moon": a family name written first, not a given name
        ):
            # "their sons Matthew, William and Zachary": a lone given name the corpus gives to two people
            # or more and never writes as a surname names someone of that article only, not one person
            # across the corpus (signal: given names are shared, a lone surname rarely is). So does one
            # the corpus gives to one full name but that no full name of its own article explains and
            # that is written alone in fewer than three articles ("the boy's mum Michelle" in one story,
            # another Michelle in another: a first name alone is how a story names its private people;
            # three articles writing it alone make it a name used on its own, linked above)
            final[i] = f"{k} @{mentions[i].article}"
    groups: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(final):
        if k:
            groups[k].append(i)
    entities: list[Entity] = []
    for key, idx in sorted(groups.items()):
        cls, canon_key = key.split("|", 1)
        surfaces = Counter(_surface(mentions[i].text) for i in idx)
        name = _canonical(cls, canon_key, surfaces)
        types = Counter(mentions[i].type for i in idx)
        ent = Entity(
            id=_entity_id(cls, canon_key),
            name=name,
            type=types.most_common(1)[0][0],
            aliases=sorted(s for s in surfaces if s != name),
            articles=sorted({mentions[i].article for i in idx}),
        )
        for i in idx:
            mentions[i].entity = ent.id
        entities.append(ent)
    return entities


@lru_cache(maxsize=_TEXT_CACHE)
def _surface(text: str) -> str:
    text = INVISIBLE.sub("", text)  # "Japan\u200b": a zero-width space prints as nothing
    text = text.replace("[", "").replace("]", "")  # "Donald] Trump": an editor's brackets in a quote
    t = re.sub(r"\s*\([^)]*$", "", text.strip())  # "Polymerase Chain Reaction (PCR": an unclosed gloss
    t = re.sub(r"['’]s$", "", t).strip(" ,.;:").rstrip("'’\" ")  # "the Memphis Grizzlies'": a possessive
    t = re.sub(r"^(?:[Tt]he\s+)+", "", t)  # "the The New York Times": a doubled article, dropped whole
    return " ".join(t.split())


_LEADING_WORDS = _ROLE_WORDS | _TITLES | MOODS  # words that lead a surface without naming anyone


def _canonical(cls: str, key: str, surfaces: Counter[str]) -> str:
    if cls == "person":
        # (two words at least: a hyphenated surname alone, "Abdel-Fattah", is not the full name)
        multi = Counter({s: c for s, c in surfaces.items() if len(person_parts(s)) >= 2 and " " in s})
        pool = multi or surfaces
        # (a surface led by a role or a title, "Model Chrissy Teigen", only where nothing else is as common)
        bare = {s: (norm(s).split() or [""])[0] not in _LEADING_WORDS for s in pool}
        return max(pool, key=lambda s: (pool[s], bare[s], len(s), s))
    # (hyphens as spaces: an organisation's key writes "Erie Times-News" as "erie times news")
    # (an ocean's key is its first word, "pacific": its full name is as exact, "Pacific Ocean")
    exact = [s for s in surfaces if norm(s).replace("-", " ") in (key.replace("-", " "), f"{key} ocean")]
    if exact:
        return max(exact, key=lambda s: (surfaces[s], s))
    return max(surfaces, key=lambda s: (surfaces[s], s))


def link(extraction: Extraction, cosine: float = 0.72, lexical_min: float = 0.55) -> Extraction:
    """Entities for all mentions, speaker ids for quotes, variant groups; returns a new Extraction."""
    mentions = [Mention(m.article, m.text, m.type, m.start, m.end, None) for m in extraction.mentions]
    entities = link_entities(mentions)
    by_doc: dict[tuple[str, str], str] = {}
    by_name: dict[str, set[str]] = defaultdict(set)
    names = {e.id: e for e in entities}
    for m in mentions:
        if m.entity and m.type == "PERSON":
            by_doc[(m.article, norm(m.text))] = m.entity
            by_name[norm(m.text)].add(m.entity)
    for e in entities:
        if e.type == "PERSON":
            by_name[norm(e.name)].add(e.id)
    quotes = [
        Quote(q.article, q.text, q.direct, q.cue, q.speaker, None, q.via, None, q.start, q.end, q.id)
        for q in extraction.quotes
    ]
    for q in quotes:
        if q.speaker:
            n = norm(q.speaker)
            eid = by_doc.get((q.article, n))
            if eid is None and len(by_name.get(n, ())) == 1:
                eid = next(iter(by_name[n]))
            q.speaker_id = eid
            if eid and names[eid].type == "PERSON":
                q.speaker = names[eid].name
        if q.via:
            vid = by_doc.get((q.article, norm(q.via)))
            if vid is None and len(by_name.get(norm(q.via), ())) == 1:
                vid = next(iter(by_name[norm(q.via)]))
            if vid:
                q.via = names[vid].name
    from storyprism.extract.variants import group_variants  # it builds on this module's name keys

    group_variants(quotes, cosine, lexical_min)
    return Extraction(
        quotes=quotes,
        mentions=mentions,
        entities=entities,
        numbers=list(extraction.numbers),
        dates=list(extraction.dates),
        inferred_published=dict(extraction.inferred_published),
        frames=list(extraction.frames),  # what each sentence asserts: linking changes none of it
    )
