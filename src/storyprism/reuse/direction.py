"""Which of two reusing articles is the source: publication times first, text evidence as support.

Text evidence, each a small vote:
* a wire dateline ("MOSCOW –", "WASHINGTON (AP) —") or a wire credit ("(AP)", "Reuters") that
  the other lacks: wire copy is where the text starts;
* attributions ("X said", "according to X") and quotation marks kept on one side and dropped on
  the other in aligned sentences: copies strip them, they do not invent them;
* specific details (numbers, capitalised names) on one side only in aligned sentences: paraphrase
  loses precision;
* containment: a trimmed copy is contained in its source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from storyprism.records import Article
from storyprism.reuse.align import SentenceMatch
from storyprism.reuse.changes import SAY_LEMMAS, numbers
from storyprism.text import datelines as DL
from storyprism.text.calendar import month_alternation
from storyprism.text.outlets import outlet_keys

# a line of the head opening with a dateline: place in capitals, region, an agency's or a signing
# house's credit, dash (pieces from text/datelines.py)
_DATELINE = re.compile(
    rf"^\s*{DL.PLACE}(?:{DL.REGION})?\s*(?:{DL.SIGNED_CREDIT}\s*)?{DL.DASH}\s",
    re.MULTILINE,
)
_WIRE_CREDIT = re.compile(
    r"\((?:AP|Reuters|AFP|AFP-JIJI|dpa|UPI|Xinhua|Bloomberg)\)|\bvia AP\b|\bAssociated Press\b|"
    r"\bReuters\b|\bAgence France-Presse\b",
)
_SAY = re.compile(
    r"\b(?:" + "|".join(sorted({w + s for w in SAY_LEMMAS for s in ("", "s", "ed", "d")} | {"said", "told", "wrote"}))
    + r")\b|\baccording to\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“”]")
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    # one clock for all: an offset-aware time is compared in UTC (never the machine's local zone);
    # a naive time is taken as given
    return dt.replace(tzinfo=None) if dt.tzinfo is None else dt.astimezone(UTC).replace(tzinfo=None)


def is_date_only(value: str | None) -> bool:
    """A published value that names a day, not an instant: "2017-12-29", or exactly midnight
    ("2017-12-29T00:00:00"), which is how crawlers store a date without a time. Such a value is the
    whole day: it is neither earlier nor later than another time on that day."""
    if not value:
        return False
    v = value.strip()
    return len(v) <= 10 or bool(re.match(r"^\d{4}-\d{2}-\d{2}[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$", v))


def has_dateline(text: str) -> bool:
    head = "\n".join(text.splitlines()[:12])
    return bool(_DATELINE.search(head))


def has_wire_credit(text: str) -> bool:
    return bool(_WIRE_CREDIT.search(text[:3000]))


@dataclass(slots=True)
class Direction:
    source_is_a: bool
    confidence: float  # 0..1
    evidence: list[str]


def text_votes(
    sent_a: Sequence[str], sent_b: Sequence[str], matches: Sequence[SentenceMatch], text_a: str, text_b: str,
    containment_a: float, containment_b: float, name_a: str = "a", name_b: str = "b",
) -> tuple[float, list[str]]:
    """Positive: a looks like the source. Evidence strings name what voted."""
    score = 0.0
    ev: list[str] = []
    da, db = has_dateline(text_a), has_dateline(text_b)
    if da != db:
        score += 1.5 if da else -1.5
        ev.append(f"wire dateline in {name_a if da else name_b} only")
    wa, wb = has_wire_credit(text_a), has_wire_credit(text_b)
    if wa != wb:
        score += 1.0 if wa else -1.0
        ev.append(f"wire credit in {name_a if wa else name_b} only")
    att = quo = det = 0
    for m in matches:
        sa, sb = sent_a[m.i], sent_b[m.j]
        att += (len(_SAY.findall(sa)) > 0) - (len(_SAY.findall(sb)) > 0)
        quo += (len(_QUOTE.findall(sa)) >= 2) - (len(_QUOTE.findall(sb)) >= 2)
        na = {v for v, _ in numbers(sa)}
        nb = {v for v, _ in numbers(sb)}
        ca = set(_CAPS.findall(sa))
        cb = set(_CAPS.findall(sb))
        det += (len(na - nb) + len(ca - cb) > len(nb - na) + len(cb - ca)) - (
            len(nb - na) + len(cb - ca) > len(na - nb) + len(ca - cb)
        )
    n = max(1, len(matches))
    if abs(att) >= max(2, 0.1 * n):
        score += min(2.0, abs(att) / n * 6) * (1 if att > 0 else -1)
        ev.append(f"attributions kept in {name_a if att > 0 else name_b} ({abs(att)} sentences)")
    if abs(quo) >= max(2, 0.1 * n):
        score += min(1.5, abs(quo) / n * 5) * (1 if quo > 0 else -1)
        ev.append(f"quotation marks kept in {name_a if quo > 0 else name_b} ({abs(quo)} sentences)")
    if abs(det) >= max(2, 0.15 * n):
        score += min(1.0, abs(det) / n * 3) * (1 if det > 0 else -1)
        ev.append(f"more specific details in {name_a if det > 0 else name_b} ({abs(det)} sentences)")
    # a trimmed copy is (nearly) contained in its source: the more-contained text is the copy
    if max(containment_a, containment_b) >= 0.5 and abs(containment_a - containment_b) >= 0.1:
        score += 1.0 if containment_b > containment_a else -1.0
        ev.append(f"{name_b if containment_b > containment_a else name_a} is contained in the other")
    return score, ev


def decide_direction(
    a: Article, b: Article, sent_a: Sequence[str], sent_b: Sequence[str], matches: Sequence[SentenceMatch],
    containment_a: float, containment_b: float,
) -> Direction:
    ta, tb = parse_time(a.published), parse_time(b.published)
    score, ev = text_votes(sent_a, sent_b, matches, a.text, b.text, containment_a, containment_b, a.id, b.id)
    if ta is not None and tb is not None and ta != tb:
        inferred = a.published_inferred or b.published_inferred
        earlier_a = ta < tb
        hours = abs((ta - tb).total_seconds()) / 3600
        t_score = (4.0 if not inferred else 2.0) * (1 if earlier_a else -1)
        if ta.date() == tb.date() and (is_date_only(a.published) or is_date_only(b.published)):
            # a date-only value is the whole day: the same day decides nothing
            ev.insert(0, "same day, one date without a time: direction from text evidence")
        else:
            ev.insert(0, f"{'published' if not inferred else 'inferred date'}: {a.id if earlier_a else b.id} "
                         f"earlier by {hours:.1f} h")
            score += t_score
    if score == 0:
        # nothing to go on: the longer text is more often the source (copies trim)
        score = 0.1 if len(a.text) >= len(b.text) else -0.1
        ev.append("no evidence beyond length")
    return Direction(source_is_a=score > 0, confidence=min(1.0, abs(score) / 4), evidence=ev)


# An embedded social post keeps its signature line in the page text: "— Name (@handle) May 28, 2016"
# (Twitter's embed), "Posted by Name on Monday, April 4, 2016" (Facebook's). A news page embeds posts
# while they are news: on the hand-read Giveme5W1H events the newest embedded post is 0-42 days older
# than the page in every article except three pages whose date field is a crawl date (545-604 days)
_MONTHS = month_alternation()
_POST_SIGNATURE = re.compile(
    r"\(@\w{1,30}\)\s*(?:on\s+)?(" + _MONTHS + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)"
    r"|\b[Pp]osted by [^\n]{1,60}? on (?:[A-Z][a-z]+day,\s+)?(" + _MONTHS + r")\s+(\d{1,2}),\s+((?:19|20)\d\d)"
)


def newest_embedded_post(text: str | None) -> datetime | None:
    """The date of the newest social post the text embeds (by the post's signature line), or None."""
    days: list[datetime] = []
    for m in _POST_SIGNATURE.finditer(text or ""):
        month, day, year = [g for g in m.groups() if g]
        try:
            days.append(datetime.strptime(f"{month} {day} {year}", "%B %d %Y"))
        except ValueError:  # "February 30": no day, no evidence
            continue
    return max(days) if days else None


# pages of one site sharing one stamp to the second, this many or more, are a crawl batch. On the
# Giveme5W1H corpus every such group (five, all of one site) is crawl-dated: weeks to 20 months after
# the happening they report; a newsroom rarely files three pages in one second
BATCH_PAGES = 3


def batch_stamp_suspects(articles: Mapping[str, Article], suspect: Mapping[str, str | None]) -> dict[str, str]:
    """Article id -> why its date is suspect, for pages not yet suspect (``suspect``: id -> reason or
    None) that share one stamp to the second with other pages of their site: with a page whose date
    is suspect, or with ``BATCH_PAGES`` - 1 others. Signal: a crawler or an archive import stamps a
    batch of pages with one time; reports of one site published at the same second are one batch,
    and a date shown wrong on one (months after the posts it embeds) is the batch's crawl time, not
    the others' publication. Date-only stamps (midnight) are left alone: many pages share a day."""
    batches: dict[tuple[str, str], list[str]] = {}
    for aid, a in articles.items():
        if a.published and not is_date_only(a.published) and aid in suspect:
            site = min(outlet_keys(a.outlet, a.url), key=lambda k: (len(k), k), default="")
            if site:
                batches.setdefault((site, a.published), []).append(aid)
    out: dict[str, str] = {}
    for members in batches.values():
        if len(members) < 2:
            continue
        wrong = next((m for m in sorted(members) if suspect[m]), None)
        for m in members:
            if suspect[m]:
                continue
            if wrong is not None:
                out[m] = (f"published date {articles[m].published} is the very stamp of "
                          f"{articles[wrong].outlet or wrong}'s {wrong}, whose date is suspect: one crawl stamp")
            elif len(members) >= BATCH_PAGES:
                out[m] = (f"published date {articles[m].published} is the stamp of {len(members) - 1} other pages "
                          f"of {articles[m].outlet or 'its site'} to the second: a crawl batch's stamp")
    return out
