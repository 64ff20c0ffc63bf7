"""Span fixes on the NER's entities that read the words right before or around one name (``name_types.
drop_non_names`` runs them first):

- a span run on into the next phrase ("Prince Harry and"): cut before its closing function word, or, a
  body's or a place's name joined by "and"/"of", grown over the capitalised word after it ("Marks and
  [Spencer]");
- a body's name the NER cut after "of" ("Library of [Congress]"): the span grows back over the body noun;
- a list item's bullet or dash the NER took into the name after it ("• Dana Quell"): cut off;
- a given name written with an inner apostrophe ("Le’Veon [Bell]", "D’Angelo"), which the tokenizer split
  off: the span grows back over it, a person's full name (not an "O’" surname, nor before a firm's or a
  facility's word: "O’Hare Airport");
- a people's word the NER tagged alone before a capitalised body noun ("the [Islamic] State", "the Muslim
  [Brotherhood]"): the span grows over the noun, an organisation's name;
- a one-word "name" that is a whole exclamation opening a quotation ("'Stupid. What this race needs ..."),
  typed ORG, with an adjective's, an adverb's or an interjection's shape: no name;
- an initialism the article also writes in the plural ("RBIs"): a common noun's abbreviation (unless a
  place, or a body the text has act, "The YMCA said");
- a name whose head noun is an award's or a contest's ("Heisman Trophy", "Grammy Awards", "the Winter
  Olympics"): an award or an event, neither a person nor a body (unless it acts as one: "The Special
  Olympics raised money").

Each rule names its signal; none knows a particular name."""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent
from storyprism.extract.name_fragments import country_names
from storyprism.extract.name_signals import aliases
from storyprism.extract.referents import is_outlet

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
# "Le’Veon", "D’Angelo", "N’Golo", "Ja’Marr": a given name written with an apostrophe between two
# capitalised parts (never a possessive, whose "s" is lowercase). Not the Irish surname prefix "O’"
# ("O’Reilly", "O’Hare"): a surname, and English writes the surname last, so an "O’X" word before another
# capitalised word opens a firm's or a place's name ("O’Reilly Automotive", "O’Hare Airport")
_APOSTROPHE_WORD = re.compile(r"(?!O['’])[A-Z][a-z]{0,3}['’][A-Z][a-z]+")
_APOSTROPHE_NAME = re.compile(rf"(?:(?<=[\s(“\"‘])|^)({_APOSTROPHE_WORD.pattern})\s$")
# words that make a two-word name a firm's, a body's or a facility's whatever its first word ("D’Angelo
# Group", "Le’Roy Airport"): a legal or trade form, a business's kind or a building's; no person's surname
_FIRM_OR_FACILITY = frozenset(
    ["inc", "corp", "co", "ltd", "llc", "plc", "group", "holdings", "international", "media", "automotive",
     "auto", "motors", "airlines", "airways", "airport", "industries", "foods", "pharmaceuticals",
     "entertainment", "records", "studios", "publishing", "capital", "partners", "ventures", "systems",
     "technologies", "labs", "energy", "insurance", "hotel", "hotels", "center", "centre", "stadium",
     "arena", "hospital", "university", "college", "institute", "foundation", "network", "news",
     "enterprises", "brands", "products", "services", "solutions", "communications", "restaurants"]
)  # fmt: skip
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
# the capitalised word right after such a span, in the same sentence; and capitalised words that open a
# clause or a phrase rather than continue a name
_JOINED_NEXT = re.compile(r" ([A-Z][\w’'-]*)\b")
_NOT_NAME_WORDS = frozenset(
    ["the", "a", "an", "i", "he", "she", "it", "we", "they", "you", "this", "that", "his", "her", "their",
     "its", "our", "my", "mr", "mrs", "ms", "dr"]
)  # fmt: skip
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


# head nouns of a group's or a body's name that a people's word opens ("the Islamic State", "the Free
# Syrian Army", "the Muslim Brotherhood", "the Arab League"): the NER sometimes tags only the people's
# word (NORP) and leaves the capitalised head outside; together they name one body. "Union" is left out
# ("the Soviet Union" is a state), and so is any title ("Russian President": a person follows); "State"
# before a state's mouthpiece ("Chinese State media", "Iranian State television") is a state's adjective
_NORP_BODY_HEAD = re.compile(
    r" (State|Army|Party|Front|Brotherhood|Movement|League|Church|Navy|Jihad)(?![\w-])(?![ \t]+[A-Z])"
    r"(?<!State(?= (?:media|television|radio|news|broadcaster|press|agency|outlets?)\b))"
)


