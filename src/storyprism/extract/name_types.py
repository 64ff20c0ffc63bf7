"""Type and span fixes on the NER's entities that read the text around a name (``nlp.gazetteer`` runs
them): a place the small model typed as a body, a description it took for a name, and a place word that
is only part of a body's longer name. Each rule names its signal; none knows a particular name."""

from __future__ import annotations

import re
from functools import lru_cache

from storyprism.extract.name_context import in_context
from storyprism.extract.name_fragments import country_names as _countries  # the one loader of the table
from storyprism.extract.name_places import place_senses
from storyprism.extract.name_spans import (
    awards,
    exclamations,
    grown_spans,
    plural_initialisms,
    sky_bodies,
    split_bodies,
)
from storyprism.extract.name_works import works
from storyprism.extract.referents import OUTLET_BEFORE
from storyprism.extract.speakers import Ent


def known_countries(ents: list[Ent]) -> list[Ent]:
    """ORG-typed mentions that are exactly a country's name ("Angola's first satellite") retyped GPE, and
    those that are exactly its people's word ("Uruguayan lawyer", ``_demonyms``) retyped NORP.
    Signal: a country's bare name is a place and the word formed from it a nationality; a body named
    after either carries more words ("Bank of China", "Air France", "Brazilian Football
    Confederation"), so only the whole name, possessive aside, is retyped."""
    names = _countries()
    peoples = _demonyms()
    out = []
    for e in ents:
        bare = re.sub(r"['’]s?$", "", e.text.strip())
        if e.label == "ORG" and bare in names:
            e = Ent(e.start, e.end, "GPE", e.text)
        elif e.label == "ORG" and bare.lower() in peoples:
            e = Ent(e.start, e.end, "NORP", e.text)
        out.append(e)
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The people's words English forms from the countries table's names, lowercased: "-n" after "-a"
    (Kenyan, Costa Rican), "-an" (Uruguayan, Mexican for Mexico), "-ian" (Brazilian, Canadian,
    Ukrainian), "-ese" (Japanese, Chinese), "-i" (Israeli, Pakistani). Irregular ones (Dutch, French)
    are left out: the NER types those NORP already. So are plurals: a team takes a people's word in the
    plural ("the Indians beat the Royals"), and the NER's ORG reading of it is then right."""
    out: set[str] = set()
    for name in _countries():
        c = name.lower()
        stem = c[:-1] if c[-1] in "aeoy" else c
        forms = {stem + "ian", stem + "ese", c + "ese", c + "i", c + "ian"}
        forms |= {c + "n"} if c.endswith("a") else {c + "an", stem + "an"}
        out |= forms
    # (a form that is itself a country's name, "Niger" + "ian" against "Nigeria", stays a place's)
    return frozenset(out - {c.lower() for c in _countries()})


# "New Addington, south east London,", "Sapporo, Hokkaido's capital,": a name set before a comma and a
# larger place (optionally led by compass words) is a place inside that place; a body's name takes a
# description there ("Toyota, Japan's largest carmaker"), not a bare place closed by punctuation
_COMPASS = (
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-east|north-west|"
    r"south-east|south-west|northeast|northwest|southeast|southwest|inner|outer)\s+){0,2}"
)
_PLACE_NOUN = re.compile(
    r"['’]s\s+(?:(?:largest|biggest|second|second-largest|main|former|ancient)\s+)?"
    r"(?:capital|city|town|village|suburb|port|district|province|region|county|borough|island)\b"
)

_POPULATION_AFTER = re.compile(r"\s*[,(]\s*(?:pop\.|population)\s*:?\s*(?:of\s+)?(?:about\s+|around\s+)?\d", re.I)
_SETTLEMENT_OF = re.compile(r"\b(?:suburb|town|village|hamlet|township|borough)\s+of\s+$")


