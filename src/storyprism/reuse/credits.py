"""What an article says about where its text comes from: wire carriage, credits, own reporting.

Every signal here is one a copy desk leaves on the page by convention, so it carries to corpora
never seen:

* wire carriage (``wire_agency``): agency copyright lines ("Copyright 2017 The Associated Press"),
  wire datelines ("WASHINGTON (AP) —", "(Reuters) -"), agency bylines ("By The Associated Press"),
  wire sections in the URL (``/wires/ap/``); weaker, only counted together with shared text:
  agency photo credits ("(AP Photo/...)") and "The Associated Press contributed to this report";
* credits (``find_credits``): "according to <outlet>", "first reported by", "per the Times",
  "via the New York Times", "told <outlet>", "<outlet> reported", "obtained by <outlet>",
  "Source: <outlet>"; document credits: "in a blog post", "in a statement", "in a press release",
  "a filing shows". A credit to the article's *own* outlet ("told Newsweek" in Newsweek) is its own
  reporting, not a credit;
* primary documents (``is_primary_document``): press rooms, company blogs, university news
  offices, release wires. News rewrites them, not the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from storyprism.text import datelines as DL
from storyprism.text.calendar import MONTHS, WEEKDAYS
from storyprism.text.cues import speech_forms
from storyprism.text.outlets import outlet_keys, squash

# Agencies by the names they sign with; the value is the short name used in ``wire:NAME``.
AGENCIES = {
    "associated press": "AP", "ap": "AP", "reuters": "Reuters", "thomson reuters": "Reuters",
    "agence france-presse": "AFP", "agence france presse": "AFP", "afp": "AFP", "press association": "PA",
    "pa": "PA", "pa media": "PA", "press trust of india": "PTI", "pti": "PTI", "xinhua": "Xinhua",
    "dpa": "dpa", "deutsche presse-agentur": "dpa", "upi": "UPI", "united press international": "UPI",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "efe": "EFE", "ansa": "ANSA", "bloomberg": "Bloomberg",
    "canadian press": "CP", "the canadian press": "CP", "australian associated press": "AAP", "aap": "AAP",
    "ians": "IANS", "tass": "TASS", "interfax": "Interfax", "anadolu": "Anadolu",
}
# the agencies' own sites: a story carried from an agency resolves to its own copy when present
AGENCY_DOMAINS = {"AP": ("apnews.com", "ap.org"), "Reuters": ("reuters.com",), "AFP": ("afp.com",),
                  "PA": ("pa.media",), "PTI": ("ptinews.com",), "Xinhua": ("xinhuanet.com", "news.cn"),
                  "Bloomberg": ("bloomberg.com",), "UPI": ("upi.com",)}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES if len(k) > 3), key=len, reverse=True))
# a copyright *line* carries a year ("Copyright 2017 The Associated Press"); "© REUTERS" alone is a
# photo credit
_COPYRIGHT = re.compile(
    # "Image copyright PA Image caption ..." is a picture desk's credit beside a photo, not the text's
    rf"(?<!image )(?<!photo )(?<!picture )(?:copyright\s*(?:©\s*)?(?:\d{{4}}\s*)?|(?:©|\(c\))\s*\d{{4}}\s*)(?:the\s+)?({_AGENCY_ALT}|AP|AFP|PA)\b",
    re.IGNORECASE,
)
# a wire dateline's agency credit anywhere in the head ("WASHINGTON (AP) —", "(Reuters) -"); the one
# agency list is text/datelines.py's
_DATELINE = re.compile(rf"\(({DL.AGENCY})\)\s*(?:{DL.DASH}|:)")
# a page's date line tagged with its source agency: "Updated: 2016-07-15 06:50 (Xinhua)" (China Daily
# and other sites print the agency beside the time stamp instead of a dateline)
_STAMP_TAG = re.compile(
    rf"\b(?:Updated|Published|Posted)\b:?[^\n()]{{0,40}}?\d{{1,2}}:\d{{2}}\s*\(({DL.AGENCY})\)"
    # ... or as the source field that opens the date line: "Xinhua | Updated: 2017-09-15 17:52"
    rf"|(?:^|\n)[ \t]*(?:Source:\s*)?({DL.AGENCY})[ \t]*\|[ \t]*(?:Updated|Published|Posted)\b",
    re.IGNORECASE)
_BYLINE = re.compile(rf"^\s*By\s+(?:the\s+)?({_AGENCY_ALT})\s*$", re.IGNORECASE | re.MULTILINE)
# a byline or a date-line tag that credits "Agencies" ("By Agencies", "Updated: 2016-07-15 13:14
# (Agencies)"), or a last line that signs off with it ("— Agencies", "Source: Agencies"): the desk
# compiled agency copy and names no agency. A photo credit ("[Photo/Agencies]") credits a picture
# only, and "additional reporting from agencies" an outlet's own story with agency help: neither counts
_AGENCIES_HEAD = re.compile(r"\bBy\s+Agencies\b|\(Agencies\)")
_AGENCIES_TAIL = re.compile(r"^(?:[-\u2013\u2014]+\s*|Source:\s*|\()?Agencies\)?\.?$", re.IGNORECASE)
# a wire section in a carrier's URL: "/wires/ap/", and a paper's agency feeds ("/aponline/", "/reuters/")
_WIRE_URL = re.compile(
    r"/wires?/(ap|afp|pa|reuters|pti|ians|dpa|upi|xinhua|bloomberg)(?:/|$)|/(ap)online/|/(reuters)/\d{4}/", re.IGNORECASE
)
_PHOTO = re.compile(r"\((AP|AFP|Reuters|PA)(?: Photo)?/[^)]{2,60}\)|/(Associated Press|AFP|Reuters)\)")
_SIGNOFF_NAME = r"(?:AP|AFP|Reuters|PA|PTI|UPI|dpa|Xinhua|IANS|AAP|Associated Press|Agence France-Presse)"
# a line that is nothing but agency names ("AP - AFP", "Reuters/AP"): the desk's sign-off
# (a single bare name may be a photo credit: it needs the sign-off's dash or brackets, "— Reuters", "(AFP)")
# Also the editors' sign-off some broadcasters' desks close an agency-compiled story with: their
# lower-case initials, then the agencies in brackets ("jm/dm (AFP, dpa)", "ls/rc (Reuters, AP)")
_SIGNOFF = re.compile(
    rf"^(?:{_SIGNOFF_NAME}(?:\s*(?:[-/,&–]|and)\s*{_SIGNOFF_NAME})+|[-–—]+\s*{_SIGNOFF_NAME}"
    rf"|(?:[a-z]{{2,4}}/)*(?:[a-z]{{2,4}}\s+)?\({_SIGNOFF_NAME}(?:\s*,\s*{_SIGNOFF_NAME})*\))\.?$"
)
_BARE_SIGNOFF = re.compile(rf"^{_SIGNOFF_NAME}\.?$")
_CONTRIBUTED = re.compile(rf"(?:the\s+)?({_AGENCY_ALT}|AP)\s+contributed to (?:this|the) report", re.IGNORECASE)

# Words that make a capitalised name an outlet ("Dallas Morning News", "Times-Picayune").
MEDIA_WORDS = frozenset(
    ["times", "post", "news", "journal", "herald", "daily", "telegraph", "guardian", "tribune", "gazette", "chronicle", "mail", "express", "sun", "mirror", "independent", "observer", "standard", "star", "press", "agency", "wire", "magazine", "review", "radio", "tv", "television", "channel", "network", "broadcasting", "examiner", "inquirer", "courier", "register", "record", "dispatch", "bulletin", "picayune", "reporter", "insider", "wired", "verge", "cnet", "techcrunch", "engadget", "variety", "deadline", "hollywood", "billboard", "politico", "axios", "vox", "vice", "buzzfeed", "huffpost", "huffington", "slate", "salon", "forbes", "fortune", "economist", "atlantic", "yorker", "newsweek", "cnn", "bbc", "nbc", "abc", "cbs", "fox", "npr", "pbs", "msnbc", "cnbc", "espn", "sky", "itv", "rt"]
)
# A local broadcaster signs on air with its channel number after the network's or its call sign's
# letters, glued or not ("ABC7", "NBC 5", "FOX 11", "KTLA 5"): the number is part of the name.
_CHANNEL = r"(?:ABC|NBC|CBS|FOX|Fox|CW|PIX|[KW][A-Z]{2,3})\s?\d{1,2}\b(?![.,:]\d)"
_NAME = rf"(?:{_CHANNEL}|[A-Z][\w&'.-]*|of|the|and|de)(?:\s+(?:{_CHANNEL}|[A-Z][\w&'.-]*|of|the|and|de)){{0,5}}"
# what may stand between a credit's cue and a station's name: "told local ABC7", "according to local
# TV station KTLA", "told CNN affiliate KTVT" (the station named is the outlet that asked, not the network)
_LEAD = r"(?:the\s+)?(?:(?:(?:local|[A-Z]{2,5})\s+)?(?:(?:TV|television|radio|news)\s+)?(?:station|affiliate)\s+|local\s+)?"
# what a credit may name a piece of reporting ("according to a detailed account by The Athletic")
_PIECE = r"(?:report|story|account|article|interview|investigation|piece|post|analysis|feature|dispatch|exclusive)"
_CREDIT_PATTERNS = [
    # "according to a story on / a detailed account by X" credits a whole piece of X's reporting:
    # a story-level credit, unlike "according to X" after one quote
    ("report by", re.compile(
        rf"\baccording to (?:a|an|the) (?:[\w-]+ ){{0,2}}?{_PIECE} (?:by|in|from|on|at|published by) (?:the\s+)?({_NAME})")),
    # the agencies' member credit line closing a story: "Information from: Erie Times-News, http://..."
    ("source", re.compile(rf"^\s*(?:[_-]+\s*)?Information from:?\s*(?:the\s+)?({_NAME})", re.MULTILINE)),
    ("according to", re.compile(rf"\baccording to (?:a report (?:by|in) |an? \w+ (?:by|in|from) )?{_LEAD}({_NAME})")),
    ("first reported by", re.compile(rf"\b(?:first|originally) reported (?:by|in) (?:the\s+)?({_NAME})")),
    ("per", re.compile(rf"\bper {_LEAD}({_NAME})")),
    ("via", re.compile(rf"\bvia {_LEAD}({_NAME})")),
    ("told", re.compile(rf"\btold {_LEAD}({_NAME})")),
    # an interview given to an outlet is its reporting: "in an interview with Deadline", "speaking to
    # the BBC", "gave an interview to The New York Times"; also with no "in" ("used a post on Twitter
    # and an interview with The New York Times to accuse") or naming one interview ("In the interview
    # with The Times, published Thursday night"): either way the outlet asked the questions
    ("told", re.compile(
        rf"\b(?:(?:[Ii]n )?(?:an?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?:[\w-]+ )?interview with|[Ss]peaking to|[Ss]poke to|"
        rf"an? (?:[\w-]+ )?interview to) (?:the\s+)?({_NAME})")),
    # a piece named by its outlet: "said in the Times article", "in a New York Times interview"
    ("report by", re.compile(
        rf"\b(?:in|by) (?:the|a|an) ({_NAME}) (?:article|report|story|piece|interview|profile|investigation)\b")),
    # what the outlet saw or got hold of: "obtained by", "seen by", "reviewed by" The Verge
    ("obtained by", re.compile(rf"\b(?:[Oo]btained|[Ss]een|[Rr]eviewed) by (?:the\s+)?({_NAME})")),
    # a syndication footer: "... originally appeared on BGR.com", "first published in The Conversation"
    ("first reported by", re.compile(
        rf"\b(?:originally|first) (?:appeared|published|posted|ran) (?:on|in|at|by) (?:the\s+)?({_NAME})")),
    # "as noted by 9to5Mac", "first spotted by Engadget": the outlet that found it
    ("reported", re.compile(rf"\b(?:[Nn]oted|[Ss]potted|first spotted|[Ff]lagged|[Rr]evealed) by (?:the\s+)?({_NAME})")),
    # "X reports" / "X cited" are the same credit in the present tense or naming what X quoted
    # ("Reuters reports, citing officials", "Reuters cited the Amaq website")
    ("reported", re.compile(
        rf"(?:^|[^\w])(?:the\s+)?({_NAME}) (?:first |previously |originally )?(?:reported|reports|cited|cites)\b")),
    # the same credit inverted after the clause it credits: "..., reports BBC News."
    ("reported", re.compile(rf"[,;]\s+(?:reports|reported)\s+(?:the\s+)?({_NAME})")),
    ("citing", re.compile(rf"\b(?:citing|cited by|quoted by) {_LEAD}({_NAME})")),
    ("source", re.compile(rf"^\s*(?:Source|Via|H/T|Hat tip):\s*(?:the\s+)?({_NAME})\s*$", re.MULTILINE)),
    ("report by", re.compile(rf"\b(?:a|the) report (?:by|in|from) (?:the\s+)?({_NAME})")),
]
# A name in apposition with a media noun is an outlet, whatever its name: "the Yonhap news agency
# reports", "the South Korean newspaper Chosun Ilbo said". Signal: the noun says what the name is (an
# unfamiliar paper's name carries no media word of its own). The verb is kept as the credit's cue:
# no story-level cue (``STORY_CUES``), so one such credit alone is not the article's source
_MEDIA_NOUN = (r"(?:news agency|news service|state news agency|newspaper|daily|broadcaster|news site|news website|"
               r"news outlet|magazine|tabloid|news channel|television channel|TV channel|radio station)")
_APPOSITIVE_VERB = r"(?:first |previously |also |later )?(reported|reports|said|says|claimed|claims|cited|cites)\b"
# a block quotation introduced by its outlet alone, on a line of its own: "From Yonhap:"
_FROM_OUTLET = re.compile(rf"(?:^|\n)\s*From (?:the\s+)?({_NAME}):\s*(?:$|\n|[\"\u201c])")
_APPOSITIVE_CUES = ("report", " said", " says", "claim", "cite")
_APPOSITIVE_PATTERNS = [
    re.compile(rf"(?:^|[^\w])(?:the\s+)?({_NAME})\s+{_MEDIA_NOUN},?\s+{_APPOSITIVE_VERB}"),
    re.compile(rf"\b{_MEDIA_NOUN},?\s+({_NAME}),?\s+{_APPOSITIVE_VERB}"),
]
_CUE_WORDS = ("according", "report", "cite", "citing", "quoted by", "per ", "via ", "told", "obtained", "source",
              "h/t", "hat tip", "information from", "seen by", "reviewed by", "appeared", "published", "posted",
              "ran ", "noted by", "spotted by", "flagged by", "revealed by", "interview", "speaking to", "spoke to",
              "article", "story", "piece", "profile", "investigation",
              "blog", "release", "statement", "filing")
# a credit that names no one: "according to reports", "media reported", a bare "Source:" line
_UNNAMED = re.compile(
    r"\b[Aa]ccording to (?:a |an |local |media |news |several |unconfirmed )*(?:reports?|media|sources)\b"
    r"(?! (?:by|in|from|at) (?:the )?[A-Z])|\b(?:local |state |foreign )?media (?:outlets )?(?:reported|reports)\b|"
    r"^\s*(?:Source|Via):\s*$",
)
_SOURCE_LINE = re.compile(r"^\s*(?:[_-]+\s*)?(?:Source|Via|H/T|Hat tip|Information from):\s*\S", re.IGNORECASE)
# The outlet's own staff named in the first person: "our correspondent in Kabul saw", "our Middle East
# correspondent", "this reporter", "told this newspaper". Convention: a paper names its own reporters
# so ("our"); agency copy, sold to every subscriber, never does, so such a sentence is the piece's own
# reporting wherever it runs (the first-person twin of "told <own outlet>"). Read outside quotations
# (a quoted editor's "our reporters were detained" is the editor's paper, not this one).
_OWN_STAFF = re.compile(
    r"\b(?:[Oo]ur|[Tt]his\s+(?:newspaper|paper|website|programme|program|station)['\u2019]s)\s+(?:own\s+)?"
    r"(?:[A-Z][\w.-]*\s+){0,3}(?:[a-z][\w-]*\s+)?(?:correspondents?|reporters?)\b"
    r"|\b[Tt]his\s+(?:reporter|correspondent)\b"
    r"|\b(?:told|said\s+to|spoke\s+to|speaking\s+to)\s+(?:this|our)\s+(?:newspaper|paper|website|reporter|"
    r"correspondent|programme|program|station)\b"
)
_QUOTE_SPAN = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")


def own_staff(sentence: str) -> bool:
    """The sentence names the outlet's own staff in the first person (``_OWN_STAFF``), outside
    quotations; a sentence with an unclosed quotation (part of a longer quote) is not read."""
    if "our " not in sentence.lower() and "this " not in sentence.lower():
        return False  # the cheap test first: most sentences name no staff
    rest = _QUOTE_SPAN.sub(" ", sentence)
    return not _QUOTE_MARK.search(rest) and bool(_OWN_STAFF.search(rest))
_DOC_CREDIT = re.compile(
    r"\b(?:in|on) (?:a|its|his|her|their|the company's) (blog post|blog|press release|news release|statement|"
    r"filing)\b|\b(?:a|the) (filing|press release|news release|statement) (?:shows|says|said|showed)\b|"
    r"\bannounced (?:on|in) (?:its|a) (blog)\b",
    re.IGNORECASE,
)
_PRIMARY_HOST = re.compile(r"^(?:blog|blogs|news|newsroom|press|media|pressroom|investor|ir)\.", re.IGNORECASE)
_PRIMARY_PATH = re.compile(r"/(?:press-releases?|news-releases?|pressroom|newsroom|press)/", re.IGNORECASE)
_RELEASE_WIRES = ("prnewswire.com", "businesswire.com", "globenewswire.com", "eurekalert.org", "newswire.ca")
_NEWS_HOSTS = ("news.google", "news.yahoo", "news.sky", "news.com.au")


@dataclass(slots=True)
class Credit:
    name: str  # as written ("the New York Times", "Newsweek")
    cue: str  # the pattern that found it ("according to", "told", ...)
    sentence: str
    position: int  # sentence index in the article


@dataclass(slots=True)
class Signals:
    wire: str | None = None  # agency short name when a strong wire signal is present
    wire_evidence: list[str] = field(default_factory=list)
    weak_wire: str | None = None  # agency named only by a photo credit or a contribution line
    credits: list[Credit] = field(default_factory=list)  # credits to other outlets
    document_credits: list[Credit] = field(default_factory=list)  # "in a blog post", "in a statement"
    own_reporting: list[str] = field(default_factory=list)  # sentences crediting the article's own outlet
    primary: bool = False  # the article is a press release / company blog / news-office page
    unnamed_credits: list[str] = field(default_factory=list)  # "according to reports": no outlet named
    unnamed_agency: str | None = None  # a byline or tag crediting "Agencies": agency copy, agency unnamed


# a syndication footer ("This article originally appeared on CNET"): the page prints the named outlet's
# text, not reporting of the outlet whose site carries it. The page speaks of itself ("This story was
# first published in", "A version of this article appeared", a bare "Originally published at"): a
# body sentence saying where news first appeared ("The report first appeared in the Journal", "the
# video first appeared on Facebook") credits a report, it is no footer
SYNDICATION_FOOTER = re.compile(
    r"(?:^|\n|[.!?)]\s+)[\W_]*(?:"
    r"(?:this\s+(?:article|story|post|piece|column|essay|report|blog\s+post)\s+|it\s+)?"
    r"(?:was\s+|is\s+|has\s+been\s+|had\s+)?(?:originally|first)\s+(?:appeared|published|posted|ran)\s+(?:on|in|at|by)\b"
    r"|a\s+version\s+of\s+this\s+(?:article|story|post|piece|column|report)\s+(?:was\s+|has\s+been\s+)?"
    r"(?:originally\s+|first\s+)?(?:appeared|published|ran)\b)",
    re.IGNORECASE,
)


def syndicated_from(credits: Sequence[Credit]) -> list[Credit]:
    """The credits that are syndication footers (``SYNDICATION_FOOTER``)."""
    return [c for c in credits if SYNDICATION_FOOTER.search(c.sentence)]


def name_keys(name: str) -> set[str]:
    """Keys a credited name may match: squashed, initials + last word ("New York Times" -> "nytimes"),
    initials ("NYT"), and with "The" dropped."""
    words = [w for w in re.split(r"[\s-]+", re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)) if w]
    keys = {squash(name)}
    if len(words) >= 2 and words[-1].lower() in ("news", "online"):
        # a broadcaster's news arm under its own domain: "BBC News" -> bbc.com, "Sky News" -> sky.com
        keys.add(squash(" ".join(words[:-1])))
    if len(words) >= 2:
        initials = "".join(w[0] for w in words).lower()
        keys.add(initials)
        keys.add(initials[:-1] + re.sub(r"[^a-z0-9]", "", words[-1].lower()))
    keys.discard("")
    return keys


# A US broadcaster's name as it signs on air (FCC call signs: K or W and two or three letters), so
# "told KTLA", "ABC7 reported", "according to NBC 5" credit a station's report:
# * a call sign with its band: "WSB-TV", "KNX-FM", "WBZ-AM";
# * a network's letters or a call sign with the channel number: "ABC7", "CBS2", "NBC 5", "KTLA 5";
# * a bare four-letter call sign ("WLWT"), unless it is one of the organisations' and companies'
#   acronyms news names most (``_NOT_STATIONS``); a bare three-letter one never (WHO, WWE, WWF, KIA and
#   KFC far outnumber the few old stations), and one after "the" is an organisation ("according to
#   the WIPO": ``find_credits``).
_STATION_BAND = re.compile(r"^[KW][A-Z]{2,3}-(?:TV|FM|AM|DT|CD|LP)$")
_STATION_CHANNEL = re.compile(r"^(?:ABC|NBC|CBS|FOX|Fox|CW|PIX|([KW][A-Z]{3}))\s?\d{1,2}$")
_CALL_SIGN = re.compile(r"^[KW][A-Z]{3}$")
_NOT_STATIONS = frozenset(["KPMG", "WADA", "WNBA", "WIPO", "WWII", "WMAP", "WHOI", "WLAN", "WTCC", "WRNS", "KYIV"])


def is_station_name(name: str) -> bool:
    """``name`` is a broadcaster's call sign or channel brand (see ``_STATION_BAND``)."""
    name = name.strip()
    if _STATION_BAND.match(name):
        return True
    m = _STATION_CHANNEL.match(name)
    if m:  # a call sign with its channel: four letters, not an organisation's ("WHO 3" is no station)
        return m.group(1) not in _NOT_STATIONS
    return bool(_CALL_SIGN.match(name)) and name not in _NOT_STATIONS


