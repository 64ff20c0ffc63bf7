"""Issue 10, fourteenth round: reports printed weeks after a story's own run of coverage whose ledes
date another happening (a later one of the same kind, or an earlier one a late piece is keyed to);
the tracer's multi-article passes moved to reuse/passes.py. Invented copy only: the signals are
conventions of the trade (a lede says when; a calendar date holds whatever the page's stamp says)."""

from __future__ import annotations

from storyprism.records import Article, Reuse
from storyprism.reuse import happening, passes, trace
from storyprism.reuse.direction import parse_time
from storyprism.reuse.happening import later_reports
from storyprism.reuse.topic import off_event_articles


def art(aid: str, text: str, published: str, title: str = "Ferry runs aground off the northern cape",
        outlet: str = "example.com") -> Article:
    return Article(id=aid, ref=aid, title=title, text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/{aid}", published=published)


# the story's own run: the second grounding in a month, told as a repeat by its reports
OWN = "Another ferry ran aground off the northern cape on Friday, the second in a month. Nobody was hurt."
LATER = ("NORTH CAPE, July 8 (Wire) - A third ferry ran aground off the northern cape on Friday. "
         "The coastguard said the crew was safe.")
EARLIER_KEYED = ("A ferry is towed off the rocks in this photo released on May 2, 2022. "
                 "Shipping on the cape has long worried the islanders, who want a new lighthouse.")
CRAWLED = "A ferry ran aground off the northern cape on Friday. Nobody was hurt, the coastguard said."
AFTERMATH = ("The ferry that ran aground off the northern cape on June 3 was refloated on Monday. "
             "Its owner said repairs would take a month.")


def own_run() -> list[Article]:
    """Six reports of the Friday grounding (1-3 June 2022)."""
    return [art(f"s{k}", OWN, f"2022-06-0{1 + k // 3}T0{k}:00:00") for k in range(6)]


def test_a_report_dated_by_its_lede_weeks_after_the_run_is_a_later_happening():
    arts = [*own_run(), art("late", LATER, "2022-07-08T09:00:00")]
    found = off_event_articles([[a.id for a in arts]], arts)
    assert set(found) == {"late"}
    assert "later happening" in found["late"] and "2022-07-08" in found["late"]


def test_a_late_piece_whose_lede_dates_a_happening_weeks_before_the_run_is_off_event():
    arts = [*own_run(), art("oped", EARLIER_KEYED, "2022-07-20T09:00:00")]
    found = off_event_articles([[a.id for a in arts]], arts)
    assert set(found) == {"oped"} and "earlier happening" in found["oped"]


def test_a_weekday_read_against_a_late_stamp_is_no_evidence():
    # a crawl-dated copy of the story's own report: "on Friday" moves with the stamp, so it says nothing
    arts = [*own_run(), art("crawl", CRAWLED, "2022-07-22T09:00:00")]
    assert off_event_articles([[a.id for a in arts]], arts) == {}


def test_an_aftermath_whose_lede_names_the_runs_day_stays():
    arts = [*own_run(), art("after", AFTERMATH, "2022-07-25T09:00:00")]
    assert off_event_articles([[a.id for a in arts]], arts) == {}


def test_an_agency_dated_aftermath_not_told_as_a_repeat_stays():
    # the dateline writes the stamp's day on any agency copy: without "another", "again", "a third"
    # in its own headline or lede a late report is the story's aftermath (repairs, a lawsuit)
    aftermath = ("NORTH CAPE, July 8 (Wire) - The owner of the ferry that ran aground off the northern cape "
                 "said repairs would cost two million. Its crew is back at work.")
    arts = [*own_run(), art("owner", aftermath, "2022-07-08T09:00:00", title="Ferry owner counts the cost")]
    assert off_event_articles([[a.id for a in arts]], arts) == {}


def test_a_story_not_told_as_a_repeat_keeps_its_later_reports():
    # without the repeat frame a late dated report may be the same happening's next step
    plain = "A ferry ran aground off the northern cape on Friday. Nobody was hurt."
    arts = [*(art(f"s{k}", plain, f"2022-06-0{1 + k // 3}T0{k}:00:00") for k in range(6)),
            art("late", LATER, "2022-07-08T09:00:00")]
    assert off_event_articles([[a.id for a in arts]], arts) == {}


def test_a_later_report_tied_to_the_run_stays():
    arts = [*own_run(), art("late", LATER, "2022-07-08T09:00:00")]
    dated = {a.id: t for a in arts if (t := parse_time(a.published)) is not None}
    texts = {a.id: (a.title or "", a.text or "", a.published) for a in arts}
    assert set(later_reports(dated, texts, {})) == {"late"}
    assert later_reports(dated, texts, {"late": {"s0"}}) == {}


def test_the_tracer_passes_live_in_their_own_module():
    # the split kept one behaviour: a quote-only rewrite of wire copy still rests on that copy
    src = art("a", 'HARBOR CITY (AP) — The mayor said "we will rebuild the pier before the summer season" on Monday.',
              "2022-06-01T08:00:00", outlet="first.example")
    cp = art("b", 'Officials spoke on Monday. The mayor said "we will rebuild the pier before the summer season".',
             "2022-06-01T12:00:00", outlet="second.example")
    rel = Reuse(source="a", copy="b", kind="shared-source", coverage=0.5, score=0.4)
    traces = trace.trace_origins([src, cp], [rel])
    assert traces["a"].origin == "wire:AP"
    assert traces["b"].parent == "a" and traces["b"].kind == "rewrite" and traces["b"].origin == "wire:AP"
    assert passes.quote_only_rewrites.__module__ == "storyprism.reuse.passes"
    assert not hasattr(trace._Tracer, "_quote_only_rewrites")


# ------------------------------------------------------------ review: a happening older than its run

BREACH_TITLE = "Norvex hit by second data breach this year"
# the run (10-13 June) reports a breach its ledes date to 20 May: disclosed three weeks after it happened
BREACH = ("Norvex said on Monday that hackers took customer records in a data breach discovered on May 20, "
          "its second this year. The company apologised.")
OLD_LAWSUIT = ("The April 2 breach at Norvex exposed the records of two million customers, according to a lawsuit "
               "filed on Monday. The plaintiffs seek damages.")


def _breach_story(late: str) -> dict[str, str]:
    arts = [*(art(f"s{k}", BREACH, f"2022-06-1{k}T09:00:00", title=BREACH_TITLE) for k in range(4)),
            art("late", late, "2022-07-15T09:00:00", title="Customers sue Norvex over breach")]
    dated = {a.id: t for a in arts if (t := parse_time(a.published)) is not None}
    texts = {a.id: (a.title or "", a.text or "", a.published) for a in arts}
    return later_reports(dated, texts, {})


def test_a_late_report_dated_weeks_before_the_run_is_off_event():
    found = _breach_story(OLD_LAWSUIT)
    assert set(found) == {"late"} and "2022-04-02" in found["late"]


def test_earlier_and_later_runs_share_one_run_finder():
    stamps = ["2022-05-01", "2022-05-02", "2022-06-01", "2022-06-02", "2022-06-03", "2022-07-20"]
    dated = {f"m{k}": parse_time(f"{d}T09:00:00") for k, d in enumerate(stamps)}
    order, start, end = happening._own_run({k: v for k, v in dated.items() if v is not None})
    assert order[start:end + 1] == ["m2", "m3", "m4"]
