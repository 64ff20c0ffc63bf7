"""Records to plain data and back: the store and every exporter rely on this round trip."""

from __future__ import annotations

import dataclasses
import json

from storyprism.records import (
    Alignment,
    Article,
    Change,
    RemovedLine,
    Reuse,
    Story,
    from_dict,
    to_dict,
)


def _reuse() -> Reuse:
    change = Change("number", "7,000 troops", "70,000 troops")
    return Reuse(
        source="a1",
        copy="a2",
        kind="rewrite",
        coverage=0.8,
        score=0.75,
        evidence=["aligned 4 sentences", "direction uncertain"],
        alignments=[
            Alignment("Putin sent 7,000 troops.", "Putin sent 70,000 troops.", 0.93, 0, 1, [change]),
            Alignment("Xi backed him.", "Xi backed him.", 1.0),
        ],
    )


def test_to_dict_is_what_asdict_gives_for_nested_records() -> None:
    article = Article(
        id="a1", ref="x.jsonl#1", title="T", text="Body.", removed=[RemovedLine("Share this", "share-widget", 3)]
    )
    for record in (_reuse(), article, Story(id="s1", title="T", articles=["a1"], state={"k": [1, {"x": (1, 2)}]})):
        assert to_dict(record) == dataclasses.asdict(record)
        assert json.dumps(to_dict(record), sort_keys=True) == json.dumps(dataclasses.asdict(record), sort_keys=True)


def test_from_dict_rebuilds_nested_records_and_owns_its_lists() -> None:
    reuse = _reuse()
    data = json.loads(json.dumps(to_dict(reuse)))
    back = from_dict(Reuse, data)
    assert back == reuse
    assert isinstance(back.alignments[0], Alignment) and isinstance(back.alignments[0].changes[0], Change)
    data["evidence"].append("changed afterwards")
    assert back.evidence == reuse.evidence  # the record does not share the caller's list


def test_from_dict_ignores_unknown_keys_and_keeps_defaults() -> None:
    back = from_dict(Change, {"kind": "hedge-removed", "source_text": "may", "copy_text": "", "new_field": 1})
    assert back == Change("hedge-removed", "may", "")
