"""Seconds per step of an engine run, for its report."""

from __future__ import annotations

import time
from collections.abc import Callable


class Laps:
    """``laps("extract")`` records the seconds since the previous lap (or since the start) under that
    step's name, then tells ``then`` the step is done."""

    def __init__(self, seconds: dict[str, float], then: Callable[[str], None] | None = None) -> None:
        self.seconds = seconds
        self.then = then
        self.clock = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self.clock, 3)
        self.clock = now
        if self.then is not None:
            self.then(stage)
