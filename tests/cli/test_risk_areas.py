"""``laborwatch risk-areas`` as a user runs it, and ``/api/risk-areas``."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient

from laborwatch.lists.dol import load_dol_xml
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.web import create_app
from tests.conftest import run_cli
from tests.store.test_risk import DOL_XML, GEMS, OTHER, store
from tests.web.conftest import LOCAL
from tests.web.test_openapi import conform


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with two reports on North Korean gems and the DOL fixture."""
    folder = tmp_path_factory.mktemp("risk")
    url = f"sqlite:///{folder / 'laborwatch.db'}"
    database = open_database(url)
    store(database, GEMS, url="https://www.dailynk.com/gems", published="2023-02-03")
    store(database, OTHER, url="https://rfa.example.org/gems", published="2024-05-01")
    dol = folder / "goods.xml"
    dol.write_text(DOL_XML)
    save_list(database, load_dol_xml(dol))
    database.close()
    return url


def test_csv_has_the_documented_columns(stored: str) -> None:
    result = run_cli("--db", stored, "risk-areas", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "country",
        "subdivision",
        "good",
        "hs",
        "strength",
        "sources",
        "documents",
        "publishers",
        "first_evidence",
        "last_evidence",
        "state_imposed",
        "children",
        "indicators",
        "sentences",
    ]
    first = rows[0]
    assert (first["country"], first["subdivision"], first["good"]) == ("KP", "", "gems")
    assert first["strength"] == "corroborated, state-imposed"
    assert first["publishers"] == "dailynk.com; rfa.example.org"
    assert first["state_imposed"] == "yes"
    assert all("#s" in ref for ref in first["sentences"].split())


def test_json_and_min_sources(stored: str) -> None:
    result = run_cli(
        "--db", stored, "risk-areas", "--min-sources", "2", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)["rows"]
    assert (row["country"], row["subdivision"], row["hs"]) == ("KP", None, "7103")
    assert (row["sources"], row["documents"]) == (2, 2)
    assert (row["first_evidence"], row["last_evidence"]) == ("2023-02-03", "2024-05-01")
    assert set(row["sentences"][0]) == {"document_id", "sentence"}
    assert "dol" not in row


