"""Which named-entity spans are persons a pronoun or a role may stand for (``speakers.DocContext.build``).

The small NER model mistypes names both ways: a company or a title of a work typed PERSON, and a
person typed ORG or PRODUCT ("Model Chrissy Teigen", "Mayor Ana Ruiz"). ``person_like`` drops PERSON
spans the text shows to be no person; ``titled_persons`` retypes as persons the names the text itself
marks as a person's: a person's title or occupation written before the name, and the name's surname
used again on its own or a "he"/"she" after it in the sentence.
"""

from __future__ import annotations

import re

from storyprism.extract.content_edges import _CREDIT_RUN
from storyprism.extract.ents import Ent
from storyprism.extract.linking import _CREDITS, _TITLES
from storyprism.extract.parse import Parse
from storyprism.extract.person_nouns import OCCUPATIONS, PERSON_NOUNS
from storyprism.extract.speaker_words import ORG_NOUNS
from storyprism.extract.text import _ABBREV

_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|a|an)\s+$")
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|show|series|sitcom|album|novel|book|song|single|musical|documentary|opera)\s+$", re.I
)


def person_like(text: str, e: Ent) -> bool:
    """Whether a PERSON span from the small NER model can be a person a pronoun or a role stands for.

    Signals: a person's name is capitalised ("kombu seaweed" is not one), and a one-word name takes no
    article ("told the Enquirer", "the Trophy" are a paper and a thing; "the actor Tom Hanks" puts a
    word between the article and the name)."""
    words = e.text.split()
    if not words or not words[0][:1].isupper():
        return False
    if re.search(r"\w['’]s\s", e.text):
        return False  # "Victoria’s Secret", "Israel’s Shin Bet": a possessive inside names no person
    if len(words) == 1 and (re.fullmatch(r"[A-Z]{2,5}", words[0]) or words[0].lower() in _CREDITS):
        return False  # "BTP", "Instagram": an initialism, an agency or a network is nobody's name
    if _CREDIT_RUN.match(e.text):
        return False  # "Reuters Equifax claimed": a photo credit glued to the next line's first name
    if (
        e.start > 0
        and text[e.start - 1 : e.start] in "“\"‘'"
        and re.match(r"[,.!?]?[”\"’']", text[e.end : e.end + 2])
    ):
        # "“Moon Harbor”", "to make “Moon Harbor.”", "starred in ‘Moon Harbor,’": a name in marks of its own is
        # a title (the comma or full stop American style sets inside the closing mark included)
        return False
    if _WORK_BEFORE.search(text[max(0, e.start - 12) : e.start]):
        return False  # "the 2003 film Kill Bill": a name right after a kind of work is that work's title
    return not (len(words) == 1 and _ARTICLE_BEFORE.search(text[max(0, e.start - 5) : e.start]))


# a person's title or occupation written before a name; not the words that open names of things as
# often ("Star Wars", "General Motors" has one word left, "Chief Executive" is no name)
_PERSON_TITLES = (_TITLES | OCCUPATIONS) - {
    "star",
    "foreign",
    "chief",
    "former",
    "late",
    "deputy",
    "vice",
    "prime",
}
# words that end or fill a name of a body, a place or a thing, not a person's
_THING_WORDS = ORG_NOUNS | {
    "airlines", "airways", "air", "inc", "corp", "co", "ltd", "llc", "plc", "group", "motors", "electric",
    "island", "islands", "street", "avenue", "road", "park", "bridge", "river", "lake", "county", "city",
    "hotel", "hospital", "stadium", "arena", "centre", "center", "airport", "station", "church", "school",
    "college", "university", "institute", "foundation", "trust", "fund", "award", "awards", "prize", "cup",
    "day", "act", "bill", "law", "house", "hall", "palace", "theatre", "theater", "museum", "library",
}  # fmt: skip
_NAME_WORD = re.compile(r"(?:Ma?c)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]['’][A-Z][a-z]+|[A-Z]\.")  # "McBride", "O'Brien"
# labels under which the model files a person's name it missed; places stay places
_MISTYPED = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})


