"""storyprism reuse stage: copies and rewrites between articles, and what the copies changed."""

from storyprism.reuse.credits import Signals
from storyprism.reuse.detect import (
    PairMemo,
    compare_texts,
    detect_reuse,
    independent_count,
    origins,
    relation_key,
)
from storyprism.reuse.options import ReuseOptions
from storyprism.reuse.signal_store import signals_for
from storyprism.reuse.topic import headline_names_unreported, off_event_articles, off_topic_articles
from storyprism.reuse.trace import Trace, newsroom_pieces, trace_origins

__all__ = [
    "PairMemo",
    "ReuseOptions",
    "Signals",
    "Trace",
    "compare_texts",
    "detect_reuse",
    "headline_names_unreported",
    "independent_count",
    "newsroom_pieces",
    "off_event_articles",
    "off_topic_articles",
    "origins",
    "relation_key",
    "signals_for",
    "trace_origins",
]