# a media noun that never titles a person ("veteran broadcaster Jo Lane" is one, "the newspaper Chosun
# Ilbo" is not), and what follows an outlet's name where it is the phrase's head: a comma, the sentence's
# end or a verb of reporting ("the newspaper Jane Smith founded" names the founder)
_PAPER_BEFORE = re.compile(r"\b(?:newspaper|daily|tabloid|magazine|news\s+agency|news\s+site|website)\s+$")
# a masthead's last word: "the Miami Herald", "the Financial Times", "The Herald" (typed PERSON by the
# NER) are papers; a person's name never takes "the" before it
_MASTHEAD_END = re.compile(
    r"(?:^|\s)(?:Herald|Times|Post|Journal|Tribune|Gazette|Telegraph|Chronicle|Observer|Examiner|Inquirer|"
    r"Courier|Dispatch|Bulletin|Register|Sentinel|Enquirer)(?:['’]s?)?$"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_OUTLET_HEAD_END = re.compile(r"\s*(?:[,.;:)]|(?:reported|reports|said|says|wrote|writes|cited|quoted)\b)")


def _outlets(text: str, ents: list[Ent]) -> list[Ent]:
    """Place- or people-typed names written after a media noun ("CNN affiliate Teletica reported"):
    retyped ORG, with every mention of the same name in the text (one text keeps one sense of a name).
    A person-typed name is retyped only after a noun of a paper or an agency and where it heads the
    phrase ("the South Korean newspaper Chosun Ilbo, quoting sources, reported"), or where "the" opens a
    name that ends in a masthead's word ("The Miami Herald obtained")."""
    labels = ("GPE", "LOC", "NORP")
    found = {
        e.text.strip()
        for e in ents
        if (e.label in labels and OUTLET_BEFORE.search(text, max(0, e.start - 25), e.start))
        or (
            e.label == "PERSON"
            and _PAPER_BEFORE.search(text, max(0, e.start - 25), e.start)
            and _OUTLET_HEAD_END.match(text, e.end)
        )
        or (
            e.label == "PERSON"
            and _MASTHEAD_END.search(e.text.strip())
            and _THE_BEFORE.search(text, max(0, e.start - 5), e.start)
        )
    }
    if not found:
        return ents
    return [
        Ent(e.start, e.end, "ORG", e.text) if e.label in (*labels, "PERSON") and e.text.strip() in found else e
        for e in ents
    ]


def place_appositions(text: str, ents: list[Ent]) -> list[Ent]:
    """ORG-typed names written as "X, [compass] Place," or "X, Place's capital", as a route's end
    ("from X to Place", "from X via Place") or with a population ("X, population 4,850"): retyped GPE,
    with every mention of the same name in the text (one text keeps one sense of a name). Places and
    peoples written after a media noun are retyped ORG first (``_outlets``)."""
    ents = _outlets(text, ents)  # a media noun's name first: an outlet is never one of these places
    starts = {e.start: e for e in ents}
    found: set[str] = set()
    for e in ents:
        name = e.text.strip()
        words = name.split()
        if e.label != "ORG" or not 1 <= len(words) <= 3 or name.isupper():
            continue
        if not all(w[:1].isupper() for w in words):
            continue
        # a route names places at both ends: "travelling from New Addington to Wimbledon"
        route = re.match(r"\s+(?:to|via)\s+", text[e.end : e.end + 10])
        if route and re.search(r"\bfrom\s+$", text[max(0, e.start - 8) : e.start]):
            other = starts.get(e.end + route.end())
            if other is not None and other.label in ("GPE", "LOC"):
                found.add(name)
                continue
        # "the New York suburb of X", "the town of X": English names a settlement after its kind noun so; a
        # body is never "a suburb of" anything (lowercase kind only: "the City of London Corporation")
        if len(words) == 1 and _SETTLEMENT_OF.search(text[max(0, e.start - 30) : e.start]):
            found.add(name)
            continue
        if _POPULATION_AFTER.match(text, e.end):
            # "tiny Erimo, population 4,850,": a head count in apposition belongs to a settlement or a
            # country; a body has staff or members, never a population
            found.add(name)
            continue
        lead = re.match(rf",\s+{_COMPASS}", text[e.end : e.end + 40], re.IGNORECASE)
        place = starts.get(e.end + lead.end()) if lead else None
        if place is None:
            continue
        tail = text[place.end : place.end + 40]
        # the larger place closes the apposition (punctuation), or the name is given as its seat (then
        # the larger place may be mistyped too: "Hokkaido" typed ORG before "'s capital")
        if (place.label in ("GPE", "LOC") and re.match(r"\s*[,.;)]", tail)) or _PLACE_NOUN.match(tail):
            found.add(name)
    if not found:
        return ents
    return [
        Ent(e.start, e.end, "GPE", e.text) if e.label == "ORG" and e.text.strip() in found else e
        for e in ents
    ]


# a demonstrative leads a description, never a name ("this South Sider" for a person, "that Sunday"):
# proper names take "the" at most, so a span the NER opened with one is no name
_DEMONSTRATIVE = re.compile(r"(?:this|that|these|those)\s")
_NAME_LABELS = frozenset(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"])

# nouns that open a body's name with "of" and a place ("the Jewish Theological Seminary of America",
# "University of Texas", "Church of England"): the place word there is part of the body's name
_BODY_OF = re.compile(
    r"\b(?:Seminary|University|College|Institute|Academy|Bank|Church|Museum|Society|Association|"
    r"Federation|Council|Conference|League|Union|Chamber|Corporation|Foundation|Library|School|"
    r"Hospital|Court|Bar|Diocese|Archdiocese)\s+of\s+(?:the\s+)?$"
)


# "inter-Korean relations", "pro-Russian rebels", "anti-American": a lowercase prefix joined to a people's
# or a place's name makes an adjective of relation; a name opens with a capital
# or a place's name makes an adjective of relation; a name opens with a capital. Only English's relational
# prefixes: a lowercase particle of the name itself ("al-Bab", "el-Arish", the Arabic article) is the place
_PREFIXED = re.compile(
    r"(?:inter|intra|pro|anti|non|ex|post|pre|trans|pan|sub|mid|neo|ultra|cross|un|semi|pseudo|counter|multi)-[A-Z]"
)
# "Las Vegas Blvd", "E. RENO AVE.", "Baker Street": a street word closing the name makes it a street
_STREET_END = re.compile(
    r"\b(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|ln|lane|hwy|highway|pkwy|parkway)\.?$",
    re.IGNORECASE,
)
# a people's word used as a language: in a list after "languages", before "language", after "speak" or
# after "in"/"into" with nothing named after it ("subtitles in Thai.", "translated into Greek,")
_LANGUAGE_LIST = re.compile(r"\blanguages?\b[^.!?\n]{0,160}$", re.IGNORECASE)
_LANGUAGE_AFTER = re.compile(
    r"[\s-]+(?:language|speakers?|speaking|dubbed|subtitles?|translation)\b", re.IGNORECASE
)
# a list of languages ends the phrase ("in Mandarin, Cantonese and Tibetan."); a list of peoples' words
# running on into a noun ("Chinese, Indian and Pakistani students") is a list of adjectives
_LIST_ENDS = re.compile(r"(?:\s*(?:,\s*(?:and|or)?|and|or)\s*[A-Z][a-z]+)*+\s*(?:[.;:!?)\n]|,\s|$)")
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:speaks?|spoke|speaking|fluent in|written in|translated into|dubbed into|dubbed in|subtitled in|in)\s+$",
    re.IGNORECASE,
)


