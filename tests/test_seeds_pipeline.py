"""The whole pipeline on the five seed articles, through the Workspace API (real models, real SQLite).

What a careful reader must get from them: one event told four times plus a follow-up event in the same
storyline, the disguised rewrite found with the meaning it flipped, three independent origins, the
Kremlin quote grouped across translations, names merged, dates inferred, and the troop numbers that
disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storyprism.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"


def _short(article_id: str) -> str:
    return article_id.split("_")[0]


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Workspace(db) as ws:
        ws.add([SEEDS])
        ws.analyze()
        ws.analyze()  # a second run over the same workspace must not change or duplicate anything
        return ws.document()


def test_export_document_follows_the_schema(doc):
    schema = json.loads((ROOT / "schema" / "export.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert len(doc["articles"]) == 5


def test_one_event_told_four_times_and_a_follow_up_in_the_same_storyline(doc):
    story_of = {_short(a["id"]): a["story"] for a in doc["articles"]}
    line_of = {_short(a["id"]): a["storyline"] for a in doc["articles"]}
    assert story_of["000"] == story_of["001"] == story_of["003"] == story_of["004"]
    assert story_of["002"] != story_of["001"]
    assert len(set(line_of.values())) == 1
    assert len(doc["stories"]) == 2
    main = next(s for s in doc["stories"] if s["id"] == story_of["001"])
    assert main["independent_sources"] == 3


def test_the_disguised_rewrite_and_what_it_changed(doc):
    assert len(doc["reuse"]) == 1
    (rel,) = doc["reuse"]
    assert (_short(rel["source"]), _short(rel["copy"])) == ("001", "003")
    assert rel["kind"] == "rewrite"
    changes = [c for al in rel["alignments"] for c in al["changes"]]
    kinds = {c["kind"] for c in changes}
    assert {"role-flip", "attribution-dropped"} <= kinds
    flip = next(c for c in changes if c["kind"] == "role-flip")
    assert "of ukraine" in flip["source_text"].lower() and "by ukraine" in flip["copy_text"].lower()
    origin = {_short(a["id"]): _short(a["origin"]) for a in doc["articles"]}
    assert origin["003"] == "001"
    assert {origin[k] for k in ("000", "001", "003", "004")} == {"000", "001", "004"}


def test_dates_inferred_from_the_texts(doc):
    published = {_short(a["id"]): a["published"] for a in doc["articles"]}
    for aid in ("000", "001", "004"):
        assert published[aid] == "2021-12-15"
    assert published["002"] == "2022-02-02"
    assert all(a["published_inferred"] for a in doc["articles"])


def test_kremlin_quote_grouped_across_outlets_with_speaker_and_relay(doc):
    xi = [q for q in doc["quotes"] if "fully supports our initiative" in q["text"]]
    assert {_short(q["article"]) for q in xi} >= {"000", "001"}
    assert len({q["variant_group"] for q in xi}) == 1
    assert all(q["speaker"] == "Xi Jinping" for q in xi)
    assert any(q["via"] == "Yuri Ushakov" for q in xi)


def test_name_variants_merged(doc):
    names = {e["name"]: e for e in doc["entities"]}
    ryabkov = [e for e in doc["entities"] if "Ryabkov" in e["name"]]
    assert len(ryabkov) == 1 and {"Sergei Ryabkov", "Sergey Ryabkov"} <= set(ryabkov[0]["aliases"]) | {
        ryabkov[0]["name"]
    }
    kyiv = [e for e in doc["entities"] if {"Kyiv", "Kiev"} & (set(e["aliases"]) | {e["name"]})]
    assert len(kyiv) == 1
    assert "Iran" not in names or "Iraq" not in names or names["Iran"]["id"] != names["Iraq"]["id"]


def test_troop_numbers_disagree_and_the_xi_claim_is_corroborated(doc):
    troops = [n for n in doc["numbers"] if n["unit"] and "troop" in n["unit"]]
    assert any(n["low"] == 100000 and n["high"] is None for n in troops)
    assert any(n["low"] == 20000 and n["high"] == 99999 for n in troops)
    number_conflicts = [c for c in doc["conflicts"] if c["kind"] == "number"]
    assert any("100,000" in " ".join(s["text"] for s in c["sides"]) for c in number_conflicts)
    wording_only = [c for c in doc["conflicts"] if c["kind"] not in ("number", "rewrite-change")]
    assert not wording_only
    xi_claims = [c for c in doc["claims"] if "Xi" in c["text"] and "guarantee" in c["text"]]
    assert max(c["independent_support"] for c in xi_claims) == 3
    assert doc["summaries"] and all(s["articles"] for s in doc["summaries"][0]["sentences"])


def test_manual_merge_and_split_survive_later_runs(tmp_path):
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([SEEDS])
        ws.analyze()
        ids = sorted(s.id for s in ws.stories())
        assert len(ids) == 2
        merged = ws.merge_stories(ids)
        assert len(merged.articles) == 5
        ws.analyze()
        assert [len(s.articles) for s in ws.stories()] == [5]
        follow_up = next(a.id for a in ws.articles() if a.id.startswith("002"))
        split = ws.split_story([follow_up])
        assert split.articles == [follow_up]
        ws.analyze()
        assert sorted(len(s.articles) for s in ws.stories()) == [1, 4]
        assert all(s.id != split.id or s.articles == [follow_up] for s in ws.stories())
