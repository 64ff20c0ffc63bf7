"""Issue 10, seventeenth round: an uncredited piece that prints word for word a long quotation another
report credits to a news agency carries the agency's story (reuse/agency_quotes.py). Invented copy
only: the signal is how agency copy travels (an agency's reporter gathers the quotation and sells it;
a desk that quotes the person itself gets other words)."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse import agency_quotes, trace

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


# --- review 1 of round 17: R1 (public words), R2 (one ``close`` per pair), R1b (own staff) ---------

ADDRESS_QUOTE = "we will not rest until every family in this land has a safe home and a fair wage"


def test_words_said_in_public_point_at_no_agency():
    # a televised address, a filing or a news conference gives every desk the same words: the
    # agency's credit on one report says nothing of where another report's print came from
    crediting = CREDITING.replace(f"A rebel spokesman said \"{QUOTE},\" Reuters reported.",
                                  f"\"{ADDRESS_QUOTE},\" the president said in the address, Reuters reported.")
    plain = UNCREDITED.replace(f"The rebels' spokesman said by telephone that \"{QUOTE}\".",
                               f"\"{ADDRESS_QUOTE},\" the president said.")
    traces = trace.trace_origins([art("credit", crediting, "bbc.example"), art("plain", plain, "paper.example")], [])
    assert traces["plain"].origin == "plain"
    # the uncredited print names the public occasion itself, whatever the crediting sentence says
    told = CREDITING.replace("A rebel spokesman said", "A rebel spokesman told Reuters").replace(", Reuters reported", "")
    for said in ("told reporters at a news conference", "said in a statement", "wrote in the filing"):
        public = UNCREDITED.replace("said by telephone that", said)
        traces = trace.trace_origins([art("credit", told, "bbc.example"), art("plain", public, "paper.example")], [])
        assert traces["plain"].origin == "plain", said


def test_only_gathered_words_point_at_the_agency():
    # "told Reuters" says the agency got the words itself: the uncredited print rests on it
    told = CREDITING.replace("A rebel spokesman said", "A rebel spokesman told Reuters").replace(", Reuters reported", "")
    bare = UNCREDITED.replace("said by telephone that", "said")
    traces = trace.trace_origins([art("credit", told, "bbc.example"), art("plain", bare, "paper.example")], [])
    assert traces["plain"].origin == "wire:Reuters"
    # "X said ..., Reuters reported" and a print that says nothing of the occasion: the words may
    # have reached every desk (the tight reading), so no one agency is named
    traces = trace.trace_origins([art("credit", CREDITING, "bbc.example"), art("plain", bare, "paper.example")], [])
    assert traces["plain"].origin == "plain"


def test_occasion_words_are_read_outside_the_quotation():
    public_occasion, private_exchange = agency_quotes.public_occasion, agency_quotes.private_exchange
    assert public_occasion("\"Read my speech,\" he said in a televised address.")
    assert not public_occasion("\"We will hold a news conference tomorrow and read a statement,\" he told Reuters.")
    assert private_exchange("The spokesman said by telephone that \"they will come\".")
    assert not private_exchange("\"Call us by telephone,\" the spokesman said.")


def test_close_is_asked_once_per_crediting_report(monkeypatch):
    # a 30-word quotation has 23 runs of eight words; reports of another event that credit it are no
    # source (``close`` fails), and each (piece, crediting report) pair is still tested only once
    words = " ".join([*QUOTE.split(), "and", "then", *QUOTE.split()])
    elsewhere = (
        "Farmers in the northern valley harvested a record crop of apples this autumn.\n"
        "Prices at the market fell as growers brought in more fruit than expected.\n"
        "Cooperatives rented extra cold storage warehouses near the railway junction.\n"
        "Supermarket chains signed contracts for juice, cider and dried slices through spring.\n"
        "Seasonal pickers from neighbouring provinces earned bonuses for weekend shifts.\n"
        "Agronomists credited mild temperatures, steady rainfall and fewer orchard pests.\n"
        "Export licences for the valley's pears and plums were renewed by the ministry in October.\n"
        f"A grower said \"{words},\" Reuters reported.\n"
    )
    plain = UNCREDITED.replace(QUOTE, words) + (
        "Ambulances carried wounded civilians to the hospital beside the cathedral square.\n"
        "Shops along the waterfront stayed shuttered and ferries were cancelled until further notice.\n"
        "The government in the capital promised reinforcements within two days.\n"
        "Naval patrol boats circled the harbour mouth while helicopters flew over the docks.\n"
    )
    arts = [art(f"credit{i}", elsewhere, f"news{i}.example", 9 + i) for i in range(3)]
    arts.append(art("plain", plain, "paper.example", 13))
    tracer = trace._Tracer(arts, [])
    traces = tracer.run()
    assert traces["plain"].origin == "plain"
    # the pass alone again, counting what it asks ``close``
    calls: list[tuple[str, str]] = []
    close = trace._Tracer.close

    def counted(self: trace._Tracer, a: str, b: str) -> bool:
        calls.append((a, b))
        return close(self, a, b)

    monkeypatch.setattr(trace._Tracer, "close", counted)
    agency_quotes.agency_quotations(tracer, traces)
    assert traces["plain"].parent == "plain"
    asked = [c for c in calls if c[0] == "plain"]
    assert sorted(asked) == [("plain", f"credit{i}") for i in range(3)], asked


def test_own_staff_in_the_first_person_is_own_reporting():
    # the print is of the gathered kind ("by telephone"): only the piece's own correspondent keeps it
    own = UNCREDITED + "Our correspondent in Valmora saw hundreds of families leave by the coast road.\n"
    traces = trace.trace_origins([art("credit", CREDITING, "bbc.example"), art("plain", own, "paper.example")], [])
    assert traces["plain"].origin == "plain"
    from storyprism.reuse.credits import own_staff

    assert own_staff("Our correspondent in Valmora saw hundreds of people flee the port.")
    assert own_staff("Our Middle East correspondent reports that the road is closed.")
    assert own_staff("A fisherman told this newspaper that the boats stayed in.")
    assert not own_staff("\"Our reporters were detained at the border,\" the editor said.")
    assert not own_staff("Our hearts go out to the families, the mayor said.")
