"""Helpers the attribution tests share: quotes of a text through the real spaCy parse."""

from __future__ import annotations

from typing import Any

from storyprism.extract.nlp import analyse
from storyprism.extract.quotes import find_quotes


def quotes_of(text: str) -> list[Any]:
    ents, tree = analyse([text])[0]
    assert tree is not None and len(tree) > 0
    return find_quotes(text, ents, parse=tree)


def one(found: list[Any], needle: str) -> Any:
    hits = [q for q in found if needle in q.text]
    assert len(hits) == 1, [(q.text, q.speaker) for q in found]
    return hits[0]
