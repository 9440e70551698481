import json
from pathlib import Path

import numpy as np
import pytest

from laborwatch.extract.classifier import (
    MODEL_PATH,
    IndicatorModel,
    classify,
    embed,
    ngrams,
    tfidf_rows,
)
from laborwatch.extract.indicators import CODES


def test_embeddings_are_unit_vectors_from_the_bundled_model() -> None:
    vectors = embed(["Workers were locked in the dormitory.", "The harvest ended."])
    assert vectors.shape == (2, 64)
    assert abs(float((vectors[0] ** 2).sum()) - 1) < 1e-2


def test_the_shipped_model_covers_every_code_with_a_threshold() -> None:
    model = IndicatorModel.load()
    assert model.codes == CODES
    assert model.weights.shape[0] == len(CODES)
    assert np.all((model.thresholds > 0) & (model.thresholds < 1))
    assert len(model.terms) == len(model.idf) == len(model.vocabulary)


def test_tfidf_rows_are_unit_length_and_ignore_unknown_terms() -> None:
    model = IndicatorModel.load()
    (row,) = tfidf_rows(
        [ngrams("passports were confiscated")], model.vocabulary, model.idf
    )
    assert row and abs(sum(v * v for v in row.values()) - 1) < 1e-6
    (empty,) = tfidf_rows([["zzzz-not-a-word"]], model.vocabulary, model.idf)
    assert empty == {}


def test_classifier_scores_every_code_and_separates_evidence_from_noise() -> None:
    evidence, noise = classify(
        [
            "The agent confiscated the workers' passports when they arrived.",
            "The company publishes its annual report every March.",
        ]
    )
    assert set(evidence.probabilities) == set(CODES)
    assert all(0 <= p <= 1 for p in evidence.probabilities.values())
    assert "retained_documents" in evidence.decided
    assert not noise.decided
    assert evidence.probabilities["retained_documents"] > 0.5
    assert noise.probabilities["retained_documents"] < 0.1


def test_a_model_decision_names_the_words_that_drove_it() -> None:
    (scores,) = classify(["The workers were forced to toil without pay for months."])
    for code in scores.decided:
        assert scores.drivers[code]


def test_context_changes_the_score_of_a_list_item() -> None:
    text = "- Prohibit the confiscation of workers' identity documents."
    alone, in_list = classify([text, text], ["", "Suggested government actions:"])
    assert alone.probabilities != in_list.probabilities


def test_the_shipped_models_were_trained_on_the_corpus_in_the_repository() -> None:
    """The training data travels with the models it rebuilds (training/README.md)."""
    corpus = Path(__file__).resolve().parents[2] / "training" / "indicator_corpus.jsonl"
    if not corpus.exists():
        pytest.skip("training/ is not installed with the package")
    sentences = sum(1 for line in corpus.read_text().splitlines() if line)
    with np.load(MODEL_PATH) as arrays:
        meta = json.loads(str(arrays["meta"]))
    assert meta["training_sentences"] == sentences
