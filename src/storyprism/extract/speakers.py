"""Speaker names: named-entity spans, and resolving a speaker phrase to the name it stands for.

A phrase is resolved to a PERSON inside it ("Putin's adviser, Yuri Ushakov" -> the head name), a
pronoun to the nearest preceding PERSON, and a role noun ("the Russian leader", "a Kremlin aide") to the
person whose title seen next to the name ("Russian President Vladimir Putin") fits it best.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyprism.extract.cues import PRONOUNS, ROLE_SYNONYMS
from storyprism.extract.linking import _TITLES

GENERIC_SPEAKERS = frozenset(
    [
        "officials",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "statement",
        "report",
        "reports",
        "study",
        "poll",
        "critics",
        "experts",
        "sources",
        "source",
        "analysts",
        "aides",
        "aide",
        "police",
        "authorities",
        "government",
        "campaign",
        "agency",
        "department",
        "office",
        "committee",
        "court",
        "lawyers",
        "lawyer",
        "attorney",
        "attorneys",
        "witnesses",
        "residents",
        "people",
        "prosecutors",
        "investigators",
        "researchers",
        "survey",
        "data",
        "documents",
        "document",
        "letter",
        "memo",
        "sources",
        "source",
        "administration",
        "white",
        "house",
        "kremlin",
        "pentagon",
        "person",
        "man",
        "woman",
        "spokesmen",
        "group",
        "organization",
        "company",
        "team",
        "foundation",
    ]
)
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# nouns that stand for an organisation named before ("the company said")
ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "organization",
        "organisation",
        "group",
        "agency",
        "airline",
        "bank",
        "network",
        "broadcaster",
        "newspaper",
        "paper",
        "magazine",
        "channel",
        "ministry",
        "department",
        "zoo",
        "team",
        "club",
        "league",
        "university",
        "school",
        "hospital",
        "carrier",
        "retailer",
        "manufacturer",
        "automaker",
        "startup",
        "exchange",
        "regulator",
        "watchdog",
        "charity",
        "union",
        "party",
        "council",
        "commission",
        "committee",
        "court",
        "studio",
        "label",
        "publisher",
        "website",
        "site",
    ]
)


@dataclass(slots=True)
class Ent:
    """A named-entity span in the article text (from spaCy)."""

    start: int
    end: int
    label: str
    text: str


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class DocContext:
    """Per-document lookups for resolution: PERSON mentions and the titles seen next to them."""

    text: str
    ents: list[Ent]
    persons: list[Ent] = field(default_factory=list)
    titles: dict[str, set[str]] = field(default_factory=dict)  # full name -> title words
    full: dict[str, str] = field(default_factory=dict)  # surname -> the doc's usual full name for it
    subjects: set[int] = field(default_factory=set)  # starts of PERSON mentions that are clause subjects

    @classmethod
    def build(cls, text: str, ents: list[Ent]) -> DocContext:
        ctx = cls(text=text, ents=ents)
        ctx.persons = [e for e in ents if e.label == "PERSON"]
        # surname -> the full name used most in the document (ties: the first one met), not the
        # longest: "Uma Thurman" over her father "Robert Thurman" mentioned once
        counts: dict[str, dict[str, int]] = {}
        for p in ctx.persons:
            name = norm_name(p.text)
            parts = name.split()
            if len(parts) > 1:
                by_name = counts.setdefault(parts[-1], {})
                by_name[name] = by_name.get(name, 0) + 1
        for last, by_name in counts.items():
            ctx.full[last] = max(by_name, key=lambda n: by_name[n])
        for p in ctx.persons:
            name = ctx.full_name(p.text)
            words = ctx.titles.setdefault(name, set())
            before = text[max(0, p.start - 60) : p.start]
            before = re.split(r"[.;:!?“”\"]|\b(?:and|with|between|said|told|by)\b", before)[-1]
            words.update(re.sub(r"['’]s$", "", w.lower().strip(",")) for w in before.split()[-5:])
            after = re.match(r",\s+(?:a|an|the|who is)?\s*([^,.;]{2,60})[,.;]", text[p.end : p.end + 80])
            if after:
                words.update(w.lower().strip("'’s") for w in after.group(1).split())
        return ctx

    def full_name(self, mention: str) -> str:
        name = norm_name(mention)
        parts = name.split()
        if len(parts) == 1 and parts[0] in self.full:
            return self.full[parts[0]]
        return name

    def person_before(self, pos: int) -> str | None:
        """The person a pronoun at ``pos`` stands for: the last person who was a clause subject in the
        preceding 400 characters (the centre of attention: "Timberlake ... not James Brown calibre
        ... he hollered"), else the last person mentioned."""
        best = None
        subject = None
        for p in self.persons:
            if p.end <= pos:
                best = p
                if p.start in self.subjects and pos - p.end <= 400:
                    subject = p
            else:
                break
        pick = subject or best
        return self.full_name(pick.text) if pick else None

    def organisation(self, phrase: str, pos: int) -> str | None:
        """The organisation a definite description ("the company", "the airline") stands for: the
        last organisation named before it in the document, when the phrase is "the" + such a noun."""
        words = [w.lower().strip(",.") for w in phrase.split()]
        if len(words) != 2 or words[0] != "the" or words[1] not in ORG_NOUNS:
            return None
        best = None
        for e in self.ents:
            if e.end > pos:
                break
            if e.label == "ORG":
                best = e
        return norm_name(best.text) if best else None

    def role(self, phrase: str, pos: int) -> str | None:
        """The named person a role phrase ("the Russian leader") stands for, or None."""
        words = [re.sub(r"['’]s$", "", w.lower().strip(",.")) for w in phrase.split()]
        heads = [w for w in words if w in ROLE_SYNONYMS]  # singular only: "officials" are not one person
        if not heads:
            return None
        if words[0] in ("a", "an", "another", "one"):
            return None  # "a Kremlin spokesman": an indefinite phrase introduces someone new
        tail = phrase.split()[-2:]
        if len(tail) == 2 and all(
            w[:1].isupper() and w.lower().strip(",.") not in ROLE_SYNONYMS for w in tail
        ):
            return None  # "Minister of Defence Itsunori Onodera": the phrase names its person
        compatible = ROLE_SYNONYMS[heads[-1]]
        modifiers = {w for w in words if w not in ROLE_SYNONYMS and w not in ("the", "a", "an", "his", "her")}
        best: tuple[float, int, str] | None = None
        for p in self.persons:
            name = self.full_name(p.text)
            title = self.titles.get(name, set())
            if not title & compatible:
                continue
            score = 1.0 + len(modifiers & title) - (0.5 if p.start > pos else 0.0)
            key = (score, p.start if p.start <= pos else -p.start, name)
            if best is None or key > best:
                best = key
        return best[2] if best else None


def norm_name(mention: str) -> str:
    name = re.sub(r"['’]s$", "", mention.strip()).strip(" ,.")
    name = re.sub(r"^(?:the|The)\s+", "", name)
    words = name.split()
    # "Mayor Ana Ruiz", "Sen. Mark Hale": a title NER kept inside the name is not part of it
    while len(words) > 2 and words[0].lower().strip(".") in _TITLES and words[1][:1].isupper():
        words = words[1:]
    return " ".join(words)


def resolve(ctx: DocContext, span: tuple[int, int]) -> str:
    """The name a speaker phrase stands for (the phrase itself when nothing better is known)."""
    s, e = span
    phrase = ctx.text[s:e]
    inside = [x for x in ctx.ents if x.start >= s and x.end <= e and x.label in SPEAKER_LABELS]
    persons = [x for x in inside if x.label == "PERSON"]
    if persons:
        # "Putin's foreign affairs adviser, Yuri Ushakov": the head is the last name, unless possessive
        pick = [p for p in persons if not ctx.text[p.end : p.end + 2].startswith(("'s", "’s"))]
        if pick:
            head = pick[-1]
            rest = ctx.text[head.end : e]
            # "the Biden administration": the name modifies a noun, so the phrase is the speaker
            if not rest.strip() or rest.lstrip().startswith(","):
                return ctx.full_name(head.text)
            # "Xi welcomed Putin's visit and (said)": the name starts the phrase and a verb follows
            first_rest = rest.split()[0] if rest.split() else ""
            if head.start == s and first_rest[:1].islower() and first_rest.lower() not in GENERIC_SPEAKERS:
                return ctx.full_name(head.text)
        return norm_name(phrase)
    low = phrase.lower().strip()
    if low in PRONOUNS:
        if low in ("he", "she", "him", "her"):
            return ctx.person_before(s) or phrase
        return phrase
    role = ctx.role(phrase, s)
    if role:
        return role
    org = ctx.organisation(phrase, s)
    if org:
        return org
    return norm_name(phrase)
