"""The REST API and pages through FastAPI's test client, on a real database."""

import re

import pytest
from fastapi.testclient import TestClient

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import create_app
from tests.conftest import REPORTS

HOSTILE = (
    'Workers were beaten <script>alert("x")</script> at the kiln in Sindh.\n\n'
    '<img src=x onerror="alert(1)"> The owner kept their passports.\n'
)


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> TestClient:
    folder = tmp_path_factory.mktemp("web")
    (folder / "reports").mkdir()
    (folder / "reports" / "hostile.txt").write_text(HOSTILE)
    for name in ("article.html", "kiln-report.txt"):
        (folder / "reports" / name).write_bytes((REPORTS / name).read_bytes())
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    ingest_paths([str(folder / "reports")], database, settings)
    database.close()
    return TestClient(create_app(settings), base_url="http://127.0.0.1:8000")


def csrf(client: TestClient) -> dict[str, str]:
    """The header a script on the app's own pages sends with a write."""
    client.get("/")
    return {"X-CSRF-Token": client.cookies["laborwatch_csrf"]}


def document_id(client: TestClient, title_part: str) -> str:
    documents = client.get("/api/documents").json()["documents"]
    return next(d["id"] for d in documents if title_part in (d["title"] or ""))


def test_api_documents_paginated(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert (page["limit"], page["offset"], len(page["documents"])) == (2, 0, 2)
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert len(rest["documents"]) == 1
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422


@pytest.mark.parametrize(
    "path",
    ["/api/documents", "/api/incidents", "/search?q=kiln", "/incidents"],
)
def test_oversized_integers_are_refused_in_the_one_error_shape(
    client: TestClient, path: str
) -> None:
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}offset={10**30}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["status"] == 422
    assert error["message"].startswith("offset:")


def test_api_search_and_document(client: TestClient) -> None:
    found = client.get(
        "/api/search", params={"q": "passports", "sentences": True}
    ).json()
    assert {hit["title"] for hit in found["hits"]} >= {"Fishers held at sea"}
    shown = client.get(f"/api/documents/{found['hits'][0]['document_id']}").json()
    assert shown["sentences"] and shown["text"]


def test_api_errors_have_one_shape(client: TestClient) -> None:
    missing = client.get("/api/documents/abcdef12")
    assert missing.status_code == 404
    assert missing.json() == {
        "error": {"status": 404, "message": "abcdef12: no such document"}
    }
    bad = client.get("/api/search", params={"q": "-cocoa"})
    assert bad.status_code == 400
    assert "at least one word" in bad.json()["error"]["message"]


