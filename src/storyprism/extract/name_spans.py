"""Span fixes on the NER's entities that read the words right before or around one name (``name_types.
drop_non_names`` runs them first):

- a span run on into the next phrase ("Prince Harry and"): cut before its closing function word;
- a body's name the NER cut after "of" ("Library of [Congress]"): the span grows back over the body noun;
- a given name written with an inner apostrophe ("Le’Veon [Bell]", "D’Angelo"), which the tokenizer split
  off: the span grows back over it, a person's full name;
- a one-word "name" that is a whole exclamation opening a quotation ("'Stupid. What this race needs ..."),
  typed ORG: no name;
- an initialism the article also writes in the plural ("RBIs"): a common noun's abbreviation;
- a name whose head noun is an award's or a contest's ("Heisman Trophy", "Grammy Awards", "the Winter
  Olympics"): an award or an event, neither a person nor a body.

Each rule names its signal; none knows a particular name."""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent

# nouns that head a body's name with "of" ("Library of Congress", "Museum of Modern Art", "Church of
# Scientology"): the words after "of" complete the body's name; the NER sometimes tags only them
_BODY_NOUN = re.compile(
    r"Library|Museum|Church|Seminary|University|College|Institute|Academy|Society|Association|"
    r"Federation|Council|Chamber|Foundation|School|Hospital|Court|Diocese|Archdiocese|Department|"
    r"Ministry|Office|Bureau|Board|Order|Bank"
)
_BODY_OF_ORG = re.compile(
    rf"(?:(?<=\s)|^)((?:[A-Z][\w'’.-]*\s+){{0,3}}(?:{_BODY_NOUN.pattern})\s+of\s+(?:the\s+)?)$"
)
# "Le’Veon", "D’Angelo", "N’Golo", "O’Neal": a given name or a surname written with an apostrophe between
# two capitalised parts (never a possessive, whose "s" is lowercase)
_APOSTROPHE_WORD = re.compile(r"[A-Z][a-z]{0,3}['’][A-Z][a-z]+")
_APOSTROPHE_NAME = re.compile(rf"(?:(?<=[\s(“\"‘])|^)({_APOSTROPHE_WORD.pattern})\s$")
# an opening quotation mark right before the word, and a full stop or a bang right after it closing a
# one-word sentence of speech ("'Stupid. What ...", "“Unbelievable!”")
_OPENS_QUOTE = re.compile(r"(?:^|[\s(])['‘\"“]\s?$")
_ENDS_SENTENCE = re.compile(r"[.!]+(?:\s|['’\"”]|$)")
# head nouns of awards and contests: "Heisman Trophy", "Nobel Prize", "Dickin Medal", "Grammy Awards",
# "the Winter Olympics", "the National League Championship Series" (no person and no body is named with
# one as its last word; "Games" is left out: "Epic Games" is a company)
_AWARD_HEAD = re.compile(
    r"\s?\b(?:Trophy|Trophies|Award|Awards|Prize|Prizes|Medal|Medals|Olympics|Paralympics|"
    r"Championship\s+Series|Divisional\s+Series|World\s+Series)['’]?s?$"
)


# a function word closing a name's span ("the Cincinnati Zoo and", "Prince Harry and", "Iceland in"): the
# NER ran the span into the next phrase; English names end in a content word (particles such as "van
# der" or "de" are no function words here: they open a surname the span cut)
_TRAILING_FUNCTION = re.compile(r"\s+(?:and|or|of|in|on|at|to|for|with|the|from|by)$")
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def _free(ents: list[Ent], start: int, end: int, skip: Ent) -> bool:
    return not any(o is not skip and o.start < end and start < o.end for o in ents)


