"""Dates: explicit ones normalised to ISO, relative ones resolved against the publication date.

Relative mentions ("on Wednesday", "last month", "yesterday") need the article's publication
date; a weekday takes its direction from the tense of its sentence ("will visit on Friday" is the
next Friday, "said on Wednesday" the last one, the publication day itself included).
``infer_published`` reads a publication date off the text when metadata has none: a dateline or
photo caption with a weekday ("Wednesday, Dec. 15, 2021") first, a full date near the top next, the
most frequent full date last; candidates whose weekday agrees with the weekdays the text mentions win.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from storyprism.extract.date_generic import (
    any_occasion,
    in_roundup,
    present_era,
    quoted_nowadays,
    recurring,
    roundup_level,
    stated_years,
)
from storyprism.extract.date_refer import refers_back, season_year, weekday_fits, year_before
from storyprism.records import DateMention
from storyprism.text.calendar import WRITTEN_MONTHS

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MON = rf"(?P<mon>{WRITTEN_MONTHS})\.?"
_WD = r"(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
EXPLICIT = [
    re.compile(rf"\b{_WD}{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    re.compile(
        rf"\b{_WD}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
]
MONTH_YEAR = re.compile(
    rf"\b(?:in|since|until|by|from|of|during|early|late|mid-)?\s*{_MON}\s+(?P<year>(?:19|20)\d\d)\b"
)
MONTH_OF_YEAR = re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<dir>last|next)\s+year\b")
RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tomorrow|tonight|(?P<dir>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year|weekend)"
    r"|(?:on\s+|last\s+|next\s+|this\s+)?(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|[Ii]n\s+(?P<month>January|February|March|April|June|July|August|September|October|November|December))\b"
)
_FUTURE = re.compile(
    # "scheduled" only as a plan ("scheduled to", "scheduled for"): "the fair's last scheduled show"
    # was in the past; "impending", "forthcoming" name what is still ahead ("the impending end on August 3")
    r"\b(?:will|would|'ll|shall|is going to|are going to|plans? to|planned to|planning to|scheduled\s+(?:to|for)|"
    r"expected to|impending|forthcoming|"
    # "coming" only as "the coming days": "to prevent this day from coming" looks back
    # "next" as a time ("next week"), never the preposition "next to" ("stand next to a truck on Thursday")
    r"set to|next(?!\s+to\b)|upcoming|coming\s+(?:days|weeks|months|week|weekend|year)|due to|ahead of|hopes? to|hoped to|"
    r"intends? to|intended to|looks? forward|looked forward)\b"
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


_NEAR_AHEAD_DAYS = 14


def _sentence_year(lead: str) -> int | None:
    """The one year the sentence states on its own before a yearless date (``lead``: the sentence up to
    the date; "the first full moon of 2018 will peak between January 1 and 2"), or None when it states
    none or several. Signal: a phrase that opens with its year ("of 2018", "in 2018") sets the year of
    the dates it goes on to list. A year after the date is not used: "on December 31 - the perfect way
    to see in 2018" names the next year, not the date's."""
    years = set()
    for m in re.finditer(
        r"\b(?:in|of|for|during|since|by|until|through)\s+((?:19|20)\d\d)\b(?![/-]\d)", lead
    ):
        if _YEAR_CLAUSE_CUT.search(lead, m.end()):
            # "Sales for 2023 were flat, the company said on January 15": a comma, "and", "but" or a
            # relative pronoun between the year and the date puts them in different clauses, and the year
            # of one clause is not the date of another
            continue
        years.add(int(m.group(1)))
    return years.pop() if len(years) == 1 else None


_YEAR_CLAUSE_CUT = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|while|which|who|whom|whose|that)\b")


def _future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


