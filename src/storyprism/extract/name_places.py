"""Which thing a place's name stands for in one article (``name_types.drop_non_names`` runs these last):

- a name a US state and a city share ("New York", "Washington"): the text marks the state ("New York
  state", "the state of Washington", a town written before it as its address, "Scarsdale, New York")
  and the capital with its district ("Washington, D.C."); the span grows over those words (or, where
  none is the state's own, the name is written as the state on its span), so the link step keys the
  state and the city apart (``link_types.shared_place_key``);
- a city standing for its club in a game story ("Cleveland scored", "beat Arizona", "Arizona's 26-24
  victory"): the club the article names after the city, typed ORG;
- a racing team or a car's make typed PERSON ("the Williams driver", "his Williams car"): a body, with
  every mention of the word in the article.

Each rule names its signal; the one list of names is ``SHARED_STATE_CITY`` (data: the US states whose
name a major city also bears)."""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent
from storyprism.extract.name_fragments import US_STATES
from storyprism.extract.name_votes import _sporting

# US states whose name a major city bears as well: the bare name reads as the city (news writes the city
# so), the state only where the text says so
SHARED_STATE_CITY = frozenset(["New York", "Washington"])

# a shared name coordinated with a state is the state ("families from New York and Florida")
_WITH_STATE_BEFORE = re.compile(rf"\b(?:{US_STATES})(?:,|,?\s+(?:and|or))\s+$")
# (a state that opens a longer name is no state in the list: "Kansas City", "Ohio State", "Texas A&M")
_WITH_STATE_AFTER = re.compile(rf"(?:,|,?\s+(?:and|or))\s+(?:{US_STATES})\b(?!\s+[A-Z&])")
# "Austin, Texas, and New York": the state before closes a town's address, so the list is one of towns
# (a list of states has a state before each state: "Maine, Vermont, New York")
_ADDRESS_HEAD = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s+$")
_IS_STATE = re.compile(rf"(?:.*\s)?(?:{US_STATES}|New York|Washington)")


def _listed_with_state(text: str, e: Ent) -> bool:
    """The name is coordinated with a US state: "New York and Florida", "Maine, Vermont, New York"; not
    where the state is a town's address ("Austin, Texas, and New York") or opens a longer name ("New York
    and Kansas City")."""
    if _WITH_STATE_AFTER.match(text, e.end):
        return True
    before = _WITH_STATE_BEFORE.search(text, max(0, e.start - 30), e.start)
    if before is None:
        return False
    if "," not in before.group(0):
        return True  # an address's state is closed by a comma; "Yesterday, Texas and New York" is a list
    head = _ADDRESS_HEAD.search(text, max(0, before.start() - 40), before.start())
    return head is None or _IS_STATE.fullmatch(head.group(1)) is not None


# "New York Gov. Andrew Cuomo", "Washington Attorney General": a state's officers
_STATE_OFFICE_AFTER = re.compile(
    r"\s+(?:Gov\.|Governor|governor|Lt\.\s+Gov|Attorney\s+General|attorney\s+general|state\s+legislature|"
    r"Legislature|State\s+Assembly|state\s+senator|State\s+Senate)"
)

# "New York state", "Washington State": the noun right after the name (not the first word of a longer
# name: "Washington State University", "New York State Police" are the NER's bodies)
_STATE_AFTER = re.compile(r"\s+[Ss]tate\b(?!\s+[A-Z])")
_STATE_BEFORE = re.compile(r"\b[Ss]tate\s+of\s+$")
# "Washington, D.C.", "Washington DC": the capital named with its district
_DISTRICT_AFTER = re.compile(r",?\s+(?:D\.\s?C\.?|DC)(?![\w])")


def _bare(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip())


