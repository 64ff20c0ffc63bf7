"""Gender as the text itself states it: titles, role words and the subject pronoun after a name.

Used to pick the person a "he" or "she" stands for; no guess from the name itself."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyprism.extract.cues import ROLE_SYNONYMS
from storyprism.extract.person_nouns import OCCUPATIONS, PERSON_NOUNS

if TYPE_CHECKING:
    from storyprism.extract.speakers import DocContext

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {"mr": "m", "sir": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f", "miss": "f",
                 "lady": "f", "queen": "f", "princess": "f", "madam": "f", "dame": "f"}  # fmt: skip
_ROLE_GENDER = {
    **dict.fromkeys(
        ["actress", "wife", "mother", "daughter", "sister", "woman", "girl", "businesswoman", "spokeswoman",
         "chairwoman", "congresswoman", "grandmother", "aunt", "niece", "widow", "girlfriend", "mum", "mom"],
        "f",
    ),
    **dict.fromkeys(
        ["actor", "husband", "father", "son", "brother", "man", "boy", "businessman", "spokesman", "chairman",
         "congressman", "grandfather", "uncle", "nephew", "widower", "boyfriend", "dad"],
        "m",
    ),
}  # fmt: skip
# only the subject forms: "McCaskill scolded him" says nothing of McCaskill
_GENDER_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def _genders(ctx: DocContext) -> dict[str, str]:
    """Each person's gender where the text itself says it, by votes over the mentions: a title or a
    role word next to the name ("Mrs.", "the actress", "his wife"), and the first personal pronoun
    after the name in the same sentence, in subject form, when no other person comes between ("Uma
    Thurman says she obtained ..."). A tie or no evidence leaves the person out (no guess from the name)."""
    votes: dict[str, dict[str, int]] = {}
    text = ctx.text
    persons = [p for p in ctx.persons if not any(qs <= p.start < qe for qs, qe in ctx.quoted)]
    for k, p in enumerate(persons):
        name = ctx.full_name(p.text, p.start)
        v = votes.setdefault(name, {"m": 0, "f": 0})
        before = re.findall(r"[A-Za-z]+", text[max(0, p.start - 30) : p.start].lower())[-3:]
        after = re.findall(r"[A-Za-z]+", text[p.end : p.end + 30].lower())[:4]
        first = p.text.split()[0].lower().strip(".") if p.text.split() else ""
        for w in [first, *before, *(after if text[p.end : p.end + 2].startswith(",") else [])]:
            g = _TITLE_GENDER.get(w) or _ROLE_GENDER.get(w)
            if g:
                v[g] += 1
        nxt = persons[k + 1].start if k + 1 < len(persons) else len(text)
        end = min(nxt, p.end + 150)
        stop = re.search(r"[.!?]\s", text[p.end : end])
        m = _GENDER_PRONOUN.search(text, p.end, p.end + stop.start() if stop else end)
        if m:
            v[_PRONOUN_GENDER[m.group(1).lower()]] += 1
    return {n: ("m" if v["m"] > v["f"] else "f") for n, v in votes.items() if v["m"] != v["f"]}


def person_noun_gender(word: str) -> str | None:
    """The gender a person noun implies ("m", "f", "?" for either), None when it names no person."""
    w = word.lower()
    if w in _ROLE_GENDER:
        return _ROLE_GENDER[w]
    if w in PERSON_NOUNS or w in OCCUPATIONS or w in ROLE_SYNONYMS:
        return "?"
    return None