def titled_persons(text: str, ents: list[Ent]) -> list[Ent]:
    """``ents`` with the names the NER typed as a body or a thing retyped PERSON where the text marks
    them as a person's ("Model Chrissy Teigen" typed PRODUCT, "Mayor Ana Ruiz" typed ORG): the span
    without its title, so that "she" and "the mayor" can stand for that person.

    Signals, all required: a person's title or occupation right before the name (inside the span or
    just outside it); two or three capitalised name words after it, none a word that names a body, a
    place or a thing ("Prince Edward Island", "President Hotel"); and the text using the name as a
    person's, its surname again on its own ("Teigen said") or a "he"/"she" after it in its sentence."""
    out: list[Ent] = []
    for e in ents:
        if e.label not in _MISTYPED:
            out.append(e)
            continue
        words = list(re.finditer(r"\S+", e.text))
        # "Nice’s Mayor Christian Estrosi", "London Mayor Ana Ruiz": a capitalised owner of the office
        # (a place or body, possessive or not) may open the span before the title
        k = next(
            (
                j
                for j, w in enumerate(words[:3])
                if w.group().lower().strip(".,") in _PERSON_TITLES
                and all(v.group()[:1].isupper() for v in words[:j])
            ),
            0,
        )
        while k < len(words) and words[k].group().lower().strip(".,") in _PERSON_TITLES:
            k += 1
        before = re.search(r"([A-Za-z]+)(\.?)\s+$", text[max(0, e.start - 20) : e.start])
        if before is not None and before.group(2) and before.group(1).lower() not in _ABBREV:
            # "He was elected mayor. Goldman Sachs said": a full stop after a word that is no abbreviation
            # ("Gov.", "Capt.") ends the sentence before; that word is no title of the name
            before = None
        title = words[k - 1].group() if k > 0 else (before.group(1) if before is not None else "")
        titled = k > 0 or (before is not None and before.group(1).lower() in _PERSON_TITLES)
        rest = words[k:]
        if not titled and (_apposed_speaker(text, e) or _described_before(text, e)):
            out.append(Ent(e.start, e.end, "PERSON", e.text))
            continue
        if (
            not titled
            or not 2 <= len(rest) <= 3
            or not all(_NAME_WORD.fullmatch(w.group()) for w in rest)
            or any(w.group().lower() in _THING_WORDS for w in rest)
        ):
            out.append(e)
            continue
        start = e.start + rest[0].start()
        name = text[start : e.end]
        if not _used_as_person(text, name, e.end, title.lower().strip(".,")):
            out.append(e)
            continue
        out.append(Ent(start, e.end, "PERSON", name))
    return out


# ", a security guard at the town hall of Erimo, on the southern tip of Hokkaido, said he": an indefinite
# apposition, then a verb of saying whose clause opens with "he"/"she"
_APPOSED_SAYS = re.compile(
    r",\s+(?:a|an)\s+[^.;!?\"“”\n]{1,100}?,\s+(?:\w+\s+)?(?:said|says|told|tells|added|explained)\s+(?:he|she)\b"
)


def _apposed_speaker(text: str, e: Ent) -> bool:
    """ "Takaaki Uesugi, a security guard at the town hall, said he first heard ...": a name of two or
    three name words typed as a body, set off by an indefinite apposition and then the subject of a verb
    of saying whose reported clause opens with "he"/"she", is a person's (signal: the pronoun of the
    reported clause agrees with a person, and a body is introduced as "a company", not described and
    then called "he"). No word of the name may name a body or a place kind ("Erimo Town Hall")."""
    words = e.text.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w.lower() in _THING_WORDS for w in words)
        and _APPOSED_SAYS.match(text, e.end) is not None
    )


# "A resident, Priscilla McBride, told ...": an indefinite person noun set off by a comma right before
# the name (up to two modifiers: "a longtime neighbour,", "an off-duty police officer,")
_DESCRIBED_BEFORE = re.compile(r"(?:^|[.;:]\s+|,\s+|\s)(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,2}?([a-z]+),\s+$")


