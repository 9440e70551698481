"""Full-text search on both engines: same query language, same hits."""

import pytest

from laborwatch.documents import Document
from laborwatch.errors import LaborwatchError
from laborwatch.extract import split_sentences
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.store import Database, save_document, search_documents, search_sentences
from laborwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START, to_fts5_query

REPORTS = {
    "Passports kept at sea": "The captain kept the fishermen's passports. "
    "They worked twenty hours a day.",
    "Cocoa farm children": "Children carried machetes on cocoa farms. "
    "They sprayed pesticides.",
    "Kiln debts": "Families owed debts to the kiln owner. "
    "Children carried bricks to the field.",
}


@pytest.fixture
def filled(database: Database) -> Database:
    for title, text in REPORTS.items():
        document = Document.create(
            text, source=title, media_type="text/plain", title=title
        )
        save_document(
            database,
            document,
            split_sentences(document),
            minhash_signature(document.text),
            near_duplicate_threshold=0.8,
        )
    return database


def test_search_documents_ranks_and_highlights(filled: Database) -> None:
    hits = search_documents(filled, "passports")
    assert [hit.title for hit in hits] == ["Passports kept at sea"]
    assert f"{HIGHLIGHT_START}passports{HIGHLIGHT_END}" in hits[0].snippet


def test_search_stems_words(filled: Database) -> None:
    assert {hit.title for hit in search_documents(filled, "carrying")} == {
        "Cocoa farm children",
        "Kiln debts",
    }


def test_search_sentences_returns_spans(filled: Database) -> None:
    (hit,) = search_sentences(filled, "machetes")
    assert hit.sentence_position == 0
    assert hit.start == 0
    assert hit.end == len("Children carried machetes on cocoa farms.")


def test_phrase_or_and_exclusion(filled: Database) -> None:
    assert {h.title for h in search_documents(filled, '"carried bricks"')} == {
        "Kiln debts"
    }
    assert {h.title for h in search_documents(filled, "machetes OR passports")} == {
        "Cocoa farm children",
        "Passports kept at sea",
    }
    assert {h.title for h in search_documents(filled, "children -cocoa")} == {
        "Kiln debts"
    }


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "NEAR(a b)",
        "a AND OR",
        "col:passports",
        "*",
        "'; DROP TABLE documents; --",
    ],
)
def test_odd_queries_never_break_the_search(filled: Database, query: str) -> None:
    try:
        search_documents(filled, query)
        search_sentences(filled, query)
    except LaborwatchError as err:
        assert "needs at least one word" in str(err)
    assert len(search_documents(filled, "children")) == 2


def test_query_without_words_is_a_clear_error(filled: Database) -> None:
    with pytest.raises(LaborwatchError, match="at least one word"):
        search_documents(filled, "  -- ")


def test_fts5_query_quotes_every_term() -> None:
    assert to_fts5_query('kiln "carried bricks" OR debt -cocoa') == (
        '("kiln") AND ("carried bricks" OR "debt") NOT "cocoa"'
    )


KOREAN_REPORT = "관리자는 노동자들의 여권을 압수했다. 노동자들은 하루 16시간씩 일했다."


@pytest.fixture
def with_korean(filled: Database) -> Database:
    document = Document.create(
        KOREAN_REPORT, source="ko", media_type="text/plain", title="여권 압수"
    )
    save_document(
        filled,
        document,
        split_sentences(document),
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
    )
    return filled


def test_search_finds_korean_words_with_their_particles(with_korean: Database) -> None:
    # 노동자 is indexed as 노동자들의 / 노동자들은; 여권 as 여권을.
    assert [h.title for h in search_documents(with_korean, "노동자")] == ["여권 압수"]
    (hit,) = search_sentences(with_korean, "여권")
    assert hit.sentence_position == 0
    assert search_documents(with_korean, "여권 -압수") == []
    assert {h.title for h in search_documents(with_korean, "여권 OR passports")} == {
        "여권 압수",
        "Passports kept at sea",
    }


def test_korean_search_syntax_never_reaches_the_engine(with_korean: Database) -> None:
    for query in ["여권'", "노동자 & | !", '"여권을 압수', "여권:* <->"]:
        search_documents(with_korean, query)
