"""Local TV and radio stations credited by their call signs and channel brands (reuse/credits.py), and
the claims two newsrooms relay from one station's report (compare/claims.py). Hand-written copy only:
the signals are how US broadcasters sign on air."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.records import AnalysisData, Article, Extraction, Story, Storyline
from storyprism.reuse.credits import find_credits, is_outlet_name, is_station_name


def _credited(sentence: str) -> list[tuple[str, str]]:
    return [(c.name, c.cue) for c in find_credits([sentence], set())[0]]


def test_call_signs_and_channel_brands_are_outlets():
    for name in ("KTLA", "WLWT", "WSB-TV", "KNX-FM", "WBZ-AM", "ABC7", "CBS2", "NBC 5", "FOX 11", "KTLA 5", "ABC7 News"):
        assert is_outlet_name(name), name
    assert is_station_name("PIX11") and is_station_name("WHO-TV")


def test_organisations_acronyms_are_not_stations():
    # three letters are an organisation's far more often than a station's; the four-letter acronyms
    # news names most are listed; a number after an acronym is no channel
    for name in ("WHO", "WWE", "WWF", "KIA", "KFC", "WTO", "KPMG", "WADA", "WNBA", "WIPO", "WWII", "NASA", "WHO 3"):
        assert not is_outlet_name(name), name
    assert _credited("Revenue rose 4 percent, according to KPMG.") == []
    assert _credited("The outbreak is contained, according to WHO.") == []
    assert _credited("The wrestler told WWE he would return.") == []
    # a four-letter acronym after "the" is an organisation's, not a station's call sign
    assert _credited("According to the WRAP, households waste a third of their food.") == []


def test_stations_are_credited_as_outlets():
    assert _credited("The woman told KTLA she was scared.") == [("KTLA", "told")]
    assert _credited("Police were told to wait when the plane landed at LAX, ABC7 reports.") == [("ABC7", "reported")]
    assert _credited("Nobody was hurt, according to NBC 5.") == [("NBC 5", "according to")]
    assert _credited("The boy was dragged through the water, according to WLWT.") == [("WLWT", "according to")]
    # the station between the cue and the name: "local", "TV station", a network's affiliate
    assert _credited("Airport police told local ABC7 officers would meet the flight.") == [("ABC7", "told")]
    assert _credited("He told local TV station WSB-TV he was fine.") == [("WSB-TV", "told")]
    assert _credited("\u201cIt was loud,\u201d a witness told CNN affiliate KTVT.") == [("KTVT", "told")]
    assert _credited("She told local reporters what she saw.") == []


def test_two_newsrooms_relaying_one_stations_report_are_one_origin():
    articles = [
        Article(id="a", ref="a", title="Flight turns back", outlet="dailymail.co.uk",
                url="https://www.dailymail.co.uk/a", published="2024-03-04T10:00:00",
                text="A flight to Tokyo turned back to Los Angeles after a passenger boarded by mistake.\n"
                     "Airport police told local ABC7 officers would meet the plane with a unit and supervisors."),
        Article(id="b", ref="b", title="Flight turns back", outlet="rt.com", url="https://www.rt.com/b",
                published="2024-03-04T12:00:00",
                text="The airline said a mix-up sent the plane back to the gate.\n"
                     "Police said officers would meet the plane with a unit and supervisors, ABC7 reports."),
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="s", title="Flight turns back", articles=["a", "b"], storyline="l")],
        storylines=[Storyline(id="l", title="Flight", stories=["s"])],
        origins={"a": "a", "b": "b"},
        extraction=Extraction(),
    )
    claims = compare_stories(data, CompareOptions()).claims
    police = [c for c in claims if "supervisors" in c.text]
    assert police and all(c.independent_support == 1 and c.origins == ["outlet:ABC7"] for c in police), \
        [(c.text, c.origins) for c in police]


def test_a_call_sign_the_sentence_calls_a_news_agency_keeps_the_appositions_cue():
    # the noun says what the letters are; one such credit attributes a fact, not the story
    assert _credited("The satellite reached orbit, North Korea's state news agency KCNA reported.") == [
        ("KCNA", "reported (apposition)")]
    assert _credited("The boy was hurt, KTLA reported.") == [("KTLA", "reported")]