# "Secretary of State Rex Tillerson", "Minister of Defence": the words after a title's "of" name the office's
# portfolio, part of the job title; the body is written otherwise ("the State Department", "the Ministry")
_TITLE_OF = re.compile(
    r"\b(?:Secretary|Secretaries|Minister|Ministers|Undersecretary)\s+(?:of|for)\s+(?:the\s+)?$"
)
# ... but a title's "of" may also name the body the officer serves ("General Secretary of the Communist Party
# of China"): a name headed by a body noun is an organisation, never a portfolio (a field: Defence, State)
_BODY_NOUN = re.compile(
    r"\b(?:Party|Agency|Committee|Commission|Council|Union|Organi[sz]ation|Association|League|Federation|"
    r"Bank|Fund|Company|Corporation|Movement|Front|Congress|Assembly|Institute|Society)\b"
)


def _form(text: str, e: Ent) -> str | None:
    """A type fix read off a name's own form and the words touching it: "drop" for a prefixed adjective
    or a title's portfolio, "FAC" for a street, "LANGUAGE" for a people's word naming a language (neither is a linked class, so
    both leave the names), or None to keep the NER's label."""
    # a body keeps its label: "ex-Facebook employees" still names Facebook, and "Downing Street" (the
    # office) or "the Office of Rail and Road" are bodies named after a street or a road
    if e.label in ("NORP", "GPE", "LOC") and _PREFIXED.match(e.text):
        return "drop"
    if (
        e.label == "ORG"
        and _TITLE_OF.search(text, max(0, e.start - 30), e.start)
        and not _BODY_NOUN.search(e.text)
    ):
        return "drop"
    if e.label in ("GPE", "LOC") and len(e.text.split()) >= 2 and _STREET_END.search(e.text.strip()):
        return "FAC"
    if e.label == "NORP" and len(e.text.split()) == 1:
        before = text[max(0, e.start - 200) : e.start]
        after = text[e.end : e.end + 24]
        listed = re.search(r"(?:,|:|\band|\bor)\s*$", before) and re.match(
            r"\s*(?:[,.;]|and\b|or\b|$)", after
        )
        if (
            listed and _LANGUAGE_LIST.search(before) and _LIST_ENDS.match(text, e.end)
        ) or _LANGUAGE_AFTER.match(after):
            return "LANGUAGE"
        if _LANGUAGE_BEFORE.search(before[-24:]) and re.match(r"\s*(?:[,.;:)]|$)", after):
            return "LANGUAGE"
    return None


