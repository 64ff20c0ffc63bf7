"""What a summary may show: a sentence that stands on its own, as a reader sees it.

``display_text`` is the sentence as the summary prints it: the wire dateline that opens a news
agency's copy ("SAN JOSE, Dec 31 (Reuters) - ", "ERIE, Pa. — ", "(CNN) ") is a routing mark of the
page, not part of the statement, so it is cut (the sentence keeps its citation: articles and outlets).
``readable`` says whether the shown text can stand alone in a summary.
"""

from __future__ import annotations

import re

from storyprism.text import datelines as DL
from storyprism.text.cues import speech_forms

# The dateline convention of agency and newspaper copy: a place in capitals, an optional region or
# date after a comma, an optional credit in brackets, then a dash ("OFER PRISON, West Bank (Reuters) -",
# "LAKE FOREST, Ill. —", "CAIRO --"); a place in any case when a bracketed credit follows it
# ("Washington (CNN) —"); or a bracketed credit alone at the very start ("(CNN) Chrissy Teigen ...").
# The pieces are text/datelines.py's; the anchoring (opening, inside) is this module's.
_CREDIT = rf"(?:{DL.CREDIT}|{DL.SLASH_CREDIT})"
_PLACE_CAPS = DL.PLACE
_PLACE_ANY = DL.PLACE_ANY
_REGION = rf"(?:{DL.REGION})?"
# the copy's first sentence opens after the dash ("NASA - the space agency - said" is no dateline)
_DASH = rf"\s*{DL.DASH}\s+(?=[A-Z“\"‘'])"
_DATELINE_OPENING = re.compile(
    rf"^[\s•·*]*(?:{_PLACE_CAPS}{_REGION}(?:\s*{_CREDIT})?{_DASH}"
    rf"|{_PLACE_ANY}{_REGION}\s*{_CREDIT}{_DASH}"
    rf"|{_CREDIT}(?:{_DASH}|\s+(?=[A-Z])))"
)
# A dateline with its credit inside a sentence: the page's headline or a caption was glued before
# the copy's first line ("Israel indicts teen LONDON (Reuters) - Israel indicted ..."); what follows
# the dateline is the statement.
_DATELINE_INSIDE = re.compile(rf"\s(?:{_PLACE_CAPS}{_REGION}\s*)?{DL.SIGNED_CREDIT}{_DASH}")
# A list bullet opening a line is layout, not text.
_BULLET = re.compile(r"^[\s•·▪►*]+")


def display_text(text: str) -> str:
    """The sentence as a summary shows it: no wire dateline opening it or glued inside it, no bullet."""
    t = " ".join(text.split())
    m = _DATELINE_INSIDE.search(t)
    if m:
        t = t[m.end() :]
    t = _DATELINE_OPENING.sub("", t, count=1)
    t = _BULLET.sub("", t)
    return t[:1].upper() + t[1:] if t else t


