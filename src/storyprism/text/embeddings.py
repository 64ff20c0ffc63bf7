"""One sentence-embedding store for every stage and every run.

Encoding with MiniLM is by far the most expensive step of an analysis on a CPU (roughly 100-150
sentences a second on two cores), and several stages need vectors for the same sentences (the
reuse stage aligns sentences the comparison stage later groups into claims). So every vector is
computed once per distinct sentence, ever:

* the key is a 16-byte BLAKE2b hash of the normalised text (lower-cased, whitespace collapsed:
  MiniLM's tokenizer is uncased and ignores spacing, so such variants have identical vectors),
  salted with the encoder's name so that a changed encoder never reads another one's vectors;
* vectors are kept int8-quantised with one scale per vector (388 bytes instead of 1,536); every
  vector handed out is the dequantised one, fresh or stored, so a first run and a re-run from the
  store compute exactly the same similarities (the quantisation error is below 0.001 in cosine);
* an in-process table serves repeated requests, and an attached backend (the workspace's SQLite
  table) keeps them across runs and processes.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import numpy as np

DIM = 384
Encoder = Callable[[Sequence[str]], np.ndarray]


class EmbeddingBackend(Protocol):
    """Where vectors outlive the process: ``Store`` implements this with its ``embeddings`` table."""

    def get_embeddings(self, keys: Sequence[bytes]) -> dict[bytes, tuple[float, bytes]]: ...

    def put_embeddings(self, rows: Iterable[tuple[bytes, float, bytes]]) -> None: ...


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def key_of(text: str, model: str = "") -> bytes:
    """The store key: the model's name is salted in, so vectors of another model are never mixed in."""
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=16, salt=model.encode()[:16]).digest()


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-row symmetric int8 quantisation: ``(codes int8 (n, d), scales float32 (n,))``."""
    peak = np.abs(vectors).max(axis=1) if len(vectors) else np.zeros(0, dtype=np.float32)
    scales = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    codes = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    return codes, scales


def dequantise(codes: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """Vectors back from int8, re-normalised to unit length (cosine = dot product downstream)."""
    out = codes.astype(np.float32) * scales[:, None]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


class EmbeddingStore:
    """Vectors by sentence; ``encode`` computes only what neither memory nor the backend holds."""

    def __init__(self, encoder: Encoder, model: str = "", memory_limit: int = 300_000) -> None:
        self.encoder = encoder
        self.model = model
        self.memory_limit = memory_limit
        self.memory: dict[bytes, np.ndarray] = {}
        self.backend: EmbeddingBackend | None = None
        self.encoded = 0  # sentences this process sent through the encoder
        self.served = 0  # sentences answered (memory, backend or encoder)
        self._lock = threading.Lock()

    def attach(self, backend: EmbeddingBackend | None) -> None:
        """Keep vectors in ``backend`` from now on (``None`` detaches). The in-process table is
        emptied when the backend changes, so every vector a workspace's run uses ends up stored in
        that workspace (one held in memory from another workspace would otherwise never be written)."""
        with self._lock:
            if backend is not self.backend:
                self.memory.clear()
            self.backend = backend

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, shape ``(len(texts), 384)`` float32, for ``texts`` in order."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        keys = [key_of(t, self.model) for t in texts]
        with self._lock:
            found: dict[bytes, np.ndarray] = {}
            missing: dict[bytes, str] = {}
            for k, t in zip(keys, texts, strict=True):
                if k in self.memory:
                    found[k] = self.memory[k]
                elif k not in missing:
                    missing[k] = t
            if missing and self.backend is not None:
                stored = self.backend.get_embeddings(list(missing))
                if stored:
                    ks = list(stored)
                    codes = np.frombuffer(b"".join(stored[k][1] for k in ks), dtype=np.int8).reshape(len(ks), DIM)
                    scales = np.array([stored[k][0] for k in ks], dtype=np.float32)
                    found.update(zip(ks, dequantise(codes, scales), strict=True))
                    for k in ks:
                        missing.pop(k, None)
            if missing:
                ks = list(missing)
                codes, scales = quantise(np.asarray(self.encoder([missing[k] for k in ks]), dtype=np.float32))
                self.encoded += len(ks)
                if self.backend is not None:
                    self.backend.put_embeddings(
                        (k, float(s), c.tobytes()) for k, s, c in zip(ks, scales, codes, strict=True)
                    )
                found.update(zip(ks, dequantise(codes, scales), strict=True))
            self._remember(found)
            self.served += len(texts)
            return np.stack([found[k] for k in keys])

    def _remember(self, vectors: dict[bytes, np.ndarray]) -> None:
        if len(self.memory) + len(vectors) > self.memory_limit:
            # Oldest first (dicts keep insertion order): drop half, so pruning is rare.
            for k in list(self.memory)[: len(self.memory) // 2]:
                del self.memory[k]
        self.memory.update(vectors)
