"""The embedded SQLite workspace store and its exports."""

from storyprism.store.sqlite import (
    SCHEMA_VERSION,
    DerivedRow,
    Store,
    UpsertResult,
    WorkspaceError,
    content_hash,
)

__all__ = ["SCHEMA_VERSION", "DerivedRow", "Store", "UpsertResult", "WorkspaceError", "content_hash"]