def bare_call_sign(name: str) -> bool:
    """A four-letter call sign alone, the station form an organisation's acronym can also take."""
    return bool(_CALL_SIGN.match(name.strip()))


def is_outlet_name(name: str) -> bool:
    """A credited name looks like a news organisation: an agency, a domain-like name, a media word, or
    a broadcaster's call sign or channel brand (``is_station_name``)."""
    if re.match(r"The\s+[A-Z]", name.strip()):
        return True  # a title keeps its capital "The" mid-sentence ("according to The Undefeated")
    low = name.lower().strip()
    low = re.sub(r"^the\s+", "", low)
    if low in AGENCIES:
        return True
    if is_station_name(name):
        return True  # "KTLA", "ABC7" ("ABC7 News" has its media word)
    if re.search(r"\.(?:com|net|org|co|au|uk|ca|in)\b", low):
        return True
    words = set(re.split(r"[\s-]+", low))
    return bool(words & MEDIA_WORDS) or low.upper() in {"NYT", "WSJ", "WAPO", "AP"}


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# sentence-opening words a capitalised-name pattern takes along ("As the Erie Times-News reported")
_WEEKDAYS = frozenset(WEEKDAYS)
_LEADING = frozenset(["as", "but", "and", "so", "then", "now", "also", "earlier", "meanwhile", "while", "when",
                      "yet", "later", "since", "after", "before", "because", "though", "although", "if"])


