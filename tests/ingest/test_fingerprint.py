from laborwatch.ingest.fingerprint import band_keys, minhash_signature, similarity
from tests.conftest import REPORTS

ARTICLE = (REPORTS / "kiln-report.txt").read_text() * 3


def test_lightly_edited_copy_is_similar() -> None:
    edited = ARTICLE.replace("Punjab", "Sindh", 1)
    score = similarity(minhash_signature(ARTICLE), minhash_signature(edited))
    assert 0.8 <= score < 1.0


def test_unrelated_texts_are_not_similar() -> None:
    other = "The cooperative exports cocoa beans to buyers in Europe every season."
    assert similarity(minhash_signature(ARTICLE), minhash_signature(other)) < 0.1


def test_similar_documents_share_band_keys() -> None:
    edited = ARTICLE.replace("six years", "seven years")
    shared = set(band_keys(minhash_signature(ARTICLE))) & set(
        band_keys(minhash_signature(edited))
    )
    assert shared
