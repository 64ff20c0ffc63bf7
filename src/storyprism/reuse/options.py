"""Options of the copy / rewrite detection stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ReuseOptions:
    enabled: bool = True
    shingle_size: int = 5
    num_perm: int = 128
    lsh_threshold: float = 0.3
    window_days: int = 14  # candidate rewrites must be published within this many days (when known)
    use_embeddings: bool = True
