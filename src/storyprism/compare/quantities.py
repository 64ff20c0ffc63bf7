"""Number and polarity conflicts: incompatible values for the same quantity from independent origins.

Precision first: a short list of real disagreements beats a long list of different quantities
that share a unit. Two figures are only compared when every one of these general signals holds:

* same unit and same counted thing: the counted noun ("troops", "photos"), or for money and shares
  what the amount is of ("$32.6 billion in undistributed foreign earnings" / "$31.2 billion in
  earnings reinvested abroad" share "earnings"; "1 percent" of nothing named is never compared);
* the same frame: the words around the two figures share content beyond the unit and the thing
  (the verb or the owner: "posted four photos" / "posted three photos"), more of them when both
  figures are exact (two exact counts of one noun are usually different things);
* the same time: sentences naming years name the same ones, and the articles were published close
  enough that the later one cannot simply be an update;
* values that cannot both be true once rounding and "more than", "nearly", "about" are respected
  (``storyprism.text.numbers.compatible``; "about" before a figure printed to three or more
  significant digits, "some $146 billion", allows a couple of units of its last digit, not 10 %);
* amounts of nothing named are compared only when the two sentences say the same thing (most of
  the words around the amounts, and the meaning); a price per share never meets a total, a market
  price ("shares fell 1.5 percent to $65.09") is a moment, and amounts ten times apart are two things;
* different ultimate origins (a copy disagreeing with its source is a rewrite change, not a conflict).
"""

from __future__ import annotations

import re

from storyprism.compare.claims import StoryText
from storyprism.compare.groups import components
from storyprism.compare.sides import independent, make_side, maybe_update, opposable
from storyprism.compare.static import age_conflicts, clock_conflicts, measure_conflicts, year_conflicts
from storyprism.compare.text import content_tokens
from storyprism.records import Conflict
from storyprism.text.numbers import TIME_UNITS, Quantity, compatible, is_measure_unit, tightened
from storyprism.text.stopwords import STOPWORDS, stem

_FRAME_WORDS = 10
# The two sentences must be about the same happening at all (combined encoder + TF-IDF similarity):
# a list of past shootings shares "gunman killed N people" with the story's own toll.
_MIN_SENTENCE_SIMILARITY = 0.35
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MONEY = frozenset(["USD", "EUR", "GBP"])
# Counts of informants are attribution, not a fact of the story: "two sources", "three officials".
_INFORMANT_UNITS = frozenset(["source", "sources", "official", "officials", "witness", "witnesses"])
_HYPOTHETICAL = re.compile(r"\b(?:would have to|if|unless|required|needed|need|enough to|as far as|as much as)\b", re.I)
_SUBSET = re.compile(r"\b(?:other|more|additional|extra|further|remaining)\s+\w+$", re.I)
# Tolls rise as reports come in: counts of the dead, hurt, trapped or missing differ between reports
# of one event hours apart, and such a difference is an update, not a disagreement.
_TOLL = frozenset(["kill", "dead", "die", "died", "death", "injur", "injuri", "wound", "hurt", "toll", "missing",
                   "trap", "trapp", "hospital", "victim", "casualti", "fatalit", "evacuat", "rescu"])
_NEAR_WORDS = 4
_INFORMANTS = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:sources?|officials?|people familiar)\b", re.I)
# An earlier time named relatively: the figure is of another period than the story's own.
_EARLIER = re.compile(r"\b(?:last|previous|past) (?:year|month|season)\b|\b(?:a|one|two|\d+) years? (?:ago|earlier)\b", re.I)
_NAME = re.compile(r"\b([A-Z][a-z]{2,}|[A-Z]{2,})\b")


# A price per share or per item: another quantity than any total in the same currency.
_PER_UNIT = re.compile(r"\s*(?:a|per|each|for each)\s+(?:[A-Z]\w+\s+)?(?:share|unit|item|person|head)\b", re.I)
# Two amounts an order of magnitude apart are different quantities (a deal and one of its parts),
# not one misreported figure.
_MAX_MONEY_RATIO = 10.0


def _names(sentence: str) -> set[str]:
    """Capitalised words: the people, places and bodies a figure may belong to."""
    return {n.lower() for n in _NAME.findall(sentence) if n.lower() not in STOPWORDS}


