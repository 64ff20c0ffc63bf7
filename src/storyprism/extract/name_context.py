"""Type and span fixes on the NER's entities that read the words around a name in one article
(``name_types.drop_non_names`` runs them before any other rule): the head noun a text gives a name
("the militant group X", "X fighters"), a building named by its kind ("X Cathedral"), a family named by
its plural surname ("the Steinbergs"), a family name written first that the NER left out ("Han Tae
Song"), a heading in capitals and a credit line's role word, a place-typed name written as a rocket's
model ("a Zenit carrier rocket"). Each rule names its signal; none knows a particular name. (Also:
compass words in a coordinate, "43 degrees North".)"""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent
from storyprism.extract.name_fragments import country_names
from storyprism.extract.name_signals import aliases
from storyprism.extract.name_votes import (
    STOP_WORDS,
    cut_names,
    lone_persons,
    person_slips,
    quoted_speakers,
    record_teams,
)

# "the militant group X", "Islamist insurgent organisation X": a description whose head is a kind of
# body, set right before the name, types the name a body (signal: English puts the class noun before a
# proper name in apposition; a person is described by a role, never as a group)
_BODY_BEFORE = re.compile(
    r"\b(?:militant|terrorist|terror|rebel|armed|extremist|jihadist|jihadi|insurgent|separatist|"
    r"paramilitary|islamist|guerrilla|hacker|hacking|criminal|opposition|protest|activist)\s+"
    r"(?:group|organi[sz]ation|movement|network|outfit|faction|militia|coalition)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "X fighters", "X militants": members named after their group; no one's own name takes these nouns
# ("loyalists" and "commanders" are left out: a leader has them, "Assad loyalists", "Haftar commanders")
_BODY_AFTER = re.compile(
    r"\s+(?:fighters|militants|insurgents|jihadists|jihadis|gunmen|extremists|rebels|guerrillas|"
    r"operatives)\b"
)

# a building or a structure named by its kind ("Cologne Cathedral", "Wembley Stadium", "Tower Bridge"):
# a place a text sets events at, not a body that acts (the congregation or the club has its own name);
# words that also name the body inside ("Church", "Museum", "Palace", "Airport", "Street") are left out
_FACILITY = frozenset(
    ["cathedral", "basilica", "mosque", "synagogue", "abbey", "chapel", "stadium", "bridge", "tower",
     "towers", "monument", "square", "castle", "boulevard", "avenue", "plaza"]
)  # fmt: skip
# ("Memorial" is left out of the body-typed kinds: it also closes a hospital's or a fund's name, "X
# Memorial Hospital" cut to "X Memorial", a body that acts)
# (a name typed PERSON only with a kind no one bears as a surname: "Robert Bridge" is a writer, "Tom
# Castle" a person, "Lusail Stadium" a place)
_FACILITY_NO_SURNAME = frozenset(
    ["cathedral", "basilica", "mosque", "synagogue", "stadium", "monument", "memorial", "plaza", "boulevard",
     "avenue"]
)  # fmt: skip
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")

# family names written first in English (Chinese, Korean, Vietnamese): "Han Tae Song", "Ri Yong Ho"
_FAMILY_FIRST = frozenset(
    ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin",
     "kwon", "hwang", "ahn", "song", "jeon", "hong", "ko", "moon", "yang", "son", "bae", "baek", "ri", "yun",
     "nam", "xi", "li", "wang", "zhang", "liu", "chen", "zhao", "wu", "zhou", "xu", "sun", "ma", "hu", "guo",
     "nguyen", "tran", "pham"]
)  # fmt: skip
# a given name of two syllables written as two words ("Tae Song", "Yong Ho", "Jong Un")
_SYLLABLES = re.compile(r"[A-Z][a-z]{1,4}\s+[A-Z][a-z]{1,4}")

# a wire story's credit line lists "Role by Name" ("(Reporting by A; Writing by B; Editing by C)"):
# the word before "by" there is a role, even misspelt ("Edtitng"), never a name
_CREDIT_ROLE = re.compile(r"(?:\(|;\s*|\n)\s*$")
_BY_NAME = re.compile(r"\s+by\s+[A-Z]")


