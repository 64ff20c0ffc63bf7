"""The web app serves the workspace through the library (FastAPI's test client, real SQLite)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from storyprism.web import create_app
from storyprism.workspace import Workspace

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def test_api_lists_articles_and_404s_unknown_story(tmp_path):
    db = tmp_path / "w.db"
    with Workspace(db) as ws:
        ws.add([SEEDS])
    client = TestClient(create_app(str(db)))
    articles = client.get("/api/articles").json()
    assert len(articles) == 5 and all("raw_text" not in a for a in articles)
    assert client.get("/api/stories").json() == []
    missing = client.get("/api/stories/s-nope")
    assert missing.status_code == 404 and "storyprism stories" in missing.json()["detail"]
    doc = client.get("/api/document").json()
    assert {a["id"] for a in doc["articles"]} == {a["id"] for a in articles}
