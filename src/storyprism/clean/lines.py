"""What one line looks like, on its own: shape features and context-free junk patterns.

Everything here is about *generic* web chrome (widgets, counters, galleries, teasers, credits,
promos) described by line shape, punctuation and a small vocabulary of web-UI words. Nothing is
tied to a particular outlet. Context rules (teaser blocks, caption adjacency, top/bottom zones,
duplicates) live in ``document.py``.
"""

from __future__ import annotations

import re
import unicodedata

from storyprism.text import datelines as DL

# Reason codes (stable: they are stored with every removed line and shown to users).
UI_WIDGET = "ui-widget"
TEASER = "teaser"
COUNTER = "counter"
GALLERY = "gallery"
CAPTION = "caption"
CREDIT = "credit"
PROMO = "promo"
COPYRIGHT = "copyright"
LINK = "link"
TIMESTAMP = "timestamp"
BYLINE = "byline"
TITLE = "title"
BOILERPLATE = "boilerplate-repeated"
DUPLICATE = "duplicate-line"
TRAILING_STUB = "trailing-stub"

INLINE_JUNK = "inline-junk"  # widget text glued inside a line of real text (clean/inline.py)
GLUED = "glued-sentences"  # a missing space after a full stop restored (clean/inline.py)

REASONS = (
    UI_WIDGET, TEASER, COUNTER, GALLERY, CAPTION, CREDIT, PROMO, COPYRIGHT, LINK, TIMESTAMP,
    BYLINE, TITLE, BOILERPLATE, DUPLICATE, TRAILING_STUB, INLINE_JUNK, GLUED,
)

_BULLET = re.compile(r"^[\s•·▪▫◦‣●○■□►▶▸»*|–—-]+\s*")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence ends with terminal punctuation, possibly followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*\s*$")
_QUOTE_OPEN = "\"'“‘«„"


def strip_bullet(line: str) -> str:
    """The line without leading bullets, pipes and dashes (list and table residue of HTML)."""
    return _BULLET.sub("", line.strip())


def normalise(line: str) -> str:
    """Comparable form of a line: NFKC, lower case, no bullets, digits folded, single spaces.

    Digits are folded so that "3 Comments" and "12 Comments" count as the same boilerplate line.
    """
    s = unicodedata.normalize("NFKC", line)
    s = strip_bullet(s).lower()
    s = _DIGITS.sub("0", s)
    return _SPACES.sub(" ", s).strip(" .:|")


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_sentence(line: str) -> bool:
    """Ends like prose (terminal punctuation), the mark of journalism as opposed to a label."""
    s = line.strip()
    return (bool(s) and bool(_TERMINAL.search(s)) and not s.endswith("...")) or _is_quote(s)


def _is_quote(s: str) -> bool:
    return len(s) > 2 and s[0] in _QUOTE_OPEN and s[-1] in "\"'”’»"


def is_quote_line(line: str) -> bool:
    """Starts with a quotation mark: a quote or part of one; never a label or a teaser."""
    s = line.strip()
    return bool(s) and s[0] in _QUOTE_OPEN


# the wire dateline alone on its line (pieces from text/datelines.py: place, region, credit, dash)
_DATELINE = re.compile(rf"^{DL.HEAD}\s*{DL.DASH}\s*$")


def is_dateline(line: str) -> bool:
    """A dateline standing on its own line ("MOSCOW –", "WASHINGTON (Reuters) -"): journalism."""
    return bool(_DATELINE.match(line.strip()))


# a line opening with a dateline and going on (the lede), or with a bracketed credit alone ("(CNN) ...")
_DATELINE_START = re.compile(rf"^(?:{DL.HEAD}\s*{DL.DASH}\s+\S|{DL.CREDIT}\s*{DL.DASH}?\s*\S)")


def starts_with_dateline(line: str) -> bool:
    """ "MOSCOW – Chinese President ...": the lede of a wire story."""
    return bool(_DATELINE_START.match(line.strip()))


def is_stub(line: str, max_words: int = 12) -> bool:
    """Label-shaped: short, not a sentence, not a quote, not a dateline (teaser headlines, UI words)."""
    s = line.strip()
    if not s or is_sentence(s) or is_quote_line(s) or is_dateline(s):
        return False
    return len(words(s)) <= max_words


# --------------------------------------------------------------------------- vocabularies