def _trim_name(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "the":
            words = words[1:]
    # a possessive word after a complete outlet name starts the next noun phrase: in "told CNN Abe's
    # opponents were angry" Abe owns the opponents, the outlet is CNN (grammar: a possessor opens
    # the phrase of what it owns; "the New York Times' reporter" keeps its name, "New York" is none)
    for k in range(1, len(words)):
        if re.search(r"['\u2019]s$", words[k]) and is_outlet_name(" ".join(words[:k])):
            words = words[:k]
            break
    while words and (words[-1].lower() in ("of", "the", "and", "de") or (len(words) > 1 and words[-1].lower() in _WEEKDAYS)):
        words.pop()  # "told Deadline Monday": the day is when, not who
    return " ".join(words).rstrip(".'")


def same_name(a: str, b: str) -> bool:
    """Two credits naming one outlet: shared keys ("New York Times" / "NYT"), or one is the other's
    short form ("the Times" for "the New York Times")."""
    if name_keys(a) & name_keys(b):
        return True
    # "Times-News" and "Times News" are one spelling
    wa = re.sub(r"^the\s+", "", a.strip(), flags=re.IGNORECASE).replace("-", " ").split()
    wb = re.sub(r"^the\s+", "", b.strip(), flags=re.IGNORECASE).replace("-", " ").split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and len(short) < len(long_) and long_[-len(short):] == short


def agency_of(name: str) -> str | None:
    return AGENCIES.get(re.sub(r"^the\s+", "", name.lower().strip()))


FEED_EVIDENCE = "wire section in the URL"  # wire_signals' evidence line for a feed's URL section


def carried_only(sig: Signals) -> bool:
    """The article's agency rests on the site's feed section alone (``/wires/pa/``): that says which
    feed delivered the text, not who wrote it. A copyright line, a dateline, a byline or a sign-off
    is the writing agency's own mark (the reading rules: the agency that wrote a text is its origin,
    not the feed that relayed it; PA's feed carries AP's text of a US story)."""
    return sig.wire is not None and bool(sig.wire_evidence) and all(
        e.startswith(FEED_EVIDENCE) for e in sig.wire_evidence)


def is_primary_document(outlet: str | None, url: str | None) -> bool:
    """Press rooms, company blogs, news offices of universities and agencies, release wires: the
    documents news is rewritten from."""
    host = (urlparse(url).hostname or "") if url else ""
    host = host.lower() or (outlet or "").lower()
    if not host:
        return False
    if any(host.endswith(w) for w in _RELEASE_WIRES):
        return True
    if any(n in host for n in _NEWS_HOSTS):
        return False
    if _PRIMARY_HOST.match(host) or host.startswith("www.blog."):
        return True
    if re.search(r"\.(?:ac\.[a-z]{2}|edu|gov|gov\.[a-z]{2}|mil)$", host):
        return True  # university and government news offices
    return bool(url and _PRIMARY_PATH.search(urlparse(url).path or ""))


def _dateline_agency(head: str) -> tuple[str, str] | None:
    """(agency, the dateline as printed) of a wire dateline ("WASHINGTON (AP) —") in ``head``."""
    m = _DATELINE.search(head)
    return (AGENCIES.get(m.group(1).lower(), m.group(1)), m.group(0)) if m else None


def wire_signals(text: str, url: str | None) -> tuple[str | None, list[str], str | None]:
    """(agency from a strong signal, evidence, agency from a weak signal)."""
    evidence: list[str] = []
    found: list[str] = []
    m = _WIRE_URL.search(urlparse(url).path if url else "")
    if m:
        agency = next(g for g in m.groups() if g)
        found.append(AGENCIES.get(agency.lower(), agency.upper()))
        evidence.append(f"{FEED_EVIDENCE} ({m.group(0)})")
    lines = [ln for ln in text.splitlines() if "opyright" in ln or "©" in ln or "(c)" in ln.lower()]
    for m in (x for ln in lines for x in _COPYRIGHT.finditer(ln)):
        found.append(AGENCIES.get(m.group(1).lower(), m.group(1)))
        evidence.append(f"agency copyright line ({m.group(0)[:60]})")
        break
    dateline = _dateline_agency(text[:600])
    if dateline:
        found.append(dateline[0])
        evidence.append(f"wire dateline ({dateline[1]})")
    stamp = _STAMP_TAG.search(text[:600])
    if stamp and not dateline:
        tag = stamp.group(1) or stamp.group(2)
        found.append(AGENCIES.get(tag.lower(), tag))
        evidence.append(f"agency tag on the page's date line ({stamp.group(0).strip()})")
    m3 = _BYLINE.search(text[:400])
    if m3:
        found.append(AGENCIES[m3.group(1).lower()])
        evidence.append(f"agency byline ({m3.group(0).strip()})")
    tail = [ln.strip() for ln in text.strip().splitlines()[-4:]]
    for k, ln in enumerate(tail):
        # the body's very last line may be one bare agency name: the desk's sign-off ("... for the
        # rest of our lives." / "PA"); elsewhere a bare name is as likely a photo's credit line
        m5 = _SIGNOFF.match(ln) or (_BARE_SIGNOFF.match(ln) if k == len(tail) - 1 else None)
        if m5:
            names = [AGENCIES[x.lower()] for x in re.findall(_SIGNOFF_NAME, ln) if x.lower() in AGENCIES]
            if names:
                found.append("+".join(dict.fromkeys(names)))
                evidence.append(f"agency sign-off line ({ln})")
                break
    weak = None
    m4 = (_PHOTO.search(text) if "/" in text else None) or (
        _CONTRIBUTED.search(text) if "contributed" in text else None
    )
    if m4:
        name = next(g for g in m4.groups() if g)
        weak = AGENCIES.get(name.lower(), name)
    wire = max(set(found), key=found.count) if found else None
    return wire, evidence, weak


def _own_name(name: str, own_keys: set[str]) -> bool:
    """The credited name is the article's own outlet, also under a section's name ("NBC News MACH")."""
    return bool(name_keys(name) & own_keys) or any(k in own_keys for k in outlet_keys(name)) or any(
        len(k) >= 5 and squash(name).startswith(k) for k in own_keys
    ) or any(contracted(squash(name), k) for k in own_keys)


def _appositive_credits(sentence: str, position: int, own_keys: set[str]) -> list[Credit]:
    """Credits to names in apposition with a media noun (``_APPOSITIVE_PATTERNS``)."""
    out: list[Credit] = []
    for pat in _APPOSITIVE_PATTERNS:
        for m in pat.finditer(sentence):
            # a possessive before the name says where the outlet is from ("South Korea's Chosun Ilbo")
            name = _trim_name(re.split(r"['\u2019]s\s+", m.group(1))[-1])
            name = re.sub(r"^(?:the|The)\s+", "", name)
            if not name or not name[0].isupper() or _own_name(name, own_keys):
                continue
            if any(same_name(c.name, name) for c in out):
                continue
            # one such credit alone attributes a fact (the CNN report that cites KCNA once did its own
            # reporting): never a story-level cue; an outlet named twice is the article's source
            out.append(Credit(name=name, cue=f"{m.group(2)} (apposition)", sentence=sentence, position=position))
    return out


def find_credits(
    sentences: Sequence[str], own_keys: set[str], known: frozenset[str] = frozenset()
) -> tuple[list[Credit], list[Credit], list[str]]:
    """(credits to other outlets, document credits, sentences crediting the article's own outlet).
    ``known``: squashed names the corpus prints as a title elsewhere ("The Athletic"), outlets here
    too when a sentence writes them "told the Athletic" (``known_titles``)."""
    credits: list[Credit] = []
    docs: list[Credit] = []
    own: list[str] = []
    for i, s in enumerate(sentences):
        low = s.lower()
        if own_staff(s):
            own.append(s)
        if "from " in low:
            credits += [Credit(name=name, cue="via", sentence=s, position=i) for m in _FROM_OUTLET.finditer(s)
                        if is_outlet_name(name := _trim_name(m.group(1))) and not _own_name(name, own_keys)]
        # names in apposition, added after the other patterns' credits of this sentence (which may
        # name the same outlet the same way)
        found = _appositive_credits(s, i, own_keys) if any(w in low for w in _APPOSITIVE_CUES) else []
        if not any(w in low for w in _CUE_WORDS):
            credits += found
            continue  # most sentences credit nobody: skip the patterns
        for cue, pat in _CREDIT_PATTERNS:
            for m in pat.finditer(s):
                name = _trim_name(m.group(1))
                # a "Source:" line names a source whatever it is; elsewhere only outlets count
                if not name or (cue != "source" and not is_outlet_name(name) and squash(name) not in known):
                    continue
                if m.start(1) == len(s) - len(s.lstrip()) and name.startswith("The ") \
                        and not is_outlet_name(name[4:]):
                    continue  # "The Pentagon cited ...": the capital is the sentence's, not a title's
                if bare_call_sign(name) and _THE_BEFORE.search(s, 0, m.start(1)):
                    continue  # "according to the WIPO": an organisation's acronym takes "the", a station's none
                # the article's own outlet, also under a section's name ("told NBC News MACH" on nbcnews.com)
                if _own_name(name, own_keys):
                    if cue in ("told", "obtained by", "source", "according to"):
                        own.append(s)
                    continue
                credits.append(Credit(name=name, cue=cue, sentence=s, position=i))
        # a call sign the sentence itself calls a news agency or a broadcaster ("the state news agency
        # KCNA reported") keeps the apposition's cue: the noun, not the letters, says what it is, and
        # such a credit alone attributes a fact, not the story (``_appositive_credits``)
        credits = [c for c in credits if not (c.position == i and bare_call_sign(c.name)
                                              and any(same_name(f.name, c.name) for f in found))]
        credits += [c for c in found if not any(o.position == i and same_name(o.name, c.name) for o in credits)]
        for m in _DOC_CREDIT.finditer(s):
            kind = next(g for g in m.groups() if g).lower()
            docs.append(Credit(name=kind, cue="document", sentence=s, position=i))
    return credits, docs, list(dict.fromkeys(own))


# An organisation putting out what the article relays: "Sony has confirmed the full list of new
# features", "Sony writes:", "Sony's own in-game message explained". The subject is a name of one to
# three capitalised words ("own" or "official" and up to two words, hyphenated ones included, may
# stand between the name and the verb: "Sony's own in-game message explained"). Verbs that also tell
# events ("released" hostages, "posted" a loss) are left out: only verbs of making something known.
_ANNOUNCE_VERBS = r"(?:announced|confirmed|revealed|disclosed|admitted|detailed|unveiled|outlined|listed|writes|wrote|explained|teased)"
_ANNOUNCED = re.compile(
    r"\b((?:[A-Z][\w&.-]+)(?:\s+[A-Z][\w&.-]+){0,2})(?:'s|\u2019s)?(?:\s+(?:own|official)\s+[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|officially\s+|also\s+|just\s+|finally\s+)?{_ANNOUNCE_VERBS}\b"
)
_NOT_ISSUERS = frozenset(["the", "this", "that", "it", "he", "she", "they", "we", "i", "you", "a", "an", "its"])
# a time's possessive names when, not who: "September's announcement", "Monday's statement",
# "Last week's filing" (a month, a weekday or a relative time word is never the issuer; "May" is left
# out: a surname as often as a month)
_TIME_WORDS = frozenset([
    *(m for m in MONTHS if m != "may"), *WEEKDAYS, "today", "yesterday", "tomorrow", "tonight", "last", "next",
    "earlier", "later", "previously",
])
_NO_ISSUER_WORDS = _NOT_ISSUERS | _TIME_WORDS


# A quotation with one of these beside it is someone's words (a source: reuse/trace.py's relays of an
# announcement); a quoted phrase with none ("restrict child accounts' “use of online features”")
# repeats a document's wording, no interview.
SPEECH = re.compile(
    # a document "reads" too ("the statement reads: ...")
    r"\b(?:" + speech_forms(("according to", "reads", "read")) + r")\b"
    r"|:\s*[\"“]|[\"”]\s*[-–—]\s*[A-Z]",  # "Jane Doe: '...'", "'...' - Jane Doe"
    re.IGNORECASE,
)

_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|on|from|of|for|to|with|by|across|into|over)\s+(?:the\s+)?$", re.IGNORECASE)
_ANNOUNCING_VERB = re.compile(rf"\b{_ANNOUNCE_VERBS}\b")


