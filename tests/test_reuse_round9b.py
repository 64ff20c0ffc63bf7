"""Issue 10, round 9b: members printed before their story's burst, announcements and quoted phrases.
Synthetic texts only (no labelled data needed)."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse.topic import BURST_LEAD_DAYS, off_event_articles


def art(aid: str, text: str, published: str | None = None, outlet: str | None = None) -> Article:
    return Article(id=aid, ref=aid, title=aid, text=text, published=published, outlet=outlet)


def _filler(k: int) -> str:
    """An article of words no other article uses (so it pairs with nothing)."""
    return " ".join(f"filler{k}x{w}word" for w in range(60)) + "."


def _story(first: str, linked: bool = False, burst_end: str = "2018-02-06T13:00:00") -> dict[str, str]:
    arts = [art("early", _filler(1), published=first), art("a", _filler(2), published="2018-02-06T07:00:00"),
            art("b", _filler(3), published="2018-02-06T09:00:00"), art("c", _filler(4), published=burst_end)]
    parents = {"a": "early"} if linked else None
    return off_event_articles([[a.id for a in arts]], arts, parents=parents)


def test_a_member_printed_days_before_the_burst_is_an_earlier_development():
    found = _story("2018-01-16T13:00:00")
    assert set(found) == {"early"} and "earlier development" in found["early"]


def test_no_flag_when_close_to_the_burst_linked_or_the_story_is_spread_out():
    assert _story(f"2018-02-{6 - int(BURST_LEAD_DAYS) + 1:02d}T08:00:00") == {}  # under the lead
    assert _story("2018-01-16T13:00:00", linked=True) == {}  # the others copy or credit it: a scoop
    assert _story("2018-01-16T13:00:00", burst_end="2018-02-10T09:00:00") == {}  # no single burst


def test_a_late_member_is_never_flagged_by_the_burst_rule():
    arts = [art("a", _filler(1), published="2018-02-06T07:00:00"), art("b", _filler(2), published="2018-02-06T09:00:00"),
            art("c", _filler(3), published="2018-02-06T11:00:00"), art("late", _filler(4), published="2018-02-18T11:00:00")]
    assert off_event_articles([[a.id for a in arts]], arts) == {}


# --------------------------------------------------------------------------- relays of an announcement

LINES = [
    "Harbour Trust has detailed the changes coming to the lighthouse tours this spring.",
    "Visitors will be able to climb to the lamp room in small groups.",
    "Families can book a quiet hour and a \u201cguided walk along the old sea wall\u201d for younger children.",
    "The museum on the ground floor will show the brass lens and the foghorn.",
    "Harbour Trust's own in-house newsletter explained that tickets go on sale in March.",
]


def _relay(extra: str = "") -> dict[str, str]:
    from storyprism.reuse import trace_origins

    text = " ".join(LINES) + extra
    a = Article(id="r", ref="r", title="Lighthouse tours", text=text, raw_text=text, outlet="coastpost.com",
                url="https://www.coastpost.com/news/r", published="2018-03-01T08:00:00")
    t = trace_origins([a], [])["r"]
    return {"origin": t.origin, "kind": t.kind}


def test_an_issuer_named_with_a_hyphenated_own_document_announces():
    from storyprism.reuse.credits import announcements

    found = announcements([LINES[4]])
    assert list(found) == ["Harbour Trust"]


def test_a_quoted_phrase_without_a_speaker_does_not_make_a_relay_own_reporting():
    # the only quotation is a phrase of the announcement's wording, no one speaks it
    assert _relay() == {"origin": "release:Harbour Trust", "kind": "rewrite"}
    # someone else's words, with a speech verb: the outlet has a source of its own
    said = " \u201cWe expect a very busy first weekend on the island,\u201d the ferry captain said."
    assert _relay(said)["origin"] == "r"
    colon = " The ferry captain: \u201cWe expect a very busy first weekend on the island.\u201d"
    assert _relay(colon)["origin"] == "r"  # a speaker named before a colon speaks too
