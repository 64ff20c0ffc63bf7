"""Names of things that are neither a body, a person nor a place, and names a lowercase kind word closes
(``name_types.drop_non_names`` runs these):

- a leaked set of documents ("Swiss Leaks", "the Paradise Papers") and the short form the article uses
  for it ("the Panama report" beside "Panama Papers"): a work, no linked class, so no mention;
- a theory or a law of nature ("his theory of General Relativity"): an idea, no mention;
- a wild place closed by its lowercase kind ("the Sambisa forest", "the Zambezi river"): the place, its
  span grown over the kind word, so it keys as "Sambisa Forest" does; so is an administrative area closed
  by its kind ("Balkh province") where the NER typed the name alone a person or a body.

Each rule names its signal; none knows a particular name."""

from __future__ import annotations

import re

from storyprism.extract.ents import Ent

_LINKED = ("PERSON", "ORG", "GPE", "LOC", "NORP")
# "Offshore Leaks", "Panama Papers", "the Pentagon Papers", "the FinCEN Files": a capitalised last word of
# these names a set of documents a leak or an inquiry made public
_DOCUMENTS = re.compile(r"(?:^|\s)(?:Leaks|Papers|Files)$")
# "the Panama report" in a story that writes "Panama Papers": the article's short form of the same set
_SHORT_FORM_AFTER = re.compile(r"\s+(?:report|reports|leak|leaks|documents|files|revelations|data)\b")
# "theory of General Relativity", "law of Conservation": what a theory or a law is of is an idea
# ("son-in-law of Zhang": a kin word, no law of nature)
_IDEA_BEFORE = re.compile(
    r"(?<![\w-])(?:theory|theories|law|laws|principle|principles)\s+of\s+(?:the\s+)?$", re.I
)
# "the Sambisa forest": a lowercase kind of wild place right after a one- or two-word name
_WILD_KIND = re.compile(
    r"\s+(forest|river|lake|desert|mountains|mountain\s+range|valley|jungle|swamp|delta|plateau|glacier)\b"
)


# "police chief of Balkh province": a lowercase kind of administrative area right after a name the NER typed
# a person or a body; the area, its span grown over the kind word, as the NER writes it elsewhere
_AREA_KIND = re.compile(r"\s+(province|district|prefecture|governorate|oblast|county)\b")


def _named_before_kind(name: str) -> bool:
    """A name a lowercase kind word may close: one or two capitalised words, no owner's possessive."""
    words = name.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words) and not re.search(r"['’]s?$", name)


def works(text: str, ents: list[Ent]) -> list[Ent]:
    """Without document sets, their short forms and ideas; wild places and administrative areas grown
    over their kind word."""
    sets = {
        re.sub(r"^[Tt]he\s+", "", _DOCUMENTS.sub("", e.text.strip()))
        for e in ents
        if e.label in _LINKED and _DOCUMENTS.search(e.text.strip())
    }
    out = []
    for e in ents:
        name = e.text.strip()
        if e.label in _LINKED and _DOCUMENTS.search(name):
            continue
        if e.label in _LINKED and name in sets and _SHORT_FORM_AFTER.match(text, e.end):
            continue
        # (a country, a state or a people after "the laws of" is whose law it is: "under the laws of
        # Delaware", "the law of Islam"; an idea is never typed so)
        if e.label in ("PERSON", "ORG", "LOC") and _IDEA_BEFORE.search(text, max(0, e.start - 24), e.start):
            continue
        kind = _WILD_KIND.match(text, e.end)
        # (not a city or a country: "crashed into Sydney river" is a river in Sydney, unnamed)
        if kind and e.label in ("ORG", "PERSON", "LOC") and _named_before_kind(name):
            e = Ent(e.start, kind.end(), "LOC", text[e.start : kind.end()])
        area = _AREA_KIND.match(text, e.end)
        if area and e.label in ("ORG", "PERSON") and _named_before_kind(name):
            e = Ent(e.start, area.end(), "GPE", text[e.start : area.end()])
        out.append(e)
    return out
