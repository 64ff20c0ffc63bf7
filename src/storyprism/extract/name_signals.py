"""Name normalisation and the type signals ``linking`` votes with: the shipped alias table, the
normalised spelling of a name, legal forms, and the corpus signals that a name typed ORG, GPE or NORP
is a person's (honorifics, the NER wavering within one text) or that a hyphenated word alone is a
surname. Kept apart so ``linking`` stays readable; it imports nothing from ``linking``."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from storyprism.records import Mention

ALIASES = Path(__file__).resolve().parent / "data" / "aliases.tsv"


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """variant -> (canonical, kind) from the shipped table."""
    table: dict[str, tuple[str, str]] = {}
    if not ALIASES.is_file():  # pragma: no cover - packaging error
        raise FileNotFoundError(
            f"{ALIASES} is missing. Fix: reinstall storyprism so its package data (extract/data) is included."
        )
    for line in ALIASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            table[parts[0].strip().lower()] = (parts[1].strip().lower(), parts[2].strip().lower())
    return table


def fold(text: str) -> str:
    """Without diacritics: "François" and "Francois" are one spelling across outlets."""
    if text.isascii():  # nothing to fold (most names): NFKD leaves ASCII as it is
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# invisible format characters a page's markup leaves inside a name ("Japan\u200b" after a headline link):
# zero-width spaces and joiners, a soft hyphen, a byte-order mark, the Mongolian vowel separator, and the
# bidirectional embeddings and isolates a page with right-to-left text sets around names
# (U+202A-202E, U+2066-2069). They print as nothing, so the name a reader sees is the one without them
# (signal: Unicode format characters carry no letters)
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


# A corpus repeats its names hundreds of thousands of times; 5,000 articles already hold some 60,000
# distinct ones, and a cache smaller than that misses on nearly every call as linking sweeps the corpus.
@lru_cache(maxsize=1 << 18)
def norm(text: str) -> str:
    t = fold(INVISIBLE.sub("", text)).replace("’", "'").replace("‘", "'").strip()
    t = re.sub(r"'s$|'$", "", t)
    # "the The New York Times": an article before a name that carries its own is written once ("the"
    # repeated is a slip of the writer or of the span, never part of a name)
    t = re.sub(r"^(?:the\s+)+", "", t, flags=re.IGNORECASE)
    return " ".join(t.strip(' .,;:-"“”()').lower().split())


# legal-form suffixes: "Goldman Sachs Group Inc" and "Goldman Sachs" are one company
CORP_SUFFIX = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|cos|ltd|limited|llc|plc|group|holdings|"
    r"holding|sa|ag|nv|lp|llp|gmbh|se))+\.?$"
)
# time-zone abbreviations the NER types ORG ("2107 GMT", "1:30 p.m. EST"): general knowledge
TIME_ZONES = frozenset(
    ["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "JST", "KST",
     "IST", "AEST", "AEDT", "HKT", "SGT", "AKST", "HST", "WET", "EET", "MSK"]
)  # fmt: skip
# a legal form closing a name ("Qualcomm Inc."): only ever an organisation's
LEGAL_FORM = re.compile(r"\b(?:inc|incorporated|corp|corporation|ltd|llc|plc|nv|ag|gmbh)\.?$")

# endings of demonyms and of group words ("Canadian", "Japanese", "Swiss", "Israelis", "Democrats",
# "Islamist", "Conservative", "Muslim", "Sikh")
DEMONYM = re.compile(
    r"(?:an|ans|ese|ish|i|is|ic|ics|ch|ss|ite|ites|ist|ists|ers?|at|ats|al|als|ive|ives|im|ims|"
    r"kh|khs|u|us|ox|eek|eeks|ys|y|ern|am)$"
)  # (+ "Western", "Islam")
# honorifics only a person takes (not "President", "General": a title may lead a body's name too)
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "mx"])


def titled_surnames(
    mentions: list[Mention], by_surface: dict[str, Counter[str]], incorporated: frozenset[str]
) -> frozenset[str]:
    """Surnames the corpus writes after an honorific ("Ms Teigen", "Mr. Brooker") and types PERSON in
    a third of their lone mentions at least: a person's, wherever else the NER typed them ORG.

    Signal: "Mr"/"Ms" only ever precede a person's name; the share keeps out a company that shares a
    surname with a person named once ("Mr Ford" against a hundred "Ford" the carmaker)."""
    honoured: Counter[str] = Counter()
    for m in mentions:
        toks = norm(m.text).replace(".", "").split()
        if m.type == "PERSON" and len(toks) == 2 and toks[0] in HONORIFICS:
            honoured[toks[1]] += 1
    out: set[str] = set()
    for surname, n in honoured.items():
        votes = by_surface.get(surname, Counter())
        if (
            len(surname) > 2
            and not aliases().get(surname)
            and surname not in incorporated
            and (votes["PERSON"] + n) * 3 >= sum(votes.values()) + n
        ):
            out.add(surname)
    return frozenset(out)


def wavering_persons(mentions: list[Mention], by_surface: dict[str, Counter[str]]) -> frozenset[str]:
    """One-word names the NER types PERSON and also a place or a body within the same article, in two
    articles or more, and PERSON at least as often as anything else across the corpus ("Tamimi" typed
    PERSON, GPE and ORG in one story about her): a person's surname the NER wavers on.

    Signal: a real place or company keeps its type through a text; the small model's type flips
    between sentences on an unfamiliar surname. Names the alias table knows are kept out ("Jordan")."""
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        n = norm(m.text)
        if " " not in n and m.text[:1].isupper() and not m.text.isupper():
            types[(m.article, n)].add(m.type)
    wavering: Counter[str] = Counter(
        n for (_, n), ts in types.items() if "PERSON" in ts and ts & {"GPE", "LOC", "ORG"}
    )
    # a word inside a longer name of a body or a place ("Google Pixel", "Qualcomm Snapdragon") is a
    # brand's; a legal form ("Qualcomm Inc") or an inner capital ("SpaceX") marks a company
    in_bodies = {
        w
        for m in mentions
        if m.type in ("ORG", "GPE", "LOC") and " " in norm(m.text)
        for w in norm(m.text).split()
    }
    legal = {norm(m.text).split()[0] for m in mentions if LEGAL_FORM.search(norm(m.text))}
    inner = {norm(m.text) for m in mentions if re.search(r"[a-z][A-Z]", m.text)}
    out = set()
    for n, arts in wavering.items():
        votes = by_surface.get(n, Counter())
        if (
            arts >= 2
            and len(n) > 2
            and not aliases().get(n)
            and n not in in_bodies | legal | inner
            and 2 * votes["PERSON"] >= sum(votes.values())
        ):
            out.add(n)
    return frozenset(out)


def names_titled(text: str, titled: frozenset[str]) -> bool:
    """The lone surname, or a two- or three-word name written as a person's (capitalised words, no
    legal form) that ends with it ("Chrissy Teigen")."""
    if not titled:
        return False
    toks = norm(text).split()
    if not toks or toks[-1] not in titled or len(toks) > 3:
        return False
    words = re.sub(r"^[Tt]he\s+", "", text).split()
    return (len(toks) == 1 or all(w[:1].isupper() for w in words)) and not CORP_SUFFIX.search(norm(text))


def hyphenated_surnames(mentions: list[Mention], keys: list[str | None]) -> list[str | None]:
    """ "Alaa Abdel-Fattah ... Abdel-Fattah is serving": a hyphenated surname written alone splits into
    two name parts and would pass for a full name; one word with no space is a lone surname, so it
    joins the one longer name of the same article that ends with it (else it stays as it is)."""
    by_art: dict[str, set[str]] = defaultdict(set)
    for m, k in zip(mentions, keys, strict=True):
        if k and k.startswith("person|") and len(m.text.split()) >= 2:
            by_art[m.article].add(k)
    out = list(keys)
    for i, (m, k) in enumerate(zip(mentions, keys, strict=True)):
        word = re.sub(r"['’]s?$", "", m.text.strip())
        if not k or not k.startswith("person|") or " " in word or "-" not in word:
            continue
        tail = k[7:].split()
        longer = {c for c in by_art.get(m.article, ()) if len(c[7:].split()) > len(tail)}
        hits = {c for c in longer if c[7:].split()[-len(tail) :] == tail}
        if len(hits) == 1:
            out[i] = next(iter(hits))
    return out


def merge_spellings(keys: list[str | None], texts: list[str]) -> list[str | None]:
    """Keys that spell one name two ways join the more common spelling: an organisation written with
    and without a space ("First Group" / "FirstGroup": the company's own spelling against a reporter's),
    and a group's plural beside its adjective ("Israelis" / "Israeli", "Tunisians" / "Tunisian": the
    NER types both NORP, and they name the same people). Signals: the letters of the written names are
    the same once spaces go; the plural is the adjective plus "s" and both are NORP keys of the corpus."""
    counts = Counter(k for k in keys if k)
    squash = [norm(t).replace(" ", "") for t in texts]
    by_squash: dict[str, Counter[str]] = defaultdict(Counter)
    for k, sq in zip(keys, squash, strict=True):
        if k and k.startswith("org|"):
            by_squash[sq][k] += 1
    out: list[str | None] = []
    for k, sq in zip(keys, squash, strict=True):
        if k and k.startswith("org|") and len(by_squash[sq]) > 1:
            k = max(by_squash[sq], key=lambda c: (by_squash[sq][c], c))
        elif k and k.startswith("norp|") and k.endswith("s") and counts.get(k[:-1]):
            k = k[:-1]
        out.append(k)
    return out


# occupations that are never a surname ("Comedienne Sarah", "Rapper Drake"): a tabloid writes them
# capitalised before a lone first name too, so they are cut even where one name word follows (the
# wider list in ``linking`` holds words that are surnames as well, "Singer", "Driver", cut only before two)
UNSURNAMED_ROLES = frozenset(
    ["comedian", "comedienne", "actress", "rapper", "supermodel", "songstress", "footballer", "popstar",
     "sprinter", "swimmer", "cyclist", "tycoon", "billionaire", "socialite", "presenter"]
)  # fmt: skip


# "Mandalay Bay Resort and Casino", "Mandalay Bay Resort", "Mandalay Bay": a resort's or a casino's
# generic tail is dropped from its key as reporters write the venue with and without it; two name words
# must remain so a generic head ("Grand Casino") keeps its tail (hotels and stadiums are left alone:
# "Wembley Stadium" is not the district "Wembley")
_VENUE_TAIL = re.compile(
    r"\s+(?:resort|casino|resort and casino|hotel and casino|casino resort|resort & casino)$"
)


def venue_key(key: str) -> str:
    """The key without a resort's or casino's generic tail, where two words or more remain."""
    cut = _VENUE_TAIL.sub("", key)
    return cut if len(cut.split()) >= 2 else key


def paired_name(
    tok: str,
    lone: set[str],
    by_last: dict[str, set[str]],
    by_first: dict[str, set[str]],
    spread: dict[str, set[str]],
) -> str | None:
    """The corpus's full name a lone name token stands for when its article also writes the other half
    alone ("Uma" and "Thurman" in a profile that never writes "Uma Thurman"). Signal: a given name and a
    surname written alone in one text, which together make a full name the corpus writes in two articles
    or more, are that person's, not two people (a relative sharing the surname is written in full)."""
    found = {c for c in by_last.get(tok, set()) if c[7:].split()[0] in lone}
    found |= {c for c in by_first.get(tok, set()) if c[7:].split()[-1] in lone}
    found = {c for c in found if len(spread.get(c, ())) >= 2}
    return next(iter(found)) if len(found) == 1 else None


# prefixes that put a capital inside a person's name ("McGregor", "LeBron", "DeShawn", "O'Neill")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Lo|Ja|Ke|Ka|Ty|Van|Von)[A-Z]")


def brand_word(text: str, in_person_names: frozenset[str]) -> bool:
    """A one-word name with a capital inside that no name prefix explains ("SpaceX", "GoDaddy", "TfL",
    "IndieWire") is a brand or a body, not a person, unless the corpus writes it inside a person's full
    name ("LeBron James"). Signal: people's names take inner capitals only after a prefix."""
    t = text.strip()
    if " " in t or not re.search(r"[a-z][A-Z]", t) or _NAME_PREFIX.match(t):
        return False
    return t.lower() not in in_person_names
