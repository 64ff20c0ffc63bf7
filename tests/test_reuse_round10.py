"""Issue 10, round 10: a story's known source, social posts in pasted passages, brand contractions
of an article's own outlet. Synthetic texts only (no labelled data needed)."""

from __future__ import annotations

from storyprism.records import Alignment, Article, Reuse
from storyprism.reuse import trace_origins
from storyprism.reuse.credits import article_signals, contracted
from storyprism.reuse.lineage import pasted_sentences, public_post
from storyprism.reuse.text import split_sentences


def art(aid: str, text: str, outlet: str, published: str = "2018-02-06T08:00:00") -> Article:
    return Article(id=aid, ref=aid, title=aid, text=text, raw_text=text, outlet=outlet,
                   url=f"https://www.{outlet}/news/{aid}", published=published)


# --------------------------------------------------------------------------- own outlet, contracted

def test_a_brand_contraction_is_the_articles_own_outlet():
    assert contracted("huffpost", "huffingtonpost")
    assert not contracted("huffpost", "huffpost")  # the same key is matched elsewhere, not here
    assert not contracted("nypost", "newyorkpost")  # first four letters differ
    assert not contracted("huffmost", "huffingtonpost")  # letters not all in order inside the key
    assert not contracted("hpst", "huffingtonpost")  # too short to rule out chance


def test_told_the_contracted_brand_is_own_reporting_not_a_credit():
    text = ("The ferry left the harbour late on Monday evening after a long delay. "
            "A spokesperson for the ferry line told HuffPost that the crew had acted correctly.")
    sig = article_signals(text, "https://www.huffingtonpost.ca/x", "huffingtonpost.ca", split_sentences(text))
    assert sig.own_reporting and not sig.credits
    other = article_signals(text, "https://www.coastnews.com/x", "coastnews.com", split_sentences(text))
    assert not other.own_reporting and [c.name for c in other.credits] == ["HuffPost"]


def test_one_plain_reported_credit_in_an_own_report_credits_a_fact():
    body = ("The ferry left the harbour late on Monday evening after a long delay at the pier. "
            "A spokesperson for the ferry line told HuffPost that the crew had acted correctly. "
            "The vessel carried 226 passengers, Coast Radio reported.")
    a = Article(id="h", ref="h", title="Ferry", text=body, raw_text=body, outlet="huffingtonpost.ca",
                url="https://www.huffingtonpost.ca/h", published="2018-02-06T08:00:00")
    assert trace_origins([a], [])["h"].origin == "h"
    # without its own reporting the same single credit names the story's source
    b = Article(id="b", ref="b", title="Ferry", text=body.replace("told HuffPost", "said"), raw_text="",
                outlet="coastnews.com", url="https://www.coastnews.com/b", published="2018-02-06T08:00:00")
    assert trace_origins([b], [])["b"].origin == "outlet:Coast Radio"


# --------------------------------------------------------------------------- social posts pasted

POST = ["a first for me: four hours into a long flight and we are turning around for a reason nobody explains",
        "after all this I will have spent eight hours on a flight to nowhere with a very good film on board",
        "like we were all just having a great time up here flying in the sky and now it is time to go home"]


def _post_reuse() -> tuple[Reuse, str, str]:
    embedded = "The plane turned back on Tuesday.\n" + ". ".join(POST) + ". \u2014 Jo Star (@jostar) May 2, 2017"
    quoted = "\n".join(f"'{p},' she shared on Twitter." for p in POST)
    al = [Alignment(source_sentence=p + ".", copy_sentence=f"'{p},' she shared on Twitter.", similarity=0.95)
          for p in POST]
    return Reuse("s", "c", "shared-source", 0.5, 0.5, alignments=al), embedded, quoted


def test_a_social_post_is_public_text():
    _, embedded, quoted = _post_reuse()
    assert public_post(POST[0] + ".", embedded) and public_post(f"'{POST[1]},' she shared on Twitter.", quoted)
    assert not public_post("The plane turned back on Tuesday.", "The plane turned back on Tuesday.\nMore later.")


def test_pasted_post_lines_count_only_when_asked():
    r, embedded, quoted = _post_reuse()
    assert pasted_sentences(r, embedded, quoted) == 3
    assert pasted_sentences(r, embedded, quoted, posts=False) == 0


# --------------------------------------------------------------------------- the story's known source

STORY = ("lighthouse keeper harbour ferry Vaunt glasses laser reflector retina bluetooth notifications "
         "prototype frames grams wearable founders engineers shipping developers")


def _credited(k: int) -> Article:
    text = (f"The Daily Widget reported on Monday that a {STORY} effort is under way. "
            f"According to the Daily Widget, the {STORY} design number {k} weighs little. "
            "It works quietly.")
    return art(f"c{k}", text, f"site{k}.com")


def _quiet(extra: str = "") -> Article:
    return art("q", f"Now a maker has unveiled the {STORY} design. It works quietly and costs little.{extra}",
               "quietpaper.com")


def test_an_uncredited_quoteless_piece_rests_on_the_source_the_others_credit():
    arts = [_credited(1), _credited(2), _credited(3), _quiet()]
    traces = trace_origins(arts, [])
    assert {traces[f"c{k}"].origin for k in (1, 2, 3)} == {"outlet:Daily Widget"}
    assert traces["q"].origin == "outlet:Daily Widget" and traces["q"].kind == "rewrite"
    assert "known source" in traces["q"].evidence[-1]


def test_a_piece_that_quotes_someone_keeps_its_origin():
    quote = " \u201cWe built it for everyday wear,\u201d the designer said."
    traces = trace_origins([_credited(1), _credited(2), _credited(3), _quiet(quote)], [])
    assert traces["q"].origin == "q"


def test_a_minority_of_credits_is_no_story_source():
    # two credited reports among five close own reports: the credited outlet is a side source
    own = [art(f"o{k}", f"Reporters saw the {STORY} design number {k}. It works quietly.", f"own{k}.com")
           for k in range(3)]
    traces = trace_origins([_credited(1), _credited(2), *own, _quiet()], [])
    assert traces["q"].origin == "q"