# a list item's marker the NER took into the name after it: a bullet, an arrow or a dash, then a space
_LIST_MARKER = re.compile(r"[•·▪►◦‣*–—-]\s+")


# a possessive inside a name's span with a word after it: "Hemsworth’s Norse" (the owner, then the owned)
_INNER_POSSESSIVE = re.compile(r"(.*[A-Z][\w.-]*)['’]s\s+\S")


# roles written as capitals before a name (an office, a club job, a player's position), then a full name
# of two or more capitalised words; not "DJ" or "MC", which open stage names ("DJ Khaled")
_ROLE_ABBREVIATIONS = re.compile(
    r"(?:(?:GM|CEO|CFO|COO|CTO|CIO|VP|SVP|EVP|PM|MP|MEP|QB|RB|WR|TE|LB|CB|DA|AG)\s+)+"
    r"(?=[A-Z][\w.’'-]*\s+[A-Z])"
)
# an owner's possessive ("’s", or a bare apostrophe after "s") and a full name after it: "CNN’s Jake Tapper",
# "Fox News’ Sean Hannity"
_OUTLET_OWNED = re.compile(r"(.*?[A-Za-z])(?:['’]s|(?<=s)['’])\s+((?:[A-Z][\w.’'-]*\s+)+[A-Z][\w’'-]*)")


def _free(ents: list[Ent], start: int, end: int, skip: Ent) -> bool:
    return not any(o is not skip and o.start < end and start < o.end for o in ents)


def grown_spans(text: str, ents: list[Ent]) -> list[Ent]:
    """Spans the NER cut or ran on: a span closing on a function word is cut before it (or grown over the
    next capitalised word where "and"/"of" joins a body's or a place's name); a body's name after its
    head noun and "of"; a full name after a given name written with an inner apostrophe, and a two-word
    ORG opening with such a given name retyped PERSON; a people's word (NORP) before a capitalised body
    noun grown over it into the body's name. The grown span keeps nothing else's words (it
    only grows over words no other entity holds)."""
    out: list[Ent] = []
    for e in ents:
        marker = _LIST_MARKER.match(e.text) if e.label in _NAME_LABELS else None
        if marker and marker.end() < len(e.text):
            # "• Dana Quell, a witness, said": a list's bullet glued to the name opening the item is no part
            # of it (signal: no name opens with a bullet or a dash set apart by a space)
            e = Ent(e.start + marker.end(), e.end, e.label, e.text[marker.end() :])
        tail = _TRAILING_FUNCTION.search(e.text) if e.label in _NAME_LABELS else None
        if tail and re.search(r"\b[A-Z]", e.text[: tail.start()]):
            # "Marks and [Spencer]", "Trinidad and [Tobago]", "Bank of [England]": a name joined by "and"
            # or "of" runs on over the capitalised word right after it, which no other entity holds (the
            # NER stopped one word short); a person's name is never joined so ("Harry and Meghan" are two),
            # and two places joined by "and" are a list unless the pair is one state's name the country
            # table knows ("Trinidad and Tobago"; "Iceland and Norway" are two)
            more = _JOINED_NEXT.match(text, e.end) if e.label != "PERSON" else None
            joins = tail.group(0).split()[0] in ("and", "of")
            if joins and more and more.group(1).lower() not in _NOT_NAME_WORDS:
                end = e.end + more.end(1) - more.start()
                grown = text[e.start : end]
                one_place = e.label == "ORG" or re.sub(r"^the\s+", "", grown) in country_names()
                if one_place and _free(ents, e.end, end, e):
                    e = Ent(e.start, end, e.label, grown)
            if _TRAILING_FUNCTION.search(e.text):
                e = Ent(e.start, e.start + tail.start(), e.label, e.text[: tail.start()])
        head = _NORP_BODY_HEAD.match(text, e.end) if e.label == "NORP" and not e.text.isupper() else None
        if head and _free(ents, e.end, e.end + len(head.group(0)), e):
            # "the [Islamic] State have cheered": a people's word before a capitalised body noun that closes
            # the phrase is the body's name, whole (signal: a body noun capitalised mid-sentence is part of a
            # name; "an Islamic state" in lowercase is a kind of state, left alone; a capitalised word after
            # the head, "Chinese State Council", means a longer name this rule does not guess)
            e = Ent(e.start, e.end + len(head.group(0)), "ORG", text[e.start : e.end + len(head.group(0))])
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
        if name and e.text.strip().lower().rstrip(".") in _FIRM_OR_FACILITY:
            name = None  # "D’Angelo [International]": a firm's or a facility's name, whoever it is named after
        if name:
            # "Le’Veon [Bell] added a run": the tokenizer split the given name at its apostrophe and the
            # NER, seeing a lone capitalised word, typed it a body; with its given name it is a person's
            # full name (signal: an apostrophe between two capitalised parts is a name's spelling,
            # D’Angelo, O’Neal; a possessive's "s" is lowercase)
            start = e.start - len(name.group(1)) - 1
            if _free(ents, start, e.start, e) and text[start : e.start] == name.group(1) + " ":
                e = Ent(start, e.end, "PERSON", text[start : e.end])
        role = _ROLE_ABBREVIATIONS.match(e.text) if e.label == "PERSON" else None
        if role:
            # "GM Ryan Pace", "CEO Tim Cook": a role's abbreviation the NER took into a full name is the
            # role, no part of the name (the same person is "Ryan Pace" elsewhere)
            e = Ent(e.start + role.end(), e.end, e.label, e.text[role.end() :])
        outlet_owned = _OUTLET_OWNED.fullmatch(e.text) if e.label == "PERSON" else None
        if outlet_owned and is_outlet(outlet_owned.group(1)):
            # "[CNN’s Jake Tapper] asked": a news outlet's possessive before a full name (two or more
            # capitalised words) names its journalist; the person is the name after the possessive, the
            # outlet no person (the owner cut below would keep "CNN" typed PERSON)
            cut = e.start + outlet_owned.start(2)
            e = Ent(cut, e.end, e.label, outlet_owned.group(2))
        owner = _INNER_POSSESSIVE.match(e.text) if e.label == "PERSON" else None
        if owner:
            # "Mr. [Hemsworth’s Norse] god": the NER ran a person's name on over the possessive into what he
            # owns; a person's name never holds a possessive before another word (an inner apostrophe of a
            # name, "D’Angelo", has no "s" and space after it), so the name is the owner's alone
            e = Ent(e.start, e.start + owner.end(1), e.label, owner.group(1))
        words = e.text.split()
        if (
            e.label == "ORG"
            and len(words) == 2
            and _APOSTROPHE_WORD.fullmatch(words[0])
            and words[1].istitle()
            and words[1].lower().rstrip(".") not in _FIRM_OR_FACILITY
        ):
            e = Ent(e.start, e.end, "PERSON", e.text)  # "Le’Veon Bell" typed ORG whole: the same signal
        out.append(e)
    return out


