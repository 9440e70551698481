"""Search at scale, on both engines: only the newest matches are ranked, paging
past them still works, and facets narrow the same whether a facet holds few
documents (a subquery) or many (a check per candidate)."""

import pytest

from laborwatch.documents import Document
from laborwatch.extract import split_sentences
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.store import Database, save_document, search_documents, search_sentences
from laborwatch.store import facets as facets_module
from laborwatch.store.facets import Facets, documents_within, newest_documents
from laborwatch.store.tables import facts

# Stored oldest first. The oldest says "wages" most often: ranked in full, it is
# the best hit; beyond the newest candidates, it is not ranked at all.
REPORTS = [
    ("Oldest", "Wages wages wages were withheld, wages unpaid.", "CN", "2019-01-01"),
    ("Second", "Wages were paid late at the kiln.", "CN", "2020-01-01"),
    ("Third", "Wages were cut at the farm.", "UZ", "2021-01-01"),
    ("Newest", "The broker kept their wages.", "CN", "2022-01-01"),
]


@pytest.fixture
def stored(database: Database) -> Database:
    for title, text, country, published in REPORTS:
        document = Document.create(
            text,
            source=title,
            media_type="text/plain",
            title=title,
            published=published,
        )
        save_document(
            database,
            document,
            split_sentences(document),
            minhash_signature(document.text),
            near_duplicate_threshold=0.8,
        )
        with database.writing() as connection:
            connection.execute(
                facts.insert().values(
                    document_id=document.id,
                    sentence_position=0,
                    kind="place",
                    text=country,
                    key=country,
                    start=0,
                    end=1,
                    detail={},
                )
            )
    return database


def test_search_ranks_everything_when_few_match(stored: Database) -> None:
    assert search_documents(stored, "wages")[0].title == "Oldest"
    assert search_sentences(stored, "wages")[0].title == "Oldest"


def test_search_ranks_only_the_newest_candidates(stored: Database) -> None:
    documents = search_documents(stored, "wages", limit=2, candidates=2)
    assert {hit.title for hit in documents} == {"Third", "Newest"}
    sentences = search_sentences(stored, "wages", limit=2, candidates=2)
    assert {hit.title for hit in sentences} == {"Third", "Newest"}


def test_paging_past_the_candidates_ranks_more(stored: Database) -> None:
    every = [hit.title for hit in search_documents(stored, "wages", candidates=4)]
    page = search_documents(stored, "wages", limit=2, offset=2, candidates=2)
    assert [hit.title for hit in page] == every[2:]


@pytest.mark.parametrize("few", [0, 5_000], ids=["checked", "listed"])
def test_facets_narrow_alike_for_few_or_many_documents(
    stored: Database, monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    # 0: every facet counts as large (EXISTS per candidate); 5,000: as small.
    monkeypatch.setattr(facets_module, "FEW_DOCUMENTS", few)
    china = documents_within(stored, Facets(country="cn"))
    titles = {hit.title for hit in search_documents(stored, "wages", only=china)}
    assert titles == {"Oldest", "Second", "Newest"}
    sentences = search_sentences(stored, "wages", only=china, limit=2, candidates=2)
    assert {hit.title for hit in sentences} == {"Second", "Newest"}
    recent = documents_within(stored, Facets(country="CN", published_from="2020"))
    assert {hit.title for hit in search_documents(stored, "wages", only=recent)} == {
        "Second",
        "Newest",
    }
    listed = newest_documents(stored, Facets(country="CN"))
    assert [hit.title for hit in listed] == ["Newest", "Second", "Oldest"]
    assert documents_within(stored, Facets()) is None


def test_search_without_snippets_finds_the_same_documents(stored: Database) -> None:
    full = search_documents(stored, "wages")
    bare = search_documents(stored, "wages", snippets=False)
    assert [hit.document_id for hit in bare] == [hit.document_id for hit in full]
    assert {hit.snippet for hit in bare} == {""}
    assert all(hit.snippet for hit in full)
