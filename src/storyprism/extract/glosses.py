"""Initialisms glossed in brackets after a name ("the Japan Aerospace Exploration Agency (JAXA)",
"Transport for London (TfL)"): the name and its initialism are one body. Kept apart from
``linking`` so that module stays readable; it needs nothing from it."""

from __future__ import annotations

import re
from collections import defaultdict

from storyprism.records import Mention


def glossed(mentions: list[Mention], keys: list[str | None]) -> list[str | None]:
    """ "the Japan Aerospace Exploration Agency (JAXA)": an initialism in brackets right after a name,
    with that name's initials, is the same body: the long name joins the initialism's entity, where
    the alias table may already have put it ("DPRK" with North Korea); one gloss, else no guess."""
    by_pos = {(m.article, m.start): i for i, m in enumerate(mentions) if m.start >= 0}
    gloss: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        j = by_pos.get((m.article, m.end + 2), by_pos.get((m.article, m.end + 3)))  # " (JAXA", " ( JAXA"
        long_key, short_key = keys[i], keys[j] if j is not None else None
        if j is None or long_key is None or short_key is None or not long_key.startswith(("org|", "place|")):
            continue
        short = mentions[j].text.strip()
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", m.text) if w[0].isupper())
        if (
            initialism(short)
            and 2 <= len(short) <= 6
            and abbreviates(short, m.text, initials)
            and short_key != long_key
        ):
            gloss[long_key].add(short_key)
    return [next(iter(gloss[k])) if k is not None and len(gloss.get(k, ())) == 1 else k for k in keys]


def abbreviates(short: str, name: str, initials: str) -> bool:
    """ "JAXA" for "Japan Aerospace eXploration Agency": the name's initials, or its first initial and
    then the initialism's letters in order in the name (an initialism may take an inner letter)."""
    if short == initials:
        return True
    letters = iter(re.sub(r"[^a-z]", "", name.lower()))
    return (
        bool(initials)
        and short[0] == initials[0]
        and len(initials) >= len(short) - 1
        and all(ch in letters for ch in short.lower())
    )


def initialism(short: str) -> bool:
    """ "JAXA", and also "TfL", "DfE", "MoD": an initialism in brackets may keep a short linking word in
    lower case (the initial of "for", "of"); it opens with a capital, has two capitals at least and no
    space (signal: a glossed name's letters, not a word)."""
    return (
        short[:1].isupper()
        and " " not in short
        and sum(ch.isupper() for ch in short) >= 2
        and short.isalpha()
        and (short.isupper() or sum(ch.islower() for ch in short) == 1)
    )
