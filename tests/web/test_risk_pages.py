"""The risk areas page (filters, rows, evidence, map data, downloads) and the
incidents downloads, on a SQLite file with two reports written for the tests."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import openpyxl
import pytest
from fastapi.testclient import TestClient

from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import create_app
from tests.cli.test_incidents import documented_columns
from tests.store.test_risk import GEMS, OTHER, store
from tests.web.conftest import LOCAL

SCRIPT_TITLE = "<script>alert('gems')</script> Gems for export"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("risk-page")
    url = f"sqlite:///{folder / 'laborwatch.db'}"
    database = open_database(url)
    store(database, GEMS, site="Daily NK", title=SCRIPT_TITLE, published="2023-02-03")
    store(database, OTHER, url="https://rfa.example.org/gems", published="2024-05-01")
    database.close()
    with TestClient(create_app(Settings(database_url=url)), base_url=LOCAL) as client:
        yield client


def rows_of(page: str) -> list[str]:
    return re.findall(r'<tr class="risk-row".*?</tr>', page, flags=re.DOTALL)


def test_page_lists_rows_with_their_sentences_escaped(client: TestClient) -> None:
    response = client.get("/risk-areas")
    assert response.status_code == 200
    page = response.text
    assert '<a href="/risk-areas">Risk areas</a>' in page  # in the nav
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;gems&#39;)&lt;/script&gt; Gems for export" in page
    whole = rows_of(page)[0]
    assert "North Korea" in whole and "whole country" in whole
    assert "gems <small>HS 7103</small>" in whole
    assert "State-imposed labour" in whole  # indicators by their names
    assert "corroborated, state-imposed" in whole
    assert "3 February 2023" in whole and "1 May 2024" in whole
    # Each sentence links to its place in its document, and says what it says.
    links = re.findall(r'href="/documents/([0-9a-f]+)#s(\d+)"', whole)
    assert len(links) == 4
    assert "quotas set by the Ministry of Foreign Trade" in whole
    assert 'href="/search?country=KP&amp;good=gems"' in whole
    # Scripts are the page's static files only, as the CSP requires.
    assert all(
        tag.startswith("<script src=") for tag in re.findall(r"<script[^>]*>", page)
    )
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_document_page_has_the_anchor_a_sentence_links_to(client: TestClient) -> None:
    page = client.get("/risk-areas").text
    document_id, position = re.findall(
        r'href="/documents/([0-9a-f]+)#s(\d+)"', rows_of(page)[0]
    )[1]
    document = client.get(f"/documents/{document_id}").text
    assert f'id="s{position}"' in document


def test_filters_narrow_the_rows(client: TestClient) -> None:
    everything = rows_of(client.get("/risk-areas").text)
    assert len(everything) == 3  # North Korea, South Pyongan, North Hamgyong
    corroborated = client.get("/risk-areas", params={"min_sources": 2}).text
    assert len(rows_of(corroborated)) == 1
    assert 'name="min_sources" type="number" min="1" max="1000" value="2"' in (
        corroborated
    )
    # Empty fields, as a GET form sends them, are no filter.
    blank = {"country": "KP", "good": "", "since": "", "min_sources": "1"}
    assert len(rows_of(client.get("/risk-areas", params=blank).text)) == 3
    since = client.get("/risk-areas", params={"since": "2024"}).text
    assert len(rows_of(since)) == 2
    assert "Girls polish gems" not in since
    none = client.get("/risk-areas", params={"good": "cotton"}).text
    assert rows_of(none) == [] and "No rows" in none
    bad = client.get(
        "/risk-areas", params={"country": "Atlantis"}, headers={"accept": "text/html"}
    )
    assert bad.status_code == 400
    assert "--country Atlantis: not a known country" in bad.text


def test_map_data_shades_by_the_strongest_row(client: TestClient) -> None:
    page = client.get("/risk-areas", params={"since": "2023"}).text
    (country,) = re.findall(r'<li data-numeric="(\d+)" data-colour="([^"]+)">', page)
    assert country == ("408", "#641e16")  # corroborated, state-imposed
    for strength in ("single source", "corroborated, state-imposed"):
        assert f"</svg> {strength}</li>" in page  # the legend names each
    assert '<a href="/risk-areas?country=KP&amp;since=2023">North Korea</a>' in page
    points = re.findall(r'data-longitude="([-\d.]+)" data-latitude="([-\d.]+)"', page)
    assert ("125.9", "39.35") in points  # South Pyongan
    assert len(points) == 2  # the whole-country row has no point of its own
    assert '<script src="/static/risk_map.js">' in page
    assert client.get("/static/risk_map.js").status_code == 200


def test_downloads_have_the_page_filters(client: TestClient) -> None:
    page = client.get("/risk-areas", params={"min_sources": 2}).text
    assert 'href="/risk-areas.csv?min_sources=2"' in page
    assert 'href="/risk-areas.xlsx?min_sources=2"' in page
    assert 'href="/api/risk-areas?min_sources=2&amp;format=geojson"' in page
    response = client.get("/risk-areas.csv", params={"min_sources": 2})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["country", "subdivision", "good"]
    assert [row[:3] for row in rows[1:]] == [["KP", "", "gems"]]
    workbook = client.get("/risk-areas.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Risk register"]
    assert sheet.max_row == 4


def test_incidents_download_as_csv_and_xlsx(client: TestClient) -> None:
    page = client.get("/incidents").text
    assert 'href="/incidents.csv"' in page and 'href="/incidents.xlsx"' in page
    response = client.get("/incidents.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == documented_columns()
    assert {row["title"] for row in rows} == {SCRIPT_TITLE, ""}
    only = client.get("/incidents.csv", params={"indicator": "child_labour"}).text
    assert len(list(csv.DictReader(io.StringIO(only)))) == 1
    workbook = client.get("/incidents.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Incidents"]
    header = [cell.value for cell in sheet[1]]
    assert header == documented_columns()
    assert sheet.max_row == 3
    bad = client.get("/incidents.csv", params={"indicator": "slavery"})
    assert bad.status_code == 400


def test_provinces_with_rows_link_to_their_rows(client: TestClient) -> None:
    page = client.get("/risk-areas").text
    provinces = re.findall(
        r'<li data-code="([A-Z]{2}-\w+)" data-colour="(#[0-9a-f]+)">'
        r'<a href="([^"]+)">([^<]+)</a>',
        page,
    )
    by_code = {code: (colour, href, name) for code, colour, href, name in provinces}
    assert set(by_code) == {"KP-02", "KP-09"}
    colour, href, name = by_code["KP-02"]
    assert name == "South Pyongan, North Korea"
    assert href == "/risk-areas?subdivision=KP-02"
    rows = rows_of(client.get(href).text)
    assert len(rows) == 1 and "South Pyongan" in rows[0]
    assert 'name="subdivision" value="KP-02"' in client.get(href).text
    # The downloads and the API keep the filter.
    assert 'href="/risk-areas.csv?subdivision=KP-02"' in client.get(href).text
    listed = list(
        csv.reader(io.StringIO(client.get("/risk-areas.csv?subdivision=KP-02").text))
    )
    assert [row[1] for row in listed[1:]] == ["KP-02"]
    api = client.get("/api/risk-areas", params={"subdivision": "kp-02"}).json()
    assert {row["subdivision"] for row in api["rows"]} == {"KP-02"}
    script = client.get("/static/risk_map.js").text
    assert "if (listed.length) drawProvinces" in script
    assert script.count("admin1.json") == 1


def test_an_unknown_subdivision_is_refused_with_its_name(client: TestClient) -> None:
    bad = client.get(
        "/risk-areas", params={"subdivision": "KP-99"}, headers={"accept": "text/html"}
    )
    assert bad.status_code == 400
    assert "subdivision KP-99: not an ISO 3166-2 code" in bad.text