def split_bodies(text: str, ents: list[Ent]) -> list[Ent]:
    """A one-word body and a one-word "person" with a single space between, and no capitalised word
    after: one company's name the NER cut in two ("worked for [Lockheed] [Martin], the aerospace
    company" -> "Lockheed Martin"). Signal: a person's name never follows a body's name with nothing
    between them in running prose (a title, "CEO", or a comma stands there); a credit line's "Reuters
    Kevin Lamarque" runs on with a second capitalised word, and stays."""
    out: list[Ent] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and e.label == "ORG"
            and nxt.label == "PERSON"
            and text[e.end : nxt.start] == " "
            and " " not in e.text.strip()
            and " " not in nxt.text.strip()
            and e.text[:1].isupper()
            and not re.match(r"\s*[A-Z]", text[nxt.end : nxt.end + 3])
        ):
            out.append(Ent(e.start, nxt.end, "ORG", text[e.start : nxt.end]))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


# the bodies of the sky English names with "the": a closed class, never a person's or a body's name after
# "the" ("landed on the Moon", "orbits the Sun"); President Moon is never "the Moon"
_SKY = frozenset(["moon", "sun", "earth"])


def sky_bodies(text: str, ents: list[Ent]) -> list[Ent]:
    """"the Moon" the NER typed a person (or a body) is the place in the sky. Signal: "the" before a
    single capitalised word that names the Moon, the Sun or the Earth."""
    out = []
    for e in ents:
        if e.label in ("PERSON", "ORG", "GPE") and e.text.strip().lower() in _SKY and re.search(
            r"\b[Tt]he\s+$", text[max(0, e.start - 4) : e.start]
        ):
            e = Ent(e.start, e.end, "LOC", e.text)
        out.append(e)
    return out