def _issuer(sentence: str, m: re.Match[str]) -> str | None:
    """The organisation a match's first group names as the subject of its verb, or None: no pronoun,
    article, time word or outlet, and no preposition's object ("the largest firm in the UK has
    admitted": the UK is no subject)."""
    name = _trim_name(m.group(1))
    if not name or name.split()[0].lower() in _NO_ISSUER_WORDS or is_outlet_name(name):
        return None
    return None if _AFTER_PREPOSITION.search(sentence[: m.start(1)]) else name


def announcements(sentences: Sequence[str]) -> dict[str, list[str]]:
    """Organisation -> the sentences in which it announces, confirms or writes what the article
    relays. Names are compared squashed ("Sony", "Sony's" are one)."""
    found: dict[str, list[str]] = {}
    for s in sentences:
        if not _ANNOUNCING_VERB.search(s):
            continue  # the cheap test first: most sentences announce nothing
        for m in _ANNOUNCED.finditer(s):
            name = _issuer(s, m)
            if name:
                found.setdefault(name, []).append(s)
    return found


# "Equifax said on Thursday that ...", "..., Equifax said on Monday.": an organisation (one to three
# capitalised words) says what the lead tells
_SAID = re.compile(r"\b((?:[A-Z][\w&.-]+)(?:\s+[A-Z][\w&.-]+){0,2})\s+(?:also\s+)?(?:said|says)\b")
# the organisation's words came in a published document: a statement, a press release or a filing
# ("said in a statement", "according to a company statement", "the statement said"); remarks and
# testimony are left out (spoken at a hearing or a briefing a reporter may have covered)
_STATEMENT = re.compile(
    r"\b(?:in|according to|from) (?:a|an|its|the|the company's|a company) ?(?:\w+ )?(?:statement|press release|"
    r"news release|filing)\b|\b(?:the|a|its) (?:statement|release|filing) (?:said|says|added|read|reads|stated)\b",
    re.IGNORECASE)