def described_bodies(text: str, ents: list[Ent]) -> list[Ent]:
    """PERSON-typed names the article describes as a body ("the militant group Boko Haram", "Boko
    Haram fighters"): every mention of the same name in the article retyped ORG (one text keeps one
    sense of a name; the corpus-wide vote in linking then carries it to other articles)."""
    found: set[str] = set()
    for e in ents:
        if e.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            continue
        name = _bare(e.text)
        before = e.label in ("PERSON", "GPE", "LOC") and _BODY_BEFORE.search(
            text[max(0, e.start - 60) : e.start]
        )
        if before or (e.label == "PERSON" and _BODY_AFTER.match(text[e.end : e.end + 20])):
            found.add(name)
    # a name whose last word the article writes alone as a person ("Abu Mohammed al-Adnani" ... "Al-Adnani
    # urged") is a person's: news calls a person by the surname, a group never by its last word (a
    # garbled "the terrorist group <spokesman's name>" keeps the person)
    alone = {_bare(e.text).lower() for e in ents if e.label == "PERSON" and " " not in _bare(e.text)}
    found = {n for n in found if " " not in n or n.split()[-1].lower() not in alone}
    # and a one-word name that is the surname of a person the article names in full ("Donald Trump" ...
    # "Trump loyalists") is that person: news calls a person by the surname after the full name
    # (the article "al-" of an Arabic surname is often left out after the full name: "Assad")
    surnames = {
        re.sub(r"^(?:al|el)-", "", _bare(e.text).split()[-1].lower())
        for e in ents
        if e.label == "PERSON" and " " in _bare(e.text)
    }
    found = {n for n in found if " " in n or re.sub(r"^(?:al|el)-", "", n.lower()) not in surnames}
    if not found:
        return ents
    return [
        Ent(e.start, e.end, "ORG", e.text) if e.label == "PERSON" and _bare(e.text) in found else e
        for e in ents
    ]


def facilities(ents: list[Ent]) -> list[Ent]:
    """Names ending in a building's kind typed as a body or a person retyped LOC (a place)."""
    out = []
    for e in ents:
        words = e.text.split()
        kind = words[-1].lower().strip(".,'’") if len(words) >= 2 else ""
        if (e.label == "ORG" and kind in _FACILITY) or (e.label == "PERSON" and kind in _FACILITY_NO_SURNAME):
            out.append(Ent(e.start, e.end, "LOC", e.text))
        else:
            out.append(e)
    return out


# title words a person's name may open with ("Prince William", "King Charles"): no part of the name, and
# no surname whose plural is a family ("the Kings" is a team, "the Princes" princes)
_TITLE_WORDS = frozenset(
    ["king", "queen", "prince", "princess", "duke", "duchess", "lord", "lady", "sir", "dame", "pope",
     "archbishop", "bishop", "cardinal", "sheikh", "emir", "sultan", "president", "general", "saint",
     "mr", "mrs", "ms", "dr", "rev"]
)  # fmt: skip


def family_plurals(text: str, ents: list[Ent]) -> list[Ent]:
    """Without "the Steinbergs" where the article names a person "... Steinberg": a family, many people,
    is no one entity of any type (signal: English names a family by "the" and the plural of its surname;
    without "the" a plural is a name of its own, "Lloyds" the bank beside "Sarah Lloyd", and "Williams"
    a surname)."""
    surnames: set[str] = set()
    for e in ents:
        words = [w.lower().strip(".,'’") for w in e.text.split()]
        while words and words[0] in _TITLE_WORDS:
            words = words[1:]  # "Prince William" is no one surnamed William
        if e.label == "PERSON" and len(words) >= 2 and words[-1] not in _TITLE_WORDS:
            surnames.add(words[-1])
    # (a team's plural the article writes after its place, "Cleveland Browns", is the team's name)
    team_ends = {_bare(e.text).split()[-1].lower() for e in ents if e.label == "ORG" and " " in _bare(e.text)}
    out = []
    for e in ents:
        word = re.sub(r"^the\s+", "", e.text.strip(), flags=re.IGNORECASE).rstrip("'’").lower()
        the = re.match(r"the\s", e.text.strip(), re.IGNORECASE) or re.search(
            r"\bthe\s+$", text[max(0, e.start - 5) : e.start], re.IGNORECASE
        )
        if (
            e.label in _NAME_LABELS
            and the
            and " " not in word
            and word not in team_ends
            and _plural_of(word, surnames)
        ):
            continue
        out.append(e)
    return out


