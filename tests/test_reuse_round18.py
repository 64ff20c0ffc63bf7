"""Issue 10, eighteenth round: a piece that says it relays reports it does not name ("according to
reports") and prints an earlier report's narrative sentence almost word for word rests on that report
(reuse/unnamed_relays.py). Invented copy only: the signal is how a desk that did not report writes a
story up (it admits the facts came from reports; the sentence it printed says whose)."""

from __future__ import annotations

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse import trace
from storyprism.reuse.credits import relay_admissions
from storyprism.reuse.lineage import pasted_alignments, pasted_sentences

STAFF_LINE = ("A delivery van packed with explosives apparently started the assault at the depot's "
              "outer gate, followed by a fire inside the warehouse.")
RELAY_LINE = ("A lorry packed with explosives apparently started the assault at the depot's "
              "outer gate, followed by a fire inside the warehouse.")
OTHER_LINE = ("The harbour authority closed the northern quay to shipping for the rest of the week "
              "while divers searched the water.")

STAFF = (
    "Attackers struck a fuel depot in the river town of Orlen late on Thursday, officials said.\n"
    f"{STAFF_LINE}\n"
    "The regional governor's office said two guards were killed and nine people were taken to hospital.\n"
    "Firefighters from three districts fought the blaze until dawn.\n"
)

RELAY = (
    "An explosion and a fire hit a fuel depot in Orlen on Thursday night.\n"
    f"{RELAY_LINE}\n"
    "The blast was followed by gunfire according to reports on the ground.\n"
    "Two people are thought to have died.\n"
)


def art(aid: str, text: str, outlet: str, hour: int) -> Article:
    return Article(id=aid, ref=aid, title="Attack on fuel depot in Orlen", text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/world/{aid}", published=f"2022-05-05T{hour:02d}:00:00")


def shared(source: str, copy: str, source_line: str, copy_line: str) -> Reuse:
    # the relation the detector leaves between two reports sharing one line (reuse/detect.py)
    return Reuse(source=source, copy=copy, kind="shared-source", coverage=0.25, score=0.24,
                 alignments=[Alignment(source_sentence=source_line, copy_sentence=copy_line, similarity=0.93,
                                       source_index=1, copy_index=1)])


def test_a_piece_relaying_unnamed_reports_rests_on_the_report_it_prints():
    arts = [art("staff", STAFF, "times.example", 9), art("relay", RELAY, "express.example", 20)]
    traces = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])
    t = traces["relay"]
    assert t.origin == "staff"
    assert t.kind == "rewrite"
    assert any("does not name" in e and "times.example" in e for e in t.evidence)
    # the unnamed credit is followed now: not left as an unresolved problem
    assert not any("does not name" in p for p in t.problems)
    assert traces["staff"].origin == "staff"


def test_without_the_admission_one_shared_sentence_moves_nothing():
    # independent reports reuse one stock line: a single shared sentence is no derivation
    plain = RELAY.replace("according to reports on the ground", "at about midnight")
    arts = [art("staff", STAFF, "times.example", 9), art("relay", plain, "express.example", 20)]
    traces = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])
    assert traces["relay"].origin == "relay"


def test_the_report_must_come_first():
    # a report printed after the piece cannot be what the piece relayed
    arts = [art("staff", STAFF, "times.example", 21), art("relay", RELAY, "express.example", 20)]
    traces = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])
    assert traces["relay"].origin == "relay"


def test_a_quoted_or_reworded_sentence_is_no_print():
    quoted = 'A witness said "a lorry packed with explosives started the assault at the outer gate of the depot".'
    loose = "Explosives in a vehicle seem to have begun the attack near the gate, and then the warehouse burned."
    for line in (quoted, loose):
        arts = [art("staff", STAFF, "times.example", 9), art("relay", RELAY.replace(RELAY_LINE, line), "express.example", 20)]
        traces = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, line)])
        assert traces["relay"].origin == "relay"


def test_a_piece_printing_two_origins_lines_names_no_one_source():
    other = (
        "Shipping stopped on the river after the attack on the depot in Orlen.\n"
        f"{OTHER_LINE}\n"
        "Port officials gave no date for reopening.\n"
    )
    relay = RELAY + OTHER_LINE + "\n"
    arts = [art("staff", STAFF, "times.example", 9), art("port", other, "herald.example", 10),
            art("relay", relay, "express.example", 20)]
    reuses = [shared("staff", "relay", STAFF_LINE, RELAY_LINE), shared("port", "relay", OTHER_LINE, OTHER_LINE)]
    traces = trace.trace_origins(arts, reuses)
    assert traces["relay"].origin == "relay"


def test_a_piece_with_its_own_credit_or_reporting_is_left_to_those_rules():
    own = RELAY + "A guard told the Express Herald that the gate had been left open.\n"
    arts = [art("staff", STAFF, "times.example", 9), art("relay", own, "expressherald.example", 20)]
    traces = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])
    assert traces["relay"].origin == "relay"


