"""Executors run stage functions over batches; stages never know which executor runs them.

``LocalExecutor`` runs in this process (``workers=1``) or in a process pool. Ray runs the whole
analysis, not single stages: see ``storyprism.engine`` (``storyprism analyze --engine ray``).
"""

from storyprism.executor.base import RAY_REPLACED, Executor, LocalExecutor, batched, make_executor

__all__ = ["RAY_REPLACED", "Executor", "LocalExecutor", "batched", "make_executor"]
