"""storyprism stories stage: events and storylines, incremental, with stable ids.

Entry points: ``update_stories`` (place new articles, replay the user's edits) and
``apply_edit`` (apply one edit now). See ``cluster.py`` for how articles are placed.
"""

from .edits import EditError, split_story_id
from .options import StoryOptions
from .state import new_story_id, new_storyline_id
from .update import apply_edit, update_stories, update_with_features

__all__ = [
    "EditError",
    "StoryOptions",
    "apply_edit",
    "new_story_id",
    "new_storyline_id",
    "split_story_id",
    "update_stories",
    "update_with_features",
]
