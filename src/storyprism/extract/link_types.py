"""Type votes of the link step that read the corpus after the per-mention rules (``linking.vote_types``):

- the vote on a name's type counts the types the rules have already mended, so a handful of mentions the
  NER typed a place ("SpaceX" GPE twice) follow the corpus's corrected reading (ORG, once every "SpaceX"
  typed PERSON is known for a brand), not its raw one;
- spellings of one name with and without spaces ("Space X" / "SpaceX") vote together;
- a name written twice in a row ("Equifax Equifax": a logo beside a headline) is the name once;
- a full name typed PERSON in one story that the corpus types a body three times as often ("Boko Haram")
  makes no person of the story's other mentions of it (``outvoted_person``);
- an organisation's key and initials (``org_key``, ``_initials``: one helper, so the link step's merge by
  initials and ``person_initials`` count "Formula One" as F1 alike), place-led bodies typed PERSON
  (``_place_led``) and clubs' nicknames (``_team_nicknames``), moved here from ``linking.py``;
- a joint institution's full name ("X Zoo & Botanical Garden") is its first part ("X Zoo") where the
  corpus writes that alone (``joined_institutions``).

Read by the link step alone (``linking.py``); nothing extraction runs imports it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from storyprism.extract.name_signals import CORP_SUFFIX, aliases, norm
from storyprism.extract.name_words import _TITLES
from storyprism.records import Mention

_TEXT_CACHE = 1 << 18  # distinct name texts of a corpus (as linking.py)
_DOUBLED = re.compile(r"^(\S+)\s+\1$")


def squash(text: str) -> str:
    """A name's letters without spaces, hyphens and dots: "Space X", "SpaceX" and "Space-X" are one
    spelling (signal: outlets space or join a brand's parts, the letters stay)."""
    return re.sub(r"[\s.\-]+", "", norm(text))


def undouble(mentions: list[Mention]) -> int:
    """A mention made of one word written twice ("Equifax Equifax") is cut to the first word: page chrome
    (a logo, then the headline's first word) set side by side, never a person's given name and surname
    (the NER then reads a full name and makes the word a surname of the article). Returns how many."""
    cut = 0
    for m in mentions:
        hit = _DOUBLED.match(m.text.strip())
        # (only a text that is its span's: a name written as the state or club it stands for on a shorter
        # span, extract/name_places.py, has no offsets to cut by its length)
        if hit and hit.group(1)[:1].isupper() and len(m.text) == m.end - m.start:
            lead = len(m.text) - len(m.text.lstrip())
            m.text = hit.group(1)
            m.start += lead
            m.end = m.start + len(m.text)
            cut += 1
    return cut


def second_vote(
    mentions: list[Mention],
    pending: list[int],
    keep: Callable[[Mention, str], bool],
    local: dict[int, str] | None = None,
) -> None:
    """The corpus vote on each pending mention's type, counted over the types every mention carries now
    (after the rules that read the name's surface the same way wherever it is written: a brand's inner
    capital, a legal form, the alias table), and over the name's squashed spelling. A mention an
    article-local rule retyped ("Hughes" after "Chris Hughes") counts with the type it had (``local``):
    one article's reading is no vote of the corpus. A type wins with two mentions at
    least and three in five of all; ``keep(m, top)`` says where the mention's own article outweighs the
    corpus (a body name the article opens)."""
    local = local or {}
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for i, m in enumerate(mentions):
        counted = local.get(i, m.type)
        if counted in ("PERSON", "GPE", "LOC", "NORP", "ORG"):
            by_name[squash(m.text)][counted] += 1
    for i in pending:
        m = mentions[i]
        votes = by_name[squash(m.text)]
        if not votes:
            continue
        top, count = votes.most_common(1)[0]
        if top != m.type and count >= 2 and count >= 0.6 * sum(votes.values()) and not keep(m, top):
            m.type = top


def paired_given(mentions: list[Mention], parts: Callable[[str], list[str]]) -> frozenset[tuple[str, str]]:
    """(article, word) pairs where a lone word the NER typed a place or a body is the given name of a
    person the article calls by surname: the article writes "Weinstein" (PERSON) and, in a quote,
    "Harvey" (GPE), and the corpus writes "Harvey Weinstein" in two articles or more. Signal: a profile
    names its subject by surname and quotes others calling him by first name; the given name and the
    surname together make a full name the corpus knows, so they are that person (as ``paired_name``
    joins them once typed PERSON). Left alone where the article writes the word inside a longer name
    that is no person's ("Hurricane Harvey") or where two full names fit."""
    spread: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "PERSON":
            p = parts(m.text)
            if len(p) >= 2:
                spread[(p[0], p[-1])].add(m.article)
    given_of: dict[str, set[str]] = defaultdict(set)
    surname_of: dict[str, set[str]] = defaultdict(set)
    for (first, last), arts in spread.items():
        if len(arts) >= 2:
            given_of[last].add(first)
            surname_of[first].add(last)
    lone_surnames: dict[str, set[str]] = defaultdict(set)
    in_other_names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        n = norm(m.text)
        if m.type == "PERSON" and " " not in n:
            lone_surnames[m.article].add(n)
        elif m.type != "PERSON" and " " in n:
            in_other_names[m.article].update(n.split())
    out: set[tuple[str, str]] = set()
    for m in mentions:
        n = norm(m.text)
        if m.type not in ("GPE", "LOC", "ORG") or " " in n or not m.text[:1].isupper() or m.text.isupper():
            continue
        fits = {s for s in lone_surnames.get(m.article, ()) if n in given_of.get(s, ())}
        # the other way round: the surname typed a body ("Tarantino" ORG) where the article calls the
        # person by given name ("Quentin", PERSON) and the corpus writes the two as one full name
        fits |= {g for g in lone_surnames.get(m.article, ()) if n in surname_of.get(g, ())}
        if len(fits) == 1 and n not in in_other_names.get(m.article, ()):
            out.add((m.article, n))
    return frozenset(out)


def family_member(tok: str, family: set[str], by_first: dict[str, set[str]]) -> str | None:
    """The corpus's one full name of a lone given name whose surname its article gives someone else in
    full: "Bruce and Irene Steinberg, along with their sons Matthew, William and Zachary" and another
    article's "Matthew B. Steinberg". Signal: a story names a family once by its surname and its children
    and spouses by first name; the given name with that surname is one person, when exactly one full name
    of the corpus fits."""
    found = {c for c in by_first.get(tok, set()) if c.split("|", 1)[-1].split()[-1] in family}
    return next(iter(found)) if len(found) == 1 else None


def place_led_groups(mentions: list[Mention]) -> int:
    """A people's word led by a place ("Houston Texans" typed NORP) that the corpus also types ORG is the
    club or body named after the place: every NORP mention of it becomes ORG. Signal: a people is called
    by its own word, never by a city set before it; the corpus's ORG reading confirms the name is a body's
    (a lone "Texans" stays the NER's). Returns how many mentions changed."""
    places = {norm(m.text) for m in mentions if m.type == "GPE"}
    orgs = {squash(m.text) for m in mentions if m.type == "ORG"}
    changed = 0
    for m in mentions:
        words = norm(m.text).split()
        if m.type == "NORP" and len(words) >= 2 and " ".join(words[:-1]) in places and squash(m.text) in orgs:
            m.type = "ORG"
            changed += 1
    return changed


def person_initials(
    mentions: list[Mention], keys: list[str | None], ner_persons: frozenset[int] = frozenset()
) -> list[str | None]:
    """An initialism ("JT") in an article that names one person in full whose given name and surname it
    spells ("Justin Timberlake") is that person, when no body of the corpus has those initials. Signal:
    news writes a famous person's initials as a nickname after the full name (JT, JFK, AOC); within the
    article that names the person, that reading is the article's own. Left alone where two persons fit,
    or where any article of the corpus writes a body with those initials, in full ("United Nations") or
    as an initialism in an article that names no person of those initials: "UN" beside an "Ursula
    Nordberg" is still the United Nations, since a body's initialism is far more common in news than a
    person's nickname.

    ``ner_persons``: indices of mentions the NER itself typed PERSON ("JT performed", read as a person by
    the model before the link step made every initialism a body). Such a one goes to the article's person
    even when a body of the corpus has the initials in full ("Japan Times"), as long as no article writes
    the initialism itself as a body's: the model's own reading in the article that names the person beats
    a body the corpus never abbreviates so, and names in full in one article at most: "UN" typed PERSON
    beside an "Ursula Nordberg" stays the United Nations once two articles write "United Nations"."""
    people: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    bodies: set[str] = set()
    short: list[tuple[str, str]] = []  # (article, initials) of every two-capital ORG mention
    written_as_body: set[str] = set()  # initialisms the NER typed a body somewhere in the corpus
    body_articles: dict[str, set[str]] = defaultdict(set)
    for i, (m, k) in enumerate(zip(mentions, keys, strict=True)):
        if not k:
            continue
        if i not in ner_persons and k.startswith("org|") and re.fullmatch(r"[A-Z]{2}", m.text.strip()):
            written_as_body.add(m.text.strip().lower())
        words = k.split("|", 1)[1].split()
        if k.startswith("person|") and len(words) >= 2:
            # (first and last word: the key the link step gives a full name, middle names aside)
            people[m.article][words[0][0] + words[-1][0]].add(f"person|{words[0]} {words[-1]}")
        elif k.startswith("org|") and len(words) >= 2:
            # (the link step's own initials: "Formula One" -> "f1", "Bank of England" -> "be")
            ini = _initials(" ".join(words))
            bodies.add(ini)
            body_articles[ini].add(m.article)
        elif k.startswith("org|") and re.fullmatch(r"[A-Z]{2}", m.text.strip()):
            short.append((m.article, m.text.strip().lower()))
        elif k.startswith("org|") and len(words) == 1 and len(words[0]) == 2:
            bodies.add(words[0])  # a full name the link step keys by its initialism: "United Nations" -> "un"
            body_articles[words[0]].add(m.article)
    bodies |= {ini for article, ini in short if not people.get(article, {}).get(ini)}
    out: list[str | None] = []
    for i, (m, k) in enumerate(zip(mentions, keys, strict=True)):
        text = m.text.strip()
        if k and k.startswith("org|") and re.fullmatch(r"[A-Z]{2}", text):
            ini = text.lower()
            fits = people.get(m.article, {}).get(ini, set())
            # (the model's PERSON reading beats a body written in full in one article at most: a body the
            # corpus names in full in several articles is a known one, whose initialism beats a nickname)
            if len(fits) == 1 and (
                ini not in bodies
                or (i in ner_persons and ini not in written_as_body and len(body_articles[ini]) <= 1)
            ):
                k = next(iter(fits))
        out.append(k)
    return out


def outvoted_person(votes: Counter[str]) -> bool:
    """A full name typed PERSON here that the corpus types as a body or a place in a clear majority of its
    mentions ("Boko Haram": 7 PERSON in one story, 60 ORG across the corpus): the PERSON reading is the
    NER's slip, so it is no person's name that makes the article's other mentions of it a person's.
    Signal: a person's full name keeps its type across outlets; a body's name written like one ("Boko
    Haram") is read PERSON by the small model only now and then."""
    count = max((c for t, c in votes.items() if t != "PERSON"), default=0)
    # (three to one at least: a person's name the NER types a body now and then, "Darnell Lazare" 3 ORG
    # to 2 PERSON, keeps the article's PERSON reading)
    return count >= 3 and count >= 3 * votes["PERSON"]


# family names written first in English (Chinese, Korean, Vietnamese: "Xi Jinping", "Kim Jong-un"): a
# lone one is the surname, so it may stand for the corpus's one full name that opens with it. Any other
# lone first word links to a full name written elsewhere only when the corpus writes it alone in three
# articles at least (a name used on its own); a first name alone in an article or two is someone that
# article names by first name ("the boy's mum Michelle"), as likely a stranger as a famous namesake
FAMILY_FIRST = frozenset(
    ["xi", "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "zhu",
     "hu", "guo", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "feng", "deng", "cao",
     "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "cheng", "wei",
     "su", "ding", "ren", "shen", "yao", "zhong", "hua", "geng", "kim", "lee", "park", "choi", "jung",
     "kang", "cho", "yoon", "jang", "lim", "shin", "moon", "ri", "yun", "ahn", "nam", "nguyen", "tran",
     "pham", "hun"]
)  # fmt: skip


# Keys, initials and clubs' nicknames (moved here from linking.py, which was at its size limit)

# given names that are also place names: "Georgia Toffolo" is a person, "Chicago Cubs" is not
_GIVEN_PLACES = frozenset(
    ["georgia", "jordan", "chad", "israel", "paris", "austin", "dallas", "florence", "sydney", "victoria",
     "chelsea", "madison", "virginia", "carolina", "charlotte", "savannah", "india", "kenya", "lincoln",
     "jackson", "devon", "troy", "phoenix", "orlando", "denver", "houston", "eugene", "raleigh", "augusta",
     "adelaide", "alexandria", "kingston", "regina", "salem", "hope", "china", "brooklyn", "dakota", "cairo",
     "siena", "vienna", "milan", "tyrone", "kent", "clyde", "aurora", "asia", "africa", "america"]
)  # fmt: skip
_INITIAL_SKIP = frozenset(["of", "the", "and", "for", "&", "de", "du", "la", "on", "in", "at"])


@lru_cache(maxsize=_TEXT_CACHE)
def org_key(text: str) -> str:
    """An organisation's key: normalised, legal-form suffix and ticker-style punctuation dropped."""
    # "Goldman (GS": a ticker or a gloss in parentheses is not part of the name
    n = norm(text.split("(")[0]) or norm(text)
    n = CORP_SUFFIX.sub("", n) or n
    # "Erie Times-News" and "Erie Times News", "Coca-Cola" and "Coca Cola": a hyphen between two words
    # of a name is the outlet's spelling, not another body
    n = re.sub(r"(?<=\w)-(?=\w)", " ", n)
    # "N.B.A." and "NBA": an initialism of three letters or more written with points is the same body;
    # ``norm`` has already cut the last point ("n.b.a"), so the last one is optional. Not two letters:
    # "J.T." is as often a person's nickname as a body's initialism, and "JT" keys apart from bodies
    return n.replace(".", "").strip() if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]\.?", n) else n


