"""Where in a sequence a happening took place: the lap, inning or pitch two reports give it.

Race and game reports place each happening on a numbered step of the contest ("Ericsson crashed on
lap 13", "Lap 14: Ericsson has a big smash"; "halted after 20 of 71 laps", "red-flagged with 21 of
71 laps completed"; "four pitches into the game", "the third pitch of the game"). The quantity
reader counts things; these are positions, read here by their own rule. Two independent reports
placing one happening on different steps disagree. The general signals that the two positions
belong to one happening:

* the same kind of step (lap, inning, pitch), and positions one step apart: a misplaced
  happening is off by one (the lap in progress against the laps completed, the pitch counted from
  zero or one), while steps further apart in one contest are nearly always two happenings (a crash
  on lap 13, another on lap 48);
* the words of the position's own clause meet: the same actor and the same happening ("Ericsson ...
  smashed his Sauber" / "Ericsson has a big smash in his Sauber"), at least two content words beyond
  the step itself, or the same race distance ("of 71 laps") and sentences that say the same thing.
  The clause ends at "but" or a semicolon: "racing resumed at the end of lap 19 but Raikkonen spun"
  places the restart, not the crash;
* different origins, and reports within the window of a static attribute (a lap does not move).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyprism.compare.claims import StoryText
from storyprism.compare.groups import components
from storyprism.compare.sides import hours_apart, independent, make_side
from storyprism.compare.text import content_tokens
from storyprism.records import Conflict
from storyprism.text.numbers import WORD_NUMBERS

# Beyond two weeks a later report may be of another contest of the same name.
_WINDOW_HOURS = 14 * 24.0
# Rounds are left out: "the first round" of a draft, a tournament or talks is a stage many players
# or parties pass through, so two rounds named near shared words are rarely one happening.
_STEPS = r"(?P<unit>lap|inning|pitch)"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_NUM = r"\d{1,3}|" + "|".join(WORD_NUMBERS)
_ORD = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS)
# "on lap 13", "Lap 14 Ericsson ...", "in the 28th lap", "the third pitch of the game", "after 20 of
# 71 scheduled laps", "with 21 of 71 laps completed", "four pitches into the game".
_POSITION = re.compile(
    rf"\b{_STEPS}\s+(?P<n1>\d{{1,3}})\b(?!\s*(?:-|–|to)\s*\d)"
    rf"|\b(?P<o2>{_ORD})\s+(?P<unit2>lap|inning|pitch)\b"
    rf"|\b(?P<n3>{_NUM})\s+of\s+(?:the\s+)?(?P<total>\d{{1,3}})\s+(?:\w+\s+)?(?P<unit3>lap|inning)s\b"
    rf"|\b(?P<n4>{_NUM})\s+(?P<unit4>lap|inning|pitch)(?:e?s)?\s+into\b",
    re.IGNORECASE,
)
# A clause ends at a contrast or a semicolon, or where a new sentence of a list line begins.
_CLAUSE_BREAK = re.compile(r";|\s—\s|,?\s+but\s|\s+while\s", re.IGNORECASE)
_MIN_SHARED = 2
_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")
# Sentences saying the same thing: combined encoder and word similarity (``StoryText.sim``).
_SAME_STATEMENT = 0.45


@dataclass(frozen=True, slots=True)
class _Position:
    index: int  # sentence index in the story
    unit: str
    value: int
    total: int | None
    words: frozenset[str]  # content words of the position's clause, the step itself left out
    text: str  # the position as printed


def _number(raw: str) -> int | None:
    w = raw.lower()
    if w.isdigit():
        return int(w)
    if w in WORD_NUMBERS:
        return WORD_NUMBERS[w]
    if w in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[w]
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else None


def _undoubled(stem: str) -> str:
    """"stopp" (of "stopped") as "stop" (of "stops"): the shared stemmer keeps the doubled consonant
    of a past tense, so one verb in two tenses would not meet."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    return stem