_SPACED_DASH = re.compile(r"\s[-–—]\s")
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_BODY_SHAPE = re.compile(r"s$|^.+[A-Z]")
_PHRASE_ENDS = re.compile(
    r"\s*(?:[.,;:!?)\n]|$)|\s+(?:is|was|are|were|has|had|have|will|would|can|could|may|might|and|or|of|in|on|at|"
    r"to|from|with|for)\b"
)


def drop_non_names(text: str, ents: list[Ent]) -> list[Ent]:
    """Without descriptions opened by a demonstrative and place words inside a body's longer name, with
    streets and languages retyped (``_form``); then the fixes that read a name's words around it
    (``name_context``: described bodies, buildings, families, family names written first, headings and
    credit roles)."""
    # spans the NER cut, exclamations and awards first (extract/name_spans.py): the rules below read whole names
    ents = plural_initialisms(text, awards(exclamations(text, split_bodies(text, sky_bodies(text, grown_spans(text, ents)))), text))
    ents = works(text, ents)  # document sets, ideas, wild places with their kind (extract/name_works.py)
    out = []
    # one-word PERSON names the article only ever writes after "the" ("The Library has been divided"):
    # English sets no article before a person's name, so the word is a thing's (a menu, a place)
    # (a word of a person's full name in the article is that person's: "the Obama administration")
    in_full = {w for e in ents if e.label == "PERSON" and " " in e.text.strip() for w in e.text.split()}
    after_the: dict[str, bool] = {}
    for e in ents:
        word = e.text.strip()
        # (a plural, "the Padres", is a team or a family, and a capital inside, "the AfD", an initialism: both
        # bodies the corpus vote retypes, so they stay)
        if e.label == "PERSON" and " " not in word and word not in in_full and not _BODY_SHAPE.search(word):
            # "the Trump administration": a name before a noun modifies it and stays the person's; only a
            # "the X" that closes its phrase or heads its clause ("The Library has", "the Moon.") is a thing
            led = bool(_THE_BEFORE.search(text, max(0, e.start - 4), e.start)) and bool(
                _PHRASE_ENDS.match(text, e.end)
            )
            after_the[e.text.strip()] = after_the.get(e.text.strip(), True) and led
    for e in ents:
        # only name labels: "this week" is a DATE span the date rules may read
        if e.label in _NAME_LABELS and _DEMONSTRATIVE.match(e.text):
            continue
        if e.label in _NAME_LABELS and _SPACED_DASH.search(e.text):
            continue  # "jack - Dual": a spaced dash parts two phrases of a list, it never joins a name
        if e.label in _NAME_LABELS and "(" in e.text and ")" not in e.text:
            # "RAISR (Rapid": a bracket opened inside the span starts its expansion; the name ends before it
            cut = e.text.index("(")
            head = e.text[:cut].rstrip()
            if not head:
                continue
            e = Ent(e.start, e.start + len(head), e.label, head)
        if e.label == "PERSON" and after_the.get(e.text.strip()):
            continue
        if e.label in ("GPE", "LOC") and _BODY_OF.search(text[max(0, e.start - 40) : e.start]):
            continue
        form = _form(text, e)
        if form == "drop":
            continue
        out.append(Ent(e.start, e.end, form, e.text) if form else e)
    # which thing a place's name stands for: a state, a city, a club (extract/name_places.py)
    return place_senses(text, in_context(text, out))
