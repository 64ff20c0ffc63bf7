"""What a summary may show (sentences that stand on their own, about the event the headlines name), and
what a claim's support counts."""

from __future__ import annotations

import pytest

from storyprism.compare.summary import _headline_core, _headline_share, readable


@pytest.mark.parametrize(
    "sentence",
    [
        "NEW YORK — Rihanna is mourning the death of her cousin and calling for an end to gun violence.",
        "OFER PRISON, West Bank (Reuters) - Israel indicted a 16-year-old Palestinian girl on Monday.",
        "“I know everyone was thinking about him,” Roethlisberger said.",
        "Gun violence has become the subject of much debate, especially in the US.",
        "Close to 100 people attended the vigil on Sunday.",
        "“You can’t fill those shoes,” Roethlisberger said.",
        "The FBI says the perpetrator had no connections to international terrorist groups.",
    ],
)
def test_statements_that_stand_on_their_own_are_readable(sentence: str) -> None:
    assert readable(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "MANDALAY BAY RESORT AND CASINO Stairs Hallway Entrance Some suites have doors to adjoining rooms.",
        "I'm Ailsa Chang with news of a trip back in time.",  # a host's own voice
        "When that happens, we look into the conduct and take appropriate action.",  # whose "we"?
        "“Take courage, for the worst is a harbinger of the best.”",  # a quotation without its speaker
        "Why the Recording Academy's welcome mat to female artists isn't quite enough in the era of Time's Up",
        "Photos: North Korea launches rocket The United States and Japan condemned the launch.",
        "Which is where Pixel Visual Core comes in.",
        "But North Korea gloated about its most recent advance into space.",
        "Buzz60 33 of 41 Skip in Skip x Embed x Share Elon Musk seeks to link brain to computers.",
        "[Kid who took selfie with Justin Timberlake can't believe it went viral]",
        "Justin Timberlake's halftime show 3 / 5 stars Timberlake gyrated through his hits.",
        "CLOSE John Mahoney, who played the cranky dad on Frasier, dies at 77.",
        "NELSON: He told German public television that he was flabbergasted.",
        "You can track the flight yourself on Flightradar24 here.",
        "Except, in this case, many of the men were not speaking German.",
    ],
)
def test_page_furniture_fragments_and_voices_without_a_speaker_are_not(sentence: str) -> None:
    assert not readable(sentence)


def test_headline_core_is_what_several_headlines_share() -> None:
    core = _headline_core([
        "Israel indicts Palestinian teenage girl who punched soldier",
        "Israel indicts teenage Palestinian girl who slapped soldiers",
        "Palestinian protest icon jailed",
    ])
    assert _headline_share("Israel indicted a 16-year-old Palestinian girl on Monday for punching a soldier.", core) > 0.7
    assert _headline_share("The group was involved in hijackings in the 1970s.", core) == 0.0
    assert _headline_core([]) == set()


def test_a_sentence_pasted_from_another_article_counts_that_articles_origin() -> None:
    from storyprism.compare.claims import StoryText, _support, copied_sentences
    from storyprism.compare.text import SentenceSpan
    from storyprism.records import Alignment, Article, Reuse, Story

    wire = "An airline manager apologized to the players and they later flew first class, Freed said."
    pasted = "An airline manager apologized to the players and they later flew first class, Freed said."
    quote = "“We take pride in bringing people together,” Freed said of the flight and its crew."
    arts = {a: Article(id=a, ref=a, title=a, text="") for a in ("ap", "mail", "own")}
    relation = Reuse(source="ap", copy="mail", kind="shared-source", coverage=0.5, score=0.5, alignments=[
        Alignment(source_sentence=wire, copy_sentence=pasted, similarity=1.0),
        Alignment(source_sentence=quote, copy_sentence=quote, similarity=1.0),
    ])
    origins = {"ap": "wire:AP", "mail": "outlet:Undefeated", "own": "own"}
    st = StoryText(story=Story(id="s", title="s", articles=list(arts)), articles=arts, origins=origins)
    st.sentences = [SentenceSpan("ap", 0, wire, 0, 1), SentenceSpan("mail", 0, pasted, 0, 1),
                    SentenceSpan("ap", 1, quote, 0, 1), SentenceSpan("mail", 1, quote, 0, 1),
                    SentenceSpan("own", 0, "The players later flew first class to Sioux Falls, the team said.", 0, 1)]
    st.copied = copied_sentences([relation], origins)
    # the Mail's own origin is the Undefeated, but this sentence is AP's: one origin, not two
    assert _support(st, [0, 1]) == ["wire:AP"]
    # a quotation both carry is the speaker's words, not copied text; an own report adds its origin
    assert _support(st, [2, 3]) == ["outlet:Undefeated", "wire:AP"]
    assert _support(st, [0, 1, 4]) == ["own", "wire:AP"]


def test_sentences_quoting_different_words_of_one_speaker_are_not_one_claim() -> None:
    from storyprism.compare.claims import score_pairs, story_text
    from storyprism.compare.options import CompareOptions
    from storyprism.records import Article, Story

    texts = {
        "bbc": "“It was an absolute chaos on the beach tonight,” Anooshe Mushtaq described the scene on Twitter.",
        "ctv": "“It was a pretty scary experience for everyone,” Anooshe Mushtaq said on Twitter, describing the scene.",
        "abc": "Anooshe Mushtaq described the scene on Twitter: “It was an absolute chaos on the beach tonight.”",
    }
    arts = {a: Article(id=a, ref=a, title=a, text=t) for a, t in texts.items()}
    options = CompareOptions(embeddings=False)
    st = story_text(Story(id="s", title="s", articles=list(arts)), arts, {a: a for a in arts}, options)
    score_pairs(st, [], options)
    index = {s.article: k for k, s in enumerate(st.sentences)}
    pair = lambda x, y: (min(index[x], index[y]), max(index[x], index[y]))  # noqa: E731
    assert pair("bbc", "ctv") not in st.pair_sim  # same frame, other words quoted
    assert st.pair_sim.get(pair("bbc", "abc"), 0.0) > 0.5  # the same words quoted, framed otherwise


def test_a_cut_tag_that_names_nobody_is_no_dropped_attribution() -> None:
    from storyprism.compare.conflicts import _unnamed_tag

    assert _unnamed_tag("he added") and _unnamed_tag("she tweeted")
    assert _unnamed_tag("SEOUL/WASHINGTON (Reuters) - said")  # a dateline read as a tag
    assert not _unnamed_tag("Hughes said") and not _unnamed_tag("according to the Federal Trade Commission")