def _described_before(text: str, e: Ent) -> bool:
    """ "A resident, Priscilla McBride, told The Dallas Morning News": two or three name words typed as a
    body, set off by commas right after an indefinite person noun, are the person that noun introduces
    (signal: apposition; a body is introduced as "a company", "a firm", never as "a resident"). No word of
    the name may name a body or a place kind."""
    words = e.text.split()
    m = _DESCRIBED_BEFORE.search(text, max(0, e.start - 60), e.start)
    return (
        m is not None
        and m.group(1) in PERSON_NOUNS
        and text[e.end : e.end + 1] == ","
        and 2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w.lower() in _THING_WORDS for w in words)
    )


def _used_as_person(text: str, name: str, end: int, title: str) -> bool:
    """Whether the text uses ``name`` as a person's: its surname alone elsewhere, not opening or closing
    another capitalised name ("Teigen said"), "he"/"she" after it before its sentence ends, or its title
    taken up later as a definite role ("Mayor Ana Ruiz ... the mayor said")."""
    if len(title) > 3 and re.search(rf"\b[Tt]he\s+{re.escape(title)}\b", text[end:]):
        return True
    if _surname_alone(text, name):
        return True
    sentence = re.split(r"[.!?]\s", text[end : end + 200], maxsplit=1)[0]
    return re.search(r"\b(?:he|she)\b", sentence, re.IGNORECASE) is not None


def _surname_alone(text: str, name: str) -> bool:
    """Whether the text writes the last word of ``name`` on its own somewhere, not opening or closing
    another capitalised name ("Teigen said", "Mr Teigen"): news calls a person by surname after the
    full name, a body seldom by its last word."""
    surname = name.split()[-1]
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text):
        s, e = m.span()
        prev = re.search(r"([A-Z][\w'’-]*)\s$", text[max(0, s - 30) : s])
        if (prev and prev.group(1) not in ("Mr", "Mrs", "Ms", "Dr", "Miss")) or re.match(
            r"\s[A-Z]", text[e : e + 2]
        ):
            continue  # the full name itself, or part of another capitalised name
        return True
    return False


def latest_short_form(
    text: str, quoted: list[tuple[int, int]], ents: list[Ent], noun: str, pos: int
) -> str | None:
    """Among two or more bodies named before ``pos`` whose names hold ``noun`` ("United Airlines", "All
    Nippon Airways" for "the airline"), the one the text wrote last, counting its name without that
    word ("a spokesperson for All Nippon told ..."), outside quotes; None when only one body fits.
    Signal: a definite description refers back to the body in focus, the one named most recently,
    and news shortens a body's name after it first gives it in full (the NER often misses the short form)."""
    names: list[str] = []
    for e in ents:
        if e.end > pos:
            break
        if e.label == "ORG" and name_holds(e.text, noun):
            name = _body_name(e.text)
            if name not in names:
                names.append(name)
    # "Nippon Airways" inside "All Nippon Airways": one body written two ways, not two to choose from
    forms = {m: {n for n in names if f" {n}" in f" {m}"} for m in names}
    names = [n for n in names if not any(n != m and n in forms[m] for m in names)]
    if len(names) < 2:
        return None

    def outside(at: int) -> bool:
        return not any(qs <= at < qe for qs, qe in quoted)

    def last_at(name: str) -> tuple[int, str]:
        # where the NER named it (in full or by a shorter form of the same name), and where its short
        # form stands alone; the name as written there ("Cincinnati Zoo" after "... Zoo & Botanical Garden")
        best = max(
            (
                (e.start, _body_name(e.text))
                for e in ents
                if e.end <= pos and _body_name(e.text) in forms[name] and outside(e.start)
            ),
            default=(-1, name),
        )
        short = " ".join(w for w in name.split() if not name_holds(w, noun))
        if len(short) >= 4 and short[:1].isupper() and short != name:
            for m in re.finditer(
                rf"(?<!\w){re.escape(short)}(?!\w)(?!\s+{re.escape(name.split()[-1])})", text[:pos]
            ):
                if (
                    outside(m.start())
                    and m.start() > best[0]
                    and not _other_name_at(ents, m.start(), short, name)
                ):
                    best = (m.start(), name)
        return best

    return max((last_at(n) for n in names), key=lambda hit: hit[0])[1]


