"""storyprism reuse stage: copies and rewrites between articles, and what the copies changed."""

from storyprism.reuse.detect import compare_texts, detect_reuse, independent_count, origins
from storyprism.reuse.options import ReuseOptions

__all__ = ["ReuseOptions", "compare_texts", "detect_reuse", "independent_count", "origins"]
