"""A pass of the origin tracer (reuse/trace.py): pieces that only relay one person's public posts rest
on the posts (``posts:NAME``), shared by every such piece of the event.

Signal (the reading rules: a text that only rewrites a document has the document as origin): when the
news is what one person put on a platform ("Musk tweeted late Friday", "revealed the setup in a photo
slideshow posted to Instagram"), the posts are the source every desk read, and a piece that adds no
reporting of its own (no other voice, no interview, no agency copy) is a rewrite of them, whoever it
got the link from. Read narrowly: the lead is the person's act (the first sentence names them), an
early sentence says they posted it on a platform, every quotation with a verb of speech is theirs
(named, "he said", or an embedded post), the piece credits no outlet (a syndication footer aside,
"This article originally appeared on X": the text is X's, and what X relays is what it relays) and
carries no wire mark; and two such pieces of one event (``tracer.close``) relay the same person, so
the posts are a shared origin and not one desk's reading of a feed. On the hand-read Giveme5W1H
events: one event's money-page write-up of a founder's launch tweets (root of four copies) and a
syndicated short of his Instagram slideshow, both labelled rewrites of his posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyprism.reuse.credits import SPEECH, Credit, syndicated_from
from storyprism.reuse.lineage import POST_MARK
from storyprism.text.overlap import has_long_quotation

if TYPE_CHECKING:  # the tracer imports this module: no import cycle at run time
    from storyprism.reuse.trace import Trace, _Tracer

# the sentence saying the person posted must come early: a post relay opens on it (a lead of a few
# words and rhetorical questions may push it to the sixth sentence)
POST_LEAD_SENTENCES = 6
# Twitter is "X" since 2023 (a lone capital, never a part of "X-ray" or "SpaceX")
_PLATFORM = (r"(?:Twitter|Instagram|Facebook|Snapchat|YouTube|Weibo|TikTok|LinkedIn|Tumblr|Truth Social|Telegram|"
             r"Reddit|Bluesky|Threads|X(?![\w-]))")
# "<Name> tweeted", "<Name> took to Twitter", "<Name> posted a video to Instagram", "<Name> said late
# Friday on Twitter", "<Name> revealed the car in a video posted to Instagram", "<Name> said in a tweet":
# the name (a capitalised word) is the subject, and the platform is where the words went up. A verb of
# saying reaches the platform only at once (a few words of time between, no new clause: "said he would
# put a ban on TikTok" is about the company) or through a word of posting ("in a post on"); "to
# <platform>" after it is an offer or a letter to the company ("made an offer to Twitter"); a
# platform's own things ("Twitter's board") and someone else's post ("a video posted on YouTube by a
# witness", "said Jones posted on Facebook") are no post of the subject's
_POSTING = r"(?:post(?:ed|s)?|tweets?|video|photos?|message|announcement|gallery|slideshow|shared|uploaded)"
_NOT_A_NEW_CLAUSE = r"(?![Hh]e\b|[Ss]he\b|[Tt]hey\b|[Ii]t\b|[Ww]e\b|I\b|[Tt]hat\b|[Tt]he\b|an?\b|posted\b|shared\b|uploaded\b|tweeted\b)"
_GAP = r"(?:(?![A-Z][a-z]+\s+(?:has\s+|had\s+)?(?:posted|shared|uploaded|tweeted)\b)[^.;]){0,80}?"
_POSTED = re.compile(
    r"\b([A-Z][a-z][\w'-]*)(?:['\u2019]s)?\s+(?:has\s+|had\s+|also\s+|then\s+)?"
    r"(?:tweeted\b"
    rf"|(?:took|posted|shared|uploaded)\b{_GAP}\b(?:on|via|to)\s+{_PLATFORM}\b"
    rf"|(?:revealed|announced|wrote|said|unveiled|made)\b(?:\s+{_NOT_A_NEW_CLAUSE}[\w,]+){{0,2}}?\s+(?:on|via)\s+{_PLATFORM}\b"
    rf"|(?:revealed|announced|wrote|said|unveiled|made)\b{_GAP}\b{_POSTING}\s+(?:on|to|via)\s+{_PLATFORM}\b)"
    r"(?!['\u2019]s\b|\s+by\b)"
    r"|\b([A-Z][a-z][\w'-]*)\s+said\s+in\s+an?\s+(?:[\w-]+\s+)?tweet\b"
)
_NOT_PEOPLE = frozenset(["the", "this", "that", "it", "he", "she", "they", "we", "on", "in", "but", "and", "then",
                         "twitter", "instagram", "facebook", "snapchat", "youtube", "weibo", "tiktok", "linkedin",
                         "tumblr", "truth", "telegram", "reddit", "bluesky", "threads"])
_PRONOUN_SPEECH = re.compile(r"\b(?:he|she)\s+(?:said|says|added|wrote|writes|tweeted|posted)\b", re.IGNORECASE)
_POST = re.compile(POST_MARK)
MIN_RELAYS = 2
# Titles, honorifics and capitalised non-names that stand before a surname without being a given name
# ("President Velt", "Mr Velt", "On Sunday Velt tweeted"): never part of the poster's full name
_NOT_GIVEN = frozenset([
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime", "minister", "senator",
    "sen", "rep", "gov", "governor", "mayor", "judge", "justice", "chief", "king", "queen", "prince", "princess",
    "pope", "father", "coach", "captain", "general", "professor", "prof", "officer", "director", "chairman",
    "secretary", "chancellor", "premier", "sheriff", "detective", "star", "singer", "actor", "actress", "rapper",
    "founder", "billionaire", "host", "comedian", "when", "after", "before", "while", "since", "as", "if",
    "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "meanwhile", "later", "earlier", "now", "also", "still", "so", "yet",
    *_NOT_PEOPLE])


def poster(sentences: list[str]) -> str | None:
    """The person whose posts the piece relays: the subject of a posting sentence (``_POSTED``) among
    the first ``POST_LEAD_SENTENCES``, named in the first sentence too (the lead is their act)."""
    if not sentences:
        return None
    first = sentences[0]
    for s in sentences[:POST_LEAD_SENTENCES]:
        for m in _POSTED.finditer(s):
            name = m.group(1) or m.group(2)
            if name and name.lower() not in _NOT_PEOPLE and re.search(rf"\b{re.escape(name)}\b", first):
                return name
    return None


def full_name(sentences: list[str], name: str) -> str:
    """The poster's full name where the piece gives one ("Dana Quill" for "Quill"): the capitalised word
    most often right before the surname, when it is a given name and not a title ("President", "Mr"), a
    day or a sentence opener, and never occurs in lower case in the piece (a given name does not; a
    label like "Billionaire" or "Rower" may). Else the surname alone. Two people of one surname ("Dana
    Quill", "Ivo Quill") are two posters."""
    text = "\n".join(sentences)
    lower = set(re.findall(r"\b[a-z][a-z'-]*\b", text))
    counts: dict[str, int] = {}
    for m in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+{re.escape(name)}\b", text):
        given = m.group(1)
        if given.lower() in _NOT_GIVEN or given.lower() in lower or given == name:
            continue
        counts[given] = counts.get(given, 0) + 1
    if not counts:
        return name
    given = max(sorted(counts), key=lambda g: counts[g])
    return f"{given} {name}"


def _same_poster(a: str, b: str) -> bool:
    """One person: the same surname, and the same given name where both pieces print one."""
    if a == b:
        return True
    return a.rsplit(" ", 1)[-1] == b.rsplit(" ", 1)[-1] and (" " not in a or " " not in b)


def canonical(name: str, names: Iterable[str]) -> str:
    """A piece that gives the surname alone takes the full name the other relays of the event print,
    when they print one only (one origin, one key)."""
    if " " in name:
        return name
    full = {n for n in names if " " in n and _same_poster(n, name)}
    return full.pop() if len(full) == 1 else name


def only_their_words(sentences: list[str], name: str) -> bool:
    """Every quotation with a verb of speech is the person's: named in the sentence, "he/she said", or an
    embedded post (an @handle, a pic.twitter link). Another voice is reporting of the piece's own."""
    named = re.compile(rf"\b{re.escape(name)}\b")
    for s in sentences:
        if not has_long_quotation(s) or not SPEECH.search(s):
            continue
        if not (named.search(s) or _PRONOUN_SPEECH.search(s) or _POST.search(s)):
            return False
    return True


def _syndicated_only(credits: list[Credit]) -> bool:
    """Every credit of the piece is a syndication footer (the text is the credited outlet's)."""
    return len(syndicated_from(credits)) == len(credits)


def post_relays(tracer: _Tracer, traces: dict[str, Trace]) -> None:
    """Give ``posts:NAME`` as parent to each piece that only relays one person's posts (module doc),
    when another such piece close to it relays the same person's."""
    found: dict[str, str] = {}  # article -> the person it relays
    for aid, t in sorted(traces.items()):
        sig = tracer.signals[aid]
        if t.off_topic or aid in tracer.source_like or sig.primary:
            continue
        if sig.own_reporting or sig.wire or sig.unnamed_agency or sig.unnamed_credits:
            continue
        if t.parent != aid:
            # only a syndicated copy of an outlet the corpus lacks: its text is that outlet's relay
            if not (sig.credits and _syndicated_only(sig.credits) and t.parent.startswith("outlet:")):
                continue
        elif sig.credits:
            continue
        sentences = list(tracer.sentences[aid])
        name = poster(sentences)
        if name is not None and only_their_words(sentences, name):
            # keyed by the full name where the piece prints one: a surname alone may be two people's
            found[aid] = full_name(sentences, name)
    for aid, name in sorted(found.items()):
        peers = [o for o, n in found.items() if o != aid and _same_poster(n, name) and tracer.close(aid, o)]
        if len(peers) + 1 < MIN_RELAYS:
            continue
        name = canonical(name, found.values())
        t = traces[aid]
        was = t.parent
        t.parent, t.kind = f"posts:{name}", "rewrite"
        t.evidence.append(
            f"relays {name}'s posts and quotes no one else"
            + (f" (carries {was[len('outlet:'):]}'s text, which relays them)" if was != aid else "")
        )