_COMPANY_WORD = re.compile(r"\b(?:company|firm|group)\b", re.IGNORECASE)


def statement_leads(sentences: Sequence[str], lead: int = 3) -> dict[str, list[str]]:
    """Organisation -> the lead sentences in which it "said" what the article tells, when the article
    also says the organisation's words came in a published statement, release or filing (a
    sentence with ``_STATEMENT`` that names it or refers to it as "the company"). Signal: a
    lead built on "<Organisation> said" plus "in a statement" relays a document, as
    ``announcements`` relays "<Organisation> confirmed"; whether the article did reporting of its
    own is for the caller to read (whom else it quotes)."""
    documented = [s for s in sentences if _STATEMENT.search(s)]
    if not documented:
        return {}
    found: dict[str, list[str]] = {}
    for s in sentences[:lead]:
        for m in _SAID.finditer(s):
            name = _issuer(s, m)
            if not name:
                continue
            key = squash(name)
            if any(key in squash(d) or _COMPANY_WORD.search(d) for d in documented):
                found.setdefault(name, []).append(s)
    return found


def known_titles(credits: Sequence[Credit]) -> frozenset[str]:
    """Squashed names credited somewhere with a capital "The" ("according to The Athletic"): a title,
    so an outlet wherever else the corpus names it, also as "told the Athletic" where the lower-case
    article hides it. Signal: a publication's name keeps its capital "The" mid-sentence; the same
    name in another article is the same publication."""
    # five letters or more: a short word ("the Sun") is as often a common noun with a capital
    return frozenset(k for c in credits if c.name.startswith("The ") and len(k := squash(c.name[4:])) >= 5)


