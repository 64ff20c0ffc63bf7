"""Options of the junk-removal stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CleanOptions:
    enabled: bool = True
    # a line seen in at least this many articles of one outlet (and this share of them) is boilerplate
    repeated_min_articles: int = 3
    repeated_min_share: float = 0.3
