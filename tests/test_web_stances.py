"""Issue 12, round 16: the web pages list stances on a topic ("condemned: the toll plan") apart from
quotes, never inside quotation marks (templates rendered with the app's own Jinja settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape

from storyprism.records import to_dict
from storyprism.report.view import quote_group_view

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "storyprism" / "web" / "templates"


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), undefined=ChainableUndefined
    )
    env.filters["safe_url"] = lambda u: u
    env.globals["severity"] = lambda *a, **k: ""
    return env


def _quote(text: str, kind: str, direct: bool = False, cue: str = "say") -> dict[str, Any]:
    return {"article": "a1", "text": text, "direct": direct, "cue": cue, "speaker": "Linda Park", "kind": kind}


def test_story_page_lists_stances_apart_from_quotes() -> None:
    groups = [
        to_dict(quote_group_view([_quote("We will fix this bridge", "words", direct=True)])),
        to_dict(quote_group_view([_quote("the toll plan", "topic", cue="condemn")])),
    ]
    d = {
        "quotes_by_speaker": [{"speaker": "Linda Park", "speaker_id": None, "groups": groups}],
        "articles": [],
        "single_source": [],
        "single_source_total": 0,
        "names": [],
        "names_total": 0,
    }
    page = _env().get_template("story.html").render(d=d, by_id={}, others=[], graph="", timeline="", csrf="")
    quotes = page[page.index('id="quotes"') :]
    assert "<q>We will fix this bridge</q>" in quotes
    assert "condemned: the toll plan" in quotes
    assert "<q>the toll plan" not in page
    listed = quotes.split("Stances", 1)[0]
    assert "toll plan" not in listed  # not among the quotes above the stances


def test_article_page_lists_stances_apart_from_quotes() -> None:
    d = {
        "quotes": [{"text": "We will fix this bridge", "speaker": "Linda Park", "direct": True}],
        "stances": [{"text": "the toll plan", "speaker": "Linda Park", "verb": "condemned"}],
        "paragraphs": [],
        "article": {},
    }
    page = _env().get_template("article.html").render(d=d, csrf="")
    assert "Linda Park condemned: the toll plan" in page
    assert "<q>the toll plan" not in page


def test_person_page_lists_a_stored_stance_apart_from_what_the_person_said(tmp_path: Path) -> None:
    """The people view carries each quote's kind from the workspace to the person page (an older
    record without a kind reads as words)."""
    import json

    from storyprism.store import views
    from storyprism.web.data import person_page
    from storyprism.workspace import Workspace

    seeds = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").iterdir())
    with Workspace(tmp_path / "w.db") as ws:
        ws.add(seeds)
        ws.analyze()
        db = ws.store.db
        rowid, speaker, payload = db.execute(
            "SELECT rowid, payload ->> '$.speaker_id', payload FROM derived WHERE kind = 'quote' "
            "AND payload ->> '$.speaker_id' != '' ORDER BY rowid LIMIT 1"
        ).fetchone()
        record = json.loads(payload)
        record["kind"] = "topic"
        record["variant_group"] = None
        with ws.store.transaction():
            db.execute("UPDATE derived SET payload = ? WHERE rowid = ?", (json.dumps(record), rowid))
            views.refresh_views(ws.store)
        page = person_page(ws.store, speaker)
    assert page is not None
    assert record["text"] in [s["text"] for s in page["stances"]]
    assert record["text"] not in [q["text"] for q in page["quotes"]]