def state_or_city(text: str, ents: list[Ent]) -> list[Ent]:
    """Spans of a shared state/city name grown over the words that say which it is: "the state of X" and
    "X state" (the state), "X, D.C." (the capital). After a town as its address ("Scarsdale, New York":
    the town a place, whatever the NER typed it), coordinated with another state or before a state's
    officer ("New York and Florida", "New York Gov."), the name is written as the state on its own span.
    Signal: English marks the state of a name a city shares with "state", an address, a list of states or
    a state's office; unmarked, the name is the city's."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Ent] = []
    towns: set[str] = set()  # towns the NER typed bodies, found places by their address
    for e in ents:
        if e.label not in ("GPE", "LOC", "ORG") or _bare(e.text) not in SHARED_STATE_CITY:
            out.append(e)
            continue
        name = _bare(e.text)
        if name != e.text.strip():
            out.append(e)  # a possessive ("New York's") is written before a noun, never with "state"
            continue
        prev = out[-1] if out else None
        after = _STATE_AFTER.match(text, e.end)
        before = _STATE_BEFORE.search(text, max(0, e.start - 12), e.start)
        district = _DISTRICT_AFTER.match(text, e.end) if name == "Washington" else None
        if before:
            s = before.start()
            out.append(Ent(s, e.end, "GPE", text[s : e.end]))
        elif after:
            out.append(Ent(e.start, after.end(), "GPE", text[e.start : after.end()]))
        elif district:
            # the NER may have typed the district on its own right after: it is part of this name
            end = district.end()
            out.append(Ent(e.start, end, "GPE", text[e.start : end]))
        elif (
            prev is not None
            # (a town the NER typed a body is a place before ", X" closed by punctuation: the signal of
            # name_types.place_appositions, which runs after this)
            and (
                prev.label in ("GPE", "LOC")
                or (
                    prev.label == "ORG"
                    and len(prev.text.split()) <= 2
                    and re.match(r"\s*[,.;)]", text[e.end :])
                )
            )
            and re.fullmatch(r",\s", text[prev.end : e.start])
            and prev.text.strip()[:1].isupper()
            and _bare(prev.text) not in SHARED_STATE_CITY
            # an address, not a list of places ("Maine, Vermont, New York, Massachusetts")
            and not re.search(r"(?:,|\band|\bor)\s+$", text[max(0, prev.start - 6) : prev.start])
            and not re.match(r",?\s+(?:and|or)\s|,\s+[A-Z]", text[e.end : e.end + 8])
        ):
            # the town keeps its own span and text (a grown "Scarsdale, New York" would be a name of its own
            # in the corpus vote and split from the town's bare mentions); the address's last part is the
            # state, written so on its span as below
            out[-1] = Ent(prev.start, prev.end, "GPE", prev.text)
            out.append(Ent(e.start, e.end, "GPE", f"{name} state"))
            if prev.label == "ORG":
                towns.add(_bare(prev.text))
        elif _STATE_OFFICE_AFTER.match(text, e.end) or (
            _listed_with_state(text, e) and not re.match(r"\s+City\b", text[e.end : e.end + 6])
        ):
            # no word to grow over: the mention keeps its span and is written as the state it names, so the
            # link step keys it apart from the city (its text then says more than its span)
            out.append(Ent(e.start, e.end, "GPE", f"{name} state"))
        else:
            out.append(e)
    # drop what a grown span now covers ("D.C." the NER typed on its own inside "Washington, D.C.")
    kept: list[Ent] = []
    for e in out:
        if any(
            o is not e and o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end)
            for o in out
        ):
            continue
        kept.append(e)
    if towns:
        # the address shows the town a place: its other mentions the NER typed a body are the same town
        # (one text keeps one sense of a name, as name_types.place_appositions, which the grown span hides)
        kept = [Ent(e.start, e.end, "GPE", e.text) if e.label == "ORG" and _bare(e.text) in towns else e for e in kept]
    return kept


# a place's club in a game story: the place is a verb's subject only a team takes ("Cleveland scored",
# "Arizona lost that game", "Cleveland had led the series"), the object of a win ("beat Arizona", "a
# victory over Oakland"), or the owner of a score or a team's noun ("Arizona's 26-24 victory")
_GAME_VERB_AFTER = re.compile(
    r"\s+(?:(?:had|has|have|then|eventually|finally)\s+)?(?:scored|scores|won|wins|lost|loses|beat|beats|"
    r"defeated|trailed|trails|rallied|rallies|edged|routed|clinched|escaped|outscored|outlasted|swept|"
    r"blanked|equali[sz]ed|fumbled|spilled|reduced\s+the\s+deficit|led\s+(?:the\s+series|\d))\b"
)
_GAME_OBJECT_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|defeat|outlasted|outlasting|routed|swept|blanked|edged|"
    r"(?:victory|win|triumph|loss|defeat)\s+(?:over|against|to))\s+$"
)
_TEAM_OWNED_AFTER = re.compile(
    r"['’]s?\s+(?:\d{1,3}-\d{1,3}\s+(?:victory|win|loss|defeat)|(?:quarterback|pitcher|coach|head\s+coach|"
    r"offen[cs]e|defen[cs]e|bullpen|roster|lineup|line-up|starting\s+pitcher|manager|goalkeeper|striker|"
    r"win|victory|loss|defeat|lead)\b)"
)


# "Houston's skid", "on Houston's next possession", "Houston cornerback Kevin Johnson": a game's run, a
# possession or a player's position owned by a place name, possessive or not; only a club has these
# (a city has a mayor, a port or weather, never a cornerback or a losing skid)
_TEAM_PART_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:next|only|first|last|opening|final|losing|winning|offensive|starting|backup|top)"
    r"\s+)?(?:skid|streak|possessions?|drives?|points|touchdowns?|field\s+goals?|cornerbacks?|linebackers?|"
    r"receivers?|running\s+backs?|(?:defensive|tight)\s+ends?|tackles?|safety|kickers?|punters?|"
    r"quarterbacks?|pitchers?|outfielders?|infielders?|shortstop|catcher|closer)\b"
)


def _clubs(ents: list[Ent]) -> dict[str, str]:
    """place -> the one club the article names after it ("Cleveland Indians"), or "" where it names two
    and writes neither's last word alone; the club whose last word the article uses alone ("the Indians")
    is the one a game story means."""
    alone = {e.text.strip() for e in ents if " " not in e.text.strip()}
    named: dict[str, set[str]] = {}
    for e in ents:
        name = re.sub(r"^[Tt]he\s+", "", e.text.strip())
        words = name.split()
        if e.label in ("ORG", "NORP") and 2 <= len(words) <= 3 and _CLUB_TAIL.fullmatch(words[-1]):
            named.setdefault(" ".join(words[:-1]), set()).add(name)
    out = {}
    for place, clubs in named.items():
        if len(clubs) > 1:
            clubs = {c for c in clubs if c.split()[-1] in alone}
        out[place] = next(iter(clubs)) if len(clubs) == 1 else ""
    return out


_CLUB_TAIL = re.compile(r"[A-Z][a-z]+s")  # a club's plural nickname ("Indians", "Cardinals", "76ers" aside)


def city_teams(text: str, ents: list[Ent]) -> list[Ent]:
    """A place in a game story (a score or a record outside a vote's tally: ``_sporting``) that is a game
    verb's subject, a win's object or the owner of a score or a team's noun, where the article names the
    club after that place ("Cleveland Indians"), is that club: ORG, written as the club's name on the
    place's span (so the link step joins it to the club; a corpus vote would make a bare "Cleveland" the
    city again). Signal: sports writing names a club by its city, and only a club scores, wins or leads a
    series; the city itself ("In Cleveland, fans ...") keeps its type."""
    if not any(e.label == "GPE" for e in ents) or not _sporting(text):
        return ents
    clubs = _clubs(ents)
    out = []
    for e in ents:
        club = clubs.get(_bare(e.text)) if e.label in ("GPE", "ORG") else None
        if club and e.text.strip()[:1].isupper():
            bare_end = e.start + len(_bare(e.text)) if e.text.rstrip().endswith(("'s", "’s")) else e.end
            if (
                _GAME_VERB_AFTER.match(text, e.end)
                or _GAME_OBJECT_BEFORE.search(text, max(0, e.start - 30), e.start)
                or _TEAM_OWNED_AFTER.match(text, bare_end)
                or _TEAM_PART_AFTER.match(text, bare_end)
            ):
                out.append(Ent(e.start, e.end, "ORG", club))
                continue
        out.append(e)
    return out


# "the Williams driver", "his Williams car", "a Ferrari engine": a one-word name typed PERSON set before
# a racing noun without a possessive is a team's or a make's; a person is written as an owner ("Massa's
# car"), not as a noun's modifier here
_MAKE_AFTER = re.compile(r"\s+(?:drivers?|cars?|engines?|chassis|team-?mates?|pit\s+crew|pit\s+wall)\b")
_MAKE_BEFORE = re.compile(r"\b(?:(?i:the|a|an|his|her|their|its)|[A-Z][a-z]+['’]s?)\s+(?:[a-z]+\s+)?$")


def makes(text: str, ents: list[Ent]) -> list[Ent]:
    """One-word PERSON names the article writes before "driver", "car" or "engine" as a modifier are a
    racing team's or a make's (ORG), in every mention of the article. Signal: English names a driver or a
    car after the team or make, the way it never names one after a person without "'s"."""
    found = {
        e.text.strip()
        for e in ents
        if e.label == "PERSON"
        and re.fullmatch(r"[A-Z][a-z]+", e.text.strip())
        and _MAKE_AFTER.match(text, e.end)
        and _MAKE_BEFORE.search(text, max(0, e.start - 20), e.start)
    }
    # (a name the article writes after an honorific is a person's, whose family owns the car: "the Brandt
    # car was found outside; Mr Brandt said")
    found = {n for n in found if not re.search(rf"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+{n}\b", text)}
    if not found:
        return ents
    return [
        Ent(e.start, e.end, "ORG", e.text) if e.label == "PERSON" and _bare(e.text) in found else e
        for e in ents
    ]


def place_senses(text: str, ents: list[Ent]) -> list[Ent]:
    """This module's fixes, in order."""
    return makes(text, city_teams(text, state_or_city(text, ents)))
