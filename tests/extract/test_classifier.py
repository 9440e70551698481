import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from laborwatch.documents import Sentence
from laborwatch.extract.classifier import (
    MODEL_PATH,
    IndicatorModel,
    classify,
    embed,
    ngrams,
    not_prose,
    tfidf_rows,
)
from laborwatch.extract.indicators import CODES, find_indicators


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


def _sure_of_nothing(model: IndicatorModel, rules: frozenset[str]) -> IndicatorModel:
    """The model, made to decide no code by probability and only by these rules."""
    return replace(
        model,
        thresholds=np.full_like(model.thresholds, 2.0),
        rules_decide=np.zeros_like(model.rules_decide),
        deciding_rules=rules,
    )


def test_a_precise_rule_decides_its_code_and_its_cue_is_shown() -> None:
    model = _sure_of_nothing(IndicatorModel.load(), frozenset({"state sets quotas"}))
    text = "The cadres are focused on fulfilling the quotas set by the Ministry."
    (scores,) = classify([text], model=model)
    assert scores.decided == {"state_imposed"}
    assert scores.rules == {"state sets quotas"}
    (found,) = find_indicators(Sentence("d", 0, 0, len(text), text), scores)
    assert found.rule == "state sets quotas"
    assert found.cue.startswith("cadres") and found.cue.endswith("quotas")


def test_a_precise_rule_does_not_decide_in_a_law_or_effort() -> None:
    model = _sure_of_nothing(IndicatorModel.load(), frozenset({"state sets quotas"}))
    text = "The new law prohibits quotas set by the ministry for forced labour."
    (scores,) = classify([text], model=model)
    assert not scores.decided


def test_nothing_is_decided_where_the_only_cue_is_negated() -> None:
    model = IndicatorModel.load()
    low = replace(model, thresholds=np.full_like(model.thresholds, 0.0))
    negated, plain = classify(
        ["The workers were not beaten.", "The workers were beaten."], model=low
    )
    assert not negated.decided
    assert plain.decided


@pytest.mark.parametrize(
    "line",
    [
        "- Garlic: CL=Yes FL=No FCL=No",
        "Saudi Arabia (Tier 3)",
        "By JANE DOE | REUTERS",
        "https://example.org/2024/05/forced-labour",
    ],
)
def test_lines_that_are_not_prose_carry_no_indicator(line: str) -> None:
    assert not_prose(line)
    (scores,) = classify([line])
    assert scores.decided == frozenset()


@pytest.mark.parametrize(
    "sentence",
    [
        "Bonded labour is widespread in Pakistan.",
        "Workers were beaten.",
        "공장 관리인이 노동자들의 여권을 빼앗았다.",
    ],
)
def test_short_prose_is_prose(sentence: str) -> None:
    assert not not_prose(sentence)