# a single credit names the story's source only with one of these cues (the outlet found or reported
# the story); "according to X" or "told X" once attributes a quote (reuse/trace.py)
STORY_CUES = frozenset({"first reported by", "obtained by", "reported", "report by", "source"})


def credit_groups(credits: Sequence[Credit]) -> list[list[Credit]]:
    """Credits grouped by the outlet they name (``same_name``), most credited first, then earliest."""
    groups: list[list[Credit]] = []
    for c in credits:
        for g in groups:
            if same_name(c.name, g[0].name):
                g.append(c)
                break
        else:
            groups.append([c])
    groups.sort(key=lambda g: (-len(g), g[0].position))
    return groups


def dominant_credit(credits: Sequence[Credit]) -> str | None:
    """The outlet an article names as its story's source: credited more often than any other, or
    its only credit with a story-level cue (as in ``trace._Tracer.credit_parent``); None otherwise."""
    groups = credit_groups(credits)
    n, second = len(groups[0]), (len(groups[1]) if len(groups) > 1 else 0)
    if (n >= 2 and n > second) or (n == 1 and second == 0 and groups[0][0].cue in STORY_CUES):
        return groups[0][0].name
    return None


CONTRACTED_MIN = 6  # a brand contraction this long ("huffpost") is no accidental spelling