class _Mention:
    __slots__ = ("frame", "index", "key", "names", "near", "owner", "q", "years")

    def __init__(self, index: int, q: Quantity, sentence: str, year: str | None) -> None:
        self.index = index  # sentence index in the story
        self.q = q
        self.key = q.unit if q.unit in _MONEY or q.unit == "percent" else stem(q.unit)
        if q.unit in _MONEY and _PER_UNIT.match(sentence[q.end :]):
            self.key = f"{q.unit} per unit"  # "$82 a share" is a price per share, never a total
        left = sentence[: q.start].split()[-_FRAME_WORDS:]
        right = sentence[q.end :].split()[:_FRAME_WORDS]
        drop = set(q.thing) | {self.key}
        self.frame = {t for t in content_tokens(" ".join([*left, *right])) if t not in drop and not t[:1].isdigit()}
        # The predicate right around the figure: "were killed", "posted", "massed ... near the border".
        near = " ".join([*left[-_NEAR_WORDS:], *right[:_NEAR_WORDS]])
        self.near = {t for t in content_tokens(near) if t not in drop and not t[:1].isdigit()}
        # A sentence naming no year speaks of its article's own time.
        self.years = set(_YEAR.findall(sentence)) or ({year} if year else set())
        if _EARLIER.search(sentence):
            self.years = {"earlier"}
        self.names = _names(sentence)
        # The nearest name before the figure owns it ("Yates was 7 of 16 for 83 yards").
        owners = [n.lower() for n in _NAME.findall(" ".join(left)) if n.lower() not in STOPWORDS]
        self.owner = owners[-1] if owners else None


def _kin(a: Quantity, b: Quantity) -> bool:
    """Counts of one kind of thing, a compound noun included ("schoolgirls" and "girls")."""
    ka, kb = stem(a.unit), stem(b.unit)
    return ka.endswith(kb) or kb.endswith(ka)


def _same_thing(a: _Mention, b: _Mention) -> bool:
    if a.key != b.key:
        return False
    if a.key == "percent":
        return bool(a.q.thing & b.q.thing)  # shares of nothing named are never compared
    if _is_money(a.key):
        # An amount names what it is of ("$32.6 billion in earnings"), or neither does and the two
        # sentences must then state the same thing outright (checked with the frame below).
        return bool(a.q.thing & b.q.thing) or (not a.q.thing and not b.q.thing)
    return a.key not in TIME_UNITS


# Two amounts of nothing named are one amount only when their sentences say the same thing: most of
# the words around them and the sentence meaning (a deal's value "including debt" in both).
_UNNAMED_MONEY_SHARED = 3
_UNNAMED_MONEY_SIMILARITY = 0.5
# Stems of "shares", "stock", "trading"/"traded", "closed": a quote of a market price.
_MARKET = frozenset(["shar", "stock", "trad", "closed"])


def _is_money(key: str) -> bool:
    return key in _MONEY or key.endswith(" per unit")


def _ratio(a: Quantity, b: Quantity) -> float:
    va = a.low if a.low is not None else a.high
    vb = b.low if b.low is not None else b.high
    if not va or not vb:
        return 1.0
    return max(va, vb) / min(va, vb)


def _label(q: Quantity) -> str:
    return q.text


def _leads(
    st: StoryText, mentions: list[_Mention], sides: list[list[int]], compared: set[tuple[int, int]]
) -> list[_Mention]:
    """The sentence shown for each of two sides: of the pairs actually compared across the two
    sides, the one whose sentences say most nearly the same thing. A side holds every report of
    its value, and the first printed is not always the one that states the disputed figure as the
    other side does ("Qualcomm's $47 billion bid ... completed or terminated" against "the $38
    billion transaction being terminated", rather than a passing mention of the same bid)."""
    one, two = sides
    across = [(x, y) for x in one for y in two if (min(x, y), max(x, y)) in compared]
    if not across:
        return [mentions[one[0]], mentions[two[0]]]
    x, y = max(across, key=lambda xy: (st.sim(mentions[xy[0]].index, mentions[xy[1]].index), -min(xy)))
    return [mentions[x], mentions[y]]


