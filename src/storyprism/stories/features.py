"""What the story stage reads off one article: terms, names, an embedding text, a date.

Kept separate from the clustering so the features can be computed in a worker process
and so the eval script can reuse them. Nothing here keeps corpus-wide state; the
document frequencies live in the story states (see ``cluster.py``).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from storyprism.records import Article

# How much of the body the term vector reads: the lead carries the who/what/when/where;
# the tail of long articles drifts into background that other events share.
BODY_WORDS = 300
# The embedding reads headline + this many body words (all-MiniLM truncates at 256 tokens anyway).
EMBED_WORDS = 60
# Terms kept per article vector (the strongest by tf-idf weight).
VECTOR_TERMS = 160
# Headline terms count this many times: the headline names the happening.
TITLE_WEIGHT = 2

_STOP_TEXT = """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can cannot could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
    is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or
    other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
    some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's whom why
    why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
    said says say saying told tell according just like also will would could may might must can one
    two three new year years time times day days week weeks month months today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday people many much well get got make made
    back still even now first last since around including however although though per cent percent
    us mr mrs ms dr news image images photo photos video getty reuters ap afp copyright share
    advertisement read reading click sign subscribe newsletter updated published via
    report reported reports way want take going come came see know think thing things lot
    """
_STOP = frozenset(_STOP_TEXT.split())
_TOKEN = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_NAME = re.compile(r"(?<![\w.])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


def tokens(text: str) -> list[str]:
    """Lower-cased content words; crude plural folding so 'missiles' meets 'missile'."""
    out: list[str] = []
    for raw in _TOKEN.findall(text.lower()):
        tok = raw.replace("’", "'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        tok = tok.replace(".", "")
        if len(tok) < 2 or tok in _STOP:
            continue
        if tok.isdigit() and len(tok) < 2:
            continue
        if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
            tok = tok[:-1]
        out.append(tok)
    return out


def names(text: str) -> list[str]:
    """Capitalised word runs that do not merely start a sentence: a cheap stand-in for NER."""
    found: list[str] = []
    for m in _NAME.finditer(text):
        words = m.group(1).split()
        if len(words) == 1 and _SENT_START.search(text[max(0, m.start() - 4) : m.start()]):
            continue  # a lone capitalised word opening a sentence is usually not a name
        name = " ".join(w.rstrip("'’").removesuffix("'s").removesuffix("’s") for w in words)
        if name.lower() in _STOP or len(name) < 2:
            continue
        found.append(name)
    return found


def body_words(article: Article) -> list[str]:
    """The body as words, without a first line that only repeats the headline."""
    lines = [ln for ln in article.text.splitlines() if ln.strip()]
    if lines and lines[0].strip().lower() == article.title.strip().lower():
        lines = lines[1:]
    return " ".join(lines).split()


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO timestamp; None when missing or unreadable (never raises)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


@dataclass(slots=True)
class ArticleFeatures:
    """One article as the clustering sees it."""

    id: str
    title: str
    outlet: str | None
    day: date | None
    tf: dict[str, int]  # term counts (headline counted TITLE_WEIGHT times); freed once placed
    names: list[str]  # most frequent capitalised names, most frequent first
    embed_text: str
    vector: dict[str, float] = field(default_factory=dict)  # tf-idf, L2-normalised, set later
    embedding: list[float] | None = None
    # What tells one happening from another of its kind: counts of the words of its names (who,
    # where), its numbers (tolls, magnitudes, prices, years) and the calendar days it names.
    key_tf: dict[str, int] = field(default_factory=dict)
    keys: dict[str, float] = field(default_factory=dict)  # key_tf as tf-idf, L2-normalised, set later


def article_features(article: Article) -> ArticleFeatures:
    words = body_words(article)
    title = article.title or ""
    counts: Counter[str] = Counter(tokens(" ".join(words[:BODY_WORDS])))
    for tok in tokens(title):
        counts[tok] += TITLE_WEIGHT
    tf = {sys.intern(t): c for t, c in counts.items()}  # interned: 100k articles share one vocabulary
    body = " ".join(words[:BODY_WORDS])
    name_counts = Counter(names(title + ".\n" + body))
    lead = " ".join(words[:EMBED_WORDS])
    embed_text = f"{title}. {lead}".strip(". ") or article.id
    return ArticleFeatures(
        id=article.id,
        title=title.strip() or " ".join(words[:12]),
        outlet=article.outlet,
        day=parse_day(article.published),
        tf=tf,
        names=[n for n, _ in name_counts.most_common(12)],
        embed_text=embed_text,
        key_tf=identity_keys(title, body, name_counts, parse_day(article.published), tf),
    )


_NAME_BREAK = "zzznamebreak"
# Month names (checked in full by day_key's caller) followed by a day and maybe a year: "Sept. 10",
# "October 10th, 2018". The literal three-letter prefixes keep the scan fast.
_MONTH = re.compile(
    r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+((?:19|20)\d\d)\b)?"
)
_MONTH_WORDS = frozenset([
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
    "dec", "december",
])  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DAY_KEY = "@"  # identity keys that name a calendar day start with this
# A single digit standing alone: a count ("1 worker injured"), not part of a time, decimal, price,
# ordinal, share or compound ("9:50", "2 p.m.", "6.2", "$5", "3%", "3rd", "3-year-old", "S9").
_DIGIT = re.compile(r"(?<![\w.,:$£€-])\d(?![\w.,:%-]\w|\w|\s*(?:%|percent\b|[ap]\.?m\b))")


def day_key(month: str, day: int, year: int | None, published: date | None) -> str | None:
    """``@YYYY-MM-DD`` for a day the text names; the year, when not written, is that of the
    occurrence nearest the publication date; ``@MM-DD`` when neither is known."""
    mon = _MONTHS.index(month[:3].lower()) + 1
    if year is None and published is not None:
        near = []
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                near.append(date(y, mon, day))
            except ValueError:
                continue
        if not near:
            return None
        return DAY_KEY + min(near, key=lambda d: abs((d - published).days)).isoformat()
    if year is None:
        return f"{DAY_KEY}{mon:02d}-{day:02d}" if 1 <= day <= 31 else None
    try:
        return DAY_KEY + date(year, mon, day).isoformat()
    except ValueError:
        return None


def day_of_key(key: str) -> tuple[int, int] | None:
    """(month, day) of a calendar-day key (``@2017-09-10`` or ``@09-10``)."""
    parts = key[len(DAY_KEY) :].split("-")
    try:
        return int(parts[-2]), int(parts[-1])
    except (IndexError, ValueError):
        return None


def days_conflict(a: list[str], b: list[str], tolerance: int = 2) -> bool:
    """Whether two lists of day keys name only days apart (none within ``tolerance`` days).

    Month and day only: an undated article's days have no year, and the same date a year apart
    is rare within one topic's coverage.
    """
    da = [d for d in map(day_of_key, a) if d]
    db = [d for d in map(day_of_key, b) if d]
    if not da or not db:
        return False
    for ma, xa in da:
        for mb, xb in db:
            apart = abs((ma * 31 + xa) - (mb * 31 + xb)) % (12 * 31)
            if min(apart, 12 * 31 - apart) <= tolerance:  # Dec. 31 and Jan. 1 are one day apart
                return False
    return True


def identity_keys(
    title: str,
    body: str,
    name_counts: Counter[str],
    published: date | None = None,
    tf: dict[str, int] | None = None,
) -> dict[str, int]:
    """Counts of the article's identity keys: name words, numbers, month-days, all headline-weighted.

    Topic words say what kind of news this is; these say which happening: the people,
    organisations and places (words of capitalised names), the numbers that single it out (a
    toll of 38, a magnitude of 6.2, a price of $121; years included), and the calendar days the
    text names ("Dec. 27"), which date a happening when the article itself is undated.
    """
    # One tokenizer call over all names, split back per name by a marker word, so each name's words
    # count as often as the name occurs.
    keys: Counter[str] = Counter()
    found = list(name_counts.items())
    part = 0
    for tok in tokens(f" {_NAME_BREAK} ".join(name for name, _ in found)):
        if tok == _NAME_BREAK:
            part += 1
        elif not tok.isdigit() and part < len(found):
            keys[tok] += found[part][1]
    for term, count in (tf or {}).items():
        if term[0].isdigit():  # numbers ("38", "2017", "6.2" as "62", "10-year-old") as the terms count them
            keys[term] = count
    # Single-digit counts in the headline, which the terms leave out ("1 worker injured", "3 missiles"):
    # a headline states the happening's key figure, and news style writes it there as a numeral
    # (small numbers are spelled out in running text, where a lone digit is mostly incidental: a
    # list item, a score, a platform). A small toll tells two accidents of one kind apart as well as
    # a big one does. Times and decimals ("9:50", "6.2") are not counts.
    for m in _DIGIT.finditer(title):
        keys[m.group(0)] += TITLE_WEIGHT
    for text, weight in ((body, 1), (title, TITLE_WEIGHT)):
        for m in _MONTH.finditer(text):
            if m.group(1).lower() not in _MONTH_WORDS:
                continue  # "Marchers 10", "Decade 2"
            key = day_key(m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None, published)
            if key is not None:
                keys[key] += weight
    return {sys.intern(k): c for k, c in keys.items()}


def idf(df: float, n_docs: float) -> float:
    """Smoothed inverse document frequency (sklearn's formula), so unseen terms get the maximum."""
    return math.log((1.0 + n_docs) / (1.0 + df)) + 1.0


def weigh(
    feat: ArticleFeatures, df: dict[str, float], n_docs: float, keep: int = VECTOR_TERMS
) -> dict[str, float]:
    """The article's L2-normalised sub-linear tf-idf vector under the current document frequencies.

    Only the ``keep`` strongest terms are kept (not re-normalised, so cosines stay on the full
    vector's scale): the weak tail barely moves a cosine but dominates memory at 100k articles.
    """
    return weigh_counts(feat.tf, df, n_docs, keep)


def weigh_counts(
    counts: dict[str, int], df: dict[str, float], n_docs: float, keep: int = VECTOR_TERMS
) -> dict[str, float]:
    """``weigh`` for any term counts (the identity keys use the same document frequencies)."""
    vec = {t: (1.0 + math.log(c)) * idf(df.get(t, 0.0), n_docs) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    if len(vec) > keep > 0:
        vec = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:keep])
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float], b_norm: float | None = None) -> float:
    """Cosine of two sparse vectors; pass ``b_norm`` when it is already known (story centroids)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(v * large[t] for t, v in small.items() if t in large)
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = b_norm if b_norm is not None else math.sqrt(sum(v * v for v in b.values()))
    return dot / ((na * nb) or 1.0)
