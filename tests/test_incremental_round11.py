"""Issue 9: adding articles to a workspace costs what they change, and gives what a fresh analysis of
every article gives (entities, mentions, quotes and their variant groups, reuse relations, origins,
stories). The articles are written here, in the shape of wire copies and rewrites of a few events."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storyprism.extract.linking import junk_name, link_entities, org_key, person_parts
from storyprism.extraction_runs import run_linking
from storyprism.records import Entity, Mention, Origin, Quote, Reuse, Story, to_dict
from storyprism.store import Store
from storyprism.workspace import Workspace

# --------------------------------------------------------------------------- unit: the store


@dataclass
class _Rec:
    article: str
    text: str


def _payloads(store: Store, kind: str) -> list[tuple[str, str | None, str]]:
    rows = store.db.execute("SELECT key, article, payload FROM derived WHERE kind = ? ORDER BY rowid", (kind,))
    return [tuple(r) for r in rows]


def test_replace_derived_known_writes_only_the_records_that_changed(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.db")
    before = [_Rec("a1", "Jane Doe"), _Rec("a1", "Acme"), _Rec("a2", "Paris")]
    with store.transaction():
        store.replace_derived("mention", [(f"k{i}", r) for i, r in enumerate(before)], lambda r: r.article)
    stored = store.derived(_Rec, "mention")
    after = [_Rec("a1", "Jane Doe"), _Rec("a1", "Acme Corp"), _Rec("a2", "Paris")]
    changes = store.db.total_changes
    with store.transaction():
        store.replace_derived_known("mention", [(f"k{i}", r) for i, r in enumerate(after)], stored, lambda r: r.article)
    assert store.db.total_changes - changes == 1  # one row rewritten, in place
    fresh = Store(tmp_path / "f.db")
    with fresh.transaction():
        fresh.replace_derived("mention", [(f"k{i}", r) for i, r in enumerate(after)], lambda r: r.article)
    assert _payloads(store, "mention") == _payloads(fresh, "mention")
    # other keys (a new article's records): the whole kind is rewritten, as replace_derived does
    grown = [*after, _Rec("a3", "Berlin")]
    with store.transaction():
        store.replace_derived_known(
            "mention", [(f"k{i}", r) for i, r in enumerate(grown)], store.derived(_Rec, "mention"), lambda r: r.article
        )
    assert [json.loads(p)["text"] for _, _, p in _payloads(store, "mention")] == [r.text for r in grown]


def test_cached_name_readings_answer_as_before_and_hand_out_fresh_lists() -> None:
    parts = person_parts("President Vladimir Putin")
    parts.append("changed")  # a caller changing its list must not change the cached answer
    assert person_parts("President Vladimir Putin") == ["vladimir", "putin"]
    assert org_key("Goldman Sachs Group Inc.") == org_key("Goldman Sachs Group Inc.")
    assert junk_name("Click Here") and not junk_name("Angela Merkel")


def test_linking_twice_in_one_process_gives_the_same_entities() -> None:
    def mentions() -> list[Mention]:
        return [
            Mention("a", "Angela Merkel", "PERSON", 0, 13),
            Mention("a", "Merkel", "PERSON", 40, 46),
            Mention("b", "Merkel", "PERSON", 5, 11),
            Mention("b", "U.N. Security Council", "ORG", 20, 41),
            Mention("c", "United Nations Security Council", "ORG", 0, 31),
        ]

    first, again = mentions(), mentions()
    ents_first, ents_again = link_entities(first), link_entities(again)
    assert [(e.id, e.name, e.articles) for e in ents_first] == [(e.id, e.name, e.articles) for e in ents_again]
    assert [m.entity for m in first] == [m.entity for m in again]
    merkel = {m.entity for m in first if "Merkel" in m.text}
    assert len(merkel) == 1  # the lone surname joins the full name, in its article and the next


# --------------------------------------------------------------------------- end to end


def _article(aid: str, day: int, outlet: str, title: str, text: str) -> dict[str, Any]:
    return {
        "id": aid,
        "url": f"https://{outlet}/{aid}",
        "outlet": outlet,
        "title": title,
        "text": text,
        "date_publish": f"2031-03-{day:02d}T09:00:00",
    }


_FLOOD = (
    "Heavy rain flooded the river town of Marlow Vale on Tuesday, forcing 1,200 residents from their homes. "
    "Mayor Helen Castell said the water rose two metres in six hours. \"We have never seen the river this "
    "high in living memory,\" Castell said. The Environment Agency issued 14 flood warnings across the county. "
    "Emergency crews from Redbridge Fire Service rescued 37 people by boat overnight. "
    "Forecasters expect more rain on Thursday, and schools will stay closed until Friday."
)
_FLOOD_REWRITE = (
    "About 1,200 people had to leave their homes in Marlow Vale after heavy rain on Tuesday. "
    "The river rose two metres in six hours, according to Mayor Helen Castell. \"We have never seen the river "
    "this high in living memory,\" she said. Crews of the Redbridge Fire Service pulled 37 people from the water "
    "by boat. The Environment Agency put 14 flood warnings in place. Schools are shut until Friday."
)
_TRIAL = (
    "A jury in Eastport convicted former banker Tomas Reyna of fraud on Monday after a three-week trial. "
    "Prosecutors said Reyna moved 4.5 million dollars from client accounts into a shell company. "
    "\"The evidence was overwhelming and the jury saw it,\" prosecutor Dana Whitlow told reporters. "
    "Reyna's lawyer, Paul Osei, said his client would appeal. Sentencing is set for May 12."
)
_TRIAL_LATER = (
    "Tomas Reyna, the former banker convicted of fraud in Eastport, will appeal, his lawyer Paul Osei said on "
    "Wednesday. \"The evidence was overwhelming and the jury saw it,\" prosecutor Dana Whitlow had said after "
    "the verdict. Osei said the trial judge wrongly admitted bank records. Reyna moved 4.5 million dollars, "
    "prosecutors said. Sentencing is still set for May 12."
)
_LIBRARY = (
    "The harbour town of Kellwick opened its first public library in a century on Saturday. Librarian Moira "
    "Tully said the building holds 40,000 books. \"We waited a long time for this,\" Tully said. The library "
    "cost 3 million pounds, paid for by a local lottery and a grant from the regional government."
)
_MATCH = (
    "Redbridge United beat Eastport Rovers 3-1 on Saturday to top the league. Striker Kofi Mensah scored twice "
    "before half-time. \"The lads were brilliant today,\" manager Ian Blackwood said. Rovers' only goal came "
    "from a penalty in the 80th minute. United play Marlow Vale Athletic next week."
)

FIRST = [
    _article("flood-wire", 3, "wire.example", "River floods Marlow Vale, 1,200 evacuated", _FLOOD),
    _article("trial", 4, "courts.example", "Former banker Reyna convicted of fraud", _TRIAL),
    _article("library", 5, "coast.example", "Kellwick opens first library in a century", _LIBRARY),
]
LATER = [
    _article("flood-copy", 4, "daily.example", "River floods Marlow Vale, 1,200 evacuated", _FLOOD),
    _article("flood-rewrite", 4, "herald.example", "Marlow Vale residents flee rising river", _FLOOD_REWRITE),
    _article("trial-appeal", 6, "courts2.example", "Reyna to appeal fraud conviction", _TRIAL_LATER),
    _article("match", 6, "sport.example", "Redbridge United top the league", _MATCH),
]


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _results(ws: Workspace) -> dict[str, Any]:
    """What an analysis stored, keyed so that comparing two workspaces compares results, not row ids."""
    store = ws.store
    stories = sorted(sorted(s.articles) for s in store.derived(Story, "story"))
    return {
        "entities": sorted((e.id, e.name, e.type, e.aliases, e.articles) for e in store.derived(Entity, "entity")),
        "mentions": [(m.article, m.text, m.type, m.start, m.end, m.entity, m.as_found)
                     for m in sorted(store.derived(Mention, "mention"), key=lambda m: (m.article, m.start, m.text))],
        "quotes": sorted(json.dumps([q.article, q.start, q.end, q.text, q.speaker, q.speaker_id, q.via,
                                     q.variant_group, q.as_found]) for q in store.derived(Quote, "quote")),
        "reuse": sorted((r.source, r.copy, r.kind, r.coverage, r.score, len(r.alignments))
                        for r in store.derived(Reuse, "reuse")),
        "origins": sorted(json.dumps(to_dict(o), sort_keys=True) for o in store.derived(Origin, "origin")),
        "stories": stories,
    }


@pytest.mark.slow
def test_adding_articles_gives_what_a_fresh_analysis_of_all_of_them_gives(tmp_path: Path) -> None:
    first, later = _write(tmp_path / "first.jsonl", FIRST), _write(tmp_path / "later.jsonl", LATER)
    with Workspace(tmp_path / "grown.db") as ws:
        ws.add([first])
        ws.analyze()
        ws.add([later])
        second = ws.analyze()
        assert second.extracted == len(LATER)  # the first articles were not read again
        grown = _results(ws)
    with Workspace(tmp_path / "fresh.db") as ws:
        ws.add([first, later])
        ws.analyze()
        fresh = _results(ws)
    assert grown["reuse"] and grown["entities"] and grown["quotes"]  # something to compare
    for part in ("entities", "mentions", "quotes", "reuse", "origins", "stories"):
        assert grown[part] == fresh[part], part


@pytest.mark.slow
def test_linking_again_over_a_linked_workspace_rewrites_no_row(tmp_path: Path) -> None:
    rows = _write(tmp_path / "all.jsonl", FIRST + LATER)
    with Workspace(tmp_path / "w.db") as ws:
        ws.add([rows])
        ws.analyze()
        store = ws.store
        before = {kind: _payloads(store, kind) for kind in ("mention", "quote", "entity")}
        changes = store.db.total_changes
        run_linking(store)
        assert store.db.total_changes == changes  # every record equal to its stored self: none written
        assert {kind: _payloads(store, kind) for kind in ("mention", "quote", "entity")} == before


def test_kept_signatures_equal_computed_ones_and_only_new_articles_are_hashed() -> None:
    import numpy as np

    from storyprism.options import Options
    from storyprism.records import Article
    from storyprism.reuse import detect, minhash

    options = Options().reuse
    texts = [_FLOOD, _FLOOD_REWRITE, _TRIAL, _TRIAL_LATER, _LIBRARY, _MATCH]
    arts = [Article(id=f"a{k}", ref=f"a{k}", title="", text=t) for k, t in enumerate(texts)]
    eager = detect.prepare(arts, options)
    expected = minhash.signatures([d.shingles for d in eager], options.num_perm)
    first = minhash.SignatureCache()
    lazy = detect.prepare(arts[:4], options, lazy=True)
    first.signatures([d.digest for d in lazy], lambda k: detect.shingles_of(lazy[k]), options.num_perm)
    read: list[int] = []
    again = minhash.SignatureCache(dict(first.kept))
    lazy = detect.prepare(arts, options, lazy=True)

    def shingles(k: int) -> np.ndarray:
        read.append(k)
        return detect.shingles_of(lazy[k])

    got = again.signatures([d.digest for d in lazy], shingles, options.num_perm)
    assert np.array_equal(got, expected)
    assert read == [4, 5] and again.changed  # only the two new articles' shingles were hashed
    assert all(np.array_equal(detect.shingles_of(a), b.shingles) for a, b in zip(lazy, eager, strict=True))