# a number word in a name is abbreviated by its digit ("Formula One" -> "F1", "Group of Seven" -> "G7"):
# the initialism writes the number, not the word's first letter
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "twenty": "20"}  # fmt: skip


@lru_cache(maxsize=_TEXT_CACHE)
def _initials(key: str) -> str:
    words = [w for w in re.split(r"[\s-]+", key) if w and w not in _INITIAL_SKIP]
    return "".join(_NUMBER_WORDS.get(w, w[0]) for w in words) if len(words) >= 2 else ""


def _place_led(mentions: list[Mention]) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """A PERSON mention led by a word the corpus writes as a place ("Chicago Cubs", "Memphis Hustle",
    "Seattle Seahawks") is an organisation named after the place, not a person; given names that are
    also place names ("Georgia Toffolo") are kept."""
    place_votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for m in mentions:
        n = norm(m.text)
        if " " not in n:
            place_votes[n][m.type in ("GPE", "LOC")] += 1
    tails: set[str] = set()
    opened: set[tuple[str, str]] = set()
    # a PERSON-typed name that opens an organisation's name written in the same article ("Common Sense"
    # beside "Common Sense Media") is that organisation
    org_heads: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        toks = norm(m.text).split()
        if m.type == "ORG" and len(toks) >= 2 and m.text != m.text.upper():  # not a shouted headline
            org_heads[m.article].update(" ".join(toks[:i]) for i in range(1, len(toks)))
    for m in mentions:
        n = norm(m.text)
        # (one word only where the corpus never writes it as a place: "Seattle" before "Seattle Against
        # Slavery" is still the city)
        if (
            m.type == "PERSON"
            and n in org_heads.get(m.article, ())
            and (" " in n or not place_votes[n][True])
        ):
            m.type = "ORG"
            opened.add((m.article, org_key(m.text)))
    # a lone word typed PERSON that ends an organisation's name written in the same article ("Hustle
    # assistant coach" beside "the Memphis Hustle") is that body called by its last word, as a club by its
    # nickname; not where a person's full name in the corpus holds the word (a surname: "Estrosi" beside
    # "Christian Estrosi" and a "Mayor Christian Estrosi" typed ORG)
    org_tails: dict[str, set[str]] = defaultdict(set)
    org_names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        toks = norm(m.text).split()
        if m.type == "ORG" and len(toks) >= 2 and m.text != m.text.upper():
            org_tails[m.article].add(toks[-1])
            org_names[m.article].add(" ".join(toks))
    person_words: set[str] = set()
    for m in mentions:
        toks = norm(m.text).split()
        if m.type == "PERSON" and len(toks) >= 2 and " ".join(toks) not in org_names.get(m.article, ()):
            person_words.update(toks)  # (the body's own name typed PERSON once is no person)
    for m in mentions:
        n = norm(m.text)
        if (
            m.type == "PERSON"
            and " " not in n
            and len(n) > 3
            and m.text[:1].isupper()
            and not re.search(r"[^s]s$", n)  # a plural is a club's nickname: ``_team_nicknames``
            and n in org_tails.get(m.article, ())
            and n not in person_words
        ):
            m.type = "ORG"
    for m in mentions:
        if m.type != "PERSON":
            continue
        toks = norm(m.text).split()
        if len(toks) < 2 or toks[0] in _GIVEN_PLACES or toks[0] in _TITLES:
            continue
        votes = place_votes.get(toks[0])
        if votes and votes[True] >= 3 and votes[True] >= 2 * votes[False]:
            m.type = "ORG"
            tails.add(" ".join(toks[1:]))
    for m in mentions:
        if m.type == "PERSON" and norm(m.text) in tails:
            m.type = "ORG"  # "Cubs" alone: the team, as in "Chicago Cubs"
    return frozenset(tails), frozenset(opened)


