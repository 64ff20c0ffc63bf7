"""Issue 10, twelfth round: reports of an earlier happening of the same kind filed in a story (a run
of coverage that ended weeks before the story's own, told as a repeat by the story, whose ledes date
it then); pages of one site sharing a crawl stamp; a possessive after an outlet's name starts the
next phrase; an agency named in a page's date line; agency text two desks carry is no newsroom's
own piece. Invented copy only: the signals are conventions of the trade."""

from __future__ import annotations

from datetime import date

import pytest

from storyprism.records import Article
from storyprism.reuse.credits import article_signals
from storyprism.reuse.direction import batch_stamp_suspects
from storyprism.reuse.happening import RUN_GAP_DAYS, lede_day
from storyprism.reuse.text import split_sentences
from storyprism.reuse.topic import off_event_articles


def art(aid: str, text: str, published: str, outlet: str = "example.com") -> Article:
    return Article(id=aid, ref=aid, title="Ferry runs aground off the northern cape", text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/{aid}", published=published)


FIRST = "A ferry ran aground off the northern cape early on Tuesday, officials said. The crew was lifted to safety."
SECOND = "Another ferry ran aground off the northern cape on Friday, the second in three weeks. Nobody was hurt."


def story(first_run: list[tuple[str, str, str]]) -> list[Article]:
    """Six reports of the Friday grounding (1-3 June 2022) and the given earlier ones."""
    later = [art(f"s{k}", SECOND, f"2022-06-0{1 + k // 3}T0{k}:00:00") for k in range(6)]
    return [art(aid, text, when) for aid, text, when in first_run] + later


def test_lede_day_reads_the_happenings_day_against_the_stamp():
    # 17 May 2022 was a Tuesday: "early on Tuesday" on a page stamped that Tuesday evening
    assert lede_day(FIRST, "2022-05-17T20:00:00") == date(2022, 5, 17)
    # stamped the evening before in UTC (the happening's clock runs ahead): not a week back
    assert lede_day(FIRST, "2022-05-16T21:00:00") == date(2022, 5, 17)
    assert lede_day("The ferry left the harbour on May 3, 2022, the coastguard said.", None) == date(2022, 5, 3)
    # a date deep in the body is background, not the lede's
    deep = "A ferry ran aground. The crew was safe. Tugs were sent. The last grounding was on May 3, 2022."
    assert lede_day(deep, "2022-06-01T00:00:00") is None


def test_an_earlier_run_of_reports_is_another_happening():
    arts = story([("e1", FIRST, "2022-05-17T20:00:00"), ("e2", FIRST, "2022-05-18T08:00:00")])
    found = off_event_articles([[a.id for a in arts]], arts)
    assert set(found) == {"e1", "e2"}
    assert "earlier happening" in found["e1"] and "2022-05-17" in found["e1"]


def test_a_story_whose_reports_tell_no_repeat_keeps_its_earlier_run():
    # an announcement weeks before the unveiling it announced: the later reports never say "another"
    unveiled = "The ferry operator unveiled its new vessel at the northern cape on Friday. Crowds watched."
    announced = "The ferry operator will build a new vessel for the northern cape route, it said on Tuesday."
    arts = [art("e1", announced, "2022-05-17T20:00:00"), art("e2", announced, "2022-05-18T08:00:00")]
    arts += [art(f"s{k}", unveiled, f"2022-06-0{1 + k // 3}T0{k}:00:00") for k in range(6)]
    assert off_event_articles([[a.id for a in arts]], arts) == {}
    # one report of the run saying "another" is a side remark, not the story's frame
    arts[2] = art("s0", SECOND, "2022-06-01T00:00:00")
    assert off_event_articles([[a.id for a in arts]], arts) == {}
    arts[3] = art("s1", SECOND, "2022-06-01T01:00:00")
    assert set(off_event_articles([[a.id for a in arts]], arts)) == {"e1", "e2"}


def test_a_steady_run_of_coverage_stays_one_happening():
    # reports every week or so, as a breach disclosed and then updated: no pause of RUN_GAP_DAYS
    assert RUN_GAP_DAYS > 9
    arts = story([("e1", FIRST, "2022-05-15T20:00:00"), ("e2", FIRST, "2022-05-23T08:00:00")])
    assert off_event_articles([[a.id for a in arts]], arts) == {}


def test_an_early_report_whose_lede_names_the_storys_day_is_about_it():
    preview = "The ferry operator will move its vessels on June 1, 2022, ahead of the storm, it said."
    arts = story([("p", preview, "2022-05-10T08:00:00"), ("e1", FIRST, "2022-05-17T20:00:00")])
    found = off_event_articles([[a.id for a in arts]], arts)
    assert "p" not in found and "e1" in found


def test_an_earlier_report_tied_to_the_storys_own_run_is_left_alone():
    arts = story([("e1", FIRST, "2022-05-17T20:00:00"), ("e2", FIRST, "2022-05-18T08:00:00")])
    # a report of the story's run rewrote e1 (an old scoop it follows): e1 stays; e2's tie to e1 does not count
    found = off_event_articles([[a.id for a in arts]], arts, parents={"s3": "e1", "e2": "e1"})
    assert "e1" not in found and "e2" in found


def test_one_site_pages_sharing_a_suspect_pages_stamp_share_its_suspicion():
    stamp = "2022-09-30T21:37:00"
    arts = {a.id: a for a in [art("a", FIRST, stamp, "rt.example"), art("b", SECOND, stamp, "rt.example"),
                               art("c", SECOND, stamp, "other.example"), art("d", SECOND, "2022-09-30T21:38:00", "rt.example")]}
    suspect: dict[str, str | None] = {aid: None for aid in arts}
    suspect["a"] = "published date is months after the newest post its text embeds"
    found = batch_stamp_suspects(arts, suspect)
    assert set(found) == {"b"} and "very stamp" in found["b"]  # not another site (c), nor another second (d)
    # a date-only stamp is a day many pages share: no batch
    day = {a.id: a for a in [art("a", FIRST, "2022-09-30", "rt.example"), art("b", SECOND, "2022-09-30", "rt.example")]}
    assert batch_stamp_suspects(day, {"a": "x", "b": None}) == {}


def test_a_possessive_after_an_outlets_name_starts_the_next_phrase():
    text = ("The defence minister spoke on Friday. But one professor told Harbour News Abe's critics were angry "
            "about the delay.")
    own = article_signals(text, "https://www.harbournews.com/a", "harbournews.com", split_sentences(text))
    assert not own.credits and own.own_reporting  # its own outlet: own reporting, no credit to "Harbour News Abe's"
    other = article_signals(text, "https://www.coastpost.com/a", "coastpost.com", split_sentences(text))
    assert [c.name for c in other.credits] == ["Harbour News"]


def test_an_agency_named_as_the_source_field_of_the_date_line_is_a_wire_mark():
    from storyprism.reuse.credits import wire_signals

    wire, evidence, _ = wire_signals("Port reopens after storm\nXinhua | Updated: 2019-03-03 17:52\nBEIJING -- A port "
                                     "reopened.", "https://www.example.com.cn/world/1.htm")
    assert wire == "Xinhua" and "date line" in evidence[0]
    # a section name in that field names no agency
    assert wire_signals("Port reopens\nWorld | Updated: 2019-03-03 17:52\nA port reopened.", None)[0] is None


def test_three_pages_of_one_site_sharing_a_stamp_are_a_crawl_batch():
    stamp = "2022-09-30T21:37:00"
    three = {a.id: a for a in [art(k, FIRST, stamp, "rt.example") for k in "abc"]}
    found = batch_stamp_suspects(three, {k: None for k in three})
    assert set(found) == {"a", "b", "c"} and all("crawl batch" in r for r in found.values())
    # two pages in one second, none known wrong: no evidence
    two = {a.id: a for a in [art(k, FIRST, stamp, "rt.example") for k in "ab"]}
    assert batch_stamp_suspects(two, {k: None for k in two}) == {}


def test_the_tracer_marks_a_crawl_batch_on_the_articles_it_traces():
    from storyprism.reuse import trace_origins

    stamp = "2022-09-30T21:37:00"
    arts = [art(k, FIRST if k == "a" else SECOND + f" Page {k}.", stamp, "rt.example") for k in "abc"]
    traces = trace_origins(arts, [])
    assert all(t.published_suspect and "crawl batch" in t.published_suspect for t in traces.values())


AGENCY = [
    "The race was suspended on lap twenty after the leading car crashed out in heavy rain at the circuit.",
    "The veteran driver lost control of his car as the race restarted following an earlier crash in the pit lane.",
    "The deciding race of the championship started behind the safety car after persistent rain over the city.",
    "Marshals needed almost an hour to clear the wreckage from the main straight before the restart was given.",
]


def test_agency_text_two_desks_carry_is_no_piece_of_a_newsroom():
    from storyprism.reuse.lineage import carried_elsewhere, newsroom_pieces

    mail = art("mail", "\n".join([*AGENCY, "Pictured: the car is lifted from the track by a crane after the crash."]),
               "2022-11-13T17:43:00", "harbourmail.com")
    mirror = art("mirror", "\n".join(["The race descended into farce when it was stopped for a second time in the wet.",
                                      *AGENCY[1:]]), "2022-11-13T18:07:00", "coastmirror.com")
    follow = art("follow", "The champion praised his rival after the race. He said the rain had been the worst he had "
                 "seen in years. Fans waited in the stands for hours.", "2022-11-13T21:00:00", "harbourmail.com")
    later = art("later", "The team boss said the young driver had nerves of steel. The save was replayed all evening. "
                "Fans cheered the move.", "2022-11-14T09:00:00", "harbourmail.com")
    assert carried_elsewhere(mail, [mirror, follow, later]) is mirror
    assert carried_elsewhere(follow, [mail, mirror, later]) is None
    story = [[a.id for a in (mail, mirror, follow, later)]]
    kinds = {"mail": "self", "mirror": "edited", "follow": "self", "later": "self"}
    # the newsroom's own pieces join each other, not the agency text its desk carried
    assert newsroom_pieces(story, [mail, mirror, follow, later], kinds) == {"later": "follow"}
    # a day apart, the same text is no longer one carriage
    late_mirror = art("mirror", mirror.text, "2022-11-15T18:07:00", "coastmirror.com")
    assert carried_elsewhere(mail, [late_mirror]) is None


def test_headline_similarities_in_blocks_equal_one_pass(monkeypatch) -> None:
    """The off-topic test encodes headlines and bodies a block of articles at a time, so its memory
    stays flat with the corpus; the similarities must not depend on the block size."""
    from storyprism.reuse import topic

    rows = [
        ("Council weighs harbour bridge repair options", ["The council met on Monday about the bridge.",
                                                          "Repairs could cost four million."]),
        ("Singer announces farewell tour", ["The singer will play two nights in the capital."]),
        ("Storm closes coastal roads", ["Heavy rain flooded the coast road.", "Schools shut early.",
                                        "The storm moves north tonight."]),
    ]
    whole = topic._best_similarity(rows)
    monkeypatch.setattr(topic, "SIMILARITY_BLOCK", 1)
    blocks = topic._best_similarity(rows)
    assert whole is not None and blocks is not None and len(blocks) == 3
    assert blocks == pytest.approx(whole, abs=1e-6)
    assert whole[0] > 0.3  # a body about the headline's bridge restates it
