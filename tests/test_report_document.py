"""A hand-built export document for the report tests (every section populated, hostile text included)."""

from __future__ import annotations

from typing import Any

INJECTION = "<script>alert('pwned')</script>"


def document() -> dict[str, Any]:
    return {
        "articles": [
            {"id": "a1", "ref": "a1.txt", "outlet": "Harbour Daily", "url": "https://harbour.example/a1",
             "title": "Council funds bridge repair", "published": "2024-03-04T18:00:00", "published_inferred": False,
             "language": "en", "text": "x", "removed": [], "words": 120, "origin": "a1", "story": "s1",
             "storyline": "l1"},
            {"id": "a2", "ref": "a2.txt", "outlet": "Coast Courier", "url": None,
             "title": f"Bridge vote {INJECTION}", "published": "2024-03-05", "published_inferred": True,
             "language": "en", "text": "y", "removed": [], "words": 90, "origin": "a2", "story": "s1",
             "storyline": "l1"},
            {"id": "a3", "ref": "a3.txt", "outlet": "Farm C", "url": None, "title": "Bridge budget passed",
             "published": None, "origin": "a1", "story": "s1", "storyline": "l1"},
            {"id": "lone", "ref": "lone.txt", "outlet": "Elsewhere", "title": "Unrelated piece", "origin": "lone"},
        ],
        "rejected": [{"ref": "broken.bin", "reason": "binary"}],
        "reuse": [{"source": "a1", "copy": "a3", "kind": "rewrite", "coverage": 0.8, "evidence": [],
                   "alignments": [{"source_sentence": "The repairs will last two years.",
                                   "copy_sentence": "The repairs will last three years.", "similarity": 0.9,
                                   "changes": [{"kind": "number", "source_text": "two years",
                                                "copy_text": "three years"}]}]}],
        "stories": [{"id": "s1", "title": "Harbour bridge repair budget", "storyline": "l1",
                     "articles": ["a1", "a2", "a3"], "first_seen": "2024-03-04", "last_seen": "2024-03-05",
                     "outlets": ["Harbour Daily", "Coast Courier", "Farm C"], "keywords": ["bridge", "budget"],
                     "independent_sources": 2}],
        "storylines": [{"id": "l1", "title": "Harbour bridge", "stories": ["s1"]}],
        "quotes": [
            {"article": "a1", "text": "We will fix this bridge", "direct": True, "cue": "said",
             "speaker": "Linda Park", "speaker_id": "e1", "via": None, "variant_group": "q1"},
            {"article": "a2", "text": "we will fix the bridge", "direct": True, "cue": "said",
             "speaker": "Linda Park", "speaker_id": "e1", "via": None, "variant_group": "q1"},
            {"article": "a2", "text": f"Nothing to see {INJECTION}", "direct": True, "cue": "said",
             "speaker": None, "speaker_id": None, "via": None, "variant_group": None},
        ],
        "entities": [{"id": "e1", "name": "Linda Park", "type": "PERSON", "aliases": ["Park"],
                      "articles": ["a1", "a2"]}],
        "numbers": [],
        "dates": [{"article": "a1", "text": "Monday", "value": "2024-03-04",
                   "sentence": "The council approved the budget on Monday."}],
        "claims": [
            {"id": "c-1", "story": "s1", "text": "The council approved a budget for the harbour bridge.",
             "articles": ["a1", "a2", "a3"], "independent_support": 2, "first_reported": "a1"},
            {"id": "c-2", "story": "s1", "text": f"Fishermen fear the noise {INJECTION}",
             "articles": ["a2"], "independent_support": 1, "first_reported": "a2"},
        ],
        "conflicts": [{"story": "s1", "kind": "number", "about": "workers",
                       "sides": [{"text": "more than 500 workers", "articles": ["a1"]},
                                 {"text": "about 200 workers", "articles": ["a2"]}]}],
        "summaries": [{"story": "s1", "sentences": [
            {"text": "The council approved a budget for the harbour bridge.", "articles": ["a1", "a2", "a3"]}]}],
    }


def test_document_survives_json_and_renders_identically() -> None:
    import json

    from storyprism.report import render_html, render_markdown

    doc = document()
    again = json.loads(json.dumps(doc))
    assert render_html(again) == render_html(doc)
    assert render_markdown(again) == render_markdown(doc)