def number_conflicts(st: StoryText) -> list[Conflict]:
    mentions: list[_Mention] = []
    in_sentence: dict[int, list[Quantity]] = {}
    for i, s in enumerate(st.sentences):
        published = st.articles[s.article].published if s.article in st.articles else None
        year = published[:4] if published and published[:4].isdigit() else None
        for q in st.quantities(i):
            if _INFORMANTS.match(s.text[q.end :]) or q.unit in _INFORMANT_UNITS:
                continue  # "two law enforcement sources told CNN": who informs, not what happened
            if _HYPOTHETICAL.search(" ".join(s.text[: q.start].split()[-4:] + s.text[q.end :].split()[:3])):
                continue  # "would have to be 226,000 miles", "four outs required": not a report of fact
            if _SUBSET.search(q.text):
                continue  # "five other defendants", "5,000 more troops": a part or an increment, not a total
            mentions.append(_Mention(i, q, s.text, year))
            in_sentence.setdefault(i, []).append(q)
    pairs: list[tuple[int, int, float]] = []
    for x in range(len(mentions)):
        for y in range(x + 1, len(mentions)):
            a, b = mentions[x], mentions[y]
            sa, sb = st.sentences[a.index], st.sentences[b.index]
            if not independent(st, a.index, b.index) or not _same_thing(a, b):
                continue
            if compatible(tightened(a.q), tightened(b.q)):
                continue
            # A sentence that also gives the other side's value is not disagreeing with it ("handed
            # over 21 schoolgirls ... of the more than 200 girls" against "the 21 girls").
            if any(_kin(o, b.q) and compatible(o, b.q) for o in in_sentence[a.index] if o is not a.q) or any(
                _kin(o, a.q) and compatible(o, a.q) for o in in_sentence[b.index] if o is not b.q
            ):
                continue
            if a.years and b.years and not a.years & b.years:
                continue  # different years: different quantities (or one the update of the other)
            if maybe_update(st, sa.article, sb.article):
                continue
            unnamed_money = _is_money(a.key) and not a.q.thing
            if unnamed_money and _ratio(a.q, b.q) > _MAX_MONEY_RATIO:
                continue
            if _is_money(a.key) and (a.frame | b.frame | a.q.thing | b.q.thing) & _MARKET:
                continue  # a market price moves by the minute: two quotes are two moments, not a dispute
            # Figures of different people or places (Orlando's toll, Las Vegas's). Two amounts of one
            # deal name its two parties in turn ("Qualcomm's debt", "debt Broadcom would assume"):
            # for them the stricter frame and sentence test below stands in for the names.
            if a.names and b.names and not a.names & b.names and not unnamed_money:
                continue
            toll_words = (a.frame | b.frame) & _TOLL or any(t.startswith(tuple(_TOLL)) for t in a.near | b.near)
            # Units of measure (the shared table) count no people, whatever the sentence says about
            # the hurt or the rescued ("fell 15 feet before rescuers reached him"): a distance is no toll.
            if toll_words and not is_measure_unit(a.q.unit):
                continue  # a toll: the later report updates the earlier one
            # Same predicate: the words right around the two figures meet, or (money, shares) what
            # the amounts are of already does.
            if not (a.near & b.near) and not _is_money(a.key) and a.key != "percent":
                continue
            shared = len(a.frame & b.frame)
            similar = st.sim(a.index, b.index) >= _MIN_SENTENCE_SIMILARITY
            if unnamed_money and (
                shared < _UNNAMED_MONEY_SHARED or st.sim(a.index, b.index) < _UNNAMED_MONEY_SIMILARITY
            ):
                continue
            if not a.q.estimate and not b.q.estimate:
                # Two exact counts of one noun are usually different things ("25 charged", "five
                # convicted"; Yates's 83 yards, Roethlisberger's 226): same frame, same sentence
                # meaning and no different owner named right before the figure.
                if shared < 2 or not similar or (not unnamed_money and a.owner and b.owner and a.owner != b.owner):
                    continue
            elif not (shared >= 2 or (shared == 1 and similar)):
                continue  # estimates of one crowd or force ("more than 100,000" / "tens of thousands")
            # Confidence: how much of the frame is shared, and whether either side is vague.
            confidence = min(0.9, 0.5 + 0.1 * shared) - (0.1 if a.q.estimate or b.q.estimate else 0.0)
            pairs.append((x, y, round(confidence, 2)))
    # One conflict per disagreement: conflicting mentions joined into components, each component
    # split into sides of mutually compatible values (a copy of either side joins that side).
    groups = components((x, y) for x, y, _ in pairs)
    compared = {(x, y) for x, y, _ in pairs}
    group_of = {k: g for g, members in enumerate(groups) for k in members}
    best = [0.0] * len(groups)
    for x, _, confidence in pairs:
        best[group_of[x]] = max(best[group_of[x]], confidence)
    out: list[Conflict] = []
    for g, members in sorted(enumerate(groups), key=lambda gm: (-best[gm[0]], gm[1][0])):
        sides: list[list[int]] = []
        for k in members:
            for side in sides:
                if all(compatible(tightened(mentions[k].q), tightened(mentions[o].q)) for o in side):
                    side.append(k)
                    break
            else:
                sides.append([k])
        if len(sides) != 2:
            continue  # three or more incompatible values: different quantities, not one disputed
        first = mentions[members[0]]
        what = first.q.unit if not _is_money(first.key) and first.key != "percent" else " ".join(
            sorted(set.intersection(*(set(mentions[k].q.thing) for k in members)) or first.q.thing)
        )
        if not what:  # an amount of nothing named: what the sentences say it is ("deal debt includ")
            what = " ".join(sorted(set.intersection(*(mentions[k].near for k in members)) or first.near)[:3])
        kind = "amount" if _is_money(first.key) else "share" if first.key == "percent" else "number"
        leads = _leads(st, mentions, sides, compared)
        built = []
        for side, lead in zip(sides, leads, strict=True):
            texts = {st.sentences[mentions[k].index].text for k in side}
            arts = [s.article for s in st.sentences if s.text in texts]
            built.append(make_side(st, st.sentences[lead.index].text, arts, _label(lead.q)))
        out.append(
            Conflict(
                story=st.story.id,
                kind="number",
                sides=built,
                about=what,
                attribute=f"{kind} of {what}" + (f" ({first.q.unit})" if _is_money(first.key) else ""),
                confidence=best[g],
            )
        )
    # Sizes, ages and past years do not move between reports: read by their own rules (static.py),
    # reported with the figures (the stage calls this one entry point for numbers).
    out += measure_conflicts(st) + age_conflicts(st)
    return out + year_conflicts(st) + clock_conflicts(st)


