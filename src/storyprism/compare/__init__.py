"""storyprism compare stage: claims, corroboration, conflicts, summaries and timelines per story."""

from storyprism.compare.options import CompareOptions
from storyprism.compare.stage import compare_stories

__all__ = ["CompareOptions", "compare_stories"]
