"""Issue 10, eighteenth round: a piece that says it relays reports it does not name ("according to
reports") and prints an earlier report's narrative sentence almost word for word rests on that report
(reuse/unnamed_relays.py). Invented copy only: the signal is how a desk that did not report writes a
story up (it admits the facts came from reports; the sentence it printed says whose)."""

from __future__ import annotations

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse import trace

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
