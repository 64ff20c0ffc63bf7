"""Surnames the NER missed after a full name was written: news names a person in full, then by surname
alone, and the small model often leaves the later mentions untagged or types them as a place or a date.
Used by ``speakers.DocContext.build``."""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent

_WEEKDAYS_MONTHS = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|"
    r"september|october|november|december",
    re.IGNORECASE,
)


# lower-case words inside a person's name ("Osama bin Laden", "Ursula von der Leyen")
_NAME_PARTICLES = frozenset(
    ["bin", "ibn", "al", "el", "de", "da", "di", "del", "der", "van", "von", "du", "la", "le"]
)


def with_missed_surnames(
    text: str,
    persons: list[Ent],
    full: dict[str, str],
    first_seen: dict[str, int],
    ents: tuple[Ent, ...] | list[Ent] = (),
) -> list[Ent]:
    """The persons plus the surnames the NER missed or mistyped after the full name was written
    ("Elon Musk ... Musk has said ..." with the second "Musk" untagged or tagged DATE).

    Signal: news names a person in full, then by surname alone; once "Elon Musk" is written, a later
    capitalised "Musk" standing alone is that person. Kept out: a surname the document also writes in
    lower case ("Young", "May": a common word there), months and weekdays, and a surname that opens or
    continues a longer capitalised name ("Musk Foundation", "Tesla Musk")."""
    covered = [(p.start, p.end) for p in persons]
    # a word the NER reads as a place is one, unless the text tags it a person's name more often than a
    # place ("Tarantino was choking Thurman" typed GPE once among a dozen "Tarantino" persons: the small
    # model's slip; "Washington" named as a city ten times beside one "George Washington" stays a place)
    place_votes: dict[str, int] = {}
    for ent in ents:
        if ent.label in ("GPE", "LOC", "FAC"):
            place_votes[ent.text] = place_votes.get(ent.text, 0) + 1
    person_votes: dict[str, int] = {}
    for per in persons:
        last = per.text.split()[-1] if per.text.split() else ""
        person_votes[last] = person_votes.get(last, 0) + 1
    # a lone surname the NER typed as a body ("Even Watts, the woman who ...") was read as a name, not a
    # place: it votes against the place reading of the same word
    for ent in ents:
        if ent.label == "ORG" and ent.text in person_votes:
            person_votes[ent.text] += 1
    places = {w for w, n in place_votes.items() if n >= person_votes.get(w, 0)}
    extra: list[Ent] = []
    for name in full.values():
        surname = name.split()[-1]
        if len(surname) < 3 or not surname[:1].isupper() or _WEEKDAYS_MONTHS.fullmatch(surname):
            continue
        if len(set(name.split())) < len(name.split()):
            continue  # "Equifax Equifax": a word written twice (a credit glued to a caption) is no one's name
        if any(not w[:1].isupper() and w not in _NAME_PARTICLES for w in name.split()) or surname in places:
            continue  # "Auckland v. Oakland" is a heading, and a word the NER reads as a place is one
        given = re.escape(name.split()[0])
        if re.search(rf"(?<!{given})(?:^|\s){re.escape(surname.lower())}(?=[\s,.;:!?])", text):
            continue  # also a common word in this text (not "Elon musk", nor a link's "elon-musk")
        since = first_seen.get(name, len(text))
        if first_seen.get(surname, len(text)) < since:
            continue  # "Thurman" in use long before her father "Robert Thurman" is named: someone else
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text):
            s, e = m.span()
            if s < since or any(a < e and s < b for a, b in covered):
                continue
            prev = re.search(r"([A-Z][\w'’.-]*)\s$", text[max(0, s - 30) : s])
            if (
                prev
                and prev.group(1).rstrip(".") not in ("Mr", "Mrs", "Ms", "Dr", "Miss")
                # "... over the Pacific Ocean. Teigen said": a word of four letters or more with a full
                # stop ends the sentence before (an initial or "St." may sit inside a name)
                and not (prev.group(1).endswith(".") and len(prev.group(1).rstrip(".")) >= 4)
                and not re.search(
                    r"(?:^|[.!?:;\n][\"”’]?\s*)$", text[max(0, s - 60) : s - len(prev.group(0))]
                )
            ):
                continue  # "Tesla Musk": the word continues another name (a sentence's first word does not)
            if re.match(r"\s[A-Z]", text[e : e + 2]):
                continue  # "Musk Foundation": it opens a longer name
            extra.append(Ent(s, e, "PERSON", surname))
    if not extra:
        return persons
    return sorted(persons + extra, key=lambda p: p.start)