# A sentence opening with a pronoun or a connective needs the sentence before it; out of context it
# is unreadable ("But North Korea gloated ...", "Which is where ... comes in.").
_PRONOUN_OPENING = re.compile(
    r"^[\"“‘']?(?:he|she|it|they|this|that|these|those|his|her|its|their|him|them|which|but|and|so|"
    r"also|then|still|yet|however|instead|nor|or|except|plus)\b",
    re.I,
)
# The same after a short introductory phrase that names nobody ("Earlier, he was handed ...",
# "A software engineer by profession, he also campaigned ..."): the pronoun is the subject and its
# antecedent is in another sentence. An introduction naming someone ("When Smith arrived, he ...")
# may resolve it, so a capitalised word after the first one lets the sentence through.
_INTRO_PRONOUN = re.compile(r"^(?P<intro>[^,“\"]{1,80}),\s+(?:he|she|they|it|his|her|their|its|that|this)\b")
# A pronoun subject right after an opening time adverb, no comma ("Last year he gave a speech ...",
# "Earlier she had said ..."): who is meant is in an earlier sentence.
_TIME_PRONOUN = re.compile(
    r"^(?:last|this|next|earlier|later|previously|recently|then|now|once|today|yesterday)"
    r"(?:\s+(?:year|week|month|night|season|time))?\s+(?:he|she|they|it)\b",
    re.I,
)
# A possessive after an opening preposition or conjunction ("In his arms was a towel.", "When his
# injuries began causing ..., doctors decided ..."): whose arms or injuries is told in
# another sentence, unless the sentence names someone after it ("In her speech, May said ...").
_PREPOSITION_POSSESSIVE = re.compile(
    r"^(?:in|on|at|with|for|from|by|to|into|after|before|despite|when|while|as|because|since|although|if)\s+"
    r"(?:his|her|their|its)\b",
    re.I,
)
# A quotation tagged by a pronoun only ("..., he tweeted."; "“...,” she added"): whose words they are
# is in another sentence.
_PRONOUN_TAG = re.compile(
    r"(?:[,”\"’]\s*|\s)(?:he|she|they)\s+(?:\w+ly\s+)?(?:" + speech_forms() + r")\b[^\w]*$",
    re.I,
)
# A lost sentence boundary: a capitalised determiner or pronoun right after a word, with no
# punctuation between, followed by a lower-case word ("... show the way The twin towers ...",
# "Marc Stein He has covered ..."): a caption, a byline or a headline was glued to the text. (A title
# such as "The Paper" or "The Hague" is followed by a capital and is left alone.)
_GLUED = re.compile(r"(?<=[\w’'])\s+(?:The|He|She|They|We|What|This|These)\s+[a-z]")
# Headline case outside quotation marks: a function word capitalised between two capitalised words
# ("Germans Will Ring in New Year With Extra Security"); prose capitalises names, not prepositions.
_HEADLINE_CASE = re.compile(r"\b[A-Z][\w'’]+\s+(?:With|For|Of|To|In|On|At|From|By|And|Will|Is|Are|As)\s+[A-Z]")
# A picture desk's caption ends with the place and the full date, no preposition ("... in front of
# the Cologne Cathedral, Germany, January 5, 2016."); prose dates a happening "on January 5".
_CAPTION_DATE = re.compile(
    r",\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2},\s+\d{4}\.?$"
)
# A sports picture's caption names its players with their shirt numbers ("Hopkins (10) reaches for
# the ball while being guarded by ... Haden (21)"); prose does not number two people that way.
_SHIRT_NUMBERS = re.compile(r"[A-Z][\w'’-]+ \(\d{1,2}\)")
# Page furniture that survives cleaning: credit and copyright lines, contributor notes, image credits,
# video-player and gallery labels ("CLOSE", "Skip ... Embed", "Photos: ..."), star ratings, link lines
# in brackets, a wire story's credit line ("(Reporting by ...; Editing by ...)"), a caption label, a
# site's call to follow a topic, a broadcaster's note on how its transcripts are made, a picture
# desk's caption ("In this Dec. 31, 2016 file photo ...", "Broken windows are seen early on Monday",
# "The lens galaxy, at center, and four lensed quasars").
_JUNK = re.compile(
    r"copyright|all rights reserved|contributed to this report|getty images|\(ap photo|ap photo/|"
    r"reuters/|afp/|click here|sign up|newsletter|follow (?:us|him|her) on|read more|"
    r"pic\.twitter\.com|\(@\w+\)|post shared by|^\s*updated\s*\||"
    r"^\s*(?:photos?|videos?|watch|listen|gallery|related|see also|more)\s*:|\bskip\b.{0,40}\bembed\b|"
    r"\bhide caption\b|\b\d(?:\.\d)?\s*/\s*5 stars\b|^\s*\[.*\]\s*$|"
    r"\((?:additional )?(?:reporting|writing|editing) by\b|^\s*caption\b|\bstay up to date\b|"
    r"\btranscripts?\b.{0,60}\b(?:are|is) (?:created|produced|edited)\b|\bthe audio record\b|"
    r"\bmay not be in (?:its|their) final form\b|\bfile (?:photo|picture|image)\b|"
    r"^in this (?:[\w.,]+\s+){0,5}(?:photo|picture|image)\b|\b(?:is|are) (?:seen|pictured)\b(?!\s+as\b)|"
    r"\bat (?:center|centre|left|right)\b|\((?:left|right|center|centre|top|bottom)\)",
    re.IGNORECASE,
)
# A transcript's speaker label ("NELSON: He told ...") or a video player's "CLOSE" button: the line is
# page furniture or a turn of a conversation whose speaker the summary cannot show. A short title
# before a colon, every word capitalised ("Steelers: Host the Browns on Sunday.", "Magic Leap One:
# The fabled headset is real") is a heading of a notes list or a link to another story.
_LABEL_OPENING = re.compile(r"^\s*(?:[A-Z]{3,}:\s|CLOSE\s|(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*:\s+[A-Z])")
# The reader addressed ("You can track the flight here", "Watch the trailer below"): a page's own
# instructions, not a statement about the event.
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re|you'll|you’ll)\b", re.IGNORECASE)
_SHOUTED = re.compile(r"\b[A-Z][A-Z'’&.-]+(?:\s+[A-Z][A-Z'’&.-]+){2,}\b")  # a run of 3+ words in capitals
# First person outside quotation marks: a host's or a writer's own voice, or a speaker's words
# whose quotation marks and attribution the page lost; out of context the "I" is nobody.
_FIRST_PERSON = re.compile(  # case-sensitive: "US" is a country, "ME" a state
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|us|[Oo]ur)\b"
)
_QUOTED_SPAN = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
# Words that say who spoke a quotation (a quotation without one is a fragment out of context).
_SPEECH = re.compile(
    r"\b(?:" + speech_forms(("according",)) + r")\b",
    re.IGNORECASE,
)


def _unresolved_pronoun(t: str) -> bool:
    if _PRONOUN_OPENING.match(t):
        return True
    m = _INTRO_PRONOUN.match(t)
    if m and not any(w[:1].isupper() for w in m.group("intro").split()[1:]):
        return True
    if _TIME_PRONOUN.match(t):
        return True
    if _PREPOSITION_POSSESSIVE.match(t) and not any(w[:1].isupper() for w in t.split()[1:]):
        return True
    return bool(_PRONOUN_TAG.search(t))


def readable(text: str) -> bool:
    """A sentence a summary can show on its own (read as ``display_text`` shows it): a complete
    statement (ends like a sentence), no pronoun whose antecedent is elsewhere, no credit or page
    junk, no caption or glued headline, no shouted label, no unattributed first person, no reader
    addressed, no quotation without its speaker."""
    t = display_text(text).strip()
    if not t or t[-1] not in ".!\"'”’)…" or _unresolved_pronoun(t) or _JUNK.search(t):
        return False
    if _LABEL_OPENING.match(t) or _SHOUTED.search(t) or _CAPTION_DATE.search(t):
        return False
    if len(_SHIRT_NUMBERS.findall(t)) >= 2:
        return False
    outside = _QUOTED_SPAN.sub(" ", t)
    if _GLUED.search(outside) or _HEADLINE_CASE.search(outside):
        return False
    if _FIRST_PERSON.search(outside) or _SECOND_PERSON.search(outside):
        return False
    quoted = sum(len(m.group()) for m in _QUOTED_SPAN.finditer(t))
    return not (quoted > 0.5 * len(t) and not _SPEECH.search(outside))
