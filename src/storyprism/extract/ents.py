"""The named-entity span every extraction module shares (kept apart so small modules can use it
without importing speaker resolution)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Ent:
    """A named-entity span in the article text (from spaCy)."""

    start: int
    end: int
    label: str
    text: str
