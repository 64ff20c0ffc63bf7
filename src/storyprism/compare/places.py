"""Place conflicts: one thing put in two different bodies of water by independent origins.

"landing on the drone ship in the Pacific Ocean" against "the drone ship positioned downrange in
the Atlantic Ocean"; "the missile ... smashed down in the Sea of Japan" against "the missile had
flown over northern Japan and fallen into the Pacific Ocean". Two names, in words around them that
say the same thing happens there. General signals, all required:

* a named place with a geographic head word, before its name ("Pacific Ocean", "Irish Sea") or
  after it with "of" ("Sea of Japan", "Gulf of Mexico"). Open water (Ocean, Sea, Gulf) is one kind
  of place: a thing that lands, sinks or falls at sea is in one of them, so an ocean against a sea
  is a disagreement as two oceans are. A bay, a river or a lake is compared only with its own kind
  (a bay lies inside a sea, a river runs into one);
* each sentence names only one place of that kind, and neither sentence, nor any sentence of the
  story, names the two together (side by side, or one sea by its two names: "the East Sea, also
  known as the Sea of Japan");
* the words right before the two places share at least ``_SHARED_FRAME`` content words (the thing
  that lands, sails or falls: "drone ship"; "flew over northern Japan"), beyond the head words;
  and neither picks one of several things ("the *first* missile", "*another* boat");
* independent origins, and reports close enough in time that neither can be the other's update.
  Where a thing *came down* is a finished happening (a past verb of arrival right before the place,
  "fell into", "smashed down in", "before landing in", and no plan in the sentence): it does not
  move between reports, so, like a size or an age (``static.py``), it is compared within the static
  window rather than the update gap when both sentences pin it to one date or time; without one, a
  later report may be of the next launch: update gap. A plan ("will land", "positioned") can
  change: update gap.

Deliberately narrow: places of other kinds (a city, an airport, a province) are more often two
legs or two steps of one story ("flew from X to Y") than two accounts of one fact.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import hours_apart, independent, make_side, maybe_update
from storyprism.compare.static import STATIC_WINDOW_HOURS
from storyprism.compare.text import STOPWORDS, content_tokens
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS

_HEADS = "Ocean|Sea|Gulf|Bay|River|Lake"
# "Pacific Ocean", "South China Sea" (the name before the head) or "Sea of Japan", "Gulf of Mexico"
# (the head, "of", the name); "the Sea of Japan" is never read as a sea named "the".
_PLACE = re.compile(
    rf"\b(?:(?P<name>(?:[A-Z][a-z]+\s+){{1,2}})(?P<head>{_HEADS})\b"
    rf"|(?P<head_of>{_HEADS})\s+of\s+(?:the\s+)?(?P<name_of>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
)
# One kind of place per group: the open sea is one (an ocean and a sea can both be where a thing
# fell); bays, rivers and lakes each their own.
_KIND = {"Ocean": "open water", "Sea": "open water", "Gulf": "open water", "Bay": "bay", "River": "river",
         "Lake": "lake"}
_HEAD_WORDS = frozenset(h.lower() for h in _KIND)
_FRAME_WORDS = 8
_SHARED_FRAME = 2
# A finished arrival right before the place: where it came down does not change between reports.
_ARRIVED = re.compile(
    r"\b(?:fell|fallen|falling|landed|landing|crashed|crashing|sank|sunk|plunged|plunging|ditched|splashed"
    r"|smashed|came down|coming down)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# A word before the thing that picks one of several ("the *first* missile", "*another* boat", "*one
# of* the rockets"): the story has more than one of them, and each may come down in its own place.
_INSTANCE = re.compile(r"\b(?:first|second|third|fourth|another|other|one of|latest|next)\b", re.IGNORECASE)
# A date or a clock time a sentence pins its happening to: two reports that share one speak of one
# happening.
_WHEN = re.compile(rf"\b(?:{'|'.join(CALENDAR_WORDS)}|today|yesterday|\d{{1,2}}[:.]\d{{2}})\b", re.IGNORECASE)
# A plan or an expectation anywhere in the sentence: where it is to land may still change.
_PLANNED = re.compile(r"\b(?:will|would|plans?|planned|expected|scheduled|set to|due to|aims?|intends?)\b", re.I)


def _places(text: str) -> dict[str, list[tuple[str, str, int]]]:
    """Named places by kind: kind -> [(the place as printed, name, start)]."""
    out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for m in _PLACE.finditer(text):
        if m.group("head"):
            # a capitalised word opening the sentence or the clause is no part of the name ("The
            # Pacific Ocean", "In Lake Geneva")
            kept = [w for w in m.group("name").split() if w.lower() not in STOPWORDS]
            if not kept:
                continue
            name, head = " ".join(kept), m.group("head")
            shown = f"{name} {head}"
        else:
            name, head = " ".join(m.group("name_of").split()), m.group("head_of")
            shown = f"{head} of {name}"
        out[_KIND[head]].append((shown, name, m.start()))
    return out


def _close_enough(st: StoryText, i: int, j: int, arrived: bool) -> bool:
    """Within the update gap; a finished arrival on one shared date within the static window. A story
    can hold two launches days apart ("the missile flew over northern Japan" twice): without a date
    both sentences pin it to, the later report may be of the next one."""
    a, b = st.sentences[i].article, st.sentences[j].article
    when_i = {w.lower() for w in _WHEN.findall(st.sentences[i].text)}
    when_j = {w.lower() for w in _WHEN.findall(st.sentences[j].text)}
    if not arrived or not when_i & when_j:
        return not maybe_update(st, a, b)
    gap = hours_apart(st, a, b)
    return gap is None or gap <= STATIC_WINDOW_HOURS


def _printed_in(st: StoryText, text: str) -> list[str]:
    """Every article of the story printing this very sentence (a wire sentence in two papers)."""
    return [s.article for s in st.sentences if s.text == text]


def place_conflicts(st: StoryText) -> list[Conflict]:
    found: dict[str, list[tuple[int, str, set[str], bool]]] = defaultdict(list)
    # Places some sentence of the story names together: set side by side ("from the Atlantic to the
    # Pacific") or one named two ways ("the East Sea, also known as the Sea of Japan"). In this story
    # the two are no rival answers to where one thing is.
    together: set[frozenset[str]] = set()
    for i, s in enumerate(st.sentences):
        for kind, places in _places(s.text).items():
            named = {shown for shown, _, _ in places}
            if len(named) != 1:
                together.update(frozenset((x, y)) for x in named for y in named if x != y)
                continue  # a sentence naming two seas sets them side by side, it does not place one thing
            shown, _, start = places[0]
            before_text = s.text[:start]
            before = " ".join(before_text.split()[-_FRAME_WORDS:])
            if _INSTANCE.search(before):
                continue  # one of several things, each with its own place
            frame = set(content_tokens(before)) - _HEAD_WORDS
            arrived = bool(_ARRIVED.search(before_text)) and not _PLANNED.search(s.text)
            found[kind].append((i, shown, frame, arrived))
    # Every pair that passes, by the disagreement it states (the two places): one conflict each,
    # shown by the pair that states it most plainly (a story prints where the missile went many
    # times): both sentences telling where the thing came down ("smashed down in" / "fallen into",
    # not "fired ... into"), then the two wordings closest in meaning.
    pairs: dict[tuple[str, str, str], list[tuple[bool, float, int, int, str, str, set[str]]]] = defaultdict(list)
    for kind, items in sorted(found.items()):
        for x, (i, place_i, frame_i, arrived_i) in enumerate(items):
            for j, place_j, frame_j, arrived_j in items[x + 1 :]:
                if place_i == place_j or len(frame_i & frame_j) < _SHARED_FRAME:
                    continue
                ti, tj = st.sentences[i].text, st.sentences[j].text
                if place_j in ti or place_i in tj or frozenset((place_i, place_j)) in together:
                    continue
                if not independent(st, i, j) or not _close_enough(st, i, j, arrived_i and arrived_j):
                    continue
                first, second = sorted((place_i, place_j))
                landed = arrived_i and arrived_j
                pairs[(kind, first, second)].append((landed, st.sim(i, j), i, j, place_i, place_j, frame_i & frame_j))
    out: list[Conflict] = []
    for (kind, _, _), candidates in pairs.items():
        _, _, i, j, place_i, place_j, shared = max(candidates, key=lambda c: (c[0], c[1], -c[2], -c[3]))
        what = " ".join(sorted(shared))
        ti, tj = st.sentences[i].text, st.sentences[j].text
        out.append(
            Conflict(
                story=st.story.id,
                kind="place",
                sides=[
                    make_side(st, ti, _printed_in(st, ti), place_i),
                    make_side(st, tj, _printed_in(st, tj), place_j),
                ],
                about=f"where ({what})",
                attribute=f"{kind} where it happens ({what})",
                confidence=0.5,  # the words around agree; a second event at sea can still be meant
            )
        )
    return out
