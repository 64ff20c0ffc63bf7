"""Bodies the link step recognises across the corpus under more than one written name:

- a government body written with and without its country's name before it ("the US State Department",
  "the U.S. State Department", "the State Department"): one body where the corpus qualifies the bare
  name with one country only, in the stories that name that country (``country_led_bodies``).

Read by the link step alone (``linking.py``)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from storyprism.extract.name_fragments import US_STATES, country_names
from storyprism.extract.name_signals import aliases

# the last word of a state's body: a country's name before it says whose body it is ("US Treasury
# Department", "UK Foreign Office", "U.S. Securities and Exchange Commission")
_STATE_BODY = re.compile(
    r"\b(?:department|ministry|office|commission|agency|administration|bureau|service|council|senate|"
    r"congress|parliament|treasury|embassy|consulate|force|army|navy|guard|police)$"
)


# a US state's name sets a story in the United States (not "Georgia", a country's name too)
_STATES_OF_US = frozenset(s.lower() for s in US_STATES.split("|")) - {"georgia"}


def _country(prefix: str) -> str | None:
    """The country a name's opening words are ("us", "u.s.", "united states" -> "united states")."""
    known = aliases().get(prefix)
    if known and known[1] == "place":
        return known[0].lower()
    return prefix if prefix in {c.lower() for c in country_names()} else None


def _split(key: str) -> tuple[str, str] | None:
    """(country, body) for an organisation key opening with a country's name and closing in a state's
    body noun ("us state department" -> ("united states", "state department")), else None."""
    words = key.split()
    for n in (3, 2, 1):
        if len(words) > n and _STATE_BODY.search(words[-1]):
            country = _country(" ".join(words[:n]))
            if country:
                return country, " ".join(words[n:])
    return None


def country_led_bodies(keys: list[str | None], articles: list[str]) -> list[str | None]:
    """Keys with a state's body written with its country's name and without it joined: every
    "org|us state department" and "org|u.s. state department" takes one key, and so does the bare
    "org|state department" in a story that names that country (keyed "place|united states").

    Signal: a country's name before a government body's says whose it is, and English drops it once
    the story has set the country; so only where every qualified form of the bare name in the corpus
    names one country (no "Chinese Foreign Ministry" beside "Russian Foreign Ministry", no "German Red
    Cross": a people's word before it is no country's name and keeps the bare name apart), and only in
    the stories that name that country (a bare "Foreign Ministry" elsewhere may be another state's); a
    story that names a US state names the United States."""
    org = {k[4:] for k in keys if k and k.startswith("org|")}
    led: dict[str, dict[str, str]] = defaultdict(dict)  # body -> {qualified key: country}
    for k in org:
        split = _split(k)
        if split:
            led[split[1]][k] = split[0]
    # every other qualified form of the body ("chinese foreign ministry", "russia's foreign ministry")
    others = {body for body in led for k in org if k.endswith(" " + body) and k not in led[body]}
    joined: dict[str, str] = {}  # key -> the one key of the body
    country_of: dict[str, str] = {}  # bare key -> its country
    qualified: dict[str, str] = {}  # qualified key -> its country
    for body, forms in led.items():
        if body in others or len(set(forms.values())) != 1 or len(forms) + (body in org) < 2:
            continue
        counts = Counter(k for k in keys if k and k.startswith("org|") and k[4:] in forms)
        target = counts.most_common(1)[0][0]
        for k, country in forms.items():
            joined[f"org|{k}"] = target
            qualified[f"org|{k}"] = country
        joined[f"org|{body}"] = target
        country_of[f"org|{body}"] = next(iter(forms.values()))
    if not joined:
        return keys
    places: dict[str, set[str]] = defaultdict(set)
    for key, art in zip(keys, articles, strict=True):
        if key and key.startswith("place|"):
            places[art].add(key[6:])
            if key[6:] in _STATES_OF_US:
                places[art].add("united states")  # "West Palm Beach, Florida": a story set in the US
        elif key in qualified:
            places[art].add(qualified[key])  # "the US State Department" names the country too
    out: list[str | None] = []
    for key, art in zip(keys, articles, strict=True):
        if key in country_of and country_of[key] not in places[art]:
            out.append(key)  # a bare name in a story that does not name the country: left alone
        else:
            out.append(joined.get(key, key) if key else key)
    return out
