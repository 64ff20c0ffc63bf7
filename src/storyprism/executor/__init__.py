"""Executors run stage functions over batches; stages never know which executor runs them.

``LocalExecutor`` runs in this process (``workers=1``) or in a process pool; ``RayExecutor``
runs the very same functions on a Ray cluster when ``ray`` is installed.
"""

from storyprism.executor.base import Executor, LocalExecutor, RayExecutor, batched, make_executor

__all__ = ["Executor", "LocalExecutor", "RayExecutor", "batched", "make_executor"]
