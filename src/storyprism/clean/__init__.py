"""storyprism clean stage: page chrome out of article text, every removed line kept with its reason.

Entry points: ``clean_articles`` and ``count_outlet_lines``. Cleaning reads ``raw_text`` (or ``text``
when there is no raw text), so running it twice gives the same result, and ``removed`` makes every
removal auditable and reversible (``RemovedLine.position`` is the line number in ``raw_text``).

Decisions: standalone byline lines ("By Jane Doe") are removed with reason ``byline`` (the author is
metadata); bylines inside sentences stay. A first body line equal to the headline is removed as
``title``. Datelines, quotes, subheads and one-sentence paragraphs are journalism and stay.
"""

from __future__ import annotations

from storyprism.clean.boilerplate import count_outlet_lines, merge_counts, outlet_key
from storyprism.clean.document import clean_text
from storyprism.clean.lines import REASONS
from storyprism.clean.stage import clean_articles, reclean_with_counts

__all__ = ["REASONS", "clean_articles", "clean_text", "count_outlet_lines", "merge_counts", "outlet_key",
           "reclean_with_counts"]
