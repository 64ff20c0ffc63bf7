"""Options of the extraction stage (quotes, names, numbers, dates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ExtractOptions:
    enabled: bool = True
    batch_size: int = 32
