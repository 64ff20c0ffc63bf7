"""Amounts of one deal: two independent reports valuing the same offer or acquisition differently.

"Qualcomm's $47 billion bid for NXP" against "Qualcomm acquiring NXP ... or the $38 billion
transaction being terminated"; "Broadcom's initial $103 billion offer" against "Broadcom's original
$105 billion acquisition approach". The number detector compares amounts by what they are *of*
("$32.6 billion in earnings"); an amount that modifies its noun directly ("a $47 billion bid") names
no such thing for it, and business reporting names one deal by many nouns (bid, offer, approach,
deal, transaction, takeover), so the two never meet there. General signals, all required:

* each amount modifies a deal noun right after it ("$47 billion *bid*", "$105 billion acquisition
  *approach*"); not a price per share, not a figure "including debt" (another measure of the deal);
* one deal, named the same way: the two sentences share two participants by name (the buyer and
  the target), or both amounts carry a first-version word ("initial", "original") and share one; a
  version word at either amount ("improved", "raised", "new", "latest") means a deal that moved,
  and neither sentence may also give the other's amount;
* independent origins, reports close enough that a raised bid is no update, and amounts within a
  factor of 1.5 (further apart they are a deal and one of its parts, or two deals).
"""

from __future__ import annotations

import re

from storyprism.compare.claims import StoryText
from storyprism.compare.groups import components
from storyprism.compare.sides import independent, make_side, maybe_update
from storyprism.compare.text import sentence_names
from storyprism.records import Conflict
from storyprism.text.calendar import MONTHS, WEEKDAYS
from storyprism.text.numbers import Quantity, compatible

_MONEY = frozenset(["USD", "EUR", "GBP"])
# The nouns business reporting uses for one proposed or agreed acquisition, interchangeably.
_DEAL_NOUNS = frozenset(["offer", "bid", "approach", "proposal", "deal", "transaction", "acquisition", "takeover",
                         "merger", "purchase", "buyout"])
# Words between an amount and its deal noun ("$47 billion *cash* bid", "$105 billion *acquisition* approach").
_NOUN_GAP = 2
# A deal that moved: a raised or revised bid is another value of another version, not a misreport.
_VERSION = re.compile(
    r"\b(?:improved|revised|new|newest|raised|sweetened|latest|higher|lower|increased|boosted|reduced|cut|final"
    r"|second|third|hostile|rival|counter|fresh|updated|amended|previous|prior|earlier|later)\b",
    re.IGNORECASE,
)
# The first version of a deal, one thing however it is named ("initial offer", "original approach").
_FIRST = re.compile(r"\b(?:initial|original|first|opening)\b", re.IGNORECASE)
_BEFORE_WORDS = 3
# A figure with debt, of equity or enterprise value, or by the year is another measure of the deal
# than its headline value.
_OTHER_MEASURE = re.compile(r"\b(?:debt|equity|enterprise|annual|annually|a year)\b", re.IGNORECASE)
_MAX_RATIO = 1.5
_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_MIN_SHARED_NAMES = 2


class _Amount:
    __slots__ = ("first", "index", "names", "q")

    def __init__(self, index: int, q: Quantity, first: bool, names: set[str]) -> None:
        self.index, self.q, self.first, self.names = index, q, first, names


def _deal_amount(text: str, q: Quantity) -> bool | None:
    """None unless ``q`` is a deal's headline value; else whether it is the deal's first version."""
    after = re.findall(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]", text[q.end : q.end + 50])[: _NOUN_GAP + 1]
    head = next((k for k, w in enumerate(after) if w.lower() in _DEAL_NOUNS), None)
    if head is None or any(not w[:1].isalpha() for w in after[:head]):
        return None  # no deal noun right after the amount (a comma or a bracket ends the phrase)
    before = " ".join(text[: q.start].split()[-_BEFORE_WORDS:])
    phrase = f"{before} {' '.join(after[: head + 1])}"
    if _VERSION.search(phrase) or _OTHER_MEASURE.search(text):
        return None
    return bool(_FIRST.search(before))


def _ratio(a: Quantity, b: Quantity) -> float:
    va, vb = a.low or a.high, b.low or b.high
    if not va or not vb:
        return float("inf")
    return max(va, vb) / min(va, vb)


def deal_conflicts(st: StoryText) -> list[Conflict]:
    """Two independent origins giving one deal different headline values (see the module docstring)."""
    found: list[_Amount] = []
    for i, s in enumerate(st.sentences):
        for q in st.quantities(i):
            if q.unit not in _MONEY or q.thing:
                continue  # an amount of something named is the number detector's ("$31.2 billion in earnings")
            first = _deal_amount(s.text, q)
            if first is not None:
                names = {n for n in sentence_names(s.text) if n not in _CALENDAR}
                found.append(_Amount(i, q, first, names))
    pairs: list[tuple[int, int]] = []
    for x, a in enumerate(found):
        for y in range(x + 1, len(found)):
            b = found[y]
            if a.first != b.first or compatible(a.q, b.q) or _ratio(a.q, b.q) > _MAX_RATIO:
                continue
            shared = a.names & b.names
            if len(shared) < (1 if a.first else _MIN_SHARED_NAMES):
                continue
            # a sentence that also gives the other's amount sets the two side by side (a raised bid)
            if any(compatible(o, b.q) for o in st.quantities(a.index) if o is not a.q) or any(
                compatible(o, a.q) for o in st.quantities(b.index) if o is not b.q
            ):
                continue
            sa, sb = st.sentences[a.index], st.sentences[b.index]
            if not independent(st, a.index, b.index) or maybe_update(st, sa.article, sb.article):
                continue
            pairs.append((x, y))
    out: list[Conflict] = []
    for members in components(pairs):
        sides: list[list[int]] = []
        for k in members:
            for side in sides:
                if all(compatible(found[k].q, found[o].q) for o in side):
                    side.append(k)
                    break
            else:
                sides.append([k])
        if len(sides) != 2:
            continue  # three values of one deal: versions or parts of it, not one value disputed
        # Each side is shown by the sentence of the pair that most plainly states one thing (the
        # highest sentence similarity): the clearest two accounts of the deal's value.
        best = max((p for p in pairs if p[0] in members), key=lambda p: (st.sim(found[p[0]].index, found[p[1]].index), -p[0]))
        built = []
        for side in sides:
            texts = {st.sentences[found[k].index].text for k in side}
            lead = found[next(k for k in best if k in side)]
            built.append(make_side(st, st.sentences[lead.index].text,
                                   [s.article for s in st.sentences if s.text in texts], lead.q.text))
        out.append(
            Conflict(
                story=st.story.id,
                kind="number",
                sides=built,
                about="value of the deal",
                attribute=f"value of one deal ({found[members[0]].q.unit})",
                # Medium: two values of one deal are often two measures (with or without debt, a
                # different share count) that neither report names.
                confidence=0.5,
            )
        )
    return out