def test_api_stats_and_openapi(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 3
    assert stats["indicators"]["violence"] >= 1
    assert client.get("/openapi.json").json()["info"]["title"] == "laborwatch"


def test_dashboard_shows_counts_and_chart(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "3 documents" in page.text
    assert 'id="indicator-chart"' in page.text


def test_search_page_highlights_matches(client: TestClient) -> None:
    page = client.get("/search", params={"q": "passports"}).text
    assert "<mark>passports</mark>" in page


def test_document_page_highlights_evidence_sentences(client: TestClient) -> None:
    page = client.get(f"/documents/{document_id(client, 'Fishers')}").text
    assert re.search(r'<mark class="evidence [^"]*ind-retained_documents', page)
    assert "confiscated their passports" in page


def test_hostile_text_is_escaped(client: TestClient) -> None:
    page = client.get(f"/documents/{document_id(client, 'Workers were beaten')}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=" in page
    search = client.get("/search", params={"q": "<script>alert(1)</script> kiln"}).text
    assert "<script>alert(1)" not in search


def test_search_facets_narrow_and_count(client: TestClient) -> None:
    everything = client.get(
        "/api/search", params={"q": "workers OR crew OR families"}
    ).json()
    indicators = {f["value"]: f["documents"] for f in everything["facets"]["indicator"]}
    assert indicators["violence"] >= 1
    narrowed = client.get(
        "/api/search",
        params={"q": "workers OR crew OR families", "indicator": "debt_bondage"},
    ).json()
    assert narrowed["filters"] == {"indicator": "debt_bondage"}
    assert {hit["title"] for hit in narrowed["hits"]} == {"Kiln workers paid in debt"}
    none = client.get("/api/search", params={"q": "workers", "country": "ZZ"}).json()
    assert none["hits"] == []
    assert (
        client.get(
            "/api/search", params={"q": "x", "published_from": "soon"}
        ).status_code
        == 422
    )


def test_search_page_lists_facets_as_links(client: TestClient) -> None:
    page = client.get("/search", params={"q": "workers OR crew"}).text
    assert 'aria-label="Facets"' in page
    assert "indicator=" in page


def test_upload_api_screens_in_the_background(client: TestClient) -> None:
    import time

    from tests.conftest import FIXTURES

    with (FIXTURES / "screening" / "suppliers.csv").open("rb") as file:
        started = client.post(
            "/api/screen",
            files={"file": ("suppliers.csv", file, "text/csv")},
            headers=csrf(client),
        )
    assert started.status_code == 202
    job = started.json()["id"]
    deadline = time.monotonic() + 30
    state = client.get(f"/api/screen/{job}").json()
    while state["status"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.1)
        state = client.get(f"/api/screen/{job}").json()
    assert state["status"] == "complete"
    stored = client.get(f"/api/screenings/{state['screening']}").json()
    assert stored["summary"]["rows"] == 8


def test_upload_refuses_other_types_and_forged_forms(client: TestClient) -> None:
    refused = client.post(
        "/api/screen",
        files={"file": ("evil.exe", b"MZ", "application/octet-stream")},
        headers=csrf(client),
    )
    assert refused.status_code == 400
    assert "upload a .csv or .xlsx file" in refused.json()["error"]["message"]
    forged = client.post(
        "/screen",
        data={"csrf": "guess"},
        files={"file": ("s.csv", b"name\nx\n", "text/csv")},
    )
    assert forged.status_code == 403
    assert "forged" in forged.json()["error"]["message"]


def test_map_incidents_and_entities(client: TestClient) -> None:
    mapped = client.get("/api/map").json()
    assert {c["code"] for c in mapped["countries"]} >= {
        "PK"
    }  # the kiln report, in Punjab
    assert all(c["numeric"] for c in mapped["countries"])
    incidents = client.get("/api/incidents").json()["incidents"]
    assert incidents and all(i["indicators"] for i in incidents)
    kiln = next(i for i in incidents if "debt_bondage" in i["indicators"])
    assert kiln["title"] == "Kiln workers paid in debt"
    assert any("PK" in i["countries"] for i in incidents)
    assert client.get("/map").status_code == 200
    page = client.get("/incidents").text
    assert "Kiln workers paid in debt" in page
    actor = next(a for i in incidents for a in i["actors"])
    entity = client.get(f"/api/entities/{actor}").json()
    assert entity["mentions"] and entity["mentions"][0]["sentence"]
    assert client.get(f"/entities/{actor}").status_code == 200


def test_document_api_has_indicators_and_facts(client: TestClient) -> None:
    shown = client.get(f"/api/documents/{document_id(client, 'Fishers')}").json()
    assert {i["code"] for i in shown["indicators"]} >= {
        "retained_documents",
        "violence",
    }
    for indicator in shown["indicators"]:
        assert shown["text"][indicator["start"] : indicator["end"]] == indicator["cue"]
    assert any(f["kind"] == "good" for f in shown["facts"])


def test_dashboard_charts_by_country_good_and_year(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert ["PK", 1] in stats["by_country"]
    assert stats["by_year"]  # the article is dated 2024
    assert "Reports with evidence, by country" in client.get("/").text


def test_evidence_pack_downloads_as_pdf(client: TestClient) -> None:
    screenings = client.get("/api/screenings").json()["screenings"]
    if not screenings:
        pytest.skip("no screening stored yet in this module")
    stored = client.get(f"/api/screenings/{screenings[0]['id']}").json()
    flagged = next(r for r in stored["results"] if r["level"] != "none")
    pdf = client.get(f"/screenings/{stored['id']}/rows/{flagged['row']}/pack.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
