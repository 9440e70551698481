"""Storing and reading documents; runs on SQLite and, when configured, PostgreSQL."""

import pytest

from laborwatch.documents import Document
from laborwatch.errors import LaborwatchError
from laborwatch.extract import split_sentences
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.store import (
    Database,
    count_documents,
    get_document,
    list_documents,
    open_database,
    save_document,
)
from laborwatch.store.database import latest_revision, schema_revision

ARTICLE = (
    "Workers at the gem workshop polish stones with their bare hands.\n\n"
    "They are paid 4,000 won a month and cannot leave before the quota is met. "
    "Managers take their identity papers when they arrive and keep them until the "
    "end of the season. Girls as young as fourteen work eight hours a day, and those "
    "who complain lose their food rations. The stones are sold to traders abroad."
)


def store(database: Database, text: str, source: str = "a.txt", threshold: float = 0.8):  # type: ignore[no-untyped-def]
    document = Document.create(text, source=source, media_type="text/plain", title="T")
    return save_document(
        database,
        document,
        split_sentences(document),
        minhash_signature(document.text),
        near_duplicate_threshold=threshold,
    )


def test_new_database_is_at_latest_schema(database: Database) -> None:
    assert schema_revision(database) == latest_revision()


def test_opening_twice_migrates_once(database_url: str) -> None:
    first = open_database(database_url)
    store(first, ARTICLE)
    first.close()
    second = open_database(database_url)
    assert count_documents(second)["documents"] == 1
    second.close()


def test_document_is_stored_with_sentences_and_source(database: Database) -> None:
    result = store(database, ARTICLE)
    assert result.outcome == "ingested"
    stored = get_document(database, result.document_id)
    assert (
        stored.document.text == Document.create(ARTICLE, source="", media_type="").text
    )
    assert (
        stored.sentences[0].text
        == "Workers at the gem workshop polish stones with their bare hands."
    )
    for sentence in stored.sentences:
        assert stored.document.text[sentence.start : sentence.end] == sentence.text
    assert [(s.location, s.relation) for s in stored.sources] == [("a.txt", "original")]


def test_exact_duplicate_adds_only_its_location(database: Database) -> None:
    first = store(database, ARTICLE, source="a.txt")
    again = store(database, ARTICLE, source="a.txt")
    elsewhere = store(database, ARTICLE + "\r\n", source="mirror/a.txt")
    assert (again.outcome, elsewhere.outcome) == ("duplicate", "duplicate")
    assert again.document_id == elsewhere.document_id == first.document_id
    assert count_documents(database) == {
        "documents": 1,
        "sentences": 5,
        "duplicates": 1,
    }
    relations = [s.relation for s in get_document(database, first.document_id).sources]
    assert relations == ["original", "copy"]


def test_near_duplicate_is_recorded_against_the_original(database: Database) -> None:
    original = store(database, ARTICLE, source="first.txt")
    edited = ARTICLE.replace("eight hours", "nine hours")
    result = store(database, edited, source="republished.txt")
    assert result.outcome == "near_duplicate"
    assert result.document_id == original.document_id
    assert result.similarity is not None and result.similarity >= 0.8
    assert count_documents(database)["documents"] == 1
    (_, copy) = get_document(database, original.document_id).sources
    assert copy.relation == "near_duplicate"
    assert copy.location == "republished.txt"
    # The same re-publication seen again is still a duplicate, not new evidence.
    assert store(database, edited, source="republished.txt").outcome == "near_duplicate"


def test_different_document_is_not_a_near_duplicate(database: Database) -> None:
    store(database, ARTICLE)
    other = (
        "Fishers on a squid vessel said the captain kept their passports for two years."
    )
    assert store(database, other, source="b.txt").outcome == "ingested"
    assert count_documents(database)["documents"] == 2


def test_get_document_by_prefix(database: Database) -> None:
    result = store(database, ARTICLE)
    assert (
        get_document(database, result.document_id[:8]).document.id == result.document_id
    )


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("00000000", "no such document"),
        ("xyz'; DROP TABLE documents; --", "not a document id"),
    ],
)
def test_get_document_errors_name_the_id(
    database: Database, key: str, message: str
) -> None:
    store(database, ARTICLE)
    with pytest.raises(LaborwatchError, match=message):
        get_document(database, key)
    assert count_documents(database)["documents"] == 1


def test_list_documents_newest_first_with_counts(database: Database) -> None:
    store(database, ARTICLE, source="first.txt")
    store(
        database, "A second, different report about cocoa farms.", source="second.txt"
    )
    listed = list_documents(database)
    assert [d.source for d in listed] == ["second.txt", "first.txt"]
    assert listed[1].sentence_count == 5
    assert list_documents(database, limit=1, offset=1)[0].source == "first.txt"
