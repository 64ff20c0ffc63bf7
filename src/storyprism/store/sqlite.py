"""The SQLite workspace: a versioned schema, migrations, idempotent upserts, batched transactions.

One file holds everything a run produced. Articles are keyed by their *identity* (URL, or the
absolute input path) so re-adding the same input never duplicates; derived analysis results live in
one generic table keyed by (kind, key) and are replaced per kind, atomically, on every analysis run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from storyprism.records import Article, Rejected, RemovedLine, Source, StoryEdit, from_dict, to_dict
from storyprism.text.unicode import safe_text

T = TypeVar("T")
# a row of the ``derived`` table: (kind, key, article, story, payload as JSON)
DerivedRow = tuple[str, str, str | None, str | None, str]


class WorkspaceError(RuntimeError):
    """The workspace file cannot be used; the message says why and what to do."""


_ARTICLE_TEXT_FIELDS = ("id", "ref", "title", "text", "raw_text", "outlet", "url", "author", "identity")


# Each migration takes the schema from version i to i+1. Never edit a released migration: append.
MIGRATIONS: list[str] = [
    # 1: articles, rejected items, sources (for resume), derived analysis records, story edits
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        ref TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        published TEXT,
        published_inferred INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        author TEXT,
        fetched TEXT,
        source_format TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        duplicate_of TEXT,
        words INTEGER NOT NULL,
        added_at REAL NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE rejected (
        ref TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        added_at REAL NOT NULL,
        PRIMARY KEY (ref, reason)
    );
    CREATE TABLE sources (
        key TEXT PRIMARY KEY,
        ref TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        updated_at REAL NOT NULL
    );
    CREATE TABLE derived (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        article TEXT,
        story TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    );
    CREATE INDEX derived_article ON derived(kind, article);
    CREATE INDEX derived_story ON derived(kind, story);
    CREATE TABLE story_edits (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        payload TEXT NOT NULL
    );
    """,
    # 2: a key/value table for run bookkeeping (last analysis time, options used)
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 3: sentence embeddings shared by every stage and every later run, keyed by the hash of the
    # normalised sentence text; int8-quantised vectors with their scale (384 bytes + a float each)
    """
    CREATE TABLE embeddings (
        hash BLOB PRIMARY KEY,
        scale REAL NOT NULL,
        vector BLOB NOT NULL
    ) WITHOUT ROWID;
    """,
    # 4: precomputed views the web app reads (store/views.py): one row per story with its sort keys and
    # its page as zlib-compressed JSON, story outlets and members for filters, per-person quotes, and
    # full-text search over article titles and texts (FTS5, external content: the text is stored once,
    # in articles; view_article_rowids maps a match straight to its story without reading the article)
    """
    CREATE TABLE view_stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        size INTEGER NOT NULL,
        independent INTEGER NOT NULL,
        conflicts INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        storyline TEXT,
        outlets TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    CREATE INDEX view_stories_size ON view_stories(size DESC, id);
    CREATE INDEX view_stories_recent ON view_stories(last_seen DESC, id);
    CREATE INDEX view_stories_independent ON view_stories(independent DESC, id);
    CREATE INDEX view_stories_conflicts ON view_stories(conflicts DESC, id);
    CREATE INDEX view_stories_storyline ON view_stories(storyline);
    CREATE TABLE view_story_outlets (
        outlet TEXT NOT NULL,
        story TEXT NOT NULL,
        PRIMARY KEY (outlet, story)
    ) WITHOUT ROWID;
    CREATE INDEX view_story_outlets_story ON view_story_outlets(story);
    CREATE TABLE view_members (
        article TEXT PRIMARY KEY,
        story TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX view_members_story ON view_members(story);
    CREATE TABLE view_article_rowids (
        rowid INTEGER PRIMARY KEY,
        story TEXT NOT NULL
    );
    CREATE INDEX view_article_rowids_story ON view_article_rowids(story);
    CREATE TABLE view_people (
        id TEXT PRIMARY KEY,
        payload TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: the page's own summary beside its body (issue 10: a wire dateline the body lost)
    """
    ALTER TABLE articles ADD COLUMN description TEXT;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

