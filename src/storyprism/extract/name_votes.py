"""Type fixes that weigh one article's own readings of a name against the NER's slip on one mention, and
sports conventions that mark a team (``name_context.in_context`` runs them):

- a person named in full and then by one part alone: "Morgan Freeman" typed ORG beside "Freeman" typed
  PERSON, "Harvey" typed GPE in a quote beside "Harvey Weinstein" and "Harvey" typed PERSON;
- a people's word with a win-loss record after it, "the Texans (4-11)": a team's standing, so the team.

Each rule names its signal; none knows a particular name."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from storyprism.extract.ents import Ent
from storyprism.extract.name_chrome import junk_name
from storyprism.extract.name_fragments import country_names
from storyprism.extract.name_words import _TITLES
from storyprism.models import import_spacy

import_spacy()  # spaCy's package first, the way every process imports it (without torch)
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(c.lower() for c in country_names())


_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?")
# a win-loss(-tie) record in brackets right after a name, "the Texans (4-11)", "Pittsburgh (12-3-1)":
# US sports writing gives a team's standing so; no people or person is written with one
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_THE_OPENS = re.compile(r"^[Tt]he\s+")
_MEMBER_AFTER = re.compile(
    r"['’]?s?\s+(?:head\s+|assistant\s+)?(?:coach|coaches|teammate|teammates|players?|fans|officials?|"
    r"spokes(?:man|woman|person)|executives?|chief|CEO|chairman|board|staff|employees|members?)\b"
)
_RECORD_AFTER = re.compile(r"\s*\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)")
# a record in brackets or a game's score ("won 24-17", "a 3-1 win", "saw off the Indians 8-7": a score
# straight after a capitalised plural): the marks of a sports story
_SCORE = re.compile(
    r"\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)|\b\d{1,3}-\d{1,3}\s+(?:win|victory|loss|defeat|lead)\b"
    r"|\b(?:beat|beats|defeated|won|lost|trailed|led|routed|edged)\s+(?:\w+\s+){0,4}\d{1,3}-\d{1,3}\b"
    r"|\b[A-Z][a-z]+[^s\W]s\s+\d{1,3}-\d{1,3}\b"
)

# words of a vote's tally: "the measure passed 52-48", "the Senate voted 51-49" (a margin, not a game's score)
# (case kept: "Bills" and "house" are a team and a crowd's word in a game story; "Senate" is a chamber)
_VOTE_WORDS = re.compile(
    r"\b(?:[Vv]ot(?:e|es|ed|ing|ers?)|[Bb]allots?|[Mm]easures?|bill|[Rr]eferendum|[Ee]lections?|[Tt]urnout|"
    r"[Ss]enators?|[Ll]awmakers|[Dd]elegates|Senate|House|Congress|Parliament)\b"
)


def _sporting(text: str) -> bool:
    """Does the article give a score or a record (``_SCORE``) outside a vote's tally? Signal: a score
    ("won 24-17") marks a sports story, but a vote margin is written the same way ("won 52-48"); a score
    whose sentence speaks of a vote, a measure or voters is a tally, no sign of a game."""
    for hit in _SCORE.finditer(text):
        lead = max(text.rfind(". ", 0, hit.start()), text.rfind("\n", 0, hit.start())) + 1
        ends = [i for i in (text.find(". ", hit.end()), text.find("\n", hit.end())) if i >= 0]
        if not _VOTE_WORDS.search(text, lead, min(ends) if ends else len(text)):
            return True
    return False


def person_slips(text: str, ents: list[Ent]) -> list[Ent]:
    """A full name of two or three capitalised words typed ORG whose last word the same article types
    PERSON on its own ("Morgan Freeman" ORG, then "Freeman mouths ..." PERSON) is that person. Signal: news
    names a person in full and then by surname, so the surname's PERSON reading is the article's own vote
    on the full name.

    Left to the NER: a name the article ever writes after "the" or before a member's noun (a body's:
    ``bodies``), a name led by a word the article types as a place, a people or a body ("Philadelphia
    Eagles": a team), a name holding a function word ("All Things Tech": a title) or a possessive, and a
    surname that is a country's name."""
    countries = _countries()
    lone_person = Counter(e.text.strip() for e in ents if e.label == "PERSON" and " " not in e.text.strip())
    not_person = {
        e.text.strip() for e in ents if e.label in ("GPE", "LOC", "NORP", "ORG") and " " not in e.text.strip()
    }
    # a name the article ever writes after "the" ("play for the Memphis Hustle") or before a member's or
    # an officer's noun ("Memphis Hustle coach") is a body's: English gives a person neither
    # (a span that opens with the article itself, "The Memphis Hustle" at a sentence's start, counts too)
    bodies = {
        _THE_OPENS.sub("", e.text.strip())
        for e in ents
        if _THE_OPENS.match(e.text.strip())
        or _THE_BEFORE.search(text, max(0, e.start - 4), e.start)
        or _MEMBER_AFTER.match(text, e.end)
    }
    # a surname the article gives a person named in full ("analyst Kate Martin ... Martin added") is that
    # person's: a body ending in it ("Lockheed Martin") is no slip for her
    owned: dict[str, set[str]] = {}
    for e in ents:
        words = e.text.strip().split()
        if e.label == "PERSON" and len(words) >= 2:
            owned.setdefault(words[-1], set()).add(words[0])
    out = []
    for e in ents:
        name = e.text.strip()
        words = name.split()
        if (
            e.label == "ORG"
            and name not in bodies
            and 2 <= len(words) <= 3
            and not (owned.get(words[-1], set()) - {words[0]})
            and all(_WORD.fullmatch(w) and w.lower() not in STOP_WORDS for w in words)
            and not re.search(r"['’]s\b", name)
            and words[0] not in not_person
            and lone_person[words[-1]] >= 1
            and words[-1].lower() not in countries
        ):
            out.append(Ent(e.start, e.end, "PERSON", e.text))
            continue
        out.append(e)
    return out


_WORDS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))((?:[A-Z][\w'’.-]*\s){1,2})$")


def cut_names(text: str, ents: list[Ent]) -> list[Ent]:
    """A mention the NER cut after a name's first words ("Boko [Haram] camp" in a story that writes "Boko
    Haram" as a name elsewhere) is that name: the span grows back over the capitalised words before it,
    with the type the article's whole name has. Signal: the same words written as one name elsewhere in
    the same article; a name's first words are not dropped by the writer, only by the model's span."""
    whole: dict[str, str] = {}
    for e in ents:
        name = _THE_OPENS.sub("", e.text.strip())
        if " " in name:
            whole.setdefault(name, e.label)
    if not whole:
        return ents
    taken = [(e.start, e.end) for e in ents]
    out = []
    for e in ents:
        hit = _WORDS_BEFORE.search(text, max(0, e.start - 60), e.start)
        if hit:
            for cut in range(len(hit.group(1).split()), 0, -1):
                words = hit.group(1).split()[-cut:]
                name = " ".join(words) + " " + e.text.strip()
                start = e.start - len(" ".join(words)) - 1
                if (
                    name in whole
                    and words[0].lower() not in STOP_WORDS  # "An African-American": a sentence's article
                    and not junk_name(name)  # "Getty Images Massa": a photo credit glued to a caption's name
                    # "Aides to President [Kora Blake]": a title before a person's full name is no part of
                    # the name (the NER leaves it out on purpose); "General Motors" is no person, may grow
                    # (only before a full name: a one-word nickname may hold its title, "Dr Doom")
                    and not (
                        whole[name] == "PERSON"
                        and " " in e.text.strip()
                        and any(w.lower().rstrip(".") in _TITLES for w in words)
                    )
                    and text[start : e.start] == " ".join(words) + " "
                    and not any(s < e.start and t > start for s, t in taken)
                ):
                    e = Ent(start, e.end, whole[name], text[start : e.end])
                    break
        out.append(e)
    return out


def record_teams(text: str, ents: list[Ent]) -> list[Ent]:
    """A people's word (NORP) the article writes with a win-loss record after it ("romped over the lowly
    Texans (4-11)") is a team: every NORP mention of that word in the article becomes ORG. Signal: a
    standing in brackets after a name is how sports writing gives a team's record, and within one game
    story the plural names the team, not the people of its state. So is a NORP plural led by a place the
    article names ("Houston Texans")."""
    ents = _joined_teams(text, ents)
    teams = {e.text.strip() for e in ents if e.label == "NORP" and _RECORD_AFTER.match(text, e.end)}
    # "Houston Texans" typed NORP: a place the article names, set before a plural, names a team or a club;
    # a people is called by its own word, never by a city before it
    # (a club is written with "the" before its city, "hosts the Burlington Vermonters", or in a story that
    # gives a record or a score; "Texas Democrats walked out", with neither, is a party's state caucus)
    places = {e.text.strip() for e in ents if e.label == "GPE"}
    sporting = _sporting(text)
    for e in ents:
        words = e.text.strip().split()
        if (
            e.label == "NORP"
            and len(words) >= 2
            and words[-1].endswith("s")
            and " ".join(words[:-1]) in places
            and (sporting or _THE_BEFORE.search(text, max(0, e.start - 4), e.start))
        ):
            teams.add(e.text.strip())
    if not teams:
        return ents
    return [
        Ent(e.start, e.end, "ORG", e.text) if e.label == "NORP" and e.text.strip() in teams else e
        for e in ents
    ]


_PLURAL_WORD = re.compile(r"[A-Z][a-z]+[^s\W]s")  # one capitalised plural word ("Indians"; not "Congress")


def _joined_teams(text: str, ents: list[Ent]) -> list[Ent]:
    """A place and a people's or a person's plural word the NER split with one space between them
    ("Cleveland" GPE, "Indians" NORP; "Florida" GPE, "Marlins" PERSON) are one club's name: one ORG span.
    Signal: a place set directly before a capitalised plural names a team or a club (the signal of
    ``record_teams``), in a story that gives a score or a record (not a vote's tally: ``_sporting``); a
    possessive place ("South Korea's Samsung") or a line break between them (a caption's end) keeps them
    apart. "The" alone is no sign: "turnout among the Florida Cubans" names a people of a state."""
    if not ents:
        return ents
    sporting = _sporting(text)
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Ent] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None
            and e.label == "GPE"
            and nxt.label in ("NORP", "PERSON")
            and text[e.end : nxt.start] == " "
            and not re.search(r"['’]s?$", e.text.strip())
            and _PLURAL_WORD.fullmatch(nxt.text.strip())
            and sporting
        ):
            out.append(Ent(e.start, nxt.end, "ORG", text[e.start : nxt.end]))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


# what only a person does or has, right after a lone name: kin ("X's cousin"), a performer's works ("X's
# new album"), mourning, being born, posting to a feed ("X tweeted", "X captioned the video"). A town
# has none of these (its "fans", "concert" and "tour" may be a club's or a venue's, so they are left out):
# a one-word name the NER typed a place is a person's where the article writes it so (a singer known by
# one name: "Rihanna is mourning her cousin")
_PERSON_AFTER = re.compile(
    r"['’]s\s+(?:(?:late|new|latest|own|younger|older|elder|baby|debut|hit)\s+)?"
    r"(?:cousin|mother|mom|mum|father|dad|brother|sister|son|daughter|husband|wife|boyfriend|girlfriend|"
    r"fianc[ée]e?|uncle|aunt|nephew|niece|grandmother|grandfather|grandson|granddaughter|album|song|single)\b"
    r"|\s+(?:is|was)\s+(?:mourning|born)\b"
    r"|\s+(?:captioned|tweeted|retweeted|instagrammed)\b"
)


# where English writes a speaker's name: inverted after the closing mark ('," said Maryam Violet.') or
# set before an apposition with "a"/"an" and a speech verb ("Maryam Violet, a witness, said")
_SAID_BEFORE = re.compile(r"[\"”'’][,.!?]?\s*(?:said|says|added|asked)\s+$|[,.!?][\"”'’]\s*(?:said|says|added|asked)\s+$")
_SAID_END = re.compile(r"\s*(?:[.;]|,\s+(?:a|an)\s+[a-z])")
_APPOSED_SAID = re.compile(r",\s+(?:a|an)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+,\s+(?:said|says|told|added)\b")
# a body's head word: "said Amnesty International, a rights group" stays a body
_BODY_HEADS = frozenset(
    ["International", "Group", "Agency", "Institute", "Association", "Council", "Party", "News", "Police",
     "Service", "Services", "Times", "Post", "Press", "Center", "Centre", "University", "Foundation",
     "Network", "Club", "Company", "Bank", "Committee", "Commission", "Organization", "Organisation",
     "Ministry", "Department", "Office", "Union", "Federation", "League", "Force", "Army", "Watch"]
)  # fmt: skip


def quoted_speakers(text: str, ents: list[Ent]) -> list[Ent]:
    """A name of two or three capitalised words typed ORG that the article writes as the speaker of
    quoted words ('," said Maryam Violet.', "Maryam Violet, a witness, said") is a person's, in every
    mention of it and of its last word alone ("Violet said") in the article. Signal: the inverted subject
    of "said" after a closing mark, ending the clause or followed by an apposition with "a", and a name
    set before ", a witness, said", is a speaker; a body is written so only under a body's head word
    (``_BODY_HEADS``), and a name led by a word the article types a place or a people is a body's
    ("Houston Methodist"). An initialism or a possessive ("said VentureBeat's Evan Blass") never qualifies."""
    placeish = {e.text.strip() for e in ents if e.label in ("GPE", "LOC", "NORP")}
    found: set[str] = set()
    for e in ents:
        name = e.text.strip()
        words = name.split()
        if (
            e.label != "ORG"
            or not 2 <= len(words) <= 3
            or not all(_WORD.fullmatch(w) and w.lower() not in STOP_WORDS for w in words)
            or words[-1] in _BODY_HEADS
            or words[0] in placeish
        ):
            continue
        inverted = _SAID_BEFORE.search(text, max(0, e.start - 14), e.start) and _SAID_END.match(text, e.end)
        if inverted or _APPOSED_SAID.match(text, e.end):
            found.add(name)
    if not found:
        return ents
    lasts = {n.split()[-1] for n in found}
    return [
        Ent(e.start, e.end, "PERSON", e.text)
        if e.label == "ORG" and (e.text.strip() in found or e.text.strip() in lasts)
        else e
        for e in ents
    ]


def lone_persons(text: str, ents: list[Ent]) -> list[Ent]:
    """A one-word name typed GPE or LOC that the article writes once at least before what only a person
    does or has (``_PERSON_AFTER``) is a person's, in every mention of it in the article. Left to the NER:
    a country's name (a country is a place whatever follows it) and a name in capitals."""
    countries = _countries()
    # (anywhere in the text, not only after a span typed a place: the NER types the same name PERSON
    # before "captioned" and GPE before "is mourning" in one story)
    persons = {
        name
        for name in {e.text.strip() for e in ents if e.label in ("GPE", "LOC")}
        if _WORD.fullmatch(name)
        and name.lower() not in countries
        and re.search(r"\b" + re.escape(name) + r"(?:" + _PERSON_AFTER.pattern + r")", text)
    }
    return [
        Ent(e.start, e.end, "PERSON", e.text)
        if e.label in ("GPE", "LOC") and e.text.strip() in persons
        else e
        for e in ents
    ]