# ---------------------------------------------------------------- review 3 mends (H1-M4, L1-L5)

ADMIT = "The blast was followed by gunfire according to reports on the ground."


def relay_with(admission: str, line: str = RELAY_LINE) -> str:
    return ("An explosion and a fire hit a fuel depot in Orlen on Thursday night.\n"
            f"{line}\n{admission}\nTwo people are thought to have died.\n")


def at(aid: str, text: str, outlet: str, published: str) -> Article:
    return Article(id=aid, ref=aid, title="Attack on fuel depot in Orlen", text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/world/{aid}", published=published)


def relay_origin(admission: str, staff_hour: int = 9, relay_hour: int = 20) -> str:
    arts = [art("staff", STAFF, "times.example", staff_hour), art("relay", relay_with(admission), "express.example", relay_hour)]
    return trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"].origin


def test_relay_admissions_reads_only_the_writers_own_admission_of_unnamed_reports():
    assert relay_admissions([ADMIT]) == [ADMIT]
    assert relay_admissions(["According to reports, he was shot at the gate."])  # the clause starts after the comma
    assert relay_admissions(["Media reported on Friday that two people died."])  # capitalised, a weekday after
    for s in ("According to sources familiar with the inquiry, the gate was open.",
              "According to police reports, two guards were on duty.",
              "The governor denied media reports that the guards fled.",
              "\u201cAccording to media reports we lost two men, but I cannot confirm it,\u201d the mayor said."):
        assert relay_admissions([s]) == []
    # a bare credit line names its outlet on the next line: nothing is unnamed
    assert relay_admissions([ADMIT, "Source:", "Orlen Courier"]) == []


def test_sources_named_reports_denials_and_quotations_admit_no_relay():  # H1
    for s in ("According to sources familiar with the investigation, the gate had been left open.",
              "According to reports he had filed with the district office, the guard had warned of the risk.",
              "According to reports from police at the scene, the gate had been left open.",
              "According to a report released on Friday by the Ministry of Energy, the depot had failed checks.",
              "According to a report published by the state auditor, the depot had failed two inspections.",
              "The governor denied media reports that the guards had fled.",
              "Social media reports showed smoke over the river.",
              "\u201cAccording to media reports we lost two men, but I cannot confirm it,\u201d the mayor told reporters."):
        assert relay_origin(s) == "relay", s
    # the broad reading still writes the problem note for an anonymous source
    arts = [art("staff", STAFF, "times.example", 9),
            art("relay", relay_with("According to sources, the gate had been left open."), "express.example", 20)]
    t = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"]
    assert any("does not name" in p for p in t.problems)


def test_an_older_report_of_another_cycle_is_no_parent():  # H2 (1)
    arts = [at("staff", STAFF, "times.example", "2022-05-01T09:00:00"),
            at("relay", relay_with(ADMIT), "express.example", "2022-05-05T20:00:00")]
    assert trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"].origin == "relay"


def test_a_piece_with_a_quotation_the_report_lacks_reported_for_itself():  # H2 (2)
    quote = "\u201cThe whole sky turned orange and the windows shook,\u201d a neighbour told reporters at the gate.\n"
    arts = [art("staff", STAFF, "times.example", 9), art("relay", relay_with(ADMIT) + quote, "express.example", 20)]
    reuses = [shared("staff", "relay", STAFF_LINE, RELAY_LINE)]
    assert trace.trace_origins(arts, reuses)["relay"].origin == "relay"
    # the same quotation in the report: nothing of its own, the report is the parent
    arts[0] = art("staff", STAFF + quote, "times.example", 9)
    assert trace.trace_origins(arts, reuses)["relay"].origin == "staff"


def test_the_report_must_be_strictly_earlier():  # M1
    assert relay_origin(ADMIT, staff_hour=20, relay_hour=20) == "relay"  # the same minute
    for staff_day, origin in (("2022-05-05", "relay"), ("2022-05-04", "staff")):  # date-only: an earlier day
        arts = [at("staff", STAFF, "times.example", staff_day),
                at("relay", relay_with(ADMIT), "express.example", "2022-05-05T01:00:00")]
        assert trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"].origin == origin


def test_a_short_stock_line_inside_a_long_sentence_is_no_print():  # M2
    short = "Two guards were killed."
    long = ("Two guards were killed, and the fire spread to a row of grain stores beside the river before "
            "crews arrived from the city.")
    arts = [art("staff", STAFF.replace(STAFF_LINE, short), "times.example", 9),
            art("relay", relay_with(ADMIT, long), "express.example", 20)]
    assert trace.trace_origins(arts, [shared("staff", "relay", short, long)])["relay"].origin == "relay"


def test_an_outlet_named_in_an_unusual_form_is_named():  # M3
    for s in ("According to a report on Channel 5, the gate had been left open.",
              "According to reports by the news site orlentoday.com, the gate had been left open.",
              "According to local media, including the daily Orlen Courier, the gate had been left open.",
              "Local media reported, citing the broadcaster Radio Orlen, that the gate had been left open."):
        assert relay_origin(s) == "relay", s
    arts = [art("staff", STAFF, "times.example", 9),
            art("relay", relay_with(ADMIT) + "Source:\nOrlen Courier\n", "express.example", 20)]
    assert trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"].origin == "relay"


def test_agency_copy_marks_exclude_the_piece():  # M4
    for tail in ("Reuters contributed to this report.\n", "- Agencies\n"):
        arts = [art("staff", STAFF, "times.example", 9), art("relay", relay_with(ADMIT) + tail, "express.example", 20)]
        t = trace.trace_origins(arts, [shared("staff", "relay", STAFF_LINE, RELAY_LINE)])["relay"]
        assert t.origin == "relay", tail


def test_a_public_posts_line_is_no_print_and_pasted_sentences_counts_the_same():  # L1
    post = ("Our thoughts are with the families of the two guards who lost their lives at the Orlen depot tonight "
            "@OrlenGov")
    early = STAFF + f"The governor wrote on Twitter:\n{post}\n"
    piece = relay_with(ADMIT).replace(RELAY_LINE + "\n", "") + f"The governor posted on Twitter:\n{post}\n"
    r = Reuse(source="staff", copy="relay", kind="shared-source", coverage=0.2, score=0.2,
              alignments=[Alignment(source_sentence=post, copy_sentence=post, similarity=0.99, source_index=5, copy_index=4)])
    arts = [art("staff", early, "times.example", 9), art("relay", piece, "express.example", 20)]
    assert trace.trace_origins(arts, [r])["relay"].origin == "relay"
    assert pasted_sentences(r, early, piece) == len(pasted_alignments(r, early, piece)) == 1
    assert pasted_sentences(r, early, piece, posts=False) == 0


def test_a_tie_between_an_origin_and_its_copy_names_the_origin():  # L2
    identical = Reuse(source="w-wire", copy="c-copy", kind="identical", coverage=1.0, score=1.0, alignments=[
        Alignment(source_sentence=s, copy_sentence=s, similarity=1.0, source_index=i, copy_index=i)
        for i, s in enumerate(STAFF.strip().splitlines())])
    arts = [art("w-wire", STAFF, "wire.example", 8), art("c-copy", STAFF, "daily.example", 9),
            art("relay", relay_with(ADMIT), "express.example", 20)]
    traces = trace.trace_origins(arts, [identical, shared("w-wire", "relay", STAFF_LINE, RELAY_LINE),
                                        shared("c-copy", "relay", STAFF_LINE, RELAY_LINE)])
    assert traces["relay"].parent == "w-wire"


def test_a_relation_of_the_piece_with_itself_is_ignored():  # L3
    arts = [art("staff", STAFF, "times.example", 9), art("relay", relay_with(ADMIT), "express.example", 20)]
    reuses = [shared("staff", "relay", STAFF_LINE, RELAY_LINE), shared("relay", "relay", RELAY_LINE, RELAY_LINE)]
    assert trace.trace_origins(arts, reuses)["relay"].origin == "staff"


def test_capitalised_media_reported_is_an_admission():  # L4
    assert relay_origin("Media reported that two people died in the fire.") == "staff"


def test_the_result_does_not_hang_on_ids():  # L5
    c2 = ("The regional governor's office said two guards were killed and nine people were taken to hospital "
          "in the city overnight.")
    b2 = ("Nine people were taken to hospital in the city overnight and two guards were killed, the regional "
          "governor's office said.")
    c_text = f"Attackers struck a fuel depot in Orlen late on Thursday.\n{STAFF_LINE}\n{c2}\n"
    b_text = f"An explosion hit a fuel depot in Orlen on Thursday night.\n{RELAY_LINE}\n{ADMIT}\n{b2}\n"
    x_text = f"A fuel depot in Orlen was attacked.\n{RELAY_LINE}\n{ADMIT}\n{b2}\n"
    for xid in ("a-piece", "z-piece"):
        arts = [art("c-staff", c_text, "times.example", 9), art("m-relay", b_text, "express.example", 12),
                art(xid, x_text, "post.example", 20)]
        reuses = [shared("c-staff", "m-relay", STAFF_LINE, RELAY_LINE), shared("c-staff", xid, STAFF_LINE, RELAY_LINE),
                  shared("m-relay", xid, b2, b2)]
        assert trace.trace_origins(arts, reuses)[xid].origin == "c-staff", xid