def _plural_of(word: str, surnames: set[str]) -> bool:
    if word.endswith("es") and word[:-2] in surnames:
        return True  # "the Joneses"
    return word.endswith("s") and word[:-1] in surnames and not word[:-1].endswith("s")


def family_first_names(text: str, ents: list[Ent]) -> list[Ent]:
    """A PERSON span of a two-word given name right after a family name written first and left out by
    the NER ("Han [Tae Song]") takes that family name in (and the family name's own span, where the NER
    typed it alone, "Han" as a people, goes). Signal: Korean and Chinese names write the family name
    first, then a given name of two syllables the press often writes as two words."""
    grown: dict[int, Ent] = {}  # index of the given name's span -> the grown span
    absorbed: set[int] = set()  # indexes of family-name spans taken in
    for i, e in enumerate(ents):
        if e.label != "PERSON" or not _SYLLABLES.fullmatch(e.text):
            continue
        m = re.search(r"(?:^|[\s,(])([A-Z][a-z]{1,5}) $", text[max(0, e.start - 10) : e.start])
        if not m or m.group(1).lower() not in _FAMILY_FIRST:
            continue
        start = e.start - len(m.group(1)) - 1
        over = [j for j, o in enumerate(ents) if j != i and o.start < e.start and o.end > start]
        if all(ents[j].start == start and ents[j].end == start + len(m.group(1)) for j in over):
            grown[i] = Ent(start, e.end, e.label, text[start : e.end])
            absorbed.update(over)
    if not grown:
        return ents
    return [grown.get(i, e) for i, e in enumerate(ents) if i not in absorbed]


def headings_and_roles(text: str, ents: list[Ent]) -> list[Ent]:
    """Without a word in capitals typed PERSON that opens a heading ("MILKFLOAT: Jenson Button had
    ...") where the article never writes it in lower case (running text writes a person's name in mixed
    case: "TRUMP:" beside "Trump" stays), and without a credit line's role word ("(...; Edtitng by
    Peter Graff)")."""
    out = []
    for e in ents:
        word = e.text.strip()
        if (
            e.label == "PERSON"
            and word.isupper()
            and len(word) >= 4
            and re.match(r"\s*:", text[e.end : e.end + 3])
            and not re.search(rf"\b{re.escape(word.title())}\b", text)
        ):
            continue
        if (
            e.label in _NAME_LABELS
            and " " not in word
            and _BY_NAME.match(text[e.end : e.end + 8])
            and _CREDIT_ROLE.search(text[max(0, e.start - 4) : e.start])
        ):
            continue
        out.append(e)
    return out


# verbs of attribution, whose subject speaks or reports: a body or a person, never a made thing
_SPEAKS = re.compile(
    r"\s+(?:said|says|told|announced|reported|reports|stated|confirmed|denied|declined|added|claimed|"
    r"insisted|warned|noted|explained|argued|responded|replied)\b"
)
_OWNER_NOT_MAKER = ("PERSON", "GPE", "LOC", "NORP")

# kinds of vehicle and device a text names a product by ("the Falcon Heavy rocket", "the Hwasong missile"):
# a maker's product, not the maker (the maker writes "SpaceX said", never "the SpaceX")
_PRODUCT_AFTER = (
    r"\s+(?:rocket|rockets|launcher|launchers|missile|missiles|spacecraft|capsule|airliner|airliners|"
    r"smartphone|smartphones|handset|handsets|console|consoles|helicopter|helicopters|drone|drones|probe|"
    r"probes|lander|landers|rover|rovers|chip|chips|coprocessor)\b"
)
# a model number closing a name ("Pixel 2", "Chang'e-5", "Galaxy S9"): a product's designation; a body is
# not numbered so ("Channel 4" is written without "the", a broadcaster)
_MODEL_END = re.compile(r"(?:\s|-)(?:[A-Z]{0,2}\d{1,4}[A-Za-z]?)$")
# "iPhone", "iPad", "iMac": a lowercase letter before the capital is a product's brand spelling; with "the"
# or a maker's possessive it is a made thing ("the iPhone"), while a company so spelt ("eBay") takes neither
_CAMEL = re.compile(r"[a-z][A-Z][a-z]+$")
# a body numbered as a unit of a larger one ("Teamsters Local 727", "Group of 20", "District 9"): the
# number names a branch, a chapter or a club of members, not a model
_UNIT_BEFORE_NUMBER = re.compile(
    r"\b(?:Local|Chapter|District|Division|Unit|Region|Ward|Precinct|Branch|Lodge|Post|Council|Group|"
    r"Channel|Station|Squadron|Battalion|Brigade|Regiment|Company|Corps|Fleet|Section|Class|Level)\s*$"
)