def grown_spans(text: str, ents: list[Ent]) -> list[Ent]:
    """Spans the NER cut: a body's name after its head noun and "of", a full name after a given name
    written with an inner apostrophe. The grown span keeps nothing else's words (it only grows over words
    no other entity holds)."""
    out: list[Ent] = []
    for e in ents:
        tail = _TRAILING_FUNCTION.search(e.text) if e.label in _NAME_LABELS else None
        if tail and re.search(r"\b[A-Z]", e.text[: tail.start()]):
            e = Ent(e.start, e.start + tail.start(), e.label, e.text[: tail.start()])
        before = text[max(0, e.start - 80) : e.start]
        body = _BODY_OF_ORG.search(before) if e.label == "ORG" and e.text[:1].isupper() else None
        if body:
            # "the Library of [Congress]": the NER read the legislature in a library's name; the name a
            # writer gives is the whole "Library of Congress" (signal: a capitalised body noun joined by
            # "of" to a name heads that name, as in "Bank of England", "University of Texas"); the
            # capitalised words before the noun join it where no other entity holds them ("U.S." may)
            words = re.findall(r"\S+\s+", body.group(1))
            lead = [w.strip() for w in words].index("of") - 1  # the body noun, right before "of"
            for first in range(lead + 1):
                if first < lead and words[first].strip() in ("The", "A", "An"):
                    continue  # a sentence's article, not the name's
                start = e.start - len("".join(words[first:]))
                if _free(ents, start, e.start, e):
                    e = Ent(start, e.end, "ORG", text[start : e.end])
                    break
        name = (
            _APOSTROPHE_NAME.search(before)
            if e.label in ("PERSON", "ORG") and " " not in e.text.strip()
            else None
        )
        if name:
            # "Le’Veon [Bell] added a run": the tokenizer split the given name at its apostrophe and the
            # NER, seeing a lone capitalised word, typed it a body; with its given name it is a person's
            # full name (signal: an apostrophe between two capitalised parts is a name's spelling,
            # D’Angelo, O’Neal; a possessive's "s" is lowercase)
            start = e.start - len(name.group(1)) - 1
            if _free(ents, start, e.start, e) and text[start : e.start] == name.group(1) + " ":
                e = Ent(start, e.end, "PERSON", text[start : e.end])
        words = e.text.split()
        if (
            e.label == "ORG"
            and len(words) == 2
            and _APOSTROPHE_WORD.fullmatch(words[0])
            and words[1].istitle()
        ):
            e = Ent(e.start, e.end, "PERSON", e.text)  # "Le’Veon Bell" typed ORG whole: the same signal
        out.append(e)
    return out


def exclamations(text: str, ents: list[Ent]) -> list[Ent]:
    """A one-word ORG that is a whole sentence opening a quotation ("'Stupid. What this race needs is a
    red flag'") is an exclamation, no body: dropped, unless the article writes that word as a name
    elsewhere. Signal: speech opens with a one-word exclamation or judgement ("Stupid.", "Unbelievable!");
    a body's name alone as a sentence of speech is no statement, and the NER typed a capitalised word
    it could not place."""
    counts: dict[str, int] = {}
    for e in ents:
        counts[e.text.strip()] = counts.get(e.text.strip(), 0) + 1
    out = []
    for e in ents:
        word = e.text.strip()
        if (
            e.label == "ORG"
            and re.fullmatch(r"[A-Z][a-z]+", word)
            and counts[word] == 1
            and _OPENS_QUOTE.search(text, max(0, e.start - 3), e.start)
            and _ENDS_SENTENCE.match(text, e.end)
        ):
            continue
        out.append(e)
    return out


def awards(ents: list[Ent]) -> list[Ent]:
    """A PERSON or ORG name headed by an award's or a contest's noun ("Heisman Trophy", "Grammy Awards",
    "the Pyeongchang Olympics") is typed EVENT, a class the link step does not keep: an award or a
    contest is neither a person nor a body (its organiser has its own name). Signal: English names
    awards and contests after a head noun of that kind, written last."""
    return [
        Ent(e.start, e.end, "EVENT", e.text)
        if e.label in ("PERSON", "ORG") and _AWARD_HEAD.search(e.text.strip())
        else e
        for e in ents
    ]


def plural_initialisms(text: str, ents: list[Ent]) -> list[Ent]:
    """An initialism the article also writes in the plural ("Russell's RBI double" beside "RBIs from
    Zobrist", "EV" beside "EVs") abbreviates a common noun (runs batted in, electric vehicles), no name:
    dropped. Signal: English pluralises a count noun's abbreviation, never a body's or a place's name
    (no "NASAs"; a possessive "NASA's" is no plural)."""
    plural: dict[str, bool] = {}
    out = []
    for e in ents:
        word = e.text.strip()
        if e.label in _NAME_LABELS and re.fullmatch(r"[A-Z]{2,5}", word):
            if word not in plural:
                plural[word] = re.search(rf"(?<![\w'’]){word}s\b", text) is not None
            if plural[word]:
                continue
        out.append(e)
    return out
