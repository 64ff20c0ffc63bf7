"""Options of the cross-source comparison stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CompareOptions:
    enabled: bool = True
    summary_sentences: int = 8
