from laborwatch.extract.classifier import classify, embed
from laborwatch.extract.indicators import CODES


def test_embeddings_are_unit_vectors_from_the_bundled_model() -> None:
    vectors = embed(["Workers were locked in the dormitory.", "The harvest ended."])
    assert vectors.shape == (2, 64)
    assert abs(float((vectors[0] ** 2).sum()) - 1) < 1e-2


def test_classifier_scores_every_code_and_separates_evidence_from_noise() -> None:
    evidence, noise = classify(
        [
            "The agent confiscated the workers' passports when they arrived.",
            "The company publishes its annual report every March.",
        ]
    )
    assert set(evidence) == set(CODES)
    assert all(0 <= p <= 1 for p in evidence.values())
    assert evidence["retained_documents"] > 0.5 > noise["retained_documents"]
