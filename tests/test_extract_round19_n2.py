"""Round 19's blind read (issue 12): a place with its first word cut to an initial ("N. Korea") joins the
full name, and an approximator after a figure ("or so", "or more", "-ish") bounds it as one before does."""

from __future__ import annotations

from storyprism.extract.link_types import abbreviated_places
from storyprism.extract.linking import link_entities
from storyprism.extract.numbers import find_numbers
from storyprism.records import Mention


def _m(article: str, text: str, typ: str, start: int = 0) -> Mention:
    return Mention(article, text, typ, start, start + len(text), None)


def test_a_place_with_its_first_word_cut_to_an_initial_joins_the_one_full_name() -> None:
    keys: list[str | None] = [
        "place|north vardonia",
        "place|south vardonia",
        "place|n. vardonia",  # one place starts with N: North Vardonia
        "place|s.vardonia",
        "place|e. lorvia",  # no full name: stays
        "place|w. tamsin",  # two full names start with W: stays
        "place|west tamsin",
        "place|westerly tamsin",
        "norp|n. vardonian",  # its people's name likewise
        "norp|north vardonian",
        None,
    ]
    assert abbreviated_places(keys) == [
        "place|north vardonia",
        "place|south vardonia",
        "place|north vardonia",
        "place|south vardonia",
        "place|e. lorvia",
        "place|w. tamsin",
        "place|west tamsin",
        "place|westerly tamsin",
        "norp|north vardonian",
        "norp|north vardonian",
        None,
    ]
    ms = [_m("a", "North Vardonia", "GPE"), _m("b", "North Vardonia", "GPE"), _m("c", "N. Vardonia", "GPE")]
    ents = {e.id: e.name for e in link_entities(ms)}
    assert {ents[m.entity] for m in ms if m.entity} == {"North Vardonia"}


def _read(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(n.text, n.low, n.high, n.unit) for n in find_numbers("a", text, [(0, len(text))])]


def test_an_approximator_after_the_figure_bounds_it() -> None:
    # after the unit: "or so" is "about", "or more" "at least", "or less" "at most"
    assert _read("The rock cooled a million years or so after it formed.") == [
        ("a million", 900_000.0, 1_100_000.0, "years")
    ]
    assert _read("The convoy drove 30 miles or more each day.") == [("30", 30.0, None, "miles")]
    assert _read("Repairs should take three weeks or less.") == [("three", None, 3.0, "weeks")]
    # right after the figure, the unit follows the approximator
    assert _read("Some residents, 40 or so families, stayed.") == [("40", 36.0, 44.0, "families")]
    # "-ish" on the figure
    assert _read("The owner, 60-ish, declined to talk.") == [("60-ish", 54.0, 66.0, None)]
    # "or more than" opens a second figure; "or more likely" compares the next clause
    assert _read("It had 12 rooms or more likely fewer.")[0][1:3] == (12.0, 12.0)


def test_a_month_or_week_in_an_embedded_post_counts_from_the_posts_signature_date() -> None:
    from storyprism.extract.dates import find_dates

    text = (
        "The company confirmed the plan in a statement.\n"
        "Our new ferry sails next month from the north pier. — Harbour Line (@harbourline) November 5, 2018\n"
        "The firm says tickets go on sale next month."
    )
    spans = [(0, 47), (48, 150), (150, len(text))]
    by_start = {d.start: d.value for d in find_dates("a", text, spans, "2019-01-10") if d.relative}
    posted, told = sorted(by_start)
    assert by_start[posted] == "2018-12"  # the month after the post's own November
    assert by_start[told] == "2019-02"  # the article's own "next month": after the stamp's January
