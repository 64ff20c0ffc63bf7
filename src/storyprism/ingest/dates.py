"""Publication dates in whatever form they arrive -> ISO 8601 (date, or datetime when a time is given)."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_YEAR_FIRST = re.compile(r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_EPOCH = re.compile(r"^\d{9,13}(\.\d+)?$")
# Timestamps before this are not plausible publication dates (a 0 or a default value).
_EARLIEST = dt.datetime(1800, 1, 1)
# Two different defaults: a part of the date that differs between the two parses was not given.
_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2004, 2, 2)


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date given as a string (ISO, RFC 2822, "2021-12-15 10:00:00", "Dec 15, 2021"...),
    a ``datetime``/``date``, or a Unix timestamp (s or ms). None when it is not a date.

    Ambiguous numeric day/month orders ("03/04/2021") are read month-first, the US convention of most
    English-language feeds that use that form; "25/12/2021" is still read day-first.
    """
    try:
        return _normalise(value)
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None  # e.g. a zone offset of 25 hours: not a date we can trust


def _normalise(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _fmt(value, True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, dict):  # e.g. {"$date": "..."} (MongoDB exports)
        for key in ("$date", "date", "value"):
            if key in value:
                return _normalise(value[key])
        return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 80:
        return None
    if _ISO_DATE.match(s):
        try:
            return dt.date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    if _EPOCH.match(s):
        return _from_epoch(float(s))
    try:
        parsed = dt.datetime.fromisoformat(s.replace("Z", "+00:00").replace(" UTC", "+00:00"))
        return _fmt(parsed, True)
    except ValueError:
        pass
    try:
        return _fmt(parsedate_to_datetime(s), True)  # RFC 2822 (RSS pubDate, e-mail, HTTP)
    except (TypeError, ValueError, IndexError):
        pass
    return _fuzzy(s)


def _fuzzy(s: str) -> str | None:
    from dateutil import parser

    yearfirst = bool(_YEAR_FIRST.match(s))
    # Strict first; fuzzy (skipping words such as "Updated") only when a plausible year is present,
    # since fuzzy parsing turns almost any string with a number into some date.
    for fuzzy in (False, True):
        if fuzzy and not _YEAR.search(s):
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # unknown zone names ("EST"): keep the local time
                parsed = parser.parse(s, yearfirst=yearfirst, fuzzy=fuzzy, default=_DEFAULT_A)
                check = parser.parse(s, yearfirst=yearfirst, fuzzy=fuzzy, default=_DEFAULT_B)
        except (ValueError, OverflowError, TypeError, parser.ParserError):
            continue
        if parsed.date() != check.date():
            return None  # year, month or day was missing and filled in: not a full date
        return _fmt(parsed, bool(_HAS_TIME.search(s)))
    return None


def _from_epoch(x: float) -> str | None:
    if x > 1e11:  # milliseconds
        x /= 1000.0
    if x < 1e8:  # before 1973: a zero or a counter, not a publication time
        return None
    try:
        value = dt.datetime.fromtimestamp(x, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _fmt(value, True)


def _fmt(value: dt.datetime, with_time: bool) -> str | None:
    if value.replace(tzinfo=None) < _EARLIEST:
        return None
    if not with_time:
        return value.date().isoformat()
    if value.microsecond:
        value = value.replace(microsecond=0)
    return value.isoformat()