def contracted(name: str, key: str) -> bool:
    """``name`` (squashed) is a contraction of the outlet key ``key``: the same first and last four
    letters, its letters in order inside the key ("huffpost" in "huffingtonpost"). Signal: outlets
    shorten their own brand in copy ("told HuffPost" on huffingtonpost.ca) by dropping a middle part;
    keeping both ends and the letter order rules out another outlet's name."""
    if len(name) < CONTRACTED_MIN or len(name) >= len(key) or name[:4] != key[:4] or name[-4:] != key[-4:]:
        return False
    rest = iter(key)
    return all(ch in rest for ch in name)


def unnamed_credits(sentences: Sequence[str]) -> list[str]:
    return [s for s in sentences if _UNNAMED.search(s)]


# The writer's own admission that the story came from other outlets' reports it does not name
# ("according to reports", "media reported"): narrower than ``_UNNAMED``, which only writes a problem
# note, because this one moves a parent (reuse/unnamed_relays.py). Grammatical signals:
# * reports or media only, never "sources": anonymous sourcing is the outlet's own reporting;
# * nothing after "reports" that says whose they are: a preposition or "that" ("reports from police",
#   "a report by the auditor"), a pronoun ("reports he had filed"), a participle ("a report released
#   on Friday"), or "on" and a capitalised name ("a report on Channel 5") makes it a named report;
# * "[Ss]ocial media reports" are public posts, not outlets.
_RELAY_ADMISSION = re.compile(
    r"\b[Aa]ccording to (?:a |an |some |local |media |news |several |unconfirmed |early |initial )*"
    r"(?:reports?|media)\b"
    r"|(?<![Ss]ocial )\b(?:[Ll]ocal |[Ss]tate |[Ff]oreign )?[Mm]edia (?:outlets )?(?:reports|(?P<verb>reported))\b"
)
_DATE_WORD = "|".join(sorted((w.capitalize() for w in {*WEEKDAYS, *MONTHS}), key=len, reverse=True))
# what follows the noun "reports" when they are someone's in particular (no comma between: after a
# comma the clause begins, "according to reports, he died")
_NAMED_AFTER = re.compile(
    r"\s+(?:(?:by|in|from|at|of|that|he|she|they|it|we|I|you|his|her|their|its|"
    r"published|released|issued|filed|made|compiled|prepared|carried|aired|broadcast)\b"
    rf"|on\s+(?:the\s+)?(?!(?:{_DATE_WORD})\b)[A-Z0-9])"
)
# denying or dismissing reports is not relying on them ("the governor denied media reports that")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|dismiss(?:es|ed)?|reject(?:s|ed)?|refut(?:es|ed)|rubbish(?:es|ed))\b",
                     re.IGNORECASE)
