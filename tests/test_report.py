"""HTML and Markdown reports from hand-built export documents."""

from __future__ import annotations

import copy
import html
import re

from storyprism.report import render_html, render_markdown
from test_report_document import INJECTION, document


def test_html_is_self_contained_and_escapes_article_text():
    page = render_html(document())
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert INJECTION not in page  # never as markup
    assert html.escape(INJECTION) in page
    assert "<script" not in page.lower()
    for external in ("<link ", 'src="http', "@import", "url("):
        assert external not in page


def test_html_shows_every_section_of_a_story():
    page = render_html(document())
    for heading in ("Independent sources", "Summary", "Corroborated claims", "Single-source claims",
                    "Conflicts", "Quotes by speaker", "Copies and rewrites", "Timeline",
                    "What each outlet adds and leaves out"):
        assert heading in page, heading
    assert "Harbour bridge repair budget" in page
    assert "more than 500 workers" in page and "about 200 workers" in page
    assert '<mark class="del">two years</mark>' in page and '<mark class="ins">three years</mark>' in page
    assert "2 independent sources" in page
    assert "Linda Park" in page and "variant" in page
    assert "(inferred)" in page  # a2's publication date was read off the text
    assert "Articles in no story" in page and "Unrelated piece" in page
    assert "broken.bin" in page


def test_citations_point_at_the_story_sources():
    page = render_html(document())
    # a1 is the earliest article: citation [1], with an anchor to its row
    assert 'id="a-s1-1"' in page and 'href="#a-s1-1"' in page
    assert 'href="#a-s1-4"' not in page  # the article in no story is never cited


def test_outlet_coverage_is_derived_when_the_document_lacks_it():
    page = render_html(document())
    section = page.split("What each outlet adds and leaves out")[1].split("<h3>")[0]
    assert "Coast Courier" in section and "Fishermen fear the noise" in section


def test_single_story_and_unknown_story():
    doc = document()
    doc["stories"].append({"id": "s2", "title": "Another story", "articles": ["lone"]})
    only = render_html(doc, story="s2")
    assert "Another story" in only and "Harbour bridge repair budget" not in only
    missing = render_html(doc, story="nope")
    assert "No story with id nope" in missing
    assert "No story with id nope" in render_markdown(doc, story="nope")


def test_empty_and_partial_documents_render():
    for doc in ({}, {"articles": None}, {"stories": [{"id": "s"}]}, {"stories": "junk", "claims": [1, 2]}):
        assert "</html>" in render_html(doc)
        assert render_markdown(doc).startswith("# storyprism report")
    partial = copy.deepcopy(document())
    for key in ("claims", "conflicts", "summaries", "quotes", "reuse", "dates"):
        partial.pop(key)
    page = render_html(partial)
    assert "No disagreement found" in page and "No quotes found" in page


def test_markdown_mirrors_html_and_escapes():
    text = render_markdown(document())
    for heading in ("### Independent sources", "### Summary", "### Corroborated claims",
                    "### Single-source claims", "### Conflicts", "### Quotes by speaker",
                    "### Copies and rewrites", "### Timeline"):
        assert heading in text, heading
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "**2 independent** — The council approved a budget for the harbour bridge. [1][2][3]" in text
    assert "~~two years~~" in text and "**three years**" in text
    assert "more than 500 workers [1]" in text


def _wire_document() -> dict:
    doc = document()
    doc["articles"] = [
        {"id": "w1", "outlet": "Harbour Daily", "title": "Bridge closes", "origin": "wire:AP",
         "origin_parent": "wire:AP", "origin_kind": "copy", "story": "s1"},
        {"id": "w2", "outlet": "Coast <b>Courier</b>", "title": "Bridge closes", "origin": "wire:AP",
         "origin_parent": "wire:AP", "origin_kind": "copy", "story": "s1"},
        {"id": "w3", "outlet": "Farm C", "title": "Bridge closes", "origin": "wire:AP",
         "origin_parent": "w1", "origin_kind": "edited", "story": "s1"},
        {"id": "w4", "outlet": "Paul Simon Live", "title": "Bridge closes", "origin": "w4",
         "origin_parent": "w4", "origin_kind": "self", "off_topic": "the body does not report the headline",
         "story": "s1"},
    ]
    doc["stories"][0]["articles"] = ["w1", "w2", "w3", "w4"]
    return doc


def test_copy_graph_and_single_source_sentence_in_the_report():
    page = render_html(_wire_document())
    assert "Copy graph" in page and "<svg" in page
    assert "All three carry AP&#x27;s text" in page or "All three carry AP's text" in page
    assert "Coast &lt;b&gt;Courier&lt;/b&gt;" in page and "<b>Courier" not in page
    assert "Counted nowhere" in page and "Paul Simon Live" in page
    assert "1 independent sources" in page  # the off-topic article is no source
    md_text = render_markdown(_wire_document())
    assert "All three carry AP's text" in md_text and "origin AP" in md_text


def test_only_http_urls_become_links_in_the_report():
    """A stored URL such as `java<TAB>script:` or `data:` must never become a clickable link."""
    for url in ("javascript:alert(1)", " JAVASCRIPT:alert(2)", "java\tscript:alert(3)", "data:text/html,<b>x</b>"):
        doc = copy.deepcopy(document())
        by_id = {a["id"]: a for a in doc["articles"]}
        by_id["a2"]["url"] = url
        page = render_html(doc)
        hrefs = [h.lower().replace("\t", "").strip() for h in re.findall(r'href="([^"]*)"', page)]
        assert not [h for h in hrefs if h.startswith(("javascript:", "data:"))], url
        assert 'href="https://harbour.example/a1"' in page  # an http(s) URL still is a link