# the order articles are listed and exported in: by publication date, undated last, then by id
_ARTICLE_ORDER = "COALESCE(published, '9999'), id"
_ARTICLE_COLUMNS = [
    "id",
    "identity",
    "ref",
    "title",
    "text",
    "raw_text",
    "outlet",
    "url",
    "published",
    "published_inferred",
    "language",
    "author",
    "fetched",
    "description",
    "source_format",
    "removed",
    "content_hash",
    "duplicate_of",
    "words",
    "added_at",
]


@dataclass(slots=True)
class UpsertResult:
    status: str  # added | updated | unchanged | same-text
    article_id: str
    duplicate_of: str | None = None


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case normalised: identical stories hash alike."""
    norm = " ".join(text.lower().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


class Store:
    """Low-level access to one workspace file. ``Workspace`` is the friendly API on top."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).resolve().parent
            if not parent.is_dir():
                raise WorkspaceError(
                    f"Cannot create workspace {self.path!r}: folder {str(parent)!r} does not exist. "
                    "Fix: create the folder or choose another --workspace path."
                )
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                f"{self.path!r} is not a storyprism workspace (SQLite said: {exc}). "
                "Fix: choose another --workspace path."
            ) from exc
        self.migrate()

    # ------------------------------------------------------------------ schema

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        try:
            current = self.version
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                f"{self.path!r} is not a storyprism workspace (SQLite said: {exc}). "
                "Fix: choose another --workspace path."
            ) from exc
        if current > SCHEMA_VERSION:
            raise WorkspaceError(
                f"Workspace {self.path!r} has schema version {current}, newer than this storyprism "
                f"understands ({SCHEMA_VERSION}). Fix: upgrade storyprism."
            )
        for version in range(current, SCHEMA_VERSION):
            # One script per migration, schema change and version bump committed together.
            self.db.executescript(
                f"BEGIN IMMEDIATE;{MIGRATIONS[version]}PRAGMA user_version = {version + 1};COMMIT;"
            )

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ articles

    def upsert_article(self, article: Article) -> UpsertResult:
        """Insert or update by identity. Call inside a transaction for batching."""
        for name in _ARTICLE_TEXT_FIELDS:
            value = getattr(article, name)
            if isinstance(value, str):
                setattr(article, name, safe_text(value))
        if not article.content_hash:
            article.content_hash = content_hash(article.text)
        identity = article.identity or article.url or article.ref
        article.identity = identity
        row = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE identity = ?", (identity,)
        ).fetchone()
        if row is not None:
            stored = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
            article.id = stored["id"]
            if article.published is None and stored["published_inferred"]:
                # a date analysis read off the text survives re-reading the undated source
                article.published, article.published_inferred = stored["published"], True
            article.duplicate_of = self._twin(article.content_hash, article.id)
            if self._values(article)[:-1] == tuple(stored[c] for c in _ARTICLE_COLUMNS[:-1]):
                return UpsertResult("unchanged", article.id)
            self._write_article(article, replace=True)
            return UpsertResult("updated", article.id, article.duplicate_of)
        article.id = self._free_id(article.id or "article", identity)
        article.duplicate_of = self._twin(article.content_hash, article.id)
        self._write_article(article, replace=False)
        if article.duplicate_of:
            return UpsertResult("same-text", article.id, article.duplicate_of)
        return UpsertResult("added", article.id)

    def _twin(self, text_hash: str, own_id: str) -> str | None:
        """The earliest other original article with the same text, if any."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL AND id != ? "
            "ORDER BY rowid LIMIT 1",
            (text_hash, own_id),
        ).fetchone()
        return row[0] if row else None

    def _free_id(self, wanted: str, identity: str) -> str:
        """``wanted`` unless another article holds it; then a suffix derived from the identity."""
        if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (wanted,)).fetchone() is None:
            return wanted
        digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()
        for width in (6, 10, 40):
            candidate = f"{wanted}-{digest[:width]}"
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone() is None:
                return candidate
        raise WorkspaceError(f"Cannot allocate an id for {identity!r}.")  # pragma: no cover

    @staticmethod
    def _values(a: Article) -> tuple[Any, ...]:
        """The row for ``a`` in ``_ARTICLE_COLUMNS`` order (``added_at`` last)."""
        return (
            a.id,
            a.identity,
            a.ref,
            a.title,
            a.text,
            a.raw_text,
            a.outlet,
            a.url,
            a.published,
            int(a.published_inferred),
            a.language,
            a.author,
            a.fetched,
            a.description,
            a.source_format,
            json.dumps([to_dict(r) for r in a.removed]),
            a.content_hash,
            a.duplicate_of,
            a.words,
            time.time(),
        )

    def _write_article(self, a: Article, replace: bool) -> None:
        values = self._values(a)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.db.execute(
            f"{verb} INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(values))})",
            values,
        )

    def set_published(self, updates: Iterable[tuple[str, str | None, bool]]) -> None:
        """(article id, ISO date, inferred?) for articles whose date was read off the text."""
        self.db.executemany(
            "UPDATE articles SET published = ?, published_inferred = ? WHERE id = ?",
            [(value, int(inferred), aid) for aid, value, inferred in updates],
        )

    def articles(
        self, ids: Sequence[str] | None = None, where: str = "", params: Sequence[Any] = ()
    ) -> list[Article]:
        sql = f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles"
        clauses, args = [], list(params)
        if where:
            clauses.append(where)
        if ids is not None:
            if not ids:
                return []
            clauses.append(f"id IN ({', '.join('?' * len(ids))})")
            args.extend(ids)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += f" ORDER BY {_ARTICLE_ORDER}"
        return [self._row_to_article(row) for row in self.db.execute(sql, args)]

    def article_ids(self) -> list[str]:
        """Every article's id, in the order ``articles`` returns them (the export's)."""
        return [row[0] for row in self.db.execute(f"SELECT id FROM articles ORDER BY {_ARTICLE_ORDER}")]

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        cur = self.db.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles ORDER BY rowid")
        while rows := cur.fetchmany(batch):
            for row in rows:
                yield self._row_to_article(row)

    @staticmethod
    def _row_to_article(row: Sequence[Any]) -> Article:
        d = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
        removed = [from_dict(RemovedLine, r) for r in json.loads(d.pop("removed"))]
        d.pop("words")
        d.pop("added_at")
        d["published_inferred"] = bool(d["published_inferred"])
        return Article(removed=removed, **d)

    def count(self, table: str) -> int:
        if table not in {"articles", "rejected", "sources", "story_edits", "embeddings"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # ------------------------------------------------------------------ rejected items and sources

    def add_rejected(self, item: Rejected) -> bool:
        """True if this (ref, reason) is new."""
        cur = self.db.execute(
            "INSERT OR IGNORE INTO rejected (ref, reason, detail, added_at) VALUES (?, ?, ?, ?)",
            (safe_text(item.ref), item.reason, safe_text(item.detail), time.time()),
        )
        return cur.rowcount > 0

    def clear_rejected(self, ref: str) -> None:
        """Forget the rejections of an input (and of its records, ``ref#...``) before reading it again."""
        ref = safe_text(ref)
        self.db.execute(
            "DELETE FROM rejected WHERE ref = ? OR substr(ref, 1, length(?) + 1) = ? || '#'", (ref, ref, ref)
        )

    def rejected(self) -> list[Rejected]:
        rows = self.db.execute("SELECT ref, reason, detail FROM rejected ORDER BY ref, reason")
        return [Rejected(*row) for row in rows]

    @staticmethod
    def source_key(source: Source) -> str:
        return safe_text(source.path or f"stdin:{source.fingerprint}")

    def source_done(self, source: Source) -> bool:
        if not source.fingerprint:
            return False
        row = self.db.execute(
            "SELECT fingerprint, status FROM sources WHERE key = ?", (self.source_key(source),)
        ).fetchone()
        return row is not None and row[0] == source.fingerprint and row[1] == "done"

    def mark_source(self, source: Source, status: str, articles: int = 0, rejected: int = 0) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO sources (key, ref, fingerprint, status, articles, rejected, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                self.source_key(source),
                safe_text(source.ref),
                source.fingerprint,
                status,
                articles,
                rejected,
                time.time(),
            ),
        )

    # ------------------------------------------------------------------ derived records

    def replace_derived(
        self,
        kind: str,
        items: Iterable[tuple[str, T]],
        article: Callable[[T], str | None] | None = None,
        story: Callable[[T], str | None] | None = None,
    ) -> int:
        """Replace every record of ``kind`` with ``(key, record)`` items (call inside a transaction).

        A re-run of a corpus-wide stage mostly rewrites what is already stored (linking a few new
        articles into 5,000 changed 2 % of the mention rows): when the keys are the stored ones in the
        stored order, only the rows whose content changed are written, in place, so reading them
        back (by rowid) gives the same order as a full rewrite would."""
        rows = self.derived_rows(kind, items, article, story)
        stored = self.db.execute(
            "SELECT key, article, story, payload FROM derived WHERE kind = ? ORDER BY rowid", (kind,)
        ).fetchall()
        if len(stored) == len(rows) and all(old[0] == row[1] for old, row in zip(stored, rows, strict=True)):
            self._update_in_place(kind, [row for old, row in zip(stored, rows, strict=True) if old[1:] != row[2:]])
            return len(rows)
        self.db.execute("DELETE FROM derived WHERE kind = ?", (kind,))
        return self._insert_derived(rows)

    def replace_derived_known(
        self,
        kind: str,
        items: Sequence[tuple[str, T]],
        stored: Sequence[T],
        article: Callable[[T], str | None] | None = None,
    ) -> int:
        """``replace_derived`` for a caller that holds the stored records of ``kind`` as ``derived``
        read them (``stored``, in stored order): where the keys are the stored ones in the stored
        order, a record equal to the one stored in its place is neither serialised nor compared as
        text again, and only the others are written, in place. Linking a few new articles into a
        workspace rewrites a few per cent of its mentions; serialising the other 98 % only to find
        them unchanged cost more than the rewrite itself. Any other case is ``replace_derived``."""
        keys = [row[0] for row in self.db.execute("SELECT key FROM derived WHERE kind = ? ORDER BY rowid", (kind,))]
        if len(keys) != len(items) or len(stored) != len(items) or any(
            k != key for k, (key, _) in zip(keys, items, strict=True)
        ):
            return self.replace_derived(kind, items, article)
        changed = [(key, r) for (key, r), old in zip(items, stored, strict=True) if r != old]
        self._update_in_place(kind, self.derived_rows(kind, changed, article, None))
        return len(items)

    def _update_in_place(self, kind: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Write ``derived_rows`` rows over the stored rows of their keys (the row order is kept)."""
        self.db.executemany(
            "UPDATE derived SET article = ?, story = ?, payload = ? WHERE kind = ? AND key = ?",
            [(row[2], row[3], row[4], kind, row[1]) for row in rows],
        )

    def add_derived(
        self,
        kind: str,
        items: Iterable[tuple[str, T]],
        article: Callable[[T], str | None] | None = None,
        story: Callable[[T], str | None] | None = None,
    ) -> int:
        """Insert or replace ``(key, record)`` items of ``kind``."""
        return self._insert_derived(self.derived_rows(kind, items, article, story))

    def add_derived_rows(self, rows: list[DerivedRow]) -> int:
        """``add_derived`` for records already serialised by ``derived_rows`` (in another process)."""
        return self._insert_derived(rows)

    @staticmethod
    def derived_rows(
        kind: str,
        items: Iterable[tuple[str, T]],
        article: Callable[[T], str | None] | None = None,
        story: Callable[[T], str | None] | None = None,
    ) -> list[DerivedRow]:
        """The rows ``add_derived`` writes for ``items``: needs no store, so a worker process can
        serialise its records and hand the parent plain strings (``add_derived_rows``)."""
        return [
            (
                kind,
                key,
                article(r) if article else None,
                story(r) if story else None,
                json.dumps(to_dict(r), ensure_ascii=False),
            )
            for key, r in items
        ]

    def _insert_derived(self, rows: list[DerivedRow]) -> int:
        self.db.executemany(
            "INSERT OR REPLACE INTO derived (kind, key, article, story, payload) VALUES (?, ?, ?, ?, ?)", rows
        )
        return len(rows)

    def delete_derived(self, kind: str, articles: Sequence[str]) -> None:
        self.db.executemany(
            "DELETE FROM derived WHERE kind = ? AND article = ?", [(kind, a) for a in articles]
        )

    def count_derived(self, kind: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM derived WHERE kind = ?", (kind,)).fetchone()[0])

    def delete_derived_of_stories(self, kind: str, stories: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM derived WHERE kind = ? AND story = ?", [(kind, s) for s in stories])

    def derived(
        self, cls: type[T], kind: str, story: str | None = None, article: str | None = None
    ) -> list[T]:
        sql, args = "SELECT payload FROM derived WHERE kind = ?", [kind]
        if story is not None:
            sql += " AND story = ?"
            args.append(story)
        if article is not None:
            sql += " AND article = ?"
            args.append(article)
        sql += " ORDER BY rowid"
        return [from_dict(cls, json.loads(row[0])) for row in self.db.execute(sql, args)]

    def derived_articles(self, kind: str) -> set[str]:
        rows = self.db.execute(
            "SELECT DISTINCT article FROM derived WHERE kind = ? AND article IS NOT NULL", (kind,)
        )
        return {row[0] for row in rows}

    # ------------------------------------------------------------------ sentence embeddings

    def get_embeddings(self, keys: Sequence[bytes]) -> dict[bytes, tuple[float, bytes]]:
        """Stored ``(scale, int8 codes)`` by sentence key, for the keys that are stored."""
        out: dict[bytes, tuple[float, bytes]] = {}
        for k in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
            chunk = keys[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for key, scale, vector in self.db.execute(
                f"SELECT hash, scale, vector FROM embeddings WHERE hash IN ({marks})", chunk
            ):
                out[bytes(key)] = (float(scale), bytes(vector))
        return out

    def put_embeddings(self, rows: Iterable[tuple[bytes, float, bytes]]) -> None:
        """Keep vectors for later runs; a key already stored keeps its vector (same text, same vector)."""
        with self.transaction():
            self.db.executemany("INSERT OR IGNORE INTO embeddings (hash, scale, vector) VALUES (?, ?, ?)", rows)

    # ------------------------------------------------------------------ story edits and meta

    def add_story_edit(self, edit: StoryEdit) -> None:
        self.db.execute("INSERT INTO story_edits (payload) VALUES (?)", (json.dumps(to_dict(edit)),))

    def story_edits(self) -> list[StoryEdit]:
        rows = self.db.execute("SELECT payload FROM story_edits ORDER BY seq")
        return [from_dict(StoryEdit, json.loads(row[0])) for row in rows]

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, json.dumps(value)))

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default


class _Transaction:
    """``with store.transaction():`` — BEGIN/COMMIT, ROLLBACK on error; nested use is a no-op."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> _Transaction:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")
