"""Place conflicts: one thing put in two different bodies of water by independent origins.

"landing on the drone ship in the Pacific Ocean" against "the drone ship positioned downrange in
the Atlantic Ocean": the same kind of place (the head word "Ocean"), two different names, in words
around them that say the same thing happens there. General signals, all required:

* a named place with a geographic head word (Ocean, Sea, Gulf, Bay, River, Lake), each sentence
  naming only one place of that kind, and neither naming the other's;
* the words right before the two places share at least ``_SHARED_FRAME`` content words (the thing
  that lands, sails or falls: "drone ship"), beyond the head word and the names;
* independent origins, and reports close enough in time that neither can be the other's update.

Deliberately narrow: places of other kinds (a city, an airport, a province) are more often two
legs or two steps of one story ("flew from X to Y") than two accounts of one fact.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyprism.compare.claims import StoryText
from storyprism.compare.sides import independent, make_side, maybe_update
from storyprism.compare.text import content_tokens
from storyprism.records import Conflict

_PLACE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,2})(Ocean|Sea|Gulf|Bay|River|Lake)\b")
_FRAME_WORDS = 8
_SHARED_FRAME = 2


def _places(text: str) -> dict[str, list[tuple[str, int]]]:
    """Named places by head word: head -> [(name, start)]."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for m in _PLACE.finditer(text):
        out[m.group(2)].append((" ".join(m.group(1).split()), m.start()))
    return out


def place_conflicts(st: StoryText) -> list[Conflict]:
    found: dict[str, list[tuple[int, str, set[str]]]] = defaultdict(list)
    for i, s in enumerate(st.sentences):
        for head, names in _places(s.text).items():
            if len({n for n, _ in names}) != 1:
                continue  # a sentence naming two oceans sets them side by side, it does not place one thing
            name, start = names[0]
            before = " ".join(s.text[:start].split()[-_FRAME_WORDS:])
            frame = set(content_tokens(before)) - set(content_tokens(name + " " + head))
            found[head].append((i, name, frame))
    out: list[Conflict] = []
    seen: set[tuple[str, str, str]] = set()
    for head, items in sorted(found.items()):
        for x, (i, name_i, frame_i) in enumerate(items):
            for j, name_j, frame_j in items[x + 1 :]:
                if name_i == name_j or len(frame_i & frame_j) < _SHARED_FRAME:
                    continue
                ti, tj = st.sentences[i].text, st.sentences[j].text
                if f"{name_j} {head}" in ti or f"{name_i} {head}" in tj:
                    continue
                if not independent(st, i, j) or maybe_update(st, st.sentences[i].article, st.sentences[j].article):
                    continue
                first, second = sorted((name_i, name_j))
                key = (head, first, second)
                if key in seen:
                    continue
                seen.add(key)
                what = " ".join(sorted(frame_i & frame_j))
                out.append(
                    Conflict(
                        story=st.story.id,
                        kind="place",
                        sides=[
                            make_side(st, ti, [st.sentences[i].article], f"{name_i} {head}"),
                            make_side(st, tj, [st.sentences[j].article], f"{name_j} {head}"),
                        ],
                        about=f"where ({what})",
                        attribute=f"{head.lower()} where it happens ({what})",
                        confidence=0.5,  # the words around agree; a second event at sea can still be meant
                    )
                )
    return out
