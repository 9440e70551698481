"""A sentence classifier for the indicator codes, beside the rules.

Sentences are embedded with a static (model2vec) distillation of all-MiniLM-L6-v2
that ships in the package, and scored by one logistic regression per code
(weights in ``data/indicator-classifier.json``, trained by
``scripts/train_indicator_classifier.py``). Its probability rides along with each
rule hit as a second opinion; see ``find_indicators`` for why it does not decide.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

EMBEDDINGS_PATH = Path(str(files("laborwatch") / "data" / "static-minilm"))
CLASSIFIER_PATH = Path(str(files("laborwatch") / "data" / "indicator-classifier.json"))


@lru_cache(maxsize=1)
def _embedder() -> Any:
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(EMBEDDINGS_PATH))


@lru_cache(maxsize=1)
def _weights() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    model = json.loads(CLASSIFIER_PATH.read_text(encoding="utf-8"))
    return (
        tuple(model["codes"]),
        np.asarray(model["weights"], dtype=np.float32),
        np.asarray(model["biases"], dtype=np.float32),
    )


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length sentence vectors, one row per text."""
    if not texts:
        return np.zeros((0, 64), dtype=np.float32)
    return np.asarray(_embedder().encode(texts), dtype=np.float32)


def classify(texts: list[str]) -> list[dict[str, float]]:
    """For each text, the probability of each indicator code."""
    codes, weights, biases = _weights()
    if not texts:
        return []
    scores = embed(texts) @ weights.T + biases
    probabilities = 1 / (1 + np.exp(-scores))
    return [
        dict(zip(codes, (float(p) for p in row), strict=True)) for row in probabilities
    ]
