"""Publication dates inferred from story context (real extraction of date mentions, no mocks)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

from storyprism.extract import ExtractOptions, extract_articles
from storyprism.extract.context_dates import infer_dates_from_context
from storyprism.records import Article, DateMention, Story

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
ONLY_DATES = ExtractOptions(quotes=False, names=False, numbers=False)


def _run(articles: list[Article], stories: list[Story]) -> dict[str, str]:
    """Extract date mentions as the stage does, then infer from context."""
    extraction = extract_articles(articles, ONLY_DATES)
    articles = [
        dataclasses.replace(a, published=extraction.inferred_published.get(a.id, a.published))
        for a in articles
    ]
    return infer_dates_from_context(articles, stories, extraction.dates)


def _art(aid: str, text: str, published: str | None = None) -> Article:
    return Article(id=aid, ref=aid, title="", text=text, published=published)


def _weekday_in_month(year: int, month: int, wd: int, last: bool = False) -> date:
    days = [date(year, month, 1) + timedelta(days=k) for k in range(31)]
    hits = [d for d in days if d.month == month and d.weekday() == wd]
    return hits[-1] if last else hits[0]


# --------------------------------------------------------------------------- the seeds


def test_seeds_same_event_and_later_event():
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, body = path.read_text(encoding="utf-8").split("\n", 1)
        arts.append(Article(id=path.stem.split("_")[0], ref=str(path), title=title, text=body))
    stories = [
        Story("s-event", "Xi backs Putin", ["000", "001", "003", "004"], storyline="l-1"),
        Story("s-later", "Putin to visit Beijing", ["002"], storyline="l-1"),
    ]
    found = _run(arts, stories)
    assert found.get("000") == "2021-12-15"  # "on Wednesday reportedly said": the anchors' Wednesday
    assert found.get("003") == "2021-12-15"  # no weekday at all: the story's earliest anchor
    # "in February ... opening ceremony" + "will visit on Friday, the opening day" + "said on Wednesday"
    assert found.get("002") == "2022-02-02"
    assert "001" not in found and "004" not in found  # dated from their own text: anchors only


def test_follow_up_clustered_with_the_event_it_continues_still_gets_its_own_day():
    """Undated, the follow-up (002) lands in the first event's story; its forward-reference match wins."""
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, body = path.read_text(encoding="utf-8").split("\n", 1)
        arts.append(Article(id=path.stem.split("_")[0], ref=str(path), title=title, text=body))
    one_story = [Story("s-all", "Xi backs Putin", ["000", "001", "002", "003", "004"], storyline="l-1")]
    found = _run(arts, one_story)
    assert found.get("000") == "2021-12-15"
    assert found.get("002") == "2022-02-02"


# --------------------------------------------------------------------------- rule 1: same event


def test_past_weekday_inside_anchor_window_wins_and_anchors_never_change():
    arts = [
        _art("a", "The minister resigned, officials said.", "2024-03-05"),  # a Tuesday
        _art("b", "The minister resigned on Tuesday.", "2024-03-06T10:00:00"),
        _art("c", "The minister has resigned.", "2024-03-06"),
        _art("u", "Officials said on Wednesday the minister quit. Talks were held on Monday."),
        _art("v", "The finance minister resigned, the party said on Friday."),  # Friday Mar 1: before window
        _art("w", "No day named at all."),
    ]
    found = _run(arts, [Story("s", "t", ["a", "b", "c", "u", "v", "w"])])
    # u: its Wednesday; v and w: the day two of the three anchors carry
    assert found == {"u": "2024-03-06", "v": "2024-03-06", "w": "2024-03-06"}
    tie = [a for a in arts if a.id != "c"]  # one anchor per day: no day has the two anchors needed
    assert _run(tie, [Story("s", "t", ["a", "b", "u", "v", "w"])]) == {"u": "2024-03-06"}


def test_lone_anchor_dates_only_a_weekday_mention():
    arts = [
        _art("a", "x", "2024-03-07"),  # a Thursday
        _art("u", "The court ruled on Tuesday, lawyers said."),
        _art("w", "The court ruled, lawyers said."),
    ]
    assert _run(arts, [Story("s", "t", ["a", "u", "w"])]) == {}  # Tuesday Mar 5 is outside [Mar 7, Mar 7]
    assert _run(
        [arts[0], _art("u", "Lawyers said on Thursday the court ruled.")], [Story("s", "t", ["a", "u"])]
    ) == {"u": "2024-03-07"}


def test_future_weekday_is_not_an_event_day():
    arts = [
        _art("a", "x", "2024-03-05"),
        _art("b", "x", "2024-03-07"),
        _art("c", "x", "2024-03-07"),
        _art("u", "Parliament will vote on Thursday, the speaker said on Tuesday."),
    ]
    # the Thursday vote is not the event day; the Tuesday statement is
    assert _run(arts, [Story("s", "t", ["a", "b", "c", "u"])]) == {"u": "2024-03-05"}


