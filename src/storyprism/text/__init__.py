"""Text machinery shared by every stage (a leaf package: it imports no stage).

``embeddings``: the one sentence-embedding store, keyed by the hash of the normalised sentence.
"""
