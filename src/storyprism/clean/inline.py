"""Junk that sits *inside* a line of real text, where the line-level rules cannot see it.

Crawlers flatten pages, so widgets end up glued into paragraphs. Each pattern is page furniture by
convention, not wording a reporter writes:

* newsletter sign-up blocks ("Newsletter Sign Up Continue reading the main story", "Invalid email
  address", "Please verify you're not a robot", "Thank you for subscribing");
* gallery counters glued to captions ("... the launch. Hide Caption 3 of 8");
* video-player residue ("Now Playing", "Up Next", "Replay", "Chat with us in Facebook Messenger");
* whole lines of furniture ("Scroll down for video", "Advertisement - Continue Reading Below"),
  interleaved photo credits ("David Becker/Getty Images": capitalised names, a slash, an agency),
  teaser headlines glued to their link ("... Read more");
* sentences glued without a space ("said.The"): a lower-case word, a full stop, a capitalised word.

Every fragment taken out is returned with its reason, so the removal stays auditable.
"""

from __future__ import annotations

import re

INLINE_JUNK = "inline-junk"
GLUED = "glued-sentences"

_PATTERNS = [
    re.compile(r"\bNewsletter Sign Up Continue reading the main story\b"),
    re.compile(r"\bContinue reading the main story\b"),
    re.compile(r"\bSign Up for the [A-Z][\w ]{0,40}Newsletter\b[^.]{0,160}\.?"),
    re.compile(r"\bInvalid email address\.?"),
    re.compile(r"\bPlease verify you(?:'|’)re not a robot by clicking the box\.?"),
    re.compile(r"\bPlease verify you(?:'|’)re not a robot\.?"),
    re.compile(r"\bPlease re-enter\.?"),
    re.compile(r"\bYou must select a newsletter to subscribe to\.?"),
    re.compile(r"\bThank you for subscribing\.?"),
    re.compile(r"\bAn error has occurred\. Please try again later\.?"),
    re.compile(r"\bView all [A-Z][\w ]{0,40} newsletters\.?"),
    re.compile(r"\bYou agree to receive occasional updates and special offers for [^.]{0,80}\.?"),
    re.compile(r"\bYou may opt-out at any time\.?"),
    re.compile(r"\bHide Caption \d{1,3} of \d{1,3}\b"),
    re.compile(r"\bChat with us in Facebook Messenger\.[^.]{0,80}\.?"),
    re.compile(r"^(?:Now Playing|Up Next|Replay|Must Watch)\b\s*"),
]
# whole lines of page furniture, with the line-level reason they are removed for
_WHOLE = [
    (re.compile(r"^(?:Scroll down for video|Advertisement(?: - Continue Reading Below)?|Enlarge (?:this )?image"
                r"(?: [A-Z][\w]*)?|Skip Ad|Video Ad Feedback)$", re.IGNORECASE), "ui-widget"),
    # an interleaved photo credit: "David Becker/Getty Images", "Jae C. Hong/AP", "Twitter/X via Storyful"
    (re.compile(r"^(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s*/\s*(?:[A-Z][\w.&'’-]*\s?){1,3}(?:via [A-Z]\w+)?$"),
     "credit"),
    # a teaser headline glued to its link label: "China: the new space superpower Read more"
    (re.compile(r"^.{3,90}\s(?:Read more|READ MORE|Read More)$"), "teaser"),
]
# "said.The" -> "said. The"; a lower-case word of 2+ letters keeps "U.S." and "St.Louis" intact
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_QUOTE_GLUED = re.compile(r"(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])")
_URLISH = re.compile(r"\S+\.(?:com|org|net|co|uk|html?)\b|https?://\S+|www\.\S+", re.IGNORECASE)


def whole_line_reason(line: str) -> str | None:
    """The reason a whole line is page furniture (clean/lines.py reason codes), or None."""
    for pat, reason in _WHOLE:
        if pat.match(line.strip()):
            return reason
    return None


def scrub_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """``line`` without inline junk, and the (fragment, reason) pairs taken out or changed."""
    if whole_line_reason(line):
        return "", [(line.strip(), str(whole_line_reason(line)))]
    removed: list[tuple[str, str]] = []
    out = line
    for pat in _PATTERNS:
        def cut(m: re.Match[str]) -> str:
            removed.append((m.group(0).strip(), INLINE_JUNK))
            return " "
        out = pat.sub(cut, out)
    if removed:
        out = re.sub(r"\s{2,}", " ", out).strip()
    if not _URLISH.search(out):
        glued = _QUOTE_GLUED.sub(" ", _GLUED.sub(" ", out))
        if glued != out:
            removed.append((f"{len(glued) - len(out)} missing space(s) after a full stop restored", GLUED))
            out = glued
    return out, removed
