"""Month and weekday names, in calendar order and lower case, for every stage that reads dates or
has to tell a time word from a name."""

from __future__ import annotations

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month and weekday names as one set: capitalised like names, but no participant of a story.
CALENDAR_WORDS = frozenset((*MONTHS, *WEEKDAYS))


def month_alternation() -> str:
    """The capitalised month names as a regular-expression alternation ("January|February|...")."""
    return "|".join(m.capitalize() for m in MONTHS)


# Month names as news copy writes them, in full and abbreviated (AP style "Sept.", also "Sep"), as one
# regular-expression alternation without a group: each reader wraps it ("(?:...)\.?", a named group).
WRITTEN_MONTHS = month_alternation() + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