# the outlet named after all: "citing the broadcaster X", "including the daily X", a web address
# (a lower-case top-level domain: "killed.It", a sentence run on, is none)
_NAMING = re.compile(r"\b(?:[Cc]iting|[Cc]ited|[Ii]ncluding|[Qq]uoting|[Qq]uoted)\b"
                     r"|\b[A-Za-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.(?:com|net|org|info|news|tv|co\.uk|[a-z]{2})\b")
# a bare credit line ("Source:", "Via:") whose outlet stands on the next line (a link's text)
_BARE_SOURCE_LINE = re.compile(r"^\s*(?:[_-]+\s*)?(?:Source|Via|H/T|Hat tip|Information from):\s*$", re.IGNORECASE)


def relay_admissions(sentences: Sequence[str]) -> list[str]:
    """The sentences in which the writer admits relaying reports of outlets it does not name
    (``_RELAY_ADMISSION``), read outside quotations (a speaker's "according to media reports" is the
    speaker's), with no name after the reports (``_NAMED_AFTER``), no denial (``_DENIAL``) and no
    outlet named in the sentence (``_NAMING``). None at all when the text has a bare "Source:" line:
    its next line names the outlet. A sentence with an unclosed quotation (part of a longer quote) is
    not read."""
    if any(_BARE_SOURCE_LINE.match(s) for s in sentences):
        return []
    found: list[str] = []
    for s in sentences:
        if "report" not in s.lower() and "media" not in s.lower():
            continue  # the cheap test first: most sentences admit nothing
        rest = _QUOTE_SPAN.sub(" ", s)
        if _QUOTE_MARK.search(rest) or _DENIAL.search(rest) or _NAMING.search(rest):
            continue
        if any(m.group("verb") or not _NAMED_AFTER.match(rest, m.end()) for m in _RELAY_ADMISSION.finditer(rest)):
            found.append(s)
    return found


def unnamed_agency(text: str) -> str | None:
    """Evidence line when the article's byline, date-line tag or sign-off credits "Agencies" without
    naming one (``_AGENCIES_HEAD``, ``_AGENCIES_TAIL``): it carries agency copy, not its outlet's own
    reporting, and there is no agency to follow (a recorded reason, never a guess)."""
    m = _AGENCIES_HEAD.search(text[:600])
    if m:
        return f"agency copy, agency not named ({m.group(0)})"
    for ln in text.strip().splitlines()[-3:]:
        if _AGENCIES_TAIL.match(ln.strip()):
            return f"agency copy, agency not named (sign-off {ln.strip()})"
    return None


def article_signals(
    text: str, url: str | None, outlet: str | None, sentences: Sequence[str], raw_text: str = "",
    description: str | None = None, known: frozenset[str] = frozenset(),
) -> Signals:
    """Signals of one article; wire lines are read on the raw text, since cleaning removes
    copyright and credit lines as page furniture, and a wire dateline also in the page's own
    summary (``description``), which keeps the lead a crawler may have lost (a wire story's page
    that kept only its photo caption)."""
    wire, evidence, weak = wire_signals(raw_text or text, url)
    dateline = _dateline_agency(description[:300]) if wire is None and description else None
    if dateline:
        wire = dateline[0]
        evidence = [f"wire dateline in the page's description ({dateline[1]})"]
    own_keys = outlet_keys(outlet, url)
    credits, docs, own = find_credits(sentences, own_keys, known)
    if raw_text and raw_text != text:
        # "Source: X" lines are credit lines, which cleaning removes with the page furniture
        footer = [ln for ln in raw_text.splitlines() if _SOURCE_LINE.match(ln)]
        extra, _, _ = find_credits(footer, own_keys, known)
        seen = {(c.name, c.cue) for c in credits}
        credits += [
            Credit(c.name, c.cue, c.sentence, len(sentences)) for c in extra if (c.name, c.cue) not in seen
        ]
    if wire is not None:
        # an agency credited in a wire copy is its carrier's own byline, not a credit
        credits = [c for c in credits if agency_of(c.name) != wire]
    return Signals(
        wire=wire, wire_evidence=evidence, weak_wire=weak, credits=credits, document_credits=docs,
        own_reporting=own, primary=is_primary_document(outlet, url), unnamed_credits=unnamed_credits(sentences),
        unnamed_agency=unnamed_agency(raw_text or text) if wire is None else None,
    )
