"""Issue 10, seventeenth round: an uncredited piece that prints word for word a long quotation another
report credits to a news agency carries the agency's story (reuse/agency_quotes.py). Invented copy
only: the signal is how agency copy travels (an agency's reporter gathers the quotation and sells it;
a desk that quotes the person itself gets other words)."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse import trace

QUOTE = "we sent our fighters to close the harbour road and hold every bridge until morning"

CREDITING = (
    "Rebels seized the harbour road in the port city of Valmora on Tuesday, officials said.\n"
    "Dozens of families fled the old town as gunfire echoed through the port.\n"
    f"A rebel spokesman said \"{QUOTE},\" Reuters reported.\n"
    "The city council called an emergency meeting for Wednesday.\n"
)

UNCREDITED = (
    "Rebel fighters took control of the harbour road in Valmora on Tuesday.\n"
    "Residents of the old town fled as gunfire echoed through the port city.\n"
    f"The rebels' spokesman said by telephone that \"{QUOTE}\".\n"
    "The council will meet on Wednesday to discuss the fighting in the port.\n"
)


def art(aid: str, text: str, outlet: str, hour: int = 10) -> Article:
    return Article(id=aid, ref=aid, title="Rebels seize harbour road in Valmora port", text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/world/{aid}", published=f"2022-03-01T{hour:02d}:00:00")


def test_an_uncredited_piece_printing_an_agency_quotation_rests_on_the_agency():
    traces = trace.trace_origins([art("credit", CREDITING, "bbc.example"), art("plain", UNCREDITED, "paper.example")], [])
    assert traces["credit"].origin == "wire:Reuters"  # its own credit (the tracer's rules)
    t = traces["plain"]
    assert t.origin == "wire:Reuters"
    assert t.kind == "rewrite"
    assert any("credits to Reuters" in e for e in t.evidence)


def test_a_short_quotation_points_at_no_one():
    short = "hold every bridge"  # a phrase any desk may print: no sign of the agency's copy
    crediting = CREDITING.replace(QUOTE, short)
    plain = UNCREDITED.replace(QUOTE, short)
    traces = trace.trace_origins([art("credit", crediting, "bbc.example"), art("plain", plain, "paper.example")], [])
    assert traces["plain"].origin == "plain"


def test_a_piece_that_reports_or_credits_keeps_its_own_standing():
    own = UNCREDITED + "A shopkeeper told the Daily Planet that his windows were blown out by the blast.\n"
    credits = UNCREDITED + "The port authority closed the harbour, the Valmora Herald reported.\n"
    for text in (own, credits):
        traces = trace.trace_origins([art("credit", CREDITING, "bbc.example"), art("plain", text, "dailyplanet.com")], [])
        assert traces["plain"].origin != "wire:Reuters"
    # the same piece without them rests on the agency (the two additions are what keeps it apart)
    traces = trace.trace_origins([art("credit", CREDITING, "bbc.example"), art("plain", UNCREDITED, "dailyplanet.com")], [])
    assert traces["plain"].origin == "wire:Reuters"


def test_quotations_credited_to_two_agencies_name_no_one_source():
    other = "our men will stay in the port until the government agrees to talk with us"
    second = CREDITING.replace(QUOTE, other).replace("Reuters reported", "AFP reported")
    plain = UNCREDITED + f"Another commander said \"{other}\".\n"
    arts = [art("credit", CREDITING, "bbc.example"), art("afp", second, "news.example", 11),
            art("plain", plain, "paper.example", 12)]
    traces = trace.trace_origins(arts, [])
    assert traces["plain"].origin == "plain"


def test_a_report_of_another_event_is_no_source():
    elsewhere = (
        "Farmers in the northern valley harvested a record crop of apples this autumn.\n"
        "Prices at the market fell as growers brought in more fruit than expected.\n"
        "Cooperatives rented extra cold storage warehouses near the railway junction.\n"
        "Supermarket chains signed contracts for juice, cider and dried slices through spring.\n"
        "Seasonal pickers from neighbouring provinces earned bonuses for weekend shifts.\n"
        "Agronomists credited mild temperatures, steady rainfall and fewer orchard pests.\n"
        f"A grower said \"{QUOTE},\" Reuters reported.\n"
    )
    plain = UNCREDITED + (
        "Ambulances carried wounded civilians to the hospital beside the cathedral square.\n"
        "Shops along the waterfront stayed shuttered and ferries were cancelled until further notice.\n"
        "The government in the capital promised reinforcements within two days.\n"
    )
    tracer = trace._Tracer([art("credit", elsewhere, "bbc.example"), art("plain", plain, "paper.example")], [])
    assert not tracer.close("plain", "credit")
    assert tracer.run()["plain"].origin == "plain"
