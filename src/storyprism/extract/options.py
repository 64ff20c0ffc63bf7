"""Options of the extraction stage (quotes, names, numbers, dates)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ExtractOptions:
    enabled: bool = True
    batch_size: int = 32  # texts per spaCy batch
    # spaCy worker processes inside one extract_articles call; leave 1 when the executor already runs
    # batches on several processes (the usual setup: the lead's LocalExecutor splits the corpus).
    n_process: int = 1
    quotes: bool = True
    indirect_quotes: bool = True  # reported speech ("X said that ...") besides direct quotes
    names: bool = True  # spaCy NER: the slow part; off gives quotes with unresolved pronoun speakers
    numbers: bool = True
    dates: bool = True
    # quote variants: cosine of all-MiniLM-L6-v2 embeddings and content-word containment, both needed
    variant_cosine: float = 0.72
    variant_lexical: float = 0.55