# Whole-line UI strings (after normalise()); generic web widgets, errors and controls.
_UI_WHOLE = {
    "oops", "oops!", "something went wrong", "please try again later", "please try again",
    "try again", "loading", "loading...", "loading…", "an error has occurred",
    "an error occurred", "thank you", "thanks for signing up", "this article has been sent to",
    "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
    "skip advert", "skip ad", "skip to content", "skip to main content", "close", "menu",
    "search", "sign in", "log in", "login", "sign up", "register", "back to top", "print",
    "print article", "print this article", "order reprints", "reprints", "email", "email this",
    "e-mail", "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
    "reddit", "copy link", "link copied", "copied", "save", "save article", "saved", "comment",
    "comments", "show comments", "view comments", "hide comments", "post a comment",
    "leave a comment", "add a comment", "be the first to comment", "no comments",
    "join the conversation", "continue reading", "continue reading below", "continue reading the main story", "article continues below",
    "story continues below", "story continues below advertisement", "show more", "see more",
    "load more", "view more", "expand", "collapse", "play", "pause", "mute", "unmute",
    "play video", "watch video", "video", "listen", "listen to this article", "audio",
    "enable javascript", "javascript is disabled", "please enable javascript",
    "your browser does not support the video tag", "your browser does not support iframes",
    "click here", "tap here", "click to tweet", "font size", "text size", "toggle caption",
    "hide caption", "show caption", "caption", "follow", "following", "unfollow", "subscribe",
    "subscribed", "unsubscribe", "newsletter", "get the app", "download the app", "open in app",
    "cancel", "ok", "accept", "accept all", "reject all", "got it", "x", "recommended",
    "recommended for you", "you may also like", "you might also like", "more for you",
    "trending", "trending now", "popular", "most popular", "most read", "most viewed",
    "top stories", "latest news", "latest", "related", "related articles", "related stories",
    "related content", "related coverage", "related news", "related topics", "read more",
    "read next", "read this next", "more stories", "more news", "more on this story",
    "more from", "more like this", "up next", "don't miss", "do not miss", "see also",
    "in other news", "editor's picks", "editors' picks", "recommended videos", "watch next",
    "full screen", "fullscreen", "exit full screen", "view gallery", "open gallery",
    "view slideshow", "next", "previous", "prev", "next image", "previous image",
    "enlarge this image", "enlarge image", "view image", "zoom",
    "image", "photo", "photos", "gallery", "slideshow", "image source", "image caption",
    "media caption", "getty images", "reuters", "afp", "ap", "epa", "shutterstock", "alamy",
}

