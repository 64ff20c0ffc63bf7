"""Ray remote functions made on first use, so that importing the engine never needs Ray (the CLI's
``--help`` and the local engine stay light)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class LazyRemote:
    """``ray.remote(max_retries=3)(fn)``, built the first time ``options`` is called."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.remote_fn: Any = None

    def options(self, **kwargs: Any) -> Any:
        if self.remote_fn is None:
            import ray

            self.remote_fn = ray.remote(max_retries=3)(self.fn)
        return self.remote_fn.options(**kwargs)