def test_no_anchor_or_too_wide_window_gives_nothing():
    lonely = [_art("u", "The mayor said on Wednesday that the bridge will reopen.")]
    assert _run(lonely, [Story("s", "t", ["u"])]) == {}
    wide = [_art("a", "x", "2024-03-01"), _art("b", "x", "2024-03-20"), lonely[0]]
    assert _run(wide, [Story("s", "t", ["a", "b", "u"])]) == {}
    assert _run(lonely, []) == {}  # in no story at all


def test_bad_input_gives_fewer_dates_not_errors():
    arts = [_art("a", "x", "not a date"), _art("u", "said on Monday")]
    junk = [
        DateMention("u", "on Monday", None, "day", True, "", -1, -1),
        DateMention("a", "in February", "garbage", "month", True, "in February", 0, 11),
        DateMention("zz", "", None, "day", True, "", -1, -1),
    ]
    stories = [Story("s", "t", ["a", "u", "ghost"], storyline="l"), Story("s2", "t", ["u"], storyline="l")]
    assert infer_dates_from_context(arts, stories, junk) == {}
    # a malformed month from upstream on an otherwise matching forward reference
    sentence = "Leaders will meet at the opening of the Global Climate Summit in Geneva in February."
    arts = [_art("a", "x", "2021-12-01"), _art("u", "")]
    mentions = [
        DateMention("a", "in February", "2022-13", "month", True, sentence, 0, 1),
        DateMention(
            "u",
            "on Friday",
            None,
            "day",
            True,
            "They will open the Global Climate Summit in Geneva on Friday.",
        ),
        DateMention("u", "on Wednesday", None, "day", True, "Officials said on Wednesday."),
    ]
    stories = [Story("s1", "t", ["a"], storyline="l"), Story("s2", "t", ["u"], storyline="l")]
    assert infer_dates_from_context(arts, stories, mentions) == {}
    mentions[0].value = "2022-02"  # the same, well formed: Friday Feb 4 2022 is the first Friday
    assert infer_dates_from_context(arts, stories, mentions) == {"u": "2022-02-02"}


# --------------------------------------------------------------------------- rule 2: later event


ANCHOR = "The premier said the two leaders would meet in Geneva in March at the opening of the Global Climate Summit."
LATER = (
    "The premier will arrive in Geneva on Friday for the opening of the Global Climate Summit. "
    "His spokesman said on Wednesday that a joint statement was ready."
)


def _storyline(anchor_text: str, later_text: str) -> dict[str, str]:
    arts = [_art("a", anchor_text, "2023-12-12"), _art("u", later_text)]
    stories = [Story("s1", "t", ["a"], storyline="l"), Story("s2", "t", ["u"], storyline="l")]
    return _run(arts, stories)


def test_forward_month_with_opening_cue_pins_the_first_week():
    friday = _weekday_in_month(2024, 3, 4)  # "in March" said in December 2023 is March 2024
    assert _storyline(ANCHOR, LATER) == {"u": (friday - timedelta(days=2)).isoformat()}


def test_forward_month_with_closing_cue_pins_the_last_week():
    anchor = ANCHOR.replace("opening", "closing")
    friday = _weekday_in_month(2024, 3, 4, last=True)
    assert _storyline(anchor, LATER.replace("opening", "closing")) == {
        "u": (friday - timedelta(days=2)).isoformat()
    }


def test_forward_month_without_cue_is_ambiguous():
    anchor = ANCHOR.replace(" at the opening of", " for")
    later = LATER.replace("for the opening of", "for")
    assert _storyline(anchor, later) == {}


def test_forward_day_reference_pins_the_event_day():
    anchor = "The premier will travel to Geneva on March 8 for the Global Climate Summit talks."
    later = LATER.replace("for the opening of", "for")
    # 2024-03-08 is a Friday: the statement came on the Wednesday before
    assert _storyline(anchor, later) == {"u": "2024-03-06"}
    wrong_weekday = anchor.replace("March 8", "March 9")
    assert _storyline(wrong_weekday, later) == {}


def test_unrelated_forward_reference_or_only_future_weekdays_give_nothing():
    unrelated = "Farmers expect the harvest to start in March across the southern provinces."
    assert _storyline(unrelated, LATER) == {}
    one_name = "The premier will visit Geneva in March for the opening of a trade fair."  # only "Geneva"
    assert _storyline(one_name, LATER) == {}
    past = ANCHOR.replace("would meet in Geneva in March", "met in Geneva in March 2024")
    assert _storyline(past, LATER) == {}  # a later date without a plan (tense) is not a forward reference
    only_future = "The premier will arrive in Geneva on Friday for the opening of the Global Climate Summit."
    assert _storyline(ANCHOR, only_future) == {}
