"""Duration conflicts: two independent origins giving different lengths for one happening.

"a 12-minute hail delay" against "the teams were delayed for about half an hour": the same
happening (a delay) measured twice, and the two lengths cannot both be true. The shared quantity
reader leaves durations alone (a time is no counted thing), so they are read here, in minutes.

General signals, all required (precision first):

* the duration is the length of a happening, not a moment: it modifies a noun ("a 12-minute
  delay", "a two-hour stoppage") or measures a verb through "for" ("delayed for half an hour",
  "suspended for two hours"). "12 minutes into the half", "two hours later", "every 10 minutes"
  are moments or rates and are never read. How long a task "took" is left alone: reports time a
  job from different starts (with or without its breaks), so two such lengths are two measures;
* both lengths are of one thing: the same stem for the noun or the verb ("delay" / "delayed");
* the happening is over: progress ("has been delayed for two hours", "so far") is left out, and
  reports published further apart than ``sides.UPDATE_GAP_HOURS`` may speak of another moment;
* the two sentences speak of one happening: they are similar as wholes (claim-level similarity a
  little under the claim threshold), do not name different people or places only, and neither
  sentence also gives the other's length;
* values that cannot both be true once rounding and "about", "nearly", "more than" are respected
  (``storyprism.text.numbers.compatible``), from different origins (``sides.independent``).
"""

from __future__ import annotations

import re

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import make_side, opposable
from storyprism.compare.text import sentence_names
from storyprism.records import Conflict
from storyprism.text.numbers import WORD_NUMBERS, Quantity, compatible
from storyprism.text.stopwords import STOPWORDS, stem

_MINUTES = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
_QUAL = (r"about|around|nearly|almost|roughly|some|approximately|more than|over|less than|under|"
         r"just over|just under|at least")
_NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r"|an?"
# "12-minute", "two-hour", "12 minutes", "an hour", "half an hour", "an hour and a half"
_DURATION = re.compile(
    rf"(?<![\w-])(?:(?P<qual>(?i:{_QUAL}))\s+)?"
    r"(?:(?P<half>(?i:half an hour|half-hour|half hour))"
    rf"|(?P<num>(?i:{_NUM}))[\s-](?P<unit>(?i:second|minute|hour))(?P<plural>s)?"
    r"(?P<andhalf>\s+and\s+a\s+half)?)"
    r"(?![\w-])"
)
# After a hyphenated length: the place a trip leads from or to, not a happening that lasts ("a
# 20-minute walk from the station", "a two-hour drive to the coast"); a delay "before the restart"
# still lasts.
_NOT_A_HAPPENING = re.compile(r"^\s*\w+\s+(?:from|to|into|away)\b", re.I)
# Progress up to the moment of writing: its length grows between reports.
_ONGOING = re.compile(r"\b(?:so far|by now|as of|until now|to date|still)\b|\b(?:has|have)\s+been\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# The two sentences speak of one happening: near the claim threshold, the lengths' own words
# ("12-minute" / "half an hour") being different by construction.
SAME_HAPPENING = 0.35


class _Length:
    __slots__ = ("index", "key", "q")

    def __init__(self, index: int, key: str, q: Quantity) -> None:
        self.index, self.key, self.q = index, key, q


def _value(m: re.Match[str]) -> tuple[float, float] | None:
    """Minutes and the rounding step of the printed length, or None."""
    if m.group("half"):
        return 30.0, 10.0  # "half an hour": a round length, read to ten minutes
    raw = m.group("num").lower()
    unit = _MINUTES[m.group("unit").lower()]
    if raw in ("a", "an"):
        number, step = 1.0, 1.0
    elif raw in WORD_NUMBERS:
        number, step = float(WORD_NUMBERS[raw]), 1.0
    else:
        number = float(raw)
        step = 10.0 ** -len(raw.split(".")[1]) if "." in raw else 1.0
    if m.group("andhalf"):
        number += 0.5
        step = 0.5
    if m.group("plural") is None and "-" not in m.group(0) and number != 1.0:
        return None  # "two hour" without a hyphen or a plural: not a length as printed
    # A round count of minutes ("30 minutes") is read to five minutes; otherwise a length is read to
    # its last printed digit in its own unit ("two hours": to the hour, "2.5 hours": to six minutes).
    step_minutes = 5.0 if unit == 1.0 and number % 5 == 0 and step == 1.0 else step * unit
    return number * unit, step_minutes


def _quantity(m: re.Match[str], minutes: float, step: float) -> Quantity:
    qual = (m.group("qual") or "").lower()
    low: float | None = minutes
    high: float | None = minutes
    if qual in ("more than", "over", "just over", "at least"):
        high, qualifier = None, "more-than" if qual != "at least" else "at-least"
    elif qual in ("less than", "under", "just under"):
        low, qualifier = None, "less-than"
    elif qual in ("nearly", "almost"):
        low, qualifier = minutes * 0.9, "about"
    elif qual:
        low, high, qualifier = minutes * 0.9, minutes * 1.1, "about"
    else:
        qualifier = "exact"
    return Quantity(m.group(0), m.start(), m.end(), low, high, qualifier, "minutes", frozenset(), step)


def _head_noun(rest: str) -> str | None:
    """The noun a hyphenated length modifies ("12-minute hail delay" -> "delay"): the last word of
    the run of lower-case content words right after it (at most three; a verb or an adverb after
    the noun ends the run: "a 12-minute delay ended ...")."""
    m = re.match(r"\s+((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z'’-]*)", rest)
    if not m:
        return None
    run: list[str] = []
    for w in m.group(1).split():
        if w in STOPWORDS or (run and w.endswith(("ed", "ly"))):
            break
        run.append(w)
    return stem(run[-1]) if run else None


def _verb_before(before: str) -> str | None:
    """The verb a length measures through "for": "delayed for (around) ...", "suspended for ..."."""
    ws = _WORD.findall(before[-60:])
    if len(ws) < 2 or ws[-1].lower() != "for":
        return None
    verb = ws[-2].lower()
    return stem(verb) if verb.endswith("ed") else None  # a participle: the happening's own verb


def _lengths(st: StoryText, i: int) -> list[_Length]:
    text = st.sentences[i].text
    if _ONGOING.search(text):
        return []
    out = []
    for m in _DURATION.finditer(text):
        read = _value(m)
        if read is None:
            continue
        after, before = text[m.end():], text[: m.start()]
        hyphenated = "-" in m.group(0) and m.group("plural") is None
        key = _head_noun(after) if hyphenated else _verb_before(before)
        # Without "for" or a hyphen a length is a moment ("two hours later", "12 minutes into the
        # half", "every 10 minutes"): ``_verb_before`` reads none. A hyphenated one names a trip's
        # length when a place follows ("a 20-minute walk from the station"): not a happening.
        if hyphenated and _NOT_A_HAPPENING.match(after):
            continue
        if key is None or key in STOPWORDS:
            continue
        out.append(_Length(i, key, _quantity(m, *read)))
    return out




def duration_conflicts(st: StoryText) -> list[Conflict]:
    found = [x for i in range(len(st.sentences)) for x in _lengths(st, i)]
    per_sentence: dict[int, list[_Length]] = {}
    for x in found:
        per_sentence.setdefault(x.index, []).append(x)
    out: list[Conflict] = []
    seen: set[str] = set()
    for n, a in enumerate(found):
        for b in found[n + 1:]:
            if a.key != b.key or a.key in seen or compatible(a.q, b.q):
                continue
            if not opposable(st, a.index, b.index) or st.sim(a.index, b.index) < SAME_HAPPENING:
                continue
            sa, sb = st.sentences[a.index], st.sentences[b.index]
            na, nb = sentence_names(sa.text), sentence_names(sb.text)
            if na and nb and not na & nb:
                continue  # lengths of things at different places or of different people
            # A sentence that also gives the other's length is not disagreeing with it.
            if any(compatible(o.q, b.q) for o in per_sentence[a.index] if o is not a) or any(
                compatible(o.q, a.q) for o in per_sentence[b.index] if o is not b
            ):
                continue
            seen.add(a.key)
            out.append(
                Conflict(
                    story=st.story.id,
                    kind="number",
                    sides=[make_side(st, sa.text, [sa.article], a.q.text), make_side(st, sb.text, [sb.article], b.q.text)],
                    about=f"length of the {a.key}",
                    attribute=f"how long the {a.key} lasted",
                    confidence=0.5,  # one happening measured twice; either may count from another moment
                )
            )
    return out
