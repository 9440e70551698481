"""Pages show people's words for stored codes, search ranks evidence first, and
actor facets count case variants once: on stored documents with hand-made
evidence, so what the extractor decides does not move the tests."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from laborwatch.documents import Document
from laborwatch.extract import split_sentences
from laborwatch.extract.evidence import (
    Actor,
    Evidence,
    Good,
    Incident,
    Indicator,
    Place,
    Span,
)
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database, save_document
from laborwatch.store.evidence import replace_evidence
from laborwatch.store.search import search_documents, search_sentences
from laborwatch.web import create_app
from laborwatch.web.labels import date_text, good_name, indicator_name, place_name

EVIDENCE_TEXT = (
    "The bureau sent workers to the gem mines of South Pyongan. "
    "The company withheld wages from the miners for months."
)
# More of the query's words than the evidence sentence, and no indicator: a
# recommendation that repeats the words of what it asks to stop.
POLICY_TEXT = (
    "Buyers should ensure that withheld wages are repaid and that wages are "
    "never withheld: withheld wages must be audited."
)
WITHHELD_WAGES_WORDING = "Wages unpaid, delayed, deducted"


def _store(
    database: Database, title: str, text: str, actor: str, evidence: bool
) -> None:
    document = Document.create(
        text,
        source=f"{title}.txt",
        media_type="text/plain",
        title=title,
        published="2024-05-03",
        site="example.org",
    )
    sentences = split_sentences(document)
    save_document(
        database,
        document,
        sentences,
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
    )
    last = sentences[-1]
    found = Evidence(document.id, "test", "en", True, sentences=sentences)
    found.actors.append(
        Actor(actor, "public_body", None, Span(last.start, last.start + 4, 0))
    )
    if evidence:
        wages = last.text.index("withheld wages")
        found.indicators.append(
            Indicator(
                "withheld_wages",
                "withheld wages",
                Span.within(last, wages, wages + 14),
                0.9,
                "withheld wages",
            )
        )
        first = sentences[0]
        found.places.append(
            Place("South Pyongan", "KP", "KP-02", None, 39.35, 125.9, Span(0, 5, 0))
        )
        found.goods.append(Good("gem", "gems", "7103", "mining", Span(0, 5, 0)))
        found.incidents.append(
            Incident(
                ("withheld_wages",),
                (actor,),
                (),
                ("KP",),
                ("KP-02",),
                ("gems",),
                (),
                (first.position, last.position),
            )
        )
    replace_evidence(database, document, found)


@pytest.fixture(scope="module")
def stored(module_database_url: str) -> str:
    database = open_database(module_database_url)
    _store(database, "Gem mines", EVIDENCE_TEXT, "Ministry of Labour", True)
    _store(database, "Buyer guidance", POLICY_TEXT, "MINISTRY OF LABOUR", False)
    database.close()
    return module_database_url


@pytest.fixture(scope="module")
def client(stored: str) -> TestClient:
    app = create_app(Settings(database_url=stored))
    return TestClient(app, base_url="http://127.0.0.1:8000")


def test_labels_read_as_people_write_them() -> None:
    assert indicator_name("withheld_wages") == "Withheld wages"
    assert place_name("KP") == "North Korea"
    assert place_name("KP-02") == "South Pyongan, North Korea"
    assert place_name("CN-XJ") == "Xinjiang, China"
    assert good_name("gems") == "gems (HS 7103)"
    assert good_name("construction") == "construction"
    assert date_text("2024-05-03") == "3 May 2024"
    assert date_text("2024-05") == "May 2024"
    assert date_text("2024") == "2024"
    assert date_text("not a date") == "not a date"


def test_search_page_shows_labels_badges_and_hit_details(client: TestClient) -> None:
    page = client.get("/search", params={"q": "wages"}).text
    badge = re.search(r'<span class="badge[^"]*" title="([^"]+)">Withheld wages<', page)
    assert badge and badge.group(1).startswith(WITHHELD_WAGES_WORDING)
    assert "3 May 2024" in page
    assert "North Korea" in page
    assert "example.org" in page
    assert ">withheld_wages<" not in page
    assert ">KP<" not in page


def test_search_facets_and_filters_are_labelled(client: TestClient) -> None:
    page = client.get(
        "/search", params={"q": "wages", "country": "KP", "good": "gems"}
    ).text
    assert "country: North Korea" in page
    assert "good: gems (HS 7103)" in page
    assert re.search(r">Withheld wages</a> <small>1</small>", page)


def test_sentence_with_evidence_ranks_above_recommendation(stored: str) -> None:
    database = open_database(stored)
    try:
        sentences = search_sentences(database, "withheld wages")
        documents = search_documents(database, "withheld wages")
    finally:
        database.close()
    assert [hit.title for hit in sentences] == ["Gem mines", "Buyer guidance"]
    assert sentences[0].evidence == pytest.approx(0.9)
    assert sentences[1].evidence is None
    # The recommendation matches the words more often: the full-text rank alone
    # would put it first.
    assert sentences[1].score > sentences[0].score
    assert [hit.title for hit in documents] == ["Gem mines", "Buyer guidance"]


def test_api_search_hits_carry_indicators_and_countries(client: TestClient) -> None:
    hits = client.get(
        "/api/search", params={"q": "withheld wages", "sentences": True}
    ).json()["hits"]
    assert hits[0]["title"] == "Gem mines"
    assert hits[0]["indicators"] == ["withheld_wages"]
    assert hits[0]["countries"] == ["KP"]
    assert hits[0]["published"] == "2024-05-03"
    assert hits[1]["indicators"] == []


def test_actor_facet_counts_case_variants_once(client: TestClient) -> None:
    facets = client.get("/api/search", params={"q": "wages"}).json()["facets"]
    assert facets["actor"] == [{"value": "Ministry of Labour", "documents": 2}]
    narrowed = client.get(
        "/api/search", params={"q": "wages", "actor": "Ministry of Labour"}
    ).json()
    assert len(narrowed["hits"]) == 2


def test_dashboard_document_and_incidents_show_labels(client: TestClient) -> None:
    dashboard = client.get("/").text
    assert re.search(r' title="Wages unpaid[^"]*">Withheld wages</a></th>', dashboard)
    assert ">North Korea</a></th>" in dashboard
    assert ">gems (HS 7103)</a></th>" in dashboard
    assert "3 May 2024" in dashboard
    hit = client.get("/api/search", params={"q": "miners"}).json()["hits"][0]
    document = client.get(f"/documents/{hit['document_id']}").text
    assert re.search(r'title="Wages unpaid[^"]*">Withheld wages</a>', document)
    assert 'title="Withheld wages"' in document  # the highlighted sentence
    assert "South Pyongan, North Korea" in document
    assert "gems (HS 7103)" in document
    incidents = client.get("/incidents").text
    assert "South Pyongan, North Korea; North Korea" in incidents
    assert ">Withheld wages</span>" in incidents
    assert "gems (HS 7103)" in incidents


def test_map_names_countries_by_short_name(client: TestClient) -> None:
    data = client.get("/api/map").json()
    assert [c["name"] for c in data["countries"]] == ["North Korea"]
    assert data["points"][0]["place"] == "South Pyongan, North Korea"


def test_pages_link_the_favicon(client: TestClient) -> None:
    for path in ("/", "/search?q=wages", "/no-such-page"):
        page = client.get(path, headers={"Accept": "text/html"}).text
        assert '<link rel="icon" href="/static/favicon.svg"' in page, path
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in icon.text
    moved = client.get("/favicon.ico", follow_redirects=False)
    assert moved.headers["location"] == "/static/favicon.svg"


def test_every_page_and_the_error_page_share_one_environment() -> None:
    from laborwatch.web import errors, pages

    assert errors.templates is pages.templates
    assert pages.templates.env.filters["indicator"] is indicator_name