def test_compare_dol_prints_pairs_without_evidence(stored: str) -> None:
    result = run_cli("--db", stored, "risk-areas", "--compare-dol", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert all(row["dol"] is True for row in data["rows"])
    assert [(p["country"], p["good"]) for p in data["dol_without_evidence"]] == [
        ("PK", "bricks")
    ]
    table = run_cli("--db", stored, "risk-areas", "--compare-dol")
    assert "DOL list pairs with no stored evidence" in table.stdout
    assert "PK  bricks" in table.stdout


def test_bad_country_is_one_line_and_exit_1(stored: str) -> None:
    result = run_cli("--db", stored, "risk-areas", "--country", "Atlantis")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: --country Atlantis: not a known country"


def test_api_gives_the_same_rows(stored: str) -> None:
    app = create_app(Settings(database_url=stored))
    with TestClient(app, base_url=LOCAL) as client:
        response = client.get("/api/risk-areas", params={"min_sources": 2})
        assert response.status_code == 200
        (row,) = response.json()["rows"]
        assert row["strength"] == "corroborated, state-imposed"
        bad = client.get("/api/risk-areas", params={"good": "unobtainium"})
        assert bad.status_code == 400
        assert "--good unobtainium" in bad.text


# A publisher named like a spreadsheet formula, and a title carrying markup: what a
# hostile site could put in its metadata.
FORMULA_SITE = '=HYPERLINK("http://evil.example/","open me")'
SCRIPT_TITLE = "<script>alert('gems')</script> Gems for export"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file with one gems report whose site and title are hostile."""
    folder = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{folder / 'laborwatch.db'}"
    database = open_database(url)
    store(database, GEMS, site=FORMULA_SITE, title=SCRIPT_TITLE, published="2023")
    database.close()
    return url


def _csv_rows(stored: str, *args: str) -> list[list[str]]:
    result = run_cli("--db", stored, "risk-areas", "--format", "csv", *args)
    assert result.returncode == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))


def test_xlsx_has_the_csv_header_and_rows(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    result = run_cli("--db", stored, "risk-areas", "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Risk register"]
    sheet = workbook["Risk register"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    expected = _csv_rows(stored)
    assert rows[0] == expected[0]
    assert len(rows) == len(expected) > 1
    # Counts are numbers in the workbook; text cells are as the CSV has them.
    assert rows[1][5:7] == [int(expected[1][5]), int(expected[1][6])]
    # An empty cell reads back as None.
    assert [value or "" for value in rows[1][:5]] == expected[1][:5]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:N1"
    assert sheet.column_dimensions["N"].width == 60


def test_xlsx_after_compare_dol_has_a_dol_sheet(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "dol.xlsx"
    result = run_cli(
        "--db",
        stored,
        "risk-areas",
        "--compare-dol",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Risk register", "DOL comparison"]
    register = [list(r) for r in workbook["Risk register"].iter_rows(values_only=True)]
    assert register[0][-1] == "dol"
    assert {row[-1] for row in register[1:]} == {"yes"}
    dol = [list(r) for r in workbook["DOL comparison"].iter_rows(values_only=True)]
    assert dol[0] == ["list_id", "country", "good", "forced_labour", "child_labour"]
    assert [row[1:3] for row in dol[1:]] == [["PK", "bricks"]]


def test_xlsx_neutralises_a_formula_publisher(hostile: str, tmp_path: Path) -> None:
    out = tmp_path / "hostile.xlsx"
    result = run_cli("--db", hostile, "risk-areas", "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["Risk register"]
    publishers = {row[7] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert publishers == {"'" + FORMULA_SITE.lower()}
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), (
        "a cell was written as a formula"
    )
    text = _csv_rows(hostile)
    assert text[1][7] == "'" + FORMULA_SITE.lower()


def test_xlsx_is_refused_on_a_terminal(stored: str) -> None:
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "laborwatch", "--db", stored, "risk-areas"]
            + ["--format", "xlsx"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1"},
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        "Error: --format xlsx: a workbook is binary; give -o FILE or redirect stdout"
    )


def test_xlsx_to_a_pipe_is_the_workbook(stored: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "laborwatch", "--db", stored, "risk-areas"]
        + ["--format", "xlsx"],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    workbook = openpyxl.load_workbook(io.BytesIO(result.stdout))
    assert workbook["Risk register"]["A1"].value == "country"


def assert_feature_collection(data: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    """``data`` is a GeoJSON FeatureCollection of ``rows``, each feature a Point
    with numeric coordinates in range and the row as its properties."""
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(rows) > 0
    for feature, row in zip(data["features"], rows, strict=True):
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        for value in (longitude, latitude):
            assert isinstance(value, int | float) and not isinstance(value, bool)
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        properties = dict(feature["properties"])
        point = properties.pop("point")
        assert properties == row
        assert point == ("subdivision" if row["subdivision"] else "country")


def test_geojson_is_a_feature_collection_of_the_rows(
    stored: str, tmp_path: Path
) -> None:
    out = tmp_path / "register.geojson"
    result = run_cli(
        "--db", stored, "risk-areas", "--format", "geojson", "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(run_cli("--db", stored, "risk-areas", "--format", "json").stdout)
    assert_feature_collection(json.loads(out.read_text()), rows["rows"])
    pyongan = next(
        f
        for f in json.loads(out.read_text())["features"]
        if f["properties"]["subdivision"] == "KP-02"
    )
    # South Pyongan's point, from the gazetteer, not North Korea's.
    assert pyongan["geometry"]["coordinates"] == [125.9, 39.35]


def test_output_with_a_table_is_refused(stored: str, tmp_path: Path) -> None:
    result = run_cli("--db", stored, "risk-areas", "-o", str(tmp_path / "x"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: --output: give --format csv, xlsx, geojson or json"
    )


def test_api_gives_geojson_with_the_same_filters(stored: str) -> None:
    app = create_app(Settings(database_url=stored))
    with TestClient(app, base_url=LOCAL) as client:
        rows = client.get("/api/risk-areas", params={"min_sources": 2}).json()["rows"]
        response = client.get(
            "/api/risk-areas", params={"min_sources": 2, "format": "geojson"}
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        assert_feature_collection(response.json(), rows)
        # The answer has the keys /openapi.json documents for application/geo+json.
        spec = client.get("/openapi.json").json()
        answers = spec["paths"]["/api/risk-areas"]["get"]["responses"]["200"]
        documented = answers["content"]["application/geo+json"]["schema"]
        conform(response.json(), documented, spec, "geojson")
        bad = client.get("/api/risk-areas", params={"format": "kml"})
        assert bad.status_code == 422
