"""Page chrome and caption credits that the NER takes for names: what is never a name
(``junk_name``), a tabloid kicker in capitals (``shouted_kicker``), an agency credit glued to a name
(``strip_credit``). Pure functions of a mention's text, so each distinct text is read once per process
(``lru_cache``): a corpus repeats its names hundreds of thousands of times and corpus-wide linking asks
these of every mention on every run."""

from __future__ import annotations

import re
from functools import lru_cache

from storyprism.extract.name_signals import TIME_ZONES

# words of page furniture, never part of a name ("Enlarge Image Google", "Invalid", "Click Here")
# caption and section furniture ("Story highlights", "Replay More Videos", "X Photographer")
_UI_WORDS = frozenset(
    ["enlarge", "image", "images", "click", "invalid", "subscribe", "subscribed", "loading", "advertisement",
     "advert", "sponsored", "share", "shares", "print", "comment", "comments", "caption", "gallery", "toggle",
     "menu", "login", "logout", "signup", "newsletter", "cookie", "cookies", "javascript", "browser",
     "download", "playlist", "autoplay", "fullscreen", "slideshow", "thumbnail", "email", "e-mail",
     "undefined", "null", "error", "tap", "swipe", "scroll", "skip", "close", "reply", "replies", "retweet",
     "retweets", "highlights", "videos", "photos", "photographer", "contributor", "replay",
     # a wire story's credit line: "(Reporting by ...; Writing by ...; Editing by ...)"
     "reporting", "writing", "editing"]
)  # fmt: skip
# Photo agencies and social networks that caption lines glue onto the name they credit ("GETTY Max
# Verstappen", "EPA Chicago Cubs", "Twitter Christian Estrosi", "Equifax Twitter"): cut, the rest kept.
_CREDITS = frozenset(
    ["getty", "reuters", "ap", "afp", "epa", "pa", "shutterstock", "alamy", "flynet", "handout", "twitter",
     "instagram", "facebook", "youtube", "pinterest", "wireimage", "invision", "istock", "xinhua", "newslook",
     "corbis"]
)  # fmt: skip


@lru_cache(maxsize=1 << 18)
def junk_name(text: str) -> bool:
    """Page chrome or noise that NER tagged as a name (general signals: UI words, no capital letter,
    no letters, one character)."""
    t = text.strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", t)
    if not words or len(t) < 2 or not any(ch.isupper() for ch in t):
        return True
    if re.search(r"\d(?:st|nd|rd|th)\b", t):
        return True  # "T-21st": an ordinal or a rank is no name
    if t.upper() in TIME_ZONES and t.isupper():
        return True  # "(2107 GMT)": a time zone after a clock time, no body's name
    if "\n" in t or t[:1].isdigit():
        return True  # a span across lines or led by a time stamp ("02:39\nRapid") is layout, not a name
    if any(w.lower() in _UI_WORDS for w in words):
        return True
    if all(w.lower() in _CREDITS for w in words) and len(words) >= 2:
        return True  # "Facebook Twitter Pinterest": a share bar
    # a slash writes a photo credit ("Matt Slocum/AP", "Photo/IC") or a counter ("Ben Morgan 7/8")
    return bool(re.search(r"https?:|www\.|@|\.(?:com|co\.uk|org|net)\b|[<>{}|=/]", t))


_SHOUT = re.compile(r"[A-Z][A-Z'’-]{2,}")


def shouted_kicker(text: str, start: int, end: int) -> bool:
    """A name in a run of capitalised words is a tabloid headline kicker ("BRAIN BUG Ancient virus
    ...", "PORN DEATHS Porn actress ..."), not a name: the mention is in capitals and a word in capitals
    of three letters or more sits right beside it. An acronym in running text ("NASA said") has none."""
    words = text[start:end].split()
    if sum(1 for w in words if _SHOUT.fullmatch(w)) >= 2 and not all(_SHOUT.fullmatch(w) for w in words):
        return True  # "Niburu ROCKET SCIENCE": a name glued to the next headline's capitals
    if not _SHOUT.fullmatch(text[start:end].replace(" ", "")[:40] or "x"):
        return False
    before = re.search(r"([A-Za-z'’-]+)\s$", text[max(0, start - 30) : start])
    after = re.match(r"\s([A-Za-z'’-]+)", text[end : end + 30])
    if any(m is not None and _SHOUT.fullmatch(m.group(1)) is not None for m in (before, after)):
        return True
    # "MOVE TO MARS?": a short word in capitals ("TO", "OF", "IN") between two shouted words is part of
    # the same headline (running text writes such words in lower case)
    bridge = re.match(r"\s([A-Z]{2})\s([A-Za-z'’-]+)", text[end : end + 40])
    return bool(bridge and _SHOUT.fullmatch(bridge.group(2)))


@lru_cache(maxsize=1 << 18)
def strip_credit(text: str) -> tuple[int, int]:
    """(cut at the start, cut at the end) that leave the name a caption credit was glued to: a leading
    agency or network in front of a name of two or more words ("GETTY Max Verstappen" -> "Max
    Verstappen"), a trailing one after it ("Equifax Twitter" -> "Equifax"). (0, 0) when none."""
    words = list(re.finditer(r"\S+", text))
    if len(words) < 2:
        return 0, 0
    head, cut = 0, 0
    if words[0].group(0).strip("-–—:,").lower() in _CREDITS:
        nxt = next((w for w in words[1:] if w.group(0) not in ("-", "–", "—", ":")), None)
        if (
            nxt is not None
            and nxt.group(0)[:1].isupper()
            and nxt.group(0).lower().strip(".,") not in _CREDITS
        ):
            head = nxt.start()
    last = words[-1].group(0).strip(".,")
    if last.lower() in _CREDITS and words[-1].start() > head:
        cut = len(text) - words[-2].end()
    return head, cut