def _other_name_at(ents: list[Ent], at: int, short: str, name: str) -> bool:
    """Whether the NER reads a body's short form as something else where it is written: a people ("an
    American passenger" for "American Airlines") or a longer name of another thing ("United States" for
    "United Airlines"). Signal: a demonym or the opening of another name is no short form of a body. A
    bare place name is left to count ("Cincinnati" for "Cincinnati Zoo"): the NER types the body's own
    short form as the place as often as the place itself."""
    return any(
        e.start <= at < e.end
        and (e.label == "NORP" or (len(_body_name(e.text)) > len(short) and _body_name(e.text) not in name))
        for e in ents
    )


# the words a body's name holds for a kind noun besides the noun itself ("the airline": "All Nippon Airways")
_NAME_WORDS = {"airline": ("airline", "airways"), "carrier": ("airline", "airways")}


def name_holds(name: str, noun: str) -> bool:
    """Whether a body's name holds the word of a kind noun ("the airline" -> "United Airlines", "British
    Airways"): a word that starts with the noun or with a word names of that kind use for it."""
    stems = _NAME_WORDS.get(noun, (noun,))
    return any(w.startswith(stems) for w in name.lower().split())


def which_names(text: str, ents: list[Ent], parse: Parse | None) -> set[str]:
    """PERSON names the text takes up with "which" ("Nature Air, which bills itself as a carrier"): a
    relative clause opened by "which" and hung on the name itself in the parse. Signal: English relates
    a person with "who", a thing or a body with "which"; "Dowd, which was a problem" hangs its clause on
    the sentence, not on the name, and is left alone."""
    out: set[str] = set()
    if parse is None:
        return out
    for e in ents:
        if e.label != "PERSON":
            continue
        toks = parse.tokens_in(e.start, e.end)
        if not toks:
            continue
        last = toks[-1]
        for k in parse.tokens_in(e.end, min(len(text), e.end + 12)):
            word = text[parse.starts[k] : parse.ends[k]].lower()
            if word == "which":
                verb = parse.heads[k]
                if (
                    parse.deps[verb] == "relcl"
                    and parse.heads[verb] == last
                    and not _marked_person(text, e.text)
                ):
                    out.add(e.text.strip())
                break
            if word not in (",",):
                break
    return out


def modifies_noun(parse: Parse | None, name: Ent) -> bool:
    """Whether a name is a noun modifier in the parse ("Nippon flight attendants told her"): its last word
    is a compound hung on a common noun after it, so the noun phrase, not the name, is who speaks."""
    if parse is None:
        return False
    toks = parse.tokens_in(name.start, name.end)
    if not toks:
        return False
    last = toks[-1]
    head = parse.heads[last]
    return parse.deps[last] == "compound" and head > last and parse.tags[head] in ("NN", "NNS")


def _marked_person(text: str, name: str) -> bool:
    """Whether the text elsewhere marks ``name`` as a person's: an honorific before its last word ("Mr.
    Weinstein"), a "who" clause on it ("Weinstein, who ...") or its surname alone elsewhere; then a "which" the parse hung on it is
    the parser's slip ("Weinstein, which was a problem" is about the clause before)."""
    words = name.split()
    if not words:
        return False
    last, full = re.escape(words[-1]), re.escape(name.strip())
    return bool(
        re.search(rf"\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+{last}\b", text)
        or re.search(rf"\b{full},?\s+who\b", text)
        # "Dana Kerrigan, which made it news ... Kerrigan said": a full name whose surname the text
        # uses alone is a person's ("which" took up the clause or a thing of hers)
        or (len(words) >= 2 and _surname_alone(text, name.strip()))
    )


def _body_name(mention: str) -> str:
    """A body's name as a mention writes it, without a leading "the" or a possessive ending."""
    return re.sub(r"^[Tt]he\s+", "", re.sub(r"\s*['’]s?$", "", mention.strip()))
