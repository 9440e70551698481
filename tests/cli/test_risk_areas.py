"""``laborwatch risk-areas`` as a user runs it, and ``/api/risk-areas``."""

from __future__ import annotations

import csv
import io
import json

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
