"""Records as the rows of Arrow tables that flow between the Ray engine's steps.

Every step of the Ray pipeline passes plain Arrow tables: a few flat columns to group and sort on
(``src``, ``item``, ``id``, ``kind``) and the record itself as its JSON (``records.to_dict``), so the
stage functions get exactly the typed records they get locally, and Arrow never has to infer one
schema for nested, optional fields across blocks. Nothing here imports Ray.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import pyarrow as pa

from storyprism.records import Article, Rejected, from_dict, to_dict

T = TypeVar("T")

# An item's place in the input order: (source number, item number within the source). The local
# engine stores articles in this order, and article ids and ``duplicate_of`` depend on it.
ORDER = ("src", "item")


def dumps(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False)


def loads(cls: type[T], payload: str) -> T:
    return from_dict(cls, json.loads(payload))


def item_table(rows: Sequence[tuple[int, int, str, str]]) -> pa.Table:
    """Ingested items: ``(src, item, kind, payload)`` where kind is ``article`` or ``rejected``."""
    return pa.table(
        {
            "src": pa.array([r[0] for r in rows], pa.int64()),
            "item": pa.array([r[1] for r in rows], pa.int64()),
            "kind": pa.array([r[2] for r in rows], pa.string()),
            "payload": pa.array([r[3] for r in rows], pa.large_string()),
        }
    )


def article_rows(table: pa.Table) -> Iterator[tuple[int, int, Article]]:
    for src, item, payload in zip(
        table.column("src").to_pylist(), table.column("item").to_pylist(),
        table.column("payload").to_pylist(), strict=True,
    ):
        yield src, item, loads(Article, payload)


def articles_of(tables: Iterable[pa.Table]) -> list[tuple[int, int, Article]]:
    """Articles of several blocks, in input order."""
    out = [row for t in tables for row in article_rows(t.filter(_is(t, "article")))]
    out.sort(key=lambda r: (r[0], r[1]))
    return out


def rejected_of(tables: Iterable[pa.Table]) -> list[tuple[int, int, Rejected]]:
    out = []
    for t in tables:
        sel = t.filter(_is(t, "rejected"))
        for src, item, payload in zip(
            sel.column("src").to_pylist(), sel.column("item").to_pylist(),
            sel.column("payload").to_pylist(), strict=True,
        ):
            out.append((src, item, loads(Rejected, payload)))
    out.sort(key=lambda r: (r[0], r[1]))
    return out


def _is(table: pa.Table, kind: str) -> pa.Array:
    import pyarrow.compute as pc

    return pc.equal(table.column("kind"), kind)
