"""``laborwatch incidents`` as a user runs it: the documented columns, filters."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from laborwatch.store import open_database
from tests.conftest import run_cli
from tests.store.test_risk import GEMS, OTHER, store

DOC = Path(__file__).resolve().parents[2] / "docs" / "incidents.md"


def documented_columns() -> list[str]:
    """The column names of the table in docs/incidents.md, in order."""
    return re.findall(r"^\| `(\w+)` \|", DOC.read_text(), flags=re.MULTILINE)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("incidents")
    url = f"sqlite:///{folder / 'laborwatch.db'}"
    database = open_database(url)
    store(database, GEMS, url="https://www.dailynk.com/gems", title="=1+1 gems")
    store(database, OTHER, url="https://rfa.example.org/gems", published="2024-05-01")
    database.close()
    return url


def test_csv_has_the_documented_header(stored: str) -> None:
    result = run_cli("--db", stored, "incidents", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(documented_columns()) == 12
    assert list(rows[0]) == documented_columns()
    assert len(rows) == 2
    gems = next(row for row in rows if "child_labour" in row["indicators"])
    assert gems["title"] == "'=1+1 gems"  # a formula is neutralised
    # Where the goods go counts too: an incident names every place.
    assert gems["countries"] == "KP US" and gems["goods"] == "gems"
    assert all(
        ref.startswith(gems["document_id"] + "#s") for ref in gems["sentences"].split()
    )


def test_filters_by_country_and_indicator(stored: str) -> None:
    def count(*args: str) -> int:
        result = run_cli("--db", stored, "incidents", "--format", "json", *args)
        assert result.returncode == 0, result.stderr
        return len(json.loads(result.stdout)["incidents"])

    assert count() == 2
    assert count("--country", "North Korea") == 2
    assert count("--country", "PK") == 0
    assert count("--indicator", "child_labour") == 1


def test_xlsx_has_the_rows(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "incidents.xlsx"
    result = run_cli("--db", stored, "incidents", "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["Incidents"]
    assert [cell.value for cell in sheet[1]] == documented_columns()
    assert sheet.max_row == 3
    assert sheet.freeze_panes == "A2"
    titles = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "'=1+1 gems" in titles


def test_table_and_a_bad_indicator(stored: str) -> None:
    table = run_cli("--db", stored, "incidents")
    assert table.returncode == 0, table.stderr
    assert "=1+1 gems" in table.stdout
    bad = run_cli("--db", stored, "incidents", "--indicator", "slavery")
    assert bad.returncode == 1
    assert bad.stderr.strip().startswith(
        "Error: --indicator slavery: not an indicator code ("
    )
