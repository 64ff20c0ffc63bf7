"""A reason said to be withheld against a reason reported as given: a denial worded as an omission.

"Apple confirmed the removal of the apps but gave no reason" against "the app was purged, with
Apple claiming at the time that it was used to spread inappropriate content": one report says the
actor gave no reason, an independent one reports the reason the actor gave. The withheld-reason
line is a journalistic convention ("gave no reason", "did not say why", "without explanation") that
states what the actor said, so a report of the actor's stated reason for the same act contradicts
it. Not the comment line ("did not respond to requests for comment"): that is about the outlet's
own request, which another outlet's report cannot contradict. The general signals, all required:

* the withholding clause names its actor (a capitalised name, not a function or calendar word,
  before the withheld-reason words in its clause) and no hedge or modal ("may not have given a
  reason");
* the other sentence names the same actor with a reason-giving verb after it (claiming, citing,
  blaming, explained that, because), only auxiliaries or adverbs between: the actor's reason, not
  the outlet's guess or another subject's;
* the same act: a content word of the withholding clause other than the actor (the thing acted
  on: "the apps", "the removal") is in the other sentence;
* independent origins, and the reason given at the time of the act: either the two reports are
  within the update gap, or the reason-giving sentence dates the reason to the act ("at the
  time"); a reason given later ("later explained") is an update, not a contradiction.
"""

from __future__ import annotations

import re

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import independent, make_side, maybe_update
from storyprism.compare.text import STOPWORDS, content_tokens, words
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS
from storyprism.text.cues import HEDGES

_WITHHELD = re.compile(
    r"\b(?:gave|give|giving|offered|provided)\s+no\s+(?:reason|explanation)s?\b"
    r"|\b(?:did\s+not|didn[’']t|declined\s+to|would\s+not|wouldn[’']t|refused\s+to)\s+"
    r"(?:(?:give|offer|provide)\s+(?:a\s+|any\s+)?(?:reason|explanation)s?|(?:say|explain)\s+why)\b"
    r"|\bwithout\s+(?:giving\s+|offering\s+)?(?:a\s+|any\s+)?(?:reason|explanation)\b",
    re.IGNORECASE,
)
# the actor's own reason: a reason-giving verb within a few words after the actor's name
_REASON_VERB = r"(?:claim(?:ed|ing|s)?|cit(?:ed|ing|es)|blam(?:ed|ing|es)|explain(?:ed|ing|s)?\s+that|said\s+(?:it|they)\s+\w+\s+because)"
# Between the actor and its reason-giving verb only auxiliaries and adverbs may stand: the verb's
# subject is then the actor. Any other word there is a subject of its own ("Apple users blamed the
# update", "Monday, truckers blamed the ministry"): someone else's reason.
_BETWEEN = (r"(?:has|have|had|was|is|were|are|also|then|itself|themselves|publicly|officially|initially|"
            r"originally|previously|repeatedly|instead|first|again)")
_LATER = re.compile(r"\b(?:later|since|subsequently|afterwards|now)\b", re.IGNORECASE)
_AT_THE_TIME = re.compile(r"\bat\s+the\s+time\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][A-Za-z'’\-]+\b")
_MODAL = re.compile(r"\b(?:may|might|could|reportedly|apparently|if|whether)\b", re.IGNORECASE)
# words of the withholding clause that say nothing about the act itself
_GENERIC = frozenset(content_tokens("also confirmed gave give giving no reason reasons explanation say said why declined "
                                    "refused offered provided without any statement"))


def _actor_and_act(sentence: str) -> tuple[list[str], set[str]] | None:
    """The actor's names before the withheld-reason words and the content words of the act."""
    m = _WITHHELD.search(sentence)
    if m is None:
        return None
    head = sentence[: m.start()]
    if _MODAL.search(head + m.group()) or set(words(sentence)) & HEDGES:
        return None
    # A capitalised function word or calendar word is no actor: English capitalises a sentence's
    # first word whatever it is ("On Monday, the ministry closed ... without giving a reason": the
    # actor is the ministry, not "On"), and day and month names are capitalised everywhere.
    names = [n for n in _NAME.findall(head) if n.lower() not in STOPWORDS and n.lower() not in CALENDAR_WORDS]
    if not names:
        return None
    act = {t for t in content_tokens(head) if t not in _GENERIC} - {t for n in names for t in content_tokens(n)}
    return names, act


def omission_conflicts(st: StoryText) -> list[Conflict]:
    """A withheld reason (one report) against the actor's reason (an independent report)."""
    withheld = {}
    for i, s in enumerate(st.sentences):
        if "reason" in s.text.lower() or "why" in s.text.lower() or "explanation" in s.text.lower():
            found = _actor_and_act(s.text)
            if found is not None:
                withheld[i] = found
    out: list[Conflict] = []
    if not withheld:
        return out
    for i, (names, act) in withheld.items():
        actor = names[0]
        given = re.compile(rf"\b{re.escape(actor)}\b\W+(?:{_BETWEEN}\W+){{0,2}}?{_REASON_VERB}\b")
        for j, other in enumerate(st.sentences):
            if j == i or not independent(st, i, j) or _WITHHELD.search(other.text):
                continue
            m = given.search(other.text)
            if m is None or _LATER.search(other.text[: m.end()]):
                continue
            if not act & set(st.tokens[j]):
                continue
            a, b = st.sentences[i].article, other.article
            if maybe_update(st, a, b) and not _AT_THE_TIME.search(other.text):
                continue
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="polarity",
                    sides=[make_side(st, st.sentences[i].text, [a], "no reason given"),
                           make_side(st, other.text, [b], "a reason given")],
                    about=f"whether {actor} gave a reason",
                    attribute=f"whether {actor} gave a reason",
                    confidence=0.5,  # medium: the reason may have been given to some outlets only
                )
            )
    return out