def find_dates(
    article: str, text: str, spans: list[tuple[int, int]], published: str | None
) -> list[DateMention]:
    """Explicit and relative date mentions; relative ones get a value only when ``published`` is known."""
    pub = _parse_iso(published)
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def sentence_of(pos: int) -> str:
        return next((text[a:b] for a, b in spans if a <= pos < b), "")

    years = stated_years(text)
    level = roundup_level(years, pub.year, spans) if pub else 0
    for pat in EXPLICIT:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            gd = m.groupdict()
            month = MONTHS[gd["mon"].lower()] if gd.get("mon") else int(gd["mnum"])
            day = int(gd["day"])
            year = int(gd["year"]) if gd.get("year") else None
            relative = year is None
            tense: bool | None = None
            if year is None and pub is not None:
                # "Dec. 15" without a year: the last occurrence in a past-tense clause ("confirmed
                # July 20 that"), the next one in a future-tense clause, else the nearest one
                cands = [c for c in (_safe_date(pub.year + k, month, day) for k in (-1, 0, 1)) if c]
                # "Friday, December 1": the weekday written with the date picks its year (date_refer)
                cands = weekday_fits(cands, gd.get("wd"))
                opening = next((a for a, b in spans if a <= m.start() < b), m.start())
                own = _sentence_year(text[opening : m.start()])
                if own is not None and own >= pub.year and any(c.year == own for c in cands):
                    # "The first full moon of 2018 will peak between January 1 and 2": the year the
                    # sentence states is the date's, whatever the tense would pick around the stamp (only a
                    # year from the stamp's on: a past year read next to a yearless date is too often
                    # another event's, and the tense below already picks a past date in a past clause)
                    cands = [c for c in cands if c.year == own]
                season = season_year(text, opening, m.start(), spans)
                if season is not None and season < pub.year:
                    # "the team's 1969 season. On September 9, Chicago faced ...": the season the sentence
                    # before names is the fronted date's year (date_refer)
                    cands = [c for c in (_safe_date(season, month, day),) if c] or cands
                tense = _local(text, m, sentence_of(m.start()))
                if tense is False and not any(
                    0 < (c - pub).days <= _NEAR_AHEAD_DAYS and c.year == pub.year for c in cands
                ):
                    # a past clause picks the last occurrence, unless the date is only days ahead of the
                    # stamp: "less than two weeks before the scheduled end on July 26" (stamped July 15)
                    # is this July, not a date a year back (a writer drops the year only for dates
                    # close to the stamp, and a past verb near a date a few days ahead is the clause's
                    # tense, not the date's). Only inside the stamp's year: "announced on January 3"
                    # stamped December 26 is the January just gone, not the one ahead
                    cands = [c for c in cands if c <= pub] or cands
                elif tense is True:
                    cands = [c for c in cands if c >= pub] or cands
                year = min(cands, key=lambda c: abs((c - pub).days)).year if cands else None
            d = _safe_date(year, month, day) if year else None
            if year and d is None:
                continue
            if relative and pub is not None and _listed(text, m, spans, years, pub, level):
                d = None  # a yearless date in a round-up of past years: its year is the entry's (date_generic)
            if relative and refers_back(text, m.end()):
                # "on September 9 of that year": the year the text wrote just before, not the stamp's (date_refer)
                back = year_before(text, years, m.start())
                d = _safe_date(back, month, day) if back else None
            taken.append(m.span())
            out.append(
                DateMention(
                    article,
                    m.group(0),
                    d.isoformat() if d else None,
                    "day",
                    relative,
                    sentence_of(m.start()),
                    m.start(),
                    m.end(),
                )
            )
    for m in MONTH_YEAR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        s = m.start("mon")
        taken.append((s, m.end()))
        value = f"{int(m.group('year')):04d}-{MONTHS[m.group('mon').lower()]:02d}"
        out.append(DateMention(article, text[s : m.end()], value, "month", False, sentence_of(s), s, m.end()))
    for m in MONTH_OF_YEAR.finditer(text):
        # "since November last year", "in March of next year": the month names the year's part, so the
        # mention is that month of the year counted from the stamp, not the bare year "last year" reads
        # ("July this year" is left to the month's own tense: a stamp that lags into January makes the
        # writer's "this year" the one before)
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        s = m.start("mon")
        taken.append((s, m.end()))
        step = -1 if m.group("dir").lower() == "last" else 1
        counted = f"{pub.year + step:04d}-{MONTHS[m.group('mon').lower()]:02d}" if pub else None
        out.append(DateMention(article, text[s : m.end()], counted, "month", True, sentence_of(s), s, m.end()))
    explicit_days = [d for d in out if d.granularity == "day" and d.value]
    overnight = _overnight(text, pub) or _stamp_lags(text, pub, explicit_days)
    ahead = _dated_day_after(text, pub, explicit_days)
    for m in RELATIVE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        sent = sentence_of(m.start())
        if (
            m.group("wday")
            and _NAMED_DAY.search(text[max(0, m.start() - 12) : m.start()])
            and not _coined_day(text, m)
        ):
            # "Black Friday", "Super Tuesday": a named day, not the weekday around publication; unless it is
            # a nickname coined for the article's own day (``_coined_day``)
            out.append(DateMention(article, m.group(0), None, "day", True, sent, m.start(), m.end()))
            continue
        stated = _stated(text, m, explicit_days) or _posted(text, m, explicit_days)
        if stated is not None:
            # "today, October 24, 2017": the date the sentence states beats the publication date
            out.append(DateMention(article, m.group(0), stated, "day", True, sent, m.start(), m.end()))
            continue
        local = _local(text, m, sent)
        if m.group("month"):
            local = _month_tense(text, m)
        elif m.group("wday") and _agenda_line(text, m.start()):
            local = True
        # "Falcon Heavy to launch next month ... — Founder (@founder) December 2, 2017": a week, month or
        # year counted from the post's own date, which its signature prints on the same line (the embed
        # convention, as ``_posted`` for days), not from the stamp of the article quoting it
        posted_day = signature_day(text, m.end(), explicit_days) if m.group("unit") else None
        rvalue, gran = _resolve(m, posted_day or pub, sent, local)
        partner = _joined_date(text, m, explicit_days) if m.group("wday") and pub else None
        if partner is not None:
            # "on Saturday and Jan. 7": a weekday joined to a stated date lies within the week before it
            target = WEEKDAYS.index(m.group("wday").lower())
            rvalue = (partner - timedelta(days=(partner.weekday() - target) % 7 or 7)).isoformat()
        if (
            overnight
            and pub
            and m.group("wday")
            and rvalue == (pub - timedelta(days=6)).isoformat()
            and "last" not in m.group(0).lower()
        ):
            rvalue = (pub + timedelta(days=1)).isoformat()  # the morning after an overnight story's stamp
        if ahead is not None and (m.group("rel") or "").lower() in ("today", "tonight"):
            rvalue = ahead  # the text's own "Friday, September 15" is its day, a stamp a few hours behind
        today = (m.group("rel") or "").lower() == "today"
        era = today and (
            _ERA_AFTER.match(text, m.end()) is not None
            or present_era(text, m.start(), m.end())
            or quoted_nowadays(text, m.start(), m.end())  # "who want to strike her today" (date_generic)
        )
        # "this year" is the writer's year: only a list of many years' entries, each written in its own
        # year, makes it another one ("separated earlier this year" in a rolling round-up of splits)
        this_year = (m.group("unit") or "").lower() == "year" and _step_of(m) == 0 and level == 2
        if (m.group("month") or this_year) and pub and _listed(text, m, spans, years, pub, level):
            rvalue = None  # "in April", "earlier this year" among entries of past years (date_generic)
        if m.group("month") and refers_back(text, m.end()):
            # "in September of that year": the month of the year the text wrote just before (date_refer)
            back = year_before(text, years, m.start())
            rvalue = f"{back:04d}-{MONTHS[m.group('month').lower()]:02d}" if back else None
        if (
            _habitual(text, m.start())
            or era
            or recurring(text, m.start())
            or any_occasion(text, m.start(), m.end())
        ):
            # "It typically delivers shares in January", "every Friday": a recurring time, no one date;
            # "today and in the foreseeable future", "the most powerful rocket in use today": the present
            # era, not a day; "You ever wonder why it's so high this month?": any occasion (date_generic)
            rvalue = None
        out.append(DateMention(article, m.group(0), rvalue, gran, True, sent, m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


_ERA_AFTER = re.compile(r"\s+and\s+(?:in\s+|for\s+)?(?:the\s+)?(?:(?:foreseeable|near|distant)\s+)?future\b")
_JOINED_DATE = re.compile(r"\s*(?:,\s*)?(?:and|or|through|to|until)\s+(?:on\s+)?")


def _listed(
    text: str,
    m: re.Match[str],
    spans: list[tuple[int, int]],
    years: list[tuple[int, int]],
    pub: date,
    level: int,
) -> bool:
    """Whether a yearless date is an entry of a round-up of past years (``date_generic.in_roundup``). The
    lede's first sentence is exempt: it tells the news of the stamp ("In February comic X tweeted that
    they split" heads a round-up of earlier splits)."""
    if level == 0 or (spans and m.start() < spans[0][1]):
        return False
    a, b = next(((a, b) for a, b in spans if a <= m.start() < b), (m.start(), m.end()))
    sentence = text[a:b]
    present = not _FUTURE.search(sentence) and not _PAST_NEAR.search(sentence)
    # the entry a date belongs to: its sentence, from the start of its line when only a heading comes before
    # it there ("2007: A student goes on a rampage ... in April" heads a fact-box line with its year); in
    # a list laid out under heading lines, the whole round-up window (``in_roundup``)
    line = text.rfind("\n", 0, a) + 1
    entry: tuple[int, int] | None = (line if not re.search(r"[.!?]", text[line:a]) else a, b)
    heading = text[:line].rstrip().rsplit("\n", 1)[-1].strip()
    if heading and len(heading) <= 60 and not re.search(r"[.!?\"”’)]$", heading):
        entry = None  # an entry under its own heading line ("Campus: 32 killed"): a fact box, whose
        # neighbouring entries carry the years
    return in_roundup(years, pub.year, level, m.start(), present, entry)


# names of days fixed by a calendar (feasts, shopping days, primary days): never the article's own weekday
_FIXED_DAY = re.compile(r"\b(?:Good|Ash|Maundy|Palm|Easter|Holy|Shrove|Fat|Super|Cyber|Giving)\s+$")
# the nickname set off as such: in quotation marks, or after a naming verb ("dubbed Black Monday")
_NICKNAME_MARK = re.compile(r"(?:['‘\"“]|\b(?:dubbed|called|known\s+as|nicknamed)\s+)$")


def _coined_day(text: str, m: re.Match[str]) -> bool:
    """Whether a named weekday ("the NFL's 'Black Monday'") is a nickname for the article's own weekday.
    Signals: the name is set off in quotes or by "dubbed"/"known as" (a coined nickname, not an established
    day), it is no calendar-fixed day (Good Friday, Super Tuesday, Black Friday), and the text dates its
    own events on that weekday ("on Monday")."""
    lead = text[max(0, m.start() - 12) : m.start()]
    name = _NAMED_DAY.search(lead)
    if (
        name is None
        or _FIXED_DAY.search(lead)
        or (m.group("wday").lower() == "friday" and "Black" in name.group(0))
    ):
        return False  # Black Friday is the day after Thanksgiving
    opening = text[max(0, m.start() - 40) : m.start() - len(lead) + name.start()]
    if not _NICKNAME_MARK.search(opening):
        return False
    return re.search(rf"\bon\s+{m.group('wday')}\b", text) is not None


def _step_of(m: re.Match[str]) -> int:
    """-1 for "last ...", 1 for "next ...", 0 for "this", "earlier this", "later this"."""
    return {"last": -1, "next": 1}.get((m.group("dir") or "").split()[0].lower() if m.group("dir") else "", 0)


def _joined_date(text: str, m: re.Match[str], days: list[DateMention]) -> date | None:
    """The stated date a weekday is joined to by "and", "or", "through" ("conjunction on Saturday and
    Jan. 7"), when that date follows it within the same phrase. Signal: two dates coordinated in one
    phrase name days close together (a pair, a run of days), so the weekday is the one just before
    the stated date, not the one around the publication stamp."""
    gap = _JOINED_DATE.match(text, m.end())
    if gap is None:
        return None
    nxt = next((d for d in days if d.start == gap.end()), None)
    return _parse_iso(nxt.value) if nxt is not None else None


def _overnight(text: str, pub: date | None) -> bool:
    """Whether the story was stamped on the evening of its event and updated the next morning: it
    reports the stamp day's night ("mayhem Thursday night") and the next day's early hours ("said
    early Friday", "Friday morning"). Then that next weekday is the morning after the stamp, not the
    same weekday six days before it (signal: an evening event and its morning-after reactions)."""
    if pub is None:
        return False
    day = WEEKDAYS[pub.weekday()].capitalize()
    nxt = WEEKDAYS[(pub.weekday() + 1) % 7].capitalize()
    evening = re.search(rf"\b{day}\s+(?:night|evening)\b|\blate\s+(?:on\s+)?{day}\b", text)
    morning = re.search(rf"\bearly\s+(?:on\s+)?{nxt}\b|\b{nxt}\s+morning\b", text)
    return bool(evening and morning)


def _stamp_lags(text: str, pub: date | None, days: list[DateMention]) -> bool:
    """Whether the text was written after its stamp day had passed: it states the day after the stamp
    as a date of something done ("a missile fired on March 4"), or it reports the stamp's own weekday as
    past ("On Saturday, the ministry condemned ...") and names the next weekday too. Signal: a stamp
    lags its story across time zones and overnight updates, while a story reaching back exactly six
    days says "last Sunday" or gives the date; so then the next weekday is the day after the stamp,
    not the same weekday six days before it. A stamp-day weekday that is only a plan ("will vote on
    Saturday") or a bare weekday without the other signal leaves the past reading alone."""
    if pub is None:
        return False
    nxt = pub + timedelta(days=1)
    for d in days:
        at = re.compile(re.escape(d.text)).match(text, d.start)
        # a day ahead only as a plan ("would launch between Feb. 7 and Feb. 14") says nothing of the stamp
        if _parse_iso(d.value) == nxt and at is not None and _local(text, at, "") is not True:
            return True
    day = WEEKDAYS[pub.weekday()].capitalize()
    after = WEEKDAYS[nxt.weekday()].capitalize()
    if not re.search(rf"\b{after}\b", text):
        return False
    if _both_tenses(text, after):
        return True
    for m in re.finditer(rf"(?<!\blast )(?<!\bnext )(?<!\bthis )\b{day}\b(?!\s*,\s*{_MON})", text):
        if _NAMED_DAY.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        tense = _local(text, m, "")
        if tense is None:
            # a fronted "On Saturday, the ministry condemned ...": the verb follows the comma
            rest = text[m.end() : m.end() + 100].lstrip(" ,")
            cut = re.search(r"[.!?;]\s", rest)
            rest = rest[: cut.start()] if cut else rest
            tense = True if _FUTURE.search(rest) else (False if _PAST_NEAR.search(rest) else None)
        if tense is False:
            return True
    return False


def _both_tenses(text: str, weekday: str) -> bool:
    """Whether the text tells the same bare weekday both as done and as planned ("the missile fired on
    Tuesday", "the meeting would most likely be Tuesday afternoon"). Signal: one weekday that is past
    for some of the day's events and ahead for others is the writer's own day; a weekday a week back
    and one ahead would be told apart ("last Tuesday", "next Tuesday")."""
    seen: set[bool] = set()
    for m in re.finditer(rf"(?<!\blast )(?<!\bnext )(?<!\bthis )\b{weekday}\b(?!\s*,\s*{_MON})", text):
        if _NAMED_DAY.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        tense = _local(text, m, "")
        if tense is True and not (
            _DAY_PART_AFTER.match(text, m.end())
            or _LATER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            # a plan for the writer's own day is told by its part of the day ("would be held Thursday
            # afternoon", "later on Thursday"); a plan named by the weekday alone ("the appeal will be heard
            # on Monday") is as likely the next week's, AP style writing a weekday for a week either side
            continue
        if tense is not None:
            seen.add(tense)
    return len(seen) == 2


_DAY_PART_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")
_LATER_BEFORE = re.compile(r"\b(?:[Ll]ater|[Ee]arly|[Ll]ate)\s+(?:on\s+)?$")


def _dated_day_after(text: str, pub: date | None, days: list[DateMention]) -> str | None:
    """The day after the stamp when the text writes it out with its weekday ("Friday, September 15")
    in a dateline or a past clause, and never writes the stamp's own day so. Signal: a weekday with its date is how a
    story names its own day (a dateline, a caption, "the launch on Friday, September 15"); a stamp in
    a time zone hours behind the events falls on the day before, so "today" is the text's day. A dated
    weekday ahead as a plan ("will vote on Friday, September 15") says nothing of when it was written."""
    if pub is None:
        return None
    nxt = pub + timedelta(days=1)
    found = None
    for d in days:
        day = _parse_iso(d.value)
        head = re.match(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", d.text)
        if day is None or head is None or WEEKDAYS.index(head.group(1).lower()) != day.weekday():
            continue
        if day == pub:
            return None
        if day == nxt and (_opens_paragraph(text, d.start) or _past_clause(text, d.start, d.end)):
            found = nxt.isoformat()
    return found


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether ``at`` opens a paragraph (a dateline or a caption: "Friday, September 15 - ...")."""
    return text[text.rfind("\n", 0, at) + 1 : at].strip() == ""


def _past_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause holding ``start``-``end`` has a past verb of its own ("the launch on Friday,
    September 15 was scrubbed"). Only the date's own clause counts: in "Officials said today that the
    launch is on Friday, September 15" the past "said" is another clause's, and the present-tense
    schedule is a plan, which says nothing of when the text was written."""
    before = text[max(0, start - 80) : start]
    cuts = list(_CLAUSE_CUT.finditer(before))
    clause = before[cuts[-1].start() :] if cuts else before  # "said on Friday, ...": the cut verb is its own
    after = text[end : end + 60].lstrip(" ,")
    nxt = _CLAUSE_CUT.search(after)
    clause += " " + (after[: nxt.start()] if nxt else after)
    if _FUTURE.search(clause) or _PLANNED.search(clause):
        return False
    return _PAST_NEAR.search(clause) is not None


# a participle of a plan reads like a past verb: "the launch is scheduled for Friday, September 15"
_PLANNED = re.compile(r"\b(?:scheduled|planned|slated|expected|set|due)\b")


def _stated(text: str, m: re.Match[str], days: list[DateMention]) -> str | None:
    """The explicit date standing in apposition to a relative one ("today, October 24, 2017")."""
    if not (m.group("rel") and m.group("rel").lower() in ("today", "tonight", "yesterday", "tomorrow")):
        return None
    for d in days:
        if 0 <= d.start - m.end() <= 3 and re.fullmatch(r",?\s*(?:\(|,)?\s*", text[m.end() : d.start]):
            return d.value
        if 0 <= m.start() - d.end <= 3 and re.fullmatch(r"\s*[,(]?\s*", text[d.end : m.start()]):
            return d.value
    return None


# an embedded post's signature, printed after its words: "— Cincinnati Zoo (@CincinnatiZoo) May 28, 2016"
_SIGNATURE = re.compile(r"[—–-]\s*[^\n()—–]{1,60}\(@\w{1,30}\)\s*")
_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def signature_day(text: str, at: int, days: list[DateMention]) -> date | None:
    """The date an embedded post's signature prints after the words at ``at``, on the same line ("—
    Zoo (@Zoo) May 28, 2016"), or None."""
    end = text.find("\n", at)
    sig = _SIGNATURE.search(text, at, len(text) if end < 0 else end)
    return next((_parse_iso(d.value) for d in days if d.start == sig.end()), None) if sig else None


def _posted(text: str, m: re.Match[str], days: list[DateMention]) -> str | None:
    """The day a relative word means inside an embedded post: counted from the post's own date, which
    its signature prints after the words on the same line ("Details on the incident today: <link> —
    Zoo (@Zoo) May 28, 2016"). Signal: the embed convention dates a post by its signature; the post was
    written then, not on the day of the article that quotes it."""
    rel = (m.group("rel") or "").lower()
    if rel not in _SHIFT:
        return None
    day = signature_day(text, m.end(), days)
    if day is None:
        # "TITLE OF THE RELEASE (October 24, 2017) – The group has released the following statement today":
        # a dateline heading the paragraph dates what the paragraph says (the release convention), so a
        # release quoted months later keeps its own day
        opening = text.rfind("\n", 0, m.start()) + 1
        day = next(
            (
                _parse_iso(d.value)
                for d in days
                if opening <= d.start < min(m.start(), opening + _DATELINE_REACH)
                and _DATELINE_DASH.match(text, d.end)
                and _dateline_shape(text, opening, d.start, d.end)
            ),
            None,
        )
    return (day + timedelta(days=_SHIFT[rel])).isoformat() if day else None


_DATELINE_REACH = 200  # characters: a dateline sits in a paragraph's opening words
_DATELINE_DASH = re.compile(r"\)?\s*[–—-]\s")
_DATELINE_AFTER = re.compile(r"\)?\s*[–—-]\s+[\"“‘']?[A-Z0-9]")


def _dateline_shape(text: str, opening: int, start: int, end: int) -> bool:
    """A dateline, not a parenthetical dash ("Since January 5 – when the strike began – ..."): only a
    heading precedes the date (no word opening in lower case: a title or a place in capitals) and the
    text after the dash opens a sentence (a capital). Signal: a release's dateline stands before the
    paragraph's first sentence; a dash inside a sentence goes on in lower case."""
    return not re.search(r"(?:^|[\s(])[a-z]", text[opening:start]) and bool(_DATELINE_AFTER.match(text, end))


_HABITUAL = re.compile(
    r"\b(?:typically|usually|normally|generally|traditionally|routinely|customarily)\b", re.I
)


def _habitual(text: str, at: int) -> bool:
    """Whether the clause before a relative date says what happens as a rule (signal: an adverb of
    habit in the same clause), so the month or weekday names a recurring time, not one date."""
    before = text[max(0, at - 120) : at]
    cut = before.rfind(". ")
    before = before[cut + 1 :] if cut >= 0 else before
    cuts = list(_CLAUSE_CUT.finditer(before))
    return bool(_HABITUAL.search(before[cuts[-1].end() :] if cuts else before))


_NAMED_DAY = re.compile(
    r"\b(?:Black|Cyber|Good|Super|Holy|Ash|Bloody|Giving|Maundy|Easter|Palm|Shrove|Fat)\s+$"
)
# past forms are lowercase: "United" is no verb
_PAST_NEAR = re.compile(r"\b(?:[Ss]aid|[Tt]old|[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|met|held|wrote|[a-z]+ed)\b")
_CONDITIONAL = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\s+(?:\S+\s+){0,4}$")
_CLAUSE_CUT = re.compile(r",|;|[.!?]\s|[“”\"]|\bthat\b|\band\b|\bbut\b|\bsaid\b|\bsays\b|\btold\b")


# a form of "be" or a linking verb right before a word: what follows is a participle or an adjective
_PARTICIPLE_AFTER = re.compile(r"\b(?:be|been|being|is|are|am|remain|remains|stay|stays|get|gets)\s+$", re.I)


def _local(text: str, m: re.Match[str], sentence: str) -> bool | None:
    """Tense of the clause holding a weekday: True future, False past, None unknown.

    "He said on Monday that the vote will be held on Friday": Monday is past, Friday future; the
    sentence as a whole has both, so the words of the weekday's own clause decide.
    """
    before = text[max(0, m.start() - 80) : m.start()]
    cuts = list(_CLAUSE_CUT.finditer(before))
    # the cut word itself belongs to the clause when it is a verb ("said on Monday")
    clause = before[cuts[-1].start() :] if cuts else before
    after = text[m.end() : m.end() + 60]
    nxt = _CLAUSE_CUT.search(after)
    clause_after = after[: nxt.end()] if nxt else after
    # the words before the weekday carry its verb more often than those after it
    # words inside quotation marks are the speaker's tense, not that of the reporter's clause holding
    # the weekday ("“... to prevent this day from coming,” said Mount, referring to the test on Friday")
    last = re.sub(r"[“\"][^“”\"]*[”\"]", " ", before[before.rfind(". ") + 1 :])
    # in the clause before the date, the verb nearest to it governs it ("would represent a premium over the
    # price Qualcomm was trading at on Nov. 2": "was", not "would")
    # (a participle after "be"/"remain" is no past: "is expected to remain closed on Wednesday")
    markers = sorted((*_FUTURE.finditer(clause), *_PAST_NEAR.finditer(clause)), key=lambda x: x.start())
    markers = [x for x in markers if not _PARTICIPLE_AFTER.search(clause, 0, x.start())]
    nearest = markers[-1] if markers else None
    if nearest is not None and _FUTURE.fullmatch(nearest.group(0)) is None and not _CONDITIONAL.search(
        clause, 0, nearest.start()
    ):
        return False
    for window in (clause, clause_after, last):
        if _FUTURE.search(window):
            return True
        past = _PAST_NEAR.search(window)
        if past and _CONDITIONAL.search(window, 0, past.start()):
            # "would withdraw its offer if Qualcomm rescheduled its meeting from March 6": a past form
            # after "if"/"unless" is a conditional's backshift, a hypothetical ahead, not a past event
            return None
        if past:
            return False
    return None


def _month_tense(text: str, m: re.Match[str]) -> bool | None:
    """Tense of the clause a fronted or trailing "in February" belongs to: its own verb, read right after
    it ("In February, the agency asked ..."), not a later clause of the sentence ("..., expected to be
    launched in 2018"). Signal: a month phrase modifies the verb of its own clause."""
    after = text[m.end() : m.end() + 100].lstrip(" ,")
    nxt = _CLAUSE_CUT.search(after)
    clause_after = after[: nxt.end()] if nxt else after
    before = text[max(0, m.start() - 60) : m.start()]
    cuts = list(_CLAUSE_CUT.finditer(before))
    clause_before = before[cuts[-1].start() :] if cuts else before
    # A trailing month ("filed for divorce in April, almost two years after they planned to") modifies the
    # verb before it, and the clause after is another's; a fronted one ("In February, the agency asked")
    # has no verb before it in its clause, and the words after it decide (as they did for both before).
    clause = clause_before if _VERB_BEFORE.search(clause_before) else clause_before + " " + clause_after
    if _FUTURE.search(clause):
        return True
    if _PAST_NEAR.search(clause):
        return False
    return None


# A clause that already has its tense before a trailing month: a past form or a future marker
_VERB_BEFORE = re.compile(_PAST_NEAR.pattern + "|" + _FUTURE.pattern)


# "Texans: Visit Indianapolis on Sunday.": a label, a colon and a bare capitalised verb open an agenda line
_AGENDA = re.compile(r"(?:^|\n)\s*[A-Z][\w.'’& -]{1,40}:\s+[A-Z][a-z]+(?<!ed)\s[^\n.]*$")


def _agenda_line(text: str, at: int) -> bool:
    """Whether a weekday sits in an agenda line of what comes next ("Steelers: Host the Browns on
    Sunday."). Signal: a subjectless base verb after a label announces a fixture, so its weekday is ahead."""
    return bool(_AGENDA.search(text, max(0, at - 80), at))


def _resolve(
    m: re.Match[str], pub: date | None, sentence: str, local: bool | None = None
) -> tuple[str | None, str]:
    if m.group("wday"):
        if pub is None:
            return None, "day"
        target = WEEKDAYS.index(m.group("wday").lower())
        lead = m.group(0).lower()
        tense = local if local is not None else _future(sentence)
        future = lead.startswith("next") or (not lead.startswith("last") and tense)
        delta = (target - pub.weekday()) % 7 if future else -((pub.weekday() - target) % 7)
        return (pub + timedelta(days=delta)).isoformat(), "day"
    if m.group("month"):
        if pub is None:
            return None, "month"
        month = MONTHS[m.group("month").lower()]
        year = pub.year
        if local if local is not None else _future(sentence):
            year += 1 if month < pub.month else 0
        elif month > pub.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month"
    rel = m.group("rel").lower()
    if pub is None:
        return None, "day"
    if rel in ("today", "tonight"):
        return pub.isoformat(), "day"
    if rel == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "day"
    if rel == "tomorrow":
        return (pub + timedelta(days=1)).isoformat(), "day"
    step = {"last": -1, "next": 1}.get(m.group("dir").split()[0].lower(), 0)
    unit = m.group("unit").lower()
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        if unit == "weekend" and step == 0 and local is False and pub.weekday() < 5:
            # "there was a shooting this weekend" written on a Monday: a weekend told in the past tense
            # before the stamp's own Saturday is the one just gone (signal: tense)
            monday -= timedelta(weeks=1)
        return monday.isoformat(), "week"
    if unit == "month":
        y, mo = pub.year, pub.month + step
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        return f"{y:04d}-{mo:02d}", "month"
    return f"{pub.year + step:04d}", "year"


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def infer_published(text: str) -> str | None:
    """The publication date read off the text, or None when the text gives no full date."""
    found: list[tuple[date, int, bool]] = []  # (date, position, has weekday)
    for pat in EXPLICIT:
        for m in pat.finditer(text):
            gd = m.groupdict()
            if not gd.get("year"):
                continue
            month = MONTHS[gd["mon"].lower()] if gd.get("mon") else int(gd["mnum"])
            d = _safe_date(int(gd["year"]), month, int(gd["day"]))
            if d is None:
                continue
            wd = gd.get("wd") or ""
            found.append((d, m.start(), bool(wd) and WEEKDAYS.index(wd.lower()) == d.weekday()))
    if not found:
        return None
    mentioned = Counter(
        w.lower()
        for w in re.findall(
            r"\b(?:on|last|this)?\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text
        )
    )
    counts = Counter(d for d, _, _ in found)

    def score(item: tuple[date, int, bool]) -> tuple[float, int]:
        d, pos, wd_ok = item
        s = 0.0
        if wd_ok:
            s += 3  # dateline / photo caption: "Wednesday, Dec. 15, 2021"
        if pos < 600:
            s += 2  # a full date near the top
        s += min(counts[d], 3) * 0.5
        if mentioned[WEEKDAYS[d.weekday()]]:
            s += 1.5  # the text's "on Wednesday" agrees with this date
        return s, -pos

    best = max(found, key=score)
    if score(best)[0] < 1.5:
        return None  # a lone date deep in the text is more likely history than the publication date
    return best[0].isoformat()
