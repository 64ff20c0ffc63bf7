"""Issue 12 round 22: names, numbers and dates. An initialism written with points is the body written
without them, a person's span never runs on over a possessive, a head count in apposition makes a place,
a city's nickname is the city, a lone word ending a body's name in the same article is that body; "a
couple hundred" is about two hundred, a duration without "and" is one amount; a month joined to "last
year" is that month, a season's fronted date is in the season. Sentences and names are written for the
tests (no spaCy model, no shared data)."""

from __future__ import annotations

from storyprism.extract.dates import find_dates
from storyprism.extract.ents import Ent
from storyprism.extract.link_types import org_key
from storyprism.extract.linking import link_entities
from storyprism.extract.name_spans import grown_spans
from storyprism.extract.name_types import place_appositions
from storyprism.extract.numbers import find_numbers
from storyprism.records import Mention


def _ent(text: str, name: str, label: str, nth: int = 0) -> Ent:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return Ent(at, at + len(name), label, name)


def _m(article: str, text: str, typ: str, start: int) -> Mention:
    return Mention(article, text, typ, start, start + len(text), None)


# --- names -------------------------------------------------------------------------------------------


def test_an_initialism_with_points_keys_as_the_one_without() -> None:
    # ``norm`` cuts the last point, so "N.B.A." arrives as "n.b.a"
    assert org_key("N.B.A.") == org_key("N.B.A") == org_key("NBA") == "nba"
    assert org_key("St. Olaf") == "st. olaf"  # a point after a word is no initialism
    assert org_key("J.T.") == "j.t"  # two letters: as often a person's nickname (left as it was)


def test_points_and_no_points_are_one_entity() -> None:
    ms = [_m("a", "N.B.A.", "ORG", 0), _m("b", "NBA", "ORG", 0), _m("c", "NBA", "ORG", 0)]
    link_entities(ms)
    assert ms[0].entity == ms[1].entity


def test_a_person_span_run_over_a_possessive_is_the_owner() -> None:
    text = "asks Mr. Tarrow’s Norse god, still angry. D’Angelo Ruiz came."
    ents = [_ent(text, "Tarrow’s Norse", "PERSON"), _ent(text, "D’Angelo Ruiz", "PERSON")]
    assert [e.text for e in grown_spans(text, ents)] == ["Tarrow", "D’Angelo Ruiz"]


def test_a_head_count_in_apposition_makes_a_place() -> None:
    text = "The rockets thrust tiny Velmo, population 4,850, into the news. Brask, staff 200, said no."
    ents = [_ent(text, "Velmo", "ORG"), _ent(text, "Brask", "ORG")]
    assert [e.label for e in place_appositions(text, ents)] == ["GPE", "ORG"]


def test_a_city_nickname_is_the_city() -> None:
    ms = [_m("a", "the Big Apple", "ORG", 0), _m("b", "New York City", "GPE", 0)]
    ents = {e.id: e for e in link_entities(ms)}
    assert ms[0].entity == ms[1].entity
    assert ents[ms[0].entity].type == "GPE"


def test_a_lone_person_typed_word_ending_a_body_in_the_article_is_that_body() -> None:
    ms = [
        _m("a", "Dorval Hustle", "ORG", 0),
        _m("a", "Dorval Hustle", "ORG", 60),
        _m("a", "Hustle", "PERSON", 120),
        # a surname of a person the article names in full stays the person's
        _m("b", "Velmar Bank", "ORG", 0),
        _m("b", "Ana Bank", "PERSON", 40),
        _m("b", "Bank", "PERSON", 90),
    ]
    link_entities(ms)
    assert ms[2].type == "ORG" and ms[2].entity == ms[0].entity
    assert ms[5].type == "PERSON" and ms[5].entity == ms[4].entity


# --- numbers -----------------------------------------------------------------------------------------


def _numbers(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(n.text, n.low, n.high) for n in find_numbers("a", text, [(0, len(text))])]


def test_a_couple_hundred_is_about_two_hundred() -> None:
    assert _numbers("A \u201ccouple hundred\u201d people got shares early.") == [
        ("A \u201ccouple hundred", 180.0, 220.0)
    ]
    assert _numbers("a couple of hundred fans came") == [("a couple of hundred", 180.0, 220.0)]


def test_a_duration_without_and_is_one_amount() -> None:
    out = _numbers("At 12:47 a.m., after 4 hours 28 minutes, the mob scene began.")
    assert [(t, round(lo or 0, 3)) for t, lo, _ in out] == [("4 hours 28 minutes", 4.467)]
    # a count after a duration is its own
    assert _numbers("Over 2 hours 30 people were hurt.")[-1] == ("30", 30.0, 30.0)


# --- dates -------------------------------------------------------------------------------------------


def _dates(text: str, stamp: str, cut: str = "") -> list[tuple[str, str | None]]:
    spans = [(0, len(text))]
    if cut:
        i = text.index(cut)
        spans = [(0, i - 1), (i, len(text))]
    return [(d.text, d.value) for d in find_dates("a", text, spans, stamp)]


def test_a_month_joined_to_last_year_is_that_month() -> None:
    assert _dates("The coin fell to its lowest point since November last year.", "2018-02-05") == [
        ("November last year", "2017-11")
    ]
    assert _dates("It opens in January next year.", "2018-02-05") == [("January next year", "2019-01")]
    # "this year" keeps the month's own reading (a stamp may lag into the next year)
    assert ("In July", "2017-07") in _dates("In July this year, youths gathered.", "2018-01-01")


def test_a_fronted_date_after_a_past_season_is_in_that_season() -> None:
    text = "Fans point to one moment that doomed the team's 1969 season. On September 9, Dorval faced the Owls."
    assert _dates(text, "2016-11-03", cut="On September")[-1] == ("September 9", "1969-09-09")
    # not fronted: the stamp's year, as before
    text = "He starred in the 2015 season. He said on September 9 that he would retire."
    assert _dates(text, "2016-11-03", cut="He said")[-1] == ("September 9", "2016-09-09")



def test_a_place_typed_name_after_a_media_noun_is_the_outlet() -> None:
    text = "Winds forced a detour, CNN affiliate Varuca reported. Varuca said the pilots landed. Jo Lane, a broadcaster, flew."
    ents = [_ent(text, "Varuca", "GPE"), _ent(text, "Varuca", "GPE", 1), _ent(text, "Jo Lane", "PERSON")]
    assert [e.label for e in place_appositions(text, ents)] == ["ORG", "ORG", "PERSON"]


def test_the_shared_reader_counts_a_scale_word_an_unstated_few_times() -> None:
    from storyprism.text.numbers import compatible, read_quantities

    couple, several = read_quantities("A couple hundred people came. Several hundred troops left.")
    assert (couple.text, couple.low, couple.high) == ("A couple hundred people", 180.0, 220.0)
    assert (several.low, several.high) == (300.0, 900.0)
    # "several hundred" and "500" can both be true (read as 100, they would be a conflict)
    assert compatible(several, read_quantities("500 troops left.")[0])
