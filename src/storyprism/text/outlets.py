"""Outlet names and domains as comparable keys ("The New York Times", "www.nytimes.com" -> "nytimes"),
shared by the stages that ask "is this the same outlet" (cleaning, credits, origins)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

# second-level labels of country suffixes ("co.uk", "com.au", "org.in")
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "gen"])


def squash(name: str) -> str:
    """A comparable key for an outlet name or domain: letters and digits, lower case, no 'the'."""
    s = re.sub(r"^(?:https?://)?(?:www\d?\.|edition\.|m\.|amp\.|mobile\.)", "", name.strip().lower())
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def outlet_keys(outlet: str | None, url: str | None = None) -> set[str]:
    """Keys an outlet is known by: its domain's main label ("nytimes"), the domain squashed, the name."""
    keys: set[str] = set()
    for value in (outlet, urlparse(url).hostname if url else None):
        if not value:
            continue
        v = value.lower().strip()
        keys.add(squash(v))
        if "." in v and " " not in v:
            labels = [x for x in v.split(".") if x not in ("www", "edition", "m", "amp", "mobile", "usa", "africa")]
            if labels:
                keys.add(re.sub(r"[^a-z0-9]", "", labels[0]))
            # the registered name under a section host ("money.cnn.com" -> "cnn", "news.bbc.co.uk" ->
            # "bbc"): the label before the public suffix ("com", "co.uk", "com.au")
            rest = labels[:-1]
            if rest and rest[-1] in _SECOND_LEVEL and len(rest) > 1:
                rest = rest[:-1]
            if len(rest) > 1:
                keys.add(re.sub(r"[^a-z0-9]", "", rest[-1]))
    keys.discard("")
    return keys
