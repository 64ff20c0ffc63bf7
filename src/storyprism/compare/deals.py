"""Amounts of one deal: two independent reports valuing the same offer or acquisition differently.

"Qualcomm's $47 billion bid for NXP" against "Qualcomm acquiring NXP ... or the $38 billion
transaction being terminated"; "Broadcom's initial $103 billion offer" against "Broadcom's original
$105 billion acquisition approach". The number detector compares amounts by what they are *of*
("$32.6 billion in earnings"); an amount that modifies its noun directly ("a $47 billion bid") names
no such thing for it, and business reporting names one deal by many nouns (bid, offer, approach,
deal, transaction, takeover), so the two never meet there. General signals, all required:

* each amount modifies a deal noun right after it ("$47 billion *bid*", "$105 billion acquisition
  *approach*"); not a price per share ("$54.20 per share offer"), not a figure "including debt"
  (another measure of the deal), not a deal for a part ("a $30 billion deal for a joint venture",
  "to buy Halden's chip unit": a part of a company or a venture is another deal than the whole);
* one deal, named the same way: the two sentences share two participants by name (the buyer and
  the target), or both amounts carry a first-version word ("initial", "original") and name the same
  bidder; the parties keep their roles (a bidder is the name that owns the amount, "Norvex's $40
  billion bid", or makes it, "Norvex made a $40 billion offer"; a target follows the deal noun, "bid
  for Halden"): two bidders' offers, or one company's offer for the other against the other's for
  the first, are two deals; a version word at either amount ("improved", "raised", "new", "latest")
  means a deal that moved, and neither sentence may also give the other's amount;
* the same currency (40 billion euros and 45 billion dollars are not one figure misreported);
* independent origins, reports close enough that a raised bid is no update, and amounts within a
  factor of 1.5 (further apart they are a deal and one of its parts, or two deals);
* a pair the number detector (``quantities.number_conflicts``, run first) already reports is not
  reported again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyprism.compare.claims import StoryText
from storyprism.compare.groups import components
from storyprism.compare.quantities import number_conflicts
from storyprism.compare.sides import make_side, opposable
from storyprism.compare.text import sentence_names
from storyprism.records import Conflict
from storyprism.text.calendar import CALENDAR_WORDS as _CALENDAR
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
_MIN_SHARED_NAMES = 2
# A price per share is what one share fetches, not the deal's value ("a $54.20 per share offer").
_PER_SHARE = re.compile(r"^\s*(?:per|a|each)\s+(?:share|unit|ordinary share|ADR)\b", re.IGNORECASE)
# A deal for a part of a company or for a venture: another transaction than the takeover of the whole.
_PART = re.compile(
    r"\b(?:unit|units|venture|ventures|arm|division|divisions|subsidiary|subsidiaries|stake|assets|plant"
    r"|factory|brand|brands|segment|portfolio|operations)\b",
    re.IGNORECASE,
)
_PART_WORDS = 8  # words after the deal noun, within its clause, where the deal's object is named
# The party that owns or makes an amount: a possessive right before it ("Norvex's $40 billion",
# "Norvex's original $5 billion") or the subject of a verb of bidding ("Norvex made an initial $4
# billion"). Capitalised words only: the bidder is named.
_NAME_RUN = r"((?:[A-Z][\w&.-]*\s+)*[A-Z][\w&.-]*)"
_OWNER = re.compile(_NAME_RUN + r"(?:'s|’s|')\s+(?:[a-z][\w-]*\s+){0,2}$")
_MAKER = re.compile(
    _NAME_RUN + r"\s+(?:\w+\s+)?(?:made|makes|launched|launches|submitted|submits|tabled|tables|offered|offers"
    r"|put forward|puts forward)\s+(?:an?|its|the|his|her|their)?\s*(?:[a-z][\w-]*\s+){0,2}$"
)
# The target follows the deal noun: "bid for Halden", "takeover of Dutch rival Kestra".
_TARGET = re.compile(r"^\s*(?:for|of|to buy|to acquire|to take over)\s+((?:[\w'’-]+\s+){0,3}?[A-Z][\w&.-]*)")


class _Amount:
    __slots__ = ("bidder", "first", "index", "names", "q", "target")

    def __init__(self, index: int, q: Quantity, first: bool, names: set[str], bidder: set[str],
                 target: set[str]) -> None:
        self.index, self.q, self.first, self.names = index, q, first, names
        self.bidder, self.target = bidder, target


def _deal_amount(text: str, q: Quantity) -> tuple[bool, set[str], set[str]] | None:
    """None unless ``q`` is a deal's headline value; else whether it is the deal's first version,
    and the names of its bidder and of its target where the sentence gives them (see ``_OWNER``,
    ``_MAKER``, ``_TARGET``)."""
    rest = text[q.end :]
    if _PER_SHARE.match(rest):
        return None  # a price per share, not the deal's value
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]", rest[:50]))[: _NOUN_GAP + 1]
    after = [w.group(0) for w in words]
    head = next((k for k, w in enumerate(after) if w.lower() in _DEAL_NOUNS), None)
    if head is None or any(not w[:1].isalpha() for w in after[:head]):
        return None  # no deal noun right after the amount (a comma or a bracket ends the phrase)
    before = " ".join(text[: q.start].split()[-_BEFORE_WORDS:])
    phrase = f"{before} {' '.join(after[: head + 1])}"
    if _VERSION.search(phrase) or _OTHER_MEASURE.search(text):
        return None
    tail = rest[words[head].end() :]
    clause = re.split(r"[,;:()]|\s[-–—]\s", tail, maxsplit=1)[0]
    if _PART.search(" ".join(clause.split()[:_PART_WORDS])):
        return None  # a deal for a unit, a stake or a venture: not the whole deal's value
    lead = text[: q.start]
    owner = _OWNER.search(lead) or _MAKER.search(lead)
    target = _TARGET.match(tail)
    return (bool(_FIRST.search(before)), _party(owner.group(1) if owner else ""),
            _party(target.group(1) if target else ""))


def _party(name: str) -> set[str]:
    """The words of a party's name, lower-cased, without the story's calendar words."""
    return {w for w in sentence_names(name) if w not in _CALENDAR}


def _same_deal(a: _Amount, b: _Amount) -> bool:
    """Whether the two amounts name one deal by its parties, in the same roles (module docstring)."""
    if a.bidder and b.bidder and not a.bidder & b.bidder:
        return False  # two bidders: two offers
    if (a.bidder & b.target) or (b.bidder & a.target):
        return False  # the target of one is the buyer in the other: another deal between the two
    if a.target and b.target and not a.target & b.target:
        return False  # one bidder's offers for two targets
    if a.first:
        # the first version of *whose* offer: both sentences must name the same bidder
        return bool(a.bidder & b.bidder)
    return len(a.names & b.names) >= _MIN_SHARED_NAMES


def _told(numbers: Sequence[Conflict], sa: str, sb: str, va: str, vb: str) -> bool:
    """Whether a number conflict already sets these two sentences (or one of them, with the same two
    values) against each other."""
    texts = {" ".join(sa.split()), " ".join(sb.split())}
    for c in numbers:
        side_texts = {side.text for side in c.sides}
        if side_texts == texts or (side_texts & texts and {side.value for side in c.sides} == {va, vb}):
            return True
    return False


def _ratio(a: Quantity, b: Quantity) -> float:
    va, vb = a.low or a.high, b.low or b.high
    if not va or not vb:
        return float("inf")
    return max(va, vb) / min(va, vb)


def deal_conflicts(st: StoryText, numbers: Sequence[Conflict] | None = None) -> list[Conflict]:
    """Two independent origins giving one deal different headline values (see the module docstring).

    ``numbers``: the story's number conflicts where the caller has them; otherwise they are read
    here, and only when a deal pair is found (rare), so that no pair is reported twice."""
    found: list[_Amount] = []
    for i, s in enumerate(st.sentences):
        for q in st.quantities(i):
            if q.unit not in _MONEY or q.thing:
                continue  # an amount of something named is the number detector's ("$31.2 billion in earnings")
            read = _deal_amount(s.text, q)
            if read is not None:
                names = {n for n in sentence_names(s.text) if n not in _CALENDAR}
                found.append(_Amount(i, q, read[0], names, read[1], read[2]))
    pairs: list[tuple[int, int]] = []
    for x, a in enumerate(found):
        for y in range(x + 1, len(found)):
            b = found[y]
            # two currencies are two figures, not one misreported (a conversion is no dispute)
            if a.q.unit != b.q.unit or a.first != b.first or compatible(a.q, b.q) or _ratio(a.q, b.q) > _MAX_RATIO:
                continue
            if not _same_deal(a, b):
                continue
            # a sentence that also gives the other's amount sets the two side by side (a raised bid)
            if any(compatible(o, b.q) for o in st.quantities(a.index) if o is not a.q) or any(
                compatible(o, a.q) for o in st.quantities(b.index) if o is not b.q
            ):
                continue
            sa, sb = st.sentences[a.index], st.sentences[b.index]
            if not opposable(st, a.index, b.index):
                continue
            if numbers is None:
                numbers = number_conflicts(st)
            if _told(numbers, sa.text, sb.text, a.q.text, b.q.text):
                continue  # the number detector reports this pair already
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