# --------------------------------------------------------------------------- polarity: none vs some

# "no one was injured" / "nobody was hurt" / "there were no injuries" against "two people were
# injured": a zero and a positive count of the same outcome. The outcome classes group verbs and
# nouns that state one fact (hurt = injured = wounded). General signal: a zero quantifier.
_OUTCOMES = {
    "injur": "injured", "hurt": "injured", "wound": "injured", "injuri": "injured", "injury": "injured",
    "kill": "killed", "dead": "killed", "death": "killed", "die": "killed", "fatalit": "killed",
    "arrest": "arrested", "evacuat": "evacuated",
}  # fmt: skip
_ZERO = re.compile(
    r"\b(?:no one|no-one|nobody|none)\b(?:\s+\w+){0,3}?\s+(?:was|were|has been|have been|had been|got|is|are)\s+"
    r"(?:\w+ly\s+)?(?P<verb>\w+)"
    r"|\bno\s+(?:\w+\s+)?(?P<noun>injuries|casualties|deaths|fatalities|arrests)\b",
    re.IGNORECASE,
)
_HISTORY = re.compile(r"\bsince\b|\b(?:19|20)\d\d\b|\bever\b|\bin (?:the )?(?:past|history)\b", re.I)
_SOME = re.compile(
    r"\b(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|hundreds)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:was|were|have been|has been|had been|got)\s+(?:\w+ly\s+)?(?P<verb>\w+)",
    re.IGNORECASE,
)


def _outcome(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w == "casualties":
        return "injured"
    for prefix, outcome in _OUTCOMES.items():
        if w.startswith(prefix):
            return outcome
    return None


def polarity_conflicts(st: StoryText) -> list[Conflict]:
    """A zero count of an outcome ("no one was injured") against a positive one ("two were hurt")."""
    zero: dict[str, list[int]] = {}
    some: dict[str, list[int]] = {}
    for i, s in enumerate(st.sentences):
        for m in _ZERO.finditer(s.text):
            if _HISTORY.search(s.text):
                continue  # "no fatalities on a tram since 1959": another time than the story's
            outcome = _outcome(m.group("verb") or m.group("noun"))
            if outcome:
                zero.setdefault(outcome, []).append(i)
        for m in _SOME.finditer(s.text):
            outcome = _outcome(m.group("verb"))
            if outcome and not _ZERO.search(s.text):
                some.setdefault(outcome, []).append(i)
    out = []
    for outcome in sorted(set(zero) & set(some)):
        z, p = zero[outcome], some[outcome]
        cross = [
            (i, j)
            for i in z
            for j in p
            if opposable(st, i, j)
        ]
        if not cross:
            continue
        i, j = cross[0]
        zi = [k for k in z if st.sentences[k].text == st.sentences[i].text]
        pj = [k for k in p if st.sentences[k].text == st.sentences[j].text]
        out.append(
            Conflict(
                story=st.story.id,
                kind="polarity",
                sides=[
                    make_side(st, st.sentences[i].text, [st.sentences[k].article for k in zi], f"no one {outcome}"),
                    make_side(st, st.sentences[j].text, [st.sentences[k].article for k in pj], f"some {outcome}"),
                ],
                about=f"whether anyone was {outcome}",
                attribute=f"whether anyone was {outcome}",
                # Medium: "no one" may speak of another moment or group than the count does.
                confidence=0.6,
            )
        )
    return out