def _team_nicknames(mentions: list[Mention]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """A lone plural name typed as a people, a place or a person ("the Indians", "the Bears") in an
    article that writes an organisation ending in that word ("Cleveland Indians", "Chicago Bears") is
    that organisation; ``_merge_orgs`` then joins it to the full name. A lone plural typed PERSON in an
    article without the full name is the one team of the corpus ending in it (returned: word -> key).

    Signal: a team or a group named in full is then called by its last word; within one article the
    NER's other readings of that word (Indian people, a wild animal as a place) are the slips. Only a
    name led by a place the corpus writes ("Chicago Bears", not a person "Eduardo Guerras") and ending
    in a plural word (a team's), never a place itself ("University of Chicago" leaves "Chicago").

    Also returned (``local``: (article, word) -> key): a lone plural typed ORG in an article that names
    the place of the one place-led body of the corpus ending in it ("Texans" in a story naming Houston),
    unless the corpus also writes that word ending a body not led by a place ("Senate Democrats",
    "Financial Times"): then the word is a common noun of names, and "Democrats" or "Times" stays its own."""
    places = {norm(m.text) for m in mentions if m.type == "GPE"}
    ends: dict[str, set[str]] = defaultdict(set)
    teams: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        toks = norm(m.text).split()
        if (
            m.type == "ORG"
            and len(toks) >= 2
            and " ".join(toks[:-1]) in places  # led by a place: "Cleveland Indians", not "Eduardo Guerras"
            and m.text != m.text.upper()
            and re.search(r"[^s]s$", toks[-1])  # a plural ("Bengals"); "-ss" ends a singular ("Congress")
        ):
            ends[m.article].add(toks[-1])
            teams[toks[-1]].add(org_key(m.text))
    # last words of bodies NOT led by a place ("Senate Democrats", "Financial Times"): a word that ends
    # bodies of many kinds is a common noun of names, not one club's nickname ("Texans" is only place-led)
    heads: set[str] = set()
    for m in mentions:
        toks = norm(m.text).split()
        if m.type == "ORG" and len(toks) >= 2 and " ".join(toks[:-1]) not in places:
            heads.add(toks[-1])
    # words of persons' full names ("Eddie Adams"): a lone one may be that person's surname
    in_persons = {
        w for m in mentions if m.type == "PERSON" and " " in norm(m.text) for w in norm(m.text).split()
    }
    nicknames: dict[str, str] = {}
    local: dict[tuple[str, str], str] = {}
    places_in: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "GPE":
            places_in[m.article].add(norm(m.text))
    for m in mentions:
        n = norm(m.text)
        if not (" " not in n and len(n) > 3 and m.text[:1].isupper() and not m.text.isupper()):
            continue
        team = next(iter(teams[n])) if len(teams.get(n, ())) == 1 else ""
        if (
            m.type == "ORG"
            and team
            # (or the article writes the club in full: its city's name may then be all the club's own,
            # "Houston's only points", typed ORG, and no bare place is left in the article)
            and (" ".join(team.split()[:-1]) in places_in.get(m.article, ()) or n in ends.get(m.article, ()))
            and n not in in_persons
            and n not in heads
        ):
            # "the Texans" typed ORG in a game story that writes "Houston" but never "Houston Texans": the
            # one place-led body of the corpus ending in the word, in an article that names its place
            # (signal: a club is called by its nickname in a story set in its city or naming its home; a
            # "Times" or "Democrats" in an article without "Los Angeles" or "Texas" stays its own)
            local[(m.article, n)] = team
            continue
        if m.type in ("NORP", "LOC", "PERSON") and n in ends.get(m.article, ()):
            m.type = "ORG"
        elif m.type == "PERSON" and len(teams.get(n, ())) == 1 and n not in in_persons:
            # "Astros players" in a story that never writes "Houston Astros": the one team of the corpus
            # named so (a plural word as a person's whole name is the NER's slip). Not a lone plural typed
            # ORG: place-led bodies ending in a plural are not all clubs ("Los Angeles Times", "Texas
            # Democrats"), so "Times" or "Democrats" alone elsewhere would be taken for them
            m.type = "ORG"
            nicknames[n] = next(iter(teams[n]))
    return nicknames, local


def place_initialisms(keys: list[str | None]) -> list[str | None]:
    """A country's formal name spelled out from an initialism the alias table knows ("Republic of Korea"
    from ROK, "Democratic Republic of Congo" from DRC) joins the place the initialism names ("South Korea").
    Signal: a state's initialism abbreviates its formal name, every word's first letter ("of" counted,
    as ROK writes it, or left out, as DRC does); the table gives the common name both stand for. Only
    initialisms of three letters or more (two letters, "UK", are shared by too many names), and only where
    the formal name ends in a word of the common name (the country's own word: "Korea")."""
    short: dict[str, str] = {}
    for variant, (canon, kind) in aliases().items():
        letters = variant.replace(".", "")
        if kind == "place" and re.fullmatch(r"[a-z]{3,5}", letters) and " " in canon:
            short[letters] = canon
    moved: dict[str, str] = {}
    for k in set(keys):
        if not k or not k.startswith("place|") or len(k[6:].split()) < 3:
            continue
        name = k[6:]
        every = "".join(w[0] for w in re.split(r"[\s-]+", name) if w)
        for ini in (every, _initials(name)):
            canon = short.get(ini, "")
            # (the country's own word in both: "Republic of Korea" and "South Korea"; a "Republic of
            # Kosovo" has ROK's letters but names another state)
            if canon and canon != name and name.split()[-1] in canon.split():
                moved[k] = f"place|{canon}"
                break
    return [moved.get(k, k) if k else k for k in keys]


# "N. Korea", "S.Korea", "N. Ireland": a place's first word cut to its initial and a full stop
_CUT_FIRST = re.compile(r"([a-z])\.\s*(\S.*)")


def abbreviated_places(keys: list[str | None]) -> list[str | None]:
    """A place written with its first word cut to an initial ("N. Korea", "S. Korea", "N. Ireland": a
    headline's or a caption's short form) joins the one place of the corpus whose first word starts with
    that letter and whose other words are the same ("North Korea"); its people's name likewise ("S.
    Korean" is South Korean). Signal: a full stop after one letter marks a word cut short, and the rest of
    the name is kept whole; where two names fit ("W. Tamsin" beside West and Westerly Tamsin) or none
    does, the short form stays."""
    names: dict[str, set[str]] = {"place": set(), "norp": set()}
    for k in keys:
        cls = k.split("|", 1)[0] if k else ""
        if k and cls in names:
            names[cls].add(k[len(cls) + 1 :])
    moved: dict[str, str] = {}
    for cls, known in names.items():
        for name in known:
            cut = _CUT_FIRST.fullmatch(name)
            if not cut:
                continue
            letter, rest = cut.groups()
            fits = [
                p
                for p in known
                if p != name
                and p.endswith(" " + rest)
                and len(p.split()) == len(rest.split()) + 1
                and len(p.split()[0]) > 2
                and p.startswith(letter)
            ]
            if len(fits) == 1:
                moved[f"{cls}|{name}"] = f"{cls}|{fits[0]}"
    return [moved.get(k, k) if k else k for k in keys]


# a body's name followed by lowercase common nouns that say what it is ("Xinhua news agency", "the AfD
# party", "People magazine"): the nouns describe the body, the capitalised words name it
_DESCRIBED = re.compile(r"^(.*?[A-Z][^\s]*)((?:\s+[a-z][a-z-]+){1,3})$")
# nouns that name an organ of a body, not the kind of body it is ("the UN security council", "the Senate
# judiciary committee", "the UN general assembly"): a description says what the whole is (a news agency,
# a party, a magazine); a lowercase organ noun after a body's name names a part of it, another body
_ORGAN_NOUNS = frozenset(
    ["council", "councils", "committee", "committees", "subcommittee", "assembly", "commission", "board",
     "court", "courts", "office", "department", "ministry", "bureau", "panel", "secretariat", "tribunal",
     "chamber", "cabinet", "branch", "division", "unit", "wing", "directorate", "delegation", "mission",
     "caucus", "conference", "inspectorate", "presidency", "leadership", "executive"]
)  # fmt: skip


def described_bodies(mentions: list[Mention], keys: list[str | None]) -> list[str | None]:
    """An organisation written with a lowercase description after its name ("Xinhua news agency", "the
    AfD party") joins the body the corpus writes under the bare name ("Xinhua"), when the corpus has one.
    Signal: English capitalises a name and writes the common nouns that classify it in lowercase; the
    name is the capitalised part. Places are left alone: "Kunduz province" and "Kunduz city" are two
    places, the lowercase word tells them apart; so is a body's organ ("the UN security council",
    ``_ORGAN_NOUNS``), a part of the body and a body of its own."""
    orgs = {k for k in keys if k and k.startswith("org|")}
    out: list[str | None] = []
    for m, k in zip(mentions, keys, strict=True):
        if k and k.startswith("org|"):
            hit = _DESCRIBED.match(re.sub(r"^[Tt]he\s+", "", m.text.strip()))
            # (a tail ending in an organ noun names a part of the body: "the UN security council" stays)
            if hit and hit.group(2).split()[-1] in _ORGAN_NOUNS:
                hit = None
            head = f"org|{org_key(hit.group(1))}" if hit else ""
            if head in orgs and head != k:
                k = head
        out.append(k)
    return out


# nouns that say what kind of public institution a name is ("Cincinnati Zoo", "Botanical Garden")
_INSTITUTION_NOUNS = frozenset(
    ["zoo", "garden", "gardens", "museum", "aquarium", "university", "college", "hospital", "library",
     "gallery", "observatory", "institute"]
)  # fmt: skip
_JOINED = re.compile(r"^(?P<first>.+?)\s+(?:&|and)\s+(?P<rest>.+)$")


def joined_institutions(keys: list[str | None]) -> list[str | None]:
    """An institution's full name joining two of its parts ("Cincinnati Zoo & Botanical Garden") joins the
    body the corpus writes under the first part alone ("Cincinnati Zoo"). Signal: a joint institution is
    named by its parts in a row, each ending in the noun of what it is (a zoo, a garden, a museum), and
    outlets shorten it to its first, best-known part; "of" in either name ("University of X and Y") makes
    the parts other bodies, so those are left alone, as are parts the corpus never writes alone."""
    known = {k for k in keys if k}
    moved: dict[str, str] = {}
    for k in known:
        cls, name = k.split("|", 1)
        hit = _JOINED.match(name)
        # (bodies only: two places in a row, "Hyde Park and Kensington Gardens", are two places)
        if cls != "org" or not hit or " of " in f" {name} ":
            continue
        first, rest = hit.group("first"), hit.group("rest")
        short = f"{cls}|{first}"
        if (
            short in known
            and len(first.split()) >= 2
            and first.split()[-1] in _INSTITUTION_NOUNS
            and rest.split()[-1] in _INSTITUTION_NOUNS
        ):
            moved[k] = short
    return [moved.get(k, k) if k else k for k in keys]


# names a US state and a city share (extract/name_places.SHARED_STATE_CITY, lowercased): the bare name is
# the city's, keyed with the city's full name so that "New York" and "New York City" are one place; the
# state is keyed "X state" however the text marks it ("the state of X", "X State")
_SHARED_CITY_KEY = {"new york": "new york city", "nyc": "new york city", "washington": "washington"}
# the capital's district written after the city ("Washington DC")
_DISTRICT = re.compile(r"^washington,?\s+d\.?\s?c$")  # (a lone "DC" may be the comics publisher)


def shared_place_key(key: str) -> str:
    """The link key of a place: a town with its state or district after a comma ("scarsdale, new york",
    "washington, d.c") is the town (signal: an address's last part names the larger place the first lies
    in); a state/city name keyed by which of the two the text marked (``extract/name_places.py``)."""
    if "," in key:
        head = key.split(",", 1)[0].strip()
        if head:
            key = head
    if _DISTRICT.match(key):
        return "washington"
    state = re.fullmatch(r"state of (.+)|(.+) state", key)
    if state:
        name = state.group(1) or state.group(2)
        if name in _SHARED_CITY_KEY:
            return f"{name} state"
    return _SHARED_CITY_KEY.get(key, key)