# a name given right after a made thing's kind and a naming verb ("a missile defense battery known as
# Thaad", "a rocket called the Space Launch System"): English introduces a product's or a system's name so;
# a maker is introduced as a company ("a firm called X"), never as the thing it makes. ("vehicle" and
# "system" are left out: "an investment vehicle called X", "a hospital system called X" name bodies)
_KIND_NAMED = re.compile(
    r"\b(?:rocket|launcher|missile|spacecraft|capsule|airliner|smartphone|handset|console|helicopter|drone|"
    r"probe|lander|rover|chip|coprocessor|satellite|telescope|battery|interceptor|warship|submarine|"
    r"aircraft|jet|software|app|algorithm)s?,?\s+(?:known\s+as|called|dubbed|named)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# a vessel's name: after its kind noun ("the Panama-flagged tanker KOTI", "the cargo ship X") or as the
# subject of what only a vessel does ("the KOTI docked at Yeosu", "the X sailed from"); a ship is a made
# thing, no body (its owner is a company of its own name). "ship" alone is also a verb ("to ship Apple
# phones"), so it counts only after a determiner or a kind word
_VESSEL_BEFORE = re.compile(
    r"(?:\b(?:tanker|freighter|trawler|vessel|ferry|yacht|warship|frigate|destroyer)|"
    r"\b(?:the|a|an|cargo|container|cruise|supply|research|fishing|naval|merchant)\s+ship)\s+$",
    re.IGNORECASE,
)
# (only a vessel's own moves: "docked", "anchored" and "moored" with the place they happen at, since a team
# or a league "was docked points", "sailed past" a rival and "was anchored by" a player; "sailed", "towed"
# and "scuttled" are left out, a team, a car and a deal take them)
_VESSEL_VERB_AFTER = re.compile(
    r"\s+(?:(?:was|were|had\s+been)\s+)?(?:docked|anchored|berthed|moored)\s+(?:at|in|off|near|alongside)\b"
    r"|\s+(?:capsized|ran\s+aground)\b"
)
# a name after the kind noun that is the subject of a clause about the vessel ("the vessel Greenpeace
# chartered", "the tanker Kelvar Shipping owns"): the owner or user, not the ship's name
_VESSEL_USER_AFTER = re.compile(
    r"\s+(?:had\s+|has\s+)?(?:chartered|leased|owned|owns|operated|operates|runs|hired|sent|used|uses|"
    r"bought|built|builds|manages|seized|detained|boarded)\b"
)


def _model_number(name: str) -> bool:
    """A name closing in a model number ("Pixel 2", "Chang'e-5"), written without a function word
    ("Group of 20" is a body) and not after a unit noun ("Local 727")."""
    hit = _MODEL_END.search(name)
    if hit is None or re.search(r"(?:^|\s)[a-z]+(?=\s|$)", name):
        return False
    return not _UNIT_BEFORE_NUMBER.search(name[: hit.start()])


def _the_in_text(text: str, name: str) -> bool:
    """The article writes "the <name>" where the NER took no mention ("with this update, the Pixel 2
    can ..."), and "the" is the name's own: no capital word (a longer name) and no noun after it."""
    for hit in re.finditer(r"\b[Tt]he\s+" + re.escape(name) + r"\b", text):
        if not re.match(r"\s+[A-Z0-9]", text[hit.end() : hit.end() + 3]) and not _noun_after(text, hit.end()):
            return True
    return False


def _noun_after(text: str, end: int) -> bool:
    """A lowercase content word right after the name: "the eBay site", where "the" belongs to "site" (a
    function word after it, "the iPhone into", leaves "the" the name's)."""
    nxt = re.match(r"\s+([a-z]+)\b", text[end : end + 30])
    return nxt is not None and nxt.group(1) not in STOP_WORDS


# "PS4, Xbox and Nintendo Switch games", "Oculus Rift owners": a plural of what is played or run on a
# device, or of those who own or use one, set right after a name without "'s"; a person's name is never
# a modifier of these (a person's games or fans take the possessive: "Dean Martin's version")
_DEVICE_USE_AFTER = re.compile(r"\s+(?:games|consoles|apps|owners|users|headsets|accessories|controllers)\b")


def products(text: str, ents: list[Ent]) -> list[Ent]:
    """Without ORG-typed names the article writes as a product: set before a vehicle's or a device's
    kind ("Falcon Heavy rocket") and, once at least, after "the" or an owner's possessive ("the Falcon
    Heavy", "SpaceX's Falcon Heavy"). Signal: English names a made thing with the article and its kind
    noun; a company's name takes neither, so "SpaceX rocket" alone leaves SpaceX a body. Vessels too:
    an ORG named after a vessel's kind noun or before what only a vessel does ("the KOTI docked")."""
    # ("the X" must name X itself: in "the Samsung smartphone" or "the Samsung Galaxy" the article
    # belongs to the noun after the maker)
    led = {
        _bare(e.text)
        for e in ents
        if e.label == "ORG"
        and _determined(text, e, ents)
        and not re.match(_PRODUCT_AFTER + r"|\s+[A-Z0-9]", text[e.end : e.end + 30])
    }
    found = {name for name in led if len(name) >= 3 and re.search(re.escape(name) + _PRODUCT_AFTER, text)}
    # a model number or a brand's camel case is the product's own spelling: "the" once is enough, whatever
    # follows it ("The Chang'e-5 lunar probe", "the iPhone into")
    found |= {
        _bare(e.text)
        for e in ents
        if e.label == "ORG"
        and (_model_number(_bare(e.text)) or (_CAMEL.fullmatch(_bare(e.text)) and not _noun_after(text, e.end)))
        and (_determined(text, e, ents) or _the_in_text(text, _bare(e.text)))
    }
    # "a missile defense battery known as Thaad": named as a made thing of that kind
    named = {
        _bare(e.text)
        for e in ents
        if e.label in ("ORG", "PERSON") and _KIND_NAMED.search(text[max(0, e.start - 60) : e.start])
    }
    found |= named
    # a vessel: named after its kind noun, or "the X docked" (``_VESSEL_BEFORE``, ``_VESSEL_VERB_AFTER``)
    found |= {
        _bare(e.text)
        for e in ents
        if e.label == "ORG"
        and (
            (
                _VESSEL_BEFORE.search(text[max(0, e.start - 40) : e.start])
                and not _VESSEL_USER_AFTER.match(text[e.end : e.end + 30])
            )
            or (_determined(text, e, ents) and _VESSEL_VERB_AFTER.match(text[e.end : e.end + 30]))
        )
    }
    # a name the article writes as the subject of a verb of attribution ("Huawei said") is a body
    spoken = {_bare(e.text) for e in ents if e.label == "ORG" and _SPEAKS.match(text[e.end : e.end + 20])}
    found -= spoken
    devices = {
        e.text.strip()
        for e in ents
        if e.label == "PERSON"
        and " " in e.text.strip()
        and not re.search(r"['’]s?$", e.text.strip())
        and _DEVICE_USE_AFTER.match(text, e.end)
    }
    # a PERSON-typed name goes only where it follows the naming phrase itself, or when it is one word: ships,
    # probes and telescopes are named after people ("a submarine named Jimmy Carter"), and the person's
    # full name elsewhere in the article ("Jimmy Carter, the former president") is that person's
    return [
        e
        for e in ents
        if not (
            (e.label == "ORG" and _bare(e.text) in found)
            # a PERSON-typed name of two words or more written once before a device's use noun: a device,
            # in every mention of it in the article ("games coming to Nintendo Switch")
            or (e.label == "PERSON" and e.text.strip() in devices)
            or (
                e.label == "PERSON"
                and _bare(e.text) in named
                and (" " not in _bare(e.text) or _KIND_NAMED.search(text[max(0, e.start - 60) : e.start]))
            )
        )
    ]


# "a Zenit carrier rocket", "the Delta rocket": a determiner, the name, at most one word of the vehicle's
# role, then a launch vehicle's noun; a place stands before such a noun without an article ("a Guam missile
# attack" is an attack on Guam, "North Korea's missile" an owner's possessive)
_VEHICLE_AFTER = re.compile(
    r"\s+(?:(?:carrier|space|launch|ballistic|cruise|heavy|heavy-lift|orbital|sounding)\s+)?"
    r"(?:rocket|rockets|missile|missiles|launcher|launchers|booster|boosters)\b"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|another|each|every)\s+$", re.IGNORECASE)


def vehicle_models(text: str, ents: list[Ent]) -> list[Ent]:
    """Without place-typed (GPE, LOC) names the article writes as a launch vehicle's model ("with a Zenit
    carrier rocket", "the Delta rocket"): the NER reads a model named after a place or a myth as the place.
    Signal: a determiner before the name and a rocket's, a missile's, a launcher's or a booster's noun
    right after it make the name a model of that vehicle; a place before such a noun is an owner or a
    target written without the article. Kept as places: countries, names the alias table knows, names in
    capitals ("U.S.", "DPRK") and names the same text also writes after "in", "from", "to", "at" or "near"
    (a place the text sets something in)."""
    models: set[str] = set()
    for e in ents:
        name = _bare(e.text)
        if e.label not in ("GPE", "LOC") or name in models or not name[:1].isupper():
            continue
        if not (
            _DETERMINER_BEFORE.search(text[max(0, e.start - 10) : e.start])
            and _VEHICLE_AFTER.match(text, e.end)
        ):
            continue
        if name in country_names() or name.lower() in aliases() or name.replace(".", "").isupper():
            continue
        if re.search(r"\b(?:in|from|to|at|near)\s+(?:the\s+)?" + re.escape(name) + r"\b", text):
            continue
        models.add(name)
    return [e for e in ents if not (e.label in ("GPE", "LOC") and _bare(e.text) in models)]


def _determined(text: str, e: Ent, ents: list[Ent]) -> bool:
    """The span opens with "the" or follows "the" or a maker's possessive ("SpaceX's X"); the
    possessive of a country, a people or a person ("China's Huawei", "Elon Musk's SpaceX") is an
    owner's or a home's, before a body's name as often as before a product's."""
    before = text[max(0, e.start - 4) : e.start]
    if re.match(r"the\s", e.text.strip(), re.IGNORECASE) or re.search(r"\bthe\s$", before, re.IGNORECASE):
        return True
    poss = re.search(r"['’]s\s$", before)
    if not poss:
        return False
    at = e.start - len(poss.group(0))
    # the owner: the span that ends at the possessive (or takes it in)
    owner = [o for o in ents if o is not e and o.start < at and at <= o.end <= e.start]
    return not any(o.label in _OWNER_NOT_MAKER for o in owner)


# "43 degrees North", "12°S": a compass word after a measure of degrees is a coordinate, not a place's name
_DEGREES = re.compile(r"(?:\bdegrees?|°)\s*$", re.IGNORECASE)
_COMPASS_WORD = re.compile(r"(?:North|South|East|West|N|S|E|W)", re.IGNORECASE)


def coordinates(text: str, ents: list[Ent]) -> list[Ent]:
    """Without compass words written as a coordinate's hemisphere ("between 43 degrees North and ...")."""
    return [
        e
        for e in ents
        if not (
            _COMPASS_WORD.fullmatch(e.text.strip()) and _DEGREES.search(text[max(0, e.start - 12) : e.start])
        )
    ]


def in_context(text: str, ents: list[Ent]) -> list[Ent]:
    """All of this module's fixes, in order: spans first, then drops, then types (the article's own
    votes and sports records last: ``name_votes``)."""
    ents = family_first_names(text, ents)
    ents = products(text, headings_and_roles(text, family_plurals(text, coordinates(text, ents))))
    ents = vehicle_models(text, ents)  # "a Zenit carrier rocket": a model, no place
    ents = person_slips(text, facilities(described_bodies(text, cut_names(text, ents))))
    return record_teams(text, lone_persons(text, quoted_speakers(text, ents)))


def _bare(name: str) -> str:
    return re.sub(r"['’]s?$", "", re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)).strip()
