"""Local TV and radio stations credited by their call signs and channel brands (reuse/credits.py), and
the claims two newsrooms relay from one station's report (compare/claims.py). Hand-written copy only:
the signals are how US broadcasters sign on air."""

from __future__ import annotations

from storyprism.compare import CompareOptions, compare_stories
from storyprism.records import Alignment, AnalysisData, Article, Extraction, Reuse, Story, Storyline
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


# An agency's background paragraph, taken with small edits into two otherwise independent pieces; the
# agency's own copy in the story carries the crash, not the paragraph.
_STANDARD = (
    "A tram overturned in Croydon on Wednesday morning, a witness living metres away told our reporter.\n"
    "The witness heard a loud bang and ran to the bend to help the trapped passengers.\n"
    "London's only tram network operates in the south of the capital, from Wimbledon to Beckenham via Croydon.\n"
    "More than 27 million passengers used the service in 2015/16.\n"
    "The system uses a combination of on-street and segregated running for the 17 miles of track.")
_GUARDIAN = (
    "Investigators examined the speed of the tram as it entered the sharp curve near Sandilands.\n"
    "A rail safety expert said most tram accidents involve road vehicles or pedestrians.\n"
    "The Croydon tram is London's only tram network, serving the south of the capital.\n"
    "It uses a mix of on-street and segregated running for its 17 miles of track.\n"
    "More than 27 million passengers used the service in 2015-16.\n"
    "The driver of the overturned tram was arrested at the scene by transport police officers.")
_PA = (
    "Seven people were killed when a tram overturned in Croydon on Wednesday, police said.\n"
    "The driver of the overturned tram was arrested at the scene by transport police officers.\n"
    "Emergency services worked through the morning to free the trapped passengers.")


def _tram_claims(reuses: list) -> list:
    articles = [
        Article(id="s", ref="s", title="Tram crash", outlet="standard.co.uk", url="https://www.standard.co.uk/s",
                published="2024-03-04T10:00:00", text=_STANDARD),
        Article(id="g", ref="g", title="Tram crash", outlet="theguardian.com", url="https://www.theguardian.com/g",
                published="2024-03-04T12:00:00", text=_GUARDIAN),
        Article(id="p", ref="p", title="Tram crash", outlet="dailymail.co.uk", url="https://www.dailymail.co.uk/p",
                published="2024-03-04T09:00:00", text=_PA),
    ]
    data = AnalysisData(
        articles=articles,
        stories=[Story(id="st", title="Tram crash", articles=["s", "g", "p"], storyline="l")],
        storylines=[Storyline(id="l", title="Tram", stories=["st"])],
        origins={"s": "s", "g": "g", "p": "wire:PA"},
        reuses=reuses,
        extraction=Extraction(),
    )
    claims = compare_stories(data, CompareOptions()).claims
    return [c for c in claims if "only tram network" in c.text]


def test_a_statement_inside_a_background_passage_two_pieces_share_has_one_source():
    # a sentence beside the claim's is printed near word for word in both: the passage came from one
    # place, so the reworded statement in it counts once
    network = _tram_claims([])
    assert network and all(c.independent_support == 1 for c in network), [(c.text, c.origins) for c in network]


def test_the_shared_passage_is_the_agencys_when_one_piece_pastes_that_agency_elsewhere():
    pasted = "The driver of the overturned tram was arrested at the scene by transport police officers."
    reuse = Reuse(source="p", copy="g", kind="shared-source", coverage=0.2,
                  alignments=[Alignment(source_sentence=pasted, copy_sentence=pasted, similarity=1.0)])
    network = _tram_claims([reuse])
    assert network and all(c.origins == ["wire:PA"] for c in network), [(c.text, c.origins) for c in network]
