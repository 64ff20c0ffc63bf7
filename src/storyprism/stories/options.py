"""Options of the story (event) and storyline clustering stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class StoryOptions:
    enabled: bool = True
    window_days: int = 7  # articles further apart than this (when dated) are not one event
    use_embeddings: bool = True