def exclamations(text: str, ents: list[Ent]) -> list[Ent]:
    """A one-word ORG that is a whole sentence opening a quotation ("'Stupid. What this race needs is a
    red flag'") is an exclamation, no body: dropped, unless the article writes that word as a name
    elsewhere, the alias table knows it for a body, or it lacks an exclamation's shape (``_exclaims``:
    "'Facebook. That is where they meet'" names the firm). Signal: speech opens with a one-word
    exclamation or judgement ("Stupid.", "Unbelievable!"), an adjective, an adverb or an interjection;
    the NER typed a capitalised word it could not place."""
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
            and _exclaims(word)
            and _OPENS_QUOTE.search(text, max(0, e.start - 3), e.start)
            and _ENDS_SENTENCE.match(text, e.end)
        ):
            continue
        out.append(e)
    return out


# an exclamation of speech is an adjective or an adverb ("Stupid.", "Unbelievable!", "Honestly."), read by
# its derivational ending, or one of the interjections and judgements news quotes; a firm's coined name
# ("Facebook", "Google") has neither shape
_EXCLAIMING_ENDS = re.compile(
    r"(?:ful|ous|ble|ive|ic|ical|al|ly|less|ish|id|ent|ant|ed|ing|est|ary|ory|ible|ile|ate)$"
)
_INTERJECTIONS = frozenset(
    ["wow", "yes", "no", "oh", "ah", "well", "great", "good", "fine", "nice", "bad", "sure", "right",
     "wrong", "rubbish", "nonsense", "thanks", "cheers", "never", "enough", "sorry", "shame", "madness",
     "disgraceful", "unreal", "crazy", "silly", "ugly", "awful", "nasty", "dreadful", "perfect", "done"]
)  # fmt: skip


def _exclaims(word: str) -> bool:
    """Whether a capitalised word has an exclamation's shape and is no body the alias table knows."""
    low = word.lower()
    known = aliases().get(low)
    if known and known[1] != "place":
        return False
    return low in _INTERJECTIONS or _EXCLAIMING_ENDS.search(low) is not None


# verbs only a body does, never an award or a contest: it speaks, raises or spends money, hires, sues
_BODY_VERB = (
    r"\s+(?:said|says|told|tells|announced|announces|raised|raises|hired|hires|sued|sues|spent|spends|"
    r"paid|pays|urged|urges|warned|warns|confirmed|confirms|denied|denies|funded|funds|employs|employed)\b"
)


def awards(ents: list[Ent], text: str = "") -> list[Ent]:
    """A PERSON or ORG name headed by an award's or a contest's noun ("Heisman Trophy", "Grammy Awards",
    "the Pyeongchang Olympics") is typed EVENT, a class the link step does not keep: an award or a
    contest is neither a person nor a body (its organiser has its own name). Signal: English names
    awards and contests after a head noun of that kind, written last. An ORG one that ``text`` makes the
    subject of a body's verb ("The Special Olympics raised money", ``_BODY_VERB``) is a body named after
    its event (a charity, an organiser), with every mention of it in the text: an award never speaks
    or spends."""
    acting = {
        e.text.strip()
        for e in ents
        if e.label == "ORG" and text and re.match(_BODY_VERB, text[e.end : e.end + 20])
    }
    return [
        Ent(e.start, e.end, "EVENT", e.text)
        if e.label in ("PERSON", "ORG")
        and _AWARD_HEAD.search(e.text.strip())
        and not (e.label == "ORG" and e.text.strip() in acting)
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
        # (a place is kept: "MP" for a state beside "MPs", members of parliament, is still the state)
        if e.label in ("PERSON", "ORG", "NORP") and re.fullmatch(r"[A-Z]{2,5}", word):
            if word not in plural:
                plural[word] = re.search(rf"(?<![\w'’]){word}s\b", text) is not None and not _acts(text, word)
            if plural[word]:
                continue
        out.append(e)
    return out


# "The YMCA said", "the VA has": a definite singular as the subject of a finite verb is a body the text
# has act; a count noun's abbreviation ("an RBI double", "the EV market") is written before a noun
_FINITE_AFTER = (
    r"\s+(?:said|says|told|tells|added|announced|is|was|has|had|will|would|can|could|may|might|must|"
    r"should|did|does|[a-z]{3,}ed)\b"
)
# the indefinite article or a quantifier before the singular: a count noun ("an EV", "each NGO"), which no
# body's or place's own name takes
_COUNTED = r"\b(?i:a|an|one|another|each|every|any)\s+"


def _acts(text: str, word: str) -> bool:
    """Whether the text writes "the <word> <finite verb>" and never counts the singular (``_COUNTED``):
    a body's name with local branches ("The YMCA said that local YMCAs ..."), not a common noun."""
    if re.search(rf"{_COUNTED}{word}\b", text):
        return False
    return re.search(rf"\b[Tt]he\s+{word}{_FINITE_AFTER}", text) is not None
