"""Options of the cross-source comparison stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CompareOptions:
    enabled: bool = True
    summary_sentences: int = 8
    # Sentence similarity = embedding_weight * cosine(MiniLM) + (1 - embedding_weight) * lexical overlap.
    # Lexical overlap keeps topically-close but different statements apart (the encoder alone rates
    # "Putin and Xi spoke" and "Putin and Xi hailed relations" as near-paraphrases).
    embeddings: bool = True  # False: lexical similarity only (much faster on a slow CPU)
    embedding_weight: float = 0.6
    # Combined similarity for two sentences to state the same claim. 0.52 (was 0.58): with the value
    # guard (sentences giving incompatible values of one quantity never merge), the looser threshold
    # groups one fact told in different wordings (trust set: facts grouped 0.42 -> 0.56).
    claim_threshold: float = 0.52
    # Only sentences with a cross-article partner at least this lexically close are embedded: the rest
    # cannot reach ``claim_threshold`` and would only cost encoder time.
    candidate_lexical: float = 0.12
    min_sentence_words: int = 6
    max_sentence_words: int = 80
    # A claim most outlets carry: carried by at least this share of the story's other outlets.
    omission_share: float = 0.5
    # Unused since number conflicts read quantities themselves (compare/quantities.py); kept so that
    # saved option sets still load.
    number_context_threshold: float = 0.48
    exact_number_context_threshold: float = 0.7
    date_context_threshold: float = 0.6  # context similarity for two dates to date the same event
    negation_threshold: float = 0.62  # similarity of a statement and its negation (negation words aside)
    summary_diversity: float = 0.7  # MMR lambda: weight of relevance against redundancy
    max_timeline_statements: int = 12
    read_numbers: bool = True  # unused (see number_context_threshold): quantities are always read
