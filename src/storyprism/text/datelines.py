"""The wire dateline, in pieces every stage builds its own regex from.

Agency and newspaper copy opens with where it was filed and who filed it, by a convention older than
the web: a place in capitals, an optional region or date after a comma, an optional credit in
brackets, then a dash, and the first sentence ("SAN JOSE, Costa Rica (Reuters) — ...", "WASHINGTON —",
"LAKE FOREST, Ill. --", "(AP) — ..."). Stages ask different questions of it (cleaning: is this line a
dateline; credits: which agency carried the text; direction: does this copy open like filed copy;
summaries: where does the statement start), so each keeps its own anchoring; the pieces, and above all
the one list of agencies, live here so that they no longer drift apart.

The pieces are regex *fragments* (strings, no capturing groups) meant to be put inside a caller's
pattern; the agency list is derived from one table, ``AGENCY_SIGNS``.

One copy is left to move: ``extract/subjects.py`` still has its own ``_DATELINE`` (its place shape
and dash) because another change was under way in ``extract/`` when this module was made; it should
be built from these pieces next. Agency names outside datelines keep their own lists for now
(``reuse/direction.py`` ``_WIRE_CREDIT``, ``reuse/credits.py`` ``_PHOTO`` and ``_SIGNOFF_NAME``): they
read credits anywhere in the text, not the dateline, and could take ``AGENCY`` next.
"""

from __future__ import annotations

import re

# News agencies by the name they print in a dateline's brackets ("(AP)", "(Reuters)", "(dpa)"), mapped
# to the short name the credits stage uses for wire carriage (``wire:NAME``; the same values as
# ``reuse.credits.AGENCIES``). Signal: an agency signs the copy it sells to members and clients, and
# the client keeps the signature, so the bracket names the text's origin, whoever prints it.
AGENCY_SIGNS: dict[str, str] = {
    "AP": "AP", "Reuters": "Reuters", "AFP": "AFP", "PA": "PA", "PTI": "PTI", "UPI": "UPI",
    "dpa": "dpa", "Xinhua": "Xinhua", "IANS": "IANS", "AAP": "AAP", "Bloomberg": "Bloomberg",
    "Kyodo": "Kyodo", "Yonhap": "Yonhap", "EFE": "EFE", "ANSA": "ANSA", "CP": "CP", "TASS": "TASS",
    "Interfax": "Interfax", "Anadolu": "Anadolu",
}
# Broadcasters and papers that sign their own copy in the agency manner ("Washington (CNN) —"): a
# dateline, so it opens filed copy and is cut from a shown statement, but no sign of wire carriage.
HOUSE_SIGNS: tuple[str, ...] = ("CNN",)


def _alternation(names: list[str]) -> str:
    # longest first, so that "AAP" is tried before "AP" and a prefix never wins
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# One agency name as a dateline prints it (a fragment, no group).
AGENCY = rf"(?:{_alternation(list(AGENCY_SIGNS))})"
# An agency's or a signing house's name: every name a dateline credit may carry by the convention.
SIGNER = rf"(?:{_alternation([*AGENCY_SIGNS, *HOUSE_SIGNS])})"
# The bracketed agency credit: "(AP)", "(Reuters)".
AGENCY_CREDIT = rf"\({AGENCY}\)"
# The bracketed credit of an agency or a signing house: "(AP)", "(CNN)".
SIGNED_CREDIT = rf"\({SIGNER}\)"
# Any bracketed credit a dateline may carry, known signer or not ("(Reuters)", "(dpa)",
# "(The Star-Ledger)"): a capitalised name of a few words; a known signer in any case.
CREDIT = rf"\((?:{SIGNER}|[A-Z][\w.&'’ /-]{{1,30}})\)"
# The Chinese wire's slashed credit: "BEIJING, Dec. 3 /Xinhua/ --".
SLASH_CREDIT = r"/[A-Z][\w.]{1,20}/"

# The dash that ends a dateline: an em or en dash, or the typewriter's hyphen or double hyphen
# ("CAIRO --"), as copy desks and their wire feeds print it.
DASH = r"(?:[–—]{1,2}|-{1,2})"

# The place in capitals: one to five words of capitals (with the dots, apostrophes, hyphens and
# ampersands of abbreviations and names: "ST. LOUIS", "N'DJAMENA", "WINSTON-SALEM"), or several places
# joined by a slash ("NEW YORK/LONDON"). Capitals are the convention's own mark: the same place in
# running text is in title case.
PLACE = r"[A-Z][A-Z.'’&-]+(?:(?:\s+|/)[A-Z][A-Z.'’&-]+){0,4}"
# The place in any case, which the convention allows only before a credit ("Washington (CNN) —").
PLACE_ANY = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
# The region or date after a comma: ", Costa Rica", ", Ill.", ", Dec 31", ", Pa., Dec. 3" (a fragment:
# the caller makes it optional).
REGION = r",\s*[A-Z0-9][\w.'’-]*(?:\s+[\w.,'’-]+){0,3}?"
# place, optional region, optional credit: the whole dateline before its dash (caps-place form)
HEAD = rf"{PLACE}(?:{REGION})?(?:\s*{CREDIT})?"