# Which reason a whole-line UI string gets (default ui-widget).
_TEASER_WORDS = {
    "recommended", "recommended for you", "you may also like", "you might also like", "more for you",
    "trending", "trending now", "popular", "most popular", "most read", "most viewed", "top stories",
    "latest news", "latest", "related", "related articles", "related stories", "related content",
    "related coverage", "related news", "related topics", "read more", "read next",
    "read this next", "more stories", "more news", "more on this story", "more from",
    "more like this", "up next", "don't miss", "do not miss", "see also", "in other news",
    "editor's picks", "editors' picks", "recommended videos", "watch next", "continue reading",
}
_COUNTER_WORDS = {
    "comment", "comments", "show comments", "view comments", "hide comments", "post a comment",
    "leave a comment", "add a comment", "be the first to comment", "no comments",
    "join the conversation",
}
_GALLERY_WORDS = {
    "full screen", "fullscreen", "exit full screen", "view gallery", "open gallery", "view slideshow",
    "next image", "previous image", "enlarge this image", "enlarge image", "view image", "zoom",
    "image", "photo", "photos", "gallery", "slideshow", "image source", "image caption",
    "media caption", "toggle caption", "hide caption", "show caption", "caption",
}
# Photo/news agencies, as standalone credit lines ("Reuters Archive", "AFP/File", "Getty Images").
_AGENCIES = (
    r"ap|afp|reuters|getty(?: images)?|epa(?:-efe)?|efe|shutterstock|alamy|istock(?:photo)?|"
    r"pa(?: media| wire)?|xinhua|sputnik|tass|ria novosti|anadolu(?: agency)?|aa|bloomberg|"
    r"ani|pti|ians|dpa|kyodo|yonhap|ansa|sipa|abaca|nurphoto|zuma(?: press| wire)?|"
    r"rex(?:/shutterstock)?|wenn|splash news|imago|picture alliance|associated press|"
    r"agence france-presse|unsplash|pixabay|pexels|wikimedia commons|handout|file photo|"
    r"pool|supplied|courtesy"
)
_AGENCY_LINE = re.compile(
    r"^(?:(?:photo|image|picture|video|credit|source)s?\s*:?\s*)?(?:" + _AGENCIES + r")"
    r"(?:\s*(?:/|via|,)?\s*(?:" + _AGENCIES + r"))*"
    r"(?:\s*(?:/|,)?\s*(?:archive|file|files|photo|photos|images?|pool|handout|video|stock))*$",
    re.I,
)
_COUNTER = re.compile(
    r"^(?:\d[\d,.\s]*[kKmM]?|\d+[kKmM]?\s*(?:comments?|shares?|views?|likes?|reactions?|replies|"
    r"responses|retweets?|reads?)|(?:comments?|shares?|views?|likes?)\s*[:(]?\s*\d+[kKmM]?\)?)$",
    re.I,
)
_GALLERY = re.compile(r"^(?:(?:image|photo|slide|picture)\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.I)
_TEASER_PREFIX = re.compile(
    r"^\[?\s*(?:read more|read also|also read|read next|more|related|see more|see also|also|"
    r"recommended|recommended reading|watch|watch now|listen|don['’]t miss|must read|"
    r"suggested|further reading|previously|opinion|analysis|explainer|trending|latest|"
    r"most read(?: in [\w ]+)?|more from [\w .]+|more on [\w .]+)\s*[:|»>–—-]\s*\S",
    re.I,
)
# "... [VIDEO]", "... [INSIGHT]", "... [Video]": a teaser headline labelled with its media type.
_TAG_SUFFIX = re.compile(
    r"\[(?:[A-Z][A-Z ]{2,15}|(?i:videos?|photos?|gallery|watch|podcast|audio|live|poll|quiz|pics))\]"
    r"\s*\|?\s*$"
)
_TEASER_LEAD = re.compile(r"^(?:most read in|more from|more stories from|more on|related to)\b", re.I)
# a list label in capitals heading a run of teaser headlines glued into one line ("MOST READ IN NEWS
# 'I'M MADDIE!' Student jokes ..."): the label, not the length, says what the line is
_TEASER_CAPS = re.compile(r"^(?:MOST READ|MOST POPULAR|MOST VIEWED|MORE FROM|MORE STORIES|TRENDING NOW)\b")
# a media widget's label opening a line: what follows is that widget's caption or credit, not body
# ("Enlarge this image toggle caption Joe Raedle/Getty Images Joe Raedle/Getty Images", "Image
# copyright Reuters Image caption The boy was found ...", "Media playback is unsupported on your
# device Media caption The tram derailed ...")
_MEDIA_LEAD = re.compile(
    r"^(?:enlarge this image|toggle caption|hide caption|image copyright|image caption|media caption|"
    r"media playback is (?:not supported|unsupported) on (?:this|your) device)\b",
    re.I,
)
# a share or read-on prompt ending in its link ("Read or Share this story: http://usat.ly/2fD4PNp")
_SHARE_LINK = re.compile(r"^(?:read or share|share|read)\b[^.!?:]{0,40}:\s*(?:https?://|www\.)\S+\s*$", re.I)
# the print edition's note on a web page ("A version of this article appears in print on ...")
_PRINT_NOTE = re.compile(r"^a version of this (?:article|story|review|column|editorial) appear(?:s|ed) in print\b",
                         re.I)

_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_COPYRIGHT = re.compile(
    r"(?:^(?:copyright|\(c\)|©|ⓒ)\s*[©ⓒ]?\s*(?:\d{4}|[A-Z])|\bcopyright\s*[©ⓒ]\s*\d{4}|all rights reserved|"
    r"may not be (?:published|reproduced|redistributed|broadcast|rewritten)|"
    r"for your personal,? non-commercial use|무단전재|재배포 금지)",
    re.I,
)
_PROMO_CTA = re.compile(
    r"^(?:please\s+)?(?:subscribe|sign up|signup|register|download|follow|join|get (?:our|the)|"
    r"click|tap|like us|become a (?:member|subscriber|patron)|donate|listen to|"
    r"watch|read|want|don['’]t miss|never miss|stay (?:up to date|informed|updated)|"
    r"get (?:breaking|the latest|daily|free|unlimited))(?=[\s,!:])",
    re.I,
)
_PROMO_NOUN = re.compile(
    r"\b(?:newsletters?|inbox|e-?mail alerts?|alerts|subscription|subscribers?|subscribe|"
    r"e-?mails|subscribing|"
    r"youtube|channel|podcasts?|app|apps|app store|google play|twitter|facebook|instagram|"
    r"telegram|whatsapp|tiktok|linkedin|updates|free trial|membership|premium|unlimited access|"
    r"journalism)\b",
    re.I,
)
_COOKIES = re.compile(
    r"\b(?:we use cookies|uses cookies|use of cookies|cookie (?:policy|settings|preferences)|"
    r"accept (?:all )?cookies|privacy policy and terms|by continuing to (?:use|browse)|"
    r"ad ?blocker|whitelist (?:us|our site)|turn off your ad)\b",
    re.I,
)
_AFFILIATE = re.compile(
    r"\b(?:affiliate (?:links?|commission)|may (?:earn|receive|get) (?:a )?(?:small )?"
    r"(?:commission|share of (?:the )?sales?)|if you (?:buy|click|purchase) (?:something|through))",
    re.I,
)
_CONTACT = re.compile(
    r"^(?:(?:write to|reach|contact|e-?mail)\b.{0,80}(?:\S@\S|https?://)|"
    r"follow (?:him|her|them|us|me|the author|@).{0,60}(?:twitter|facebook|instagram|@))",
    re.I,
)
_STAFF_CREDIT = re.compile(
    r"^\(?\s*(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced|"
    r"graphics?|research)(?: and \w+)? by\b|editing by\b|(?:photo|image|picture|video) "
    r"(?:credit|by)\b|credit\s*:|source\s*:|sources\s*:)",
    re.I,
)
_TIMESTAMP = re.compile(
    r"^(?:published|updated|last updated|last modified|posted|first published|created)\s*(?:on|at|:)?\s*"
    r".{0,40}(?:\d{1,2}:\d{2}|\d{4}|ago)\W*$",
    re.I,
)
_BYLINE = re.compile(r"^[Bb][Yy]\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|al|bin))*"
                     r"(?:\s*[,|–—-]\s*[\w .&'’]+)?$")
# Credit patterns: a parenthetical credit at the end of a caption, © marks, "Photo: X".
_PAREN_CREDIT = re.compile(
    r"\((?=[^()]*(?:\bphoto|\bimage|\bpool\b|\bvia\b|\bgetty\b|\bfile\b|\bcredit|\bcourtesy\b|"
    r"\bhandout\b|[A-Za-z]/[A-Z]|\bAP\b|\bAFP\b|\bEPA\b|\bReuters\b))[^()]{2,120}\)\s*\.?\s*$",
    re.I,
)
_COPY_MARK = re.compile(r"[©ⓒ]\s*\S")
_PHOTO_LABEL = re.compile(r"\b(?:photo|image|picture|photograph|illustration)s?\s*(?:credit)?\s*:\s*\S", re.I)
# An AP-style caption dateline: "..., in Moscow, Russia, Wednesday, Dec. 15, 2021."
_CAPTION_DATE = re.compile(
    r",\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s*"
    r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s*\.",
    re.I,
)
_PHOTO_VERB = re.compile(
    r"\b(?:gestures?|poses?|posing|pictured|is seen|are seen|looks on|look on|waves|wave|"
    r"listens|listen|smiles|attends|attend|speaks|speak|arrives|arrive|walks|walk|delivers|"
    r"reacts|react|holds|hold|stands|stand|sits|sit|shakes hands|shake hands|greets|greet|"
    r"take part|takes part|gather|gathers|march|marches|leaves|leave|"
    r"in this (?:file )?(?:photo|picture|image))\b",
    re.I,
)


def is_credit_only(line: str) -> bool:
    """A line that is nothing but a photo credit: "Reuters Archive", "AFP/File", "© Jane Doe/AP"."""
    s = strip_bullet(line).strip(" .")
    if not s or len(s) > 90:
        return False
    if _AGENCY_LINE.match(s):
        return True
    if s[0] in "©ⓒ" and len(words(s)) <= 10:
        return True
    if _PHOTO_LABEL.match(s) and len(words(s)) <= 10:
        return True
    return bool(_PAREN_CREDIT.match(s)) and len(words(s)) <= 12


def has_caption_credit(line: str) -> bool:
    """A sentence that carries a photo credit inside it: a caption, not body text."""
    s = line.strip()
    if _PAREN_CREDIT.search(s):
        return True
    m = _COPY_MARK.search(s)
    if m and m.start() > 0 and not _COPYRIGHT.search(s):
        return True
    return bool(re.search(r"\(credit:[^)]*\)", s, re.I)) or bool(
        re.search(r"[.!?]\s*(?:photo|image|picture)s?\s*(?:credit)?\s*:\s*\S", s, re.I)
    )


def describes_photo(line: str) -> bool:
    """AP-style caption: a present-tense photo verb and a weekday/date tail ("..., Wednesday, Dec. 15, 2021.")."""
    return bool(_CAPTION_DATE.search(line)) and bool(_PHOTO_VERB.search(line))


def is_teaser_marker(line: str) -> bool:
    """A bare "Read more" / "Related" / "Don't miss" label that announces teaser headlines after it."""
    n = normalise(line).strip(" :»>")
    return n in _TEASER_WORDS or bool(_TEASER_LEAD.match(n) and is_stub(line, 8))


def line_reason(line: str) -> str | None:
    """The junk reason of a line judged on its own, or None when it may be journalism."""
    s = strip_bullet(line)
    if not s:
        return None
    if is_quote_line(s) and not _TAG_SUFFIX.search(s):
        return None  # quotes are journalism, however short
    n = normalise(s)
    w = words(s)
    if _MEDIA_LEAD.match(s):
        return CAPTION
    if _TEASER_CAPS.match(s):
        return TEASER
    if _SHARE_LINK.match(s):
        return LINK
    if _PRINT_NOTE.match(s):
        return PROMO
    if _COUNTER.match(s):
        return COUNTER
    if _GALLERY.match(s):
        return GALLERY
    bare = n.rstrip("!.…")
    if n.startswith("advertisement ") and n[len("advertisement "):] in _UI_WHOLE:
        return UI_WIDGET  # "Advertisement Continue reading the main story"
    if n not in _UI_WHOLE and bare not in _UI_WHOLE and len(w) <= 16 and _all_ui_clauses(n):
        return UI_WIDGET
    if n in _UI_WHOLE or bare in _UI_WHOLE:
        key = n if n in _UI_WHOLE else bare
        if key in _TEASER_WORDS:
            return TEASER
        if key in _COUNTER_WORDS:
            return COUNTER
        if key in _GALLERY_WORDS:
            return GALLERY
        if _AGENCY_LINE.match(key):
            return CREDIT
        return UI_WIDGET
    if _URL_ONLY.match(s):
        return LINK
    if is_credit_only(s):
        return CREDIT
    if _STAFF_CREDIT.match(s) and len(w) <= 40:
        return CREDIT
    if _TEASER_PREFIX.match(s) and (not is_sentence(s) or s.endswith("?")):
        return TEASER
    if _TEASER_LEAD.match(n) and is_stub(s, 8):
        return TEASER
    if _TAG_SUFFIX.search(s) and not is_sentence(s.rstrip("| ")[: _TAG_SUFFIX.search(s).start()]):  # type: ignore[union-attr]
        return TEASER
    if _COPYRIGHT.search(s) and len(w) <= 60:
        return COPYRIGHT
    if _COOKIES.search(s) and len(w) <= 60:
        return PROMO
    if _AFFILIATE.search(s) and len(w) <= 45:
        return PROMO
    if _CONTACT.match(s) and len(w) <= 30:
        return PROMO
    if _PROMO_CTA.match(s) and _PROMO_NOUN.search(s) and len(w) <= 30:
        return PROMO
    if _TIMESTAMP.match(s) and len(w) <= 12:
        return TIMESTAMP
    if has_caption_credit(s) or describes_photo(s):
        return CAPTION
    return None


_CLAUSE = re.compile(r"[,.;!?…]+\s*")


def _all_ui_clauses(normalised: str) -> bool:
    """ "An error has occurred, please try again later.": every clause is a UI string."""
    clauses = [c.strip() for c in _CLAUSE.split(normalised) if c.strip()]
    return len(clauses) >= 2 and all(c in _UI_WHOLE and c not in _AGENCY_WORDS for c in clauses)


_AGENCY_WORDS = {"getty images", "reuters", "afp", "ap", "epa", "shutterstock", "alamy"}


def is_byline(line: str) -> bool:
    """ "By Jane Doe" / "By Jane Doe and John Roe, Reuters": a byline standing on its own line."""
    s = strip_bullet(line)
    return len(words(s)) <= 12 and not is_sentence(s) and bool(_BYLINE.match(s))
