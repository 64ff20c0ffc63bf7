"""The shared dateline pieces (text/datelines.py) and the callers built from them.

Sentences are made up in the shape of wire copy; no third-party text."""

from __future__ import annotations

import re

from storyprism.clean import lines as L
from storyprism.compare.readability import display_text
from storyprism.reuse import credits
from storyprism.reuse.direction import has_dateline
from storyprism.text import datelines as DL


def test_one_agency_list_every_name_known_to_credits() -> None:
    # the table's short names are the credits stage's own, so a dateline credit resolves to a wire name
    known = set(credits.AGENCIES.values())
    assert set(DL.AGENCY_SIGNS.values()) <= known
    for sign, short in DL.AGENCY_SIGNS.items():
        assert credits.AGENCIES.get(sign.lower(), sign) == short  # as credits._dateline_agency resolves it
    # a signing house is no agency
    assert not set(DL.HOUSE_SIGNS) & set(DL.AGENCY_SIGNS)


def test_agency_alternation_tries_longest_first() -> None:
    m = re.fullmatch(rf"\(({DL.AGENCY})\)", "(AAP)")
    assert m and m.group(1) == "AAP"
    assert re.fullmatch(DL.AGENCY_CREDIT, "(Kyodo)")
    assert not re.fullmatch(DL.AGENCY_CREDIT, "(CNN)")
    assert re.fullmatch(DL.SIGNED_CREDIT, "(CNN)")


def test_place_region_credit_dash_pieces() -> None:
    head = re.compile(rf"{DL.HEAD}\s*{DL.DASH}")
    for s in ("VELMORA, Kestria (Reuters) —", "NEW HARBOR/PORT LANE (AP) -", "ST. ALDEN, Ore. --", "QUARRYTON, Mar 4 (dpa) –"):
        assert head.fullmatch(s), s
    # a place in title case is running text, not a dateline place
    assert not re.fullmatch(rf"{DL.PLACE}", "Velmora")


def test_clean_line_only_and_lede() -> None:
    assert L.is_dateline("VELMORA, Kestria (Reuters) —")
    assert L.is_dateline("QUARRYTON --")
    assert not L.is_dateline("VELMORA — Officials said on Tuesday that the bridge would reopen.")
    # a region in title case now counts in the lede as it did on its own line
    assert L.starts_with_dateline("PORT ALDEN, Kestria — Inspectors said on Monday that the ferry sank.")
    assert L.starts_with_dateline("(CNN) Inspectors said on Monday that the ferry sank.")
    assert not L.starts_with_dateline("Inspectors said on Monday that the ferry sank.")


def test_credits_dateline_agency_from_the_one_list() -> None:
    agency, evidence, _ = credits.wire_signals("TOKYO (Kyodo) — The ferry sank on Monday, officials said.", None)
    assert agency == "Kyodo" and any("wire dateline" in e for e in evidence)
    agency, _, _ = credits.wire_signals("VELMORA (Reuters) - The ferry sank on Monday, officials said.", None)
    assert agency == "Reuters"
    # a house's own signature is a dateline but no wire carriage
    agency, evidence, _ = credits.wire_signals("VELMORA (CNN) — The ferry sank on Monday, officials said.", None)
    assert not any("wire dateline" in e for e in evidence)


def test_direction_head_search() -> None:
    assert has_dateline("By A. Writer\nNEW HARBOR/PORT LANE, Aug 3 (Reuters) - The ferry sank on Monday.")
    assert has_dateline("VELMORA (Xinhua) -- The ferry sank on Monday.")
    assert not has_dateline("The ferry sank on Monday - officials said - in the bay.")


def test_readability_opening_and_inside() -> None:
    assert display_text("NEW HARBOR/PORT LANE (Reuters) - The ferry sank on Monday.") == "The ferry sank on Monday."
    assert display_text("Ferry sinks VELMORA (IANS) — The ferry sank on Monday.") == "The ferry sank on Monday."
    assert display_text("Velmora (CNN) — The ferry sank on Monday.") == "The ferry sank on Monday."
    # no dash before a capitalised sentence: no dateline ("NASA - the agency - said")
    assert display_text("NASA - the agency - said the probe was lost.").startswith("NASA")