def _clause(sentence: str, start: int, end: int) -> str:
    left = sentence[:start]
    right = sentence[end:]
    cuts = list(_CLAUSE_BREAK.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    cut = _CLAUSE_BREAK.search(right)
    if cut:
        right = right[: cut.start()]
    return f"{left} {right}"


def _positions(st: StoryText, i: int) -> list[_Position]:
    text = st.sentences[i].text
    out = []
    for m in _POSITION.finditer(text):
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")).lower()
        raw = m.group("n1") or m.group("o2") or m.group("n3") or m.group("n4")
        value = _number(raw)
        if value is None:
            continue
        total = int(m.group("total")) if m.group("total") else None
        step_words = set(content_tokens(unit + " " + unit + "s"))
        # A hyphenated compound also counts as its parts: one word is printed closed or open
        # ("red-flagged" / "red flagged", "rain-soaked" / "rain soaked") by house style.
        clause = _clause(text, m.start(), m.end())
        words = {
            _undoubled(t)
            for t in content_tokens(" ".join([clause, *(c.replace("-", " ") for c in _COMPOUND.findall(clause))]))
            if not t[:1].isdigit() and t not in step_words
        }
        out.append(_Position(i, unit, value, total, frozenset(words), m.group()))
    return out


def _one_happening(st: StoryText, a: _Position, b: _Position) -> bool:
    if len(a.words & b.words) >= _MIN_SHARED:
        return True
    return a.total is not None and a.total == b.total and st.sim(a.index, b.index) >= _SAME_STATEMENT


def ordinal_conflicts(st: StoryText) -> list[Conflict]:
    """Two independent reports placing one happening on neighbouring steps of a contest."""
    positions = [p for i in range(len(st.sentences)) for p in _positions(st, i)]
    # A sentence placing several happenings on one kind of step ("lap 20 ... lap 28") is a
    # summary of the contest; which step goes with which happening is the sentence's to know.
    per_sentence: dict[tuple[int, str], int] = {}
    for p in positions:
        per_sentence[(p.index, p.unit)] = per_sentence.get((p.index, p.unit), 0) + 1
    positions = [p for p in positions if per_sentence[(p.index, p.unit)] == 1]
    edges: list[tuple[int, int]] = []
    for x, a in enumerate(positions):
        for y in range(x + 1, len(positions)):
            b = positions[y]
            if a.unit != b.unit or abs(a.value - b.value) != 1 or not independent(st, a.index, b.index):
                continue
            gap = hours_apart(st, st.sentences[a.index].article, st.sentences[b.index].article)
            if (gap is None or gap <= _WINDOW_HOURS) and _one_happening(st, a, b):
                edges.append((x, y))
    # One conflict per happening: positions joined through their pairs, split by step.
    out: list[Conflict] = []
    for members in components(edges):
        values = sorted({positions[k].value for k in members})
        if len(values) != 2:
            continue  # three steps for one happening: more likely several happenings
        sides = [[positions[k] for k in members if positions[k].value == v] for v in values]
        # Each side shown by the sentence that shares most with the other side: the clearest
        # statement of the disputed happening among the reports that agree on its step.
        leads = [_lead(sides[0], sides[1]), _lead(sides[1], sides[0])]
        out.append(
            Conflict(
                story=st.story.id,
                kind="number",
                sides=[
                    make_side(
                        st,
                        st.sentences[lead.index].text,
                        [st.sentences[p.index].article for p in side],
                        lead.text,
                    )
                    for lead, side in zip(leads, sides, strict=True)
                ],
                about=f"{leads[0].unit} of the same happening",
                attribute=f"{leads[0].unit} on which it happened",
                # Medium: counting the step in progress or the steps completed can explain one step.
                confidence=0.6,
            )
        )
    return out


def _lead(side: list[_Position], other: list[_Position]) -> _Position:
    return max(side, key=lambda p: (max(len(p.words & q.words) for q in other), -p.index))
