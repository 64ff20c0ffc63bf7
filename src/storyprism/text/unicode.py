"""Text that UTF-8 (SQLite, JSON, the terminal) can always store."""

from __future__ import annotations


def safe_text(value: str) -> str:
    """``value`` as valid Unicode that UTF-8 can store.

    A file name that is not valid UTF-8 reaches Python as lone surrogates (PEP 383), and JSON may
    escape lone surrogates too ("\\ud800"); neither can be encoded, and one such string once stopped
    a whole run. The bytes of an undecodable file name are shown escaped ("bad_\\xff.txt"), any other
    lone surrogate as "\\udXXX": a readable, stable and lossless record of what was there.
    """
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from undecodable bytes
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
