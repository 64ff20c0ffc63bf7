"""Issue 10, fifteenth round: a piece whose two credits tie, one of them the interview its headline's
subject gave, rests on the interviewing outlet (reuse/interviews.py). Invented copy only: the signal
is a convention of the trade (a headline opens on the person whose words it reports; "X told
<outlet>" credits the interview X gave)."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse import trace
from storyprism.reuse.credits import Credit
from storyprism.reuse.interviews import headline_subject, interviewee, subject_interview, subject_interviews

RELAY = (
    "Film director Ada Brook has answered her lead actor's account of a stunt that went wrong on set.\n"
    "The actor described weeks of pain after the crash.\n"
    "The production company did not comment.\n"
    "\"I was scared the whole time,\" Carl Stone told The Daily Planet about the shoot.\n"
    "Brook told Screen Daily on Monday that the stunt was \"the worst mistake of my career.\"\n"
    "\"I should have listened to him,\" she added.\n"
)


def art(aid: str, text: str, title: str, outlet: str = "example.com") -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, raw_text=text, outlet=outlet,
                   url=f"https://www.{outlet}/{aid}", published="2022-03-01T10:00:00")


def test_headline_subject_is_the_opening_name_not_a_possessive():
    assert headline_subject("Ada Brook sounds off on the stunt that went wrong") == "Brook"
    assert headline_subject("Ada Brook: the stunt was my worst mistake") == "Brook"
    assert headline_subject("Carl Stone's stunt crash: what we know") is None
    assert headline_subject("the stunt crash explained") is None
    assert headline_subject(None) is None


def test_interviewee_reads_who_told_the_outlet():
    told = Credit("Screen Ledger", "told", "Brook told Screen Ledger on Monday that it was a mistake.", 4)
    said = Credit("Screen Ledger", "told", "In an interview with Screen Ledger, Brook said it was a mistake.", 4)
    reported = Credit("Screen Ledger", "reported", "Screen Ledger reported that Brook regrets it.", 4)
    assert interviewee(told) == "Brook"
    assert interviewee(said) == "Brook"
    assert interviewee(reported) is None


def test_the_headline_subjects_interview_breaks_a_tie_of_credits():
    planet = Credit("The Daily Planet", "told", "Carl Stone told The Daily Planet about the shoot.", 2)
    ledger = Credit("Screen Ledger", "told", "Brook told Screen Ledger on Monday that it was a mistake.", 4)
    title = "Ada Brook sounds off on the stunt that went wrong"
    assert subject_interview([planet, ledger], title) is ledger
    # the other person's interview when the headline opens on him
    assert subject_interview([planet, ledger], "Carl Stone opens up about the stunt") is planet
    # an outlet credited more often than the interview stays the tracer's business: no tie to break
    again = Credit("The Daily Planet", "according to", "The crash left him in pain, according to The Daily Planet.", 3)
    assert subject_interview([planet, again, ledger], title) is None
    # a headline on neither of them breaks nothing
    assert subject_interview([planet, ledger], "Stunt crash on film set: what we know") is None


def test_a_tied_relay_rests_on_the_interview_its_headline_reports():
    a = art("relay", RELAY, "Ada Brook sounds off on the stunt that went wrong")
    tracer = trace._Tracer([a], [])
    # two outlets credited once each: a tie the tracer's credit rules leave alone
    assert tracer.credit_parent("relay", []) is None
    traces = tracer.run()
    t = traces["relay"]
    subject_interviews(tracer, traces)  # (a second run of the pass, once the tracer calls it, changes nothing)
    assert t.parent == "outlet:Screen Daily"
    assert t.kind == "credited"
    assert any("headline's subject" in e for e in t.evidence)
    assert not any(p.startswith("conflicting credits") for p in t.problems)


def test_a_piece_that_reports_on_its_own_keeps_its_origin():
    own = RELAY + "Brook told Example News she would not work with stunt doubles again.\n"
    a = art("own", own, "Ada Brook sounds off on the stunt that went wrong", outlet="examplenews.com")
    tracer = trace._Tracer([a], [])
    traces = tracer.run()
    subject_interviews(tracer, traces)
    assert traces["own"].parent == "own"
