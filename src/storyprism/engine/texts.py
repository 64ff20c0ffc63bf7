"""Every text the corpus-wide stages encode, so the cluster can encode them all before the global step.

The global step (engine/global_step.py) runs on one node. Whatever it encodes there is encoded by
ONE process: at 1,000 articles it was ~2.4 texts an article (story headlines+leads, quote variants),
about a third of that step's time. The embedding store hands out the same dequantised vector whether
a text was encoded in this process or came in from the cluster (text/embeddings.py), so encoding
these texts in the per-article maps instead changes no result, only where the work runs. The global
step's report counts what it still encoded (``sentences_encoded_global``); the engine tests require 0
on the seeds, which catches a stage that starts encoding a text this module does not list (that
would cost time on the global node, never correctness).

The lists follow the stages' own code, named at each line; nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyprism.extract.variants import VARIANT_MIN_WORDS, variant_text
from storyprism.records import Article, Extraction


def article_texts(a: Article) -> list[str]:
    """Texts of one article that a stage embeds: its title; every sentence as the shared splitter
    (comparison) and reuse's splitter (alignment, the off-topic tests) cut it; the story stage's
    headline and headline+lead texts (``stories.cluster.attach_embeddings``); the off-topic tests'
    stand-in when no sentence is long enough (``reuse.topic.body_sentences``)."""
    from storyprism.reuse.text import split_sentences as reuse_split
    from storyprism.reuse.topic import body_sentences
    from storyprism.stories.features import article_features
    from storyprism.text.sentences import split_sentences

    feat = article_features(a)
    texts = [a.title, *(a.text[s:e] for s, e in split_sentences(a.text)), *reuse_split(a.text)]
    texts += [feat.title or feat.embed_text, feat.embed_text, *body_sentences(a)]
    return [t for t in texts if t and t.strip()]


def quote_texts(extraction: Extraction) -> Iterable[str]:
    """The texts ``extract.variants.group_variants`` may embed for an article's quotes: every quote
    long enough to be grouped, cut to its first words. Locally only the quotes in a candidate pair
    are embedded (a corpus-wide test); encoding all of them here costs a few texts an article on
    the cluster's cores and leaves the single global process none to encode."""
    for q in extraction.quotes:
        if len(q.text.split()) >= VARIANT_MIN_WORDS:
            yield variant_text(q.text)
