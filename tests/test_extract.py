"""Extraction: quotes and speakers, names, numbers, dates (real spaCy and sentence encoder, no mocks)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from storyprism.extract import ExtractOptions, extract_articles, link_corpus
from storyprism.extract.dates import find_dates, infer_published
from storyprism.extract.linking import link_entities
from storyprism.extract.marks import scan_direct
from storyprism.extract.nlp import analyse, entities
from storyprism.extract.numbers import find_numbers
from storyprism.extract.quotes import find_quotes
from storyprism.records import Article, Mention

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def quotes_of(text: str):
    """Quotes as the stage finds them: entities and the dependency parse from one spaCy pass."""
    ents, tree = analyse([text])[0]
    return find_quotes(text, ents, parse=tree)


def rule_quotes_of(text: str):
    """The pattern rules alone (names on, no parser), the fallback path."""
    return find_quotes(text, entities([text])[0])


def one(found, needle: str):
    hits = [q for q in found if needle in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


# --------------------------------------------------------------------------- direct quotes


def test_nested_quote_marks_stay_inside_one_quote():
    text = "“He told me ‘never again’ and walked out of the room,” Maria Lopez said on Monday."
    q = one(quotes_of(text), "never again")
    assert q.direct and q.speaker == "Maria Lopez" and q.cue == "say"
    assert text[q.start : q.end] == "He told me ‘never again’ and walked out of the room,"


def test_straight_and_curly_marks_mixed():
    text = 'The minister spoke late. "We are not leaving this city at all,” Andrei Petrov told reporters.'
    q = one(quotes_of(text), "not leaving")
    assert q.speaker == "Andrei Petrov" and q.cue == "tell"


def test_split_quote_is_one_quote_with_pronoun_speaker():
    text = (
        'Senator John Walsh spoke after the vote. "We will win this fight," he said, '
        '"and we will stay until the end of the session."'
    )
    found = [q for q in quotes_of(text) if q.direct]
    assert len(found) == 1
    q = found[0]
    assert "win this fight" in q.text and "end of the session" in q.text
    assert q.speaker == "John Walsh"


def test_quote_over_several_paragraphs_continues():
    text = (
        "Mayor Linda Park opened the meeting with a long statement.\n\n"
        "“The city has faced a hard year and we owe residents an honest account.\n\n"
        "“Our budget is balanced, our schools are open, and our streets are safer,” Park said.\n\n"
        "Council members applauded."
    )
    parts = scan_direct(text)
    assert len(parts) == 1 and len(parts[0]) == 2
    q = one(quotes_of(text), "honest account")
    assert "streets are safer" in q.text and q.speaker == "Linda Park"


def test_unbalanced_mark_does_not_swallow_the_document():
    text = (
        "Critics called the plan “a disaster for the region. The council met again on Tuesday.\n\n"
        "Officials said that the vote would be held next month after further review."
    )
    found = quotes_of(text)
    direct = [q for q in found if q.direct]
    assert all("council met" not in q.text for q in direct)
    assert any(not q.direct and "vote would be held" in q.text for q in found)


def test_scare_quotes_are_not_quotes():
    text = "The so-called “peace plan” was debated for hours in the “upper house” of parliament."
    assert [q for q in quotes_of(text) if q.direct] == []


# --------------------------------------------------------------------------- speakers


def test_role_noun_resolves_to_titled_name():
    text = (
        "Russian President Vladimir Putin spoke with Chinese President Xi Jinping by video on Wednesday. "
        "Kremlin aide Yuri Ushakov briefed journalists afterwards.\n\n"
        "“We need legally binding guarantees from the West,” the Russian leader said.\n\n"
        "“The talks were friendly and very productive,” the presidential aide told reporters."
    )
    found = quotes_of(text)
    assert one(found, "legally binding").speaker == "Vladimir Putin"
    assert one(found, "friendly").speaker == "Yuri Ushakov"


def test_relayed_words_keep_speaker_and_via():
    text = (
        "Yuri Ushakov, a Kremlin aide, told reporters in a briefing after the video meeting that Xi Jinping "
        "“fully supports our initiative about working out such security guarantees for Russia.”"
    )
    q = one(quotes_of(text), "fully supports")
    assert q.speaker == "Xi Jinping" and q.via == "Yuri Ushakov"


def test_indirect_forms():
    text = (
        "Foreign Minister Anna Berg said that the border would reopen on Monday.\n\n"
        "According to Berg, the agreement covers all freight traffic.\n\n"
        "Prime Minister Olaf Lind told reporters the deal was a relief for farmers."
    )
    found = quotes_of(text)
    assert all(not q.direct for q in found)
    assert one(found, "border would reopen").speaker == "Anna Berg"
    assert one(found, "covers all freight").speaker == "Anna Berg"
    assert one(found, "relief for farmers").speaker == "Olaf Lind"


# --------------------------------------------------------------------------- names


def _m(article: str, text: str, type_: str) -> Mention:
    return Mention(article, text, type_)


def test_names_merge_variants_and_keep_different_entities_apart():
    mentions = [
        _m("a", "Sergei Ryabkov", "PERSON"),
        _m("b", "Sergey Ryabkov", "PERSON"),
        _m("a", "Vladimir Putin", "PERSON"),
        _m("a", "Putin", "PERSON"),
        _m("c", "Putin", "PERSON"),
        _m("a", "Xi Jinping", "PERSON"),
        _m("b", "Xi", "PERSON"),
        _m("b", "Xu", "PERSON"),
        _m("a", "Iran", "GPE"),
        _m("b", "Iraq", "GPE"),
        _m("a", "Austria", "GPE"),
        _m("b", "Australia", "GPE"),
        _m("a", "Kyiv", "GPE"),
        _m("b", "Kiev", "GPE"),
        _m("a", "Uyghur", "NORP"),
        _m("b", "Uighur", "NORP"),
    ]
    link_entities(mentions)
    ent = {(m.article, m.text): m.entity for m in mentions}
    assert ent[("a", "Sergei Ryabkov")] == ent[("b", "Sergey Ryabkov")]
    assert ent[("a", "Putin")] == ent[("c", "Putin")] == ent[("a", "Vladimir Putin")]
    assert ent[("b", "Xi")] == ent[("a", "Xi Jinping")]
    assert ent[("b", "Xu")] != ent[("b", "Xi")]
    assert ent[("a", "Iran")] != ent[("b", "Iraq")]
    assert ent[("a", "Austria")] != ent[("b", "Australia")]
    assert ent[("a", "Kyiv")] == ent[("b", "Kiev")]
    assert ent[("a", "Uyghur")] == ent[("b", "Uighur")]
    assert all(e and e.startswith("e-") for e in ent.values())


def test_ambiguous_surname_is_not_guessed():
    mentions = [_m("a", "George Bush", "PERSON"), _m("b", "Jeb Bush", "PERSON"), _m("c", "Bush", "PERSON")]
    link_entities(mentions)
    assert len({m.entity for m in mentions}) == 3


# --------------------------------------------------------------------------- numbers and dates


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "unit"),
    [
        ("Russia has more than 100,000 troops there.", 100000, None, "more-than", "troops"),
        ("Moscow massed tens of thousands of troops.", 20000, 99999, "vague", "troops"),
        ("About 2.5 million people fled.", 2250000, 2750000, "about", "people"),
        ("Between 10 and 15 tanks were seen.", 10, 15, "range", "tanks"),
        ("Nearly 300 houses burned.", 270, 300, "nearly", "houses"),
        ("At least three soldiers died.", 3, None, "at-least", "soldiers"),
        ("A dozen ships sailed.", 12, 12, None, "ships"),
        ("Turnout rose to 45% this year.", 45, 45, None, "percent"),
        ("Up to 20 percent of the crop was lost.", None, 20, "up-to", "percent"),
    ],
)
def test_number_intervals(text, low, high, qualifier, unit):
    nums = find_numbers("a", text, [(0, len(text))])
    assert len(nums) == 1, nums
    n = nums[0]
    assert (n.low, n.high, n.qualifier, n.unit) == (low, high, qualifier, unit)


def test_labels_are_not_quantities():
    text = "F-15 jets of the 336th Fighter Squadron landed on December 15, 2021 at 10:30 for the 2022 games."
    assert find_numbers("a", text, [(0, len(text))]) == []


def test_relative_dates_follow_tense():
    text = "Putin said on Wednesday that he will visit Beijing on Friday. Talks ended last month."
    dates = {d.text: d for d in find_dates("a", text, [(0, 60), (61, len(text))], "2021-12-15")}
    assert dates["on Wednesday"].value == "2021-12-15"
    assert dates["on Friday"].value == "2021-12-17"
    assert dates["last month"].value == "2021-11"
    past = find_dates("a", "The envoy arrived on Friday.", [(0, 28)], "2021-12-15")
    assert past[0].value == "2021-12-10"
    iso = find_dates("a", "It was signed on Dec. 3, 2021.", [(0, 30)], None)
    assert iso[0].value == "2021-12-03" and not iso[0].relative


def test_publication_date_from_photo_caption():
    text = (
        "Leaders met by video in Moscow, Russia, Wednesday, Dec. 15, 2021. (AP Photo)\n\n"
        "The Kremlin said on Wednesday that talks went well. The treaty of March 3, 1998 was cited."
    )
    assert infer_published(text) == "2021-12-15"
    assert infer_published("No date here at all, only on Wednesday.") is None


# --------------------------------------------------------------------------- the stage on the seeds


def _seeds() -> list[Article]:
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, body = path.read_text(encoding="utf-8").split("\n", 1)
        arts.append(Article(id=path.stem.split("_")[0], ref=str(path), title=title, text=body))
    return arts


def test_stage_on_seeds_groups_variants_and_infers_dates():
    arts = _seeds()
    pickle.dumps(extract_articles)  # an executor must be able to ship it to another process
    extraction = link_corpus(extract_articles(arts, ExtractOptions()))
    assert extraction.inferred_published.get("001") == "2021-12-15"
    assert extraction.inferred_published.get("004") == "2021-12-15"
    support = [q for q in extraction.quotes if "fully supports our" in q.text]
    groups = {q.variant_group for q in support}
    assert len(groups) == 1 and None not in groups
    (gid,) = groups
    assert gid.startswith("v-")
    assert {q.article for q in extraction.quotes if q.variant_group == gid} >= {"000", "001", "003"}
    assert all(q.speaker == "Xi Jinping" for q in support)
    assert all(q.id.startswith(q.article + ":q") for q in extraction.quotes)
    names = {e.name: e for e in extraction.entities}
    ryabkov = [e for e in extraction.entities if "Ryabkov" in e.name]
    assert len(ryabkov) == 1 and set(ryabkov[0].articles) == {"001", "004"}
    assert "Kiev" in names["Kyiv"].aliases
    troops = {(n.article, n.low, n.high) for n in extraction.numbers if n.unit == "troops"}
    assert ("000", 100000, None) in troops and ("001", 20000, 99999) in troops
    for q in extraction.quotes:
        body = next(a.text for a in arts if a.id == q.article)
        assert 0 <= q.start < q.end <= len(body)


def test_bad_input_does_not_crash():
    arts = [
        Article(id="x", ref="x", title="", text=""),
        Article(id="y", ref="y", title="", text='"""" “ ” ‘ \n\n "unclosed'),
        Article(id="z", ref="z", title="", text="\x00\ufffd said that " * 50),
    ]
    extraction = link_corpus(extract_articles(arts, ExtractOptions()))
    assert isinstance(extraction.quotes, list)


def test_pattern_fallback_without_parser_still_attributes():
    """Names on but no parse (the fallback path): the pattern rules alone keep speaker and relayer."""
    text = (
        "Yuri Ushakov, a Kremlin aide, told reporters in a briefing after the video meeting that Xi Jinping "
        "“fully supports our initiative about working out such security guarantees for Russia.”"
    )
    q = one(rule_quotes_of(text), "fully supports")
    assert q.speaker == "Xi Jinping" and q.via == "Yuri Ushakov"
