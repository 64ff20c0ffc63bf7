"""storyprism extract stage: who said what, names, numbers and dates.

``extract_articles`` does the per-article work and is a plain top-level function, so an executor can
run batches of articles on several processes; ``link_corpus`` then links across the whole corpus
(entities with one canonical name, speaker ids, quote variant groups).
"""

from storyprism.extract.options import ExtractOptions
from storyprism.extract.stage import extract_articles, link_corpus

__all__ = ["ExtractOptions", "extract_articles", "link_corpus"]
