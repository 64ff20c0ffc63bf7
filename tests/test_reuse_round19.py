"""Issue 10, nineteenth round: pieces that only relay one person's public posts share the posts as
origin (reuse/post_relays.py), a syndicated copy of an outlet the corpus lacks included. Invented
copy only: the signal is how a desk writes up a post (the lead is the person's act, the post is
named as where it was said, and nobody else speaks)."""

from __future__ import annotations

from storyprism.records import Article
from storyprism.reuse import trace
from storyprism.reuse.post_relays import only_their_words, poster

TWEETS = (
    "Dana Quill says her rowing team will try to cross the Tasman Sea in a solar canoe next spring.\n"
    "The route?\n"
    "Sydney to Auckland.\n"
    "The canoe, built from recycled sails and driven by folding panels, will leave from the old ferry "
    "wharf in Sydney, Quill tweeted late on Sunday.\n"
    "\"It will be the slowest record ever set and we are proud of that,\" she said.\n"
    "The crossing would take about five weeks in good weather.\n"
)

SYNDICATED = (
    "Three days ago, rower and designer Dana Quill unveiled plans to paddle a solar canoe across the "
    "Tasman Sea in the spring.\n"
    "The planned route runs from Sydney to Auckland across open water.\n"
    "On Monday, Quill revealed the canoe in a photo gallery posted to Instagram.\n"
    "The hull is painted a bright orange with folding solar panels along both sides of the canoe.\n"
    "This article originally appeared on PaddleWeekly.com.\n"
)

REPORTED = (
    "Dana Quill says her rowing team will try to cross the Tasman Sea in a solar canoe next spring.\n"
    "The canoe will leave from the old ferry wharf in Sydney, Quill tweeted late on Sunday.\n"
    "\"Nobody has tried a crossing like this with panels that fold away in a storm,\" said Ivo Brand, "
    "a naval architect at the harbour college.\n"
    "The crossing would take about five weeks in good weather.\n"
)


def art(aid: str, text: str, outlet: str, day: int) -> Article:
    return Article(id=aid, ref=aid, title="Rower plans solar canoe crossing of the Tasman", text=text, raw_text=text,
                   outlet=outlet, url=f"https://www.{outlet}/news/{aid}", published=f"2023-03-{day:02d}T10:00:00")


def test_two_relays_of_one_persons_posts_share_the_posts_as_origin():
    arts = [art("tweets", TWEETS, "money.example", 6), art("synd", SYNDICATED, "tvnews.example", 9)]
    traces = trace.trace_origins(arts, [])
    assert traces["tweets"].origin == "posts:Dana Quill"
    # the syndicated copy carries the outside outlet's text, which relays the same posts
    assert traces["synd"].origin == "posts:Dana Quill"
    assert any("PaddleWeekly" in e for e in traces["synd"].evidence)


def test_a_piece_quoting_another_voice_keeps_its_own_origin():
    arts = [art("tweets", TWEETS, "money.example", 6), art("reported", REPORTED, "daily.example", 7)]
    traces = trace.trace_origins(arts, [])
    assert traces["reported"].origin == "reported"
    # one relay alone is no shared origin
    assert traces["tweets"].origin == "tweets"


def test_the_poster_is_the_leads_subject_who_posted_on_a_platform():
    assert poster(TWEETS.splitlines()) == "Quill"
    assert poster(SYNDICATED.splitlines()) == "Quill"
    # a platform named without the lead's subject posting is no relay
    assert poster(["Rowers met in Sydney on Sunday.", "Photos of the canoe spread on Instagram."]) is None
    assert only_their_words(TWEETS.splitlines(), "Quill")
    assert not only_their_words(REPORTED.splitlines(), "Quill")


INTERVIEWED = (
    "Dana Quill told Coast News on Monday that the solar canoe crossing of the Tasman Sea is only for fun.\n"
    "\"It is only for fun and nobody should bet money on us,\" Quill said in an interview with Coast News.\n"
    "Quill told Coast News the team has trained for two winters on the harbour and in open water.\n"
    "The canoe will leave from the old ferry wharf in Sydney when the spring weather settles.\n"
)


def test_a_syndicated_page_is_not_the_carrying_outlets_reporting():
    # "told Coast News" credits an interview Coast News did; Coast News' page that prints another outlet's
    # article ("originally appeared on ...") is not it, whatever the two share
    arts = [art("synd", SYNDICATED, "coastnews.example", 9), art("talk", INTERVIEWED, "space.example", 10)]
    traces = trace.trace_origins(arts, [])
    assert traces["talk"].parent != "synd"
    assert traces["talk"].origin.startswith("outlet:")
